import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import type { App } from '../../platform/http/server.js';
import { pdfLines, pdfText } from '../../platform/pdf/pdf-text.test-support.js';
import { renderMaklumatPoster, type PosterInput } from './maklumat.pdf.js';
import * as Svc from './maklumat.service.js';
import { buildPledgeUnits, pledgeBody } from './maklumat.test-support.js';

/** The page sizes of a PDF, from its /MediaBox entries (they stay readable in a compressed file). */
const mediaBoxes = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/MediaBox \[([\d.\s]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));

eachDatabase('the pledge poster', (db) => {
  let app: App;
  let units: Awaited<ReturnType<typeof buildPledgeUnits>>;
  const poster = (size?: string, unitId = units.adminduk.id) =>
    app.inject({ url: `/unit/${unitId}/maklumat.pdf${size ? `?ukuran=${size}` : ''}`, headers: { accept: 'text/html' } });
  const publish = async (overrides = {}) => {
    const ctx = { db: db().db, actor: units.staff.dukcapil, now: () => new Date('2026-01-05T02:00:00Z') };
    const draft = await Svc.createMaklumatDraft(ctx, units.adminduk.id, pledgeBody(overrides));
    return (await Svc.publishMaklumat(ctx, draft.id, { version: draft.version })).published;
  };

  beforeEach(async () => {
    units = await buildPledgeUnits(db().db);
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' });
  });
  afterEach(async () => {
    await app.close();
  });

  it('is a 404 until the unit has published a pledge, and for an unknown unit', async () => {
    expect((await poster()).statusCode).toBe(404);
    await Svc.createMaklumatDraft({ db: db().db, actor: units.staff.dukcapil }, units.adminduk.id, pledgeBody());
    expect((await poster('a3')).statusCode).toBe(404);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'bukan-uuid']) expect((await poster('a4', id)).statusCode, id).toBe(404);
  });

  it('prints on one A4 or A3 portrait page, A3 the larger; an unknown size falls back to A4', async () => {
    await publish();
    const a4 = await poster('a4');
    expect(a4.statusCode).toBe(200);
    expect(a4.headers['content-type']).toBe('application/pdf');
    expect(a4.headers['content-disposition']).toBe('inline; filename="maklumat-pelayanan-a4.pdf"');
    expect(a4.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a4.rawPayload.toString('latin1')).toMatch(/\/Lang \(id-ID\)/);
    const a3 = await poster('a3');
    const [a4Box, a3Box] = [mediaBoxes(a4.rawPayload), mediaBoxes(a3.rawPayload)];
    expect(a4Box).toEqual([[0, 0, 595.28, 841.89]]);
    expect(a3Box).toEqual([[0, 0, 841.89, 1190.55]]);
    const [, , w4, h4] = a4Box[0]!;
    const [, , w3, h3] = a3Box[0]!;
    expect(w3! > w4! && h3! > h4! && h3! > w3!).toBe(true);
    expect(mediaBoxes((await poster('a5')).rawPayload)).toEqual(a4Box);
    expect(mediaBoxes((await poster()).rawPayload)).toEqual(a4Box);
  });

  it('shows the agency, the unit, the title, the three promises, place and date, the signatory and the address its QR code opens', async () => {
    await publish({ closing: 'Demikian maklumat ini kami buat dengan sebenar-benarnya.' });
    const maklumat = (await Svc.findPublishedMaklumat(db().db, units.adminduk.id))!;
    const input: PosterInput = {
      maklumat,
      unitName: 'Bidang Pelayanan Pendaftaran Penduduk',
      agencyName: 'Disdukcapil Kabupaten Badung',
      pageUrl: `https://satupintu.example/unit/${units.adminduk.id}`,
      size: 'a4',
      compress: false,
    };
    const pdf = await renderMaklumatPoster(input);
    const words = pdfText(pdf);
    for (const part of [
      'Disdukcapil Kabupaten Badung',
      'Bidang Pelayanan Pendaftaran Penduduk',
      'MAKLUMAT PELAYANAN',
      ...maklumat.promises,
      'Demikian maklumat ini kami buat dengan sebenar-benarnya.',
      'Mangupura, 5 Januari 2026',
      'Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung',
      'I Made Sutama Wijaya, S.Sos., M.Si.',
      input.pageUrl,
    ]) {
      expect(words).toContain(part);
    }
    // The address (with the unit's UUID) stands on one line, to be typed from the wall.
    expect(pdfLines(pdf)).toContain(input.pageUrl);
    // The same pledge gives the same bytes, so a cached copy stays valid.
    expect((await renderMaklumatPoster(input)).equals(await renderMaklumatPoster(input))).toBe(true);
  });

  it('sets a long pledge smaller rather than on a second sheet; an emoji prints, what the font lacks (Balinese script) is "\uFFFD"', async () => {
    const long = 'dan kami akan terus memperbaiki pelayanan bersama masyarakat '.repeat(16).trim();
    await publish({ promiseStandard: long, promiseObligation: long, promiseSanction: long, opening: `${long} 😀 ᬅ`, closing: long });
    const maklumat = (await Svc.findPublishedMaklumat(db().db, units.adminduk.id))!;
    for (const size of ['a4', 'a3'] as const) {
      const pdf = await renderMaklumatPoster({
        maklumat,
        unitName: 'Unit',
        agencyName: 'Instansi',
        pageUrl: 'https://x.example/unit/1',
        size,
        compress: false,
      });
      expect(mediaBoxes(pdf)).toHaveLength(1);
      expect(pdfText(pdf)).toContain('pelayanan bersama masyarakat 😀 \uFFFD');
    }
  });
});
