import { ProjectionRunner } from '@accord/projections';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/accord-config';
import { LauncherSeat } from '../initiatives/launcher-seat';
import { LEDGER } from '../ledger/ledger.tokens';
import { type Ledger } from '../ledger/open-ledger';

export async function run(args: string[]): Promise<void> {
  parseArgs({ args, options: {}, strict: true });
  const app = await createApp(loadConfig(), ['error']);
  await app.init();
  try {
    const ledger = app.get<Ledger>(LEDGER);
    await app.get(ProjectionRunner).waitFor(await ledger.store.headPosition(), 600_000);
    const initiatives = await ledger.readModels.all<{ initiative_id: string }>(
      'SELECT initiative_id FROM rm_initiatives ORDER BY launched_position',
    );
    const seat = app.get(LauncherSeat);
    const correlationId = randomUUID();
    for (const { initiative_id: initiativeId } of initiatives)
      console.log(`${initiativeId}: ${await seat.backfill(initiativeId, correlationId)}`);
  } finally {
    await app.close();
  }
}
