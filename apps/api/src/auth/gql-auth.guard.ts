import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { AccordContext } from '../graphql/accord-context';
import { SignInLinks } from './sign-in-links';
import { InvalidTokenError, TokenService } from './token.service';
import { cookieOf, SESSION_COOKIE } from './session-cookie';

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/**
 * Every GraphQL field resolved by the app needs a verified `Authorization: Bearer` token, or the
 * web workspace's session cookie (a header, when sent, is the one that counts).
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly links: SignInLinks,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<AccordContext>();
    if (ctx.actor) return true;
    const header = ctx.req.headers.authorization;
    const session = header ? undefined : cookieOf(ctx.req, SESSION_COOKIE);
    if (session) {
      const actor = await this.links.actorOf(session);
      if (!actor) throw unauthenticated('the session has ended or expired: sign in again');
      ctx.actor = actor;
      return true;
    }
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
