import { holdsRole, type RosterState } from '../roster/roster.state';
import { type CommandContext, type Decider } from '../shared/decider';
import { rule } from '../shared/domain-error';
import type { PersonEvent, Sealed, SealedContact } from './person.events';
import { evolvePerson, initialPersonState, type PersonState } from './person.state';

/** What every person command names, before any personal field is sealed. */
type PersonCommandHead<Type extends string> = CommandContext & {
  type: Type;
  data: {
    personId: string;
    /** The initiative whose backbone staff acts for someone else; null when acting for oneself. */
    initiativeId: string | null;
  };
  /** The roster of that initiative as it stands (empty when none is named). */
  roster: RosterState;
};

export type RegisterPerson = PersonCommandHead<'RegisterPerson'> & {
  data: SealedContact;
};

/** Each field given replaces the one on record; phone null removes it; omitted fields stay. */
export type UpdatePersonContact = PersonCommandHead<'UpdatePersonContact'> & {
  data: { name?: Sealed; email?: Sealed; phone?: Sealed | null };
};

export type ForgetPerson = PersonCommandHead<'ForgetPerson'> & {
  data: { reason: string };
};

export type PersonCommand = RegisterPerson | UpdatePersonContact | ForgetPerson;

/** A command without its sealed fields: enough to decide whether it may go ahead at all. */
export type PersonCommandAdmission = PersonCommandHead<PersonCommand['type']>;

export const PersonRules = {
  ALREADY_REGISTERED: 'PERSON.ALREADY_REGISTERED',
  NOT_FOUND: 'PERSON.NOT_FOUND',
  FORGOTTEN: 'PERSON.FORGOTTEN',
  ALREADY_FORGOTTEN: 'PERSON.ALREADY_FORGOTTEN',
  NOT_SELF_OR_BACKBONE_STAFF: 'PERSON.NOT_SELF_OR_BACKBONE_STAFF',
  NOTHING_TO_UPDATE: 'PERSON.NOTHING_TO_UPDATE',
  REASON_REQUIRED: 'PERSON.REASON_REQUIRED',
} as const;

function requireSelfOrBackboneStaff(command: PersonCommandAdmission): void {
  const { actor, data, roster, now } = command;
  if (actor.personId === data.personId) return;
  rule(
    data.initiativeId !== null &&
      roster.initiativeId === data.initiativeId &&
      holdsRole(roster, { personId: actor.personId, role: 'backbone_staff' }, now),
    PersonRules.NOT_SELF_OR_BACKBONE_STAFF,
    data.initiativeId === null
      ? `${actor.personId} acts for ${data.personId}: only the person themselves, or backbone staff of a named initiative, may`
      : `${actor.personId} is not backbone staff of initiative ${data.initiativeId}, so cannot act for ${data.personId}`,
    data.initiativeId === null ? 'personId' : 'initiativeId',
  );
}

/**
 * Every rule that does not need the sealed fields. The API runs it before it creates or uses
 * the person's key, so a refused command never leaves a key behind; `decidePerson` runs it too.
 */
export function admitPersonCommand(command: PersonCommandAdmission, person: PersonState): void {
  const { personId } = command.data;
  if (command.type === 'RegisterPerson') {
    rule(
      person.status === 'absent',
      person.status === 'forgotten' ? PersonRules.FORGOTTEN : PersonRules.ALREADY_REGISTERED,
      person.status === 'forgotten'
        ? `person ${personId} was forgotten; a forgotten person's id is never registered again`
        : `person ${personId} is already registered; update their contact instead`,
      'personId',
    );
  } else {
    rule(
      person.status !== 'absent',
      PersonRules.NOT_FOUND,
      `person ${personId} is not registered`,
      'personId',
    );
    rule(
      person.status !== 'forgotten',
      command.type === 'ForgetPerson' ? PersonRules.ALREADY_FORGOTTEN : PersonRules.FORGOTTEN,
      person.status === 'forgotten'
        ? `person ${personId} was already forgotten on ${person.forgottenAt}`
        : '',
      'personId',
    );
  }
  requireSelfOrBackboneStaff(command);
}

export function decidePerson(command: PersonCommand, person: PersonState): PersonEvent[] {
  admitPersonCommand(command, person);
  const { now } = command;
  switch (command.type) {
    case 'RegisterPerson': {
      const { personId, initiativeId, name, email, phone } = command.data;
      return [
        {
          type: 'PersonRegistered.v1',
          data: { personId, initiativeId, name, email, phone, registeredAt: now },
        },
      ];
    }
    case 'UpdatePersonContact': {
      const { data } = command;
      rule(
        data.name !== undefined || data.email !== undefined || data.phone !== undefined,
        PersonRules.NOTHING_TO_UPDATE,
        'give at least one of name, email or phone',
        'email',
      );
      // Already refused by admitPersonCommand; repeated so the type knows the contact is there.
      rule(person.status === 'registered', PersonRules.NOT_FOUND, 'not registered', 'personId');
      const { contact } = person;
      return [
        {
          type: 'PersonContactUpdated.v1',
          data: {
            personId: data.personId,
            initiativeId: data.initiativeId,
            name: data.name ?? contact.name,
            email: data.email ?? contact.email,
            phone: data.phone === undefined ? contact.phone : data.phone,
            updatedAt: now,
          },
        },
      ];
    }
    case 'ForgetPerson': {
      const { personId, initiativeId, reason } = command.data;
      rule(
        reason.trim() !== '',
        PersonRules.REASON_REQUIRED,
        'say why the person is forgotten',
        'reason',
      );
      const { personId: byPerson, partnerId: byPartner } = command.actor;
      return [
        {
          type: 'PersonForgotten.v1',
          data: {
            personId,
            initiativeId,
            reason,
            requestedBy: { personId: byPerson, partnerId: byPartner },
            forgottenAt: now,
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const personDecider: Decider<PersonCommand, PersonState, PersonEvent> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: initialPersonState,
};
