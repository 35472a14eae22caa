import type { PartnerShare } from '../shared/shares';
import type { RiskEvent } from './risk.events';

export type RiskStatus = 'open' | 'materialised' | 'closed';

export type RiskState =
  | { status: 'absent' }
  | {
      status: RiskStatus;
      riskId: string;
      initiativeId: string;
      /** Business time the risk was identified: nothing on it may be dated before. */
      identifiedAt: string;
      ownerPartnerId: string;
      likelihood: number;
      impact: number;
      shares: readonly PartnerShare[];
      mitigationIds: readonly string[];
    };

export const initialRiskState = (): RiskState => ({ status: 'absent' });

export function evolveRisk(state: RiskState, event: RiskEvent): RiskState {
  const { type, data } = event;
  switch (type) {
    case 'RiskIdentified.v1':
      return {
        status: 'open',
        riskId: data.riskId,
        initiativeId: data.initiativeId,
        identifiedAt: data.identifiedAt,
        ownerPartnerId: data.ownerPartnerId,
        likelihood: data.likelihood,
        impact: data.impact,
        shares: [],
        mitigationIds: [],
      };
    case 'RiskReassessed.v1':
      return state.status === 'absent'
        ? state
        : { ...state, likelihood: data.likelihood, impact: data.impact };
    case 'RiskOwnershipShared.v1':
      return state.status === 'absent' ? state : { ...state, shares: data.shares };
    case 'MitigationPlanned.v1':
      return state.status === 'absent'
        ? state
        : { ...state, mitigationIds: [...state.mitigationIds, data.mitigationId] };
    case 'RiskMaterialised.v1':
      return state.status === 'absent' ? state : { ...state, status: 'materialised' };
    case 'RiskClosed.v1':
      return state.status === 'absent' ? state : { ...state, status: 'closed' };
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}
