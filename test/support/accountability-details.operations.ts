/** The accountability view with every field of its risks and pools, and each read on its own. */

const RISK = `riskId initiativeId title description category likelihood impact exposure ownerPartnerId
  status ownershipShares { partnerId percent } mitigations { mitigationId description commitmentIds plannedAt }
  assessments { likelihood impact exposure reason assessedAt } identifiedAt materialisedAt materialisation
  closedAt closingReason revision`;

const MONEY = 'amount amountMinor currency';
const POOL = `poolId initiativeId name kind description amount { ${MONEY} }
  allocation { partnerId percent }
  allocationHistory { revision reason allocatedAt current shares { partnerId percent } }
  distributions { distributionId note recordedAt total { ${MONEY} } amounts { partnerId amount { ${MONEY} } } }
  distributedByPartner { partnerId amount { ${MONEY} } }
  distributed { ${MONEY} } remaining { ${MONEY} } revision`;

export const ACCOUNTABILITY_DETAILS = `query Details($initiativeId: ID!, $partnerId: ID) {
  accountability(initiativeId: $initiativeId) {
    partners(partnerId: $partnerId) { edges { node {
      partner { partnerId }
      risks { risk { ${RISK} } owner sharePercent }
      benefitShares { pool { ${POOL} } sharePercent distributed { ${MONEY} } }
    } } }
  }
}`;

export const RISK_ALONE = `query Risk($id: ID!) { risk(id: $id) { ${RISK} } }`;

export const POOL_ALONE = `query Pool($id: ID!) { benefitPool(id: $id) { ${POOL} } }`;
