import { describe, expect, it } from 'vitest';
import { parseNik } from './nik.js';

const TODAY = '2025-06-15';
const parse = (value: string, today = TODAY) => parseNik(value, { today });

describe('parseNik', () => {
  it('reads the region codes, birth date, sex and serial of a man born in Kabupaten Bogor', () => {
    expect(parse('3201012505900001')).toEqual({
      ok: true,
      nik: '3201012505900001',
      provinceCode: '32',
      regencyCode: '32.01',
      districtCode: '32.01.01',
      birthDate: '1990-05-25',
      sex: 'male',
      serial: '0001',
    });
  });

  it('reads a woman, whose birth day has 40 added (65 → 25 December)', () => {
    expect(parse('3174096512850003')).toMatchObject({
      ok: true,
      districtCode: '31.74.09',
      birthDate: '1985-12-25',
      sex: 'female',
      serial: '0003',
    });
    expect(parse('9471024101100012')).toMatchObject({ ok: true, districtCode: '94.71.02', birthDate: '2010-01-01', sex: 'female' });
  });

  it('ignores the spaces people type between groups', () => {
    expect(parse(' 3201 0125 0590 0001 ')).toMatchObject({ ok: true, nik: '3201012505900001' });
  });

  describe('29 February', () => {
    it('accepts it in a leap year, for men and women', () => {
      expect(parse('3273012902000002')).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: 'male' });
      expect(parse('3273016902040001')).toMatchObject({ ok: true, birthDate: '2004-02-29', sex: 'female' });
      expect(parse('3273016902960001')).toMatchObject({ ok: true, birthDate: '1996-02-29', sex: 'female' });
    });

    it('refuses it in a common year', () => {
      expect(parse('3273012902230001')).toEqual({ ok: false, reason: 'birth_date' });
      expect(parse('3273016902190001')).toEqual({ ok: false, reason: 'birth_date' });
    });

    it('follows the chosen century: 00 before 2000 is 1900, which was not a leap year', () => {
      expect(parse('3273012902000002', '1999-12-31')).toEqual({ ok: false, reason: 'birth_date' });
    });
  });

  describe('the century of a two-digit year', () => {
    it('takes 20YY when that date is not after today, including someone born today', () => {
      expect(parse('3201011506250001')).toMatchObject({ ok: true, birthDate: '2025-06-15' });
      expect(parse('3201011406250001')).toMatchObject({ ok: true, birthDate: '2025-06-14' });
    });

    it('takes 19YY when 20YY would be in the future', () => {
      expect(parse('3201011606250001')).toMatchObject({ ok: true, birthDate: '1925-06-16' });
      expect(parse('3201010101990001')).toMatchObject({ ok: true, birthDate: '1999-01-01' });
    });

    it('uses the real date when no today is given', () => {
      expect(parseNik('3201010101990001')).toMatchObject({ ok: true, birthDate: '1999-01-01' });
      expect(parseNik('3201010101000001')).toMatchObject({ ok: true, birthDate: '2000-01-01' });
    });
  });

  it.each([
    ['15 digits', '320101250590001', 'format'],
    ['17 digits', '32010125059000011', 'format'],
    ['a letter', '32010125059O0001', 'format'],
    ['dashes', '3201-0125-0590-0001', 'format'],
    ['empty', '', 'format'],
    ['serial 0000', '3201012505900000', 'format'],
    ['province 02', '0201012505900001', 'region'],
    ['province 10', '1001012505900001', 'region'],
    ['province 30', '3001012505900001', 'region'],
    ['regency 00', '3200012505900001', 'region'],
    ['district 00', '3201002505900001', 'region'],
    ['day 00', '3201010005900001', 'birth_date'],
    ['day 32', '3201013205900001', 'birth_date'],
    ['day 40, between the male and female ranges', '3201014005900001', 'birth_date'],
    ['female day 72 (32)', '3201017205900001', 'birth_date'],
    ['31 April', '3201013104900001', 'birth_date'],
    ['female 31 June (71)', '3201017106900001', 'birth_date'],
    ['month 00', '3201012500900001', 'birth_date'],
    ['month 13', '3201012513900001', 'birth_date'],
  ])('refuses %s (%s)', (_case, value, reason) => {
    expect(parse(value)).toEqual({ ok: false, reason });
  });
});
