import { initialRosterState } from '../roster/roster.state';
import { deciderSpecification } from '../testing/decider-specification';
import { initiativeId, now } from '../testing/initiative-fixtures';
import { assigned, rosterAfter, rosterWith } from '../testing/roster-fixtures';
import {
  admitPersonCommand,
  type ForgetPerson,
  personDecider,
  PersonRules,
  type RegisterPerson,
  type UpdatePersonContact,
} from './person.decider';
import type { PersonEvent, Sealed, SealedContact } from './person.events';
import { evolvePerson, initialPersonState } from './person.state';

const spec = deciderSpecification(personDecider);
const ana = { personId: 'ana', partnerId: 'city-hall' };
const kim = { personId: 'kim', partnerId: 'city-hall' };
const bo = { personId: 'bo', partnerId: 'food-bank' };
const staff = rosterWith({ backbone_staff: [kim] });
const noRoster = initialRosterState();

/** Sealed values are opaque to the domain: any string the API produced will do here. */
const sealed = (text: string) => `sealed(${text})` as Sealed;
const contact: SealedContact = {
  name: sealed('Ana Lopez'),
  email: sealed('ana@example.org'),
  phone: sealed('+34 600 000 000'),
};

const register = (
  overrides: { actor?: typeof ana; personId?: string; initiativeId?: string | null } = {},
  roster = noRoster,
): RegisterPerson => ({
  type: 'RegisterPerson',
  actor: overrides.actor ?? ana,
  now,
  data: {
    personId: overrides.personId ?? 'ana',
    initiativeId: overrides.initiativeId ?? null,
    ...contact,
  },
  roster,
});
const registered = (
  personId = 'ana',
  registeredIn: string | null = null,
  fields: SealedContact = contact,
): PersonEvent => ({
  type: 'PersonRegistered.v1',
  data: { personId, initiativeId: registeredIn, ...fields, registeredAt: now },
});
const update = (
  fields: Omit<UpdatePersonContact['data'], 'personId' | 'initiativeId'>,
  actor = ana,
): UpdatePersonContact => ({
  type: 'UpdatePersonContact',
  actor,
  now,
  data: { personId: 'ana', initiativeId: null, ...fields },
  roster: noRoster,
});
const forget = (
  overrides: { actor?: typeof ana; initiativeId?: string | null; reason?: string } = {},
  roster = noRoster,
): ForgetPerson => ({
  type: 'ForgetPerson',
  actor: overrides.actor ?? ana,
  now,
  data: {
    personId: 'ana',
    initiativeId: overrides.initiativeId ?? null,
    reason: overrides.reason ?? 'asked to be forgotten (GDPR art. 17)',
  },
  roster,
});
const forgotten = (requestedBy = ana, registeredIn: string | null = null): PersonEvent => ({
  type: 'PersonForgotten.v1',
  data: {
    personId: 'ana',
    initiativeId: registeredIn,
    reason: 'asked to be forgotten (GDPR art. 17)',
    requestedBy,
    forgottenAt: now,
  },
});

describe('Person decider', () => {
  describe('when the person is not registered', () => {
    it('registers a person who acts for themselves, keeping the sealed fields as given', () => {
      spec.given([]).when(register()).then([registered()]);
    });
    it('registers someone else when the actor is backbone staff of the named initiative', () => {
      spec
        .given([])
        .when(register({ actor: kim, initiativeId }, staff))
        .then([registered('ana', initiativeId)]);
    });
    it('refuses someone else registering a person without naming an initiative', () => {
      spec
        .given([])
        .when(register({ actor: bo }))
        .thenThrows(PersonRules.NOT_SELF_OR_BACKBONE_STAFF, 'personId');
    });
    it('refuses someone else who is not backbone staff of the named initiative', () => {
      spec
        .given([])
        .when(register({ actor: bo, initiativeId }, staff))
        .thenThrows(PersonRules.NOT_SELF_OR_BACKBONE_STAFF, 'initiativeId');
    });
    it('refuses backbone staff whose term has ended', () => {
      const ended = rosterAfter(assigned(kim, 'backbone_staff', { termEnd: '2026-02-01' }));
      spec
        .given([])
        .when(register({ actor: kim, initiativeId }, ended))
        .thenThrows(PersonRules.NOT_SELF_OR_BACKBONE_STAFF, 'initiativeId');
    });
    it('refuses backbone staff of another initiative than the one named', () => {
      spec
        .given([])
        .when(register({ actor: kim, initiativeId: 'another-initiative' }, staff))
        .thenThrows(PersonRules.NOT_SELF_OR_BACKBONE_STAFF, 'initiativeId');
    });
    it('cannot update the contact of a person who is not registered', () => {
      spec
        .given([])
        .when(update({ email: sealed('new@example.org') }))
        .thenThrows(PersonRules.NOT_FOUND, 'personId');
    });
    it('cannot forget a person who is not registered', () => {
      spec.given([]).when(forget()).thenThrows(PersonRules.NOT_FOUND, 'personId');
    });
  });

  describe('when the person is registered', () => {
    it('refuses to register them again', () => {
      spec
        .given([registered()])
        .when(register())
        .thenThrows(PersonRules.ALREADY_REGISTERED, 'personId');
    });
    it('updates the email and repeats the name and phone as they were', () => {
      spec
        .given([registered()])
        .when(update({ email: sealed('new@example.org') }))
        .then([
          {
            type: 'PersonContactUpdated.v1',
            data: {
              personId: 'ana',
              initiativeId: null,
              ...contact,
              email: sealed('new@example.org'),
              updatedAt: now,
            },
          },
        ]);
    });
    it('removes the phone when it is given as null', () => {
      spec
        .given([registered()])
        .when(update({ phone: null }))
        .then([
          {
            type: 'PersonContactUpdated.v1',
            data: { personId: 'ana', initiativeId: null, ...contact, phone: null, updatedAt: now },
          },
        ]);
    });
    it('starts from the latest contact, not the registered one', () => {
      const renamed: PersonEvent = {
        type: 'PersonContactUpdated.v1',
        data: {
          personId: 'ana',
          initiativeId: null,
          ...contact,
          name: sealed('Ana L.'),
          updatedAt: now,
        },
      };
      spec
        .given([registered(), renamed])
        .when(update({ phone: sealed('+34 611') }))
        .then([
          {
            type: 'PersonContactUpdated.v1',
            data: {
              personId: 'ana',
              initiativeId: null,
              name: sealed('Ana L.'),
              email: contact.email,
              phone: sealed('+34 611'),
              updatedAt: now,
            },
          },
        ]);
    });
    it('refuses an update that changes nothing', () => {
      spec
        .given([registered()])
        .when(update({}))
        .thenThrows(PersonRules.NOTHING_TO_UPDATE, 'email');
    });
    it('refuses an update of someone else by a person who is not backbone staff', () => {
      spec
        .given([registered()])
        .when(update({ email: sealed('x') }, bo))
        .thenThrows(PersonRules.NOT_SELF_OR_BACKBONE_STAFF, 'personId');
    });
    it('forgets the person at their own request, recording who asked and why', () => {
      spec.given([registered()]).when(forget()).then([forgotten()]);
    });
    it('forgets the person at the request of backbone staff of the named initiative', () => {
      spec
        .given([registered()])
        .when(forget({ actor: kim, initiativeId }, staff))
        .then([forgotten(kim, initiativeId)]);
    });
    it('refuses to forget without a reason', () => {
      spec
        .given([registered()])
        .when(forget({ reason: '   ' }))
        .thenThrows(PersonRules.REASON_REQUIRED, 'reason');
    });
    it('refuses someone else who is not backbone staff', () => {
      spec
        .given([registered()])
        .when(forget({ actor: bo, initiativeId }, staff))
        .thenThrows(PersonRules.NOT_SELF_OR_BACKBONE_STAFF, 'initiativeId');
    });
  });

  describe('when the person was forgotten', () => {
    it('refuses to forget them twice', () => {
      spec
        .given([registered(), forgotten()])
        .when(forget())
        .thenThrows(PersonRules.ALREADY_FORGOTTEN, 'personId');
    });
    it('refuses to register the same id again', () => {
      spec
        .given([registered(), forgotten()])
        .when(register())
        .thenThrows(PersonRules.FORGOTTEN, 'personId');
    });
    it('refuses to update their contact', () => {
      spec
        .given([registered(), forgotten()])
        .when(update({ email: sealed('back@example.org') }))
        .thenThrows(PersonRules.FORGOTTEN, 'personId');
    });
    it('keeps no sealed field in the state', () => {
      const state = [registered(), forgotten()].reduce(evolvePerson, initialPersonState());
      expect(state).toEqual({ status: 'forgotten', personId: 'ana', forgottenAt: now });
    });
  });

  describe('admitting a command before its fields are sealed', () => {
    const head = (type: RegisterPerson['type'] | ForgetPerson['type'], actor = ana) => ({
      type,
      actor,
      now,
      data: { personId: 'ana', initiativeId: null },
      roster: noRoster,
    });
    const registeredState = evolvePerson(initialPersonState(), registered());
    it('admits a person registering themselves', () => {
      expect(() => admitPersonCommand(head('RegisterPerson'), initialPersonState())).not.toThrow();
    });
    it('refuses, without any field, a registration by someone who may not act for them', () => {
      expect(() => admitPersonCommand(head('RegisterPerson', bo), initialPersonState())).toThrow(
        expect.objectContaining({ code: PersonRules.NOT_SELF_OR_BACKBONE_STAFF }),
      );
    });
    it('refuses, without any field, registering a person already registered', () => {
      expect(() => admitPersonCommand(head('RegisterPerson'), registeredState)).toThrow(
        expect.objectContaining({ code: PersonRules.ALREADY_REGISTERED }),
      );
    });
    it('admits forgetting a registered person', () => {
      expect(() => admitPersonCommand(head('ForgetPerson'), registeredState)).not.toThrow();
    });
  });
});
