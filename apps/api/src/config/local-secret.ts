import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The key that signs local tokens when ACCORD_JWT_SECRET is not set: made once, kept beside
 * the database (mode 0600), so `npm start` needs no set-up and `npm run accord -- token`
 * signs with the same key the server checks.
 */
export function loadOrCreateLocalSecret(file: string): { secret: Uint8Array; source: string } {
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = readFileSync(file, 'utf8').trim();
  return { secret: new TextEncoder().encode(text), source: file };
}
