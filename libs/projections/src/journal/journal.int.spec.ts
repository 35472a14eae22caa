import type { StoredEvent } from '@accord/event-store';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { journalProjection, parseStream } from './journal.projection';
import { JournalReader } from './journal.reader';

/** Events of two entities, each with its times and actor, the first naming no initiative. */
const events: StoredEvent[] = storedEvents([
  { stream: 'benefit-pool-grant', event: { type: 'A.v1', data: { initiativeId: 'i1' } } },
  { stream: 'benefit-pool-grant', event: { type: 'B.v1', data: {} } },
  { stream: 'commitment-c1', event: { type: 'C.v1', data: { initiativeId: 'i1' } } },
  { stream: 'commitment-c1', event: { type: 'D.v1', data: { initiativeId: 'i1' } } },
]).map((event, i) => ({
  ...event,
  hash: `h${i}`,
  metadata: {
    actor: { personId: 'ann', partnerId: 'food-bank' },
    // The last event occurred before the one recorded before it: it was backdated.
    occurredAt: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-02T12:00'][i] ?? '',
    recordedAt: `2026-02-0${i + 1}`,
  },
}));

describe.each(READ_MODEL_BACKENDS)('Journal on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: JournalReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new JournalReader(db);
    await project(db, journalProjection, events);
  });
  afterAll(() => cleanup());

  it('splits a stream into its category and entity', () => {
    expect(parseStream('benefit-pool-grant')).toEqual({
      category: 'benefit-pool',
      entityId: 'grant',
    });
    expect(parseStream('custom-x-y')).toEqual({ category: 'custom', entityId: 'x-y' });
  });

  it("keeps an entity's events in log order, giving the initiative of its stream's first", async () => {
    expect(await reader.history('grant', 10)).toEqual([
      expect.objectContaining({ position: 1, type: 'A.v1', initiativeId: 'i1', personId: 'ann' }),
      expect.objectContaining({ position: 2, type: 'B.v1', initiativeId: 'i1', data: '{}' }),
    ]);
  });

  it('reads a window on either clock, forwards or newest first, and counts it', async () => {
    const window = { from: '2026-01-02', to: '2026-01-04', timeline: 'occurred' as const };
    const positions = (entries: { position: number }[]) => entries.map((e) => e.position);
    expect(positions(await reader.between('i1', window, 10))).toEqual([2, 3, 4]);
    expect(positions(await reader.between('i1', window, 2, 0, true))).toEqual([4, 3]);
    expect(positions(await reader.between('i1', window, 2, 3, true))).toEqual([2]);
    expect(await reader.countBetween('i1', window)).toBe(3);
    const recorded = { from: '2026-02-03', to: '2026-02-09', timeline: 'recorded' as const };
    expect(positions(await reader.between('i1', recorded, 10, 3))).toEqual([4]);
  });
});
