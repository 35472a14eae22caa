import { HoldMeetingDocument } from '../graphql/generated';
import { CommandForm } from './command-form';

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
  const keyOf = (a: Attendee) => `${a.personId}/${a.partnerId}`;
  return (
    <CommandForm
      id="meeting"
      heading="Record a meeting held"
      fields={[
        { name: 'title', id: 'meeting-title', label: 'Title' },
        { name: 'heldAt', id: 'meeting-day', label: 'Held on', kind: 'date' },
        {
          name: 'attendees',
          id: 'meeting-attendees',
          label: 'Who attended',
          kind: 'checks',
          options: people.map((a) => ({ value: keyOf(a), label: a.label })),
        },
        {
          name: 'agenda',
          id: 'meeting-agenda',
          label: 'Agenda',
          hint: 'One item a line.',
          kind: 'multiline',
        },
        { name: 'minutes', id: 'meeting-minutes', label: 'Minutes', kind: 'multiline' },
      ]}
      check={(v) => ({ heldAt: v.text('heldAt') ? null : 'Give the day it was held.' })}
      document={HoldMeetingDocument}
      input={(v) => {
        const present = v.ticked('attendees');
        return {
          initiativeId,
          title: v.text('title').trim(),
          heldAt: heldAtOf(v.text('heldAt')),
          attendees: people
            .filter((a) => present.includes(keyOf(a)))
            .map(({ personId, partnerId }) => ({ personId, partnerId })),
          agenda: v
            .text('agenda')
            .split('\n')
            .map((item) => item.trim())
            .filter(Boolean),
          minutes: v.text('minutes').trim(),
        };
      }}
      submit="Record the meeting"
      onRecorded={onRecorded}
    />
  );
}
