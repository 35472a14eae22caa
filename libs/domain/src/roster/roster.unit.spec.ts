import { BusinessTimeRules } from '../shared/business-time';
import { initialInitiativeState } from '../initiative/initiative.state';
import { deciderSpecification } from '../testing/decider-specification';
import { initiativeId, initiativeWith, now } from '../testing/initiative-fixtures';
import { rosterAfter } from '../testing/roster-fixtures';
import { type AssignRole, rosterDecider, RosterRules, type RosterCommand } from './roster.decider';
import type { RosterEvent } from './roster.events';
import { holdsRole, votingMembersAt } from './roster.state';

const spec = deciderSpecification(rosterDecider);
const ana = { personId: 'ana', partnerId: 'city-hall' };

const withPartners = initiativeWith('city-hall', 'food-bank');

type AssignData = AssignRole['data'];
const assignData = (overrides: Partial<AssignData> = {}): AssignData => ({
  assignmentId: 'a1',
  initiativeId,
  personId: 'ana',
  partnerId: 'city-hall',
  role: 'chair',
  customRole: null,
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  ...overrides,
});
const assign = (overrides: Partial<AssignData> = {}, state = withPartners): AssignRole => ({
  type: 'AssignRole',
  actor: ana,
  now,
  data: assignData(overrides),
  initiative: state,
});
const assigned = (overrides: Partial<AssignData> = {}): RosterEvent => ({
  type: 'RoleAssigned.v1',
  data: { ...assignData(overrides), assignedAt: now },
});
const relinquish = (assignmentId = 'a1', actor = ana): RosterCommand => ({
  type: 'RelinquishRole',
  actor,
  now,
  data: { initiativeId, assignmentId, reason: 'moving abroad' },
});
const revoke = (assignmentId = 'a1'): RosterCommand => ({
  type: 'RevokeRole',
  actor: ana,
  now,
  data: { initiativeId, assignmentId, reason: 'missed six meetings' },
});
const relinquished: RosterEvent = {
  type: 'RoleRelinquished.v1',
  data: {
    assignmentId: 'a1',
    initiativeId,
    personId: 'ana',
    reason: null,
    relinquishedAt: '2026-02-10T09:00:00.000Z',
  },
};

/** A day before the fixtures' launch and every other dependency (all dated `now`). */
const EARLIER = '2026-02-28T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('Roster decider', () => {
  describe('when nobody holds a role', () => {
    it('assigns a role for a term, stamping the business time', () => {
      spec.given([]).when(assign()).then([assigned()]);
    });
    it('assigns an open-ended custom role with its name', () => {
      const data = { role: 'custom' as const, customRole: 'youth liaison', termEnd: null };
      spec
        .given([])
        .when(assign(data))
        .then([assigned(data)]);
    });
    it('rejects an initiative that does not exist', () => {
      spec
        .given([])
        .when(assign({}, initialInitiativeState()))
        .thenThrows(RosterRules.INITIATIVE_NOT_FOUND, 'initiativeId');
    });
    it('rejects a person of a partner outside the initiative', () => {
      spec
        .given([])
        .when(assign({ partnerId: 'acme' }))
        .thenThrows(RosterRules.PARTNER_NOT_MEMBER, 'partnerId');
    });
    it('rejects a term that ends before it starts', () => {
      spec
        .given([])
        .when(assign({ termStart: '2026-06-01', termEnd: '2026-05-31' }))
        .thenThrows(RosterRules.TERM_END_BEFORE_START, 'termEnd');
    });
    it('rejects a custom role without a name, and a named role with one', () => {
      spec
        .given([])
        .when(assign({ role: 'custom', customRole: ' ' }))
        .thenThrows(RosterRules.CUSTOM_NAME_REQUIRED, 'customRole');
      spec
        .given([])
        .when(assign({ role: 'chair', customRole: 'boss' }))
        .thenThrows(RosterRules.CUSTOM_NAME_NOT_ALLOWED, 'customRole');
    });
    it('rejects relinquishing or revoking an assignment that does not exist', () => {
      spec
        .given([])
        .when(relinquish())
        .thenThrows(RosterRules.ASSIGNMENT_NOT_FOUND, 'assignmentId');
      spec.given([]).when(revoke()).thenThrows(RosterRules.ASSIGNMENT_NOT_FOUND, 'assignmentId');
    });
  });

  describe('when a chair is in office', () => {
    it('rejects a second chair whose term overlaps by one day', () => {
      spec
        .given([assigned()])
        .when(
          assign({
            assignmentId: 'a2',
            personId: 'bo',
            partnerId: 'food-bank',
            termStart: '2026-12-31',
            termEnd: null,
          }),
        )
        .thenThrows(RosterRules.SEAT_TAKEN, 'termStart');
    });
    it('seats the next chair the day after the term ends', () => {
      const next = {
        assignmentId: 'a2',
        personId: 'bo',
        partnerId: 'food-bank',
        termStart: '2027-01-01',
        termEnd: null,
      };
      spec
        .given([assigned()])
        .when(assign(next))
        .then([assigned(next)]);
    });
    it('lets many steering members serve at once but not the same person twice', () => {
      const member = (assignmentId: string, personId: string) => ({
        assignmentId,
        personId,
        role: 'steering_member' as const,
      });
      spec
        .given([assigned(member('s1', 'ana'))])
        .when(assign(member('s2', 'bo')))
        .then([assigned(member('s2', 'bo'))]);
      spec
        .given([assigned(member('s1', 'ana'))])
        .when(assign(member('s2', 'ana')))
        .thenThrows(RosterRules.ALREADY_HELD, 'personId');
    });
    it('rejects reusing an assignment id', () => {
      spec
        .given([assigned()])
        .when(assign({ role: 'evaluator' }))
        .thenThrows(RosterRules.ASSIGNMENT_EXISTS, 'assignmentId');
    });
    it('lets the holder relinquish it', () => {
      spec
        .given([assigned()])
        .when(relinquish())
        .then([
          {
            type: 'RoleRelinquished.v1',
            data: {
              assignmentId: 'a1',
              initiativeId,
              personId: 'ana',
              reason: 'moving abroad',
              relinquishedAt: now,
            },
          },
        ]);
    });
    it('does not let anyone else relinquish it', () => {
      spec
        .given([assigned()])
        .when(relinquish('a1', { personId: 'bo', partnerId: 'food-bank' }))
        .thenThrows(RosterRules.NOT_HOLDER, 'assignmentId');
    });
    it('is revoked with a reason', () => {
      spec
        .given([assigned()])
        .when(revoke())
        .then([
          {
            type: 'RoleRevoked.v1',
            data: {
              assignmentId: 'a1',
              initiativeId,
              personId: 'ana',
              reason: 'missed six meetings',
              revokedAt: now,
            },
          },
        ]);
    });
  });

  describe('when the chair relinquished', () => {
    it('cannot be relinquished or revoked again', () => {
      spec
        .given([assigned(), relinquished])
        .when(relinquish())
        .thenThrows(RosterRules.ALREADY_ENDED);
      spec.given([assigned(), relinquished]).when(revoke()).thenThrows(RosterRules.ALREADY_ENDED);
    });
    it('frees the seat from the day it was relinquished', () => {
      const next = {
        assignmentId: 'a2',
        personId: 'bo',
        partnerId: 'food-bank',
        termStart: '2026-02-10',
        termEnd: null,
      };
      spec
        .given([assigned(), relinquished])
        .when(assign(next))
        .then([assigned(next)]);
    });
  });

  describe('when a term is over', () => {
    it('cannot be relinquished', () => {
      spec
        .given([assigned({ termEnd: '2026-02-28' })])
        .when(relinquish())
        .thenThrows(RosterRules.ALREADY_ENDED, 'assignmentId');
    });
  });
});

describe('Seating the launcher', () => {
  const seat = (state = withPartners): RosterCommand => ({
    type: 'SeatLauncher',
    actor: { personId: 'lea', partnerId: 'backbone-org' },
    now,
    data: { initiativeId, assignmentId: 'launcher' },
    initiative: state,
  });

  it('makes the launcher backbone staff from the day of the launch, for their own partner', () => {
    spec
      .given([])
      .when(seat())
      .then([
        {
          type: 'RoleAssigned.v1',
          data: {
            assignmentId: 'launcher',
            initiativeId,
            personId: 'lea',
            partnerId: 'backbone-org',
            role: 'backbone_staff',
            customRole: null,
            termStart: '2026-03-01',
            termEnd: null,
            assignedAt: now,
          },
        },
      ]);
  });

  it('rejects an initiative that was not launched', () => {
    spec
      .given([])
      .when(seat(initialInitiativeState()))
      .thenThrows(RosterRules.INITIATIVE_NOT_FOUND, 'initiativeId');
  });

  it('happens only as the first assignment of the roster', () => {
    spec
      .given([assigned()])
      .when(seat())
      .thenThrows(RosterRules.LAUNCHER_ALREADY_SEATED, 'initiativeId');
  });
});

describe('Who holds office', () => {
  const roster = rosterAfter(
    assigned({ assignmentId: 's1', personId: 'ana', role: 'steering_member', termEnd: null }),
    assigned({
      assignmentId: 's2',
      personId: 'bo',
      partnerId: 'food-bank',
      role: 'steering_member',
      termStart: '2026-02-01',
      termEnd: '2026-02-28',
    }),
    assigned({ assignmentId: 's3', personId: 'chen', role: 'steering_member', termEnd: null }),
    {
      ...relinquished,
      data: { ...relinquished.data, assignmentId: 's3', personId: 'chen' },
    },
  );

  it('counts steering members in office at the moment as voting members', () => {
    expect(votingMembersAt(roster, '2026-01-15T12:00:00Z')).toEqual(['ana', 'chen']);
    expect(votingMembersAt(roster, '2026-02-10T08:00:00Z')).toEqual(['ana', 'bo']);
    expect(votingMembersAt(roster, '2026-02-28T23:00:00Z')).toEqual(['ana', 'bo']);
    expect(votingMembersAt(roster, '2026-03-01T00:00:00Z')).toEqual(['ana']);
  });

  it('answers whether a person holds a role for a partner', () => {
    expect(
      holdsRole(
        roster,
        { personId: 'bo', role: 'steering_member', partnerId: 'food-bank' },
        '2026-02-05',
      ),
    ).toBe(true);
    expect(
      holdsRole(
        roster,
        { personId: 'bo', role: 'steering_member', partnerId: 'city-hall' },
        '2026-02-05',
      ),
    ).toBe(false);
    expect(holdsRole(roster, { personId: 'bo', role: 'steering_member' }, '2026-03-05')).toBe(
      false,
    );
  });
});

describe('Roster decider: business time', () => {
  it('refuses an assignment dated before the initiative was launched', () => {
    spec
      .given([])
      .when({ ...assign(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
  it.each([relinquish(), revoke()])('refuses $type dated before the term began', (command) => {
    spec
      .given([assigned({ termStart: '2026-03-01' })])
      .when({ ...command, now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
});
