import { useState } from 'preact/hooks';
import { useWorkspace } from '../context';
import { formatDateTime } from '../format';
import { navigate } from '../router';
import type { TimePoint } from '../time-travel';

/** `YYYY-MM-DDTHH:mm` in the reader's time zone, for a datetime-local input. */
function localInputValue(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function go(point: TimePoint): void {
  const search = new URLSearchParams(window.location.search);
  search.delete('asOf');
  search.delete('knownAt');
  search.delete('after');
  if (point.kind !== 'now') search.set(point.kind, point.at);
  const query = search.toString();
  navigate(`${window.location.pathname}${query ? `?${query}` : ''}`);
}

/**
 * One control on every screen: the record now, as of a business time (what had happened by
 * then, backdated facts included) or as known on a recorded time (what the ledger had been told).
 */
export function TimeControl() {
  const { point } = useWorkspace();
  const [kind, setKind] = useState<TimePoint['kind']>(point.kind);
  const [at, setAt] = useState(point.kind === 'now' ? '' : localInputValue(point.at));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    if (kind === 'now') return go({ kind: 'now' });
    const date = new Date(at);
    if (!at || Number.isNaN(date.getTime())) {
      setProblem('Choose a date and time.');
      return;
    }
    setProblem(null);
    go({ kind, at: date.toISOString() });
  };

  return (
    <form class="time-control" aria-label="Time travel" onSubmit={submit}>
      <fieldset>
        <legend>Show the record</legend>
        {(
          [
            ['now', 'now'],
            ['asOf', 'as of (when it happened)'],
            ['knownAt', 'as known on (when it was recorded)'],
          ] as const
        ).map(([value, label]) => (
          <label class="radio" key={value}>
            <input
              type="radio"
              name="time-kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div class="field" style={{ margin: 0 }}>
        <label for="time-at">Date and time</label>
        <input
          id="time-at"
          type="datetime-local"
          value={at}
          disabled={kind === 'now'}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'time-at-error' : undefined}
          onInput={(event) => setAt((event.target as HTMLInputElement).value)}
        />
        {problem && (
          <span id="time-at-error" class="field-error">
            {problem}
          </span>
        )}
      </div>
      <button type="submit">Show</button>
    </form>
  );
}

/** Says, on every screen, that what follows is the past and not the record now. */
export function TimeBanner() {
  const { point } = useWorkspace();
  if (point.kind === 'now') return null;
  const when = formatDateTime(point.at);
  return (
    <p class="banner" role="status">
      {point.kind === 'asOf'
        ? `You are looking at the record as of ${when}: everything that had happened by then, as the ledger knows it today.`
        : `You are looking at the record as the ledger knew it on ${when}: facts recorded later are left out.`}{' '}
      Actions are off. <a href={window.location.pathname}>Back to now</a>
    </p>
  );
}
