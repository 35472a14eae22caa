import { ROLES, type Role } from '../roster/roster.events';

/**
 * A role that permits a command: held anywhere in the initiative, or held for the partner the
 * command concerns (its own representative, its signatory, the indicator's steward's partner).
 */
export interface Grant {
  role: Role;
  scope: 'initiative' | 'partner';
}

export type Permission =
  /** Any authenticated person (only launching: there is no initiative, hence no roster, yet). */
  | { who: 'anyone'; note: string }
  | {
      who: 'roles';
      grants: readonly Grant[];
      /** The partner the command concerns, in words; needed when a grant has scope 'partner'. */
      partner?: string;
      /** What the domain still checks beyond the roles, when there is something. */
      note?: string;
    };

const initiativeWide = (...roles: Role[]): Grant[] =>
  roles.map((role) => ({ role, scope: 'initiative' }));
const ofThePartner = (...roles: Role[]): Grant[] =>
  roles.map((role) => ({ role, scope: 'partner' }));

/** Those who run the initiative day to day: the backbone staff and the chairs. */
const RUNNING = initiativeWide('backbone_staff', 'chair', 'co_chair');

/**
 * Who may run each command, by the roles the ledger's own roster gives them in the
 * command's initiative today (as recorded now, whatever business time the command claims). A role counts when the
 * person holds it for the partner named in their token. Evaluators and observers write
 * nothing; a custom role permits nothing by itself. The single place that says who may do
 * what: the command path, the table in docs/api-reference.md and the end-to-end policy test read it.
 */
export const POLICY = {
  // Initiative
  LaunchInitiative: {
    who: 'anyone',
    note: 'the launcher becomes backbone staff of the new initiative',
  },
  AmendAgenda: { who: 'roles', grants: RUNNING },
  JoinInitiative: { who: 'roles', grants: RUNNING },
  LeaveInitiative: {
    who: 'roles',
    grants: [...initiativeWide('backbone_staff'), ...ofThePartner('partner_representative')],
    partner: 'the partner that leaves',
  },
  ApplyGovernanceRules: { who: 'roles', grants: RUNNING },
  // Roster
  AssignRole: { who: 'roles', grants: RUNNING },
  RevokeRole: { who: 'roles', grants: RUNNING },
  RelinquishRole: {
    who: 'roles',
    grants: initiativeWide(...ROLES),
    note: 'only their own assignment (ROLE.NOT_HOLDER)',
  },
  // Agreements
  DraftAgreement: {
    who: 'roles',
    grants: [...RUNNING, ...initiativeWide('partner_representative')],
  },
  AmendAgreement: {
    who: 'roles',
    grants: [...RUNNING, ...initiativeWide('partner_representative')],
  },
  SignAgreement: {
    who: 'roles',
    grants: ofThePartner('signatory'),
    partner: 'the party that signs',
  },
  TerminateAgreement: {
    who: 'roles',
    grants: initiativeWide('signatory'),
    note: 'for their own partner, which must be a party (AGREEMENT.NOT_A_PARTY)',
  },
  ExpireAgreement: { who: 'roles', grants: initiativeWide('backbone_staff') },
  // Commitments
  MakeCommitment: {
    who: 'roles',
    grants: ofThePartner('partner_representative'),
    partner: 'the partner that commits',
  },
  ReportProgress: {
    who: 'roles',
    grants: ofThePartner('partner_representative'),
    partner: "the commitment's partner",
  },
  ReviseCommitment: {
    who: 'roles',
    grants: ofThePartner('partner_representative'),
    partner: "the commitment's partner",
  },
  FulfilCommitment: {
    who: 'roles',
    grants: ofThePartner('partner_representative'),
    partner: "the commitment's partner",
  },
  WithdrawCommitment: {
    who: 'roles',
    grants: ofThePartner('partner_representative'),
    partner: "the commitment's partner",
  },
  LinkCommitment: {
    who: 'roles',
    grants: ofThePartner('partner_representative'),
    partner: "the commitment's partner",
  },
  AcceptCommitment: { who: 'roles', grants: initiativeWide('steering_member') },
  MissCommitment: {
    who: 'roles',
    grants: initiativeWide('backbone_staff'),
    note: 'only after the due date',
  },
  // Decisions
  ProposeDecision: {
    who: 'roles',
    grants: [...RUNNING, ...initiativeWide('steering_member')],
  },
  DeclareConflictOfInterest: { who: 'roles', grants: initiativeWide('steering_member') },
  CastVote: {
    who: 'roles',
    grants: initiativeWide('steering_member'),
    note: 'not when recused',
  },
  ChangeVote: {
    who: 'roles',
    grants: initiativeWide('steering_member'),
    note: 'not when recused',
  },
  CloseDecision: { who: 'roles', grants: RUNNING },
  SupersedeDecision: { who: 'roles', grants: RUNNING },
  // Meetings
  HoldMeeting: { who: 'roles', grants: [...RUNNING, ...initiativeWide('working_group_lead')] },
  LinkDecisionToMeeting: { who: 'roles', grants: RUNNING },
  // Shared measurement
  DefineIndicator: { who: 'roles', grants: RUNNING },
  RecordMeasurement: {
    who: 'roles',
    grants: ofThePartner('data_steward'),
    partner: "the indicator's data steward's partner",
  },
  CorrectMeasurement: {
    who: 'roles',
    grants: ofThePartner('data_steward'),
    partner: "the indicator's data steward's partner",
  },
  // Risks
  IdentifyRisk: {
    who: 'roles',
    grants: [
      ...RUNNING,
      ...initiativeWide('steering_member', 'working_group_lead', 'partner_representative'),
    ],
  },
  ReassessRisk: {
    who: 'roles',
    grants: [...initiativeWide('backbone_staff'), ...ofThePartner('partner_representative')],
    partner: "the risk's owner",
  },
  ShareRiskOwnership: {
    who: 'roles',
    grants: [...initiativeWide('backbone_staff'), ...ofThePartner('partner_representative')],
    partner: "the risk's owner",
  },
  PlanMitigation: {
    who: 'roles',
    grants: [...initiativeWide('backbone_staff'), ...ofThePartner('partner_representative')],
    partner: "the risk's owner",
  },
  MaterialiseRisk: {
    who: 'roles',
    grants: [...initiativeWide('backbone_staff'), ...ofThePartner('partner_representative')],
    partner: "the risk's owner",
  },
  CloseRisk: {
    who: 'roles',
    grants: [...initiativeWide('backbone_staff'), ...ofThePartner('partner_representative')],
    partner: "the risk's owner",
  },
  // Benefit pools
  DefineBenefitPool: { who: 'roles', grants: RUNNING },
  AllocateBenefitShares: { who: 'roles', grants: RUNNING },
  ReallocateBenefitShares: { who: 'roles', grants: RUNNING },
  RecordDistribution: { who: 'roles', grants: initiativeWide('backbone_staff') },
  // People: a person's own record, outside any one initiative's roster
  RegisterPerson: {
    who: 'anyone',
    note: 'themselves; someone else only as backbone staff of the initiative named (PERSON.NOT_SELF_OR_BACKBONE_STAFF)',
  },
  UpdatePersonContact: {
    who: 'anyone',
    note: 'themselves; someone else only as backbone staff of the initiative named (PERSON.NOT_SELF_OR_BACKBONE_STAFF)',
  },
  ForgetPerson: {
    who: 'anyone',
    note: 'themselves; someone else only as backbone staff of the initiative named (PERSON.NOT_SELF_OR_BACKBONE_STAFF)',
  },
} as const satisfies Record<string, Permission>;

/** Every command the ledger accepts, named as in the domain (the mutation is its lowerCamel name). */
export type CommandName = keyof typeof POLICY;

export const COMMAND_NAMES = Object.keys(POLICY) as CommandName[];

export const permissionOf = (command: CommandName): Permission => POLICY[command];

/** The GraphQL mutation that runs a command: `MakeCommitment` -> `makeCommitment`. */
export const mutationOf = (command: CommandName): string =>
  command.charAt(0).toLowerCase() + command.slice(1);

/**
 * Who may have the API verify the whole log (`verifyLedger` without a stream): a role in office
 * in any initiative among those that answer for the record (backbone staff, chairs) or examine
 * it (evaluators). A full walk costs the server a pass over every event, so it is not open to
 * every member; one stream's chain is verified by anyone who may see the stream, and an
 * operator with access to the storage runs `accord verify`.
 */
export const LEDGER_VERIFIERS: readonly Role[] = [
  'backbone_staff',
  'chair',
  'co_chair',
  'evaluator',
];
