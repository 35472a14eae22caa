import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { BENEFIT_POOL_COMMANDS } from './benefit-pools.commands';
import { BenefitPoolsMutations } from './benefit-pools.mutations';
import { BenefitPoolQueries } from './queries/benefit-pool.queries';
import { BenefitPoolResolver } from './queries/benefit-pool.resolver';

@Module({
  providers: [BenefitPoolsMutations, BenefitPoolQueries, BenefitPoolResolver],
})
export class BenefitPoolsModule {
  constructor(table: CommandTable) {
    table.add(BENEFIT_POOL_COMMANDS);
  }
}
