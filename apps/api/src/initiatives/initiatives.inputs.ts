import { IdField, NestedField, TextField } from '../graphql/fields';
import { Field, InputType } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import type { Sector } from '@accord/domain';
import { SectorEnum } from './initiative.model';
import { GovernanceRulesInput } from './governance-rules.model';

@InputType()
export class AmendAgendaInput extends ExistingEntityCommandInput {
  @IdField()
  initiativeId!: string;

  @TextField({ max: 20_000, multiline: true }, { description: 'The new common agenda, in full.' })
  commonAgenda!: string;

  @TextField(
    { max: 2_000, multiline: true },
    { nullable: true, description: 'Why the agenda changed.' },
  )
  reason?: string;
}

@InputType()
export class JoinInitiativeInput extends ExistingEntityCommandInput {
  @IdField()
  initiativeId!: string;

  @IdField({
    description: "The partner organisation id, as it appears in its people's tokens.",
  })
  partnerId!: string;

  @TextField({ max: 200 })
  organisationName!: string;

  @Field(() => SectorEnum)
  @IsIn(Object.values(SectorEnum))
  sector!: Sector;
}

@InputType()
export class LaunchInitiativeInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  initiativeId?: string;

  @TextField({ max: 200 })
  name!: string;

  @TextField(
    { max: 10_000, multiline: true },
    { description: 'The social problem the partners take on together.' },
  )
  problemStatement!: string;

  @TextField(
    { max: 20_000, multiline: true },
    { description: 'The common agenda: a shared vision of change and the joint approach.' },
  )
  commonAgenda!: string;

  @NestedField(GovernanceRulesInput, {
    nullable: true,
    description:
      'The initial governance rules; defaults to a quorum of 1/2, SIMPLE_MAJORITY and a 2/3 supermajority. Later changes need an adopted decision.',
  })
  governanceRules?: GovernanceRulesInput;
}

@InputType()
export class LeaveInitiativeInput extends ExistingEntityCommandInput {
  @IdField()
  initiativeId!: string;

  @IdField()
  partnerId!: string;

  @TextField({ max: 2_000, multiline: true }, { nullable: true })
  reason?: string;
}
