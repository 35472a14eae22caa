import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsPlugin } from './metrics.plugin';
import { AccordMetrics } from './metrics';

/** Prometheus metrics at /metrics (the logger is set up in bootstrap.ts, before the app). */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [AccordMetrics, MetricsPlugin],
  exports: [AccordMetrics],
})
export class ObservabilityModule {}
