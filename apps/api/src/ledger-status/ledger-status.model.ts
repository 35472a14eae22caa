import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar';

export enum ProjectionStateEnum {
  RUNNING = 'running',
  FAILED = 'failed',
  STOPPED = 'stopped',
  HALTED = 'halted',
}
registerEnumType(ProjectionStateEnum, { name: 'ProjectionState' });

@ObjectType()
export class ProjectionError {
  @Field({
    description: 'Global position of the event the projection failed on (a decimal integer).',
  })
  position!: string;

  @Field()
  message!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}

@ObjectType({ description: 'A read model: how far it has applied the log.' })
export class ProjectionStatusModel {
  @Field()
  name!: string;

  @Field({ description: 'Global position of the last event applied (a decimal integer).' })
  position!: string;

  @Field(() => Float, { description: 'Events in the log it has not applied yet.' })
  lag!: number;

  @Field(() => ProjectionStateEnum)
  state!: ProjectionStateEnum;

  @Field(() => ProjectionError, { nullable: true })
  lastError!: ProjectionError | null;
}

@ObjectType()
export class ChainMismatch {
  @Field()
  stream!: string;

  @Field(() => Int)
  revision!: number;

  @Field({ description: 'Global position (a decimal integer).' })
  position!: string;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'The result of recomputing the hashes of the chain.' })
export class ChainVerification {
  @Field({ description: "True when every stored event extends its stream's hash chain." })
  ok!: boolean;

  @Field(() => Float, { description: 'Events checked before the first mismatch (or all of them).' })
  checked!: number;

  @Field(() => ChainMismatch, { nullable: true })
  firstMismatch!: ChainMismatch | null;

  @Field({
    description:
      "The whole log: an earlier check had verified it up to this global position, and this one checked only the events after it (a decimal integer; '0' when it began at the first event, as it always does for one stream).",
  })
  resumedAfter!: string;
}
