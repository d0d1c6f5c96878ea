import { inflateSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import type { App } from '../../platform/http/server.js';
import { expectPrintedAsTyped, pdfText } from '../../platform/pdf/pdf-text.test-support.js';
import { CATALOG_SERVICES, seedCatalog } from './catalog.test-support.js';

eachDatabase('service PDF', (db) => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('/layanan/:slug.pdf is an A4 PDF with the checklist, cost, time, places, steps, complaints and a QR code', async () => {
    await seedCatalog(db().db);
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' });
    const response = await app.inject({ method: 'GET', url: '/layanan/sim-baru.pdf', headers: { 'accept-language': 'id' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('inline; filename="sim-baru.pdf"');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Document language and title for screen readers and the viewer's title bar.
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(id-ID\)/);
    expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    const text = pdfText(pdf);
    for (const part of [
      'Penerbitan Surat Izin Mengemudi Baru',
      'Yang perlu dibawa',
      'KTP-el pemohon',
      'Penerbitan SIM A baru: Rp 120.000',
      'Jumlah seluruhnya: Rp 180.000',
      'Paling lama 2 jam',
      'Tempat layanan',
      'Petugas loket memeriksa kelengkapan berkas',
      'Pengaduan dijawab paling lama 5 hari kerja.',
      'Dicetak dari https://satupintu.example/layanan/sim-baru',
    ]) {
      expect(text).toContain(part);
    }
    // The QR code is drawn as filled squares: many small rectangles in one content stream.
    const rects = [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
      .map((m) => {
        try {
          return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('\n')
      .match(/ re\n/g);
    expect(rects!.length).toBeGreaterThan(200);
  });

  it('speaks English when asked, and the same standard gives the same bytes (a stable ETag)', async () => {
    await seedCatalog(db().db);
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' });
    const en = await app.inject({ method: 'GET', url: '/layanan/penerbitan-akta-kelahiran.pdf?lang=en' });
    expect(pdfText(en.rawPayload)).toContain('What to bring');
    expect(pdfText(en.rawPayload)).toContain('At most 1 working day');
    const again = await app.inject({ method: 'GET', url: '/layanan/penerbitan-akta-kelahiran.pdf?lang=en' });
    expect(again.headers.etag).toBe(en.headers.etag);
  });

  it('prints names and notes outside Latin-1 as typed, in an embedded subset of a Unicode font', async () => {
    const typed = {
      name: 'Legalisasi “kutipan” akta: ≥ 2 hari → selesai',
      summary: 'Untuk Ni Luh Putu Ayu Wédari, İbrahim Şahin dan Ādityā Kőváry, lahir di İstanbul.',
      requirement: 'Fotokopi akta – dilegalisasi ≤ 3 lembar … ✓',
    };
    await seedCatalog(db().db, [
      ...CATALOG_SERVICES,
      {
        unit: 'DUKCAPIL',
        slug: 'legalisasi-akta',
        name: typed.name,
        summary: typed.summary,
        at: ['G-DUKCAPIL'],
        content: {
          requirements: [
            { key: 'akta', name: typed.requirement, kind: 'document', mandatory: true, fileTypes: ['application/pdf'], maxSizeKb: 2048 },
          ],
        },
      },
    ]);
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' });
    const pdf = (await app.inject({ method: 'GET', url: '/layanan/legalisasi-akta.pdf', headers: { 'accept-language': 'id' } })).rawPayload;
    expectPrintedAsTyped(pdf, Object.values(typed));
    expect(pdf.toString('latin1')).not.toContain('/Helvetica');
  });

  it('stays small: a typical standard is a few tens of kilobytes with its fonts', async () => {
    await seedCatalog(db().db);
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' });
    const pdf = (await app.inject({ method: 'GET', url: '/layanan/penerbitan-akta-kelahiran.pdf' })).rawPayload;
    // Measured 32,184 bytes with its two subset faces (9,885 in Helvetica, which embedded nothing); the whole
    // DejaVu Sans regular and bold files are 757 and 706 KB.
    expect(pdf.length).toBeLessThan(40_000);
  });
});
