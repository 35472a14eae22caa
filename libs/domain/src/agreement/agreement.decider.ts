import { type InitiativeState, launchOf } from '../initiative/initiative.state';
import { type Role } from '../roster/roster.events';
import { requireOccurredNotBefore } from '../shared/business-time';
import { dayOf } from '../shared/dates';
import { type CommandContext, type Decider } from '../shared/decider';
import { rule } from '../shared/domain-error';
import { type AgreementEvent, type AgreementKind } from './agreement.events';
import {
  type AgreementState,
  everyPartySigned,
  evolveAgreement,
  initialAgreementState,
} from './agreement.state';
import { asInSchema, withArticle } from '../shared/wording';

export type DraftAgreement = CommandContext & {
  type: 'DraftAgreement';
  data: {
    agreementId: string;
    initiativeId: string;
    kind: AgreementKind;
    title: string;
    parties: string[];
    text: string;
    /** SHA-256 of `text`, computed by the caller (the domain has no crypto). */
    textSha256: string;
    endDate: string | null;
    /** Data-sharing agreements only: the roles that may read confidential fields once in force. */
    sharesConfidentialWith?: Role[];
  };
  /** The initiative as it stands, folded by the handler: every party must be a member partner. */
  initiative: InitiativeState;
};

export type AmendAgreement = CommandContext & {
  type: 'AmendAgreement';
  data: { agreementId: string; text: string; textSha256: string; reason: string };
};

/** Only the party's signatory in office signs for it: the policy's rule (authorisation/policy.ts). */
export type SignAgreement = CommandContext & {
  type: 'SignAgreement';
  data: { agreementId: string; partnerId: string; version: number };
};

export type TerminateAgreement = CommandContext & {
  type: 'TerminateAgreement';
  data: { agreementId: string; reason: string };
};

export type ExpireAgreement = CommandContext & {
  type: 'ExpireAgreement';
  data: { agreementId: string };
};

export type AgreementCommand =
  DraftAgreement | AmendAgreement | SignAgreement | TerminateAgreement | ExpireAgreement;

export const AgreementRules = {
  ALREADY_DRAFTED: 'AGREEMENT.ALREADY_DRAFTED',
  NOT_FOUND: 'AGREEMENT.NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'AGREEMENT.INITIATIVE_NOT_FOUND',
  NO_PARTIES: 'AGREEMENT.NO_PARTIES',
  DUPLICATE_PARTY: 'AGREEMENT.DUPLICATE_PARTY',
  PARTY_NOT_MEMBER: 'AGREEMENT.PARTY_NOT_MEMBER',
  END_DATE_BEFORE_DRAFT: 'AGREEMENT.END_DATE_BEFORE_DRAFT',
  SAME_TEXT: 'AGREEMENT.SAME_TEXT',
  NOT_A_PARTY: 'AGREEMENT.NOT_A_PARTY',
  VERSION_NOT_CURRENT: 'AGREEMENT.VERSION_NOT_CURRENT',
  ALREADY_SIGNED: 'AGREEMENT.ALREADY_SIGNED',
  TERMINATED: 'AGREEMENT.TERMINATED',
  EXPIRED: 'AGREEMENT.EXPIRED',
  NO_END_DATE: 'AGREEMENT.NO_END_DATE',
  NOT_YET_EXPIRED: 'AGREEMENT.NOT_YET_EXPIRED',
  CONFIDENTIAL_ONLY_IN_DATA_SHARING: 'AGREEMENT.CONFIDENTIAL_ONLY_IN_DATA_SHARING',
  DUPLICATE_ROLE: 'AGREEMENT.DUPLICATE_ROLE',
} as const;

type ExistingAgreement = Exclude<AgreementState, { status: 'absent' }>;

function requireExisting(state: AgreementState, agreementId: string): ExistingAgreement {
  rule(
    state.status !== 'absent',
    AgreementRules.NOT_FOUND,
    `agreement ${agreementId} does not exist`,
    'agreementId',
  );
  return state;
}

/** A terminated or expired agreement is closed: no amendment, signature, termination or expiry. */
function requireLive(agreement: ExistingAgreement): void {
  rule(
    agreement.status !== 'terminated',
    AgreementRules.TERMINATED,
    `agreement ${agreement.agreementId} was terminated`,
    'agreementId',
  );
  rule(
    agreement.status !== 'expired',
    AgreementRules.EXPIRED,
    `agreement ${agreement.agreementId} has expired`,
    'agreementId',
  );
}

function decideDraft(command: DraftAgreement, state: AgreementState): AgreementEvent[] {
  const { data, initiative, now } = command;
  rule(
    state.status === 'absent',
    AgreementRules.ALREADY_DRAFTED,
    `agreement ${data.agreementId} already exists`,
    'agreementId',
  );
  rule(
    initiative.status === 'launched',
    AgreementRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(initiative));
  rule(
    data.parties.length > 0,
    AgreementRules.NO_PARTIES,
    'an agreement needs at least one party',
    'parties',
  );
  const duplicate = data.parties.find((p, index) => data.parties.indexOf(p) !== index);
  rule(
    duplicate === undefined,
    AgreementRules.DUPLICATE_PARTY,
    `partner ${duplicate ?? ''} is named twice as a party`,
    'parties',
  );
  const outsider = data.parties.find((p) => initiative.partners[p]?.status !== 'member');
  rule(
    outsider === undefined,
    AgreementRules.PARTY_NOT_MEMBER,
    `partner ${outsider ?? ''} is not a member partner of the initiative`,
    'parties',
  );
  rule(
    data.endDate === null || data.endDate >= dayOf(now),
    AgreementRules.END_DATE_BEFORE_DRAFT,
    `end date ${data.endDate ?? ''} is before the day the agreement is drafted (${dayOf(now)})`,
    'endDate',
  );
  requireConfidentialRoles(data);
  return [{ type: 'AgreementDrafted.v1', data: { ...data, version: 1, draftedAt: now } }];
}

function requireConfidentialRoles(data: DraftAgreement['data']): void {
  const roles = data.sharesConfidentialWith ?? [];
  rule(
    roles.length === 0 || data.kind === 'data_sharing',
    AgreementRules.CONFIDENTIAL_ONLY_IN_DATA_SHARING,
    `only a DATA_SHARING agreement names who reads confidential fields, not ${withArticle(asInSchema(data.kind))} agreement`,
    'sharesConfidentialWith',
  );
  const duplicate = roles.find((role, index) => roles.indexOf(role) !== index);
  rule(
    duplicate === undefined,
    AgreementRules.DUPLICATE_ROLE,
    `role ${duplicate ?? ''} is named twice`,
    'sharesConfidentialWith',
  );
}

function decideSign(command: SignAgreement, agreement: ExistingAgreement): AgreementEvent[] {
  const { data, actor, now } = command;
  rule(
    agreement.parties.includes(data.partnerId),
    AgreementRules.NOT_A_PARTY,
    `partner ${data.partnerId} is not a party to agreement ${agreement.agreementId}`,
    'partnerId',
  );
  rule(
    data.version === agreement.version,
    AgreementRules.VERSION_NOT_CURRENT,
    `version ${data.version} is not the current version (${agreement.version})`,
    'version',
  );
  rule(
    agreement.signedVersions[data.partnerId] !== agreement.version,
    AgreementRules.ALREADY_SIGNED,
    `partner ${data.partnerId} already signed version ${agreement.version}`,
    'partnerId',
  );
  const ids = { agreementId: agreement.agreementId, initiativeId: agreement.initiativeId };
  const signed: AgreementEvent = {
    type: 'AgreementSigned.v1',
    data: {
      ...ids,
      partnerId: data.partnerId,
      signedBy: actor.personId,
      version: agreement.version,
      textSha256: agreement.textSha256,
      signedAt: now,
    },
  };
  const signatures = { ...agreement.signedVersions, [data.partnerId]: agreement.version };
  if (!everyPartySigned(agreement.parties, signatures, agreement.version)) return [signed];
  return [
    signed,
    {
      type: 'AgreementEnteredIntoForce.v1',
      data: { ...ids, version: agreement.version, enteredIntoForceAt: now },
    },
  ];
}

export function decideAgreement(
  command: AgreementCommand,
  state: AgreementState,
): AgreementEvent[] {
  if (command.type === 'DraftAgreement') return decideDraft(command, state);

  const { actor, now } = command;
  const agreement = requireExisting(state, command.data.agreementId);
  requireLive(agreement);
  requireOccurredNotBefore(now, {
    what: `version ${agreement.version} of agreement ${agreement.agreementId} was ${agreement.version === 1 ? 'drafted' : 'amended'}`,
    at: agreement.versionSince,
  });
  const ids = { agreementId: agreement.agreementId, initiativeId: agreement.initiativeId };

  switch (command.type) {
    case 'AmendAgreement': {
      const { data } = command;
      rule(
        data.textSha256 !== agreement.textSha256,
        AgreementRules.SAME_TEXT,
        `the text is identical to version ${agreement.version}`,
        'text',
      );
      return [
        {
          type: 'AgreementAmended.v1',
          data: {
            ...ids,
            version: agreement.version + 1,
            text: data.text,
            textSha256: data.textSha256,
            reason: data.reason,
            amendedAt: now,
          },
        },
      ];
    }
    case 'SignAgreement':
      return decideSign(command, agreement);
    case 'TerminateAgreement':
      rule(
        agreement.parties.includes(actor.partnerId),
        AgreementRules.NOT_A_PARTY,
        `only a party terminates; ${actor.partnerId} is not a party to agreement ${agreement.agreementId}`,
        'agreementId',
      );
      return [
        {
          type: 'AgreementTerminated.v1',
          data: {
            ...ids,
            partnerId: actor.partnerId,
            reason: command.data.reason,
            terminatedAt: now,
          },
        },
      ];
    case 'ExpireAgreement': {
      const { endDate } = agreement;
      rule(
        endDate !== null,
        AgreementRules.NO_END_DATE,
        `agreement ${agreement.agreementId} has no end date and never expires`,
        'agreementId',
      );
      rule(
        dayOf(now) > endDate,
        AgreementRules.NOT_YET_EXPIRED,
        `agreement ${agreement.agreementId} runs through ${endDate}; it cannot expire on ${dayOf(now)}`,
        'agreementId',
      );
      return [{ type: 'AgreementExpired.v1', data: { ...ids, endDate, expiredAt: now } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const agreementDecider: Decider<AgreementCommand, AgreementState, AgreementEvent> = {
  decide: decideAgreement,
  evolve: evolveAgreement,
  initialState: initialAgreementState,
};
