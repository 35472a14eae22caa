import type { CommitmentEvent } from './commitment.events';

export type CommitmentStatus = 'open' | 'fulfilled' | 'withdrawn' | 'missed';

export type CommitmentState =
  | { status: 'absent' }
  | {
      status: CommitmentStatus;
      commitmentId: string;
      initiativeId: string;
      partnerId: string;
      /** Business time the commitment was made: nothing on it may be dated before. */
      madeAt: string;
      percent: number;
      /** Current due date and description, after revisions. */
      dueDate: string;
      description: string;
      /** The steering member who accepted it, or null. */
      acceptedBy: string | null;
    };

export const initialCommitmentState = (): CommitmentState => ({ status: 'absent' });

export function evolveCommitment(state: CommitmentState, event: CommitmentEvent): CommitmentState {
  const { type, data } = event;
  if (type === 'CommitmentMade.v1') {
    return {
      status: 'open',
      commitmentId: data.commitmentId,
      initiativeId: data.initiativeId,
      partnerId: data.partnerId,
      madeAt: data.madeAt,
      percent: 0,
      dueDate: data.dueDate,
      description: data.description,
      acceptedBy: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (type) {
    case 'ProgressReported.v1':
      return { ...state, percent: data.percent };
    case 'CommitmentFulfilled.v1':
      return { ...state, status: 'fulfilled', percent: 100 };
    case 'CommitmentWithdrawn.v1':
      return { ...state, status: 'withdrawn' };
    case 'CommitmentAccepted.v1':
      return { ...state, acceptedBy: data.acceptedBy };
    case 'CommitmentRevised.v1':
      return {
        ...state,
        dueDate: data.dueDate ?? state.dueDate,
        description: data.description ?? state.description,
      };
    case 'CommitmentMissed.v1':
      return { ...state, status: 'missed' };
    case 'CommitmentLinked.v1':
      return state;
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}
