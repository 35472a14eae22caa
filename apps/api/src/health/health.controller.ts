import { type EventStore } from '@accord/event-store';
import { ProjectionRunner } from '@accord/projections';
import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { EVENT_STORE } from '../ledger/ledger.tokens';

/** Liveness and lag: the store answers, and how far each read model is behind the log. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  @Get()
  async health() {
    const head = await this.store.headPosition();
    const projections = this.projections.status().map((p) => ({ ...p, lag: head - p.position }));
    const failed = projections.filter((p) => p.state === 'failed');
    const body = {
      status: failed.length === 0 ? 'ok' : 'degraded',
      headPosition: head,
      projections,
    };
    if (failed.length > 0) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
