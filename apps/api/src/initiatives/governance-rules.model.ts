import {
  DECISION_METHODS,
  type DecisionMethod,
  type Fraction as FractionView,
  type GovernanceRules as DomainGovernanceRules,
} from '@accord/domain';
import type { GovernanceRulesView } from '@accord/projections';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import {
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  id,
  int,
  nullable,
  of,
} from '../graphql/object-type';

export const DecisionMethodEnum = enumFrom(
  DECISION_METHODS,
  'DecisionMethod',
  'CONSENSUS: adopted unless someone blocks. CONSENT: adopted unless someone objects. SIMPLE_MAJORITY: more for than against. SUPERMAJORITY: the supermajority fraction of for and against votes.',
);

@ObjectType({ description: 'An exact ratio, such as 2/3; thresholds are never floats.' })
export class Fraction extends fieldsOf<FractionView>()({
  numerator: int(),
  denominator: int(),
}) {}

@InputType()
export class FractionInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000)
  numerator!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000)
  denominator!: number;
}

@ObjectType({ description: 'How an initiative decides.' })
export class GovernanceRules extends fieldsOf<GovernanceRulesView>()({
  quorum: of(
    Fraction,
    'Share of the voting members in office who must take part for a vote to count.',
  ),
  defaultMethod: enumOf(DecisionMethodEnum),
  supermajority: of(Fraction, 'Share of for and against votes a SUPERMAJORITY needs.'),
  decisionId: nullable(
    id('The decision that adopted these rules; null for the rules set at launch.'),
  ),
  setAt: nullable(dateTime('Null for the default rules.')),
}) {}

@InputType()
export class GovernanceRulesInput {
  @Field(() => FractionInput)
  @ValidateNested()
  @Type(() => FractionInput)
  quorum!: FractionInput;

  @Field(() => DecisionMethodEnum)
  @IsIn(DECISION_METHODS)
  defaultMethod!: DecisionMethod;

  @Field(() => FractionInput)
  @ValidateNested()
  @Type(() => FractionInput)
  supermajority!: FractionInput;
}

export const toDomainRules = (input: GovernanceRulesInput): DomainGovernanceRules => ({
  quorum: { numerator: input.quorum.numerator, denominator: input.quorum.denominator },
  defaultMethod: input.defaultMethod,
  supermajority: {
    numerator: input.supermajority.numerator,
    denominator: input.supermajority.denominator,
  },
});
