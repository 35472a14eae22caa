import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const OPERATIONS = join(__dirname, '..', '..', 'docs', 'operations.md');

/** The names of the CLI's commands, as its own --help lists them (a synopsis per command). */
async function cliCommands(): Promise<string[]> {
  const help = await runCli(['--help'], {});
  expect(help.code).toBe(0);
  const listing = help.stdout.split(/^commands:$/m)[1]!.split(/^exit codes:/m)[0]!;
  return [...listing.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);
}

/** The first column of the "## Commands" table of docs/operations.md. */
function documentedRows(): string[] {
  const section = readFileSync(OPERATIONS, 'utf8')
    .split(/^## /m)
    .find((s) => s.startsWith('Commands\n'));
  if (!section) throw new Error('docs/operations.md has no "## Commands" section');
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]!);
}

describe('The commands table of docs/operations.md', () => {
  it('has a row for every command of the CLI', async () => {
    const commands = await cliCommands();
    expect(commands).toEqual(expect.arrayContaining(['token', 'verify', 'witness']));
    const rows = documentedRows();
    const undocumented = commands.filter(
      (name) => !rows.some((row) => row.startsWith(`npm run accord -- ${name}`)),
    );
    expect(undocumented).toEqual([]);
  });
});
