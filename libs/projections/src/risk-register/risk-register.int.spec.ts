import type { RiskEvent } from '@accord/domain';
import { decodeCursor } from '../runtime/cursor';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { riskRegisterProjection } from './risk-register.projection';
import { RiskRegisterReader } from './risk-register.reader';

const at = '2026-03-01T10:00:00.000Z';
const identified = (
  riskId: string,
  ownerPartnerId: string,
  likelihood: number,
  impact: number,
  initiativeId = 'i1',
) => ({
  stream: `risk-${riskId}`,
  event: {
    type: 'RiskIdentified.v1',
    data: {
      riskId,
      initiativeId,
      title: riskId,
      description: 'd',
      category: 'financial',
      likelihood,
      impact,
      ownerPartnerId,
      identifiedAt: at,
    },
  } satisfies RiskEvent,
});
const shared = (riskId: string, shares: [string, number][]) => ({
  stream: `risk-${riskId}`,
  event: {
    type: 'RiskOwnershipShared.v1',
    data: {
      riskId,
      initiativeId: 'i1',
      shares: shares.map(([partnerId, basisPoints]) => ({ partnerId, basisPoints })),
      sharedAt: at,
    },
  } satisfies RiskEvent,
});

describe.each(READ_MODEL_BACKENDS)('Risk register reader on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: RiskRegisterReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new RiskRegisterReader(db);
    await project(
      db,
      riskRegisterProjection,
      storedEvents([
        identified('owned', 'food-bank', 3, 4),
        shared('owned', [
          ['food-bank', 6000],
          ['schools', 4000],
        ]),
        identified('shared', 'city-hall', 4, 5),
        shared('shared', [
          ['city-hall', 5000],
          ['food-bank', 5000],
        ]),
        identified('not-ours', 'schools', 5, 5),
        identified('elsewhere', 'food-bank', 5, 5, 'i2'),
        identified('handed-on', 'food-bank', 1, 1),
        shared('handed-on', [['food-bank', 10000]]),
        shared('handed-on', [['schools', 10000]]),
      ]),
    );
  });
  afterAll(() => cleanup());

  it('lists the risks a partner owns or shares, highest exposure first, with its share', async () => {
    const mine = await reader.risksOwnedOrSharedBy('i1', 'food-bank');
    expect(
      mine.map(({ risk, owner, basisPoints }) => [risk.riskId, risk.exposure, owner, basisPoints]),
    ).toEqual([
      ['shared', 20, false, 5000],
      ['owned', 12, true, 6000],
      ['handed-on', 1, true, null],
    ]);
  });

  it('pages the register, highest exposure first, each risk with its shares', async () => {
    const first = await reader.registerPage('i1', undefined, { first: 2 });
    expect(first.edges.map(({ node: risk }) => risk.riskId)).toEqual(['not-ours', 'shared']);
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    expect(first.pageInfo.endCursor).toBe(first.edges[1]!.cursor);
    const second = await reader.registerPage('i1', undefined, {
      first: 2,
      after: decodeCursor(first.pageInfo.endCursor!)!,
    });
    expect(second.edges.map(({ node: risk }) => [risk.riskId, risk.exposure])).toEqual([
      ['owned', 12],
      ['handed-on', 1],
    ]);
    expect(second.edges[0]!.node.shares).toEqual([
      { partnerId: 'food-bank', basisPoints: 6000 },
      { partnerId: 'schools', basisPoints: 4000 },
    ]);
    expect(second).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false } });
    expect((await reader.registerPage('i1', 'closed', { first: 2 })).edges).toEqual([]);
  });

  it('groups the whole initiative by partner in one read', async () => {
    const byPartner = await reader.risksByPartner('i1');
    expect(
      byPartner
        .get('schools')
        ?.map(({ risk, owner, basisPoints }) => [risk.riskId, owner, basisPoints]),
    ).toEqual([
      ['not-ours', true, null],
      ['owned', false, 4000],
      ['handed-on', false, 10000],
    ]);
    expect(byPartner.get('food-bank')?.map(({ risk }) => risk.riskId)).toEqual([
      'shared',
      'owned',
      'handed-on',
    ]);
    expect([...byPartner.keys()].sort()).toEqual(['city-hall', 'food-bank', 'schools']);
  });

  it('pages each partner of a list in SQL, keyset cursors, counts by partner', async () => {
    const first = await reader.riskPagesByPartner('i1', ['schools', 'food-bank', 'stranger'], {
      first: 2,
    });
    const ids = (partnerId: string, pages = first) =>
      pages
        .get(partnerId)
        ?.edges.map(({ node }) => [node.risk.riskId, node.owner, node.basisPoints]);
    expect(ids('schools')).toEqual([
      ['not-ours', true, null],
      ['owned', false, 4000],
    ]);
    expect(first.get('schools')?.totalCount).toBe(3);
    expect(first.get('schools')?.pageInfo.hasNextPage).toBe(true);
    expect(first.get('food-bank')?.totalCount).toBe(3);
    expect(first.get('stranger')).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
    });
    const after = decodeCursor(first.get('schools')!.pageInfo.endCursor!);
    const next = await reader.riskPagesByPartner('i1', ['schools'], { first: 2, after });
    expect(ids('schools', next)).toEqual([['handed-on', false, 10000]]);
    expect(next.get('schools')?.pageInfo.hasNextPage).toBe(false);
    expect(next.get('schools')?.totalCount).toBe(3);
  });

  it('reads the latest sharing only, in the order it was given', async () => {
    const risk = await reader.get('handed-on');
    expect(risk?.shares).toEqual([{ partnerId: 'schools', basisPoints: 10000 }]);
    expect(risk?.revision).toBe(2);
  });

  it('lists nothing for a partner with no risks', async () => {
    expect(await reader.risksOwnedOrSharedBy('i1', 'stranger')).toEqual([]);
  });
});
