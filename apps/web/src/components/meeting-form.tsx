import { useState } from 'preact/hooks';
import { request } from '../graphql/client';
import { HoldMeetingDocument } from '../graphql/generated';
import { Field, FormError, useCommand } from './command';

export interface Attendee {
  personId: string;
  partnerId: string;
  label: string;
}

/** A calendar day as the instant the meeting is recorded at: midday there, never in the future. */
function heldAtOf(day: string): string {
  const midday = new Date(`${day}T12:00`);
  return new Date(Math.min(midday.getTime(), Date.now())).toISOString();
}

/** Record a meeting that was held: who attended, the agenda and the minutes. */
export function HoldMeetingForm({
  initiativeId,
  people,
  onRecorded,
}: {
  initiativeId: string;
  people: readonly Attendee[];
  onRecorded: () => void;
}) {
  const command = useCommand(['title', 'heldAt', 'attendees', 'agenda', 'minutes']);
  const [title, setTitle] = useState('');
  const [day, setDay] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [agenda, setAgenda] = useState('');
  const [minutes, setMinutes] = useState('');
  const [dayProblem, setDayProblem] = useState<string | null>(null);
  const keyOf = (a: Attendee) => `${a.personId}/${a.partnerId}`;
  const attendeesError = command.fieldError('attendees');
  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = day ? null : 'Give the day it was held.';
    setDayProblem(problem);
    if (problem) return;
    const answer = await command.run((commandId) =>
      request(HoldMeetingDocument, {
        input: {
          commandId,
          initiativeId,
          title: title.trim(),
          heldAt: heldAtOf(day),
          attendees: people
            .filter((a) => present.includes(keyOf(a)))
            .map(({ personId, partnerId }) => ({ personId, partnerId })),
          agenda: agenda
            .split('\n')
            .map((item) => item.trim())
            .filter(Boolean),
          minutes: minutes.trim(),
        },
      }),
    );
    if (answer) {
      setTitle('');
      setDay('');
      setPresent([]);
      setAgenda('');
      setMinutes('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="meeting-heading" noValidate>
      <h2 id="meeting-heading">Record a meeting held</h2>
      <Field
        id="meeting-title"
        label="Title"
        value={title}
        onInput={setTitle}
        error={command.fieldError('title')}
      />
      <Field
        id="meeting-day"
        label="Held on"
        type="date"
        value={day}
        onInput={setDay}
        error={dayProblem ?? command.fieldError('heldAt')}
      />
      <fieldset
        class="field"
        aria-describedby={attendeesError ? 'meeting-attendees-error' : undefined}
      >
        <legend>Who attended</legend>
        {people.map((a) => (
          <label key={keyOf(a)} class="radio" style={{ fontWeight: 400 }}>
            <input
              type="checkbox"
              checked={present.includes(keyOf(a))}
              onChange={(event) => {
                const on = (event.target as HTMLInputElement).checked;
                setPresent((chosen) =>
                  on ? [...chosen, keyOf(a)] : chosen.filter((k) => k !== keyOf(a)),
                );
              }}
            />{' '}
            {a.label}
          </label>
        ))}
        {attendeesError && (
          <span id="meeting-attendees-error" class="field-error">
            {attendeesError}
          </span>
        )}
      </fieldset>
      <Field
        id="meeting-agenda"
        label="Agenda"
        hint="One item a line."
        value={agenda}
        onInput={setAgenda}
        error={command.fieldError('agenda')}
        multiline
      />
      <Field
        id="meeting-minutes"
        label="Minutes"
        value={minutes}
        onInput={setMinutes}
        error={command.fieldError('minutes')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Record the meeting'}
      </button>
    </form>
  );
}
