import { IdField } from '../graphql/fields';
import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, Matches } from 'class-validator';
import { dateTime, fieldsOf, id, int, nullable, of, text } from '../graphql/object-type';

@ObjectType({ description: 'The person and partner an event was recorded for.' })
export class EventActor extends fieldsOf()({
  personId: id(),
  partnerId: id(),
}) {}

@ObjectType({ description: 'One event of the ledger, as committed.' })
export class LedgerEvent extends fieldsOf()({
  position: text('Global position in the log (a 64-bit integer as text).'),
  stream: text(),
  kind: text('The kind of entity: commitment, decision, roster, benefit-pool, …'),
  entityId: id('The id of the entity the stream is about.'),
  revision: int(),
  type: text('Versioned event type, e.g. CommitmentMade.v1.'),
  initiativeId: nullable(id()),
  actor: of(EventActor),
  occurredAt: dateTime('Business time: when it happened.'),
  recordedAt: dateTime('When the ledger recorded it.'),
  data: text("The event's data, as JSON text."),
  hash: text('SHA-256 chain hash of the event.'),
}) {}

const EVENT_TYPE = /^[A-Za-z]+\.v\d+$/;

@ArgsType()
export class LedgerEventsArgs {
  @IdField({ description: 'Only events of this initiative.' })
  initiativeId!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Only these event types (e.g. ["VoteCast.v1"]); all when omitted.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(EVENT_TYPE, { each: true, message: 'each type must look like CommitmentMade.v1' })
  types?: string[];
}
