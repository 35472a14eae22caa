import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'accord_session';
/** The session cookie: HttpOnly, SameSite=Strict, for the whole site until the session ends. */
export const sessionCookie = (secure: boolean, expires: Date) =>
  ({ httpOnly: true, sameSite: 'strict', secure, path: '/', expires }) as const;

/** The value of one cookie of a request (no cookie parser is installed for one cookie). */
export function cookieOf(req: Pick<IncomingMessage, 'headers'>, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Whether a request comes from a page of this server: its Origin names the host it was sent
 * to. A browser always sends Origin on a WebSocket handshake, and the cookie rides along from
 * any site that opens one, so a cookie-authenticated socket needs this (cross-site WebSocket
 * hijacking).
 */
export function fromSameOrigin(req: Pick<IncomingMessage, 'headers'>): boolean {
  const origin = req.headers.origin;
  if (!origin || !req.headers.host) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
