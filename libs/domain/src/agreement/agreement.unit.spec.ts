import { BusinessTimeRules } from '../shared/business-time';
import { initialInitiativeState } from '../initiative/initiative.state';
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
  agreementDecider,
  AgreementRules,
  type AgreementCommand,
  type DraftAgreement,
  type SignAgreement,
} from './agreement.decider';
import type { AgreementEvent } from './agreement.events';

const spec = deciderSpecification(agreementDecider);
const agreementId = 'a1';
const later = '2026-04-01T10:00:00.000Z';
const cityHall = { personId: 'ana', partnerId: 'city-hall' };
const foodBank = { personId: 'bo', partnerId: 'food-bank' };
const schools = { personId: 'di', partnerId: 'schools' };
const HASH_1 = 'a'.repeat(64);
const HASH_2 = 'b'.repeat(64);

const initiative = initiativeWith('city-hall', 'food-bank', 'schools');

const draftData: DraftAgreement['data'] = {
  agreementId,
  initiativeId,
  kind: 'charter',
  title: 'Partnership charter',
  parties: ['city-hall', 'food-bank'],
  text: 'We agree to work together.',
  textSha256: HASH_1,
  endDate: '2026-12-31',
};
const draft = (overrides: Partial<DraftAgreement> = {}): DraftAgreement => ({
  type: 'DraftAgreement',
  actor: cityHall,
  now,
  data: draftData,
  initiative,
  ...overrides,
});
const withData = (data: Partial<DraftAgreement['data']>) =>
  draft({ data: { ...draftData, ...data } });

const ids = { agreementId, initiativeId };
const drafted: AgreementEvent = {
  type: 'AgreementDrafted.v1',
  data: { ...draftData, version: 1, draftedAt: now },
};
const amended: AgreementEvent = {
  type: 'AgreementAmended.v1',
  data: { ...ids, version: 2, text: 'New text.', textSha256: HASH_2, reason: 'r', amendedAt: now },
};
const signedBy = (
  person: { personId: string; partnerId: string },
  version = 1,
  textSha256 = HASH_1,
  signedAt = now,
): AgreementEvent => ({
  type: 'AgreementSigned.v1',
  data: {
    ...ids,
    partnerId: person.partnerId,
    signedBy: person.personId,
    version,
    textSha256,
    signedAt,
  },
});
const inForce = (version = 1, at = now): AgreementEvent => ({
  type: 'AgreementEnteredIntoForce.v1',
  data: { ...ids, version, enteredIntoForceAt: at },
});
const terminated: AgreementEvent = {
  type: 'AgreementTerminated.v1',
  data: { ...ids, partnerId: 'city-hall', reason: 'funding ended', terminatedAt: now },
};
const expired: AgreementEvent = {
  type: 'AgreementExpired.v1',
  data: { ...ids, endDate: '2026-12-31', expiredAt: '2027-01-01T00:00:00.000Z' },
};

const sign = (
  actor: { personId: string; partnerId: string },
  overrides: Partial<SignAgreement['data']> = {},
  at = now,
): SignAgreement => ({
  type: 'SignAgreement',
  actor,
  now: at,
  data: { agreementId, partnerId: actor.partnerId, version: 1, ...overrides },
});
const amend = (textSha256 = HASH_2): AgreementCommand => ({
  type: 'AmendAgreement',
  actor: cityHall,
  now,
  data: { agreementId, text: 'New text.', textSha256, reason: 'r' },
});
const terminate = (actor = cityHall): AgreementCommand => ({
  type: 'TerminateAgreement',
  actor,
  now,
  data: { agreementId, reason: 'funding ended' },
});
const expire = (at: string): AgreementCommand => ({
  type: 'ExpireAgreement',
  actor: cityHall,
  now: at,
  data: { agreementId },
});

/** A day before the fixtures' launch and every other dependency (all dated `now`). */
const EARLIER = '2026-02-28T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('Agreement decider', () => {
  describe('when no agreement was drafted', () => {
    it('is drafted as version 1 with member partners as parties', () => {
      spec.given([]).when(draft()).then([drafted]);
    });
    it('may be open-ended or end on the day it is drafted', () => {
      spec
        .given([])
        .when(withData({ endDate: null }))
        .then([{ ...drafted, data: { ...drafted.data, endDate: null } }]);
      spec
        .given([])
        .when(withData({ endDate: '2026-03-01' }))
        .then([{ ...drafted, data: { ...drafted.data, endDate: '2026-03-01' } }]);
    });
    it('rejects an initiative that does not exist', () => {
      spec
        .given([])
        .when(draft({ initiative: initialInitiativeState() }))
        .thenThrows(AgreementRules.INITIATIVE_NOT_FOUND, 'initiativeId');
    });
    it('rejects an agreement without parties', () => {
      spec
        .given([])
        .when(withData({ parties: [] }))
        .thenThrows(AgreementRules.NO_PARTIES, 'parties');
    });
    it('rejects a party named twice', () => {
      spec
        .given([])
        .when(withData({ parties: ['city-hall', 'food-bank', 'city-hall'] }))
        .thenThrows(AgreementRules.DUPLICATE_PARTY, 'parties');
    });
    it('rejects a party outside the initiative', () => {
      spec
        .given([])
        .when(withData({ parties: ['city-hall', 'stranger'] }))
        .thenThrows(AgreementRules.PARTY_NOT_MEMBER, 'parties');
    });
    it('rejects a party that left the initiative', () => {
      spec
        .given([])
        .when(
          draft({
            initiative: initiativeAfter(
              launched,
              joined('city-hall'),
              joined('food-bank'),
              left('food-bank'),
            ),
          }),
        )
        .thenThrows(AgreementRules.PARTY_NOT_MEMBER, 'parties');
    });
    it('names the roles a data-sharing agreement shares confidential fields with', () => {
      const sharing = {
        kind: 'data_sharing' as const,
        sharesConfidentialWith: ['evaluator' as const],
      };
      spec
        .given([])
        .when(withData(sharing))
        .then([{ ...drafted, data: { ...drafted.data, ...sharing } }]);
    });
    it('rejects confidential roles on an agreement that is not about data sharing', () => {
      spec
        .given([])
        .when(withData({ kind: 'mou', sharesConfidentialWith: ['evaluator'] }))
        .thenThrows(AgreementRules.CONFIDENTIAL_ONLY_IN_DATA_SHARING, 'sharesConfidentialWith');
    });
    it('rejects a confidential role named twice', () => {
      spec
        .given([])
        .when(
          withData({ kind: 'data_sharing', sharesConfidentialWith: ['evaluator', 'evaluator'] }),
        )
        .thenThrows(AgreementRules.DUPLICATE_ROLE, 'sharesConfidentialWith');
    });
    it('rejects an end date before the day it is drafted', () => {
      spec
        .given([])
        .when(withData({ endDate: '2026-02-28' }))
        .thenThrows(AgreementRules.END_DATE_BEFORE_DRAFT, 'endDate');
    });
    it.each([amend(), sign(cityHall), terminate(), expire(later)])(
      'rejects $type: the agreement does not exist',
      (command) => {
        spec.given([]).when(command).thenThrows(AgreementRules.NOT_FOUND, 'agreementId');
      },
    );
  });

  describe('when the agreement awaits signatures', () => {
    it('cannot be drafted twice', () => {
      spec.given([drafted]).when(draft()).thenThrows(AgreementRules.ALREADY_DRAFTED, 'agreementId');
    });
    it("is signed by a party's signatory for the current version", () => {
      spec
        .given([drafted])
        .when(sign(cityHall))
        .then([signedBy(cityHall)]);
    });
    it('enters into force with the last party signature, in the same decision', () => {
      spec
        .given([drafted, signedBy(cityHall)])
        .when(sign(foodBank, {}, later))
        .then([signedBy(foodBank, 1, HASH_1, later), inForce(1, later)]);
    });
    it('rejects a signature for a partner that is not a party', () => {
      spec.given([drafted]).when(sign(schools)).thenThrows(AgreementRules.NOT_A_PARTY, 'partnerId');
    });
    it('rejects a signature of a version that is not the current one', () => {
      spec
        .given([drafted])
        .when(sign(cityHall, { version: 2 }))
        .thenThrows(AgreementRules.VERSION_NOT_CURRENT, 'version');
    });
    it('rejects a second signature of the same version by the same party', () => {
      spec
        .given([drafted, signedBy(cityHall)])
        .when(sign(cityHall))
        .thenThrows(AgreementRules.ALREADY_SIGNED, 'partnerId');
    });
    it('is amended to version 2', () => {
      spec.given([drafted]).when(amend()).then([amended]);
    });
    it('rejects an amendment with the same text', () => {
      spec.given([drafted]).when(amend(HASH_1)).thenThrows(AgreementRules.SAME_TEXT, 'text');
    });
    it('is terminated by a party', () => {
      spec.given([drafted]).when(terminate()).then([terminated]);
    });
    it('rejects termination by a partner that is not a party', () => {
      spec
        .given([drafted])
        .when(terminate(schools))
        .thenThrows(AgreementRules.NOT_A_PARTY, 'agreementId');
    });
    it('expires the day after its end date', () => {
      spec.given([drafted]).when(expire('2027-01-01T00:00:00.000Z')).then([expired]);
    });
    it('rejects expiry on or before its end date', () => {
      spec
        .given([drafted])
        .when(expire('2026-12-31T23:59:59.000Z'))
        .thenThrows(AgreementRules.NOT_YET_EXPIRED, 'agreementId');
    });
    it('rejects expiry of an agreement without an end date', () => {
      spec
        .given([{ ...drafted, data: { ...drafted.data, endDate: null } }])
        .when(expire('2030-01-01T00:00:00.000Z'))
        .thenThrows(AgreementRules.NO_END_DATE, 'agreementId');
    });
  });

  describe('when the agreement is in force', () => {
    const history = [drafted, signedBy(cityHall), signedBy(foodBank), inForce()];
    it('takes no second signature', () => {
      spec
        .given(history)
        .when(sign(foodBank))
        .thenThrows(AgreementRules.ALREADY_SIGNED, 'partnerId');
    });
    it('goes back to awaiting signatures when amended: older signatures no longer count', () => {
      spec.given(history).when(amend()).then([amended]);
      spec
        .given([...history, amended])
        .when(sign(cityHall, { version: 2 }))
        .then([signedBy(cityHall, 2, HASH_2)]);
    });
    it('enters into force again once every party signed the new version', () => {
      spec
        .given([...history, amended, signedBy(cityHall, 2, HASH_2)])
        .when(sign(foodBank, { version: 2 }))
        .then([signedBy(foodBank, 2, HASH_2), inForce(2)]);
    });
    it('rejects a signature of the old version after an amendment', () => {
      spec
        .given([...history, amended])
        .when(sign(cityHall, { version: 1 }))
        .thenThrows(AgreementRules.VERSION_NOT_CURRENT, 'version');
    });
    it('rejects an amendment back to the same text as the current version', () => {
      spec
        .given([...history, amended])
        .when(amend(HASH_2))
        .thenThrows(AgreementRules.SAME_TEXT, 'text');
    });
  });

  describe('when the agreement was terminated', () => {
    it.each([amend(), sign(foodBank), terminate(), expire('2027-01-01T00:00:00.000Z')])(
      'rejects $type',
      (command) => {
        spec
          .given([drafted, terminated])
          .when(command)
          .thenThrows(AgreementRules.TERMINATED, 'agreementId');
      },
    );
  });

  describe('when the agreement expired', () => {
    it.each([amend(), sign(foodBank), terminate(), expire('2027-02-01T00:00:00.000Z')])(
      'rejects $type',
      (command) => {
        spec
          .given([drafted, expired])
          .when(command)
          .thenThrows(AgreementRules.EXPIRED, 'agreementId');
      },
    );
  });
});

describe('Agreement decider: business time', () => {
  it('refuses a draft dated before the initiative was launched', () => {
    spec
      .given([])
      .when(draft({ now: EARLIER }))
      .thenThrows(PREDATES, 'occurredAt');
  });
  it.each([sign(cityHall), amend(), terminate()])(
    'refuses $type dated before the version was drafted',
    (command) => {
      spec
        .given([drafted])
        .when({ ...command, now: EARLIER })
        .thenThrows(PREDATES, 'occurredAt');
    },
  );
  it('refuses a signature dated before the version it signs was amended', () => {
    const amendedLater: AgreementEvent = {
      ...amended,
      data: { ...amended.data, amendedAt: '2026-03-02T10:00:00.000Z' },
    };
    spec
      .given([drafted, amendedLater])
      .when(sign(cityHall, { version: 2 }))
      .thenThrows(PREDATES, 'occurredAt');
  });
});
