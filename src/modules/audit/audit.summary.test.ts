import { describe, expect, it } from 'vitest';
import { maskNik } from './index.js';
import { summarize } from './audit.summary.js';
import { canonicalJson } from './audit.chain.js';

describe('audit summaries', () => {
  it('drop secrets: passwords, hashes, tokens, secrets and TOTP fields, at any depth', () => {
    expect(
      summarize({
        email: 'warga@contoh.id',
        password: 'hunter2',
        passwordHash: '$argon2id$…',
        token: 'abc',
        resetToken: 'def',
        secret: 's',
        clientSecret: 's',
        totpSecret: 'JBSWY3DP',
        totpEnabled: true,
        profile: { name: 'Rina', newPassword: 'x', apiKey: 'k' },
      }),
    ).toEqual({ email: 'warga@contoh.id', profile: { name: 'Rina' } });
  });

  it('mask NIK values, under a nik key or as any 16-digit string', () => {
    expect(summarize({ nik: '3201012505900001', ownerNik: '3171234567890012', note: '3201012505900001', count: 16 })).toEqual({
      nik: '3201**********01',
      ownerNik: '3171**********12',
      note: '3201**********01',
      count: 16,
    });
  });

  it('maskNik keeps province and regency and the last two digits; anything else is hidden entirely', () => {
    expect(maskNik('3201012505900001')).toBe('3201**********01');
    expect(maskNik('32010125')).toBe('****************');
    expect(maskNik('320101250590000X')).toBe('****************');
  });

  it('are short: long strings and long lists are cut, undefined is left out', () => {
    const s = summarize({ text: 'a'.repeat(500), list: Array.from({ length: 30 }, (_, i) => i), gone: undefined })!;
    expect((s.text as string).length).toBe(200);
    expect(s.list).toHaveLength(21);
    expect('gone' in s).toBe(false);
  });

  it('drop NUL characters, which jsonb cannot store', () => {
    expect(summarize({ name: 'Ri\u0000na' })).toEqual({ name: 'Rina' });
  });

  it('canonical JSON sorts keys at every level, so jsonb reordering does not change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
