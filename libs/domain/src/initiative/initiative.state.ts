import { DEFAULT_GOVERNANCE_RULES, type GovernanceRules } from '../governance/governance-rules';
import type { Since } from '../shared/business-time';
import type { InitiativeEvent, Sector } from './initiative.events';

export interface PartnerState {
  partnerId: string;
  organisationName: string;
  sector: Sector;
  status: 'member' | 'left';
  /** Business time the partner (last) joined. */
  joinedAt: string;
}

export type InitiativeState =
  | { status: 'absent' }
  | {
      status: 'launched';
      initiativeId: string;
      /** Business time of the launch: nothing in the initiative may be dated before it. */
      launchedAt: string;
      name: string;
      commonAgenda: string;
      partners: Readonly<Record<string, PartnerState>>;
      rules: GovernanceRules;
      /** Decisions whose rules were applied, so one decision changes the rules once. */
      rulesDecisionIds: readonly string[];
    };

export const initialInitiativeState = (): InitiativeState => ({ status: 'absent' });

export function evolveInitiative(state: InitiativeState, event: InitiativeEvent): InitiativeState {
  const { type, data } = event;
  switch (type) {
    case 'InitiativeLaunched.v1':
      return {
        status: 'launched',
        initiativeId: data.initiativeId,
        launchedAt: data.launchedAt,
        name: data.name,
        commonAgenda: data.commonAgenda,
        partners: {},
        rules: DEFAULT_GOVERNANCE_RULES,
        rulesDecisionIds: [],
      };
    case 'AgendaAmended.v1':
      return state.status === 'launched' ? { ...state, commonAgenda: data.commonAgenda } : state;
    case 'PartnerJoined.v1':
      if (state.status !== 'launched') return state;
      return {
        ...state,
        partners: {
          ...state.partners,
          [data.partnerId]: {
            partnerId: data.partnerId,
            organisationName: data.organisationName,
            sector: data.sector,
            status: 'member',
            joinedAt: data.joinedAt,
          },
        },
      };
    case 'PartnerLeft.v1': {
      const partner = state.status === 'launched' ? state.partners[data.partnerId] : undefined;
      if (state.status !== 'launched' || !partner) return state;
      return {
        ...state,
        partners: { ...state.partners, [data.partnerId]: { ...partner, status: 'left' } },
      };
    }
    case 'GovernanceRulesSet.v1': {
      if (state.status !== 'launched') return state;
      const { quorum, defaultMethod, supermajority, decisionId } = data;
      return {
        ...state,
        rules: { quorum, defaultMethod, supermajority },
        rulesDecisionIds:
          decisionId === null ? state.rulesDecisionIds : [...state.rulesDecisionIds, decisionId],
      };
    }
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}

export type LaunchedInitiative = Extract<InitiativeState, { status: 'launched' }>;

/** The launch, as what an act in the initiative depends on. */
export const launchOf = (initiative: LaunchedInitiative): Since => ({
  what: `initiative ${initiative.initiativeId} was launched`,
  at: initiative.launchedAt,
});
