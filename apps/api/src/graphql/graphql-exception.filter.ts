import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { requestIdOf } from '../observability/request-id';
import { type AccordContext } from './accord-context';
import { ErrorCodes, toGraphQLError, toRequestRefusal } from './error-mapping';

/**
 * Maps every error a resolver throws. Unexpected ones are logged with the request id and
 * masked: the client gets the request id, never a stack trace or SQL. A request refused before
 * GraphQL saw it (a body over the limit, one that is not JSON) gets a GraphQL-shaped error too.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') {
      const refusal = toRequestRefusal(exception);
      if (!refusal) return super.catch(exception, host);
      const http = host.switchToHttp();
      const requestId = requestIdOf(http.getRequest<Request>());
      this.logger.warn(`request ${requestId}: refused ${refusal.code}: ${refusal.message}`);
      http
        .getResponse<Response>()
        .status(refusal.status)
        .json({
          errors: [{ message: refusal.message, extensions: { code: refusal.code, requestId } }],
        });
      return;
    }
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
