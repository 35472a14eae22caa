import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { AMEND, INITIATIVE, JOIN, LAUNCH, LEAVE } from '../support/operations';
import { CITY_HALL, FOOD_BANK, FEATURE_STORES, TestApp } from '../support/test-app';

describe.each(FEATURE_STORES)('Initiatives over GraphQL on %s', (store) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ store });
  });
  afterAll(() => app.stop());

  it('launches an initiative and reads it back at once (read-your-writes)', async () => {
    const res = await app.gql(LAUNCH, {
      input: {
        name: 'Healthy Harbour',
        problemStatement: 'Asthma rates near the port',
        commonAgenda: 'Halve ER visits',
      },
    });
    expectNoErrors(res);
    const { receipt, initiative } = res.data.launchInitiative;
    expect(initiative).toMatchObject({
      name: 'Healthy Harbour',
      revision: 0,
      commonAgenda: 'Halve ER visits',
    });
    expect(receipt).toMatchObject({
      stream: `initiative-${initiative.initiativeId}`,
      revision: 0,
      duplicate: false,
    });
    expect(receipt.hash).toMatch(/^[0-9a-f]{64}$/);

    const read = await app.gql(INITIATIVE, { id: initiative.initiativeId });
    expectNoErrors(read);
    expect(read.data.initiative).toMatchObject({ name: 'Healthy Harbour', partners: [] });
  });

  it('amends the agenda, lets partners join and leave, and counts revisions', async () => {
    const id = await launchWithPartners(app, 'amend-join-leave');
    const amended = await app.gql(AMEND, {
      input: { initiativeId: id, commonAgenda: 'Every child reads and thrives', reason: 'retreat' },
    });
    expectNoErrors(amended);
    expect(amended.data.amendAgenda.initiative).toMatchObject({
      commonAgenda: 'Every child reads and thrives',
      revision: 4,
    });

    const left = await app.gql(LEAVE, {
      input: { initiativeId: id, partnerId: FOOD_BANK.partnerId, reason: 'merger' },
    });
    expectNoErrors(left);
    const foodBank = left.data.leaveInitiative.initiative.partners.find(
      (p: any) => p.partnerId === 'food-bank',
    );
    expect(foodBank.status).toBe('LEFT');
    expect(foodBank.leftAt).toEqual(expect.any(String));
  });

  it('pages through initiatives with cursors', async () => {
    for (const n of [1, 2, 3]) {
      expectNoErrors(
        await app.gql(LAUNCH, {
          input: {
            initiativeId: `paged-${n}`,
            name: `Paged ${n}`,
            problemStatement: 'p',
            commonAgenda: 'a',
          },
        }),
      );
    }
    const query = `query($first: Int, $after: String) { initiatives(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { initiativeId } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await app.gql(query, { first: 2, after });
      expectNoErrors(page);
      seen.push(...page.data.initiatives.edges.map((e: any) => e.node.initiativeId));
      if (!page.data.initiatives.pageInfo.hasNextPage) break;
      after = page.data.initiatives.pageInfo.endCursor;
    }
    expect(seen).toEqual(expect.arrayContaining(['paged-1', 'paged-2', 'paged-3']));
    expect(new Set(seen).size).toBe(seen.length);
    const all = await app.gql(query, { first: 100 });
    expect(all.data.initiatives.totalCount).toBe(seen.length);
  });

  describe('rejected commands write nothing', () => {
    it('DOMAIN_RULE_VIOLATED: a partner joins twice', async () => {
      const id = await launchWithPartners(app, 'join-twice');
      const before = await app.eventCount();
      const res = await app.gql(JOIN, {
        input: {
          initiativeId: id,
          partnerId: 'food-bank',
          organisationName: 'Food Bank 2',
          sector: 'NONPROFIT',
        },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'INITIATIVE.PARTNER_ALREADY_MEMBER',
        field: 'partnerId',
      });
      expect(await app.eventCount()).toBe(before);
    });

    it('NOT_FOUND: amending an initiative that does not exist', async () => {
      const before = await app.eventCount();
      const res = await app.gql(AMEND, { input: { initiativeId: 'nowhere', commonAgenda: 'x' } });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        rule: 'INITIATIVE.NOT_FOUND',
      });
      expect(await app.eventCount()).toBe(before);
    });

    it('NOT_FOUND: querying an initiative that does not exist', async () => {
      const res = await app.gql(INITIATIVE, { id: 'nowhere' });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        entity: 'initiative',
        id: 'nowhere',
      });
    });

    it('BAD_USER_INPUT: names every field and the rule it broke', async () => {
      const before = await app.eventCount();
      const res = await app.gql(LAUNCH, {
        input: {
          initiativeId: 'bad id!',
          name: '',
          problemStatement: 'p',
          commonAgenda: 'a',
          occurredAt: 'yesterday',
        },
      });
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      const fields = res.errors?.[0]?.extensions.fields.map((f: any) => `${f.field}:${f.rule}`);
      expect(fields).toEqual(
        expect.arrayContaining(['initiativeId:matches', 'name:isNotEmpty', 'occurredAt:isIso8601']),
      );
      expect(await app.eventCount()).toBe(before);
    });

    it('BAD_USER_INPUT: a sector outside the list', async () => {
      const before = await app.eventCount();
      const res = await app.gql(JOIN, {
        input: {
          initiativeId: 'join-twice',
          partnerId: 'x',
          organisationName: 'X',
          sector: 'MILITARY',
        },
      });
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('sector');
      expect(await app.eventCount()).toBe(before);
    });

    it('BAD_USER_INPUT: business time in the future', async () => {
      const before = await app.eventCount();
      const res = await app.gql(LAUNCH, {
        input: {
          name: 'n',
          problemStatement: 'p',
          commonAgenda: 'a',
          occurredAt: '2999-01-01T00:00:00Z',
        },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'occurredAt', rule: 'notInFuture' })],
      });
      expect(await app.eventCount()).toBe(before);
    });

    it('BAD_USER_INPUT: page size out of range and a forged cursor', async () => {
      const tooMany = await app.gql('{ initiatives(first: 1000) { totalCount } }');
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'first', rule: 'max' })],
      });
      const forged = await app.gql('{ initiatives(after: "bm90LWEtY3Vyc29y") { totalCount } }');
      expect(forged.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'after' })],
      });
    });
  });

  it('the partner list is filtered by status', async () => {
    const id = await launchWithPartners(app, 'filter-partners');
    expectNoErrors(
      await app.gql(LEAVE, { input: { initiativeId: id, partnerId: CITY_HALL.partnerId } }),
    );
    const res = await app.gql(
      `query($id: ID!) { initiative(id: $id) { partners(status: MEMBER) { partnerId } } }`,
      { id },
    );
    expectNoErrors(res);
    expect(res.data.initiative.partners.map((p: any) => p.partnerId)).toEqual([
      'food-bank',
      'school-district',
    ]);
  });
});
