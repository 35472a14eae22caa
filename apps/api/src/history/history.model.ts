import { IdField } from '../graphql/fields';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { PageArgs, PageInfo } from '../graphql/pagination';
import { LedgerEvent } from '../live/ledger-event.model';

export enum Timeline {
  OCCURRED = 'occurred',
  RECORDED = 'recorded',
}
registerEnumType(Timeline, {
  name: 'Timeline',
  description: 'OCCURRED: business time (when it happened). RECORDED: when the ledger learned it.',
});

export const MAX_EVENTS = 5_000;

@ArgsType()
export class HistoryArgs {
  @IdField({ description: 'The id of a commitment, decision, agreement, risk, …' })
  entityId!: string;

  @Field(() => Int, {
    defaultValue: 500,
    description: `At most this many events, 1 to ${MAX_EVENTS}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS)
  first: number = 500;
}

const ISO = { strict: true, strictSeparator: true } as const;

/** A window is read a page of its events at a time, in log order. */
@ArgsType()
export class ChangesArgs extends PageArgs {
  @IdField()
  initiativeId!: string;

  @Field(() => DateTimeScalar, { description: 'From this moment (inclusive).' })
  @IsISO8601(ISO, { message: 'from must be an ISO 8601 date-time' })
  from!: string;

  @Field(() => DateTimeScalar, { description: 'Up to this moment (exclusive).' })
  @IsISO8601(ISO, { message: 'to must be an ISO 8601 date-time' })
  to!: string;

  @Field(() => Timeline, { defaultValue: Timeline.OCCURRED })
  @IsOptional()
  @IsIn(Object.values(Timeline))
  timeline: Timeline = Timeline.OCCURRED;

  @Field({
    defaultValue: false,
    description:
      "Page from the newest event backwards: the first page holds the window's latest events (within each entity still in log order).",
  })
  @IsOptional()
  @IsBoolean()
  newestFirst: boolean = false;
}

@ObjectType({ description: 'What happened to one entity within the window.' })
export class EntityChange {
  @Field()
  kind!: string;

  @Field(() => ID)
  entityId!: string;

  @Field()
  stream!: string;

  @Field({ description: 'The entity was created within the window.' })
  created!: boolean;

  @Field(() => [LedgerEvent], { description: 'Its events within the window, in log order.' })
  events!: LedgerEvent[];
}

@ObjectType({ description: 'What changed across an initiative between two moments, by kind.' })
export class InitiativeChanges {
  @Field(() => ID)
  initiativeId!: string;

  @Field(() => DateTimeScalar)
  from!: string;

  @Field(() => DateTimeScalar)
  to!: string;

  @Field(() => Timeline)
  timeline!: Timeline;

  @Field(() => Int, { description: 'Events in the whole window, every page.' })
  eventCount!: number;

  @Field(() => PageInfo, {
    description:
      "This page holds `first` of the window's events (after `after`); the next starts at endCursor.",
  })
  pageInfo!: PageInfo;

  @Field(() => [EntityChange], { description: 'The initiative itself: agenda, partners, rules.' })
  initiative!: EntityChange[];

  @Field(() => [EntityChange], { description: 'Role assignments (the roster).' })
  roles!: EntityChange[];

  @Field(() => [EntityChange])
  commitments!: EntityChange[];

  @Field(() => [EntityChange])
  decisions!: EntityChange[];

  @Field(() => [EntityChange], { description: 'Agreements: drafts, amendments, signatures.' })
  agreements!: EntityChange[];

  @Field(() => [EntityChange])
  risks!: EntityChange[];

  @Field(() => [EntityChange])
  benefitPools!: EntityChange[];

  @Field(() => [EntityChange], {
    description: 'Indicators: definitions, measurements, corrections.',
  })
  measurements!: EntityChange[];

  @Field(() => [EntityChange])
  meetings!: EntityChange[];
}
