import type { CommitmentEvent } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { commitmentsRegisterProjection } from './commitments-register.projection';
import { CommitmentsRegisterReader } from './commitments-register.reader';

const at = '2026-03-01T10:00:00.000Z';
const of = (commitmentId: string, partnerId: string) => ({
  commitmentId,
  initiativeId: 'i1',
  partnerId,
});
const commitment = (commitmentId: string, event: CommitmentEvent) => ({
  stream: `commitment-${commitmentId}`,
  event,
});
const made = (commitmentId: string, partnerId: string, dueDate: string) =>
  commitment(commitmentId, {
    type: 'CommitmentMade.v1',
    data: {
      ...of(commitmentId, partnerId),
      description: `deliver ${commitmentId}`,
      resources: { money: { amountMinor: '2500050', currency: 'USD' }, inKind: null, hours: 4 },
      dueDate,
      madeAt: at,
    },
  });

describe.each(READ_MODEL_BACKENDS)('Commitments register on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: CommitmentsRegisterReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new CommitmentsRegisterReader(db);
    await project(
      db,
      commitmentsRegisterProjection,
      storedEvents([
        made('c1', 'food-bank', '2026-04-01'),
        commitment('c1', {
          type: 'CommitmentAccepted.v1',
          data: { ...of('c1', 'food-bank'), acceptedBy: 'chair', acceptedAt: at },
        }),
        commitment('c1', {
          type: 'ProgressReported.v1',
          data: { ...of('c1', 'food-bank'), percent: 40, note: 'halfway', reportedAt: at },
        }),
        commitment('c1', {
          type: 'CommitmentRevised.v1',
          data: {
            ...of('c1', 'food-bank'),
            dueDate: '2026-06-01',
            description: null,
            previousDueDate: '2026-04-01',
            previousDescription: 'deliver c1',
            reason: 'late funds',
            revisedAt: at,
          },
        }),
        commitment('c1', {
          type: 'CommitmentLinked.v1',
          data: { ...of('c1', 'food-bank'), indicatorId: 'ind', decisionId: null, linkedAt: at },
        }),
        made('c2', 'food-bank', '2026-02-01'),
        made('c3', 'city-hall', '2026-02-01'),
        commitment('c3', {
          type: 'CommitmentFulfilled.v1',
          data: { ...of('c3', 'city-hall'), note: 'done', fulfilledAt: at },
        }),
        made('c4', 'city-hall', '2026-02-01'),
        commitment('c4', {
          type: 'CommitmentMissed.v1',
          data: { ...of('c4', 'city-hall'), dueDate: '2026-02-01', reason: 'no', missedAt: at },
        }),
      ]),
    );
  });
  afterAll(() => cleanup());

  it('keeps each change of a commitment on its row and every revision beside it', async () => {
    expect(await reader.get('c1')).toMatchObject({
      partnerId: 'food-bank',
      money: { amountMinor: '2500050', currency: 'USD' },
      hours: 4,
      dueDate: '2026-06-01',
      description: 'deliver c1',
      status: 'open',
      percent: 40,
      lastProgressNote: 'halfway',
      acceptedBy: 'chair',
      indicatorId: 'ind',
      decisionId: null,
      revision: 4,
      madePosition: 1,
    });
    expect(await reader.revisions('c1')).toEqual([
      {
        revision: 3,
        dueDate: '2026-06-01',
        description: null,
        previousDueDate: '2026-04-01',
        previousDescription: 'deliver c1',
        reason: 'late funds',
        revisedAt: at,
      },
    ]);
    expect(await reader.get('c3')).toMatchObject({ status: 'fulfilled', percent: 100 });
    const all = await reader.forInitiative('i1');
    expect(all.map((c) => c.commitmentId)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(all[0]).toEqual(await reader.get('c1'));
    expect(await reader.get('c4')).toMatchObject({ status: 'missed', closingNote: 'no' });
  });

  it('pages a filtered list in the order made, and counts every match', async () => {
    const today = '2026-03-01';
    const first = await reader.list({ initiativeId: 'i1', today }, { first: 2 });
    expect(first.edges.map((e) => e.node).map((c) => c.commitmentId)).toEqual(['c1', 'c2']);
    expect([first.totalCount, first.pageInfo.hasNextPage]).toEqual([4, true]);
    const next = await reader.list(
      { initiativeId: 'i1', today },
      { first: 2, after: first.edges.map((e) => e.node)[1]!.madePosition },
    );
    expect(next.edges.map((e) => e.node).map((c) => c.commitmentId)).toEqual(['c3', 'c4']);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const overdue = await reader.list({ overdue: true, today }, { first: 10 });
    expect(overdue.edges.map((e) => e.node).map((c) => c.commitmentId)).toEqual(['c2']);
  });

  it("counts and pages each partner's commitments by bucket", async () => {
    const counts = await reader.bucketCounts('i1', ['food-bank', 'city-hall'], '2026-03-01');
    expect(counts.get('food-bank')).toEqual({
      onTrack: 1,
      overdue: 1,
      fulfilled: 0,
      withdrawn: 0,
      missed: 0,
    });
    expect(counts.get('city-hall')).toMatchObject({ fulfilled: 1, missed: 1 });
    const pages = await reader.bucketPages('i1', ['food-bank'], 'onTrack', '2026-03-01', {
      first: 5,
    });
    expect(
      pages
        .get('food-bank')
        ?.edges.map((e) => e.node)
        .map((c) => c.commitmentId),
    ).toEqual(['c1']);
  });

  it("pages each partner's bucket apart: its own page size, next page and cursor", async () => {
    // On 2026-01-01 both of food-bank's open commitments are on track; city-hall has none.
    const partners = ['food-bank', 'city-hall', 'food-bank', 'nobody'];
    const ids = (page: { edges: { node: { commitmentId: string } }[] } | undefined) =>
      page?.edges.map((e) => e.node.commitmentId);
    const first = await reader.bucketPages('i1', partners, 'onTrack', '2026-01-01', { first: 1 });
    expect([...first.keys()]).toEqual(['food-bank', 'city-hall', 'nobody']);
    expect(ids(first.get('food-bank'))).toEqual(['c1']);
    expect(first.get('food-bank')?.pageInfo.hasNextPage).toBe(true);
    expect(first.get('city-hall')).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const c1 = await reader.get('c1');
    const next = await reader.bucketPages(
      'i1',
      ['food-bank', 'city-hall'],
      'onTrack',
      '2026-01-01',
      {
        first: 1,
        after: c1!.madePosition,
      },
    );
    expect(ids(next.get('food-bank'))).toEqual(['c2']);
    expect(next.get('food-bank')?.pageInfo.hasNextPage).toBe(false);
    const closed = await reader.bucketPages(
      'i1',
      ['food-bank', 'city-hall'],
      'fulfilled',
      '2026-01-01',
      {
        first: 5,
      },
    );
    expect([ids(closed.get('food-bank')), ids(closed.get('city-hall'))]).toEqual([[], ['c3']]);
  });
});
