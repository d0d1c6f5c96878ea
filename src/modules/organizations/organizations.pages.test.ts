import type { FastifyRequest } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, expectFormWithErrors, getPage, postForm } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import * as Svc from './organizations.service.js';
import { PLATFORM_ADMIN, seedRegionSlice } from './organizations.test-support.js';

const actors: Record<string, Actor> = { admin: PLATFORM_ADMIN };
const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
const admin = { 'x-test-actor': 'admin' };

eachDatabase('organizations admin pages', (db) => {
  let app: App;
  beforeEach(async () => {
    await seedRegionSlice(db().db);
    app = await buildTestApp(db(), {}, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  it('lists agencies with a search form, in Indonesian first', async () => {
    await Svc.createAgency(
      { db: db().db, actor: PLATFORM_ADMIN },
      { code: 'DISDUKCAPIL-BDG', name: 'Disdukcapil Badung', kind: 'regency_government' },
    );
    const page = await app.inject({ url: '/admin/organisasi/instansi?q=dukcapil', headers: { ...admin, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="id"');
    expect(page.body).toContain('Disdukcapil Badung');
    expect(page.body).toContain('Pemerintah kabupaten/kota');
    expect(page.body).toContain('role="search"');
  });

  it('sends anonymous visitors of the admin pages to sign in, coming back afterwards', async () => {
    const response = await app.inject({ url: '/admin/organisasi/mpp', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/masuk?next=%2Fadmin%2Forganisasi%2Fmpp');
  });

  it('lists agencies when the search form is sent with its "all" choices', async () => {
    await Svc.createAgency({ db: db().db, actor: PLATFORM_ADMIN }, { code: 'BRI', name: 'Bank Rakyat Indonesia', kind: 'bumn' });
    const page = await app.inject({ url: '/admin/organisasi/instansi?q=&kind=&active=all', headers: { ...admin, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bank Rakyat Indonesia');
  });

  it('creates an agency from the form and returns to the list with a confirmation', async () => {
    const form = await getPage(app, '/admin/organisasi/instansi/baru', { headers: admin });
    const response = await postForm(
      app,
      '/admin/organisasi/instansi',
      { _csrf: form.token, code: 'dpmptsp-bdg', name: 'DPMPTSP Badung', kind: 'regency_government', regionCode: '51.03' },
      { cookies: form.cookies, headers: admin },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/organisasi/instansi');
    const list = await app.inject({
      url: '/admin/organisasi/instansi',
      headers: { ...admin, accept: 'text/html', cookie: `sp_flash=${response.cookies.find((c) => c.name === 'sp_flash')?.value ?? ''}` },
    });
    expect(list.body).toContain('DPMPTSP-BDG');
    expect(list.body).toContain('DPMPTSP Badung telah ditambahkan.');
  });

  it('shows the form again with the typed values and the error summary when the code is taken', async () => {
    await Svc.createAgency(
      { db: db().db, actor: PLATFORM_ADMIN },
      { code: 'DPMPTSP-BDG', name: 'DPMPTSP Badung', kind: 'regency_government' },
    );
    const form = await getPage(app, '/admin/organisasi/instansi/baru', { headers: admin });
    const response = await postForm(
      app,
      '/admin/organisasi/instansi',
      { _csrf: form.token, code: 'DPMPTSP-BDG', name: 'Nama yang diketik', kind: 'bumd', regionCode: '' },
      { cookies: form.cookies, headers: admin },
    );
    expectFormWithErrors(response, 422);
    expect(response.body).toContain('value="Nama yang diketik"');
    expect(response.body).toContain('href="#f-code"');
  });

  it('asks for confirmation before deactivating a mall, and refuses while it has active booths', async () => {
    const ctx = { db: db().db, actor: PLATFORM_ADMIN };
    const agency = await Svc.createAgency(ctx, { code: 'BRI', name: 'BRI', kind: 'bumn' });
    const unit = await Svc.createServiceUnit(ctx, { agencyId: agency.id, code: 'KC-KUTA', name: 'BRI Kuta', regionCode: '51.03' });
    const mall = await Svc.createMall(ctx, { regionCode: '51.03', code: 'MPP-BADUNG', name: 'MPP Badung', address: 'Jl. Raya Sempidi' });
    await Svc.createBooth(ctx, { mallId: mall.id, serviceUnitId: unit.id, code: 'G', name: 'Gerai BRI' });
    const confirm = await getPage(app, `/admin/organisasi/mpp/${mall.id}/nonaktifkan`, { headers: admin });
    expect(confirm.html).toContain('Nonaktifkan MPP Badung?');
    const response = await postForm(
      app,
      `/admin/organisasi/mpp/${mall.id}/nonaktifkan`,
      { _csrf: confirm.token, version: '1' },
      { cookies: confirm.cookies, headers: admin },
    );
    expectFormWithErrors(response, 409);
    expect(response.body).toContain('1 gerai aktif');
  });
});
