import { IndicatorsReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import type { Indicator, Measurement } from '../indicator.model';

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

  async withMeasurement(
    indicatorId: string,
    measurementId: string,
  ): Promise<{ indicator: Indicator; measurement: Measurement }> {
    const indicator = await this.byId(indicatorId);
    const measurement = indicator.measurements.find((m) => m.measurementId === measurementId);
    if (!measurement) throw new NotFoundError('measurement', measurementId);
    return { indicator, measurement };
  }
}
