import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  type ExecutionArgs,
  type ExecutionResult,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { cookieOf, fromSameOrigin, SESSION_COOKIE } from '../auth/session-cookie';
import type { SignInLinks } from '../auth/sign-in-links';
import { InvalidTokenError, type TokenService } from '../auth/token.service';
import type { AccordContext, SocketExtra } from '../graphql/accord-context';

/** graphql-ws close code for a connection whose token is missing or invalid. */
export const UNAUTHORIZED_CLOSE = 4401;
/** Close code for a session cookie sent from a page of another site. */
export const FORBIDDEN_CLOSE = 4403;

function bearer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^Bearer\s+(\S+)$/i.exec(value)?.[1];
}

/**
 * GraphQL subscriptions over the graphql-ws protocol, on the GraphQL path. The token comes in
 * the connection_init payload (`{ "authorization": "Bearer …" }`); without one, the web
 * workspace's session cookie on the handshake counts, from a page of this server only. Either
 * is checked once per connection; `buildContext` then gives every operation on it that actor,
 * so the visibility rules of HTTP apply unchanged.
 */
export function graphqlWsOptions(
  tokens: TokenService,
  links: SignInLinks,
  limits: readonly ValidationRule[],
): GraphQLWsSubscriptionsConfig {
  const onConnect = async (ctx: Context<Record<string, unknown> | undefined, unknown>) => {
    const extra = ctx.extra as SocketExtra;
    const token =
      bearer(ctx.connectionParams?.authorization) ?? bearer(ctx.connectionParams?.Authorization);
    const refuse = (reason: string) => {
      extra.socket.close(UNAUTHORIZED_CLOSE, reason.slice(0, 120));
      return false;
    };
    const session = token ? undefined : cookieOf(extra.request, SESSION_COOKIE);
    if (session) {
      if (!fromSameOrigin(extra.request)) {
        extra.socket.close(
          FORBIDDEN_CLOSE,
          'Forbidden: the session cookie counts from this site only',
        );
        return false;
      }
      const actor = await links.actorOf(session);
      if (!actor) return refuse('Unauthorized: the session has ended or expired: sign in again');
      extra.actor = actor;
      return true;
    }
    if (!token) {
      return refuse('Unauthorized: send { "authorization": "Bearer <token>" } in connection_init');
    }
    try {
      extra.actor = await tokens.verify(token);
      return true;
    } catch (error) {
      if (error instanceof InvalidTokenError) return refuse(`Unauthorized: ${error.message}`);
      throw error;
    }
  };
  // The same limits as HTTP operations. Nest's type for these options omits `validate`,
  // but passes every option on to graphql-ws's server, which accepts it.
  const validateWithLimits: typeof validate = (schema, document, rules, ...rest) =>
    validate(schema, document, [...(rules ?? specifiedRules), ...limits], ...rest);
  // Each event's answer carries what it withheld, as a query's response does.
  const onNext = (
    _ctx: unknown,
    _id: string,
    _payload: unknown,
    args: ExecutionArgs,
    result: ExecutionResult,
  ) => {
    const context = args.contextValue as AccordContext;
    const redacted = context.redactions;
    if (!redacted?.length) return result;
    context.redactions = [];
    return { ...result, extensions: { ...result.extensions, redacted } };
  };
  return { onConnect, onNext, validate: validateWithLimits } as GraphQLWsSubscriptionsConfig;
}
