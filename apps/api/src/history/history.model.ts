import { entityId, field, inputOf, whole, withDefault } from '../graphql/input-type';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { pageArgsOf, PageInfo } from '../graphql/pagination';
import { LedgerEvent } from '../live/ledger-event.model';
import * as t from '../graphql/object-type';

export const Timeline = t.enumFrom(
  ['occurred', 'recorded'],
  'Timeline',
  'OCCURRED: business time (when it happened). RECORDED: when the ledger learned it.',
);

export const MAX_EVENTS = 5_000;

@ArgsType()
export class HistoryArgs extends inputOf(
  {
    entityId: entityId('The id of a commitment, decision, agreement, risk, …'),
    first: withDefault(
      whole(`At most this many events, 1 to ${MAX_EVENTS}.`, IsInt(), Min(1), Max(MAX_EVENTS)),
      500,
    ),
  },
  true,
) {}

const ISO = { strict: true, strictSeparator: true } as const;

/** A window is read a page of its events at a time, in log order. */
@ArgsType()
export class ChangesArgs extends pageArgsOf({
  initiativeId: entityId(),
  from: field<string>(
    () => DateTimeScalar,
    'From this moment (inclusive).',
    IsISO8601(ISO, { message: 'from must be an ISO 8601 date-time' }),
  ),
  to: field<string>(
    () => DateTimeScalar,
    'Up to this moment (exclusive).',
    IsISO8601(ISO, { message: 'to must be an ISO 8601 date-time' }),
  ),
  timeline: withDefault(
    field<(typeof Timeline)[keyof typeof Timeline]>(
      () => Timeline,
      undefined,
      IsOptional(),
      IsIn(Object.values(Timeline)),
    ),
    Timeline.OCCURRED,
  ),
  newestFirst: withDefault(
    field<boolean>(
      () => Boolean,
      "Page from the newest event backwards: the first page holds the window's latest events (within each entity still in log order).",
      IsOptional(),
      IsBoolean(),
    ),
    false,
  ),
}) {}

@ObjectType({ description: 'What happened to one entity within the window.' })
export class EntityChange extends t.fieldsOf()({
  kind: t.text(),
  entityId: t.id(),
  stream: t.text(),
  created: t.bool('The entity was created within the window.'),
  events: t.list(LedgerEvent, 'Its events within the window, in log order.'),
}) {}

@ObjectType({ description: 'What changed across an initiative between two moments, by kind.' })
export class InitiativeChanges extends t.fieldsOf()({
  initiativeId: t.id(),
  from: t.dateTime(),
  to: t.dateTime(),
  timeline: t.enumOf(Timeline),
  eventCount: t.int('Events in the whole window, every page.'),
  pageInfo: t.of(
    PageInfo,
    "This page holds `first` of the window's events (after `after`); the next starts at endCursor.",
  ),
  initiative: t.list(EntityChange, 'The initiative itself: agenda, partners, rules.'),
  roles: t.list(EntityChange, 'Role assignments (the roster).'),
  commitments: t.list(EntityChange),
  decisions: t.list(EntityChange),
  agreements: t.list(EntityChange, 'Agreements: drafts, amendments, signatures.'),
  risks: t.list(EntityChange),
  benefitPools: t.list(EntityChange),
  measurements: t.list(EntityChange, 'Indicators: definitions, measurements, corrections.'),
  meetings: t.list(EntityChange),
}) {}
