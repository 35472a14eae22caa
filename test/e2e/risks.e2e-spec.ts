import { expectAnsweredAsMissing } from '../support/forbidden';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { MAKE } from '../support/operations';
import {
  CLOSE_RISK,
  IDENTIFY_RISK,
  MATERIALISE_RISK,
  PLAN_MITIGATION,
  REASSESS_RISK,
  RISK,
  RISK_REGISTER,
  SHARE_RISK,
} from '../support/risks-benefits.operations';
import { launchWithSignatories, shareConfidentialFields } from '../support/agreements.operations';
import {
  CITY_HALL,
  FOOD_BANK,
  type GraphqlResponse,
  FEATURE_STORES,
  TestApp,
} from '../support/test-app';

type RegisterRow = { riskId: string; title: string };
const nodes = (res: GraphqlResponse): RegisterRow[] =>
  (res.data.riskRegister.edges as { node: RegisterRow }[]).map((edge) => edge.node);

describe.each(FEATURE_STORES)('Risks over GraphQL on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithSignatories(app, 'reading-by-9');
    // Risk details are confidential: shared here with backbone staff (Ana), who reads them below.
    await shareConfidentialFields(app, initiativeId, ['BACKBONE_STAFF']);
  });
  afterAll(() => app.stop());

  const identify = (input: Record<string, unknown> = {}) =>
    app.gql(
      IDENTIFY_RISK,
      {
        input: {
          initiativeId,
          title: 'State grant not renewed',
          description: 'The literacy grant may lapse in 2027',
          category: 'FINANCIAL',
          likelihood: 3,
          impact: 4,
          ownerPartnerId: 'food-bank',
          ...input,
        },
      },
      CITY_HALL,
    );
  const identified = async (input: Record<string, unknown> = {}): Promise<string> => {
    const res = await identify(input);
    expectNoErrors(res);
    return res.data.identifyRisk.risk.riskId as string;
  };
  const share = (riskId: string, shares: { partnerId: string; percent: string }[]) =>
    app.gql(SHARE_RISK, { input: { riskId, shares } }, CITY_HALL);
  const makeCommitment = async (inInitiative: string): Promise<string> => {
    const res = await app.gql(
      MAKE,
      {
        input: {
          initiativeId: inInitiative,
          partnerId: 'food-bank',
          description: 'Apply to a second funder',
          dueDate: ONE_YEAR_AHEAD,
        },
      },
      FOOD_BANK,
    );
    expectNoErrors(res);
    return res.data.makeCommitment.commitment.commitmentId as string;
  };

  /** The mutation was refused with this code, rule and field, and nothing was written. */
  async function expectRefused(
    attempt: () => Promise<GraphqlResponse>,
    expected: { code: string; rule: string; field: string },
  ): Promise<void> {
    const before = await app.eventCount();
    const res = await attempt();
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject(expected);
    expect(await app.eventCount()).toBe(before);
  }
  const refused = (rule: string, field: string) => ({
    code: 'DOMAIN_RULE_VIOLATED',
    rule,
    field,
  });

  it('identifies a risk, with its exposure and its first assessment', async () => {
    const res = await identify({ riskId: 'grant-lapse' });
    expectNoErrors(res);
    expect(res.data.identifyRisk.receipt).toMatchObject({
      stream: 'risk-grant-lapse',
      revision: 0,
    });
    expect(res.data.identifyRisk.risk).toMatchObject({
      riskId: 'grant-lapse',
      initiativeId,
      title: 'State grant not renewed',
      category: 'FINANCIAL',
      likelihood: 3,
      impact: 4,
      exposure: 12,
      ownerPartnerId: 'food-bank',
      status: 'OPEN',
      ownershipShares: [],
      mitigations: [],
      assessments: [{ likelihood: 3, impact: 4, exposure: 12, reason: null }],
      revision: 0,
    });
    const stored = (await app.rawEvents()).find((e) => e.stream === 'risk-grant-lapse');
    expect(stored).toMatchObject({
      type: 'RiskIdentified.v1',
      data: { riskId: 'grant-lapse', category: 'financial', likelihood: 3, impact: 4 },
    });
  });

  it('reassesses, keeping every assessment in the history', async () => {
    const riskId = await identified();
    const res = await app.gql(
      REASSESS_RISK,
      { input: { riskId, likelihood: 5, impact: 5, reason: 'the state budget was cut' } },
      CITY_HALL,
    );
    expectNoErrors(res);
    expect(res.data.reassessRisk.risk).toMatchObject({
      likelihood: 5,
      impact: 5,
      exposure: 25,
      revision: 1,
      assessments: [
        { likelihood: 3, impact: 4, exposure: 12, reason: null },
        { likelihood: 5, impact: 5, exposure: 25, reason: 'the state budget was cut' },
      ],
    });
  });

  it('orders the register by exposure, highest first, and filters by status', async () => {
    const own = await launchWithPartners(app, 'register-order');
    const low = await identified({ initiativeId: own, title: 'low', likelihood: 1, impact: 2 });
    const high = await identified({ initiativeId: own, title: 'high', likelihood: 4, impact: 5 });
    const mid = await identified({ initiativeId: own, title: 'mid', likelihood: 3, impact: 3 });
    const register = await app.gql(RISK_REGISTER, { initiativeId: own });
    expectNoErrors(register);
    expect(nodes(register)).toEqual([
      { riskId: high, title: 'high', likelihood: 4, impact: 5, exposure: 20, status: 'OPEN' },
      { riskId: mid, title: 'mid', likelihood: 3, impact: 3, exposure: 9, status: 'OPEN' },
      { riskId: low, title: 'low', likelihood: 1, impact: 2, exposure: 2, status: 'OPEN' },
    ]);

    expectNoErrors(
      await app.gql(CLOSE_RISK, { input: { riskId: mid, reason: 'no longer relevant' } }),
    );
    const open = await app.gql(RISK_REGISTER, { initiativeId: own, status: 'OPEN' });
    expect(nodes(open).map((r) => r.riskId)).toEqual([high, low]);
    const closed = await app.gql(RISK_REGISTER, { initiativeId: own, status: 'CLOSED' });
    expect(nodes(closed).map((r) => r.riskId)).toEqual([mid]);
  });

  it('pages the register with first and after, counting every page', async () => {
    const own = await launchWithPartners(app, 'register-pages');
    const titles = ['a', 'b', 'c'];
    for (const title of titles)
      await identified({ initiativeId: own, title, likelihood: 2, impact: 2 });
    const first = await app.gql(RISK_REGISTER, { initiativeId: own, first: 2 });
    expectNoErrors(first);
    expect(nodes(first).map((r) => r.title)).toEqual(['a', 'b']);
    expect(first.data.riskRegister).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true },
    });
    const after = first.data.riskRegister.pageInfo.endCursor as string;
    const second = await app.gql(RISK_REGISTER, { initiativeId: own, first: 2, after });
    expect(nodes(second).map((r) => r.title)).toEqual(['c']);
    expect(second.data.riskRegister.pageInfo).toEqual({
      hasNextPage: false,
      endCursor: expect.any(String),
    });

    const tooMany = await app.gql(RISK_REGISTER, { initiativeId: own, first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'first' })],
    });
  });

  it('the object limit counts the page size of riskRegister', async () => {
    const counted = async (first: number) => {
      const big = `initiatives(first: $n) { edges { node { partners { commitments(first: $n) { edges { node { commitmentId resources { money { amount } } } } } } } } }`;
      const res = await app.gql(
        `query($n: Int, $f: Int) { a: ${big} b: ${big} r: riskRegister(initiativeId: "x", first: $f) { edges { node { riskId } } } }`,
        { n: 100, f: first },
      );
      return Number(/could return (\d+) objects/.exec(res.errors?.[0]?.message ?? '')?.[1]);
    };
    // The page, its edges and their nodes: three objects per risk.
    expect((await counted(100)) - (await counted(50))).toBe(150);
  });

  it('shares ownership in exact percentages stored as basis points', async () => {
    const riskId = await identified();
    const res = await share(riskId, [
      { partnerId: 'food-bank', percent: '33.34' },
      { partnerId: 'city-hall', percent: '33.33' },
      { partnerId: 'school-district', percent: '33.33' },
    ]);
    expectNoErrors(res);
    expect(res.data.shareRiskOwnership.risk.ownershipShares).toEqual([
      { partnerId: 'food-bank', percent: '33.34' },
      { partnerId: 'city-hall', percent: '33.33' },
      { partnerId: 'school-district', percent: '33.33' },
    ]);
    const stored = (await app.rawEvents()).filter((e) => e.type === 'RiskOwnershipShared.v1');
    expect(stored.at(-1)?.data.shares).toEqual([
      { partnerId: 'food-bank', basisPoints: 3334 },
      { partnerId: 'city-hall', basisPoints: 3333 },
      { partnerId: 'school-district', basisPoints: 3333 },
    ]);

    const again = await share(riskId, [
      { partnerId: 'school-district', percent: '60' },
      { partnerId: 'food-bank', percent: '40' },
    ]);
    expectNoErrors(again);
    expect(again.data.shareRiskOwnership.risk.ownershipShares).toEqual([
      { partnerId: 'school-district', percent: '60' },
      { partnerId: 'food-bank', percent: '40' },
    ]);
  });

  it('plans a mitigation linked to commitments of the same initiative', async () => {
    const riskId = await identified();
    const commitmentId = await makeCommitment(initiativeId);
    const res = await app.gql(
      PLAN_MITIGATION,
      {
        input: {
          riskId,
          mitigationId: 'second-funder',
          description: 'Apply to a second funder before the grant lapses',
          commitmentIds: [commitmentId],
        },
      },
      CITY_HALL,
    );
    expectNoErrors(res);
    expect(res.data.planMitigation.risk.mitigations).toEqual([
      {
        mitigationId: 'second-funder',
        description: 'Apply to a second funder before the grant lapses',
        commitmentIds: [commitmentId],
        plannedAt: expect.any(String),
      },
    ]);
    const read = await app.gql(RISK, { id: riskId });
    expect(read.data.risk.mitigations[0].commitmentIds).toEqual([commitmentId]);
  });

  it('materialises, then closes; a closed risk takes no further change', async () => {
    const riskId = await identified();
    const materialised = await app.gql(
      MATERIALISE_RISK,
      { input: { riskId, description: 'the grant lapsed in March' } },
      FOOD_BANK, // the owner's representative
    );
    expectNoErrors(materialised);
    expect(materialised.data.materialiseRisk.risk).toMatchObject({
      status: 'MATERIALISED',
      materialisation: 'the grant lapsed in March',
      materialisedAt: expect.any(String),
    });
    const closed = await app.gql(CLOSE_RISK, {
      input: { riskId, reason: 'bridged by the city', expectedRevision: 1 },
    });
    expectNoErrors(closed);
    expect(closed.data.closeRisk.risk).toMatchObject({
      status: 'CLOSED',
      closingReason: 'bridged by the city',
      revision: 2,
    });
    await expectRefused(
      () => app.gql(REASSESS_RISK, { input: { riskId, likelihood: 1, impact: 1, reason: 'late' } }),
      refused('RISK.CLOSED', 'riskId'),
    );
    await expectRefused(
      () => app.gql(CLOSE_RISK, { input: { riskId, reason: 'twice' } }),
      refused('RISK.CLOSED', 'riskId'),
    );
  });

  it('a retried identification (same commandId) writes one risk', async () => {
    const first = await identify({ commandId: 'identify-once' });
    expectNoErrors(first);
    const count = await app.eventCount();
    const retry = await identify({ commandId: 'identify-once' });
    expectNoErrors(retry);
    expect(retry.data.identifyRisk.receipt.duplicate).toBe(true);
    expect(retry.data.identifyRisk.risk.riskId).toBe(first.data.identifyRisk.risk.riskId);
    expect(await app.eventCount()).toBe(count);
  });

  // One refusal per error code and mutation here; every rule, with its field, is in
  // libs/domain/src/risk/risk.unit.spec.ts.
  describe('bad input is refused with the field and the rule, and nothing is written', () => {
    it('an unknown initiative', async () => {
      await expectRefused(
        () => identify({ initiativeId: 'no-such-initiative' }),
        refused('RISK.INITIATIVE_NOT_FOUND', 'initiativeId'),
      );
    });

    it('a person acting for a partner outside the initiative', async () => {
      const outsider = { personId: 'eve', partnerId: 'stranger-org' };
      await expectAnsweredAsMissing(
        app,
        () =>
          app.gql(
            IDENTIFY_RISK,
            {
              input: {
                initiativeId,
                title: 't',
                description: 'd',
                category: 'LEGAL',
                likelihood: 2,
                impact: 2,
                ownerPartnerId: 'food-bank',
              },
            },
            outsider,
          ),
        { code: 'DOMAIN_RULE_VIOLATED', rule: 'RISK.INITIATIVE_NOT_FOUND' },
      );
      const riskId = await identified();
      await expectAnsweredAsMissing(
        app,
        () => app.gql(CLOSE_RISK, { input: { riskId, reason: 'not yours' } }, outsider),
        { code: 'NOT_FOUND', rule: 'RISK.NOT_FOUND' },
      );
    });

    /** Out of range is bad input, as a percent over 100 is; the domain keeps its own guard. */
    const outOfRange = (field: string, rule: 'min' | 'max') => ({
      code: 'BAD_USER_INPUT',
      fields: [{ field, rule, message: `${field} must be a whole number from 1 to 5` }],
    });

    it.each([
      [0, 'min'],
      [6, 'max'],
    ] as const)('likelihood %p', async (likelihood, rule) => {
      const before = await app.eventCount();
      const res = await identify({ likelihood });
      expect(res.errors?.[0]?.extensions).toEqual(outOfRange('likelihood', rule));
      expect(await app.eventCount()).toBe(before);
    });

    it.each([
      [0, 'min'],
      [6, 'max'],
    ] as const)('impact %p on a reassessment', async (impact, rule) => {
      const riskId = await identified();
      const before = await app.eventCount();
      const res = await app.gql(REASSESS_RISK, {
        input: { riskId, likelihood: 2, impact, reason: 'r' },
      });
      expect(res.errors?.[0]?.extensions).toEqual(outOfRange('impact', rule));
      expect(await app.eventCount()).toBe(before);
    });

    it('an empty title', async () => {
      const before = await app.eventCount();
      const res = await identify({ title: '' });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'title', rule: 'isNotEmpty' })],
      });
      expect(await app.eventCount()).toBe(before);
    });

    it.each([
      ['reassessRisk', REASSESS_RISK, { likelihood: 1, impact: 1, reason: 'r' }],
      ['shareRiskOwnership', SHARE_RISK, { shares: [{ partnerId: 'food-bank', percent: '100' }] }],
      ['planMitigation', PLAN_MITIGATION, { description: 'd', commitmentIds: [] }],
      ['materialiseRisk', MATERIALISE_RISK, { description: 'd' }],
      ['closeRisk', CLOSE_RISK, { reason: 'r' }],
    ])('%s on an unknown risk', async (_name, mutation, input) => {
      await expectRefused(
        () => app.gql(mutation, { input: { riskId: 'no-such-risk', ...input } }),
        {
          code: 'NOT_FOUND',
          rule: 'RISK.NOT_FOUND',
          field: 'riskId',
        },
      );
    });

    it('reading an unknown risk', async () => {
      const res = await app.gql(RISK, { id: 'no-such-risk' });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'risk' });
    });

    it('a mitigation linking a commitment of another initiative', async () => {
      const riskId = await identified();
      const other = await launchWithPartners(app, 'other-initiative');
      const foreign = await makeCommitment(other);
      await expectRefused(
        () =>
          app.gql(PLAN_MITIGATION, {
            input: { riskId, description: 'borrow', commitmentIds: [foreign] },
          }),
        refused('RISK.COMMITMENT_OF_ANOTHER_INITIATIVE', 'commitmentIds[0]'),
      );
    });

    it('a mitigation linking a commitment that does not exist', async () => {
      const riskId = await identified();
      const mine = await makeCommitment(initiativeId);
      await expectRefused(
        () =>
          app.gql(PLAN_MITIGATION, {
            input: { riskId, description: 'd', commitmentIds: [mine, 'no-such-commitment'] },
          }),
        refused('RISK.COMMITMENT_NOT_FOUND', 'commitmentIds[1]'),
      );
    });
  });
});
