import { entityId, field, inputOf } from '../graphql/input-type';
import { basisPointsToPercent, type PartnerShare } from '@accord/domain';
import { InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import * as t from '../graphql/object-type';

@InputType({ description: "A partner's share of a risk or a benefit pool." })
export class PartnerShareInput extends inputOf({
  partnerId: entityId(),
  percent: field<string>(
    () => String,
    'Percentage as a decimal string with at most two decimals, e.g. "33.34"; shares add to exactly 100.',
    IsNotEmpty({ message: 'percent must be a percentage such as "33.34"' }),
    MaxLength(16),
  ),
}) {}

/** Shares as a command's data records them: plain `{ partnerId, percent }` objects. */
export const plainShares = (shares: PartnerShareInput[]) =>
  shares.map(({ partnerId, percent }) => ({ partnerId, percent }));

@ObjectType({ description: "A partner's share, as an exact percentage." })
export class PartnerSharePercent extends t.fieldsOf<PartnerShare>()({
  partnerId: t.id(),
  basisPoints: t.hidden(),
  percent: t.computed(
    t.text('Exact percentage with at most two decimals, e.g. "33.34".'),
    (share: PartnerShare) => basisPointsToPercent(share.basisPoints),
  ),
}) {}
