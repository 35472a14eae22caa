import { deterministicEventId } from '../event-id';
import { InvalidAppendError } from '../event-store.errors';
import type { NewEvent } from '../event-store.port';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import {
  accordIdOf,
  assertKurrentCompatible,
  ForeignRecordError,
  isLedgerRecord,
  kurrentEventId,
  toLogEvent,
  toStoredEvent,
  toVerifiableRow,
} from './kurrentdb-events';
import type { LogRecord } from './kurrentdb-log';

const event: NewEvent = {
  id: deterministicEventId('command-1', 0),
  type: 'Commitment.Made.v1',
  data: { amount: '1200.00', partners: ['a', 'b'] },
  metadata: { commandId: 'command-1', actor: { personId: 'p', partnerId: 'q' } },
};

const recordOf = (overrides: Partial<LogRecord> = {}): LogRecord => {
  const written = toLogEvent(event, chainHash(GENESIS_HASH, event));
  return {
    eventId: written.eventId,
    stream: 'commitment-1',
    revision: 0,
    type: written.type,
    data: JSON.parse(JSON.stringify(written.data)) as unknown,
    metadata: JSON.parse(JSON.stringify(written.metadata)) as unknown,
    commit: 4_096n,
    ...overrides,
  };
};

describe('KurrentDB event conversion', () => {
  it('keeps a UUID id as the KurrentDB event id, and derives a stable UUID for any other id', () => {
    expect(kurrentEventId(event.id)).toBe(event.id);
    const derived = kurrentEventId('import-0042');
    expect(derived).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(kurrentEventId('import-0042')).toBe(derived);
    expect(kurrentEventId('import-0043')).not.toBe(derived);
    expect(kurrentEventId(event.id.toUpperCase())).not.toBe(event.id);
  });

  it('writes type and data as they are, and wraps the metadata with the id and hash', () => {
    const written = toLogEvent(event, 'h'.repeat(64));
    expect(written).toEqual({
      eventId: event.id,
      type: 'Commitment.Made.v1',
      data: event.data,
      metadata: { accord: { id: event.id, hash: 'h'.repeat(64) }, metadata: event.metadata },
    });
  });

  it('reads a record back as the stored event, position 2 × commit + 1', () => {
    expect(toStoredEvent(recordOf())).toEqual({
      ...event,
      stream: 'commitment-1',
      revision: 0,
      position: 8_193,
      hash: chainHash(GENESIS_HASH, event),
    });
    expect(accordIdOf(recordOf())).toBe(event.id);
  });

  it.each<[string, Partial<LogRecord>, RegExp]>([
    ['metadata of another writer', { metadata: { $correlationId: 'x' } }, /no Accord id and hash/],
    ['no metadata at all', { metadata: undefined }, /no Accord id and hash/],
    ['binary data', { data: new Uint8Array([1, 2]) }, /data is not a JSON object/],
    ['a JSON list as data', { data: [1, 2] }, /data is not a JSON object/],
  ])('refuses a record with %s, naming it', (_, overrides, reason) => {
    const record = recordOf(overrides);
    expect(() => toStoredEvent(record)).toThrow(ForeignRecordError);
    expect(() => toStoredEvent(record)).toThrow(reason);
    expect(() => toStoredEvent(record)).toThrow(/commitment-1@0/);
  });

  it('gives verify() a foreign record with an empty hash, so it is named, not skipped', () => {
    const row = toVerifiableRow(recordOf({ metadata: {} }));
    expect(row).toMatchObject({ stream: 'commitment-1', revision: 0, position: 8_193, hash: '' });
    expect(toVerifiableRow(recordOf({ data: new Uint8Array([1]) })).data).toBe('');
    expect(toVerifiableRow(recordOf()).hash).toBe(chainHash(GENESIS_HASH, event));
  });

  it.each([
    ['commitment-1', 'Commitment.Made.v1', true],
    ['$stats-127.0.0.1:2113', '$statsCollected', false],
    ['$$commitment-1', '$metadata', false],
    ['$ce-commitment', '$>', false],
    ['commitment-1', '$>', false],
    ['Summary', 'Counted', false],
  ])('%s / %s is a ledger record: %p', (stream, type, expected) => {
    expect(isLedgerRecord({ stream, type })).toBe(expected);
  });

  it('refuses an event type KurrentDB reserves, naming the event', () => {
    expect(() => assertKurrentCompatible([event, { ...event, type: '$metadata' }])).toThrow(
      new InvalidAppendError(
        'events[1].type must not start with "$" (KurrentDB reserves those types)',
      ),
    );
  });
});
