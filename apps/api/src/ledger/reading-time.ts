import { dayOf } from '@accord/domain';
import { TimeTravel } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { Clock } from './clock';

/**
 * "Today" for a query: the day it travels to (asOf, knownAt, or when the event at atPosition
 * occurred), else the clock's. Overdue commitments and roles in office are judged by it.
 */
@Injectable()
export class ReadingTime {
  constructor(
    private readonly clock: Clock,
    private readonly travel: TimeTravel,
  ) {}

  today(): string {
    return dayOf((this.travel.currentMoment() ?? this.clock.now()).toISOString());
  }
}
