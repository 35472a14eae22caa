import { DomainError, mutationOf, NotPermittedError } from '@accord/domain';
import { EventStoreError, WrongExpectedRevisionError } from '@accord/event-store';
import { ProjectionTimeoutError, ReadModelAheadOfLogError } from '@accord/projections';
import { GraphQLError } from 'graphql';
import {
  CommandIdReusedError,
  ConcurrencyConflictError,
  NotFoundError,
} from '../ledger/ledger.errors';
import { InputValidationError } from './input-validation';

export const ErrorCodes = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  DOMAIN_RULE_VIOLATED: 'DOMAIN_RULE_VIOLATED',
  CONFLICT: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  PROJECTION_TIMEOUT: 'PROJECTION_TIMEOUT',
  LOG_BEHIND_READ_MODELS: 'LOG_BEHIND_READ_MODELS',
  BAD_REQUEST: 'BAD_REQUEST',
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

const error = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions } });

/** The one place application and domain errors become GraphQL errors; undefined means "unexpected". */
export function toGraphQLError(exception: unknown): GraphQLError | undefined {
  if (exception instanceof GraphQLError) return exception;
  if (exception instanceof InputValidationError) {
    return error(exception.message, ErrorCodes.BAD_USER_INPUT, { fields: exception.fields });
  }
  if (exception instanceof DomainError) {
    const notFound = exception.code.endsWith('.NOT_FOUND');
    const code = notFound ? ErrorCodes.NOT_FOUND : ErrorCodes.DOMAIN_RULE_VIOLATED;
    return error(exception.message, code, { rule: exception.code, field: exception.field ?? null });
  }
  if (exception instanceof NotPermittedError) {
    return error(exception.message, ErrorCodes.FORBIDDEN, {
      mutation: mutationOf(exception.command),
      actor: { personId: exception.actor.personId, partnerId: exception.actor.partnerId },
      initiativeId: exception.initiativeId,
      rolesNeeded: exception.rolesNeeded,
    });
  }
  if (exception instanceof NotFoundError) {
    return error(exception.message, ErrorCodes.NOT_FOUND, {
      entity: exception.entity,
      id: exception.id,
    });
  }
  if (exception instanceof ConcurrencyConflictError) {
    return error(exception.message, ErrorCodes.CONFLICT, {
      rule: 'CONCURRENCY',
      ...exception.details,
    });
  }
  if (exception instanceof CommandIdReusedError) {
    return error(exception.message, ErrorCodes.CONFLICT, {
      rule: 'COMMAND_ID_REUSED',
      field: 'commandId',
    });
  }
  if (exception instanceof WrongExpectedRevisionError) {
    return error(exception.message, ErrorCodes.CONFLICT, {
      rule: 'CONCURRENCY',
      stream: exception.stream,
    });
  }
  if (exception instanceof EventStoreError && exception.code !== 'STORE.IDEMPOTENCY_MISMATCH') {
    return error(exception.message, ErrorCodes.BAD_USER_INPUT, { rule: exception.code });
  }
  if (exception instanceof ProjectionTimeoutError) {
    return error(
      `the command was recorded at position ${exception.position}, but the read models have not caught up yet; read again shortly`,
      ErrorCodes.PROJECTION_TIMEOUT,
      { position: String(exception.position) },
    );
  }
  if (exception instanceof ReadModelAheadOfLogError) {
    return error(exception.message, ErrorCodes.LOG_BEHIND_READ_MODELS, {
      readModel: exception.projection,
      checkpoint: String(exception.checkpoint),
      head: String(exception.head),
    });
  }
  return undefined;
}

/** What the body parser (http-errors) throws for a request it refuses: its message is safe to show. */
interface HttpRefusal extends Error {
  status: number;
  expose: true;
  limit?: number;
}

const isHttpRefusal = (exception: unknown): exception is HttpRefusal =>
  exception instanceof Error &&
  (exception as Partial<HttpRefusal>).expose === true &&
  typeof (exception as Partial<HttpRefusal>).status === 'number' &&
  (exception as HttpRefusal).status >= 400 &&
  (exception as HttpRefusal).status < 500;

/** A request refused before GraphQL saw it (too large, not JSON): its status, code and message. */
export function toRequestRefusal(
  exception: unknown,
): { status: number; code: string; message: string } | undefined {
  if (!isHttpRefusal(exception)) return undefined;
  if (exception.status === 413)
    return {
      status: 413,
      code: ErrorCodes.REQUEST_TOO_LARGE,
      message: `the request body is larger than the limit of ${exception.limit ?? '?'} bytes`,
    };
  return { status: exception.status, code: ErrorCodes.BAD_REQUEST, message: exception.message };
}
