import 'reflect-metadata';
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenService } from '../apps/api/src/auth/token.service';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/config/accord-config';
import { type BenchmarkOptions, type Figure, percentile, summarise } from './harness';

const SECRET = 'bench-secret-that-is-long-enough-for-hs256!';
const TRIVIAL = '{ initiatives(first: 1) { totalCount } }';
/** No commandId and no commitmentId: each request is a new command making a new commitment. */
const MAKE = `mutation($input: MakeCommitmentInput!) {
  makeCommitment(input: $input) { receipt { position } commitment { commitmentId status } }
}`;
export const CONCURRENCY = [1, 16, 64] as const;

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

interface Run {
  throughput: number;
  p50: number;
  p99: number;
}

/**
 * The full command path over HTTP: a GraphQL mutation answered once it is stored and projected
 * (read-your-writes), with 1, 16 and 64 concurrent clients, against the same app serving a
 * trivial query with as many clients in the same run.
 */
export async function httpBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-http-'));
  const config = loadConfig({ ACCORD_DB_FILE: join(dir, 'accord.db'), ACCORD_JWT_SECRET: SECRET });
  const app = await createApp(config, ['error']);
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/graphql`;
    const token = await new TokenService(config.jwt).issue({
      personId: 'bo',
      partnerId: 'food-bank',
    });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`http: ${JSON.stringify(body.errors)}`);
    };
    await post(
      'mutation($input: LaunchInitiativeInput!) { launchInitiative(input: $input) { receipt { position } } }',
      { input: { initiativeId: 'bench', name: 'n', problemStatement: 'p', commonAgenda: 'a' } },
    );
    await post(
      'mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { receipt { position } } }',
      {
        input: {
          initiativeId: 'bench',
          partnerId: 'food-bank',
          organisationName: 'Food Bank',
          sector: 'NONPROFIT',
        },
      },
    );
    // Bo launched it (so is its backbone staff) and makes himself the food bank's representative,
    // whom the policy lets make its commitments.
    await post(
      'mutation($input: AssignRoleInput!) { assignRole(input: $input) { receipt { position } } }',
      {
        input: {
          initiativeId: 'bench',
          personId: 'bo',
          partnerId: 'food-bank',
          role: 'PARTNER_REPRESENTATIVE',
          termStart: '2020-01-01',
        },
      },
    );
    const dueDate = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    const bodies = {
      trivial: JSON.stringify({ query: TRIVIAL }),
      command: JSON.stringify({
        query: MAKE,
        variables: {
          input: { initiativeId: 'bench', partnerId: 'food-bank', description: 'd', dueDate },
        },
      }),
    };
    // Full runs load for whole seconds; the smoke run sends a fixed number of requests, so a
    // busy machine still gets answers to measure instead of an empty one-second window.
    const seconds = Math.max(1, Math.round(options.scale / 400));
    const smoke = options.scale < 400;

    const load = async (body: string, connections: number): Promise<Run> => {
      // autocannon's own percentiles come from a histogram of whole milliseconds, where a quick
      // answer reads as 0 ms; each response's own time (from hrtime) keeps the fraction.
      const latencies: number[] = [];
      const started = process.hrtime.bigint();
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url,
            method: 'POST',
            headers,
            body,
            connections,
            // A smoke run on a busy machine (the test suite) may answer slowly; it must not fail.
            // One request per client: each level of concurrency, once.
            ...(smoke ? { amount: connections, timeout: 120 } : { duration: seconds }),
          },
          (error: unknown, done) => (error ? reject(asError(error)) : resolve(done)),
        );
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        });
      });
      const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      if (result.errors > 0 || result.non2xx > 0) {
        throw new Error(`http: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
      }
      return {
        throughput: result.requests.total / elapsed,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      };
    };

    const figures: Figure[] = [];
    for (const connections of CONCURRENCY) {
      const measured = { trivial: [] as Run[], command: [] as Run[] };
      if (!options.smoke)
        for (const kind of ['trivial', 'command'] as const) await load(bodies[kind], connections);
      for (let run = 0; run < options.runs; run++) {
        for (const kind of ['trivial', 'command'] as const)
          measured[kind].push(await load(bodies[kind], connections));
      }
      const benchmark = 'HTTP command path (GraphQL over HTTP, SQLite)';
      const clients = `${connections} client${connections === 1 ? '' : 's'}`;
      const of = (kind: 'trivial' | 'command', pick: (r: Run) => number) =>
        summarise(measured[kind].map(pick));
      const subject = {
        trivial: 'trivial query',
        command: 'makeCommitment, acknowledged and projected',
      };
      const base = (
        metric: string,
        unit: string,
        better: Figure['better'],
        pick: (r: Run) => number,
      ) => {
        const trivial: Figure = {
          benchmark,
          subject: `${subject.trivial}, ${clients}, ${metric}`,
          unit,
          better,
          sample: of('trivial', pick),
        };
        const command: Figure = {
          benchmark,
          subject: `${subject.command}, ${clients}, ${metric}`,
          unit,
          better,
          sample: of('command', pick),
          baseline: trivial.subject,
          ratio: of('command', pick).median / trivial.sample.median,
        };
        return [trivial, command];
      };
      figures.push(
        ...base('throughput', 'req/s', 'higher', (r) => r.throughput),
        ...base('p50', 'ms', 'lower', (r) => r.p50),
        ...base('p99', 'ms', 'lower', (r) => r.p99),
      );
    }
    return figures;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
