import { Module } from '@nestjs/common';
import { AccountabilityQueries } from './accountability.queries';
import {
  AccountabilityCommitmentsResolver,
  AccountabilityResolver,
} from './accountability.resolver';

@Module({
  providers: [AccountabilityQueries, AccountabilityResolver, AccountabilityCommitmentsResolver],
})
export class AccountabilityModule {}
