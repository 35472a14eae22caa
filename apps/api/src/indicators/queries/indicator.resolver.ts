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
    const { initiativeId, first, after } = args;
    return this.queries.page(initiativeId, { first, after });
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
    return this.queries.measurementPage(
      indicator.indicatorId,
      { first: page.first, after: page.after },
      page.newestFirst,
    );
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

@Resolver(() => Initiative)
export class InitiativeIndicatorsResolver {
  constructor(private readonly queries: IndicatorQueries) {}

  @ResolveField(() => [Indicator], { description: 'The shared measures of this initiative.' })
  indicators(@Parent() initiative: Initiative): Promise<Indicator[]> {
    return this.queries.ofInitiative(initiative.initiativeId);
  }
}
