import { randomBytes } from 'node:crypto';
import { openField, sealField, UnreadableSealError } from './field-cipher';

describe('field cipher', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed text does not contain the plaintext', () => {
    const sealed = sealField(key, 'ana', 'name', 'Ana López');
    expect(sealed).toMatch(/^A256GCM\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('Ana');
    expect(openField(key, 'ana', 'name', sealed)).toBe('Ana López');
  });

  it('seals the same text differently each time (a fresh IV)', () => {
    expect(sealField(key, 'ana', 'name', 'Ana')).not.toBe(sealField(key, 'ana', 'name', 'Ana'));
  });

  it('refuses another key', () => {
    const sealed = sealField(key, 'ana', 'email', 'ana@example.org');
    expect(() => openField(randomBytes(32), 'ana', 'email', sealed)).toThrow(UnreadableSealError);
  });

  it('refuses a value moved to another person or another field', () => {
    const sealed = sealField(key, 'ana', 'email', 'ana@example.org');
    expect(() => openField(key, 'bo', 'email', sealed)).toThrow(UnreadableSealError);
    expect(() => openField(key, 'ana', 'name', sealed)).toThrow(UnreadableSealError);
  });

  it('refuses an altered ciphertext', () => {
    const [version, iv, ciphertext, tag] = sealField(key, 'ana', 'name', 'Ana').split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    const altered = [version, iv, flipped.toString('base64url'), tag].join('.');
    expect(() => openField(key, 'ana', 'name', altered)).toThrow(UnreadableSealError);
  });

  it('refuses text that is not a sealed value', () => {
    expect(() => openField(key, 'ana', 'name', 'Ana')).toThrow(UnreadableSealError);
  });
});
