import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';
import { PartnerShareInput } from '../../../risks/partner-share';

@InputType()
export class ReallocateBenefitSharesInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  poolId!: string;

  @Field(() => [PartnerShareInput], {
    description: 'Member partners and their shares, adding to exactly 100 %.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PartnerShareInput)
  shares!: PartnerShareInput[];

  @Field({ description: 'Why the shares change.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
