import { parseArgs } from 'node:util';
import { renderPolicyTable } from '../auth/policy-table';

export function run(args: string[]): Promise<void> {
  parseArgs({ args, options: {}, strict: true });
  console.log(renderPolicyTable());
  return Promise.resolve();
}
