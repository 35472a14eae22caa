/** The accountability view with every field of its risks and pools, and each read on its own. */

const RISK = `riskId initiativeId title description category likelihood impact exposure ownerPartnerId
  status ownershipShares { partnerId percent } mitigations { mitigationId description commitmentIds plannedAt }
  assessments { likelihood impact exposure reason assessedAt } identifiedAt materialisedAt materialisation
  closedAt closingReason revision`;

const MONEY = 'amount amountMinor currency';
const POOL = `poolId initiativeId name kind description amount { ${MONEY} }
  allocation { partnerId percent }
  allocationHistory { revision reason allocatedAt current }
  distributions { distributionId note recordedAt total { ${MONEY} } amounts { partnerId amount { ${MONEY} } } }
  distributedByPartner { partnerId amount { ${MONEY} } }
  distributed { ${MONEY} } remaining { ${MONEY} } revision`;

/**
 * The view with every field of its risks, or of its pools: one list per query, as the query
 * cost limit allows for such deep fields.
 */
export const ACCOUNTABILITY_DETAILS = (list: 'risks' | 'benefitShares') => `query Details(
  $initiativeId: ID!, $partnerId: ID
) {
  accountability(initiativeId: $initiativeId) {
    partners(partnerId: $partnerId) { edges { node {
      partner { partnerId }
      ${
        list === 'risks'
          ? `risks(first: 2) { edges { node { risk { ${RISK} } owner sharePercent } } }`
          : `benefitShares(first: 2) {
        edges { node { pool { ${POOL} } sharePercent distributed { ${MONEY} } } }
      }`
      }
    } } }
  }
}`;

export const RISK_ALONE = `query Risk($id: ID!) { risk(id: $id) { ${RISK} } }`;

export const POOL_ALONE = `query Pool($id: ID!) { benefitPool(id: $id) { ${POOL} } }`;

/** One partner's risks and benefit shares, a page of `first` after `after` each. */
export const PARTNER_LISTS = `query Lists($initiativeId: ID!, $partnerId: ID, $first: Int, $after: String, $shareAfter: String) {
  accountability(initiativeId: $initiativeId) {
    partners(partnerId: $partnerId, first: 5) { edges { node {
      risks(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { risk { riskId } } }
      }
      benefitShares(first: $first, after: $shareAfter) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { pool { poolId } } }
      }
    } } }
  }
}`;
