import {
  EMPTY_ROOT,
  consistencyProof,
  hashLeaf,
  inclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
import { MemoryTree } from './tree-builder';
import {
  CONSISTENCY_PROBES,
  INCLUSION_PROBES,
  REFERENCE_LEAF_INPUTS,
  REFERENCE_ROOTS,
} from './test-vectors/transparency-dev-merkle.vectors';
import { codeOf } from './testing/spec-helpers';

const b64 = (text: string | null) => Buffer.from(text ?? '', 'base64');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function treeOf(count: number): MemoryTree {
  const tree = new MemoryTree();
  for (let i = 0; i < count; i += 1) tree.append(hashLeaf(Buffer.from(`leaf ${i}`)));
  return tree;
}

function referenceTree(): MemoryTree {
  const tree = new MemoryTree();
  for (const leaf of REFERENCE_LEAF_INPUTS) tree.append(hashLeaf(Buffer.from(leaf, 'hex')));
  return tree;
}

const isHash = (text: string | null) => b64(text).length === 32;

describe('RFC 6962 hashing against transparency-dev/merkle', () => {
  it('gives the reference root of every prefix of the reference leaves', () => {
    const tree = referenceTree();
    expect(hex(EMPTY_ROOT)).toBe(REFERENCE_ROOTS[0]);
    for (let size = 1; size <= 8; size += 1)
      expect(hex(tree.rootAt(size))).toBe(REFERENCE_ROOTS[size]);
  });

  it('reaches the published verdict on every inclusion probe', () => {
    for (const probe of INCLUSION_PROBES) {
      const code = codeOf(() =>
        verifyInclusion(
          probe.leafIdx,
          probe.treeSize,
          b64(probe.leafHash),
          (probe.proof ?? []).map(b64),
          b64(probe.root),
        ),
      );
      expect({ file: probe.file, rejected: code !== undefined }).toEqual({
        file: probe.file,
        rejected: probe.wantErr,
      });
    }
  });

  it('reaches the published verdict on every consistency probe, and also refuses roots that are not 32 bytes', () => {
    for (const probe of CONSISTENCY_PROBES) {
      const code = codeOf(() =>
        verifyConsistency(
          probe.size1,
          probe.size2,
          (probe.proof ?? []).map(b64),
          b64(probe.root1),
          b64(probe.root2),
        ),
      );
      // One probe accepts equal sizes with equal 12-byte "roots"; a root is a SHA-256 hash here.
      const hashesWellFormed = isHash(probe.root1) && isHash(probe.root2);
      const expected = hashesWellFormed ? probe.wantErr : true;
      expect({ file: probe.file, rejected: code !== undefined }).toEqual({
        file: probe.file,
        rejected: expected,
      });
      if (!hashesWellFormed && !probe.wantErr) expect(code).toBe('PROOF.BAD_INPUT');
    }
  });

  it('generates the published proofs of the happy-path probes over the reference tree', () => {
    const tree = referenceTree();
    const sameRoot = (size: number, root: string | null) =>
      size <= 8 && hex(tree.rootAt(size)) === hex(b64(root));
    const inclusion = INCLUSION_PROBES.filter(
      (p) => !p.wantErr && p.treeSize <= 8 && sameRoot(p.treeSize, p.root),
    );
    const consistency = CONSISTENCY_PROBES.filter(
      (p) => !p.wantErr && sameRoot(p.size1, p.root1) && sameRoot(p.size2, p.root2),
    );
    expect(inclusion.length).toBeGreaterThanOrEqual(4);
    expect(consistency.length).toBeGreaterThanOrEqual(4);
    for (const p of inclusion) {
      expect(inclusionProof(tree.node, p.leafIdx, p.treeSize).map(hex)).toEqual(
        (p.proof ?? []).map((h) => hex(b64(h))),
      );
    }
    for (const p of consistency) {
      expect(consistencyProof(tree.node, p.size1, p.size2).map(hex)).toEqual(
        (p.proof ?? []).map((h) => hex(b64(h))),
      );
    }
  });
});

describe('proofs generated from stored subtrees', () => {
  const tree = treeOf(70);
  const leaf = (i: number) => hashLeaf(Buffer.from(`leaf ${i}`));

  it('verify for every leaf of every tree size up to 70', () => {
    for (let size = 1; size <= 70; size += 1) {
      const root = tree.rootAt(size);
      for (let index = 0; index < size; index += 1) {
        verifyInclusion(index, size, leaf(index), inclusionProof(tree.node, index, size), root);
      }
    }
  });

  it('verify between every pair of tree sizes up to 70', () => {
    for (let size2 = 1; size2 <= 70; size2 += 1) {
      for (let size1 = 1; size1 <= size2; size1 += 1) {
        const proof = consistencyProof(tree.node, size1, size2);
        verifyConsistency(size1, size2, proof, tree.rootAt(size1), tree.rootAt(size2));
      }
    }
  });
});

describe('hostile inclusion proofs', () => {
  const tree = treeOf(13);
  const root = tree.rootAt(13);
  const leaf5 = hashLeaf(Buffer.from('leaf 5'));
  const proof = inclusionProof(tree.node, 5, 13);
  const verify = (index: number, size: number, leafHash: Uint8Array, path: Uint8Array[]) =>
    codeOf(() =>
      verifyInclusion(index, size, leafHash, path, size === 13 ? root : tree.rootAt(size)),
    );

  it('accepts the genuine proof', () => {
    expect(verify(5, 13, leaf5, proof)).toBeUndefined();
  });

  it('rejects every forged sibling hash', () => {
    proof.forEach((_, i) => {
      const forged = proof.map((h, j) => (j === i ? hashLeaf(Buffer.from('forged')) : h));
      expect(verify(5, 13, leaf5, forged)).toBe('PROOF.ROOT_MISMATCH');
    });
  });

  it('rejects the proof checked against another tree size', () => {
    expect(verify(5, 12, leaf5, proof)).toBe('PROOF.ROOT_MISMATCH');
    expect(verify(5, 7, leaf5, proof)).toBe('PROOF.WRONG_LENGTH');
  });

  it('rejects a proof of another leaf, and the leaf at another index', () => {
    expect(verify(5, 13, leaf5, inclusionProof(tree.node, 4, 13))).toBe('PROOF.ROOT_MISMATCH');
    expect(verify(4, 13, leaf5, proof)).toBe('PROOF.ROOT_MISMATCH');
    expect(verify(5, 13, hashLeaf(Buffer.from('leaf 6')), proof)).toBe('PROOF.ROOT_MISMATCH');
  });

  it('rejects truncated proofs and proofs with extra hashes', () => {
    expect(verify(5, 13, leaf5, proof.slice(0, -1))).toBe('PROOF.WRONG_LENGTH');
    expect(verify(5, 13, leaf5, proof.slice(1))).toBe('PROOF.WRONG_LENGTH');
    expect(verify(5, 13, leaf5, [...proof, root])).toBe('PROOF.WRONG_LENGTH');
    expect(verify(5, 13, leaf5, [proof[0] as Uint8Array, ...proof])).toBe('PROOF.WRONG_LENGTH');
  });

  it('rejects an index at or beyond the size, the empty tree and non-integer positions', () => {
    expect(verify(13, 13, leaf5, proof)).toBe('PROOF.INDEX_OUT_OF_RANGE');
    expect(codeOf(() => verifyInclusion(0, 0, leaf5, [], EMPTY_ROOT))).toBe(
      'PROOF.INDEX_OUT_OF_RANGE',
    );
    expect(verify(-1, 13, leaf5, proof)).toBe('PROOF.BAD_INPUT');
    expect(verify(2.5, 13, leaf5, proof)).toBe('PROOF.BAD_INPUT');
  });

  it('rejects hashes that are not 32 bytes', () => {
    expect(verify(5, 13, leaf5.subarray(1), proof)).toBe('PROOF.BAD_INPUT');
    const short = proof.map((h, i) => (i === 1 ? h.subarray(0, 31) : h));
    expect(verify(5, 13, leaf5, short)).toBe('PROOF.BAD_INPUT');
  });

  it('does not let leaf data pass for an inner node (the 0x00 / 0x01 prefixes)', () => {
    // Leaves 4 and 5 of 13 form an inner node at level 1; the same 65 bytes offered as one
    // leaf's data hash differently, so the shortened proof of that node does not verify.
    const innerPreimage = Buffer.concat([Uint8Array.of(1), tree.node(0, 4), tree.node(0, 5)]);
    const shortened = inclusionProof(tree.node, 4, 13).slice(1);
    // Given the node's hash itself, the shortened proof does verify: leaves must be hashed here.
    expect(codeOf(() => verifyInclusion(2, 7, tree.node(1, 2), shortened, root))).toBeUndefined();
    expect(codeOf(() => verifyInclusion(2, 7, hashLeaf(innerPreimage), shortened, root))).toBe(
      'PROOF.ROOT_MISMATCH',
    );
  });
});

describe('hostile consistency proofs', () => {
  const tree = treeOf(21);
  const [root6, root21] = [tree.rootAt(6), tree.rootAt(21)];
  const proof = consistencyProof(tree.node, 6, 21);
  const verify = (size1: number, size2: number, path: Uint8Array[], r1 = root6, r2 = root21) =>
    codeOf(() => verifyConsistency(size1, size2, path, r1, r2));

  it('accepts the genuine proof', () => {
    expect(verify(6, 21, proof)).toBeUndefined();
  });

  it('rejects every forged hash', () => {
    proof.forEach((_, i) => {
      const forged = proof.map((h, j) => (j === i ? hashLeaf(Buffer.from('forged')) : h));
      expect(verify(6, 21, forged)).toMatch(/^PROOF\.(OLD_)?ROOT_MISMATCH$/);
    });
  });

  it('rejects a rewritten history: the old root of another tree', () => {
    const other = treeOf(5);
    other.append(hashLeaf(Buffer.from('a different sixth event')));
    expect(verify(6, 21, proof, other.root())).toBe('PROOF.OLD_ROOT_MISMATCH');
    expect(verify(6, 21, proof, root6, tree.rootAt(20))).toBe('PROOF.ROOT_MISMATCH');
  });

  it('rejects wrong sizes, shrinking trees and the empty tree', () => {
    expect(verify(7, 21, proof)).toBe('PROOF.WRONG_LENGTH');
    expect(verify(21, 6, proof)).toBe('PROOF.SIZE_DECREASES');
    expect(verify(0, 21, [])).toBe('PROOF.EMPTY_TREE');
    expect(verify(0, 0, [], EMPTY_ROOT, EMPTY_ROOT)).toBe('PROOF.EMPTY_TREE');
  });

  it('rejects truncated proofs and extra hashes', () => {
    expect(verify(6, 21, proof.slice(0, -1))).toBe('PROOF.WRONG_LENGTH');
    expect(verify(6, 21, [...proof, root21])).toBe('PROOF.WRONG_LENGTH');
    expect(verify(6, 21, [])).toBe('PROOF.WRONG_LENGTH');
  });

  it('for equal sizes wants an empty proof and the same root', () => {
    expect(verify(6, 6, [], root6, root6)).toBeUndefined();
    expect(verify(6, 6, [root6], root6, root6)).toBe('PROOF.WRONG_LENGTH');
    expect(verify(6, 6, [], root6, root21)).toBe('PROOF.ROOT_MISMATCH');
  });
});
