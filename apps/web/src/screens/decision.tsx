import { useEffect, useState } from 'preact/hooks';
import { QueryView, Status, TableWrap } from '../components/query-view';
import { CloseDecisionForm, RecuseForm } from '../components/decision-forms';
import { VoteForm } from '../components/vote-form';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { words } from '../format';
import { methodInWords, share } from '../governance';
import { DecisionPageDocument, type DecisionDetailFragment } from '../graphql/generated';
import { may } from '../policy';
import { pathOf } from '../router';
import { timeVariables } from '../time-travel';
import { Day, When } from '../components/values';

/** `/initiatives/:id/decisions/:decisionId`: one decision, everything a chair needs to read it. */
export function DecisionScreen({
  initiativeId,
  decisionId,
}: {
  initiativeId: string;
  decisionId: string;
}) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const state = useQuery(DecisionPageDocument, {
    id: decisionId,
    initiativeId,
    ...timeVariables(point),
  });
  const [recorded, setRecorded] = useState<DecisionDetailFragment | null>(null);
  useEffect(() => setRecorded(null), [state.data]);
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {(data) => {
        const decision = recorded ?? data.decision;
        const names = new Map(
          data.initiative.partners.map((p) => [p.partnerId, p.organisationName]),
        );
        const voting = data.roster.filter((seat) => seat.role === 'STEERING_MEMBER');
        const votingMembers = decision.quorum?.votingMembers ?? voting.length;
        const participants =
          decision.quorum?.participants ?? decision.votes.filter((vote) => vote.counted).length;
        const mine = decision.votes.find((vote) => vote.personId === me.personId);
        const recused = decision.recusals.some((r) => r.personId === me.personId);
        const open = point.kind === 'now' && decision.status === 'OPEN';
        const mayVote = open && !recused && may('CastVote', data.roster, me);
        const mayClose = open && may('CloseDecision', data.roster, me);
        // A registered person by name; one never registered (or forgotten) by id.
        const who = (seat: {
          personId: string;
          partnerId: string;
          person: { name: string | null };
        }) => (
          <>
            {seat.person.name ?? seat.personId}{' '}
            <span class="muted">of {names.get(seat.partnerId) ?? seat.partnerId}</span>
          </>
        );
        return (
          <>
            <p>
              <a href={href(base)}>{data.initiative.name}</a> ›{' '}
              <a href={href(`${base}/decisions`)}>Decisions</a>
            </p>
            <h1>{decision.title}</h1>
            <p>
              <Status value={decision.status} />{' '}
              {decision.outcome && decision.status !== 'OPEN' && (
                <span>
                  Outcome: <strong>{words(decision.outcome)}</strong>
                  {decision.outcomeReason ? ` (${decision.outcomeReason})` : ''}
                </span>
              )}
            </p>
            <h2>Motion</h2>
            <blockquote>{decision.motion}</blockquote>
            {decision.rationale && <p class="muted">Rationale: {decision.rationale}</p>}
            <dl class="facts">
              <dt>Method</dt>
              <dd>Decided {methodInWords(decision.method, decision.supermajority)}</dd>
              <dt>Quorum</dt>
              <dd>
                {share(decision.quorumFraction)} voting members must take part
                {decision.quorum
                  ? decision.quorum.reached
                    ? `: ${decision.quorum.required} of ${decision.quorum.votingMembers}, reached`
                    : `: ${decision.quorum.required} of ${decision.quorum.votingMembers}, not reached`
                  : ''}
              </dd>
              <dt>Participation</dt>
              <dd>
                {participants} of {votingMembers} voting members
                {decision.status === 'OPEN' ? ' so far' : ''}
              </dd>
              <dt>Proposed</dt>
              <dd>
                by {who(decision.proposedBy)}, <When at={decision.proposedAt} />
              </dd>
              {decision.closedAt && (
                <>
                  <dt>Closed</dt>
                  <dd>
                    <When at={decision.closedAt} />
                  </dd>
                </>
              )}
              {decision.reviewDate && (
                <>
                  <dt>Review</dt>
                  <dd>
                    <Day date={decision.reviewDate} />
                    {decision.reviewDue ? ' (due)' : ''}
                  </dd>
                </>
              )}
              {decision.supersededBy && (
                <>
                  <dt>Superseded by</dt>
                  <dd>
                    <a
                      href={href(`${base}/decisions/${encodeURIComponent(decision.supersededBy)}`)}
                    >
                      {decision.supersededBy}
                    </a>
                  </dd>
                </>
              )}
            </dl>
            <h2>Tally</h2>
            <TableWrap label="Tally">
              <table class="compact" aria-describedby="tally-note">
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      For
                    </th>
                    <th scope="col" class="num">
                      Against
                    </th>
                    <th scope="col" class="num">
                      Abstain
                    </th>
                    {decision.method === 'CONSENSUS' && (
                      <th scope="col" class="num">
                        Block
                      </th>
                    )}
                    {decision.method === 'CONSENT' && (
                      <th scope="col" class="num">
                        Objection
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td class="num">{decision.tally.for}</td>
                    <td class="num">{decision.tally.against}</td>
                    <td class="num">{decision.tally.abstain}</td>
                    {decision.method === 'CONSENSUS' && <td class="num">{decision.tally.block}</td>}
                    {decision.method === 'CONSENT' && (
                      <td class="num">{decision.tally.objection}</td>
                    )}
                  </tr>
                </tbody>
              </table>
            </TableWrap>
            <p id="tally-note" class="muted">
              {decision.status === 'OPEN'
                ? 'So far; the outcome is computed when the chair closes the vote.'
                : 'As closed.'}
            </p>
            <h2>Votes</h2>
            {decision.votes.length === 0 ? (
              <p>No votes yet.</p>
            ) : (
              <ul class="plain">
                {decision.votes.map((vote) => (
                  <li key={vote.personId} class="card">
                    <strong>{who(vote)}</strong>: {vote.choice.toLowerCase()}
                    {!vote.counted && ' (not counted: later recused)'}
                    {vote.reason && <p style={{ margin: '4px 0' }}>“{vote.reason}”</p>}
                    {vote.history.length > 1 && (
                      <details>
                        <summary>Changed {vote.history.length - 1} time(s)</summary>
                        <ol>
                          {vote.history.map((entry, i) => (
                            <li key={i}>
                              {entry.kind === 'changed' && entry.previousChoice
                                ? `changed from ${entry.previousChoice.toLowerCase()} to ${entry.choice.toLowerCase()}`
                                : `cast ${entry.choice.toLowerCase()}`}
                              , <When at={entry.occurredAt} />
                              {entry.reason ? `: “${entry.reason}”` : ''}
                            </li>
                          ))}
                        </ol>
                      </details>
                    )}
                    <span class="muted">
                      {' '}
                      <When at={vote.changedAt ?? vote.castAt} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h2>Recusals</h2>
            {decision.recusals.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul>
                {decision.recusals.map((r) => (
                  <li key={r.personId}>
                    {who(r)}: {r.reason}{' '}
                    <span class="muted">
                      (<When at={r.declaredAt} />)
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {decision.dissent.length > 0 && (
              <>
                <h2>Dissent</h2>
                <ul>
                  {decision.dissent.map((d) => (
                    <li key={d.personId}>
                      {d.personId}: {d.choice.toLowerCase()}
                      {d.reason ? ` — “${d.reason}”` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {mayVote && (
              <section class="card">
                <VoteForm
                  key={`${decision.revision}`}
                  decision={decision}
                  {...(mine ? { current: mine.choice } : {})}
                  onRecorded={setRecorded}
                />
              </section>
            )}
            {mayVote && (
              <section class="card">
                <RecuseForm decision={decision} onRecorded={setRecorded} />
              </section>
            )}
            {mayClose && (
              <section class="card">
                <CloseDecisionForm
                  decision={decision}
                  votingMembers={votingMembers}
                  participants={participants}
                  onRecorded={setRecorded}
                  onStale={() => {
                    setRecorded(null);
                    state.reload();
                  }}
                />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
