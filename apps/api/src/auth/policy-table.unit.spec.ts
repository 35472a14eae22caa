import { COMMAND_NAMES } from '@accord/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_TABLE_END, POLICY_TABLE_START, renderPolicyTable } from './policy-table';

describe('The policy table of the API reference (docs/api-reference.md)', () => {
  it('is the table the code renders (regenerate it with `npm run --silent accord -- policy`)', () => {
    const reference = readFileSync(join(__dirname, '../../../../docs/api-reference.md'), 'utf8');
    const start = reference.indexOf(POLICY_TABLE_START);
    const end = reference.indexOf(POLICY_TABLE_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const documented = reference.slice(start + POLICY_TABLE_START.length, end).trim();
    expect(documented).toBe(renderPolicyTable());
  });

  it('has a row per mutation and marks a partner-scoped role "own"', () => {
    const rows = renderPolicyTable().split('\n');
    const makeCommitment = rows.find((row) => row.startsWith('| `makeCommitment` |'));
    expect(makeCommitment?.split(' | ').filter((c) => c === 'own')).toHaveLength(1);
    expect(rows).toHaveLength(2 + COMMAND_NAMES.length);
  });
});
