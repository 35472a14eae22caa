import { DistributionForm } from '../components/distribution-form';
import { QueryView, TableWrap } from '../components/query-view';
import { Amount, Percent, When } from '../components/values';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { words } from '../format';
import { BenefitPoolsDocument, type BenefitPoolFragment } from '../graphql/generated';
import { basisPoints, fromMinor, minorDigits } from '../money';
import { may } from '../policy';
import { pathOf, useLocation, withParams } from '../router';
import { timeVariables } from '../time-travel';

type Name = (partnerId: string) => string;

/** A partner's share, what it received, and what its share of everything paid out would be. */
function AllocationTable({ pool, name }: { pool: BenefitPoolFragment; name: Name }) {
  const funding = pool.kind === 'FUNDING' && pool.distributed;
  const received = new Map(pool.distributedByPartner.map((p) => [p.partnerId, p.amount]));
  const due = (percent: string) => {
    if (!pool.distributed) return null;
    const { amountMinor, currency } = pool.distributed;
    const minor = (BigInt(amountMinor) * BigInt(basisPoints(percent))) / 10_000n;
    return { amount: fromMinor(minor, minorDigits(currency)), currency };
  };
  return (
    <TableWrap label={`Allocation of ${pool.name}`}>
      <table>
        <caption>Allocation in force</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col" class="num">
              Share
            </th>
            {funding && (
              <>
                <th scope="col" class="num">
                  Received so far
                </th>
                <th scope="col" class="num">
                  Its share of what was paid out
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {pool.allocation.map((share) => (
            <tr key={share.partnerId}>
              <th scope="row">{name(share.partnerId)}</th>
              <td class="num">
                <Percent value={share.percent} />
              </td>
              {funding && (
                <>
                  <td class="num">
                    <Amount money={received.get(share.partnerId)} />
                  </td>
                  <td class="num">
                    <Amount money={due(share.percent)} />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Each payment out of the pool, partner by partner. */
function DistributionsTable({ pool, name }: { pool: BenefitPoolFragment; name: Name }) {
  const partners = [
    ...new Set(pool.distributions.flatMap((d) => d.amounts.map((a) => a.partnerId))),
  ];
  return (
    <TableWrap label={`Distributions of ${pool.name}`}>
      <table>
        <caption>Distributions</caption>
        <thead>
          <tr>
            <th scope="col">Recorded</th>
            <th scope="col">Note</th>
            <th scope="col" class="num">
              Total
            </th>
            {partners.map((partnerId) => (
              <th scope="col" class="num" key={partnerId}>
                {name(partnerId)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pool.distributions.map((d) => (
            <tr key={d.distributionId}>
              <td>
                <When at={d.recordedAt} />
              </td>
              <td>{d.note}</td>
              <td class="num">
                <Amount money={d.total} />
              </td>
              {partners.map((partnerId) => (
                <td class="num" key={partnerId}>
                  <Amount money={d.amounts.find((a) => a.partnerId === partnerId)?.amount} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** `/initiatives/:id/benefits`: each pool, its allocation shares and the distributions against them. */
export function BenefitPoolsScreen({ initiativeId }: { initiativeId: string }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const after = useLocation().search.get('after');
  const state = useQuery(BenefitPoolsDocument, {
    initiativeId,
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, benefitPools, roster }) => {
        const names = new Map(initiative.partners.map((p) => [p.partnerId, p.organisationName]));
        const name = (partnerId: string) => names.get(partnerId) ?? partnerId;
        const distributing = point.kind === 'now' && may('RecordDistribution', roster, me);
        return (
          <>
            <p>
              <a href={href(base)}>{initiative.name}</a>
            </p>
            <h1>Benefit pools</h1>
            {benefitPools.totalCount === 0 ? (
              <p>No benefit pools defined.</p>
            ) : (
              <p>{benefitPools.totalCount} benefit pools defined.</p>
            )}
            {benefitPools.edges.map(({ node: pool }) => (
              <section class="card" key={pool.poolId} aria-labelledby={`pool-${pool.poolId}`}>
                <h2 id={`pool-${pool.poolId}`}>{pool.name}</h2>
                <p>
                  {words(pool.kind)}: {pool.description}
                </p>
                {pool.amount && (
                  <dl class="facts">
                    <dt>Pool</dt>
                    <dd>
                      <Amount money={pool.amount} />
                    </dd>
                    <dt>Paid out</dt>
                    <dd>
                      <Amount money={pool.distributed} />
                    </dd>
                    <dt>Left</dt>
                    <dd>
                      <Amount money={pool.remaining} />
                    </dd>
                  </dl>
                )}
                {pool.allocation.length === 0 ? (
                  <p>Not allocated yet.</p>
                ) : (
                  <AllocationTable pool={pool} name={name} />
                )}
                {pool.allocationHistory.length > 1 && (
                  <>
                    <h3>Allocations</h3>
                    <ul>
                      {pool.allocationHistory.map((a) => (
                        <li key={a.revision}>
                          <When at={a.allocatedAt} />
                          {a.reason ? `: reallocated because ${a.reason}` : ': first allocation'}
                          {a.current ? ' (in force)' : ''}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {pool.kind === 'FUNDING' &&
                  (pool.distributions.length === 0 ? (
                    <p>Nothing paid out yet.</p>
                  ) : (
                    <DistributionsTable pool={pool} name={name} />
                  ))}
                <p>
                  <a href={href(`${base}/history/${encodeURIComponent(pool.poolId)}`)}>
                    Full history of {pool.name}
                  </a>
                </p>
                {distributing && pool.kind === 'FUNDING' && pool.allocation.length > 0 && (
                  <DistributionForm pool={pool} name={name} onRecorded={state.reload} />
                )}
              </section>
            ))}
            {benefitPools.pageInfo.hasNextPage && benefitPools.pageInfo.endCursor && (
              <nav class="pager" aria-label="Pages of benefit pools">
                <a
                  href={withParams(href(`${base}/benefits`), {
                    after: benefitPools.pageInfo.endCursor,
                  })}
                >
                  Next page
                </a>
              </nav>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
