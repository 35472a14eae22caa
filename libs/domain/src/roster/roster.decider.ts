import { type InitiativeState, launchOf } from '../initiative/initiative.state';
import { requireOccurredNotBefore } from '../shared/business-time';
import { dayOf, END_OF_TIME, nextDay } from '../shared/dates';
import { type CommandContext, type Decider } from '../shared/decider';
import { rule } from '../shared/domain-error';
import { type Role, type RosterEvent, SINGLE_SEAT_ROLES } from './roster.events';
import {
  type Assignment,
  evolveRoster,
  initialRosterState,
  officePeriod,
  type RosterState,
} from './roster.state';
import { asInSchema } from '../shared/wording';

export type AssignRole = CommandContext & {
  type: 'AssignRole';
  data: {
    assignmentId: string;
    initiativeId: string;
    personId: string;
    partnerId: string;
    role: Role;
    customRole: string | null;
    termStart: string;
    termEnd: string | null;
  };
  /** The initiative as it stands: the person must act for a member partner. */
  initiative: InitiativeState;
};

export type RelinquishRole = CommandContext & {
  type: 'RelinquishRole';
  data: { initiativeId: string; assignmentId: string; reason: string | null };
};

export type RevokeRole = CommandContext & {
  type: 'RevokeRole';
  data: { initiativeId: string; assignmentId: string; reason: string };
};

/**
 * The launcher of an initiative becomes its first backbone staff, from the day of the launch:
 * someone must be able to admit partners and assign roles. Their partner need not be a
 * member (the backbone organisation often is not a partner).
 */
export type SeatLauncher = CommandContext & {
  type: 'SeatLauncher';
  data: { initiativeId: string; assignmentId: string };
  /** The initiative just launched. */
  initiative: InitiativeState;
};

export type RosterCommand = AssignRole | RelinquishRole | RevokeRole | SeatLauncher;

export const RosterRules = {
  INITIATIVE_NOT_FOUND: 'ROLE.INITIATIVE_NOT_FOUND',
  PARTNER_NOT_MEMBER: 'ROLE.PARTNER_NOT_MEMBER',
  ASSIGNMENT_EXISTS: 'ROLE.ASSIGNMENT_EXISTS',
  ASSIGNMENT_NOT_FOUND: 'ROLE.ASSIGNMENT_NOT_FOUND',
  TERM_END_BEFORE_START: 'ROLE.TERM_END_BEFORE_START',
  CUSTOM_NAME_REQUIRED: 'ROLE.CUSTOM_NAME_REQUIRED',
  CUSTOM_NAME_NOT_ALLOWED: 'ROLE.CUSTOM_NAME_NOT_ALLOWED',
  SEAT_TAKEN: 'ROLE.SEAT_TAKEN',
  ALREADY_HELD: 'ROLE.ALREADY_HELD',
  ALREADY_ENDED: 'ROLE.ALREADY_ENDED',
  NOT_HOLDER: 'ROLE.NOT_HOLDER',
  LAUNCHER_ALREADY_SEATED: 'ROLE.LAUNCHER_ALREADY_SEATED',
} as const;

function overlaps(a: { from: string; until: string }, b: { from: string; until: string }) {
  return a.from < b.until && b.from < a.until;
}

function decideAssign(command: AssignRole, roster: RosterState): RosterEvent[] {
  const { data, initiative, now } = command;
  rule(
    initiative.status === 'launched',
    RosterRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(initiative));
  rule(
    initiative.partners[data.partnerId]?.status === 'member',
    RosterRules.PARTNER_NOT_MEMBER,
    `partner ${data.partnerId} is not a member of the initiative`,
    'partnerId',
  );
  rule(
    roster.assignments[data.assignmentId] === undefined,
    RosterRules.ASSIGNMENT_EXISTS,
    `role assignment ${data.assignmentId} already exists`,
    'assignmentId',
  );
  rule(
    data.termEnd === null || data.termEnd >= data.termStart,
    RosterRules.TERM_END_BEFORE_START,
    `the term ends (${data.termEnd ?? ''}) before it starts (${data.termStart})`,
    'termEnd',
  );
  if (data.role === 'custom') {
    rule(
      data.customRole !== null && data.customRole.trim() !== '',
      RosterRules.CUSTOM_NAME_REQUIRED,
      'a custom role needs a name',
      'customRole',
    );
  } else {
    rule(
      data.customRole === null,
      RosterRules.CUSTOM_NAME_NOT_ALLOWED,
      `only a CUSTOM role takes a name; ${asInSchema(data.role)} is a named role`,
      'customRole',
    );
  }
  const term = {
    from: data.termStart,
    until: data.termEnd === null ? END_OF_TIME : nextDay(data.termEnd),
  };
  const sameRole = (a: Assignment) =>
    a.role === data.role && (a.role !== 'custom' || a.customRole === data.customRole);
  const overlapping = Object.values(roster.assignments).filter(
    (a) => sameRole(a) && overlaps(officePeriod(a), term),
  );
  const held = overlapping.find((a) => a.personId === data.personId);
  rule(
    held === undefined,
    RosterRules.ALREADY_HELD,
    `${data.personId} already holds ${asInSchema(data.role)} for part of this term (assignment ${held?.assignmentId ?? ''})`,
    'personId',
  );
  const seat = SINGLE_SEAT_ROLES.has(data.role) ? overlapping[0] : undefined;
  rule(
    seat === undefined,
    RosterRules.SEAT_TAKEN,
    `${asInSchema(data.role)} is a single seat, held by ${seat?.personId ?? ''} for part of this term`,
    'termStart',
  );
  return [{ type: 'RoleAssigned.v1', data: { ...data, assignedAt: now } }];
}

function decideSeatLauncher(command: SeatLauncher, roster: RosterState): RosterEvent[] {
  const { data, initiative, actor, now } = command;
  rule(
    initiative.status === 'launched',
    RosterRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  rule(
    Object.keys(roster.assignments).length === 0,
    RosterRules.LAUNCHER_ALREADY_SEATED,
    `initiative ${data.initiativeId} already has role assignments; its launcher was seated`,
    'initiativeId',
  );
  return [
    {
      type: 'RoleAssigned.v1',
      data: {
        assignmentId: data.assignmentId,
        initiativeId: data.initiativeId,
        personId: actor.personId,
        partnerId: actor.partnerId,
        role: 'backbone_staff',
        customRole: null,
        termStart: dayOf(now),
        termEnd: null,
        assignedAt: now,
      },
    },
  ];
}

function requireCurrent(roster: RosterState, assignmentId: string, now: string): Assignment {
  const assignment = roster.assignments[assignmentId];
  rule(
    assignment !== undefined,
    RosterRules.ASSIGNMENT_NOT_FOUND,
    `role assignment ${assignmentId} does not exist in this initiative`,
    'assignmentId',
  );
  // The term, not the day the assignment was recorded: a past term may be recorded with its end.
  requireOccurredNotBefore(now, {
    what: `the term of role assignment ${assignmentId} began`,
    at: assignment.termStart,
  });
  rule(
    assignment.status === 'assigned' && officePeriod(assignment).until > dayOf(now),
    RosterRules.ALREADY_ENDED,
    `role assignment ${assignmentId} has already ended`,
    'assignmentId',
  );
  return assignment;
}

export function decideRoster(command: RosterCommand, roster: RosterState): RosterEvent[] {
  const { now } = command;
  switch (command.type) {
    case 'AssignRole':
      return decideAssign(command, roster);
    case 'SeatLauncher':
      return decideSeatLauncher(command, roster);
    case 'RelinquishRole': {
      const { data } = command;
      const assignment = requireCurrent(roster, data.assignmentId, now);
      rule(
        assignment.personId === command.actor.personId,
        RosterRules.NOT_HOLDER,
        `only ${assignment.personId} can relinquish their own role; others revoke it`,
        'assignmentId',
      );
      return [
        {
          type: 'RoleRelinquished.v1',
          data: {
            assignmentId: data.assignmentId,
            initiativeId: data.initiativeId,
            personId: assignment.personId,
            reason: data.reason,
            relinquishedAt: now,
          },
        },
      ];
    }
    case 'RevokeRole': {
      const { data } = command;
      const assignment = requireCurrent(roster, data.assignmentId, now);
      return [
        {
          type: 'RoleRevoked.v1',
          data: {
            assignmentId: data.assignmentId,
            initiativeId: data.initiativeId,
            personId: assignment.personId,
            reason: data.reason,
            revokedAt: now,
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

export const rosterDecider: Decider<RosterCommand, RosterState, RosterEvent> = {
  decide: decideRoster,
  evolve: evolveRoster,
  initialState: initialRosterState,
};
