import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import {
  MyInitiativesDocument,
  OpenDecisionsDocument,
  WaitingForMeDocument,
} from '../graphql/generated';
import { pathOf } from '../router';
import { timeVariables } from '../time-travel';
import { QueryView, Status } from '../components/query-view';
import { Day, When } from '../components/values';

/** `/`: the initiatives I belong to, and what needs me in each. */
export function MyInitiativesScreen() {
  const { me, point } = useWorkspace();
  const href = useHref();
  const state = useQuery(MyInitiativesDocument, {
    partnerId: me.partnerId,
    ...timeVariables(point),
  });
  return (
    <>
      <h1>My initiatives</h1>
      <QueryView state={state}>
        {(data) => {
          const initiatives = data.initiatives.edges.map((edge) => edge.node);
          if (initiatives.length === 0)
            return <p>You are not a member or observer of any initiative yet.</p>;
          return initiatives.map((initiative) => {
            const voting = initiative.roster.some(
              (seat) => seat.personId === me.personId && seat.role === 'STEERING_MEMBER',
            );
            const signing = initiative.roster.some(
              (seat) =>
                seat.personId === me.personId &&
                seat.partnerId === me.partnerId &&
                seat.role === 'SIGNATORY',
            );
            const due = data.commitments.edges
              .map((edge) => edge.node)
              .filter((c) => c.initiativeId === initiative.initiativeId)
              .filter((c) => c.status === 'OPEN')
              .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
            const base = pathOf('initiatives', initiative.initiativeId);
            return (
              <section
                class="card"
                key={initiative.initiativeId}
                aria-labelledby={`i-${initiative.initiativeId}`}
              >
                <h2 id={`i-${initiative.initiativeId}`}>
                  <a href={href(base)}>{initiative.name}</a>
                </h2>
                <p class="muted">{initiative.commonAgenda}</p>
                <h3>Votes open to me</h3>
                {voting ? (
                  <VotesOpenToMe initiativeId={initiative.initiativeId} />
                ) : (
                  <p>You hold no vote here.</p>
                )}
                <h3>Commitments of {me.partnerId} due</h3>
                {due.length === 0 ? (
                  <p>None open.</p>
                ) : (
                  <ul>
                    {due.map((c) => (
                      <li key={c.commitmentId}>
                        {c.description} — due <Day date={c.dueDate} />, {c.percent}% done{' '}
                        {c.overdue ? <Status value="overdue" /> : <Status value={c.status} />}
                      </li>
                    ))}
                  </ul>
                )}
                <WaitingForMe initiativeId={initiative.initiativeId} signing={signing} />
                <p>
                  <a href={href(`${base}/decisions`)}>Decisions</a> ·{' '}
                  <a href={href(`${base}/accountability`)}>Accountability</a>
                </p>
              </section>
            );
          });
        }}
      </QueryView>
    </>
  );
}

/** The open decisions of one initiative that I have neither voted on nor recused from. */
function VotesOpenToMe({ initiativeId }: { initiativeId: string }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const state = useQuery(OpenDecisionsDocument, { initiativeId, ...timeVariables(point) });
  return (
    <QueryView state={state}>
      {(data) => {
        const open = data.decisions.edges
          .map((edge) => edge.node)
          .filter(
            (d) =>
              !d.votes.some((v) => v.personId === me.personId) &&
              !d.recusals.some((r) => r.personId === me.personId),
          );
        if (open.length === 0) return <p>None.</p>;
        return (
          <ul>
            {open.map((d) => (
              <li key={d.decisionId}>
                <a href={href(`${pathOf('initiatives', initiativeId, 'decisions', d.decisionId)}`)}>
                  {d.title}
                </a>{' '}
                <span class="muted">
                  proposed <When at={d.proposedAt} />
                </span>
              </li>
            ))}
          </ul>
        );
      }}
    </QueryView>
  );
}

/** Agreements awaiting my partner's signature (when I sign for it) and decisions due for review. */
function WaitingForMe({ initiativeId, signing }: { initiativeId: string; signing: boolean }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const state = useQuery(WaitingForMeDocument, { initiativeId, ...timeVariables(point) });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {(data) => {
        const toSign = data.agreements.edges
          .map((edge) => edge.node)
          .filter((a) =>
            a.parties.some((p) => p.partnerId === me.partnerId && p.signature === 'PENDING'),
          );
        const reviews = data.decisions.edges.map((edge) => edge.node);
        return (
          <>
            {signing && (
              <>
                <h3>Agreements waiting for my signature</h3>
                {toSign.length === 0 ? (
                  <p>None.</p>
                ) : (
                  <ul>
                    {toSign.map((a) => (
                      <li key={a.agreementId}>
                        <a href={href(`${base}/agreements/${encodeURIComponent(a.agreementId)}`)}>
                          {a.title}
                        </a>{' '}
                        <span class="muted">version {a.currentVersion}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            <h3>Reviews due</h3>
            {reviews.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul>
                {reviews.map((d) => (
                  <li key={d.decisionId}>
                    <a href={href(`${base}/decisions/${encodeURIComponent(d.decisionId)}`)}>
                      {d.title}
                    </a>{' '}
                    {d.reviewDate && (
                      <span class="muted">
                        review was due <Day date={d.reviewDate} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
