import { Module } from '@nestjs/common';
import { LedgerEventsResolver } from './ledger-events.resolver';

@Module({ providers: [LedgerEventsResolver] })
export class LiveModule {}
