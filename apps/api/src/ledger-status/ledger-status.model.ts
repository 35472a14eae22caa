import type { VerifyResult } from '@accord/event-store';
import type { ProjectionStatus } from '@accord/projections';
import { ObjectType } from '@nestjs/graphql';
import {
  bool,
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  float,
  int,
  integerText,
  nullable,
  text,
} from '../graphql/object-type';

export const ProjectionStateEnum = enumFrom(
  ['running', 'failed', 'stopped', 'halted'],
  'ProjectionState',
);

@ObjectType()
export class ProjectionError extends fieldsOf<NonNullable<ProjectionStatus['lastError']>>()({
  position: integerText(
    'Global position of the event the projection failed on (a decimal integer).',
  ),
  message: text(),
  at: dateTime(),
}) {}

@ObjectType({ description: 'A read model: how far it has applied the log.' })
export class ProjectionStatusModel extends fieldsOf<ProjectionStatus>()({
  name: text(),
  position: integerText('Global position of the last event applied (a decimal integer).'),
  lag: float('Events in the log it has not applied yet.'),
  state: enumOf(ProjectionStateEnum),
  lastError: nullable(ProjectionError),
}) {}

@ObjectType()
export class ChainMismatch extends fieldsOf<
  Extract<VerifyResult, { ok: false }>['firstMismatch']
>()({
  stream: text(),
  revision: int(),
  position: integerText('Global position (a decimal integer).'),
  reason: text(),
}) {}

@ObjectType({ description: 'The result of recomputing the hashes of the chain.' })
export class ChainVerification extends fieldsOf()({
  ok: bool("True when every stored event extends its stream's hash chain."),
  checked: float('Events checked before the first mismatch (or all of them).'),
  firstMismatch: nullable(ChainMismatch),
  resumedAfter: integerText(
    "The whole log: an earlier check had verified it up to this global position, and this one checked only the events after it (a decimal integer; '0' when it began at the first event, as it always does for one stream).",
  ),
}) {}
