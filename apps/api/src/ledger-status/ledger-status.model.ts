import type { VerifyResult } from '@accord/event-store';
import type { ProjectionStatus } from '@accord/projections';
import { ObjectType } from '@nestjs/graphql';
import * as t from '../graphql/object-type';

export const ProjectionStateEnum = t.enumFrom(
  ['running', 'failed', 'stopped', 'halted'],
  'ProjectionState',
);

@ObjectType()
export class ProjectionError extends t.fieldsOf<NonNullable<ProjectionStatus['lastError']>>()({
  position: t.integerText(
    'Global position of the event the projection failed on (a decimal integer).',
  ),
  message: t.text(),
  at: t.dateTime(),
}) {}

@ObjectType({ description: 'A read model: how far it has applied the log.' })
export class ProjectionStatusModel extends t.fieldsOf<ProjectionStatus>()({
  name: t.text(),
  position: t.integerText('Global position of the last event applied (a decimal integer).'),
  lag: t.float('Events in the log it has not applied yet.'),
  state: t.enumOf(ProjectionStateEnum),
  lastError: t.nullable(ProjectionError),
}) {}

@ObjectType()
export class ChainMismatch extends t.fieldsOf<
  Extract<VerifyResult, { ok: false }>['firstMismatch']
>()({
  stream: t.text(),
  revision: t.int(),
  position: t.integerText('Global position (a decimal integer).'),
  reason: t.text(),
}) {}

@ObjectType({ description: 'The result of recomputing the hashes of the chain.' })
export class ChainVerification extends t.fieldsOf()({
  ok: t.bool("True when every stored event extends its stream's hash chain."),
  checked: t.float('Events checked before the first mismatch (or all of them).'),
  firstMismatch: t.nullable(ChainMismatch),
  resumedAfter: t.integerText(
    "The whole log: an earlier check had verified it up to this global position, and this one checked only the events after it (a decimal integer; '0' when it began at the first event, as it always does for one stream).",
  ),
}) {}
