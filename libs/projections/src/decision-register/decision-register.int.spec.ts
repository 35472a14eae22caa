import type { DecisionEvent, VoteChoice } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { decisionRegisterProjection } from './decision-register.projection';
import { DecisionRegisterReader } from './decision-register.reader';

const at = '2026-03-01T10:00:00.000Z';
const half = { numerator: 1, denominator: 2 };
const decision = (decisionId: string, event: DecisionEvent) => ({
  stream: `decision-${decisionId}`,
  event,
});
const proposed = (decisionId: string, reviewDate: string | null) =>
  decision(decisionId, {
    type: 'DecisionProposed.v1',
    data: {
      decisionId,
      initiativeId: 'i1',
      title: `decision ${decisionId}`,
      motion: 'm',
      rationale: 'r',
      method: 'simple_majority',
      quorum: half,
      supermajority: { numerator: 2, denominator: 3 },
      meetingId: null,
      reviewDate,
      proposedRules: null,
      proposedBy: { personId: 'ann', partnerId: 'food-bank' },
      proposedAt: at,
    },
  });
const cast = (personId: string, choice: VoteChoice) =>
  decision('d1', {
    type: 'VoteCast.v1',
    data: {
      decisionId: 'd1',
      initiativeId: 'i1',
      personId,
      partnerId: 'food-bank',
      choice,
      reason: null,
      castAt: at,
    },
  });
const tally = { for: 2, against: 0, abstain: 0, block: 0, objection: 0 };

describe.each(READ_MODEL_BACKENDS)('Decision register on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: DecisionRegisterReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new DecisionRegisterReader(db);
    await project(
      db,
      decisionRegisterProjection,
      storedEvents([
        proposed('d1', '2026-01-01'),
        decision('d1', {
          type: 'ConflictOfInterestDeclared.v1',
          data: {
            decisionId: 'd1',
            initiativeId: 'i1',
            personId: 'cid',
            partnerId: 'city-hall',
            reason: 'supplier',
            declaredAt: at,
          },
        }),
        cast('ann', 'against'),
        decision('d1', {
          type: 'VoteChanged.v1',
          data: {
            decisionId: 'd1',
            initiativeId: 'i1',
            personId: 'ann',
            partnerId: 'food-bank',
            previousChoice: 'against',
            choice: 'for',
            reason: 'convinced',
            changedAt: at,
          },
        }),
        cast('bob', 'for'),
        decision('d1', {
          type: 'DecisionClosed.v1',
          data: {
            decisionId: 'd1',
            initiativeId: 'i1',
            outcome: 'adopted',
            reason: null,
            tally,
            quorum: { votingMembers: 3, participants: 2, required: 2, reached: true },
            closedAt: at,
          },
        }),
        proposed('d2', null),
        decision('d1', {
          type: 'DecisionSuperseded.v1',
          data: { decisionId: 'd1', initiativeId: 'i1', byDecisionId: 'd2', supersededAt: at },
        }),
      ]),
    );
  });
  afterAll(() => cleanup());

  it('keeps each vote with its history, the recusals, the outcome and what superseded it', async () => {
    const d1 = await reader.get('d1');
    expect(d1).toMatchObject({
      status: 'superseded',
      outcome: 'adopted',
      tally,
      quorum: { reached: true },
      supersededBy: 'd2',
      recusals: [{ personId: 'cid', reason: 'supplier' }],
    });
    expect(d1?.votes.map((v) => [v.personId, v.choice, v.history.map((h) => h.kind)])).toEqual([
      ['ann', 'for', ['cast', 'changed']],
      ['bob', 'for', ['cast']],
    ]);
    expect((await reader.get('d2'))?.supersedes).toEqual(['d1']);
  });

  it('pages and filters decisions, and finds many by id', async () => {
    const today = '2026-03-01';
    const all = await reader.list({ initiativeId: 'i1', today }, { first: 1 });
    expect([
      all.edges.map((e) => e.node).map((d) => d.decisionId),
      all.totalCount,
      all.pageInfo.hasNextPage,
    ]).toEqual([['d1'], 2, true]);
    const open = await reader.list({ status: 'open', today }, { first: 5 });
    expect(open.edges.map((e) => e.node).map((d) => d.decisionId)).toEqual(['d2']);
    expect((await reader.byIds(['d2', 'd1'])).map((d) => d.decisionId).sort()).toEqual([
      'd1',
      'd2',
    ]);
  });
});
