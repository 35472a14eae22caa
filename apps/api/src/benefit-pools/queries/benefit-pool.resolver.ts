import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { BenefitPool, BenefitPoolConnection, BenefitPoolsArgs } from '../benefit-pool.model';
import { BenefitPoolQueries } from './benefit-pool.queries';

@Resolver(() => BenefitPool)
export class BenefitPoolResolver {
  constructor(private readonly queries: BenefitPoolQueries) {}

  @Query(() => BenefitPool, {
    description: 'One benefit pool; NOT_FOUND if there is none with this id.',
  })
  benefitPool(@Args('id', { type: () => ID }) id: string): Promise<BenefitPool> {
    return this.queries.byId(id);
  }

  @Query(() => BenefitPoolConnection, {
    description:
      "A page of an initiative's benefit pools with allocations and distributions, oldest first.",
  })
  benefitPools(@Args() args: BenefitPoolsArgs): Promise<BenefitPoolConnection> {
    return this.queries.byInitiative(args.initiativeId, args);
  }
}
