// The workspace's numbers on the benchmark ledger (a million generated events at full scale,
// the one the as-of and start-up benchmarks read): each screen's data (the exact query the
// screen sends), the first load of the app in Chromium, and the JavaScript it ships.
// `npm run bench -- web`; run alone, `node -r ./tools/register-ts.js bench/web.bench.ts
// [--smoke]` prints the figures as a table.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { signInLinkCommand } from '../apps/api/src/auth/sign-in-link.command';
import { TokenService } from '../apps/api/src/auth/token.service';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/config/accord-config';
import * as documents from '../apps/web/src/graphql/generated';
import { ledgerFile } from './as-of.bench';
import { cachedLedger, historyEvents } from './generator/ledger-cache';
import { type BenchmarkOptions, type Figure, percentile, summarise } from './harness';

const ROOT = join(__dirname, '..');
const SECRET = 'bench-secret-that-is-long-enough-for-hs256!';
const DATA_GOAL_MS = 200;
const FIRST_LOAD_GOAL_MS = 1_000;
const JS_GOAL_KB = 250;
const TRIVIAL = '{ initiatives(first: 1) { totalCount } }';
const PROJECTIONS = '{ projections { name lag state } }';
const DAY = 86_400_000;
/** How long one screen is asked for before fewer requests than planned are enough. */
const SCREEN_BUDGET_MS = 30_000;
const MIN_REQUESTS = 20;

/** Progress notes on stderr for `npm run bench`; quiet inside jest's smoke run. */
const note = (line: string) => {
  if (process.env.JEST_WORKER_ID === undefined) console.error(line);
};

/** Objects in the lists of an answer: 0 means the ledger holds nothing the screen would show. */
function listed(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce((n, v) => n + listed(v), 0);
  if (value && typeof value === 'object')
    return Object.values(value).reduce((n: number, v) => n + listed(v), 0);
  return 0;
}

function buildWeb(outDir: string): void {
  const built = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(ROOT, 'apps', 'web', 'vite.config.mts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stderr}`);
}

/** Kilobytes of gzipped JavaScript in the build, as a browser downloads it. */
function gzippedJsKb(outDir: string): number {
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file))).length / 1024, 0);
}

const figure = (subject: string, unit: string, values: number[], goal: number): Figure => {
  const p95 = percentile(values, 95);
  return {
    benchmark: 'web',
    subject,
    unit,
    better: 'lower',
    sample: summarise(values),
    goal: `p95 ${p95.toFixed(1)} ${unit}, goal < ${goal} ${unit}`,
    goalMet: p95 < goal,
  };
};

/**
 * Run in the page before its own scripts: notes, by the page's clock (from the start of the
 * navigation), the frame after the overview's heading enters the document, when the reader
 * sees it. Timed from the driver instead, the figure also holds Playwright's polling for the
 * heading and its messages to and from the browser: 300 ms and more on a busy machine.
 */
const SHOWN_AT = `new MutationObserver((_, observer) => {
  for (const heading of document.querySelectorAll('h2')) {
    if (heading.textContent !== 'Common agenda') continue;
    observer.disconnect();
    requestAnimationFrame(() => (window.__accordShownAt = performance.now()));
    return;
  }
}).observe(document, { childList: true, subtree: true });`;

export async function webBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-web-bench-'));
  const webDir = join(dir, 'web');
  buildWeb(webDir);
  const started = Date.now();
  const stored = await ledgerFile(options, dir);
  // From the cache ledgerFile just used: when the generated history's business time ends.
  const generated = (await cachedLedger({ events: historyEvents(options.scale), seed: 1 })).result;
  note(
    `web: ledger of ${stored.events} events ready in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const config = loadConfig({
    ACCORD_DB_FILE: stored.file,
    ACCORD_JWT_SECRET: SECRET,
    ACCORD_WEB_DIR: webDir,
  });
  const app = await createApp(config, ['error']);
  const figures: Figure[] = [];
  try {
    await app.listen(0, '127.0.0.1');
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const initiativeId = stored.initiativeId;
    // A member of the generated initiative: its first partner's first staff member.
    const reader = { personId: `${initiativeId}-p000.staff1`, partnerId: `${initiativeId}-p000` };
    const token = await new TokenService(config.jwt).issue(reader);
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data;
    };
    for (;;) {
      const { projections } = await post(PROJECTIONS, {});
      const failed = projections.find((p: any) => p.state === 'failed');
      if (failed) throw new Error(`web: projection ${failed.name} failed`);
      if (projections.every((p: any) => p.lag === 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const register = await post(String(documents.DecisionsRegisterDocument), { initiativeId });
    const decisionId = register.decisions.edges[0]?.node.decisionId as string | undefined;
    const list = await post(String(documents.CommitmentsListDocument), {
      initiativeId,
      filter: { initiativeId },
    });
    const commitmentId = list.commitments.edges[0]?.node.commitmentId as string | undefined;
    const agreements = await post(String(documents.AgreementsListDocument), { initiativeId });
    const agreementId = agreements.agreements.edges[0]?.node.agreementId as string | undefined;
    // The generated history's last 90 days of business time (the screens default to the last
    // 90 days before today, which would be past its end).
    const end = Date.parse(generated.lastBusinessTime);
    const window = {
      from: new Date(end - 90 * DAY).toISOString(),
      to: new Date(end).toISOString(),
    };
    // Each screen's query with what the screen passes it; the accountability screen asks for
    // its page of partners (the API's default page of 20).
    /** The variables of a page about one thing, or nothing when the ledger has none of it. */
    const about = (id: string | undefined, variables: (id: string) => Record<string, unknown>) =>
      id === undefined ? undefined : variables(id);
    const screens: [string, string, Record<string, unknown> | undefined][] = [
      ['My initiatives', String(documents.MyInitiativesDocument), { partnerId: reader.partnerId }],
      ['What needs me', String(documents.WaitingForMeDocument), { initiativeId }],
      [
        'Initiative overview',
        String(documents.InitiativeOverviewDocument),
        { id: initiativeId, ...window },
      ],
      ['Decisions', String(documents.DecisionsRegisterDocument), { initiativeId }],
      ['Open decisions', String(documents.OpenDecisionsDocument), { initiativeId }],
      [
        'Decision',
        String(documents.DecisionPageDocument),
        about(decisionId, (id) => ({ id, initiativeId })),
      ],
      ['Accountability', String(documents.AccountabilityPageDocument), { initiativeId }],
      [
        'Commitments',
        String(documents.CommitmentsListDocument),
        { initiativeId, filter: { initiativeId } },
      ],
      [
        'Commitment',
        String(documents.CommitmentPageDocument),
        about(commitmentId, (id) => ({ id, initiativeId })),
      ],
      [
        'History',
        String(documents.EntityHistoryDocument),
        about(commitmentId, (entityId) => ({ entityId, initiativeId })),
      ],
      [
        'Changes',
        String(documents.ChangesBetweenDocument),
        { initiativeId, ...window, timeline: 'OCCURRED' },
      ],
      ['Meetings', String(documents.MeetingsPageDocument), { initiativeId }],
      ['Risks', String(documents.RiskRegisterDocument), { initiativeId }],
      ['Roster', String(documents.RosterOnDocument), { initiativeId }],
      ['Agreements', String(documents.AgreementsListDocument), { initiativeId }],
      [
        'Agreement',
        String(documents.AgreementPageDocument),
        about(agreementId, (id) => ({ id, initiativeId })),
      ],
      ['Shared measurement', String(documents.IndicatorsPageDocument), { initiativeId }],
      ['Benefit pools', String(documents.BenefitPoolsDocument), { initiativeId }],
    ];
    // The smoke run asks once for each screen, with no warm-up.
    const requests = options.smoke ? 1 : Math.max(5, Math.min(200, options.scale / 10));
    // A screen far over its goal would keep a full-scale run busy for an hour at 200 requests:
    // once it has been asked for SCREEN_BUDGET_MS, it stops at MIN_REQUESTS (n says how many).
    const enough = Math.min(requests, MIN_REQUESTS);
    const timed = async (query: string, variables: Record<string, unknown>) => {
      if (!options.smoke) await post(query, variables); // warm-up
      const times: number[] = [];
      const asking = performance.now();
      for (let i = 0; i < requests; i++) {
        if (i >= enough && performance.now() - asking > SCREEN_BUDGET_MS) break;
        const started = performance.now();
        await post(query, variables);
        times.push(performance.now() - started);
      }
      return times;
    };
    const benchmark = `web (${stored.events} events, initiative ${initiativeId})`;
    const named = (f: Figure): Figure => ({ ...f, benchmark });
    // The same round trip for a query that reads next to nothing: what the screens add to it.
    const trivial = named(
      figure('trivial query (baseline)', 'ms', await timed(TRIVIAL, {}), DATA_GOAL_MS),
    );
    figures.push(trivial);
    const lacking: string[] = [];
    // ACCORD_BENCH_WEB_SCREENS="Accountability,Risks": only those screens, and no first load (to
    // compare one screen before and after a change without the whole run).
    const only = process.env.ACCORD_BENCH_WEB_SCREENS?.split(',').map((name) => name.trim());
    for (const [name, query, variables] of screens) {
      if (only && !only.includes(name)) continue;
      if (!variables) {
        lacking.push(name);
        continue;
      }
      const answer = await post(query, variables);
      let subject = `screen data: ${name}`;
      if (name === 'Accountability')
        subject += `, a page of ${answer.accountability.partners.edges.length} partners`;
      if (listed(answer) === 0) {
        lacking.push(name);
        subject += ' (empty: the generated ledger holds none)';
      }
      const screen = named(figure(subject, 'ms', await timed(query, variables), DATA_GOAL_MS));
      note(`web: ${subject}: ${screen.goal}`);
      figures.push({
        ...screen,
        baseline: trivial.subject,
        ratio: screen.sample.median / trivial.sample.median,
      });
    }
    if (lacking.length)
      note(`web: nothing to show in the generated ledger for ${lacking.join(', ')}`);

    if (only) return figures;
    // First load: a signed-in reader opens the overview in a fresh browser context (empty cache).
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const signIn = await browser.newContext();
      const page = await signIn.newPage();
      await page.goto(
        await signInLinkCommand(
          ['--person', reader.personId, '--partner', reader.partnerId, '--url', origin],
          config,
        ),
      );
      await page.getByRole('heading', { name: 'My initiatives' }).waitFor();
      const cookies = await signIn.cookies();
      await signIn.close();
      const loads: number[] = [];
      const seenByDriver: number[] = [];
      // One warm-up load, then the measured ones; the smoke run measures one load, unwarmed.
      const runs = options.smoke ? 1 : Math.max(3, options.runs * 4);
      for (let i = options.smoke ? 1 : 0; i <= runs; i++) {
        const context = await browser.newContext();
        await context.addCookies(cookies);
        const fresh = await context.newPage();
        await fresh.addInitScript(SHOWN_AT);
        const started = performance.now();
        await fresh.goto(`${origin}/initiatives/${initiativeId}`);
        await fresh.getByRole('heading', { name: 'Common agenda' }).waitFor();
        const driver = performance.now() - started;
        const shown = await fresh.waitForFunction('window.__accordShownAt');
        // The first is the warm-up.
        if (i > 0) {
          loads.push(Number(await shown.jsonValue()));
          seenByDriver.push(driver);
        }
        await context.close();
      }
      const median = (values: number[]) => summarise(values).median.toFixed(0);
      note(
        `web: first load, the page's clock ${median(loads)} ms, the driver's ${median(seenByDriver)} ms (median)`,
      );
      figures.push(
        named(
          figure(
            'first load of the overview, signed in, empty cache',
            'ms',
            loads,
            FIRST_LOAD_GOAL_MS,
          ),
        ),
      );
    } finally {
      await browser.close();
    }
    const kb = gzippedJsKb(webDir);
    figures.push({
      benchmark,
      subject: 'JavaScript shipped, gzipped',
      unit: 'KB',
      better: 'lower',
      sample: summarise([kb]),
      goal: `at most ${JS_GOAL_KB} KB`,
      goalMet: kb <= JS_GOAL_KB,
    });
    return figures;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  // `--scale N` (full scale 2 000: a million events) to measure on a smaller generated ledger.
  const smoke = process.argv.includes('--smoke');
  const scaleAt = process.argv.indexOf('--scale');
  const scale = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 2_000;
  webBenchmarks(smoke ? { scale: 50, runs: 1, smoke: true } : { scale, runs: 5 })
    .then((figures) => {
      for (const f of figures)
        console.log(
          `| ${f.subject} | ${f.sample.median.toFixed(1)} ${f.unit} | ${f.sample.min.toFixed(1)} – ${f.sample.max.toFixed(1)} (${f.sample.runs}) | ${f.goal}: ${f.goalMet ? 'met' : '**missed**'} |`,
        );
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
