import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  buildTestApp,
  collectCookies,
  cookieHeader,
  escapeHtml,
  expectFormWithErrors,
  getPage,
  postForm,
} from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { findApplication, type ApplicationRow } from './applications.core.js';
import { buildApplyFixture, submittedApplication, type ApplyFixture } from './applications.test-support.js';
import * as P from './process.js';
import { MONDAY } from './process.test-support.js';
import { formatCode } from './tracking-number.js';

type Response = Awaited<ReturnType<App['inject']>>;

eachDatabase('the unit’s application pages and API', (db) => {
  let fx: ApplyFixture;
  let app: App;
  const actors: Record<string, Actor> = {};
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  const as = (who: string) => ({ 'x-test-actor': who });
  const page = (url: string, who = 'processor') => app.inject({ url, headers: { ...as(who), accept: 'text/html' } });
  const json = (method: 'GET' | 'POST', url: string, who = 'processor', payload?: object) =>
    app.inject({ method, url, headers: { ...as(who), accept: 'application/json' }, ...(payload ? { payload } : {}) });
  const caseUrl = (a: Pick<ApplicationRow, 'id'>) => `/admin/permohonan/${a.id}`;

  /** Opens the case page and posts one of its forms, as a browser would. */
  async function act(a: Pick<ApplicationRow, 'id'>, action: string, values: Record<string, string>, who = 'processor'): Promise<Response> {
    const form = await getPage(app, caseUrl(a), { headers: as(who) });
    expect(form.response.statusCode).toBe(200);
    return postForm(app, `${caseUrl(a)}/${action}`, { _csrf: form.token, ...values }, { cookies: form.cookies, headers: as(who) });
  }
  async function follow(response: Response, who = 'processor'): Promise<Response> {
    expect(response.statusCode).toBe(303);
    const cookie = cookieHeader(collectCookies(response));
    return app.inject({ url: response.headers.location!, headers: { ...as(who), accept: 'text/html', cookie } });
  }
  const current = async (id: string) => (await findApplication(db().db, id))!;

  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
    Object.assign(actors, fx.staff, fx.citizens);
    // The app reads the files the fixture's use cases stored.
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example', FILES_DIR: fx.files.root }, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  it('lists the unit’s applications (never drafts) with counts per filter, and shows none to another unit', async () => {
    const first = await submittedApplication(fx, { now: MONDAY });
    const second = await submittedApplication(fx);
    await P.claim(fx.ctx(fx.staff.processor), second.id, second.version);
    const inbox = await page('/admin/permohonan');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('2 permohonan');
    expect(inbox.body).toContain(`href="/admin/permohonan/${first.id}"`);
    expect(inbox.body).toContain(formatCode(first.trackingNumber!));
    expect(inbox.body).toContain('Tugas saya (1)');
    // The oldest due first; an overdue one is flagged.
    expect(inbox.body.indexOf(first.id)).toBeLessThan(inbox.body.indexOf(second.id));
    expect(inbox.body).toContain('terlambat');
    const overdue = await page('/admin/permohonan?tenggat=lewat');
    expect(overdue.body).toContain('1 permohonan');
    const mine = await page('/admin/permohonan?saya=1');
    expect(mine.body).toContain(second.id);
    expect(mine.body).not.toContain(first.id);
    const other = await page('/admin/permohonan', 'otherUnit');
    expect(other.body).toContain('0 permohonan');
    expect(other.body).not.toContain(first.id);
    // The staff menu links to the inbox; the counter officer's does not.
    expect(inbox.body).toContain('href="/admin/permohonan"');
    expect((await page('/admin/permohonan', 'counter')).statusCode).toBe(403);
    const english = await page('/admin/permohonan?lang=en');
    expect(english.body).toContain('Applications inbox');
    expect(english.body).toContain('2 applications');
  });

  it('shows the case with the decrypted contact and answers, logging the read, and answers 404 to another unit', async () => {
    const a = await submittedApplication(fx, { now: MONDAY });
    const view = await page(caseUrl(a));
    expect(view.statusCode).toBe(200);
    for (const part of [
      'Ni Wayan Sari',
      'I Putu Agus Pratama',
      'Kartu Keluarga',
      'kartu-keluarga.pdf',
      'Rp 40.000',
      'Petugas memverifikasi berkas dan data',
      '9 Februari 2026',
    ]) {
      expect(view.body).toContain(escapeHtml(part));
    }
    const reads = await sql<{ n: number }>`select count(*)::int as n from audit.event where action = 'audit.personal-data.viewed'`.execute(
      db().db,
    );
    expect(reads.rows[0]!.n).toBe(1);
    expect((await page(caseUrl(a), 'otherUnit')).statusCode).toBe(404);
    expect((await page(caseUrl(a), 'mallCounter')).statusCode).toBe(403);
    const english = await page(`${caseUrl(a)}?lang=en`);
    expect(english.body).toContain('Legal deadline');
    expect(english.body).toContain('9 February 2026');
  });

  it('downloads a document and records the download', async () => {
    const a = await submittedApplication(fx);
    const view = await page(caseUrl(a));
    const link = /href="(\/admin\/permohonan\/[^"]+\/berkas\?dokumen=[^"]+)"/.exec(view.body)![1]!.replace(/&amp;/g, '&');
    const file = await page(link);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    const downloads = await sql<{
      n: number;
    }>`select count(*)::int as n from audit.event where action = 'applications.document.downloaded'`.execute(db().db);
    expect(downloads.rows[0]!.n).toBe(1);
    expect((await page(link, 'otherUnit')).statusCode).toBe(404);
  });

  it('claims and returns for correction through the forms, and shows a refused correction again with what was typed', async () => {
    const a = await submittedApplication(fx, { now: MONDAY });
    const claimed = await follow(await act(a, 'klaim', { version: String(a.version) }));
    expect(claimed.body).toContain(`Permohonan ${formatCode(a.trackingNumber!)} ditugaskan kepada Anda.`);
    const version = String((await current(a.id)).version);

    const empty = await act(a, 'perbaikan', { version, message: 'Pesan yang saya ketik.' });
    expectFormWithErrors(empty, 422);
    expect(empty.body).toContain('Tuliskan alasan perbaikan untuk sedikitnya satu persyaratan.');
    expect(empty.body).toContain('Pesan yang saya ketik.');
    expect((await current(a.id)).status).toBe('in_process');

    const returned = await follow(await act(a, 'perbaikan', { version, message: 'Mohon perbaiki.', alasan_kk: 'Kartu Keluarga buram.' }));
    expect(returned.body).toContain('dikembalikan kepada pemohon untuk perbaikan');
    expect(returned.body).toContain('Jam berhenti sementara menunggu perbaikan dari pemohon.');
    expect(await current(a.id)).toMatchObject({ status: 'awaiting_citizen', clockPaused: true });

    // The same form posted from the stale page is refused with the reason, and nothing changes.
    const stale = await act(a, 'klaim', { version });
    expectFormWithErrors(stale, 409);
    expect(stale.body).toContain('baru saja diubah oleh petugas lain');
  });

  it('records a cash payment, issues a generated output, and completes with confirmation', async () => {
    let a = await submittedApplication(fx);
    a = await P.claim(fx.ctx(fx.staff.processor), a.id, a.version);
    const wrong = await act(a, 'bayar', { version: String(a.version), method: 'cash', amount: '10000', reference: 'KW/2026/7' });
    expectFormWithErrors(wrong, 422);
    expect(wrong.body).toContain('Jumlah harus sama dengan tagihan, yaitu Rp 40.000.');
    expect(wrong.body).toContain('value="KW/2026/7"');
    await follow(await act(a, 'bayar', { version: String(a.version), method: 'cash', amount: '40000', reference: 'KW/2026/7' }));

    // The output form is multipart, with the CSRF token in its address.
    const form = await getPage(app, caseUrl(a), { headers: as('processor') });
    const action = /action="(\/admin\/permohonan\/[^"]+\/terbitkan\?_csrf=[^"]+)"/.exec(form.response.body)![1]!;
    const boundary = '----satupintu';
    const part = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload =
      part('version', String((await current(a.id)).version)) +
      part('productName', 'Kutipan akta kelahiran') +
      part('source', 'generate') +
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename=""\r\ncontent-type: application/octet-stream\r\n\r\n\r\n--${boundary}--\r\n`;
    const issued = await app.inject({
      method: 'POST',
      url: action.replace(/&amp;/g, '&'),
      headers: {
        ...as('processor'),
        accept: 'text/html',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: cookieHeader(form.cookies),
      },
      payload,
    });
    const shown = await follow(issued);
    expect(shown.body).toMatch(/Produk diterbitkan dengan kode verifikasi [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\./);

    const unconfirmed = await act(a, 'selesai', { version: String((await current(a.id)).version) });
    expectFormWithErrors(unconfirmed, 422);
    expect(unconfirmed.body).toContain('Centang konfirmasi untuk melanjutkan.');
    const done = await follow(await act(a, 'selesai', { version: String((await current(a.id)).version), completeConfirm: 'ya' }));
    expect(done.body).toContain(`Permohonan ${formatCode(a.trackingNumber!)} selesai.`);
    expect((await current(a.id)).status).toBe('completed');
  });

  it('refuses another unit’s staff on every action, writing nothing', async () => {
    const a = await submittedApplication(fx);
    const list = await getPage(app, '/admin/permohonan', { headers: as('otherUnit') });
    for (const action of ['klaim', 'perbaikan', 'tolak', 'bayar', 'selesai']) {
      const response = await postForm(
        app,
        `${caseUrl(a)}/${action}`,
        { _csrf: list.token, version: String(a.version) },
        { cookies: list.cookies, headers: as('otherUnit') },
      );
      expect(response.statusCode, action).toBe(404);
    }
    expect((await current(a.id)).version).toBe(a.version);
    expect((await json('POST', `/api/v1/applications/${a.id}/actions/claim`, 'otherUnit', { version: a.version })).statusCode).toBe(404);
  });

  it('serves the inbox, the staff view, the actions and compliance as JSON', async () => {
    const a = await submittedApplication(fx, { now: MONDAY });
    const inbox = await json('GET', `/api/v1/units/${fx.unitId}/applications`);
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toMatchObject({ total: 1, counts: { open: 1, overdue: 1 }, items: [{ id: a.id, status: 'submitted' }] });
    expect((await json('GET', `/api/v1/units/${fx.otherService.unitId}/applications`)).statusCode).toBe(404);

    const claimed = await json('POST', `/api/v1/applications/${a.id}/actions/claim`, 'processor', { version: a.version });
    expect(claimed.json()).toMatchObject({ status: 'in_process', version: a.version + 1 });
    const stale = await json('POST', `/api/v1/applications/${a.id}/actions/claim`, 'processor', { version: a.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('APPLICATIONS_CASE_VERSION_CONFLICT');
    const bad = await json('POST', `/api/v1/applications/${a.id}/actions/extend`, 'processor', {
      version: a.version + 1,
      value: 0,
      unit: 'weeks',
      reason: 'x',
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['reason', 'unit', 'value']);

    const output = await json('POST', `/api/v1/applications/${a.id}/outputs`, 'processor', {
      version: a.version + 1,
      productName: 'Kutipan akta kelahiran',
    });
    expect(output.statusCode).toBe(201);
    expect(output.json().verificationCode).toMatch(/^[0-9A-Z]{12}$/);

    const view = await json('GET', `/api/v1/applications/${a.id}/case`);
    expect(view.json()).toMatchObject({ application: { id: a.id, status: 'in_process' }, contact: { name: 'Ni Wayan Sari' } });
    const compliance = await json('GET', '/api/v1/applications/compliance?from=2026-01-01&to=2026-12-31');
    expect(compliance.json()).toMatchObject({ from: '2026-01-01', to: '2026-12-31', units: [{ id: fx.unitId, openOverdue: 1 }] });
    expect((await json('GET', '/api/v1/applications/compliance?from=kemarin')).statusCode).toBe(422);
  });

  it('shows deadline compliance, and the period’s errors on the form', async () => {
    const compliance = await page('/admin/permohonan/kepatuhan?from=2026-01-01&to=2026-12-31');
    expect(compliance.statusCode).toBe(200);
    expect(compliance.body).toContain('Kepatuhan waktu penyelesaian');
    const bad = await page('/admin/permohonan/kepatuhan?from=kemarin');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('value="kemarin"');
    expect((await page('/admin/permohonan/kepatuhan?lang=en')).body).toContain('Deadline compliance');
  });
});
