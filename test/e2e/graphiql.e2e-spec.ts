import { ALL_PROJECTIONS } from '@accord/projections';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import request from 'supertest';
import { GRAPHIQL_EXAMPLES } from '../../apps/api/src/graphql/graphiql/graphiql-examples';
import { TestApp } from '../support/test-app';

describe('GraphiQL, served from the app itself', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  it('a browser asking for /graphql gets GraphiQL that loads only local assets', async () => {
    const res = await request(app.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('GraphiQL');
    const sources = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBe(4);
    for (const source of sources) {
      expect(source.startsWith('/')).toBe(true);
      const asset = await request(app.app.getHttpServer()).get(source);
      expect(asset.status).toBe(200);
      expect(asset.text.length).toBeGreaterThan(1000);
    }
  });

  it('opens on commented example operations that are valid against the served schema', async () => {
    const res = await request(app.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(res.text).toContain('<title>Accord');
    expect(res.text).toContain('query DecisionWithTally');
    expect(res.text).toContain('npm run --silent accord -- token --person');
    const document = parse(GRAPHIQL_EXAMPLES);
    const operations = document.definitions.map((d) => ('name' in d ? d.name?.value : undefined));
    expect(operations).toEqual([
      'MyInitiatives',
      'Accountability',
      'DecisionWithTally',
      'AccountabilityAsOf',
      'History',
    ]);
    expect(validate(app.app.get(GraphQLSchemaHost).schema, document)).toEqual([]);
  });

  it('unknown assets are 404, and paths cannot escape the list', async () => {
    await request(app.app.getHttpServer()).get('/graphiql-assets/package.json').expect(404);
    await request(app.app.getHttpServer())
      .get('/graphiql-assets/..%2F..%2Fpackage.json')
      .expect(404);
  });

  it('introspection works without a token, so GraphiQL can show the schema', async () => {
    const res = await request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __schema { mutationType { fields { name } } } }' });
    const names = res.body.data.__schema.mutationType.fields.map((f: any) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'launchInitiative',
        'amendAgenda',
        'joinInitiative',
        'leaveInitiative',
        'makeCommitment',
        'reportProgress',
        'fulfilCommitment',
        'withdrawCommitment',
      ]),
    );
  });

  it('health and readiness report the head of the log and each projection', async () => {
    const res = await request(app.app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', headPosition: expect.any(Number) });
    // Every read model the app serves, in start order (the first two are the oldest).
    expect(res.body.projections.map((p: any) => [p.name, p.state, p.lag])).toEqual(
      ALL_PROJECTIONS.map((p) => [p.name, 'running', 0]),
    );
    expect(res.body.projections.slice(0, 2).map((p: any) => p.name)).toEqual([
      'initiative-overview',
      'commitments-register',
    ]);
    const ready = await request(app.app.getHttpServer()).get('/ready').expect(200);
    expect(ready.body.status).toBe('ready');
  });
});
