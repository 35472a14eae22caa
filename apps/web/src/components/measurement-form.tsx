import { useState } from 'preact/hooks';
import { request } from '../graphql/client';
import { RecordMeasurementDocument } from '../graphql/generated';
import { Field, FormError, StaleNotice, useCommand } from './command';

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
  const command = useCommand(['periodStart', 'periodEnd', 'value', 'method']);
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [value, setValue] = useState('');
  const [method, setMethod] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const id = `measure-${indicator.indicatorId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!periodStart) found.periodStart = 'Give the first day of the period.';
    if (!periodEnd) found.periodEnd = 'Give the last day of the period.';
    setProblems(found);
    if (Object.keys(found).length) return;
    const answer = await command.run(
      (commandId) =>
        request(RecordMeasurementDocument, {
          input: {
            commandId,
            indicatorId: indicator.indicatorId,
            expectedRevision: indicator.revision,
            periodStart,
            periodEnd,
            value: value.trim().replace(',', '.'),
            method: method.trim(),
            sourcePartnerId,
          },
        }),
      onRecorded,
    );
    if (answer) {
      setValue('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>Record a measurement of {indicator.name}</h3>
      {command.stale && <StaleNotice what="indicator" />}
      <Field
        id={`${id}-start`}
        label="Period from"
        type="date"
        value={periodStart}
        onInput={setPeriodStart}
        error={problems.periodStart ?? command.fieldError('periodStart')}
      />
      <Field
        id={`${id}-end`}
        label="Period to"
        type="date"
        value={periodEnd}
        onInput={setPeriodEnd}
        error={problems.periodEnd ?? command.fieldError('periodEnd')}
      />
      <Field
        id={`${id}-value`}
        label={`Value (${indicator.unit})`}
        inputMode="decimal"
        value={value}
        onInput={setValue}
        error={command.fieldError('value')}
      />
      <Field
        id={`${id}-method`}
        label="How it was measured"
        value={method}
        onInput={setMethod}
        error={command.fieldError('method')}
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Record the measurement'}
      </button>
    </form>
  );
}
