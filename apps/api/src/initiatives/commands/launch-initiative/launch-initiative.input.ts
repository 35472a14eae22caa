import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';
import { GovernanceRulesInput } from '../../governance-rules.model';

@InputType()
export class LaunchInitiativeInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  initiativeId?: string;

  @Field()
  @IsText({ max: 200 })
  name!: string;

  @Field({ description: 'The social problem the partners take on together.' })
  @IsText({ max: 10_000, multiline: true })
  problemStatement!: string;

  @Field({ description: 'The common agenda: a shared vision of change and the joint approach.' })
  @IsText({ max: 20_000, multiline: true })
  commonAgenda!: string;

  @Field(() => GovernanceRulesInput, {
    nullable: true,
    description:
      'The initial governance rules; defaults to a quorum of 1/2, SIMPLE_MAJORITY and a 2/3 supermajority. Later changes need an adopted decision.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GovernanceRulesInput)
  governanceRules?: GovernanceRulesInput;
}
