import type { IndicatorDirection } from '@accord/domain';
import { keysetPage, type Page, type PageRequest } from '../runtime/cursor';
import type { ReadModelDatabase } from '../runtime/read-model-database';

export interface MeasurementCorrectionView {
  value: string;
  reason: string;
  correctedAt: string;
}

export interface MeasurementView {
  measurementId: string;
  /** The value in force: the latest correction's, or the original. */
  value: string;
  originalValue: string;
  corrected: boolean;
  periodStart: string;
  periodEnd: string;
  sourcePartnerId: string;
  method: string;
  recordedAt: string;
  /** Oldest first. */
  corrections: MeasurementCorrectionView[];
}

export interface IndicatorView {
  indicatorId: string;
  initiativeId: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: { value: string; date: string };
  target: { value: string; date: string };
  dataSteward: { personId: string; partnerId: string };
  definedAt: string;
  revision: number;
  /**
   * Ordered by period, then by when they were recorded. Left out of a page of indicators
   * (series and scorecard read per indicator when asked for).
   */
  measurements: MeasurementView[] | undefined;
}

/** An indicator read with its whole series. */
export type IndicatorWithSeriesView = IndicatorView & { measurements: MeasurementView[] };

interface IndicatorRow {
  indicator_id: string;
  initiative_id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline_value: string;
  baseline_date: string;
  target_value: string;
  target_date: string;
  steward_person_id: string;
  steward_partner_id: string;
  defined_at: string;
  revision: number;
}

interface MeasurementRow {
  indicator_id: string;
  measurement_id: string;
  value: string;
  original_value: string;
  period_start: string;
  period_end: string;
  source_partner_id: string;
  method: string;
  recorded_at: string;
  corrected: number;
}

interface CorrectionRow {
  indicator_id: string;
  measurement_id: string;
  value: string;
  reason: string;
  corrected_at: string;
}

const key = (indicatorId: string, measurementId: string) => `${indicatorId}\u0000${measurementId}`;

export class IndicatorsReader {
  constructor(private readonly db: ReadModelDatabase) {}

  async get(indicatorId: string): Promise<IndicatorWithSeriesView | undefined> {
    const row = await this.db.get<IndicatorRow>(
      'SELECT * FROM rm_indicators WHERE indicator_id = ?',
      [indicatorId],
    );
    if (!row) return undefined;
    const [view] = await this.withMeasurements([row], 'indicator_id = ?', [indicatorId]);
    return view;
  }

  /** The indicators of an initiative, in the order they were defined. */
  async list(initiativeId: string): Promise<IndicatorWithSeriesView[]> {
    const rows = await this.db.all<IndicatorRow>(
      'SELECT * FROM rm_indicators WHERE initiative_id = ? ORDER BY defined_position',
      [initiativeId],
    );
    return this.withMeasurements(rows, 'initiative_id = ?', [initiativeId]);
  }

  /** One page of an initiative's indicators in the order they were defined, without series. */
  page(initiativeId: string, page: PageRequest): Promise<Page<IndicatorView>> {
    return keysetPage<IndicatorRow, IndicatorView>(
      this.db,
      {
        table: 'rm_indicators',
        key: 'defined_position',
        where: ['initiative_id = ?'],
        params: [initiativeId],
      },
      page,
      (rows) => rows.map((row) => toIndicator(row, undefined)),
    );
  }

  /** An indicator's whole series, ordered by period, then by when they were recorded. */
  async series(indicatorId: string): Promise<MeasurementView[]> {
    const rows = await this.db.all<MeasurementRow>(
      `SELECT * FROM rm_measurements WHERE indicator_id = ?
       ORDER BY period_start, period_end, recorded_position`,
      [indicatorId],
    );
    return this.toMeasurements(rows, [indicatorId]);
  }

  /**
   * An indicator's latest measurements by period (the latest first, then the one before): what
   * the scorecard compares, read without the rest of the series.
   */
  async latest(indicatorId: string, count: number): Promise<MeasurementView[]> {
    const rows = await this.db.all<MeasurementRow>(
      `SELECT * FROM rm_measurements WHERE indicator_id = ?
       ORDER BY period_end DESC, period_start DESC, recorded_position DESC LIMIT ?`,
      [indicatorId, count],
    );
    return this.toMeasurements(rows, [indicatorId]);
  }

  /** One page of an indicator's measurements in the order they were recorded (newest first if asked). */
  measurementPage(
    indicatorId: string,
    page: PageRequest,
    newestFirst = false,
  ): Promise<Page<MeasurementView>> {
    return keysetPage<MeasurementRow, MeasurementView>(
      this.db,
      {
        table: 'rm_measurements',
        key: 'recorded_position',
        where: ['indicator_id = ?'],
        params: [indicatorId],
        descending: newestFirst,
      },
      page,
      (rows) => this.toMeasurements(rows, [indicatorId]),
    );
  }

  /** Measurements of these rows with their corrections. */
  private async toMeasurements(
    rows: readonly MeasurementRow[],
    indicatorIds: readonly string[],
  ): Promise<MeasurementView[]> {
    if (rows.length === 0) return [];
    const corrections = await this.db.all<CorrectionRow>(
      `SELECT * FROM rm_measurement_corrections
       WHERE indicator_id IN (${indicatorIds.map(() => '?').join(', ')}) ORDER BY position`,
      indicatorIds,
    );
    const correctionsOf = new Map<string, MeasurementCorrectionView[]>();
    for (const c of corrections) {
      const list = correctionsOf.get(key(c.indicator_id, c.measurement_id)) ?? [];
      list.push({ value: c.value, reason: c.reason, correctedAt: c.corrected_at });
      correctionsOf.set(key(c.indicator_id, c.measurement_id), list);
    }
    return rows.map((m) => toMeasurement(m, correctionsOf));
  }

  private async withMeasurements(
    rows: readonly IndicatorRow[],
    where: string,
    params: string[],
  ): Promise<IndicatorWithSeriesView[]> {
    const measurements = await this.db.all<MeasurementRow>(
      `SELECT * FROM rm_measurements WHERE ${where}
       ORDER BY period_start, period_end, recorded_position`,
      params,
    );
    const corrections = await this.db.all<CorrectionRow>(
      `SELECT * FROM rm_measurement_corrections WHERE ${where} ORDER BY position`,
      params,
    );
    const correctionsOf = new Map<string, MeasurementCorrectionView[]>();
    for (const c of corrections) {
      const list = correctionsOf.get(key(c.indicator_id, c.measurement_id)) ?? [];
      list.push({ value: c.value, reason: c.reason, correctedAt: c.corrected_at });
      correctionsOf.set(key(c.indicator_id, c.measurement_id), list);
    }
    const seriesOf = new Map<string, MeasurementView[]>();
    for (const m of measurements) {
      const series = seriesOf.get(m.indicator_id) ?? [];
      series.push(toMeasurement(m, correctionsOf));
      seriesOf.set(m.indicator_id, series);
    }
    return rows.map((row) => ({
      ...toIndicator(row, undefined),
      measurements: seriesOf.get(row.indicator_id) ?? [],
    }));
  }
}

function toMeasurement(
  m: MeasurementRow,
  correctionsOf: ReadonlyMap<string, MeasurementCorrectionView[]>,
): MeasurementView {
  return {
    measurementId: m.measurement_id,
    value: m.value,
    originalValue: m.original_value,
    corrected: Number(m.corrected) === 1,
    periodStart: m.period_start,
    periodEnd: m.period_end,
    sourcePartnerId: m.source_partner_id,
    method: m.method,
    recordedAt: m.recorded_at,
    corrections: correctionsOf.get(key(m.indicator_id, m.measurement_id)) ?? [],
  };
}

function toIndicator(
  row: IndicatorRow,
  measurements: MeasurementView[] | undefined,
): IndicatorView {
  return {
    indicatorId: row.indicator_id,
    initiativeId: row.initiative_id,
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    baseline: { value: row.baseline_value, date: row.baseline_date },
    target: { value: row.target_value, date: row.target_date },
    dataSteward: { personId: row.steward_person_id, partnerId: row.steward_partner_id },
    definedAt: row.defined_at,
    revision: Number(row.revision),
    measurements,
  };
}
