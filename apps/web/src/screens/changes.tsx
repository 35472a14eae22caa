import { useState } from 'preact/hooks';
import { Field } from '../components/command';
import { QueryView } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { eventWords } from '../format';
import {
  ChangesBetweenDocument,
  type ChangesBetweenQuery,
  type Timeline,
} from '../graphql/generated';
import { navigate, pathOf, useLocation, withParams } from '../router';
import { timeVariables } from '../time-travel';
import { Day, When } from '../components/values';

const DAY = 86_400_000;
const GROUPS = [
  ['initiative', 'The initiative'],
  ['roles', 'Roles'],
  ['decisions', 'Decisions'],
  ['commitments', 'Commitments'],
  ['agreements', 'Agreements'],
  ['risks', 'Risks'],
  ['benefitPools', 'Benefit pools'],
  ['measurements', 'Indicators'],
  ['meetings', 'Meetings'],
] as const;

const isDay = (text: string | null): text is string => !!text && /^\d{4}-\d{2}-\d{2}$/.test(text);
const today = () => new Date().toISOString().slice(0, 10);
/** The start of a calendar day in the reader's time zone, as an instant. */
const startOf = (day: string) => new Date(`${day}T00:00`);

/**
 * `/initiatives/:id/changes?from=&to=&timeline=`: what changed between two days (both
 * included), by when it happened or by when it was recorded; each entity leads to its history.
 */
export function ChangesScreen({ initiativeId }: { initiativeId: string }) {
  const { point } = useWorkspace();
  const href = useHref();
  const location = useLocation();
  const to = isDay(location.search.get('to')) ? location.search.get('to')! : today();
  const from = isDay(location.search.get('from'))
    ? location.search.get('from')!
    : new Date(Date.parse(to) - 30 * DAY).toISOString().slice(0, 10);
  const timeline: Timeline =
    location.search.get('timeline') === 'RECORDED' ? 'RECORDED' : 'OCCURRED';
  const after = location.search.get('after');
  const state = useQuery(ChangesBetweenDocument, {
    initiativeId,
    from: startOf(from).toISOString(),
    to: new Date(startOf(to).getTime() + DAY).toISOString(),
    timeline,
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  const here = href(`${base}/changes`);
  const chosen = { from, to, timeline };
  return (
    <>
      <h1>Changes between two dates</h1>
      <Window initial={chosen} onCompare={(values) => navigate(withParams(here, values))} />
      <QueryView state={state}>
        {({ initiative, changes }) => (
          <>
            <p role="status">
              {initiative.name}: {changes.eventCount} change{changes.eventCount === 1 ? '' : 's'}{' '}
              {timeline === 'OCCURRED' ? 'that happened' : 'recorded'} from <Day date={from} /> to{' '}
              <Day date={to} />.
            </p>
            {GROUPS.map(([group, label]) => (
              <Group
                key={group}
                label={label}
                entities={changes[group]}
                history={(id) => href(`${base}/history/${encodeURIComponent(id)}`)}
              />
            ))}
            {changes.pageInfo.hasNextPage && changes.pageInfo.endCursor && (
              <nav class="pager" aria-label="Pages of changes">
                <a href={withParams(here, { ...chosen, after: changes.pageInfo.endCursor })}>
                  More changes
                </a>
              </nav>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

function Group({
  label,
  entities,
  history,
}: {
  label: string;
  entities: ChangesBetweenQuery['changes']['decisions'];
  history: (entityId: string) => string;
}) {
  if (entities.length === 0) return null;
  return (
    <section>
      <h2>{label}</h2>
      <ul class="plain">
        {entities.map((entity) => (
          <li key={entity.entityId} class="card">
            <a href={history(entity.entityId)}>{entity.entityId}</a>
            {entity.created && <span class="muted"> (new)</span>}
            <ul>
              {entity.events.map((event) => (
                <li key={event.position}>
                  {eventWords(event.type)} by {event.actor.personId}{' '}
                  <span class="muted">
                    of {event.actor.partnerId}; happened <When at={event.occurredAt} />, recorded{' '}
                    <When at={event.recordedAt} />
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface WindowValues {
  from: string;
  to: string;
  timeline: Timeline;
}

function Window({
  initial,
  onCompare,
}: {
  initial: WindowValues;
  onCompare: (values: WindowValues) => void;
}) {
  const [values, setValues] = useState(initial);
  return (
    <form
      class="filters"
      aria-label="Dates to compare"
      onSubmit={(event) => {
        event.preventDefault();
        onCompare(values);
      }}
    >
      <Field
        id="changes-from"
        label="From"
        type="date"
        value={values.from}
        onInput={(from) => setValues((v) => ({ ...v, from }))}
      />
      <Field
        id="changes-to"
        label="To"
        type="date"
        value={values.to}
        onInput={(to) => setValues((v) => ({ ...v, to }))}
      />
      <fieldset class="field">
        <legend>
          <strong>By</strong>
        </legend>
        {(
          [
            ['OCCURRED', 'when it happened'],
            ['RECORDED', 'when it was recorded'],
          ] as const
        ).map(([value, label]) => (
          <label class="radio" key={value} style={{ fontWeight: 400 }}>
            <input
              type="radio"
              name="changes-timeline"
              checked={values.timeline === value}
              onChange={() => setValues((v) => ({ ...v, timeline: value }))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <button type="submit">Compare</button>
    </form>
  );
}
