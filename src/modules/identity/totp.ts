import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps expect them: SHA-1, six digits,
 * 30-second steps. Those are the defaults every app supports; others are silently ignored by some.
 */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** Steps either side of now that still count, for a phone clock a little off or a code typed slowly. */
const WINDOW = 1;

/** A new shared secret: 20 random bytes (RFC 4226's recommended length), base32 as the apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI for enrolment, shown as a QR code and as the secret to type. */
export function totpUri({ secret, accountName, issuer = 'Satupintu' }: { secret: string; accountName: string; issuer?: string }): string {
  return new TOTP({
    issuer,
    label: accountName,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

/** The time step a moment falls in: the HOTP counter of RFC 6238. */
export function totpStep(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

export type TotpVerdict = { ok: true; step: number } | { ok: false };

/**
 * Checks a code against the steps around `now`. A code for a step at or before `lastUsedStep` is refused,
 * so a code seen over someone's shoulder, or replayed from a log, cannot be used again: store the returned
 * `step` as the account's new `lastUsedStep`.
 */
export function verifyTotp({
  secret,
  code,
  lastUsedStep,
  now = new Date(),
}: {
  secret: string;
  code: string;
  lastUsedStep?: number | null;
  now?: Date;
}): TotpVerdict {
  const typed = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(typed)) return { ok: false };
  const key = Secret.fromBase32(secret);
  const current = totpStep(now);
  for (let step = current - WINDOW; step <= current + WINDOW; step++) {
    if (lastUsedStep != null && step <= lastUsedStep) continue;
    if (timingSafeEqual(Buffer.from(codeAt(key, step)), Buffer.from(typed))) return { ok: true, step };
  }
  return { ok: false };
}

/** The code an authenticator app shows at `now`; for tests and the demo. */
export function currentTotp(secret: string, now: Date = new Date()): string {
  return codeAt(Secret.fromBase32(secret), totpStep(now));
}

function codeAt(secret: Secret, step: number): string {
  return HOTP.generate({ secret, counter: step, algorithm: ALGORITHM, digits: DIGITS });
}

/**
 * Letters and digits that cannot be mistaken for one another when read off paper: no 0/o, 1/l/i.
 * 31 symbols; `randomInt` picks among them without bias.
 */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

/**
 * One-time recovery codes for when the authenticator is lost, like `7kq2-m9xd-hf4p`. Twelve symbols give
 * about 59 bits each: enough that a leaked SHA-256 of one cannot be searched back to the code, which is why
 * they need no slow hash, unlike passwords that people choose.
 */
export function newRecoveryCodes(n = 10): string[] {
  const codes = new Set<string>();
  while (codes.size < n) {
    const groups = Array.from({ length: RECOVERY_GROUPS }, () =>
      Array.from({ length: RECOVERY_GROUP_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join(''),
    );
    codes.add(groups.join('-'));
  }
  return [...codes];
}

/** What is stored for a recovery code: SHA-256 (hex) of the code in lower case without spaces or dashes. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code), 'utf8').digest('hex');
}

function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}
