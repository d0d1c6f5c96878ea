import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  buildTestApp,
  collectCookies,
  cookieHeader,
  escapeHtml,
  expectErrorPage,
  expectFormWithErrors,
  getPage,
  postForm,
} from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import * as Svc from './maklumat.service.js';
import { buildPledgeUnits, pledgeBody } from './maklumat.test-support.js';

type Response = Awaited<ReturnType<App['inject']>>;

eachDatabase('service pledge pages', (db) => {
  const actors: Record<string, Actor> = {};
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  const as = (who: string) => ({ 'x-test-actor': who });
  let app: App;
  let units: Awaited<ReturnType<typeof buildPledgeUnits>>;
  let unitPath: string;

  beforeEach(async () => {
    units = await buildPledgeUnits(db().db);
    Object.assign(actors, units.staff);
    unitPath = `/admin/maklumat/unit/${units.adminduk.id}`;
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' }, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  const page = (url: string, who = 'dukcapil') => app.inject({ url, headers: { ...as(who), accept: 'text/html' } });
  const count = async () => (await sql<{ n: number }>`select count(*)::int as n from standards.maklumat`.execute(db().db)).rows[0]!.n;

  /** The form's fields as a browser posts them: every pledge field as text. */
  const fields = (overrides: Record<string, string> = {}) => {
    const body = pledgeBody();
    return {
      opening: body.opening ?? '',
      promiseStandard: body.promiseStandard,
      promiseObligation: body.promiseObligation,
      promiseSanction: body.promiseSanction,
      closing: '',
      signatoryName: body.signatoryName,
      signatoryTitle: body.signatoryTitle,
      signedAt: body.signedAt,
      place: body.place,
      ...overrides,
    };
  };

  /** Opens a form page and posts it to `action` with `values`, as a browser would. */
  async function submit(formUrl: string, action: string, values: Record<string, string>, who = 'dukcapil'): Promise<Response> {
    const form = await getPage(app, formUrl, { headers: as(who) });
    expect(form.response.statusCode).toBe(200);
    return postForm(app, action, { _csrf: form.token, ...values }, { cookies: form.cookies, headers: as(who) });
  }

  /** Follows a 303 after a post, with its flash cookie. */
  async function follow(response: Response, who = 'dukcapil'): Promise<Response> {
    expect(response.statusCode).toBe(303);
    const cookie = cookieHeader(collectCookies(response));
    return app.inject({ url: response.headers.location!, headers: { ...as(who), accept: 'text/html', cookie } });
  }

  it('lists the units in the staff member’s scope with the state of their pledge', async () => {
    const draft = await Svc.createMaklumatDraft({ db: db().db, actor: units.staff.bri }, units.kuta.id, pledgeBody());
    const platform = await page('/admin/maklumat', 'platform');
    expect(platform.statusCode).toBe(200);
    expect(platform.body).toContain('2 unit pelayanan');
    expect(platform.body).toMatch(
      /BRI Kantor Cabang Kuta<\/td><td class="govuk-table__cell">Bank Rakyat Indonesia<\/td><td[^>]*><strong[^>]*>Draf/,
    );
    expect(platform.body).toMatch(/Bidang Pelayanan Pendaftaran Penduduk<\/td>.*?Belum ada/);
    const agency = await page('/admin/maklumat?q=kuta', 'dukcapil');
    expect(agency.body).toContain('0 unit pelayanan');
    const own = await page('/admin/maklumat', 'dukcapil');
    expect(own.body).toContain(`href="${unitPath}"`);
    expect(own.body).not.toContain('BRI Kantor Cabang Kuta');
    expect(own.body).not.toContain(draft.id);
    // The staff menu links to the list.
    expect(own.body).toContain('href="/admin/maklumat"');
  });

  it('drafts from the standard wording, previews, publishes, and the unit’s public page shows the pledge with its posters', async () => {
    const empty = await page(unitPath);
    expect(empty.body).toContain('Unit ini belum menerbitkan Maklumat Pelayanan.');
    expect(empty.body).toContain(`href="${unitPath}/baru"`);

    const form = await page(`${unitPath}/baru`);
    expect(form.body).toContain('Sanggup menyelenggarakan pelayanan sesuai dengan standar pelayanan yang telah ditetapkan.');
    expect(form.body).toContain('value="Kepala Bidang Pelayanan Pendaftaran Penduduk"');

    const created = await submit(`${unitPath}/baru`, unitPath, fields());
    const draft = (await Svc.getUnitPledges({ db: db().db, actor: units.staff.dukcapil }, units.adminduk.id)).draft!;
    expect(created.headers.location).toBe(`/admin/maklumat/${draft.id}`);
    const preview = await follow(created);
    expect(preview.body).toContain('Draf Maklumat Pelayanan Bidang Pelayanan Pendaftaran Penduduk disimpan.');
    expect(preview.body).toContain(`href="/admin/maklumat/${draft.id}/terbitkan"`);
    expect(preview.body).toContain('Mangupura, 5 Januari 2026');

    // A second "new" goes on with the draft there is.
    const again = await page(`${unitPath}/baru`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/admin/maklumat/${draft.id}/ubah`);

    const edit = await page(`/admin/maklumat/${draft.id}/ubah`);
    expect(edit.body).toContain('name="version" value="1"');
    const saved = await submit(`/admin/maklumat/${draft.id}/ubah`, `/admin/maklumat/${draft.id}`, {
      ...fields({ closing: 'Demikian maklumat ini kami buat dengan sebenar-benarnya.' }),
      version: '1',
    });
    expect((await follow(saved)).body).toContain('Demikian maklumat ini kami buat dengan sebenar-benarnya.');

    const confirm = await page(`/admin/maklumat/${draft.id}/terbitkan`);
    expect(confirm.body).toContain('Terbitkan Maklumat Pelayanan Bidang Pelayanan Pendaftaran Penduduk?');
    const published = await submit(`/admin/maklumat/${draft.id}/terbitkan`, `/admin/maklumat/${draft.id}/terbitkan`, { version: '2' });
    expect(published.headers.location).toBe(unitPath);
    const unit = await follow(published);
    expect(unit.body).toContain('Maklumat Pelayanan Bidang Pelayanan Pendaftaran Penduduk diterbitkan.');
    expect(unit.body).toContain('Riwayat');
    expect(unit.body).toContain(`href="/unit/${units.adminduk.id}/maklumat.pdf?ukuran=a3"`);

    // Published is history: its edit page refuses.
    expectErrorPage(await page(`/admin/maklumat/${draft.id}/ubah`), 409, 'STANDARDS_MAKLUMAT_NOT_DRAFT');

    const visitor = await app.inject({ url: `/unit/${units.adminduk.id}`, headers: { accept: 'text/html' } });
    expect(visitor.statusCode).toBe(200);
    for (const part of [
      'Maklumat Pelayanan',
      'Dengan ini, kami Bidang Pelayanan Pendaftaran Penduduk menyatakan:',
      escapeHtml(pledgeBody().promiseSanction),
      'Demikian maklumat ini kami buat dengan sebenar-benarnya.',
      'Mangupura, 5 Januari 2026',
      'Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung',
      '<strong>I Made Sutama Wijaya, S.Sos., M.Si.</strong>',
      `href="/unit/${units.adminduk.id}/maklumat.pdf?ukuran=a4"`,
    ]) {
      expect(visitor.body).toContain(part);
    }
  });

  it('shows the form again with a blank promise and every other gap marked, everything typed kept, and writes nothing', async () => {
    const response = await submit(
      `${unitPath}/baru`,
      unitPath,
      fields({ promiseObligation: '   ', place: '', signatoryName: 'Nama Yang Diketik' }),
    );
    expectFormWithErrors(response, 422);
    expect(response.body).toContain('<a href="#f-promiseObligation">Wajib diisi.</a>');
    expect(response.body).toContain('<a href="#f-place">Wajib diisi.</a>');
    expect(response.body).toContain('value="Nama Yang Diketik"');
    expect(response.body).toContain(escapeHtml(pledgeBody().promiseSanction));
    expect(await count()).toBe(0);
  });

  it('refuses a stale edit with the form and the reason, and keeps what the other person saved', async () => {
    const draft = await Svc.createMaklumatDraft({ db: db().db, actor: units.staff.dukcapil }, units.adminduk.id, pledgeBody());
    await Svc.editMaklumatDraft({ db: db().db, actor: units.staff.platform }, draft.id, {
      ...pledgeBody({ place: 'Denpasar' }),
      version: 1,
    });
    const stale = await submit(`/admin/maklumat/${draft.id}/ubah`, `/admin/maklumat/${draft.id}`, {
      ...fields({ place: 'Kuta' }),
      version: '1',
    });
    expectFormWithErrors(stale, 409);
    expect(stale.body).toContain('baru saja diubah oleh orang lain');
    expect((await Svc.getMaklumat({ db: db().db, actor: units.staff.dukcapil }, draft.id)).maklumat.place).toBe('Denpasar');
  });

  it("answers another agency's staff 404 on the unit's pages and posts, and changes nothing", async () => {
    const draft = await Svc.createMaklumatDraft({ db: db().db, actor: units.staff.dukcapil }, units.adminduk.id, pledgeBody());
    for (const url of [unitPath, `${unitPath}/baru`, `/admin/maklumat/${draft.id}`, `/admin/maklumat/${draft.id}/ubah`]) {
      expect((await page(url, 'bri')).statusCode, url).toBe(404);
    }
    const list = await getPage(app, '/admin/maklumat', { headers: as('bri') });
    for (const [action, values] of [
      [unitPath, fields()],
      [`/admin/maklumat/${draft.id}`, { ...fields(), version: '1' }],
      [`/admin/maklumat/${draft.id}/terbitkan`, { version: '1' }],
    ] as const) {
      const response = await postForm(app, action, { _csrf: list.token, ...values }, { cookies: list.cookies, headers: as('bri') });
      expect(response.statusCode, action).toBe(404);
    }
    expect(await count()).toBe(1);
    expect((await Svc.getMaklumat({ db: db().db, actor: units.staff.dukcapil }, draft.id)).maklumat).toMatchObject({
      status: 'draft',
      version: 1,
    });
  });

  it('speaks English when asked', async () => {
    const list = await page('/admin/maklumat?lang=en');
    expect(list.body).toContain('Service pledges (Maklumat Pelayanan)');
    expect(list.body).toContain('None yet');
  });
});
