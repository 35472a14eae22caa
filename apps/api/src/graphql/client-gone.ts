import type { Request } from 'express';
import { GraphQLError } from 'graphql';

/** The client closed its connection before the answer was sent: nobody reads this error. */
export class ClientGoneError extends GraphQLError {
  constructor() {
    super('the client closed the connection', {
      extensions: { code: 'CLIENT_CLOSED_REQUEST' },
    });
    this.name = 'ClientGoneError';
  }
}

/**
 * A signal that aborts when the client of this request goes away before its response is
 * sent (over WebSocket: when the socket closes). Call `release` once the work is done.
 */
export function untilClientGone(req: Request): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const res = req.res;
  const target = res ?? req.socket;
  const onClose = () => {
    if (!res?.writableFinished) controller.abort(new ClientGoneError());
  };
  if (req.socket.destroyed) controller.abort(new ClientGoneError());
  else target.once('close', onClose);
  return { signal: controller.signal, release: () => target.off('close', onClose) };
}
