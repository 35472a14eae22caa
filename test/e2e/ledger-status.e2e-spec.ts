import type { EventStore, VerifyOptions, VerifyResult } from '@accord/event-store';
import { ALL_PROJECTIONS } from '@accord/projections';
import Database from 'better-sqlite3';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LedgerVerification } from '../../apps/api/src/ledger-status/ledger-verification';
import { EVENT_STORE } from '../../apps/api/src/ledger/ledger.tokens';
import { cli } from '../support/cli';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { ASSIGN_ROLE } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, type TestApp as App, TestApp } from '../support/test-app';

const VERIFY = `query($stream: String) { verifyLedger(stream: $stream) { ok checked resumedAfter firstMismatch { stream revision position reason } } }`;

const OUTSIDER = { personId: 'zed', partnerId: 'elsewhere' };
const EVALUATOR = { personId: 'dee', partnerId: 'food-bank' };

/** Edits one stored event's data in the SQLite file, as someone with the file in hand could. */
function tamper(app: App, position: number, from: string, to: string): void {
  const db = new Database(join(app.storage.dir, 'accord.db'));
  db.exec('DROP TRIGGER IF EXISTS events_are_never_updated');
  db.prepare(`UPDATE events SET data = replace(data, ?, ?) WHERE position = ?`).run(
    from,
    to,
    position,
  );
  db.close();
}

async function partnerJoined(app: App, initiativeId: string, partnerId: string) {
  return (await app.rawEvents()).find(
    (e) =>
      e.type === 'PartnerJoined.v1' &&
      e.stream === `initiative-${initiativeId}` &&
      e.data.partnerId === partnerId,
  )!;
}

/** Resolves once `condition` holds, looking again after each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Holds every walk of the whole log after its first page (of two events) until released, and
 * keeps each walk's promise and signal, so a test can act while a walk is under way.
 */
function holdWalks(app: App) {
  const store = app.app.get<EventStore>(EVENT_STORE);
  const verify = store.verify.bind(store);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const firstPage = new Promise<void>((resolve) => (reached = resolve));
  const walks: Promise<VerifyResult>[] = [];
  const signals: AbortSignal[] = [];
  let pages = 0;
  const spy = jest
    .spyOn(store, 'verify')
    .mockImplementation((stream?: string, options: VerifyOptions = {}) => {
      if (stream !== undefined) return verify(stream, options);
      if (options.signal) signals.push(options.signal);
      const walk = verify(undefined, {
        ...options,
        pageSize: 2,
        onVerified: async (page) => {
          await options.onVerified?.(page);
          pages += 1;
          reached();
          await released;
        },
      });
      walks.push(walk);
      return walk;
    });
  return {
    firstPage,
    release,
    walks,
    signals,
    pages: () => pages,
    restore: () => spy.mockRestore(),
  };
}

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

  it('BAD_USER_INPUT for a stream name that is not <category>-<id>', async () => {
    const res = await app.gql(VERIFY, { stream: 'not a stream' });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'stream' })],
    });
  });

  describe('who may verify', () => {
    it('FORBIDDEN for the whole log to a member without a verifying role, and to an outsider', async () => {
      for (const actor of [FOOD_BANK, OUTSIDER]) {
        const res = await app.gql(VERIFY, {}, actor);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions).toMatchObject({
          code: 'FORBIDDEN',
          rolesNeeded: ['backbone_staff', 'chair', 'co_chair', 'evaluator'],
        });
        expect(res.errors?.[0]?.message).toContain(`${actor.personId} (for ${actor.partnerId})`);
      }
    });

    it('the whole log for an evaluator', async () => {
      const assigned = await app.gql(ASSIGN_ROLE, {
        input: {
          initiativeId: 'audited',
          ...EVALUATOR,
          role: 'EVALUATOR',
          termStart: '2020-01-01',
        },
      });
      expectNoErrors(assigned);
      const res = await app.gql(VERIFY, {}, EVALUATOR);
      expectNoErrors(res);
      expect(res.data.verifyLedger.ok).toBe(true);
    });

    it('one stream for a member of its initiative; a hidden stream is answered as one that does not exist', async () => {
      const member = await app.gql(VERIFY, { stream: 'initiative-audited' }, FOOD_BANK);
      expectNoErrors(member);
      // The launch and three partners joining.
      expect(member.data.verifyLedger).toEqual({
        ok: true,
        checked: 4,
        resumedAfter: '0',
        firstMismatch: null,
      });

      const hidden = await app.gql(VERIFY, { stream: 'initiative-audited' }, OUTSIDER);
      const missing = await app.gql(VERIFY, { stream: 'initiative-nowhere' }, OUTSIDER);
      const missingToMember = await app.gql(VERIFY, { stream: 'initiative-nowhere' }, FOOD_BANK);
      for (const res of [hidden, missing, missingToMember]) expect(res.data ?? null).toBeNull();
      const shape = (res: typeof hidden, stream: string) =>
        JSON.stringify(res.errors).replaceAll(stream, '<stream>');
      expect(shape(hidden, 'initiative-audited')).toBe(shape(missing, 'initiative-nowhere'));
      expect(shape(missing, 'initiative-nowhere')).toBe(
        shape(missingToMember, 'initiative-nowhere'),
      );
      expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(JSON.stringify(hidden)).not.toMatch(/checked|"4"|\b4\b/);
    });
  });

  it('asks for verifyLedger once per operation: aliases are refused by the cost limit before anything runs', async () => {
    const aliased = Array.from({ length: 15 }, (_, n) => `v${n}: verifyLedger { ok }`).join(' ');
    const res = await app.gql(`{ ${aliased} }`);
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(res.errors?.[0]?.message).toContain(
      'verifyLedger may be asked once per operation, and this operation asks for it 15 times',
    );
    const viaFragments = await app.gql(
      `query { ...a ...b } fragment a on Query { a: verifyLedger { ok } } fragment b on Query { b: verifyLedger(stream: "initiative-audited") { ok } }`,
    );
    expect(viaFragments.status).toBe(400);
    // One field asked twice under one name is merged into one by GraphQL: it runs once.
    const merged = await app.gql('{ verifyLedger { ok } verifyLedger { checked } }');
    expectNoErrors(merged);
  });
});

describe('Verifying the whole log from where the last check stopped', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await launchWithPartners(app, 'audited');
  });
  afterAll(() => app.stop());

  it('checks only the events after the position it verified, also after a restart, and still catches an edit among them', async () => {
    const first = await app.gql(VERIFY);
    expectNoErrors(first);
    // The launch, the launcher's seat, three partners joining and their three representatives.
    expect(first.data.verifyLedger).toEqual({
      ok: true,
      checked: 8,
      resumedAfter: '0',
      firstMismatch: null,
    });

    await app.stop({ keepStorage: true });
    app = await TestApp.start({ storage: app.storage });
    const again = await app.gql(VERIFY);
    expectNoErrors(again);
    expect(again.data.verifyLedger).toEqual({
      ok: true,
      checked: 0,
      resumedAfter: '8',
      firstMismatch: null,
    });

    await launchWithPartners(app, 'second');
    const target = await partnerJoined(app, 'second', 'food-bank');
    tamper(app, target.position, 'Food Bank', 'Feed Bank');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const tampered = await app.gql(VERIFY);
      expectNoErrors(tampered);
      expect(tampered.data.verifyLedger).toMatchObject({
        ok: false,
        checked: target.position - 9, // the new events before it, in log order
        resumedAfter: '8',
        firstMismatch: {
          stream: 'initiative-second',
          revision: 2,
          position: String(target.position),
        },
      });
      expect(tampered.data.verifyLedger.firstMismatch.reason).toContain('hash mismatch');
    }
  });

  it('`accord verify` rescans every event, and exits 1 naming an edit the incremental check had already passed', async () => {
    tamper(
      app,
      (await partnerJoined(app, 'second', 'food-bank')).position,
      'Feed Bank',
      'Food Bank',
    );
    const clean = await cli(app, ['verify']);
    expect(clean).toMatchObject({ code: 0 });
    expect(clean.output).toContain('all 16 events verify');
    const verified = await app.gql(VERIFY);
    expect(verified.data.verifyLedger).toMatchObject({ ok: true, resumedAfter: '8' });

    const old = await partnerJoined(app, 'audited', 'school-district');
    tamper(app, old.position, 'School District', 'School Distract');
    const incremental = await app.gql(VERIFY);
    expect(incremental.data.verifyLedger).toMatchObject({ ok: true, checked: 0 });

    const rescan = await cli(app, ['verify']);
    expect(rescan.code).toBe(1);
    expect(rescan.output.trim().split('\n')).toEqual([
      expect.stringContaining(
        `does not verify: initiative-audited revision 3 (position ${old.position}): hash mismatch`,
      ),
    ]);
  }, 120_000);
});

describe('One walk of the log at a time', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await TestApp.start();
    await launchWithPartners(app, 'audited'); // 8 events: four pages of two
  });
  afterEach(() => app.stop());

  it('callers arriving while a walk runs share it and its result', async () => {
    const verification = app.app.get(LedgerVerification);
    const held = holdWalks(app);
    try {
      const first = app.gql(VERIFY);
      await held.firstPage;
      const second = app.gql(VERIFY, {}, CITY_HALL);
      await until(() => verification.waiting === 2);
      held.release();
      const [a, b] = await Promise.all([first, second]);
      expectNoErrors(a);
      expect(a.data.verifyLedger).toEqual({
        ok: true,
        checked: 8,
        resumedAfter: '0',
        firstMismatch: null,
      });
      expect(b.data).toEqual(a.data);
      expect(held.walks).toHaveLength(1);
      expect(verification.walksStarted).toBe(1);
      expect(held.pages()).toBe(4);
    } finally {
      held.restore();
    }
  });

  it('a walk stops when its only caller disconnects, keeping what it verified', async () => {
    const held = holdWalks(app);
    const server = app.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await app.token(CITY_HALL)}`,
        },
      });
      req.on('error', () => undefined);
      req.end(JSON.stringify({ query: VERIFY }));
      await held.firstPage;
      req.destroy();
      const signal = held.signals[0]!;
      if (!signal.aborted)
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      held.release();
      await expect(held.walks[0]).rejects.toThrow('every caller left');
      expect(held.pages()).toBe(1);
    } finally {
      held.restore();
    }
    const next = await app.gql(VERIFY);
    expectNoErrors(next);
    expect(next.data.verifyLedger).toEqual({
      ok: true,
      checked: 6,
      resumedAfter: '2',
      firstMismatch: null,
    });
  });
});
