import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { AccordContext } from './accord-context';
import { ErrorCodes, toGraphQLError } from './error-mapping';

/**
 * Maps every error a resolver throws. Unexpected ones are logged with the request id and
 * masked: the client gets the request id, never a stack trace or SQL.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);
    const mapped = toGraphQLError(exception);
    if (mapped) return mapped;
    const { requestId } = GqlArgumentsHost.create(host).getContext<AccordContext>();
    this.logger.error(
      `request ${requestId}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
    );
    return new GraphQLError(`internal error (request ${requestId})`, {
      extensions: { code: ErrorCodes.INTERNAL_SERVER_ERROR, requestId },
    });
  }
}
