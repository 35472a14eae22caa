import { ENTITY_ID } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import { directoryOrigin, initiativeOrigin } from '@accord/transparency';

/**
 * Which tree a stream's events go to, decided once, by the stream's first event: person
 * streams to the directory; a stream whose first event names its initiative (every event of
 * an initiative's entities carries `data.initiativeId`) to that initiative's tree; anything
 * else to the directory. The decision is stored, so a stream never moves between trees.
 */
export const DIRECTORY_TREE = 'directory';
export const initiativeTree = (initiativeId: string) => `initiative/${initiativeId}`;

export function treeOfFirstEvent(event: Pick<StoredEvent, 'stream' | 'data'>): string {
  if (event.stream.startsWith('person-')) return DIRECTORY_TREE;
  const initiativeId = event.data.initiativeId;
  return typeof initiativeId === 'string' && ENTITY_ID.test(initiativeId)
    ? initiativeTree(initiativeId)
    : DIRECTORY_TREE;
}

/** The checkpoint origin of a tree: `<host>/initiative/<id>` or `<host>/directory`. */
export function originOf(host: string, tree: string): string {
  if (tree === DIRECTORY_TREE) return directoryOrigin(host);
  return initiativeOrigin(host, tree.slice('initiative/'.length));
}

/** The tables of the trees, appended to only: a row is never updated or deleted. */
export const TLOG_DDL = `
CREATE TABLE IF NOT EXISTS tlog_streams (
  stream TEXT PRIMARY KEY,
  tree TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tlog_streams_by_tree ON tlog_streams (tree);
CREATE TABLE IF NOT EXISTS tlog_leaves (
  tree TEXT NOT NULL,
  leaf_index BIGINT NOT NULL,
  position BIGINT NOT NULL UNIQUE,
  event_id TEXT NOT NULL UNIQUE,
  PRIMARY KEY (tree, leaf_index)
);
CREATE TABLE IF NOT EXISTS tlog_nodes (
  tree TEXT NOT NULL,
  level INTEGER NOT NULL,
  node_index BIGINT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (tree, level, node_index)
);
CREATE TABLE IF NOT EXISTS tlog_checkpoints (
  tree TEXT NOT NULL,
  size BIGINT NOT NULL,
  root TEXT NOT NULL,
  note TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  PRIMARY KEY (tree, size)
);
CREATE TABLE IF NOT EXISTS tlog_startup_checks (
  tree TEXT NOT NULL,
  size BIGINT NOT NULL,
  checked_at TEXT NOT NULL,
  PRIMARY KEY (tree, size)
);
CREATE TABLE IF NOT EXISTS tlog_cosignatures (
  tree TEXT NOT NULL,
  size BIGINT NOT NULL,
  witness TEXT NOT NULL,
  line TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (tree, size, witness)
)`;
