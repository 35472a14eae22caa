import stringify from 'json-stable-stringify';
import {
  type LedgerEvent,
  canonicalJson,
  directoryOrigin,
  eventLeaf,
  eventLeafHash,
  initiativeOrigin,
} from './event-leaf';

const event: LedgerEvent = {
  position: 42,
  stream: 'commitment-c1',
  revision: 3,
  id: '0b7f9d1e-5f6a-4c1b-9d1e-000000000042',
  type: 'CommitmentMade.v1',
  data: { initiativeId: 'i-1', amount: { minor: 1850000, currency: 'EUR' }, note: 'é "q"' },
  metadata: {
    recordedAt: '2025-03-01T10:00:00.000Z',
    occurredAt: '2025-02-28T18:30:00.000Z',
    actor: { personId: 'p-1', partnerId: 'org-1' },
  },
  hash: 'a3f1c2'.padEnd(64, '0'),
};

describe('the leaf of an event', () => {
  it('is the versioned prefix and the canonical JSON of the stored event', () => {
    expect(eventLeaf(event).toString('utf8')).toBe(
      'accord-event/v1\n' +
        '{"data":{"amount":{"currency":"EUR","minor":1850000},"initiativeId":"i-1","note":"é \\"q\\""},' +
        `"hash":"${event.hash}","id":"${event.id}",` +
        '"metadata":{"actor":{"partnerId":"org-1","personId":"p-1"},' +
        '"occurredAt":"2025-02-28T18:30:00.000Z","recordedAt":"2025-03-01T10:00:00.000Z"},' +
        '"position":42,"revision":3,"stream":"commitment-c1","type":"CommitmentMade.v1"}',
    );
  });

  it('does not depend on the order of the keys it was given', () => {
    const reverseKeys = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reverseKeys(v)]),
          )
        : value;
    const reordered = reverseKeys(event) as LedgerEvent;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(event));
    expect(eventLeafHash(reordered)).toEqual(eventLeafHash(event));
  });

  it('commits to every stored field, the times in the metadata included', () => {
    const variants: LedgerEvent[] = [
      { ...event, position: 43 },
      { ...event, stream: 'commitment-c2' },
      { ...event, revision: 4 },
      { ...event, id: 'another' },
      { ...event, type: 'CommitmentMade.v2' },
      { ...event, data: { ...event.data, amount: { minor: 100, currency: 'EUR' } } },
      { ...event, metadata: { ...event.metadata, recordedAt: '2025-03-01T10:00:00.001Z' } },
      { ...event, metadata: { ...event.metadata, occurredAt: '2025-02-27T18:30:00.000Z' } },
      { ...event, hash: 'b'.repeat(64) },
    ];
    const hashes = new Set([event, ...variants].map((e) => eventLeafHash(e).toString('hex')));
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('refuses positions and revisions that are not integers, and values JSON cannot hold', () => {
    const code = (e: LedgerEvent) => {
      try {
        eventLeaf(e);
        return undefined;
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(code({ ...event, position: 0 })).toBe('LEAF.MALFORMED');
    expect(code({ ...event, position: 1.5 })).toBe('LEAF.MALFORMED');
    expect(code({ ...event, revision: -1 })).toBe('LEAF.MALFORMED');
    expect(code({ ...event, data: { x: Number.NaN } })).toBe('LEAF.MALFORMED');
  });

  it('writes canonical JSON: sorted keys by UTF-16 code units, no white space', () => {
    expect(canonicalJson({ b: [1, { d: null, c: true }], a: 'x', é: 1, Z: 2 })).toBe(
      '{"Z":2,"a":"x","b":[1,{"c":true,"d":null}],"é":1}',
    );
  });

  it('writes the same bytes as the json-stable-stringify the hash chain uses', () => {
    const samples: unknown[] = [
      event,
      { é: 1, e: 2, E: [1.5, -0, 1e21, 'a\u2028b', '\ud83d\ude00'], z: { y: null, x: false } },
    ];
    for (const value of samples) expect(canonicalJson(value)).toBe(stringify(value));
  });
});

describe('tree origins', () => {
  it('name one tree per initiative and one for the people directory', () => {
    expect(initiativeOrigin('accord.example', 'i-1')).toBe('accord.example/initiative/i-1');
    expect(directoryOrigin('ledger.partners.example')).toBe('ledger.partners.example/directory');
  });

  it('refuse spaces and plus signs, which a note key name cannot hold', () => {
    expect(() => initiativeOrigin('accord.example', 'a b')).toThrow(
      expect.objectContaining({ code: 'CHECKPOINT.MALFORMED' }),
    );
    expect(() => directoryOrigin('a+b')).toThrow(
      expect.objectContaining({ code: 'CHECKPOINT.MALFORMED' }),
    );
  });
});
