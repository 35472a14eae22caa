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

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export interface GraphqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions: Record<string, any> }>;
}

/** The real app on a temporary SQLite file, driven over HTTP with supertest. */
export class TestApp {
  readonly tokens: TokenService;

  private constructor(
    readonly app: INestApplication,
    readonly config: AccordConfig,
    readonly dir: string,
    private readonly ownsDir: boolean,
  ) {
    this.tokens = new TokenService(config.jwt);
  }

  static async start(
    options: { dir?: string; env?: Record<string, string | undefined> } = {},
  ): Promise<TestApp> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'accord-e2e-'));
    const config = loadConfig({
      ACCORD_DB_FILE: join(dir, 'accord.db'),
      ACCORD_JWT_SECRET: TEST_SECRET,
      ...options.env,
    });
    const app = await createApp(config, ['error']);
    await app.init();
    return new TestApp(app, config, dir, options.dir === undefined);
  }

  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    await this.app.close();
    if (this.ownsDir && !options.keepFiles) rmSync(this.dir, { recursive: true, force: true });
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
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }

  /** Reads the SQLite file directly, as an auditor would, bypassing the app. */
  rawEvents(): Array<{
    position: number;
    stream: string;
    revision: number;
    type: string;
    data: any;
    metadata: any;
    hash: string;
  }> {
    const db = new Database(this.config.databaseFile, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT * FROM events ORDER BY position').all() as any[]).map((row) => ({
        ...row,
        data: JSON.parse(row.data),
        metadata: JSON.parse(row.metadata),
      }));
    } finally {
      db.close();
    }
  }

  eventCount(): number {
    return this.rawEvents().length;
  }
}

export const CITY_HALL: Actor = { personId: 'ana', partnerId: 'city-hall' };
export const FOOD_BANK: Actor = { personId: 'bo', partnerId: 'food-bank' };
export const SCHOOLS: Actor = { personId: 'chen', partnerId: 'school-district' };
