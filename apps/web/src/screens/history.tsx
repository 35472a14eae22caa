import { QueryView, TableWrap } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { eventWords, fieldWords, formatDate, formatDateTime } from '../format';
import { EntityHistoryDocument, type EntityHistoryQuery } from '../graphql/generated';
import { pathOf } from '../router';
import { timeVariables } from '../time-travel';
import { When } from '../components/values';

/** The page size written in the EntityHistory query (the query cost limit counts it). */
const HISTORY_PAGE = 100;

type Value = string | number | boolean | null;

/** An event's data as flat fields: `{ resources: { hours: 4 } }` -> `resources.hours: 4`. */
function flatten(data: unknown, prefix = ''): Record<string, Value> {
  const fields: Record<string, Value> = {};
  if (data === null || typeof data !== 'object') return fields;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      Object.assign(fields, flatten(value, name));
    else if (Array.isArray(value)) fields[name] = value.map((v) => JSON.stringify(v)).join(', ');
    else fields[name] = value as Value;
  }
  return fields;
}

interface FieldChange {
  field: string;
  before: Value | undefined;
  after: Value;
}

/**
 * Each version of the entity against the one before: the fields an event set that differ from
 * what the earlier events had set (so ids appear once, when the entity is created).
 */
function versions(history: EntityHistoryQuery['history']) {
  const state: Record<string, Value> = {};
  return history.map((event) => {
    let fields: Record<string, Value> = {};
    try {
      fields = flatten(JSON.parse(event.data));
    } catch {
      // Data the reader may not see arrives as text; shown as nothing changed rather than raw.
    }
    const changes: FieldChange[] = [];
    for (const [field, after] of Object.entries(fields)) {
      const before = state[field];
      if (before === after) continue;
      changes.push({ field, before, after });
      state[field] = after;
    }
    return { event, changes };
  });
}

function show(field: string, value: Value | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') {
    if (/At$/.test(field) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The name the entity was created with, for the heading. */
function nameOf(history: EntityHistoryQuery['history'], fallback: string): string {
  try {
    const first = JSON.parse(history[0]?.data ?? '{}') as Record<string, unknown>;
    const name = first.description ?? first.title ?? first.name;
    return typeof name === 'string' ? name : fallback;
  } catch {
    return fallback;
  }
}

/** `/initiatives/:id/history/:entityId`: every version of one entity, who made it and when. */
export function HistoryScreen({
  initiativeId,
  entityId,
}: {
  initiativeId: string;
  entityId: string;
}) {
  const { point } = useWorkspace();
  const href = useHref();
  const state = useQuery(EntityHistoryDocument, {
    entityId,
    initiativeId,
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, history }) => (
        <>
          <p>
            <a href={href(base)}>{initiative.name}</a> ›{' '}
            <a href={href(`${base}/changes`)}>Changes</a>
          </p>
          <h1>History: {nameOf(history, entityId)}</h1>
          <p>
            {history.length === HISTORY_PAGE ? `The first ${HISTORY_PAGE}` : history.length}{' '}
            recorded change{history.length === 1 ? '' : 's'}, oldest first. “When it happened” is
            the business time the act was dated; “recorded” is when the ledger was told.
          </p>
          <ol class="timeline">
            {versions(history).map(({ event, changes }, index) => (
              <li key={event.position} class="card">
                <h2>{eventWords(event.type)}</h2>
                <p>
                  By {event.actor.person.name ?? event.actor.personId}{' '}
                  <span class="muted">of {event.actor.partnerId}</span>. Happened{' '}
                  <When at={event.occurredAt} />; recorded <When at={event.recordedAt} />.
                </p>
                {changes.length > 0 && (
                  <TableWrap label={`What changed in version ${index + 1}`}>
                    <table class="compact">
                      <caption class="muted" style={{ textAlign: 'left' }}>
                        What changed
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">Field</th>
                          <th scope="col">Before</th>
                          <th scope="col">After</th>
                        </tr>
                      </thead>
                      <tbody>
                        {changes.map((change) => (
                          <tr key={change.field}>
                            <th scope="row">{fieldWords(change.field)}</th>
                            <td>{show(change.field, change.before)}</td>
                            <td>{show(change.field, change.after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </QueryView>
  );
}
