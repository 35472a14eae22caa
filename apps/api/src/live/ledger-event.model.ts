import type { JournalEntry } from '@accord/projections';
import { entityId, field, inputOf, optional } from '../graphql/input-type';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, Matches } from 'class-validator';
import * as t from '../graphql/object-type';

@ObjectType({ description: 'The person and partner an event was recorded for.' })
export class EventActor extends t.fieldsOf()({
  personId: t.id(),
  partnerId: t.id(),
}) {}

/** An entry of the journal, whether read from it or built from an event as it is committed. */
@ObjectType({ description: 'One event of the ledger, as committed.' })
export class LedgerEvent extends t.fieldsOf<JournalEntry>()({
  position: t.integerText('Global position in the log (a 64-bit integer as text).'),
  stream: t.text(),
  category: t.hidden(),
  kind: t.computed(
    t.text('The kind of entity: commitment, decision, roster, benefit-pool, …'),
    (entry: JournalEntry) => entry.category,
  ),
  entityId: t.id('The id of the entity the stream is about.'),
  revision: t.int(),
  type: t.text('Versioned event type, e.g. CommitmentMade.v1.'),
  initiativeId: t.nullable(t.id()),
  personId: t.hidden(),
  partnerId: t.hidden(),
  actor: t.computed(t.of(EventActor), (entry: JournalEntry) => ({
    personId: entry.personId ?? '',
    partnerId: entry.partnerId ?? '',
  })),
  occurredAt: t.dateTime('Business time: when it happened.'),
  recordedAt: t.dateTime('When the ledger recorded it.'),
  data: t.text("The event's data, as JSON text."),
  hash: t.text('SHA-256 chain hash of the event.'),
}) {}

const EVENT_TYPE = /^[A-Za-z]+\.v\d+$/;

@ArgsType()
export class LedgerEventsArgs extends inputOf(
  {
    initiativeId: entityId('Only events of this initiative.'),
    types: optional(
      field<string[]>(
        () => [String],
        'Only these event types (e.g. ["VoteCast.v1"]); all when omitted.',
        ArrayMaxSize(100),
        Matches(EVENT_TYPE, { each: true, message: 'each type must look like CommitmentMade.v1' }),
      ),
    ),
  },
  true,
) {}
