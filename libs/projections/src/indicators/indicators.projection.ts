import type { IndicatorEvent } from '@accord/domain';
import { INDICATOR_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/**
 * Indicators: one row per indicator, one per measurement, one per correction.
 * - IndicatorDefined: inserts the indicator with its baseline, target and data steward.
 * - MeasurementRecorded: inserts the measurement; its value in force is the original.
 * - MeasurementCorrected: appends the correction and makes its value the one in force;
 *   the original value stays on the measurement row and every correction stays listed.
 */
export const indicatorsProjection: Projection = {
  name: 'indicators',
  handles: new Set(INDICATOR_EVENT_TYPES),
  schema: `
    CREATE TABLE IF NOT EXISTS rm_indicators (
      indicator_id TEXT PRIMARY KEY,
      initiative_id TEXT NOT NULL,
      name TEXT NOT NULL,
      unit TEXT NOT NULL,
      direction TEXT NOT NULL,
      baseline_value TEXT NOT NULL,
      baseline_date TEXT NOT NULL,
      target_value TEXT NOT NULL,
      target_date TEXT NOT NULL,
      steward_person_id TEXT NOT NULL,
      steward_partner_id TEXT NOT NULL,
      defined_at TEXT NOT NULL,
      revision INTEGER NOT NULL,
      defined_position BIGINT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_indicators_by_initiative ON rm_indicators (initiative_id, defined_position);
    CREATE TABLE IF NOT EXISTS rm_measurements (
      indicator_id TEXT NOT NULL,
      measurement_id TEXT NOT NULL,
      initiative_id TEXT NOT NULL,
      value TEXT NOT NULL,
      original_value TEXT NOT NULL,
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      source_partner_id TEXT NOT NULL,
      method TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      corrected INTEGER NOT NULL,
      recorded_position BIGINT NOT NULL,
      PRIMARY KEY (indicator_id, measurement_id)
    );
    CREATE INDEX IF NOT EXISTS rm_measurements_by_initiative ON rm_measurements (initiative_id);
    CREATE TABLE IF NOT EXISTS rm_measurement_corrections (
      indicator_id TEXT NOT NULL,
      measurement_id TEXT NOT NULL,
      initiative_id TEXT NOT NULL,
      value TEXT NOT NULL,
      reason TEXT NOT NULL,
      corrected_at TEXT NOT NULL,
      position BIGINT NOT NULL,
      PRIMARY KEY (indicator_id, measurement_id, position)
    );
    CREATE INDEX IF NOT EXISTS rm_measurement_corrections_by_initiative ON rm_measurement_corrections (initiative_id);
  `,

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as IndicatorEvent;
    switch (event.type) {
      case 'IndicatorDefined.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_indicators (indicator_id, initiative_id, name, unit, direction, baseline_value,
               baseline_date, target_value, target_date, steward_person_id, steward_partner_id, defined_at,
               revision, defined_position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            d.indicatorId,
            d.initiativeId,
            d.name,
            d.unit,
            d.direction,
            d.baseline.value,
            d.baseline.date,
            d.target.value,
            d.target.date,
            d.dataSteward.personId,
            d.dataSteward.partnerId,
            d.definedAt,
            stored.revision,
            stored.position,
          ),
        ];
      }
      case 'MeasurementRecorded.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_measurements (indicator_id, measurement_id, initiative_id, value, original_value,
               period_start, period_end, source_partner_id, method, recorded_at, corrected, recorded_position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
            d.indicatorId,
            d.measurementId,
            d.initiativeId,
            d.value,
            d.value,
            d.periodStart,
            d.periodEnd,
            d.sourcePartnerId,
            d.method,
            d.recordedAt,
            stored.position,
          ),
          sql(
            'UPDATE rm_indicators SET revision = ? WHERE indicator_id = ?',
            stored.revision,
            d.indicatorId,
          ),
        ];
      }
      case 'MeasurementCorrected.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_measurement_corrections (indicator_id, measurement_id, initiative_id, value, reason,
               corrected_at, position)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
            d.indicatorId,
            d.measurementId,
            d.initiativeId,
            d.value,
            d.reason,
            d.correctedAt,
            stored.position,
          ),
          sql(
            `UPDATE rm_measurements SET value = ?, corrected = 1 WHERE indicator_id = ? AND measurement_id = ?`,
            d.value,
            d.indicatorId,
            d.measurementId,
          ),
          sql(
            'UPDATE rm_indicators SET revision = ? WHERE indicator_id = ?',
            stored.revision,
            d.indicatorId,
          ),
        ];
      }
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
