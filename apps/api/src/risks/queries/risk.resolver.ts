import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Risk, RiskStatus } from '../risk.model';
import { RiskQueries } from './risk.queries';

@Resolver(() => Risk)
export class RiskResolver {
  constructor(private readonly queries: RiskQueries) {}

  @Query(() => Risk, { description: 'One risk; NOT_FOUND if there is none with this id.' })
  risk(@Args('id', { type: () => ID }) id: string): Promise<Risk> {
    return this.queries.byId(id);
  }

  @Query(() => [Risk], {
    description:
      "An initiative's risk register, highest exposure (likelihood x impact) first; optionally one status only.",
  })
  riskRegister(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('status', { type: () => RiskStatus, nullable: true }) status?: RiskStatus | null,
  ): Promise<Risk[]> {
    return this.queries.register(initiativeId, status ?? undefined);
  }
}
