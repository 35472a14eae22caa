import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsIn, ValidateNested } from 'class-validator';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { IsText } from '../graphql/text';
import { IsEntityId } from '../graphql/id';
import type { Sector } from '@accord/domain';
import { SectorEnum } from './initiative.model';
import { Type } from 'class-transformer';
import { GovernanceRulesInput } from './governance-rules.model';

@InputType()
export class AmendAgendaInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field({ description: 'The new common agenda, in full.' })
  @IsText({ max: 20_000, multiline: true })
  commonAgenda!: string;

  @Field({ nullable: true, description: 'Why the agenda changed.' })
  @IsOptional()
  @IsText({ max: 2_000, multiline: true })
  reason?: string;
}

@InputType()
export class JoinInitiativeInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID, {
    description: "The partner organisation id, as it appears in its people's tokens.",
  })
  @IsEntityId()
  partnerId!: string;

  @Field()
  @IsText({ max: 200 })
  organisationName!: string;

  @Field(() => SectorEnum)
  @IsIn(Object.values(SectorEnum))
  sector!: Sector;
}

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

@InputType()
export class LeaveInitiativeInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID)
  @IsEntityId()
  partnerId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsText({ max: 2_000, multiline: true })
  reason?: string;
}
