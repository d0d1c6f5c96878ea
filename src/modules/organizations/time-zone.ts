import type { IndonesianTimeZone } from '../../platform/i18n/format.js';

/**
 * The legal time zone of a province, from the first two digits of its Kemendagri code.
 *
 * Keppres 41/1987 on the division of Indonesia into three time zones:
 * - WIB (UTC+7, Asia/Jakarta): every province of Sumatra (11–19, 21), of Java (31–36), and West and
 *   Central Kalimantan (61, 62);
 * - WITA (UTC+8, Asia/Makassar): South, East and North Kalimantan (63–65), Bali (51), NTB (52),
 *   NTT (53) and every province of Sulawesi (71–76);
 * - WIT (UTC+9, Asia/Jayapura): Maluku (81), North Maluku (82) and every Papua province (91–96,
 *   including the provinces split off in 2022).
 * North Kalimantan (65, 2012) and the new Papua provinces postdate the decree; they keep the zone of
 * the province they were carved from, which is how BMKG and the provinces themselves keep time.
 * Throws for a code that names no province, so a new province must be added here deliberately.
 */
export function timeZoneOfProvince(provinceCode: string): IndonesianTimeZone {
  const code = provinceCode.slice(0, 2);
  if (!/^\d{2}$/.test(code)) throw new Error(`"${provinceCode}" is not a Kemendagri region code`);
  const n = Number(code);
  if ((n >= 11 && n <= 19) || n === 21 || (n >= 31 && n <= 36) || n === 61 || n === 62) return 'Asia/Jakarta';
  if ((n >= 51 && n <= 53) || (n >= 63 && n <= 65) || (n >= 71 && n <= 76)) return 'Asia/Makassar';
  if (n === 81 || n === 82 || (n >= 91 && n <= 96)) return 'Asia/Jayapura';
  throw new Error(`No time zone is known for province code ${code}`);
}

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

/** `PP`, `PP.KK`, `PP.KK.CC` or `PP.KK.CC.DDDD` (Kemendagri, Permendagri 72/2019). */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function levelOfRegionCode(code: string): RegionLevel {
  if (!REGION_CODE.test(code)) throw new Error(`"${code}" is not a Kemendagri region code`);
  return (['province', 'regency', 'district', 'village'] as const)[code.split('.').length - 1]!;
}
