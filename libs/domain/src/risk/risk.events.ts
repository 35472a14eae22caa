import type { PartnerShare } from '../shared/shares';

export const RISK_CATEGORIES = [
  'financial',
  'operational',
  'reputational',
  'legal',
  'data',
  'community',
  'other',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export type RiskIdentified = {
  type: 'RiskIdentified.v1';
  data: {
    riskId: string;
    initiativeId: string;
    title: string;
    description: string;
    category: RiskCategory;
    /** Whole number 1 (rare) to 5 (almost certain). */
    likelihood: number;
    /** Whole number 1 (minor) to 5 (severe). */
    impact: number;
    ownerPartnerId: string;
    identifiedAt: string;
  };
};

export type RiskReassessed = {
  type: 'RiskReassessed.v1';
  data: {
    riskId: string;
    initiativeId: string;
    likelihood: number;
    impact: number;
    reason: string;
    reassessedAt: string;
  };
};

export type RiskOwnershipShared = {
  type: 'RiskOwnershipShared.v1';
  data: {
    riskId: string;
    initiativeId: string;
    /** Basis points, exactly 10 000 in all; replaces any earlier sharing. */
    shares: PartnerShare[];
    sharedAt: string;
  };
};

export type MitigationPlanned = {
  type: 'MitigationPlanned.v1';
  data: {
    riskId: string;
    initiativeId: string;
    mitigationId: string;
    description: string;
    commitmentIds: string[];
    plannedAt: string;
  };
};

export type RiskMaterialised = {
  type: 'RiskMaterialised.v1';
  data: { riskId: string; initiativeId: string; description: string; materialisedAt: string };
};

export type RiskClosed = {
  type: 'RiskClosed.v1';
  data: { riskId: string; initiativeId: string; reason: string; closedAt: string };
};

export type RiskEvent =
  | RiskIdentified
  | RiskReassessed
  | RiskOwnershipShared
  | MitigationPlanned
  | RiskMaterialised
  | RiskClosed;

export const RISK_EVENT_TYPES: readonly RiskEvent['type'][] = [
  'RiskIdentified.v1',
  'RiskReassessed.v1',
  'RiskOwnershipShared.v1',
  'MitigationPlanned.v1',
  'RiskMaterialised.v1',
  'RiskClosed.v1',
];
