import type { Actor } from '@accord/domain';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Browser, chromium, type Cookie, type Page } from 'playwright-core';
import { signInLinkCommand } from '../../apps/api/src/auth/sign-in-link.command';
import { TestApp } from '../support/test-app';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
/**
 * The screenshots of the README and the guide (docs/screenshots/) are refreshed by
 * `ACCORD_SCREENSHOTS=1 npm test` (their dates move with the clock, so a plain run would leave tracked files changed); otherwise they go to
 * one temporary folder, overwritten by each run (not a new folder per file and run), still taken,
 * so the path stays tested.
 */
export const SCREENSHOTS =
  process.env.ACCORD_SCREENSHOTS === '1'
    ? join(ROOT, 'docs', 'screenshots')
    : join(tmpdir(), 'accord-screenshots');

/**
 * What the web build reads: the app's sources and configuration, and the locked dependencies.
 * Two builds of the same hash are the same app.
 */
function webSourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        hash
          .update(`${relative(ROOT, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  walk(join(ROOT, 'apps', 'web'));
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the web app as `npm run build` does, into a folder named by the hash of its sources,
 * once a run: the browser specs of a run (and of later runs on the same sources) share it, as
 * it is only read. Built into a folder of its own and renamed into place, so two workers
 * building at once both end with a whole build.
 */
export function buildWorkspace(): string {
  const outDir = join(tmpdir(), `accord-web-${webSourcesHash()}`);
  if (existsSync(join(outDir, 'index.html'))) return outDir;
  const building = mkdtempSync(join(tmpdir(), 'accord-web-building-'));
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = join(ROOT, 'apps', 'web', 'vite.config.mts');
  const built = spawnSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      config,
      '--outDir',
      building,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  }
  try {
    renameSync(building, outDir);
  } catch (error) {
    // Another worker put the same build there first: use it.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(outDir, 'index.html'))) throw error;
  }
  return outDir;
}

/** Debian's Chromium, headless. Missing, it fails the test (it is a CI dependency, not optional). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium"`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page that records every request to a host other than the server and every console error
 * or uncaught exception; `problems()` lists them, and each test expects none.
 */
export async function watchedPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; problems(): string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'UTC' });
  // A step that cannot happen fails in seconds, naming what it waited for.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:') return;
    if (url.origin !== origin) problems.push(`request to another host: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems: () => problems };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is; the violations, in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, so the page's CSP (no inline scripts) still holds;
  // once a document (compiling its half a megabyte again on every check cost more than the check).
  if (await page.evaluate<boolean>('typeof axe === "undefined"')) await page.evaluate(AXE_SOURCE);
  const rules = JSON.stringify({
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    // Every violation in full; of the passes and the rest (never read here) one node each, as
    // naming every node that passes took about as long as the checks themselves.
    resultTypes: ['violations'],
  });
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, ${rules}).then((result) => result.violations)`,
  );
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A page of Chromium and what it did wrong (see watchedPage). */
export type WatchedPage = Awaited<ReturnType<typeof watchedPage>>;

/**
 * For a describe block: the web app built as `npm run build` does (once a run, see
 * buildWorkspace) and Debian's Chromium, launched before its tests and closed after. The
 * properties are there once the tests run.
 */
export function builtWebAndChromium(): { readonly webDir: string; readonly browser: Browser } {
  let webDir: string | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    webDir = buildWorkspace();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get webDir() {
      return ready(webDir, 'webDir');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}

/** Where a signed-in page opens, and how large it is. */
export interface SignedInOptions {
  /** A path of the app (`/initiatives/x/risks`); "My initiatives" (`/`) when left out. */
  at?: string;
  viewport?: { width: number; height: number };
}

/** The real app serving the built web app on a free port, with Chromium to look at it. */
export interface WorkspaceInBrowser {
  readonly app: TestApp;
  readonly browser: Browser;
  /** Where the app answers: `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /**
   * A watched page signed in as the actor, loaded at `at` (on "My initiatives" when left out):
   * with a sign-in link the first time, then with the session that link opened while it lasts.
   * `problems()` lists what went wrong since this call.
   */
  signedIn(actor: Actor, options?: SignedInOptions): Promise<WatchedPage>;
  /** Fails the test on any axe-core WCAG 2.1 A or AA violation on the page as it is. */
  expectAccessible(page: Page): Promise<void>;
}

/** A page of one person, lent to one test at a time (at the size it asks for). */
interface KeptPage {
  readonly person: string;
  readonly page: Page;
  readonly problems: () => string[];
  lent: boolean;
}

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/**
 * For a describe block: builds the web app, starts the API serving it (SQLite, on a free port,
 * with `env` added to its configuration), runs `seed`, launches Chromium; all stopped after.
 * Pages come from watchedPage, so each test can expect no request to another host and no
 * console error. A person's page is kept for the next test that asks for the same person, resized
 * if need be (opening a page costs a renderer process; loading the next test's address starts a
 * new document all the same); a test's routes are removed when it ends (a listener it adds to
 * a page it removes itself), and a page that saw a problem is closed rather than lent again.
 */
export function workspaceInBrowser(
  options: {
    env?: () => Record<string, string>;
    seed?: (app: TestApp, origin: string) => Promise<unknown> | void;
    /**
     * Sign each person in by opening their sign-in link in the page, as they would. Otherwise
     * the link's code opens the session through the same request, from the page's cookie jar,
     * without loading the sign-in screen (a page load a person less; the screen is tested here
     * and in quick-start).
     */
    signInInPage?: boolean;
  } = {},
): WorkspaceInBrowser {
  const built = builtWebAndChromium();
  let app: TestApp | undefined;
  let origin: string | undefined;
  // Each person signs in by a link once; a new page of theirs starts with that session's cookie.
  const sessions = new Map<string, Cookie[]>();
  const kept: KeptPage[] = [];
  beforeAll(async () => {
    app = await TestApp.start({ env: { ACCORD_WEB_DIR: built.webDir, ...options.env?.() } });
    await app.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    await options.seed?.(app, origin);
  }, 120_000);
  afterEach(async () => {
    for (const lent of kept.filter((k) => k.lent)) {
      lent.lent = false;
      if (lent.problems().length === 0 && !lent.page.isClosed()) {
        await lent.page.unrouteAll({ behavior: 'ignoreErrors' });
        // Off the app, so that it no longer follows the live events of the tests after.
        await lent.page.goto('about:blank');
      } else {
        kept.splice(kept.indexOf(lent), 1);
        await lent.page.context().close();
      }
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** A page of the person at the size, not lent to anyone: kept from an earlier test, or new. */
  async function pageOf(person: string, viewport: { width: number; height: number }) {
    const free = kept.find((k) => k.person === person && !k.lent && !k.page.isClosed());
    if (free) {
      const size = free.page.viewportSize();
      if (size?.width !== viewport.width || size.height !== viewport.height)
        await free.page.setViewportSize(viewport);
      return free;
    }
    const { page, problems } = await watchedPage(web.browser, web.origin, viewport);
    const session = sessions.get(person);
    if (session) await page.context().addCookies(session);
    const made: KeptPage = { person, page, problems, lent: false };
    kept.push(made);
    return made;
  }

  const web: WorkspaceInBrowser = {
    get app() {
      return ready(app, 'app');
    },
    get browser() {
      return built.browser;
    },
    get origin() {
      return ready(origin, 'origin');
    },
    async signedIn(actor, { at = '/', viewport = DEFAULT_VIEWPORT } = {}) {
      const person = `${actor.partnerId}/${actor.personId}`;
      const lent = await pageOf(person, viewport);
      lent.lent = true;
      const { page } = lent;
      const seen = lent.problems().length;
      const watched: WatchedPage = { page, problems: () => lent.problems().slice(seen) };
      // "My initiatives" waits for its heading; a test waits for what it needs on other pages.
      const home = page.getByRole('heading', { name: 'My initiatives' });
      // The server names the reader in the page it sends while their session lasts (unless a
      // test signed out of it since); otherwise a sign-in link opens a new one.
      if (sessions.has(person)) {
        await page.goto(`${web.origin}${at}`);
        if ((await page.locator('meta[name="accord-session"]').count()) === 1) {
          if (at === '/') await home.waitFor();
          return watched;
        }
      }
      const link = await signInLinkCommand(
        ['--person', actor.personId, '--partner', actor.partnerId, '--url', web.origin],
        web.app.config,
      );
      if (options.signInInPage) {
        // Signed in, the page leaves the code behind for "My initiatives".
        await page.goto(link);
        await page.waitForURL(`${web.origin}/`);
      } else {
        // The code the page would spend, spent by the same request from the page's cookie jar.
        const code = new URLSearchParams(new URL(link).hash.slice(1)).get('code');
        const redeemed = await page.context().request.post(`${web.origin}/auth/sign-in`, {
          data: { code },
        });
        expect({ signIn: redeemed.status() }).toEqual({ signIn: 200 });
      }
      sessions.set(person, await page.context().cookies());
      if (!(options.signInInPage && at === '/')) await page.goto(`${web.origin}${at}`);
      if (at === '/') await home.waitFor();
      return watched;
    },
    async expectAccessible(page) {
      expect(await axeViolations(page)).toEqual([]);
    },
  };
  return web;
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is made in beforeAll: use it inside a test`);
  return value;
}
