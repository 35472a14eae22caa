import { BusinessTimeRules } from '../shared/business-time';
import { deciderSpecification } from '../testing/decider-specification';
import { initiativeId, joined, left } from '../testing/initiative-fixtures';
import { FractionRules } from '../shared/fraction';
import {
  initiativeDecider,
  InitiativeRules,
  type InitiativeCommand,
  type RulesDecision,
} from './initiative.decider';
import type { InitiativeEvent } from './initiative.events';

const spec = deciderSpecification(initiativeDecider);
const ctx = { actor: { personId: 'ana', partnerId: 'city-hall' }, now: '2026-03-01T10:00:00.000Z' };

/** Its own launch: the amendment tests compare against this agenda. */
const launched: InitiativeEvent = {
  type: 'InitiativeLaunched.v1',
  data: {
    initiativeId,
    name: 'Cradle to Career',
    problemStatement: 'Too few children read at grade level',
    commonAgenda: 'Every child reads by third grade',
    launchedAt: '2026-01-01T00:00:00.000Z',
  },
};

const launchData = {
  initiativeId,
  name: 'Cradle to Career',
  problemStatement: 'p',
  commonAgenda: 'a',
};
const launch: InitiativeCommand = { ...ctx, type: 'LaunchInitiative', data: launchData };
const join = (partnerId: string, organisationName = partnerId): InitiativeCommand => ({
  ...ctx,
  type: 'JoinInitiative',
  data: { initiativeId, partnerId, organisationName, sector: 'education' },
});
const leave = (partnerId: string): InitiativeCommand => ({
  ...ctx,
  type: 'LeaveInitiative',
  data: { initiativeId, partnerId, reason: 'funding ended' },
});
const amend = (commonAgenda: string): InitiativeCommand => ({
  ...ctx,
  type: 'AmendAgenda',
  data: { initiativeId, commonAgenda, reason: 'annual review' },
});

/** A day before this spec's own launch (2026-01-01). */
const EARLIER = '2025-12-31T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('Initiative decider', () => {
  describe('when nothing was launched', () => {
    it('launches, stamping the business time', () => {
      spec
        .given([])
        .when(launch)
        .then([{ type: 'InitiativeLaunched.v1', data: { ...launchData, launchedAt: ctx.now } }]);
    });
    it.each([amend('x'), join('p1'), leave('p1')])(
      'rejects $type: the initiative does not exist',
      (command) => {
        spec.given([]).when(command).thenThrows(InitiativeRules.NOT_FOUND, 'initiativeId');
      },
    );
  });

  describe('when launched', () => {
    it('cannot be launched twice', () => {
      spec
        .given([launched])
        .when(launch)
        .thenThrows(InitiativeRules.ALREADY_LAUNCHED, 'initiativeId');
    });
    it('amends the agenda', () => {
      spec
        .given([launched])
        .when(amend('Every child thrives'))
        .then([
          {
            type: 'AgendaAmended.v1',
            data: {
              initiativeId,
              commonAgenda: 'Every child thrives',
              reason: 'annual review',
              amendedAt: ctx.now,
            },
          },
        ]);
    });
    it('rejects an amendment that changes nothing', () => {
      spec
        .given([launched])
        .when(amend('Every child reads by third grade'))
        .thenThrows(InitiativeRules.AGENDA_UNCHANGED, 'commonAgenda');
    });
    it('rejects an amendment identical to the latest amended agenda', () => {
      const amended: InitiativeEvent = {
        type: 'AgendaAmended.v1',
        data: { initiativeId, commonAgenda: 'v2', reason: null, amendedAt: ctx.now },
      };
      spec
        .given([launched, amended])
        .when(amend('v2'))
        .thenThrows(InitiativeRules.AGENDA_UNCHANGED);
    });
    it('lets a partner join', () => {
      spec
        .given([launched])
        .when(join('school-district', 'School District 9'))
        .then([
          {
            type: 'PartnerJoined.v1',
            data: {
              initiativeId,
              partnerId: 'school-district',
              organisationName: 'School District 9',
              sector: 'education',
              joinedAt: ctx.now,
            },
          },
        ]);
    });
    it('rejects a partner that leaves without being a member', () => {
      spec
        .given([launched])
        .when(leave('p1'))
        .thenThrows(InitiativeRules.PARTNER_NOT_MEMBER, 'partnerId');
    });
  });

  describe('when a partner is a member', () => {
    it('rejects the same partner joining again', () => {
      spec
        .given([launched, joined('p1')])
        .when(join('p1'))
        .thenThrows(InitiativeRules.PARTNER_ALREADY_MEMBER, 'partnerId');
    });
    it('rejects another partner id with the same organisation name, whatever the case', () => {
      spec
        .given([launched, joined('p1', 'Food Bank')])
        .when(join('p2', ' food bank '))
        .thenThrows(InitiativeRules.ORGANISATION_NAME_TAKEN, 'organisationName');
    });
    it('lets the partner leave', () => {
      spec
        .given([launched, joined('p1')])
        .when(leave('p1'))
        .then([
          {
            type: 'PartnerLeft.v1',
            data: { initiativeId, partnerId: 'p1', reason: 'funding ended', leftAt: ctx.now },
          },
        ]);
    });
  });

  describe('when a partner has left', () => {
    it('cannot leave twice', () => {
      spec
        .given([launched, joined('p1'), left('p1')])
        .when(leave('p1'))
        .thenThrows(InitiativeRules.PARTNER_NOT_MEMBER);
    });
    it('may join again', () => {
      spec
        .given([launched, joined('p1'), left('p1')])
        .when(join('p1'))
        .then([
          {
            type: 'PartnerJoined.v1',
            data: {
              initiativeId,
              partnerId: 'p1',
              organisationName: 'p1',
              sector: 'education',
              joinedAt: ctx.now,
            },
          },
        ]);
    });
    it('frees its organisation name for another partner id', () => {
      spec
        .given([launched, joined('p1'), left('p1')])
        .when(join('p2', 'p1'))
        .then([
          {
            type: 'PartnerJoined.v1',
            data: {
              initiativeId,
              partnerId: 'p2',
              organisationName: 'p1',
              sector: 'education',
              joinedAt: ctx.now,
            },
          },
        ]);
    });
  });
});

describe('Governance rules', () => {
  const rules = {
    quorum: { numerator: 2, denominator: 3 },
    defaultMethod: 'consent' as const,
    supermajority: { numerator: 3, denominator: 4 },
  };
  const rulesSet = (decisionId: string | null): InitiativeEvent => ({
    type: 'GovernanceRulesSet.v1',
    data: { ...rules, initiativeId, decisionId, setAt: ctx.now },
  });
  const decision = (overrides: Partial<RulesDecision> = {}): RulesDecision => ({
    decisionId: 'd1',
    initiativeId,
    outcome: 'adopted',
    proposedRules: rules,
    ...overrides,
  });
  const apply = (overrides: Partial<RulesDecision> = {}): InitiativeCommand => ({
    ...ctx,
    type: 'ApplyGovernanceRules',
    data: { initiativeId, decisionId: 'd1' },
    decision: decision(overrides),
  });

  it('sets the initial rules at launch when given', () => {
    spec
      .given([])
      .when({ ...launch, data: { ...launchData, governanceRules: rules } })
      .then([
        { type: 'InitiativeLaunched.v1', data: { ...launchData, launchedAt: ctx.now } },
        rulesSet(null),
      ]);
  });
  it('rejects a quorum above one at launch', () => {
    const badRules = { ...rules, quorum: { numerator: 3, denominator: 2 } };
    spec
      .given([])
      .when({ ...launch, data: { ...launchData, governanceRules: badRules } })
      .thenThrows(FractionRules.OUT_OF_RANGE, 'governanceRules.quorum');
  });
  it('applies the rules an adopted decision proposed', () => {
    spec
      .given([launched])
      .when(apply())
      .then([rulesSet('d1')]);
  });
  it('applies them only once', () => {
    spec
      .given([launched, rulesSet('d1')])
      .when(apply())
      .thenThrows(InitiativeRules.RULES_ALREADY_APPLIED, 'decisionId');
  });
  it.each([
    [{ outcome: 'open' as const }, InitiativeRules.DECISION_NOT_ADOPTED],
    [{ outcome: 'rejected' as const }, InitiativeRules.DECISION_NOT_ADOPTED],
    [{ outcome: 'absent' as const }, InitiativeRules.DECISION_NOT_FOUND],
    [{ initiativeId: 'elsewhere' }, InitiativeRules.DECISION_NOT_FOUND],
    [{ proposedRules: null }, InitiativeRules.DECISION_NOT_ABOUT_RULES],
  ])('rejects a decision %p with %s', (overrides, code) => {
    spec.given([launched]).when(apply(overrides)).thenThrows(code, 'decisionId');
  });
});

describe('Initiative decider: business time', () => {
  it.each([amend('a new agenda'), join('food-bank')])(
    'refuses $type dated before the launch',
    (command) => {
      spec
        .given([launched])
        .when({ ...command, now: EARLIER })
        .thenThrows(PREDATES, 'occurredAt');
    },
  );
  it('refuses a partner leaving before it joined', () => {
    spec
      .given([launched, joined('food-bank')])
      .when({ ...leave('food-bank'), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
});
