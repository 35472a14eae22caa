import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../commitments/commands/make-commitment/make-commitment.input';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType({ description: 'What one partner receives.' })
export class PartnerAmountInput {
  @Field(() => ID)
  @IsEntityId()
  partnerId!: string;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  amount!: MoneyInput;
}

@InputType()
export class RecordDistributionInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  poolId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  distributionId?: string;

  @Field(() => [PartnerAmountInput], {
    description:
      "One amount per partner of the current allocation, each that partner's share of the total (within one minor unit).",
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PartnerAmountInput)
  amounts!: PartnerAmountInput[];

  @Field()
  @IsText({ max: 5_000, multiline: true })
  note!: string;
}
