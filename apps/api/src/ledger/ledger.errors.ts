/** A write that raced another one and cannot be retried for the client. */
export class ConcurrencyConflictError extends Error {
  constructor(
    message: string,
    readonly details: { stream: string; expectedRevision?: number; actualRevision?: number | null },
  ) {
    super(message);
    this.name = 'ConcurrencyConflictError';
  }
}

/** The command id was already used for another command: a retry must resend the same command. */
export class CommandIdReusedError extends Error {
  constructor(
    readonly commandId: string,
    usedFor: string,
  ) {
    super(`commandId ${commandId} was already used for ${usedFor}`);
    this.name = 'CommandIdReusedError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}
