/**
 * Micro-benchmark of @accord/transparency over an in-memory tree (not part of `npm run bench`):
 *   node -r ./tools/register-ts.js bench/transparency.bench.ts [leaves]
 */
import { performance } from 'node:perf_hooks';
import { MemoryTree, hashLeaf, inclusionProof, verifyInclusion } from '@accord/transparency';

const leaves = Number(process.argv[2] ?? 1_000_000);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const hashes = Array.from({ length: leaves }, (_, i) => hashLeaf(Buffer.from(`event ${i}`)));
const tree = new MemoryTree();
const started = performance.now();
for (const hash of hashes) tree.append(hash);
const appendMs = performance.now() - started;
const root = tree.root();

const generate: number[] = [];
const check: number[] = [];
for (let i = 0; i < 2000; i += 1) {
  const index = Math.floor(Math.random() * leaves);
  let t = performance.now();
  const proof = inclusionProof(tree.node, index, leaves);
  generate.push(performance.now() - t);
  t = performance.now();
  verifyInclusion(index, leaves, hashes[index]!, proof, root);
  check.push(performance.now() - t);
}
console.log(
  JSON.stringify({
    leaves,
    appendPerLeafMicroseconds: Number(((appendMs * 1000) / leaves).toFixed(2)),
    appendTotalMs: Math.round(appendMs),
    inclusionProofMedianMs: Number(median(generate).toFixed(4)),
    verifyMedianMs: Number(median(check).toFixed(4)),
  }),
);
