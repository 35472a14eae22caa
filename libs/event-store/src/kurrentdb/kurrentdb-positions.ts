/**
 * KurrentDB places each event at a commit position: the byte offset of its record in the
 * transaction log (for events appended through gRPC the prepare position is the same number).
 * Offsets are strictly increasing in commit order but far apart, and a read may only start at
 * an offset where a record begins: an offset inside a record is not a place in the log.
 *
 * The port's readers do two things with positions: start at an event's own position
 * (inclusive), and start "just after" an event they have seen (`position + 1`). To tell the
 * two apart without asking the server, a ledger position is `2 × commit + 1`: every event's
 * position is odd, and an even number `p` means "after the event at `p - 1`". So every number
 * the port hands out, and every such number plus one, maps back to a valid place to read from.
 */

/** Where a forward read of the log begins: at the record at `commit`, or after it. */
export interface ReadStart {
  commit: bigint;
  inclusive: boolean;
}

const LARGEST_COMMIT = (BigInt(Number.MAX_SAFE_INTEGER) - 1n) / 2n;

/** The ledger position of the event KurrentDB committed at `commit`. */
export function ledgerPosition(commit: bigint): number {
  if (commit < 0n || commit > LARGEST_COMMIT) {
    throw new RangeError(
      `KurrentDB commit position ${commit} is outside 0..${LARGEST_COMMIT}, which ledger positions can express`,
    );
  }
  return Number(commit * 2n + 1n);
}

/** The commit position of the event at a ledger position (an odd number the store handed out). */
export function commitOf(position: number): bigint {
  if (!Number.isSafeInteger(position) || position < 1 || position % 2 !== 1) {
    throw new RangeError(`${position} is not the position of a KurrentDB ledger event`);
  }
  return BigInt((position - 1) / 2);
}

/**
 * Where to read from for "events at or after `fromPosition`": 0 and 1 are the start of the
 * log, an odd number is an event's own position, an even one the place just after an event.
 */
export function readStart(fromPosition: number): ReadStart {
  if (!Number.isSafeInteger(fromPosition) || fromPosition < 0) {
    throw new RangeError(`fromPosition must be a whole number of 0 or more, got ${fromPosition}`);
  }
  if (fromPosition <= 1) return { commit: 0n, inclusive: true };
  return fromPosition % 2 === 1
    ? { commit: commitOf(fromPosition), inclusive: true }
    : { commit: commitOf(fromPosition - 1), inclusive: false };
}
