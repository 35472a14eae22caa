import type { ReadStart } from './kurrentdb-positions';

export interface IndexPage {
  entries: { id: string; position: number }[];
  next: ReadStart;
  atEnd: boolean;
}

const PAGE = 5_000;

/**
 * Event id -> ledger position, for readEventById and idempotent appends. KurrentDB has no
 * index by event id, so each store keeps one in memory: it reads the log once, then only
 * what was committed since. A lookup that misses first reads the log up to its current end,
 * so "not found" means "not stored when the lookup began", whichever process appended it.
 * Positions are final, so an entry never goes stale. Memory: one map entry per event.
 */
export class EventIdIndex {
  private readonly positions = new Map<string, number>();
  private next: ReadStart = { commit: 0n, inclusive: true };
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly readPage: (from: ReadStart, limit: number) => Promise<IndexPage>) {}

  /** An event this process has just appended (and read back): known without a scan. */
  remember(id: string, position: number): void {
    this.positions.set(id, position);
  }

  async find(id: string): Promise<number | undefined> {
    return (await this.findAll([id])).get(id);
  }

  /** The positions of those ids that are stored, scanning the log at most once. */
  async findAll(ids: readonly string[]): Promise<Map<string, number>> {
    if (!ids.every((id) => this.positions.has(id))) await this.catchUp();
    const found = new Map<string, number>();
    for (const id of ids) {
      const position = this.positions.get(id);
      if (position !== undefined) found.set(id, position);
    }
    return found;
  }

  /**
   * Reads the log to its end. A scan already running may have passed events committed after
   * this call began, so a caller never joins it: it waits for it and shares the next one.
   */
  catchUp(): Promise<void> {
    if (this.queued) return this.queued;
    const previous = this.running ?? Promise.resolve();
    const scan: Promise<void> = previous
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        this.running = scan;
        return this.scan();
      })
      .finally(() => {
        if (this.running === scan) this.running = undefined;
      });
    this.queued = scan;
    return scan;
  }

  private async scan(): Promise<void> {
    for (;;) {
      const page = await this.readPage(this.next, PAGE);
      for (const entry of page.entries) this.positions.set(entry.id, entry.position);
      this.next = page.next;
      if (page.atEnd) return;
    }
  }
}
