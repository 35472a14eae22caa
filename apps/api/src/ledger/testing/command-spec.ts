import { type Actor, type CommandName } from '@accord/domain';
import { SqliteEventStore, type StoredEvent } from '@accord/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelDatabase } from '@accord/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { areaCommands } from '../../area-commands';
import { type AccordConfig } from '../../config/accord-config';
import { AccordMetrics } from '../../observability/metrics';
import { SqlitePersonKeyStore } from '@accord/personal-data';
import { Clock } from '../clock';
import { type CommandEnvelope } from '../command-envelope';
import { CommandExecutor } from '../command-executor';
import { FoldedStreams } from '../folded-streams';
import { CommandTable, LedgerCommand, LedgerCommandHandler } from '../ledger-command';
import { payloadHash } from '../payload-hash';
import { type Receipt } from '../receipt.model';

class FixedClock extends Clock {
  constructor(public time: Date) {
    super();
  }
  now(): Date {
    return new Date(this.time);
  }
}

/** What a spec says about a command besides its name, data and actor. */
export interface When {
  commandId?: string;
  occurredAt?: string;
  expectedRevision?: number;
}

export interface Recorded {
  type: string;
  data: object;
}

/**
 * The write path of the application, without Nest: every area's command table, the generic
 * handler and the CommandExecutor over an in-memory SQLite ledger with all read models.
 * `given` records commands as a user would (each through the same path); `when` runs one more
 * and says what it recorded, or how it was refused.
 */
export class CommandSpec {
  private constructor(
    private readonly handler: LedgerCommandHandler,
    readonly store: SqliteEventStore,
    private readonly runner: ProjectionRunner,
    readonly clock: FixedClock,
    private readonly close: () => Promise<void>,
  ) {}

  static async open(now = '2026-06-01T12:00:00.000Z'): Promise<CommandSpec> {
    const db = new Database(':memory:');
    const store = new SqliteEventStore(db);
    const runner = new ProjectionRunner(new SqliteReadModelDatabase(db), store, ALL_PROJECTIONS, {
      logCheckIntervalMs: 0,
    });
    await runner.start();
    const clock = new FixedClock(new Date(now));
    const streams = new FoldedStreams(store);
    const config = { readYourWritesTimeoutMs: 10_000 } as AccordConfig;
    const executor = new CommandExecutor(
      store,
      runner,
      clock,
      config,
      streams,
      new AccordMetrics(store, runner),
    );
    const keys = SqlitePersonKeyStore.open(':memory:');
    const table = new CommandTable();
    for (const rows of areaCommands(keys)) table.add(rows);
    // The follow-ups a row declares go through the same handler, as the CommandBus would send them.
    const bus = { execute: (command: LedgerCommand) => handler.execute(command) };
    const handler = new LedgerCommandHandler(table, executor, streams, bus as never);
    return new CommandSpec(handler, store, runner, clock, async () => {
      await runner.stop();
      await keys.close();
      db.close();
    });
  }

  /** Records each command through the write path; any refusal fails the spec's set-up. */
  async given(
    ...commands: [type: CommandName, data: object, actor: Actor, when?: When][]
  ): Promise<void> {
    for (const [type, data, actor, when] of commands) await this.run(type, data, actor, when);
  }

  run(type: CommandName, data: object, actor: Actor, when: When = {}): Promise<Receipt> {
    const envelope: CommandEnvelope = {
      commandId: when.commandId ?? randomUUID(),
      correlationId: 'spec',
      actor,
      occurredAt: when.occurredAt ?? this.clock.now().toISOString(),
      expectedRevision: when.expectedRevision,
      payloadHash: payloadHash(data),
    };
    return this.handler.execute(new LedgerCommand(type, data, envelope));
  }

  /**
   * Runs the command, then: `recorded()` gives the events it appended (none for a retry), and
   * `refused()` the error it was refused with (undefined when it was not).
   */
  when(type: CommandName, data: object, actor: Actor, when: When = {}): Outcome {
    const headBefore = this.store.headPosition();
    const result = headBefore.then(() =>
      this.run(type, data, actor, when).then(
        (receipt) => ({ receipt, error: undefined }),
        (error: unknown) => ({ receipt: undefined, error: error as Error & { code?: string } }),
      ),
    );
    return new Outcome(result, async () => this.store.readAll((await headBefore) + 1, 10_000));
  }

  async stop(): Promise<void> {
    await this.close();
  }
}

export class Outcome {
  constructor(
    private readonly result: Promise<{
      receipt?: Receipt;
      error?: Error & { code?: string };
    }>,
    private readonly appended: () => Promise<StoredEvent[]>,
  ) {}

  async receipt(): Promise<Receipt> {
    const { receipt, error } = await this.result;
    if (error) throw error;
    return receipt!;
  }

  /** The events the command appended, as type and data. */
  async recorded(): Promise<Recorded[]> {
    await this.receipt();
    return (await this.appended()).map(({ type, data }) => ({ type, data }));
  }

  /** The error the command was refused with; fails when it was accepted. */
  async refused(): Promise<Error & { code?: string }> {
    const { error } = await this.result;
    if (!error) throw new Error('the command was accepted, not refused');
    const appended = await this.appended();
    if (appended.length > 0)
      throw new Error(`a refused command appended ${appended.length} events`);
    return error;
  }
}
