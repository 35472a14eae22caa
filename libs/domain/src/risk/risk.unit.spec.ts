import { BusinessTimeRules } from '../shared/business-time';
import { initialInitiativeState } from '../initiative/initiative.state';
import { ShareRules } from '../shared/shares';
import { deciderSpecification } from '../testing/decider-specification';
import {
  initiativeAfter,
  initiativeId,
  initiativeWith,
  joined,
  launched,
  left,
  now,
} from '../testing/initiative-fixtures';
import {
  type IdentifyRisk,
  type PlanMitigation,
  riskDecider,
  RiskRules,
  type RiskCommand,
  type ShareRiskOwnership,
} from './risk.decider';
import type { RiskEvent } from './risk.events';

const spec = deciderSpecification(riskDecider);
const riskId = 'r1';
const actor = { personId: 'ana', partnerId: 'city-hall' };
const outsider = { personId: 'eve', partnerId: 'stranger' };

const initiative = initiativeWith('city-hall', 'food-bank', 'schools');

const identifyData = {
  riskId,
  initiativeId,
  title: 'Grant not renewed',
  description: 'The state grant may lapse in 2027',
  category: 'financial' as const,
  likelihood: 3,
  impact: 4,
  ownerPartnerId: 'food-bank',
};
const identify = (data: Partial<IdentifyRisk['data']> = {}, over = initiative): IdentifyRisk => ({
  type: 'IdentifyRisk',
  actor,
  now,
  data: { ...identifyData, ...data },
  initiative: over,
});
const ids = { riskId, initiativeId };
const identified: RiskEvent = {
  type: 'RiskIdentified.v1',
  data: { ...identifyData, identifiedAt: now },
};
const materialised: RiskEvent = {
  type: 'RiskMaterialised.v1',
  data: { ...ids, description: 'lapsed', materialisedAt: now },
};
const closed: RiskEvent = { type: 'RiskClosed.v1', data: { ...ids, reason: 'r', closedAt: now } };

const reassess = (likelihood: number, impact: number): RiskCommand => ({
  type: 'ReassessRisk',
  actor,
  now,
  data: { riskId, likelihood, impact, reason: 'renewal letter received' },
  initiative,
});
const share = (
  shares: ShareRiskOwnership['data']['shares'],
  over = initiative,
): ShareRiskOwnership => ({
  type: 'ShareRiskOwnership',
  actor,
  now,
  data: { riskId, shares },
  initiative: over,
});
const plan = (
  commitmentIds: string[],
  commitments: PlanMitigation['commitments'] = { c1: initiativeId, c2: initiativeId },
  mitigationId = 'm1',
): PlanMitigation => ({
  type: 'PlanMitigation',
  actor,
  now,
  data: { riskId, mitigationId, description: 'Apply to a second funder', commitmentIds },
  commitments,
  initiative,
});
const materialise = (): RiskCommand => ({
  type: 'MaterialiseRisk',
  actor,
  now,
  data: { riskId, description: 'lapsed' },
  initiative,
});
const close = (): RiskCommand => ({
  type: 'CloseRisk',
  actor,
  now,
  data: { riskId, reason: 'renewed for three years' },
  initiative,
});

/** A day before the fixtures' launch and every other dependency (all dated `now`). */
const EARLIER = '2026-02-28T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('Risk decider', () => {
  describe('when no risk was identified', () => {
    it('identifies a risk owned by a member partner', () => {
      spec.given([]).when(identify()).then([identified]);
    });
    it('rejects an initiative that does not exist', () => {
      spec
        .given([])
        .when(identify({}, initialInitiativeState()))
        .thenThrows(RiskRules.INITIATIVE_NOT_FOUND, 'initiativeId');
    });
    it('rejects a person acting for a partner outside the initiative', () => {
      spec
        .given([])
        .when({ ...identify(), actor: outsider })
        .thenThrows(RiskRules.ACTOR_NOT_MEMBER, 'actor.partnerId');
    });
    it('rejects an owner outside the initiative', () => {
      spec
        .given([])
        .when(identify({ ownerPartnerId: 'stranger' }))
        .thenThrows(RiskRules.PARTNER_NOT_MEMBER, 'ownerPartnerId');
    });
    it('rejects an owner that left the initiative', () => {
      spec
        .given([])
        .when(
          identify(
            {},
            initiativeAfter(launched, joined('city-hall'), joined('food-bank'), left('food-bank')),
          ),
        )
        .thenThrows(RiskRules.PARTNER_NOT_MEMBER, 'ownerPartnerId');
    });
    it('rejects an unknown category', () => {
      spec
        .given([])
        .when(identify({ category: 'weather' as never }))
        .thenThrows(RiskRules.INVALID_CATEGORY, 'category');
    });
    it.each([0, 6, 2.5, -1])('rejects likelihood %p', (likelihood) => {
      spec
        .given([])
        .when(identify({ likelihood }))
        .thenThrows(RiskRules.LIKELIHOOD_OUT_OF_RANGE, 'likelihood');
    });
    it.each([0, 6, 4.5])('rejects impact %p', (impact) => {
      spec.given([]).when(identify({ impact })).thenThrows(RiskRules.IMPACT_OUT_OF_RANGE, 'impact');
    });
    it.each([1, 5])('accepts the bounds of the scale (%p)', (score) => {
      spec
        .given([])
        .when(identify({ likelihood: score, impact: score }))
        .then([
          {
            type: 'RiskIdentified.v1',
            data: { ...identifyData, likelihood: score, impact: score, identifiedAt: now },
          },
        ]);
    });
    it.each([reassess(2, 2), share([{ partnerId: 'food-bank', percent: '100' }]), plan([])])(
      'rejects $type: the risk does not exist',
      (command) => {
        spec.given([]).when(command).thenThrows(RiskRules.NOT_FOUND, 'riskId');
      },
    );
    it.each([materialise(), close()])('rejects $type: the risk does not exist', (command) => {
      spec.given([]).when(command).thenThrows(RiskRules.NOT_FOUND, 'riskId');
    });
  });

  describe('when the risk is open', () => {
    it('cannot be identified twice', () => {
      spec.given([identified]).when(identify()).thenThrows(RiskRules.ALREADY_IDENTIFIED, 'riskId');
    });

    it('is reassessed with a reason', () => {
      spec
        .given([identified])
        .when(reassess(1, 5))
        .then([
          {
            type: 'RiskReassessed.v1',
            data: {
              ...ids,
              likelihood: 1,
              impact: 5,
              reason: 'renewal letter received',
              reassessedAt: now,
            },
          },
        ]);
    });
    it('rejects a reassessment with likelihood 6', () => {
      spec
        .given([identified])
        .when(reassess(6, 3))
        .thenThrows(RiskRules.LIKELIHOOD_OUT_OF_RANGE, 'likelihood');
    });
    it('rejects a reassessment with impact 0', () => {
      spec
        .given([identified])
        .when(reassess(3, 0))
        .thenThrows(RiskRules.IMPACT_OUT_OF_RANGE, 'impact');
    });

    it('shares ownership in basis points that add to exactly 100 %', () => {
      spec
        .given([identified])
        .when(
          share([
            { partnerId: 'food-bank', percent: '33.34' },
            { partnerId: 'city-hall', percent: '33.33' },
            { partnerId: 'schools', percent: '33.33' },
          ]),
        )
        .then([
          {
            type: 'RiskOwnershipShared.v1',
            data: {
              ...ids,
              shares: [
                { partnerId: 'food-bank', basisPoints: 3334 },
                { partnerId: 'city-hall', basisPoints: 3333 },
                { partnerId: 'schools', basisPoints: 3333 },
              ],
              sharedAt: now,
            },
          },
        ]);
    });
    it.each([
      ['99.99', '33.33'],
      ['100.01', '33.35'],
    ])('rejects shares adding to %s %%', (_total, third) => {
      spec
        .given([identified])
        .when(
          share([
            { partnerId: 'food-bank', percent: '33.33' },
            { partnerId: 'city-hall', percent: '33.33' },
            { partnerId: 'schools', percent: third },
          ]),
        )
        .thenThrows(ShareRules.NOT_HUNDRED_PERCENT, 'shares');
    });
    it('rejects a partner named twice', () => {
      spec
        .given([identified])
        .when(
          share([
            { partnerId: 'food-bank', percent: '50' },
            { partnerId: 'food-bank', percent: '50' },
          ]),
        )
        .thenThrows(ShareRules.DUPLICATE_PARTNER, 'shares[1].partnerId');
    });
    it.each(['0', '-10', '100.5', 'ten', '12.345'])('rejects a share of %p percent', (percent) => {
      spec
        .given([identified])
        .when(
          share([
            { partnerId: 'food-bank', percent },
            { partnerId: 'city-hall', percent: '50' },
          ]),
        )
        .thenThrows(ShareRules.INVALID_PERCENT, 'shares[0].percent');
    });
    it('rejects no shares at all', () => {
      spec.given([identified]).when(share([])).thenThrows(ShareRules.EMPTY, 'shares');
    });
    it('rejects a partner outside the initiative', () => {
      spec
        .given([identified])
        .when(
          share([
            { partnerId: 'food-bank', percent: '50' },
            { partnerId: 'stranger', percent: '50' },
          ]),
        )
        .thenThrows(RiskRules.PARTNER_NOT_MEMBER, 'shares[1].partnerId');
    });

    it('plans a mitigation linked to commitments of the same initiative', () => {
      spec
        .given([identified])
        .when(plan(['c1', 'c2']))
        .then([
          {
            type: 'MitigationPlanned.v1',
            data: {
              ...ids,
              mitigationId: 'm1',
              description: 'Apply to a second funder',
              commitmentIds: ['c1', 'c2'],
              plannedAt: now,
            },
          },
        ]);
    });
    it('rejects a commitment that does not exist', () => {
      spec
        .given([identified])
        .when(plan(['c1', 'ghost'], { c1: initiativeId, ghost: null }))
        .thenThrows(RiskRules.COMMITMENT_NOT_FOUND, 'commitmentIds[1]');
    });
    it('rejects a commitment the handler did not look up', () => {
      spec
        .given([identified])
        .when(plan(['c9'], {}))
        .thenThrows(RiskRules.COMMITMENT_NOT_FOUND, 'commitmentIds[0]');
    });
    it('rejects a commitment of another initiative', () => {
      spec
        .given([identified])
        .when(plan(['c1'], { c1: 'other-initiative' }))
        .thenThrows(RiskRules.COMMITMENT_OF_ANOTHER_INITIATIVE, 'commitmentIds[0]');
    });
    it('rejects a commitment linked twice', () => {
      spec
        .given([identified])
        .when(plan(['c1', 'c1']))
        .thenThrows(RiskRules.DUPLICATE_COMMITMENT, 'commitmentIds[1]');
    });
    it('rejects a mitigation id used before', () => {
      const planned: RiskEvent = {
        type: 'MitigationPlanned.v1',
        data: { ...ids, mitigationId: 'm1', description: 'd', commitmentIds: [], plannedAt: now },
      };
      spec
        .given([identified, planned])
        .when(plan(['c1']))
        .thenThrows(RiskRules.MITIGATION_EXISTS, 'mitigationId');
    });

    it('materialises', () => {
      spec.given([identified]).when(materialise()).then([materialised]);
    });
    it('closes with a reason', () => {
      spec
        .given([identified])
        .when(close())
        .then([
          {
            type: 'RiskClosed.v1',
            data: { ...ids, reason: 'renewed for three years', closedAt: now },
          },
        ]);
    });
  });

  describe('when the actor is not a member of the initiative', () => {
    it.each([
      reassess(2, 2),
      share([{ partnerId: 'food-bank', percent: '100' }]),
      plan(['c1']),
      materialise(),
      close(),
    ])('rejects $type by a person of an outside partner', (command) => {
      spec
        .given([identified])
        .when({ ...command, actor: outsider })
        .thenThrows(RiskRules.ACTOR_NOT_MEMBER, 'actor.partnerId');
    });
    it('rejects a person of a partner that left', () => {
      const cityHallLeft = initiativeAfter(
        launched,
        joined('city-hall'),
        joined('food-bank'),
        left('city-hall'),
      );
      spec
        .given([identified])
        .when({ ...reassess(2, 2), initiative: cityHallLeft })
        .thenThrows(RiskRules.ACTOR_NOT_MEMBER, 'actor.partnerId');
    });
  });

  describe('when the risk has materialised', () => {
    it('cannot materialise twice', () => {
      spec
        .given([identified, materialised])
        .when(materialise())
        .thenThrows(RiskRules.ALREADY_MATERIALISED, 'riskId');
    });
    it('is still reassessed and closed', () => {
      spec
        .given([identified, materialised])
        .when(reassess(5, 5))
        .then([
          {
            type: 'RiskReassessed.v1',
            data: {
              ...ids,
              likelihood: 5,
              impact: 5,
              reason: 'renewal letter received',
              reassessedAt: now,
            },
          },
        ]);
      spec
        .given([identified, materialised])
        .when(close())
        .then([
          {
            type: 'RiskClosed.v1',
            data: { ...ids, reason: 'renewed for three years', closedAt: now },
          },
        ]);
    });
  });

  describe('when the risk is closed', () => {
    it.each([
      reassess(2, 2),
      share([{ partnerId: 'food-bank', percent: '100' }]),
      plan(['c1']),
      materialise(),
      close(),
    ])('rejects $type', (command) => {
      spec.given([identified, closed]).when(command).thenThrows(RiskRules.CLOSED, 'riskId');
    });
  });
});

describe('Risk decider: business time', () => {
  it('refuses a risk identified before the initiative was launched', () => {
    spec
      .given([])
      .when({ ...identify(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
  it.each([reassess(2, 2), materialise(), close()])(
    'refuses $type dated before the risk was identified',
    (command) => {
      spec
        .given([identified])
        .when({ ...command, now: EARLIER })
        .thenThrows(PREDATES, 'occurredAt');
    },
  );
});
