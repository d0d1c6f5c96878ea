import type { IndonesianTimeZone } from '../../platform/i18n/format.js';

/**
 * The legal clock: when a time limit (a standard's *jangka waktu*) started at an instant ends, on a
 * unit's working-day calendar. Pure: no database, no I/O, no reading of the system clock.
 *
 * Conventions (docs/ARCHITECTURE.md "Calendar and the legal clock"; domain.md §11):
 * - **Receipt.** A start inside service hours is received at once. A start before opening is received at
 *   that day's opening; a start after closing, or on a closed day, is received at the next opening
 *   (the usual rule that a submission outside office hours counts as received on the next working day).
 * - **Working days.** A limit of N working days ends at the close of service hours of the Nth working day
 *   after the day of receipt; the day of receipt is not counted. N = 0 means the close of the day of
 *   receipt. A Tuesday 10:00 start with 5 working days and no holidays ends the next Tuesday at closing;
 *   a Tuesday 17:00 start (after closing) is received on Wednesday and ends the next Wednesday.
 * - **Hours and minutes** count only time within service hours, from the receipt instant.
 * - **Calendar days** ignore the calendar: the end (23:59:59.999 local) of the Nth calendar day after the
 *   local date of the start.
 * - **Extensions** (lawful extensions of the limit) are applied one after another from the due: N more
 *   working days after the due's day, N more calendar days, or N more working hours or minutes.
 * - **Pauses** stop the clock (e.g. waiting for the applicant to complete a file). For every unit but
 *   calendar days, the service-hours time a pause covers, from the moment counting starts (the opening
 *   of the first counted working day for day limits) up to the due, is added back, so the due moves later
 *   by exactly the working time the pause covered and may then fall inside a day. For calendar days the
 *   elapsed time the pause covers is added. Overlapping pauses count once. An open pause (`to: null`) is
 *   taken to end at `now`: the result is provisional and `paused` is true.
 * - **Time zones.** Everything is computed in the calendar's zone at its fixed offset (WIB +7, WITA +8,
 *   WIT +9): Indonesia has kept no daylight saving time since 1964, so a fixed offset is exact for any
 *   date the platform handles.
 */

export type TimeZone = IndonesianTimeZone;

/** Service hours on one day, local time `HH:MM`; `closes` after `opens`. */
export interface DayHours {
  opens: string;
  closes: string;
}

export interface WorkingCalendar {
  timeZone: TimeZone;
  /** Service hours on a local date 'YYYY-MM-DD', or null when the unit does not work that day. */
  hoursOn(date: string): DayHours | null;
  /** Why a date is closed (holiday / cuti bersama / local closure name), for display; undefined when open or a plain weekend. */
  closedReason?(date: string): string | undefined;
}

export type ClockUnit = 'minutes' | 'hours' | 'working_days' | 'calendar_days';
export interface ClockLimit {
  value: number;
  unit: ClockUnit;
}
/** `to` null: still paused. */
export interface ClockPause {
  from: Date;
  to: Date | null;
}
export interface ClockInput {
  start: Date;
  limit: ClockLimit;
  calendar: WorkingCalendar;
  pauses?: readonly ClockPause[];
  /** Lawful extensions, added to the limit. */
  extensions?: readonly ClockLimit[];
}
export interface ClockResult {
  /** The due instant; while paused (an open pause) it is provisional: as if the pause ended at `now`. */
  due: Date;
  paused: boolean;
}

const OFFSET_MINUTES: Record<TimeZone, number> = { 'Asia/Jakarta': 7 * 60, 'Asia/Makassar': 8 * 60, 'Asia/Jayapura': 9 * 60 };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far the clock looks for a working day before deciding the calendar has none (ten years). */
const SEARCH_DAYS = 3660;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The local date 'YYYY-MM-DD' of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: TimeZone): string {
  return new Date(instant.getTime() + OFFSET_MINUTES[timeZone] * MINUTE).toISOString().slice(0, 10);
}

/** The instant of a local date and time 'HH:MM' (or '24:00', the end of the day) in a zone. */
export function instantAt(date: string, time: string, timeZone: TimeZone): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (minutesOf(time) - OFFSET_MINUTES[timeZone]) * MINUTE);
}

/** The date `days` after (or before, when negative) a date 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

function minutesOf(time: string): number {
  if (time === '24:00') return 24 * 60;
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Checks a day's hours: both 'HH:MM', closing after opening. */
export function assertDayHours(hours: DayHours): void {
  if (minutesOf(hours.closes) <= minutesOf(hours.opens)) {
    throw new RangeError(`Closing ${hours.closes} is not after opening ${hours.opens}`);
  }
}

interface Interval {
  from: number;
  to: number;
}

/** The service interval of a date in epoch milliseconds, or null when closed. */
function serviceOn(calendar: WorkingCalendar, date: string): Interval | null {
  const hours = calendar.hoursOn(date);
  if (!hours) return null;
  return {
    from: instantAt(date, hours.opens, calendar.timeZone).getTime(),
    to: instantAt(date, hours.closes, calendar.timeZone).getTime(),
  };
}

/** The first working date strictly after `date`. */
function nextWorkingDate(calendar: WorkingCalendar, date: string): string {
  let day = date;
  for (let i = 0; i < SEARCH_DAYS; i++) {
    day = addDays(day, 1);
    if (calendar.hoursOn(day)) return day;
  }
  throw new RangeError(`The calendar has no working day within ${SEARCH_DAYS} days after ${date}`);
}

/** The first in-service instant at or after `at` (the receipt instant). */
function receiptOf(calendar: WorkingCalendar, at: number): number {
  const today = localDateOf(new Date(at), calendar.timeZone);
  const hours = serviceOn(calendar, today);
  if (hours && at < hours.to) return Math.max(at, hours.from);
  return serviceOn(calendar, nextWorkingDate(calendar, today))!.from;
}

/** The close of service hours of the Nth working day after `date` (`date` itself when N is 0). */
function closeOfNthWorkingDayAfter(calendar: WorkingCalendar, date: string, n: number): number {
  let day = date;
  for (let i = 0; i < n; i++) day = nextWorkingDate(calendar, day);
  return serviceOn(calendar, day)!.to;
}

function endOfCalendarDay(date: string, timeZone: TimeZone): number {
  return instantAt(date, '24:00', timeZone).getTime() - 1;
}

/** Service intervals from the date of `from` on, clipped to start at `from`, lazily. */
function* serviceIntervalsFrom(calendar: WorkingCalendar, from: number): Generator<Interval> {
  let day = localDateOf(new Date(from), calendar.timeZone);
  for (let closedRun = 0; closedRun < SEARCH_DAYS; day = addDays(day, 1)) {
    const hours = serviceOn(calendar, day);
    if (!hours) {
      closedRun++;
      continue;
    }
    closedRun = 0;
    if (hours.to <= from) continue;
    yield { from: Math.max(hours.from, from), to: hours.to };
  }
  throw new RangeError(`The calendar has no working day within ${SEARCH_DAYS} days after ${day}`);
}

/** Subtracts the (sorted, merged) pauses from an interval. */
function minusPauses(interval: Interval, pauses: readonly Interval[]): Interval[] {
  const parts: Interval[] = [];
  let cursor = interval.from;
  for (const pause of pauses) {
    if (pause.to <= cursor || pause.from >= interval.to) continue;
    if (pause.from > cursor) parts.push({ from: cursor, to: pause.from });
    cursor = Math.max(cursor, pause.to);
    if (cursor >= interval.to) break;
  }
  if (cursor < interval.to) parts.push({ from: cursor, to: interval.to });
  return parts;
}

/** The instant reached after `budget` ms of service time from `from`, skipping pauses. */
function advanceWorking(calendar: WorkingCalendar, from: number, budget: number, pauses: readonly Interval[]): number {
  if (budget <= 0 && pauses.length === 0) return from;
  let left = budget;
  for (const interval of serviceIntervalsFrom(calendar, from)) {
    for (const part of minusPauses(interval, pauses)) {
      const length = part.to - part.from;
      if (left <= length) return part.from + left;
      left -= length;
    }
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** Service time in ms between two instants. */
function workingTimeBetween(calendar: WorkingCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (const interval of serviceIntervalsFrom(calendar, from)) {
    if (interval.from >= to) break;
    total += Math.min(interval.to, to) - interval.from;
  }
  return total;
}

/** The instant reached after `elapsed` ms of clock time from `from`, skipping pauses. */
function advanceElapsed(from: number, elapsed: number, pauses: readonly Interval[]): number {
  let due = from + elapsed;
  for (const pause of pauses) {
    if (pause.to <= from) continue;
    if (pause.from > due) break;
    due += pause.to - Math.max(pause.from, from);
  }
  return due;
}

function assertLimit(limit: ClockLimit): void {
  const isDays = limit.unit === 'working_days' || limit.unit === 'calendar_days';
  if (!Number.isFinite(limit.value) || limit.value < 0 || (isDays && !Number.isInteger(limit.value))) {
    throw new RangeError(`${limit.value} ${limit.unit} is not a time limit`);
  }
}

/** Applies one limit (or extension) from an instant, ignoring pauses. */
function applyLimit(calendar: WorkingCalendar, from: number, limit: ClockLimit, isBase: boolean): number {
  const zone = calendar.timeZone;
  switch (limit.unit) {
    case 'minutes':
    case 'hours': {
      const ms = limit.value * (limit.unit === 'hours' ? 60 : 1) * MINUTE;
      return ms === 0 ? from : advanceWorking(calendar, from, ms, []);
    }
    case 'working_days': {
      if (limit.value === 0) return isBase ? closeOfNthWorkingDayAfter(calendar, localDateOf(new Date(from), zone), 0) : from;
      return closeOfNthWorkingDayAfter(calendar, localDateOf(new Date(from), zone), limit.value);
    }
    case 'calendar_days':
      if (limit.value === 0 && !isBase) return from;
      return endOfCalendarDay(addDays(localDateOf(new Date(from), zone), limit.value), zone);
  }
}

/** Sorted, merged pause intervals; an open pause ends at `now`; empty or inverted pauses drop out. */
function normalisePauses(pauses: readonly ClockPause[], now: number): Interval[] {
  const intervals = pauses
    .map((p) => ({ from: p.from.getTime(), to: p.to ? p.to.getTime() : Math.max(now, p.from.getTime()) }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const p of intervals) {
    const last = merged.at(-1);
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged;
}

/**
 * When the limit started at `input.start` ends, with its extensions and pauses (see the module comment).
 * @throws RangeError for a negative or non-finite limit, a fractional day count, or a calendar with no
 * working day within ten years.
 */
export function computeDue(input: ClockInput, now: Date): ClockResult {
  const { calendar, limit } = input;
  const extensions = input.extensions ?? [];
  assertLimit(limit);
  extensions.forEach(assertLimit);
  const pauses = normalisePauses(input.pauses ?? [], now.getTime());
  const paused = (input.pauses ?? []).some((p) => p.to === null);
  const start = input.start.getTime();

  // Where counting starts: the receipt instant, or for day limits the opening of the first counted day.
  let countFrom: number;
  let due: number;
  if (limit.unit === 'calendar_days') {
    countFrom = start;
    due = applyLimit(calendar, start, limit, true);
  } else {
    const receipt = receiptOf(calendar, start);
    countFrom =
      limit.unit === 'working_days' && limit.value > 0
        ? serviceOn(calendar, nextWorkingDate(calendar, localDateOf(new Date(receipt), calendar.timeZone)))!.from
        : receipt;
    due = applyLimit(calendar, receipt, limit, true);
  }
  for (const extension of extensions) due = applyLimit(calendar, due, extension, false);

  if (pauses.length > 0) {
    due =
      limit.unit === 'calendar_days'
        ? advanceElapsed(countFrom, due - countFrom, pauses)
        : advanceWorking(calendar, countFrom, workingTimeBetween(calendar, countFrom, due), pauses);
  }
  return { due: new Date(due), paused };
}

/** Working dates in (from, to], counted. */
function workingDatesBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (calendar.hoursOn(day)) count++;
  return count;
}

/**
 * Working days left from now to due (whole working days remaining, counting today's remaining hours as part of today); negative when overdue, 0 on the due day.
 * Before the due: the working days after today up to and including the due's day. On the due's day: 0,
 * before or after the due time. After the due's day: minus the working days after the due's day up to and
 * including today, and at least -1 (an overdue case on a weekend is a day late, not on time).
 */
export function workingDaysLeft(calendar: WorkingCalendar, now: Date, due: Date): number {
  const today = localDateOf(now, calendar.timeZone);
  const dueDay = localDateOf(due, calendar.timeZone);
  if (today === dueDay) return 0;
  if (today < dueDay) return workingDatesBetween(calendar, today, dueDay);
  return -Math.max(1, workingDatesBetween(calendar, dueDay, today));
}

/** Whether the due has passed at `now` (a provisional due while paused counts: it was overdue before the pause). */
export function isOverdue(result: ClockResult, now: Date): boolean {
  return now.getTime() > result.due.getTime();
}

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A calendar for a fixed weekly schedule plus dated exceptions; used by loaders and tests.
 * `open` (an extra service day with its hours) wins over `closed` (a closure with its reason), which wins
 * over the weekly schedule (ISO weekdays, 1 Monday … 7 Sunday).
 * @throws RangeError for malformed hours or dates.
 */
export function fixedCalendar(opts: {
  timeZone: TimeZone;
  weekly: Partial<Record<Weekday, DayHours>>;
  closed?: Record<string, string>;
  open?: Record<string, DayHours>;
}): WorkingCalendar {
  const weekly = new Map<number, DayHours>();
  for (const [day, hours] of Object.entries(opts.weekly)) {
    if (!hours) continue;
    assertDayHours(hours);
    weekly.set(Number(day), { ...hours });
  }
  const open = new Map<string, DayHours>();
  for (const [date, hours] of Object.entries(opts.open ?? {})) {
    if (!DATE.test(date)) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
    assertDayHours(hours);
    open.set(date, { ...hours });
  }
  const closed = new Map<string, string>();
  for (const [date, reason] of Object.entries(opts.closed ?? {})) {
    if (!DATE.test(date)) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
    closed.set(date, reason);
  }
  return {
    timeZone: opts.timeZone,
    hoursOn(date) {
      const extra = open.get(date);
      if (extra) return extra;
      if (closed.has(date)) return null;
      return weekly.get(isoWeekday(date)) ?? null;
    },
    closedReason(date) {
      if (open.has(date)) return undefined;
      return closed.get(date);
    },
  };
}

/** Perpres 21/2023: Monday–Thursday 07:30–16:00, Friday 07:30–16:30 (37.5 h a week plus breaks). */
export const PERPRES_WEEK: Readonly<Partial<Record<Weekday, DayHours>>> = Object.freeze({
  1: { opens: '07:30', closes: '16:00' },
  2: { opens: '07:30', closes: '16:00' },
  3: { opens: '07:30', closes: '16:00' },
  4: { opens: '07:30', closes: '16:00' },
  5: { opens: '07:30', closes: '16:30' },
});
