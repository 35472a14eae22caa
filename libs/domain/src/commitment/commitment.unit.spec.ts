import { BusinessTimeRules } from '../shared/business-time';
import { initialInitiativeState } from '../initiative/initiative.state';
import { deciderSpecification } from '../testing/decider-specification';
import {
  initiativeAfter,
  initiativeId,
  joined,
  launched,
  left,
  now,
} from '../testing/initiative-fixtures';
import {
  commitmentDecider,
  CommitmentRules,
  type CommitmentCommand,
  type MakeCommitment,
} from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';

const spec = deciderSpecification(commitmentDecider);
const commitmentId = 'c1';
const foodBank = { personId: 'bo', partnerId: 'food-bank' };

const foodBankJoined = joined('food-bank', 'Food Bank');
const foodBankLeft = left('food-bank');

const resources = {
  money: { amountMinor: '2500000', currency: 'USD' },
  inKind: 'warehouse space',
  hours: 120,
};
const makeData = {
  commitmentId,
  initiativeId,
  partnerId: 'food-bank',
  description: 'Run 40 weekend meal drops',
  resources,
  dueDate: '2026-12-31',
};
const make = (overrides: Partial<MakeCommitment> = {}): MakeCommitment => ({
  type: 'MakeCommitment',
  actor: foodBank,
  now,
  data: makeData,
  initiative: initiativeAfter(launched, foodBankJoined),
  ...overrides,
});
const ids = { commitmentId, initiativeId, partnerId: 'food-bank' };
const made: CommitmentEvent = { type: 'CommitmentMade.v1', data: { ...makeData, madeAt: now } };
const fulfilled: CommitmentEvent = {
  type: 'CommitmentFulfilled.v1',
  data: { ...ids, note: null, fulfilledAt: now },
};
const withdrawn: CommitmentEvent = {
  type: 'CommitmentWithdrawn.v1',
  data: { ...ids, reason: 'r', withdrawnAt: now },
};

const report = (percent: number, actor = foodBank): CommitmentCommand => ({
  type: 'ReportProgress',
  actor,
  now,
  data: { commitmentId, percent, note: '12 drops done' },
});
const fulfil = (actor = foodBank): CommitmentCommand => ({
  type: 'FulfilCommitment',
  actor,
  now,
  data: { commitmentId, note: 'all 40 drops done' },
});
const withdraw = (actor = foodBank): CommitmentCommand => ({
  type: 'WithdrawCommitment',
  actor,
  now,
  data: { commitmentId, reason: 'lost the warehouse' },
});

/** A day before the fixtures' launch and every other dependency (all dated `now`). */
const EARLIER = '2026-02-28T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('Commitment decider', () => {
  describe('when no commitment was made', () => {
    it('is made by a representative of a member partner', () => {
      spec.given([]).when(make()).then([made]);
    });
    it('may be due on the day it is made', () => {
      const dueToday = { ...makeData, dueDate: '2026-03-01' };
      spec
        .given([])
        .when(make({ data: dueToday }))
        .then([{ type: 'CommitmentMade.v1', data: { ...dueToday, madeAt: now } }]);
    });
    it('rejects a commitment in an initiative that does not exist', () => {
      spec
        .given([])
        .when(make({ initiative: initialInitiativeState() }))
        .thenThrows(CommitmentRules.INITIATIVE_NOT_FOUND, 'initiativeId');
    });
    it('rejects a partner that never joined', () => {
      spec
        .given([])
        .when(make({ initiative: initiativeAfter(launched) }))
        .thenThrows(CommitmentRules.PARTNER_NOT_MEMBER, 'partnerId');
    });
    it('rejects a partner that left', () => {
      spec
        .given([])
        .when(make({ initiative: initiativeAfter(launched, foodBankJoined, foodBankLeft) }))
        .thenThrows(CommitmentRules.PARTNER_LEFT, 'partnerId');
    });
    it('rejects a due date before the day it is made', () => {
      spec
        .given([])
        .when(make({ data: { ...makeData, dueDate: '2026-02-28' } }))
        .thenThrows(CommitmentRules.DUE_DATE_BEFORE_COMMITMENT, 'dueDate');
    });
    it('rejects negative hours', () => {
      spec
        .given([])
        .when(make({ data: { ...makeData, resources: { ...resources, hours: -1 } } }))
        .thenThrows(CommitmentRules.NEGATIVE_HOURS, 'resources.hours');
    });
    it.each([report(10), fulfil(), withdraw()])(
      'rejects $type: the commitment does not exist',
      (command) => {
        spec.given([]).when(command).thenThrows(CommitmentRules.NOT_FOUND, 'commitmentId');
      },
    );
  });

  describe('when the commitment is open', () => {
    it('cannot be made twice', () => {
      spec.given([made]).when(make()).thenThrows(CommitmentRules.ALREADY_MADE, 'commitmentId');
    });
    it('takes progress reports', () => {
      spec
        .given([made])
        .when(report(30))
        .then([
          {
            type: 'ProgressReported.v1',
            data: { ...ids, percent: 30, note: '12 drops done', reportedAt: now },
          },
        ]);
    });
    it.each([-1, 101, 12.5])('rejects progress of %p percent', (percent) => {
      spec
        .given([made])
        .when(report(percent))
        .thenThrows(CommitmentRules.PERCENT_OUT_OF_RANGE, 'percent');
    });
    it('is fulfilled', () => {
      spec
        .given([made])
        .when(fulfil())
        .then([
          {
            type: 'CommitmentFulfilled.v1',
            data: { ...ids, note: 'all 40 drops done', fulfilledAt: now },
          },
        ]);
    });
    it('is withdrawn with a reason', () => {
      spec
        .given([made])
        .when(withdraw())
        .then([
          {
            type: 'CommitmentWithdrawn.v1',
            data: { ...ids, reason: 'lost the warehouse', withdrawnAt: now },
          },
        ]);
    });
  });

  describe('when the commitment was fulfilled', () => {
    it.each([report(50), fulfil(), withdraw()])('rejects $type', (command) => {
      spec
        .given([made, fulfilled])
        .when(command)
        .thenThrows(CommitmentRules.ALREADY_FULFILLED, 'commitmentId');
    });
  });

  describe('when the commitment was withdrawn', () => {
    it.each([report(50), fulfil(), withdraw()])('rejects $type', (command) => {
      spec
        .given([made, withdrawn])
        .when(command)
        .thenThrows(CommitmentRules.ALREADY_WITHDRAWN, 'commitmentId');
    });
  });
});

describe('Commitment decider: business time', () => {
  it('refuses a commitment dated before its initiative was launched', () => {
    spec
      .given([])
      .when(make({ now: EARLIER }))
      .thenThrows(PREDATES, 'occurredAt');
  });
  it.each([report(10), fulfil(), withdraw()])(
    'refuses $type dated before the commitment was made',
    (command) => {
      spec
        .given([made])
        .when({ ...command, now: EARLIER })
        .thenThrows(PREDATES, 'occurredAt');
    },
  );
  it('accepts progress dated at the moment the commitment was made', () => {
    spec
      .given([made])
      .when(report(10))
      .then([
        {
          type: 'ProgressReported.v1',
          data: { ...ids, percent: 10, note: '12 drops done', reportedAt: now },
        },
      ]);
  });
});
