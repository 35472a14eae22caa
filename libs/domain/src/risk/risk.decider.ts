import { type InitiativeState, launchOf } from '../initiative/initiative.state';
import type { CommandContext, Decider } from '../shared/decider';
import { requireOccurredNotBefore } from '../shared/business-time';
import { rule } from '../shared/domain-error';
import {
  memberShares,
  type PercentShare,
  requireActorMember,
  requireMember,
} from './percent-shares';
import { RISK_CATEGORIES, type RiskCategory, type RiskEvent } from './risk.events';
import { evolveRisk, initialRiskState, type RiskState } from './risk.state';
import { asInSchema } from '../shared/wording';

export type IdentifyRisk = CommandContext & {
  type: 'IdentifyRisk';
  data: {
    riskId: string;
    initiativeId: string;
    title: string;
    description: string;
    category: RiskCategory;
    likelihood: number;
    impact: number;
    ownerPartnerId: string;
  };
  /** The initiative as it stands, folded by the handler: the owner must be a member. */
  initiative: InitiativeState;
};

export type ReassessRisk = CommandContext & {
  type: 'ReassessRisk';
  data: { riskId: string; likelihood: number; impact: number; reason: string };
  /** The risk's initiative as it stands: the actor must act for a member partner. */
  initiative: InitiativeState;
};

export type ShareRiskOwnership = CommandContext & {
  type: 'ShareRiskOwnership';
  data: { riskId: string; shares: PercentShare[] };
  /** The risk's initiative as it stands: the actor and every partner sharing must be members. */
  initiative: InitiativeState;
};

export type PlanMitigation = CommandContext & {
  type: 'PlanMitigation';
  data: { riskId: string; mitigationId: string; description: string; commitmentIds: string[] };
  /** For each linked commitment id, the initiative it was made in, or null when there is none. */
  commitments: Readonly<Record<string, string | null>>;
  /** The risk's initiative as it stands: the actor must act for a member partner. */
  initiative: InitiativeState;
};

export type MaterialiseRisk = CommandContext & {
  type: 'MaterialiseRisk';
  data: { riskId: string; description: string };
  /** The risk's initiative as it stands: the actor must act for a member partner. */
  initiative: InitiativeState;
};

export type CloseRisk = CommandContext & {
  type: 'CloseRisk';
  data: { riskId: string; reason: string };
  /** The risk's initiative as it stands: the actor must act for a member partner. */
  initiative: InitiativeState;
};

export type RiskCommand =
  IdentifyRisk | ReassessRisk | ShareRiskOwnership | PlanMitigation | MaterialiseRisk | CloseRisk;

export const RiskRules = {
  ALREADY_IDENTIFIED: 'RISK.ALREADY_IDENTIFIED',
  NOT_FOUND: 'RISK.NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'RISK.INITIATIVE_NOT_FOUND',
  PARTNER_NOT_MEMBER: 'RISK.PARTNER_NOT_MEMBER',
  ACTOR_NOT_MEMBER: 'RISK.ACTOR_NOT_MEMBER',
  INVALID_CATEGORY: 'RISK.INVALID_CATEGORY',
  LIKELIHOOD_OUT_OF_RANGE: 'RISK.LIKELIHOOD_OUT_OF_RANGE',
  IMPACT_OUT_OF_RANGE: 'RISK.IMPACT_OUT_OF_RANGE',
  CLOSED: 'RISK.CLOSED',
  ALREADY_MATERIALISED: 'RISK.ALREADY_MATERIALISED',
  MITIGATION_EXISTS: 'RISK.MITIGATION_EXISTS',
  DUPLICATE_COMMITMENT: 'RISK.DUPLICATE_COMMITMENT',
  COMMITMENT_NOT_FOUND: 'RISK.COMMITMENT_NOT_FOUND',
  COMMITMENT_OF_ANOTHER_INITIATIVE: 'RISK.COMMITMENT_OF_ANOTHER_INITIATIVE',
} as const;

type ExistingRisk = Exclude<RiskState, { status: 'absent' }>;

const onScale = (value: number) => Number.isInteger(value) && value >= 1 && value <= 5;

function requireScores(likelihood: number, impact: number): void {
  rule(
    onScale(likelihood),
    RiskRules.LIKELIHOOD_OUT_OF_RANGE,
    `likelihood must be a whole number from 1 to 5, got ${likelihood}`,
    'likelihood',
  );
  rule(
    onScale(impact),
    RiskRules.IMPACT_OUT_OF_RANGE,
    `impact must be a whole number from 1 to 5, got ${impact}`,
    'impact',
  );
}

function decideIdentify(command: IdentifyRisk, state: RiskState): RiskEvent[] {
  const { data, initiative, actor, now } = command;
  rule(
    state.status === 'absent',
    RiskRules.ALREADY_IDENTIFIED,
    `risk ${data.riskId} already exists`,
    'riskId',
  );
  rule(
    initiative.status === 'launched',
    RiskRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(initiative));
  requireActorMember(initiative, actor, RiskRules.ACTOR_NOT_MEMBER);
  rule(
    RISK_CATEGORIES.includes(data.category),
    RiskRules.INVALID_CATEGORY,
    `category must be one of ${RISK_CATEGORIES.map(asInSchema).join(', ')}, got ${data.category}`,
    'category',
  );
  requireScores(data.likelihood, data.impact);
  requireMember(initiative, data.ownerPartnerId, RiskRules.PARTNER_NOT_MEMBER, 'ownerPartnerId');
  return [{ type: 'RiskIdentified.v1', data: { ...data, identifiedAt: now } }];
}

function decidePlan(command: PlanMitigation, risk: ExistingRisk): RiskEvent[] {
  const { data, commitments, now } = command;
  rule(
    !risk.mitigationIds.includes(data.mitigationId),
    RiskRules.MITIGATION_EXISTS,
    `mitigation ${data.mitigationId} was already planned for risk ${risk.riskId}`,
    'mitigationId',
  );
  const seen = new Set<string>();
  data.commitmentIds.forEach((commitmentId, index) => {
    const field = `commitmentIds[${index}]`;
    rule(
      !seen.has(commitmentId),
      RiskRules.DUPLICATE_COMMITMENT,
      `commitment ${commitmentId} is linked more than once`,
      field,
    );
    seen.add(commitmentId);
    const initiativeId = commitments[commitmentId] ?? null;
    rule(
      initiativeId !== null,
      RiskRules.COMMITMENT_NOT_FOUND,
      `commitment ${commitmentId} does not exist`,
      field,
    );
    rule(
      initiativeId === risk.initiativeId,
      RiskRules.COMMITMENT_OF_ANOTHER_INITIATIVE,
      `commitment ${commitmentId} belongs to initiative ${initiativeId}, not ${risk.initiativeId}`,
      field,
    );
  });
  return [
    {
      type: 'MitigationPlanned.v1',
      data: {
        riskId: risk.riskId,
        initiativeId: risk.initiativeId,
        mitigationId: data.mitigationId,
        description: data.description,
        commitmentIds: data.commitmentIds,
        plannedAt: now,
      },
    },
  ];
}

export function decideRisk(command: RiskCommand, state: RiskState): RiskEvent[] {
  if (command.type === 'IdentifyRisk') return decideIdentify(command, state);

  const { now, data } = command;
  rule(
    state.status !== 'absent',
    RiskRules.NOT_FOUND,
    `risk ${data.riskId} does not exist`,
    'riskId',
  );
  requireOccurredNotBefore(now, {
    what: `risk ${state.riskId} was identified`,
    at: state.identifiedAt,
  });
  requireActorMember(command.initiative, command.actor, RiskRules.ACTOR_NOT_MEMBER);
  rule(
    state.status !== 'closed',
    RiskRules.CLOSED,
    `risk ${state.riskId} is closed and takes no further change`,
    'riskId',
  );
  const ids = { riskId: state.riskId, initiativeId: state.initiativeId };

  switch (command.type) {
    case 'ReassessRisk':
      requireScores(command.data.likelihood, command.data.impact);
      return [
        {
          type: 'RiskReassessed.v1',
          data: {
            ...ids,
            likelihood: command.data.likelihood,
            impact: command.data.impact,
            reason: command.data.reason,
            reassessedAt: now,
          },
        },
      ];
    case 'ShareRiskOwnership': {
      const shares = memberShares(
        command.data.shares,
        command.initiative,
        RiskRules.PARTNER_NOT_MEMBER,
      );
      return [{ type: 'RiskOwnershipShared.v1', data: { ...ids, shares, sharedAt: now } }];
    }
    case 'PlanMitigation':
      return decidePlan(command, state);
    case 'MaterialiseRisk':
      rule(
        state.status !== 'materialised',
        RiskRules.ALREADY_MATERIALISED,
        `risk ${state.riskId} has already materialised`,
        'riskId',
      );
      return [
        {
          type: 'RiskMaterialised.v1',
          data: { ...ids, description: command.data.description, materialisedAt: now },
        },
      ];
    case 'CloseRisk':
      return [
        { type: 'RiskClosed.v1', data: { ...ids, reason: command.data.reason, closedAt: now } },
      ];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const riskDecider: Decider<RiskCommand, RiskState, RiskEvent> = {
  decide: decideRisk,
  evolve: evolveRisk,
  initialState: initialRiskState,
};
