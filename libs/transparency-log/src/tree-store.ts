import type { ReadModelDatabase, SqlValue } from '@accord/projections';
import { type NodeAddress, nodeKey } from '@accord/transparency';

export interface StoredCheckpoint {
  tree: string;
  size: number;
  root: Buffer;
  note: string;
  signedAt: string;
}

export interface StoredLeaf {
  tree: string;
  index: number;
  position: number;
  eventId: string;
}

interface CheckpointRow {
  tree: string;
  size: number | string;
  root: string;
  note: string;
  signed_at: string;
}

interface LeafRow {
  tree: string;
  leaf_index: number | string;
  position: number | string;
  event_id: string;
}

const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  tree: row.tree,
  size: Number(row.size),
  root: Buffer.from(row.root, 'hex'),
  note: row.note,
  signedAt: row.signed_at,
});

const toLeaf = (row: LeafRow): StoredLeaf => ({
  tree: row.tree,
  index: Number(row.leaf_index),
  position: Number(row.position),
  eventId: row.event_id,
});

/** Reads of the trees' tables (tlog_*), on SQLite and PostgreSQL alike. */
export class TreeStore {
  constructor(readonly db: ReadModelDatabase) {}

  /** The highest log position any tree holds: every event is a leaf of exactly one tree. */
  async lastPosition(): Promise<number> {
    const row = await this.db.get<{ last: number | string | null }>(
      'SELECT MAX(position) AS last FROM tlog_leaves',
    );
    return Number(row?.last ?? 0);
  }

  async size(tree: string): Promise<number> {
    const row = await this.db.get<{ last: number | string | null }>(
      'SELECT MAX(leaf_index) AS last FROM tlog_leaves WHERE tree = ?',
      [tree],
    );
    return row?.last == null ? 0 : Number(row.last) + 1;
  }

  async treesOfStreams(streams: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < streams.length; i += 500) {
      const part = streams.slice(i, i + 500);
      const rows = await this.db.all<{ stream: string; tree: string }>(
        `SELECT stream, tree FROM tlog_streams WHERE stream IN (${part.map(() => '?').join(', ')})`,
        part,
      );
      for (const row of rows) found.set(row.stream, row.tree);
    }
    return found;
  }

  async streamsOf(tree: string): Promise<string[]> {
    const rows = await this.db.all<{ stream: string }>(
      'SELECT stream FROM tlog_streams WHERE tree = ? ORDER BY stream',
      [tree],
    );
    return rows.map((row) => row.stream);
  }

  /** Hashes of complete subtrees of one tree, keyed by nodeKey(level, index). */
  async nodes(tree: string, addresses: readonly NodeAddress[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    for (let i = 0; i < addresses.length; i += 200) {
      const part = addresses.slice(i, i + 200);
      const params: SqlValue[] = [tree];
      for (const { level, index } of part) params.push(level, index);
      // A row-value IN list: both databases look each (level, index) up in the primary key,
      // where an OR of terms made SQLite scan every node of the tree.
      const rows = await this.db.all<{
        level: number | string;
        node_index: number | string;
        hash: string;
      }>(
        `SELECT level, node_index, hash FROM tlog_nodes
         WHERE tree = ? AND (level, node_index) IN (VALUES ${part.map(() => '(CAST(? AS INTEGER), CAST(? AS BIGINT))').join(', ')})`,
        params,
      );
      for (const row of rows) {
        found.set(nodeKey(Number(row.level), Number(row.node_index)), Buffer.from(row.hash, 'hex'));
      }
    }
    return found;
  }

  async leafAt(position: number): Promise<StoredLeaf | undefined> {
    const row = await this.db.get<LeafRow>(
      'SELECT tree, leaf_index, position, event_id FROM tlog_leaves WHERE position = ?',
      [position],
    );
    return row && toLeaf(row);
  }

  async leafOfEvent(eventId: string): Promise<StoredLeaf | undefined> {
    const row = await this.db.get<LeafRow>(
      'SELECT tree, leaf_index, position, event_id FROM tlog_leaves WHERE event_id = ?',
      [eventId],
    );
    return row && toLeaf(row);
  }

  async lastCheckpoint(tree: string): Promise<StoredCheckpoint | undefined> {
    const row = await this.db.get<CheckpointRow>(
      `SELECT tree, size, root, note, signed_at FROM tlog_checkpoints
       WHERE tree = ? ORDER BY size DESC LIMIT 1`,
      [tree],
    );
    return row && toCheckpoint(row);
  }

  async checkpointAt(tree: string, size: number): Promise<StoredCheckpoint | undefined> {
    const row = await this.db.get<CheckpointRow>(
      'SELECT tree, size, root, note, signed_at FROM tlog_checkpoints WHERE tree = ? AND size = ?',
      [tree, size],
    );
    return row && toCheckpoint(row);
  }

  /** Every stored checkpoint, in no particular order. */
  async allCheckpoints(): Promise<StoredCheckpoint[]> {
    const rows = await this.db.all<CheckpointRow>(
      'SELECT tree, size, root, note, signed_at FROM tlog_checkpoints',
    );
    return rows.map(toCheckpoint);
  }

  /** The tree recorded for every stream. */
  async allStreams(): Promise<Map<string, string>> {
    const rows = await this.db.all<{ stream: string; tree: string }>(
      'SELECT stream, tree FROM tlog_streams',
    );
    return new Map(rows.map((row) => [row.stream, row.tree]));
  }

  /** Per tree, the size of the checkpoint the last start-up found the log to extend. */
  async startupChecked(): Promise<Map<string, number>> {
    const rows = await this.db.all<{ tree: string; size: number | string }>(
      'SELECT tree, MAX(size) AS size FROM tlog_startup_checks GROUP BY tree',
    );
    return new Map(rows.map((row) => [row.tree, Number(row.size)]));
  }

  async markStartupChecked(checked: readonly { tree: string; size: number }[]): Promise<void> {
    const at = new Date().toISOString();
    for (let i = 0; i < checked.length; i += 200) {
      const part = checked.slice(i, i + 200);
      await this.db.all(
        `INSERT INTO tlog_startup_checks (tree, size, checked_at) VALUES ${part.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT (tree, size) DO NOTHING RETURNING tree`,
        part.flatMap(({ tree, size }) => [tree, size, at]),
      );
    }
  }

  /** Log positions of the leaves [from, to) of a tree, in leaf order. */
  async leafPositions(tree: string, from: number, to: number): Promise<number[]> {
    const rows = await this.db.all<{ position: number | string }>(
      `SELECT position FROM tlog_leaves WHERE tree = ? AND leaf_index >= ? AND leaf_index < ?
       ORDER BY leaf_index`,
      [tree, from, to],
    );
    return rows.map((row) => Number(row.position));
  }

  /** The last checkpoint of every tree that has one. */
  async lastCheckpoints(): Promise<StoredCheckpoint[]> {
    const rows = await this.db.all<CheckpointRow>(
      `SELECT c.tree, c.size, c.root, c.note, c.signed_at FROM tlog_checkpoints c
       JOIN (SELECT tree, MAX(size) AS size FROM tlog_checkpoints GROUP BY tree) l
         ON l.tree = c.tree AND l.size = c.size
       ORDER BY c.tree`,
    );
    return rows.map(toCheckpoint);
  }

  /** Trees holding leaves that no checkpoint covers yet, with their sizes. */
  async unsignedTrees(): Promise<{ tree: string; size: number }[]> {
    const rows = await this.db.all<{
      tree: string;
      size: number | string;
      signed: number | string | null;
    }>(
      `SELECT l.tree, MAX(l.leaf_index) + 1 AS size,
              (SELECT MAX(c.size) FROM tlog_checkpoints c WHERE c.tree = l.tree) AS signed
       FROM tlog_leaves l GROUP BY l.tree`,
    );
    return rows
      .filter((row) => Number(row.size) > Number(row.signed ?? 0))
      .map((row) => ({ tree: row.tree, size: Number(row.size) }));
  }

  /** Checkpoints of more than `leafIndex` leaves with their cosignature lines, largest first. */
  async cosignedCheckpoints(
    tree: string,
    leafIndex: number,
  ): Promise<{ size: number; note: string; lines: string[] }[]> {
    const rows = await this.db.all<{ size: number | string; note: string; line: string }>(
      `SELECT c.size, c.note, s.line FROM tlog_checkpoints c
       JOIN tlog_cosignatures s ON s.tree = c.tree AND s.size = c.size
       WHERE c.tree = ? AND c.size > ? ORDER BY c.size DESC, s.witness`,
      [tree, leafIndex],
    );
    const bySize = new Map<number, { size: number; note: string; lines: string[] }>();
    for (const row of rows) {
      const size = Number(row.size);
      const entry = bySize.get(size) ?? { size, note: row.note, lines: [] };
      entry.lines.push(row.line);
      bySize.set(size, entry);
    }
    return [...bySize.values()];
  }

  async cosignatures(tree: string, size: number): Promise<string[]> {
    const rows = await this.db.all<{ line: string }>(
      'SELECT line FROM tlog_cosignatures WHERE tree = ? AND size = ? ORDER BY witness',
      [tree, size],
    );
    return rows.map((row) => row.line);
  }

  /** Keeps a witness's cosignature line; false when that witness already cosigned that size. */
  async addCosignature(cosignature: {
    tree: string;
    size: number;
    witness: string;
    line: string;
    receivedAt: string;
  }): Promise<boolean> {
    const { tree, size, witness, line, receivedAt } = cosignature;
    const rows = await this.db.all<{ witness: string }>(
      `INSERT INTO tlog_cosignatures (tree, size, witness, line, received_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tree, size, witness) DO NOTHING RETURNING witness`,
      [tree, size, witness, line, receivedAt],
    );
    return rows.length > 0;
  }
}
