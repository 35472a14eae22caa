import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Initiative } from '../../initiatives/initiative.model';
import { Indicator } from '../indicator.model';
import { IndicatorQueries } from './indicator.queries';

@Resolver(() => Indicator)
export class IndicatorResolver {
  constructor(private readonly queries: IndicatorQueries) {}

  @Query(() => Indicator, {
    description: 'One indicator with its series; NOT_FOUND if there is none with this id.',
  })
  indicator(@Args('id', { type: () => ID }) id: string): Promise<Indicator> {
    return this.queries.byId(id);
  }

  @Query(() => [Indicator], {
    description: 'The shared measures of an initiative, in the order they were defined.',
  })
  indicators(@Args('initiativeId', { type: () => ID }) initiativeId: string): Promise<Indicator[]> {
    return this.queries.ofInitiative(initiativeId);
  }
}

@Resolver(() => Initiative)
export class InitiativeIndicatorsResolver {
  constructor(private readonly queries: IndicatorQueries) {}

  @ResolveField(() => [Indicator], { description: 'The shared measures of this initiative.' })
  indicators(@Parent() initiative: Initiative): Promise<Indicator[]> {
    return this.queries.ofInitiative(initiative.initiativeId);
  }
}
