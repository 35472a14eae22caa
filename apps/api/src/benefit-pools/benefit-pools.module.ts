import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { AREA_TABLES } from '../ledger/area-tables';
import { BenefitPoolsMutations } from './benefit-pools.mutations';
import { BenefitPoolQueries } from './queries/benefit-pool.queries';
import { BenefitPoolResolver } from './queries/benefit-pool.resolver';

@Module({
  providers: [BenefitPoolsMutations, BenefitPoolQueries, BenefitPoolResolver],
})
export class BenefitPoolsModule {
  constructor(table: CommandTable) {
    table.add(AREA_TABLES.benefitPools());
  }
}
