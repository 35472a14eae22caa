import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { AccordContext } from '../graphql/accord-context';
import { InvalidTokenError, TokenService } from './token.service';

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** Every GraphQL field resolved by the app needs a verified `Authorization: Bearer` token. */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<AccordContext>();
    if (ctx.actor) return true;
    const header = ctx.req.headers.authorization;
    if (!header) {
      throw unauthenticated(
        'missing Authorization header: send "Authorization: Bearer <token>" (npm run accord -- token)',
      );
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    try {
      ctx.actor = await this.tokens.verify(match[1]!);
      return true;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
      throw error;
    }
  }
}
