import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoErrors } from '../support/fixtures';
import { TestApp } from '../support/test-app';

interface Block {
  lang: string;
  body: string;
}

function workedExampleBlocks(): Block[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Worked example'));
  if (!section) throw new Error('README has no "## Worked example" section');
  return [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].map((m) => ({
    lang: m[1]!,
    body: m[2]!,
  }));
}

describe('The README worked example, run verbatim', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-readme-'));
  const env = { ...process.env, ACCORD_DB_FILE: join(dir, 'accord.db'), ACCORD_JWT_SECRET: '' };
  let app: TestApp;

  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues tokens with the CLI and runs every operation in order without an error', async () => {
    const blocks = workedExampleBlocks();
    const tokenCommands = blocks
      .filter((b) => b.lang === 'bash')
      .flatMap((b) => b.body.split('\n'))
      .filter((line) => line.startsWith('npm run --silent accord -- token'));
    expect(tokenCommands.length).toBeGreaterThanOrEqual(2);

    const tokens = new Map<string, string>();
    for (const command of tokenCommands) {
      const [, person, partner] = /--person (\S+) --partner (\S+)/.exec(command)!;
      const token = execSync(command, {
        cwd: join(__dirname, '..', '..'),
        env,
        encoding: 'utf8',
      }).trim();
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      tokens.set(`${person} / ${partner}`, token);
    }

    // The server checks tokens with the local key the CLI made beside the database.
    app = await TestApp.start({
      storage: { kind: 'sqlite', dir, drop: () => Promise.resolve() },
      env: { ACCORD_JWT_SECRET: undefined },
    });

    let operations = 0;
    for (const [index, block] of blocks.entries()) {
      if (block.lang !== 'graphql') continue;
      const who = /^# token: (.+)$/m.exec(block.body)?.[1];
      const token = who && tokens.get(who);
      if (!token)
        throw new Error(`graphql block ${index} names no token the example issued (${who})`);
      const next = blocks[index + 1];
      const variables = next?.lang === 'json' ? JSON.parse(next.body) : {};
      const res = await app.gql(block.body, variables, token);
      expectNoErrors(res);
      operations += 1;
      if (/^query Accountability/m.test(block.body)) {
        const foodBank = res.data.initiative.partners.find(
          (p: any) => p.organisationName === 'County Food Bank',
        );
        expect(foodBank.commitments.edges[0].node).toMatchObject({
          status: 'FULFILLED',
          percent: 100,
          overdue: false,
        });
        expect(res.data.overdue.totalCount).toBe(0);
      }
    }
    expect(operations).toBeGreaterThanOrEqual(7);
  }, 180_000);
});
