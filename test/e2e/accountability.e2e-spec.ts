import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { FULFIL, MAKE } from '../support/operations';
import { DRAFT_AGREEMENT, SIGN_AGREEMENT } from '../support/agreements.operations';
import {
  ALLOCATE_SHARES,
  DEFINE_POOL,
  IDENTIFY_RISK,
  RECORD_DISTRIBUTION,
  SHARE_RISK,
} from '../support/risks-benefits.operations';
import { assignRole } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, STORES, TestApp } from '../support/test-app';

const ACCOUNTABILITY = `query($initiativeId: ID!, $on: LocalDate) {
  accountability(initiativeId: $initiativeId, on: $on) {
    initiativeId on
    partners {
      partner { partnerId organisationName status }
      commitments {
        total
        onTrack { commitmentId } overdue { commitmentId dueDate overdue }
        fulfilled { commitmentId } withdrawn { commitmentId }
      }
      roles { role personId }
      agreements { signed { agreementId } pending { agreementId } }
      risks { risk { riskId exposure } owner sharePercent }
      benefitShares { pool { poolId name } sharePercent distributed { amount currency } }
    }
  }
}`;

describe.each(STORES)('The accountability view on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
  });
  afterAll(() => app.stop());

  const make = async (commitmentId: string, dueDate: string, occurredAt?: string) => {
    const res = await app.gql(
      MAKE,
      {
        input: {
          commitmentId,
          initiativeId,
          partnerId: 'food-bank',
          description: commitmentId,
          dueDate,
          ...(occurredAt ? { occurredAt } : {}),
        },
      },
      FOOD_BANK,
    );
    expectNoErrors(res);
  };

  it("groups each partner's commitments by status, flags the overdue ones, and lists roles", async () => {
    await make('late-pack', '2025-06-30', '2025-01-10T10:00:00.000Z');
    await make('future-pack', ONE_YEAR_AHEAD);
    await make('done-pack', ONE_YEAR_AHEAD);
    expectNoErrors(
      await app.gql(FULFIL, { input: { commitmentId: 'done-pack', note: 'done' } }, FOOD_BANK),
    );
    await assignRole(app, {
      initiativeId,
      personId: 'chen',
      partnerId: 'school-district',
      role: 'STEERING_MEMBER',
    });

    const res = await app.gql(ACCOUNTABILITY, { initiativeId });
    expectNoErrors(res);
    const byPartner = new Map<string, any>(
      res.data.accountability.partners.map((p: any) => [p.partner.partnerId, p]),
    );
    expect([...byPartner.keys()]).toEqual(['city-hall', 'food-bank', 'school-district']);
    expect(byPartner.get('food-bank').commitments).toEqual({
      total: 3,
      onTrack: [{ commitmentId: 'future-pack' }],
      overdue: [{ commitmentId: 'late-pack', dueDate: '2025-06-30', overdue: true }],
      fulfilled: [{ commitmentId: 'done-pack' }],
      withdrawn: [],
    });
    expect(byPartner.get('school-district').roles).toEqual([
      { role: 'PARTNER_REPRESENTATIVE', personId: 'chen' },
      { role: 'STEERING_MEMBER', personId: 'chen' },
    ]);
    expect(byPartner.get('city-hall').commitments.total).toBe(0);

    const earlier = await app.gql(ACCOUNTABILITY, { initiativeId, on: '2025-06-30' }, SCHOOLS);
    const foodBank = earlier.data.accountability.partners.find(
      (p: any) => p.partner.partnerId === 'food-bank',
    );
    expect(foodBank.commitments.overdue).toEqual([]);
  });

  it('lists the agreements each partner signed and those awaiting its signature', async () => {
    await assignRole(app, {
      initiativeId,
      personId: 'bo',
      partnerId: 'food-bank',
      role: 'SIGNATORY',
    });
    const drafted = await app.gql(DRAFT_AGREEMENT, {
      input: {
        agreementId: 'meals-mou',
        initiativeId,
        kind: 'MOU',
        title: 'Weekend meals MOU',
        parties: ['food-bank', 'school-district'],
        text: 'The food bank packs; the schools hand out.',
      },
    });
    expectNoErrors(drafted);
    expectNoErrors(
      await app.gql(
        SIGN_AGREEMENT,
        { input: { agreementId: 'meals-mou', partnerId: 'food-bank', version: 1 } },
        FOOD_BANK,
      ),
    );
    const res = await app.gql(ACCOUNTABILITY, { initiativeId });
    expectNoErrors(res);
    const agreements = Object.fromEntries(
      res.data.accountability.partners.map((p: any) => [p.partner.partnerId, p.agreements]),
    );
    expect(agreements).toEqual({
      'city-hall': { signed: [], pending: [] },
      'food-bank': { signed: [{ agreementId: 'meals-mou' }], pending: [] },
      'school-district': { signed: [], pending: [{ agreementId: 'meals-mou' }] },
    });
  });

  it('lists the risks each partner owns or shares and its benefit shares', async () => {
    const ok = async (query: string, input: Record<string, unknown>) => {
      const res = await app.gql(query, { input }, CITY_HALL);
      expectNoErrors(res);
      return res.data;
    };
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    await ok(IDENTIFY_RISK, {
      riskId: 'grant-lapse',
      initiativeId,
      title: 'Grant lapses',
      description: 'The state grant may not be renewed',
      category: 'FINANCIAL',
      likelihood: 3,
      impact: 4,
      ownerPartnerId: 'city-hall',
    });
    await ok(SHARE_RISK, {
      riskId: 'grant-lapse',
      shares: [
        { partnerId: 'city-hall', percent: '60' },
        { partnerId: 'food-bank', percent: '40' },
      ],
    });
    await ok(DEFINE_POOL, {
      poolId: 'grant',
      initiativeId,
      name: 'Foundation grant',
      kind: 'FUNDING',
      description: 'Shared grant',
      amount: usd('1000.00'),
    });
    await ok(ALLOCATE_SHARES, {
      poolId: 'grant',
      shares: [
        { partnerId: 'food-bank', percent: '75' },
        { partnerId: 'school-district', percent: '25' },
      ],
    });
    await ok(RECORD_DISTRIBUTION, {
      poolId: 'grant',
      distributionId: 'first',
      amounts: [
        { partnerId: 'food-bank', amount: usd('300.00') },
        { partnerId: 'school-district', amount: usd('100.00') },
      ],
      note: 'first tranche',
    });

    const res = await app.gql(ACCOUNTABILITY, { initiativeId });
    expectNoErrors(res);
    const of = (partnerId: string) =>
      res.data.accountability.partners.find((p: any) => p.partner.partnerId === partnerId);
    expect(of('city-hall').risks).toEqual([
      { risk: { riskId: 'grant-lapse', exposure: 12 }, owner: true, sharePercent: '60' },
    ]);
    expect(of('food-bank').risks).toEqual([
      { risk: { riskId: 'grant-lapse', exposure: 12 }, owner: false, sharePercent: '40' },
    ]);
    expect(of('school-district').risks).toEqual([]);
    expect(of('food-bank').benefitShares).toEqual([
      {
        pool: { poolId: 'grant', name: 'Foundation grant' },
        sharePercent: '75',
        distributed: { amount: '300.00', currency: 'USD' },
      },
    ]);
    expect(of('city-hall').benefitShares).toEqual([]);
  });

  it('answers NOT_FOUND for an initiative that does not exist', async () => {
    const res = await app.gql(ACCOUNTABILITY, { initiativeId: 'nowhere' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
