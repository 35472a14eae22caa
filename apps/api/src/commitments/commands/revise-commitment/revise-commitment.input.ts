import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';
import { LocalDateScalar } from '../../../graphql/local-date.scalar';

@InputType()
export class ReviseCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The new due date, not before the day of the revision; omit to keep it.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a calendar date YYYY-MM-DD' })
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The new scope; omit to keep it.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(5_000)
  description?: string | null;

  @Field({ description: 'Why the commitment changes.' })
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}
