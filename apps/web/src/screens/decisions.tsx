import { ProposeDecisionForm } from '../components/propose-form';
import { QueryView, Status, TableWrap } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { formatDateTime, words } from '../format';
import { DecisionsRegisterDocument } from '../graphql/generated';
import { may } from '../policy';
import { pathOf, useLocation } from '../router';
import { timeVariables } from '../time-travel';
import { When } from '../components/values';

/** `/initiatives/:id/decisions`: the register, 20 a page, in the order proposed. */
export function DecisionsScreen({ initiativeId }: { initiativeId: string }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const location = useLocation();
  const after = location.search.get('after');
  const state = useQuery(DecisionsRegisterDocument, {
    initiativeId,
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, roster, decisions }) => (
        <>
          <p>
            <a href={href(base)}>{initiative.name}</a>
          </p>
          <h1>Decisions</h1>
          <p>{decisions.totalCount} decisions recorded.</p>
          <TableWrap label="Decisions">
            <table>
              <thead>
                <tr>
                  <th scope="col">Decision</th>
                  <th scope="col">Method</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    For / against / abstain
                  </th>
                  <th scope="col">Proposed</th>
                  <th scope="col">Closed</th>
                </tr>
              </thead>
              <tbody>
                {decisions.edges.map(({ node: d }) => (
                  <tr key={d.decisionId}>
                    <td>
                      <a href={href(`${base}/decisions/${encodeURIComponent(d.decisionId)}`)}>
                        {d.title}
                      </a>
                      {d.reviewDue && <span class="muted"> (review due)</span>}
                    </td>
                    <td>{words(d.method)}</td>
                    <td>
                      <Status value={d.status} />
                    </td>
                    <td class="num">
                      {d.tally.for} / {d.tally.against} / {d.tally.abstain}
                    </td>
                    <td>
                      <When at={d.proposedAt} />
                    </td>
                    <td>{d.closedAt ? formatDateTime(d.closedAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <nav class="pager" aria-label="Pages of decisions">
            {after && <a href={href(`${base}/decisions`)}>First page</a>}
            {decisions.pageInfo.hasNextPage && decisions.pageInfo.endCursor && (
              <a
                href={`${href(`${base}/decisions`)}${point.kind === 'now' ? '?' : '&'}after=${encodeURIComponent(decisions.pageInfo.endCursor)}`}
              >
                Next page
              </a>
            )}
          </nav>
          {point.kind === 'now' && may('ProposeDecision', roster, me) && (
            <section class="card">
              <ProposeDecisionForm initiativeId={initiativeId} />
            </section>
          )}
        </>
      )}
    </QueryView>
  );
}
