import { useState } from 'preact/hooks';
import { formatMoney } from '../format';
import { request } from '../graphql/client';
import { type BenefitPoolFragment, RecordDistributionDocument } from '../graphql/generated';
import { basisPoints, fromMinor, minorDigits, splitByShares, toMinor } from '../money';
import { Field, FormError, StaleNotice, useCommand } from './command';

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
  const command = useCommand(['amounts', 'note']);
  const [total, setTotal] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const currency = pool.amount?.currency ?? 'USD';
  const digits = minorDigits(currency);
  const id = `distribute-${pool.poolId}`;
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
  const submit = async (event: Event) => {
    event.preventDefault();
    const left = BigInt(pool.remaining?.amountMinor ?? '0');
    const found =
      minor === null || minor <= 0n
        ? `Give an amount above 0, such as 1500.00 (at most ${digits} decimals).`
        : minor > left
          ? `That is more than the ${formatMoney(fromMinor(left, digits), currency)} left in the pool.`
          : null;
    setProblem(found);
    if (found) return;
    const answer = await command.run(
      (commandId) =>
        request(RecordDistributionDocument, {
          input: {
            commandId,
            poolId: pool.poolId,
            note: note.trim(),
            expectedRevision: pool.revision,
            amounts: split.map(({ share, minor: part }) => ({
              partnerId: share.partnerId,
              amount: { amount: fromMinor(part, digits), currency },
            })),
          },
        }),
      onRecorded,
    );
    if (answer) {
      setTotal('');
      setNote('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>Record a distribution</h3>
      {command.stale && <StaleNotice what="pool" />}
      <Field
        id={`${id}-total`}
        label={`Total paid out (${currency})`}
        inputMode="decimal"
        value={total}
        onInput={setTotal}
        error={problem ?? command.fieldError('amounts') ?? command.fieldError('amount')}
      />
      {split.length > 0 && (
        <p class="muted">
          Split by the allocation:{' '}
          {split
            .map(
              ({ share, minor: part }) =>
                `${name(share.partnerId)} ${formatMoney(fromMinor(part, digits), currency)}`,
            )
            .join('; ')}
          .
        </p>
      )}
      <Field
        id={`${id}-note`}
        label="What it pays for"
        value={note}
        onInput={setNote}
        error={command.fieldError('note')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Record the distribution'}
      </button>
    </form>
  );
}
