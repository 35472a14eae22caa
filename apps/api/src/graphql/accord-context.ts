import type { Actor } from '@accord/domain';
import type { Request } from 'express';
import type { IncomingMessage } from 'node:http';
import { headerId, requestIdOf } from '../observability/request-id';
import type { Viewer } from '../visibility/viewer';

/** A value withheld from this reader, reported in the response's `extensions.redacted`. */
export interface Redaction {
  path: (string | number)[];
  field: string;
  initiativeId: string;
  reason: string;
  /** For event data: the keys of `data` set to null. */
  keys?: string[];
}

export interface AccordContext {
  req: Request;
  requestId: string;
  correlationId: string;
  actor?: Actor;
  /** For visibility: the request's (or subscription's) reader, and what it withheld. */
  viewer?: Viewer;
  redactions?: Redaction[];
}

/** What graphql-ws keeps per WebSocket connection; `actor` is set once its token is checked. */
export interface SocketExtra {
  socket: { close(code: number, reason: string): void };
  request: IncomingMessage;
  actor?: Actor;
}

/** The context of an HTTP operation ({ req }) or of one on a graphql-ws connection ({ extra }). */
export function buildContext(source: { req: Request } | { extra: SocketExtra }): AccordContext {
  const req = 'req' in source ? source.req : (source.extra.request as Request);
  const actor = 'extra' in source ? source.extra.actor : undefined;
  const requestId = requestIdOf(req);
  return {
    req,
    requestId,
    correlationId: headerId(req, 'x-correlation-id') ?? requestId,
    ...(actor ? { actor } : {}),
  };
}
