import { type EventStore } from '@accord/event-store';
import { ProjectionRunner, ReadModelAheadOfLogError } from '@accord/projections';
import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { withLags } from '../ledger/projection-lag';

/** Read models further behind than this are not ready to serve reads. */
export const READY_MAX_LAG = 1_000;

const unavailable = (body: object) => new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);

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
    if (report.halted) throw unavailable({ ...report, status: 'halted' });
    if (report.projections.some((p) => p.state === 'failed'))
      throw unavailable({ ...report, status: 'degraded' });
    return { ...report, status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const report = await this.report();
    const lagging = report.projections.filter((p) => p.state === 'failed' || p.lag > READY_MAX_LAG);
    if (report.halted || lagging.length > 0) throw unavailable({ ...report, status: 'not ready' });
    return { ...report, status: 'ready' };
  }

  private async report() {
    let headPosition: number;
    try {
      headPosition = await this.store.headPosition();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw unavailable({ status: 'store unreachable', error: reason });
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
