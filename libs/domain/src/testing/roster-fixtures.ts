import { ROLES, type Role, type RoleAssigned, type RosterEvent } from '../roster/roster.events';
import { evolveRoster, initialRosterState, type RosterState } from '../roster/roster.state';
import type { Actor } from '../shared/decider';
import { initiativeId, now } from './initiative-fixtures';

/** A term from 2026-01-01 with no end unless told; the id is `role-person` unless given. */
export interface Term {
  termStart?: string;
  termEnd?: string | null;
  assignmentId?: string;
}

/** The person holds the role for their partner in the fixtures' initiative. */
export const assigned = (person: Actor, role: Role, term: Term = {}): RoleAssigned => ({
  type: 'RoleAssigned.v1',
  data: {
    assignmentId: term.assignmentId ?? `${role}-${person.personId}`,
    initiativeId,
    personId: person.personId,
    partnerId: person.partnerId,
    role,
    customRole: null,
    termStart: term.termStart ?? '2026-01-01',
    termEnd: term.termEnd ?? null,
    assignedAt: now,
  },
});

/** The roster as a handler would fold it from these events. */
export const rosterAfter = (...events: RosterEvent[]): RosterState =>
  events.reduce(evolveRoster, initialRosterState());

/** A roster where each person named under a role holds it, from 2026-01-01 with no end. */
export const rosterWith = (seats: Partial<Record<Role, readonly Actor[]>>): RosterState =>
  rosterAfter(...ROLES.flatMap((role) => (seats[role] ?? []).map((p) => assigned(p, role))));
