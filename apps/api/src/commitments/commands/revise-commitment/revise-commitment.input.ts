import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsDay } from '../../../graphql/input-bounds';
import { IsText } from '../../../graphql/text';
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
  @IsDay()
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The new scope; omit to keep it.' })
  @IsOptional()
  @IsText({ max: 5_000, multiline: true })
  description?: string | null;

  @Field({ description: 'Why the commitment changes.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
