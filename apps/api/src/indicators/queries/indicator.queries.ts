import { IndicatorsReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import type {
  Indicator,
  IndicatorConnection,
  Measurement,
  MeasurementConnection,
} from '../indicator.model';

@Injectable()
export class IndicatorQueries {
  constructor(private readonly reader: IndicatorsReader) {}

  async byId(indicatorId: string): Promise<Indicator> {
    const view = await this.reader.get(indicatorId);
    if (!view) throw new NotFoundError('indicator', indicatorId);
    return view;
  }

  ofInitiative(initiativeId: string): Promise<Indicator[]> {
    return this.reader.list(initiativeId);
  }

  /** A page of an initiative's indicators, without their series (read per indicator). */
  page(initiativeId: string, page: PageArgs): Promise<IndicatorConnection> {
    return this.reader.page(initiativeId, toPageRequest(page));
  }

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

  measurementPage(
    indicatorId: string,
    page: PageArgs,
    newestFirst = false,
  ): Promise<MeasurementConnection> {
    return this.reader.measurementPage(indicatorId, toPageRequest(page), newestFirst);
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
