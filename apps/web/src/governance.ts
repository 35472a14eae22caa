import type { DecisionMethod } from './graphql/generated';

interface Fraction {
  numerator: number;
  denominator: number;
}

const ratio = ({ numerator, denominator }: Fraction) => `${numerator} of ${denominator}`;

/** "half of the", "all the", "2 of 3": the quorum as a chair would say it. */
export function share({ numerator, denominator }: Fraction): string {
  if (numerator === denominator) return 'all the';
  if (numerator * 2 === denominator) return 'half of the';
  return `${numerator} of ${denominator}`;
}

/** How a motion passes under each method, in words. */
export function methodInWords(method: DecisionMethod, supermajority: Fraction): string {
  switch (method) {
    case 'CONSENSUS':
      return 'by consensus: adopted unless a member blocks';
    case 'CONSENT':
      return 'by consent: adopted unless a member objects';
    case 'SIMPLE_MAJORITY':
      return 'by simple majority: more votes for than against';
    case 'SUPERMAJORITY':
      return `by supermajority: at least ${ratio(supermajority)} of the votes for or against are for`;
  }
}

/** "A vote counts when 2 of 3 voting members take part; motions pass by simple majority …" */
export function rulesInWords(rules: {
  quorum: Fraction;
  defaultMethod: DecisionMethod;
  supermajority: Fraction;
}): string {
  return `A vote counts when ${share(rules.quorum)} voting members take part; motions pass ${methodInWords(rules.defaultMethod, rules.supermajority)}.`;
}
