import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, needsRehash, verifyPassword } from './password.js';

const PASSWORD = 'tiga kucing oranye di atap';

describe('hashPassword and verifyPassword', () => {
  it('hashes with argon2id and the OWASP parameters, a new salt each time', async () => {
    const a = await hashPassword(PASSWORD);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await hashPassword(PASSWORD)).not.toBe(a);
    expect(a).not.toContain('kucing');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, 'tiga kucing oranye di atas')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('kafe di pojok jalan café');
    expect(await verifyPassword(stored, 'kafe di pojok jalan cafe\u0301')).toBe(true);
  });

  it('answers false, without throwing, for a malformed or foreign hash', async () => {
    const stored = await hashPassword(PASSWORD);
    for (const bad of [
      '',
      'not a hash',
      '$argon2id$v=19$m=19456,t=2,p=1$garbage',
      stored.slice(0, -10),
      '$2b$10$abcdefghijklmnopqrstuu5qvKb3nN8x1Ivt0v7bCkUo6aM0Rr5G.',
    ]) {
      expect(await verifyPassword(bad, PASSWORD), bad).toBe(false);
    }
  });
});

describe('needsRehash', () => {
  it('is false for a hash made today', async () => {
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });

  it('is true for a hash with weaker or other parameters, which still verifies', async () => {
    const weaker = await hash(PASSWORD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(needsRehash(weaker)).toBe(true);
    expect(await verifyPassword(weaker, PASSWORD)).toBe(true);
    expect(needsRehash(await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 1 }))).toBe(true);
  });

  it('is true for something that is not an argon2 hash', () => {
    expect(needsRehash('')).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuu5qvKb3nN8x1Ivt0v7bCkUo6aM0Rr5G.')).toBe(true);
  });
});

describe('checkPasswordStrength', () => {
  const siti = { email: 'siti.nurhaliza@example.go.id', name: 'Siti Nurhaliza' };

  it.each(['tiga-kucing-oranye-di-atap', 'kopi susu gula aren pagi', 'q7#Lm9!vZp2x'])('accepts %s', (password) => {
    expect(checkPasswordStrength(password, siti)).toEqual({ ok: true });
  });

  it('refuses fewer than 10 characters, counting characters and not bytes', () => {
    expect(checkPasswordStrength('q7#Lm9!vZ')).toMatchObject({ ok: false, reasons: expect.arrayContaining(['too_short']) });
    // Nine characters in twelve UTF-16 units.
    expect(checkPasswordStrength('🐈🌶🌴q7#Lm9')).toMatchObject({ ok: false, reasons: expect.arrayContaining(['too_short']) });
    expect(checkPasswordStrength('q7#Lm9!vZp')).toEqual({ ok: true });
  });

  it('refuses more than 128 characters', () => {
    expect(checkPasswordStrength('q7#Lm9!vZp2x'.repeat(11))).toEqual({ ok: false, reasons: ['too_long'] });
    expect(checkPasswordStrength(`${'q7#Lm9!vZp2x'.repeat(10)}ab#4K8mZ`)).toEqual({ ok: true });
  });

  it.each([
    'password123',
    'qwertyuiop123',
    '1234567890',
    'bismillah123',
    'Rahasia2024!',
    'merdeka1945!',
    'katasandi2024',
    'akusayangkamu',
    'satupintu2025',
  ])('refuses the common password %s', (password) => {
    expect(checkPasswordStrength(password)).toEqual({ ok: false, reasons: ['too_common'] });
  });

  it('gives every reason that applies', () => {
    expect(checkPasswordStrength('sayang')).toEqual({ ok: false, reasons: ['too_short', 'too_common'] });
  });

  it.each(['SitiNurhaliza1990', 'nurhaliza-kopi-susu-pagi', 'kopi-susu-siti.nurhaliza'])(
    'refuses %s, which contains her name or email',
    (password) => {
      expect(checkPasswordStrength(password, siti)).toEqual({ ok: false, reasons: ['contains_personal'] });
    },
  );

  it('accepts the same password from someone else', () => {
    expect(checkPasswordStrength('nurhaliza-kopi-susu-pagi', { email: 'budi@example.go.id', name: 'Budi Santoso' })).toEqual({ ok: true });
  });

  it('does not count a short name part found inside a word as personal', () => {
    expect(checkPasswordStrength('radio-kabinet-hijau-tua', { name: 'Adi' })).toEqual({ ok: true });
  });

  it.each(['abcdefghijk', 'aaaaaaaaaaaa', 'rahasiarahasia'])('refuses the predictable %s', (password) => {
    expect(checkPasswordStrength(password)).toEqual({ ok: false, reasons: ['too_predictable'] });
  });

  it('answers quickly even for the longest and most repetitive input', () => {
    const started = performance.now();
    checkPasswordStrength('aB3$'.repeat(32));
    checkPasswordStrength('1q2w3e4r5t6y7u8i9o0p'.repeat(6));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
