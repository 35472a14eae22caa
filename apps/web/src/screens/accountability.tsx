import { QueryView, TableWrap } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { Amount, Day, Percent } from '../components/values';
import { formatPercent, words } from '../format';
import { AccountabilityPageDocument, type CommitmentCellFragment } from '../graphql/generated';
import { pathOf, useLocation, withParams } from '../router';
import { timeVariables } from '../time-travel';

const GROUPS = [
  ['onTrack', 'On track'],
  ['overdue', 'Overdue'],
  ['fulfilled', 'Fulfilled'],
  ['missed', 'Missed'],
  ['withdrawn', 'Withdrawn'],
] as const;

/** The commitments list's filter behind each cell (on track: open and not past due). */
const FILTERS: Record<(typeof GROUPS)[number][0], { status: string; overdue?: string }> = {
  onTrack: { status: 'OPEN', overdue: '0' },
  overdue: { status: 'OPEN', overdue: '1' },
  fulfilled: { status: 'FULFILLED' },
  missed: { status: 'MISSED' },
  withdrawn: { status: 'WITHDRAWN' },
};

function Cell({
  cell,
  label,
  partner,
  link,
  all,
}: {
  cell: CommitmentCellFragment;
  label: string;
  partner: string;
  link: (commitmentId: string) => string;
  all: string;
}) {
  if (cell.totalCount === 0) return <td>0</td>;
  return (
    <td>
      <details>
        <summary aria-label={`${cell.totalCount} ${label.toLowerCase()} commitments of ${partner}`}>
          <span class={label === 'Overdue' ? 'status overdue' : undefined}>{cell.totalCount}</span>
        </summary>
        <ul>
          {cell.edges.map(({ node }) => (
            <li key={node.commitmentId}>
              <a href={link(node.commitmentId)}>{node.description}</a>{' '}
              <span class="muted">
                due <Day date={node.dueDate} />, {node.percent}%
              </span>
            </li>
          ))}
          {cell.totalCount > cell.edges.length && (
            <li class="muted">and {cell.totalCount - cell.edges.length} more</li>
          )}
        </ul>
        <a href={all}>
          The list of {label.toLowerCase()} commitments of {partner}
        </a>
      </details>
    </td>
  );
}

/** How many more a cell holds than it shows, and the list behind it. */
function More({
  total,
  shown,
  href,
  label,
}: {
  total: number;
  shown: number;
  href: string;
  label: string;
}) {
  if (total <= shown) return null;
  return (
    <li class="muted">
      and {total - shown} more: <a href={href}>{label}</a>
    </li>
  );
}

/** Agreements a partner signed, or must still sign, each a link to its page; then the list. */
function AgreementList({
  label,
  agreements,
  link,
  all,
}: {
  label: string;
  agreements: {
    totalCount: number;
    edges: readonly { node: { agreementId: string; title: string } }[];
  };
  link: (agreementId: string) => string;
  all: string;
}) {
  const more = agreements.totalCount - agreements.edges.length;
  return (
    <p>
      {agreements.totalCount} {label}
      {agreements.totalCount > 0 && ': '}
      {agreements.edges.map(({ node: a }, i) => (
        <span key={a.agreementId}>
          {i > 0 && ', '}
          <a href={link(a.agreementId)}>{a.title}</a>
        </span>
      ))}
      {more > 0 && (
        <>
          {' '}
          and {more} more (<a href={all}>all agreements</a>)
        </>
      )}
    </p>
  );
}

/** `/initiatives/:id/accountability`: who committed to what, and did they deliver, 20 partners a page. */
export function AccountabilityScreen({ initiativeId }: { initiativeId: string }) {
  const { point } = useWorkspace();
  const href = useHref();
  const location = useLocation();
  const after = location.search.get('after');
  const state = useQuery(AccountabilityPageDocument, {
    initiativeId,
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  const page = (cursor: string) =>
    `${href(`${base}/accountability`)}${point.kind === 'now' ? '?' : '&'}after=${encodeURIComponent(cursor)}`;
  return (
    <QueryView state={state}>
      {({ initiative, accountability }) => (
        <>
          <p>
            <a href={href(base)}>{initiative.name}</a>
          </p>
          <h1>Accountability</h1>
          <p>
            Who committed to what, and did they deliver: {accountability.partners.totalCount}{' '}
            partners, on <Day date={accountability.on} />. Open a number to see the commitments
            behind it.
          </p>
          <p>
            <a href={href(`${base}/accountability/compare`)}>Compare two dates side by side</a>
          </p>
          <TableWrap label="Accountability">
            <table>
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  {GROUPS.map(([, label]) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                  <th scope="col">Roles</th>
                  <th scope="col">Risks</th>
                  <th scope="col">Benefit shares</th>
                  <th scope="col">Agreements</th>
                </tr>
              </thead>
              <tbody>
                {accountability.partners.edges.map(({ node }) => (
                  <tr key={node.partner.partnerId}>
                    <th scope="row">
                      {node.partner.organisationName}
                      <br />
                      <span class="muted">{words(node.partner.sector)}</span>
                    </th>
                    {GROUPS.map(([group, label]) => (
                      <Cell
                        key={group}
                        cell={node.commitments[group]}
                        label={label}
                        partner={node.partner.organisationName}
                        link={(id) => href(`${base}/commitments/${encodeURIComponent(id)}`)}
                        all={withParams(href(`${base}/commitments`), {
                          partner: node.partner.partnerId,
                          ...FILTERS[group],
                        })}
                      />
                    ))}
                    <td>
                      {node.roles.length === 0
                        ? '—'
                        : node.roles.map((r) => `${r.personId}: ${words(r.role)}`).join('; ')}
                    </td>
                    <td>
                      {node.risks.totalCount === 0 ? (
                        '—'
                      ) : (
                        <ul class="plain">
                          {node.risks.edges.map(({ node: { risk, owner, sharePercent } }) => (
                            <li key={risk.riskId}>
                              <a href={href(`${base}/risks`)}>{risk.title}</a>{' '}
                              <span class="muted">
                                {owner ? 'owner' : 'shares it'}
                                {sharePercent ? `, ${formatPercent(sharePercent)}` : ''}; exposure{' '}
                                {risk.exposure}
                              </span>
                            </li>
                          ))}
                          <More
                            total={node.risks.totalCount}
                            shown={node.risks.edges.length}
                            href={href(`${base}/risks`)}
                            label={`All risks, in the risk register (${node.partner.organisationName} bears ${node.risks.totalCount})`}
                          />
                        </ul>
                      )}
                    </td>
                    <td>
                      {node.benefitShares.totalCount === 0 ? (
                        '—'
                      ) : (
                        <ul class="plain">
                          {node.benefitShares.edges.map(({ node: share }) => (
                            <li key={share.pool.poolId}>
                              <a href={href(`${base}/benefits`)}>{share.pool.name}</a>
                              {share.sharePercent && (
                                <>
                                  : <Percent value={share.sharePercent} />
                                </>
                              )}
                              {share.distributed && (
                                <>
                                  , received <Amount money={share.distributed} />
                                </>
                              )}
                            </li>
                          ))}
                          <More
                            total={node.benefitShares.totalCount}
                            shown={node.benefitShares.edges.length}
                            href={href(`${base}/benefits`)}
                            label={`All benefit pools (${node.partner.organisationName} has a share in ${node.benefitShares.totalCount})`}
                          />
                        </ul>
                      )}
                    </td>
                    <td>
                      <AgreementList
                        label="signed"
                        agreements={node.agreements.signedPage}
                        link={(id) => href(`${base}/agreements/${encodeURIComponent(id)}`)}
                        all={href(`${base}/agreements`)}
                      />
                      <AgreementList
                        label="pending"
                        agreements={node.agreements.pendingPage}
                        link={(id) => href(`${base}/agreements/${encodeURIComponent(id)}`)}
                        all={href(`${base}/agreements`)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <nav class="pager" aria-label="Pages of partners">
            {after && <a href={href(`${base}/accountability`)}>First page</a>}
            {accountability.partners.pageInfo.hasNextPage &&
              accountability.partners.pageInfo.endCursor && (
                <a href={page(accountability.partners.pageInfo.endCursor)}>Next page</a>
              )}
          </nav>
        </>
      )}
    </QueryView>
  );
}
