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

/** A steering member accepts the commitment on behalf of the initiative. */
export type CommitmentAccepted = {
  type: 'CommitmentAccepted.v1';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    acceptedBy: string;
    acceptedAt: string;
  };
};

/** A change of due date and/or scope; the previous values travel with it, so history reads alone. */
export type CommitmentRevised = {
  type: 'CommitmentRevised.v1';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    /** The new due date (YYYY-MM-DD), or null when it did not change. */
    dueDate: string | null;
    /** The new description, or null when it did not change. */
    description: string | null;
    previousDueDate: string;
    previousDescription: string;
    reason: string;
    revisedAt: string;
  };
};

export type CommitmentMissed = {
  type: 'CommitmentMissed.v1';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    dueDate: string;
    reason: string;
    missedAt: string;
  };
};

/** Links the commitment to the indicator it serves and/or the decision that asked for it. */
export type CommitmentLinked = {
  type: 'CommitmentLinked.v1';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    /** null leaves the current link as it is. */
    indicatorId: string | null;
    decisionId: string | null;
    linkedAt: string;
  };
};

export type CommitmentEvent =
  | CommitmentMade
  | ProgressReported
  | CommitmentFulfilled
  | CommitmentWithdrawn
  | CommitmentAccepted
  | CommitmentRevised
  | CommitmentMissed
  | CommitmentLinked;

export const COMMITMENT_EVENT_TYPES: readonly CommitmentEvent['type'][] = [
  'CommitmentMade.v1',
  'ProgressReported.v1',
  'CommitmentFulfilled.v1',
  'CommitmentWithdrawn.v1',
  'CommitmentAccepted.v1',
  'CommitmentRevised.v1',
  'CommitmentMissed.v1',
  'CommitmentLinked.v1',
];
