import { Args, ArgsType, Field, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { Initiative } from '../../initiatives/initiative.model';
import { PageArgs } from '../../graphql/pagination';
import {
  Indicator,
  IndicatorConnection,
  IndicatorsArgs,
  Measurement,
  MeasurementConnection,
} from '../indicator.model';
import { IndicatorQueries } from './indicator.queries';
import { fieldResolvers } from '../../graphql/field-resolver';

@ArgsType()
export class MeasurementPageArgs extends PageArgs {
  @Field({
    defaultValue: false,
    description:
      "The latest recorded first, each page going further back (a scorecard's chart shows the latest page).",
  })
  @IsBoolean()
  newestFirst: boolean = false;
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  constructor(private readonly queries: IndicatorQueries) {}

  @Query(() => Indicator, {
    description: 'One indicator with its series; NOT_FOUND if there is none with this id.',
  })
  indicator(@Args('id', { type: () => ID }) id: string): Promise<Indicator> {
    return this.queries.byId(id);
  }

  @Query(() => IndicatorConnection, {
    description: 'A page of the shared measures of an initiative, in the order they were defined.',
  })
  indicators(@Args() args: IndicatorsArgs): Promise<IndicatorConnection> {
    return this.queries.page(args.initiativeId, args);
  }

  @ResolveField(() => [Measurement], {
    description:
      'The whole series, ordered by period; corrections applied. For long series, measurementPage.',
  })
  measurements(@Parent() indicator: Indicator): Promise<Measurement[]> {
    return this.queries.series(indicator);
  }

  @ResolveField(() => MeasurementConnection, {
    description:
      'A page of the measurements, in the order they were recorded (the latest recorded first with newestFirst); corrections applied.',
  })
  measurementPage(
    @Parent() indicator: Indicator,
    @Args() page: MeasurementPageArgs,
  ): Promise<MeasurementConnection> {
    return this.queries.measurementPage(indicator.indicatorId, page, page.newestFirst);
  }

  @ResolveField(() => Measurement, {
    nullable: true,
    description: "The latest measurement by period (the scorecard's latest); null before any.",
  })
  latest(@Parent() indicator: Indicator): Promise<Measurement | null> {
    return this.queries.latest(indicator, 0);
  }

  @ResolveField(() => Measurement, {
    nullable: true,
    description:
      "The measurement before the latest by period (the scorecard's prior); null if none.",
  })
  prior(@Parent() indicator: Indicator): Promise<Measurement | null> {
    return this.queries.latest(indicator, 1);
  }
}

export const InitiativeIndicatorsResolver = fieldResolvers(Initiative, IndicatorQueries, {
  indicators: {
    type: () => [Indicator],
    description: 'The shared measures of this initiative.',
    resolve: ({ initiativeId }, _, queries) => queries.ofInitiative(initiativeId),
  },
});
