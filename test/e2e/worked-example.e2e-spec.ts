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

/** The worked example of the documentation, linked from the README's quick start. */
const WORKED_EXAMPLE = join(__dirname, '..', '..', 'docs', 'worked-example.md');

function workedExampleBlocks(): Block[] {
  const example = readFileSync(WORKED_EXAMPLE, 'utf8');
  return [...example.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].map((m) => ({
    lang: m[1]!,
    body: m[2]!,
  }));
}

describe('The worked example (docs/worked-example.md), run verbatim', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-worked-example-'));
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
    const outcomes = new Map<string, any>();
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
      outcomes.set(block.body.split('\n')[1]!, res.data);
    }
    const result = (firstLine: RegExp) =>
      [...outcomes.entries()].filter(([line]) => firstLine.test(line)).map(([, data]) => data);

    const [signedByAll] = result(/^mutation Sign \{/);
    expect(signedByAll.signAgreement.agreement.status).toBe('IN_FORCE');
    const [closed] = result(/^mutation Close/);
    expect(closed.closeDecision.decision).toMatchObject({
      status: 'ADOPTED',
      outcome: 'ADOPTED',
      tally: { for: 2, against: 0, abstain: 0, block: 0, objection: 0 },
      quorum: { votingMembers: 3, participants: 2, required: 2, reached: true },
      recusals: [{ personId: 'bo' }],
    });
    const [accountability] = result(/^query Accountability/);
    const foodBank = accountability.accountability.partners.edges
      .map((edge: any) => edge.node)
      .find((p: any) => p.partner.organisationName === 'County Food Bank');
    expect(foodBank).toMatchObject({
      commitments: {
        total: 1,
        overdue: { totalCount: 0, edges: [] },
        fulfilled: { totalCount: 1, edges: [{ node: { description: expect.any(String) } }] },
      },
      roles: expect.arrayContaining([{ role: 'STEERING_MEMBER', personId: 'bo' }]),
      agreements: { signed: [{ title: 'Reading by Nine charter' }], pending: [] },
    });
    expect(accountability.decision).toMatchObject({
      status: 'ADOPTED',
      meetings: [{ title: 'Steering committee, March' }],
    });
    const [audit] = result(/^query Audit/);
    expect(audit.verifyLedger).toMatchObject({ ok: true, firstMismatch: null });
    expect(operations).toBeGreaterThanOrEqual(20);
  }, 180_000);
});
