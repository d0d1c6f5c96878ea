import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import {
  buildTestApp,
  cookieHeader,
  escapeHtml,
  expectErrorPage,
  expectJsonError,
  getPage,
  messageParts,
  type Cookies,
} from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { changedTables, fingerprint, staffAt } from '../../../test/support/tenants.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { MAX_FILE_BYTES, type BulkDocument, type BulkService } from './bulk.format.js';
import { WORKBOOK_LIMITS } from './bulk.workbook.js';
import { parseWorkbook } from './bulk.xlsx.js';
import { seedCatalog, standardContent, type CatalogFixture } from './catalog.test-support.js';
import type { DraftContent } from './standards.content.js';
import { submitForReview } from './standards.service.js';

type Response = Awaited<ReturnType<App['inject']>>;
interface ReportEntry {
  sheet: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  message: string;
}
interface Report {
  imported: boolean;
  dryRun: boolean;
  format: 'xlsx' | 'json';
  services: { code: string; action: 'created' | 'updated'; versionId?: string; versionNumber?: number }[];
  errors: ReportEntry[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A body of multipart/form-data as a browser sends it, built by the platform's own FormData. */
async function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

/** The fixture's mall, as files name it. */
const BADUNG = { regionCode: '51.03', mallCode: 'MPP-BADUNG' };

/** The outbox rows that say a service's places were replaced. */
const relocations = async (db: Parameters<typeof fingerprint>[0]) =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from platform.outbox where name = 'standards.service.relocated'`.execute(db))
      .rows[0]!.n,
  );

/** What the export says of a service, without which version it was read from (that changes with every import). */
const withoutVersion = (services: readonly BulkService[]) => services.map(({ standard: _, ...rest }) => rest);

eachDatabase('bulk import and export of standards', (db) => {
  let app: App | undefined;
  let fixture: CatalogFixture;
  const actors: Record<string, Actor> = {};

  const start = async () => {
    fixture = await seedCatalog(db().db);
    actors.agency = staffAt({ kind: 'agency', id: fixture.agencyIds.DUKCAPIL }, ['standards.manage'], 'Admin Disdukcapil');
    actors.unit = staffAt({ kind: 'unit', id: fixture.unitIds.PTSP }, ['standards.manage'], 'Admin PTSP');
    actors.mall = staffAt({ kind: 'mall', id: fixture.mallId }, ['standards.manage'], 'Pengelola MPP');
    actors.auditor = staffAt({ kind: 'platform' }, ['audit.read'], 'Auditor');
    const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
    app = await buildTestApp(db(), { RATE_LIMIT_MAX: '100000' }, { resolveActor });
  };
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const as = (actor: string, headers: Record<string, string> = {}) => ({ 'x-test-actor': actor, ...headers });
  const get = (url: string, actor = 'agency', headers: Record<string, string> = {}) =>
    app!.inject({ method: 'GET', url, headers: as(actor, { accept: 'application/json', ...headers }) });
  const exportJson = async (query = '', actor = 'agency') => {
    const response = await get(`/api/v1/standards/export.json${query}`, actor);
    expect(response.statusCode).toBe(200);
    return response.json<BulkDocument>();
  };
  const importJson = (document: unknown, query = '', actor = 'agency') =>
    app!.inject({
      method: 'POST',
      url: `/api/v1/standards/import${query}`,
      headers: as(actor, { 'content-type': 'application/json' }),
      payload: JSON.stringify(document),
    });

  /** A CSRF token with its cookie, read from the import page as a browser would. */
  const csrf = async (actor = 'agency') => {
    const page = await getPage(app!, '/admin/layanan/impor', { headers: as(actor) });
    return { token: page.token, cookies: page.cookies };
  };
  const importFile = async (
    bytes: Buffer,
    options: { name?: string; query?: string; actor?: string; session?: { token: string; cookies: Cookies } } = {},
  ) => {
    const actor = options.actor ?? 'agency';
    const { token, cookies } = options.session ?? (await csrf(actor));
    const { payload, contentType } = await multipart({}, { name: options.name ?? 'layanan.xlsx', bytes });
    return app!.inject({
      method: 'POST',
      url: `/api/v1/standards/import${options.query ?? ''}`,
      headers: as(actor, { 'content-type': contentType, 'x-csrf-token': token, cookie: cookieHeader(cookies), accept: 'application/json' }),
      payload,
    });
  };
  const postPage = async (bytes: Buffer | undefined, fields: Record<string, string> = {}, lang = 'id') => {
    const page = await getPage(app!, `/admin/layanan/impor?lang=${lang}`, { headers: as('agency') });
    const { payload, contentType } = await multipart(fields, bytes ? { name: 'layanan.xlsx', bytes } : undefined);
    return app!.inject({
      method: 'POST',
      url: `/admin/layanan/impor?_csrf=${encodeURIComponent(page.token)}`,
      headers: as('agency', { 'content-type': contentType, cookie: cookieHeader(page.cookies), accept: 'text/html' }),
      payload,
    });
  };
  const report = (response: Response, status: number) => {
    expect(response.statusCode, response.body.slice(0, 500)).toBe(status);
    return status === 200 ? response.json<Report>() : response.json<{ error: { code: string; message: string }; report: Report }>().report;
  };

  /** The template as office staff receive it, filled in with ExcelJS the way they would in a spreadsheet program. */
  async function filledTemplate(fill: (sheet: (name: string) => { add(values: Record<string, unknown>): void }) => void): Promise<Buffer> {
    const response = await get('/admin/layanan/templat.xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    fill((name) => {
      const ws = workbook.getWorksheet(name)!;
      const headers = (ws.getRow(1).values as unknown[]).map((h) => (typeof h === 'string' ? h.replace(/\s*\*$/, '') : ''));
      return {
        add(values) {
          const row = ws.getRow(ws.actualRowCount + 1);
          for (const [header, value] of Object.entries(values)) {
            const column = headers.indexOf(header);
            if (column < 0) throw new Error(`no column ${header} on ${name}`);
            row.getCell(column).value = value as ExcelJS.CellValue;
          }
          row.commit();
        },
      };
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** One new service of the Disdukcapil unit with every component, over every sheet. */
  const fillAktaNikah = (sheet: (name: string) => { add(values: Record<string, unknown>): void }) => {
    sheet('Layanan').add({
      'Kode instansi': 'DISDUKCAPIL-BDG',
      'Kode unit': 'DUKCAPIL',
      'Kode layanan': 'akta-kawin',
      'Nama layanan': 'Penerbitan Akta Perkawinan',
      Ringkasan: 'Pencatatan perkawinan bagi penduduk non-muslim dan penerbitan akta perkawinan.',
      'Kata kunci': 'akta nikah, kutipan akta perkawinan',
      Kategori: 'civil_registration',
      'Jenis layanan': 'Nonperizinan',
      'Peristiwa kehidupan': 'marriage',
      Sasaran: 'citizen',
      'Cara pengajuan': 'both',
      'Jangka waktu': 1,
      'Satuan jangka waktu': 'working_days',
      'Berhenti saat menunggu pemohon': 'Ya',
      Gratis: 'Tidak',
      'Catatan biaya': 'Dibayar di loket bank.',
      'Hari kerja menjawab pengaduan': 5,
      'Sarana dan prasarana': 'Ruang tunggu dan loket prioritas.',
      'Kompetensi pelaksana': 'Memahami administrasi kependudukan.',
      'Pengawasan internal': 'Kepala bidang.',
      'Jumlah pelaksana': 4,
      'Jaminan pelayanan': 'Sesuai standar ini.',
      'Jaminan keamanan dan keselamatan': 'Data pemohon dijaga kerahasiaannya.',
      'Evaluasi kinerja pelaksana': 'Setiap semester.',
    });
    const requirements = sheet('Persyaratan');
    requirements.add({
      'Kode layanan': 'AKTA-KAWIN',
      'Nama persyaratan': 'Surat keterangan perkawinan',
      Jenis: 'document',
      Wajib: 'Ya',
      'Jenis berkas': 'pdf, jpg',
      'Ukuran berkas maks (KB)': 2048,
    });
    requirements.add({
      'Kode layanan': 'AKTA-KAWIN',
      Kunci: 'status',
      'Nama persyaratan': 'Status sebelum menikah',
      Jenis: 'data',
      Wajib: 'Tidak',
      'Jenis isian': 'choice',
      'Pilihan jawaban': 'Belum kawin; Cerai hidup; Cerai mati',
    });
    sheet('Prosedur').add({ 'Kode layanan': 'AKTA-KAWIN', Langkah: 'Pemohon menyerahkan berkas', Pelaksana: 'citizen' });
    sheet('Prosedur').add({
      'Kode layanan': 'AKTA-KAWIN',
      Kunci: 'catat',
      Langkah: 'Petugas mencatat perkawinan',
      Pelaksana: 'processor',
      'Lama langkah': 2,
      'Satuan lama langkah': 'hours',
      Keluaran: 'Akta perkawinan',
    });
    sheet('Biaya').add({
      'Kode layanan': 'AKTA-KAWIN',
      'Rincian biaya': 'Denda keterlambatan',
      'Jumlah (Rp)': 'Rp 100.000',
      'Dasar hukum': 'Perda Badung 2/2020',
    });
    sheet('Produk').add({ 'Kode layanan': 'AKTA-KAWIN', 'Nama produk': 'Kutipan akta perkawinan' });
    sheet('Pengaduan').add({ 'Kode layanan': 'AKTA-KAWIN', Saluran: 'lapor', Kontak: 'lapor.go.id' });
    sheet('Pengaduan').add({ 'Kode layanan': 'AKTA-KAWIN', Saluran: 'Surel', Kontak: 'pengaduan@badungkab.go.id' });
    sheet('Dasar Hukum').add({
      'Kode layanan': 'AKTA-KAWIN',
      'Judul peraturan': 'Undang-Undang tentang Administrasi Kependudukan',
      Nomor: 24,
      Tahun: 2013,
    });
    // The region as a spreadsheet keeps a typed "51.03": a number.
    sheet('Tempat Layanan').add({
      'Kode layanan': 'AKTA-KAWIN',
      'Kode wilayah mal': 51.03,
      'Kode mal': 'mpp-badung',
      'Kode gerai': 'g-dukcapil',
    });
  };

  /** What the filled-in template above stands for. */
  const AKTA_KAWIN: DraftContent = {
    requirements: [
      {
        key: 'surat_keterangan_perkawinan',
        name: 'Surat keterangan perkawinan',
        kind: 'document',
        mandatory: true,
        fileTypes: ['application/pdf', 'image/jpeg'],
        maxSizeKb: 2048,
        reusable: false,
      },
      {
        key: 'status',
        name: 'Status sebelum menikah',
        kind: 'data',
        mandatory: false,
        fileTypes: [],
        fieldType: 'choice',
        choices: ['Belum kawin', 'Cerai hidup', 'Cerai mati'],
        reusable: false,
      },
    ],
    procedure: [
      { key: 'pemohon_menyerahkan_berkas', title: 'Pemohon menyerahkan berkas', actor: 'citizen' },
      {
        key: 'catat',
        title: 'Petugas mencatat perkawinan',
        actor: 'processor',
        duration: { value: 2, unit: 'hours' },
        output: 'Akta perkawinan',
      },
    ],
    timeLimit: { value: 1, unit: 'working_days', pausesWhileWaiting: true },
    fee: {
      free: false,
      items: [{ name: 'Denda keterlambatan', amount: 100000, legalBasis: 'Perda Badung 2/2020' }],
      notes: 'Dibayar di loket bank.',
    },
    products: [{ name: 'Kutipan akta perkawinan' }],
    complaints: {
      channels: [
        { kind: 'lapor', contact: 'lapor.go.id' },
        { kind: 'email', contact: 'pengaduan@badungkab.go.id' },
      ],
      responseDays: 5,
    },
    legalBasis: [{ title: 'Undang-Undang tentang Administrasi Kependudukan', number: '24', year: 2013 }],
    facilities: 'Ruang tunggu dan loket prioritas.',
    staffCompetence: 'Memahami administrasi kependudukan.',
    internalSupervision: 'Kepala bidang.',
    staffCount: { count: 4 },
    serviceGuarantee: 'Sesuai standar ini.',
    securityGuarantee: 'Data pemohon dijaga kerahasiaannya.',
    performanceEvaluation: 'Setiap semester.',
  };

  // ---- export --------------------------------------------------------------------------------------

  it('exports the services inside the scope as JSON, each with its latest version, and only those', async () => {
    await start();
    const document = await exportJson();
    expect(document).toMatchObject({ format: 'satupintu.standards', version: 1 });
    expect(document.services.map((s) => s.code)).toEqual(['SVC-1', 'SVC-11', 'SVC-2', 'SVC-3', 'SVC-4', 'SVC-5']);
    expect(document.services.every((s) => s.agencyCode === 'DISDUKCAPIL-BDG' && s.unitCode === 'DUKCAPIL')).toBe(true);
    const birth = document.services.find((s) => s.code === 'SVC-1')!;
    expect(birth).toMatchObject({
      slug: 'penerbitan-akta-kelahiran',
      active: true,
      standard: { number: 1, status: 'published' },
      lifeEvents: ['birth'],
    });
    expect(birth.content.timeLimit).toEqual({ value: 1, unit: 'working_days', pausesWhileWaiting: true });
    // Places by codes: the mall by region and code, the unit's booth there, or none for the unit's own office.
    expect(birth.places).toEqual([{ ...BADUNG, boothCode: 'G-DUKCAPIL' }]);
    expect(document.services.find((s) => s.code === 'SVC-4')!.places).toEqual([{ ...BADUNG, boothCode: null }]);
    expect(document.services.find((s) => s.code === 'SVC-5')!.places).toEqual([]);
    expect(document.services.find((s) => s.code === 'SVC-11')!.standard).toMatchObject({ status: 'draft' });

    expect((await exportJson('?version=published')).services.map((s) => s.code)).not.toContain('SVC-11');
    expect((await exportJson('?includeInactive=true')).services.map((s) => s.code)).toContain('SVC-12');
    // A unit admin elsewhere, a mall manager, and a filter naming another agency's unit: none of these services.
    expect((await exportJson('', 'unit')).services.map((s) => s.code)).toEqual(['SVC-7', 'SVC-8']);
    expect((await exportJson('', 'mall')).services).toEqual([]);
    expect((await exportJson(`?serviceUnitId=${fixture.unitIds.PTSP}`)).services).toEqual([]);
    expect((await get('/api/v1/standards/export.json', 'auditor')).statusCode).toBe(403);
    expect((await get('/api/v1/standards/export.json', 'nobody')).statusCode).toBe(401);
  });

  // ---- JSON round trip -------------------------------------------------------------------------------

  it('imports its own JSON export back: every service gets a draft with the same content, and the next export is the same', async () => {
    await start();
    const first = await exportJson();
    expect(first.services.filter((s) => s.places.length > 0).map((s) => s.code)).toEqual(['SVC-1', 'SVC-2', 'SVC-3', 'SVC-4']);
    const before = await fingerprint(db().db);
    const result = report(await importJson(first), 200);
    expect(result).toMatchObject({ imported: true, dryRun: false, format: 'json', errors: [] });
    expect(result.services.map((s) => [s.code, s.action, s.versionNumber])).toEqual([
      ['SVC-1', 'updated', 2],
      ['SVC-11', 'updated', 1],
      ['SVC-2', 'updated', 2],
      ['SVC-3', 'updated', 2],
      ['SVC-4', 'updated', 2],
      ['SVC-5', 'updated', 2],
    ]);
    const second = await exportJson();
    expect(withoutVersion(second.services)).toEqual(withoutVersion(first.services));
    // The places were the same, so they were not written again.
    expect(changedTables(before, await fingerprint(db().db))).not.toContain('standards.service_location');
    expect(await relocations(db().db)).toBe(0);
    expect(second.services.map((s) => s.standard?.status)).toEqual(['draft', 'draft', 'draft', 'draft', 'draft', 'draft']);
    // Importing again updates the open drafts rather than starting more.
    const again = report(await importJson(second), 200);
    expect(again.services.map((s) => s.versionNumber)).toEqual([2, 1, 2, 2, 2, 2]);
  });

  it('creates services from a JSON document, and the export gives back what was imported', async () => {
    await start();
    const full = standardContent();
    const document = {
      format: 'satupintu.standards',
      version: 1,
      services: [
        {
          agencyCode: 'DISDUKCAPIL-BDG',
          unitCode: 'DUKCAPIL',
          code: 'PINDAH-DATANG',
          name: 'Surat Keterangan Pindah Datang',
          summary: 'Pencatatan penduduk yang pindah datang ke Kabupaten Badung.',
          category: 'civil_registration',
          kind: 'non_licensing',
          lifeEvents: ['moving_house'],
          audiences: ['citizen'],
          channels: 'online',
          content: full,
        },
        {
          agencyCode: 'disdukcapil-bdg',
          unitCode: 'dukcapil',
          code: 'skck-draf',
          slug: 'surat-pengantar-skck',
          name: 'Surat Pengantar SKCK',
          summary: 'Surat pengantar dari kelurahan untuk permohonan SKCK.',
          category: 'information',
          kind: 'non_licensing',
          audiences: ['citizen'],
          channels: 'counter',
          content: { products: [{ name: 'Surat pengantar' }], facilities: 'Loket informasi.' },
        },
      ],
    };
    const result = report(await importJson(document), 200);
    expect(result.services.map((s) => [s.code, s.action, s.versionNumber])).toEqual([
      ['PINDAH-DATANG', 'created', 1],
      ['SKCK-DRAF', 'created', 1],
    ]);
    const exported = (await exportJson()).services;
    const moving = exported.find((s) => s.code === 'PINDAH-DATANG')!;
    expect(moving).toMatchObject({ slug: 'surat-keterangan-pindah-datang', keywords: '', standard: { number: 1, status: 'draft' } });
    expect(moving.content).toEqual(full);
    const skck = exported.find((s) => s.code === 'SKCK-DRAF')!;
    expect(skck).toMatchObject({ slug: 'surat-pengantar-skck', agencyCode: 'DISDUKCAPIL-BDG', unitCode: 'DUKCAPIL' });
    expect(skck.content).toEqual({ products: [{ name: 'Surat pengantar' }], facilities: 'Loket informasi.' });
  });

  // ---- XLSX round trip -------------------------------------------------------------------------------

  it('offers a template with guidance, dropdowns and only the units inside the scope', async () => {
    await start();
    const response = await get('/admin/layanan/templat.xlsx');
    expect(response.headers['content-type']).toBe(XLSX_TYPE);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="templat-standar-pelayanan\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Petunjuk',
      'Layanan',
      'Persyaratan',
      'Prosedur',
      'Biaya',
      'Produk',
      'Pengaduan',
      'Dasar Hukum',
      'Tempat Layanan',
      'Pilihan',
    ]);
    const places = workbook.getWorksheet('Tempat Layanan')!;
    expect((places.getRow(1).values as unknown[]).slice(1)).toEqual(['Kode layanan *', 'Kode wilayah mal *', 'Kode mal *', 'Kode gerai']);
    const guide = workbook.getWorksheet('Petunjuk')!.getSheetValues().flat().map(String).join('\n');
    expect(guide).toContain('Lembar Tempat Layanan');
    const services = workbook.getWorksheet('Layanan')!;
    expect(services.getCell('A1').value).toBe('Kode instansi *');
    expect(services.getCell('H1').value).toBe('Kategori *');
    expect(
      String(
        (services.getCell('C1').note as { texts?: { text: string }[] } | string | undefined) && JSON.stringify(services.getCell('C1').note),
      ),
    ).toContain('Huruf besar');
    const validations = (services as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } })
      .dataValidations.model;
    expect(validations.H2).toMatchObject({ type: 'list' });
    expect(validations.H2!.formulae[0]).toMatch(/^'Pilihan'!\$A\$2:\$A\$13$/);
    expect(validations.Q2).toMatchObject({ type: 'list', formulae: ['"Ya,Tidak"'] });
    const options = workbook.getWorksheet('Pilihan')!;
    const values = options.getSheetValues().flat().map(String);
    expect(values).toContain('civil_registration');
    expect(values).toContain('Kependudukan dan pencatatan sipil');
    expect(values).toContain('DUKCAPIL');
    // Units of other agencies are not offered to this agency's admin.
    expect(values).not.toContain('PTSP');
    expect(values).not.toContain('DISDUKCAPIL-MKS');
    // Every active mall, and the booths of this agency's units there (not another agency's).
    expect(values).toContain('MPP-BADUNG');
    expect(values).toContain('Mal Pelayanan Publik Kabupaten Badung');
    expect(values).toContain('G-DUKCAPIL');
    expect(values).not.toContain('G-PTSP');
    const placeValidations = (places as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } })
      .dataValidations.model;
    expect(placeValidations.C2).toMatchObject({ type: 'list' });
    expect(placeValidations.C2!.formulae[0]).toMatch(/^'Pilihan'!\$[A-Z]+\$2:\$[A-Z]+\$2$/);
    expect(placeValidations.D2!.formulae[0]).toMatch(/^'Pilihan'!\$[A-Z]+\$2:\$[A-Z]+\$2$/);
  });

  it('imports a filled-in template, exports it as the same content, and the exported workbook imports back unchanged', async () => {
    await start();
    const filled = await filledTemplate(fillAktaNikah);
    const result = report(await importFile(filled), 200);
    expect(result).toMatchObject({
      imported: true,
      format: 'xlsx',
      services: [{ code: 'AKTA-KAWIN', action: 'created', versionNumber: 1 }],
    });

    const exported = (await exportJson()).services.find((s) => s.code === 'AKTA-KAWIN')!;
    expect(exported).toMatchObject({
      name: 'Penerbitan Akta Perkawinan',
      keywords: 'akta nikah, kutipan akta perkawinan',
      kind: 'non_licensing',
      lifeEvents: ['marriage'],
      audiences: ['citizen'],
      slug: 'penerbitan-akta-perkawinan',
    });
    expect(exported.content).toEqual(AKTA_KAWIN);
    expect(exported.places).toEqual([{ ...BADUNG, boothCode: 'G-DUKCAPIL' }]);

    const workbook = await get(`/admin/layanan/ekspor.xlsx?serviceUnitId=${fixture.unitIds.DUKCAPIL}`);
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers['content-type']).toBe(XLSX_TYPE);
    const bytes = workbook.rawPayload;
    const parsed = await parseWorkbook(bytes);
    expect(parsed.issues).toEqual([]);
    expect(parsed.candidates.map((c) => c.service.code)).toEqual(['AKTA-KAWIN', 'SVC-1', 'SVC-11', 'SVC-2', 'SVC-3', 'SVC-4', 'SVC-5']);
    expect(parsed.candidates.map((c) => c.service.places)).toEqual([
      [{ ...BADUNG, boothCode: 'G-DUKCAPIL' }],
      [{ ...BADUNG, boothCode: 'G-DUKCAPIL' }],
      undefined,
      [{ ...BADUNG, boothCode: 'G-DUKCAPIL' }],
      [{ ...BADUNG, boothCode: 'G-DUKCAPIL' }],
      [BADUNG],
      undefined,
    ]);

    const before = await exportJson();
    const tables = await fingerprint(db().db);
    const again = report(await importFile(bytes), 200);
    expect(again.services.every((s) => s.action === 'updated')).toBe(true);
    expect(withoutVersion((await exportJson()).services)).toEqual(withoutVersion(before.services));
    expect(changedTables(tables, await fingerprint(db().db))).not.toContain('standards.service_location');
    expect(await relocations(db().db)).toBe(0);
  });

  // ---- places ------------------------------------------------------------------------------------------

  /** A second mall, in Makassar, where the Badung unit has no booth. */
  const addMakassarMall = async (active = true) => {
    await sql`insert into organizations.mall (region_code, code, name, address, time_zone, active, deactivated_at)
      values ('73.71', 'MPP-MAKASSAR', 'Mal Pelayanan Publik Kota Makassar', 'Jl. Ahmad Yani No. 2, Makassar', 'Asia/Makassar',
        ${active}, ${active ? null : new Date('2026-06-01T00:00:00Z')})`.execute(db().db);
  };
  const newService = (code: string, extra: Record<string, unknown> = {}) => ({
    agencyCode: 'DISDUKCAPIL-BDG',
    unitCode: 'DUKCAPIL',
    code,
    name: `Layanan ${code}`,
    summary: 'Layanan untuk menguji tempat layanan pada impor.',
    category: 'civil_registration',
    kind: 'non_licensing',
    audiences: ['citizen'],
    channels: 'both',
    ...extra,
  });

  it("replaces the places of a known service with the document's, gives a new service its own, and leaves a service without places as it was", async () => {
    await start();
    await addMakassarMall();
    const makassar = { regionCode: '73.71', mallCode: 'MPP-MAKASSAR' };
    const exported = await exportJson();
    const service = (code: string) => exported.services.find((s) => s.code === code)!;
    const { places: _omitted, ...olderExport } = service('SVC-2');
    const result = report(
      await importJson({
        format: 'satupintu.standards',
        version: 1,
        services: [
          // Any active mall will do, as in the service form: the unit has no booth in Makassar.
          {
            ...service('SVC-1'),
            places: [
              { ...BADUNG, boothCode: null },
              { ...makassar, boothCode: null },
            ],
          },
          olderExport,
          { ...service('SVC-4'), places: [] },
          // Codes in any case; a booth of its own unit. Online-only services may have places, as the service form allows.
          newService('ONLINE-1', {
            channels: 'online',
            places: [{ regionCode: ' 51.03 ', mallCode: 'mpp-badung', boothCode: 'g-dukcapil' }],
          }),
          newService('TANPA-TEMPAT'),
        ],
      }),
      200,
    );
    expect(result.services.map((s) => [s.code, s.action])).toEqual([
      ['SVC-1', 'updated'],
      ['SVC-2', 'updated'],
      ['SVC-4', 'updated'],
      ['ONLINE-1', 'created'],
      ['TANPA-TEMPAT', 'created'],
    ]);
    const places = new Map((await exportJson()).services.map((s) => [s.code, s.places]));
    expect(places.get('SVC-1')).toEqual([
      { ...BADUNG, boothCode: null },
      { ...makassar, boothCode: null },
    ]);
    expect(places.get('SVC-2')).toEqual([{ ...BADUNG, boothCode: 'G-DUKCAPIL' }]);
    expect(places.get('SVC-4')).toEqual([]);
    expect(places.get('ONLINE-1')).toEqual([{ ...BADUNG, boothCode: 'G-DUKCAPIL' }]);
    expect(places.get('TANPA-TEMPAT')).toEqual([]);
    // Each replacement is the service form's own change, with its event: SVC-1 and SVC-4.
    expect(await relocations(db().db)).toBe(2);
  });

  it('reports unknown malls and booths, booths of another unit, inactive malls and a mall named twice, per place, and imports nothing', async () => {
    await start();
    await addMakassarMall(false);
    const before = await fingerprint(db().db);
    const rejected = report(
      await importJson({
        format: 'satupintu.standards',
        version: 1,
        services: [
          newService('TEMPAT-1', {
            places: [
              { regionCode: '51.03', mallCode: 'MPP-TIDAK-ADA' },
              { ...BADUNG, boothCode: 'G-TIDAK-ADA' },
              { regionCode: '73.71', mallCode: 'MPP-MAKASSAR', boothCode: null },
            ],
          }),
          newService('TEMPAT-2', {
            places: [
              { ...BADUNG, boothCode: 'G-PTSP' },
              { ...BADUNG, boothCode: null },
            ],
          }),
          newService('TEMPAT-3', { places: [{ regionCode: '5103', mallCode: 'MPP-BADUNG' }] }),
        ],
      }),
      422,
    );
    expect(rejected.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [1, 'places.0.mallCode', 'Tidak ada Mal Pelayanan Publik dengan kode MPP-TIDAK-ADA di wilayah 51.03.'],
      [
        1,
        'places.1.boothCode',
        'Tidak ada gerai dengan kode G-TIDAK-ADA di MPP-BADUNG. Kosongkan kode gerai bila layanan diberikan di kantor unit.',
      ],
      [1, 'places.2.mallCode', 'Mal Pelayanan Publik MPP-MAKASSAR di wilayah 73.71 sudah tidak aktif.'],
      [
        2,
        'places.0.boothCode',
        'Gerai G-PTSP di MPP-BADUNG bukan gerai unit DUKCAPIL yang memberikan layanan ini. Tulis gerai unit DUKCAPIL, atau kosongkan kode gerai bila layanan diberikan di kantor unit.',
      ],
      [
        2,
        'places.1.mallCode',
        'MPP-BADUNG sudah disebut untuk layanan ini. Setiap mal hanya sekali per layanan, dengan satu gerai atau kantor unit.',
      ],
      [3, 'places.0.regionCode', expect.any(String)],
    ]);
    expect(changedTables(before, await fingerprint(db().db))).toEqual([]);

    const english = report(
      await importJson(
        { format: 'satupintu.standards', version: 1, services: [newService('TEMPAT-1', { places: [{ ...BADUNG, boothCode: 'G-PTSP' }] })] },
        '?lang=en',
      ),
      422,
    );
    expect(english.errors.map((e) => e.message)).toEqual([
      "Booth G-PTSP at MPP-BADUNG is not a booth of unit DUKCAPIL, which gives this service. Write a booth of unit DUKCAPIL, or leave the booth code empty when the service is given at the unit's office.",
    ]);
  });

  it('reports a wrong place on the Tempat Layanan sheet by its row and column, and a row for a service not on the Layanan sheet', async () => {
    await start();
    const filled = await filledTemplate((sheet) => {
      fillAktaNikah(sheet);
      const places = sheet('Tempat Layanan');
      places.add({ 'Kode layanan': 'AKTA-KAWIN', 'Kode wilayah mal': '51.03', 'Kode mal': 'MPP-BADUNG', 'Kode gerai': 'G-PTSP' });
      places.add({ 'Kode layanan': 'AKTA-LAIN', 'Kode wilayah mal': '51.03', 'Kode mal': 'MPP-BADUNG' });
      places.add({ 'Kode layanan': 'AKTA-KAWIN', 'Kode wilayah mal': '51.03', 'Kode mal': 'MPP-LAIN' });
    });
    const before = await fingerprint(db().db);
    const errors = report(await importFile(filled), 422).errors.map((e) => [e.sheet, e.row, e.column, e.message]);
    expect(errors).toEqual([
      ['Tempat Layanan', 3, 'Kode mal', expect.stringContaining('MPP-BADUNG sudah disebut untuk layanan ini')],
      ['Tempat Layanan', 4, 'Kode layanan', 'Tidak ada layanan dengan kode AKTA-LAIN di lembar Layanan.'],
      ['Tempat Layanan', 5, 'Kode mal', 'Tidak ada Mal Pelayanan Publik dengan kode MPP-LAIN di wilayah 51.03.'],
    ]);
    expect(changedTables(before, await fingerprint(db().db))).toEqual([]);
  });

  // ---- all or nothing ----------------------------------------------------------------------------------

  it('imports nothing when one row is wrong, and says which sheet, row and column, in the language of the request', async () => {
    await start();
    const filled = await filledTemplate((sheet) => {
      fillAktaNikah(sheet);
      sheet('Layanan').add({
        'Kode instansi': 'DISDUKCAPIL-BDG',
        'Kode unit': 'DUKCAPIL',
        'Kode layanan': 'AKTA-CERAI',
        'Nama layanan': 'Penerbitan Akta Perceraian',
        Ringkasan: 'Pencatatan perceraian berdasarkan putusan pengadilan.',
        Kategori: 'civil_registration',
        'Jenis layanan': 'non_licensing',
        Sasaran: 'citizen',
        'Cara pengajuan': 'counter',
      });
      sheet('Persyaratan').add({
        'Kode layanan': 'AKTA-CERAI',
        'Nama persyaratan': 'Salinan putusan pengadilan',
        Jenis: 'berkas',
        Wajib: 'Ya',
      });
      sheet('Biaya').add({
        'Kode layanan': 'AKTA-CERAI',
        'Rincian biaya': 'Biaya cetak',
        'Jumlah (Rp)': 'seratus ribu',
        'Dasar hukum': 'Perda',
      });
    });
    const before = await fingerprint(db().db);
    const response = await importFile(filled);
    expect(response.statusCode).toBe(422);
    const body = response.json<{ error: { code: string; message: string }; report: Report; requestId: string }>();
    expect(body.error).toEqual({
      code: 'BULK_IMPORT_REJECTED',
      message: 'Tidak ada yang diimpor: ada 3 kesalahan yang perlu diperbaiki dulu.',
    });
    expect(body.requestId).toBe(response.headers['x-request-id']);
    expect(body.report).toMatchObject({ imported: false, services: [] });
    expect(body.report.errors).toEqual([
      {
        sheet: 'Layanan',
        row: 3,
        column: 'Gratis',
        field: 'content.fee.free',
        message: 'Isi “Ya” jika layanan ini gratis, atau “Tidak” jika berbayar.',
      },
      {
        sheet: 'Persyaratan',
        row: 4,
        column: 'Jenis',
        field: 'content.requirements.0.kind',
        message: expect.stringContaining('“berkas” bukan pilihan'),
      },
      {
        sheet: 'Biaya',
        row: 3,
        column: 'Jumlah (Rp)',
        field: 'content.fee.items.0.amount',
        message: '“seratus ribu” bukan bilangan bulat.',
      },
    ]);
    expect(changedTables(before, await fingerprint(db().db))).toEqual([]);

    const english = report(await importFile(filled, { query: '?lang=en' }), 422);
    expect(english.errors[2]!.message).toBe('“seratus ribu” is not a whole number.');
  });

  it('checks every row against the content schema, with the cell each problem is about', async () => {
    await start();
    const filled = await filledTemplate((sheet) => {
      fillAktaNikah(sheet);
      // A document without file types, a step without its actor, a year out of range, a code that cannot be one.
      sheet('Persyaratan').add({
        'Kode layanan': 'AKTA-KAWIN',
        'Nama persyaratan': 'Pas foto',
        Jenis: 'document',
        Wajib: 'Ya',
        'Ukuran berkas maks (KB)': 500,
      });
      sheet('Prosedur').add({ 'Kode layanan': 'AKTA-KAWIN', Langkah: 'Serahkan akta' });
      sheet('Dasar Hukum').add({ 'Kode layanan': 'AKTA-KAWIN', 'Judul peraturan': 'Staatsblad', Tahun: 1849 });
      sheet('Layanan').add({
        'Kode instansi': 'DISDUKCAPIL-BDG',
        'Kode unit': 'DUKCAPIL',
        'Kode layanan': 'AKTA KAWIN 2',
        'Nama layanan': 'Ak',
        Ringkasan: 'Pendek',
        Kategori: 'civil_registration',
        'Jenis layanan': 'non_licensing',
        'Cara pengajuan': 'both',
      });
    });
    const errors = report(await importFile(filled), 422).errors.map((e) => [e.sheet, e.row, e.column]);
    expect(errors).toEqual([
      ['Layanan', 3, 'Kode layanan'],
      ['Layanan', 3, 'Nama layanan'],
      ['Layanan', 3, 'Ringkasan'],
      ['Layanan', 3, 'Sasaran'],
      ['Persyaratan', 4, 'Jenis berkas'],
      ['Prosedur', 4, 'Pelaksana'],
      ['Dasar Hukum', 3, 'Tahun'],
    ]);
  });

  it('reports a unit outside the scope like an unknown one, and duplicate services, per row, and imports nothing', async () => {
    await start();
    const service = (agencyCode: string, unitCode: string, code: string) => ({
      agencyCode,
      unitCode,
      code,
      name: `Layanan ${code}`,
      summary: 'Layanan untuk menguji impor dengan unit di luar wewenang.',
      category: 'other',
      kind: 'non_licensing',
      audiences: ['citizen'],
      channels: 'online',
      content: {},
    });
    const before = await fingerprint(db().db);
    const rejected = report(
      await importJson({
        format: 'satupintu.standards',
        version: 1,
        services: [
          service('DISDUKCAPIL-BDG', 'DUKCAPIL', 'BARU-1'),
          service('DPMPTSP-BDG', 'PTSP', 'BARU-2'),
          service('DISDUKCAPIL-BDG', 'TIDAK-ADA', 'BARU-3'),
          service('DISDUKCAPIL-BDG', 'DUKCAPIL', 'BARU-1'),
        ],
      }),
      422,
    );
    expect(rejected.errors).toEqual([
      {
        sheet: null,
        row: 2,
        column: null,
        field: 'unitCode',
        message: 'Unit PTSP di instansi DPMPTSP-BDG tidak ada atau di luar wewenang Anda.',
      },
      {
        sheet: null,
        row: 3,
        column: null,
        field: 'unitCode',
        message: 'Unit TIDAK-ADA di instansi DISDUKCAPIL-BDG tidak ada atau di luar wewenang Anda.',
      },
      {
        sheet: null,
        row: 4,
        column: null,
        field: 'code',
        message: 'Layanan BARU-1 unit ini sudah ada sebagai layanan ke-1 di berkas ini.',
      },
    ]);
    expect(changedTables(before, await fingerprint(db().db))).toEqual([]);
  });

  it('reports services whose standard is under review or that were deactivated, rather than changing them', async () => {
    await start();
    const document = await exportJson('?includeInactive=true');
    const { rows } = await sql<{ id: string; version: number }>`
      select id, version from standards.standard_version where service_id = ${fixture.serviceIds['akta-kelahiran-draf']!}`.execute(db().db);
    const { id, version } = rows[0]!;
    await submitForReview({ db: db().db, actor: actors.agency! }, id, { version });
    const messages = report(await importJson(document), 422).errors.map((e) => [e.row, e.message]);
    expect(messages).toEqual([
      [2, 'Versi 1 layanan SVC-11 sedang dalam tahap review. Kembalikan ke draf atau selesaikan dulu sebelum mengimpor perubahan.'],
      [3, 'Layanan SVC-12 sudah dinonaktifkan, sehingga standarnya tidak dapat diubah.'],
    ]);
  });

  it('checks without writing when asked for a dry run', async () => {
    await start();
    const filled = await filledTemplate(fillAktaNikah);
    const before = await fingerprint(db().db);
    const result = report(await importFile(filled, { query: '?dryRun=true' }), 200);
    expect(result).toMatchObject({ imported: false, dryRun: true, errors: [], services: [{ code: 'AKTA-KAWIN', action: 'created' }] });
    expect(changedTables(before, await fingerprint(db().db))).toEqual([]);
  });

  // ---- files that are refused whole ------------------------------------------------------------------------

  it('refuses oversized, disguised, damaged and explosive files with the reason, and writes nothing', async () => {
    await start();
    const session = await csrf();
    const before = await fingerprint(db().db);
    const refusal = async (bytes: Buffer, status: number, code: string) =>
      expectJsonError(await importFile(bytes, { session }), status, code);

    // Over the limit: by the declared length before reading, and while streaming when the length is near it.
    await refusal(Buffer.alloc(MAX_FILE_BYTES + 200_000, 1), 413, 'BULK_FILE_TOO_LARGE');
    await refusal(Buffer.alloc(MAX_FILE_BYTES + 1, 1), 413, 'BULK_FILE_TOO_LARGE');
    const bigJson = await app!.inject({
      method: 'POST',
      url: '/api/v1/standards/import',
      headers: as('agency', { 'content-type': 'application/json' }),
      payload: JSON.stringify({ padding: 'x'.repeat(MAX_FILE_BYTES + 100_000) }),
    });
    expectJsonError(bigJson, 413, 'BULK_FILE_TOO_LARGE');

    // Not a workbook: a picture, CSV text, an old .xls, a ZIP of something else.
    await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 415, 'BULK_FILE_TYPE');
    await refusal(Buffer.from('Kode layanan,Nama\nAKTA-1,Akta\n'), 415, 'BULK_FILE_TYPE');
    await refusal(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]), 415, 'BULK_FILE_OLD_OR_ENCRYPTED');
    const template = (await get('/admin/layanan/templat.xlsx')).rawPayload;
    await refusal(template.subarray(0, template.length - 100), 422, 'BULK_FILE_DAMAGED');
    await refusal(Buffer.from('{"format": "satupintu.standards", "services": ['), 400, 'BULK_JSON_MALFORMED');

    // A ZIP bomb: a few hundred kilobytes that would unpack past the limit.
    const zeros = deflateRawSync(Buffer.alloc(WORKBOOK_LIMITS.unpackedBytes + 1));
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(zeros.length, 18);
    header.writeUInt32LE(WORKBOOK_LIMITS.unpackedBytes + 1, 22);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(zeros.length, 20);
    central.writeUInt32LE(WORKBOOK_LIMITS.unpackedBytes + 1, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(header.length + name.length + zeros.length, 16);
    await refusal(Buffer.concat([header, name, zeros, central, name, end]), 413, 'BULK_FILE_UNPACKS_TOO_LARGE');

    expect(changedTables(before, await fingerprint(db().db))).toEqual([]);
  });

  // ---- the page ---------------------------------------------------------------------------------------------

  it('offers the page to staff who manage standards, with the upload form, the template and the export', async () => {
    await start();
    const page = await getPage(app!, '/admin/layanan/impor', { headers: as('agency') });
    expect(page.response.statusCode).toBe(200);
    expect(page.html).toContain('enctype="multipart/form-data"');
    expect(page.html).toContain('action="/admin/layanan/impor?_csrf=');
    expect(page.html).toContain('href="/admin/layanan/templat.xlsx"');
    expect(page.html).toContain(`value="${fixture.unitIds.DUKCAPIL}"`);
    expect(page.html).not.toContain(fixture.unitIds.PTSP);
    expect((await get('/admin/layanan/impor', 'auditor', { accept: 'text/html' })).statusCode).toBe(403);
  });

  it('imports through the page and shows what was created; a refused file shows the form again with its reason', async () => {
    await start();
    const filled = await filledTemplate(fillAktaNikah);
    const done = await postPage(filled);
    expect(done.statusCode, done.body.slice(0, 300)).toBe(200);
    expect(done.body).toContain(escapeHtml('Impor selesai'));
    expect(done.body).toContain('AKTA-KAWIN');
    expect(done.body).toMatch(/href="\/admin\/layanan\/versi\/[0-9a-f-]{36}"/);

    const rejected = await postPage(
      await filledTemplate((sheet) =>
        sheet('Persyaratan').add({ 'Kode layanan': 'TIDAK-ADA', 'Nama persyaratan': 'KTP', Jenis: 'presence', Wajib: 'Ya' }),
      ),
      {},
      'en',
    );
    expect(rejected.statusCode).toBe(422);
    expect(rejected.body).toContain('<html lang="en"');
    expect(rejected.body).toContain('Persyaratan');
    expect(rejected.body).toContain(escapeHtml('No service with code TIDAK-ADA is on the Layanan sheet.'));

    const refused = await postPage(Buffer.from('bukan berkas excel'));
    expect(refused.statusCode).toBe(415);
    expect(refused.body).toMatch(/<div class="govuk-error-summary"/);
    for (const part of messageParts('bulk.error.BULK_FILE_TYPE', 'id')) expect(refused.body).toContain(escapeHtml(part));
    expect(refused.body).toContain('enctype="multipart/form-data"');

    const missing = await postPage(undefined, { dryRun: 'true' });
    expect(missing.statusCode).toBe(422);
    for (const part of messageParts('bulk.error.BULK_FILE_MISSING', 'id')) expect(missing.body).toContain(escapeHtml(part));
  });

  it('refuses an XLSX export whose services share a code, naming it; JSON has no such limit', async () => {
    await start();
    const result = report(
      await importJson({
        format: 'satupintu.standards',
        version: 1,
        services: [
          {
            agencyCode: 'DISDUKCAPIL-BDG',
            unitCode: 'DUKCAPIL',
            code: 'SVC-7',
            name: 'Kode kembar',
            summary: 'Kode yang sama dengan layanan unit lain.',
            category: 'other',
            kind: 'non_licensing',
            audiences: ['citizen'],
            channels: 'online',
          },
        ],
      }),
      200,
    );
    expect(result.imported).toBe(true);
    actors.agency = staffAt({ kind: 'platform' }, ['standards.manage'], 'Admin Platform');
    expectErrorPage(await get('/admin/layanan/ekspor.xlsx', 'agency', { accept: 'text/html' }), 422, 'BULK_EXPORT_AMBIGUOUS');
    expect((await get(`/admin/layanan/ekspor.xlsx?serviceUnitId=${fixture.unitIds.DUKCAPIL}`)).statusCode).toBe(200);
    expect((await exportJson()).services.filter((s) => s.code === 'SVC-7')).toHaveLength(2);
  });
});
