import { type EventStore } from '@accord/event-store';
import { ProjectionRunner } from '@accord/projections';
import { EVENT_STORE } from '../../apps/api/src/ledger/ledger.tokens';
import { appendCopiesOfLast } from '../support/bulk-events';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { MAKE, REPORT } from '../support/operations';
import { FOOD_BANK, ALL_STORES, TestApp } from '../support/test-app';

const WRITERS = 64;
/** Building a 1,000-event stream and projecting it takes a while on a busy machine. */
jest.setTimeout(120_000);

describe.each(ALL_STORES)('Concurrent commands on one long stream, one process on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithPartners(app);
  });
  afterAll(() => app.stop());

  /** A commitment of the food bank whose stream holds 1,000 events. */
  async function longCommitment(commitmentId: string): Promise<number> {
    expectNoErrors(
      await app.gql(
        MAKE,
        {
          input: {
            commitmentId,
            initiativeId,
            partnerId: FOOD_BANK.partnerId,
            description: 'Weekly meal drops',
            resources: { money: null, inKind: null, hours: null },
            dueDate: ONE_YEAR_AHEAD,
          },
        },
        FOOD_BANK,
      ),
    );
    expectNoErrors(
      await app.gql(REPORT, { input: { commitmentId, percent: 1, note: 'first' } }, FOOD_BANK),
    );
    const events = app.app.get<EventStore>(EVENT_STORE);
    await appendCopiesOfLast(events, `commitment-${commitmentId}`, 998);
    // The read models take in the bulk first, so the writers below wait only for their own.
    await app.app.get(ProjectionRunner).waitFor(await events.headPosition(), 120_000);
    return 999;
  }

  const report = (commitmentId: string, n: number, expectedRevision?: number) =>
    app.gql(
      REPORT,
      { input: { commitmentId, percent: n % 101, note: `report ${n}`, expectedRevision } },
      FOOD_BANK,
    );

  it(`${WRITERS} writers without expectedRevision all succeed, one revision each`, async () => {
    const last = await longCommitment('long-free');
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, n) => report('long-free', n)),
    );
    const refused = answers.flatMap((a) => a.errors ?? []).map((e) => e.extensions.code);
    expect(refused).toEqual([]);
    const revisions = answers
      .map((a) => a.data.reportProgress.receipt.revision)
      .sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: WRITERS }, (_, n) => last + 1 + n));
  });

  it(`${WRITERS} writers naming the same expectedRevision: exactly one wins, the rest CONFLICT`, async () => {
    const last = await longCommitment('long-expected');
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, n) => report('long-expected', n, last)),
    );
    const won = answers.filter((a) => !a.errors);
    expect(won).toHaveLength(1);
    expect(won[0]!.data.reportProgress.receipt.revision).toBe(last + 1);
    for (const lost of answers.filter((a) => a.errors)) {
      expect(lost.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        expectedRevision: last,
        actualRevision: last + 1,
      });
    }
  });
});
