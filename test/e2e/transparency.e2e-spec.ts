/**
 * The Merkle trees over the running ledger: maintained as events are appended, signed
 * checkpoints, proofs and exports over HTTP and GraphQL, kept to the initiative's readers,
 * resumed after a restart and rebuilt from zero; on SQLite and PostgreSQL.
 */
import {
  eventLeafHash,
  type LedgerEvent,
  MemoryTree,
  openCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  verifyInclusion,
} from '@accord/transparency';
import request from 'supertest';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { JOIN } from '../support/operations';
import { CITY_HALL, type RawEvent, ALL_STORES, TestApp } from '../support/test-app';

const EVERY_EVENT = { ACCORD_CHECKPOINT_EVERY_EVENTS: '1', ACCORD_LOG_ORIGIN: 'accord.test' };
const OUTSIDER = { personId: 'zed', partnerId: 'elsewhere' };
const ORIGIN = 'accord.test/initiative/reading-by-9';

const CHECKPOINT = `query Checkpoint($initiativeId: ID, $treeSize: Int) {
  logCheckpoint(initiativeId: $initiativeId, treeSize: $treeSize) { origin size rootHash note logKey }
}`;
const INCLUSION = `query Inclusion($initiativeId: ID, $position: String, $eventId: String) {
  inclusionProof(initiativeId: $initiativeId, position: $position, eventId: $eventId) {
    origin leafIndex treeSize position eventId leafHash hashes checkpoint { size rootHash }
  }
}`;

const b64 = (text: string) => Buffer.from(text, 'base64');

async function get(app: TestApp, path: string, actor = CITY_HALL) {
  return request(app.app.getHttpServer())
    .get(path)
    .set('authorization', `Bearer ${await app.token(actor)}`);
}

/** The initiative's events as stored, read from the database behind the app's back. */
async function initiativeEvents(app: TestApp, initiativeId: string): Promise<LedgerEvent[]> {
  const rows = (await app.rawEvents()) as (RawEvent & { id: string })[];
  return rows
    .filter((row) => !row.stream.startsWith('person-') && row.data.initiativeId === initiativeId)
    .map(({ position, stream, revision, id, type, data, metadata, hash }) => ({
      position,
      stream,
      revision: Number(revision),
      id,
      type,
      data,
      metadata,
      hash,
    }));
}

function rootOf(events: readonly LedgerEvent[]): Buffer {
  const tree = new MemoryTree();
  for (const event of events) tree.append(eventLeafHash(event));
  return tree.root();
}

describe.each(ALL_STORES)('the Merkle trees over the ledger (%s)', (store) => {
  let app: TestApp;

  // One launched initiative for the whole describe: the first three tests only read it, and the
  // last, which restarts the app and grows the tree, runs after them.
  beforeAll(async () => {
    app = await TestApp.start({ store, env: EVERY_EVENT });
    await launchWithPartners(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('signs a checkpoint whose root is the root of every event of the initiative, in log order', async () => {
    const res = await get(app, '/checkpoint/initiative/reading-by-9');
    expect(res.status).toBe(200);
    const events = await initiativeEvents(app, 'reading-by-9');
    expect(events).toHaveLength(8);
    const graphql = await app.gql(CHECKPOINT, { initiativeId: 'reading-by-9' });
    expectNoErrors(graphql);
    const { logKey, note, size, rootHash, origin } = graphql.data.logCheckpoint;
    expect(note).toBe(res.text);
    expect({ origin, size }).toEqual({ origin: ORIGIN, size: 8 });
    const opened = openCheckpoint(res.text, {
      origin: ORIGIN,
      logKeys: [parseVerifierKey(logKey)],
    });
    expect(opened.checkpoint.root.equals(rootOf(events))).toBe(true);
    expect(b64(rootHash).equals(rootOf(events))).toBe(true);
  });

  it('proves each event is in the checkpoint, and that a later checkpoint extends an earlier one', async () => {
    const events = await initiativeEvents(app, 'reading-by-9');
    const root = rootOf(events);
    for (const [index, event] of events.entries()) {
      const res = await get(
        app,
        `/proof/initiative/reading-by-9/inclusion?position=${event.position}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ leafIndex: index, treeSize: 8, eventId: event.id });
      verifyInclusion(index, 8, eventLeafHash(event), res.body.hashes.map(b64), root);
    }
    const byId = await app.gql(INCLUSION, { initiativeId: 'reading-by-9', eventId: events[5]!.id });
    expectNoErrors(byId);
    expect(byId.data.inclusionProof).toMatchObject({
      leafIndex: 5,
      position: String(events[5]!.position),
    });
    // An argument given as null counts as left out, as in the HTTP endpoints.
    const withNulls = await app.gql(INCLUSION, {
      initiativeId: 'reading-by-9',
      position: null,
      eventId: events[5]!.id,
    });
    expect(withNulls.data).toEqual(byId.data);
    const last = await app.gql(CHECKPOINT, { initiativeId: 'reading-by-9', treeSize: null });
    expect(last.data.logCheckpoint).toMatchObject({ origin: ORIGIN, size: 8 });

    const old = await app.gql(CHECKPOINT, { initiativeId: 'reading-by-9', treeSize: 3 });
    expectNoErrors(old);
    const consistency = await get(app, '/proof/initiative/reading-by-9/consistency?fromSize=3');
    expect(consistency.status).toBe(200);
    verifyConsistency(
      3,
      8,
      consistency.body.hashes.map(b64),
      b64(old.data.logCheckpoint.rootHash),
      root,
    );
    expect(b64(old.data.logCheckpoint.rootHash).equals(rootOf(events.slice(0, 3)))).toBe(true);
  });

  it('answers an outsider about a hidden initiative exactly as about one that does not exist', async () => {
    const paths = (id: string) => [
      `/checkpoint/initiative/${id}`,
      `/proof/initiative/${id}/inclusion?position=1`,
      `/proof/initiative/${id}/consistency?fromSize=1`,
      `/proof/initiative/${id}/coverage?position=1`,
      `/export/initiative/${id}`,
    ];
    const hidden = paths('reading-by-9');
    const missing = paths('no-such-initiative');
    for (const [i, path] of hidden.entries()) {
      const outsider = await get(app, path, OUTSIDER);
      const nowhere = await get(app, missing[i]!, OUTSIDER);
      expect(outsider.status).toBe(404);
      expect(nowhere.status).toBe(404);
      expect(outsider.body).toEqual({
        error: nowhere.body.error.replace('no-such-initiative', 'reading-by-9'),
      });
    }
    const CONSISTENCY = `query Consistency($initiativeId: ID, $fromSize: Int!) {
      consistencyProof(initiativeId: $initiativeId, fromSize: $fromSize) { hashes }
    }`;
    const COVERAGE = `query Coverage($initiativeId: ID, $position: String) {
      witnessCoverage(initiativeId: $initiativeId, position: $position) { covered }
    }`;
    const asked: [string, Record<string, unknown>][] = [
      [CHECKPOINT, {}],
      [INCLUSION, { position: '1' }],
      [CONSISTENCY, { fromSize: 1 }],
      [COVERAGE, { position: '1' }],
    ];
    for (const [document, variables] of asked) {
      const hiddenAnswer = await app.gql(
        document,
        { ...variables, initiativeId: 'reading-by-9' },
        OUTSIDER,
      );
      const missingAnswer = await app.gql(
        document,
        { ...variables, initiativeId: 'no-such-initiative' },
        OUTSIDER,
      );
      expect(hiddenAnswer.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect(hiddenAnswer.errors?.[0]?.message).toBe(
        missingAnswer.errors?.[0]?.message.replace('no-such-initiative', 'reading-by-9'),
      );
      expect(hiddenAnswer.data).toBeNull();
    }
    const unsigned = await request(app.app.getHttpServer()).get(
      '/checkpoint/initiative/reading-by-9',
    );
    expect(unsigned.status).toBe(401);
  });

  it('resumes after a restart: the tree grows on, and the new checkpoint extends the old', async () => {
    const before = await get(app, '/checkpoint/initiative/reading-by-9');
    await app.stop({ keepStorage: true });
    app = await TestApp.start({ storage: app.storage, env: EVERY_EVENT });
    const joined = await app.gql(
      JOIN,
      {
        input: {
          initiativeId: 'reading-by-9',
          partnerId: 'library',
          organisationName: 'Library',
          sector: 'NONPROFIT',
        },
      },
      CITY_HALL,
    );
    expectNoErrors(joined);
    const after = await get(app, '/checkpoint/initiative/reading-by-9');
    const events = await initiativeEvents(app, 'reading-by-9');
    expect(events).toHaveLength(9);
    const size = Number(after.text.split('\n')[1]);
    expect(size).toBe(9);
    const consistency = await get(app, '/proof/initiative/reading-by-9/consistency?fromSize=8');
    verifyConsistency(
      8,
      9,
      consistency.body.hashes.map(b64),
      b64(before.text.split('\n')[2]!),
      rootOf(events),
    );
  });
});
