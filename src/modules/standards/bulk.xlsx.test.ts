import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import './admin.messages.js';
import './bulk.messages.js';
import './catalog.messages.js';
import { checkCandidate, parseDocument } from './bulk.format.js';
import { LIST_SHEETS, parseWorkbook, PLACES_SHEET, SERVICES_SHEET, writeWorkbook, type SheetSpec } from './bulk.xlsx.js';

/** A workbook with the given sheets, each a header row and data rows, in whatever column order the test likes. */
async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SERVICE_HEADERS = [
  'Kode layanan',
  'Kode instansi',
  'Kode unit',
  'Nama layanan',
  'Ringkasan',
  'Kategori',
  'Jenis layanan',
  'Sasaran',
  'Cara pengajuan',
];
const service = (code: string, extra: unknown[] = []) => [
  code,
  'DISDUKCAPIL-BDG',
  'dukcapil',
  'Penerbitan Akta Kelahiran',
  'Akta kelahiran untuk bayi yang baru lahir.',
  'Kependudukan dan pencatatan sipil',
  'non_licensing',
  'citizen, Pelaku usaha',
  'both',
  ...extra,
];

describe('parseWorkbook', () => {
  it('reads columns by their header wherever they stand, codes in any case, and meanings from the Pilihan sheet', async () => {
    const { candidates, issues } = await parseWorkbook(await workbook({ Layanan: [SERVICE_HEADERS, service('akta-1')] }));
    expect(issues).toEqual([]);
    expect(candidates[0]!.service).toEqual({
      code: 'AKTA-1',
      agencyCode: 'DISDUKCAPIL-BDG',
      unitCode: 'DUKCAPIL',
      name: 'Penerbitan Akta Kelahiran',
      summary: 'Akta kelahiran untuk bayi yang baru lahir.',
      category: 'civil_registration',
      kind: 'non_licensing',
      audiences: ['citizen', 'business'],
      channels: 'both',
    });
  });

  it('reads yes and no, rupiah as people write it, file name endings and choices', async () => {
    const bytes = await workbook({
      Layanan: [
        [...SERVICE_HEADERS, 'Gratis', 'Jangka waktu', 'Satuan jangka waktu', 'Berhenti saat menunggu pemohon'],
        service('A-1', ['tidak', 3, 'Hari kerja', 'Y']),
      ],
      Persyaratan: [
        ['Kode layanan', 'Nama persyaratan', 'Jenis', 'Wajib', 'Jenis berkas', 'Ukuran berkas maks (KB)'],
        ['a-1', 'KTP-el', 'Dokumen', true, 'PDF; .jpg image/png', '2048'],
        ['A-1', 'Agama', 'data', 'Tidak'],
      ],
      Biaya: [
        ['Kode layanan', 'Rincian biaya', 'Jumlah (Rp)', 'Dasar hukum'],
        ['A-1', 'Retribusi', 'Rp 1.500.000', 'Perda 1/2024'],
        ['A-1', 'Cetak', 25000, 'Perda 1/2024'],
        ['A-1', 'Salinan', '2,500', 'Perda 1/2024'],
      ],
    });
    const { candidates, issues } = await parseWorkbook(bytes);
    expect(issues).toEqual([]);
    const content = candidates[0]!.content;
    expect(content.timeLimit).toEqual({ value: 3, unit: 'working_days', pausesWhileWaiting: true });
    expect(content.requirements).toEqual([
      { name: 'KTP-el', kind: 'document', mandatory: true, fileTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeKb: 2048 },
      { name: 'Agama', kind: 'data', mandatory: false },
    ]);
    expect(content.fee).toEqual({
      free: false,
      items: [
        { name: 'Retribusi', amount: 1_500_000, legalBasis: 'Perda 1/2024' },
        { name: 'Cetak', amount: 25_000, legalBasis: 'Perda 1/2024' },
        { name: 'Salinan', amount: 2_500, legalBasis: 'Perda 1/2024' },
      ],
    });
  });

  it('says which cell cannot be read, once, even where the schema would also call it missing', async () => {
    const bytes = await workbook({
      Layanan: [
        [...SERVICE_HEADERS, 'Jangka waktu', 'Satuan jangka waktu', 'Berhenti saat menunggu pemohon'],
        service('A-1', [2.5, 'working_days', 'mungkin']),
      ],
      Prosedur: [
        ['Kode layanan', 'Langkah', 'Pelaksana'],
        ['A-1', 'Periksa berkas', 'satpam'],
      ],
    });
    const parsed = await parseWorkbook(bytes);
    const checked = checkCandidate(parsed.candidates[0]!);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((i) => [i.sheet, i.row, i.column, i.key])).toEqual([
      ['Layanan', 2, 'Jangka waktu', 'bulk.issue.wholeNumber'],
      ['Layanan', 2, 'Berhenti saat menunggu pemohon', 'bulk.issue.yesNo'],
      ['Prosedur', 2, 'Pelaksana', 'bulk.issue.option'],
    ]);
  });

  it('reports a missing sheet, a missing required column, a repeated service code and rows of unknown services', async () => {
    expect((await parseWorkbook(await workbook({ Sheet1: [['a']] }))).issues).toEqual([
      { sheet: 'Layanan', key: 'bulk.issue.missingSheet', params: { sheet: 'Layanan' } },
    ]);
    const { candidates, issues } = await parseWorkbook(
      await workbook({
        Layanan: [
          SERVICE_HEADERS.filter((h) => h !== 'Ringkasan'),
          service('A-1').filter((_, i) => i !== 4),
          service('a-1').filter((_, i) => i !== 4),
        ],
        Produk: [
          ['Kode layanan', 'Nama produk'],
          ['B-2', 'Akta'],
        ],
      }),
    );
    expect(candidates).toHaveLength(1);
    expect(issues.map((i) => [i.sheet, i.row, i.column, i.key])).toEqual([
      ['Layanan', 1, 'Ringkasan', 'bulk.issue.missingColumn'],
      ['Layanan', 3, 'Kode layanan', 'bulk.issue.duplicateCode'],
      ['Produk', 2, 'Kode layanan', 'bulk.issue.unknownService'],
    ]);
  });

  it('asks whether a service is free rather than guessing, and refuses fee rows for a free one', async () => {
    const bytes = await workbook({
      Layanan: [[...SERVICE_HEADERS, 'Gratis'], service('A-1', ['Ya']), service('A-2')],
      Biaya: [
        ['Kode layanan', 'Rincian biaya', 'Jumlah (Rp)', 'Dasar hukum'],
        ['A-1', 'Cetak', 1000, 'Perda'],
        ['A-2', 'Cetak', 1000, 'Perda'],
      ],
    });
    const [free, unknown] = (await parseWorkbook(bytes)).candidates.map((c) => checkCandidate(c));
    expect(free!.ok || free!.issues.map((i) => [i.sheet, i.row, i.column, i.key])).toEqual([
      ['Biaya', 2, 'Kode layanan', 'bulk.issue.freeWithItems'],
    ]);
    expect(unknown!.ok || unknown!.issues.map((i) => [i.sheet, i.row, i.column, i.key])).toEqual([
      ['Layanan', 3, 'Gratis', 'bulk.issue.feeChoice'],
    ]);
  });

  it("reads a service's places from its rows on Tempat Layanan, region codes typed as numbers too, and gives none without rows", async () => {
    const { candidates, issues } = await parseWorkbook(
      await workbook({
        Layanan: [SERVICE_HEADERS, service('akta-1'), service('akta-2')],
        'Tempat Layanan': [
          ['Kode layanan', 'Kode wilayah mal', 'Kode mal', 'Kode gerai'],
          ['AKTA-1', 51.03, 'mpp-badung', 'g-dukcapil'],
          ['akta-1', 51.1, 'MPP-MENGWI'],
          ['AKTA-1', '73.71', 'MPP-MAKASSAR', 7],
        ],
      }),
    );
    expect(issues).toEqual([]);
    expect(candidates[0]!.service.places).toEqual([
      { regionCode: '51.03', mallCode: 'MPP-BADUNG', boothCode: 'G-DUKCAPIL' },
      { regionCode: '51.10', mallCode: 'MPP-MENGWI' },
      { regionCode: '73.71', mallCode: 'MPP-MAKASSAR', boothCode: '7' },
    ]);
    expect(candidates[1]!.service.places).toBeUndefined();
    const checked = checkCandidate(candidates[0]!);
    expect(checked.ok && checked.value.fields.places).toHaveLength(3);
    expect(candidates[0]!.origin(['places', 1, 'mallCode'])).toEqual({
      sheet: 'Tempat Layanan',
      row: 3,
      column: 'Kode mal',
      field: 'places.1.mallCode',
    });
  });

  it('writes the template with every sheet the reader expects, and reads it back empty', async () => {
    const bytes = await writeWorkbook([], []);
    const { candidates, issues } = await parseWorkbook(bytes);
    expect(candidates).toEqual([]);
    expect(issues).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const spec of [SERVICES_SHEET, ...LIST_SHEETS.map((l): SheetSpec => l.sheet), PLACES_SHEET]) {
      const headers = (wb.getWorksheet(spec.name)!.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual(spec.columns.map((c) => (c.required ? `${c.header} *` : c.header)));
    }
  });
});

describe('parseDocument', () => {
  it('refuses a document that is not the bulk format, as a whole', () => {
    expect(parseDocument({ services: [] }).issues.map((i) => [i.field, i.key])).toEqual([
      ['format', 'platform.validation.enum'],
      ['version', 'platform.validation.enum'],
      ['services', 'platform.validation.tooSmall'],
    ]);
    expect(parseDocument([]).issues).toHaveLength(1);
  });

  it('numbers services from 1 and keeps what an export adds about their state out of the import', () => {
    const { candidates, issues } = parseDocument({
      format: 'satupintu.standards',
      version: 1,
      services: [{ code: 'A-1', active: false, standard: { number: 3 }, content: { facilities: 'Ruang tunggu' } }, 'not a service'],
    });
    expect(issues).toEqual([{ row: 2, key: 'platform.validation.invalidType', params: { expected: 'object' } }]);
    expect(candidates[0]!.service).toEqual({ code: 'A-1' });
    expect(candidates[0]!.origin(['content', 'fee', 'items', 0])).toEqual({ row: 1, field: 'content.fee.items.0' });
    const checked = checkCandidate(candidates[0]!);
    expect(checked.ok || checked.issues.map((i) => i.field)).toContain('name');
  });
});
