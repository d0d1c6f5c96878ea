import type { FieldError } from '../../platform/errors.js';
import { issuesToFieldErrors } from '../../platform/http/validation.js';
import { OpeningHours } from './organizations.schemas.js';

/**
 * The opening-hours editor works without JavaScript: seven weekday rows and a list of exception rows
 * with a few blank ones to fill in and a "remove" box on each. This file translates between that flat
 * form and `OpeningHours`, so the same schema as the API checks it and its errors land on the inputs.
 */

/** ISO weekdays, Monday = 1 … Sunday = 7, as the database stores them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Blank exception rows offered under the saved ones; saving offers as many again. */
export const BLANK_EXCEPTION_ROWS = 3;

export interface StoredHours {
  weekly: { weekday: number; opensAt: string; closesAt: string }[];
  exceptions: { date: string; opensAt: string | null; closesAt: string | null; reason: string }[];
}

/** Postgres answers `08:00:00`; the form and the API speak `08:00`. */
const hhmm = (time: string | null) => (time === null ? '' : time.slice(0, 5));

/** The stored hours as form values; a closed day keeps no times, an open one is ticked. */
export function hoursToForm(hours: StoredHours, version: number): Record<string, string> {
  const values: Record<string, string> = { version: String(version) };
  for (const day of hours.weekly) {
    values[`w${day.weekday}_open`] = 'on';
    values[`w${day.weekday}_opens`] = hhmm(day.opensAt);
    values[`w${day.weekday}_closes`] = hhmm(day.closesAt);
  }
  hours.exceptions.forEach((e, i) => {
    values[`x${i}_date`] = e.date;
    values[`x${i}_reason`] = e.reason;
    values[`x${i}_opens`] = hhmm(e.opensAt);
    values[`x${i}_closes`] = hhmm(e.closesAt);
    if (e.opensAt === null) values[`x${i}_closed`] = 'on';
  });
  for (let i = hours.exceptions.length; i < hours.exceptions.length + BLANK_EXCEPTION_ROWS; i++) values[`x${i}_date`] = '';
  return values;
}

/** The exception rows a form holds, by their index in the field names, in order. */
export function exceptionRows(values: Record<string, unknown>): number[] {
  const rows = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = /^x(\d+)_/.exec(key);
    if (match) rows.add(Number(match[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

const WEEKLY_FIELD: Record<string, string> = { weekday: 'open', opensAt: 'opens', closesAt: 'closes' };
const EXCEPTION_FIELD: Record<string, string> = { date: 'date', opensAt: 'opens', closesAt: 'closes', reason: 'reason' };

export type ParsedHours = { ok: true; hours: OpeningHours } | { ok: false; errors: FieldError[] };

/**
 * Reads the posted form: an unticked day is closed; a blank or removed exception row is left out; an
 * exception marked closed has no times. An empty time becomes "missing", so the message says so.
 */
export function parseHoursForm(form: Readonly<Record<string, unknown>>): ParsedHours {
  const value = (name: string) => {
    const v = form[name];
    return typeof v === 'string' ? v.trim() || undefined : undefined;
  };
  const ticked = (name: string) => form[name] !== undefined;

  // Each entry remembers its row's prefix (`w3`, `x1`), so an error found at weekly[i] names that row's input.
  const weekly = WEEKDAYS.filter((d) => ticked(`w${d}_open`)).map((d) => ({
    prefix: `w${d}`,
    entry: { weekday: d, opensAt: value(`w${d}_opens`), closesAt: value(`w${d}_closes`) },
  }));
  const exceptions = exceptionRows(form)
    .map((i) => `x${i}`)
    .filter((p) => !ticked(`${p}_remove`))
    .filter((p) => ['date', 'opens', 'closes', 'reason'].some((f) => value(`${p}_${f}`)) || ticked(`${p}_closed`))
    .map((p) => {
      const closed = ticked(`${p}_closed`);
      return {
        prefix: p,
        entry: {
          date: value(`${p}_date`),
          opensAt: closed ? null : value(`${p}_opens`),
          closesAt: closed ? null : value(`${p}_closes`),
          reason: value(`${p}_reason`),
        },
      };
    });

  const parsed = OpeningHours.safeParse(
    { weekly: weekly.map((w) => w.entry), exceptions: exceptions.map((e) => e.entry) },
    { reportInput: true },
  );
  if (parsed.success) return { ok: true, hours: parsed.data };

  const issues = parsed.error.issues.map((issue) => {
    const [list, index, field] = issue.path as [string, number, string | undefined];
    const rows = list === 'weekly' ? weekly : exceptions;
    const names = list === 'weekly' ? WEEKLY_FIELD : EXCEPTION_FIELD;
    const row = rows[index];
    return { ...issue, path: row && field ? [`${row.prefix}_${names[field] ?? field}`] : [] };
  });
  return { ok: false, errors: issuesToFieldErrors(issues) };
}
