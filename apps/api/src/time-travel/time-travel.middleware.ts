import { TimeTravel } from '@accord/projections';
import { Injectable, type NestMiddleware } from '@nestjs/common';

/** Each GraphQL request runs in its own time-travel scope, live until its query names a point. */
@Injectable()
export class TimeTravelMiddleware implements NestMiddleware {
  constructor(private readonly travel: TimeTravel) {}

  use(_request: unknown, _response: unknown, next: () => void): void {
    this.travel.run(next);
  }
}
