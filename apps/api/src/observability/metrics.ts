import { type EventStore } from '@accord/event-store';
import { ProjectionRunner } from '@accord/projections';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { withLags } from '../ledger/projection-lag';
import { collectProcessMetrics } from './process-metrics';

/** Seconds, from a fast read-model query to a slow rebuild-sized write. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Client-chosen operation names are kept only while they are few and well formed. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Accord's Prometheus metrics, in a registry of its own (one per app, so tests stay apart). */
@Injectable()
export class AccordMetrics implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private stopProcessMetrics = () => {};

  readonly requests = new Counter({
    name: 'accord_graphql_requests_total',
    help: 'GraphQL operations answered, by operation name and type, and whether they had errors.',
    labelNames: ['operation', 'type', 'result'] as const,
    registers: [this.registry],
  });

  readonly requestSeconds = new Histogram({
    name: 'accord_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'accord_commands_total',
    help: 'Commands (mutation fields) by outcome: OK, or the error code they were refused with.',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandWriteSeconds = new Histogram({
    name: 'accord_command_write_duration_seconds',
    help: 'Time a command took to load its stream, decide and append its events.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly readYourWritesSeconds = new Histogram({
    name: 'accord_projection_catch_up_duration_seconds',
    help: "Time from a command's append until every read model showed it (read-your-writes).",
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(@Inject(EVENT_STORE) store: EventStore, projections: ProjectionRunner) {
    new Gauge({
      name: 'accord_ledger_head_position',
      help: 'Global position of the last event in the log.',
      registers: [this.registry],
      async collect() {
        this.set(await store.headPosition());
      },
    });
    new Gauge({
      name: 'accord_projection_lag_events',
      help: 'Events of the log each read model has not applied yet.',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        for (const status of await withLags(store, projections.status()))
          this.set({ projection: status.name }, status.lag);
      },
    });
    new Gauge({
      name: 'accord_projection_position',
      help: 'Global position each read model has applied up to.',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      collect() {
        for (const status of projections.status())
          this.set({ projection: status.name }, status.position);
      },
    });
    new Gauge({
      name: 'accord_projection_failed',
      help: 'One for a read model that is failing (and retrying), zero otherwise.',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      collect() {
        for (const status of projections.status())
          this.set({ projection: status.name }, status.state === 'failed' ? 1 : 0);
      },
    });
  }

  /** The process's own metrics run while the app does (not for a bare `new AccordMetrics`). */
  onModuleInit(): void {
    this.stopProcessMetrics = collectProcessMetrics(this.registry, 'accord_process_');
  }

  onModuleDestroy(): void {
    this.stopProcessMetrics();
  }

  /** The label for an operation name: the name while it is well formed and names are few. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (!this.operationNames.has(name)) {
      if (this.operationNames.size >= MAX_OPERATION_NAMES) return '(other)';
      this.operationNames.add(name);
    }
    return name;
  }

  /** Runs `work` and records how long it took in `histogram`, whether it succeeded or not. */
  async time<T>(histogram: Histogram, work: () => Promise<T>): Promise<T> {
    const stop = histogram.startTimer();
    try {
      return await work();
    } finally {
      stop();
    }
  }
}
