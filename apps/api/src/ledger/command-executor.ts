import {
  type Actor,
  authorise,
  type CommandName,
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
import { AccordMetrics } from '../observability/metrics';
import { Clock } from './clock';
import { type CommandRow, domainCommand, type Run } from './command-table';
import { asDomainEvents } from './domain-events';
import { FoldedStreams } from './folded-streams';
import { type InitiativeSight } from './initiative-sight';
import { CommandIdReusedError, ConcurrencyConflictError } from './ledger.errors';
import { ACCORD_CONFIG, EVENT_STORE } from './ledger.tokens';
import { type Receipt } from './receipt.model';
import { StreamQueue } from './stream-queue';

type DomainEvent = { type: string; data: object };
interface Execution {
  row: CommandRow;
  run: Run;
  stream: string;
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
 * The write path of every command row: load the stream, fold, authorise, decide, append with
 * the revision it was decided on, then wait until the read models show the write.
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
    private readonly metrics: AccordMetrics,
  ) {}

  async execute(row: CommandRow, run: Run): Promise<Receipt> {
    const execution = { row, run, stream: row.stream(run.data) };
    // Appended to a log gone back behind the read models, it would get a position they passed.
    await this.projections.checkLog();
    const { commandWriteSeconds, readYourWritesSeconds } = this.metrics;
    const receipt = await this.queue.run(execution.stream, () =>
      this.metrics.time(commandWriteSeconds, () => this.write(execution)),
    );
    await this.metrics.time(readYourWritesSeconds, () =>
      this.projections.waitFor(Number(receipt.position), this.config.readYourWritesTimeoutMs),
    );
    return receipt;
  }

  private async write(execution: Execution): Promise<Receipt> {
    const { row, run, stream } = execution;
    const { envelope } = run;
    for (let attempt = 1; ; attempt++) {
      // Stream first, then the retry check: whatever this read of the stream already shows,
      // the check sees too, so a concurrent copy of this command is answered as a retry
      // instead of being decided against its own effects.
      const history = await this.store.readStream(stream);
      const current = history.length === 0 ? undefined : history[history.length - 1]!.revision;
      const state = asDomainEvents<DomainEvent>(history).reduce(
        row.decider.evolve,
        row.decider.initialState(),
      );
      const sight = this.streams.sightOf(envelope.actor, this.clock.now());
      // Nothing is answered before the actor is judged: not a retry, not a revision.
      const judged = await this.authorise(execution, state, sight);
      if (judged === 'unseen') return this.refuseAsAbsent(execution, state, sight);
      const earlier = await this.earlierResult(execution, judged);
      if (earlier) return earlier;
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== current) {
        throw new ConcurrencyConflictError(
          `${stream} is at revision ${current ?? 'none'}, not at the expected revision ${envelope.expectedRevision}`,
          { stream, expectedRevision: envelope.expectedRevision, actualRevision: current ?? null },
        );
      }
      // A command anyone may run is not about an initiative's entities: decided as recorded.
      const events = await (judged === 'anyone'
        ? this.decide(execution, state)
        : this.streams.decidingAs(sight, () => this.decide(execution, state)));
      try {
        const result = await this.store.append(
          stream,
          this.toNewEvents(events, execution),
          current ?? 'no_stream',
        );
        const stored = await this.store.readEventById(
          deterministicEventId(envelope.commandId, events.length - 1),
        );
        const last = { ...result, stream, hash: stored!.hash };
        return toReceipt(envelope.commandId, last, result.duplicate);
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

  /**
   * The answer for a command whose initiative the actor may not see, or that does not exist:
   * decided as if nothing of that initiative existed, so both read the same (the decider's
   * NOT_FOUND or *_INITIATIVE_NOT_FOUND). It never writes.
   */
  private async refuseAsAbsent(
    execution: Execution,
    state: unknown,
    sight: InitiativeSight,
  ): Promise<never> {
    const seen = await sight.asSeen(state, execution.row.decider.initialState);
    const events = await this.streams.decidingAs(sight, () => this.decide(execution, seen));
    // A decider that accepts a command about nothing would write unchecked: refuse.
    throw new Error(
      `${execution.row.type} had no subject to authorise, yet was accepted (${events.length} events)`,
    );
  }

  private async decide({ row, run }: Execution, state: unknown): Promise<DomainEvent[]> {
    const command = await domainCommand(row, run, this.streams, state);
    return row.decide
      ? row.decide({ command, state, streams: this.streams })
      : row.decider.decide(command, state);
  }

  /**
   * The one place the policy is applied to a command: the roster of its initiative as recorded
   * now decides (assignments in office today by the clock, not at the command's backdatable
   * business time, so a revoked member cannot act by dating a command before the revocation);
   * a refusal writes nothing. Where the domain also cares who held office at the business time
   * (a vote), its decider checks that too. 'unseen': the command's target or initiative does
   * not exist, or the actor holds no role in it (so may not see it): either way it is answered
   * as for one that does not exist.
   */
  private async authorise(
    { row, run }: Execution,
    state: unknown,
    sight: InitiativeSight,
  ): Promise<Subject | 'anyone' | 'unseen'> {
    const command = row.policy ?? (row.type as CommandName);
    if (permissionOf(command).who === 'anyone') return 'anyone';
    const subject = row.subject(state, run.data);
    if (subject === null || !(await sight.sees(subject.initiativeId))) return 'unseen';
    const roster = await this.streams.roster(subject.initiativeId);
    const { actor } = run.envelope;
    authorise(command, { roster, actor, at: this.clock.now().toISOString(), subject });
    return subject;
  }

  /**
   * A retried command id answers with the first result and writes nothing, once the actor was
   * authorised for it. It must name the same command on the same stream with the same input
   * (by the hash of its canonical form; events recorded before the hash was kept are taken as
   * the same); and a command anyone may run is answered as a retry only to the actor who ran
   * it. Otherwise CONFLICT, naming neither the earlier command nor its stream.
   */
  private async earlierResult(
    { row, run, stream }: Execution,
    judged: Subject | 'anyone',
  ): Promise<Receipt | undefined> {
    const { commandId, payloadHash, actor } = run.envelope;
    const first = await this.store.readEventById(deterministicEventId(commandId, 0));
    if (!first) return undefined;
    const recorded = first.metadata as {
      commandType?: unknown;
      payloadHash?: unknown;
      actor?: Actor;
    };
    const sameCommand =
      first.stream === stream &&
      recorded.commandType === row.type &&
      (judged !== 'anyone' ||
        (recorded.actor?.personId === actor.personId &&
          recorded.actor.partnerId === actor.partnerId));
    if (!sameCommand) throw new CommandIdReusedError(commandId, 'another command');
    if (typeof recorded.payloadHash === 'string' && recorded.payloadHash !== payloadHash)
      throw new CommandIdReusedError(commandId, 'another input');
    let last: StoredEvent = first;
    for (let index = 1; ; index++) {
      const next = await this.store.readEventById(deterministicEventId(commandId, index));
      if (!next) break;
      last = next;
    }
    return toReceipt(commandId, last, true);
  }

  private toNewEvents(events: readonly DomainEvent[], { row, run }: Execution): NewEvent[] {
    const { envelope } = run;
    const commandType = row.type;
    const metadata: JsonObject = {
      actor: { personId: envelope.actor.personId, partnerId: envelope.actor.partnerId },
      commandId: envelope.commandId,
      commandType,
      correlationId: envelope.correlationId,
      causationId: envelope.commandId,
      occurredAt: envelope.occurredAt,
      recordedAt: this.clock.now().toISOString(),
      schemaVersion: SCHEMA_VERSION,
      ...(envelope.payloadHash === undefined ? {} : { payloadHash: envelope.payloadHash }),
    };
    return events.map((event, index) => ({
      id: deterministicEventId(envelope.commandId, index),
      type: event.type,
      data: event.data as JsonObject,
      metadata,
    }));
  }
}

const toReceipt = (
  commandId: string,
  last: Pick<StoredEvent, 'stream' | 'revision' | 'position' | 'hash'>,
  duplicate: boolean,
): Receipt => {
  const { stream, revision, position, hash } = last;
  return { commandId, stream, revision, position: String(position), hash, duplicate };
};
