import type { Summary, SummaryValue } from './audit.tables.js';

/**
 * Keys whose values never enter the trail: the trail is read by auditors and exported as CSV, so a
 * secret written here would outlive any rotation of the secret itself.
 */
const SECRET_KEY = /password|passphrase|secret|token|^totp|otp$|apikey|api_key|privatekey|^pin$|cookie|session/i;
// `nik`, `NIK`, `ownerNik`, `owner_nik`: case matters so that words merely ending in "nik" stay.
const NIK_KEY = /^(nik|NIK|.*Nik|.*_nik)$/;
const NIK = /^\d{16}$/;

const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;

/**
 * A NIK shown in the trail: the first four digits (province and regency) and the last two stay, so an
 * auditor can tell two people apart in one region; district, birth date and most of the serial are hidden.
 * Anything that is not 16 digits is hidden entirely rather than guessed at.
 */
export function maskNik(nik: string): string {
  const digits = nik.trim();
  return NIK.test(digits) ? `${digits.slice(0, 4)}${'*'.repeat(10)}${digits.slice(14)}` : '****************';
}

/**
 * A short, safe copy of a record for the trail: secret keys dropped, NIKs masked (by key, and any bare
 * 16-digit string, since a NIK can arrive under any name), long strings and lists cut, undefined left out.
 */
export function summarize(value: Record<string, unknown> | undefined | null): Summary | null {
  if (value === undefined || value === null) return null;
  return summarizeObject(value, 0);
}

function summarizeObject(value: Record<string, unknown>, depth: number): Summary {
  const out: Summary = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) continue;
    if (NIK_KEY.test(key) && (typeof v === 'string' || typeof v === 'number')) {
      out[key] = maskNik(String(v));
      continue;
    }
    const s = summarizeValue(v, depth + 1);
    if (s !== undefined) out[key] = s;
  }
  return out;
}

function summarizeValue(value: unknown, depth: number): SummaryValue | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    if (NIK.test(value)) return maskNik(value);
    // jsonb refuses \u0000; a stray NUL in typed text must not make the audited change fail.
    const text = value.replaceAll('\u0000', '');
    return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING - 1)}…` : text;
  }
  if (value instanceof Date) return value.toISOString();
  if (depth > MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => summarizeValue(v, depth + 1) ?? null);
    return value.length > MAX_ITEMS ? [...items, `… +${value.length - MAX_ITEMS}`] : items;
  }
  if (typeof value === 'object') return summarizeObject(value as Record<string, unknown>, depth);
  return undefined;
}
