import { type NewEvent, SqliteEventStore } from '@accord/event-store';
import { SqliteReadModelDatabase } from '@accord/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogKey } from './log-key';
import { originOf, TLOG_DDL } from './log-trees';
import { TreeStore } from './tree-store';
import { verifyLedger } from './tree-verifier';

const progress = (initiativeId: string, percent: number): NewEvent => ({
  id: randomUUID(),
  type: 'ProgressReported.v1',
  data: { initiativeId, percent },
  metadata: { recordedAt: '2026-01-01T00:00:00.000Z' },
});

// The one-pass walk of `accord verify` must judge the chains exactly as store.verify() does.
describe('verifyLedger: the chains checked in the same read as the trees', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-verify-ledger-'));
    file = join(dir, 'accord.db');
    const store = new SqliteEventStore(file);
    for (let i = 0; i < 12; i += 1) {
      const stream = `commitment-i-${i % 3}`;
      await store.append(stream, [progress(`i-${i % 2}`, i)], i < 3 ? 'no_stream' : 'any');
    }
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function bothWalks() {
    const db = new Database(file);
    const store = new SqliteEventStore(db);
    const readModels = new SqliteReadModelDatabase(db);
    await readModels.migrate(TLOG_DDL);
    const key = new LogKey(Buffer.alloc(32, 3));
    const oneRead = await verifyLedger(store, new TreeStore(readModels), key, (tree) =>
      originOf('test.local', tree),
    );
    const chainsAlone = await store.verify();
    db.close();
    return { oneRead, chainsAlone };
  }

  function tamper(sql: string): void {
    const db = new Database(file);
    db.exec('DROP TRIGGER events_are_never_updated; DROP TRIGGER events_are_never_deleted');
    db.exec(sql);
    db.close();
  }

  it('an untouched ledger: every event checked, as store.verify() counts them', async () => {
    const { oneRead, chainsAlone } = await bothWalks();
    expect(oneRead.chains).toEqual({ ok: true, checked: 12 });
    expect(oneRead.chains).toEqual(chainsAlone);
    expect(oneRead.trees).toMatchObject({ events: 12, trees: 2, problems: [] });
  });

  it('an edited event: the same first mismatch and count, and the trees still read to the end', async () => {
    tamper(`UPDATE events SET data = '{"initiativeId":"i-1","percent":99}' WHERE position = 8`);
    const { oneRead, chainsAlone } = await bothWalks();
    expect(oneRead.chains).toMatchObject({
      ok: false,
      checked: 7,
      firstMismatch: { position: 8, reason: expect.stringContaining('hash mismatch') },
    });
    expect(oneRead.chains).toEqual(chainsAlone);
    expect(oneRead.trees.events).toBe(12);
  });

  it('an event deleted in the middle of a stream: the same revision gap named', async () => {
    tamper('DELETE FROM events WHERE position = 5');
    const { oneRead, chainsAlone } = await bothWalks();
    expect(oneRead.chains).toMatchObject({
      ok: false,
      checked: 6,
      firstMismatch: { position: 8, reason: 'revision 2 where 1 was expected' },
    });
    expect(oneRead.chains).toEqual(chainsAlone);
  });
});
