import type { Actor } from '@accord/domain';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';

export interface AccordContext {
  req: Request;
  requestId: string;
  correlationId: string;
  actor?: Actor;
}

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

function headerId(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && SAFE_ID.test(value) ? value : undefined;
}

export function buildContext({ req }: { req: Request }): AccordContext {
  const requestId = headerId(req, 'x-request-id') ?? randomUUID();
  return { req, requestId, correlationId: headerId(req, 'x-correlation-id') ?? requestId };
}
