import { InputType } from '@nestjs/graphql';
import { MoneyInput } from '../commitments/commitments.inputs';
import { chosenId, commandInput, entityCommandInput } from '../graphql/command-input';
import {
  entityId,
  inputOf,
  line,
  member,
  nested,
  nestedList,
  optional,
  prose,
} from '../graphql/input-type';
import { PartnerShareInput } from '../risks/partner-share';
import { BenefitPoolKindEnum } from './benefit-pool.model';

const shares = () =>
  nestedList(PartnerShareInput, 200, 'Member partners and their shares, adding to exactly 100 %.');

@InputType()
export class AllocateBenefitSharesInput extends entityCommandInput({
  poolId: entityId(),
  shares: shares(),
}) {}

@InputType()
export class DefineBenefitPoolInput extends commandInput({
  poolId: chosenId('benefit-pool'),
  initiativeId: entityId(),
  name: line(300),
  kind: member(BenefitPoolKindEnum),
  description: prose(5_000),
  amount: optional(
    nested(MoneyInput, 'Required for a funding pool, refused for every other kind.'),
  ),
}) {}

@InputType()
export class ReallocateBenefitSharesInput extends entityCommandInput({
  poolId: entityId(),
  shares: shares(),
  reason: prose(5_000, 'Why the shares change.'),
}) {}

@InputType({ description: 'What one partner receives.' })
export class PartnerAmountInput extends inputOf({
  partnerId: entityId(),
  amount: nested(MoneyInput),
}) {}

@InputType()
export class RecordDistributionInput extends entityCommandInput({
  poolId: entityId(),
  distributionId: chosenId('distribution'),
  amounts: nestedList(
    PartnerAmountInput,
    200,
    "One amount per partner of the current allocation, each that partner's share of the total (within one minor unit).",
  ),
  note: prose(5_000),
}) {}
