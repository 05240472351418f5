import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read off paper and typed by hand. 31 symbols, 16 of them: over 79 random bits. */
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newVerificationCode(): string {
  const chars = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** A code as typed (lower case, without dashes, spaces) in the form it is stored. */
export function normaliseVerificationCode(typed: string): string {
  const plain = typed.replace(/[\s-]/g, '').toUpperCase();
  return [0, 4, 8, 12].map((i) => plain.slice(i, i + 4)).join('-');
}
