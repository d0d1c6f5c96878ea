import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { expectPrintedAsTyped, pdfText } from '../../platform/pdf/pdf-text.test-support.js';
import { buildApplyFixture, FILES, submittedApplication, type ApplyFixture } from './applications.test-support.js';
import { issueOutput, revokeOutput } from './output.js';
import { renderOutputPdf } from './output.pdf.js';
import * as P from './process.js';
import { generateOutput, PUBLIC_URL, refusal } from './process.test-support.js';

const NOW = () => new Date('2026-02-03T01:00:00Z');
const options = { publicUrl: PUBLIC_URL };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A generated document's fields but the time zone. */
const DOCUMENT = {
  agencyName: 'Dinas',
  unitName: 'Unit',
  serviceName: 'Layanan',
  productName: 'Produk',
  applicantName: 'Nama',
  trackingNumber: '7K3QPM2XW9',
  verificationCode: '7K3QPM2XW9AB',
  issuedAt: new Date('2026-02-02T16:30:00Z'),
  verifyUrl: 'https://satupintu.example/verifikasi/7K3QPM2XW9AB',
};

eachDatabase('issuing outputs', (db) => {
  let fx: ApplyFixture;
  const processor = () => fx.ctx(fx.staff.processor, NOW);
  const outputs = async (id: string) =>
    (
      await sql<{ verificationCode: string; fileKey: string; sha256: string; mediaType: string; origin: string; revokedAt: Date | null }>`
        select verification_code as "verificationCode", file_key as "fileKey", sha256, media_type as "mediaType", origin, revoked_at as "revokedAt"
        from applications.output where application_id = ${id} order by issued_at`.execute(db().db)
    ).rows;
  const inProcess = async () => {
    const app = await submittedApplication(fx, { now: () => new Date('2026-02-02T02:00:00Z') });
    return P.claim(processor(), app.id, app.version);
  };

  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
  });

  it('generates a PDF from the template with the verification code and its verification address, keeping its SHA-256', async () => {
    const app = await inProcess();
    const issued = await generateOutput(processor(), app);
    expect(issued.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const [row] = await outputs(app.id);
    expect(row).toMatchObject({
      verificationCode: issued.verificationCode,
      mediaType: 'application/pdf',
      origin: 'generated',
      revokedAt: null,
    });
    const stored = Buffer.concat(await (await fx.files.get(row!.fileKey)).toArray());
    expect(sha256(stored)).toBe(row!.sha256);
    const text = pdfText(stored);
    const grouped = issued.verificationCode.match(/.{4}/g)!.join('-');
    for (const part of [
      'Kutipan akta kelahiran',
      'Ni Wayan Sari',
      'Penerbitan Akta Kelahiran',
      'Bidang Pelayanan Pencatatan Sipil',
      '3 Februari 2026',
      `Kode verifikasi: ${grouped}`,
      `https://satupintu.example/verifikasi/${issued.verificationCode}`,
    ]) {
      expect(text).toContain(part);
    }
  });

  it('dates the document in the unit’s time zone: 23.30 WIB on the 2nd is the 3rd in WITA', async () => {
    const base = { ...DOCUMENT, compress: false };
    expect(pdfText(await renderOutputPdf({ ...base, timeZone: 'Asia/Makassar' }))).toContain('3 Februari 2026');
    expect(pdfText(await renderOutputPdf({ ...base, timeZone: 'Asia/Jakarta' }))).toContain('2 Februari 2026');
  });

  it('prints names outside Latin-1 as written, in embedded subsets of a Unicode font, and stays small', async () => {
    const typed = {
      agencyName: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung',
      unitName: 'Bidang Pelayanan “Pencatatan Sipil”',
      serviceName: 'Legalisasi akta: ≥ 2 hari → selesai',
      productName: 'Kutipan akta kelahiran – salinan',
      applicantName: 'Ni Luh Putu Ayu Wédari binti İbrahim Şahin Kőváry Ādityā',
    };
    const pdf = await renderOutputPdf({ ...DOCUMENT, ...typed, timeZone: 'Asia/Makassar' });
    expectPrintedAsTyped(pdf, Object.values(typed));
    // Measured 35,460 bytes, the two subset faces and the QR code image included; a Latin-1 certificate was
    // 13,825 in Helvetica, which embedded no font, and is 33,821 now. The whole font files are 1.4 MB.
    expect(pdf.length).toBeLessThan(45_000);
  });

  it('stores an upload judged by its content: a scan as PNG is taken, a program called .pdf is refused and nothing stays', async () => {
    const app = await inProcess();
    const issued = await issueOutput(
      processor(),
      app.id,
      app.version,
      { productName: 'Kutipan akta kelahiran', source: { upload: { source: FILES.png, name: 'akta.png' } } },
      options,
    );
    const [row] = await outputs(app.id);
    expect(row).toMatchObject({ mediaType: 'image/png', origin: 'uploaded', sha256: sha256(FILES.png) });
    const error = await refusal(
      issueOutput(
        processor(),
        app.id,
        issued.application.version,
        { productName: 'Kutipan akta kelahiran', source: { upload: { source: FILES.exe, name: 'akta.pdf' } } },
        options,
      ),
    );
    expect([error.code, error.status]).toEqual(['FILES_TYPE_NOT_ALLOWED', 415]);
    expect(await outputs(app.id)).toHaveLength(1);
  });

  it('deletes the stored upload when the action is refused (a stale version)', async () => {
    const app = await inProcess();
    const before = await fx.files.stat('x');
    expect(before).toBeUndefined();
    const error = await refusal(
      issueOutput(
        processor(),
        app.id,
        app.version - 1,
        { productName: 'Kutipan akta kelahiran', source: { upload: { source: FILES.pdf, name: 'akta.pdf' } } },
        options,
      ),
    );
    expect(error.code).toBe('APPLICATIONS_CASE_VERSION_CONFLICT');
    expect(await outputs(app.id)).toHaveLength(0);
  });

  it('draws another code when the first is taken', async () => {
    const app = await inProcess();
    const first = await generateOutput(processor(), app);
    const codes = [first.verificationCode, '0000000000000'.slice(0, 11) + '0'];
    const second = await generateOutput(processor(), first.application, () => codes.shift()!);
    expect(second.verificationCode).toBe('000000000000');
  });

  it('refuses to issue outside "in process", and revokes an output once with a reason', async () => {
    const submitted = await submittedApplication(fx);
    expect((await refusal(generateOutput(processor(), submitted))).code).toBe('APPLICATIONS_CASE_WRONG_STATUS');
    const app = await inProcess();
    const issued = await generateOutput(processor(), app);
    const revoked = await revokeOutput(processor(), app.id, issued.application.version, {
      outputId: issued.outputId,
      reason: 'Salah ketik nama anak.',
    });
    expect((await outputs(app.id))[0]!.revokedAt).not.toBeNull();
    expect((await refusal(revokeOutput(processor(), app.id, revoked.version, { outputId: issued.outputId, reason: 'Lagi.' }))).code).toBe(
      'APPLICATIONS_OUTPUT_REVOKED',
    );
    // A revoked output does not count for completion.
    const paid = await P.recordPayment(processor(), app.id, revoked.version, { method: 'cash', amount: 40_000, reference: 'KW-1' });
    expect((await refusal(P.complete(processor(), app.id, paid.version))).code).toBe('APPLICATIONS_NO_OUTPUT');
  });
});
