import { ALL_PROJECTIONS } from '@accord/projections';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { TestApp } from '../support/test-app';

const VERIFY = `query($stream: String) { verifyLedger(stream: $stream) { ok checked firstMismatch { stream revision position reason } } }`;

describe('Ledger status over GraphQL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await launchWithPartners(app, 'audited');
  });
  afterAll(() => app.stop());

  it("shows each read model's position, lag and state", async () => {
    const res = await app.gql('{ projections { name position lag state lastError { message } } }');
    expectNoErrors(res);
    const head = (await app.rawEvents()).length;
    expect(res.data.projections).toEqual(
      ALL_PROJECTIONS.map(({ name }) => ({
        name,
        position: String(head),
        lag: 0,
        state: 'RUNNING',
        lastError: null,
      })),
    );
    expect(res.data.projections.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['agreements-register', 'indicators', 'roster']),
    );
  });

  it('verifies the hash chain, and names the event whose stored bytes were edited', async () => {
    const clean = await app.gql(VERIFY);
    expectNoErrors(clean);
    // The launch, the launcher's seat, three partners joining and their three representatives.
    expect(clean.data.verifyLedger).toEqual({ ok: true, checked: 8, firstMismatch: null });

    const target = (await app.rawEvents()).find(
      (e) => e.type === 'PartnerJoined.v1' && e.data.partnerId === 'food-bank',
    )!;
    const db = new Database(join(app.storage.dir, 'accord.db'));
    db.exec('DROP TRIGGER events_are_never_updated');
    db.prepare(
      `UPDATE events SET data = replace(data, 'Food Bank', 'Feed Bank') WHERE position = ?`,
    ).run(target.position);
    db.close();

    const tampered = await app.gql(VERIFY);
    expectNoErrors(tampered);
    expect(tampered.data.verifyLedger).toMatchObject({
      ok: false,
      checked: target.position - 1, // every event before it, in log order
      firstMismatch: {
        stream: 'initiative-audited',
        revision: 2,
        position: String(target.position),
      },
    });
    expect(tampered.data.verifyLedger.firstMismatch.reason).toContain('hash mismatch');
  });

  it('BAD_USER_INPUT for a stream name that is not <category>-<id>', async () => {
    const res = await app.gql(VERIFY, { stream: 'not a stream' });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'stream' })],
    });
  });
});
