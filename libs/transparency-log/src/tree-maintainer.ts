import type { EventStore, StoredEvent, Subscription } from '@accord/event-store';
import { type ReadModelDatabase, sql, type SqlStatement, type SqlValue } from '@accord/projections';
import {
  eventLeafHash,
  formatCheckpoint,
  frontierAddresses,
  nodeKey,
  signNote,
  TreeBuilder,
} from '@accord/transparency';
import type { LogKey } from './log-key';
import { originOf, TLOG_DDL, treeOfFirstEvent } from './log-trees';
import { TreeStore } from './tree-store';

/** Its row in projection_checkpoints is only a lock: it serialises the processes that maintain the trees. */
export const TREE_MAINTAINER = 'transparency-log';

export interface TreeMaintainerOptions {
  originHost: string;
  checkpointEveryEvents: number;
  checkpointIntervalMs: number;
  batchSize?: number;
  /**
   * Following the live log, how long to let appends gather after a batch before reading the
   * next one: one transaction then holds every event appended meanwhile, where one per append
   * cost more than the append itself (see docs/design/verifiable-ledger.md). The trees lag the
   * log by at most about this much; a waitFor ends the wait at once. 0: no wait.
   */
  gatherMs?: number;
  retryDelayMs?: number;
  onError?: (error: unknown) => void;
  now?: () => Date;
}

interface TreeState {
  builder: TreeBuilder;
  /** Size of the tree's last signed checkpoint. */
  signedSize: number;
}

/** Rows per INSERT: few statements to prepare, well under either database's parameter limit. */
const ROWS_PER_INSERT = 256;

/** `INSERT INTO <table (columns)> VALUES (…), (…)` in chunks of ROWS_PER_INSERT rows. */
function insertRows(into: string, rows: readonly SqlValue[][]): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const part = rows.slice(i, i + ROWS_PER_INSERT);
    const tuple = `(${part[0]!.map(() => '?').join(', ')})`;
    statements.push(
      sql(`INSERT INTO ${into} VALUES ${part.map(() => tuple).join(', ')}`, ...part.flat()),
    );
  }
  return statements;
}

/** See TreeMaintainerOptions.gatherMs. */
export const GATHER_MS = 20;

/** Streams whose tree is remembered in memory; beyond this the map starts afresh. */
const REMEMBERED_STREAMS = 100_000;

/**
 * Follows the global log as a projection does and appends each event to its tree: the leaf
 * (tree, index, position, event id) and the complete subtrees it completes, in one transaction
 * per batch, and a signed checkpoint whenever a tree has grown by `checkpointEveryEvents`; a
 * timer signs, every `checkpointIntervalMs`, the trees that grew less. Rows are only inserted.
 * Where it stands is read back from its tables (the highest position of a leaf), so it
 * resumes after a restart and never appends an event twice; in-memory state is only a cache,
 * dropped whenever a transaction fails (another process got there first, or an error).
 */
export class TreeMaintainer {
  readonly trees: TreeStore;
  private readonly states = new Map<string, TreeState>();
  private readonly streams = new Map<string, string>();
  private held = 0;
  private stopped = false;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private serial: Promise<unknown> = Promise.resolve();
  private waiters: { position: number; resolve: () => void }[] = [];
  private wakeRetry: (() => void) | undefined;
  private wakeGather: (() => void) | undefined;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly key: LogKey,
    private readonly options: TreeMaintainerOptions,
  ) {
    this.trees = new TreeStore(db);
  }

  /** The highest log position the trees hold. */
  get position(): number {
    return this.held;
  }

  origin(tree: string): string {
    return originOf(this.options.originHost, tree);
  }

  /** Creates the tables (once), then follows the log from where the trees stand. */
  async migrate(): Promise<void> {
    await this.db.migrate(TLOG_DDL);
  }

  async start(): Promise<void> {
    await this.migrate();
    await this.reload();
    await this.exclusive(() => this.signUnsigned());
    this.loop = this.run();
    this.timer = setInterval(() => {
      void this.exclusive(() => this.signGrown()).catch((error) => this.options.onError?.(error));
    }, this.options.checkpointIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.subscription?.close();
    this.wakeRetry?.();
    this.wakeGather?.();
    await this.loop;
    await this.serial.catch(() => undefined);
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }

  /** Resolves once the trees hold the event at `position`, or after `timeoutMs` regardless. */
  async waitFor(position: number, timeoutMs = 5_000): Promise<void> {
    // Not following the log (stopped, or opened only to read, as an export tool does): no wait.
    if (this.held >= position || this.stopped || this.loop === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    const waited = Promise.race([
      new Promise<void>((resolve) => this.waiters.push({ position, resolve })),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    // Someone needs the trees now: the events gathering since the last batch go in at once.
    this.wakeGather?.();
    await waited;
    clearTimeout(timer);
  }

  /** Signs now every tree that grew since its last checkpoint (the timer's job, on demand). */
  signNow(): Promise<void> {
    return this.exclusive(() => this.signGrown());
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 2_000;
    while (!this.stopped) {
      const subscription = this.store.subscribe({ fromPosition: this.held + 1, batchSize });
      this.subscription = subscription;
      try {
        for await (const batch of subscription) {
          await this.exclusive(() => this.append(batch));
          this.release();
          // A short batch: the trees have caught up with the log; let the next appends gather.
          // (A lone append after a quiet spell still goes in at once: only the ones after wait.)
          if (batch.length < batchSize) await this.gather();
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(error);
        await this.pause();
        await this.exclusive(() => this.reload()).catch((e) => this.options.onError?.(e));
      } finally {
        subscription.close();
      }
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.serial.then(work, work);
    this.serial = run.catch(() => undefined);
    return run;
  }

  private async reload(): Promise<void> {
    this.states.clear();
    this.streams.clear();
    this.held = await this.trees.lastPosition();
  }

  private async append(batch: readonly StoredEvent[]): Promise<void> {
    const events = batch.filter((event) => event.position > this.held);
    const last = events.at(-1);
    if (!last) return;
    const newStreams = await this.assignTrees(events);
    for (const tree of new Set(events.map((event) => this.streams.get(event.stream)!))) {
      if (!this.states.has(tree)) this.states.set(tree, await this.loadTree(tree));
    }
    let ran = false;
    const changes = () => {
      ran = true;
      return [
        {
          position: last.position,
          statements: this.statements(events, newStreams),
          versioned: false,
        },
      ];
    };
    try {
      // One transaction for the batch, committed without waiting for the disk as read models
      // are: the trees are derived from the log, which every append syncs; rows a power loss
      // drops are appended again (same leaves, same roots, so the same signed notes).
      await this.db.applyBatch(TREE_MAINTAINER, last.position, changes);
      if (!ran) {
        // The lock row is ahead of the trees' own rows (tables lost or rebuilt while it stayed):
        // where the trees stand is their rows, so append anyway and move the lock row with it.
        await this.db.swapIn(TREE_MAINTAINER, () => ({
          changes: changes(),
          statements: [],
          checkpoint: last.position,
        }));
      }
    } catch (error) {
      // Another process appended some of these events first (a unique key), or the commit failed.
      await this.reload();
      throw error;
    }
    this.held = last.position;
    if (this.streams.size > REMEMBERED_STREAMS) this.streams.clear();
  }

  /** Each event's tree: remembered, stored, or decided now (the stream's first event). */
  private async assignTrees(events: readonly StoredEvent[]): Promise<Map<string, string>> {
    const unknown = [...new Set(events.map((e) => e.stream))].filter((s) => !this.streams.has(s));
    const stored =
      unknown.length > 0 ? await this.trees.treesOfStreams(unknown) : new Map<string, string>();
    const created = new Map<string, string>();
    for (const event of events) {
      if (this.streams.has(event.stream)) continue;
      const tree = stored.get(event.stream) ?? treeOfFirstEvent(event);
      if (!stored.has(event.stream)) created.set(event.stream, tree);
      this.streams.set(event.stream, tree);
    }
    return created;
  }

  private async loadTree(tree: string): Promise<TreeState> {
    const size = await this.trees.size(tree);
    const addresses = frontierAddresses(size);
    const nodes = await this.trees.nodes(tree, addresses);
    const builder = TreeBuilder.resume(
      size,
      addresses.map(({ level, index }) => nodes.get(nodeKey(level, index)) ?? Buffer.alloc(0)),
    );
    const signed = await this.trees.lastCheckpoint(tree);
    return { builder, signedSize: signed?.size ?? 0 };
  }

  /** The batch's rows, a few multi-row INSERTs, then the checkpoints it completes. */
  private statements(
    events: readonly StoredEvent[],
    newStreams: Map<string, string>,
  ): SqlStatement[] {
    const every = this.options.checkpointEveryEvents;
    const streams: SqlValue[][] = [];
    const leaves: SqlValue[][] = [];
    const nodes: SqlValue[][] = [];
    const checkpoints: SqlStatement[] = [];
    for (const event of events) {
      const tree = this.streams.get(event.stream)!;
      const state = this.states.get(tree)!;
      if (newStreams.delete(event.stream)) streams.push([event.stream, tree]);
      leaves.push([tree, state.builder.size, event.position, event.id]);
      for (const node of state.builder.append(eventLeafHash(event))) {
        nodes.push([tree, node.level, node.index, node.hash.toString('hex')]);
      }
      if (state.builder.size - state.signedSize >= every) checkpoints.push(this.sign(tree, state));
    }
    return [
      ...insertRows('tlog_streams (stream, tree)', streams),
      ...insertRows('tlog_leaves (tree, leaf_index, position, event_id)', leaves),
      ...insertRows('tlog_nodes (tree, level, node_index, hash)', nodes),
      ...checkpoints,
    ];
  }

  /** A checkpoint of the tree as it stands; the primary key (tree, size) keeps one per size. */
  private sign(tree: string, state: TreeState): SqlStatement {
    const origin = this.origin(tree);
    const size = state.builder.size;
    const root = state.builder.root();
    const note = signNote(formatCheckpoint({ origin, size, root }), [this.key.signer(origin)]);
    state.signedSize = size;
    return sql(
      `INSERT INTO tlog_checkpoints (tree, size, root, note, signed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tree, size) DO NOTHING`,
      tree,
      size,
      root.toString('hex'),
      note,
      (this.options.now?.() ?? new Date()).toISOString(),
    );
  }

  private async signGrown(): Promise<void> {
    const grown = [...this.states].filter(([, state]) => state.builder.size > state.signedSize);
    await this.signAll(grown);
  }

  /** At start: trees whose last leaves no checkpoint covers (e.g. stopped before the timer). */
  private async signUnsigned(): Promise<void> {
    const unsigned = await this.trees.unsignedTrees();
    const states: [string, TreeState][] = [];
    for (const { tree } of unsigned) {
      const state = this.states.get(tree) ?? (await this.loadTree(tree));
      this.states.set(tree, state);
      states.push([tree, state]);
    }
    await this.signAll(states);
  }

  private async signAll(trees: readonly [string, TreeState][]): Promise<void> {
    if (trees.length === 0) return;
    try {
      await this.db.swapIn(TREE_MAINTAINER, (checkpoint) => ({
        changes: [],
        statements: trees.map(([tree, state]) => this.sign(tree, state)),
        checkpoint,
      }));
    } catch (error) {
      await this.reload();
      throw error;
    }
  }

  private release(): void {
    const ready = this.waiters.filter((waiter) => waiter.position <= this.held);
    this.waiters = this.waiters.filter((waiter) => waiter.position > this.held);
    for (const waiter of ready) waiter.resolve();
  }

  /** Waits gatherMs, or less: stopped, or a waiter wants an event the trees do not hold yet. */
  private gather(): Promise<void> {
    const ms = this.options.gatherMs ?? GATHER_MS;
    if (ms <= 0 || this.stopped || this.waiters.length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeGather = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeGather = done;
    });
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.retryDelayMs ?? 500);
      const wake = () => done();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeRetry = wake;
    });
  }
}
