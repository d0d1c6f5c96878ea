import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, escapeHtml, expectJsonError, messageParts } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import type { App } from '../../platform/http/server.js';
import {
  lockApplication,
  recordChange,
  refreshClock,
  tablesOf,
  updateApplication,
  write,
  type ApplicationRow,
} from './applications.core.js';
import { birthAnswers, buildApplyFixture, FILES, submittedApplication, type ApplyFixture } from './applications.test-support.js';
import { forgetTrackingCache, trackApplication } from './track.js';
import { issuedOutput } from './track.test-support.js';
import { ALPHABET, formatCode, newVerificationCode } from './tracking-number.js';

/** What must never show on a public page: the applicant's and the child's names, the NIK, the phone. */
const PERSONAL = [birthAnswers().nama_pemohon!, birthAnswers().nik_pemohon!, birthAnswers().nama_anak!, '3456', 'Sempidi No. 5'];

/** A number with the right shape whose check character is wrong: one character changed. */
function typo(number: string): string {
  const i = 3;
  const other = ALPHABET[(ALPHABET.indexOf(number[i]!) + 1) % ALPHABET.length]!;
  return number.slice(0, i) + other + number.slice(i + 1);
}

/** The officer returns the application for correction (as process.ts does): checks, pause, timeline, clock. */
async function returnForCorrection(fx: ApplyFixture, app: ApplicationRow, items: { key: string; note: string }[]) {
  const ctx = fx.ctx(fx.staff.processor);
  return write(ctx, async (tx) => {
    const locked = (await lockApplication(tx, app.id))!;
    for (const item of items) {
      await tablesOf(tx)
        .insertInto('applications.requirementCheck')
        .values({ applicationId: app.id, requirementKey: item.key, outcome: 'needs_correction', note: item.note })
        .execute();
    }
    await tablesOf(tx)
      .insertInto('applications.clockPause')
      .values({ applicationId: app.id, pausedAt: new Date(), reason: 'Menunggu perbaikan' })
      .execute();
    const next = (await updateApplication(tx, ctx, locked, { status: 'awaiting_citizen' }))!;
    await recordChange(tx, ctx, next, { kind: 'correction_requested', note: 'Mohon unggah ulang dokumen yang terbaca.' });
    await recordChange(tx, ctx, next, { kind: 'claimed', public: false, note: 'Catatan internal petugas' });
    return refreshClock(tx, ctx, next);
  });
}

function multipart(field: string, file: Buffer, filename = 'akta.pdf') {
  const boundary = '----satupintu-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' } };
}

eachDatabase('public tracking and verification', (db) => {
  let fx: ApplyFixture;
  let app: App;
  beforeEach(async () => {
    forgetTrackingCache();
    fx = await buildApplyFixture(db().db);
    app = await buildTestApp(db());
  });
  afterEach(async () => {
    await app.close();
  });

  const page = (url: string, lang: 'id' | 'en' = 'id') =>
    app.inject({ method: 'GET', url, headers: { accept: 'text/html', 'accept-language': lang } });
  const api = (url: string, lang: 'id' | 'en' = 'id') => app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
  const expectNoPersonalData = (text: string) => {
    for (const value of PERSONAL) expect(text).not.toContain(value);
  };

  describe('GET /lacak', () => {
    it('shows the form, then a submitted application by its number: service, unit, date, status, timeline and working days left', async () => {
      const form = await page('/lacak');
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('name="nomor"');
      expect(form.body).toContain('method="get"');

      const submitted = await submittedApplication(fx);
      const number = submitted.trackingNumber!;
      const result = await page(`/lacak?nomor=${formatCode(number).toLowerCase()}`);
      expect(result.statusCode).toBe(200);
      expect(result.body).toContain(formatCode(number));
      expect(result.body).toContain('Penerbitan Akta Kelahiran');
      expect(result.body).toContain('Bidang Pelayanan Pencatatan Sipil');
      for (const part of messageParts('applications.apply.status.submitted', 'id')) expect(result.body).toContain(escapeHtml(part));
      for (const part of messageParts('applications.track.event.submitted', 'id')) expect(result.body).toContain(escapeHtml(part));
      expect(result.body).toMatch(/Sisa \d+ hari kerja|Paling lambat hari ini/);
      expectNoPersonalData(result.body);

      const english = await page(`/lacak?nomor=${number}`, 'en');
      expect(english.body).toMatch(/\d+ working days left|Due today/);
    });

    it('keeps the reason an output was revoked off the public page (it may name the person)', async () => {
      const submitted = await submittedApplication(fx);
      const ctx = fx.ctx(fx.staff.processor);
      await write(ctx, async (tx) => {
        const locked = (await lockApplication(tx, submitted.id))!;
        await recordChange(tx, ctx, locked, { kind: 'output_revoked', note: 'Nama ibu I Gusti Ayu Sekar salah ketik' });
      });
      const result = await page(`/lacak?nomor=${submitted.trackingNumber!}`);
      expect(result.statusCode).toBe(200);
      for (const part of messageParts('applications.track.event.output_revoked', 'id')) expect(result.body).toContain(escapeHtml(part));
      expect(result.body).not.toContain('Sekar');
      const json = await api(`/api/v1/track/${submitted.trackingNumber!}`);
      expect(json.body).not.toContain('Sekar');
    });

    it('answers a mistyped number and an unknown one with "not found" (404) and the form again, never a 500', async () => {
      const submitted = await submittedApplication(fx);
      for (const typed of [typo(submitted.trackingNumber!), '0000000000', 'bukan nomor', '%00<script>']) {
        const response = await page(`/lacak?nomor=${encodeURIComponent(typed)}`);
        expect(response.statusCode).toBe(404);
        expect(response.body).toContain('govuk-error-summary');
        expect(response.body).toContain('name="nomor"');
        expect(response.body).not.toContain('<script>');
      }
      expect((await page('/lacak?nomor=%20')).statusCode).toBe(400);
    });

    it('says the clock is paused and lists what the citizen must correct, with the officer’s notes; staff-only notes stay hidden', async () => {
      const submitted = await submittedApplication(fx);
      await returnForCorrection(fx, submitted, [{ key: 'kk', note: 'Halaman kedua Kartu Keluarga tidak terbaca.' }]);
      const result = await page(`/lacak?nomor=${submitted.trackingNumber}`);
      expect(result.statusCode).toBe(200);
      for (const part of messageParts('applications.track.result.clock.paused', 'id')) expect(result.body).toContain(escapeHtml(part));
      expect(result.body).toContain('Kartu Keluarga');
      expect(result.body).toContain('Halaman kedua Kartu Keluarga tidak terbaca.');
      expect(result.body).toContain('Mohon unggah ulang dokumen yang terbaca.');
      expect(result.body).not.toContain('Catatan internal petugas');
      expectNoPersonalData(result.body);

      const json = (await api(`/api/v1/track/${submitted.trackingNumber}`)).json<{ clock: { state: string }; needed: unknown[] }>();
      expect(json.clock).toMatchObject({ state: 'paused', workingDaysLeft: null });
      expect(json.needed).toEqual([
        { requirementKey: 'kk', requirement: 'Kartu Keluarga', note: 'Halaman kedua Kartu Keluarga tidak terbaca.' },
      ]);
    });

    it('says an application past its due instant is overdue', async () => {
      const submitted = await submittedApplication(fx);
      await tablesOf(fx.db)
        .updateTable('applications.application')
        .set({ dueAt: new Date(Date.now() - 3 * 86_400_000) })
        .where('id', '=', submitted.id)
        .execute();
      const result = await page(`/lacak?nomor=${submitted.trackingNumber}`);
      expect(result.body).toContain('Melewati batas waktu');
      const json = (await api(`/api/v1/track/${submitted.trackingNumber}`)).json<{ clock: { state: string; workingDaysLeft: number } }>();
      expect(json.clock.state).toBe('overdue');
      expect(json.clock.workingDaysLeft).toBeLessThan(0);
    });

    it('answers 429, on the page and the API, to an address that keeps looking up numbers that do not exist', async () => {
      for (let i = 0; i < 30; i++) expect((await page('/lacak?nomor=0000000000')).statusCode).toBe(404);
      const refused = await page('/lacak?nomor=0000000000');
      expect(refused.statusCode).toBe(429);
      expectJsonError(await api('/api/v1/track/0000000000'), 429, 'HTTP_RATE_LIMITED');
    });
  });

  describe('GET /api/v1/track/:trackingNumber', () => {
    it('answers the same content as JSON in the request’s language, without personal data', async () => {
      const submitted = await submittedApplication(fx);
      const response = await api(`/api/v1/track/${formatCode(submitted.trackingNumber!)}`, 'en');
      expect(response.statusCode).toBe(200);
      const body = response.json<Record<string, unknown>>();
      expect(body).toMatchObject({
        trackingNumber: submitted.trackingNumber,
        service: { name: 'Penerbitan Akta Kelahiran' },
        unit: { name: 'Bidang Pelayanan Pencatatan Sipil' },
        status: 'submitted',
        statusText: 'Submitted',
        currentStep: 'Petugas memverifikasi berkas dan data',
        clock: { state: 'running', timeZone: 'Asia/Makassar' },
        needed: [],
        rejection: null,
      });
      expect(body.timeline).toEqual([expect.objectContaining({ kind: 'submitted', text: 'Application submitted' })]);
      expectNoPersonalData(response.body);
    });

    it('answers APPLICATIONS_NOT_FOUND for a mistyped or unknown number', async () => {
      const submitted = await submittedApplication(fx);
      expectJsonError(await api(`/api/v1/track/${typo(submitted.trackingNumber!)}`), 404, 'APPLICATIONS_NOT_FOUND');
      expectJsonError(await api('/api/v1/track/0000000000', 'en'), 404, 'APPLICATIONS_NOT_FOUND', 'en');
      expect(await trackApplication(fx.db, '')).toBeUndefined();
    });
  });

  describe('verification', () => {
    const pdf = Buffer.from(`${FILES.pdf.toString('latin1')}\n% akta`, 'latin1');

    it('confirms an authentic output: issuer, product, date and content hash, without personal data', async () => {
      const code = await issuedOutput(fx.db, (await submittedApplication(fx)).id, pdf);
      const viaForm = await page(`/verifikasi?kode=${formatCode(code).toLowerCase()}`);
      expect(viaForm.statusCode).toBe(303);
      expect(viaForm.headers.location).toBe(`/verifikasi/${code}`);
      const result = await page(`/verifikasi/${code}`);
      expect(result.statusCode).toBe(200);
      for (const part of messageParts('applications.track.verify.authentic', 'id')) expect(result.body).toContain(part);
      expect(result.body).toContain('Kutipan akta kelahiran');
      expect(result.body).toContain('Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung');
      expect(result.body).toContain(createHash('sha256').update(pdf).digest('hex'));
      expectNoPersonalData(result.body);

      const json = (await api(`/api/v1/verify/${formatCode(code)}`)).json<Record<string, unknown>>();
      expect(json).toMatchObject({
        verificationCode: code,
        authentic: true,
        revokedAt: null,
        issuer: { unit: 'Bidang Pelayanan Pencatatan Sipil' },
      });
    });

    it('says a revoked output is no longer valid, without the reason (it may name the person)', async () => {
      const code = await issuedOutput(fx.db, (await submittedApplication(fx)).id, pdf, { revokedAt: new Date('2026-12-10T03:00:00Z') });
      const result = await page(`/verifikasi/${code}`);
      expect(result.statusCode).toBe(200);
      expect(result.body).toContain(escapeHtml(messageParts('applications.track.verify.revoked', 'id')[0]!));
      expectNoPersonalData(result.body);
      const json = (await api(`/api/v1/verify/${code}`)).json<Record<string, unknown>>();
      expect(json).toMatchObject({ authentic: false, revokedAt: '2026-12-10T03:00:00.000Z' });
      expect(JSON.stringify(json)).not.toContain('Salah ketik');
    });

    it('answers "not found" for an unknown or mistyped code', async () => {
      const code = newVerificationCode();
      expect((await page(`/verifikasi/${code}`)).statusCode).toBe(404);
      expect((await page(`/verifikasi?kode=${code.slice(0, 11)}X`)).statusCode).toBe(404);
      expectJsonError(await api(`/api/v1/verify/${code}`), 404, 'HTTP_NOT_FOUND');
    });

    it('compares an uploaded file with the issued one by its SHA-256, and refuses a post without a file', async () => {
      const code = await issuedOutput(fx.db, (await submittedApplication(fx)).id, pdf);
      const form = await page(`/verifikasi/${code}`);
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const post = (file: Buffer, field = 'berkas') => {
        const { payload, headers } = multipart(field, file);
        return app.inject({
          method: 'POST',
          url: `/verifikasi/${code}?_csrf=${encodeURIComponent(token)}`,
          payload,
          headers: { ...headers, cookie },
        });
      };
      const same = await post(pdf);
      expect(same.statusCode).toBe(200);
      for (const part of messageParts('applications.track.verify.compare.match', 'id')) expect(same.body).toContain(part);
      const changed = Buffer.concat([pdf, Buffer.from(' ')]);
      const other = await post(changed);
      expect(other.body).toContain(createHash('sha256').update(changed).digest('hex'));
      for (const part of messageParts('applications.track.verify.compare.mismatch', 'id')) expect(other.body).toContain(escapeHtml(part));
      const none = await post(Buffer.alloc(0));
      expect(none.statusCode).toBe(422);
      expect(none.body).toContain('govuk-error-summary');
      for (const part of messageParts('applications.track.verify.compare.required', 'id')) expect(none.body).toContain(part);
    });
  });
});

describe('the file comparison limit', () => {
  it('refuses a file over UPLOAD_LIMIT_BYTES while reading it', async () => {
    const { Readable } = await import('node:stream');
    const { hashStream, StreamTooLarge } = await import('./track.js');
    await expect(hashStream(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(StreamTooLarge);
    expect(await hashStream(Readable.from([Buffer.from('akta')]), 1000)).toEqual({
      sha256: createHash('sha256').update('akta').digest('hex'),
      bytes: 4,
    });
  });
});
