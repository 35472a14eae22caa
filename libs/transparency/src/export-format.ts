/**
 * The export an evaluator or partner checks offline (verifier/accord-verify.js), as JSON lines:
 *   line 1: the header (origin, kind, the checkpoint note, extra cosignature lines, trusted keys);
 *   then one line per event, in leaf order: { index, event (as stored), proof? (base64 hashes) }.
 * A "complete" export holds every leaf of the checkpoint's tree, so recomputing the root proves
 * nothing was left out; a "partial" one holds chosen events, each with its inclusion proof.
 */
import { type LedgerEvent } from './event-leaf';
import { type NodeSource, inclusionProof } from './merkle';

export const EXPORT_FORMAT = 'accord-export/v1';

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  origin: string;
  kind: 'complete' | 'partial';
  /** The signed checkpoint note (log signature, and any cosignatures already on it). */
  checkpoint: string;
  /** Further cosignature lines ("— <name> <base64>\n") collected from witnesses. */
  cosignatures: string[];
  /** Keys the exporter names; a careful verifier passes the keys it was given instead. */
  trust: { logKeys: string[]; witnessKeys: string[]; quorum: number };
}

export interface ExportEntry {
  index: number;
  event: LedgerEvent;
  proof?: string[];
}

export function writeExport(
  header: Omit<ExportHeader, 'format'>,
  events: readonly { index: number; event: LedgerEvent }[],
  proofs?: { node: NodeSource; size: number },
): string {
  const lines: unknown[] = [{ format: EXPORT_FORMAT, ...header }];
  for (const { index, event } of events) {
    const entry: ExportEntry = { index, event };
    if (proofs !== undefined) {
      entry.proof = inclusionProof(proofs.node, index, proofs.size).map((hash) =>
        Buffer.from(hash).toString('base64'),
      );
    }
    lines.push(entry);
  }
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}
