import { useMemo, useState } from 'preact/hooks';
import { Status, TableWrap } from '../components/query-view';
import { QueryView } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { eventWords, formatDateTime, words } from '../format';
import { rulesInWords } from '../governance';
import { InitiativeOverviewDocument, type InitiativeOverviewQuery } from '../graphql/generated';
import { useKeptWhileRefreshing, useLiveReload } from '../live';
import { pathOf } from '../router';
import { timeVariables } from '../time-travel';

const CHANGE_WINDOW_DAYS = 90;

type Changes = InitiativeOverviewQuery['changes'];

/** The latest events of the window, newest first, across every kind of entity. */
function latest(changes: Changes, count: number) {
  return [
    ...changes.initiative,
    ...changes.roles,
    ...changes.decisions,
    ...changes.commitments,
    ...changes.agreements,
  ]
    .flatMap((change) =>
      change.events.map((event) => ({ ...event, kind: change.kind, entityId: change.entityId })),
    )
    .sort((a, b) => Number(BigInt(b.position) - BigInt(a.position)))
    .slice(0, count);
}

/** `/initiatives/:id`: the common agenda, partners by sector, the rules in words, what changed lately. */
export function InitiativeScreen({ id }: { id: string }) {
  const { point } = useWorkspace();
  const href = useHref();
  // Now, each recorded event moves the window's end, so the query asks again and shows it.
  const [round, setRound] = useState(0);
  const window = useMemo(() => {
    const to = point.kind === 'now' ? new Date() : new Date(point.at);
    const from = new Date(to.getTime() - CHANGE_WINDOW_DAYS * 86_400_000);
    return { from: from.toISOString(), to: to.toISOString() };
  }, [point, round]);
  const state = useKeptWhileRefreshing(
    useQuery(InitiativeOverviewDocument, { id, ...window, ...timeVariables(point) }),
    JSON.stringify([id, point]),
  );
  useLiveReload(id, point.kind === 'now', () => setRound((n) => n + 1));
  const base = pathOf('initiatives', id);
  return (
    <QueryView state={state}>
      {({ initiative, changes }) => {
        const sectors = new Map<string, typeof initiative.partners>();
        for (const partner of initiative.partners)
          sectors.set(partner.sector, [...(sectors.get(partner.sector) ?? []), partner]);
        const steering = initiative.roster.filter((seat) => seat.role === 'STEERING_MEMBER');
        const chair = initiative.roster.find((seat) => seat.role === 'CHAIR');
        return (
          <>
            <h1>{initiative.name}</h1>
            <p>
              <a href={href(`${base}/decisions`)}>Decisions</a> ·{' '}
              <a href={href(`${base}/commitments`)}>Commitments</a> ·{' '}
              <a href={href(`${base}/accountability`)}>Accountability</a> ·{' '}
              <a href={href(`${base}/agreements`)}>Agreements</a> ·{' '}
              <a href={href(`${base}/risks`)}>Risks</a> ·{' '}
              <a href={href(`${base}/benefits`)}>Benefit pools</a> ·{' '}
              <a href={href(`${base}/indicators`)}>Shared measurement</a> ·{' '}
              <a href={href(`${base}/roster`)}>Roster</a> ·{' '}
              <a href={href(`${base}/meetings`)}>Meetings</a> ·{' '}
              <a href={href(`${base}/changes`)}>Changes between two dates</a>
            </p>
            <h2>Common agenda</h2>
            <p>{initiative.commonAgenda}</p>
            <p class="muted">
              The problem: {initiative.problemStatement} Launched{' '}
              {formatDateTime(initiative.launchedAt)}
              {initiative.agendaAmendedAt
                ? `; agenda amended ${formatDateTime(initiative.agendaAmendedAt)}`
                : ''}
              .
            </p>
            <h2>Governance</h2>
            <p>{rulesInWords(initiative.governanceRules)}</p>
            <p>
              {steering.length} voting members
              {chair ? `; chaired by ${chair.personId} of ${chair.partnerId}` : ''}.
            </p>
            <h2>Partners by sector</h2>
            {[...sectors.entries()].map(([sector, partners]) => (
              <section key={sector}>
                <h3>{words(sector)}</h3>
                <ul>
                  {partners.map((p) => (
                    <li key={p.partnerId}>
                      {p.organisationName} {p.status !== 'MEMBER' && <Status value={p.status} />}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            <h2>Latest changes</h2>
            <p class="muted">
              In the {CHANGE_WINDOW_DAYS} days up to the time shown
              {point.kind === 'now' ? '; new ones appear as they are recorded' : ''}.
            </p>
            {changes.eventCount === 0 ? (
              <p>Nothing changed.</p>
            ) : (
              <TableWrap label="Latest changes">
                <table>
                  <caption class="muted" style={{ textAlign: 'left' }}>
                    Latest recorded first
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">What</th>
                      <th scope="col">About</th>
                      <th scope="col">Who</th>
                      <th scope="col">When it happened</th>
                      <th scope="col">When recorded</th>
                    </tr>
                  </thead>
                  <tbody>
                    {latest(changes, 12).map((event) => (
                      <tr key={event.position}>
                        <td>{eventWords(event.type)}</td>
                        <td>
                          {event.kind === 'decision' ? (
                            <a
                              href={href(`${base}/decisions/${encodeURIComponent(event.entityId)}`)}
                            >
                              {event.entityId}
                            </a>
                          ) : (
                            `${event.kind} ${event.entityId}`
                          )}
                        </td>
                        <td>
                          {event.actor.personId}{' '}
                          <span class="muted">of {event.actor.partnerId}</span>
                        </td>
                        <td>{formatDateTime(event.occurredAt)}</td>
                        <td>{formatDateTime(event.recordedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
