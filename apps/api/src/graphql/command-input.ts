import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { IsBusinessTime } from './input-bounds';

const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Fields every mutation input shares. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Makes retries safe: resending the same commandId with the same input writes nothing new and returns the first receipt; with another input it is CONFLICT (COMMAND_ID_REUSED).',
  })
  @IsOptional()
  @Matches(COMMAND_ID, { message: 'commandId must be 1-128 letters, digits, "_", ".", ":" or "-"' })
  commandId?: string;

  @Field({
    nullable: true,
    description:
      'Business time of the act (ISO 8601), e.g. when the meeting decided; defaults to now. From 2000-01-01, and not in the future.',
  })
  @IsOptional()
  @IsBusinessTime()
  occurredAt?: string;
}

/** Commands on an entity that already exists may name the revision they were decided on. */
@InputType({ isAbstract: true })
export abstract class ExistingEntityCommandInput extends CommandInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'Optimistic concurrency: fail with CONFLICT unless the entity is still at this revision.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;
}
