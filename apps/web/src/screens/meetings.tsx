import { type Attendee, HoldMeetingForm } from '../components/meeting-form';
import { QueryView } from '../components/query-view';
import { When } from '../components/values';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { MeetingPeopleDocument, MeetingsPageDocument } from '../graphql/generated';
import { may } from '../policy';
import { pathOf, useLocation, withParams } from '../router';
import { timeVariables } from '../time-travel';

/**
 * The form to record a meeting, once the people who may attend are read with their names (a
 * query of its own: the list of meetings does not wait for it).
 */
function HoldMeeting({
  initiativeId,
  names,
  onRecorded,
}: {
  initiativeId: string;
  names: ReadonlyMap<string, string>;
  onRecorded: () => void;
}) {
  const state = useQuery(MeetingPeopleDocument, { initiativeId });
  return (
    <QueryView state={state}>
      {({ roster }) => {
        const people = new Map<string, Attendee>();
        for (const seat of roster) {
          const key = `${seat.personId}/${seat.partnerId}`;
          if (!people.has(key))
            people.set(key, {
              personId: seat.personId,
              partnerId: seat.partnerId,
              label: `${seat.person.name ?? seat.personId} (${names.get(seat.partnerId) ?? seat.partnerId})`,
            });
        }
        return (
          <HoldMeetingForm
            initiativeId={initiativeId}
            people={[...people.values()]}
            onRecorded={onRecorded}
          />
        );
      }}
    </QueryView>
  );
}

/** `/initiatives/:id/meetings`: the meetings held, who attended, agenda and minutes. */
export function MeetingsScreen({ initiativeId }: { initiativeId: string }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const after = useLocation().search.get('after');
  const state = useQuery(MeetingsPageDocument, {
    initiativeId,
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, roster, meetings }) => {
        const names = new Map(initiative.partners.map((p) => [p.partnerId, p.organisationName]));
        return (
          <>
            <p>
              <a href={href(base)}>{initiative.name}</a>
            </p>
            <h1>Meetings</h1>
            <p>{meetings.totalCount} meetings recorded.</p>
            {meetings.edges.map(({ node: m }) => (
              <section class="card" key={m.meetingId} aria-labelledby={`meeting-${m.meetingId}`}>
                <h2 id={`meeting-${m.meetingId}`}>{m.title}</h2>
                <p class="muted">
                  Held <When at={m.heldAt} />. Attended by{' '}
                  {m.attendees
                    .map(
                      (a) =>
                        `${a.person.name ?? a.personId} (${names.get(a.partnerId) ?? a.partnerId})`,
                    )
                    .join(', ')}
                  .
                </p>
                {m.agenda.length > 0 && (
                  <ol>
                    {m.agenda.map((item, i) => (
                      <li key={i}>{item}</li>
                    ))}
                  </ol>
                )}
                <p>{m.minutes}</p>
              </section>
            ))}
            {meetings.pageInfo.hasNextPage && meetings.pageInfo.endCursor && (
              <nav class="pager" aria-label="Pages of meetings">
                <a
                  href={withParams(href(`${base}/meetings`), {
                    after: meetings.pageInfo.endCursor,
                  })}
                >
                  Next page
                </a>
              </nav>
            )}
            {point.kind === 'now' && may('HoldMeeting', roster, me) && (
              <section class="card">
                <HoldMeeting initiativeId={initiativeId} names={names} onRecorded={state.reload} />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
