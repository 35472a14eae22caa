import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { ApiProcess } from '../support/api-process';
import { expectNoErrors } from '../support/fixtures';
import { JOIN, LAUNCH } from '../support/operations';
import { TEST_SECRET } from '../support/test-app';

const tokens = new TokenService({
  secret: new TextEncoder().encode(TEST_SECRET),
  issuer: 'accord-local',
  audience: 'accord',
});

/** One sample's value in Prometheus text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const joinInput = (n: number) => ({
  commandId: `join-${n}`,
  initiativeId: 'ops',
  partnerId: `partner-${n}`,
  organisationName: `Partner ${n}`,
  sector: 'COMMUNITY',
});

describe('Operating the API: JSON logs, /metrics, and a graceful stop', () => {
  let dir: string;
  let api: ApiProcess;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-ops-'));
    api = await ApiProcess.start({ ACCORD_DB_FILE: join(dir, 'accord.db') });
    token = await tokens.issue({ personId: 'ana', partnerId: 'city-hall' });
  }, 120_000);

  afterAll(async () => {
    await api?.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs one JSON object per line, with the request id on the lines of a request', async () => {
    const launched = await api.gql(
      token,
      LAUNCH,
      { input: { initiativeId: 'ops', name: 'Ops', problemStatement: 'p', commonAgenda: 'a' } },
      'req-launch-ops',
    );
    expectNoErrors(launched);
    await api.waitForOutput('"requestId":"req-launch-ops"');
    const lines = api.stdout.split('\n').filter((line) => line.trim() !== '');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => typeof entry.msg === 'string')).toBe(true);
    const completed = await api.waitForOutput('"requestId":"req-launch-ops"');
    expect(JSON.parse(completed)).toMatchObject({
      requestId: 'req-launch-ops',
      msg: 'request completed',
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(api.stdout).not.toContain(token);
  });

  it('serves Prometheus metrics: operations, command outcomes, latencies, lag and head', async () => {
    const refused = await api.gql(token, JOIN, { input: { ...joinInput(0), partnerId: '' } });
    expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    const res = await request(api.url).get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(
      sample(text, 'accord_graphql_requests_total{operation="Launch",type="mutation",result="ok"}'),
    ).toBe(1);
    expect(sample(text, 'accord_commands_total{command="launchInitiative",outcome="OK"}')).toBe(1);
    expect(
      sample(text, 'accord_commands_total{command="joinInitiative",outcome="BAD_USER_INPUT"}'),
    ).toBe(1);
    expect(sample(text, 'accord_command_write_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'accord_projection_catch_up_duration_seconds_count'),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'accord_ledger_head_position')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^accord_projection_lag_events\{projection="[a-z-]+"\} 0$/m);
    expect(text).toMatch(/^accord_graphql_request_duration_seconds_bucket\{/m);
    expect(sample(text, 'accord_process_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE accord_process_nodejs_gc_duration_seconds histogram');
    expect(text).toMatch(/^accord_process_nodejs_eventloop_lag_p99_seconds \d/m);
  });

  it('on SIGTERM finishes the commands under way: every acknowledged one is stored, whole', async () => {
    let signalled = false;
    const writes = Array.from({ length: 24 }, (_, n) =>
      api.gql(token, JOIN, { input: joinInput(n + 1) }).then(
        (answer) => ({
          commandId: answer.data?.joinInitiative?.receipt?.commandId as string | undefined,
          afterSignal: signalled,
        }),
        // A request the server had not read yet when it stopped: refused or reset, never run.
        (error: { code?: string; message?: string }) => ({ lost: error.code ?? error.message }),
      ),
    );
    // The commands of one stream take turns: when the first is acknowledged, others are under way.
    await Promise.race(writes);
    signalled = true;
    const exitCode = await api.terminate();
    const answers = await Promise.all(writes);
    expect(exitCode).toBe(0);
    expect(api.stdout).toContain('"msg":"stopped"');
    for (const answer of answers)
      if ('lost' in answer) expect(['ECONNREFUSED', 'ECONNRESET']).toContain(answer.lost);
    const acknowledged = answers.flatMap((a) => ('commandId' in a && a.commandId ? [a] : []));
    // Some were acknowledged after the signal: the server finished them before it stopped.
    expect(acknowledged.some((answer) => answer.afterSignal)).toBe(true);

    const db = new Database(join(dir, 'accord.db'), { readonly: true });
    try {
      const stored = db
        .prepare(
          "SELECT json_extract(metadata, '$.commandId') AS commandId, COUNT(*) AS events FROM events GROUP BY 1",
        )
        .all() as { commandId: string; events: number }[];
      const byCommand = new Map(stored.map((row) => [row.commandId, row.events]));
      for (const { commandId } of acknowledged) expect(byCommand.get(commandId!)).toBe(1);
      for (const [commandId, events] of byCommand)
        if (commandId.startsWith('join-')) expect(events).toBe(1);
    } finally {
      db.close();
    }
  });
});
