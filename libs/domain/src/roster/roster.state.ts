import { dayOf, END_OF_TIME, nextDay } from '../shared/dates';
import type { Role, RosterEvent } from './roster.events';

export interface Assignment {
  assignmentId: string;
  personId: string;
  partnerId: string;
  role: Role;
  customRole: string | null;
  termStart: string;
  termEnd: string | null;
  status: 'assigned' | 'relinquished' | 'revoked';
  /** When it was relinquished or revoked. */
  endedAt: string | null;
}

/** Every role assignment of one initiative: one stream, so single seats are checked atomically. */
export interface RosterState {
  initiativeId: string | null;
  assignments: Readonly<Record<string, Assignment>>;
}

export const initialRosterState = (): RosterState => ({ initiativeId: null, assignments: {} });

export function evolveRoster(state: RosterState, event: RosterEvent): RosterState {
  const { type, data } = event;
  switch (type) {
    case 'RoleAssigned.v1':
      return {
        initiativeId: data.initiativeId,
        assignments: {
          ...state.assignments,
          [data.assignmentId]: {
            assignmentId: data.assignmentId,
            personId: data.personId,
            partnerId: data.partnerId,
            role: data.role,
            customRole: data.customRole,
            termStart: data.termStart,
            termEnd: data.termEnd,
            status: 'assigned',
            endedAt: null,
          },
        },
      };
    case 'RoleRelinquished.v1':
    case 'RoleRevoked.v1': {
      const assignment = state.assignments[data.assignmentId];
      if (!assignment) return state;
      const ended =
        type === 'RoleRelinquished.v1'
          ? { status: 'relinquished' as const, endedAt: event.data.relinquishedAt }
          : { status: 'revoked' as const, endedAt: event.data.revokedAt };
      return {
        ...state,
        assignments: { ...state.assignments, [data.assignmentId]: { ...assignment, ...ended } },
      };
    }
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}

/**
 * The days an assignment is in office, as [from, until) calendar days. A term runs through
 * its end day; a relinquished or revoked role is out of office from the day that is recorded.
 */
export function officePeriod(assignment: Assignment): { from: string; until: string } {
  const termUntil = assignment.termEnd === null ? END_OF_TIME : nextDay(assignment.termEnd);
  const endedUntil = assignment.endedAt === null ? END_OF_TIME : dayOf(assignment.endedAt);
  return { from: assignment.termStart, until: termUntil < endedUntil ? termUntil : endedUntil };
}

/** In office at an instant or on a day (ISO 8601). */
export function inOffice(assignment: Assignment, at: string): boolean {
  const day = dayOf(at);
  const { from, until } = officePeriod(assignment);
  return from <= day && day < until;
}

export function assignmentsInOffice(roster: RosterState, at: string): Assignment[] {
  return Object.values(roster.assignments).filter((a) => inOffice(a, at));
}

/** Whether the person holds the role at that moment, for the partner when one is named. */
export function holdsRole(
  roster: RosterState,
  query: { personId: string; role: Role; partnerId?: string },
  at: string,
): boolean {
  return assignmentsInOffice(roster, at).some(
    (a) =>
      a.personId === query.personId &&
      a.role === query.role &&
      (query.partnerId === undefined || a.partnerId === query.partnerId),
  );
}

/** Voting members are the steering members in office at that moment, each counted once. */
export function votingMembersAt(roster: RosterState, at: string): string[] {
  const members = assignmentsInOffice(roster, at)
    .filter((a) => a.role === 'steering_member')
    .map((a) => a.personId);
  return [...new Set(members)].sort();
}
