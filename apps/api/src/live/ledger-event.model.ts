import { IdField } from '../graphql/fields';
import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, Matches } from 'class-validator';
import { DateTimeScalar } from '../graphql/date-time.scalar';

@ObjectType({ description: 'The person and partner an event was recorded for.' })
export class EventActor {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  partnerId!: string;
}

@ObjectType({ description: 'One event of the ledger, as committed.' })
export class LedgerEvent {
  @Field(() => String, { description: 'Global position in the log (a 64-bit integer as text).' })
  position!: string;

  @Field()
  stream!: string;

  @Field({ description: 'The kind of entity: commitment, decision, roster, benefit-pool, …' })
  kind!: string;

  @Field(() => ID, { description: 'The id of the entity the stream is about.' })
  entityId!: string;

  @Field(() => Int)
  revision!: number;

  @Field({ description: 'Versioned event type, e.g. CommitmentMade.v1.' })
  type!: string;

  @Field(() => ID, { nullable: true })
  initiativeId!: string | null;

  @Field(() => EventActor)
  actor!: EventActor;

  @Field(() => DateTimeScalar, { description: 'Business time: when it happened.' })
  occurredAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the ledger recorded it.' })
  recordedAt!: string;

  @Field({ description: "The event's data, as JSON text." })
  data!: string;

  @Field({ description: 'SHA-256 chain hash of the event.' })
  hash!: string;
}

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
