/**
 * The per-person keys that seal personal fields in the events. The store lives apart from the
 * log (its own SQLite file, or its own PostgreSQL table) and, unlike the log, rows in it are
 * deleted: destroying a person's key is what erases them.
 */
export interface PersonKeyStore {
  /** The person's key, made (32 random bytes) the first time it is asked for. */
  keyFor(personId: string): Promise<Buffer>;
  /** The person's key, or undefined when there is none (never made, or destroyed). */
  find(personId: string): Promise<Buffer | undefined>;
  /** The keys that exist among these people. */
  findMany(personIds: readonly string[]): Promise<Map<string, Buffer>>;
  /**
   * Deletes the key so that its bytes are gone from the store's own files, not just unlinked
   * from a row. Returns whether there was one. Idempotent.
   */
  destroy(personId: string): Promise<boolean>;
  close(): Promise<void>;
}

export const PERSON_KEY_STORE = Symbol('PERSON_KEY_STORE');

/** Key length of AES-256. */
export const KEY_BYTES = 32;

/** The key store could not do what was asked; what failed and what to check. */
export class KeyStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

/** At most this many ids per lookup, well under every driver's limit on parameters. */
export const MAX_IDS_PER_LOOKUP = 500;

export function chunks<T>(items: readonly T[], size = MAX_IDS_PER_LOOKUP): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
