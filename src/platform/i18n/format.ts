import type { Locale } from './catalog.js';

export type IndonesianTimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

/** The legal names of Indonesia's three time zones (UU/Keppres 41/1987). */
export const ZONE_ABBREVIATION: Record<IndonesianTimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const TAG: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** 22 November 2026 */
export function formatDate(date: Date, locale: Locale, timeZone: IndonesianTimeZone = 'Asia/Jakarta'): string {
  return cached(
    `d:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(TAG[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone }),
  ).format(date);
}

/** 14.05 WITA (id) or 14:05 WITA (en): the zone is always named, because a mall in Makassar and a ministry in Jakarta share one system. */
export function formatTime(date: Date, locale: Locale, timeZone: IndonesianTimeZone = 'Asia/Jakarta'): string {
  const time = cached(
    `t:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(TAG[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
  ).format(date);
  return `${time} ${ZONE_ABBREVIATION[timeZone]}`;
}

export function formatDateTime(date: Date, locale: Locale, timeZone: IndonesianTimeZone = 'Asia/Jakarta'): string {
  return `${formatDate(date, locale, timeZone)}, ${formatTime(date, locale, timeZone)}`;
}

export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return cached(
    `n:${locale}:${fractionDigits}`,
    () => new Intl.NumberFormat(TAG[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(value);
}

/** Rp 150.000 in both languages: rupiah have no minor unit in practice, and officials write them the Indonesian way. */
export function formatRupiah(amount: number | bigint | string, locale: Locale): string {
  const value = typeof amount === 'string' ? Number(amount) : amount;
  const digits = cached(
    `rp:${locale}`,
    () => new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-ID', { maximumFractionDigits: 0 }),
  ).format(value);
  return `Rp ${digits}`;
}
