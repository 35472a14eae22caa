import type { ChainHead, EventStore, VerifiedPage, VerifyResult } from '@accord/event-store';
import { type ReadModelDatabase, sql } from '@accord/projections';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, LEDGER } from '../ledger/ledger.tokens';
import type { Ledger } from '../ledger/open-ledger';
import { SharedRun } from './shared-run';

/**
 * The checkpoint (in projection_checkpoints) of the last verified position of the whole log,
 * and beside it, in the same commit, the head of every stream as that walk verified it. They
 * live with the read models, so a restart resumes; the next walk checks the new events against
 * these heads, not against the stored rows before them, so an edit of a new event is caught.
 */
export const VERIFIED_POSITION = 'ledger-verification';

const HEADS_DDL = `CREATE TABLE IF NOT EXISTS ledger_verified_heads (
  stream TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  hash TEXT NOT NULL
)`;

const RECORD_HEAD = `INSERT INTO ledger_verified_heads (stream, revision, hash) VALUES (?, ?, ?)
  ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`;

/** Streams looked up per statement: well within SQLite's and PostgreSQL's parameter limits. */
const HEADS_PER_QUERY = 500;

export interface LogVerification {
  result: VerifyResult;
  /** The position an earlier walk had verified: this one checked only the events after it. */
  resumedAfter: number;
}

/**
 * Verifies the whole log incrementally, one walk at a time: callers arriving while a walk runs
 * share its result, and the walk stops (keeping what it verified) once they have all left.
 */
@Injectable()
export class LedgerVerification implements OnModuleInit {
  private readonly readModels: ReadModelDatabase;
  private running: SharedRun<LogVerification> | undefined;
  private walks = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER) ledger: Ledger,
  ) {
    this.readModels = ledger.readModels;
  }

  onModuleInit(): Promise<void> {
    return this.readModels.migrate(HEADS_DDL);
  }

  /** Walks of the log started since the app started. */
  get walksStarted(): number {
    return this.walks;
  }

  /** Callers waiting for the walk that runs now (0 when none runs). */
  get waiting(): number {
    return this.running?.callers ?? 0;
  }

  /** Verifies the events after the last verified position; `signal`: this caller left. */
  verifyLog(signal?: AbortSignal): Promise<LogVerification> {
    if (!this.running || this.running.abandoned) {
      // An abandoned walk may still be recording its last page: the next one starts after it.
      const previous = this.running?.settled.catch(() => undefined);
      const run = new SharedRun(async (walkSignal) => {
        await previous;
        return this.walk(walkSignal);
      });
      this.running = run;
      this.walks += 1;
      void run.settled
        .catch(() => undefined)
        .finally(() => {
          if (this.running === run) this.running = undefined;
        });
    }
    return this.running.join(signal);
  }

  private async walk(signal: AbortSignal): Promise<LogVerification> {
    const resumedAfter = await this.readModels.checkpoint(VERIFIED_POSITION);
    const result = await this.store.verify(undefined, {
      fromPosition: resumedAfter + 1,
      // From the start every stream begins at genesis, whatever heads a table still holds.
      ...(resumedAfter > 0 ? { headsOf: (streams) => this.headsOf(streams) } : {}),
      onVerified: (page) => this.record(page),
      signal,
    });
    return { result, resumedAfter };
  }

  private async headsOf(streams: readonly string[]): Promise<ChainHead[]> {
    const heads: ChainHead[] = [];
    for (let i = 0; i < streams.length; i += HEADS_PER_QUERY) {
      const chunk = streams.slice(i, i + HEADS_PER_QUERY);
      const rows = await this.readModels.all<ChainHead>(
        `SELECT stream, revision, hash FROM ledger_verified_heads
         WHERE stream IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      heads.push(...rows.map((row) => ({ ...row, revision: Number(row.revision) })));
    }
    return heads;
  }

  /** The page's heads and its position, in one commit (skipped if a later walk got further). */
  private async record(page: VerifiedPage): Promise<void> {
    await this.readModels.applyBatch(VERIFIED_POSITION, page.position, () => [
      {
        position: page.position,
        versioned: false,
        statements: page.heads.map((head) =>
          sql(RECORD_HEAD, head.stream, head.revision, head.hash),
        ),
      },
    ]);
  }
}
