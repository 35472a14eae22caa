import type { IndicatorEvent } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { indicatorsProjection } from './indicators.projection';
import { IndicatorsReader } from './indicators.reader';

const at = '2026-03-01T10:00:00.000Z';
const indicator = (indicatorId: string, event: IndicatorEvent) => ({
  stream: `indicator-${indicatorId}`,
  event,
});
const defined = (indicatorId: string) =>
  indicator(indicatorId, {
    type: 'IndicatorDefined.v1',
    data: {
      indicatorId,
      initiativeId: 'i1',
      name: `meals ${indicatorId}`,
      unit: 'meals',
      direction: 'up',
      baseline: { value: '100', date: '2026-01-01' },
      target: { value: '500', date: '2026-12-31' },
      dataSteward: { personId: 'ann', partnerId: 'food-bank' },
      definedAt: at,
    },
  });
const recorded = (measurementId: string, value: string, periodStart: string) =>
  indicator('meals', {
    type: 'MeasurementRecorded.v1',
    data: {
      indicatorId: 'meals',
      initiativeId: 'i1',
      measurementId,
      value,
      periodStart,
      periodEnd: periodStart,
      sourcePartnerId: 'food-bank',
      method: 'count',
      recordedAt: at,
    },
  });
const corrected = (measurementId: string, value: string, reason: string) =>
  indicator('meals', {
    type: 'MeasurementCorrected.v1',
    data: {
      indicatorId: 'meals',
      initiativeId: 'i1',
      measurementId,
      value,
      reason,
      correctedAt: at,
    },
  });

describe.each(READ_MODEL_BACKENDS)('Indicators on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: IndicatorsReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new IndicatorsReader(db);
    await project(
      db,
      indicatorsProjection,
      storedEvents([
        defined('meals'),
        recorded('feb', '150', '2026-02-01'),
        recorded('jan', '120', '2026-01-01'),
        corrected('jan', '125', 'typo'),
        corrected('jan', '126', 'recount'),
        defined('visits'),
      ]),
    );
  });
  afterAll(() => cleanup());

  it('orders measurements by period and keeps the value in force with every correction', async () => {
    const meals = await reader.get('meals');
    expect(meals).toMatchObject({
      baseline: { value: '100', date: '2026-01-01' },
      dataSteward: { personId: 'ann', partnerId: 'food-bank' },
    });
    expect(
      meals?.measurements.map((m) => [m.measurementId, m.value, m.originalValue, m.corrected]),
    ).toEqual([
      ['jan', '126', '120', true],
      ['feb', '150', '150', false],
    ]);
    expect(meals?.measurements[0]?.corrections.map((c) => c.reason)).toEqual(['typo', 'recount']);
  });

  it("lists an initiative's indicators in the order defined", async () => {
    expect((await reader.list('i1')).map((i) => i.indicatorId)).toEqual(['meals', 'visits']);
    expect(await reader.list('other')).toEqual([]);
  });
});
