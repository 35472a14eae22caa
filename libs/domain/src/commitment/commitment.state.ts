import type { CommitmentEvent } from './commitment.events';

export type CommitmentStatus = 'open' | 'fulfilled' | 'withdrawn';

export type CommitmentState =
  | { status: 'absent' }
  | {
      status: CommitmentStatus;
      commitmentId: string;
      initiativeId: string;
      partnerId: string;
      percent: number;
    };

export const initialCommitmentState = (): CommitmentState => ({ status: 'absent' });

export function evolveCommitment(state: CommitmentState, event: CommitmentEvent): CommitmentState {
  const { type, data } = event;
  switch (type) {
    case 'CommitmentMade.v1':
      return {
        status: 'open',
        commitmentId: data.commitmentId,
        initiativeId: data.initiativeId,
        partnerId: data.partnerId,
        percent: 0,
      };
    case 'ProgressReported.v1':
      return state.status === 'absent' ? state : { ...state, percent: data.percent };
    case 'CommitmentFulfilled.v1':
      return state.status === 'absent' ? state : { ...state, status: 'fulfilled', percent: 100 };
    case 'CommitmentWithdrawn.v1':
      return state.status === 'absent' ? state : { ...state, status: 'withdrawn' };
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}
