import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Letters and digits nobody confuses when reading a terminal aloud or typing it:
 * no 0/O, 1/I/L, 2/Z, 5/S or 8/B. 25 symbols, 12 of them: about 56 bits.
 */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A new code such as `HK4C-97TW-MQXA`, from the operating system's randomness. */
export function newSetupCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/**
 * The code as typed, reduced to its symbols: case, spaces and dashes do not
 * matter, so "hk4c 97tw mqxa" is the same code.
 */
export function normaliseSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Only this is kept in memory once the code is printed. */
export function hashSetupCode(code: string): Buffer {
  return createHash('sha256').update(normaliseSetupCode(code)).digest();
}

/** Compares in constant time, so the answer's timing says nothing about the code. */
export function matchesSetupCode(expectedHash: Buffer, typed: string): boolean {
  return timingSafeEqual(expectedHash, hashSetupCode(typed));
}
