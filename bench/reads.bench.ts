import 'reflect-metadata';
import { dayOf } from '@accord/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenService } from '../apps/api/src/auth/token.service';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/config/accord-config';
import { cachedLedger, copyLedger } from './generator/ledger-cache';
import { type BenchmarkOptions, type Figure, summarise } from './harness';

const SECRET = 'bench-secret-that-is-long-enough-for-hs256!';

/**
 * The worked example's accountability view (docs/worked-example.md): a page of partners, each
 * with the first page of each group of its commitments (the default 20), its roles, risks, shares and agreements. The page size is
 * a variable: the cost limit multiplies a literal `first` into the cost of what it pages.
 */
export const ACCOUNTABILITY = `query($initiativeId: ID!, $on: LocalDate, $partners: Int) {
  accountability(initiativeId: $initiativeId, on: $on) {
    initiativeId on
    partners(first: $partners) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node {
        partner { partnerId organisationName status }
        commitments {
          total
          onTrack { totalCount edges { node { commitmentId } } }
          overdue { totalCount edges { node { commitmentId dueDate overdue } } }
          fulfilled { totalCount edges { node { commitmentId } } }
          withdrawn { totalCount edges { node { commitmentId } } }
          missed { totalCount edges { node { commitmentId } } }
        }
        roles { role personId }
        agreements { signed { agreementId } pending { agreementId } }
        risks { totalCount edges { node { risk { riskId exposure } owner sharePercent } } }
        benefitShares {
          totalCount edges { node { pool { poolId name } sharePercent distributed { amount currency } } }
        }
      } }
    }
  }
}`;

/** Partners on a page of the view: the largest page the API gives. */
export const ACCOUNTABILITY_PAGE = 100;

/** Progress notes on stderr for `npm run bench`; quiet inside jest's smoke run. */
const note = (line: string) => {
  if (process.env.JEST_WORKER_ID === undefined) console.error(line);
};

const TRIVIAL = '{ initiatives(first: 1) { totalCount } }';
const PROJECTIONS = '{ projections { name lag state } }';

/**
 * The sizes issue 7 names at the full scale (2 000): 200 partners, about 10 000 commitments
 * (the commitments are about three quarters of the events of a generated history).
 */
export function readsSizes(scale: number) {
  const share = scale / 2_000;
  return {
    partners: Math.max(6, Math.round(200 * share)),
    commitments: Math.max(40, Math.round(10_000 * share)),
    events: Math.max(600, Math.round(65_000 * share)),
    // At full size one view takes seconds to build: 20 requests a run keeps the run in minutes.
    requests: Math.max(10, Math.round(scale / 100)),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The accountability view of a generated initiative, over HTTP against the real app, as p50 and
 * p99 latency, each compared with a trivial GraphQL query served by the same app in the same run.
 */
export async function readsBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const sizes = readsSizes(options.scale);
  const dir = mkdtempSync(join(tmpdir(), 'accord-reads-'));
  try {
    const file = join(dir, 'accord.db');
    const ledger = await cachedLedger(
      {
        events: sizes.events,
        partners: sizes.partners,
        commitments: sizes.commitments,
        seed: 7,
      },
      note,
    );
    copyLedger(ledger, file);
    const generated = ledger.result;
    note(
      `reads: ${ledger.fromCache ? 'cached' : 'generated'} ledger of ${generated.events} events (${generated.partners} partners, ${generated.commitments} commitments)`,
    );

    const config = loadConfig({ ACCORD_DB_FILE: file, ACCORD_JWT_SECRET: SECRET });
    const app = await createApp(config, ['error']);
    try {
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      const token = await new TokenService(config.jwt).issue({
        personId: `${generated.initiativeId}-p000.staff1`,
        partnerId: `${generated.initiativeId}-p000`,
      });
      const post = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: any; errors?: unknown[] };
        if (!response.ok || body.errors)
          throw new Error(`reads: ${response.status} ${JSON.stringify(body.errors)}`);
        return body.data;
      };

      const caughtUp = process.hrtime.bigint();
      for (;;) {
        const { projections } = await post(PROJECTIONS);
        const failed = projections.find((p: any) => p.state === 'failed');
        if (failed) throw new Error(`reads: projection ${failed.name} failed`);
        if (projections.every((p: any) => p.lag === 0)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      note(
        `reads: projections caught up in ${(Number(process.hrtime.bigint() - caughtUp) / 1e9).toFixed(1)} s`,
      );

      const variables = {
        initiativeId: generated.initiativeId,
        on: dayOf(generated.lastBusinessTime),
        partners: ACCOUNTABILITY_PAGE,
      };
      const view = (await post(ACCOUNTABILITY, variables)).accountability;
      const partners = view.partners.edges.map((edge: any) => edge.node);
      const shown = partners.reduce(
        (n: number, p: any) =>
          n +
          ['onTrack', 'overdue', 'fulfilled', 'withdrawn', 'missed'].reduce(
            (m, group) => m + p.commitments[group].edges.length,
            0,
          ),
        0,
      );
      if (partners.length === 0 || shown === 0)
        throw new Error('reads: the accountability view is empty');

      /** p50 and p99 (ms) of `requests` sequential requests per run, after a few warm-up requests (none in the smoke run). */
      const latencies = async (query: string, vars?: Record<string, unknown>) => {
        const p50: number[] = [];
        const p99: number[] = [];
        for (let i = 0; i < (options.smoke ? 0 : 3); i++) await post(query, vars);
        for (let run = 0; run < options.runs; run++) {
          const times: number[] = [];
          for (let i = 0; i < sizes.requests; i++) {
            const started = process.hrtime.bigint();
            await post(query, vars);
            times.push(Number(process.hrtime.bigint() - started) / 1e6);
          }
          times.sort((a, b) => a - b);
          p50.push(percentile(times, 50));
          p99.push(percentile(times, 99));
        }
        return { p50: summarise(p50), p99: summarise(p99) };
      };
      const trivial = await latencies(TRIVIAL);
      const accountability = await latencies(ACCOUNTABILITY, variables);

      const benchmark = `reads (${generated.partners} partners, ${generated.commitments} commitments, ${generated.events} events)`;
      const page = `a page of ${partners.length} partners showing ${shown} commitments`;
      const figure = (subject: string, sample: Figure['sample'], baseline?: Figure) => ({
        benchmark,
        subject,
        unit: 'ms',
        better: 'lower' as const,
        sample,
        ...(baseline
          ? { baseline: baseline.subject, ratio: sample.median / baseline.sample.median }
          : {}),
      });
      const trivialP50 = figure(`trivial query, p50 of ${sizes.requests}`, trivial.p50);
      const trivialP99 = figure(`trivial query, p99 of ${sizes.requests}`, trivial.p99);
      return [
        trivialP50,
        trivialP99,
        figure(
          `accountability(initiativeId), p50 of ${sizes.requests}, ${page}`,
          accountability.p50,
          trivialP50,
        ),
        figure(
          `accountability(initiativeId), p99 of ${sizes.requests}, ${page}`,
          accountability.p99,
          trivialP99,
        ),
      ];
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
