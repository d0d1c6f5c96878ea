import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  buildTestApp,
  cookieHeader,
  escapeHtml,
  expectFormWithErrors,
  expectJsonError,
  getPage,
  postForm,
  type Cookies,
} from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { pdfText } from '../../platform/pdf/pdf-text.test-support.js';
import {
  Apply,
  birthAnswers,
  buildApplyFixture,
  completeDraft,
  FILES,
  submittedApplication,
  type ApplyFixture,
} from './applications.test-support.js';
import { renderReceiptPdf } from './receipt.pdf.js';
import { formatCode } from './tracking-number.js';

type Response = Awaited<ReturnType<App['inject']>>;

eachDatabase('applying pages and API', (db) => {
  const actors: Record<string, Actor> = {};
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  let app: App;
  let fx: ApplyFixture;

  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
    Object.assign(actors, fx.citizens, fx.staff);
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' }, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  const as = (who: string) => ({ 'x-test-actor': who });
  const open = (url: string, who = 'warga') => getPage(app, url, { headers: as(who) });
  const location = (r: Response) => String(r.headers.location);
  const count = async () => (await sql<{ n: number }>`select count(*)::int as n from applications.application`.execute(db().db)).rows[0]!.n;

  /** A multipart post as a browser sends it: the token on the action, the fields, then the files. */
  function multipart(
    url: string,
    who: string,
    from: { token: string; cookies: Cookies },
    fields: Record<string, string>,
    files: { name: string; filename: string; content: Buffer }[],
  ) {
    const boundary = '----satupintu-apply-boundary';
    const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
        ),
        f.content,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return app.inject({
      method: 'POST',
      url: `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(from.token)}`,
      headers: {
        ...as(who),
        accept: 'text/html',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: cookieHeader(from.cookies),
      },
      payload: Buffer.concat(parts),
    });
  }

  it('starts from the catalog: anonymous people sign in first, a citizen gets a draft form generated from the standard', async () => {
    const servicePage = await app.inject({ url: `/layanan/${fx.service.slug}`, headers: { accept: 'text/html' } });
    expect(servicePage.body).toContain(`href="/layanan/${fx.service.slug}/ajukan"`);
    const anonymous = await app.inject({ url: `/layanan/${fx.service.slug}/ajukan`, headers: { accept: 'text/html' } });
    expect(anonymous.statusCode).toBe(303);
    expect(location(anonymous)).toBe(`/masuk?next=${encodeURIComponent(`/layanan/${fx.service.slug}/ajukan`)}`);

    const start = await open(`/layanan/${fx.service.slug}/ajukan`);
    const started = await postForm(
      app,
      `/layanan/${fx.service.slug}/ajukan`,
      { _csrf: start.token },
      { cookies: start.cookies, headers: as('warga') },
    );
    expect(started.statusCode).toBe(303);
    const draft = await open(location(started));
    expect(draft.html).toContain('name="answers.nik_pemohon"');
    expect(draft.html).toContain('value="Ni Wayan Sari"');
    expect(draft.html).toMatch(/<select[^>]*name="answers.jenis_kelamin"/);
    expect(draft.html).toContain('accept="application/pdf,image/jpeg,.pdf,.jpg,.jpeg"');
    expect(draft.html).toContain('2 MB');
    expect(draft.html).toContain('Dua orang saksi kelahiran');

    const english = await open(`${location(started)}?lang=en`);
    expect(english.html).toContain('<html lang="en"');
    expect(english.html).toContain('Required documents');
  });

  it('shows a refused save again with the errors per field and what was typed, in the request’s language', async () => {
    const draft = await completeDraft(fx);
    const url = `/permohonan/${draft.id}`;
    const form = await open(`${url}?lang=en`);
    const current = (await sql<{ version: number }>`select version from applications.application where id = ${draft.id}`.execute(db().db))
      .rows[0]!.version;
    const refused = await postForm(
      app,
      url,
      { _csrf: form.token, version: String(current), 'answers.nik_pemohon': '12345', 'answers.nama_anak': 'Kadek Baru' },
      { cookies: form.cookies, headers: as('warga') },
    );
    expectFormWithErrors(refused, 422, 'en');
    expect(refused.body).toContain('href="#f-answers-nik_pemohon"');
    expect(refused.body).toContain('value="Kadek Baru"');
    const stale = await postForm(
      app,
      url,
      { _csrf: form.token, version: '1', 'answers.nama_anak': 'Ketikan Saya' },
      { cookies: form.cookies, headers: as('warga') },
    );
    expectFormWithErrors(stale, 409, 'en');
    expect(stale.body).toContain('value="Ketikan Saya"');
  });

  it('uploads by multipart: a wrong type is shown on its field, a right one replaces the file', async () => {
    const draft = await completeDraft(fx);
    const form = await open(`/permohonan/${draft.id}`);
    const wrong = await multipart(`/permohonan/${draft.id}/dokumen/kk`, 'warga', form, {}, [
      { name: 'file', filename: 'kk.pdf', content: FILES.exe },
    ]);
    expectFormWithErrors(wrong, 415);
    expect(wrong.body).toContain('href="#f-documents-kk"');
    const right = await multipart(`/permohonan/${draft.id}/dokumen/kk`, 'warga', form, {}, [
      { name: 'file', filename: 'kk-baru.pdf', content: FILES.pdf },
    ]);
    expect(right.statusCode).toBe(303);
    expect((await open(`/permohonan/${draft.id}`)).html).toContain('kk-baru.pdf');
  });

  it('submits once from the check page, however often it is posted, and shows the receipt page and PDF', async () => {
    const draft = await completeDraft(fx);
    const check = await open(`/permohonan/${draft.id}/kirim`);
    expect(check.html).toContain('Rp');
    const submitKey = /name="submitKey" value="([^"]+)"/.exec(check.html)![1]!;
    const post = () =>
      postForm(
        app,
        `/permohonan/${draft.id}/kirim`,
        { _csrf: check.token, submitKey, version: '1' },
        { cookies: check.cookies, headers: as('warga') },
      );
    const [first, second] = [await post(), await post()];
    expect(first.statusCode).toBe(303);
    expect(location(second)).toBe(location(first));
    expect(await count()).toBe(1);

    const receipt = await open(location(first));
    const number = (await sql<{ n: string }>`select tracking_number as n from applications.application`.execute(db().db)).rows[0]!.n;
    expect(receipt.html).toContain(formatCode(number));
    expect(receipt.html).toContain('Penerbitan Akta Kelahiran');
    expect(receipt.html).toMatch(/Rp\s40\.000/);
    expect(receipt.html).toContain(escapeHtml(`https://satupintu.example/lacak?nomor=${number}`));
    expect(receipt.html).toContain('<svg');
    expect(receipt.html).toMatch(/WITA/);

    const pdf = await app.inject({ url: `${location(first)}.pdf`, headers: as('warga') });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const view = await Apply.getApplication(fx.ctx(fx.citizens.warga), draft.id);
    const trackUrl = `https://satupintu.example/lacak?nomor=${number}`;
    const text = pdfText(await renderReceiptPdf(view, { locale: 'en', trackUrl, compress: false }));
    for (const part of [
      'Application receipt',
      formatCode(number),
      'Penerbitan Akta Kelahiran',
      'Ni Wayan Sari',
      'WITA',
      'Document: Kartu Keluarga',
      'Total',
    ]) {
      expect(text).toContain(part);
    }
    // Names print as written, outside Latin-1 too.
    const typed = { serviceName: 'Legalisasi “akta”: ≥ 2 hari → selesai', name: 'Ni Luh Putu Ayu Wédari binti İbrahim Şahin Kőváry' };
    const unicode = pdfText(
      await renderReceiptPdf(
        { ...view, serviceName: typed.serviceName, contact: { ...view.contact, name: typed.name } },
        { locale: 'id', trackUrl },
      ),
    );
    for (const part of Object.values(typed)) expect(unicode).toContain(part);
    expect(unicode.split('?'), 'the one "?" is in the tracking address').toHaveLength(2);
  });

  it('keeps other people out: another citizen and another unit’s counter get 404', async () => {
    const app1 = await submittedApplication(fx);
    for (const url of [`/permohonan/${app1.id}`, `/permohonan/${app1.id}/tanda-terima`, `/permohonan/${app1.id}/tanda-terima.pdf`]) {
      expect((await app.inject({ url, headers: { ...as('other'), accept: 'text/html' } })).statusCode).toBe(404);
    }
    expect((await app.inject({ url: `/loket/permohonan/${app1.id}/tanda-terima`, headers: as('otherCounter') })).statusCode).toBe(404);
    expect((await app.inject({ url: `/loket/permohonan/${app1.id}/tanda-terima`, headers: as('counter') })).statusCode).toBe(200);
  });

  it('files at the counter for a citizen without an account, in one multipart form', async () => {
    const list = await open('/loket/permohonan', 'counter');
    expect(list.html).toContain(`/loket/permohonan/baru/${fx.service.id}`);
    expect(list.html).toContain('Perekaman KTP Elektronik');
    const form = await open(`/loket/permohonan/baru/${fx.service.id}`, 'counter');
    const fields = {
      submitKey: 'counter-form-key-1',
      'contact.name': 'Luh Sari',
      'contact.phone': '0812 1111 2222',
      locale: 'id',
      ...Object.fromEntries(Object.entries(birthAnswers()).map(([k, v]) => [`answers.${k}`, v])),
    };
    const refused = await multipart(`/loket/permohonan/baru/${fx.service.id}`, 'counter', form, { ...fields, 'contact.name': '' }, []);
    expectFormWithErrors(refused, 422);
    expect(refused.body).toContain('value="0812 1111 2222"');
    expect(await count()).toBe(0);
    const filed = await multipart(`/loket/permohonan/baru/${fx.service.id}`, 'counter', form, fields, [
      { name: 'documents.surat_lahir', filename: 's.pdf', content: FILES.pdf },
      { name: 'documents.kk', filename: 'k.pdf', content: FILES.pdf },
    ]);
    expect(filed.statusCode).toBe(303);
    const receipt = await open(location(filed), 'counter');
    expect(receipt.html).toContain('Luh Sari');
    expect(receipt.html).toContain('Di loket');
  });

  it('serves the JSON API: start, save, upload, submit idempotently, list', async () => {
    const json = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        headers: { ...as('warga'), ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const started = await json('POST', '/api/v1/applications', { serviceId: fx.service.id });
    expect(started.statusCode).toBe(201);
    const id = started.json<{ id: string }>().id;
    const invalid = await json('PATCH', `/api/v1/applications/${id}`, { version: 1, answers: { nik_pemohon: '1' } });
    expect(expectJsonError(invalid, 422, 'APPLICATIONS_INVALID').error.fields?.[0]?.path).toBe('answers.nik_pemohon');
    const saved = await json('PATCH', `/api/v1/applications/${id}`, { version: 1, answers: birthAnswers() });
    expect(saved.json<{ version: number }>().version).toBe(2);
    const incomplete = await json('POST', `/api/v1/applications/${id}/submit`, {}, { 'idempotency-key': 'api-key-0001' });
    expect(expectJsonError(incomplete, 422, 'APPLICATIONS_INCOMPLETE').error.fields!.map((f) => f.path)).toEqual([
      'documents.surat_lahir',
      'documents.kk',
    ]);
    const token = await open('/permohonan');
    for (const key of ['surat_lahir', 'kk']) {
      const uploaded = await multipart(`/api/v1/applications/${id}/documents/${key}`, 'warga', token, {}, [
        { name: 'file', filename: `${key}.pdf`, content: FILES.pdf },
      ]);
      expect(uploaded.statusCode).toBe(201);
      expect(uploaded.json<{ mediaType: string }>().mediaType).toBe('application/pdf');
    }
    const a = await json('POST', `/api/v1/applications/${id}/submit`, {}, { 'idempotency-key': 'api-key-0002' });
    const b = await json('POST', `/api/v1/applications/${id}/submit`, {}, { 'idempotency-key': 'api-key-0002' });
    expect(a.statusCode).toBe(200);
    expect(b.json<{ trackingNumber: string }>().trackingNumber).toBe(a.json<{ trackingNumber: string }>().trackingNumber);
    const mine = await json('GET', '/api/v1/me/applications');
    expect(mine.json<{ items: { id: string; status: string }[] }>().items.find((i) => i.id === id)?.status).toBe('submitted');
    const other = await app.inject({ url: `/api/v1/applications/${id}`, headers: as('other') });
    expectJsonError(other, 404, 'APPLICATIONS_NOT_FOUND');
  });
});
