import { QueryView, TableWrap } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { formatDate, words } from '../format';
import { AccountabilityPageDocument, type CommitmentCellFragment } from '../graphql/generated';
import { pathOf, useLocation } from '../router';
import { timeVariables } from '../time-travel';

const GROUPS = [
  ['onTrack', 'On track'],
  ['overdue', 'Overdue'],
  ['fulfilled', 'Fulfilled'],
  ['missed', 'Missed'],
  ['withdrawn', 'Withdrawn'],
] as const;

function Cell({
  cell,
  label,
  partner,
  link,
}: {
  cell: CommitmentCellFragment;
  label: string;
  partner: string;
  link: (commitmentId: string) => string;
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
                due {formatDate(node.dueDate)}, {node.percent}%
              </span>
            </li>
          ))}
          {cell.totalCount > cell.edges.length && (
            <li class="muted">and {cell.totalCount - cell.edges.length} more</li>
          )}
        </ul>
      </details>
    </td>
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
            partners, on {formatDate(accountability.on)}. Open a number to see the commitments
            behind it.
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
                      />
                    ))}
                    <td>
                      {node.roles.length === 0
                        ? '—'
                        : node.roles.map((r) => `${r.personId}: ${words(r.role)}`).join('; ')}
                    </td>
                    <td>
                      {node.agreements.signed.length} signed
                      {node.agreements.pending.length > 0 &&
                        `, ${node.agreements.pending.length} pending`}
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
