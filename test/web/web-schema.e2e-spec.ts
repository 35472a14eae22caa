import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as generated from '../../apps/web/src/graphql/generated';
import request from 'supertest';
import { launchWithPartners } from '../support/fixtures';
import { CITY_HALL, TestApp } from '../support/test-app';

/**
 * The web app is typed against the API: its generated types must be those of the committed
 * schema, which schema.e2e-spec.ts holds to what the API serves (run `npm run web:codegen`
 * after changing either), and every
 * operation it sends must pass the API's limits (depth, cost, object count).
 */
const ROOT = join(__dirname, '..', '..');

describe('the web app is typed against the live GraphQL schema', () => {
  it('generated.ts is current with the committed schema', () => {
    const check = spawnSync(
      process.execPath,
      [
        '-r',
        join(ROOT, 'tools', 'register-ts.js'),
        join(ROOT, 'apps', 'web', 'codegen.ts'),
        '--check',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  }, 120_000);

  it('every operation of the web app runs within the limits, now and in the past', async () => {
    const app = await TestApp.start();
    try {
      await launchWithPartners(app, 'web-ops');
      // Exactly the strings the app sends: each query with the fragments it uses.
      const queries = Object.entries(generated).flatMap(([name, value]) =>
        name.endsWith('Document') && String(value).trimStart().startsWith('query')
          ? [{ operationName: name.slice(0, -'Document'.length), query: String(value) }]
          : [],
      );
      expect(queries.length).toBeGreaterThanOrEqual(6);
      const token = await app.token(CITY_HALL);
      for (const asOf of [undefined, new Date().toISOString()]) {
        for (const { operationName, query } of queries) {
          const res = await request(app.app.getHttpServer())
            .post('/graphql')
            .set('authorization', `Bearer ${token}`)
            .send({
              query,
              variables: {
                id: 'web-ops',
                initiativeId: 'web-ops',
                partnerId: 'city-hall',
                personId: 'ana',
                entityId: 'web-ops',
                timeline: 'OCCURRED',
                from: '2020-01-01T00:00:00.000Z',
                to: new Date().toISOString(),
                ...(asOf ? { asOf } : {}),
              },
            });
          // The decision, commitment and agreement pages and an indicator's earlier measurements
          // ask for entities that do not exist, and ana was never registered in the directory:
          // NOT_FOUND for those five, nothing else.
          const absent = [
            'DecisionPage',
            'CommitmentPage',
            'AgreementPage',
            'EarlierMeasurements',
            'SignedInPerson',
          ].includes(operationName);
          const problems = (res.body.errors ?? [])
            .filter((e: any) => !(absent && e.extensions.code === 'NOT_FOUND'))
            .map((e: any) => `${e.extensions.code}: ${e.message}`);
          expect({ operationName, asOf, problems }).toEqual({ operationName, asOf, problems: [] });
          if (!absent) expect(res.body.data ?? null).not.toBeNull();
        }
      }
    } finally {
      await app.stop();
    }
  }, 60_000);
});
