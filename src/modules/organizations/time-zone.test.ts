import { describe, expect, it } from 'vitest';
import { levelOfRegionCode, timeZoneOfProvince } from './time-zone.js';

/** Every province in Kepmendagri 2025, with the zone Keppres 41/1987 puts it in. */
const EXPECTED: Record<string, 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura'> = {
  ...Object.fromEntries(['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'].map((c) => [c, 'Asia/Jakarta'])),
  ...Object.fromEntries(['31', '32', '33', '34', '35', '36', '61', '62'].map((c) => [c, 'Asia/Jakarta'])),
  ...Object.fromEntries(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'].map((c) => [c, 'Asia/Makassar'])),
  ...Object.fromEntries(['81', '82', '91', '92', '93', '94', '95', '96'].map((c) => [c, 'Asia/Jayapura'])),
};

describe('timeZoneOfProvince', () => {
  it('covers exactly the 38 provinces of the official list', () => {
    expect(Object.keys(EXPECTED)).toHaveLength(38);
  });

  for (const [code, zone] of Object.entries(EXPECTED)) {
    it(`puts province ${code} in ${zone}`, () => {
      expect(timeZoneOfProvince(code)).toBe(zone);
    });
  }

  it('reads the province from a longer code: Badung (51.03) is WITA, Kota Makassar (73.71) is WITA, Jakarta Pusat is WIB', () => {
    expect(timeZoneOfProvince('51.03')).toBe('Asia/Makassar');
    expect(timeZoneOfProvince('73.71.01')).toBe('Asia/Makassar');
    expect(timeZoneOfProvince('31.71')).toBe('Asia/Jakarta');
  });

  it('refuses a code that names no province instead of guessing a zone', () => {
    expect(() => timeZoneOfProvince('99')).toThrow(/No time zone/);
    expect(() => timeZoneOfProvince('20')).toThrow(/No time zone/);
    expect(() => timeZoneOfProvince('xx')).toThrow(/not a Kemendagri/);
  });
});

describe('levelOfRegionCode', () => {
  it('reads the level from the number of segments of PP.KK.CC.DDDD', () => {
    expect(levelOfRegionCode('51')).toBe('province');
    expect(levelOfRegionCode('51.03')).toBe('regency');
    expect(levelOfRegionCode('51.03.01')).toBe('district');
    expect(levelOfRegionCode('51.03.01.2001')).toBe('village');
    expect(() => levelOfRegionCode('51.3')).toThrow();
  });
});
