import { BenefitPoolsReader } from '@accord/projections';
import { toPageRequest } from '../../graphql/pagination';
import { byId, queriesOf, readerQueries } from '../../graphql/resolver-table';
import { BenefitPool, BenefitPoolConnection, BenefitPoolsArgs } from '../benefit-pool.model';

export class BenefitPoolQueries extends readerQueries(BenefitPoolsReader, 'benefit pool') {}

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
