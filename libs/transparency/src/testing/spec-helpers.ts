import { TransparencyError } from '../errors';

/** The base64 part of a vkey: everything after its second '+' (base64 itself may hold '+'). */
export const keyMaterial = (vkey: string) => vkey.split('+').slice(2).join('+');

/** The code of the TransparencyError `run` throws, or undefined when it accepts. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof TransparencyError) return error.code;
    throw error;
  }
}
