import { createTestDatabase } from '@accord/event-store/testing/postgres-test-database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Ledger, openLedger } from '../../apps/api/src/ledger/open-ledger';

/** The ledger (event store and read models) as the API opens it, on every store (as ALL_STORES). */
export const LEDGER_BACKENDS: { name: string; open(): Promise<Ledger> }[] = [
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'accord-ledger-'));
      const ledger = await openLedger({ kind: 'sqlite', file: join(dir, 'accord.db') });
      return {
        ...ledger,
        close: async () => {
          await ledger.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const database = await createTestDatabase();
      const ledger = await openLedger({ kind: 'postgres', url: database.url });
      return {
        ...ledger,
        close: async () => {
          await ledger.close();
          await database.drop();
        },
      };
    },
  },
];
