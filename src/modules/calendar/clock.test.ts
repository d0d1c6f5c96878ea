import { describe, expect, it } from 'vitest';
import {
  addDays,
  computeDue,
  fixedCalendar,
  instantAt,
  isOverdue,
  isoWeekday,
  localDateOf,
  PERPRES_WEEK,
  workingDaysLeft,
  type ClockInput,
  type TimeZone,
  type WorkingCalendar,
} from './clock.js';

// National days around the cases below (domain.md §11.2, §11.3).
const NATIONAL_2026: Record<string, string> = {
  '2026-02-16': 'Cuti bersama Imlek',
  '2026-02-17': 'Tahun Baru Imlek 2577',
  '2026-03-18': 'Cuti bersama Nyepi',
  '2026-03-19': 'Hari Suci Nyepi (Saka 1948)',
  '2026-03-20': 'Cuti bersama Idulfitri',
  '2026-03-21': 'Idulfitri 1447 H',
  '2026-03-22': 'Idulfitri 1447 H',
  '2026-03-23': 'Cuti bersama Idulfitri',
  '2026-03-24': 'Cuti bersama Idulfitri',
  '2026-04-03': 'Wafat Yesus Kristus',
  '2026-04-05': 'Kebangkitan Yesus Kristus (Paskah)',
};
const NATIONAL_2025_ORIGINAL: Record<string, string> = { '2025-08-17': 'Hari Kemerdekaan' };
const NATIONAL_2025_AMENDED: Record<string, string> = { ...NATIONAL_2025_ORIGINAL, '2025-08-18': 'Cuti bersama HUT RI ke-80' };

const unit = (timeZone: TimeZone = 'Asia/Jakarta', closed = NATIONAL_2026) => fixedCalendar({ timeZone, weekly: PERPRES_WEEK, closed });
/** A mall open Monday–Friday 08:00–15:00 and Saturday 08:00–12:00. */
const saturdayMall = fixedCalendar({
  timeZone: 'Asia/Makassar',
  weekly: {
    1: { opens: '08:00', closes: '15:00' },
    2: { opens: '08:00', closes: '15:00' },
    3: { opens: '08:00', closes: '15:00' },
    4: { opens: '08:00', closes: '15:00' },
    5: { opens: '08:00', closes: '15:00' },
    6: { opens: '08:00', closes: '12:00' },
  },
  closed: NATIONAL_2026,
});

const NOW = new Date('2026-01-01T00:00:00Z');
const due = (input: ClockInput, now = NOW) => computeDue(input, now).due.toISOString();
const iso = (local: string) => new Date(local).toISOString();

describe('time-zone arithmetic', () => {
  it('reads local dates and builds local instants at the fixed offsets of WIB, WITA and WIT', () => {
    const instant = new Date('2026-03-16T16:30:00Z');
    expect(localDateOf(instant, 'Asia/Jakarta')).toBe('2026-03-16');
    expect(localDateOf(instant, 'Asia/Makassar')).toBe('2026-03-17');
    expect(localDateOf(instant, 'Asia/Jayapura')).toBe('2026-03-17');
    expect(instantAt('2026-03-17', '07:30', 'Asia/Jakarta').toISOString()).toBe('2026-03-17T00:30:00.000Z');
    expect(instantAt('2026-03-17', '07:30', 'Asia/Makassar').toISOString()).toBe('2026-03-16T23:30:00.000Z');
    expect(instantAt('2026-03-17', '07:30', 'Asia/Jayapura').toISOString()).toBe('2026-03-16T22:30:00.000Z');
  });

  it('agrees with the platform time-zone database on every zone (Indonesia keeps no daylight saving)', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const) {
      for (const date of ['2025-01-01', '2025-08-18', '2026-03-21', '2026-12-31']) {
        const noon = instantAt(date, '12:00', zone);
        const wall = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(
          noon,
        );
        expect(wall).toBe(`${date}, 12:00`);
      }
    }
  });

  it('walks dates across month and year ends and names ISO weekdays', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-03-17')).toBe(2);
    expect(isoWeekday('2026-03-22')).toBe(7);
    expect(isoWeekday('2026-03-23')).toBe(1);
  });
});

describe('working-day limits', () => {
  it('skips Nyepi, Idulfitri and their cuti bersama: 5 working days from Tue 17 Mar 2026 10:00 WITA end Tue 31 Mar at closing', () => {
    // Not counted: Tue 17 (day of receipt), 18–24 Mar closed. Counted: 25, 26, 27, 30, 31 Mar.
    const start = new Date('2026-03-17T10:00+08:00');
    expect(due({ start, limit: { value: 5, unit: 'working_days' }, calendar: unit('Asia/Makassar') })).toBe(iso('2026-03-31T16:00+08:00'));
    expect(due({ start, limit: { value: 6, unit: 'working_days' }, calendar: unit('Asia/Makassar') })).toBe(iso('2026-04-01T16:00+08:00'));
    // Good Friday 3 Apr is skipped too: the 8th working day is Mon 6 Apr.
    expect(due({ start, limit: { value: 8, unit: 'working_days' }, calendar: unit('Asia/Makassar') })).toBe(iso('2026-04-06T16:00+08:00'));
  });

  it('without the holidays the same start ends the next Tuesday', () => {
    const plain = fixedCalendar({ timeZone: 'Asia/Makassar', weekly: PERPRES_WEEK });
    expect(due({ start: new Date('2026-03-17T10:00+08:00'), limit: { value: 5, unit: 'working_days' }, calendar: plain })).toBe(
      iso('2026-03-24T16:00+08:00'),
    );
  });

  it('skips the weekend and ends at the longer Friday closing when the last day is a Friday', () => {
    const calendar = unit();
    expect(due({ start: new Date('2026-02-06T10:00+07:00'), limit: { value: 1, unit: 'working_days' }, calendar })).toBe(
      iso('2026-02-09T16:00+07:00'),
    );
    expect(due({ start: new Date('2026-02-02T10:00+07:00'), limit: { value: 4, unit: 'working_days' }, calendar })).toBe(
      iso('2026-02-06T16:30+07:00'),
    );
    // Imlek: cuti bersama Mon 16 Feb and the holiday Tue 17 Feb.
    expect(due({ start: new Date('2026-02-13T10:00+07:00'), limit: { value: 1, unit: 'working_days' }, calendar })).toBe(
      iso('2026-02-18T16:00+07:00'),
    );
  });

  it('counts Saturdays for a mall open on Saturday, to its Saturday closing', () => {
    expect(due({ start: new Date('2026-02-06T10:00+08:00'), limit: { value: 1, unit: 'working_days' }, calendar: saturdayMall })).toBe(
      iso('2026-02-07T12:00+08:00'),
    );
    expect(due({ start: new Date('2026-02-06T10:00+08:00'), limit: { value: 2, unit: 'working_days' }, calendar: saturdayMall })).toBe(
      iso('2026-02-09T15:00+08:00'),
    );
  });

  it('gives WIB, WITA and WIT units different instants for the same local rule, an hour apart', () => {
    const limit = { value: 3, unit: 'working_days' } as const;
    const local = (zone: TimeZone) =>
      due({ start: instantAt('2026-02-02', '10:00', zone), limit, calendar: fixedCalendar({ timeZone: zone, weekly: PERPRES_WEEK }) });
    expect(local('Asia/Jakarta')).toBe('2026-02-05T09:00:00.000Z');
    expect(local('Asia/Makassar')).toBe('2026-02-05T08:00:00.000Z');
    expect(local('Asia/Jayapura')).toBe('2026-02-05T07:00:00.000Z');
  });

  it('a start on a holiday is received at the next opening, and that day is not counted', () => {
    // Nyepi Thu 19 Mar: received Wed 25 Mar; one working day ends Thu 26 Mar.
    expect(
      due({ start: new Date('2026-03-19T10:00+08:00'), limit: { value: 1, unit: 'working_days' }, calendar: unit('Asia/Makassar') }),
    ).toBe(iso('2026-03-26T16:00+08:00'));
    // A Sunday start is received on Monday: one working day ends on Tuesday.
    expect(due({ start: new Date('2026-02-08T09:00+07:00'), limit: { value: 1, unit: 'working_days' }, calendar: unit() })).toBe(
      iso('2026-02-10T16:00+07:00'),
    );
  });

  it('a start after closing is received the next working day; a start before opening the same day', () => {
    const calendar = unit();
    const limit = { value: 1, unit: 'working_days' } as const;
    expect(due({ start: new Date('2026-02-02T16:00+07:00'), limit, calendar })).toBe(iso('2026-02-04T16:00+07:00'));
    expect(due({ start: new Date('2026-02-02T23:59+07:00'), limit, calendar })).toBe(iso('2026-02-04T16:00+07:00'));
    expect(due({ start: new Date('2026-02-02T15:59+07:00'), limit, calendar })).toBe(iso('2026-02-03T16:00+07:00'));
    expect(due({ start: new Date('2026-02-02T06:00+07:00'), limit, calendar })).toBe(iso('2026-02-03T16:00+07:00'));
    // 16:45 UTC is Fri 23:45 WIB: after closing, received on Monday.
    expect(due({ start: new Date('2026-02-06T16:45:00Z'), limit, calendar })).toBe(iso('2026-02-10T16:00+07:00'));
  });

  it('0 working days ends at the close of the day of receipt', () => {
    const calendar = unit();
    const limit = { value: 0, unit: 'working_days' } as const;
    expect(due({ start: new Date('2026-02-02T10:00+07:00'), limit, calendar })).toBe(iso('2026-02-02T16:00+07:00'));
    expect(due({ start: new Date('2026-02-02T17:00+07:00'), limit, calendar })).toBe(iso('2026-02-03T16:00+07:00'));
  });

  it('the amending SKB of 7 Aug 2025 moves a deadline: Mon 18 Aug 2025 became cuti bersama', () => {
    const start = new Date('2025-08-15T10:00+07:00');
    const limit = { value: 1, unit: 'working_days' } as const;
    const before = fixedCalendar({ timeZone: 'Asia/Jakarta', weekly: PERPRES_WEEK, closed: NATIONAL_2025_ORIGINAL });
    const after = fixedCalendar({ timeZone: 'Asia/Jakarta', weekly: PERPRES_WEEK, closed: NATIONAL_2025_AMENDED });
    expect(due({ start, limit, calendar: before })).toBe(iso('2025-08-18T16:00+07:00'));
    expect(due({ start, limit, calendar: after })).toBe(iso('2025-08-19T16:00+07:00'));
  });
});

describe('hour and minute limits', () => {
  it('count only service hours, across closing time and a weekend', () => {
    const calendar = unit();
    // Fri 15:00 → 16:30 is 1.5 h; the remaining 1.5 h run from Mon 07:30.
    expect(due({ start: new Date('2026-02-06T15:00+07:00'), limit: { value: 3, unit: 'hours' }, calendar })).toBe(
      iso('2026-02-09T09:00+07:00'),
    );
    // Exactly to closing stays at closing, not the next opening.
    expect(due({ start: new Date('2026-02-06T15:00+07:00'), limit: { value: 1.5, unit: 'hours' }, calendar })).toBe(
      iso('2026-02-06T16:30+07:00'),
    );
    expect(due({ start: new Date('2026-02-02T15:50+07:00'), limit: { value: 30, unit: 'minutes' }, calendar })).toBe(
      iso('2026-02-03T07:50+07:00'),
    );
  });

  it('start counting at the opening when started before it, after closing or on a closed day', () => {
    const calendar = unit();
    expect(due({ start: new Date('2026-02-02T05:00+07:00'), limit: { value: 2, unit: 'hours' }, calendar })).toBe(
      iso('2026-02-02T09:30+07:00'),
    );
    expect(due({ start: new Date('2026-02-02T20:00+07:00'), limit: { value: 2, unit: 'hours' }, calendar })).toBe(
      iso('2026-02-03T09:30+07:00'),
    );
    // Mon 16 and Tue 17 Feb are closed for Imlek.
    expect(due({ start: new Date('2026-02-14T10:00+07:00'), limit: { value: 2, unit: 'hours' }, calendar })).toBe(
      iso('2026-02-18T09:30+07:00'),
    );
  });

  it('run over a long closure: 24 service hours from Tue 17 Mar 2026 14:00 WITA', () => {
    // Tue 2 h, then Wed 25 8.5 h, Thu 26 8.5 h, Fri 27 5 h of 9 h.
    expect(due({ start: new Date('2026-03-17T14:00+08:00'), limit: { value: 24, unit: 'hours' }, calendar: unit('Asia/Makassar') })).toBe(
      iso('2026-03-27T12:30+08:00'),
    );
  });
});

describe('calendar-day limits', () => {
  it('ignore the calendar and end at the end of the Nth calendar day, local time', () => {
    const start = new Date('2026-03-17T10:00+08:00');
    expect(due({ start, limit: { value: 14, unit: 'calendar_days' }, calendar: unit('Asia/Makassar') })).toBe(
      iso('2026-03-31T23:59:59.999+08:00'),
    );
    expect(due({ start, limit: { value: 0, unit: 'calendar_days' }, calendar: unit('Asia/Makassar') })).toBe(
      iso('2026-03-17T23:59:59.999+08:00'),
    );
    // 23:30 WIB on 16 Mar is the 17th in WIT: the day is the unit's.
    const late = new Date('2026-03-16T16:30:00Z');
    expect(due({ start: late, limit: { value: 1, unit: 'calendar_days' }, calendar: unit('Asia/Jakarta') })).toBe(
      iso('2026-03-17T23:59:59.999+07:00'),
    );
    expect(due({ start: late, limit: { value: 1, unit: 'calendar_days' }, calendar: unit('Asia/Jayapura') })).toBe(
      iso('2026-03-18T23:59:59.999+09:00'),
    );
  });

  it('a pause adds the elapsed time it covered', () => {
    const start = new Date('2026-03-01T10:00+07:00');
    const pauses = [{ from: new Date('2026-03-05T12:00+07:00'), to: new Date('2026-03-07T12:00+07:00') }];
    expect(due({ start, limit: { value: 10, unit: 'calendar_days' }, calendar: unit(), pauses })).toBe(
      iso('2026-03-13T23:59:59.999+07:00'),
    );
  });
});

describe('pauses', () => {
  const calendar = unit();
  const start = new Date('2026-02-02T10:00+07:00'); // Monday; 5 working days end Mon 9 Feb 16:00.
  const limit = { value: 5, unit: 'working_days' } as const;

  it('a closed pause over a whole working day moves the due by one working day', () => {
    const pauses = [{ from: new Date('2026-02-04T07:30+07:00'), to: new Date('2026-02-05T07:30+07:00') }];
    expect(computeDue({ start, limit, calendar, pauses }, NOW)).toEqual({ due: new Date('2026-02-10T16:00+07:00'), paused: false });
  });

  it('a pause within a day moves the due by the service time it covered, into the next day', () => {
    const pauses = [{ from: new Date('2026-02-04T10:00+07:00'), to: new Date('2026-02-04T12:00+07:00') }];
    expect(due({ start, limit, calendar, pauses })).toBe(iso('2026-02-10T09:30+07:00'));
  });

  it('counts only service hours of a pause: a pause from Friday evening to Monday morning covers none', () => {
    const pauses = [{ from: new Date('2026-02-06T17:00+07:00'), to: new Date('2026-02-09T07:00+07:00') }];
    expect(due({ start, limit, calendar, pauses })).toBe(iso('2026-02-09T16:00+07:00'));
  });

  it('ignores pauses before counting starts (the day of receipt is not counted) and counts overlapping pauses once', () => {
    expect(
      due({ start, limit, calendar, pauses: [{ from: new Date('2026-02-01T10:00+07:00'), to: new Date('2026-02-02T15:00+07:00') }] }),
    ).toBe(iso('2026-02-09T16:00+07:00'));
    const overlapping = [
      { from: new Date('2026-02-04T10:00+07:00'), to: new Date('2026-02-04T12:00+07:00') },
      { from: new Date('2026-02-04T11:00+07:00'), to: new Date('2026-02-04T12:00+07:00') },
      { from: new Date('2026-02-04T13:00+07:00'), to: new Date('2026-02-04T12:00+07:00') }, // inverted: ignored
    ];
    expect(due({ start, limit, calendar, pauses: overlapping })).toBe(iso('2026-02-10T09:30+07:00'));
  });

  it('an open pause gives a provisional due as if it ended now, and reports the clock paused', () => {
    const pauses = [{ from: new Date('2026-02-04T10:00+07:00'), to: null }];
    const now = new Date('2026-02-04T14:00+07:00');
    expect(computeDue({ start, limit, calendar, pauses }, now)).toEqual({ due: new Date('2026-02-10T11:30+07:00'), paused: true });
    // A day later the provisional due has moved by a working day.
    expect(computeDue({ start, limit, calendar, pauses }, new Date('2026-02-05T14:00+07:00')).due).toEqual(
      new Date('2026-02-11T11:30+07:00'),
    );
    // Asked before the pause began, the pause covers nothing yet.
    expect(computeDue({ start, limit, calendar, pauses }, new Date('2026-02-03T10:00+07:00'))).toEqual({
      due: new Date('2026-02-09T16:00+07:00'),
      paused: true,
    });
  });

  it('a pause after the due changes nothing', () => {
    const pauses = [{ from: new Date('2026-02-10T10:00+07:00'), to: new Date('2026-02-11T10:00+07:00') }];
    expect(due({ start, limit, calendar, pauses })).toBe(iso('2026-02-09T16:00+07:00'));
  });

  it('pauses an hour limit for the service time they cover', () => {
    const pauses = [{ from: new Date('2026-02-02T11:00+07:00'), to: new Date('2026-02-02T12:00+07:00') }];
    expect(due({ start, limit: { value: 3, unit: 'hours' }, calendar, pauses })).toBe(iso('2026-02-02T14:00+07:00'));
    // Started inside a pause, counting waits for its end.
    const open = [{ from: new Date('2026-02-02T09:00+07:00'), to: null }];
    expect(
      computeDue({ start, limit: { value: 1, unit: 'hours' }, calendar, pauses: open }, new Date('2026-02-02T12:00+07:00')).due,
    ).toEqual(new Date('2026-02-02T13:00+07:00'));
  });
});

describe('extensions', () => {
  const calendar = unit();
  const start = new Date('2026-02-02T10:00+07:00');

  it('add working days after the due, over holidays', () => {
    // 5 working days end Mon 9 Feb; 3 more skip Imlek (16, 17 Feb): Tue 10, Wed 11, Thu 12 Feb.
    const input = { start, limit: { value: 5, unit: 'working_days' }, calendar, extensions: [{ value: 3, unit: 'working_days' }] } as const;
    expect(due(input)).toBe(iso('2026-02-12T16:00+07:00'));
    expect(due({ ...input, extensions: [{ value: 5, unit: 'working_days' }] })).toBe(iso('2026-02-18T16:00+07:00'));
    expect(due({ ...input, limit: { value: 10, unit: 'working_days' }, extensions: [] })).toBe(iso('2026-02-18T16:00+07:00'));
  });

  it('mix units one after another, and combine with pauses', () => {
    const limit = { value: 5, unit: 'working_days' } as const;
    expect(due({ start, limit, calendar, extensions: [{ value: 2, unit: 'hours' }] })).toBe(iso('2026-02-10T09:30+07:00'));
    expect(due({ start, limit, calendar, extensions: [{ value: 2, unit: 'calendar_days' }] })).toBe(iso('2026-02-11T23:59:59.999+07:00'));
    expect(
      due({
        start,
        limit,
        calendar,
        extensions: [
          { value: 0, unit: 'working_days' },
          { value: 0, unit: 'calendar_days' },
        ],
      }),
    ).toBe(iso('2026-02-09T16:00+07:00'));
    const pauses = [{ from: new Date('2026-02-04T07:30+07:00'), to: new Date('2026-02-05T07:30+07:00') }];
    expect(due({ start, limit, calendar, pauses, extensions: [{ value: 1, unit: 'working_days' }] })).toBe(iso('2026-02-11T16:00+07:00'));
  });
});

describe('refusals', () => {
  const calendar = unit();
  const start = new Date('2026-02-02T10:00+07:00');

  it('refuses negative, non-finite and fractional-day limits', () => {
    for (const limit of [
      { value: -1, unit: 'hours' },
      { value: Number.NaN, unit: 'minutes' },
      { value: 1.5, unit: 'working_days' },
      { value: Infinity, unit: 'calendar_days' },
    ] as const) {
      expect(() => computeDue({ start, limit, calendar }, NOW)).toThrow(RangeError);
    }
    expect(() =>
      computeDue({ start, limit: { value: 1, unit: 'hours' }, calendar, extensions: [{ value: -2, unit: 'hours' }] }, NOW),
    ).toThrow(RangeError);
  });

  it('refuses a calendar with no working day instead of looping', () => {
    const never = fixedCalendar({ timeZone: 'Asia/Jakarta', weekly: {} });
    expect(() => computeDue({ start, limit: { value: 1, unit: 'working_days' }, calendar: never }, NOW)).toThrow(/no working day/);
    expect(() => computeDue({ start, limit: { value: 1, unit: 'hours' }, calendar: never }, NOW)).toThrow(/no working day/);
  });
});

describe('workingDaysLeft and isOverdue', () => {
  const calendar = unit('Asia/Makassar');
  const dueAt = new Date('2026-03-31T16:00+08:00');

  it('counts the working days after today up to the due day, with 0 on the due day', () => {
    expect(workingDaysLeft(calendar, new Date('2026-03-17T10:00+08:00'), dueAt)).toBe(5);
    expect(workingDaysLeft(calendar, new Date('2026-03-21T10:00+08:00'), dueAt)).toBe(5);
    expect(workingDaysLeft(calendar, new Date('2026-03-27T15:00+08:00'), dueAt)).toBe(2);
    expect(workingDaysLeft(calendar, new Date('2026-03-30T23:00+08:00'), dueAt)).toBe(1);
    expect(workingDaysLeft(calendar, new Date('2026-03-31T08:00+08:00'), dueAt)).toBe(0);
    expect(workingDaysLeft(calendar, new Date('2026-03-31T17:00+08:00'), dueAt)).toBe(0);
  });

  it('is negative after the due day, at least -1 even on a closed day', () => {
    expect(workingDaysLeft(calendar, new Date('2026-04-01T08:00+08:00'), dueAt)).toBe(-1);
    expect(workingDaysLeft(calendar, new Date('2026-04-02T08:00+08:00'), dueAt)).toBe(-2);
    expect(workingDaysLeft(calendar, new Date('2026-04-05T08:00+08:00'), dueAt)).toBe(-2); // Good Friday and the weekend
    const fridayDue = new Date('2026-02-06T16:30+08:00');
    expect(workingDaysLeft(calendar, new Date('2026-02-07T09:00+08:00'), fridayDue)).toBe(-1);
  });

  it('reads dates in the calendar zone', () => {
    // 23:30 WIB on Mon 30 Mar is already Tue 31 Mar in WITA: the due day.
    expect(workingDaysLeft(calendar, new Date('2026-03-30T16:30:00Z'), dueAt)).toBe(0);
  });

  it('isOverdue once now is past the due, paused or not', () => {
    expect(isOverdue({ due: dueAt, paused: false }, new Date('2026-03-31T16:00+08:00'))).toBe(false);
    expect(isOverdue({ due: dueAt, paused: false }, new Date('2026-03-31T16:00:01+08:00'))).toBe(true);
    expect(isOverdue({ due: dueAt, paused: true }, new Date('2026-04-01T08:00+08:00'))).toBe(true);
  });
});

describe('fixedCalendar', () => {
  const calendar: WorkingCalendar = fixedCalendar({
    timeZone: 'Asia/Jakarta',
    weekly: PERPRES_WEEK,
    closed: { '2026-03-19': 'Hari Suci Nyepi', '2026-02-11': 'Banjir' },
    open: { '2026-03-19': { opens: '08:00', closes: '12:00' }, '2026-02-07': { opens: '09:00', closes: '13:00' } },
  });

  it('applies open days over closed days over the weekly schedule', () => {
    expect(calendar.hoursOn('2026-02-09')).toEqual({ opens: '07:30', closes: '16:00' });
    expect(calendar.hoursOn('2026-02-13')).toEqual({ opens: '07:30', closes: '16:30' });
    expect(calendar.hoursOn('2026-02-08')).toBeNull();
    expect(calendar.hoursOn('2026-02-07')).toEqual({ opens: '09:00', closes: '13:00' });
    expect(calendar.hoursOn('2026-02-11')).toBeNull();
    expect(calendar.hoursOn('2026-03-19')).toEqual({ opens: '08:00', closes: '12:00' });
  });

  it('names the reason of a closure, not of a weekend or an open day', () => {
    expect(calendar.closedReason?.('2026-02-11')).toBe('Banjir');
    expect(calendar.closedReason?.('2026-02-08')).toBeUndefined();
    expect(calendar.closedReason?.('2026-03-19')).toBeUndefined();
  });

  it('refuses malformed hours and dates', () => {
    expect(() => fixedCalendar({ timeZone: 'Asia/Jakarta', weekly: { 1: { opens: '16:00', closes: '08:00' } } })).toThrow(RangeError);
    expect(() => fixedCalendar({ timeZone: 'Asia/Jakarta', weekly: { 1: { opens: '7:30', closes: '16:00' } } })).toThrow(RangeError);
    expect(() => fixedCalendar({ timeZone: 'Asia/Jakarta', weekly: {}, closed: { '19-03-2026': 'x' } })).toThrow(RangeError);
    expect(() =>
      fixedCalendar({ timeZone: 'Asia/Jakarta', weekly: {}, open: { '2026-3-19': { opens: '08:00', closes: '12:00' } } }),
    ).toThrow(RangeError);
  });
});
