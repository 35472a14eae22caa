import type { GovernanceRules } from '../governance/governance-rules';

export const SECTORS = [
  'government',
  'nonprofit',
  'business',
  'philanthropy',
  'education',
  'community',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export type InitiativeLaunched = {
  type: 'InitiativeLaunched.v1';
  data: {
    initiativeId: string;
    name: string;
    problemStatement: string;
    commonAgenda: string;
    launchedAt: string;
  };
};

export type AgendaAmended = {
  type: 'AgendaAmended.v1';
  data: { initiativeId: string; commonAgenda: string; reason: string | null; amendedAt: string };
};

export type PartnerJoined = {
  type: 'PartnerJoined.v1';
  data: {
    initiativeId: string;
    partnerId: string;
    organisationName: string;
    sector: Sector;
    joinedAt: string;
  };
};

export type PartnerLeft = {
  type: 'PartnerLeft.v1';
  data: { initiativeId: string; partnerId: string; reason: string | null; leftAt: string };
};

/** The rules in force from now on: at launch (decisionId null), or as a decision adopted them. */
export type GovernanceRulesSet = {
  type: 'GovernanceRulesSet.v1';
  data: GovernanceRules & { initiativeId: string; decisionId: string | null; setAt: string };
};

export type InitiativeEvent =
  InitiativeLaunched | AgendaAmended | PartnerJoined | PartnerLeft | GovernanceRulesSet;

export const INITIATIVE_EVENT_TYPES: readonly InitiativeEvent['type'][] = [
  'InitiativeLaunched.v1',
  'AgendaAmended.v1',
  'PartnerJoined.v1',
  'PartnerLeft.v1',
  'GovernanceRulesSet.v1',
];
