import {
  AcceptForm,
  FulfilForm,
  ReportProgressForm,
  ReviseForm,
  WithdrawForm,
} from '../components/commitment-forms';
import { QueryView, Status, TableWrap } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { formatDate } from '../format';
import { CommitmentPageDocument, type CommitmentPageQuery } from '../graphql/generated';
import { may } from '../policy';
import { pathOf } from '../router';
import { timeVariables } from '../time-travel';
import { Amount, Day, When } from '../components/values';

/** The progress reports in the commitment's history, oldest first. */
function progressOverTime(history: CommitmentPageQuery['history']) {
  return history
    .filter((event) => event.type.startsWith('ProgressReported'))
    .map((event) => {
      const data = JSON.parse(event.data) as { percent: number; note: string };
      return { position: event.position, at: event.occurredAt, ...data };
    });
}

/** `/initiatives/:id/commitments/:commitmentId`: one commitment, its progress and revisions. */
export function CommitmentScreen({
  initiativeId,
  commitmentId,
}: {
  initiativeId: string;
  commitmentId: string;
}) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const state = useQuery(CommitmentPageDocument, {
    id: commitmentId,
    initiativeId,
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ commitment: c, history, initiative, roster }) => {
        const partner =
          initiative.partners.find((p) => p.partnerId === c.partnerId)?.organisationName ??
          c.partnerId;
        const open = point.kind === 'now' && c.status === 'OPEN';
        const acting = open && may('ReportProgress', roster, me, c.partnerId);
        const accepting = open && !c.acceptedAt && may('AcceptCommitment', roster, me);
        const revising = open && may('ReviseCommitment', roster, me, c.partnerId);
        const withdrawing = open && may('WithdrawCommitment', roster, me, c.partnerId);
        const reports = progressOverTime(history);
        const resources = c.resources;
        return (
          <>
            <p>
              <a href={href(base)}>{initiative.name}</a> ›{' '}
              <a href={href(`${base}/commitments`)}>Commitments</a>
            </p>
            <h1>{c.description}</h1>
            <p>
              <Status value={c.status} /> {c.overdue && <Status value="OVERDUE" />}
            </p>
            <div class="field">
              <label for="commitment-progress">{c.percent}% done</label>
              <progress id="commitment-progress" max={100} value={c.percent}>
                {c.percent}%
              </progress>
            </div>
            <dl class="facts">
              <dt>Partner</dt>
              <dd>{partner}</dd>
              <dt>Due by</dt>
              <dd>
                <Day date={c.dueDate} />
              </dd>
              <dt>Made</dt>
              <dd>
                <When at={c.madeAt} />
              </dd>
              {resources && (
                <>
                  <dt>Resources</dt>
                  <dd>
                    {[
                      resources.hours !== null ? <>{resources.hours} hours</> : null,
                      resources.money ? <Amount money={resources.money} /> : null,
                      resources.inKind,
                    ]
                      .filter(Boolean)
                      .map((part, i) => (
                        <span key={i}>
                          {i > 0 && '; '}
                          {part}
                        </span>
                      ))}
                    {resources.hours === null && !resources.money && !resources.inKind && '—'}
                  </dd>
                </>
              )}
              {c.acceptedAt && (
                <>
                  <dt>Accepted</dt>
                  <dd>
                    by {c.acceptedBy}, <When at={c.acceptedAt} />
                  </dd>
                </>
              )}
              {c.closedAt && (
                <>
                  <dt>Closed</dt>
                  <dd>
                    <When at={c.closedAt} />
                    {c.closingNote ? `: “${c.closingNote}”` : ''}
                  </dd>
                </>
              )}
              {c.decisionId && (
                <>
                  <dt>Asked for by</dt>
                  <dd>
                    <a href={href(`${base}/decisions/${encodeURIComponent(c.decisionId)}`)}>
                      decision {c.decisionId}
                    </a>
                  </dd>
                </>
              )}
              {c.indicatorId && (
                <>
                  <dt>Serves the indicator</dt>
                  <dd>{c.indicatorId}</dd>
                </>
              )}
            </dl>
            <p>
              <a href={href(`${base}/history/${encodeURIComponent(c.commitmentId)}`)}>
                Full history of this commitment
              </a>
            </p>
            <h2>Progress over time</h2>
            {reports.length === 0 ? (
              <p>No progress reported yet.</p>
            ) : (
              <TableWrap label="Progress over time">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col" class="num">
                        Done
                      </th>
                      <th scope="col">Report</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.map((report) => (
                      <tr key={report.position}>
                        <td>
                          <When at={report.at} />
                        </td>
                        <td class="num">{report.percent}%</td>
                        <td>{report.note}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {c.revisions.length > 0 && (
              <>
                <h2>Revisions</h2>
                <ul>
                  {c.revisions.map((r) => (
                    <li key={r.revision}>
                      <When at={r.revisedAt} />:{' '}
                      {r.dueDate &&
                        `due date ${formatDate(r.previousDueDate)} → ${formatDate(r.dueDate)}; `}
                      {r.description && `scope “${r.previousDescription}” → “${r.description}”; `}
                      because {r.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {acting && (
              <>
                <section class="card">
                  <ReportProgressForm commitment={c} onRecorded={state.reload} />
                </section>
                <section class="card">
                  <FulfilForm commitment={c} onRecorded={state.reload} />
                </section>
              </>
            )}
            {accepting && (
              <section class="card">
                <AcceptForm commitment={c} onRecorded={state.reload} />
              </section>
            )}
            {revising && (
              <section class="card">
                <ReviseForm commitment={c} onRecorded={state.reload} />
              </section>
            )}
            {withdrawing && (
              <section class="card">
                <WithdrawForm commitment={c} onRecorded={state.reload} />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
