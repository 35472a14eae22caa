/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, inclusion and consistency proofs.
 *
 * Proof generation reads only complete (perfect, aligned) subtree hashes through a
 * `NodeSource`, so a store can answer it from the nodes it keeps; verification is pure.
 * Sizes and indexes are plain numbers (exact up to 2^53), so arithmetic stands in for the
 * 32-bit bit operators.
 */
import { createHash } from 'node:crypto';
import { fail } from './errors';

export const HASH_SIZE = 32;

/** The root of the empty tree: SHA-256 of nothing (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

export function hashLeaf(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(Uint8Array.of(0)).update(leaf).digest();
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest();
}

/**
 * The hash of the complete subtree at `level` (0 = leaves) and `index` along that level:
 * it covers leaves [index * 2^level, (index + 1) * 2^level).
 */
export type NodeSource = (level: number, index: number) => Uint8Array;

/** The largest power of two strictly smaller than n (n >= 2): where RFC 6962 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function levelOfPowerOfTwo(n: number): number | undefined {
  let level = 0;
  let width = 1;
  while (width < n) {
    width *= 2;
    level += 1;
  }
  return width === n ? level : undefined;
}

/** MTH(D[start : start + length]) from complete subtrees, as the RFC 6962 split lays them out. */
export function rangeHash(node: NodeSource, start: number, length: number): Uint8Array {
  const level = levelOfPowerOfTwo(length);
  if (level !== undefined) return node(level, start / length);
  const k = splitPoint(length);
  return hashChildren(rangeHash(node, start, k), rangeHash(node, start + k, length - k));
}

/** The root of a tree of `size` leaves whose complete subtrees `node` knows. */
export function rootAt(node: NodeSource, size: number): Uint8Array {
  checkCount('size', size);
  return size === 0 ? EMPTY_ROOT : rangeHash(node, 0, size);
}

/** RFC 9162 §2.1.3.1 PATH(index, D[size]): sibling hashes from the leaf up. */
export function inclusionProof(node: NodeSource, index: number, size: number): Uint8Array[] {
  checkIndex(index, size);
  const topDown: Uint8Array[] = [];
  let [m, start, n] = [index, 0, size];
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      topDown.push(rangeHash(node, start + k, n - k));
      n = k;
    } else {
      topDown.push(rangeHash(node, start, k));
      [m, start, n] = [m - k, start + k, n - k];
    }
  }
  return topDown.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(size1, D[size2]): proves the tree of size1 is a prefix of size2's. */
export function consistencyProof(node: NodeSource, size1: number, size2: number): Uint8Array[] {
  checkSizes(size1, size2);
  const topDown: Uint8Array[] = [];
  let [m, start, n, wholeOldTree] = [size1, 0, size2, true];
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) {
      topDown.push(rangeHash(node, start + k, n - k));
      n = k;
    } else {
      topDown.push(rangeHash(node, start, k));
      [m, start, n, wholeOldTree] = [m - k, start + k, n - k, false];
    }
  }
  // The verifier knows the old root; it needs the old tree's last subtree only when that is not it.
  if (!wholeOldTree) topDown.push(rangeHash(node, start, n));
  return topDown.reverse();
}

/** How many hashes an inclusion proof for `index` in a tree of `size` leaves holds. */
export function inclusionProofLength(index: number, size: number): number {
  let [m, n, count] = [index, size, 0];
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) n = k;
    else [m, n] = [m - k, n - k];
    count += 1;
  }
  return count;
}

/** How many hashes a consistency proof from size1 to size2 holds (0 < size1 <= size2). */
export function consistencyProofLength(size1: number, size2: number): number {
  let [m, n, count, wholeOldTree] = [size1, size2, 0, true];
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) n = k;
    else [m, n, wholeOldTree] = [m - k, n - k, false];
    count += 1;
  }
  return wholeOldTree ? count : count + 1;
}

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, after checking its shape. */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Buffer {
  checkIndex(index, size);
  checkHash('leaf hash', leafHash);
  proof.forEach((hash, i) => checkHash(`proof hash ${i}`, hash));
  const expected = inclusionProofLength(index, size);
  if (proof.length !== expected) {
    fail(
      'PROOF.WRONG_LENGTH',
      `inclusion proof has ${proof.length} hashes; leaf ${index} of a tree of ${size} needs ${expected}`,
    );
  }
  let [fn, sn] = [index, size - 1];
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  // The length check above makes this hold; kept as the RFC's own final condition.
  if (sn !== 0) fail('PROOF.WRONG_LENGTH', 'inclusion proof does not reach the root');
  return r;
}

export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  checkHash('root', root);
  const computed = rootFromInclusionProof(index, size, leafHash, proof);
  if (!computed.equals(root)) {
    fail(
      'PROOF.ROOT_MISMATCH',
      `inclusion proof for leaf ${index} leads to root ${computed.toString('base64')}, not the tree root ${Buffer.from(root).toString('base64')} of size ${size}`,
    );
  }
}

/** RFC 9162 §2.1.4.2, plus the equal-sizes case (an empty proof and the same root). */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  checkSizes(size1, size2);
  checkHash('old root', root1);
  checkHash('new root', root2);
  proof.forEach((hash, i) => checkHash(`proof hash ${i}`, hash));
  const expected = size1 === size2 ? 0 : consistencyProofLength(size1, size2);
  if (proof.length !== expected) {
    fail(
      'PROOF.WRONG_LENGTH',
      `consistency proof has ${proof.length} hashes; from size ${size1} to ${size2} it needs ${expected}`,
    );
  }
  if (size1 === size2) {
    if (!Buffer.from(root1).equals(root2)) {
      fail('PROOF.ROOT_MISMATCH', `two different roots for the same tree size ${size1}`);
    }
    return;
  }
  const path = levelOfPowerOfTwo(size1) !== undefined ? [root1, ...proof] : [...proof];
  let [fn, sn] = [size1 - 1, size2 - 1];
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) fail('PROOF.WRONG_LENGTH', 'consistency proof has hashes beyond the root');
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      sr = hashChildren(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  if (sn !== 0) fail('PROOF.WRONG_LENGTH', 'consistency proof does not reach the new root');
  if (!fr.equals(root1)) {
    fail('PROOF.OLD_ROOT_MISMATCH', `consistency proof does not lead to the root of size ${size1}`);
  }
  if (!sr.equals(root2)) {
    fail('PROOF.ROOT_MISMATCH', `consistency proof does not lead to the root of size ${size2}`);
  }
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    fail('PROOF.BAD_INPUT', `${name} must be a non-negative integer, got ${value}`);
  }
}

function checkIndex(index: number, size: number): void {
  checkCount('leaf index', index);
  checkCount('tree size', size);
  if (index >= size) {
    fail('PROOF.INDEX_OUT_OF_RANGE', `leaf index ${index} is not below the tree size ${size}`);
  }
}

function checkSizes(size1: number, size2: number): void {
  checkCount('old tree size', size1);
  checkCount('new tree size', size2);
  if (size2 < size1) {
    fail('PROOF.SIZE_DECREASES', `new tree size ${size2} is smaller than old tree size ${size1}`);
  }
  if (size1 === 0) {
    fail('PROOF.EMPTY_TREE', 'a consistency proof from the empty tree proves nothing');
  }
}

function checkHash(name: string, hash: Uint8Array): void {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    fail('PROOF.BAD_INPUT', `${name} must be ${HASH_SIZE} bytes`);
  }
}
