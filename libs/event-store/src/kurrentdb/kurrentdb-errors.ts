import { ErrorType, isCommandError } from '@kurrent/kurrentdb-client';
import { redactConnectionString } from './connection-string';

/** One short reason for a failed KurrentDB call, from the client's error types. */
export function describeKurrentFailure(error: unknown): string {
  if (error instanceof Error && isCommandError(error)) {
    switch (error.type) {
      case ErrorType.UNAVAILABLE:
        return 'no node answered (unavailable)';
      case ErrorType.DEADLINE_EXCEEDED:
      case ErrorType.TIMEOUT:
        return 'no answer in time';
      case ErrorType.ACCESS_DENIED:
        return 'access denied (check the user, its password, and that it may read $all)';
      case ErrorType.NOT_LEADER:
        return 'the node is not the leader and no leader was found';
      default:
        return error.message || error.type;
    }
  }
  if (error instanceof Error) return error.message.split('\n')[0] || error.name;
  return String(error);
}

/** The store could not be reached or used at start-up. */
export class KurrentDbUnavailableError extends Error {
  readonly target: string;
  constructor(
    connectionString: string,
    readonly reason: string,
  ) {
    const target = redactConnectionString(connectionString);
    super(`cannot use KurrentDB at ${target}: ${reason}`);
    this.name = 'KurrentDbUnavailableError';
    this.target = target;
  }
}
