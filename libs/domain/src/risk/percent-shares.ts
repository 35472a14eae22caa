import type { InitiativeState } from '../initiative/initiative.state';
import type { Actor } from '../shared/decider';
import { rule } from '../shared/domain-error';
import { percentToBasisPoints, requireWholeShares, type PartnerShare } from '../shared/shares';

/** A share as callers give it: the percentage as a decimal string such as "33.34". */
export interface PercentShare {
  partnerId: string;
  percent: string;
}

/**
 * Percent strings to basis points, checked to name each partner once and add to exactly
 * 100 %, every partner a member of the initiative (`notMember` is the caller's rule code).
 * Shared by risk ownership and benefit pools.
 */
export function memberShares(
  shares: readonly PercentShare[],
  initiative: InitiativeState,
  notMember: string,
  field = 'shares',
): PartnerShare[] {
  const converted = shares.map((share, index) => ({
    partnerId: share.partnerId,
    basisPoints: percentToBasisPoints(share.percent, `${field}[${index}].percent`),
  }));
  requireWholeShares(converted, field);
  converted.forEach((share, index) =>
    requireMember(initiative, share.partnerId, notMember, `${field}[${index}].partnerId`),
  );
  return converted;
}

/** The partner belongs to the initiative and has not left it. */
export function requireMember(
  initiative: InitiativeState,
  partnerId: string,
  notMember: string,
  field: string,
): void {
  rule(
    initiative.status === 'launched' && initiative.partners[partnerId]?.status === 'member',
    notMember,
    `partner ${partnerId} is not a member of the initiative`,
    field,
  );
}

/** The person acts for a member partner of the initiative: outsiders keep no one's register. */
export function requireActorMember(
  initiative: InitiativeState,
  actor: Actor,
  notMember: string,
): void {
  rule(
    initiative.status === 'launched' && initiative.partners[actor.partnerId]?.status === 'member',
    notMember,
    `${actor.personId} acts for ${actor.partnerId}, which is not a member of the initiative`,
    'actor.partnerId',
  );
}
