import {
  AccessDeniedError,
  NO_STREAM,
  UnavailableError,
  WrongExpectedVersionError,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { toLogConflict, toLogRecord, UnsupportedServerError } from './kurrentdb-client-log';
import { redactConnectionString } from './connection-string';
import { describeKurrentFailure, KurrentDbUnavailableError } from './kurrentdb-errors';
import { LogConflictError } from './kurrentdb-log';

const wrongVersion = (current: bigint | typeof NO_STREAM) =>
  new WrongExpectedVersionError(undefined, { streamName: 'test-1', expected: 3n, current });

describe('KurrentDB client errors and records', () => {
  it("maps a wrong expected version to the stream's actual revision", () => {
    expect(toLogConflict(wrongVersion(7n), 'test-1')).toEqual(new LogConflictError('test-1', 7));
    expect(toLogConflict(wrongVersion(NO_STREAM), 'test-1')).toMatchObject({
      stream: 'test-1',
      actual: 'no_stream',
    });
  });

  it.each<[string, unknown, string]>([
    ['unavailable', new UnavailableError(undefined), 'no node answered (unavailable)'],
    [
      'access denied',
      new AccessDeniedError(undefined),
      'access denied (check the user, its password, and that it may read $all)',
    ],
    [
      'a gRPC error',
      new Error('14 UNAVAILABLE: No connection established\nmore detail'),
      '14 UNAVAILABLE: No connection established',
    ],
    ['a string', 'boom', 'boom'],
  ])('describes %s in one line', (_, error, line) => {
    expect(describeKurrentFailure(error)).toBe(line);
  });

  it('hides the password of a connection string, and only that', () => {
    expect(
      redactConnectionString('kurrentdb://admin:changeit@node1:2113,node2:2113?tls=true'),
    ).toBe('kurrentdb://admin:***@node1:2113,node2:2113?tls=true');
    expect(redactConnectionString('kurrentdb://node1:2113?tls=false')).toBe(
      'kurrentdb://node1:2113?tls=false',
    );
    const error = new KurrentDbUnavailableError('kurrentdb+discover://u:secret@db:2113', 'down');
    expect(error.message).toBe('cannot use KurrentDB at kurrentdb+discover://u:***@db:2113: down');
  });

  it('reads a client record with its commit position, and refuses one without', () => {
    const recorded = {
      streamId: 'test-1',
      id: '5f0d6c6e-0000-4000-8000-000000000001',
      revision: 4n,
      type: 'Tested.v1',
      data: { n: 1 },
      metadata: { accord: {} },
      isJson: true,
      created: new Date(0),
    };
    const withPosition = {
      event: { ...recorded, position: { commit: 9_000n, prepare: 9_000n } },
    } as ResolvedEvent;
    expect(toLogRecord(withPosition)).toEqual({
      eventId: recorded.id,
      stream: 'test-1',
      revision: 4,
      type: 'Tested.v1',
      data: { n: 1 },
      metadata: { accord: {} },
      commit: 9_000n,
    });
    expect(toLogRecord({})).toBeUndefined();
    expect(() => toLogRecord({ event: recorded } as ResolvedEvent)).toThrow(UnsupportedServerError);
    expect(() => toLogRecord({ event: recorded } as ResolvedEvent)).toThrow(
      /KurrentDB 22\.6 or newer/,
    );
    const zero = { event: { ...recorded, position: { commit: 0n, prepare: 0n } } } as ResolvedEvent;
    expect(() => toLogRecord(zero)).toThrow(UnsupportedServerError);
  });
});
