import type { IndicatorEvent } from '../indicator/indicator.events';
import {
  evolveIndicator,
  initialIndicatorState,
  type IndicatorState,
} from '../indicator/indicator.state';
import { deciderSpecification } from '../testing/decider-specification';
import { initiativeId, now } from '../testing/initiative-fixtures';
import {
  type AcceptCommitment,
  commitmentDecider,
  type CommitmentCommand,
  CommitmentRules,
  type DecisionReference,
  type LinkCommitment,
  type MissCommitment,
  type ReviseCommitment,
} from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';

const spec = deciderSpecification(commitmentDecider);
const commitmentId = 'c1';
const afterDue = '2026-07-01T09:00:00.000Z';
const foodBank = { personId: 'bo', partnerId: 'food-bank' };
const cityHall = { personId: 'ana', partnerId: 'city-hall' };
const backbone = { personId: 'cy', partnerId: 'city-hall' };
const ids = { commitmentId, initiativeId, partnerId: 'food-bank' };

const made: CommitmentEvent = {
  type: 'CommitmentMade.v1',
  data: {
    ...ids,
    description: 'Run 40 weekend meal drops',
    resources: { money: null, inKind: null, hours: 120 },
    dueDate: '2026-06-30',
    madeAt: now,
  },
};
const fulfilled: CommitmentEvent = {
  type: 'CommitmentFulfilled.v1',
  data: { ...ids, note: null, fulfilledAt: now },
};
const withdrawn: CommitmentEvent = {
  type: 'CommitmentWithdrawn.v1',
  data: { ...ids, reason: 'r', withdrawnAt: now },
};
const missed: CommitmentEvent = {
  type: 'CommitmentMissed.v1',
  data: { ...ids, dueDate: '2026-06-30', reason: 'no volunteers', missedAt: afterDue },
};
const accepted: CommitmentEvent = {
  type: 'CommitmentAccepted.v1',
  data: { ...ids, acceptedBy: 'ana', acceptedAt: now },
};

const accept = (actor = cityHall): AcceptCommitment => ({
  type: 'AcceptCommitment',
  actor,
  now,
  data: { commitmentId },
});
const revise = (
  data: Partial<ReviseCommitment['data']> = {},
  actor = foodBank,
  at = now,
): ReviseCommitment => ({
  type: 'ReviseCommitment',
  actor,
  now: at,
  data: {
    commitmentId,
    dueDate: '2026-09-30',
    description: null,
    reason: 'the warehouse opens late',
    ...data,
  },
});
const miss = (actor = backbone, at = afterDue): MissCommitment => ({
  type: 'MissCommitment',
  actor,
  now: at,
  data: { commitmentId, reason: 'no volunteers' },
});

const indicatorIn = (id: string, initiative: string): IndicatorState => {
  const defined: IndicatorEvent = {
    type: 'IndicatorDefined.v1',
    data: {
      indicatorId: id,
      initiativeId: initiative,
      name: 'n',
      unit: 'meals',
      direction: 'up',
      baseline: { value: '0', date: '2026-01-01' },
      target: { value: '1000', date: '2027-01-01' },
      dataSteward: cityHall,
      definedAt: now,
    },
  };
  return evolveIndicator(initialIndicatorState(), defined);
};
const link = (
  data: Partial<LinkCommitment['data']> = {},
  indicator: IndicatorState = indicatorIn('meals', initiativeId),
  decision: DecisionReference = { initiativeId },
  actor = foodBank,
): LinkCommitment => ({
  type: 'LinkCommitment',
  actor,
  now,
  data: { commitmentId, indicatorId: 'meals', decisionId: 'd1', ...data },
  indicator,
  decision,
});

describe('Commitment decider: accept, revise, miss, link', () => {
  describe('when no commitment was made', () => {
    it.each<CommitmentCommand>([accept(), revise(), miss(), link()])(
      'rejects $type: the commitment does not exist',
      (command) => {
        spec.given([]).when(command).thenThrows(CommitmentRules.NOT_FOUND, 'commitmentId');
      },
    );
  });

  describe('accepting an open commitment', () => {
    it('records who accepted it', () => {
      spec.given([made]).when(accept()).then([accepted]);
    });
    it('happens once', () => {
      spec
        .given([made, accepted])
        .when(accept())
        .thenThrows(CommitmentRules.ALREADY_ACCEPTED, 'commitmentId');
    });
  });

  describe('revising an open commitment', () => {
    it('moves the due date with a reason, keeping the previous one', () => {
      spec
        .given([made])
        .when(revise())
        .then([
          {
            type: 'CommitmentRevised.v1',
            data: {
              ...ids,
              dueDate: '2026-09-30',
              description: null,
              previousDueDate: '2026-06-30',
              previousDescription: 'Run 40 weekend meal drops',
              reason: 'the warehouse opens late',
              revisedAt: now,
            },
          },
        ]);
    });
    it('changes the scope; a due date equal to the current one is no change', () => {
      spec
        .given([made])
        .when(revise({ dueDate: '2026-06-30', description: 'Run 30 weekend meal drops' }))
        .then([
          {
            type: 'CommitmentRevised.v1',
            data: {
              ...ids,
              dueDate: null,
              description: 'Run 30 weekend meal drops',
              previousDueDate: '2026-06-30',
              previousDescription: 'Run 40 weekend meal drops',
              reason: 'the warehouse opens late',
              revisedAt: now,
            },
          },
        ]);
    });
    it('judges the next revision against the revised values', () => {
      const revised: CommitmentEvent = {
        type: 'CommitmentRevised.v1',
        data: {
          ...ids,
          dueDate: '2026-09-30',
          description: null,
          previousDueDate: '2026-06-30',
          previousDescription: 'Run 40 weekend meal drops',
          reason: 'r',
          revisedAt: now,
        },
      };
      spec
        .given([made, revised])
        .when(revise({ dueDate: '2026-09-30' }))
        .thenThrows(CommitmentRules.NOTHING_TO_REVISE);
    });
    it('may move the due date to the day of the revision', () => {
      spec
        .given([made])
        .when(revise({ dueDate: '2026-03-01' }))
        .then([
          {
            type: 'CommitmentRevised.v1',
            data: {
              ...ids,
              dueDate: '2026-03-01',
              description: null,
              previousDueDate: '2026-06-30',
              previousDescription: 'Run 40 weekend meal drops',
              reason: 'the warehouse opens late',
              revisedAt: now,
            },
          },
        ]);
    });
    it('rejects a revision that changes nothing', () => {
      spec
        .given([made])
        .when(revise({ dueDate: null, description: null }))
        .thenThrows(CommitmentRules.NOTHING_TO_REVISE);
    });
    it('rejects values equal to the current ones', () => {
      spec
        .given([made])
        .when(revise({ dueDate: '2026-06-30', description: 'Run 40 weekend meal drops' }))
        .thenThrows(CommitmentRules.NOTHING_TO_REVISE);
    });
    it('rejects a new due date before the day of the revision', () => {
      spec
        .given([made])
        .when(revise({ dueDate: '2026-02-28' }))
        .thenThrows(CommitmentRules.DUE_DATE_IN_PAST, 'dueDate');
    });
  });

  describe('recording a miss', () => {
    it('is done by the backbone once the due day has passed', () => {
      spec.given([made]).when(miss()).then([missed]);
    });
    it('counts the revised due date', () => {
      const revised: CommitmentEvent = {
        type: 'CommitmentRevised.v1',
        data: {
          ...ids,
          dueDate: '2026-09-30',
          description: null,
          previousDueDate: '2026-06-30',
          previousDescription: 'Run 40 weekend meal drops',
          reason: 'r',
          revisedAt: now,
        },
      };
      spec
        .given([made, revised])
        .when(miss())
        .thenThrows(CommitmentRules.NOT_YET_DUE, 'commitmentId');
    });
    it('rejects a miss on the due day itself', () => {
      spec
        .given([made])
        .when(miss(backbone, '2026-06-30T23:00:00.000Z'))
        .thenThrows(CommitmentRules.NOT_YET_DUE, 'commitmentId');
    });
  });

  describe('linking an open commitment', () => {
    it('links the indicator it serves and the decision that asked for it', () => {
      spec
        .given([made])
        .when(link())
        .then([
          {
            type: 'CommitmentLinked.v1',
            data: { ...ids, indicatorId: 'meals', decisionId: 'd1', linkedAt: now },
          },
        ]);
    });
    it('links only an indicator', () => {
      spec
        .given([made])
        .when(link({ decisionId: null }, undefined, { initiativeId: null }))
        .then([
          {
            type: 'CommitmentLinked.v1',
            data: { ...ids, indicatorId: 'meals', decisionId: null, linkedAt: now },
          },
        ]);
    });
    it('links only a decision', () => {
      spec
        .given([made])
        .when(link({ indicatorId: null }, initialIndicatorState()))
        .then([
          {
            type: 'CommitmentLinked.v1',
            data: { ...ids, indicatorId: null, decisionId: 'd1', linkedAt: now },
          },
        ]);
    });
    it('rejects a link to nothing', () => {
      spec
        .given([made])
        .when(link({ indicatorId: null, decisionId: null }))
        .thenThrows(CommitmentRules.NOTHING_TO_LINK, 'indicatorId');
    });
    it('rejects an indicator that does not exist', () => {
      spec
        .given([made])
        .when(link({}, initialIndicatorState()))
        .thenThrows(CommitmentRules.INDICATOR_NOT_FOUND, 'indicatorId');
    });
    it('rejects an indicator of another initiative', () => {
      spec
        .given([made])
        .when(link({}, indicatorIn('meals', 'elsewhere')))
        .thenThrows(CommitmentRules.INDICATOR_OF_OTHER_INITIATIVE, 'indicatorId');
    });
    it('rejects a decision that does not exist', () => {
      spec
        .given([made])
        .when(link({}, undefined, { initiativeId: null }))
        .thenThrows(CommitmentRules.DECISION_NOT_FOUND, 'decisionId');
    });
    it('rejects a decision of another initiative', () => {
      spec
        .given([made])
        .when(link({}, undefined, { initiativeId: 'elsewhere' }))
        .thenThrows(CommitmentRules.DECISION_OF_OTHER_INITIATIVE, 'decisionId');
    });
  });

  describe('when the commitment was missed', () => {
    const report: CommitmentCommand = {
      type: 'ReportProgress',
      actor: foodBank,
      now: afterDue,
      data: { commitmentId, percent: 90, note: 'late' },
    };
    const fulfil: CommitmentCommand = {
      type: 'FulfilCommitment',
      actor: foodBank,
      now: afterDue,
      data: { commitmentId, note: null },
    };
    const withdraw: CommitmentCommand = {
      type: 'WithdrawCommitment',
      actor: foodBank,
      now: afterDue,
      data: { commitmentId, reason: 'r' },
    };
    it.each<CommitmentCommand>([report, fulfil, withdraw, miss(), accept(), revise(), link()])(
      'rejects $type',
      (command) => {
        spec
          .given([made, missed])
          .when(command)
          .thenThrows(CommitmentRules.ALREADY_MISSED, 'commitmentId');
      },
    );
  });

  describe('when the commitment is closed', () => {
    it.each<CommitmentCommand>([accept(), revise(), miss(), link()])(
      'rejects $type once fulfilled',
      (command) => {
        spec
          .given([made, fulfilled])
          .when(command)
          .thenThrows(CommitmentRules.ALREADY_FULFILLED, 'commitmentId');
      },
    );
    it.each<CommitmentCommand>([accept(), revise(), miss(), link()])(
      'rejects $type once withdrawn',
      (command) => {
        spec
          .given([made, withdrawn])
          .when(command)
          .thenThrows(CommitmentRules.ALREADY_WITHDRAWN, 'commitmentId');
      },
    );
  });
});
