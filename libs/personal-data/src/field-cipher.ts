import type { Sealed, SealedContact } from '@accord/domain';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The personal fields a person has; each is sealed on its own. */
export type PersonalField = 'name' | 'email' | 'phone';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'A256GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The associated data binds a sealed value to its person and field: a value copied into
 * another person's event, or from the email into the name, fails to open instead of
 * reading as something it is not.
 */
const aad = (personId: string, field: PersonalField) => Buffer.from(`${personId}/${field}`, 'utf8');

/**
 * AES-256-GCM (node:crypto) with a fresh random 96-bit IV per value, written as
 * `A256GCM.<iv>.<ciphertext>.<tag>` in base64url: text that fits in JSON event data.
 */
export function sealField(
  key: Buffer,
  personId: string,
  field: PersonalField,
  plaintext: string,
): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(personId, field));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [VERSION, ...parts].join('.') as Sealed;
}

export class UnreadableSealError extends Error {
  constructor(personId: string, field: PersonalField) {
    super(`the sealed ${field} of ${personId} does not open with their key`);
    this.name = 'UnreadableSealError';
  }
}

/** The plaintext of a sealed value; throws when the key, person or field does not match it. */
export function openField(
  key: Buffer,
  personId: string,
  field: PersonalField,
  sealed: string,
): string {
  const [version, iv, ciphertext, tag] = sealed.split('.');
  if (version !== VERSION || iv === undefined || ciphertext === undefined || tag === undefined) {
    throw new UnreadableSealError(personId, field);
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad(personId, field));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new UnreadableSealError(personId, field);
  }
}

/** A person's personal fields in plaintext: they exist only in the API, never in an event. */
export interface PlainContact {
  name: string;
  email: string;
  phone: string | null;
}

export function sealContact(key: Buffer, personId: string, contact: PlainContact): SealedContact {
  return {
    name: sealField(key, personId, 'name', contact.name),
    email: sealField(key, personId, 'email', contact.email),
    phone: contact.phone === null ? null : sealField(key, personId, 'phone', contact.phone),
  };
}
