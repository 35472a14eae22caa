import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Risk, RiskConnection, RiskRegisterArgs } from '../risk.model';
import { RiskQueries } from './risk.queries';

@Resolver(() => Risk)
export class RiskResolver {
  constructor(private readonly queries: RiskQueries) {}

  @Query(() => Risk, { description: 'One risk; NOT_FOUND if there is none with this id.' })
  risk(@Args('id', { type: () => ID }) id: string): Promise<Risk> {
    return this.queries.byId(id);
  }

  @Query(() => RiskConnection, {
    description:
      "An initiative's risk register, highest exposure (likelihood x impact) first, paged; optionally one status only.",
  })
  riskRegister(@Args() args: RiskRegisterArgs): Promise<RiskConnection> {
    return this.queries.register(args.initiativeId, args.status ?? undefined, args);
  }
}
