import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { TimeTravelMiddleware } from './time-travel.middleware';
import { TimeTravelPlugin } from './time-travel.plugin';

/** asOf / knownAt / atPosition on every read-model query (TimeTravel itself is the ledger's). */
@Module({ providers: [TimeTravelPlugin, TimeTravelMiddleware] })
export class TimeTravelModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(TimeTravelMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
