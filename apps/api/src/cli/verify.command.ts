import { parseArgs } from 'node:util';
import { loadConfig } from '../config/accord-config';
import { openLedger } from '../ledger/open-ledger';
import { loadLogKey, originOf, TLOG_DDL, TreeStore, verifyLedger } from '@accord/transparency-log';

export async function run(args: string[]): Promise<void> {
  parseArgs({ args, options: {}, strict: true });
  const config = loadConfig();
  const ledger = await openLedger(config.store);
  try {
    await ledger.readModels.migrate(TLOG_DDL);
    const { originHost, key } = config.transparency;
    // One read of the log checks the chains and rebuilds the trees together.
    const { chains: result, trees } = await verifyLedger(
      ledger.store,
      new TreeStore(ledger.readModels),
      loadLogKey(key),
      (tree) => originOf(originHost, tree),
    );
    const problems: string[] = [];
    if (!result.ok) {
      const { stream, revision, position, reason } = result.firstMismatch;
      problems.push(
        `${ledger.description} does not verify: ${stream} revision ${revision} (position ${position}): ${reason}; ${result.checked} events before it verified`,
      );
    } else {
      console.log(`${ledger.description}: all ${result.checked} events verify`);
    }
    if (trees.problems.length > 0) {
      problems.push(
        `${ledger.description} does not match its signed checkpoints:\n${trees.problems.map((p) => `- ${p}`).join('\n')}`,
      );
    }
    // The chains and the trees are both checked, whichever fails: each names what it found.
    if (problems.length > 0) throw new Error(problems.join('\n'));
    console.log(
      `${ledger.description}: ${trees.trees} Merkle trees rebuilt from ${trees.events} events match all ${trees.checkpoints} signed checkpoints`,
    );
  } finally {
    await ledger.close();
  }
}
