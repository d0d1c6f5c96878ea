import { randomInt } from 'node:crypto';

/**
 * Tracking numbers (nomor registrasi) and verification codes people read aloud, type on a phone and copy
 * from paper: Crockford's base-32 alphabet (no I, L, O or U, so nothing looks like 1, 0 or V), printed in
 * groups of five, with a final check character.
 *
 * The check character is a weighted sum modulo 31 (a prime) over the others, with weights 1, 2, 3, …:
 * a single mistyped character, or two neighbours swapped, is caught unless the pair is "0" and "Z" (values
 * 0 and 31, the same modulo 31), so most typos answer "not found" at once instead of finding someone
 * else's application.
 */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MODULUS = 31;
/** 9 random characters: 32^9 ≈ 3.5 × 10^13 numbers, so a guess finds nothing. */
export const TRACKING_LENGTH = 10;
export const VERIFICATION_LENGTH = 12;

function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * ALPHABET.indexOf(body[i]!);
  return ALPHABET[sum % MODULUS]!;
}

function generate(length: number): string {
  let body = '';
  for (let i = 0; i < length - 1; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return body + checkCharacter(body);
}

export const newTrackingNumber = () => generate(TRACKING_LENGTH);
export const newVerificationCode = () => generate(VERIFICATION_LENGTH);

/**
 * What a person typed, in canonical form, or undefined when it cannot be one of ours: spaces, dashes and
 * case are ignored, and the look-alikes Crockford allows are read as meant (O → 0, I and L → 1).
 */
export function normalizeCode(input: string, length: number): string | undefined {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== length || [...cleaned].some((c) => !ALPHABET.includes(c))) return undefined;
  const body = cleaned.slice(0, -1);
  return checkCharacter(body) === cleaned.slice(-1) ? cleaned : undefined;
}

export const normalizeTrackingNumber = (input: string) => normalizeCode(input, TRACKING_LENGTH);
export const normalizeVerificationCode = (input: string) => normalizeCode(input, VERIFICATION_LENGTH);

/** For print and screens: `7K3QP-M2XW9`, `7K3Q-PM2X-W9A4`. */
export function formatCode(code: string): string {
  const size = code.length === TRACKING_LENGTH ? 5 : 4;
  return code.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-');
}
