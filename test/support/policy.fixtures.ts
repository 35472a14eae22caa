import { type Actor, type CommandName, POLICY, ROLES, type Role } from '@accord/domain';
import {
  AMEND_AGREEMENT,
  DRAFT_AGREEMENT,
  EXPIRE_AGREEMENT,
  SIGN_AGREEMENT,
  TERMINATE_AGREEMENT,
} from './agreements.operations';
import {
  APPLY_GOVERNANCE_RULES,
  CAST_VOTE,
  CHANGE_VOTE,
  CLOSE_DECISION,
  DECLARE_CONFLICT,
  HOLD_MEETING,
  LINK_DECISION,
  PROPOSE_DECISION,
  SUPERSEDE_DECISION,
} from './decisions.operations';
import { expectNoErrors, LAUNCHED_AT, ONE_YEAR_AHEAD } from './fixtures';
import {
  ACCEPT_COMMITMENT,
  CORRECT_MEASUREMENT,
  DEFINE_INDICATOR,
  LINK_COMMITMENT,
  MISS_COMMITMENT,
  RECORD_MEASUREMENT,
  REVISE_COMMITMENT,
} from './measurement.operations';
import { AMEND, FULFIL, JOIN, LAUNCH, LEAVE, MAKE, REPORT, WITHDRAW } from './operations';
import {
  ALLOCATE_SHARES,
  CLOSE_RISK,
  DEFINE_POOL,
  IDENTIFY_RISK,
  MATERIALISE_RISK,
  PLAN_MITIGATION,
  REALLOCATE_SHARES,
  REASSESS_RISK,
  RECORD_DISTRIBUTION,
  SHARE_RISK,
} from './risks-benefits.operations';
import { FORGET_PERSON, REGISTER_PERSON, UPDATE_PERSON_CONTACT } from './people.operations';
import { ASSIGN_ROLE, RELINQUISH_ROLE, REVOKE_ROLE } from './roster.fixtures';
import type { GraphqlResponse } from './test-app';

/** The partner every command of the policy test concerns, and a second member partner. */
export const ALPHA = 'alpha';
export const BETA = 'beta';

/** Launches each test initiative, so is its backbone staff; acts for no member partner. */
export const LAUNCHER: Actor = { personId: 'launcher', partnerId: 'backbone' };

/** Someone who calls a mutation: the role they hold (if any), for the partner concerned or another. */
export interface Persona {
  label: string;
  actor: Actor;
  role: Role | null;
  partner: 'concerned' | 'other' | 'outside';
}

const personId = (role: Role, partnerId: string) => `${role}.${partnerId}`;

/** A person of that partner holding that role (and only that role) in every test initiative. */
export const holder = (role: Role, partnerId = ALPHA): Actor => ({
  personId: personId(role, partnerId),
  partnerId,
});

/**
 * Every role held for the partner concerned and for another member partner (the chair is a
 * single seat: alpha's only), a person of the partner concerned without a role, and an outsider.
 */
export const PERSONAS: readonly Persona[] = [
  ...ROLES.flatMap((role) =>
    (role === 'chair' ? [ALPHA] : [ALPHA, BETA]).map((partnerId): Persona => ({
      label: `${role} of ${partnerId}`,
      actor: holder(role, partnerId),
      role,
      partner: partnerId === ALPHA ? 'concerned' : 'other',
    })),
  ),
  {
    label: 'no role, of alpha',
    actor: { personId: 'nobody.alpha', partnerId: ALPHA },
    role: null,
    partner: 'concerned',
  },
  {
    label: 'outsider',
    actor: { personId: 'zed', partnerId: 'elsewhere' },
    role: null,
    partner: 'outside',
  },
];

/** What the policy table says for this cell, read straight from its grants. */
export function permitted(command: CommandName, persona: Persona): boolean {
  const permission = POLICY[command];
  if (permission.who === 'anyone') return true;
  return permission.grants.some(
    (grant) =>
      grant.role === persona.role &&
      (grant.scope === 'initiative' || persona.partner === 'concerned'),
  );
}

/** What runs the calls: the API over HTTP (TestApp), or the command path alone (CommandCaller). */
export interface Caller {
  gql(document: string, variables: Record<string, unknown>, actor: Actor): Promise<GraphqlResponse>;
}

/** One initiative with alpha and beta as members and every persona's role from 2020. */
export interface World {
  app: Caller;
  initiativeId: string;
  /** A fresh number, for ids and texts that must differ from call to call. */
  next(): number;
  /** The id of a persona's role assignment. */
  assignmentOf(actor: Actor): string;
  /** Runs a setup step that must succeed; returns its data. */
  run(document: string, input: Record<string, unknown>, actor: Actor): Promise<any>;
}

export async function setUpWorld(app: Caller, initiativeId: string): Promise<World> {
  let counter = 0;
  const run = async (document: string, input: Record<string, unknown>, actor: Actor) => {
    const res = await app.gql(document, { input }, actor);
    expectNoErrors(res);
    return res.data;
  };
  const assignmentOf = (actor: Actor) => `${initiativeId}.${actor.personId}`;
  await run(
    LAUNCH,
    // Launched long ago, so the meetings the fixtures record on past days are not before it.
    {
      initiativeId,
      name: 'Policy',
      problemStatement: 'p',
      commonAgenda: 'a',
      occurredAt: LAUNCHED_AT,
    },
    LAUNCHER,
  );
  for (const [partnerId, organisationName] of [
    [ALPHA, 'Alpha Trust'],
    [BETA, 'Beta Works'],
  ] as const) {
    await run(JOIN, { initiativeId, partnerId, organisationName, sector: 'NONPROFIT' }, LAUNCHER);
  }
  for (const persona of PERSONAS) {
    if (persona.role === null) continue;
    await run(
      ASSIGN_ROLE,
      {
        initiativeId,
        assignmentId: assignmentOf(persona.actor),
        ...persona.actor,
        role: persona.role.toUpperCase(),
        ...(persona.role === 'custom' ? { customRole: 'youth liaison' } : {}),
        termStart: '2020-01-01',
      },
      LAUNCHER,
    );
  }
  return { app, initiativeId, next: () => ++counter, assignmentOf, run };
}

/** How to call one mutation: its document, and what one call needs, built by people allowed to. */
export interface PolicyFixture {
  document: string;
  /** Called once for the refusals and again before each permitted call; the variables per caller. */
  prepare(
    world: World,
  ):
    | ((actor: Actor) => Record<string, unknown>)
    | Promise<(actor: Actor) => Record<string, unknown>>;
}

const same = (input: Record<string, unknown>) => (): Record<string, unknown> => ({ input });

const registered = new Set<string>();
/**
 * Registers every persona as a person, once, as the world's backbone staff (the launcher).
 * People are not of one initiative: a persona registered by an earlier test (registerPerson's
 * own, which comes first in the table) stays registered, and says so.
 */
async function everyPersonaRegistered(w: World): Promise<void> {
  for (const { actor } of PERSONAS) {
    if (registered.has(actor.personId)) continue;
    const res = await w.app.gql(
      REGISTER_PERSON,
      {
        input: {
          personId: actor.personId,
          initiativeId: w.initiativeId,
          name: `Person ${actor.personId}`,
          email: `${actor.personId}@example.org`,
        },
      },
      LAUNCHER,
    );
    const rule = res.errors?.[0]?.extensions?.rule as string | undefined;
    if (res.errors && rule !== 'PERSON.ALREADY_REGISTERED')
      throw new Error(`cannot register ${actor.personId}: ${JSON.stringify(res.errors)}`);
    registered.add(actor.personId);
  }
}

const chair = holder('chair');
const staff = holder('backbone_staff');
const representative = holder('partner_representative');
const steward = holder('data_steward');
const voters = [holder('steering_member', ALPHA), holder('steering_member', BETA)];

async function propose(w: World, extra: Record<string, unknown> = {}): Promise<string> {
  const data = await w.run(
    PROPOSE_DECISION,
    {
      initiativeId: w.initiativeId,
      title: `Motion ${w.next()}`,
      motion: 'Do the thing',
      rationale: 'It helps',
      ...extra,
    },
    chair,
  );
  return data.proposeDecision.decision.decisionId as string;
}

/** A decision both voting members adopted. */
async function adopted(w: World, extra: Record<string, unknown> = {}): Promise<string> {
  const decisionId = await propose(w, extra);
  for (const voter of voters) await w.run(CAST_VOTE, { decisionId, choice: 'FOR' }, voter);
  await w.run(CLOSE_DECISION, { decisionId }, chair);
  return decisionId;
}

async function commitment(w: World, extra: Record<string, unknown> = {}): Promise<string> {
  const data = await w.run(
    MAKE,
    {
      initiativeId: w.initiativeId,
      partnerId: ALPHA,
      description: `Deliver ${w.next()}`,
      dueDate: ONE_YEAR_AHEAD,
      ...extra,
    },
    representative,
  );
  return data.makeCommitment.commitment.commitmentId as string;
}

async function agreement(w: World, extra: Record<string, unknown> = {}): Promise<string> {
  const data = await w.run(
    DRAFT_AGREEMENT,
    {
      initiativeId: w.initiativeId,
      kind: 'MOU',
      title: 'Memorandum',
      parties: [ALPHA, BETA],
      text: `Text ${w.next()}`,
      ...extra,
    },
    staff,
  );
  return data.draftAgreement.agreement.agreementId as string;
}

async function indicator(w: World): Promise<string> {
  const data = await w.run(
    DEFINE_INDICATOR,
    {
      initiativeId: w.initiativeId,
      name: `Readers ${w.next()}`,
      unit: 'percent',
      direction: 'UP',
      baseline: { value: '40', date: '2025-01-01' },
      target: { value: '70', date: '2028-01-01' },
      dataSteward: { personId: steward.personId, partnerId: ALPHA },
    },
    staff,
  );
  return data.defineIndicator.indicator.indicatorId as string;
}

async function risk(w: World): Promise<string> {
  const data = await w.run(
    IDENTIFY_RISK,
    {
      initiativeId: w.initiativeId,
      title: `Risk ${w.next()}`,
      description: 'Funding may lapse',
      category: 'FINANCIAL',
      likelihood: 3,
      impact: 3,
      ownerPartnerId: ALPHA,
    },
    staff,
  );
  return data.identifyRisk.risk.riskId as string;
}

const halves = [
  { partnerId: ALPHA, percent: '50' },
  { partnerId: BETA, percent: '50' },
];

async function pool(w: World, allocate: boolean): Promise<string> {
  const data = await w.run(
    DEFINE_POOL,
    {
      initiativeId: w.initiativeId,
      name: `Fund ${w.next()}`,
      kind: 'FUNDING',
      description: 'Shared grant',
      amount: { amount: '1000.00', currency: 'USD' },
    },
    staff,
  );
  const poolId = data.defineBenefitPool.benefitPool.poolId as string;
  if (allocate) await w.run(ALLOCATE_SHARES, { poolId, shares: halves }, staff);
  return poolId;
}

/** How to call each mutation, by command. A command without one fails the policy test. */
export const POLICY_FIXTURES: Partial<Record<CommandName, PolicyFixture>> = {
  LaunchInitiative: {
    document: LAUNCH,
    prepare: (w) =>
      same({
        initiativeId: `${w.initiativeId}-launch-${w.next()}`,
        name: 'Another initiative',
        problemStatement: 'p',
        commonAgenda: 'a',
      }),
  },
  AmendAgenda: {
    document: AMEND,
    prepare: (w) => same({ initiativeId: w.initiativeId, commonAgenda: `Agenda ${w.next()}` }),
  },
  JoinInitiative: {
    document: JOIN,
    prepare: (w) => {
      const n = w.next();
      return same({
        initiativeId: w.initiativeId,
        partnerId: `newcomer-${n}`,
        organisationName: `Newcomer ${n}`,
        sector: 'BUSINESS',
      });
    },
  },
  LeaveInitiative: {
    document: LEAVE,
    prepare: async (w) => {
      // Alpha may have left in an earlier call: it joins again (its people keep their roles).
      await w.app.gql(
        JOIN,
        {
          input: {
            initiativeId: w.initiativeId,
            partnerId: ALPHA,
            organisationName: 'Alpha Trust',
            sector: 'NONPROFIT',
          },
        },
        LAUNCHER,
      );
      return same({ initiativeId: w.initiativeId, partnerId: ALPHA, reason: 'merged' });
    },
  },
  ApplyGovernanceRules: {
    document: APPLY_GOVERNANCE_RULES,
    prepare: async (w) => {
      const proposedRules = {
        quorum: { numerator: 1, denominator: 2 },
        defaultMethod: 'SIMPLE_MAJORITY',
        supermajority: { numerator: 2, denominator: 3 },
      };
      const decisionId = await adopted(w, { proposedRules });
      return same({ initiativeId: w.initiativeId, decisionId });
    },
  },
  AssignRole: {
    document: ASSIGN_ROLE,
    prepare: (w) =>
      same({
        initiativeId: w.initiativeId,
        personId: `new-${w.next()}`,
        partnerId: ALPHA,
        role: 'OBSERVER',
        termStart: '2020-01-01',
      }),
  },
  RevokeRole: {
    document: REVOKE_ROLE,
    prepare: async (w) => {
      const data = await w.run(
        ASSIGN_ROLE,
        {
          initiativeId: w.initiativeId,
          personId: `new-${w.next()}`,
          partnerId: ALPHA,
          role: 'OBSERVER',
          termStart: '2020-01-01',
        },
        LAUNCHER,
      );
      const assignmentId = data.assignRole.assignment.assignmentId as string;
      return same({ initiativeId: w.initiativeId, assignmentId, reason: 'never attended' });
    },
  },
  RelinquishRole: {
    document: RELINQUISH_ROLE,
    // Each holder steps down from their own role; someone without one names alpha's observer's.
    prepare: (w) => (actor) => {
      const holdsOne = PERSONAS.some((p) => p.role !== null && p.actor.personId === actor.personId);
      const assignmentId = w.assignmentOf(holdsOne ? actor : holder('observer'));
      return { input: { initiativeId: w.initiativeId, assignmentId, reason: 'moving on' } };
    },
  },
  DraftAgreement: {
    document: DRAFT_AGREEMENT,
    prepare: (w) =>
      same({
        initiativeId: w.initiativeId,
        kind: 'MOU',
        title: 'Memorandum',
        parties: [ALPHA, BETA],
        text: `Text ${w.next()}`,
      }),
  },
  AmendAgreement: {
    document: AMEND_AGREEMENT,
    prepare: async (w) =>
      same({ agreementId: await agreement(w), text: 'Amended text', reason: 'clearer' }),
  },
  SignAgreement: {
    document: SIGN_AGREEMENT,
    prepare: async (w) => same({ agreementId: await agreement(w), partnerId: ALPHA, version: 1 }),
  },
  TerminateAgreement: {
    document: TERMINATE_AGREEMENT,
    prepare: async (w) => same({ agreementId: await agreement(w), reason: 'no longer needed' }),
  },
  ExpireAgreement: {
    document: EXPIRE_AGREEMENT,
    prepare: async (w) =>
      same({
        agreementId: await agreement(w, {
          occurredAt: '2025-01-10T09:00:00.000Z',
          endDate: '2025-06-30',
        }),
      }),
  },
  MakeCommitment: {
    document: MAKE,
    prepare: (w) =>
      same({
        initiativeId: w.initiativeId,
        partnerId: ALPHA,
        description: `Deliver ${w.next()}`,
        dueDate: ONE_YEAR_AHEAD,
      }),
  },
  ReportProgress: {
    document: REPORT,
    prepare: async (w) =>
      same({ commitmentId: await commitment(w), percent: 50, note: 'half way' }),
  },
  ReviseCommitment: {
    document: REVISE_COMMITMENT,
    prepare: async (w) =>
      same({ commitmentId: await commitment(w), description: 'Deliver more', reason: 'scope' }),
  },
  FulfilCommitment: {
    document: FULFIL,
    prepare: async (w) => same({ commitmentId: await commitment(w) }),
  },
  WithdrawCommitment: {
    document: WITHDRAW,
    prepare: async (w) => same({ commitmentId: await commitment(w), reason: 'no funds' }),
  },
  LinkCommitment: {
    document: LINK_COMMITMENT,
    prepare: async (w) => same({ commitmentId: await commitment(w), decisionId: await propose(w) }),
  },
  AcceptCommitment: {
    document: ACCEPT_COMMITMENT,
    prepare: async (w) => same({ commitmentId: await commitment(w) }),
  },
  MissCommitment: {
    document: MISS_COMMITMENT,
    prepare: async (w) => {
      const commitmentId = await commitment(w, {
        occurredAt: '2024-01-10T09:00:00.000Z',
        dueDate: '2024-06-30',
      });
      return same({ commitmentId, reason: 'not delivered' });
    },
  },
  ProposeDecision: {
    document: PROPOSE_DECISION,
    prepare: (w) =>
      same({
        initiativeId: w.initiativeId,
        title: `Motion ${w.next()}`,
        motion: 'Do the thing',
        rationale: 'It helps',
      }),
  },
  DeclareConflictOfInterest: {
    document: DECLARE_CONFLICT,
    prepare: async (w) => same({ decisionId: await propose(w), reason: 'sits on its board' }),
  },
  CastVote: {
    document: CAST_VOTE,
    prepare: async (w) => same({ decisionId: await propose(w), choice: 'FOR' }),
  },
  ChangeVote: {
    document: CHANGE_VOTE,
    prepare: async (w) => {
      const decisionId = await propose(w);
      for (const voter of voters) await w.run(CAST_VOTE, { decisionId, choice: 'FOR' }, voter);
      return same({ decisionId, choice: 'AGAINST', reason: 'new facts' });
    },
  },
  CloseDecision: {
    document: CLOSE_DECISION,
    prepare: async (w) => same({ decisionId: await propose(w) }),
  },
  SupersedeDecision: {
    document: SUPERSEDE_DECISION,
    prepare: async (w) => same({ decisionId: await adopted(w), byDecisionId: await adopted(w) }),
  },
  HoldMeeting: {
    document: HOLD_MEETING,
    prepare: (w) =>
      same({
        initiativeId: w.initiativeId,
        title: `Meeting ${w.next()}`,
        heldAt: '2026-01-10T18:00:00.000Z',
        attendees: voters,
        agenda: ['Budget'],
        minutes: 'Discussed the budget.',
      }),
  },
  LinkDecisionToMeeting: {
    document: LINK_DECISION,
    prepare: async (w) => {
      const data = await w.run(
        HOLD_MEETING,
        {
          initiativeId: w.initiativeId,
          title: `Meeting ${w.next()}`,
          heldAt: '2026-01-10T18:00:00.000Z',
          attendees: voters,
          agenda: ['Budget'],
          minutes: 'Discussed the budget.',
        },
        chair,
      );
      const meetingId = data.holdMeeting.meeting.meetingId as string;
      return same({ meetingId, decisionId: await propose(w) });
    },
  },
  DefineIndicator: {
    document: DEFINE_INDICATOR,
    prepare: (w) =>
      same({
        initiativeId: w.initiativeId,
        name: `Readers ${w.next()}`,
        unit: 'percent',
        direction: 'UP',
        baseline: { value: '40', date: '2025-01-01' },
        target: { value: '70', date: '2028-01-01' },
        dataSteward: { personId: steward.personId, partnerId: ALPHA },
      }),
  },
  RecordMeasurement: {
    document: RECORD_MEASUREMENT,
    prepare: async (w) =>
      same({
        indicatorId: await indicator(w),
        value: '45',
        periodStart: '2025-01-01',
        periodEnd: '2025-03-31',
        sourcePartnerId: ALPHA,
        method: 'count',
      }),
  },
  CorrectMeasurement: {
    document: CORRECT_MEASUREMENT,
    prepare: async (w) => {
      const indicatorId = await indicator(w);
      const measurementId = `m-${w.initiativeId}-${w.next()}`;
      await w.run(
        RECORD_MEASUREMENT,
        {
          indicatorId,
          measurementId,
          value: '45',
          periodStart: '2025-01-01',
          periodEnd: '2025-03-31',
          sourcePartnerId: ALPHA,
          method: 'count',
        },
        steward,
      );
      return same({ indicatorId, measurementId, value: '46', reason: 'late returns' });
    },
  },
  IdentifyRisk: {
    document: IDENTIFY_RISK,
    prepare: (w) =>
      same({
        initiativeId: w.initiativeId,
        title: `Risk ${w.next()}`,
        description: 'Funding may lapse',
        category: 'FINANCIAL',
        likelihood: 3,
        impact: 3,
        ownerPartnerId: ALPHA,
      }),
  },
  ReassessRisk: {
    document: REASSESS_RISK,
    prepare: async (w) =>
      same({ riskId: await risk(w), likelihood: 4, impact: 5, reason: 'grant delayed' }),
  },
  ShareRiskOwnership: {
    document: SHARE_RISK,
    prepare: async (w) => same({ riskId: await risk(w), shares: halves }),
  },
  PlanMitigation: {
    document: PLAN_MITIGATION,
    prepare: async (w) =>
      same({
        riskId: await risk(w),
        description: 'Find a second funder',
        commitmentIds: [await commitment(w)],
      }),
  },
  MaterialiseRisk: {
    document: MATERIALISE_RISK,
    prepare: async (w) => same({ riskId: await risk(w), description: 'The grant lapsed' }),
  },
  CloseRisk: {
    document: CLOSE_RISK,
    prepare: async (w) => same({ riskId: await risk(w), reason: 'funded again' }),
  },
  DefineBenefitPool: {
    document: DEFINE_POOL,
    prepare: (w) =>
      same({
        initiativeId: w.initiativeId,
        name: `Fund ${w.next()}`,
        kind: 'FUNDING',
        description: 'Shared grant',
        amount: { amount: '1000.00', currency: 'USD' },
      }),
  },
  AllocateBenefitShares: {
    document: ALLOCATE_SHARES,
    prepare: async (w) => same({ poolId: await pool(w, false), shares: halves }),
  },
  ReallocateBenefitShares: {
    document: REALLOCATE_SHARES,
    prepare: async (w) =>
      same({
        poolId: await pool(w, true),
        shares: [
          { partnerId: ALPHA, percent: '60' },
          { partnerId: BETA, percent: '40' },
        ],
        reason: 'alpha took on more',
      }),
  },
  RecordDistribution: {
    document: RECORD_DISTRIBUTION,
    prepare: async (w) =>
      same({
        poolId: await pool(w, true),
        amounts: [
          { partnerId: ALPHA, amount: { amount: '100.00', currency: 'USD' } },
          { partnerId: BETA, amount: { amount: '100.00', currency: 'USD' } },
        ],
        note: 'first tranche',
      }),
  },
  RegisterPerson: {
    document: REGISTER_PERSON,
    // Each caller registers themselves.
    prepare: () => (actor) => ({
      input: { name: `Person ${actor.personId}`, email: `${actor.personId}@example.org` },
    }),
  },
  UpdatePersonContact: {
    document: UPDATE_PERSON_CONTACT,
    prepare: async (w) => {
      await everyPersonaRegistered(w);
      return () => ({ input: { name: `Renamed ${w.next()}` } });
    },
  },
  ForgetPerson: {
    document: FORGET_PERSON,
    prepare: async (w) => {
      await everyPersonaRegistered(w);
      return (actor) => ({ input: { personId: actor.personId, reason: 'asked to be forgotten' } });
    },
  },
};

/** Commands tested on one initiative; leaving and stepping down change the people, so each gets its own. */
export const GROUPS: ReadonlyArray<[string, CommandName[]]> = [
  ['initiative', ['LaunchInitiative', 'AmendAgenda', 'JoinInitiative', 'ApplyGovernanceRules']],
  ['leaving', ['LeaveInitiative']],
  ['roster', ['AssignRole', 'RevokeRole']],
  ['stepping-down', ['RelinquishRole']],
  [
    'agreements',
    ['DraftAgreement', 'AmendAgreement', 'SignAgreement', 'TerminateAgreement', 'ExpireAgreement'],
  ],
  [
    'commitments',
    [
      'MakeCommitment',
      'ReportProgress',
      'ReviseCommitment',
      'FulfilCommitment',
      'WithdrawCommitment',
      'LinkCommitment',
      'AcceptCommitment',
      'MissCommitment',
    ],
  ],
  [
    'decisions',
    [
      'ProposeDecision',
      'DeclareConflictOfInterest',
      'CastVote',
      'ChangeVote',
      'CloseDecision',
      'SupersedeDecision',
    ],
  ],
  ['meetings', ['HoldMeeting', 'LinkDecisionToMeeting']],
  ['measurement', ['DefineIndicator', 'RecordMeasurement', 'CorrectMeasurement']],
  [
    'risks',
    [
      'IdentifyRisk',
      'ReassessRisk',
      'ShareRiskOwnership',
      'PlanMitigation',
      'MaterialiseRisk',
      'CloseRisk',
    ],
  ],
  [
    'benefit-pools',
    ['DefineBenefitPool', 'AllocateBenefitShares', 'ReallocateBenefitShares', 'RecordDistribution'],
  ],
  // In this order: each caller registers, then updates, then forgets themselves.
  ['people', ['RegisterPerson', 'UpdatePersonContact', 'ForgetPerson']],
];

/** Makes one entity of each kind in a world, as the people allowed to. */
export const MAKE_IN_WORLD = { propose, commitment, agreement, indicator, risk, pool };
