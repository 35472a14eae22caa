import * as perf from 'node:perf_hooks';
import { Gauge, Histogram, type Registry } from 'prom-client';
import heapSizeAndUsed from 'prom-client/lib/metrics/heapSizeAndUsed';
import heapSpacesSizeAndUsed from 'prom-client/lib/metrics/heapSpacesSizeAndUsed';
import osMemoryHeap from 'prom-client/lib/metrics/osMemoryHeap';
import processCpuTotal from 'prom-client/lib/metrics/processCpuTotal';
import processHandles from 'prom-client/lib/metrics/processHandles';
import processMaxFileDescriptors from 'prom-client/lib/metrics/processMaxFileDescriptors';
import processOpenFileDescriptors from 'prom-client/lib/metrics/processOpenFileDescriptors';
import processRequests from 'prom-client/lib/metrics/processRequests';
import processResources from 'prom-client/lib/metrics/processResources';
import processStartTime from 'prom-client/lib/metrics/processStartTime';
import version from 'prom-client/lib/metrics/version';

/** Read when scraped: nothing runs between scrapes. */
const SAMPLED_ON_SCRAPE = [
  processCpuTotal,
  processStartTime,
  osMemoryHeap,
  processOpenFileDescriptors,
  processMaxFileDescriptors,
  processResources,
  processHandles,
  processRequests,
  heapSizeAndUsed,
  heapSpacesSizeAndUsed,
  version,
];

const GC_KINDS: Record<number, string> = {
  [perf.constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [perf.constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [perf.constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [perf.constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/**
 * The process metrics of prom-client's `collectDefaultMetrics`, under the same names, with a
 * way to stop them. prom-client's garbage-collection observer and event-loop monitor run for
 * as long as the process does (prometheus/client_js#500): every app built in one process, as
 * the tests build hundreds, kept its whole module graph alive through them.
 * Returns the function that stops the two watchers.
 */
export function collectProcessMetrics(registry: Registry, prefix: string): () => void {
  for (const register of SAMPLED_ON_SCRAPE) register(registry, { prefix });
  const stopGc = observeGarbageCollection(registry, prefix);
  const stopLag = monitorEventLoopLag(registry, prefix);
  return () => {
    stopGc();
    stopLag();
  };
}

function observeGarbageCollection(registry: Registry, prefix: string): () => void {
  const durations = new Histogram({
    name: `${prefix}nodejs_gc_duration_seconds`,
    help: 'Seconds each garbage collection took, by kind: major, minor, incremental or weakcb.',
    labelNames: ['kind'] as const,
    buckets: [0.001, 0.01, 0.1, 1, 2, 5],
    registers: [registry],
  });
  const observer = new perf.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind } = (entry as unknown as { detail: perf.NodeGCPerformanceDetail }).detail;
      durations.observe({ kind: GC_KINDS[kind] ?? 'unknown' }, entry.duration / 1000);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}

function monitorEventLoopLag(registry: Registry, prefix: string): () => void {
  const delays = perf.monitorEventLoopDelay({ resolution: 10 });
  delays.enable();
  const seconds = (nanoseconds: number) => nanoseconds / 1e9;
  const summaries: [string, string, () => number][] = [
    ['min', 'Shortest event-loop delay since the last scrape.', () => delays.min],
    ['max', 'Longest event-loop delay since the last scrape.', () => delays.max],
    ['mean', 'Average event-loop delay since the last scrape.', () => delays.mean],
    ['stddev', 'Spread (standard deviation) of those delays.', () => delays.stddev],
    ['p50', 'Median event-loop delay since the last scrape.', () => delays.percentile(50)],
    ['p90', '90th percentile of those delays.', () => delays.percentile(90)],
    ['p99', '99th percentile of those delays.', () => delays.percentile(99)],
  ];
  const gauge = (name: string, help: string, collect?: () => Promise<void>) =>
    new Gauge({
      name: `${prefix}nodejs_eventloop_lag_${name}`,
      help,
      registers: [registry],
      collect,
    });
  const gauges = summaries.map(
    ([name, help, read]) => [gauge(`${name}_seconds`, help), read] as const,
  );
  // One scrape sets every summary from the delays since the last one, then starts afresh.
  const lag: Gauge = gauge('seconds', 'Wait of a callback queued at scrape time.', async () => {
    for (const [summary, read] of gauges) summary.set(seconds(read()));
    delays.reset();
    const start = process.hrtime.bigint();
    await new Promise((resolve) => setImmediate(resolve));
    lag.set(seconds(Number(process.hrtime.bigint() - start)));
  });
  return () => delays.disable();
}
