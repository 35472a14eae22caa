import { parseArgs } from 'node:util';
import { loadConfig } from '../config/accord-config';
import { openLedger } from '../ledger/open-ledger';

export async function run(args: string[]): Promise<void> {
  parseArgs({ args, options: {}, strict: true });
  const ledger = await openLedger(loadConfig().store);
  try {
    const result = await ledger.store.verify();
    if (!result.ok) {
      const { stream, revision, position, reason } = result.firstMismatch;
      throw new Error(
        `${ledger.description} does not verify: ${stream} revision ${revision} (position ${position}): ${reason}; ${result.checked} events before it verified`,
      );
    }
    console.log(`${ledger.description}: all ${result.checked} events verify`);
  } finally {
    await ledger.close();
  }
}
