import type { EventStore } from '@accord/event-store';
import type { ProjectionStatus } from '@accord/projections';

/** Lags are counted up to this many events; a read model further behind reports this. */
export const LAG_COUNT_LIMIT = 10_000;

/**
 * Each read model's status with how many events it has still to apply (`lag`). Counted, not
 * subtracted: positions need not be contiguous (KurrentDB's are byte offsets in its log), so
 * head minus position is no count.
 */
export async function withLags(
  store: EventStore,
  statuses: readonly ProjectionStatus[],
): Promise<(ProjectionStatus & { lag: number })[]> {
  const lowest = Math.min(...statuses.map((s) => s.position));
  const pending = statuses.length === 0 ? [] : await store.readAll(lowest + 1, LAG_COUNT_LIMIT);
  return statuses.map((s) => ({
    ...s,
    lag: pending.filter((e) => e.position > s.position).length,
  }));
}
