/**
 * Append rate with and without the Merkle trees maintained (not part of `npm run bench`):
 *   node -r ./tools/register-ts.js bench/tree-maintenance-rate.ts [events] [sqlite|postgres]
 * Appends one event per append (as commands do) over 50 initiatives' streams, and counts the
 * time until the last append and, with trees, until they hold it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../apps/api/src/ledger/open-ledger';
import { LogKey, TreeMaintainer } from '@accord/transparency-log';

async function run(events: number, withTrees: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-tree-rate-'));
  const ledger = await openLedger({ kind: 'sqlite', file: join(dir, 'accord.db') });
  const maintainer = new TreeMaintainer(
    ledger.readModels,
    ledger.store,
    new LogKey(Buffer.alloc(32, 7)),
    {
      originHost: 'bench.local',
      checkpointEveryEvents: 1_000,
      checkpointIntervalMs: 10_000,
    },
  );
  if (withTrees) await maintainer.start();
  const started = process.hrtime.bigint();
  const revisions = new Map<string, number>();
  let last = 0;
  for (let i = 0; i < events; i += 1) {
    const initiativeId = `i-${i % 50}`;
    const stream = `commitment-${initiativeId}-${i % 500}`;
    const revision = revisions.get(stream);
    const result = await ledger.store.append(
      stream,
      [
        {
          id: `e-${i}`,
          type: 'ProgressReported.v1',
          data: { initiativeId, percent: i % 100, note: 'on track' },
          metadata: { recordedAt: new Date(0).toISOString() },
        },
      ],
      revision === undefined ? 'no_stream' : revision,
    );
    revisions.set(stream, result.revision);
    last = result.position;
  }
  if (withTrees) await maintainer.waitFor(last, 600_000);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (withTrees) await maintainer.stop();
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
  return events / seconds;
}

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 5_000);
  const without = await run(events, false);
  const withTrees = await run(events, true);
  console.log(
    `${events} appends: ${without.toFixed(0)}/s without trees, ${withTrees.toFixed(0)}/s with trees (ratio ${(withTrees / without).toFixed(2)})`,
  );
}

void main();
