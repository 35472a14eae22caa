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
  version: 1,
  handles: new Set(INDICATOR_EVENT_TYPES),
  tables: [
    {
      name: 'indicators',
      columns: {
        indicator_id: 'text',
        initiative_id: 'text',
        name: 'text',
        unit: 'text',
        direction: 'text',
        baseline_value: 'text',
        baseline_date: 'text',
        target_value: 'text',
        target_date: 'text',
        steward_person_id: 'text',
        steward_partner_id: 'text',
        defined_at: 'text',
        revision: 'integer',
        defined_position: 'bigint',
      },
      primaryKey: ['indicator_id'],
      indexes: {
        by_initiative: { on: ['initiative_id', 'defined_position'] },
      },
    },
    {
      name: 'measurements',
      columns: {
        indicator_id: 'text',
        measurement_id: 'text',
        initiative_id: 'text',
        value: 'text',
        original_value: 'text',
        period_start: 'text',
        period_end: 'text',
        source_partner_id: 'text',
        method: 'text',
        recorded_at: 'text',
        corrected: 'integer',
        recorded_position: 'bigint',
      },
      primaryKey: ['indicator_id', 'measurement_id'],
      indexes: {
        by_initiative: { on: ['initiative_id'] },
      },
    },
    {
      name: 'measurement_corrections',
      columns: {
        indicator_id: 'text',
        measurement_id: 'text',
        initiative_id: 'text',
        value: 'text',
        reason: 'text',
        corrected_at: 'text',
        position: 'bigint',
      },
      primaryKey: ['indicator_id', 'measurement_id', 'position'],
      indexes: {
        by_initiative: { on: ['initiative_id'] },
      },
    },
  ],

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
