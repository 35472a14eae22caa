import type { Request } from 'express';

export const SESSION_COOKIE = 'accord_session';

/** The value of one cookie of a request (no cookie parser is installed for one cookie). */
export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
