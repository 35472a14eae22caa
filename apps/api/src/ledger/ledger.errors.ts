/** An error named after its class, as logs and callers read it. */
export class NamedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A write that raced another one and cannot be retried for the client. */
export class ConcurrencyConflictError extends NamedError {
  constructor(
    message: string,
    readonly details: { stream: string; expectedRevision?: number; actualRevision?: number | null },
  ) {
    super(message);
  }
}

/**
 * The command id was already used, for another command (or by another actor) or with another
 * input: a retry must resend the same command. Names neither the earlier command nor its stream,
 * which the caller may not be allowed to see.
 */
export class CommandIdReusedError extends NamedError {
  constructor(
    readonly commandId: string,
    readonly usedFor: 'another command' | 'another input',
  ) {
    super(
      usedFor === 'another input'
        ? `commandId ${commandId} was already used with another input: a retry must resend the same input; send a new commandId for a new command`
        : `commandId ${commandId} was already used for another command: send a new commandId`,
    );
  }
}

export class NotFoundError extends NamedError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
  }
}

/** The view read, or NOT_FOUND naming the entity when there is none. */
export async function found<T>(
  entity: string,
  id: string,
  view: Promise<T | null | undefined>,
): Promise<T> {
  const value = await view;
  if (!value) throw new NotFoundError(entity, id);
  return value;
}
