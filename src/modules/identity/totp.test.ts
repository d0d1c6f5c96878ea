import { createHash } from 'node:crypto';
import { URL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { currentTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri, verifyTotp } from './totp.js';

// RFC 6238 appendix B: the SHA-1 secret is the ASCII text "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('newTotpSecret', () => {
  it('gives 20 random bytes in base32 (32 characters), different each time', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });
});

describe('totpUri', () => {
  it('is an otpauth URI with the issuer, the account and the app defaults', () => {
    const uri = new URL(totpUri({ secret: RFC_SECRET, accountName: 'siti@example.go.id', issuer: 'Satupintu' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Satupintu:siti@example.go.id');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Satupintu',
      secret: RFC_SECRET,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('names Satupintu as the issuer by default', () => {
    expect(totpUri({ secret: RFC_SECRET, accountName: 'budi' })).toContain('issuer=Satupintu');
  });
});

describe('currentTotp', () => {
  it('matches the RFC 6238 test vectors (last six digits)', () => {
    expect(currentTotp(RFC_SECRET, at(59))).toBe('287082');
    expect(currentTotp(RFC_SECRET, at(1111111109))).toBe('081804');
    expect(currentTotp(RFC_SECRET, at(1234567890))).toBe('005924');
    expect(currentTotp(RFC_SECRET, at(2000000000))).toBe('279037');
  });
});

describe('verifyTotp', () => {
  const secret = newTotpSecret();
  const now = at(1_750_000_015);
  const step = totpStep(now);

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp({ secret, code: currentTotp(secret, now), now })).toEqual({ ok: true, step });
  });

  it('accepts the codes of one step either side, and not two', () => {
    for (const delta of [-1, 1]) {
      expect(verifyTotp({ secret, code: currentTotp(secret, at(1_750_000_015 + delta * 30)), now })).toEqual({
        ok: true,
        step: step + delta,
      });
    }
    for (const delta of [-2, 2]) {
      expect(verifyTotp({ secret, code: currentTotp(secret, at(1_750_000_015 + delta * 30)), now })).toEqual({ ok: false });
    }
  });

  it('tolerates spaces inside and around the code', () => {
    const code = currentTotp(secret, now);
    expect(verifyTotp({ secret, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, now })).toEqual({ ok: true, step });
  });

  it('refuses a wrong code, a short one and one with other characters', () => {
    const code = currentTotp(secret, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (const bad of [wrong, code.slice(0, 5), `${code}0`, `${code.slice(0, 3)}-${code.slice(3)}`, '', 'abcdef']) {
      expect(verifyTotp({ secret, code: bad, now }), bad).toEqual({ ok: false });
    }
  });

  it('refuses a code of another secret', () => {
    expect(verifyTotp({ secret: newTotpSecret(), code: currentTotp(secret, now), now }).ok).toBe(false);
  });

  describe('replay protection', () => {
    it('refuses the same code again once its step is stored as lastUsedStep', () => {
      const code = currentTotp(secret, now);
      const first = verifyTotp({ secret, code, now });
      expect(first).toEqual({ ok: true, step });
      expect(verifyTotp({ secret, code, now, lastUsedStep: step })).toEqual({ ok: false });
      // Still refused a few seconds later, while the code is on the screen.
      expect(verifyTotp({ secret, code, now: at(1_750_000_025), lastUsedStep: step })).toEqual({ ok: false });
    });

    it('refuses an earlier step than the last one used, even inside the window', () => {
      const previous = currentTotp(secret, at(1_750_000_015 - 30));
      expect(verifyTotp({ secret, code: previous, now, lastUsedStep: step })).toEqual({ ok: false });
    });

    it('accepts the next step after the last one used', () => {
      const next = currentTotp(secret, at(1_750_000_015 + 30));
      expect(verifyTotp({ secret, code: next, now, lastUsedStep: step })).toEqual({ ok: true, step: step + 1 });
      expect(verifyTotp({ secret, code: currentTotp(secret, now), now, lastUsedStep: null })).toEqual({ ok: true, step });
    });
  });
});

describe('recovery codes', () => {
  it('gives ten distinct xxxx-xxxx-xxxx codes from an alphabet without 0, o, 1, l or i', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(newRecoveryCodes(3)).toHaveLength(3);
  });

  it('uses the whole alphabet over many codes', () => {
    const symbols = new Set(newRecoveryCodes(200).join('').replaceAll('-', ''));
    expect(symbols.size).toBe(31);
  });

  it('hashes the normalised code with SHA-256, so case, spaces and dashes do not matter', () => {
    const hash = hashRecoveryCode('7kq2-m9xd-hf4p');
    expect(hash).toBe(createHash('sha256').update('7kq2m9xdhf4p').digest('hex'));
    expect(hashRecoveryCode(' 7KQ2 M9XD HF4P ')).toBe(hash);
    expect(hashRecoveryCode('7kq2m9xdhf4p')).toBe(hash);
    expect(hashRecoveryCode('7kq2-m9xd-hf4q')).not.toBe(hash);
  });
});
