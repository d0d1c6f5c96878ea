import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { refusal } from '../../../test/support/refusal.js';
import * as Svc from './calendar.service.js';
import { buildCalendarPlaces } from './calendar.test-support.js';
import { computeDue } from './clock.js';

eachDatabase('the working-day calendar', (db) => {
  let places: Awaited<ReturnType<typeof buildCalendarPlaces>>;
  const ctx = (actor = places.staff.platform): Svc.CalendarContext => ({ db: db().db, actor, now: () => new Date('2026-03-02T03:00:00Z') });
  const auditOf = async () =>
    (
      await sql<{ action: string; unitId: string | null; mallId: string | null }>`
        select action, unit_id, mall_id from audit.event where action like 'calendar.%' order by seq`.execute(db().db)
    ).rows;

  beforeEach(async () => {
    places = await buildCalendarPlaces(db().db);
  });

  describe('national days shipped by the migration', () => {
    it('holds 17 holidays and 11 cuti bersama in 2025 (with the amendment) and 17 and 8 in 2026, with their decrees', async () => {
      const count = async (year: number) => {
        const days = await Svc.listPublicNationalDays(db().db, year);
        return {
          holiday: days.filter((d) => d.kind === 'holiday').length,
          leave: days.filter((d) => d.kind === 'collective_leave').length,
        };
      };
      expect(await count(2025)).toEqual({ holiday: 17, leave: 11 });
      expect(await count(2026)).toEqual({ holiday: 17, leave: 8 });
      const days2025 = await Svc.listPublicNationalDays(db().db, 2025);
      expect(days2025.find((d) => d.date === '2025-08-18')).toMatchObject({
        kind: 'collective_leave',
        decree: expect.stringContaining('933/2025, 1/2025, 3/2025'),
      });
      expect(days2025.find((d) => d.date === '2025-01-01')?.decree).toContain('1017/2024, 2/2024, 2/2024');
      const days2026 = await Svc.listPublicNationalDays(db().db, 2026);
      expect(days2026.find((d) => d.date === '2026-03-19')).toMatchObject({
        kind: 'holiday',
        nameEn: 'Day of Silence (Nyepi), Saka New Year 1948',
      });
      expect(new Set(days2026.map((d) => d.decree))).toEqual(new Set(['SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)']));
    });
  });

  describe('changing national days', () => {
    const body = {
      date: '2027-01-01',
      kind: 'holiday',
      nameId: 'Tahun Baru 2027 Masehi',
      nameEn: "New Year's Day 2027",
      decree: 'SKB 1/2026',
    } as const;

    it('adds, changes at its version and withdraws with a reason, each audited, the row kept', async () => {
      const added = await Svc.addNationalDay(ctx(), body);
      expect(added).toMatchObject({ status: 'active', version: 1 });
      const changed = await Svc.changeNationalDay(ctx(), added.id, { ...body, decree: 'SKB 2/2026', version: 1 });
      expect(changed).toMatchObject({ decree: 'SKB 2/2026', version: 2 });
      const withdrawn = await Svc.withdrawNationalDay(ctx(), added.id, { version: 2, reason: 'Dicabut oleh SKB perubahan' });
      expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Dicabut oleh SKB perubahan', version: 3 });
      expect((await Svc.listNationalDaysForAdmin(ctx(), 2027)).map((d) => d.status)).toEqual(['withdrawn']);
      expect(await Svc.listPublicNationalDays(db().db, 2027)).toEqual([]);
      expect((await auditOf()).map((a) => a.action)).toEqual([
        'calendar.national-day.added',
        'calendar.national-day.changed',
        'calendar.national-day.withdrawn',
      ]);
      // The date is free again for a new day in force.
      expect(await Svc.addNationalDay(ctx(), body)).toMatchObject({ status: 'active' });
    });

    it('refuses a stale version with 409 and writes nothing', async () => {
      const added = await Svc.addNationalDay(ctx(), body);
      await Svc.changeNationalDay(ctx(), added.id, { ...body, nameEn: 'New Year 2027', version: 1 });
      expect(await refusal(Svc.changeNationalDay(ctx(), added.id, { ...body, decree: 'stale', version: 1 }))).toMatchObject({
        code: 'CALENDAR_NATIONAL_DAY_VERSION_CONFLICT',
        status: 409,
      });
      expect(await refusal(Svc.withdrawNationalDay(ctx(), added.id, { version: 1, reason: 'stale form' }))).toMatchObject({ status: 409 });
      expect(await Svc.getNationalDay(ctx(), added.id)).toMatchObject({ decree: 'SKB 1/2026', version: 2, status: 'active' });
      expect((await auditOf()).length).toBe(2);
    });

    it('keeps one day in force per date, and a withdrawn day is not changed again', async () => {
      expect(await refusal(Svc.addNationalDay(ctx(), { ...body, date: '2026-03-19' }))).toEqual({
        code: 'CALENDAR_NATIONAL_DAY_EXISTS',
        status: 409,
        fields: ['date'],
      });
      const added = await Svc.addNationalDay(ctx(), body);
      expect(await refusal(Svc.changeNationalDay(ctx(), added.id, { ...body, date: '2026-12-25', version: 1 }))).toMatchObject({
        code: 'CALENDAR_NATIONAL_DAY_EXISTS',
      });
      await Svc.withdrawNationalDay(ctx(), added.id, { version: 1, reason: 'Keliru' });
      expect(await refusal(Svc.changeNationalDay(ctx(), added.id, { ...body, version: 2 }))).toMatchObject({
        code: 'CALENDAR_NATIONAL_DAY_WITHDRAWN',
      });
    });

    it('is for platform admins only', async () => {
      expect(await refusal(Svc.addNationalDay(ctx(places.staff.dukcapil), body))).toMatchObject({
        code: 'CALENDAR_NATIONAL_DAY_NOT_FOUND',
      });
      expect(await refusal(Svc.listNationalDaysForAdmin(ctx(places.staff.mall), 2026))).toMatchObject({ status: 404 });
    });
  });

  describe("a unit's and a mall's own days", () => {
    it('sets a week, local closures and service days in scope, audited with the unit', async () => {
      await Svc.saveUnitSchedule(ctx(places.staff.adminduk), places.adminduk.id, {
        1: { opens: '08:00', closes: '15:00' },
        6: { opens: '08:00', closes: '12:00' },
      });
      const day = await Svc.setLocalDay(ctx(places.staff.dukcapil), 'unit', places.adminduk.id, {
        date: '2026-03-02',
        kind: 'closed',
        reason: 'Pemadaman listrik',
      });
      // Setting the same date again replaces it.
      await Svc.setLocalDay(ctx(places.staff.dukcapil), 'unit', places.adminduk.id, {
        date: '2026-03-02',
        kind: 'closed',
        reason: 'Banjir',
      });
      const calendar = await Svc.getUnitCalendar(ctx(places.staff.adminduk), places.adminduk.id);
      expect(calendar).toMatchObject({ isDefaultWeek: false, timeZone: 'Asia/Makassar', week: { 1: { opens: '08:00', closes: '15:00' } } });
      expect(calendar.localDays.map((d) => [d.date, d.reason])).toEqual([['2026-03-02', 'Banjir']]);
      await Svc.removeLocalDay(ctx(places.staff.adminduk), 'unit', places.adminduk.id, day.id);
      expect(await auditOf()).toEqual([
        { action: 'calendar.schedule.changed', unitId: places.adminduk.id, mallId: null },
        { action: 'calendar.local-day.set', unitId: places.adminduk.id, mallId: null },
        { action: 'calendar.local-day.set', unitId: places.adminduk.id, mallId: null },
        { action: 'calendar.local-day.removed', unitId: places.adminduk.id, mallId: null },
      ]);
      await Svc.saveUnitSchedule(ctx(places.staff.adminduk), places.adminduk.id, null);
      expect((await Svc.getUnitCalendar(ctx(places.staff.adminduk), places.adminduk.id)).isDefaultWeek).toBe(true);
    });

    it('refuses other tenants as unknown, and bad hours field by field', async () => {
      expect(await refusal(Svc.getUnitCalendar(ctx(places.staff.papua), places.adminduk.id))).toMatchObject({
        code: 'CALENDAR_PLACE_NOT_FOUND',
      });
      expect(
        await refusal(
          Svc.setLocalDay(ctx(places.staff.adminduk), 'mall', places.mall.id, { date: '2026-03-02', kind: 'closed', reason: 'x y' }),
        ),
      ).toMatchObject({ status: 404 });
      expect(
        await refusal(
          Svc.setLocalDay(ctx(places.staff.mall), 'mall', places.mall.id, {
            date: '2026-03-21',
            kind: 'open',
            opens: '12:00',
            closes: '08:00',
            reason: 'Layanan Lebaran',
          }),
        ),
      ).toEqual({ code: 'CALENDAR_HOURS_INVALID', status: 422, fields: ['closes'] });
      expect(
        await refusal(Svc.saveUnitSchedule(ctx(places.staff.adminduk), places.adminduk.id, { 2: { opens: '7', closes: '16:00' } })),
      ).toMatchObject({
        fields: ['opens2'],
      });
      expect(await refusal(Svc.saveUnitSchedule(ctx(places.staff.adminduk), places.adminduk.id, {}))).toMatchObject({ fields: ['week'] });
      expect(
        await refusal(Svc.removeLocalDay(ctx(places.staff.mall), 'mall', places.mall.id, '00000000-0000-4000-8000-000000000000')),
      ).toMatchObject({
        code: 'CALENDAR_LOCAL_DAY_NOT_FOUND',
      });
      expect(await auditOf()).toEqual([]);
    });
  });

  describe('loadWorkingCalendar', () => {
    it('gives a unit the Perpres week in its province time zone, minus national days', async () => {
      const bali = await Svc.loadWorkingCalendar(db().db, { serviceUnitId: places.adminduk.id });
      expect(bali.timeZone).toBe('Asia/Makassar');
      expect(bali.hoursOn('2026-03-17')).toEqual({ opens: '07:30', closes: '16:00' });
      expect(bali.hoursOn('2026-03-27')).toEqual({ opens: '07:30', closes: '16:30' });
      expect(bali.hoursOn('2026-03-28')).toBeNull();
      expect(bali.hoursOn('2026-03-19')).toBeNull();
      expect(bali.closedReason?.('2026-03-19')).toBe('Hari Suci Nyepi Tahun Baru Saka 1948');
      expect(bali.closedReason?.('2026-03-28')).toBeUndefined();
      expect(bali.hoursOn('2025-08-18')).toBeNull();
      expect((await Svc.loadWorkingCalendar(db().db, { serviceUnitId: places.jayapura.id })).timeZone).toBe('Asia/Jayapura');
      // The module's example: 5 working days from Tue 17 Mar 2026 10:00 WITA end Tue 31 Mar at closing.
      expect(
        computeDue({ start: new Date('2026-03-17T10:00+08:00'), limit: { value: 5, unit: 'working_days' }, calendar: bali }, new Date())
          .due,
      ).toEqual(new Date('2026-03-31T16:00+08:00'));
    });

    it("honours the unit's week, its local closures and its service days over national days", async () => {
      const admin = ctx(places.staff.adminduk);
      await Svc.saveUnitSchedule(admin, places.adminduk.id, {
        1: { opens: '08:00', closes: '14:00' },
        6: { opens: '09:00', closes: '12:00' },
      });
      await Svc.setLocalDay(admin, 'unit', places.adminduk.id, { date: '2026-03-30', kind: 'closed', reason: 'Perbaikan jaringan' });
      await Svc.setLocalDay(admin, 'unit', places.adminduk.id, {
        date: '2026-03-23',
        kind: 'open',
        opens: '08:00',
        closes: '12:00',
        reason: 'Layanan arus balik',
      });
      const calendar = await Svc.loadWorkingCalendar(db().db, { serviceUnitId: places.adminduk.id });
      expect(calendar.hoursOn('2026-03-16')).toEqual({ opens: '08:00', closes: '14:00' });
      expect(calendar.hoursOn('2026-03-17')).toBeNull();
      expect(calendar.hoursOn('2026-03-28')).toEqual({ opens: '09:00', closes: '12:00' });
      expect(calendar.hoursOn('2026-03-21')).toBeNull(); // Idulfitri on a Saturday
      expect(calendar.hoursOn('2026-03-23')).toEqual({ opens: '08:00', closes: '12:00' });
      expect(calendar.hoursOn('2026-03-30')).toBeNull();
      expect(calendar.closedReason?.('2026-03-30')).toBe('Perbaikan jaringan');
    });

    it("at a mall uses the mall's hours and days, its exceptions, national days unless it declared a service day, and the unit's closures", async () => {
      const manager = ctx(places.staff.mall);
      await Svc.setLocalDay(manager, 'mall', places.mall.id, {
        date: '2026-03-24',
        kind: 'open',
        opens: '08:00',
        closes: '12:00',
        reason: 'Layanan cuti bersama',
      });
      await sql`insert into organizations.mall_hours_exception (mall_id, date, opens_at, closes_at, reason)
        values (${places.mall.id}::uuid, '2026-04-04', null, null, 'Perawatan gedung')`.execute(db().db);
      await Svc.setLocalDay(ctx(places.staff.adminduk), 'unit', places.adminduk.id, {
        date: '2026-04-06',
        kind: 'closed',
        reason: 'Rapat kerja',
      });
      const calendar = await Svc.loadWorkingCalendar(db().db, { serviceUnitId: places.adminduk.id, mallId: places.mall.id });
      expect(calendar.timeZone).toBe('Asia/Makassar');
      expect(calendar.hoursOn('2026-03-16')).toEqual({ opens: '08:00', closes: '15:00' });
      expect(calendar.hoursOn('2026-03-28')).toEqual({ opens: '08:00', closes: '12:00' }); // Saturday
      expect(calendar.hoursOn('2026-03-23')).toBeNull(); // cuti bersama
      expect(calendar.hoursOn('2026-03-24')).toEqual({ opens: '08:00', closes: '12:00' });
      expect(calendar.hoursOn('2026-04-04')).toBeNull();
      expect(calendar.closedReason?.('2026-04-04')).toBe('Perawatan gedung');
      expect(calendar.hoursOn('2026-04-06')).toBeNull();
      // 1 working day from Friday 27 Mar at the mall is Saturday 28 Mar at noon.
      expect(
        computeDue({ start: new Date('2026-03-27T10:00+08:00'), limit: { value: 1, unit: 'working_days' }, calendar }, new Date()).due,
      ).toEqual(new Date('2026-03-28T12:00+08:00'));
    });

    it('follows a withdrawn national day and refuses unknown places', async () => {
      const [nyepi] = (await Svc.listPublicNationalDays(db().db, 2026)).filter((d) => d.date === '2026-03-19');
      await Svc.withdrawNationalDay(ctx(), nyepi!.id, { version: 1, reason: 'Uji penarikan' });
      const calendar = await Svc.loadWorkingCalendar(db().db, { serviceUnitId: places.adminduk.id });
      expect(calendar.hoursOn('2026-03-19')).toEqual({ opens: '07:30', closes: '16:00' });
      expect(await refusal(Svc.loadWorkingCalendar(db().db, { serviceUnitId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
        code: 'CALENDAR_PLACE_NOT_FOUND',
      });
      expect(
        await refusal(
          Svc.loadWorkingCalendar(db().db, { serviceUnitId: places.adminduk.id, mallId: '00000000-0000-4000-8000-000000000000' }),
        ),
      ).toMatchObject({ code: 'CALENDAR_PLACE_NOT_FOUND' });
    });

    it('lists a unit’s days with hours and reasons', async () => {
      const { days, timeZone } = await Svc.workingDaysOfUnit(db().db, places.adminduk.id, '2026-03-18', '2026-03-20');
      expect(timeZone).toBe('Asia/Makassar');
      expect(days).toEqual([
        { date: '2026-03-18', weekday: 3, working: false, opens: null, closes: null, closedReason: 'Cuti bersama Hari Suci Nyepi' },
        { date: '2026-03-19', weekday: 4, working: false, opens: null, closes: null, closedReason: 'Hari Suci Nyepi Tahun Baru Saka 1948' },
        { date: '2026-03-20', weekday: 5, working: false, opens: null, closes: null, closedReason: 'Cuti bersama Idulfitri 1447 H' },
      ]);
    });
  });
});
