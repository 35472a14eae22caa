import { IdField } from '../graphql/fields';
import { basisPointsToPercent, type PartnerShare } from '@accord/domain';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';

@InputType({ description: "A partner's share of a risk or a benefit pool." })
export class PartnerShareInput {
  @IdField()
  partnerId!: string;

  @Field({
    description:
      'Percentage as a decimal string with at most two decimals, e.g. "33.34"; shares add to exactly 100.',
  })
  @IsNotEmpty({ message: 'percent must be a percentage such as "33.34"' })
  @MaxLength(16)
  percent!: string;
}

@ObjectType({ description: "A partner's share, as an exact percentage." })
export class PartnerSharePercent {
  @Field(() => ID)
  partnerId!: string;

  @Field({ description: 'Exact percentage with at most two decimals, e.g. "33.34".' })
  percent!: string;
}

export const toPercentShares = (shares: readonly PartnerShare[]): PartnerSharePercent[] =>
  shares.map((share) => ({
    partnerId: share.partnerId,
    percent: basisPointsToPercent(share.basisPoints),
  }));
