import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class LinkCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An indicator of the same initiative that this commitment serves.',
  })
  @IsOptional()
  @IsEntityId()
  indicatorId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A decision of the same initiative that asked for this commitment.',
  })
  @IsOptional()
  @IsEntityId()
  decisionId?: string | null;
}
