import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import request from 'supertest';
import { QUERY_LIMITS } from '../../apps/api/src/graphql/query-limits';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { TestApp } from '../support/test-app';

describe('GraphQL hardening against hostile requests', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await launchWithPartners(app);
  });
  afterAll(() => app.stop());

  /** What was logged about one request: each a single line, no stack trace. */
  const oneLineLogsOf = (spy: jest.SpyInstance, requestId: string): string[] => {
    const lines = spy.mock.calls.map(([message]) => String(message));
    const about = lines.filter((line) => line.includes(requestId));
    for (const line of about) expect(line).not.toContain('\n');
    return about;
  };

  const rejected = (res: { errors?: Array<{ message: string }> }, pattern: RegExp) => {
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(pattern);
  };

  it(`rejects a query deeper than ${QUERY_LIMITS.maxDepth} levels, and lets GraphiQL's introspection through`, async () => {
    const deep = `{ __schema { types { fields { type ${'{ ofType '.repeat(30)}{ name }${' }'.repeat(30)} } } } }`;
    rejected(await app.gql(deep), /depth/i);
    const { getIntrospectionQuery } = await import('graphql');
    const introspection = await app.gql(getIntrospectionQuery());
    expectNoErrors(introspection);
  });

  it(`rejects more than ${QUERY_LIMITS.maxAliases} aliases`, async () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, n) => `a${n}: initiatives { totalCount }`,
    );
    rejected(await app.gql(`{ ${aliases.join(' ')} }`), /alias/i);
  });

  it(`rejects a query that would cost more than ${QUERY_LIMITS.maxCost}`, async () => {
    const node = `commitmentId description dueDate status percent overdue madeAt closedAt closingNote revision
      lastProgressNote lastProgressAt resources { inKind hours money { amount amountMinor currency } }`;
    const branch = `initiatives(first: 100) { edges { node { partners { commitments(first: 100) { edges { node { ${node} } } } } } } }`;
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases }, (_, n) => `b${n}: ${branch}`);
    rejected(await app.gql(`{ ${aliases.join(' ')} }`), /cost/i);
  });

  it(`counts page sizes given as variables or left to their default: more than ${QUERY_LIMITS.maxObjects} objects are refused before anything runs`, async () => {
    const node = 'commitmentId description dueDate status resources { hours money { amount } }';
    const branch = `initiatives(first: $n) { edges { node { partners { commitments(first: $n) { edges { node { ${node} } } } } } } }`;
    const aliases = Array.from({ length: 3 }, (_, n) => `b${n}: ${branch}`);
    const hostile = await app.gql(`query($n: Int) { ${aliases.join(' ')} }`, { n: 100 });
    rejected(hostile, /could return 151200 objects, more than 100000 \(page sizes from variables/);
    expect(hostile.data).toBeUndefined();
    // The same query with small pages costs little, and runs.
    expectNoErrors(await app.gql(`query($n: Int) { ${aliases.join(' ')} }`, { n: 2 }));
    // Defaults count too: each commitment group of the accountability view pages 20 by default.
    const groups = ['onTrack', 'overdue', 'fulfilled', 'withdrawn', 'missed']
      .map((group) => `${group} { edges { node { ${node} } } }`)
      .join(' ');
    const view = (alias: string) =>
      `${alias}: accountability(initiativeId: $initiativeId) { partners(first: $partners) { edges { node { commitments { ${groups} } } } } }`;
    const views = (count: number) =>
      `query($initiativeId: ID!, $partners: Int) { ${Array.from({ length: count }, (_, n) => view(`v${n}`)).join(' ')} }`;
    const variables = { initiativeId: 'reading-by-9', partners: 100 };
    expectNoErrors(await app.gql(views(1), variables));
    rejected(await app.gql(views(2), variables), /could return 100802 objects, more than 100000/);
  });

  it(`rejects a query of more than ${QUERY_LIMITS.maxTokens} tokens as a refused query with the request id, logged in one line`, async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const res = await app.gql(
        `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens + 10)} }`,
        {},
        undefined,
        { 'x-request-id': 'req-tokens' },
      );
      rejected(res, /token limit of 3000/i);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        requestId: 'req-tokens',
      });
      expect(oneLineLogsOf(warn, 'req-tokens')).toEqual([
        'request req-tokens: refused GRAPHQL_VALIDATION_FAILED: Syntax Error: Token limit of 3000 exceeded.',
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('rejects batched operations', async () => {
    const token = await app.token({ personId: 'ana', partnerId: 'city-hall' });
    const res = await request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send([
        { query: '{ initiatives { totalCount } }' },
        { query: '{ initiatives { totalCount } }' },
      ]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body ?? res.text)).not.toContain('totalCount":');
  });

  it('rejects a request body over the size limit as a GraphQL error with the request id, logged in one line', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const res = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-request-id', 'req-big')
        .send({
          query: '{ initiatives { totalCount } }',
          variables: { padding: 'x'.repeat(300 * 1024) },
        });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        errors: [
          {
            message: 'the request body is larger than the limit of 262144 bytes',
            extensions: { code: 'REQUEST_TOO_LARGE', requestId: 'req-big' },
          },
        ],
      });
      expect(oneLineLogsOf(warn, 'req-big')).toEqual([
        'request req-big: refused REQUEST_TOO_LARGE: the request body is larger than the limit of 262144 bytes',
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('masks an internal error: the client gets the request id, never the SQL or a stack trace', async () => {
    const db = new Database(join(app.storage.dir, 'accord.db'));
    db.exec('ALTER TABLE rm_initiatives RENAME TO rm_initiatives_gone');
    db.close();
    try {
      const res = await app.gql('{ initiative(id: "reading-by-9") { name } }', {}, undefined, {
        'x-request-id': 'req-42',
      });
      expect(res.errors?.[0]?.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: 'req-42',
      });
      expect(res.errors?.[0]?.message).toBe('internal error (request req-42)');
      expect(JSON.stringify(res)).not.toMatch(/rm_initiatives|SQLITE|no such table|at .*\.ts/i);
    } finally {
      const restore = new Database(join(app.storage.dir, 'accord.db'));
      restore.exec('ALTER TABLE rm_initiatives_gone RENAME TO rm_initiatives');
      restore.close();
    }
  });
});
