import {
  authorise,
  type CommandName,
  type Decider,
  permissionOf,
  type Subject,
} from '@accord/domain';
import {
  deterministicEventId,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type StoredEvent,
  WrongExpectedRevisionError,
} from '@accord/event-store';
import { ProjectionRunner } from '@accord/projections';
import { Inject, Injectable } from '@nestjs/common';
import { type AccordConfig } from '../config/accord-config';
import { Clock } from './clock';
import { type CommandEnvelope } from './command-envelope';
import { asDomainEvents } from './domain-events';
import { FoldedStreams } from './folded-streams';
import { CommandIdReusedError, ConcurrencyConflictError } from './ledger.errors';
import { ACCORD_CONFIG, EVENT_STORE } from './ledger.tokens';
import { type Receipt } from './receipt.model';
import { StreamQueue } from './stream-queue';

type DomainEvent = { type: string; data: object };

/** Commands no mutation runs by itself, with the command whose permission covers them. */
const PART_OF: Record<string, CommandName> = { SeatLauncher: 'LaunchInitiative' };
type InternalCommand = 'SeatLauncher';

export interface CommandExecution<State, Event extends DomainEvent> {
  /**
   * Command name, kept in metadata: a retried command id must name the same command. It is
   * also the command's line in the policy table (POLICY), which says who may run it.
   */
  commandType: CommandName | InternalCommand;
  /**
   * What the command is about, for the policy: its initiative and the partner it concerns,
   * from the folded state or the command's data. Null when its target does not exist: then the
   * decider refuses it (e.g. COMMITMENT.NOT_FOUND), and it may write nothing.
   */
  subject(state: State): Subject | null | Promise<Subject | null>;
  stream: string;
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>;
  decide(state: State): Event[] | Promise<Event[]>;
  envelope: CommandEnvelope;
}

const SCHEMA_VERSION = 1;
/**
 * Without an explicit expectedRevision a conflict means "someone else wrote first": decide
 * again against the new state. Each round at least one contender wins, so the bound covers a
 * burst of that many concurrent commands on one stream; a random back-off spreads them out.
 */
const MAX_ATTEMPTS = 20;
const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * 2 ** attempt)));

/**
 * The write path of every use case: load the stream, fold, decide, append with the
 * revision it was decided on, then wait until the read models show the write.
 */
@Injectable()
export class CommandExecutor {
  /** Commands on one stream take turns in this process; see StreamQueue. */
  private readonly queue = new StreamQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly clock: Clock,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
    private readonly streams: FoldedStreams,
  ) {}

  async execute<State, Event extends DomainEvent>(
    execution: CommandExecution<State, Event>,
  ): Promise<Receipt> {
    const receipt = await this.queue.run(execution.stream, () => this.write(execution));
    await this.projections.waitFor(Number(receipt.position), this.config.readYourWritesTimeoutMs);
    return receipt;
  }

  private async write<State, Event extends DomainEvent>(
    execution: CommandExecution<State, Event>,
  ): Promise<Receipt> {
    const { envelope, stream } = execution;
    for (let attempt = 1; ; attempt++) {
      // Stream first, then the retry check: whatever this read of the stream already shows,
      // the check sees too, so a concurrent copy of this command is answered as a retry
      // instead of being decided against its own effects.
      const history = await this.store.readStream(stream);
      const earlier = await this.earlierResult(execution);
      if (earlier) return earlier;
      const current = history.length === 0 ? undefined : history[history.length - 1]!.revision;
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== current) {
        throw new ConcurrencyConflictError(
          `${stream} is at revision ${current ?? 'none'}, not at the expected revision ${envelope.expectedRevision}`,
          { stream, expectedRevision: envelope.expectedRevision, actualRevision: current ?? null },
        );
      }
      const state = asDomainEvents<Event>(history).reduce(
        execution.decider.evolve,
        execution.decider.initialState(),
      );
      const subject = await this.authorise(execution, state);
      const events = await execution.decide(state);
      if (subject === 'unresolved' && events.length > 0) {
        // A decider that accepts a command about nothing would write unchecked: refuse.
        throw new Error(`${execution.commandType} had no subject to authorise, yet was accepted`);
      }
      try {
        const result = await this.store.append(
          stream,
          this.toNewEvents(events, execution),
          current ?? 'no_stream',
        );
        const stored = await this.store.readEventById(
          deterministicEventId(envelope.commandId, events.length - 1),
        );
        return this.receipt(
          envelope.commandId,
          stream,
          result.revision,
          result.position,
          stored!.hash,
          result.duplicate,
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (envelope.expectedRevision !== undefined || attempt >= MAX_ATTEMPTS) {
          throw new ConcurrencyConflictError(
            `${stream} was changed by another command; reload and try again`,
            {
              stream,
              expectedRevision: envelope.expectedRevision,
              actualRevision: typeof error.actual === 'number' ? error.actual : null,
            },
          );
        }
        await backOff(attempt);
      }
    }
  }

  private policyLine(execution: CommandExecution<never, DomainEvent>): CommandName {
    return PART_OF[execution.commandType] ?? (execution.commandType as CommandName);
  }

  /**
   * The one place the policy is applied to a command: the roster of its initiative as recorded
   * now decides (assignments in office today by the clock, not at the command's backdatable
   * business time, so a revoked member cannot act by dating a command before the revocation);
   * a refusal writes nothing. Where the domain also cares who held office at the business time
   * (a vote), its decider checks that too. 'unresolved': the command's
   * target or initiative does not exist, so there is no roster to judge by and the decider
   * refuses it.
   */
  private async authorise<State>(
    execution: CommandExecution<State, DomainEvent>,
    state: State,
  ): Promise<Subject | 'anyone' | 'unresolved'> {
    const command = this.policyLine(execution as CommandExecution<never, DomainEvent>);
    if (permissionOf(command).who === 'anyone') return 'anyone';
    const subject = await execution.subject(state);
    if (subject === null) return 'unresolved';
    const roster = await this.streams.roster(subject.initiativeId);
    if (Object.keys(roster.assignments).length === 0) {
      const initiative = await this.streams.initiative(subject.initiativeId);
      if (initiative.status === 'absent') return 'unresolved';
    }
    const { actor } = execution.envelope;
    authorise(command, { roster, actor, at: this.clock.now().toISOString(), subject });
    return subject;
  }

  /** A retried command id answers with the first result and writes nothing. */
  private async earlierResult(
    execution: CommandExecution<unknown, DomainEvent>,
  ): Promise<Receipt | undefined> {
    const { commandId } = execution.envelope;
    const first = await this.store.readEventById(deterministicEventId(commandId, 0));
    if (!first) return undefined;
    const commandType = first.metadata.commandType;
    const usedFor = typeof commandType === 'string' ? commandType : 'another command';
    if (first.stream !== execution.stream || usedFor !== execution.commandType) {
      throw new CommandIdReusedError(commandId, `${usedFor} on ${first.stream}`);
    }
    let last: StoredEvent = first;
    for (let index = 1; ; index++) {
      const next = await this.store.readEventById(deterministicEventId(commandId, index));
      if (!next) break;
      last = next;
    }
    return this.receipt(commandId, last.stream, last.revision, last.position, last.hash, true);
  }

  private toNewEvents(
    events: readonly DomainEvent[],
    execution: CommandExecution<unknown, DomainEvent>,
  ): NewEvent[] {
    const { envelope, commandType } = execution;
    const metadata: JsonObject = {
      actor: { personId: envelope.actor.personId, partnerId: envelope.actor.partnerId },
      commandId: envelope.commandId,
      commandType,
      correlationId: envelope.correlationId,
      causationId: envelope.commandId,
      occurredAt: envelope.occurredAt,
      recordedAt: this.clock.now().toISOString(),
      schemaVersion: SCHEMA_VERSION,
    };
    return events.map((event, index) => ({
      id: deterministicEventId(envelope.commandId, index),
      type: event.type,
      data: event.data as JsonObject,
      metadata,
    }));
  }

  private receipt(
    commandId: string,
    stream: string,
    revision: number,
    position: number,
    hash: string,
    duplicate: boolean,
  ): Receipt {
    return { commandId, stream, revision, position: String(position), hash, duplicate };
  }
}
