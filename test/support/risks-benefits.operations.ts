/** GraphQL documents for the risk and benefit pool end-to-end tests. */
import { RECEIPT } from './operations';

const RISK_FIELDS = `riskId initiativeId title description category likelihood impact exposure ownerPartnerId
  status ownershipShares { partnerId percent } mitigations { mitigationId description commitmentIds plannedAt }
  assessments { likelihood impact exposure reason assessedAt } identifiedAt materialisedAt materialisation
  closedAt closingReason revision`;

export const IDENTIFY_RISK = `mutation Identify($input: IdentifyRiskInput!) {
  identifyRisk(input: $input) { ${RECEIPT} risk { ${RISK_FIELDS} } }
}`;

export const REASSESS_RISK = `mutation Reassess($input: ReassessRiskInput!) {
  reassessRisk(input: $input) { ${RECEIPT} risk { ${RISK_FIELDS} } }
}`;

export const SHARE_RISK = `mutation Share($input: ShareRiskOwnershipInput!) {
  shareRiskOwnership(input: $input) { ${RECEIPT} risk { ${RISK_FIELDS} } }
}`;

export const PLAN_MITIGATION = `mutation Plan($input: PlanMitigationInput!) {
  planMitigation(input: $input) { ${RECEIPT} risk { ${RISK_FIELDS} } }
}`;

export const MATERIALISE_RISK = `mutation Materialise($input: MaterialiseRiskInput!) {
  materialiseRisk(input: $input) { ${RECEIPT} risk { ${RISK_FIELDS} } }
}`;

export const CLOSE_RISK = `mutation Close($input: CloseRiskInput!) {
  closeRisk(input: $input) { ${RECEIPT} risk { ${RISK_FIELDS} } }
}`;

export const RISK = `query Risk($id: ID!) { risk(id: $id) { ${RISK_FIELDS} } }`;

export const RISK_REGISTER = `query Register($initiativeId: ID!, $status: RiskStatus, $first: Int, $after: String) {
  riskRegister(initiativeId: $initiativeId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { riskId title likelihood impact exposure status } }
  }
}`;

const MONEY = 'amount amountMinor currency';
const POOL_FIELDS = `poolId initiativeId name kind description amount { ${MONEY} }
  allocation { partnerId percent }
  allocationHistory { revision reason allocatedAt current shares { partnerId percent } }
  distributions { distributionId note recordedAt total { ${MONEY} } amounts { partnerId amount { ${MONEY} } } }
  distributedByPartner { partnerId amount { ${MONEY} } }
  distributed { ${MONEY} } remaining { ${MONEY} } revision`;

export const DEFINE_POOL = `mutation Define($input: DefineBenefitPoolInput!) {
  defineBenefitPool(input: $input) { ${RECEIPT} benefitPool { ${POOL_FIELDS} } }
}`;

export const ALLOCATE_SHARES = `mutation Allocate($input: AllocateBenefitSharesInput!) {
  allocateBenefitShares(input: $input) { ${RECEIPT} benefitPool { ${POOL_FIELDS} } }
}`;

export const REALLOCATE_SHARES = `mutation Reallocate($input: ReallocateBenefitSharesInput!) {
  reallocateBenefitShares(input: $input) { ${RECEIPT} benefitPool { ${POOL_FIELDS} } }
}`;

export const RECORD_DISTRIBUTION = `mutation Distribute($input: RecordDistributionInput!) {
  recordDistribution(input: $input) { ${RECEIPT} benefitPool { ${POOL_FIELDS} } }
}`;

export const BENEFIT_POOL = `query Pool($id: ID!) { benefitPool(id: $id) { ${POOL_FIELDS} } }`;

export const BENEFIT_POOLS = `query Pools($initiativeId: ID!, $first: Int, $after: String) {
  benefitPools(initiativeId: $initiativeId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${POOL_FIELDS} } }
  }
}`;
