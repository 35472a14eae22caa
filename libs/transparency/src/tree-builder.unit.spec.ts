import { hashLeaf, rootAt } from './merkle';
import { MemoryTree, TreeBuilder, frontierAddresses } from './tree-builder';
import {
  REFERENCE_LEAF_INPUTS,
  REFERENCE_NODES,
  REFERENCE_ROOTS,
} from './test-vectors/transparency-dev-merkle.vectors';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const leaf = (i: number) => hashLeaf(Buffer.from(`leaf ${i}`));

describe('the incremental tree builder', () => {
  it('yields the reference root after each append and creates each reference node once', () => {
    const builder = TreeBuilder.empty();
    const created: { level: number; index: number; hash: string }[] = [];
    expect(hex(builder.root())).toBe(REFERENCE_ROOTS[0]);
    REFERENCE_LEAF_INPUTS.forEach((input, i) => {
      const nodes = builder.append(hashLeaf(Buffer.from(input, 'hex')));
      created.push(...nodes.map((n) => ({ level: n.level, index: n.index, hash: hex(n.hash) })));
      expect(hex(builder.root())).toBe(REFERENCE_ROOTS[i + 1]);
    });
    const expected = REFERENCE_NODES.flatMap((row, level) =>
      row.map((hash, index) => ({ level, index, hash })),
    );
    const byAddress = (a: { level: number; index: number }, b: { level: number; index: number }) =>
      a.level - b.level || a.index - b.index;
    expect([...created].sort(byAddress)).toEqual(expected);
  });

  it('reports the nodes an append completes, leaf first', () => {
    const builder = TreeBuilder.empty();
    for (let i = 0; i < 7; i += 1) builder.append(leaf(i));
    expect(builder.append(leaf(7)).map(({ level, index }) => [level, index])).toEqual([
      [0, 7],
      [1, 3],
      [2, 1],
      [3, 0],
    ]);
  });

  it('names the frontier of a size: one perfect subtree per set bit, largest first', () => {
    expect(frontierAddresses(0)).toEqual([]);
    expect(frontierAddresses(1)).toEqual([{ level: 0, index: 0 }]);
    expect(frontierAddresses(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(frontierAddresses(16)).toEqual([{ level: 4, index: 0 }]);
  });

  it('resumes from a stored frontier and reaches the same roots', () => {
    const full = new MemoryTree();
    for (let i = 0; i < 40; i += 1) full.append(leaf(i));
    for (let size = 0; size <= 40; size += 1) {
      const stored = frontierAddresses(size).map(({ level, index }) => full.node(level, index));
      const resumed = TreeBuilder.resume(size, stored);
      expect(hex(resumed.root())).toBe(hex(full.rootAt(size)));
      for (let i = size; i < 40; i += 1) resumed.append(leaf(i));
      expect(hex(resumed.root())).toBe(hex(full.root()));
    }
  });

  it('refuses a frontier of the wrong length', () => {
    expect(() => TreeBuilder.resume(13, [leaf(0)])).toThrow(
      expect.objectContaining({ code: 'PROOF.BAD_INPUT' }),
    );
  });

  it('gives the root of every past size from the stored nodes', () => {
    const tree = new MemoryTree();
    const roots: string[] = [hex(tree.root())];
    for (let i = 0; i < 100; i += 1) {
      tree.append(leaf(i));
      roots.push(hex(tree.root()));
    }
    roots.forEach((root, size) => expect(hex(rootAt(tree.node, size))).toBe(root));
  });
});
