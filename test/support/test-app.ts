import 'reflect-metadata';
import type { Actor } from '@accord/domain';
import type { INestApplication } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { createApp } from '../../apps/api/src/bootstrap';
import { type AccordConfig, loadConfig } from '../../apps/api/src/config/accord-config';
import { createTestDatabase } from '@accord/event-store/testing/postgres-test-database';
import { Client } from 'pg';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export interface GraphqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions: Record<string, any> }>;
  extensions?: Record<string, any>;
}

export type StoreKind = 'sqlite' | 'postgres';
/**
 * Stores a feature suite runs on. The rules and the API do not depend on the store: the
 * deciders' specs hold the rules, and the store-sensitive suites below run on every store.
 */
export const FEATURE_STORES: StoreKind[] = ['sqlite'];
/**
 * Stores a store-sensitive suite runs on: what the store itself guarantees or serves
 * (appends and revisions, time travel, rebuild, paging and history SQL, live updates, every
 * read on each store), where SQLite passing says nothing about PostgreSQL.
 */
export const ALL_STORES: StoreKind[] = ['sqlite', 'postgres'];

export interface Storage {
  kind: StoreKind;
  dir: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

async function newStorage(kind: StoreKind): Promise<Storage> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (kind === 'sqlite') return { kind, dir, drop: () => Promise.resolve(removeDir()) };
  const database = await createTestDatabase();
  return {
    kind,
    dir,
    databaseUrl: database.url,
    drop: async () => {
      await database.drop();
      removeDir();
    },
  };
}

/** The real app on a temporary SQLite file or PostgreSQL database, driven over HTTP with supertest. */
export class TestApp {
  readonly tokens: TokenService;

  private constructor(
    readonly app: INestApplication,
    readonly config: AccordConfig,
    readonly storage: Storage,
  ) {
    this.tokens = new TokenService(config.jwt);
  }

  /** `storage`: reuse another app's storage (a restart); otherwise a fresh one of `store`'s kind. */
  static async start(
    options: {
      store?: StoreKind;
      storage?: Storage;
      env?: Record<string, string | undefined>;
    } = {},
  ): Promise<TestApp> {
    const storage = options.storage ?? (await newStorage(options.store ?? 'sqlite'));
    const config = loadConfig({
      ACCORD_DB_FILE: join(storage.dir, 'accord.db'),
      ACCORD_JWT_SECRET: TEST_SECRET,
      ...(storage.kind === 'postgres'
        ? { ACCORD_STORE: 'postgres', DATABASE_URL: storage.databaseUrl }
        : {}),
      ...options.env,
    });
    const app = await createApp(config, ['error']);
    try {
      await app.init();
    } catch (error) {
      // Start-up refused (e.g. a log behind its read models): close the ledger it opened.
      await app.close();
      throw error;
    }
    return new TestApp(app, config, storage);
  }

  async stop(options: { keepStorage?: boolean } = {}): Promise<void> {
    await this.app.close();
    if (!options.keepStorage) await this.storage.drop();
  }

  token(actor: Actor): Promise<string> {
    return this.tokens.issue(actor);
  }

  async gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    auth: Actor | string | null = { personId: 'ana', partnerId: 'city-hall' },
    headers: Record<string, string> = {},
  ): Promise<GraphqlResponse<T>> {
    const req = request(this.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json');
    if (auth !== null)
      req.set(
        'authorization',
        `Bearer ${typeof auth === 'string' ? auth : await this.token(auth)}`,
      );
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    const res = await req.send({ query, variables });
    return {
      status: res.status,
      data: res.body.data,
      errors: res.body.errors,
      extensions: res.body.extensions,
    };
  }

  /** Reads the stored events straight from the database, as an auditor would, bypassing the app. */
  async rawEvents(): Promise<RawEvent[]> {
    const rows = this.storage.kind === 'sqlite' ? this.sqliteRows() : await this.postgresRows();
    return rows.map((row) => ({
      ...row,
      position: Number(row.position),
      data: JSON.parse(row.data),
      metadata: JSON.parse(row.metadata),
    }));
  }

  async eventCount(): Promise<number> {
    return (await this.rawEvents()).length;
  }

  private sqliteRows(): any[] {
    const db = new Database(join(this.storage.dir, 'accord.db'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      return db.prepare('SELECT * FROM events ORDER BY position').all();
    } finally {
      db.close();
    }
  }

  private async postgresRows(): Promise<any[]> {
    const client = new Client({ connectionString: this.storage.databaseUrl });
    await client.connect();
    try {
      return (await client.query('SELECT * FROM events ORDER BY position')).rows;
    } finally {
      await client.end();
    }
  }
}

export interface RawEvent {
  position: number;
  stream: string;
  revision: number;
  type: string;
  data: any;
  metadata: any;
  hash: string;
}

export const CITY_HALL: Actor = { personId: 'ana', partnerId: 'city-hall' };
export const FOOD_BANK: Actor = { personId: 'bo', partnerId: 'food-bank' };
export const SCHOOLS: Actor = { personId: 'chen', partnerId: 'school-district' };
