import type { FastifyRequest } from 'fastify';
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
import { tablesOf } from '../../platform/db/database.js';
import type { App } from '../../platform/http/server.js';
import { hoursToForm, parseHoursForm } from './organizations.admin.hours.js';
import * as R from './organizations.repository.js';
import * as Svc from './organizations.service.js';
import type { OrganizationsTables } from './organizations.tables.js';
import { PLATFORM_ADMIN, seedRegionSlice, staff } from './organizations.test-support.js';

type Response = Awaited<ReturnType<App['inject']>>;

describe('the opening-hours form', () => {
  it('reads ticked days and filled exception rows, and leaves out blank and removed rows', () => {
    const parsed = parseHoursForm({
      w1_open: 'on',
      w1_opens: '08:00',
      w1_closes: '15:00',
      w2_opens: '08:00',
      w2_closes: '15:00',
      x0_date: '2026-08-17',
      x0_closed: 'on',
      x0_opens: '08:00',
      x0_reason: 'HUT RI',
      x1_date: '',
      x1_reason: '',
      x2_date: '2026-12-24',
      x2_reason: 'Dihapus',
      x2_remove: 'on',
    });
    expect(parsed).toEqual({
      ok: true,
      hours: {
        weekly: [{ weekday: 1, opensAt: '08:00', closesAt: '15:00' }],
        exceptions: [{ date: '2026-08-17', opensAt: null, closesAt: null, reason: 'HUT RI' }],
      },
    });
  });

  it('names the input of the row the schema refused', () => {
    const parsed = parseHoursForm({
      w3_open: 'on',
      w3_opens: '09:00',
      w3_closes: '08:00',
      x4_date: '2026-03-20',
      x4_opens: '08:00',
      x4_reason: 'Ramadan',
    });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { path: 'w3_closes', key: 'organizations.hours.closesBeforeOpens' },
      { path: 'x4_closes', key: 'platform.validation.required' },
    ]);
  });

  it('offers the stored hours with blank exception rows under them', () => {
    const values = hoursToForm(
      {
        weekly: [{ weekday: 5, opensAt: '08:00:00', closesAt: '11:30:00' }],
        exceptions: [{ date: '2026-08-17', opensAt: null, closesAt: null, reason: 'HUT RI' }],
      },
      3,
    );
    expect(values).toMatchObject({
      version: '3',
      w5_open: 'on',
      w5_opens: '08:00',
      w5_closes: '11:30',
      x0_date: '2026-08-17',
      x0_closed: 'on',
    });
    expect(Object.keys(values).filter((k) => k.endsWith('_date'))).toEqual(['x0_date', 'x1_date', 'x2_date', 'x3_date']);
  });
});

eachDatabase('organizations admin screens', (db) => {
  const actors: Record<string, Actor> = { admin: PLATFORM_ADMIN };
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  const as = (who: string) => ({ 'x-test-actor': who });
  const org = () => tablesOf<OrganizationsTables>(db().db);
  let app: App;
  let tree: Awaited<ReturnType<typeof buildTree>>;

  /** Two agencies with a unit each, and two malls: enough to see one tenant's screens leave the other's alone. */
  async function buildTree() {
    const ctx = { db: db().db, actor: PLATFORM_ADMIN };
    const dukcapil = await Svc.createAgency(ctx, { code: 'DISDUKCAPIL-BDG', name: 'Disdukcapil Badung', kind: 'regency_government' });
    const bri = await Svc.createAgency(ctx, { code: 'BRI', name: 'Bank Rakyat Indonesia', kind: 'bumn' });
    const adminduk = await Svc.createServiceUnit(ctx, {
      agencyId: dukcapil.id,
      code: 'ADMINDUK',
      name: 'Pelayanan Adminduk',
      regionCode: '51.03',
    });
    const kuta = await Svc.createServiceUnit(ctx, {
      agencyId: bri.id,
      code: 'KC-KUTA',
      name: 'BRI Kantor Cabang Kuta',
      regionCode: '51.03',
    });
    const badung = await Svc.createMall(ctx, {
      regionCode: '51.03',
      code: 'MPP-BADUNG',
      name: 'MPP Badung',
      address: 'Jl. Raya Sempidi, Mengwi',
    });
    const makassar = await Svc.createMall(ctx, {
      regionCode: '73.71',
      code: 'MPP-MKS',
      name: 'MPP Makassar',
      address: 'Jl. Ahmad Yani, Makassar',
    });
    return { ctx, dukcapil, bri, adminduk, kuta, badung, makassar };
  }

  beforeEach(async () => {
    await seedRegionSlice(db().db);
    tree = await buildTree();
    actors.agency = staff({ kind: 'agency', id: tree.dukcapil.id });
    actors.mall = staff({ kind: 'mall', id: tree.badung.id });
    app = await buildTestApp(db(), {}, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  const page = (url: string, who = 'admin') => app.inject({ url, headers: { ...as(who), accept: 'text/html' } });

  /** Opens a form page, posts it with `fields` to `action`, as a browser would. */
  async function submit(formUrl: string, action: string, fields: Record<string, string>, who = 'admin'): Promise<Response> {
    const form = await getPage(app, formUrl, { headers: as(who) });
    expect(form.response.statusCode).toBe(200);
    return postForm(app, action, { _csrf: form.token, ...fields }, { cookies: form.cookies, headers: as(who) });
  }

  /** Follows a 303 after a post, with its flash cookie, and returns the page it lands on. */
  async function follow(response: Response, who = 'admin'): Promise<Response> {
    expect(response.statusCode).toBe(303);
    const cookie = cookieHeader(collectCookies(response));
    return app.inject({ url: response.headers.location!, headers: { ...as(who), accept: 'text/html', cookie } });
  }

  describe('organizational units', () => {
    it('are created under an agency, edited, and deactivated after confirmation', async () => {
      const list = `/admin/organisasi/unit-organisasi?agencyId=${tree.dukcapil.id}`;
      const form = await page(`/admin/organisasi/unit-organisasi/baru?agencyId=${tree.dukcapil.id}`);
      expect(form.body).toContain(`<option value="${tree.dukcapil.id}" selected>`);

      const created = await submit(`/admin/organisasi/unit-organisasi/baru`, '/admin/organisasi/unit-organisasi', {
        agencyId: tree.dukcapil.id,
        parentId: '',
        code: 'bid-pelayanan',
        name: 'Bidang Pelayanan',
      });
      expect(created.headers.location).toBe(list);
      const listed = await follow(created);
      expect(listed.body).toContain('BID-PELAYANAN');
      expect(listed.body).toContain('Bidang Pelayanan telah ditambahkan.');
      const parent = (await org().selectFrom('organizations.orgUnit').selectAll().where('code', '=', 'BID-PELAYANAN').executeTakeFirst())!;

      // The parent choices are the agency's units; a child shows its parent in the list.
      const childForm = await page(`/admin/organisasi/unit-organisasi/baru?agencyId=${tree.dukcapil.id}`);
      expect(childForm.body).toContain(`<option value="${parent.id}">BID-PELAYANAN · Bidang Pelayanan</option>`);
      await submit(`/admin/organisasi/unit-organisasi/baru`, '/admin/organisasi/unit-organisasi', {
        agencyId: tree.dukcapil.id,
        parentId: parent.id,
        code: 'SEKSI-KTP',
        name: 'Seksi KTP-el',
      });
      expect((await page(list)).body).toMatch(
        /Seksi KTP-el<\/td><td class="govuk-table__cell">Disdukcapil Badung<\/td><td class="govuk-table__cell">Bidang Pelayanan<\/td>/,
      );

      const edit = await getPage(app, `/admin/organisasi/unit-organisasi/${parent.id}/ubah`, { headers: as('admin') });
      expect(edit.html).toContain('value="Bidang Pelayanan"');
      expect(edit.html).not.toContain('name="agencyId"');
      const saved = await postForm(
        app,
        `/admin/organisasi/unit-organisasi/${parent.id}`,
        { _csrf: edit.token, version: '1', parentId: '', code: 'BID-PELAYANAN', name: 'Bidang Pelayanan Dokumen' },
        { cookies: edit.cookies, headers: as('admin') },
      );
      expect((await follow(saved)).body).toContain('Perubahan pada Bidang Pelayanan Dokumen telah disimpan.');

      const confirm = await getPage(app, `/admin/organisasi/unit-organisasi/${parent.id}/nonaktifkan`, { headers: as('admin') });
      expect(confirm.html).toContain('Nonaktifkan Bidang Pelayanan Dokumen?');
      const done = await postForm(
        app,
        `/admin/organisasi/unit-organisasi/${parent.id}/nonaktifkan`,
        { _csrf: confirm.token, version: '2' },
        { cookies: confirm.cookies, headers: as('admin') },
      );
      expect((await follow(done)).body).toContain('Bidang Pelayanan Dokumen telah dinonaktifkan.');
      // Gone from the active list (where it still names the parent of its child), shown among the inactive.
      expect((await page(list)).body).not.toContain('<td class="govuk-table__cell">BID-PELAYANAN</td>');
      expect((await page(`${list}&active=false`)).body).toContain('<td class="govuk-table__cell">BID-PELAYANAN</td>');
    });

    it('shows the form again with the typed values when the code is taken in the agency', async () => {
      await Svc.createOrgUnit(tree.ctx, { agencyId: tree.dukcapil.id, code: 'BID-PELAYANAN', name: 'Bidang Pelayanan' });
      const response = await submit('/admin/organisasi/unit-organisasi/baru', '/admin/organisasi/unit-organisasi', {
        agencyId: tree.dukcapil.id,
        parentId: '',
        code: 'bid-pelayanan',
        name: 'Nama yang diketik',
      });
      expectFormWithErrors(response, 422);
      expect(response.body).toContain('href="#f-code"');
      expect(response.body).toContain('value="Nama yang diketik"');
      expect(response.body).toContain(`<option value="${tree.dukcapil.id}" selected>`);
    });
  });

  describe('service units', () => {
    it('are created with an organizational unit, edited, and deactivated once their booths are', async () => {
      const bidang = await Svc.createOrgUnit(tree.ctx, { agencyId: tree.dukcapil.id, code: 'BID-PELAYANAN', name: 'Bidang Pelayanan' });
      const created = await submit(`/admin/organisasi/unit-layanan/baru?agencyId=${tree.dukcapil.id}`, '/admin/organisasi/unit-layanan', {
        agencyId: tree.dukcapil.id,
        orgUnitId: bidang.id,
        code: 'capil',
        name: 'Pelayanan Pencatatan Sipil',
        regionCode: '51.03.02',
        address: 'Jl. Raya Sempidi',
      });
      const listed = await follow(created);
      expect(created.headers.location).toBe(`/admin/organisasi/unit-layanan?agencyId=${tree.dukcapil.id}`);
      expect(listed.body).toContain('Pelayanan Pencatatan Sipil telah ditambahkan.');
      const unit = (await org().selectFrom('organizations.serviceUnit').selectAll().where('code', '=', 'CAPIL').executeTakeFirst())!;
      expect(unit).toMatchObject({ agencyId: tree.dukcapil.id, orgUnitId: bidang.id, regionCode: '51.03.02', address: 'Jl. Raya Sempidi' });

      // A region code the service does not know is refused on its field, with the rest kept.
      const edit = await getPage(app, `/admin/organisasi/unit-layanan/${unit.id}/ubah`, { headers: as('admin') });
      expect(edit.html).toContain('value="51.03.02"');
      expect(edit.html).toContain(`<option value="${bidang.id}" selected>`);
      const fields = { _csrf: edit.token, version: '1', orgUnitId: '', code: 'CAPIL', name: 'Pencatatan Sipil', address: '' };
      const refused = await postForm(
        app,
        `/admin/organisasi/unit-layanan/${unit.id}`,
        { ...fields, regionCode: '51.99' },
        { cookies: edit.cookies, headers: as('admin') },
      );
      expectFormWithErrors(refused, 422);
      expect(refused.body).toContain('href="#f-regionCode"');
      expect(refused.body).toContain('value="Pencatatan Sipil"');
      const saved = await postForm(
        app,
        `/admin/organisasi/unit-layanan/${unit.id}`,
        { ...fields, regionCode: '51.03' },
        { cookies: edit.cookies, headers: as('admin') },
      );
      expect((await follow(saved)).body).toContain('Perubahan pada Pencatatan Sipil telah disimpan.');
      expect(await R.findServiceUnit(org(), unit.id)).toMatchObject({
        name: 'Pencatatan Sipil',
        orgUnitId: null,
        address: null,
        version: 2,
      });

      // Deactivation waits for the unit's booths.
      const booth = await Svc.createBooth(tree.ctx, { mallId: tree.badung.id, serviceUnitId: unit.id, code: 'B', name: 'Gerai Capil' });
      const confirm = await getPage(app, `/admin/organisasi/unit-layanan/${unit.id}/nonaktifkan`, { headers: as('admin') });
      const blocked = await postForm(
        app,
        `/admin/organisasi/unit-layanan/${unit.id}/nonaktifkan`,
        { _csrf: confirm.token, version: '2' },
        { cookies: confirm.cookies, headers: as('admin') },
      );
      expectFormWithErrors(blocked, 409);
      expect(blocked.body).toContain('1 gerai aktif');
      await Svc.deactivate(tree.ctx, 'booth', booth.id, { version: 1 });
      const done = await postForm(
        app,
        `/admin/organisasi/unit-layanan/${unit.id}/nonaktifkan`,
        { _csrf: confirm.token, version: '2' },
        { cookies: confirm.cookies, headers: as('admin') },
      );
      expect((await follow(done)).body).toContain('Pencatatan Sipil telah dinonaktifkan.');
    });

    it('keeps what was typed, the agency chosen included, when the code is taken', async () => {
      const response = await submit('/admin/organisasi/unit-layanan/baru', '/admin/organisasi/unit-layanan', {
        agencyId: tree.dukcapil.id,
        orgUnitId: '',
        code: 'adminduk',
        name: 'Unit yang diketik',
        regionCode: '51.03',
        address: 'Alamat yang diketik',
      });
      expectFormWithErrors(response, 422);
      expect(response.body).toContain('href="#f-code"');
      expect(response.body).toContain('value="Unit yang diketik"');
      expect(response.body).toContain('value="Alamat yang diketik"');
      expect(response.body).toContain(`<option value="${tree.dukcapil.id}" selected>`);
    });

    it('asks for the agency when none was chosen', async () => {
      const response = await submit('/admin/organisasi/unit-layanan/baru', '/admin/organisasi/unit-layanan', {
        agencyId: '',
        orgUnitId: '',
        code: 'X',
        name: 'Tanpa instansi',
        regionCode: '51.03',
        address: '',
      });
      expectFormWithErrors(response, 422);
      expect(response.body).toContain('href="#f-agencyId"');
      expect(response.body).toContain('value="Tanpa instansi"');
    });

    it('are listed by agency, searched and paged', async () => {
      for (let i = 1; i <= 22; i++) {
        const code = `UPT-${String(i).padStart(2, '0')}`;
        await Svc.createServiceUnit(tree.ctx, { agencyId: tree.dukcapil.id, code, name: `UPT Kecamatan ${code}`, regionCode: '51.03' });
      }
      const first = await page(`/admin/organisasi/unit-layanan?agencyId=${tree.dukcapil.id}`);
      expect(first.body).toContain('23 data ditemukan');
      expect(first.body).not.toContain('BRI Kantor Cabang Kuta');
      expect(first.body).toContain(`href="/admin/organisasi/unit-layanan?agencyId=${tree.dukcapil.id}&amp;active=true&amp;page=2"`);
      expect(first.body).toContain(`href="/admin/organisasi/unit-layanan/baru?agencyId=${tree.dukcapil.id}"`);
      const second = await page(`/admin/organisasi/unit-layanan?agencyId=${tree.dukcapil.id}&active=true&page=2`);
      expect(second.body.match(/<tr class="govuk-table__row">/g)).toHaveLength(1 + 3);
      const search = await page('/admin/organisasi/unit-layanan?q=kc-kuta&agencyId=');
      expect(search.body).toContain('1 data ditemukan');
      expect(search.body).toContain('BRI Kantor Cabang Kuta');
    });
  });

  describe('a mall’s page', () => {
    it('adds, edits and deactivates booths and their counters', async () => {
      const mallPage = `/admin/organisasi/mpp/${tree.badung.id}`;
      expect((await page(mallPage)).body).toContain('Belum ada gerai di MPP ini.');
      expect((await page('/admin/organisasi/mpp')).body).toContain(`href="${mallPage}"`);

      const boothForm = await page(`${mallPage}/gerai/baru`);
      expect(boothForm.body).toContain('Bank Rakyat Indonesia – BRI Kantor Cabang Kuta');
      expect(boothForm.body).toContain('Disdukcapil Badung – Pelayanan Adminduk');
      const created = await submit(`${mallPage}/gerai/baru`, `${mallPage}/gerai`, {
        serviceUnitId: tree.adminduk.id,
        code: 'a',
        name: 'Gerai Disdukcapil',
      });
      expect(created.headers.location).toBe(mallPage);
      const withBooth = await follow(created);
      expect(withBooth.body).toContain('Gerai Disdukcapil telah ditambahkan.');
      expect(withBooth.body).toContain('A · Gerai Disdukcapil');
      expect(withBooth.body).toContain('Unit layanan: Pelayanan Adminduk (Disdukcapil Badung)');
      const booth = (await R.listBoothsOfMallInScope(org(), [{ kind: 'platform' }], tree.badung.id))[0]!;

      const taken = await submit(`${mallPage}/gerai/baru`, `${mallPage}/gerai`, {
        serviceUnitId: tree.kuta.id,
        code: 'A',
        name: 'Gerai BRI',
      });
      expectFormWithErrors(taken, 422);
      expect(taken.body).toContain('value="Gerai BRI"');
      expect(taken.body).toContain(`<option value="${tree.kuta.id}" selected>`);

      const counters = `/admin/organisasi/gerai/${booth.id}/loket`;
      await follow(await submit(`${counters}/baru`, counters, { code: '1', name: 'Loket 1' }));
      const withCounters = await follow(await submit(`${counters}/baru`, counters, { code: '2', name: 'Loket 2' }));
      expect(withCounters.body).toContain('Loket 2 telah ditambahkan.');
      expect(withCounters.body).toContain('Loket 1');
      const duplicate = await submit(`${counters}/baru`, counters, { code: '2', name: 'Loket kedua' });
      expectFormWithErrors(duplicate, 422);
      expect(duplicate.body).toContain('value="Loket kedua"');

      const counter = (await org().selectFrom('organizations.counter').selectAll().where('code', '=', '1').executeTakeFirst())!;
      const renamed = await submit(`/admin/organisasi/loket/${counter.id}/ubah`, `/admin/organisasi/loket/${counter.id}`, {
        version: '1',
        code: '1',
        name: 'Loket Satu',
      });
      expect(renamed.headers.location).toBe(mallPage);
      expect((await follow(renamed)).body).toContain('Loket Satu');
      const boothRenamed = await submit(`/admin/organisasi/gerai/${booth.id}/ubah`, `/admin/organisasi/gerai/${booth.id}`, {
        version: '1',
        code: 'A',
        name: 'Gerai Dukcapil',
      });
      expect((await follow(boothRenamed)).body).toContain('A · Gerai Dukcapil');

      // A booth takes its counters with it, and the confirmation says so.
      const confirm = await getPage(app, `/admin/organisasi/gerai/${booth.id}/nonaktifkan`, { headers: as('admin') });
      expect(confirm.html).toContain('Loket aktif di gerai ini (2) ikut dinonaktifkan.');
      const done = await postForm(
        app,
        `/admin/organisasi/gerai/${booth.id}/nonaktifkan`,
        { _csrf: confirm.token, version: '2' },
        { cookies: confirm.cookies, headers: as('admin') },
      );
      expect((await follow(done)).body).toContain('Gerai Dukcapil telah dinonaktifkan.');
      const left = await org().selectFrom('organizations.counter').select('active').where('boothId', '=', booth.id).execute();
      expect(left.map((c) => c.active)).toEqual([false, false]);
      expect(await R.countActiveBooths(org(), { mallId: tree.badung.id })).toBe(0);
    });
  });

  describe('the opening-hours editor', () => {
    const hoursUrl = () => `/admin/organisasi/mpp/${tree.badung.id}/jam-layanan`;
    const week = {
      w1_open: 'on',
      w1_opens: '08:00',
      w1_closes: '15:00',
      w2_open: 'on',
      w2_opens: '08:00',
      w2_closes: '15:00',
      w5_open: 'on',
      w5_opens: '08:00',
      w5_closes: '11:30',
      w6_opens: '',
      w6_closes: '',
    };

    it('saves the week and dated exceptions, shows them, and offers them again with room for more', async () => {
      const form = await getPage(app, hoursUrl(), { headers: as('admin') });
      expect(form.html.match(/<fieldset/g)).toHaveLength(7 + 3);
      expect(form.html).toContain('type="time"');
      const saved = await postForm(
        app,
        hoursUrl(),
        {
          _csrf: form.token,
          version: '1',
          ...week,
          x0_date: '2026-08-17',
          x0_closed: 'on',
          x0_opens: '',
          x0_closes: '',
          x0_reason: 'HUT Kemerdekaan RI',
          x1_date: '2026-03-02',
          x1_opens: '08:00',
          x1_closes: '12:00',
          x1_reason: 'Jam Ramadan',
          x2_date: '',
          x2_opens: '',
          x2_closes: '',
          x2_reason: '',
        },
        { cookies: form.cookies, headers: as('admin') },
      );
      expect(saved.headers.location).toBe(`/admin/organisasi/mpp/${tree.badung.id}`);
      const shown = await follow(saved);
      expect(shown.body).toContain('Jam layanan MPP Badung telah disimpan.');
      expect(shown.body).toMatch(/Senin<\/th><td class="govuk-table__cell">08:00–15:00/);
      expect(shown.body).toMatch(/Jumat<\/th><td class="govuk-table__cell">08:00–11:30/);
      expect(shown.body).toMatch(/Minggu<\/th><td class="govuk-table__cell">Tutup/);
      expect(shown.body).toContain('17 Agustus 2026');
      expect(shown.body).toContain('HUT Kemerdekaan RI');

      const stored = await R.findMallHours(org(), tree.badung.id);
      expect(stored.weekly.map((w) => [w.weekday, w.opensAt.slice(0, 5), w.closesAt.slice(0, 5)])).toEqual([
        [1, '08:00', '15:00'],
        [2, '08:00', '15:00'],
        [5, '08:00', '11:30'],
      ]);
      expect(stored.exceptions.map((e) => [e.date, e.opensAt, e.reason])).toEqual([
        ['2026-03-02', '08:00:00', 'Jam Ramadan'],
        ['2026-08-17', null, 'HUT Kemerdekaan RI'],
      ]);

      const again = await getPage(app, hoursUrl(), { headers: as('admin') });
      expect(again.html).toMatch(/id="f-w5_open" name="w5_open" type="checkbox" value="on" checked/);
      expect(again.html).toMatch(/id="f-w6_open" name="w6_open" type="checkbox" value="on"\s*\/>/);
      expect(again.html).toContain('id="f-w5_closes" name="w5_closes" type="time" value="11:30"');
      expect(again.html).toContain('id="f-x0_date" name="x0_date" type="date" value="2026-03-02"');
      expect(again.html.match(/<fieldset/g)).toHaveLength(7 + 2 + 3);

      // Removing a row removes that exception; the rest stays.
      const removed = await postForm(
        app,
        hoursUrl(),
        {
          _csrf: again.token,
          version: '2',
          ...week,
          x0_date: '2026-03-02',
          x0_opens: '08:00',
          x0_closes: '12:00',
          x0_reason: 'Jam Ramadan',
          x0_remove: 'on',
          x1_date: '2026-08-17',
          x1_closed: 'on',
          x1_reason: 'HUT Kemerdekaan RI',
        },
        { cookies: again.cookies, headers: as('admin') },
      );
      expect(removed.statusCode).toBe(303);
      expect((await R.findMallHours(org(), tree.badung.id)).exceptions.map((e) => e.date)).toEqual(['2026-08-17']);
    });

    it('refuses an impossible time on the input that holds it, keeping what was typed and saving nothing', async () => {
      const form = await getPage(app, hoursUrl(), { headers: as('admin') });
      const response = await postForm(
        app,
        hoursUrl(),
        {
          _csrf: form.token,
          version: '1',
          ...week,
          w3_open: 'on',
          w3_opens: '09:00',
          w3_closes: '08:30',
          w4_open: 'on',
          w4_opens: '08:00',
          w4_closes: '25:00',
          x0_date: '2026-08-17',
          x0_opens: '08:00',
          x0_closes: '',
          x0_reason: 'Setengah hari',
        },
        { cookies: form.cookies, headers: as('admin') },
      );
      expectFormWithErrors(response, 422);
      expect(response.body).toContain('<a href="#f-w3_closes">Jam tutup harus sesudah jam buka.</a>');
      expect(response.body).toContain('href="#f-w4_closes"');
      expect(response.body).toContain('href="#f-x0_closes"');
      expect(response.body).not.toContain('href="#f-w1_closes"');
      expect(response.body).toMatch(
        /class="govuk-input govuk-date-input__input govuk-input--width-10 govuk-input--error" id="f-w3_closes"/,
      );
      expect(response.body).toContain('id="f-w3_opens" name="w3_opens" type="time" value="09:00"');
      expect(response.body).toContain('value="Setengah hari"');
      expect(await R.findMallHours(org(), tree.badung.id)).toEqual({ weekly: [], exceptions: [] });
    });
  });

  describe('scope', () => {
    it('shows an agency’s staff only their agency’s records, and answers 404 for another agency’s', async () => {
      const briOrgUnit = await Svc.createOrgUnit(tree.ctx, { agencyId: tree.bri.id, code: 'DIV-RITEL', name: 'Divisi Ritel' });
      await Svc.createOrgUnit(tree.ctx, { agencyId: tree.dukcapil.id, code: 'BID-PELAYANAN', name: 'Bidang Pelayanan' });

      const agencies = await page('/admin/organisasi/instansi', 'agency');
      expect(agencies.body).toContain('Disdukcapil Badung');
      expect(agencies.body).not.toContain('Bank Rakyat Indonesia');
      expect(agencies.body).not.toContain('/admin/organisasi/instansi/baru');
      const units = await page('/admin/organisasi/unit-layanan?active=all', 'agency');
      expect(units.body).toContain('Pelayanan Adminduk');
      expect(units.body).not.toContain('BRI Kantor Cabang Kuta');
      expect(units.body).not.toContain(`value="${tree.bri.id}"`);
      const orgUnits = await page(`/admin/organisasi/unit-organisasi?agencyId=${tree.bri.id}`, 'agency');
      expect(orgUnits.body).toContain('0 data ditemukan');
      expect((await page('/admin/organisasi/mpp', 'agency')).body).toContain('0 data ditemukan');

      const form = await getPage(app, `/admin/organisasi/unit-layanan/baru?agencyId=${tree.bri.id}`, { headers: as('agency') });
      expect(form.html).toContain(`<option value="${tree.dukcapil.id}" selected>`);
      expect(form.html).not.toContain('Bank Rakyat Indonesia');
      expect(form.html).not.toContain('Divisi Ritel');

      for (const url of [
        `/admin/organisasi/unit-layanan/${tree.kuta.id}/ubah`,
        `/admin/organisasi/unit-layanan/${tree.kuta.id}/nonaktifkan`,
        `/admin/organisasi/unit-organisasi/${briOrgUnit.id}/ubah`,
        `/admin/organisasi/instansi/${tree.bri.id}/ubah`,
        `/admin/organisasi/mpp/${tree.badung.id}`,
      ]) {
        expectErrorPage(await page(url, 'agency'), 404, 'HTTP_NOT_FOUND');
      }
      const posted = await postForm(
        app,
        `/admin/organisasi/unit-layanan/${tree.kuta.id}`,
        { _csrf: form.token, version: '1', orgUnitId: '', code: 'KC-KUTA', name: 'Diambil alih', regionCode: '51.03', address: '' },
        { cookies: form.cookies, headers: as('agency') },
      );
      expect(posted.statusCode).toBe(404);
      const foreign = await postForm(
        app,
        '/admin/organisasi/unit-layanan',
        {
          _csrf: form.token,
          agencyId: tree.bri.id,
          orgUnitId: '',
          code: 'NEW',
          name: 'Unit di instansi lain',
          regionCode: '51.03',
          address: '',
        },
        { cookies: form.cookies, headers: as('agency') },
      );
      expect(foreign.statusCode).toBe(404);
      expect((await R.findServiceUnit(org(), tree.kuta.id))!.name).toBe('BRI Kantor Cabang Kuta');
      expect(await org().selectFrom('organizations.serviceUnit').select('id').where('code', '=', 'NEW').execute()).toEqual([]);

      // Their own agency's units they manage.
      const own = await postForm(
        app,
        '/admin/organisasi/unit-layanan',
        {
          _csrf: form.token,
          agencyId: tree.dukcapil.id,
          orgUnitId: '',
          code: 'UPT-MENGWI',
          name: 'UPT Mengwi',
          regionCode: '51.03.02',
          address: '',
        },
        { cookies: form.cookies, headers: as('agency') },
      );
      expect((await follow(own, 'agency')).body).toContain('UPT Mengwi telah ditambahkan.');
    });

    it('lets a mall’s staff manage its booths and counters, and nothing of another mall', async () => {
      const badung = `/admin/organisasi/mpp/${tree.badung.id}`;
      const malls = await page('/admin/organisasi/mpp', 'mall');
      expect(malls.body).toContain('MPP Badung');
      expect(malls.body).not.toContain('MPP Makassar');
      expect(malls.body).not.toContain('/admin/organisasi/mpp/baru');
      expect((await page('/admin/organisasi/instansi', 'mall')).body).toContain('0 data ditemukan');

      // Any agency's unit may get a booth in the mall they run.
      const created = await submit(
        `${badung}/gerai/baru`,
        `${badung}/gerai`,
        { serviceUnitId: tree.kuta.id, code: 'BRI', name: 'Gerai BRI' },
        'mall',
      );
      expect((await follow(created, 'mall')).body).toContain('BRI · Gerai BRI');
      const booth = (await R.listBoothsOfMallInScope(org(), [{ kind: 'mall', id: tree.badung.id }], tree.badung.id))[0]!;
      const counters = `/admin/organisasi/gerai/${booth.id}/loket`;
      expect((await follow(await submit(`${counters}/baru`, counters, { code: '1', name: 'Loket 1' }, 'mall'), 'mall')).body).toContain(
        'Loket 1 telah ditambahkan.',
      );
      const hours = await getPage(app, `${badung}/jam-layanan`, { headers: as('mall') });
      expect(hours.response.statusCode).toBe(200);

      const makassar = `/admin/organisasi/mpp/${tree.makassar.id}`;
      for (const url of [makassar, `${makassar}/gerai/baru`, `${makassar}/jam-layanan`, `${makassar}/ubah`]) {
        expectErrorPage(await page(url, 'mall'), 404, 'HTTP_NOT_FOUND');
      }
      const foreign = await postForm(
        app,
        `${makassar}/gerai`,
        { _csrf: hours.token, serviceUnitId: tree.kuta.id, code: 'BRI', name: 'Gerai BRI' },
        { cookies: hours.cookies, headers: as('mall') },
      );
      expect(foreign.statusCode).toBe(404);
      expect(await R.countActiveBooths(org(), { mallId: tree.makassar.id })).toBe(0);
    });

    it('lets an agency’s staff edit their own booth in a mall whose page is not theirs, and no other agency’s booth', async () => {
      const booth = await Svc.createBooth(tree.ctx, {
        mallId: tree.badung.id,
        serviceUnitId: tree.adminduk.id,
        code: 'A',
        name: 'Gerai Disdukcapil',
      });
      const foreignBooth = await Svc.createBooth(tree.ctx, {
        mallId: tree.badung.id,
        serviceUnitId: tree.kuta.id,
        code: 'B',
        name: 'Gerai BRI',
      });
      expect((await page(`/admin/organisasi/gerai/${booth.id}/ubah`, 'agency')).statusCode).toBe(200);
      expectErrorPage(await page(`/admin/organisasi/gerai/${foreignBooth.id}/ubah`, 'agency'), 404, 'HTTP_NOT_FOUND');
      expect(
        (await R.listBoothsOfMallInScope(org(), [{ kind: 'agency', id: tree.dukcapil.id }], tree.badung.id)).map((b) => b.code),
      ).toEqual(['A']);
    });
  });
});
