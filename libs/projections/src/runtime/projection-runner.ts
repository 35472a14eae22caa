import type { EventStore, StoredEvent, Subscription } from '@accord/event-store';
import type { Projection } from './projection';
import {
  type EventChange,
  ProjectionApplyError,
  type ReadModelDatabase,
} from './read-model-database';
import { ensureHistory, upgradeReadModels } from './temporal/temporal-catalog';

/** running: following the log (its lag says how far behind); failed: its last batch failed, and it retries until one succeeds. */
export type ProjectionState = 'running' | 'failed' | 'stopped';

export interface ProjectionStatus {
  name: string;
  position: number;
  state: ProjectionState;
  lastError: { position: number; message: string; at: string } | null;
}

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** Back-off after a failure: the n-th consecutive failure waits retryDelaysMs[min(n, len) - 1]. */
  retryDelaysMs?: readonly number[];
  onError?: (projection: string, position: number, error: unknown) => void;
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
}

/**
 * Runs each projection on its own catch-up subscription, so one that fails stops only
 * itself (and retries with back-off) while the others go on.
 */
export class ProjectionRunner {
  private readonly statuses = new Map<string, ProjectionStatus>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly loops: Promise<void>[] = [];
  private waiters: Waiter[] = [];
  private stopped = false;
  private wakeRetry = (): void => undefined;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  /** Creates the read models' tables and histories, and starts following the log from each checkpoint. */
  async start(): Promise<void> {
    await upgradeReadModels(this.db, this.projections);
    for (const projection of this.projections) {
      await this.db.migrate(projection.schema);
      await ensureHistory(this.db, projection);
      this.statuses.set(projection.name, {
        name: projection.name,
        position: await this.db.checkpoint(projection.name),
        state: 'running',
        lastError: null,
      });
    }
    for (const projection of this.projections) this.loops.push(this.run(projection));
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
    if (this.position() >= position) return;
    let timer: NodeJS.Timeout | undefined;
    const reached = new Promise<void>((resolve) => this.waiters.push({ position, resolve }));
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
    this.stopped = true;
    this.wakeRetry();
    for (const subscription of this.subscriptions.values()) subscription.close();
    await Promise.all(this.loops);
    for (const status of this.statuses.values()) status.state = 'stopped';
  }

  private async run(projection: Projection): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const status = this.statuses.get(projection.name)!;
      const subscription = this.store.subscribe({
        fromPosition: status.position + 1,
        batchSize: this.options.batchSize ?? 2_000,
      });
      this.subscriptions.set(projection.name, subscription);
      try {
        for await (const batch of subscription) {
          status.position = await this.applyBatch(projection, batch);
          failures = 0;
          status.state = 'running';
          this.releaseWaiters();
        }
      } catch (error) {
        failures += 1;
        const position =
          error instanceof ProjectionApplyError ? error.position : status.position + 1;
        const cause = error instanceof ProjectionApplyError ? error.reason : error;
        status.state = 'failed';
        status.lastError = {
          position,
          message: cause instanceof Error ? cause.message : String(cause),
          at: new Date().toISOString(),
        };
        this.options.onError?.(projection.name, position, cause);
        await this.backOff(failures);
      } finally {
        subscription.close();
        this.subscriptions.delete(projection.name);
      }
    }
  }

  private applyBatch(projection: Projection, batch: readonly StoredEvent[]): Promise<number> {
    const changesAfter = (checkpoint: number): EventChange[] =>
      batch
        .filter((event) => event.position > checkpoint && projection.handles.has(event.type))
        .map((event) => {
          try {
            return { position: event.position, statements: projection.apply(event) };
          } catch (error) {
            throw new ProjectionApplyError(event.position, error);
          }
        });
    return this.db.applyBatch(projection.name, batch[batch.length - 1]!.position, changesAfter);
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
      const timer = setTimeout(resolve, delay);
      this.wakeRetry = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
