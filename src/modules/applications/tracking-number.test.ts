import { describe, expect, it } from 'vitest';
import {
  ALPHABET,
  formatCode,
  newTrackingNumber,
  newVerificationCode,
  normalizeTrackingNumber,
  normalizeVerificationCode,
} from './tracking-number.js';

describe('tracking numbers', () => {
  it('are ten unambiguous characters whose last one checks the others', () => {
    for (let i = 0; i < 200; i++) {
      const number = newTrackingNumber();
      expect(number).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(normalizeTrackingNumber(number)).toBe(number);
    }
  });

  it('read as meant whatever the case, spaces, dashes and look-alike letters', () => {
    const number = '0K3QP1M2XW';
    const valid = [...Array(32).keys()].map((k) => number.slice(0, 9) + ALPHABET[k]).find((n) => normalizeTrackingNumber(n));
    expect(valid).toBeDefined();
    const typed = formatCode(valid!).toLowerCase().replace('0', 'o').replace('1', 'l');
    expect(normalizeTrackingNumber(` ${typed} `)).toBe(valid);
  });

  it('catch a mistyped character and two swapped neighbours (but for "0" and "Z")', () => {
    let caught = 0;
    let tried = 0;
    for (let n = 0; n < 50; n++) {
      const number = newTrackingNumber();
      for (let i = 0; i < number.length; i++) {
        for (const c of ALPHABET) {
          if (c === number[i]) continue;
          const typo = number.slice(0, i) + c + number.slice(i + 1);
          tried++;
          if (normalizeTrackingNumber(typo) === undefined) caught++;
        }
        // "0" and "Z" (values 0 and 31) are the one pair the modulus 31 cannot tell apart.
        const pair = new Set([number[i], number[i + 1]]);
        if (i < number.length - 1 && pair.size === 2 && !(pair.has('0') && pair.has('Z'))) {
          const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
          expect(normalizeTrackingNumber(swapped)).toBeUndefined();
        }
      }
    }
    // Only "0" ↔ "Z" in the same place escapes the check.
    expect(caught / tried).toBeGreaterThan(0.99);
  });

  it('refuse what is too short, too long or outside the alphabet', () => {
    expect(normalizeTrackingNumber('')).toBeUndefined();
    expect(normalizeTrackingNumber('ABC')).toBeUndefined();
    expect(normalizeTrackingNumber('0K3QP1M2XWWW')).toBeUndefined();
    expect(normalizeTrackingNumber('0K3QP1M2X!')).toBeUndefined();
    expect(normalizeTrackingNumber('0K3QP1M2XU')).toBeUndefined();
  });
});

describe('verification codes', () => {
  it('are twelve characters with a check character, printed in groups of four', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(normalizeVerificationCode(formatCode(code))).toBe(code);
    expect(formatCode(code)).toMatch(/^.{4}-.{4}-.{4}$/);
  });
});
