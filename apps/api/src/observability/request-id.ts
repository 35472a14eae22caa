import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A header's value when it is a safe id (it goes into logs and error answers), else undefined. */
export function headerId(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && SAFE_ID.test(value) ? value : undefined;
}

/**
 * The request's id: the caller's X-Request-Id when it is safe, otherwise a new one. Kept on the
 * request, so that the log lines and the GraphQL context of one request share it.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const id = headerId(req, 'x-request-id') ?? randomUUID();
  req.id = id;
  return id;
}
