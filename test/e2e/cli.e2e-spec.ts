import { jwtVerify } from 'jose';
import { runCli } from '../support/cli';
import { TEST_SECRET } from '../support/test-app';

const env = { ACCORD_JWT_SECRET: TEST_SECRET };
const COMMANDS = [
  'token',
  'sign-in-link',
  'migrate',
  'projections',
  'verify',
  'seat-launchers',
  'demo',
  'policy',
  'witness',
];

describe('The operator CLI', () => {
  it('lists every command with its exit codes', async () => {
    const { code, stdout } = await runCli(['--help'], env);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(`\n  ${command}`);
    expect(stdout).toContain('exit codes: 0 done, 1 the command failed');
  });

  it.each(COMMANDS)('%s --help says what it takes, and does nothing else', async (command) => {
    const { code, stdout, stderr } = await runCli([command, '--help'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(new RegExp(`^usage: npm run --silent accord -- ${command}\\b`));
  });

  it.each([
    [['launch'], 'unknown command "launch"; see --help'],
    [['token', '--person', 'ana'], 'token needs --person and --partner; see token --help'],
    [['token', '--persn', 'ana'], "Unknown option '--persn'"],
    [['projections', 'replay'], 'the only action is: projections rebuild'],
  ])('%j is a usage error: one line on stderr, exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
  });

  it('a failure is one line on stderr with exit code 1', async () => {
    const { code, stderr } = await runCli(['token', '--person', 'ana', '--partner', 'city-hall'], {
      ACCORD_JWT_SECRET: 'too short',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('ACCORD_JWT_SECRET')]);
  });

  it('token prints a token signed with the configured secret, for that person and partner', async () => {
    const { code, stdout } = await runCli(
      ['token', '--person', 'ana', '--partner', 'city-hall', '--expires', '1h'],
      env,
    );
    expect(code).toBe(0);
    const { payload } = await jwtVerify(stdout.trim(), new TextEncoder().encode(TEST_SECRET));
    expect(payload).toMatchObject({ sub: 'ana', partner: 'city-hall' });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });
});
