import { useState } from 'preact/hooks';
import { Field } from '../components/command';
import { QueryView, TableWrap } from '../components/query-view';
import { AssignRoleForm, RevokeRoleForm } from '../components/roster-forms';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { formatDate, words } from '../format';
import { RosterOnDocument } from '../graphql/generated';
import { may } from '../policy';
import { navigate, pathOf, useLocation, withParams } from '../router';
import { timeVariables } from '../time-travel';
import { Day } from '../components/values';

/** `/initiatives/:id/roster?on=YYYY-MM-DD`: who held which role on a day, and their terms. */
export function RosterScreen({ initiativeId }: { initiativeId: string }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const asked = useLocation().search.get('on');
  const on = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : null;
  const [day, setDay] = useState(on ?? '');
  const state = useQuery(RosterOnDocument, {
    initiativeId,
    ...(on ? { on } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, roster }) => {
        const names = new Map(initiative.partners.map((p) => [p.partnerId, p.organisationName]));
        // The policy reads today's roster, so the forms appear on today's, at the present.
        const today = point.kind === 'now' && !on;
        const holder = (seat: (typeof roster)[number]) =>
          `${seat.person.name ?? seat.personId}, ${seat.customRole ?? words(seat.role)} for ${
            names.get(seat.partnerId) ?? seat.partnerId
          }`;
        return (
          <>
            <p>
              <a href={href(base)}>{initiative.name}</a>
            </p>
            <h1>Roster</h1>
            <form
              class="filters"
              aria-label="Day of the roster"
              onSubmit={(event) => {
                event.preventDefault();
                navigate(withParams(href(`${base}/roster`), { on: day }));
              }}
            >
              <Field id="roster-on" label="On" type="date" value={day} onInput={setDay} />
              <button type="submit">Show the roster</button>
            </form>
            <p role="status">
              {roster.length} role{roster.length === 1 ? '' : 's'} held{' '}
              {on ? `on ${formatDate(on)}` : 'today'}.
            </p>
            <TableWrap label="Roster">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">For</th>
                    <th scope="col">Role</th>
                    <th scope="col">Term</th>
                  </tr>
                </thead>
                <tbody>
                  {roster.map((seat) => (
                    <tr key={seat.assignmentId}>
                      <td>{seat.person.name ?? seat.personId}</td>
                      <td>{names.get(seat.partnerId) ?? seat.partnerId}</td>
                      <td>{seat.customRole ?? words(seat.role)}</td>
                      <td>
                        from <Day date={seat.termStart} />
                        {seat.termEnd ? ` to ${formatDate(seat.termEnd)}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {today && may('AssignRole', roster, me) && (
              <section class="card">
                <AssignRoleForm
                  initiativeId={initiativeId}
                  partners={initiative.partners}
                  onRecorded={state.reload}
                />
              </section>
            )}
            {today && roster.length > 0 && may('RevokeRole', roster, me) && (
              <section class="card">
                <RevokeRoleForm
                  key={roster.map((seat) => seat.assignmentId).join()}
                  initiativeId={initiativeId}
                  seats={roster.map((seat) => ({
                    assignmentId: seat.assignmentId,
                    label: holder(seat),
                  }))}
                  onRecorded={state.reload}
                />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
