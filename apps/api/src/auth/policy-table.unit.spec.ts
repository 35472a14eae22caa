import { COMMAND_NAMES } from '@accord/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_TABLE_END, POLICY_TABLE_START, renderPolicyTable } from './policy-table';

describe("The README's policy table", () => {
  it('is the table the code renders (regenerate it with `npm run --silent accord -- policy`)', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const start = readme.indexOf(POLICY_TABLE_START);
    const end = readme.indexOf(POLICY_TABLE_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const inReadme = readme.slice(start + POLICY_TABLE_START.length, end).trim();
    expect(inReadme).toBe(renderPolicyTable());
  });

  it('has a row per mutation and marks a partner-scoped role "own"', () => {
    const rows = renderPolicyTable().split('\n');
    const makeCommitment = rows.find((row) => row.startsWith('| `makeCommitment` |'));
    expect(makeCommitment?.split(' | ').filter((c) => c === 'own')).toHaveLength(1);
    expect(rows).toHaveLength(2 + COMMAND_NAMES.length);
  });
});
