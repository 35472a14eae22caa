import {
  ACCOUNTABILITY,
  byPartner,
  GROUP_PAGE,
  type Group,
  idsOf,
} from '../support/accountability.operations';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { FULFIL, MAKE } from '../support/operations';
import { FOOD_BANK, ALL_STORES, TestApp } from '../support/test-app';

const dayAhead = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SOON = dayAhead(10);
const IN_A_MONTH = dayAhead(30);
/** Resolves once the clock reads a later millisecond than `after`: a moment strictly after it. */
async function pastMillisecond(after: number): Promise<void> {
  while (Date.now() <= after) await new Promise((resolve) => setImmediate(resolve));
}

type Connection = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { commitmentId: string } }[];
};

describe.each(ALL_STORES)('Paging the accountability view on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  /** Business times between the commitments made: after c4, after c5, after c7. */
  const marks: Record<'t0' | 'mid' | 't1', string> = { t0: '', mid: '', t1: '' };
  let c4Position: string;

  /** A moment strictly between the events before and after it. */
  const mark = async () => {
    await pastMillisecond(Date.now());
    const moment = Date.now();
    await pastMillisecond(moment);
    return new Date(moment).toISOString();
  };
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
    return res.data.makeCommitment.receipt.position as string;
  };

  /**
   * The food bank's commitments, in the order made: c3 falls due soon, the others in a year;
   * c2 and c5 are fulfilled after t1; c8 is recorded last but backdated to `mid`.
   */
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
    await make('c1', ONE_YEAR_AHEAD);
    await make('c2', ONE_YEAR_AHEAD);
    await make('c3', SOON);
    c4Position = await make('c4', ONE_YEAR_AHEAD);
    marks.t0 = await mark();
    await make('c5', ONE_YEAR_AHEAD);
    marks.mid = await mark();
    await make('c6', ONE_YEAR_AHEAD);
    await make('c7', ONE_YEAR_AHEAD);
    marks.t1 = await mark();
    for (const commitmentId of ['c2', 'c5'])
      expectNoErrors(await app.gql(FULFIL, { input: { commitmentId, note: 'done' } }, FOOD_BANK));
    await make('c8', ONE_YEAR_AHEAD, marks.mid);
  });
  afterAll(() => app.stop());

  /** Every page of one group of the food bank's, following endCursor until hasNextPage is false. */
  const walk = async (
    group: Group,
    first: number,
    travel?: { at: 'asOf' | 'knownAt' | 'atPosition'; value: string },
  ) => {
    const pages: Connection[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const res = await app.gql(GROUP_PAGE(group, travel?.at), {
        initiativeId,
        partnerId: 'food-bank',
        first,
        after,
        ...(travel ? { at: travel.value } : {}),
      });
      expectNoErrors(res);
      const [node] = res.data.accountability.partners.edges.map((edge: any) => edge.node);
      const page = node.commitments[group] as Connection;
      pages.push(page);
      if (page.edges.length > 0)
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]!.cursor);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    return {
      ids: pages.map(idsOf),
      totals: pages.map((page) => page.totalCount),
      hasNext: pages.map((page) => page.pageInfo.hasNextPage),
    };
  };

  it('walks each group a page at a time: every commitment once, in the order made', async () => {
    expect(await walk('onTrack', 2)).toEqual({
      ids: [
        ['c1', 'c3'],
        ['c4', 'c6'],
        ['c7', 'c8'],
      ],
      totals: [6, 6, 6],
      hasNext: [true, true, false],
    });
    expect(await walk('fulfilled', 1)).toEqual({
      ids: [['c2'], ['c5']],
      totals: [2, 2],
      hasNext: [true, false],
    });
    expect(await walk('onTrack', 100)).toEqual({
      ids: [['c1', 'c3', 'c4', 'c6', 'c7', 'c8']],
      totals: [6],
      hasNext: [false],
    });
    expect(await walk('missed', 5)).toEqual({ ids: [[]], totals: [0], hasNext: [false] });
  });

  it('pages the partners in the order they joined, each with its counts', async () => {
    const seen: string[] = [];
    const totals: number[] = [];
    const hasNext: boolean[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const res = await app.gql(GROUP_PAGE('onTrack'), {
        initiativeId,
        partnersFirst: 1,
        partnersAfter: after,
      });
      expectNoErrors(res);
      const partners = res.data.accountability.partners;
      expect(partners.edges).toHaveLength(1);
      const [edge] = partners.edges;
      expect(partners.pageInfo.endCursor).toBe(edge.cursor);
      seen.push(edge.node.partner.partnerId);
      totals.push(edge.node.commitments.total);
      hasNext.push(partners.pageInfo.hasNextPage);
      expect(partners.totalCount).toBe(3);
      if (!partners.pageInfo.hasNextPage) break;
      after = partners.pageInfo.endCursor;
    }
    expect(seen).toEqual(['city-hall', 'food-bank', 'school-district']);
    expect(totals).toEqual([0, 8, 0]);
    expect(hasNext).toEqual([true, true, false]);

    const nobody = await app.gql(GROUP_PAGE('onTrack'), { initiativeId, partnerId: 'nobody' });
    expectNoErrors(nobody);
    expect(nobody.data.accountability.partners).toMatchObject({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('counts each group on the day asked, past the page it shows', async () => {
    const res = await app.gql(ACCOUNTABILITY, { initiativeId, on: IN_A_MONTH, first: 1 });
    expectNoErrors(res);
    const foodBank = byPartner(res.data.accountability).get('food-bank').commitments;
    const groups = ['onTrack', 'overdue', 'fulfilled', 'withdrawn', 'missed'] as const;
    expect(Object.fromEntries(groups.map((g) => [g, foodBank[g].totalCount]))).toEqual({
      onTrack: 5,
      overdue: 1,
      fulfilled: 2,
      withdrawn: 0,
      missed: 0,
    });
    expect(foodBank.total).toBe(8);
    expect(Object.fromEntries(groups.map((g) => [g, idsOf(foodBank[g])]))).toEqual({
      onTrack: ['c1'],
      overdue: ['c3'],
      fulfilled: ['c2'],
      withdrawn: [],
      missed: [],
    });
    expect(foodBank.overdue.edges[0].node).toEqual({
      commitmentId: 'c3',
      dueDate: SOON,
      overdue: true,
    });
    expect(foodBank.onTrack.pageInfo.hasNextPage).toBe(true);
    expect(foodBank.overdue.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects a bad first or after, naming the argument and the rule, and changes nothing', async () => {
    const before = await app.eventCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ first: 0 }, 'first', 'min'],
      [{ first: 101 }, 'first', 'max'],
      [{ first: 2, after: 'not-a-cursor' }, 'after', 'isCursor'],
      [{ first: 2, after: Buffer.from('p:-1').toString('base64url') }, 'after', 'isCursor'],
      [{ partnersFirst: 0 }, 'first', 'min'],
      [{ partnersFirst: 500 }, 'first', 'max'],
      [{ partnersAfter: 'bm9wZQ' }, 'after', 'isCursor'],
    ];
    for (const [variables, field, rule] of cases) {
      const res = await app.gql(GROUP_PAGE('fulfilled'), { initiativeId, ...variables });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field, rule })],
      });
    }
    expect(await app.eventCount()).toBe(before);
  });

  it('travels in time: as of, known at and at a position, paged the same way', async () => {
    // As of t0: c1-c4 made, none fulfilled yet.
    expect(await walk('onTrack', 3, { at: 'asOf', value: marks.t0 })).toEqual({
      ids: [['c1', 'c2', 'c3'], ['c4']],
      totals: [4, 4],
      hasNext: [true, false],
    });
    expect(await walk('onTrack', 3, { at: 'atPosition', value: c4Position })).toEqual({
      ids: [['c1', 'c2', 'c3'], ['c4']],
      totals: [4, 4],
      hasNext: [true, false],
    });
    // As of t1 the ledger now knows c8, backdated to before t1; known at t1, it did not yet.
    expect(await walk('onTrack', 3, { at: 'asOf', value: marks.t1 })).toEqual({
      ids: [
        ['c1', 'c2', 'c3'],
        ['c4', 'c5', 'c6'],
        ['c7', 'c8'],
      ],
      totals: [8, 8, 8],
      hasNext: [true, true, false],
    });
    expect(await walk('onTrack', 3, { at: 'knownAt', value: marks.t1 })).toEqual({
      ids: [['c1', 'c2', 'c3'], ['c4', 'c5', 'c6'], ['c7']],
      totals: [7, 7, 7],
      hasNext: [true, true, false],
    });
    expect(await walk('fulfilled', 3, { at: 'asOf', value: marks.t1 })).toEqual({
      ids: [[]],
      totals: [0],
      hasNext: [false],
    });
  });
});
