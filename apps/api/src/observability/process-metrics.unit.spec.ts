import { Registry } from 'prom-client';
import { collectProcessMetrics } from './process-metrics';

const PREFIX = 'accord_process_';

async function gcCount(registry: Registry): Promise<number> {
  const histogram = await registry.getSingleMetric(`${PREFIX}nodejs_gc_duration_seconds`)!.get();
  return histogram.values
    .filter((value) => (value as { metricName?: string }).metricName?.endsWith('_count'))
    .reduce((sum, value) => sum + value.value, 0);
}

/** Enough short-lived garbage for a few young-generation collections. */
async function makeGarbage(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    let chain: unknown[] = [];
    for (let n = 0; n < 100_000; n++) chain = [chain, { n }];
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('collectProcessMetrics', () => {
  it("serves prom-client's default process metrics under the prefix", async () => {
    const registry = new Registry();
    const stop = collectProcessMetrics(registry, PREFIX);
    try {
      const text = await registry.metrics();
      for (const name of [
        'process_cpu_user_seconds_total',
        'process_start_time_seconds',
        'process_resident_memory_bytes',
        'process_open_fds',
        'nodejs_heap_size_used_bytes',
        'nodejs_heap_space_size_used_bytes',
        'nodejs_active_handles_total',
        'nodejs_version_info',
        'nodejs_eventloop_lag_seconds',
        'nodejs_eventloop_lag_p99_seconds',
        'nodejs_gc_duration_seconds',
      ])
        expect(text).toContain(`# TYPE ${PREFIX}${name} `);
      expect(text).toMatch(/^accord_process_nodejs_eventloop_lag_seconds \d/m);
    } finally {
      stop();
    }
  });

  it('counts garbage collections until it is stopped, and none after', async () => {
    const registry = new Registry();
    const stop = collectProcessMetrics(registry, PREFIX);
    await makeGarbage();
    const whileRunning = await gcCount(registry);
    expect(whileRunning).toBeGreaterThan(0);

    stop();
    await makeGarbage();
    expect(await gcCount(registry)).toBe(whileRunning);
  });
});
