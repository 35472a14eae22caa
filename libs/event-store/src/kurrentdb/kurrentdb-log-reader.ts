import { isLedgerRecord } from './kurrentdb-events';
import type { KurrentLog, LogRecord, LogStart } from './kurrentdb-log';
import type { ReadStart } from './kurrentdb-positions';

export interface LedgerPage {
  /** Ledger records only, in commit order. */
  records: LogRecord[];
  /** Where the next page starts: after the last record this page looked at (ledger or not). */
  next: ReadStart;
  /** True when the page reached the end of the log. */
  atEnd: boolean;
}

const fromOf = (commit: bigint): LogStart => (commit === 0n ? 'start' : commit);

/**
 * Up to `limit` ledger records from `start`, skipping KurrentDB's own records. The server
 * can only start a read at a record, so "after the record at c" is a read from c that drops
 * it. Skipped records still count as read: a page of system records never stalls a reader.
 */
export async function readLedgerForward(
  log: KurrentLog,
  start: ReadStart,
  limit: number,
): Promise<LedgerPage> {
  const records: LogRecord[] = [];
  let cursor = start;
  for (;;) {
    const ask = limit - records.length + (cursor.inclusive ? 0 : 1);
    const raw = await log.readAll(fromOf(cursor.commit), ask, 'forwards');
    const from = cursor;
    const fresh = raw.filter((r) =>
      from.inclusive ? r.commit >= from.commit : r.commit > from.commit,
    );
    for (const record of fresh) {
      cursor = { commit: record.commit, inclusive: false };
      if (isLedgerRecord(record)) {
        records.push(record);
        if (records.length === limit) return { records, next: cursor, atEnd: false };
      }
    }
    if (raw.length < ask) return { records, next: cursor, atEnd: true };
    if (cursor === from)
      throw new Error(`KurrentDB returned no record after commit position ${from.commit}`);
  }
}

/** The last ledger record of the log, looking back past KurrentDB's own records. */
export async function lastLedgerRecord(
  log: KurrentLog,
  pageSize = 100,
): Promise<LogRecord | undefined> {
  let before: bigint | undefined;
  for (;;) {
    const raw = await log.readAll(before ?? 'end', pageSize, 'backwards');
    const limit = before;
    const fresh = limit === undefined ? raw : raw.filter((r) => r.commit < limit);
    const found = fresh.find(isLedgerRecord);
    if (found) return found;
    if (raw.length < pageSize) return undefined;
    if (fresh.length === 0)
      throw new Error(`KurrentDB returned no record before commit position ${limit}`);
    before = fresh[fresh.length - 1]!.commit;
  }
}
