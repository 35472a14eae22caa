import { type KeyStoreConfig } from '../../config/accord-config';
import { type PersonKeyStore } from './person-key-store';
import { PostgresPersonKeyStore } from './postgres-person-key-store';
import { SqlitePersonKeyStore } from './sqlite-person-key-store';

export function openPersonKeyStore(config: KeyStoreConfig): Promise<PersonKeyStore> {
  switch (config.kind) {
    case 'sqlite':
      return Promise.resolve(SqlitePersonKeyStore.open(config.file));
    case 'postgres':
      return PostgresPersonKeyStore.connect(config.url);
  }
}
