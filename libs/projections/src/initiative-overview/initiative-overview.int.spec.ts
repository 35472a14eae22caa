import { DEFAULT_GOVERNANCE_RULES, type InitiativeEvent } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { initiativeOverviewProjection } from './initiative-overview.projection';
import { InitiativeOverviewReader } from './initiative-overview.reader';

const at = '2026-03-01T10:00:00.000Z';
const initiative = (initiativeId: string, event: InitiativeEvent) => ({
  stream: `initiative-${initiativeId}`,
  event,
});
const launched = (initiativeId: string) =>
  initiative(initiativeId, {
    type: 'InitiativeLaunched.v1',
    data: {
      initiativeId,
      name: initiativeId,
      problemStatement: 'p',
      commonAgenda: 'a',
      launchedAt: at,
    },
  });
const joined = (partnerId: string) =>
  initiative('i1', {
    type: 'PartnerJoined.v1',
    data: {
      initiativeId: 'i1',
      partnerId,
      organisationName: partnerId,
      sector: 'nonprofit',
      joinedAt: at,
    },
  });
const rules = {
  quorum: { numerator: 2, denominator: 3 },
  defaultMethod: 'consensus' as const,
  supermajority: { numerator: 3, denominator: 4 },
};

describe.each(READ_MODEL_BACKENDS)('Initiative overview on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: InitiativeOverviewReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new InitiativeOverviewReader(db);
    await project(
      db,
      initiativeOverviewProjection,
      storedEvents([
        launched('i1'),
        joined('food-bank'),
        joined('city-hall'),
        initiative('i1', {
          type: 'AgendaAmended.v1',
          data: { initiativeId: 'i1', commonAgenda: 'a2', reason: null, amendedAt: at },
        }),
        initiative('i1', {
          type: 'PartnerLeft.v1',
          data: { initiativeId: 'i1', partnerId: 'food-bank', reason: null, leftAt: at },
        }),
        initiative('i1', {
          type: 'GovernanceRulesSet.v1',
          data: { ...rules, initiativeId: 'i1', decisionId: 'd1', setAt: at },
        }),
        launched('i2'),
        launched('i3'),
      ]),
    );
  });
  afterAll(() => cleanup());

  it('keeps the amended agenda and who is a member or left', async () => {
    expect(await reader.get('i1')).toMatchObject({ commonAgenda: 'a2', agendaAmendedAt: at });
    expect((await reader.partners('i1')).map((p) => [p.partnerId, p.status])).toEqual([
      ['food-bank', 'left'],
      ['city-hall', 'member'],
    ]);
    const page = await reader.partnerPage('i1', { first: 1 });
    expect([
      page.edges.map((e) => e.node).map((p) => p.partnerId),
      page.totalCount,
      page.pageInfo.hasNextPage,
    ]).toEqual([['food-bank'], 2, true]);
  });

  it('gives the governance rules in force over time, the defaults when none were set', async () => {
    expect(await reader.governanceRulesHistory('i1')).toEqual([
      expect.objectContaining({ ...rules, decisionId: 'd1', setAt: at }),
    ]);
    expect(await reader.governanceRulesHistory('i2')).toEqual([
      { ...DEFAULT_GOVERNANCE_RULES, decisionId: null, setAt: null },
    ]);
  });

  it('pages the initiatives asked for in the order launched', async () => {
    const first = await reader.list({ first: 1 }, ['i3', 'i1']);
    expect([first.edges.map((e) => e.node).map((i) => i.initiativeId), first.totalCount]).toEqual([
      ['i1'],
      2,
    ]);
    const rest = await reader.list(
      { first: 1, after: first.edges.map((e) => e.node)[0]!.launchedPosition },
      ['i3', 'i1'],
    );
    expect([
      rest.edges.map((e) => e.node).map((i) => i.initiativeId),
      rest.pageInfo.hasNextPage,
    ]).toEqual([['i3'], false]);
  });
});
