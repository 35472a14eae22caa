import { type EventStore } from '@accord/event-store';
import { ProjectionRunner, ReadModelAheadOfLogError } from '@accord/projections';
import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { withLags } from '../ledger/projection-lag';

/** Read models further behind than this are not ready to serve reads. */
export const READY_MAX_LAG = 1_000;

/**
 * /health: the store answers, and how far each read model is behind the log (503 when one is
 * failing, or when the log went back behind them: status "halted", with the reason). /ready: the same, and every read model close enough to the head to serve reads,
 * for a load balancer to route by.
 */
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  @Get('health')
  async health() {
    const report = await this.report();
    if (report.halted) {
      throw new HttpException({ ...report, status: 'halted' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    if (report.projections.some((p) => p.state === 'failed')) {
      throw new HttpException({ ...report, status: 'degraded' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { ...report, status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const report = await this.report();
    const lagging = report.projections.filter((p) => p.state === 'failed' || p.lag > READY_MAX_LAG);
    if (report.halted || lagging.length > 0) {
      throw new HttpException({ ...report, status: 'not ready' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { ...report, status: 'ready' };
  }

  private async report() {
    let headPosition: number;
    try {
      headPosition = await this.store.headPosition();
    } catch (error) {
      throw new HttpException(
        {
          status: 'store unreachable',
          error: error instanceof Error ? error.message : String(error),
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    const halted = await this.projections.checkLog().then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof ReadModelAheadOfLogError) return error.message;
        throw error;
      },
    );
    const projections = await withLags(this.store, this.projections.status());
    return { headPosition, ...(halted && { halted }), projections };
  }
}
