import { IdField, NestedField, NestedListField, TextField } from '../graphql/fields';
import { Field, InputType } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { PartnerShareInput } from '../risks/partner-share';
import type { BenefitPoolKind } from '@accord/domain';
import { MoneyInput } from '../commitments/commitments.inputs';
import { BenefitPoolKindEnum } from './benefit-pool.model';

@InputType()
export class AllocateBenefitSharesInput extends ExistingEntityCommandInput {
  @IdField()
  poolId!: string;

  @NestedListField(PartnerShareInput, 200, {
    description: 'Member partners and their shares, adding to exactly 100 %.',
  })
  shares!: PartnerShareInput[];
}

@InputType()
export class DefineBenefitPoolInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  poolId?: string;

  @IdField()
  initiativeId!: string;

  @TextField({ max: 300 })
  name!: string;

  @Field(() => BenefitPoolKindEnum)
  @IsIn(Object.values(BenefitPoolKindEnum))
  kind!: BenefitPoolKind;

  @TextField({ max: 5_000, multiline: true })
  description!: string;

  @NestedField(MoneyInput, {
    nullable: true,
    description: 'Required for a funding pool, refused for every other kind.',
  })
  amount?: MoneyInput;
}

@InputType()
export class ReallocateBenefitSharesInput extends ExistingEntityCommandInput {
  @IdField()
  poolId!: string;

  @NestedListField(PartnerShareInput, 200, {
    description: 'Member partners and their shares, adding to exactly 100 %.',
  })
  shares!: PartnerShareInput[];

  @TextField({ max: 5_000, multiline: true }, { description: 'Why the shares change.' })
  reason!: string;
}

@InputType({ description: 'What one partner receives.' })
export class PartnerAmountInput {
  @IdField()
  partnerId!: string;

  @NestedField(MoneyInput)
  amount!: MoneyInput;
}

@InputType()
export class RecordDistributionInput extends ExistingEntityCommandInput {
  @IdField()
  poolId!: string;

  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  distributionId?: string;

  @NestedListField(PartnerAmountInput, 200, {
    description:
      "One amount per partner of the current allocation, each that partner's share of the total (within one minor unit).",
  })
  amounts!: PartnerAmountInput[];

  @TextField({ max: 5_000, multiline: true })
  note!: string;
}
