/**
 * The Merkle leaf of one Accord event, and the trees events belong to.
 *
 * Leaf bytes = UTF-8 of "accord-event/v1\n" followed by the canonical JSON of
 *   { position, stream, revision, id, type, data, metadata, hash }
 * exactly as stored (data and metadata as the store returns them, so sealed personal data
 * stays sealed and erasing a key never changes a leaf; recordedAt and occurredAt are
 * committed as the metadata fields they are). Canonical JSON: object keys sorted by UTF-16
 * code units, no white space, strings and numbers as JSON.stringify writes them (RFC 8785
 * for the values a ledger holds). The prefix keeps an event leaf from ever being read as
 * another kind of leaf. docs/design/verifiable-ledger.md has the full argument.
 */
import { fail } from './errors';
import { hashLeaf } from './merkle';

export const EVENT_LEAF_PREFIX = 'accord-event/v1\n';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The stored event as the leaf commits to it: the event store's StoredEvent, by shape. */
export interface LedgerEvent {
  position: number;
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: { [key: string]: Json };
  metadata: { [key: string]: Json };
  /** The stream's SHA-256 chain hash (hex). */
  hash: string;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('LEAF.MALFORMED', `${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return fail('LEAF.MALFORMED', `a ${typeof value} has no JSON form`);
}

export function eventLeaf(event: LedgerEvent): Buffer {
  const { position, stream, revision, id, type, data, metadata, hash } = event;
  if (!Number.isSafeInteger(position) || position < 1) {
    fail('LEAF.MALFORMED', `event position must be a positive integer, got ${position}`);
  }
  if (!Number.isSafeInteger(revision) || revision < 0) {
    fail('LEAF.MALFORMED', `event revision must be a non-negative integer, got ${revision}`);
  }
  const body = canonicalJson({ position, stream, revision, id, type, data, metadata, hash });
  return Buffer.from(EVENT_LEAF_PREFIX + body, 'utf8');
}

export function eventLeafHash(event: LedgerEvent): Buffer {
  return hashLeaf(eventLeaf(event));
}

/** Key names and origins may hold neither Unicode spaces nor '+' (C2SP signed-note). */
const ORIGIN_PART = /^[^\s+]+$/u;

/** The checkpoint origin of one initiative's tree. */
export function initiativeOrigin(host: string, initiativeId: string): string {
  checkOriginPart('host', host);
  checkOriginPart('initiative id', initiativeId);
  return `${host}/initiative/${initiativeId}`;
}

/** The checkpoint origin of the tree of events that belong to no initiative (the people directory). */
export function directoryOrigin(host: string): string {
  checkOriginPart('host', host);
  return `${host}/directory`;
}

function checkOriginPart(name: string, value: string): void {
  if (!ORIGIN_PART.test(value)) {
    fail('CHECKPOINT.MALFORMED', `${name} must be non-empty, without spaces or '+': "${value}"`);
  }
}
