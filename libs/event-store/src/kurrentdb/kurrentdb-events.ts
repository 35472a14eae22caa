import { createHash } from 'node:crypto';
import { InvalidAppendError } from '../event-store.errors';
import type { JsonObject, NewEvent, StoredEvent } from '../event-store.port';
import type { VerifiableRow } from '../chain-verifier';
import type { LogEvent, LogRecord } from './kurrentdb-log';
import { ledgerPosition } from './kurrentdb-positions';

/**
 * How a ledger event sits in KurrentDB: its type and data as KurrentDB's own (JSON), and its
 * metadata wrapped with what the port adds, so nothing of the caller's metadata is renamed:
 *
 *   metadata = { "accord": { "id": <the port's event id>, "hash": <chain hash> }, "metadata": {...} }
 *
 * KurrentDB's event id is the port's id when that is a lower-case UUID (every id Accord makes
 * is), so KurrentDB's own duplicate check sees retries too; any other id gets a UUID derived
 * from it, and the original is kept in `accord.id`.
 */
export interface AccordEnvelope {
  accord: { id: string; hash: string };
  metadata: JsonObject;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Accord's stream names (see append-validation): anything else in the log is not the ledger's. */
const LEDGER_STREAM = /^[a-z][a-zA-Z0-9]*-[A-Za-z0-9_.:-]{1,200}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Uint8Array);

/** The UUID KurrentDB stores the event under. */
export function kurrentEventId(id: string): string {
  if (UUID.test(id)) return id;
  const hex = createHash('sha256').update(`accord-event-id:${id}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** KurrentDB reserves types starting with "$" for its own events, which the ledger skips. */
export function assertKurrentCompatible(events: readonly NewEvent[]): void {
  events.forEach((event, index) => {
    if (event.type.startsWith('$')) {
      throw new InvalidAppendError(
        `events[${index}].type must not start with "$" (KurrentDB reserves those types)`,
      );
    }
  });
}

export function toLogEvent(event: NewEvent, hash: string): LogEvent {
  const envelope: AccordEnvelope = { accord: { id: event.id, hash }, metadata: event.metadata };
  return {
    eventId: kurrentEventId(event.id),
    type: event.type,
    data: event.data,
    metadata: envelope as unknown as Record<string, unknown>,
  };
}

/**
 * Whether a record belongs to the ledger: KurrentDB's own records (system streams starting
 * with "$", "$" types such as links and metadata) and streams Accord could not have named are
 * skipped by every read of the log.
 */
export function isLedgerRecord(record: Pick<LogRecord, 'stream' | 'type'>): boolean {
  return !record.type.startsWith('$') && LEDGER_STREAM.test(record.stream);
}

function envelopeOf(record: LogRecord): AccordEnvelope | undefined {
  const metadata = record.metadata;
  if (!isObject(metadata) || !isObject(metadata.accord) || !isObject(metadata.metadata))
    return undefined;
  const { id, hash } = metadata.accord;
  if (typeof id !== 'string' || typeof hash !== 'string') return undefined;
  return { accord: { id, hash }, metadata: metadata.metadata as JsonObject };
}

/** The port's id of a record this adapter wrote; undefined for any other record. */
export function accordIdOf(record: LogRecord): string | undefined {
  return envelopeOf(record)?.accord.id;
}

/** Found in a ledger stream but not written by this adapter (or altered): reads refuse it. */
export class ForeignRecordError extends Error {
  constructor(record: LogRecord, reason: string) {
    super(
      `KurrentDB event ${record.eventId} (${record.stream}@${record.revision}) is not a ledger event: ${reason}. A ledger's KurrentDB must hold only streams written by Accord`,
    );
    this.name = 'ForeignRecordError';
  }
}

export function toStoredEvent(record: LogRecord): StoredEvent {
  const envelope = envelopeOf(record);
  if (!envelope) throw new ForeignRecordError(record, 'its metadata has no Accord id and hash');
  if (!isObject(record.data)) throw new ForeignRecordError(record, 'its data is not a JSON object');
  return {
    id: envelope.accord.id,
    stream: record.stream,
    revision: record.revision,
    position: ledgerPosition(record.commit),
    type: record.type,
    data: record.data as JsonObject,
    metadata: envelope.metadata,
    hash: envelope.accord.hash,
  };
}

/**
 * A record as the chain verifier reads it. Never throws: a record that is not a well-formed
 * ledger event gets an empty hash (or unparsable data), so verify() names it as the first mismatch.
 */
export function toVerifiableRow(record: LogRecord): VerifiableRow {
  const envelope = envelopeOf(record);
  return {
    stream: record.stream,
    revision: record.revision,
    position: ledgerPosition(record.commit),
    type: record.type,
    data: isObject(record.data) ? JSON.stringify(record.data) : '',
    metadata: JSON.stringify(envelope?.metadata ?? {}),
    hash: envelope?.accord.hash ?? '',
  };
}
