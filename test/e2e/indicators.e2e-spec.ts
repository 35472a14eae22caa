import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import {
  CORRECT_MEASUREMENT,
  DEFINE_INDICATOR,
  defineIndicator,
  INDICATOR,
  INDICATORS,
  RECORD_MEASUREMENT,
} from '../support/measurement.operations';
import { assignRole } from '../support/roster.fixtures';
import { CITY_HALL, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';

describe.each(FEATURE_STORES)('Shared measurement over GraphQL on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
    // Chen stewards the school district's data: its indicators' measurements are his to record.
    await assignRole(app, { initiativeId, ...SCHOOLS, role: 'DATA_STEWARD' });
  });
  afterAll(() => app.stop());

  const define = (input: Record<string, unknown> = {}) =>
    app.gql(
      DEFINE_INDICATOR,
      {
        input: {
          initiativeId,
          name: 'Third graders reading at grade level',
          unit: 'percent',
          direction: 'UP',
          baseline: { value: '41.5', date: '2025-09-01' },
          target: { value: '72.25', date: '2028-06-30' },
          dataSteward: { personId: 'chen', partnerId: 'school-district' },
          ...input,
        },
      },
      CITY_HALL,
    );
  const record = (indicatorId: string, input: Record<string, unknown> = {}) =>
    app.gql(
      RECORD_MEASUREMENT,
      {
        input: {
          indicatorId,
          value: '44.0',
          periodStart: '2025-09-01',
          periodEnd: '2026-01-31',
          sourcePartnerId: 'school-district',
          method: 'DIBELS winter benchmark',
          ...input,
        },
      },
      SCHOOLS,
    );
  const correct = (indicatorId: string, input: Record<string, unknown> = {}) =>
    app.gql(
      CORRECT_MEASUREMENT,
      {
        input: {
          indicatorId,
          measurementId: 'winter',
          value: '43.5',
          reason: 'two schools were counted twice',
          ...input,
        },
      },
      SCHOOLS,
    );

  /** The request fails with this code, field and rule, and nothing is written. */
  async function expectRejected(
    run: () => Promise<{ errors?: Array<{ extensions: Record<string, any> }> }>,
    expected: { code: string; field: string; rule: string },
  ): Promise<void> {
    const before = await app.eventCount();
    const res = await run();
    expect(res.errors).toHaveLength(1);
    const extensions = res.errors![0]!.extensions;
    expect(extensions.code).toBe(expected.code);
    if (expected.code === 'BAD_USER_INPUT' && extensions.fields) {
      expect(extensions.fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: expected.field, rule: expected.rule }),
        ]),
      );
    } else {
      expect(extensions.field).toBe(expected.field);
      expect(extensions.rule).toBe(expected.rule);
    }
    expect(await app.eventCount()).toBe(before);
  }

  it('defines an indicator with baseline, target and steward; values stay decimal strings', async () => {
    const res = await define({
      indicatorId: 'readers',
      baseline: { value: '41.50', date: '2025-09-01' },
    });
    expectNoErrors(res);
    expect(res.data.defineIndicator.indicator).toEqual({
      indicatorId: 'readers',
      initiativeId,
      name: 'Third graders reading at grade level',
      unit: 'percent',
      direction: 'UP',
      baseline: { value: '41.5', date: '2025-09-01' },
      target: { value: '72.25', date: '2028-06-30' },
      dataSteward: { personId: 'chen', partnerId: 'school-district' },
      definedAt: expect.any(String),
      revision: 0,
      measurements: [],
    });
    const stored = (await app.rawEvents()).find((e) => e.type === 'IndicatorDefined.v1');
    expect(stored?.stream).toBe('indicator-readers');
    expect(stored?.data.baseline).toEqual({ value: '41.5', date: '2025-09-01' });
    expect(stored?.data.target).toEqual({ value: '72.25', date: '2028-06-30' });
  });

  it('accepts a negative baseline and a lower target when down is better', async () => {
    const res = await define({
      name: 'Change in evictions',
      unit: 'percent change',
      direction: 'DOWN',
      baseline: { value: '-3.5', date: '2025-01-01' },
      target: { value: '-12', date: '2027-01-01' },
    });
    expectNoErrors(res);
    expect(res.data.defineIndicator.indicator).toMatchObject({
      direction: 'DOWN',
      baseline: { value: '-3.5' },
      target: { value: '-12' },
    });
  });

  it('records measurements, serves them ordered by period, and corrects one keeping the original', async () => {
    const indicatorId = await defineIndicator(app, { initiativeId, name: 'Series' }, CITY_HALL);
    const spring = await record(indicatorId, {
      measurementId: 'spring',
      value: '47.25',
      periodStart: '2026-02-01',
      periodEnd: '2026-05-31',
    });
    expectNoErrors(spring);
    expect(spring.data.recordMeasurement.measurement).toEqual({
      measurementId: 'spring',
      value: '47.25',
      originalValue: '47.25',
      corrected: false,
      periodStart: '2026-02-01',
      periodEnd: '2026-05-31',
      sourcePartnerId: 'school-district',
      method: 'DIBELS winter benchmark',
      recordedAt: expect.any(String),
      corrections: [],
    });
    // Recorded later, but its period comes first.
    expectNoErrors(await record(indicatorId, { measurementId: 'winter' }));

    const first = await correct(indicatorId);
    expectNoErrors(first);
    expect(first.data.correctMeasurement.measurement).toMatchObject({
      measurementId: 'winter',
      value: '43.5',
      originalValue: '44',
      corrected: true,
      corrections: [{ value: '43.5', reason: 'two schools were counted twice' }],
    });
    const second = await correct(indicatorId, {
      value: '43.75',
      reason: 'one of the two was a real transfer',
    });
    expectNoErrors(second);

    const res = await app.gql(INDICATOR, { id: indicatorId });
    expectNoErrors(res);
    const { measurements, revision } = res.data.indicator;
    expect(revision).toBe(4);
    expect(measurements.map((m: any) => [m.measurementId, m.value, m.originalValue])).toEqual([
      ['winter', '43.75', '44'],
      ['spring', '47.25', '47.25'],
    ]);
    expect(measurements[0].corrections.map((c: any) => [c.value, c.reason])).toEqual([
      ['43.5', 'two schools were counted twice'],
      ['43.75', 'one of the two was a real transfer'],
    ]);
    expect(measurements[1]).toMatchObject({ corrected: false, corrections: [] });

    // The original stays in the log; each correction is a new event naming it.
    const events = (await app.rawEvents()).filter((e) => e.stream === `indicator-${indicatorId}`);
    expect(events.map((e) => e.type)).toEqual([
      'IndicatorDefined.v1',
      'MeasurementRecorded.v1',
      'MeasurementRecorded.v1',
      'MeasurementCorrected.v1',
      'MeasurementCorrected.v1',
    ]);
    expect(events[2]!.data).toMatchObject({ measurementId: 'winter', value: '44' });
    expect(events[4]!.data).toMatchObject({ measurementId: 'winter', value: '43.75' });
  });

  it('pages indicators and their measurements; latest and prior come by period, corrections applied', async () => {
    const indicatorId = await defineIndicator(app, { initiativeId, name: 'Paged' }, CITY_HALL);
    expectNoErrors(
      await record(indicatorId, {
        measurementId: 'spring',
        value: '47.25',
        periodStart: '2026-02-01',
        periodEnd: '2026-05-31',
      }),
    );
    // Recorded later, but its period comes first.
    expectNoErrors(await record(indicatorId, { measurementId: 'winter' }));
    expectNoErrors(await correct(indicatorId));
    const page = (after?: string) =>
      app.gql(
        `query($id: ID!, $after: String) { indicator(id: $id) {
          latest { measurementId value } prior { measurementId value originalValue }
          measurementPage(first: 1, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { measurementId value } }
          }
        } }`,
        { id: indicatorId, after },
      );
    const one = await page();
    expectNoErrors(one);
    expect(one.data.indicator.latest).toEqual({ measurementId: 'spring', value: '47.25' });
    expect(one.data.indicator.prior).toEqual({
      measurementId: 'winter',
      value: '43.5',
      originalValue: '44',
    });
    const first = one.data.indicator.measurementPage;
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((e: any) => e.node.measurementId)).toEqual(['spring']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const two = await page(first.pageInfo.endCursor);
    expectNoErrors(two);
    expect(two.data.indicator.measurementPage.edges).toEqual([
      { node: { measurementId: 'winter', value: '43.5' } },
    ]);
    expect(two.data.indicator.measurementPage.pageInfo.hasNextPage).toBe(false);
    // Newest first (what the scorecard's chart shows first): the latest recorded, then back.
    const newest = (after?: string) =>
      app.gql(
        `query($id: ID!, $after: String) { indicator(id: $id) {
          measurementPage(first: 1, after: $after, newestFirst: true) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { measurementId } }
          }
        } }`,
        { id: indicatorId, after },
      );
    const latestFirst = await newest();
    expectNoErrors(latestFirst);
    expect(latestFirst.data.indicator.measurementPage).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      edges: [{ node: { measurementId: 'winter' } }],
    });
    const earlier = await newest(latestFirst.data.indicator.measurementPage.pageInfo.endCursor);
    expectNoErrors(earlier);
    expect(earlier.data.indicator.measurementPage).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: false },
      edges: [{ node: { measurementId: 'spring' } }],
    });

    // A page of indicators, each with its scorecard, the next page after its endCursor.
    const all = await app.gql(INDICATORS, { initiativeId, first: 100 });
    expectNoErrors(all);
    const total = all.data.indicators.totalCount;
    expect(total).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await app.gql(INDICATORS, { initiativeId, first: 1, after });
      expectNoErrors(res);
      seen.push(...res.data.indicators.edges.map((e: any) => e.node.indicatorId));
      if (!res.data.indicators.pageInfo.hasNextPage) break;
      after = res.data.indicators.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data.indicators.edges.map((e: any) => e.node.indicatorId));
    expect(seen).toHaveLength(total);
    const bad = await app.gql(INDICATORS, { initiativeId, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a retried recordMeasurement writes nothing new and names the same measurement', async () => {
    const input = {
      commandId: 'record-summer-once',
      periodStart: '2026-06-01',
      periodEnd: '2026-08-31',
    };
    const first = await record('readers', input);
    expectNoErrors(first);
    const before = await app.eventCount();
    const retry = await record('readers', input);
    expectNoErrors(retry);
    expect(retry.data.recordMeasurement.receipt.duplicate).toBe(true);
    expect(retry.data.recordMeasurement.measurement.measurementId).toBe(
      first.data.recordMeasurement.measurement.measurementId,
    );
    expect(await app.eventCount()).toBe(before);
  });

  it("lists an initiative's indicators, and only those", async () => {
    const other = await launchWithPartners(app, 'other-initiative');
    await defineIndicator(app, { initiativeId: other, indicatorId: 'elsewhere' });
    const res = await app.gql(INDICATORS, { initiativeId });
    expectNoErrors(res);
    const nodes = res.data.indicators.edges.map((e: any) => e.node);
    const ids = nodes.map((i: any) => i.indicatorId);
    expect(ids[0]).toBe('readers');
    expect(ids).not.toContain('elsewhere');
    expect(nodes.every((i: any) => i.initiativeId === initiativeId)).toBe(true);
    const viaInitiative = await app.gql(
      `query($id: ID!) { initiative(id: $id) { indicators { indicatorId } } }`,
      { id: other },
    );
    expectNoErrors(viaInitiative);
    expect(viaInitiative.data.initiative.indicators).toEqual([{ indicatorId: 'elsewhere' }]);
    const theirs = await app.gql(INDICATORS, { initiativeId: other });
    expect(theirs.data.indicators.edges.map((e: any) => e.node.indicatorId)).toEqual(['elsewhere']);
  });

  it('answers NOT_FOUND for an unknown indicator', async () => {
    const res = await app.gql(INDICATOR, { id: 'no-such-indicator' });
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  // One refusal per error code and mutation here; every rule, with its field, is in
  // libs/domain/src/indicator/indicator.unit.spec.ts.
  describe('rejects, naming the field and rule, and writes nothing', () => {
    it('an unknown initiative', async () => {
      await expectRejected(() => define({ initiativeId: 'no-such-initiative' }), {
        code: 'DOMAIN_RULE_VIOLATED',
        field: 'initiativeId',
        rule: 'INDICATOR.INITIATIVE_NOT_FOUND',
      });
    });
    it('a baseline that is not a decimal string', async () => {
      await expectRejected(() => define({ baseline: { value: '4.1e1', date: '2025-09-01' } }), {
        code: 'BAD_USER_INPUT',
        field: 'baseline.value',
        rule: 'matches',
      });
    });
    it('a measurement of an unknown indicator', async () => {
      await expectRejected(() => record('no-such-indicator'), {
        code: 'NOT_FOUND',
        field: 'indicatorId',
        rule: 'INDICATOR.NOT_FOUND',
      });
    });
    it('a measured value that is a float-looking number', async () => {
      await expectRejected(() => record('readers', { value: '1e3' }), {
        code: 'BAD_USER_INPUT',
        field: 'value',
        rule: 'matches',
      });
    });
    it('a measurement id recorded twice', async () => {
      expectNoErrors(await record('readers', { measurementId: 'once' }));
      await expectRejected(() => record('readers', { measurementId: 'once' }), {
        code: 'DOMAIN_RULE_VIOLATED',
        field: 'measurementId',
        rule: 'INDICATOR.MEASUREMENT_ALREADY_RECORDED',
      });
    });
    it('correcting an unknown measurement', async () => {
      await expectRejected(() => correct('readers', { measurementId: 'no-such-measurement' }), {
        code: 'DOMAIN_RULE_VIOLATED',
        field: 'measurementId',
        rule: 'INDICATOR.MEASUREMENT_NOT_FOUND',
      });
    });
    it('correcting a measurement of an unknown indicator', async () => {
      await expectRejected(() => correct('no-such-indicator'), {
        code: 'NOT_FOUND',
        field: 'indicatorId',
        rule: 'INDICATOR.NOT_FOUND',
      });
    });
  });
});
