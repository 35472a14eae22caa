/**
 * Proofs from nodes kept in a database. `NodeSource` is synchronous, and which complete
 * subtrees a proof reads depends only on the sizes and indexes, never on hash values; so a
 * first pass with placeholder hashes names every node needed, the caller fetches them in one
 * query, and a second pass computes the proof from what was fetched.
 */
import { fail } from './errors';
import { HASH_SIZE, type NodeSource } from './merkle';

export interface NodeAddress {
  level: number;
  index: number;
}

const PLACEHOLDER = Buffer.alloc(HASH_SIZE);

export const nodeKey = (level: number, index: number): string => `${level}/${index}`;

/** The complete subtrees `compute` reads, without their hashes. */
export function nodesRead(compute: (node: NodeSource) => unknown): NodeAddress[] {
  const seen = new Map<string, NodeAddress>();
  compute((level, index) => {
    seen.set(nodeKey(level, index), { level, index });
    return PLACEHOLDER;
  });
  return [...seen.values()];
}

/** Runs `compute` over nodes fetched once, by address (`fetch` returns them keyed by nodeKey). */
export async function withStoredNodes<T>(
  compute: (node: NodeSource) => T,
  fetch: (addresses: readonly NodeAddress[]) => Promise<ReadonlyMap<string, Uint8Array>>,
): Promise<T> {
  const addresses = nodesRead(compute);
  const nodes = addresses.length === 0 ? new Map<string, Uint8Array>() : await fetch(addresses);
  return compute((level, index) => {
    const hash = nodes.get(nodeKey(level, index));
    if (hash?.length !== HASH_SIZE) {
      return fail('PROOF.BAD_INPUT', `no stored subtree at level ${level}, index ${index}`);
    }
    return hash;
  });
}
