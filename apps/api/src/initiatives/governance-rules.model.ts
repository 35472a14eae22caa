import {
  DECISION_METHODS,
  type Fraction as FractionView,
  type GovernanceRules as DomainGovernanceRules,
} from '@accord/domain';
import type { GovernanceRulesView } from '@accord/projections';
import { InputType, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { inputOf, member, nested, whole } from '../graphql/input-type';
import * as t from '../graphql/object-type';

export const DecisionMethodEnum = t.enumFrom(
  DECISION_METHODS,
  'DecisionMethod',
  'CONSENSUS: adopted unless someone blocks. CONSENT: adopted unless someone objects. SIMPLE_MAJORITY: more for than against. SUPERMAJORITY: the supermajority fraction of for and against votes.',
);

@ObjectType({ description: 'An exact ratio, such as 2/3; thresholds are never floats.' })
export class Fraction extends t.fieldsOf<FractionView>()({
  numerator: t.int(),
  denominator: t.int(),
}) {}

const term = () => whole(undefined, IsInt(), Min(1), Max(1_000));

@InputType()
export class FractionInput extends inputOf({ numerator: term(), denominator: term() }) {}

@ObjectType({ description: 'How an initiative decides.' })
export class GovernanceRules extends t.fieldsOf<GovernanceRulesView>()({
  quorum: t.of(
    Fraction,
    'Share of the voting members in office who must take part for a vote to count.',
  ),
  defaultMethod: t.enumOf(DecisionMethodEnum),
  supermajority: t.of(Fraction, 'Share of for and against votes a SUPERMAJORITY needs.'),
  decisionId: t.nullable(
    t.id('The decision that adopted these rules; null for the rules set at launch.'),
  ),
  setAt: t.nullable(t.dateTime('Null for the default rules.')),
}) {}

@InputType()
export class GovernanceRulesInput extends inputOf({
  quorum: nested(FractionInput),
  defaultMethod: member(DecisionMethodEnum),
  supermajority: nested(FractionInput),
}) {}

const fraction = ({ numerator, denominator }: FractionInput) => ({ numerator, denominator });
export const toDomainRules = (input: GovernanceRulesInput): DomainGovernanceRules => ({
  quorum: fraction(input.quorum),
  defaultMethod: input.defaultMethod,
  supermajority: fraction(input.supermajority),
});
