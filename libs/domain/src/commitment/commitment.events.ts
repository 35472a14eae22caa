import type { Money } from '../shared/money';

export interface ResourcesPledged {
  money: Money | null;
  /** What is given in kind (rooms, equipment, data), in words. */
  inKind: string | null;
  hours: number | null;
}

export type CommitmentMade = {
  type: 'CommitmentMade.v1';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    description: string;
    resources: ResourcesPledged;
    /** Calendar day, YYYY-MM-DD. */
    dueDate: string;
    madeAt: string;
  };
};

export type ProgressReported = {
  type: 'ProgressReported.v1';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    percent: number;
    note: string;
    reportedAt: string;
  };
};

export type CommitmentFulfilled = {
  type: 'CommitmentFulfilled.v1';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    note: string | null;
    fulfilledAt: string;
  };
};

export type CommitmentWithdrawn = {
  type: 'CommitmentWithdrawn.v1';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    reason: string;
    withdrawnAt: string;
  };
};

export type CommitmentEvent =
  CommitmentMade | ProgressReported | CommitmentFulfilled | CommitmentWithdrawn;

export const COMMITMENT_EVENT_TYPES: readonly CommitmentEvent['type'][] = [
  'CommitmentMade.v1',
  'ProgressReported.v1',
  'CommitmentFulfilled.v1',
  'CommitmentWithdrawn.v1',
];
