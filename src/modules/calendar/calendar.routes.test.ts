import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  collectCookies,
  cookieHeader,
  expectErrorPage,
  expectFormWithErrors,
  getPage,
  postForm,
} from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import * as Svc from './calendar.service.js';
import { buildCalendarPlaces } from './calendar.test-support.js';

type Response = Awaited<ReturnType<App['inject']>>;

eachDatabase('calendar pages and API', (db) => {
  const actors: Record<string, Actor> = {};
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  const as = (who: string) => ({ 'x-test-actor': who });
  let app: App;
  let places: Awaited<ReturnType<typeof buildCalendarPlaces>>;

  beforeEach(async () => {
    places = await buildCalendarPlaces(db().db);
    Object.assign(actors, places.staff);
    app = await buildTestApp(db(), {}, { resolveActor });
  });
  afterEach(async () => {
    await app?.close();
  });

  const page = (url: string, who = 'platform') => app.inject({ url, headers: { ...as(who), accept: 'text/html' } });
  const nationalCount = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from calendar.national_day`.execute(db().db)).rows[0]!.n;
  const localCount = async () => (await sql<{ n: number }>`select count(*)::int as n from calendar.local_day`.execute(db().db)).rows[0]!.n;

  async function submit(formUrl: string, action: string, values: Record<string, string>, who = 'platform', lang?: 'en'): Promise<Response> {
    const headers = { ...as(who), ...(lang ? { 'accept-language': 'en' } : {}) };
    const form = await getPage(app, formUrl, { headers });
    expect(form.response.statusCode).toBe(200);
    return postForm(app, action, { _csrf: form.token, ...values }, { cookies: form.cookies, headers });
  }
  async function follow(response: Response, who = 'platform'): Promise<Response> {
    expect(response.statusCode).toBe(303);
    const cookie = cookieHeader(collectCookies(response));
    return app.inject({ url: response.headers.location!, headers: { ...as(who), accept: 'text/html', cookie } });
  }

  describe('public', () => {
    it('lists the 2026 holidays and cuti bersama without signing in, in either language', async () => {
      const id = await page('/kalender?tahun=2026', 'nobody');
      expect(id.statusCode).toBe(200);
      expect(id.body).toContain('Hari libur nasional dan cuti bersama 2026');
      expect(id.body).toContain('Hari Suci Nyepi Tahun Baru Saka 1948');
      expect(id.body).toContain('SKB 1497/2025, 2/2025, 5/2025');
      expect(id.body).not.toContain('<script');
      const en = await page('/kalender?tahun=2025&lang=en', 'nobody');
      expect(en.body).toContain('National holidays and collective leave 2025');
      expect(en.body).toContain('Collective leave for the 80th Independence Day');
      // A year that cannot be read falls back to this year rather than failing.
      expect((await page('/kalender?tahun=abc', 'nobody')).statusCode).toBe(200);
    });

    it('answers national days and a unit’s working days as JSON', async () => {
      const days = await app.inject({ url: '/api/v1/calendar/national-days?year=2026' });
      expect(days.statusCode).toBe(200);
      const body = days.json<{ year: number; days: { date: string; kind: string }[] }>();
      expect(body.days).toHaveLength(25);
      expect(body.days[0]).toEqual({
        date: '2026-01-01',
        kind: 'holiday',
        nameId: 'Tahun Baru 2026 Masehi',
        nameEn: "New Year's Day 2026",
        decree: 'SKB 1497/2025, 2/2025, 5/2025 (Menag, Menaker, MenPANRB)',
      });
      const working = await app.inject({ url: `/api/v1/calendar/units/${places.adminduk.id}/working-days?from=2026-03-17&to=2026-03-25` });
      expect(working.statusCode).toBe(200);
      const w = working.json<{ timeZone: string; days: { date: string; working: boolean; opens: string | null }[] }>();
      expect(w.timeZone).toBe('Asia/Makassar');
      expect(w.days.filter((d) => d.working).map((d) => d.date)).toEqual(['2026-03-17', '2026-03-25']);
    });

    it('refuses bad API input with field errors in the request’s language', async () => {
      const missing = await app.inject({ url: '/api/v1/calendar/national-days', headers: { 'accept-language': 'en' } });
      expect(missing.statusCode).toBe(422);
      expect(missing.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual(['querystring.year']);
      const reversed = await app.inject({
        url: `/api/v1/calendar/units/${places.adminduk.id}/working-days?from=2026-03-25&to=2026-03-01`,
        headers: { 'accept-language': 'en' },
      });
      expect(reversed.statusCode).toBe(422);
      expect(reversed.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields).toEqual([
        { path: 'querystring.to', message: 'The end date must be on or after the start date.' },
      ]);
      const unknown = await app.inject({
        url: '/api/v1/calendar/units/00000000-0000-4000-8000-000000000000/working-days?from=2026-03-01&to=2026-03-02',
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json<{ error: { code: string } }>().error.code).toBe('CALENDAR_PLACE_NOT_FOUND');
    });
  });

  describe('national days', () => {
    it('lets a platform admin add, change and withdraw a day from the pages', async () => {
      const before = await nationalCount();
      const added = await submit('/admin/kalender?tahun=2027', '/admin/kalender/tambah', {
        date: '2027-01-01',
        kind: 'holiday',
        nameId: 'Tahun Baru 2027 Masehi',
        nameEn: "New Year's Day 2027",
        decree: 'SKB 9/2026',
      });
      const list = await follow(added);
      expect(list.body).toContain('Perubahan kalender disimpan.');
      expect(list.body).toContain('Tahun Baru 2027 Masehi');
      const [row] = await Svc.listPublicNationalDays(db().db, 2027);
      const changed = await submit(`/admin/kalender/ubah?hari=${row!.id}`, '/admin/kalender/ubah', {
        id: row!.id,
        version: '1',
        date: '2027-01-01',
        kind: 'holiday',
        nameId: 'Tahun Baru Masehi 2027',
        nameEn: "New Year's Day 2027",
        decree: 'SKB 9/2026',
      });
      expect((await follow(changed)).body).toContain('Tahun Baru Masehi 2027');
      const withdrawn = await submit(`/admin/kalender/tarik?hari=${row!.id}`, '/admin/kalender/tarik', {
        id: row!.id,
        version: '2',
        reason: 'SKB dibatalkan',
      });
      expect((await follow(withdrawn)).body).toContain('Ditarik: SKB dibatalkan');
      expect(await nationalCount()).toBe(before + 1);
    });

    it('shows a refused form again with what was typed and the errors, in English too, writing nothing', async () => {
      const before = await nationalCount();
      const bad = await submit(
        '/admin/kalender',
        '/admin/kalender/tambah',
        { date: '2026-02-30', kind: 'holiday', nameId: 'Hari Uji', nameEn: '', decree: 'SKB 7/2026' },
        'platform',
        'en',
      );
      expectFormWithErrors(bad, 422, 'en');
      expect(bad.body).toContain('value="Hari Uji"');
      expect(bad.body).toContain('href="#f-nameEn"');
      const taken = await submit('/admin/kalender', '/admin/kalender/tambah', {
        date: '2026-03-19',
        kind: 'holiday',
        nameId: 'Nyepi lagi',
        nameEn: 'Nyepi again',
        decree: 'SKB 7/2026',
      });
      expectFormWithErrors(taken, 409);
      expect(taken.body).toContain('value="Nyepi lagi"');
      expect(await nationalCount()).toBe(before);
    });

    it('refuses a stale edit with 409 and keeps the typed values', async () => {
      const [nyepi] = (await Svc.listPublicNationalDays(db().db, 2026)).filter((d) => d.date === '2026-03-19');
      await Svc.changeNationalDay({ db: db().db, actor: places.staff.platform }, nyepi!.id, {
        ...nyepi!,
        version: 1,
        decree: 'SKB 1497/2025',
      });
      const stale = await submit(`/admin/kalender/ubah?hari=${nyepi!.id}`, '/admin/kalender/ubah', {
        id: nyepi!.id,
        version: '1',
        date: '2026-03-19',
        kind: 'holiday',
        nameId: 'Nyepi (diubah)',
        nameEn: 'Nyepi',
        decree: 'SKB 1497/2025',
      });
      expectFormWithErrors(stale, 409);
      expect(stale.body).toContain('value="Nyepi (diubah)"');
    });

    it('is read-only for unit staff, and its changes are for the platform only', async () => {
      const unit = await page('/admin/kalender?tahun=2026', 'adminduk');
      expect(unit.statusCode).toBe(200);
      expect(unit.body).toContain('Hari Suci Nyepi');
      expect(unit.body).not.toContain('/admin/kalender/tambah');
      expect(unit.body).toContain(`/admin/kalender/unit/${places.adminduk.id}`);
      expect(unit.body).not.toContain(places.jayapura.id);
      expect((await page('/admin/kalender/ubah?hari=00000000-0000-4000-8000-000000000000', 'adminduk')).statusCode).toBe(403);
      expect((await page('/admin/kalender', 'nobody')).statusCode).toBe(303); // to sign-in
      const post = await app.inject({
        method: 'POST',
        url: '/admin/kalender/tambah',
        headers: { ...as('dukcapil'), 'content-type': 'application/json' },
        payload: {},
      });
      expect([401, 403]).toContain(post.statusCode);
    });
  });

  describe("a unit's and a mall's days", () => {
    it('sets a unit’s own week, then a local closure, and removes it', async () => {
      const unitUrl = `/admin/kalender/unit/${places.adminduk.id}`;
      const week = await submit(
        unitUrl,
        `${unitUrl}/jadwal`,
        { mode: 'custom', open1: 'on', opens1: '08:00', closes1: '15:00', open6: 'on', opens6: '08:00', closes6: '12:00' },
        'adminduk',
      );
      expect((await follow(week, 'adminduk')).body).toContain('Unit ini memakai jadwal sendiri.');
      const closed = await submit(
        unitUrl,
        `${unitUrl}/hari`,
        { date: '2026-04-10', kind: 'closed', opens: '', closes: '', reason: 'Pemeliharaan server' },
        'dukcapil',
      );
      const shown = await follow(closed, 'dukcapil');
      expect(shown.body).toContain('Pemeliharaan server');
      const [day] = (await Svc.getUnitCalendar({ db: db().db, actor: places.staff.dukcapil }, places.adminduk.id)).localDays;
      const removed = await submit(unitUrl, `${unitUrl}/hari/hapus`, { localDayId: day!.id }, 'adminduk');
      expect((await follow(removed, 'adminduk')).body).toContain('Belum ada hari lokal.');
    });

    it('keeps typed hours on a refused week or day, in English', async () => {
      const unitUrl = `/admin/kalender/unit/${places.adminduk.id}`;
      const week = await submit(
        unitUrl,
        `${unitUrl}/jadwal`,
        { mode: 'custom', open2: 'on', opens2: '16:00', closes2: '08:00' },
        'adminduk',
        'en',
      );
      expectFormWithErrors(week, 422, 'en');
      expect(week.body).toContain('value="16:00"');
      expect(week.body).toContain('Enter times as HH:MM');
      const day = await submit(
        unitUrl,
        `${unitUrl}/hari`,
        { date: '2026-04-11', kind: 'open', opens: '', closes: '', reason: 'Sabtu layanan' },
        'adminduk',
      );
      expectFormWithErrors(day, 422);
      expect(day.body).toContain('value="Sabtu layanan"');
      expect(await localCount()).toBe(0);
    });

    it('lets the mall manager keep the mall’s days, and no one else', async () => {
      const mallUrl = `/admin/kalender/mall/${places.mall.id}`;
      const mall = await page(mallUrl, 'mall');
      expect(mall.statusCode).toBe(200);
      expect(mall.body).toContain('08:00–12:00'); // Saturday
      const open = await submit(
        mallUrl,
        `${mallUrl}/hari`,
        { date: '2026-03-24', kind: 'open', opens: '08:00', closes: '12:00', reason: 'Arus balik' },
        'mall',
      );
      expect((await follow(open, 'mall')).body).toContain('Arus balik');
      expect([403, 404]).toContain((await page(mallUrl, 'adminduk')).statusCode);
      expect([403, 404]).toContain((await page(`/admin/kalender/unit/${places.adminduk.id}`, 'papua')).statusCode);
      expectErrorPage(await page(`/admin/kalender/unit/not-a-uuid`, 'platform'), 404, 'HTTP_NOT_FOUND');
    });
  });
});
