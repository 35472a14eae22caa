import { IndicatorsReader } from '@accord/projections';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { Initiative } from '../../initiatives/initiative.model';
import { PageArgs, toPageRequest } from '../../graphql/pagination';
import { byId, fieldResolvers, queriesOf, readerQueries } from '../../graphql/resolver-table';
import { NotFoundError } from '../../ledger/ledger.errors';
import {
  Indicator,
  IndicatorConnection,
  IndicatorsArgs,
  Measurement,
  MeasurementConnection,
} from '../indicator.model';

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

export class IndicatorQueries extends readerQueries(IndicatorsReader, 'indicator') {
  /** The whole series, unless the indicator came with it. */
  async series(indicator: Indicator): Promise<Measurement[]> {
    return indicator.measurements ?? this.reader.series(indicator.indicatorId);
  }

  /** The latest measurement by period (at 0) and the one before it (at 1), if any. */
  async latest(indicator: Indicator, at: 0 | 1): Promise<Measurement | null> {
    const series = indicator.measurements;
    if (series) return series.at(-1 - at) ?? null;
    return (await this.reader.latest(indicator.indicatorId, 2))[at] ?? null;
  }

  async withMeasurement(
    indicatorId: string,
    measurementId: string,
  ): Promise<{ indicator: Indicator; measurement: Measurement }> {
    const indicator = await this.byId(indicatorId);
    const measurement = (await this.series(indicator)).find(
      (m) => m.measurementId === measurementId,
    );
    if (!measurement) throw new NotFoundError('measurement', measurementId);
    return { indicator, measurement };
  }
}

export const IndicatorResolver = queriesOf([IndicatorQueries], {
  indicator: byId(
    Indicator,
    'One indicator with its series; NOT_FOUND if there is none with this id.',
  ),
  indicators: {
    type: () => IndicatorConnection,
    description: 'A page of the shared measures of an initiative, in the order they were defined.',
    args: IndicatorsArgs,
    resolve: ({ initiativeId, ...page }, _, { reader }) =>
      reader.page(initiativeId, toPageRequest(page)),
  },
});

export const IndicatorFieldsResolver = fieldResolvers(Indicator, [IndicatorQueries], {
  measurements: {
    type: () => [Measurement],
    description:
      'The whole series, ordered by period; corrections applied. For long series, measurementPage.',
    resolve: (indicator, _, queries) => queries.series(indicator),
  },
  measurementPage: {
    type: () => MeasurementConnection,
    description:
      'A page of the measurements, in the order they were recorded (the latest recorded first with newestFirst); corrections applied.',
    args: MeasurementPageArgs,
    resolve: ({ indicatorId }, page, { reader }) =>
      reader.measurementPage(indicatorId, toPageRequest(page), page.newestFirst),
  },
  latest: {
    type: () => Measurement,
    nullable: true,
    description: "The latest measurement by period (the scorecard's latest); null before any.",
    resolve: (indicator, _, queries) => queries.latest(indicator, 0),
  },
  prior: {
    type: () => Measurement,
    nullable: true,
    description:
      "The measurement before the latest by period (the scorecard's prior); null if none.",
    resolve: (indicator, _, queries) => queries.latest(indicator, 1),
  },
});

export const InitiativeIndicatorsResolver = fieldResolvers(Initiative, [IndicatorQueries], {
  indicators: {
    type: () => [Indicator],
    description: 'The shared measures of this initiative.',
    resolve: ({ initiativeId }, _, { reader }) => reader.list(initiativeId),
  },
});
