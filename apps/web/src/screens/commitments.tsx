import { useState } from 'preact/hooks';
import { MakeCommitmentForm } from '../components/commitment-forms';
import { QueryView, Status, TableWrap } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { CommitmentsListDocument, type CommitmentStatus } from '../graphql/generated';
import { may } from '../policy';
import { navigate, pathOf, useLocation, withParams } from '../router';
import { timeVariables } from '../time-travel';
import { Day } from '../components/values';

const STATUSES: CommitmentStatus[] = ['OPEN', 'FULFILLED', 'MISSED', 'WITHDRAWN'];

/**
 * `/initiatives/:id/commitments?partner=&status=&overdue=1`: the commitments, filtered by
 * partner, status and overdue (the filter is in the URL, so a view can be shared), 20 a page.
 */
export function CommitmentsScreen({ initiativeId }: { initiativeId: string }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const location = useLocation();
  const partner = location.search.get('partner') ?? '';
  const status = (location.search.get('status') ?? '') as CommitmentStatus | '';
  const overdue = location.search.get('overdue') === '1';
  // overdue=0: open and not past due ("on track"), the list behind an accountability cell.
  const onTrack = location.search.get('overdue') === '0';
  const after = location.search.get('after');
  const state = useQuery(CommitmentsListDocument, {
    initiativeId,
    filter: {
      initiativeId,
      ...(partner ? { partnerId: partner } : {}),
      ...(STATUSES.includes(status as CommitmentStatus)
        ? { status: status as CommitmentStatus }
        : {}),
      ...(overdue ? { overdue: true } : onTrack ? { overdue: false } : {}),
    },
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  const list = href(`${base}/commitments`);
  const filters = { partner, status, overdue: overdue ? '1' : '' };
  return (
    <QueryView state={state}>
      {({ initiative, roster, commitments }) => {
        const names = new Map(initiative.partners.map((p) => [p.partnerId, p.organisationName]));
        return (
          <>
            <p>
              <a href={href(base)}>{initiative.name}</a>
            </p>
            <h1>Commitments</h1>
            <Filters
              partners={initiative.partners}
              initial={filters}
              onShow={(chosen) => navigate(withParams(list, chosen))}
            />
            <p role="status">
              {commitments.totalCount} commitment{commitments.totalCount === 1 ? '' : 's'}
            </p>
            {commitments.totalCount > 0 && (
              <TableWrap label="Commitments">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Commitment</th>
                      <th scope="col">Partner</th>
                      <th scope="col">Due</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="num">
                        Done
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {commitments.edges.map(({ node: c }) => (
                      <tr key={c.commitmentId}>
                        <td>
                          <a
                            href={href(`${base}/commitments/${encodeURIComponent(c.commitmentId)}`)}
                          >
                            {c.description}
                          </a>
                        </td>
                        <td>{names.get(c.partnerId) ?? c.partnerId}</td>
                        <td>
                          <Day date={c.dueDate} />
                        </td>
                        <td>
                          <Status value={c.overdue ? 'OVERDUE' : c.status} />
                        </td>
                        <td class="num">{c.percent}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <nav class="pager" aria-label="Pages of commitments">
              {after && <a href={withParams(list, filters)}>First page</a>}
              {commitments.pageInfo.hasNextPage && commitments.pageInfo.endCursor && (
                <a href={withParams(list, { ...filters, after: commitments.pageInfo.endCursor })}>
                  Next page
                </a>
              )}
            </nav>
            {point.kind === 'now' && may('MakeCommitment', roster, me, me.partnerId) && (
              <section class="card">
                <MakeCommitmentForm
                  initiativeId={initiativeId}
                  partnerId={me.partnerId}
                  partnerName={names.get(me.partnerId) ?? me.partnerId}
                />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}

type FilterValues = {
  partner: string;
  status: string;
  overdue: string;
};

function Filters({
  partners,
  initial,
  onShow,
}: {
  partners: { partnerId: string; organisationName: string }[];
  initial: FilterValues;
  onShow: (values: FilterValues) => void;
}) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof FilterValues) => (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const value =
      target instanceof HTMLInputElement && target.type === 'checkbox'
        ? target.checked
          ? '1'
          : ''
        : target.value;
    setValues((previous) => ({ ...previous, [name]: value }));
  };
  return (
    <form
      class="filters"
      aria-label="Filter commitments"
      onSubmit={(event) => {
        event.preventDefault();
        onShow(values);
      }}
    >
      <div class="field">
        <label for="filter-partner">Partner</label>
        <select id="filter-partner" value={values.partner} onChange={set('partner')}>
          <option value="">All partners</option>
          {partners.map((p) => (
            <option key={p.partnerId} value={p.partnerId}>
              {p.organisationName}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-status">Status</label>
        <select id="filter-status" value={values.status} onChange={set('status')}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <label class="radio">
        <input type="checkbox" checked={values.overdue === '1'} onChange={set('overdue')} /> Overdue
        only
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}
