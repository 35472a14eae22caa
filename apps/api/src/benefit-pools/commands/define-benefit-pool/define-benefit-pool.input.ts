import type { BenefitPoolKind } from '@accord/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../commitments/commands/make-commitment/make-commitment.input';
import { CommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';
import { BenefitPoolKindEnum } from '../../benefit-pool.model';

@InputType()
export class DefineBenefitPoolInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  poolId?: string;

  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field()
  @IsText({ max: 300 })
  name!: string;

  @Field(() => BenefitPoolKindEnum)
  @IsIn(Object.values(BenefitPoolKindEnum))
  kind!: BenefitPoolKind;

  @Field()
  @IsText({ max: 5_000, multiline: true })
  description!: string;

  @Field(() => MoneyInput, {
    nullable: true,
    description: 'Required for a funding pool, refused for every other kind.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  amount?: MoneyInput;
}
