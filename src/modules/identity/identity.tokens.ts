import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A random secret for a link or a cookie (256 bits, URL-safe) and the hash we store instead of it. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A six-digit code for an SMS; stored hashed and tied to one account, with an attempt limit. */
export function newNumericCode(): { code: string; hash: string } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return { code, hash: hashToken(code) };
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** Whether a string from a URL can be one of our tokens at all; anything else is refused without a query. */
export const looksLikeToken = (value: string) => TOKEN_SHAPE.test(value);
