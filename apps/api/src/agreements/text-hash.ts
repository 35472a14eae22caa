import { createHash } from 'node:crypto';

/** SHA-256 of an agreement text as UTF-8, lowercase hex: computed here because the domain has no crypto. */
export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');
