import {
  type Actor,
  agreementDecider,
  type AgreementKind,
  type AgreementState,
  benefitPoolDecider,
  type BenefitPoolState,
  CHOICES_BY_METHOD,
  CHOICES_NEEDING_REASON,
  commitmentDecider,
  type CommitmentState,
  dayOf,
  type Decider,
  decisionDecider,
  type DecisionMethod,
  type DecisionState,
  type GovernanceRules,
  holdsRole,
  indicatorDecider,
  type IndicatorState,
  initiativeDecider,
  type InitiativeState,
  meetingDecider,
  RISK_CATEGORIES,
  riskDecider,
  type RiskState,
  rosterDecider,
  type RosterState,
  type Sector,
  toRulesDecision,
  type VoteChoice,
  votingMembersAt,
} from '@accord/domain';
import {
  type AppendResult,
  deterministicEventId,
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  SqliteEventStore,
} from '@accord/event-store';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  agreementStream,
  benefitPoolStream,
  commitmentStream,
  decisionStream,
  indicatorStream,
  initiativeStream,
  meetingStream,
  riskStream,
  rosterStream,
} from '../../apps/api/src/ledger/streams';
import { Random } from './random';
import { Schedule } from './schedule';

export interface GenerateOptions {
  /** How many events to write; the history stops at the first command that reaches it. */
  events: number;
  /** Partner organisations that join over the years (default: one per 400 events, 8 to 300). */
  partners?: number;
  /** Commitments to spread over the simulated years (default: about half the events' worth). */
  commitments?: number;
  seed?: number;
  /** Default `gen-<seed>`; ids of everything in the initiative start with it. */
  initiativeId?: string;
  /** Business time of the launch (ISO 8601), default 2021-01-04T09:00:00.000Z. */
  startAt?: string;
  /** Simulated years the activity is spread over, default 4. */
  years?: number;
}

export interface GenerateResult {
  initiativeId: string;
  events: number;
  commands: number;
  streams: number;
  partners: number;
  commitments: number;
  decisions: number;
  /** Business time of the last command (ISO 8601). */
  lastBusinessTime: string;
  seconds: number;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
const SCHEMA_VERSION = 1;

type DomainEvent = { type: string; data: object };
type Command = { type: string; actor: Actor; now: string };
interface Entry {
  state: unknown;
  revision: number | undefined;
}

/** Thrown by the command that reaches the target: ends the simulation wherever it is. */
class TargetReached extends Error {}

const SECTOR_WEIGHTS: ReadonlyArray<[Sector, number]> = [
  ['nonprofit', 30],
  ['government', 15],
  ['business', 20],
  ['philanthropy', 8],
  ['education', 15],
  ['community', 10],
  ['other', 2],
];
const ORG_WORDS: Readonly<Record<Sector, readonly string[]>> = {
  nonprofit: ['Food Bank', 'Housing Trust', 'Youth League', 'Family Services', 'Literacy Project'],
  government: ['City Council', 'County Health Dept', 'Transit Authority', 'Parks Office'],
  business: ['Grocers', 'Credit Union', 'Logistics', 'Builders', 'Software'],
  philanthropy: ['Community Foundation', 'Family Fund', 'Giving Circle'],
  education: ['School District', 'Community College', 'University', 'Library'],
  community: ['Tenants Association', 'Neighbourhood Council', 'Faith Network'],
  other: ['Cooperative', 'Network'],
};
const PLACES = [
  'Riverside',
  'Northgate',
  'Eastfield',
  'Harbour',
  'Millbrook',
  'Westend',
  'Oakdale',
];
const PLEDGES = [
  'Run weekly food distribution at two sites',
  'Share anonymised enrolment data each term',
  'Fund a part-time outreach coordinator',
  'Provide meeting rooms for working groups',
  'Train volunteers in trauma-informed practice',
  'Publish a quarterly neighbourhood survey',
  'Open the community kitchen on weekends',
  'Mentor ten young people through the summer',
];
const IN_KIND = ['meeting rooms', 'a delivery van', 'survey software', 'office space', 'printing'];
const TOPICS = [
  'the annual workplan',
  'the data sharing protocol',
  'a new working group on housing',
  'the shared measurement framework',
  'the outreach budget',
  'the communications plan',
  'the evaluation partner',
];
const RISKS = [
  'Volunteer burnout at distribution sites',
  'Loss of the main funding grant',
  'Data breach in shared records',
  'Low turnout in the survey',
  'Key staff leaving the backbone',
  'Delays in the city procurement process',
];
const INDICATORS: ReadonlyArray<[string, string, 'up' | 'down']> = [
  ['Households served', 'households', 'up'],
  ['Third-grade reading proficiency', 'percent', 'up'],
  ['Families in emergency shelter', 'families', 'down'],
  ['Youth in summer programmes', 'participants', 'up'],
  ['Food insecurity rate', 'percent', 'down'],
  ['Volunteer hours', 'hours', 'up'],
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (ms: number) => new Date(ms).toISOString();
const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const addDays = (day: string, days: number) => dayOf(iso(dayMs(day) + days * DAY));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const isOpen = (c: CommitmentState): c is Exclude<CommitmentState, { status: 'absent' }> =>
  c.status === 'open';

/** Basis points summing to 10 000 over `count` partners, as percent strings ("12.34"). */
function percentShares(random: Random, partners: readonly string[]) {
  const weights = partners.map(() => random.int(1, 10));
  const sum = weights.reduce((a, b) => a + b, 0);
  const points = weights.map((w) => Math.max(1, Math.floor((w * 10_000) / sum)));
  points[0]! += 10_000 - points.reduce((a, b) => a + b, 0);
  return partners.map((partnerId, i) => ({
    partnerId,
    basisPoints: points[i]!,
    percent: `${Math.floor(points[i]! / 100)}.${pad(points[i]! % 100, 2)}`,
  }));
}

/**
 * A deterministic simulation of one initiative over several years: partners join, people take
 * roles, agreements are drafted and signed, meetings decide by vote, commitments are made,
 * reported on and fulfilled (or missed), risks and benefit pools are managed, indicators are
 * measured. Every event comes out of the real deciders, decided on the folded state of its
 * stream, and is appended in one append per command with the command executor's metadata.
 */
class InitiativeSimulation {
  private readonly random: Random;
  private readonly schedule = new Schedule();
  private readonly streams = new Map<string, Entry>();
  private readonly target: number;
  private readonly seedTag: string;
  private readonly id: string;
  private readonly start: number;
  private readonly span: number;
  private readonly partnerCount: number;
  private readonly steeringSeats: number;

  private clock: number;
  private written = 0;
  private commands = 0;
  private joined = 0;
  private commitmentCount = 0;
  private decisionCount = 0;
  private readonly counters = new Map<string, number>();

  private readonly members: string[] = [];
  private readonly partnerOfPerson = new Map<string, string>();
  private readonly decisionIds: string[] = [];
  private readonly adoptedDecisions: string[] = [];
  private readonly unlinkedDecisions: string[] = [];
  private readonly indicatorIds: string[] = [];
  private readonly indicatorFacts = new Map<
    string,
    { steward: string; direction: 'up' | 'down' }
  >();
  private readonly recentCommitments: string[] = [];
  private votingCache:
    { revision: number | undefined; day: string; members: readonly string[] } | undefined;

  constructor(
    private readonly store: EventStore,
    options: GenerateOptions,
  ) {
    const seed = options.seed ?? 1;
    this.random = new Random(seed);
    this.target = options.events;
    this.seedTag = String(seed);
    this.id = options.initiativeId ?? `gen-${seed}`;
    this.start = Date.parse(options.startAt ?? '2021-01-04T09:00:00.000Z');
    this.span = (options.years ?? 4) * 365 * DAY;
    this.clock = this.start;
    this.partnerCount = Math.max(
      2,
      options.partners ?? Math.min(300, Math.max(8, Math.round(this.target / 400))),
    );
    this.steeringSeats = Math.min(15, Math.max(3, Math.round(Math.sqrt(this.partnerCount) + 1)));
    this.plan(options.commitments ?? Math.round((this.target * 0.5) / 5.2));
  }

  async run(): Promise<GenerateResult> {
    const started = process.hrtime.bigint();
    try {
      for (let task = this.schedule.next(); task; task = this.schedule.next()) {
        this.clock = Math.max(this.clock, task.at);
        await task.run();
      }
    } catch (error) {
      if (!(error instanceof TargetReached)) throw error;
    }
    return {
      initiativeId: this.id,
      events: this.written,
      commands: this.commands,
      streams: this.streams.size,
      partners: this.joined,
      commitments: this.commitmentCount,
      decisions: this.decisionCount,
      lastBusinessTime: iso(this.clock),
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  }

  // ---- the writing machinery -------------------------------------------------------------

  private state<S>(stream: string, decider: Pick<Decider<never, S, never>, 'initialState'>): S {
    const entry = this.streams.get(stream);
    return entry ? (entry.state as S) : decider.initialState();
  }

  private now(): string {
    this.clock += this.random.int(1, 15) * MINUTE + this.random.int(0, 59_999);
    return iso(this.clock);
  }

  /** Decide on the folded state, append the command's events in one append, fold them in. */
  private async exec<C extends Command, S, E extends DomainEvent>(
    stream: string,
    decider: Decider<C, S, E>,
    command: C,
  ): Promise<S> {
    if (this.written >= this.target) throw new TargetReached();
    const entry = this.streams.get(stream) ?? {
      state: decider.initialState(),
      revision: undefined,
    };
    const events = decider.decide(command, entry.state as S);
    const commandId = deterministicEventId(`generator/${this.seedTag}/${this.id}`, this.commands);
    const metadata: JsonObject = {
      actor: { personId: command.actor.personId, partnerId: command.actor.partnerId },
      commandId,
      commandType: command.type,
      correlationId: commandId,
      causationId: commandId,
      occurredAt: command.now,
      recordedAt: iso(Date.parse(command.now) + this.random.int(5, 2_000)),
      schemaVersion: SCHEMA_VERSION,
    };
    const newEvents: NewEvent[] = events.map((event, index) => ({
      id: deterministicEventId(commandId, index),
      type: event.type,
      data: event.data as JsonObject,
      metadata,
    }));
    await this.store.append(stream, newEvents, entry.revision ?? 'no_stream');
    entry.state = events.reduce(decider.evolve, entry.state as S);
    entry.revision = (entry.revision ?? -1) + events.length;
    this.streams.set(stream, entry);
    this.commands += 1;
    this.written += events.length;
    return entry.state as S;
  }

  private nextId(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${this.id}-${kind}${pad(n, 5)}`;
  }

  private at(offset: number, run: () => Promise<void>): void {
    this.schedule.add(this.clock + offset, run);
  }

  // ---- who is who --------------------------------------------------------------------------

  private partnerId(index: number): string {
    return `${this.id}-p${pad(index, 3)}`;
  }

  private person(partnerId: string, role: string): Actor {
    const personId = `${partnerId}.${role}`;
    this.partnerOfPerson.set(personId, partnerId);
    return { personId, partnerId };
  }

  private get backbone(): string {
    return this.partnerId(0);
  }

  private staff(n = 1): Actor {
    return this.person(this.backbone, `staff${n}`);
  }

  private get initiative(): InitiativeState {
    return this.state(initiativeStream(this.id), initiativeDecider);
  }

  private get roster(): RosterState {
    return this.state(rosterStream(this.id), rosterDecider);
  }

  private isMember(partnerId: string): boolean {
    const initiative = this.initiative;
    return initiative.status === 'launched' && initiative.partners[partnerId]?.status === 'member';
  }

  /**
   * votingMembersAt, remembered for the roster's revision and the day (it depends on nothing
   * else): the simulation asks it for every vote, and scanning the roster was a tenth of the time.
   */
  private votingMembers(now: string): readonly string[] {
    const revision = this.streams.get(rosterStream(this.id))?.revision;
    const day = dayOf(now);
    const cached = this.votingCache;
    if (cached && cached.revision === revision && cached.day === day) return cached.members;
    const members = votingMembersAt(this.roster, now);
    this.votingCache = { revision, day, members };
    return members;
  }

  private voters(now: string): Actor[] {
    return this.votingMembers(now).map((personId) => ({
      personId,
      partnerId: this.partnerOfPerson.get(personId)!,
    }));
  }

  /** Someone who may act for the initiative as a whole: a steering member, else the backbone. */
  private officer(now: string): Actor {
    const voters = this.voters(now);
    return voters.length > 0 ? this.random.pick(voters) : this.staff(this.random.int(1, 3));
  }

  // ---- the plan ------------------------------------------------------------------------------

  private plan(commitments: number): void {
    const { span, target } = this;
    this.at(0, () => this.launch());
    const founders = Math.min(this.partnerCount, Math.max(6, this.steeringSeats + 1));
    const joinTimes: number[] = [];
    for (let i = 1; i < this.partnerCount; i++) {
      joinTimes.push(
        i < founders
          ? this.random.int(1, 30) * DAY
          : this.random.int(31, Math.floor((span * 0.6) / DAY)) * DAY,
      );
    }
    joinTimes.sort((a, b) => a - b);
    joinTimes.forEach((offset, i) => this.at(offset, () => this.join(i + 1)));
    this.at(35 * DAY, () => this.formSteeringCommittee());
    this.at(40 * DAY, () => this.draftCharter());
    const leaving = this.partnerCount >= 8 ? Math.max(1, Math.round(this.partnerCount * 0.04)) : 0;
    for (let i = 0; i < leaving; i++)
      this.at(this.random.int(Math.floor(span / 2 / DAY), Math.floor(span / DAY)) * DAY, () =>
        this.leave(),
      );

    const meetingDecisions = Math.min(
      6,
      Math.max(1, Math.round((target * 0.15) / 48 / (this.steeringSeats + 3))),
    );
    this.at(45 * DAY, () => this.meeting(meetingDecisions));
    this.recurring(60 * DAY, span / Math.max(1, commitments), () => this.makeCommitment());
    const indicators = Math.min(40, Math.max(2, Math.round((target * 0.07) / 50)));
    for (let i = 0; i < indicators; i++)
      this.at(this.random.int(50, 400) * DAY, () => this.defineIndicator());
    this.recurring(70 * DAY, span / Math.max(1, Math.round((target * 0.05) / 6)), () =>
      this.identifyRisk(),
    );
    this.recurring(80 * DAY, span / Math.max(1, Math.round((target * 0.05) / 7)), () =>
      this.draftAgreement(),
    );
    this.recurring(120 * DAY, span / Math.max(1, Math.round((target * 0.03) / 10)), () =>
      this.defineBenefitPool(),
    );
    this.recurring(365 * DAY, 365 * DAY, () => this.amendAgenda());
  }

  /** Every `interval` (jittered) forever: the target, not the calendar, ends the history. */
  private recurring(first: number, interval: number, run: () => Promise<void>): void {
    const again = async () => {
      this.at(Math.max(MINUTE, interval * (0.5 + this.random.next())), again);
      await run();
    };
    this.at(first, again);
  }

  // ---- the initiative and its people ------------------------------------------------------

  private async launch(): Promise<void> {
    const actor = this.staff();
    await this.exec(initiativeStream(this.id), initiativeDecider, {
      type: 'LaunchInitiative',
      actor,
      now: this.now(),
      data: {
        initiativeId: this.id,
        name: `${this.random.pick(PLACES)} Thrives`,
        problemStatement: 'Too many families in the district face hunger and housing instability.',
        commonAgenda: 'Halve food insecurity and double stable housing within five years.',
        governanceRules: {
          quorum: { numerator: 1, denominator: 2 },
          defaultMethod: 'simple_majority',
          supermajority: { numerator: 2, denominator: 3 },
        },
      },
    });
    await this.joinPartner(this.backbone, 'nonprofit', 'Backbone Collaborative');
    for (let n = 1; n <= 3; n++) await this.assign(this.staff(n), 'backbone_staff');
  }

  private async join(index: number): Promise<void> {
    let sector: Sector = 'other';
    let roll = this.random.int(1, 100);
    for (const [candidate, weight] of SECTOR_WEIGHTS) {
      sector = candidate;
      roll -= weight;
      if (roll <= 0) break;
    }
    const name = `${this.random.pick(PLACES)} ${this.random.pick(ORG_WORDS[sector])} ${index}`;
    await this.joinPartner(this.partnerId(index), sector, name);
  }

  private async joinPartner(partnerId: string, sector: Sector, organisationName: string) {
    await this.exec(initiativeStream(this.id), initiativeDecider, {
      type: 'JoinInitiative',
      actor: this.person(partnerId, 'rep'),
      now: this.now(),
      data: { initiativeId: this.id, partnerId, organisationName, sector },
    });
    this.members.push(partnerId);
    this.joined += 1;
    await this.assign(this.person(partnerId, 'rep'), 'partner_representative');
    await this.assign(this.person(partnerId, 'sig'), 'signatory');
  }

  private async assign(
    person: Actor,
    role:
      | 'partner_representative'
      | 'signatory'
      | 'backbone_staff'
      | 'steering_member'
      | 'chair'
      | 'data_steward',
    term: { start: string; end: string } | null = null,
  ): Promise<string> {
    const now = this.now();
    const termStart = term?.start ?? dayOf(now);
    const assignmentId = this.nextId('role');
    await this.exec(rosterStream(this.id), rosterDecider, {
      type: 'AssignRole',
      actor: this.staff(),
      now,
      initiative: this.initiative,
      data: {
        assignmentId,
        initiativeId: this.id,
        personId: person.personId,
        partnerId: person.partnerId,
        role,
        customRole: null,
        termStart,
        termEnd: term?.end ?? null,
      },
    });
    return assignmentId;
  }

  /** Two-year terms: a steering committee and a chair, renewed when the terms end. */
  private async formSteeringCommittee(): Promise<void> {
    const start = dayOf(iso(this.clock));
    const term = { start, end: addDays(start, 729) };
    // The next committee takes office the day after this one's term ends, at 9:00.
    this.schedule.add(dayMs(addDays(term.end, 1)) + 9 * 3_600_000, () =>
      this.formSteeringCommittee(),
    );
    const chosen = this.random.sample(this.members, this.steeringSeats);
    for (const partnerId of chosen) {
      const lead = this.person(partnerId, 'lead');
      const assignmentId = await this.assign(lead, 'steering_member', term);
      if (this.random.chance(0.1))
        this.at(this.random.int(30, 700) * DAY, () => this.relinquish(lead, assignmentId));
    }
    if (chosen.length > 0) await this.assign(this.person(chosen[0]!, 'lead'), 'chair', term);
  }

  /** A steering member steps down before the end of the term. */
  private async relinquish(person: Actor, assignmentId: string): Promise<void> {
    const now = this.now();
    const assignment = this.roster.assignments[assignmentId];
    if (assignment?.status !== 'assigned' || assignment.termEnd === null) return;
    if (assignment.termEnd < dayOf(now)) return;
    await this.exec(rosterStream(this.id), rosterDecider, {
      type: 'RelinquishRole',
      actor: person,
      now,
      data: { initiativeId: this.id, assignmentId, reason: 'stepping down for personal reasons' },
    });
  }

  /** A partner leaves: its open commitments are withdrawn and its people's roles revoked. */
  private async leave(): Promise<void> {
    const steering = new Set(this.voters(iso(this.clock)).map((a) => a.partnerId));
    const candidates = this.members.filter((p) => p !== this.backbone && !steering.has(p));
    if (candidates.length < 3) return;
    const partnerId = this.random.pick(candidates);
    for (const [stream, entry] of this.streams) {
      const c = entry.state as CommitmentState;
      if (!stream.startsWith('commitment-') || c.status !== 'open' || c.partnerId !== partnerId)
        continue;
      await this.exec(stream, commitmentDecider, {
        type: 'WithdrawCommitment',
        actor: this.person(partnerId, 'rep'),
        now: this.now(),
        data: {
          commitmentId: c.commitmentId,
          reason: 'the organisation is leaving the initiative',
        },
      });
    }
    for (const a of Object.values(this.roster.assignments)) {
      const now = this.now();
      if (a.partnerId !== partnerId || a.status !== 'assigned') continue;
      if (a.termEnd !== null && a.termEnd < dayOf(now)) continue;
      await this.exec(rosterStream(this.id), rosterDecider, {
        type: 'RevokeRole',
        actor: this.staff(),
        now,
        data: { initiativeId: this.id, assignmentId: a.assignmentId, reason: 'partner left' },
      });
    }
    await this.exec(initiativeStream(this.id), initiativeDecider, {
      type: 'LeaveInitiative',
      actor: this.person(partnerId, 'rep'),
      now: this.now(),
      data: { initiativeId: this.id, partnerId, reason: 'a change of strategy' },
    });
    this.members.splice(this.members.indexOf(partnerId), 1);
  }

  private async amendAgenda(): Promise<void> {
    const year = new Date(this.clock).getUTCFullYear();
    await this.exec(initiativeStream(this.id), initiativeDecider, {
      type: 'AmendAgenda',
      actor: this.officer(iso(this.clock)),
      now: this.now(),
      data: {
        initiativeId: this.id,
        commonAgenda: `Halve food insecurity and double stable housing by ${year + 4} (${this.nextId('agenda')}).`,
        reason: `annual review ${year}`,
      },
    });
  }

  // ---- meetings and decisions -----------------------------------------------------------

  private async meeting(decisions: number): Promise<void> {
    this.at(this.random.int(26, 35) * DAY, () => this.meeting(decisions));
    const heldAt = this.now();
    const attendees = new Map<string, Actor>();
    for (const voter of this.voters(heldAt)) attendees.set(voter.personId, voter);
    for (const partnerId of this.random.sample(this.members, this.random.int(2, 8))) {
      const rep = this.person(partnerId, 'rep');
      attendees.set(rep.personId, rep);
    }
    const staff = this.staff();
    attendees.set(staff.personId, staff);
    const meetingId = this.nextId('m');
    const topics = this.random.sample(TOPICS, this.random.int(2, 4));
    await this.exec(meetingStream(meetingId), meetingDecider, {
      type: 'HoldMeeting',
      actor: staff,
      now: this.now(),
      initiative: this.initiative,
      data: {
        meetingId,
        initiativeId: this.id,
        title: `Steering committee, ${dayOf(heldAt)}`,
        heldAt,
        attendees: [...attendees.values()],
        agenda: topics,
        minutes: `Discussed ${topics.join('; ')}. Actions recorded in the ledger.`,
      },
    });
    for (const decisionId of this.unlinkedDecisions.splice(0)) {
      await this.exec(meetingStream(meetingId), meetingDecider, {
        type: 'LinkDecisionToMeeting',
        actor: staff,
        now: this.now(),
        decision: this.state(decisionStream(decisionId), decisionDecider),
        initiative: this.initiative,
        data: { meetingId, decisionId },
      });
    }
    const count = this.random.int(Math.max(1, decisions - 1), decisions + 1);
    for (let i = 0; i < count; i++) await this.propose(meetingId);
    if (this.random.chance(0.3)) this.at(this.random.int(5, 20) * DAY, () => this.propose(null));
  }

  private async propose(meetingId: string | null): Promise<void> {
    const now = this.now();
    const proposer = this.officer(now);
    const decisionId = this.nextId('d');
    const aboutRules = this.random.chance(0.04);
    const proposedRules: GovernanceRules | null = aboutRules
      ? {
          quorum: this.random.pick([
            { numerator: 1, denominator: 2 },
            { numerator: 3, denominator: 5 },
            { numerator: 2, denominator: 3 },
          ]),
          defaultMethod: this.random.pick<DecisionMethod>(['simple_majority', 'consent']),
          supermajority: this.random.pick([
            { numerator: 2, denominator: 3 },
            { numerator: 3, denominator: 4 },
          ]),
        }
      : null;
    const roll = this.random.next();
    const method: DecisionMethod | null =
      roll < 0.7 ? null : roll < 0.8 ? 'consensus' : roll < 0.9 ? 'consent' : 'supermajority';
    const topic = this.random.pick(TOPICS);
    await this.exec(decisionStream(decisionId), decisionDecider, {
      type: 'ProposeDecision',
      actor: proposer,
      now,
      initiative: this.initiative,
      meeting: meetingId
        ? this.state(meetingStream(meetingId), meetingDecider)
        : meetingDecider.initialState(),
      data: {
        decisionId,
        initiativeId: this.id,
        title: aboutRules ? 'Revise the governance rules' : `Adopt ${topic}`,
        motion: aboutRules
          ? 'That the rules below replace the rules in force.'
          : `That we adopt ${topic}.`,
        rationale: 'Discussed at length by the working group.',
        method,
        meetingId,
        reviewDate: this.random.chance(0.3) ? addDays(dayOf(now), 365) : null,
        proposedRules,
      },
    });
    this.decisionCount += 1;
    this.decisionIds.push(decisionId);
    if (meetingId === null) this.unlinkedDecisions.push(decisionId);
    this.at(this.random.int(1, 3) * DAY, () => this.vote(decisionId));
    this.at(this.random.int(6, 9) * DAY, () => this.close(decisionId));
  }

  private choose(method: DecisionMethod): VoteChoice {
    const allowed = CHOICES_BY_METHOD[method];
    const roll = this.random.next();
    const dissent = allowed.find((c) => CHOICES_NEEDING_REASON.has(c) || c === 'against');
    if (roll < 0.78 || !dissent) return 'for';
    if (roll < 0.9 && allowed.includes('abstain')) return 'abstain';
    return CHOICES_NEEDING_REASON.has(dissent) && roll < 0.96 ? 'for' : dissent;
  }

  private async vote(decisionId: string): Promise<void> {
    const stream = decisionStream(decisionId);
    const start = this.state(stream, decisionDecider);
    if (start.status !== 'open') return;
    const inOffice = (personId: string, now: string) => this.votingMembers(now).includes(personId);
    for (const voter of this.voters(iso(this.clock))) {
      const roll = this.random.next();
      const now = this.now();
      if (roll < 0.08 || !inOffice(voter.personId, now)) continue; // did not take part
      if (roll < 0.11) {
        await this.exec(stream, decisionDecider, {
          type: 'DeclareConflictOfInterest',
          actor: voter,
          now,
          data: { decisionId, reason: 'my organisation would receive the funds' },
        });
        continue;
      }
      const choice = this.choose(start.method);
      const state = await this.exec(stream, decisionDecider, {
        type: 'CastVote',
        actor: voter,
        now,
        data: {
          decisionId,
          choice,
          reason: CHOICES_NEEDING_REASON.has(choice) ? 'not ready yet' : null,
        },
        roster: this.roster,
      });
      const later = this.now();
      if (this.random.chance(0.04) && state.status === 'open' && inOffice(voter.personId, later)) {
        const other = CHOICES_BY_METHOD[state.method].find(
          (c) => c !== choice && !CHOICES_NEEDING_REASON.has(c),
        )!;
        await this.exec(stream, decisionDecider, {
          type: 'ChangeVote',
          actor: voter,
          now: later,
          data: { decisionId, choice: other, reason: 'persuaded by the discussion' },
          roster: this.roster,
        });
      }
    }
  }

  private async close(decisionId: string): Promise<void> {
    const stream = decisionStream(decisionId);
    if (this.state(stream, decisionDecider).status !== 'open') return;
    const now = this.now();
    const closed = await this.exec(stream, decisionDecider, {
      type: 'CloseDecision',
      actor: this.officer(now),
      now,
      roster: this.roster,
      initiative: this.initiative,
      data: { decisionId },
    });
    if (closed.status !== 'adopted') return;
    if (closed.proposedRules !== null) {
      await this.exec(initiativeStream(this.id), initiativeDecider, {
        type: 'ApplyGovernanceRules',
        actor: this.staff(),
        now: this.now(),
        decision: toRulesDecision(closed, decisionId),
        data: { initiativeId: this.id, decisionId },
      });
    }
    const earlier = this.adoptedDecisions.filter((id) => {
      const decision: DecisionState = this.state(decisionStream(id), decisionDecider);
      return decision.status === 'adopted' && decision.supersededBy === null;
    });
    if (earlier.length > 0 && this.random.chance(0.05)) {
      const old = this.random.pick(earlier);
      await this.exec(decisionStream(old), decisionDecider, {
        type: 'SupersedeDecision',
        actor: this.officer(iso(this.clock)),
        now: this.now(),
        by: closed,
        initiative: this.initiative,
        data: { decisionId: old, byDecisionId: decisionId },
      });
    }
    this.adoptedDecisions.push(decisionId);
  }

  // ---- agreements -----------------------------------------------------------------------------

  private async draftCharter(): Promise<void> {
    await this.draft('charter', this.members.slice(0, 12), null);
  }

  private async draftAgreement(): Promise<void> {
    if (this.members.length < 2) return;
    const kind = this.random.pick<AgreementKind>(['mou', 'data_sharing', 'funding']);
    const parties = this.random.sample(this.members, this.random.int(2, 6));
    const endDate = this.random.chance(0.4)
      ? addDays(dayOf(iso(this.clock)), this.random.int(120, 720))
      : null;
    await this.draft(kind, parties, endDate);
  }

  private async draft(kind: AgreementKind, parties: string[], endDate: string | null) {
    const agreementId = this.nextId('a');
    const text = `${kind} between ${parties.join(', ')}: the parties agree to work together (${agreementId}).`;
    await this.exec(agreementStream(agreementId), agreementDecider, {
      type: 'DraftAgreement',
      actor: this.person(parties[0]!, 'rep'),
      now: this.now(),
      initiative: this.initiative,
      data: {
        agreementId,
        initiativeId: this.id,
        kind,
        title: `${kind === 'charter' ? 'Charter' : kind.toUpperCase()} ${agreementId}`,
        parties,
        text,
        textSha256: sha256(text),
        endDate,
      },
    });
    this.scheduleSignatures(agreementId);
    if (kind !== 'charter' && this.random.chance(0.1))
      this.at(this.random.int(2, 10) * DAY, () => this.amendAgreement(agreementId));
    if (kind !== 'charter' && this.random.chance(0.05))
      this.at(this.random.int(60, 400) * DAY, () => this.terminate(agreementId));
    if (endDate !== null)
      this.at(dayMs(endDate) - this.clock + this.random.int(2, 20) * DAY, () =>
        this.expire(agreementId),
      );
  }

  private scheduleSignatures(agreementId: string): void {
    const agreement = this.state(agreementStream(agreementId), agreementDecider);
    if (agreement.status === 'absent') return;
    for (const partnerId of agreement.parties)
      this.at(this.random.int(1, 25) * DAY + this.random.int(0, 600) * MINUTE, () =>
        this.sign(agreementId, partnerId, agreement.version),
      );
  }

  private live(
    agreement: AgreementState,
  ): agreement is Exclude<AgreementState, { status: 'absent' }> {
    return agreement.status === 'awaiting_signatures' || agreement.status === 'in_force';
  }

  private async sign(agreementId: string, partnerId: string, version: number): Promise<void> {
    const stream = agreementStream(agreementId);
    const agreement = this.state(stream, agreementDecider);
    const signatory = this.person(partnerId, 'sig');
    const now = this.now();
    if (!this.live(agreement) || agreement.version !== version) return;
    if (agreement.signedVersions[partnerId] === version) return;
    if (!holdsRole(this.roster, { ...signatory, role: 'signatory' }, now)) return;
    await this.exec(stream, agreementDecider, {
      type: 'SignAgreement',
      actor: signatory,
      now,
      data: { agreementId, partnerId, version },
    });
  }

  private async amendAgreement(agreementId: string): Promise<void> {
    const stream = agreementStream(agreementId);
    const agreement = this.state(stream, agreementDecider);
    if (!this.live(agreement)) return;
    const text = `Version ${agreement.version + 1} of ${agreementId}: clarified reporting duties.`;
    await this.exec(stream, agreementDecider, {
      type: 'AmendAgreement',
      actor: this.person(agreement.parties[0]!, 'rep'),
      now: this.now(),
      data: { agreementId, text, textSha256: sha256(text), reason: 'clarify reporting duties' },
    });
    this.scheduleSignatures(agreementId);
  }

  private async terminate(agreementId: string): Promise<void> {
    const stream = agreementStream(agreementId);
    const agreement = this.state(stream, agreementDecider);
    if (!this.live(agreement)) return;
    await this.exec(stream, agreementDecider, {
      type: 'TerminateAgreement',
      actor: this.person(this.random.pick(agreement.parties), 'rep'),
      now: this.now(),
      data: { agreementId, reason: 'the programme ended early' },
    });
  }

  private async expire(agreementId: string): Promise<void> {
    const stream = agreementStream(agreementId);
    const agreement = this.state(stream, agreementDecider);
    if (!this.live(agreement) || agreement.endDate === null) return;
    const now = this.now();
    if (dayOf(now) <= agreement.endDate) return;
    await this.exec(stream, agreementDecider, {
      type: 'ExpireAgreement',
      actor: this.staff(),
      now,
      data: { agreementId },
    });
  }

  // ---- commitments ------------------------------------------------------------------------------

  private async makeCommitment(): Promise<void> {
    if (this.members.length === 0) return;
    const partnerId = this.random.pick(this.members);
    const now = this.now();
    const dueDate = addDays(dayOf(now), this.random.int(45, 400));
    const commitmentId = this.nextId('c');
    await this.exec(commitmentStream(commitmentId), commitmentDecider, {
      type: 'MakeCommitment',
      actor: this.person(partnerId, 'rep'),
      now,
      initiative: this.initiative,
      data: {
        commitmentId,
        initiativeId: this.id,
        partnerId,
        description: this.random.pick(PLEDGES),
        resources: {
          money: this.random.chance(0.5)
            ? { amountMinor: String(this.random.int(5, 500) * 10_000), currency: 'USD' }
            : null,
          inKind: this.random.chance(0.3) ? this.random.pick(IN_KIND) : null,
          hours: this.random.chance(0.6) ? this.random.int(10, 400) : null,
        },
        dueDate,
      },
    });
    this.commitmentCount += 1;
    this.recentCommitments.push(commitmentId);
    if (this.recentCommitments.length > 50) this.recentCommitments.shift();

    const lifetime = dayMs(dueDate) - this.clock;
    if (this.random.chance(0.85))
      this.at(this.random.int(1, 10) * DAY, () => this.accept(commitmentId));
    if (this.random.chance(0.15))
      this.at(this.random.int(2, 20) * DAY, () => this.link(commitmentId));
    if (this.random.chance(0.08)) this.at(lifetime * 0.5, () => this.revise(commitmentId));
    const roll = this.random.next();
    const end =
      roll < 0.74
        ? Math.max(DAY, lifetime - this.random.int(0, 20) * DAY)
        : roll < 0.88
          ? lifetime + this.random.int(1, 15) * DAY
          : lifetime * (0.2 + 0.6 * this.random.next());
    const reports = this.random.int(1, 3);
    for (let i = 1; i <= reports; i++)
      this.at((end * i) / (reports + 1), () =>
        this.report(
          commitmentId,
          Math.min(95, Math.round((100 * i) / (reports + 1)) + this.random.int(-5, 5)),
        ),
      );
    this.at(end, () =>
      roll < 0.74
        ? this.fulfil(commitmentId)
        : roll < 0.88
          ? this.miss(commitmentId)
          : this.withdraw(commitmentId),
    );
  }

  private commitment(commitmentId: string): CommitmentState {
    return this.state(commitmentStream(commitmentId), commitmentDecider);
  }

  private async accept(commitmentId: string): Promise<void> {
    const c = this.commitment(commitmentId);
    const now = this.now();
    const voters = this.voters(now);
    if (!isOpen(c) || c.acceptedBy !== null || voters.length === 0) return;
    await this.exec(commitmentStream(commitmentId), commitmentDecider, {
      type: 'AcceptCommitment',
      actor: this.random.pick(voters),
      now,
      data: { commitmentId },
    });
  }

  private async link(commitmentId: string): Promise<void> {
    const c = this.commitment(commitmentId);
    if (!isOpen(c)) return;
    const indicatorId =
      this.indicatorIds.length > 0 && this.random.chance(0.7)
        ? this.random.pick(this.indicatorIds)
        : null;
    const decisionId =
      this.decisionIds.length > 0 && (indicatorId === null || this.random.chance(0.3))
        ? this.random.pick(this.decisionIds)
        : null;
    if (indicatorId === null && decisionId === null) return;
    await this.exec(commitmentStream(commitmentId), commitmentDecider, {
      type: 'LinkCommitment',
      actor: this.person(c.partnerId, 'rep'),
      now: this.now(),
      indicator: indicatorId
        ? this.state(indicatorStream(indicatorId), indicatorDecider)
        : indicatorDecider.initialState(),
      decision: { initiativeId: decisionId ? this.id : null },
      data: { commitmentId, indicatorId, decisionId },
    });
  }

  private async revise(commitmentId: string): Promise<void> {
    const c = this.commitment(commitmentId);
    if (!isOpen(c)) return;
    await this.exec(commitmentStream(commitmentId), commitmentDecider, {
      type: 'ReviseCommitment',
      actor: this.person(c.partnerId, 'rep'),
      now: this.now(),
      data: {
        commitmentId,
        dueDate: addDays(c.dueDate, this.random.int(30, 90)),
        description: null,
        reason: 'the site opens later than planned',
      },
    });
  }

  private async report(commitmentId: string, percent: number): Promise<void> {
    const c = this.commitment(commitmentId);
    if (!isOpen(c)) return;
    await this.exec(commitmentStream(commitmentId), commitmentDecider, {
      type: 'ReportProgress',
      actor: this.person(c.partnerId, 'rep'),
      now: this.now(),
      data: { commitmentId, percent: Math.max(0, percent), note: `about ${percent}% done` },
    });
  }

  private async fulfil(commitmentId: string): Promise<void> {
    const c = this.commitment(commitmentId);
    if (!isOpen(c)) return;
    await this.exec(commitmentStream(commitmentId), commitmentDecider, {
      type: 'FulfilCommitment',
      actor: this.person(c.partnerId, 'rep'),
      now: this.now(),
      data: { commitmentId, note: this.random.chance(0.5) ? 'delivered as pledged' : null },
    });
  }

  private async withdraw(commitmentId: string): Promise<void> {
    const c = this.commitment(commitmentId);
    if (!isOpen(c)) return;
    await this.exec(commitmentStream(commitmentId), commitmentDecider, {
      type: 'WithdrawCommitment',
      actor: this.person(c.partnerId, 'rep'),
      now: this.now(),
      data: { commitmentId, reason: 'funding for this work fell through' },
    });
  }

  private async miss(commitmentId: string): Promise<void> {
    const c = this.commitment(commitmentId);
    if (!isOpen(c)) return;
    const now = this.now();
    if (dayOf(now) <= c.dueDate) {
      // Revised to a later date since: the backbone looks again after the new due date.
      this.at(dayMs(c.dueDate) - this.clock + this.random.int(1, 15) * DAY, () =>
        this.miss(commitmentId),
      );
      return;
    }
    await this.exec(commitmentStream(commitmentId), commitmentDecider, {
      type: 'MissCommitment',
      actor: this.staff(this.random.int(1, 3)),
      now,
      data: { commitmentId, reason: 'not delivered by the due date' },
    });
  }

  // ---- risks ---------------------------------------------------------------------------------------

  private async identifyRisk(): Promise<void> {
    if (this.members.length === 0) return;
    const riskId = this.nextId('r');
    const owner = this.random.pick(this.members);
    await this.exec(riskStream(riskId), riskDecider, {
      type: 'IdentifyRisk',
      actor: this.person(owner, 'rep'),
      now: this.now(),
      initiative: this.initiative,
      data: {
        riskId,
        initiativeId: this.id,
        title: this.random.pick(RISKS),
        description: 'Raised at the risk review.',
        category: this.random.pick(RISK_CATEGORIES),
        likelihood: this.random.int(1, 5),
        impact: this.random.int(1, 5),
        ownerPartnerId: owner,
      },
    });
    if (this.random.chance(0.4))
      this.at(this.random.int(3, 30) * DAY, () => this.shareRisk(riskId));
    if (this.random.chance(0.5)) this.at(this.random.int(5, 40) * DAY, () => this.mitigate(riskId));
    const reassessments = this.random.int(0, 3);
    for (let i = 1; i <= reassessments; i++)
      this.at(i * this.random.int(60, 120) * DAY, () => this.riskStep(riskId, 'reassess'));
    if (this.random.chance(0.1))
      this.at(this.random.int(30, 300) * DAY, () => this.riskStep(riskId, 'materialise'));
    if (this.random.chance(0.6))
      this.at(this.random.int(200, 500) * DAY, () => this.riskStep(riskId, 'close'));
  }

  private riskActor(risk: RiskState): Actor | undefined {
    if (risk.status === 'absent' || risk.status === 'closed' || this.members.length === 0)
      return undefined;
    return this.person(this.random.pick(this.members), 'rep');
  }

  private async shareRisk(riskId: string): Promise<void> {
    const risk = this.state(riskStream(riskId), riskDecider);
    const actor = this.riskActor(risk);
    if (!actor || this.members.length < 2) return;
    const shares = percentShares(
      this.random,
      this.random.sample(this.members, this.random.int(2, 4)),
    );
    await this.exec(riskStream(riskId), riskDecider, {
      type: 'ShareRiskOwnership',
      actor,
      now: this.now(),
      initiative: this.initiative,
      data: { riskId, shares: shares.map(({ partnerId, percent }) => ({ partnerId, percent })) },
    });
  }

  private async mitigate(riskId: string): Promise<void> {
    const risk = this.state(riskStream(riskId), riskDecider);
    const actor = this.riskActor(risk);
    if (!actor) return;
    const commitmentIds = this.random.sample(this.recentCommitments, this.random.int(0, 2));
    await this.exec(riskStream(riskId), riskDecider, {
      type: 'PlanMitigation',
      actor,
      now: this.now(),
      initiative: this.initiative,
      commitments: Object.fromEntries(commitmentIds.map((id) => [id, this.id])),
      data: {
        riskId,
        mitigationId: this.nextId('mit'),
        description: 'Recruit backup volunteers and diversify funders.',
        commitmentIds,
      },
    });
  }

  private async riskStep(riskId: string, step: 'reassess' | 'materialise' | 'close') {
    const risk = this.state(riskStream(riskId), riskDecider);
    const actor = this.riskActor(risk);
    if (!actor || (step === 'materialise' && risk.status === 'materialised')) return;
    const context = { actor, now: this.now(), initiative: this.initiative };
    const stream = riskStream(riskId);
    if (step === 'reassess')
      await this.exec(stream, riskDecider, {
        type: 'ReassessRisk',
        ...context,
        data: {
          riskId,
          likelihood: this.random.int(1, 5),
          impact: this.random.int(1, 5),
          reason: 'quarterly risk review',
        },
      });
    else if (step === 'materialise')
      await this.exec(stream, riskDecider, {
        type: 'MaterialiseRisk',
        ...context,
        data: { riskId, description: 'It happened: two sites closed for a month.' },
      });
    else
      await this.exec(stream, riskDecider, {
        type: 'CloseRisk',
        ...context,
        data: { riskId, reason: 'no longer relevant' },
      });
  }

  // ---- benefit pools ------------------------------------------------------------------------------

  private async defineBenefitPool(): Promise<void> {
    if (this.members.length < 3) return;
    const poolId = this.nextId('bp');
    const funding = this.random.chance(0.7);
    const actor = this.staff();
    await this.exec(benefitPoolStream(poolId), benefitPoolDecider, {
      type: 'DefineBenefitPool',
      actor,
      now: this.now(),
      initiative: this.initiative,
      data: {
        poolId,
        initiativeId: this.id,
        name: funding ? `Shared fund ${poolId}` : `Data access ${poolId}`,
        kind: funding ? 'funding' : 'data_access',
        description: 'Shared among the partners doing the work.',
        amount: funding
          ? { amountMinor: String(this.random.int(10, 200) * 1_000_000), currency: 'USD' }
          : null,
      },
    });
    const partners = this.random.sample(this.members, this.random.int(3, 8));
    await this.exec(benefitPoolStream(poolId), benefitPoolDecider, {
      type: 'AllocateBenefitShares',
      actor,
      now: this.now(),
      initiative: this.initiative,
      data: {
        poolId,
        shares: percentShares(this.random, partners).map(({ partnerId, percent }) => ({
          partnerId,
          percent,
        })),
      },
    });
    if (funding)
      for (let q = 1; q <= this.random.int(2, 6); q++)
        this.at(q * 91 * DAY, () => this.distribute(poolId));
    if (this.random.chance(0.15))
      this.at(this.random.int(100, 300) * DAY, () => this.reallocate(poolId));
  }

  private async reallocate(poolId: string): Promise<void> {
    const pool = this.state(benefitPoolStream(poolId), benefitPoolDecider);
    if (pool.status === 'absent' || this.members.length < 3) return;
    const partners = this.random.sample(this.members, this.random.int(3, 8));
    await this.exec(benefitPoolStream(poolId), benefitPoolDecider, {
      type: 'ReallocateBenefitShares',
      actor: this.staff(),
      now: this.now(),
      initiative: this.initiative,
      data: {
        poolId,
        shares: percentShares(this.random, partners).map(({ partnerId, percent }) => ({
          partnerId,
          percent,
        })),
        reason: 'a partner took on more of the work',
      },
    });
  }

  private async distribute(poolId: string): Promise<void> {
    const pool: BenefitPoolState = this.state(benefitPoolStream(poolId), benefitPoolDecider);
    if (pool.status === 'absent' || pool.shares === null || pool.amount === null) return;
    // A total in whole multiples of 10 000 minor units makes each share exact.
    const remaining = BigInt(pool.amount.amountMinor) - BigInt(pool.distributedMinor);
    const units = Math.min(Number(remaining / 10_000n), this.random.int(10, 400) * 100);
    if (units <= 0) return;
    await this.exec(benefitPoolStream(poolId), benefitPoolDecider, {
      type: 'RecordDistribution',
      actor: this.staff(),
      now: this.now(),
      initiative: this.initiative,
      data: {
        poolId,
        distributionId: this.nextId('dist'),
        amounts: pool.shares.map((share) => ({
          partnerId: share.partnerId,
          amount: {
            amountMinor: String(units * share.basisPoints),
            currency: pool.amount!.currency,
          },
        })),
        note: 'quarterly distribution',
      },
    });
  }

  // ---- indicators --------------------------------------------------------------------------------

  private async defineIndicator(): Promise<void> {
    if (this.members.length === 0) return;
    const indicatorId = this.nextId('ind');
    const [name, unit, direction] = this.random.pick(INDICATORS);
    const steward = this.person(this.random.pick(this.members), 'data');
    const now = this.now();
    if (!holdsRole(this.roster, { personId: steward.personId, role: 'data_steward' }, now))
      await this.assign(steward, 'data_steward');
    const baseline = this.random.int(100, 1000);
    const target = direction === 'up' ? baseline * 2 : Math.round(baseline / 2);
    await this.exec(indicatorStream(indicatorId), indicatorDecider, {
      type: 'DefineIndicator',
      actor: steward,
      now: this.now(),
      initiative: this.initiative,
      data: {
        indicatorId,
        initiativeId: this.id,
        name,
        unit,
        direction,
        baseline: { value: String(baseline), date: dayOf(now) },
        target: { value: String(target), date: addDays(dayOf(now), 4 * 365) },
        dataSteward: steward,
      },
    });
    this.indicatorIds.push(indicatorId);
    this.indicatorFacts.set(indicatorId, { steward: steward.partnerId, direction });
    const measure = async (month: number, value: number) => {
      this.at(this.random.int(28, 33) * DAY, () => measure(month + 1, value));
      await this.measure(indicatorId, month, value);
    };
    this.at(30 * DAY, () => measure(1, baseline));
  }

  private async measure(indicatorId: string, month: number, baseline: number): Promise<void> {
    const indicator: IndicatorState = this.state(indicatorStream(indicatorId), indicatorDecider);
    if (indicator.status === 'absent' || this.members.length === 0) return;
    const facts = this.indicatorFacts.get(indicatorId)!;
    const steward = facts.steward;
    const source = this.isMember(steward) ? steward : this.random.pick(this.members);
    const measurementId = `${indicatorId}-${pad(month, 3)}`;
    const end = dayOf(iso(this.clock));
    const trend = 1 + (facts.direction === 'up' ? 1 : -0.5) * month * 0.02;
    const value = Math.max(0, baseline * trend + this.random.int(-20, 20)).toFixed(1);
    const actor = this.person(source, 'data');
    await this.exec(indicatorStream(indicatorId), indicatorDecider, {
      type: 'RecordMeasurement',
      actor,
      now: this.now(),
      initiative: this.initiative,
      data: {
        indicatorId,
        measurementId,
        value,
        periodStart: addDays(end, -29),
        periodEnd: end,
        sourcePartnerId: source,
        method: 'administrative records',
      },
    });
    if (this.random.chance(0.05))
      this.at(this.random.int(2, 10) * DAY, () =>
        this.exec(indicatorStream(indicatorId), indicatorDecider, {
          type: 'CorrectMeasurement',
          actor,
          now: this.now(),
          data: {
            indicatorId,
            measurementId,
            value: (Number(value) + this.random.int(1, 9)).toFixed(1),
            reason: 'late returns from one site',
          },
        }).then(() => undefined),
      );
  }
}

/**
 * Writes a realistic initiative history of about `options.events` events into `store` (SQLite
 * or PostgreSQL, through the EventStore port). Same seed, same history. The store must not hold
 * an initiative with the same id already.
 */
export function generateInitiative(
  store: EventStore,
  options: GenerateOptions,
): Promise<GenerateResult> {
  return new InitiativeSimulation(store, options).run();
}

/** Appends per transaction while generating: a commit per command was two fifths of the time. */
const APPENDS_PER_COMMIT = 2_000;

/**
 * The real SQLite event store, whose appends share one transaction per `appendsPerCommit`
 * commands: each `append` still runs in full (checks, expected revision, hash chain), as a
 * savepoint inside the open transaction, so a failed append undoes only itself.
 */
class BulkSqliteEventStore extends SqliteEventStore {
  private pending = 0;

  constructor(
    private readonly database: Database.Database,
    private readonly appendsPerCommit: number,
  ) {
    super(database);
  }

  override append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (!this.database.inTransaction) this.database.exec('BEGIN IMMEDIATE');
    const result = super.append(stream, events, expectedRevision);
    if (++this.pending >= this.appendsPerCommit) this.commit();
    return result;
  }

  commit(): void {
    if (this.database.inTransaction) this.database.exec('COMMIT');
    this.pending = 0;
  }

  override async close(): Promise<void> {
    this.commit();
    await super.close();
  }
}

/**
 * The real SQLite event store on `file`, with durability relaxed for generating a fixture only:
 * many commands' appends commit together (see BulkSqliteEventStore), and commits do not wait
 * for the disk (WAL with synchronous=NORMAL: a crash may lose the last commits but never
 * corrupts the file). Every event still goes through `append` with its expected revision.
 * Close it to commit the last appends.
 */
export function openSqliteForGeneration(
  file: string,
  appendsPerCommit = APPENDS_PER_COMMIT,
): {
  store: SqliteEventStore;
  close(): Promise<void>;
} {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  const store = new BulkSqliteEventStore(db, appendsPerCommit);
  db.pragma('synchronous = NORMAL');
  // The event id index takes random inserts: keep its pages in memory (256 MiB) at a million events.
  db.pragma('cache_size = -262144');
  return {
    store,
    close: async () => {
      await store.close();
      db.close();
    },
  };
}
