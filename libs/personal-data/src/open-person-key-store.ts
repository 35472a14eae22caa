import { type PersonKeyStore } from './person-key-store';
import { PostgresPersonKeyStore } from './postgres-person-key-store';
import { SqlitePersonKeyStore } from './sqlite-person-key-store';

/** Where the person keys are kept: beside the ledger, in SQLite or PostgreSQL. */
export type KeyStoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function openPersonKeyStore(config: KeyStoreConfig): Promise<PersonKeyStore> {
  switch (config.kind) {
    case 'sqlite':
      return Promise.resolve(SqlitePersonKeyStore.open(config.file));
    case 'postgres':
      return PostgresPersonKeyStore.connect(config.url);
  }
}
