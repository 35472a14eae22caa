import { type CommandContext, type Decider } from '../shared/decider';
import { rule } from '../shared/domain-error';
import { type InitiativeEvent, type Sector } from './initiative.events';
import { evolveInitiative, initialInitiativeState, type InitiativeState } from './initiative.state';

export type LaunchInitiative = CommandContext & {
  type: 'LaunchInitiative';
  data: { initiativeId: string; name: string; problemStatement: string; commonAgenda: string };
};

export type AmendAgenda = CommandContext & {
  type: 'AmendAgenda';
  data: { initiativeId: string; commonAgenda: string; reason: string | null };
};

export type JoinInitiative = CommandContext & {
  type: 'JoinInitiative';
  data: { initiativeId: string; partnerId: string; organisationName: string; sector: Sector };
};

export type LeaveInitiative = CommandContext & {
  type: 'LeaveInitiative';
  data: { initiativeId: string; partnerId: string; reason: string | null };
};

export type InitiativeCommand = LaunchInitiative | AmendAgenda | JoinInitiative | LeaveInitiative;

export const InitiativeRules = {
  ALREADY_LAUNCHED: 'INITIATIVE.ALREADY_LAUNCHED',
  NOT_FOUND: 'INITIATIVE.NOT_FOUND',
  AGENDA_UNCHANGED: 'INITIATIVE.AGENDA_UNCHANGED',
  PARTNER_ALREADY_MEMBER: 'INITIATIVE.PARTNER_ALREADY_MEMBER',
  PARTNER_NOT_MEMBER: 'INITIATIVE.PARTNER_NOT_MEMBER',
  ORGANISATION_NAME_TAKEN: 'INITIATIVE.ORGANISATION_NAME_TAKEN',
} as const;

function requireLaunched(state: InitiativeState, initiativeId: string) {
  rule(
    state.status === 'launched',
    InitiativeRules.NOT_FOUND,
    `initiative ${initiativeId} does not exist`,
    'initiativeId',
  );
  return state;
}

export function decideInitiative(
  command: InitiativeCommand,
  state: InitiativeState,
): InitiativeEvent[] {
  const { now } = command;
  switch (command.type) {
    case 'LaunchInitiative': {
      const { data } = command;
      rule(
        state.status === 'absent',
        InitiativeRules.ALREADY_LAUNCHED,
        `initiative ${data.initiativeId} was already launched`,
        'initiativeId',
      );
      return [{ type: 'InitiativeLaunched.v1', data: { ...data, launchedAt: now } }];
    }
    case 'AmendAgenda': {
      const { data } = command;
      const initiative = requireLaunched(state, data.initiativeId);
      rule(
        initiative.commonAgenda !== data.commonAgenda,
        InitiativeRules.AGENDA_UNCHANGED,
        'the amended agenda is the same as the agenda in force',
        'commonAgenda',
      );
      return [{ type: 'AgendaAmended.v1', data: { ...data, amendedAt: now } }];
    }
    case 'JoinInitiative': {
      const { data } = command;
      const initiative = requireLaunched(state, data.initiativeId);
      rule(
        initiative.partners[data.partnerId]?.status !== 'member',
        InitiativeRules.PARTNER_ALREADY_MEMBER,
        `partner ${data.partnerId} is already a member of the initiative`,
        'partnerId',
      );
      const sameName = Object.values(initiative.partners).find(
        (p) =>
          p.partnerId !== data.partnerId &&
          p.status === 'member' &&
          p.organisationName.trim().toLowerCase() === data.organisationName.trim().toLowerCase(),
      );
      rule(
        sameName === undefined,
        InitiativeRules.ORGANISATION_NAME_TAKEN,
        `organisation "${data.organisationName}" is already a member as partner ${sameName?.partnerId ?? ''}`,
        'organisationName',
      );
      return [{ type: 'PartnerJoined.v1', data: { ...data, joinedAt: now } }];
    }
    case 'LeaveInitiative': {
      const { data } = command;
      const initiative = requireLaunched(state, data.initiativeId);
      rule(
        initiative.partners[data.partnerId]?.status === 'member',
        InitiativeRules.PARTNER_NOT_MEMBER,
        `partner ${data.partnerId} is not a member of the initiative`,
        'partnerId',
      );
      return [{ type: 'PartnerLeft.v1', data: { ...data, leftAt: now } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const initiativeDecider: Decider<InitiativeCommand, InitiativeState, InitiativeEvent> = {
  decide: decideInitiative,
  evolve: evolveInitiative,
  initialState: initialInitiativeState,
};
