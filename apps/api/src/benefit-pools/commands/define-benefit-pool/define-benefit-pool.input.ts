import type { BenefitPoolKind } from '@accord/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../commitments/commands/make-commitment/make-commitment.input';
import { CommandInput } from '../../../graphql/command-input';
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
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @Field(() => BenefitPoolKindEnum)
  @IsIn(Object.values(BenefitPoolKindEnum))
  kind!: BenefitPoolKind;

  @Field()
  @IsNotEmpty()
  @MaxLength(5_000)
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
