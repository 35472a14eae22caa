import { BenefitPoolsReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { toPageRequest } from '../../graphql/pagination';
import { byId, queriesOf } from '../../graphql/resolver-table';
import { found } from '../../ledger/ledger.errors';
import { BenefitPool, BenefitPoolConnection, BenefitPoolsArgs } from '../benefit-pool.model';

@Injectable()
export class BenefitPoolQueries {
  constructor(readonly reader: BenefitPoolsReader) {}

  byId(poolId: string): Promise<BenefitPool> {
    return found('benefit pool', poolId, this.reader.get(poolId));
  }
}

export const BenefitPoolResolver = queriesOf([BenefitPoolQueries], {
  benefitPool: byId(BenefitPool, 'One benefit pool; NOT_FOUND if there is none with this id.'),
  benefitPools: {
    type: () => BenefitPoolConnection,
    description:
      "A page of an initiative's benefit pools with allocations and distributions, oldest first.",
    args: BenefitPoolsArgs,
    resolve: ({ initiativeId, ...page }, _, { reader }) =>
      reader.page(initiativeId, toPageRequest(page)),
  },
});
