import { RecordMeasurementDocument } from '../graphql/generated';
import { CommandForm } from './command-form';

/** The indicator's data steward records a value for a period, on the indicator's revision shown. */
export function MeasurementForm({
  indicator,
  sourcePartnerId,
  onRecorded,
}: {
  indicator: { indicatorId: string; name: string; unit: string; revision: number };
  sourcePartnerId: string;
  onRecorded: () => void;
}) {
  const id = `measure-${indicator.indicatorId}`;
  return (
    <CommandForm
      id={id}
      level={3}
      heading={`Record a measurement of ${indicator.name}`}
      revision={indicator.revision}
      stale="indicator"
      onStale={onRecorded}
      fields={[
        { name: 'periodStart', id: `${id}-start`, label: 'Period from', kind: 'date', keep: true },
        { name: 'periodEnd', id: `${id}-end`, label: 'Period to', kind: 'date', keep: true },
        {
          name: 'value',
          id: `${id}-value`,
          label: `Value (${indicator.unit})`,
          inputMode: 'decimal',
        },
        { name: 'method', id: `${id}-method`, label: 'How it was measured', keep: true },
      ]}
      check={(v) => ({
        periodStart: v.text('periodStart') ? null : 'Give the first day of the period.',
        periodEnd: v.text('periodEnd') ? null : 'Give the last day of the period.',
      })}
      document={RecordMeasurementDocument}
      input={(v) => ({
        indicatorId: indicator.indicatorId,
        periodStart: v.text('periodStart'),
        periodEnd: v.text('periodEnd'),
        value: v.text('value').trim().replace(',', '.'),
        method: v.text('method').trim(),
        sourcePartnerId,
      })}
      submit="Record the measurement"
      onRecorded={onRecorded}
    />
  );
}
