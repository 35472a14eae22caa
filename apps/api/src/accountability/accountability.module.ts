import { Module } from '@nestjs/common';
import { AccountabilityQueries } from './accountability.queries';
import { AccountabilityResolver } from './accountability.resolver';

@Module({ providers: [AccountabilityQueries, AccountabilityResolver] })
export class AccountabilityModule {}
