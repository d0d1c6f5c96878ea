import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRupiah, formatTime, ZONE_ABBREVIATION } from '../../src/platform/i18n/format.js';

// 08.00 in Jakarta, 09.00 in Makassar, 10.00 in Jayapura: one instant, three legal zone names.
const INSTANT = new Date('2026-03-20T01:00:00Z');

describe('formatTime', () => {
  const cases = [
    ['Asia/Jakarta', '08.00 WIB', '08:00 WIB'],
    ['Asia/Makassar', '09.00 WITA', '09:00 WITA'],
    ['Asia/Jayapura', '10.00 WIT', '10:00 WIT'],
  ] as const;

  for (const [zone, id, en] of cases) {
    it(`names ${ZONE_ABBREVIATION[zone]} for ${zone} in Indonesian and English`, () => {
      expect(formatTime(INSTANT, 'id', zone)).toBe(id);
      expect(formatTime(INSTANT, 'en', zone)).toBe(en);
    });
  }

  it('defaults to WIB', () => {
    expect(formatTime(INSTANT, 'id')).toBe('08.00 WIB');
  });

  it('writes midnight as 00.00, never 24.00', () => {
    expect(formatTime(new Date('2026-03-19T17:00:00Z'), 'id', 'Asia/Jakarta')).toBe('00.00 WIB');
  });
});

describe('formatDate', () => {
  it('writes the day, the month by name and the year in each language', () => {
    expect(formatDate(INSTANT, 'id')).toBe('20 Maret 2026');
    expect(formatDate(INSTANT, 'en')).toBe('20 March 2026');
  });

  it('takes the calendar day of the zone, not of the server', () => {
    const lateEvening = new Date('2026-03-20T16:30:00Z');
    expect(formatDate(lateEvening, 'id', 'Asia/Jakarta')).toBe('20 Maret 2026');
    expect(formatDate(lateEvening, 'id', 'Asia/Jayapura')).toBe('21 Maret 2026');
  });
});

describe('formatDateTime', () => {
  it('joins date and time with the zone named', () => {
    expect(formatDateTime(INSTANT, 'id', 'Asia/Makassar')).toBe('20 Maret 2026, 09.00 WITA');
    expect(formatDateTime(INSTANT, 'en', 'Asia/Jayapura')).toBe('20 March 2026, 10:00 WIT');
  });
});

describe('formatRupiah', () => {
  it('writes rupiah the Indonesian way in both languages', () => {
    expect(formatRupiah(150_000, 'id')).toBe('Rp 150.000');
    expect(formatRupiah(150_000, 'en')).toBe('Rp 150.000');
    expect(formatRupiah(0, 'id')).toBe('Rp 0');
    expect(formatRupiah(1_250_000_000, 'en')).toBe('Rp 1.250.000.000');
  });

  it('accepts numeric strings from the database and bigints', () => {
    expect(formatRupiah('1500000.00', 'id')).toBe('Rp 1.500.000');
    expect(formatRupiah(150_000n, 'id')).toBe('Rp 150.000');
  });

  it('rounds to whole rupiah', () => {
    expect(formatRupiah(1_234_567.89, 'id')).toBe('Rp 1.234.568');
  });
});

describe('formatNumber', () => {
  it('uses the grouping and decimal marks of each language', () => {
    expect(formatNumber(1234.5, 'id', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
  });
});
