import type { EventStore } from '@accord/event-store';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Projection } from '../projection';
import type {
  EventChange,
  ProjectionBatch,
  ReadModelDatabase,
  SqlValue,
  SwapPlan,
} from '../read-model-database';
import { PositionView, type ReadView, ScratchView, TemporalCatalog } from './read-views';

/**
 * A moment to read the read models at:
 * - `atPosition`: after the event at that position of the log;
 * - `knownAt`: as the ledger had recorded it then (events recorded by then, nothing later);
 * - `asOf`: as things stood at that business time, as the ledger knows it now: every event
 *   that occurred by then, backdated ones recorded later included, in log order.
 */
export type ReadPoint = { atPosition: number } | { knownAt: string } | { asOf: string };

export class ReadPointError extends Error {
  constructor(
    readonly field: 'atPosition' | 'knownAt' | 'asOf',
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadPointError';
  }
}

/** Times compare as text in the form events carry them (ISO 8601, UTC, milliseconds). */
const canonicalTime = (field: 'knownAt' | 'asOf', value: string): string => {
  const time = new Date(value);
  if (Number.isNaN(time.getTime()))
    throw new ReadPointError(field, 'isDateTime', `${field} must be an ISO 8601 date-time`);
  return time.toISOString();
};

/**
 * Answers reads at a past moment from the read models' history tables (no replay from the
 * log), and routes each read of a request to the moment that request asked for.
 */
export class TimeTravel {
  private readonly requests = new AsyncLocalStorage<{ view?: ReadView; at?: Date }>();
  private catalog: Promise<TemporalCatalog> | undefined;
  /** The database readers are given: the view of the current request, or the live tables. */
  readonly database: ReadModelDatabase;

  constructor(
    private readonly live: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
  ) {
    this.database = routed(live, () => this.requests.getStore()?.view);
  }

  /** Runs `work` (a whole request) with its own read point, live until `enter` sets one. */
  run<T>(work: () => T): T {
    return this.requests.run({}, work);
  }

  /** Makes the current request read at `view` (whose moment is `at`); false outside `run`. */
  enter(view: ReadView, at: Date): boolean {
    const request = this.requests.getStore();
    if (!request) return false;
    request.view = view;
    request.at = at;
    return true;
  }

  /** The moment the current request reads at, if it travels: what "today" means for it. */
  currentMoment(): Date | undefined {
    return this.requests.getStore()?.at;
  }

  leave(): void {
    const request = this.requests.getStore();
    request?.view?.close();
    if (request) {
      delete request.view;
      delete request.at;
    }
  }

  /** The business time a point stands for: asOf or knownAt itself, or when that event occurred. */
  async momentOf(point: ReadPoint): Promise<Date> {
    if ('asOf' in point) return new Date(canonicalTime('asOf', point.asOf));
    if ('knownAt' in point) return new Date(canonicalTime('knownAt', point.knownAt));
    const row = await this.live.get<{ occurred_at: string }>(
      'SELECT occurred_at FROM rm_journal WHERE position <= ? ORDER BY position DESC LIMIT 1',
      [point.atPosition],
    );
    return row ? new Date(row.occurred_at) : new Date(0);
  }

  async view(point: ReadPoint): Promise<ReadView> {
    const catalog = await (this.catalog ??= TemporalCatalog.load(this.live, this.projections));
    if ('atPosition' in point) {
      const head = await this.store.headPosition();
      if (!Number.isSafeInteger(point.atPosition) || point.atPosition < 0)
        throw new ReadPointError('atPosition', 'min', 'atPosition must be a whole number >= 0');
      if (point.atPosition > head)
        throw new ReadPointError(
          'atPosition',
          'notAfterHead',
          `atPosition must not be after the last event of the ledger (${head})`,
        );
      return new PositionView(this.live, catalog, point.atPosition);
    }
    if ('knownAt' in point) {
      const knownAt = canonicalTime('knownAt', point.knownAt);
      return new PositionView(this.live, catalog, await this.lastPosition('recorded', knownAt));
    }
    const asOf = canonicalTime('asOf', point.asOf);
    const position = await this.lastPosition('occurred', asOf);
    const backdated = await this.live.all<{ position: number }>(
      `SELECT position FROM rm_journal
       WHERE occurred_at < occurred_high_water AND position > ? AND occurred_at <= ?
       ORDER BY position`,
      [position, asOf],
    );
    return backdated.length === 0
      ? new PositionView(this.live, catalog, position)
      : new ScratchView(
          this.live,
          this.store,
          catalog,
          position,
          backdated.map((row) => Number(row.position)),
        );
  }

  /** The last position up to which every event occurred (or was recorded) by `time`. */
  private async lastPosition(time: 'occurred' | 'recorded', at: string): Promise<number> {
    const row = await this.live.get<{ position: number }>(
      `SELECT position FROM rm_journal WHERE ${time}_high_water <= ?
       ORDER BY ${time}_high_water DESC, position DESC LIMIT 1`,
      [at],
    );
    return row ? Number(row.position) : 0;
  }
}

function routed(live: ReadModelDatabase, current: () => ReadView | undefined): ReadModelDatabase {
  return {
    dialect: live.dialect,
    migrate: (ddl: string) => live.migrate(ddl),
    applyBatch: (
      projection: string,
      toPosition: number,
      changesAfter: (checkpoint: number) => readonly EventChange[],
    ) => live.applyBatch(projection, toPosition, changesAfter),
    applyBatches: (batches: readonly ProjectionBatch[]) => live.applyBatches(batches),
    checkpoint: (projection: string) => live.checkpoint(projection),
    swapIn: (projection: string, build: (checkpoint: number) => SwapPlan | undefined) =>
      live.swapIn(projection, build),
    all: <Row>(text: string, params?: readonly SqlValue[]) =>
      (current() ?? live).all<Row>(text, params),
    get: <Row>(text: string, params?: readonly SqlValue[]) =>
      (current() ?? live).get<Row>(text, params),
    close: () => live.close(),
  };
}
