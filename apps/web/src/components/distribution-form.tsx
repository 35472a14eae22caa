import { formatMoney } from '../format';
import { type BenefitPoolFragment, RecordDistributionDocument } from '../graphql/generated';
import { basisPoints, fromMinor, minorDigits, splitByShares, toMinor } from '../money';
import { CommandForm } from './command-form';

/**
 * Backbone staff record money paid out of a funding pool: one total, split by the allocation in
 * force (each partner within one cent of its share, as the ledger requires), on the pool's
 * revision shown.
 */
export function DistributionForm({
  pool,
  name,
  onRecorded,
}: {
  pool: BenefitPoolFragment;
  name: (partnerId: string) => string;
  onRecorded: () => void;
}) {
  const currency = pool.amount?.currency ?? 'USD';
  const digits = minorDigits(currency);
  const id = `distribute-${pool.poolId}`;
  const money = (minor: bigint) => formatMoney(fromMinor(minor, digits), currency);
  /** The total typed, in minor units, and its split by the allocation. */
  const splitOf = (total: string) => {
    const minor = toMinor(total, digits);
    const split =
      minor !== null && minor > 0n
        ? splitByShares(
            minor,
            pool.allocation.map((s) => ({
              partnerId: s.partnerId,
              basisPoints: basisPoints(s.percent),
            })),
          )
        : [];
    return { minor, split };
  };
  return (
    <CommandForm
      id={id}
      level={3}
      heading="Record a distribution"
      revision={pool.revision}
      stale="pool"
      onStale={onRecorded}
      fields={[
        {
          name: 'amounts',
          alias: ['amount'],
          id: `${id}-total`,
          label: `Total paid out (${currency})`,
          inputMode: 'decimal',
        },
        {
          show: (v) => {
            const { split } = splitOf(v.text('amounts'));
            return (
              split.length > 0 && (
                <p class="muted">
                  Split by the allocation:{' '}
                  {split
                    .map(({ share, minor }) => `${name(share.partnerId)} ${money(minor)}`)
                    .join('; ')}
                  .
                </p>
              )
            );
          },
        },
        { name: 'note', id: `${id}-note`, label: 'What it pays for', kind: 'multiline' },
      ]}
      check={(v) => {
        const { minor } = splitOf(v.text('amounts'));
        const left = BigInt(pool.remaining?.amountMinor ?? '0');
        return {
          amounts:
            minor === null || minor <= 0n
              ? `Give an amount above 0, such as 1500.00 (at most ${digits} decimals).`
              : minor > left
                ? `That is more than the ${money(left)} left in the pool.`
                : null,
        };
      }}
      document={RecordDistributionDocument}
      input={(v) => ({
        poolId: pool.poolId,
        note: v.text('note').trim(),
        amounts: splitOf(v.text('amounts')).split.map(({ share, minor }) => ({
          partnerId: share.partnerId,
          amount: { amount: fromMinor(minor, digits), currency },
        })),
      })}
      submit="Record the distribution"
      onRecorded={onRecorded}
    />
  );
}
