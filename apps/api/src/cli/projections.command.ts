import { ALL_PROJECTIONS, rebuildProjection } from '@accord/projections';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/accord-config';
import { openLedger } from '../ledger/open-ledger';
import { RebuildProgressReporter } from '../rebuild-progress';
import { UsageError } from './usage-error';

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'accept-log': { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [action, name, ...extra] = positionals;
  if (action !== 'rebuild' || extra.length > 0) {
    throw new UsageError('the only action is: projections rebuild [<name>] [--accept-log]');
  }
  const chosen = name ? ALL_PROJECTIONS.filter((p) => p.name === name) : [...ALL_PROJECTIONS];
  if (chosen.length === 0) {
    throw new UsageError(
      `no read model named "${name}": ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`,
    );
  }
  const ledger = await openLedger(loadConfig().store);
  const progress = new RebuildProgressReporter();
  try {
    for (const projection of chosen) {
      progress.start();
      const result = await rebuildProjection(ledger.readModels, ledger.store, projection, {
        onProgress: (p) => progress.report(p),
        acceptLog: values['accept-log'],
      });
      progress.done(
        `${result.projection}: rebuilt from ${result.eventsApplied} events and switched in at position ${result.position}`,
      );
    }
  } finally {
    await ledger.close();
  }
}
