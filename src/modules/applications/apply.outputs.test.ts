import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, expectJsonError } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { tablesOf, type ApplicationRow } from './applications.core.js';
import { buildApplyFixture, submittedApplication, type ApplyFixture } from './applications.test-support.js';
import { revokeOutput } from './output.js';
import * as P from './process.js';
import { generateOutput, MONDAY } from './process.test-support.js';
import { formatCode } from './tracking-number.js';

const PUBLIC_URL = 'https://satupintu.example';

eachDatabase('the applicant’s issued outputs', (db) => {
  let fx: ApplyFixture;
  let app: App;
  const actors: Record<string, Actor> = {};
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  const get = (url: string, who = 'warga', accept = 'text/html') => app.inject({ url, headers: { 'x-test-actor': who, accept } });
  const processor = () => fx.ctx(fx.staff.processor, MONDAY);
  const downloads = async () =>
    (
      await sql<{ actorId: string; unitId: string; agencyId: string; subjectId: string }>`
        select actor_id as "actorId", unit_id as "unitId", agency_id as "agencyId", subject_id as "subjectId"
        from audit.event where action = 'applications.output.downloaded'`.execute(db().db)
    ).rows;

  /** A birth certificate claimed, paid for (the standard's fee), generated and, unless told, completed. */
  async function issued(options: { complete?: boolean } = {}) {
    let a: ApplicationRow = await submittedApplication(fx, { now: MONDAY });
    a = await P.claim(processor(), a.id, a.version);
    a = await P.recordPayment(processor(), a.id, a.version, { method: 'cash', amount: 40_000, reference: `KW-${a.id.slice(0, 8)}` });
    const output = await generateOutput(processor(), a);
    a = output.application;
    if (options.complete !== false) a = await P.complete(processor(), a.id, a.version);
    return { application: a, outputId: output.outputId, code: output.verificationCode };
  }
  const outputUrl = (a: Pick<ApplicationRow, 'id'>, outputId: string) => `/permohonan/${a.id}/keluaran/${outputId}`;

  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
    Object.assign(actors, fx.citizens, fx.staff);
    app = await buildTestApp(db(), { PUBLIC_URL, FILES_DIR: fx.files.root }, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  it('shows the completed application’s output with its date and code, and the applicant downloads the very file, audited', async () => {
    const { application, outputId, code } = await issued();
    const page = await get(`/permohonan/${application.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Selesai — produk layanan dapat diunduh di bawah ini.');
    expect(page.body).toContain('<h2 class="govuk-heading-m">Produk layanan</h2>');
    expect(page.body).toContain('Kutipan akta kelahiran');
    expect(page.body).toContain('2 Februari 2026');
    expect(page.body).toContain(`<a class="govuk-link" href="/verifikasi/${code}">${formatCode(code)}</a>`);
    expect(page.body).toContain(`href="${outputUrl(application, outputId)}"`);
    const english = await get(`/permohonan/${application.id}?lang=en`);
    expect(english.body).toContain('Completed — the product can be downloaded below.');
    expect(english.body).toContain('2 February 2026');

    const file = await get(outputUrl(application, outputId));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Kutipan_akta_kelahiran_${application.trackingNumber}.pdf"; filename*=UTF-8''${encodeURIComponent(`Kutipan akta kelahiran ${application.trackingNumber}.pdf`)}`,
    );
    const row = await tablesOf(db().db)
      .selectFrom('applications.output')
      .select('fileKey')
      .where('id', '=', outputId)
      .executeTakeFirstOrThrow();
    const stored = Buffer.concat(await (await fx.files.get(row.fileKey)).toArray());
    expect(file.rawPayload.equals(stored)).toBe(true);
    expect(await downloads()).toEqual([{ actorId: fx.citizens.warga.id, unitId: fx.unitId, agencyId: fx.agencyId, subjectId: outputId }]);
  });

  it('lists the outputs in the applicant’s JSON with a download address', async () => {
    const { application, outputId, code } = await issued();
    const response = await get(`/api/v1/applications/${application.id}`, 'warga', 'application/json');
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs).toEqual([
      {
        id: outputId,
        productName: 'Kutipan akta kelahiran',
        issuedAt: MONDAY().toISOString(),
        verificationCode: code,
        revoked: false,
        downloadUrl: `${PUBLIC_URL}${outputUrl(application, outputId)}`,
      },
    ]);
  });

  it('answers 404 to another citizen and for an unknown or foreign output, refuses staff of any unit; writes no audit row', async () => {
    const { application, outputId } = await issued();
    expect((await get(outputUrl(application, outputId), 'other')).statusCode).toBe(404);
    // A citizen's route refuses staff before any record is looked up (the same answer for every address), whatever their unit;
    // staff download outputs from the case page.
    for (const who of ['otherUnit', 'processor']) {
      const refused = await get(outputUrl(application, outputId), who, 'application/json');
      expect([refused.statusCode, refused.body.includes(application.trackingNumber!)], who).toEqual([403, false]);
      expect((await get(outputUrl(application, crypto.randomUUID()), who)).statusCode, who).toBe(403);
    }
    expect((await get(`/permohonan/${application.id}`, 'other')).statusCode).toBe(404);
    expect((await get(`/api/v1/applications/${application.id}`, 'other', 'application/json')).statusCode).toBe(404);
    expect((await get(outputUrl(application, crypto.randomUUID()))).statusCode).toBe(404);
    expect((await get(outputUrl(application, 'bukan-id'))).statusCode).toBe(404);
    // Another application's output through this one's address.
    const second = await issued();
    expect((await get(outputUrl(application, second.outputId))).statusCode).toBe(404);
    expect((await get(outputUrl(second.application, outputId))).statusCode).toBe(404);
    expect((await get(outputUrl(second.application, second.outputId))).statusCode).toBe(200);
    expect(await downloads()).toHaveLength(1);
  });

  it('shows nothing and hands out nothing before the application is completed', async () => {
    const { application, outputId } = await issued({ complete: false });
    const page = await get(`/permohonan/${application.id}`);
    expect(page.body).not.toContain('<h2 class="govuk-heading-m">Produk layanan</h2>');
    expect((await get(outputUrl(application, outputId))).statusCode).toBe(404);
    expect((await get(`/api/v1/applications/${application.id}`, 'warga', 'application/json')).json().outputs).toEqual([]);
  });

  it('marks a revoked output revoked without its reason, offers no download and refuses one with 410', async () => {
    const { application, outputId, code } = await issued();
    await revokeOutput(processor(), application.id, application.version, { outputId, reason: 'Salah ketik nama ayah Ketut Rahasia' });
    const page = await get(`/permohonan/${application.id}`);
    expect(page.body).toContain('<strong class="govuk-tag govuk-tag--red">Dicabut</strong>');
    expect(page.body).toContain('Produk layanan dicabut');
    expect(page.body).toContain('Dicabut oleh unit pelayanan dan tidak berlaku lagi, sehingga tidak dapat diunduh.');
    expect(page.body).toContain('Permohonan selesai, tetapi produknya telah dicabut oleh unit pelayanan.');
    expect(page.body).toContain(formatCode(code));
    expect(page.body).not.toContain('Ketut Rahasia');
    expect(page.body).not.toContain(`href="${outputUrl(application, outputId)}"`);

    const refused = await get(outputUrl(application, outputId));
    expect(refused.statusCode).toBe(410);
    expect(refused.body).toContain('Produk ini telah dicabut oleh unit pelayanan dan tidak berlaku lagi');
    const json = await get(outputUrl(application, outputId), 'warga', 'application/json');
    expectJsonError(json, 410, 'APPLICATIONS_OUTPUT_NO_LONGER_VALID');
    const api = await get(`/api/v1/applications/${application.id}`, 'warga', 'application/json');
    expect(api.json().outputs).toMatchObject([{ id: outputId, revoked: true, downloadUrl: null }]);
    expect(JSON.stringify(api.json())).not.toContain('Ketut Rahasia');
    expect(await downloads()).toEqual([]);
  });
});
