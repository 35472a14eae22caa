import { deterministicEventId } from './event-id';
import { canonicalJson, chainHash, GENESIS_HASH } from './hash-chain';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops white space, so equal content hashes equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'é' } })).toBe(
      '{"a":{"c":"é","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('chainHash', () => {
  const event = {
    type: 'CommitmentMade.v1',
    data: { amountMinor: '100' },
    metadata: { commandId: 'c1' },
  };

  it('is the SHA-256 hex of the previous hash and the canonical content', () => {
    const hash = chainHash(GENESIS_HASH, event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      chainHash(GENESIS_HASH, {
        metadata: { commandId: 'c1' },
        data: { amountMinor: '100' },
        type: 'CommitmentMade.v1',
      }),
    ).toBe(hash);
  });

  it('changes with the previous hash and with any byte of the content', () => {
    const hash = chainHash(GENESIS_HASH, event);
    expect(chainHash('a'.repeat(64), event)).not.toBe(hash);
    expect(chainHash(GENESIS_HASH, { ...event, data: { amountMinor: '101' } })).not.toBe(hash);
    expect(chainHash(GENESIS_HASH, { ...event, metadata: { commandId: 'c2' } })).not.toBe(hash);
  });
});

describe('the hash formula, pinned', () => {
  // Every stored ledger's hashes were made with this formula: any change, however small, would
  // make them all fail to verify. The hex values were computed once outside this code (sha256sum
  // over the canonical JSON written out by hand, previous hash prefixed).
  const first = {
    type: 'CommitmentMade.v1',
    metadata: { commandId: 'c1', actor: { personId: 'bo', partnerId: 'food-bank' } },
    data: { partnerId: 'food-bank', amountMinor: '100' },
  };
  const second = {
    type: 'ProgressReported.v1',
    metadata: { commandId: 'c2', actor: { personId: 'bo', partnerId: 'food-bank' } },
    data: { note: 'é', amountMinor: '40' },
  };

  it('gives these exact hashes for a fixed two-event chain', () => {
    const firstHash = chainHash(GENESIS_HASH, first);
    expect(firstHash).toBe('18567b32056cdefb9fd7cb78bd5b207e9b0cde62ea21275c18007bc3ab374720');
    expect(chainHash(firstHash, second)).toBe(
      '05e149348d76e37eeceb43fe4a9905f444473f6d332e6e15ebdaa742bf55141b',
    );
  });
});

describe('deterministicEventId', () => {
  it('gives the same UUID-shaped id for the same command and index, and another for any other', () => {
    const id = deterministicEventId('command-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('command-1', 0)).toBe(id);
    expect(deterministicEventId('command-1', 1)).not.toBe(id);
    expect(deterministicEventId('command-2', 0)).not.toBe(id);
  });
});
