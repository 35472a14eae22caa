import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_INITIATIVE_ID } from '../../apps/api/src/demo/demo-initiative';
import { ApiProcess } from '../support/api-process';
import { builtWebAndChromium, watchedPage } from './browser';

const ROOT = join(__dirname, '..', '..');

/** The commands of the README's demo, as written there. */
function readmeDemoCommands(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const demo = readme.slice(readme.indexOf('**The demo.**'));
  const block = /```bash\n([\s\S]*?)```/.exec(demo)?.[1] ?? '';
  return block.trim().split('\n');
}

/**
 * The README's quick start ends in the browser, signed in, looking at the demo initiative: the
 * demo's two commands, on a fresh data folder (in place of ./data) and a free port. The server
 * runs from source with the web app built as `npm start` builds it.
 */
describe("the README's demo, played in a browser", () => {
  let dataDir: string;
  let api: ApiProcess;
  const built = builtWebAndChromium();

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'accord-quick-start-'));
  });
  afterAll(async () => {
    await api?.terminate();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with the demo, prints the sign-in command; its link opens the demo initiative', async () => {
    const [start, signIn] = readmeDemoCommands();
    expect(start).toBe('ACCORD_DEMO=1 ACCORD_DB_FILE=./data/demo.db npm start');
    const demoFile = join(dataDir, 'demo.db');
    api = await ApiProcess.start({
      ACCORD_DEMO: '1',
      ACCORD_DB_FILE: demoFile,
      ACCORD_WEB_DIR: built.webDir,
      ACCORD_JWT_SECRET: '',
    });
    const port = new URL(api.url).port;

    // The server says how to sign in: the README's command, for this data folder and port.
    const said = 'sign in to the workspace as its chair: ';
    const printed = (JSON.parse(await api.waitForOutput(said)) as { msg: string }).msg;
    const command = printed.slice(said.length);
    expect(command).toBe(
      signIn!.replace('./data/demo.db', demoFile).replace('npm run', `PORT=${port} npm run`),
    );

    const cli = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: cli.status, stderr: cli.stderr }).toMatchObject({ status: 0 });
    const link = cli.stdout.trim();
    expect(link).toMatch(new RegExp(`^${api.url}/sign-in#code=[A-Za-z0-9_-]{43}$`));

    const { page, problems } = await watchedPage(built.browser, api.url);
    await page.goto(link);
    await page.getByRole('heading', { name: 'My initiatives' }).waitFor();
    await page.getByRole('link', { name: 'Reading by Nine: Riverside' }).first().click();
    await page.getByRole('heading', { name: 'Reading by Nine: Riverside' }).waitFor();
    expect(page.url()).toBe(`${api.url}/initiatives/${DEMO_INITIATIVE_ID}`);
    await page.locator('header .who', { hasText: 'of city-hall' }).waitFor();
    expect(problems()).toEqual([]);
  }, 240_000);
});
