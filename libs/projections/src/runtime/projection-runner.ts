import type { EventStore, StoredEvent, Subscription } from '@accord/event-store';
import type { Projection } from './projection';
import {
  type EventChange,
  ProjectionApplyError,
  type ProjectionBatch,
  type ReadModelDatabase,
} from './read-model-database';
import { createReadModel } from './deferred-indexes';
import { keepsHistory } from './temporal/temporal-catalog';
import { upgradeReadModels } from './read-model-versions';
import {
  aheadOfHead,
  checkReadModelsAgainstLog,
  type ReadModelAheadOfLogError,
} from './log-behind';

/**
 * running: following the log (its lag says how far behind); failed: its last batch failed, and
 * it retries until one succeeds; halted: the log went back behind the read models, and they
 * stopped following it (see ReadModelAheadOfLogError).
 */
export type ProjectionState = 'running' | 'failed' | 'stopped' | 'halted';

export interface ProjectionStatus {
  name: string;
  position: number;
  state: ProjectionState;
  lastError: { position: number; message: string; at: string } | null;
}

export interface ProjectionRunnerOptions {
  /**
   * Most events read and applied at once (one commit for the group). Only catching up reads
   * full batches; following the live log, a batch is what was appended since the last one.
   * 5 000: a tenth faster than 2 000 at a million events; 10 000 was a little faster still, but
   * the store's subscriptions keep their last 16 batches, so it held twice the memory.
   */
  batchSize?: number;
  /** Back-off after a failure: the n-th consecutive failure waits retryDelaysMs[min(n, len) - 1]. */
  retryDelaysMs?: readonly number[];
  onError?: (projection: string, position: number, error: unknown) => void;
  /** How often an idle runner looks whether the log went back behind the read models; 0: never. */
  logCheckIntervalMs?: number;
  /** Called once when the runner halts because the log is behind the read models. */
  onHalt?: (error: ReadModelAheadOfLogError) => void;
}

export class ProjectionTimeoutError extends Error {
  constructor(
    readonly position: number,
    readonly lagging: readonly string[],
  ) {
    super(
      `read models did not reach position ${position} in time (lagging: ${lagging.join(', ')})`,
    );
    this.name = 'ProjectionTimeoutError';
  }
}

interface Waiter {
  position: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Projections that stand at the same checkpoint follow the log together: each batch is read
 * once and applied to all of them in one commit where the database can (applyBatches). One
 * that fails has its part rolled back and leaves the group: it stops only itself and retries
 * alone, on its own subscription, with back-off, while the others go on.
 */
export class ProjectionRunner {
  private readonly statuses = new Map<string, ProjectionStatus>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly loops: Promise<void>[] = [];
  private waiters: Waiter[] = [];
  private stopped = false;
  private readonly wakeRetries = new Set<() => void>();
  /** Projections catching up from zero, and the head at which their read indexes get built. */
  private readonly readIndexesDueAt = new Map<string, number>();
  /** Projections whose changes the history triggers stamp with their position. */
  private readonly versioned: ReadonlySet<string>;
  /** Set once the log is found behind the read models: nothing is applied or waited for after. */
  private haltedBy: ReadModelAheadOfLogError | undefined;
  private logCheck: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.versioned = new Set(projections.filter(keepsHistory).map((p) => p.name));
  }

  /**
   * Creates the read models' tables and histories, and starts following the log from each
   * checkpoint. One that starts from zero with events to apply gets the indexes only readers
   * use once it has reached the head it saw here (if it stops before, its next start adds them).
   * Refuses (ReadModelAheadOfLogError) when a read model has applied events the log lacks.
   */
  async start(): Promise<void> {
    await upgradeReadModels(this.db, this.projections);
    const checkpoints = await Promise.all(
      this.projections.map(async (p) => ({
        name: p.name,
        position: await this.db.checkpoint(p.name),
      })),
    );
    await checkReadModelsAgainstLog(this.store, checkpoints);
    const head = await this.store.headPosition();
    for (const [i, projection] of this.projections.entries()) {
      const position = checkpoints[i]!.position;
      const fromZero = position === 0 && head > 0;
      await createReadModel(this.db, projection, { readIndexes: !fromZero });
      if (fromZero) this.readIndexesDueAt.set(projection.name, head);
      this.statuses.set(projection.name, {
        name: projection.name,
        position,
        state: 'running',
        lastError: null,
      });
    }
    const groups = new Map<number, Projection[]>();
    for (const projection of this.projections) {
      const at = this.statuses.get(projection.name)!.position;
      groups.set(at, [...(groups.get(at) ?? []), projection]);
    }
    for (const group of groups.values()) this.loops.push(this.runTogether(group));
    const every = this.options.logCheckIntervalMs ?? 5_000;
    if (every > 0) {
      this.logCheck = setInterval(() => void this.checkLog().catch(() => undefined), every);
      this.logCheck.unref();
    }
  }

  /** The reason the runner halted, if it did. */
  halted(): ReadModelAheadOfLogError | undefined {
    return this.haltedBy;
  }

  /**
   * Throws ReadModelAheadOfLogError, and halts, when the log's head is behind a read model:
   * events they show are gone, and what is appended now would get positions they have passed.
   * Writers call it before appending; the runner after every batch and when idle.
   */
  async checkLog(): Promise<void> {
    if (this.haltedBy) throw this.haltedBy;
    const head = await this.store.headPosition();
    const ahead = aheadOfHead(this.status(), head);
    if (ahead) {
      this.halt(ahead);
      throw ahead;
    }
  }

  status(): ProjectionStatus[] {
    return [...this.statuses.values()].map((s) => ({ ...s }));
  }

  /** Lowest position every projection has applied. */
  position(): number {
    const positions = [...this.statuses.values()].map((s) => s.position);
    return positions.length === 0 ? 0 : Math.min(...positions);
  }

  /** Resolves once every projection has applied the event at `position` (read-your-writes). */
  async waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.haltedBy) throw this.haltedBy;
    if (this.position() >= position) return;
    let timer: NodeJS.Timeout | undefined;
    const reached = new Promise<void>((resolve, reject) =>
      this.waiters.push({ position, resolve, reject }),
    );
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const lagging = this.status()
          .filter((s) => s.position < position)
          .map((s) => `${s.name}@${s.position}${s.lastError ? ` (${s.lastError.message})` : ''}`);
        reject(new ProjectionTimeoutError(position, lagging));
      }, timeoutMs);
    });
    try {
      await Promise.race([reached, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    this.stopFollowing();
    await Promise.all(this.loops);
    if (this.haltedBy) return;
    for (const status of this.statuses.values()) status.state = 'stopped';
  }

  private stopFollowing(): void {
    this.stopped = true;
    clearInterval(this.logCheck);
    for (const wake of this.wakeRetries) wake();
    for (const subscription of this.subscriptions) subscription.close();
  }

  /** Stops following the log for good, and fails every wait, with the reason. */
  private halt(error: ReadModelAheadOfLogError): void {
    if (this.haltedBy) return;
    this.haltedBy = error;
    this.stopFollowing();
    const at = new Date().toISOString();
    for (const status of this.statuses.values()) {
      status.state = 'halted';
      status.lastError = { position: status.position, message: error.message, at };
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
    this.options.onHalt?.(error);
  }

  /** Follows the log with a group of projections at one checkpoint; the ones that fail go on alone. */
  private async runTogether(projections: readonly Projection[]): Promise<void> {
    let group = projections;
    const alone: Promise<void>[] = [];
    let failures = 0;
    while (!this.stopped && group.length > 0) {
      const from = Math.min(...group.map((p) => this.statuses.get(p.name)!.position));
      const subscription = this.follow(from);
      try {
        for await (const batch of subscription) {
          const outcomes = await this.db.applyBatches(group.map((p) => this.batchOf(p, batch)));
          failures = 0;
          const failed: Projection[] = [];
          for (const [i, projection] of group.entries()) {
            const outcome = outcomes[i]!;
            if (outcome.ok) await this.applied(projection, outcome.position);
            else {
              this.failed(projection, outcome.error);
              failed.push(projection);
            }
          }
          this.releaseWaiters();
          await this.checkLog();
          if (failed.length === 0) continue;
          group = group.filter((p) => !failed.includes(p));
          alone.push(...failed.map((p) => this.run(p, 1)));
          if (group.length === 0) break;
        }
      } catch (error) {
        if (this.haltedBy) break;
        // Reading the log, or the commit as a whole, failed: none of the group moved; all retry.
        failures += 1;
        for (const projection of group) this.failed(projection, error);
        await this.backOff(failures);
      } finally {
        this.close(subscription);
      }
    }
    await Promise.all(alone);
  }

  /** Follows the log with one projection alone; after `failures` failures, it backs off first. */
  private async run(projection: Projection, failures = 0): Promise<void> {
    const status = this.statuses.get(projection.name)!;
    while (!this.stopped) {
      if (failures > 0) await this.backOff(failures);
      if (this.stopped) return;
      const subscription = this.follow(status.position);
      try {
        for await (const batch of subscription) {
          const position = await this.db.applyBatch(
            projection.name,
            batch[batch.length - 1]!.position,
            this.batchOf(projection, batch).changesAfter,
          );
          failures = 0;
          await this.applied(projection, position);
          this.releaseWaiters();
          await this.checkLog();
        }
      } catch (error) {
        if (this.haltedBy) return;
        failures += 1;
        this.failed(projection, error);
      } finally {
        this.close(subscription);
      }
    }
  }

  private follow(position: number): Subscription {
    const subscription = this.store.subscribe({
      fromPosition: position + 1,
      batchSize: this.options.batchSize ?? 5_000,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  private close(subscription: Subscription): void {
    subscription.close();
    this.subscriptions.delete(subscription);
  }

  /** Moves the projection's status on, once any read indexes it has just become due for are built. */
  private async applied(projection: Projection, position: number): Promise<void> {
    const due = this.readIndexesDueAt.get(projection.name);
    if (due !== undefined && position >= due) {
      // SQLite builds an index synchronously: let waiting requests run between read models.
      await new Promise((resolve) => setImmediate(resolve));
      await createReadModel(this.db, projection, { readIndexes: true });
      this.readIndexesDueAt.delete(projection.name);
    }
    const status = this.statuses.get(projection.name)!;
    status.position = position;
    status.state = 'running';
  }

  /** Records the failure (the event's position, the error) and reports it. */
  private failed(projection: Projection, error: unknown): void {
    const status = this.statuses.get(projection.name)!;
    const position = error instanceof ProjectionApplyError ? error.position : status.position + 1;
    const cause = error instanceof ProjectionApplyError ? error.reason : error;
    status.state = 'failed';
    status.lastError = {
      position,
      message: cause instanceof Error ? cause.message : String(cause),
      at: new Date().toISOString(),
    };
    this.options.onError?.(projection.name, position, cause);
  }

  private batchOf(projection: Projection, batch: readonly StoredEvent[]): ProjectionBatch {
    const versioned = this.versioned.has(projection.name);
    const changesAfter = (checkpoint: number): EventChange[] =>
      batch
        .filter((event) => event.position > checkpoint && projection.handles.has(event.type))
        .map((event) => {
          try {
            return { position: event.position, statements: projection.apply(event), versioned };
          } catch (error) {
            throw new ProjectionApplyError(event.position, error);
          }
        });
    return {
      projection: projection.name,
      toPosition: batch[batch.length - 1]!.position,
      changesAfter,
    };
  }

  private releaseWaiters(): void {
    const reached = this.position();
    const ready = this.waiters.filter((w) => w.position <= reached);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > reached);
    for (const waiter of ready) waiter.resolve();
  }

  private backOff(failures: number): Promise<void> {
    const delays = this.options.retryDelaysMs ?? [100, 500, 2_000, 10_000];
    const delay = delays[Math.min(failures, delays.length) - 1] ?? 1_000;
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeRetries.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, delay);
      this.wakeRetries.add(wake);
    });
  }
}
