import { Module } from '@nestjs/common';
import { AllocateBenefitSharesHandler } from './commands/allocate-benefit-shares/allocate-benefit-shares.handler';
import { AllocateBenefitSharesResolver } from './commands/allocate-benefit-shares/allocate-benefit-shares.resolver';
import { DefineBenefitPoolHandler } from './commands/define-benefit-pool/define-benefit-pool.handler';
import { DefineBenefitPoolResolver } from './commands/define-benefit-pool/define-benefit-pool.resolver';
import { ReallocateBenefitSharesHandler } from './commands/reallocate-benefit-shares/reallocate-benefit-shares.handler';
import { ReallocateBenefitSharesResolver } from './commands/reallocate-benefit-shares/reallocate-benefit-shares.resolver';
import { RecordDistributionHandler } from './commands/record-distribution/record-distribution.handler';
import { RecordDistributionResolver } from './commands/record-distribution/record-distribution.resolver';
import { BenefitPoolQueries } from './queries/benefit-pool.queries';
import { BenefitPoolResolver } from './queries/benefit-pool.resolver';

@Module({
  providers: [
    BenefitPoolQueries,
    BenefitPoolResolver,
    DefineBenefitPoolHandler,
    DefineBenefitPoolResolver,
    AllocateBenefitSharesHandler,
    AllocateBenefitSharesResolver,
    ReallocateBenefitSharesHandler,
    ReallocateBenefitSharesResolver,
    RecordDistributionHandler,
    RecordDistributionResolver,
  ],
})
export class BenefitPoolsModule {}
