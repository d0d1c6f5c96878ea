/**
 * NIK (Nomor Induk Kependudukan), the 16-digit number on the KTP and the family card:
 *
 *   PP KK CC  DDMMYY  SSSS
 *   │  │  │   │       └ serial among people of that district and birth date, from 0001
 *   │  │  │   └ birth date; women have 40 added to the day
 *   │  │  └ district (kecamatan) ┐
 *   │  └ regency or city        ├ Kemendagri region codes, as in organizations' regions table (PP.KK.CC)
 *   └ province                  ┘
 *
 * This checks the shape only. Whether the district exists is the caller's question, against the regions
 * table; whether the person exists only Dukcapil can say. For showing a NIK, use audit's `maskNik`.
 */

export type NikFailure = 'format' | 'region' | 'birth_date';

export interface Nik {
  ok: true;
  /** The 16 digits, spaces removed. */
  nik: string;
  /** `PP`, e.g. `32` (Jawa Barat). */
  provinceCode: string;
  /** `PP.KK`, e.g. `32.01` (Kabupaten Bogor). */
  regencyCode: string;
  /** `PP.KK.CC`, e.g. `32.01.01`. */
  districtCode: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: 'male' | 'female';
  /** The last four digits, e.g. `0001`. */
  serial: string;
}

export type NikResult = Nik | { ok: false; reason: NikFailure };

const SHAPE = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{4})$/;
// Province codes run 11–96 today, each digit 1–9: the first digit is the island group.
const PROVINCE = /^[1-9][1-9]$/;
const FEMALE_DAY_OFFSET = 40;

/**
 * Reads a NIK typed by a person: spaces are ignored, anything else must be digits.
 * The two-digit birth year takes the latest century that does not put the birth date after `today`.
 * @param options.today `YYYY-MM-DD`; by default today in Indonesia's easternmost zone (WIT), so that a
 *   baby born today anywhere in the country is never "in the future".
 */
export function parseNik(value: string, options: { today?: string } = {}): NikResult {
  const nik = value.replace(/ /g, '');
  const parts = SHAPE.exec(nik);
  if (!parts) return { ok: false, reason: 'format' };
  const [, pp, kk, cc, dd, mm, yy, serial] = parts as unknown as [string, string, string, string, string, string, string, string];
  if (serial === '0000') return { ok: false, reason: 'format' };
  if (!PROVINCE.test(pp) || kk === '00' || cc === '00') return { ok: false, reason: 'region' };

  const encodedDay = Number(dd);
  const sex = encodedDay > FEMALE_DAY_OFFSET ? 'female' : 'male';
  const day = sex === 'female' ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
  const month = Number(mm);
  const today = options.today ?? todayInIndonesia();
  const thisCentury = `20${yy}-${mm}-${pad(day)}`;
  // Compared as text before the calendar check: a 29 February decides its century like any other day.
  const birthDate = thisCentury <= today ? thisCentury : `19${yy}-${mm}-${pad(day)}`;
  if (!isCalendarDate(Number(birthDate.slice(0, 4)), month, day) || birthDate > today) {
    return { ok: false, reason: 'birth_date' };
  }

  return {
    ok: true,
    nik,
    provinceCode: pp,
    regencyCode: `${pp}.${kk}`,
    districtCode: `${pp}.${kk}.${cc}`,
    birthDate,
    sex,
    serial,
  };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC keeps the local zone out of it.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

function todayInIndonesia(): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(new Date());
}
