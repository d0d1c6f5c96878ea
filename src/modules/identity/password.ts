import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { dictionary as indonesianDictionary } from '@zxcvbn-ts/language-id';
import { COMMON_INDONESIAN_PASSWORDS } from './common-passwords.js';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first configuration (19 MiB, 2 passes, 1 lane):
 * tens of milliseconds per hash on a server core, and 19 MiB per concurrent login.
 */
const ARGON2ID = 2 satisfies Algorithm;
const ARGON2_VERSION_0X13 = 1;
const HASH_OPTIONS = {
  algorithm: ARGON2ID,
  version: ARGON2_VERSION_0X13,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} satisfies Options;

// NIST SP 800-63B asks for one Unicode normal form, so an é typed on a phone and on a PC hash alike.
const normalize = (password: string) => password.normalize('NFKC');

/** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with its own random salt. */
export async function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), HASH_OPTIONS);
}

/** Whether the password matches; false, not an exception, for a hash that is malformed or not argon2. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith('$argon2')) return false;
  try {
    return await verify(passwordHash, normalize(password));
  } catch {
    return false;
  }
}

/**
 * Whether a stored hash was made with other parameters than today's, so it should be replaced by
 * `hashPassword` right after a successful `verifyPassword`, while the password is at hand.
 */
export function needsRehash(passwordHash: string): boolean {
  try {
    const o = parseOptions(passwordHash);
    return (
      (o.algorithm as number) !== HASH_OPTIONS.algorithm ||
      (o.version as number) !== HASH_OPTIONS.version ||
      o.memoryCost !== HASH_OPTIONS.memoryCost ||
      o.timeCost !== HASH_OPTIONS.timeCost ||
      o.parallelism !== HASH_OPTIONS.parallelism ||
      o.outputLen !== HASH_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;
/** Characters from each of the email's local part and the name that count as personal when found. */
const MIN_PERSONAL_TOKEN = 4;

/** Message keys, for the identity catalog (`identity.password.<reason>`). */
export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_personal' | 'too_predictable';
export type PasswordStrength = { ok: true } | { ok: false; reasons: PasswordProblem[] };

const COMMON_WARNINGS = new Set(['topTen', 'topHundred', 'common', 'similarToCommon']);

let estimator: ZxcvbnFactory | undefined;

// Built on first use: the dictionaries take a moment to index and most processes never check a password.
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: {
      ...commonDictionary,
      ...englishDictionary,
      ...indonesianDictionary,
      'passwords-id': [...COMMON_INDONESIAN_PASSWORDS],
    },
    graphs: adjacencyGraphs,
    // Bounds the work per check (the l33t and repeat matchers grow fast with length) to well under
    // 100 ms, so the check is no lever for tying up the server; 64 characters decide the score anyway.
    maxLength: 64,
    l33tMaxSubstitutions: 12,
  });
  return estimator;
}

/**
 * Checks a new password: 10 to 128 characters, and a zxcvbn score of at least 3 against English,
 * Indonesian and common-password dictionaries plus the person's own email and name.
 */
export function checkPasswordStrength(password: string, person: { email?: string; name?: string } = {}): PasswordStrength {
  const reasons = new Set<PasswordProblem>();
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) reasons.add('too_short');
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, reasons: [...reasons, 'too_long'] };

  const personal = personalWords(person);
  const compact = simplify(password);
  if (personal.some((w) => w.length >= MIN_PERSONAL_TOKEN && compact.includes(w))) reasons.add('contains_personal');

  const result = zxcvbn().check(password, personal);
  if (result.score < MIN_SCORE) {
    const warning = result.feedback.warning ?? '';
    if (COMMON_WARNINGS.has(warning)) reasons.add('too_common');
    else if (warning === 'userInputs') reasons.add('contains_personal');
    else reasons.add('too_predictable');
  }
  return reasons.size === 0 ? { ok: true } : { ok: false, reasons: [...reasons] };
}

const simplify = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** `siti.nurhaliza@…` and `Siti Nurhaliza` give siti, nurhaliza and sitinurhaliza. */
function personalWords({ email, name }: { email?: string; name?: string }): string[] {
  const words = new Set<string>();
  const localPart = email?.split('@')[0] ?? '';
  for (const source of [localPart, name ?? '']) {
    const parts = source
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((p) => p.length >= 3);
    for (const part of parts) words.add(part);
    const whole = simplify(source);
    if (whole.length >= 3) words.add(whole);
  }
  return [...words];
}
