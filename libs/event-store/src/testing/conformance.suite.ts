import { randomUUID } from 'node:crypto';
import {
  IdempotencyMismatchError,
  InvalidAppendError,
  InvalidStreamNameError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import type {
  AppendResult,
  ChainHead,
  EventStore,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  Subscription,
} from '../event-store.port';
import { chainHash, GENESIS_HASH } from '../hash-chain';

export interface StoreUnderTest {
  store: EventStore;
  /** A second store on the same storage through its own connection, as another process would open it. */
  reopen(): Promise<EventStore>;
  cleanup(): Promise<void>;
}

const newEvent = (data: Record<string, unknown> = {}, type = 'Tested.v1'): NewEvent => ({
  id: randomUUID(),
  type,
  data: data as NewEvent['data'],
  metadata: { actor: { personId: 'tester', partnerId: 'lab' } },
});

const stream = (category = 'test') => `${category}-${randomUUID()}`;

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Collects what a subscription delivers until `count` events arrived (or fails after `timeoutMs`). */
async function collect(
  subscription: Subscription,
  count: number,
  timeoutMs = 10_000,
): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  const timer = setTimeout(() => subscription.close(), timeoutMs);
  try {
    for await (const batch of subscription) {
      seen.push(...batch);
      if (seen.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    subscription.close();
  }
  return seen;
}

function expectGaplessOrder(events: readonly StoredEvent[]): void {
  for (let i = 1; i < events.length; i++)
    expect(events[i]!.position).toBeGreaterThan(events[i - 1]!.position);
  const revisions = new Map<string, number>();
  for (const event of events) {
    const expected = (revisions.get(event.stream) ?? -1) + 1;
    expect({ stream: event.stream, revision: event.revision }).toEqual({
      stream: event.stream,
      revision: expected,
    });
    revisions.set(event.stream, event.revision);
  }
}

/**
 * The one suite every EventStore adapter must pass, unchanged. Each test uses fresh stream
 * names, and reads the log relative to the head it found, so a shared store is fine.
 */
export function describeEventStoreConformance(
  adapter: string,
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`EventStore conformance: ${adapter}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(() => subject.cleanup());

    describe('append and expected revisions', () => {
      it('creates a stream with "no_stream", then appends at the right revision', async () => {
        const s = stream();
        const first = await store.append(s, [newEvent({ n: 0 }), newEvent({ n: 1 })], 'no_stream');
        expect(first).toMatchObject({ revision: 1, duplicate: false });
        const second = await store.append(s, [newEvent({ n: 2 })], 1);
        expect(second.revision).toBe(2);
        expect(second.position).toBeGreaterThan(first.position);
        const third = await store.append(s, [newEvent({ n: 3 })], 'any');
        expect(third.revision).toBe(3);
        expect((await store.readStream(s)).map((e) => e.data.n)).toEqual([0, 1, 2, 3]);
      });

      it('"any" creates a missing stream', async () => {
        const s = stream();
        expect((await store.append(s, [newEvent()], 'any')).revision).toBe(0);
      });

      it.each<[string, ExpectedRevision, 'exists' | 'missing', number | 'no_stream']>([
        ['a stale revision', 0, 'exists', 1],
        ['a revision from the future', 5, 'exists', 1],
        ['"no_stream" on an existing stream', 'no_stream', 'exists', 1],
        ['a revision on a missing stream', 0, 'missing', 'no_stream'],
      ])(
        'rejects %s with the actual revision, writing nothing',
        async (_, expected, state, actual) => {
          const s = stream();
          if (state === 'exists') await store.append(s, [newEvent(), newEvent()], 'no_stream');
          const head = await store.headPosition();
          const error = await caught(store.append(s, [newEvent()], expected));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ stream: s, expected, actual });
          expect(await store.headPosition()).toBe(head);
          expect(await store.readStream(s)).toHaveLength(state === 'exists' ? 2 : 0);
        },
      );

      it('of N concurrent appends with the same expected revision, exactly one wins', async () => {
        const s = stream();
        await store.append(s, [newEvent({ by: 'setup' })], 'no_stream');
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, n) =>
            store.append(s, [newEvent({ by: n }), newEvent({ by: n })], 0),
          ),
        );
        const winners = results.filter((r) => r.status === 'fulfilled');
        const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(19);
        for (const loser of losers) expect(loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
        const events = await store.readStream(s);
        expect(events).toHaveLength(3);
        expect(events[1]!.data.by).toBe(events[2]!.data.by);
      });
    });

    describe('idempotency', () => {
      it('a repeated append returns the first result and writes nothing, even with a stale expectation', async () => {
        const s = stream();
        const events = [newEvent({ n: 1 }), newEvent({ n: 2 })];
        const first = await store.append(s, events, 'no_stream');
        await store.append(s, [newEvent({ n: 3 })], 1);
        const head = await store.headPosition();
        const again = await store.append(s, events, 'no_stream');
        expect(again).toEqual({
          revision: first.revision,
          position: first.position,
          duplicate: true,
        });
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('a retry that only partly matches is refused and writes nothing', async () => {
        const s = stream();
        const stored = newEvent();
        await store.append(s, [stored], 'no_stream');
        const head = await store.headPosition();
        const error = await caught(store.append(s, [stored, newEvent()], 'any'));
        expect(error).toBeInstanceOf(IdempotencyMismatchError);
        expect(await store.headPosition()).toBe(head);
      });

      it('finds a stored event by id', async () => {
        const s = stream();
        const event = newEvent({ find: 'me' });
        const { position } = await store.append(s, [event], 'no_stream');
        expect(await store.readEventById(event.id)).toMatchObject({
          id: event.id,
          stream: s,
          revision: 0,
          position,
          data: { find: 'me' },
        });
        expect(await store.readEventById(randomUUID())).toBeUndefined();
      });
    });

    describe('reading', () => {
      it('reads a stream from the middle, and an unknown stream as empty', async () => {
        const s = stream();
        await store.append(
          s,
          Array.from({ length: 10 }, (_, n) => newEvent({ n })),
          'no_stream',
        );
        const tail = await store.readStream(s, 6);
        expect(tail.map((e) => [e.revision, e.data.n])).toEqual([
          [6, 6],
          [7, 7],
          [8, 8],
          [9, 9],
        ]);
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('reads the log from the middle with a limit, in commit order', async () => {
        const s = stream();
        const { position: last } = await store.append(
          s,
          Array.from({ length: 10 }, (_, n) => newEvent({ n })),
          'no_stream',
        );
        const all = (await store.readStream(s)).map((e) => e.position);
        const page = await store.readAll(all[3], 4);
        expect(page.map((e) => e.position)).toEqual(all.slice(3, 7));
        expect(page.map((e) => e.data.n)).toEqual([3, 4, 5, 6]);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(last);
      });

      it('no reader ever sees a gap or a reordering while many writers append', async () => {
        const start = (await store.headPosition()) + 1;
        const streams = Array.from({ length: 8 }, () => stream('race'));
        const acknowledged: number[] = [];
        let writing = true;
        const writers = streams.map(async (s) => {
          let revision: ExpectedRevision = 'no_stream';
          for (let n = 0; n < 25; n++) {
            const result = await store.append(s, [newEvent({ n })], revision);
            acknowledged.push(result.position);
            revision = result.revision;
          }
        });
        const snapshots: StoredEvent[][] = [];
        const reader = (async () => {
          while (writing) {
            snapshots.push(await store.readAll(start, 10_000));
            await new Promise((resolve) => setImmediate(resolve));
          }
        })();
        await Promise.all(writers);
        writing = false;
        await reader;
        const final = (await store.readAll(start, 10_000)).filter((e) =>
          streams.includes(e.stream),
        );
        expect(final).toHaveLength(200);
        expectGaplessOrder(final);
        for (const position of acknowledged)
          expect(final.some((e) => e.position === position)).toBe(true);
        // Every earlier snapshot is a prefix of the final log: nothing committed behind a reader.
        const finalPositions = (await store.readAll(start, 10_000)).map((e) => e.position);
        for (const snapshot of snapshots) {
          expect(snapshot.map((e) => e.position)).toEqual(finalPositions.slice(0, snapshot.length));
        }
      });
    });

    describe('subscriptions', () => {
      async function burst(streams: string[], perStream: number): Promise<void> {
        await Promise.all(
          streams.map(async (s) => {
            for (let n = 0; n < perStream; n++)
              await store.append(s, [newEvent({ n })], n === 0 ? 'no_stream' : n - 1);
          }),
        );
      }

      it('started before, during and after a burst, each sees every event once, in order', async () => {
        const from = (await store.headPosition()) + 1;
        const streams = Array.from({ length: 4 }, () => stream('burst'));
        const total = streams.length * 30;
        const before = collect(store.subscribe({ fromPosition: from, batchSize: 7 }), total);
        const writing = burst(streams, 30);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const during = collect(store.subscribe({ fromPosition: from, batchSize: 7 }), total);
        await writing;
        const after = collect(store.subscribe({ fromPosition: from }), total);
        for (const seen of await Promise.all([before, during, after])) {
          const ours = seen.filter((e) => streams.includes(e.stream));
          expect(ours).toHaveLength(total);
          expect(new Set(ours.map((e) => e.id)).size).toBe(total);
          expectGaplessOrder(seen);
        }
      });

      it('starts from a position in the middle of the log', async () => {
        const s = stream();
        await store.append(
          s,
          Array.from({ length: 6 }, (_, n) => newEvent({ n })),
          'no_stream',
        );
        const events = await store.readStream(s);
        const seen = await collect(store.subscribe({ fromPosition: events[4]!.position }), 2);
        expect(seen.slice(0, 2).map((e) => e.data.n)).toEqual([4, 5]);
      });

      it('close() ends a subscription that is waiting for new events', async () => {
        const subscription = store.subscribe({ fromPosition: (await store.headPosition()) + 1 });
        const iterating = (async () => {
          const batches: unknown[] = [];
          for await (const batch of subscription) batches.push(batch);
          return batches;
        })();
        await new Promise((resolve) => setTimeout(resolve, 20));
        subscription.close();
        await expect(iterating).resolves.toEqual([]);
      });
    });

    describe('payloads', () => {
      it('round-trips a large payload byte for byte', async () => {
        const big = 'x'.repeat(1024 * 1024);
        const s = stream();
        const event = newEvent({
          big,
          nested: { list: Array.from({ length: 1000 }, (_, n) => n) },
        });
        await store.append(s, [event], 'no_stream');
        const [stored] = await store.readStream(s);
        expect(stored!.data).toEqual(event.data);
      });

      it('round-trips non-ASCII text byte for byte', async () => {
        const text = {
          emoji: '🤝🏽 partners 👩🏿‍🏫',
          cjk: '共同议程 — 共有の目標',
          rtl: 'أجندة مشتركة',
          combining: 'e\u0301 n\u0303',
          controls: 'tab\tnew\nline \u0000 nul',
          quotes: `"'\\`,
        };
        const s = stream();
        const event = newEvent(text, 'Ünïcödé.v1');
        await store.append(s, [event], 'no_stream');
        const [stored] = await store.readStream(s);
        expect(stored!.data).toEqual(text);
        expect(stored!.type).toBe('Ünïcödé.v1');
        expect(stored!.hash).toBe(chainHash(GENESIS_HASH, event));
      });
    });

    describe('bad appends are rejected and write nothing', () => {
      it.each([
        '',
        'nodash',
        'Upper-case',
        '-noCategory',
        'cat-',
        'cat-has space',
        'cat-ünï',
        `cat-${'x'.repeat(201)}`,
      ])('stream name %p', async (name) => {
        const head = await store.headPosition();
        expect(await caught(store.append(name, [newEvent()], 'any'))).toBeInstanceOf(
          InvalidStreamNameError,
        );
        expect(await store.headPosition()).toBe(head);
      });

      it('an empty append', async () => {
        const head = await store.headPosition();
        expect(await caught(store.append(stream(), [], 'any'))).toBeInstanceOf(InvalidAppendError);
        expect(await store.headPosition()).toBe(head);
      });

      it.each<[string, () => NewEvent[], ExpectedRevision]>([
        ['an event without a type', () => [{ ...newEvent(), type: '' }], 'any'],
        [
          'the same id twice',
          () => {
            const e = newEvent();
            return [e, e];
          },
          'any',
        ],
        [
          'data that is not an object',
          () => [{ ...newEvent(), data: [] as unknown as NewEvent['data'] }],
          'any',
        ],
        ['a negative expected revision', () => [newEvent()], -1],
        ['a fractional expected revision', () => [newEvent()], 1.5],
      ])('%s', async (_, events, expected) => {
        const head = await store.headPosition();
        expect(await caught(store.append(stream(), events(), expected))).toBeInstanceOf(
          InvalidAppendError,
        );
        expect(await store.headPosition()).toBe(head);
      });
    });

    describe('many concurrent appends (group commit)', () => {
      type Kind =
        'contender' | 'any' | 'alone' | 'repeated' | 'stale' | 'partial retry' | 'invalid';
      interface Attempt {
        kind: Kind;
        stream: string;
        events: NewEvent[];
        expected: ExpectedRevision;
      }

      it('each acknowledged append is stored exactly once, each refused one nowhere, in one verified order', async () => {
        const start = (await store.headPosition()) + 1;
        const existing = Array.from({ length: 4 }, () => stream('crowd'));
        const setupEvents = new Map<string, NewEvent>();
        for (const s of existing) {
          const setup = newEvent({ setup: true });
          setupEvents.set(s, setup);
          await store.append(s, [setup], 'no_stream');
        }
        const fresh = Array.from({ length: 4 }, () => stream('crowd'));
        const busy = stream('crowd');
        const attempts: Attempt[] = [];
        const add = (kind: Kind, s: string, events: NewEvent[], expected: ExpectedRevision) =>
          attempts.push({ kind, stream: s, events, expected });
        for (let n = 0; n < 5; n++) {
          for (const s of existing) add('contender', s, [newEvent({ n }), newEvent({ n })], 0);
          for (const s of fresh) add('contender', s, [newEvent({ n })], 'no_stream');
        }
        for (let n = 0; n < 10; n++) add('any', busy, [newEvent({ n })], 'any');
        for (let n = 0; n < 30; n++) add('alone', stream('crowd'), [newEvent({ n })], 'no_stream');
        for (let n = 0; n < 5; n++) {
          const s = stream('crowd');
          const events = [newEvent({ n }), newEvent({ n })];
          add('repeated', s, events, 'no_stream');
          add('repeated', s, events, 'no_stream');
        }
        for (const s of existing) {
          add('stale', s, [newEvent()], 7);
          add('partial retry', s, [setupEvents.get(s)!, newEvent()], 'any');
        }
        add('invalid', 'Not a stream', [newEvent()], 'any');
        add('invalid', stream('crowd'), [], 'any');
        // Interleave the kinds, and send them in three waves a turn of the event loop apart, so
        // some arrive while an earlier group is still being written.
        const order = attempts.map((_, i) => (i * 37) % attempts.length);
        expect(new Set(order).size).toBe(attempts.length);
        const streams = new Set(attempts.filter((a) => a.kind !== 'invalid').map((a) => a.stream));
        const subscription = store.subscribe({ fromPosition: start, batchSize: 13 });
        const promises: Promise<unknown>[] = new Array<Promise<unknown>>(attempts.length);
        for (const [wave, i] of order.entries()) {
          if (wave > 0 && wave % Math.ceil(attempts.length / 3) === 0)
            await new Promise((resolve) => setImmediate(resolve));
          const a = attempts[i]!;
          promises[i] = store.append(a.stream, a.events, a.expected);
        }
        const outcomes = await Promise.allSettled(promises);
        const settled = attempts.map((attempt, i) => ({ attempt, outcome: outcomes[i]! }));

        const log = (await store.readAll(start, 10_000)).filter((e) => streams.has(e.stream));
        const stored = new Map(log.map((e, index) => [e.id, { event: e, index }]));
        expect(stored.size).toBe(log.length);
        const written = settled.filter(
          (x) => x.outcome.status === 'fulfilled' && !(x.outcome.value as AppendResult).duplicate,
        );
        expect(log).toHaveLength(
          existing.length + written.reduce((sum, x) => sum + x.attempt.events.length, 0),
        );
        for (const { attempt, outcome } of settled) {
          if (outcome.status === 'fulfilled') {
            const result = outcome.value as AppendResult;
            const mine = attempt.events.map((e) => stored.get(e.id)!);
            expect(mine.every((m) => m !== undefined && m.event.stream === attempt.stream)).toBe(
              true,
            );
            // One append's events sit together in the log, numbered on from each other.
            mine.forEach((m, k) => {
              expect(m.index).toBe(mine[0]!.index + k);
              expect(m.event.revision).toBe(mine[0]!.event.revision + k);
            });
            expect(result).toMatchObject({
              position: mine[mine.length - 1]!.event.position,
              revision: mine[mine.length - 1]!.event.revision,
            });
          } else {
            const own = attempt.events.filter((e) => ![...setupEvents.values()].includes(e));
            for (const event of own) expect(stored.has(event.id)).toBe(false);
          }
        }

        const of = (kind: Kind) => settled.filter((x) => x.attempt.kind === kind);
        for (const s of [...existing, ...fresh]) {
          const contenders = of('contender').filter((x) => x.attempt.stream === s);
          expect(contenders.filter((x) => x.outcome.status === 'fulfilled')).toHaveLength(1);
          for (const { outcome } of contenders.filter((x) => x.outcome.status === 'rejected'))
            expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(
              WrongExpectedRevisionError,
            );
        }
        for (const kind of ['any', 'alone', 'repeated'] as const)
          expect(of(kind).every((x) => x.outcome.status === 'fulfilled')).toBe(true);
        const repeats = new Map<string, AppendResult[]>();
        for (const { attempt, outcome } of of('repeated'))
          repeats.set(attempt.stream, [
            ...(repeats.get(attempt.stream) ?? []),
            (outcome as PromiseFulfilledResult<AppendResult>).value,
          ]);
        for (const [first, second] of repeats.values()) {
          expect([first!.duplicate, second!.duplicate].sort()).toEqual([false, true]);
          expect(second!.position).toBe(first!.position);
          expect(second!.revision).toBe(first!.revision);
        }
        const reasons = (kind: Kind) =>
          of(kind).map((x) => (x.outcome as PromiseRejectedResult).reason as unknown);
        expect(of('stale').every((x) => x.outcome.status === 'rejected')).toBe(true);
        for (const reason of reasons('stale'))
          expect(reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(of('partial retry').every((x) => x.outcome.status === 'rejected')).toBe(true);
        for (const reason of reasons('partial retry'))
          expect(reason).toBeInstanceOf(IdempotencyMismatchError);
        const [badName, empty] = reasons('invalid');
        expect(badName).toBeInstanceOf(InvalidStreamNameError);
        expect(empty).toBeInstanceOf(InvalidAppendError);

        expectGaplessOrder(log);
        for (const s of streams) {
          const inLog = log.filter((e) => e.stream === s).map((e) => e.id);
          expect((await store.readStream(s)).map((e) => e.id)).toEqual(inLog);
          if (inLog.length > 0)
            expect(await store.verify(s)).toEqual({ ok: true, checked: inLog.length });
        }
        expect((await store.verify()).ok).toBe(true);
        const delivered = (await collect(subscription, log.length)).filter((e) =>
          streams.has(e.stream),
        );
        expect(delivered.map((e) => e.position)).toEqual(log.map((e) => e.position));
      });

      it('an acknowledged append is already stored for a second connection to the same storage', async () => {
        const other = await subject.reopen();
        try {
          const checks = Array.from({ length: 40 }, async (_, n) => {
            const events = [newEvent({ n }), newEvent({ n })];
            const result = await store.append(stream('durable'), events, 'no_stream');
            // Read as soon as the caller hears back: nothing else ran in between.
            const seen = await other.readEventById(events[1]!.id);
            return { result, seen };
          });
          for (const { result, seen } of await Promise.all(checks))
            expect(seen?.position).toBe(result.position);
        } finally {
          await other.close();
        }
      });
    });

    describe('hash chain', () => {
      it('each event hashes the previous hash of its stream and its own canonical content', async () => {
        const s = stream();
        const events = [newEvent({ b: 1, a: 2 }), newEvent({ n: 2 })];
        await store.append(s, events, 'no_stream');
        await store.append(s, [newEvent({ n: 3 })], 1);
        const stored = await store.readStream(s);
        let previous = GENESIS_HASH;
        for (const event of stored) {
          expect(event.hash).toBe(chainHash(previous, event));
          previous = event.hash;
        }
        expect(chainHash(GENESIS_HASH, { ...events[0]!, data: { a: 2, b: 1 } })).toBe(
          stored[0]!.hash,
        );
      });

      it('verifies a clean stream and a clean log', async () => {
        const s = stream();
        await store.append(s, [newEvent(), newEvent()], 'no_stream');
        expect(await store.verify(s)).toEqual({ ok: true, checked: 2 });
        const whole = await store.verify();
        expect(whole.ok).toBe(true);
        expect(whole.checked).toBeGreaterThanOrEqual(2);
      });

      it('resumes a walk of the log from a position, each stream continuing from its recorded head', async () => {
        const s = stream();
        await store.append(s, [newEvent({ n: 1 }), newEvent({ n: 2 })], 'no_stream');
        const recorded = new Map<string, ChainHead>();
        let verifiedTo = 0;
        const first = await store.verify(undefined, {
          onVerified: (page) => {
            for (const head of page.heads) recorded.set(head.stream, head);
            verifiedTo = page.position;
            return Promise.resolve();
          },
        });
        expect(first.ok).toBe(true);
        expect(recorded.get(s)).toMatchObject({ stream: s, revision: 1 });

        const t = stream();
        await store.append(s, [newEvent({ n: 3 })], 1);
        await store.append(t, [newEvent()], 'no_stream');
        const asked: string[] = [];
        const resumed = await store.verify(undefined, {
          fromPosition: verifiedTo + 1,
          headsOf: (streams) => {
            asked.push(...streams);
            return Promise.resolve(streams.flatMap((x) => recorded.get(x) ?? []));
          },
        });
        expect(resumed).toEqual({ ok: true, checked: 2 });
        expect(asked.sort()).toEqual([s, t].sort());
        // Without its head, a stream continued after the position does not start the chain.
        expect(await store.verify(undefined, { fromPosition: verifiedTo + 1 })).toMatchObject({
          ok: false,
          checked: 0,
          firstMismatch: { stream: s, revision: 2 },
        });
      });

      it('stops a walk between pages once its signal is aborted', async () => {
        await store.append(stream(), [newEvent(), newEvent(), newEvent()], 'no_stream');
        const controller = new AbortController();
        let pages = 0;
        const walk = store.verify(undefined, {
          pageSize: 1,
          signal: controller.signal,
          onVerified: () => {
            pages += 1;
            controller.abort(new Error('the client left'));
            return Promise.resolve();
          },
        });
        await expect(walk).rejects.toThrow('the client left');
        expect(pages).toBe(1);
      });
    });
  });
}
