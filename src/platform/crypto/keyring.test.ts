import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DecryptionError, KeyRing } from './keyring.js';

const OLD = { id: 'k2025', key: randomBytes(32) };
const NEW = { id: 'k2026', key: randomBytes(32) };
const INDEX_KEY = randomBytes(32);
const NIK = '3201012505900001';
const CONTEXT = 'identity.account.nik:8f14e45f-ceea-467f-a0e6-0d7a1e3a9b21';

const ring = (keys = [NEW], dataIndexKey = INDEX_KEY) => new KeyRing({ dataKeys: keys, dataIndexKey });

function failure(run: () => unknown): DecryptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecryptionError);
    return error as DecryptionError;
  }
  throw new Error('expected a DecryptionError');
}

/** Replaces one base64url segment of a token, flipping a bit of its first byte. */
function flip(token: string, segment: number): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[segment]!, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  parts[segment] = bytes.toString('base64url');
  return parts.join('.');
}

describe('KeyRing', () => {
  it('round-trips a value, including an empty one and non-ASCII text', () => {
    const keyring = ring();
    for (const value of [NIK, '', 'Siti Nurhaliza binti Ahmad — Jl. Merdeka No. 5, Bandung 🇮🇩']) {
      expect(keyring.decrypt(keyring.encrypt(value, CONTEXT), CONTEXT)).toBe(value);
    }
  });

  it('writes v1.<keyId>.<iv>.<ciphertext>.<tag> in base64url with a fresh 12-byte IV each time', () => {
    const keyring = ring();
    const a = keyring.encrypt(NIK, CONTEXT);
    const b = keyring.encrypt(NIK, CONTEXT);
    expect(a).toMatch(/^v1\.k2026\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(a).not.toContain(NIK);
  });

  it('refuses the token under another context, so it cannot be moved to another row or field', () => {
    const keyring = ring();
    const token = keyring.encrypt(NIK, CONTEXT);
    const error = failure(() => keyring.decrypt(token, 'identity.account.nik:another-account'));
    expect(error.reason).toBe('not_authentic');
    expect(failure(() => keyring.decrypt(token, 'identity.account.phone:8f14e45f-ceea-467f-a0e6-0d7a1e3a9b21')).reason).toBe(
      'not_authentic',
    );
  });

  it('refuses a changed tag, ciphertext or IV', () => {
    const keyring = ring();
    const token = keyring.encrypt(NIK, CONTEXT);
    for (const segment of [2, 3, 4]) expect(failure(() => keyring.decrypt(flip(token, segment), CONTEXT)).reason).toBe('not_authentic');
  });

  it('refuses a token made with another key under the same id', () => {
    const token = ring([{ id: 'k2026', key: randomBytes(32) }]).encrypt(NIK, CONTEXT);
    expect(failure(() => ring().decrypt(token, CONTEXT))).toMatchObject({ reason: 'not_authentic', keyId: 'k2026' });
  });

  it('names an unknown key id, without any key or plaintext in the message', () => {
    const token = ring([OLD]).encrypt(NIK, CONTEXT);
    const error = failure(() => ring([NEW]).decrypt(token, CONTEXT));
    expect(error).toMatchObject({ reason: 'unknown_key', keyId: 'k2025' });
    expect(error.message).toContain('k2025');
    expect(error.message).not.toContain(NIK);
  });

  it('refuses malformed tokens as malformed', () => {
    const keyring = ring();
    const token = keyring.encrypt(NIK, CONTEXT);
    const [, id, iv, ct, tag] = token.split('.');
    for (const bad of [
      '',
      NIK,
      token.replace(/^v1/, 'v2'),
      `v1.${id}.${iv}.${ct}`,
      `${token}.extra`,
      `v1..${iv}.${ct}.${tag}`,
      `v1.${id}.${iv!.slice(4)}.${ct}.${tag}`,
      `v1.${id}.${iv}.${ct}.${tag!.slice(4)}`,
      `v1.${id}.${iv}.${ct}+/.${tag}`,
    ]) {
      expect(failure(() => keyring.decrypt(bad, CONTEXT)).reason, bad).toBe('malformed');
    }
    expect(failure(() => keyring.needsReencrypt('not a token')).reason).toBe('malformed');
  });

  it('refuses an empty context rather than encrypting without one', () => {
    expect(() => ring().encrypt(NIK, '')).toThrow(/context/);
  });

  describe('rotation', () => {
    it('decrypts with a ring that lists the old key second, and re-encrypts under the new key', () => {
      const oldToken = ring([OLD]).encrypt(NIK, CONTEXT);
      const rotated = ring([NEW, OLD]);
      expect(rotated.currentKeyId).toBe('k2026');
      expect(rotated.decrypt(oldToken, CONTEXT)).toBe(NIK);
      expect(rotated.needsReencrypt(oldToken)).toBe(true);

      const newToken = rotated.reencrypt(oldToken, CONTEXT);
      expect(newToken.split('.')[1]).toBe('k2026');
      expect(rotated.needsReencrypt(newToken)).toBe(false);
      // Once every token has moved, the old key can go.
      expect(ring([NEW]).decrypt(newToken, CONTEXT)).toBe(NIK);
    });

    it('leaves a token under the current key as it is, but still checks it', () => {
      const keyring = ring([NEW, OLD]);
      const token = keyring.encrypt(NIK, CONTEXT);
      expect(keyring.reencrypt(token, CONTEXT)).toBe(token);
      expect(failure(() => keyring.reencrypt(flip(token, 4), CONTEXT)).reason).toBe('not_authentic');
      expect(failure(() => keyring.reencrypt(token, 'identity.account.nik:other')).reason).toBe('not_authentic');
    });
  });

  describe('blindIndex', () => {
    it('is a deterministic 64-hex-digit HMAC, the same across instances with the same key', () => {
      const index = ring().blindIndex(NIK, 'identity.account.nik');
      expect(index).toMatch(/^[0-9a-f]{64}$/);
      expect(ring().blindIndex(NIK, 'identity.account.nik')).toBe(index);
      expect(ring().blindIndex('3201012505900002', 'identity.account.nik')).not.toBe(index);
    });

    it('separates purposes, so equal values in two columns do not match', () => {
      const keyring = ring();
      expect(keyring.blindIndex(NIK, 'identity.account.nik')).not.toBe(keyring.blindIndex(NIK, 'complaints.reporter.nik'));
    });

    it('depends on DATA_INDEX_KEY and not on the data keys, so rotating DATA_KEYS keeps every index', () => {
      const before = ring([OLD]).blindIndex(NIK, 'identity.account.nik');
      expect(ring([NEW, OLD]).blindIndex(NIK, 'identity.account.nik')).toBe(before);
      expect(ring([OLD], randomBytes(32)).blindIndex(NIK, 'identity.account.nik')).not.toBe(before);
    });

    it('refuses a purpose that is not a plain lower-case name', () => {
      expect(() => ring().blindIndex(NIK, '')).toThrow(/purpose/);
      expect(() => ring().blindIndex(NIK, 'Identity NIK')).toThrow(/purpose/);
    });
  });

  it('is built from the configuration, with the demo keys outside production', () => {
    const keyring = new KeyRing(loadConfig({}));
    expect(keyring.currentKeyId).toBe('demo');
    expect(keyring.decrypt(keyring.encrypt(NIK, CONTEXT), CONTEXT)).toBe(NIK);
    expect(new KeyRing(loadConfig({})).blindIndex(NIK, 'identity.account.nik')).toBe(keyring.blindIndex(NIK, 'identity.account.nik'));
  });

  it('refuses a key ring it could not use', () => {
    expect(() => ring([])).toThrow(/at least one/);
    expect(() => ring([{ id: 'k1', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => ring([{ id: 'k.1', key: randomBytes(32) }])).toThrow(/not usable/);
    expect(() => ring([NEW, { id: 'k2026', key: randomBytes(32) }])).toThrow(/twice/);
    expect(() => ring([NEW], randomBytes(31))).toThrow(/blind-index key/);
  });
});
