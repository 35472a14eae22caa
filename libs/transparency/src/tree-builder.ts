/**
 * Incremental tree building: the "frontier" (compact range [0, size)) holds one perfect
 * subtree root per set bit of the size, largest first. Appending a leaf merges equal-sized
 * subtrees as a binary counter carries; the root is the frontier folded from the right.
 */
import { EMPTY_ROOT, HASH_SIZE, type NodeSource, hashChildren, rootAt } from './merkle';
import { fail } from './errors';

/** A complete subtree: leaves [index * 2^level, (index + 1) * 2^level). */
export interface TreeNode {
  level: number;
  index: number;
  hash: Buffer;
}

/** The addresses of the frontier of a tree of `size` leaves, largest subtree first. */
export function frontierAddresses(size: number): { level: number; index: number }[] {
  const addresses: { level: number; index: number }[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))) + 1; level >= 0; level -= 1) {
    const width = 2 ** level;
    if (size - start >= width) {
      addresses.push({ level, index: start / width });
      start += width;
    }
  }
  return addresses;
}

export class TreeBuilder {
  private constructor(
    private leaves: number,
    private readonly frontier: TreeNode[],
  ) {}

  static empty(): TreeBuilder {
    return new TreeBuilder(0, []);
  }

  /** Resume from a stored frontier (see `frontierAddresses`) of a tree of `size` leaves. */
  static resume(size: number, frontierHashes: readonly Uint8Array[]): TreeBuilder {
    const addresses = frontierAddresses(size);
    if (addresses.length !== frontierHashes.length) {
      fail(
        'PROOF.BAD_INPUT',
        `a tree of ${size} leaves has ${addresses.length} frontier nodes, got ${frontierHashes.length}`,
      );
    }
    const frontier = addresses.map(({ level, index }, i) => {
      const hash = Buffer.from(frontierHashes[i] as Uint8Array);
      if (hash.length !== HASH_SIZE) fail('PROOF.BAD_INPUT', `frontier hash ${i} is not 32 bytes`);
      return { level, index, hash };
    });
    return new TreeBuilder(size, frontier);
  }

  get size(): number {
    return this.leaves;
  }

  /** Append one leaf hash; returns every complete subtree this append completes, leaf first. */
  append(leafHash: Uint8Array): TreeNode[] {
    if (leafHash.length !== HASH_SIZE) fail('PROOF.BAD_INPUT', 'a leaf hash is 32 bytes');
    let node: TreeNode = { level: 0, index: this.leaves, hash: Buffer.from(leafHash) };
    const created = [node];
    for (let last = this.frontier.at(-1); last?.level === node.level; last = this.frontier.at(-1)) {
      this.frontier.pop();
      node = {
        level: node.level + 1,
        index: last.index / 2,
        hash: hashChildren(last.hash, node.hash),
      };
      created.push(node);
    }
    this.frontier.push(node);
    this.leaves += 1;
    return created;
  }

  root(): Buffer {
    let root: Buffer | undefined;
    for (let i = this.frontier.length - 1; i >= 0; i -= 1) {
      const node = (this.frontier[i] as TreeNode).hash;
      root = root === undefined ? node : hashChildren(node, root);
    }
    return root ?? EMPTY_ROOT;
  }

  frontierNodes(): readonly TreeNode[] {
    return this.frontier;
  }
}

/**
 * Every complete subtree kept in memory, one contiguous buffer per level: the reference
 * node store for tests, benchmarks and the export builder.
 */
export class MemoryTree {
  private readonly builder = TreeBuilder.empty();
  private readonly levels: { bytes: Buffer; count: number }[] = [];

  get size(): number {
    return this.builder.size;
  }

  append(leafHash: Uint8Array): void {
    for (const node of this.builder.append(leafHash)) this.store(node);
  }

  root(): Buffer {
    return this.builder.root();
  }

  rootAt(size: number): Buffer {
    if (size > this.size) fail('PROOF.BAD_INPUT', `tree has ${this.size} leaves, not ${size}`);
    return Buffer.from(rootAt(this.node, size));
  }

  readonly node: NodeSource = (level, index) => {
    const row = this.levels[level];
    if (row === undefined || index >= row.count || !Number.isInteger(index) || index < 0) {
      return fail('PROOF.BAD_INPUT', `no complete subtree at level ${level}, index ${index}`);
    }
    return row.bytes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  };

  private store(node: TreeNode): void {
    let row = this.levels[node.level];
    if (row === undefined) {
      row = { bytes: Buffer.alloc(HASH_SIZE * 16), count: 0 };
      this.levels[node.level] = row;
    }
    if ((row.count + 1) * HASH_SIZE > row.bytes.length) {
      const grown = Buffer.alloc(row.bytes.length * 2);
      row.bytes.copy(grown);
      row.bytes = grown;
    }
    node.hash.copy(row.bytes, row.count * HASH_SIZE);
    row.count += 1;
  }
}
