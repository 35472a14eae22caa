import { type GovernanceRules, requireGovernanceRules } from '../governance/governance-rules';
import { requireOccurredNotBefore } from '../shared/business-time';
import { type CommandContext, type Decider } from '../shared/decider';
import { rule } from '../shared/domain-error';
import { type InitiativeEvent, type Sector } from './initiative.events';
import {
  evolveInitiative,
  initialInitiativeState,
  type InitiativeState,
  launchOf,
} from './initiative.state';

export type LaunchInitiative = CommandContext & {
  type: 'LaunchInitiative';
  data: {
    initiativeId: string;
    name: string;
    problemStatement: string;
    commonAgenda: string;
    /** The initial rules; the defaults when absent. Later changes need an adopted decision. */
    governanceRules?: GovernanceRules;
  };
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

/** What the initiative needs to know of the decision that adopted new rules. */
export interface RulesDecision {
  decisionId: string;
  initiativeId: string;
  outcome: 'open' | 'adopted' | 'rejected' | 'superseded' | 'absent';
  /** The rules the motion proposed; null when the decision was about something else. */
  proposedRules: GovernanceRules | null;
}

export type ApplyGovernanceRules = CommandContext & {
  type: 'ApplyGovernanceRules';
  data: { initiativeId: string; decisionId: string };
  decision: RulesDecision;
};

export type InitiativeCommand =
  LaunchInitiative | AmendAgenda | JoinInitiative | LeaveInitiative | ApplyGovernanceRules;

export const InitiativeRules = {
  ALREADY_LAUNCHED: 'INITIATIVE.ALREADY_LAUNCHED',
  NOT_FOUND: 'INITIATIVE.NOT_FOUND',
  AGENDA_UNCHANGED: 'INITIATIVE.AGENDA_UNCHANGED',
  PARTNER_ALREADY_MEMBER: 'INITIATIVE.PARTNER_ALREADY_MEMBER',
  PARTNER_NOT_MEMBER: 'INITIATIVE.PARTNER_NOT_MEMBER',
  ORGANISATION_NAME_TAKEN: 'INITIATIVE.ORGANISATION_NAME_TAKEN',
  DECISION_NOT_FOUND: 'INITIATIVE.DECISION_NOT_FOUND',
  DECISION_NOT_ADOPTED: 'INITIATIVE.DECISION_NOT_ADOPTED',
  DECISION_NOT_ABOUT_RULES: 'INITIATIVE.DECISION_NOT_ABOUT_RULES',
  RULES_ALREADY_APPLIED: 'INITIATIVE.RULES_ALREADY_APPLIED',
} as const;

/** The initiative exists, and was launched by the business time of the act. */
function requireLaunched(state: InitiativeState, initiativeId: string, now: string) {
  rule(
    state.status === 'launched',
    InitiativeRules.NOT_FOUND,
    `initiative ${initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(state));
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
      const { governanceRules, ...launch } = data;
      const launched: InitiativeEvent = {
        type: 'InitiativeLaunched.v1',
        data: { ...launch, launchedAt: now },
      };
      if (governanceRules === undefined) return [launched];
      requireGovernanceRules(governanceRules, 'governanceRules');
      return [
        launched,
        {
          type: 'GovernanceRulesSet.v1',
          data: {
            ...governanceRules,
            initiativeId: data.initiativeId,
            decisionId: null,
            setAt: now,
          },
        },
      ];
    }
    case 'ApplyGovernanceRules': {
      const { data, decision } = command;
      const initiative = requireLaunched(state, data.initiativeId, now);
      rule(
        decision.outcome !== 'absent' && decision.initiativeId === data.initiativeId,
        InitiativeRules.DECISION_NOT_FOUND,
        `decision ${data.decisionId} does not exist in this initiative`,
        'decisionId',
      );
      rule(
        decision.proposedRules !== null,
        InitiativeRules.DECISION_NOT_ABOUT_RULES,
        `decision ${data.decisionId} did not propose governance rules`,
        'decisionId',
      );
      rule(
        decision.outcome === 'adopted',
        InitiativeRules.DECISION_NOT_ADOPTED,
        `decision ${data.decisionId} is ${decision.outcome}, not adopted`,
        'decisionId',
      );
      rule(
        !initiative.rulesDecisionIds.includes(data.decisionId),
        InitiativeRules.RULES_ALREADY_APPLIED,
        `the rules of decision ${data.decisionId} were already applied`,
        'decisionId',
      );
      return [
        {
          type: 'GovernanceRulesSet.v1',
          data: {
            ...decision.proposedRules,
            initiativeId: data.initiativeId,
            decisionId: data.decisionId,
            setAt: now,
          },
        },
      ];
    }
    case 'AmendAgenda': {
      const { data } = command;
      const initiative = requireLaunched(state, data.initiativeId, now);
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
      const initiative = requireLaunched(state, data.initiativeId, now);
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
      const initiative = requireLaunched(state, data.initiativeId, now);
      rule(
        initiative.partners[data.partnerId]?.status === 'member',
        InitiativeRules.PARTNER_NOT_MEMBER,
        `partner ${data.partnerId} is not a member of the initiative`,
        'partnerId',
      );
      const partner = initiative.partners[data.partnerId]!;
      requireOccurredNotBefore(now, {
        what: `partner ${data.partnerId} joined`,
        at: partner.joinedAt,
      });
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
