import ExcelJS from 'exceljs';
import { lookupMessage } from '../../platform/i18n/catalog.js';
import { PROSE_COMPONENTS } from './admin.forms.js';
import { MAX_FILE_BYTES, MAX_SERVICES, type BulkService, type ImportCandidate, type ImportIssue, type Origin } from './bulk.format.js';
import type { PlaceChoices } from './bulk.queries.js';
import { readWorkbook, type CellValue, type SheetCells } from './bulk.workbook.js';
import {
  AUDIENCES,
  CATEGORIES,
  COMPLAINT_CHANNELS,
  DATA_FIELD_TYPES,
  DURATION_UNITS,
  LIFE_EVENTS,
  PROCEDURE_ACTORS,
  PROFILE_FIELDS,
  REQUIREMENT_KINDS,
  SERVICE_KINDS,
  CHANNELS,
  type DraftContent,
} from './standards.content.js';

/**
 * The workbook office staff fill in: one row per service on "Layanan", and one row per item of each list
 * component on its own sheet, tied to its service by the service code. Enumerations are codes (picked from
 * dropdowns; the "Pilihan" sheet says what each means), yes/no is "Ya"/"Tidak", and lists inside a cell
 * are separated by commas (choices by semicolons). Headers are Indonesian and matched by name, so columns
 * may be moved; a trailing "*" marks the ones a row needs. Where a service is offered in person is on
 * "Tempat Layanan", one row per mall, laid out like a list sheet.
 *
 * The same layout is written for the empty template and for an export, and read back by `parseWorkbook`.
 */

type CellKind = 'text' | 'code' | 'region' | 'int' | 'rupiah' | 'bool' | 'enum' | 'enums' | 'list' | 'choices';

/**
 * The enumerations the workbook offers as dropdowns, with the catalog prefix of their Indonesian
 * meanings (the public catalog's where it has them, else the admin screens').
 */
const ENUMERATIONS = {
  category: { title: 'Kategori', codes: CATEGORIES, labels: 'catalog.category' },
  serviceKind: { title: 'Jenis layanan', codes: SERVICE_KINDS, labels: 'standards.admin.kind' },
  lifeEvent: { title: 'Peristiwa kehidupan', codes: LIFE_EVENTS, labels: 'catalog.lifeEvent' },
  audience: { title: 'Sasaran', codes: AUDIENCES, labels: 'catalog.audience' },
  channel: { title: 'Cara pengajuan', codes: CHANNELS, labels: 'catalog.channel' },
  durationUnit: { title: 'Satuan waktu', codes: DURATION_UNITS, labels: 'standards.admin.unit' },
  requirementKind: { title: 'Jenis persyaratan', codes: REQUIREMENT_KINDS, labels: 'standards.admin.requirement.kind' },
  fieldType: { title: 'Jenis isian', codes: DATA_FIELD_TYPES, labels: 'standards.admin.fieldType' },
  profileField: { title: 'Diisi dari profil', codes: PROFILE_FIELDS, labels: 'standards.admin.profileField' },
  actor: { title: 'Pelaksana', codes: PROCEDURE_ACTORS, labels: 'catalog.actor' },
  complaintChannel: { title: 'Saluran pengaduan', codes: COMPLAINT_CHANNELS, labels: 'catalog.complaint' },
} as const satisfies Record<string, { title: string; codes: readonly string[]; labels: string }>;
type Enumeration = keyof typeof ENUMERATIONS;

/** The Indonesian meaning of a code, as the "Pilihan" sheet shows it. */
const optionLabel = (enumeration: Enumeration, code: string) => lookupMessage(`${ENUMERATIONS[enumeration].labels}.${code}`, 'id') ?? '';

export interface ColumnSpec {
  /** Dotted path of the value inside the row's object (`timeLimit.value`). */
  field: string;
  header: string;
  kind: CellKind;
  /** The codes the cell takes, offered as a dropdown. */
  options?: Enumeration;
  required?: boolean;
  width: number;
  /** The header cell's note: what to write, in a sentence or two. */
  note: string;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
}

const YES = 'Ya';
const NO = 'Tidak';
const SERVICE_CODE_NOTE = 'Wajib. Kode layanan dari lembar Layanan yang memiliki baris ini.';

export const SERVICES_SHEET: SheetSpec = {
  name: 'Layanan',
  columns: [
    {
      field: 'agencyCode',
      header: 'Kode instansi',
      kind: 'code',
      required: true,
      width: 18,
      note: 'Wajib. Kode instansi seperti tercatat di Satupintu (lihat lembar Pilihan).',
    },
    {
      field: 'unitCode',
      header: 'Kode unit',
      kind: 'code',
      required: true,
      width: 16,
      note: 'Wajib. Kode unit pelayanan di instansi itu (lihat lembar Pilihan).',
    },
    {
      field: 'code',
      header: 'Kode layanan',
      kind: 'code',
      required: true,
      width: 16,
      note: 'Wajib. Huruf besar, angka dan tanda minus, paling banyak 40 karakter, misalnya AKTA-LAHIR. Unik dalam berkas ini; lembar lain merujuk layanan dengan kode ini. Layanan yang sudah ada dengan kode yang sama akan diperbarui.',
    },
    {
      field: 'slug',
      header: 'Alamat halaman',
      kind: 'text',
      width: 24,
      note: 'Boleh kosong. Akhir alamat halaman publik /layanan/…: huruf kecil, angka dan tanda minus. Jika kosong, dibuat dari nama layanan.',
    },
    { field: 'name', header: 'Nama layanan', kind: 'text', required: true, width: 32, note: 'Wajib. 3 sampai 200 karakter.' },
    {
      field: 'summary',
      header: 'Ringkasan',
      kind: 'text',
      required: true,
      width: 48,
      note: 'Wajib. Satu atau dua kalimat untuk warga, 10 sampai 1000 karakter.',
    },
    {
      field: 'keywords',
      header: 'Kata kunci',
      kind: 'text',
      width: 24,
      note: 'Boleh kosong. Sebutan lain yang dicari orang, dipisah koma (misalnya: akte lahir, akta lahir).',
    },
    {
      field: 'category',
      header: 'Kategori',
      kind: 'enum',
      options: 'category',
      required: true,
      width: 20,
      note: 'Wajib. Pilih dari daftar.',
    },
    {
      field: 'kind',
      header: 'Jenis layanan',
      kind: 'enum',
      options: 'serviceKind',
      required: true,
      width: 16,
      note: 'Wajib. licensing (perizinan) atau non_licensing (non-perizinan).',
    },
    {
      field: 'lifeEvents',
      header: 'Peristiwa kehidupan',
      kind: 'enums',
      options: 'lifeEvent',
      width: 22,
      note: 'Boleh kosong. Satu atau lebih kode dari lembar Pilihan, dipisah koma (misalnya: birth, moving_house).',
    },
    {
      field: 'audiences',
      header: 'Sasaran',
      kind: 'enums',
      options: 'audience',
      required: true,
      width: 18,
      note: 'Wajib. Satu atau lebih dari: citizen, business, government, dipisah koma.',
    },
    {
      field: 'channels',
      header: 'Cara pengajuan',
      kind: 'enum',
      options: 'channel',
      required: true,
      width: 16,
      note: 'Wajib. online, counter (datang ke loket) atau both.',
    },
    {
      field: 'timeLimit.value',
      header: 'Jangka waktu',
      kind: 'int',
      width: 12,
      note: 'Jangka waktu penyelesaian: bilangan bulat, satuannya di kolom berikut.',
    },
    {
      field: 'timeLimit.unit',
      header: 'Satuan jangka waktu',
      kind: 'enum',
      options: 'durationUnit',
      width: 18,
      note: 'minutes, hours, working_days atau calendar_days.',
    },
    {
      field: 'timeLimit.pausesWhileWaiting',
      header: 'Berhenti saat menunggu pemohon',
      kind: 'bool',
      width: 16,
      note: 'Ya jika waktu berhenti dihitung selama petugas menunggu kelengkapan dari pemohon; Tidak jika tidak.',
    },
    { field: 'timeLimit.notes', header: 'Catatan jangka waktu', kind: 'text', width: 24, note: 'Boleh kosong.' },
    {
      field: 'fee.free',
      header: 'Gratis',
      kind: 'bool',
      width: 10,
      note: 'Ya jika tanpa biaya. Tidak jika berbayar: isi rinciannya di lembar Biaya.',
    },
    {
      field: 'fee.legalBasis',
      header: 'Dasar hukum gratis',
      kind: 'text',
      width: 24,
      note: 'Boleh kosong. Peraturan yang menggratiskan layanan ini.',
    },
    { field: 'fee.notes', header: 'Catatan biaya', kind: 'text', width: 24, note: 'Boleh kosong. Hanya untuk layanan berbayar.' },
    {
      field: 'complaints.responseDays',
      header: 'Hari kerja menjawab pengaduan',
      kind: 'int',
      width: 14,
      note: 'Berapa hari kerja paling lama pengaduan dijawab (1 sampai 60). Salurannya di lembar Pengaduan.',
    },
    { field: 'complaints.notes', header: 'Catatan pengaduan', kind: 'text', width: 24, note: 'Boleh kosong.' },
    { field: 'facilities', header: 'Sarana dan prasarana', kind: 'text', width: 32, note: 'Sarana, prasarana dan/atau fasilitas.' },
    {
      field: 'staffCompetence',
      header: 'Kompetensi pelaksana',
      kind: 'text',
      width: 32,
      note: 'Kompetensi yang harus dimiliki pelaksana.',
    },
    { field: 'internalSupervision', header: 'Pengawasan internal', kind: 'text', width: 32, note: 'Siapa yang mengawasi dan bagaimana.' },
    { field: 'staffCount.count', header: 'Jumlah pelaksana', kind: 'int', width: 12, note: 'Bilangan bulat.' },
    { field: 'staffCount.notes', header: 'Catatan jumlah pelaksana', kind: 'text', width: 24, note: 'Boleh kosong.' },
    {
      field: 'serviceGuarantee',
      header: 'Jaminan pelayanan',
      kind: 'text',
      width: 32,
      note: 'Jaminan kepastian pelayanan sesuai standar.',
    },
    {
      field: 'securityGuarantee',
      header: 'Jaminan keamanan dan keselamatan',
      kind: 'text',
      width: 32,
      note: 'Jaminan keamanan dan keselamatan pelayanan.',
    },
    {
      field: 'performanceEvaluation',
      header: 'Evaluasi kinerja pelaksana',
      kind: 'text',
      width: 32,
      note: 'Cara dan jadwal evaluasi kinerja pelaksana.',
    },
  ],
};

const serviceCodeColumn: ColumnSpec = {
  field: 'service',
  header: 'Kode layanan',
  kind: 'code',
  required: true,
  width: 16,
  note: SERVICE_CODE_NOTE,
};

/** The list components, each on its own sheet; `component` and `at` say where its rows go in the content. */
export const LIST_SHEETS = [
  {
    component: 'requirements',
    at: [],
    sheet: {
      name: 'Persyaratan',
      columns: [
        serviceCodeColumn,
        {
          field: 'key',
          header: 'Kunci',
          kind: 'text',
          width: 14,
          note: 'Boleh kosong untuk persyaratan baru: dibuat dari namanya. Huruf kecil, angka dan garis bawah. Jangan diubah untuk persyaratan yang sudah ada.',
        },
        { field: 'name', header: 'Nama persyaratan', kind: 'text', required: true, width: 36, note: 'Wajib.' },
        {
          field: 'kind',
          header: 'Jenis',
          kind: 'enum',
          options: 'requirementKind',
          required: true,
          width: 12,
          note: 'Wajib. document (berkas), data (isian formulir) atau presence (hadir sendiri).',
        },
        { field: 'mandatory', header: 'Wajib', kind: 'bool', required: true, width: 10, note: 'Wajib. Ya atau Tidak.' },
        { field: 'notes', header: 'Catatan', kind: 'text', width: 28, note: 'Boleh kosong.' },
        {
          field: 'fileTypes',
          header: 'Jenis berkas',
          kind: 'list',
          width: 28,
          note: 'Untuk jenis document: jenis MIME atau akhiran berkas, dipisah koma (misalnya: pdf, jpg atau application/pdf).',
        },
        {
          field: 'maxSizeKb',
          header: 'Ukuran berkas maks (KB)',
          kind: 'int',
          width: 14,
          note: 'Untuk jenis document: ukuran terbesar dalam KB (1 sampai 51200).',
        },
        {
          field: 'fieldType',
          header: 'Jenis isian',
          kind: 'enum',
          options: 'fieldType',
          width: 14,
          note: 'Untuk jenis data: jenis isian formulir.',
        },
        {
          field: 'choices',
          header: 'Pilihan jawaban',
          kind: 'choices',
          width: 28,
          note: 'Untuk jenis isian choice: paling sedikit dua pilihan, dipisah titik koma (;).',
        },
        {
          field: 'profileField',
          header: 'Diisi dari profil',
          kind: 'enum',
          options: 'profileField',
          width: 14,
          note: 'Boleh kosong. Isian diambil dari profil pemohon.',
        },
        {
          field: 'reusable',
          header: 'Dapat dipakai ulang',
          kind: 'bool',
          width: 12,
          note: 'Ya jika berkas yang pernah diunggah boleh dipakai lagi.',
        },
      ],
    },
  },
  {
    component: 'procedure',
    at: [],
    sheet: {
      name: 'Prosedur',
      columns: [
        serviceCodeColumn,
        {
          field: 'key',
          header: 'Kunci',
          kind: 'text',
          width: 14,
          note: 'Boleh kosong untuk langkah baru: dibuat dari judulnya. Urutan langkah mengikuti urutan baris.',
        },
        { field: 'title', header: 'Langkah', kind: 'text', required: true, width: 40, note: 'Wajib. Apa yang terjadi pada langkah ini.' },
        {
          field: 'actor',
          header: 'Pelaksana',
          kind: 'enum',
          options: 'actor',
          required: true,
          width: 16,
          note: 'Wajib. Siapa yang melaksanakan langkah ini.',
        },
        { field: 'description', header: 'Uraian', kind: 'text', width: 32, note: 'Boleh kosong.' },
        {
          field: 'duration.value',
          header: 'Lama langkah',
          kind: 'int',
          width: 10,
          note: 'Boleh kosong. Bilangan bulat, satuannya di kolom berikut.',
        },
        {
          field: 'duration.unit',
          header: 'Satuan lama langkah',
          kind: 'enum',
          options: 'durationUnit',
          width: 16,
          note: 'Wajib jika lama langkah diisi.',
        },
        { field: 'output', header: 'Keluaran', kind: 'text', width: 24, note: 'Boleh kosong. Hasil langkah ini.' },
      ],
    },
  },
  {
    component: 'fee',
    at: ['items'],
    sheet: {
      name: 'Biaya',
      columns: [
        serviceCodeColumn,
        {
          field: 'name',
          header: 'Rincian biaya',
          kind: 'text',
          required: true,
          width: 32,
          note: 'Wajib. Hanya untuk layanan yang tidak gratis.',
        },
        {
          field: 'amount',
          header: 'Jumlah (Rp)',
          kind: 'rupiah',
          required: true,
          width: 16,
          note: 'Wajib. Rupiah tanpa sen, misalnya 150000 atau 150.000.',
        },
        {
          field: 'legalBasis',
          header: 'Dasar hukum',
          kind: 'text',
          required: true,
          width: 32,
          note: 'Wajib. Peraturan yang menetapkan biaya ini.',
        },
      ],
    },
  },
  {
    component: 'products',
    at: [],
    sheet: {
      name: 'Produk',
      columns: [
        serviceCodeColumn,
        { field: 'name', header: 'Nama produk', kind: 'text', required: true, width: 36, note: 'Wajib. Hasil yang diterima pemohon.' },
        { field: 'description', header: 'Keterangan', kind: 'text', width: 36, note: 'Boleh kosong.' },
      ],
    },
  },
  {
    component: 'complaints',
    at: ['channels'],
    sheet: {
      name: 'Pengaduan',
      columns: [
        serviceCodeColumn,
        {
          field: 'kind',
          header: 'Saluran',
          kind: 'enum',
          options: 'complaintChannel',
          required: true,
          width: 16,
          note: 'Wajib. Saluran pengaduan.',
        },
        {
          field: 'contact',
          header: 'Kontak',
          kind: 'text',
          required: true,
          width: 36,
          note: 'Wajib. Alamat surel, nomor telepon, alamat kotak, dan sebagainya.',
        },
      ],
    },
  },
  {
    component: 'legalBasis',
    at: [],
    sheet: {
      name: 'Dasar Hukum',
      columns: [
        serviceCodeColumn,
        {
          field: 'title',
          header: 'Judul peraturan',
          kind: 'text',
          required: true,
          width: 40,
          note: 'Wajib. Misalnya: Undang-Undang tentang Pelayanan Publik.',
        },
        { field: 'number', header: 'Nomor', kind: 'text', width: 10, note: 'Boleh kosong.' },
        { field: 'year', header: 'Tahun', kind: 'int', width: 8, note: 'Boleh kosong. Tahun empat angka.' },
      ],
    },
  },
] as const satisfies readonly { component: keyof DraftContent; at: readonly string[]; sheet: SheetSpec }[];

export type ListComponent = (typeof LIST_SHEETS)[number]['component'];

/** Where each service is offered in person: one row per mall, tied to its service by code like a list sheet. */
export const PLACES_SHEET: SheetSpec = {
  name: 'Tempat Layanan',
  columns: [
    serviceCodeColumn,
    {
      field: 'regionCode',
      header: 'Kode wilayah mal',
      kind: 'region',
      required: true,
      width: 14,
      note: 'Wajib. Kode wilayah kabupaten/kota Kemendagri tempat Mal Pelayanan Publik itu berada, misalnya 51.03.',
    },
    {
      field: 'mallCode',
      header: 'Kode mal',
      kind: 'code',
      required: true,
      width: 18,
      note: 'Wajib. Kode Mal Pelayanan Publik seperti tercatat di Satupintu, misalnya MPP-BADUNG (lihat lembar Pilihan). Setiap mal hanya sekali per layanan.',
    },
    {
      field: 'boothCode',
      header: 'Kode gerai',
      kind: 'code',
      width: 16,
      note: 'Boleh kosong. Kode gerai unit layanan ini di mal itu (lihat lembar Pilihan); kosongkan bila layanan diberikan di kantor unit di wilayah mal itu.',
    },
  ],
};
const OPTIONS_SHEET = 'Pilihan';
const GUIDE_SHEET = 'Petunjuk';
/** Rows of the template that carry dropdowns; an export adds as many as it fills. */
const TEMPLATE_ROWS = 500;

// ---- writing ---------------------------------------------------------------------------------------

export interface UnitChoice {
  agencyCode: string;
  agencyName: string;
  unitCode: string;
  unitName: string;
}

const cellText = (value: unknown): Cell => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? YES : NO;
  if (Array.isArray(value)) return value.length ? value.join(', ') : null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return null;
};

function valueAt(obj: unknown, path: readonly string[]): unknown {
  let v = obj;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function rowValues(spec: SheetSpec, source: unknown): Cell[] {
  return spec.columns.map((c) => {
    const value = valueAt(source, c.field.split('.'));
    if (c.kind === 'choices' && Array.isArray(value)) return value.join('; ');
    return cellText(value);
  });
}

/** Letters of a 1-based column number. */
function letters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

type Cell = string | number | boolean | null;

function addDataSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, rows: Cell[][], sources: ReadonlyMap<string, string>) {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Region codes stay text: "51.10" typed into a number cell would read back as 51.1.
  sheet.columns = spec.columns.map((c) => ({
    header: c.required ? `${c.header} *` : c.header,
    width: c.width,
    ...(c.kind === 'region' ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFE699' : 'FFE7E6E6' } };
    cell.note = c.note;
  });
  for (const row of rows) sheet.addRow(row);
  // ExcelJS has data validations over ranges, but its typings only know the per-cell form.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  const last = Math.max(TEMPLATE_ROWS, rows.length + 100) + 1;
  spec.columns.forEach((c, i) => {
    const range = `${letters(i + 1)}2:${letters(i + 1)}${last}`;
    // Warnings, not stops: a pasted value is still checked, with a clearer message, on import.
    const warn = { allowBlank: true, showErrorMessage: true, errorStyle: 'warning', errorTitle: c.header };
    const list = c.kind === 'bool' ? `"${YES},${NO}"` : c.kind === 'enum' && c.options ? sources.get(c.options) : sources.get(c.field);
    if (list && c.kind !== 'enums') {
      validations.add(range, {
        type: 'list',
        formulae: [list],
        ...warn,
        error: 'Pilih salah satu nilai dari daftar (lihat lembar Pilihan).',
      });
    } else if (c.kind === 'int' || c.kind === 'rupiah') {
      validations.add(range, { type: 'whole', operator: 'greaterThan', formulae: [0], ...warn, error: 'Isi dengan bilangan bulat.' });
    }
  });
}

interface OptionsLayout {
  /** Dropdown sources by enumeration name, by `agencyCode`/`unitCode` for the units, and `mallCode`/`boothCode` for places. */
  sources: Map<string, string>;
  write(workbook: ExcelJS.Workbook): void;
}

/**
 * The "Pilihan" sheet: each enumeration's codes with their meaning, three columns apart, then the units
 * the person may import into, the malls and the booths of those units. Laid out first, so the data sheets
 * can point their dropdowns at it, and written last, so it comes after them.
 */
function optionsLayout(units: readonly UnitChoice[], places: PlaceChoices): OptionsLayout {
  const sources = new Map<string, string>();
  const range = (column: number, count: number) => `'${OPTIONS_SHEET}'!$${letters(column)}$2:$${letters(column)}$${count + 1}`;
  const blocks: { column: number; headers: string[]; widths: number[]; rows: string[][] }[] = [];
  let column = 1;
  for (const [name, e] of Object.entries(ENUMERATIONS) as [Enumeration, (typeof ENUMERATIONS)[Enumeration]][]) {
    sources.set(name, range(column, e.codes.length));
    blocks.push({ column, headers: [e.title, 'Arti'], widths: [22, 34], rows: e.codes.map((code) => [code, optionLabel(name, code)]) });
    column += 3;
  }
  if (units.length > 0) {
    sources.set('agencyCode', range(column, units.length));
    sources.set('unitCode', range(column + 2, units.length));
  }
  blocks.push({
    column,
    headers: ['Kode instansi', 'Nama instansi', 'Kode unit', 'Nama unit'],
    widths: [18, 40, 16, 40],
    rows: units.map((u) => [u.agencyCode, u.agencyName, u.unitCode, u.unitName]),
  });
  column += 5;
  if (places.malls.length > 0) sources.set('mallCode', range(column + 1, places.malls.length));
  blocks.push({
    column,
    headers: ['Kode wilayah mal', 'Kode mal', 'Nama mal'],
    widths: [14, 18, 40],
    rows: places.malls.map((m) => [m.regionCode, m.code, m.name]),
  });
  column += 4;
  if (places.booths.length > 0) sources.set('boothCode', range(column + 2, places.booths.length));
  blocks.push({
    column,
    headers: ['Kode wilayah mal', 'Kode mal', 'Kode gerai', 'Nama gerai', 'Kode unit'],
    widths: [14, 18, 16, 32, 16],
    rows: places.booths.map((b) => [b.regionCode, b.mallCode, b.code, b.name, b.unitCode]),
  });
  return {
    sources,
    write(workbook) {
      const sheet = workbook.addWorksheet(OPTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
      for (const block of blocks) {
        block.headers.forEach((title, i) => {
          const cell = sheet.getCell(1, block.column + i);
          cell.value = title;
          cell.font = { bold: true };
          sheet.getColumn(block.column + i).width = block.widths[i]!;
        });
        block.rows.forEach((values, r) => values.forEach((v, i) => (sheet.getCell(r + 2, block.column + i).value = v)));
      }
    },
  };
}

function addGuideSheet(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.getColumn(1).width = 110;
  const lines = [
    'Templat impor Standar Pelayanan Satupintu',
    '',
    '1. Lembar Layanan: satu baris untuk setiap layanan. Kolom berbintang (*) wajib diisi.',
    '2. Lembar Persyaratan, Prosedur, Biaya, Produk, Pengaduan dan Dasar Hukum: satu baris untuk setiap butir, dengan kode layanan dari lembar Layanan di kolom pertama. Urutan baris menjadi urutan butir.',
    '3. Lembar Tempat Layanan: satu baris untuk setiap Mal Pelayanan Publik tempat layanan diberikan secara langsung: kode wilayah dan kode mal, lalu kode gerai unit di mal itu, atau kosong bila dilayani di kantor unit di wilayah mal itu. Layanan yang punya baris di lembar ini mendapat tepat tempat-tempat itu (tempat lamanya diganti); layanan tanpa baris di sini tidak berubah tempatnya. Untuk menghapus semua tempat suatu layanan, pakai formulir layanan di Satupintu.',
    '4. Kolom berisi pilihan memakai kode dari lembar Pilihan; pilih dari daftar turun di selnya. Beberapa kode dalam satu sel dipisah koma.',
    '5. Ya/Tidak ditulis "Ya" atau "Tidak".',
    '6. Arahkan tetikus ke judul kolom untuk membaca petunjuk kolom itu.',
    '7. Setiap layanan masuk sebagai draf standar pelayanan: layanan baru dibuat, layanan yang sudah ada (kode instansi, unit dan layanan yang sama) mendapat draf baru atau drafnya yang terbuka diperbarui. Draf tetap harus ditinjau dan disahkan sebelum terbit.',
    '8. Komponen yang dikosongkan tidak diubah pada draf baru yang disalin dari versi sebelumnya, dan dapat dilengkapi nanti di Satupintu.',
    '9. Satupintu memeriksa semua baris sebelum menyimpan. Jika satu baris saja salah, tidak ada yang disimpan: laporan menyebut lembar, baris dan kolomnya.',
    `10. Paling banyak ${MAX_SERVICES} layanan dan ${MAX_FILE_BYTES / 1024 / 1024} MB per berkas.`,
  ];
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
}

/** The rows of each list sheet for these services, in order. */
function listRows(services: readonly BulkService[]): Cell[][][] {
  return LIST_SHEETS.map((list) =>
    services.flatMap((s) => {
      const items = valueAt(s.content, [list.component, ...list.at]);
      return Array.isArray(items) ? items.map((item) => rowValues(list.sheet, { ...(item as object), service: s.code })) : [];
    }),
  );
}

/**
 * The workbook for `services` (none for the empty template): the guide, "Layanan", the list sheets,
 * "Tempat Layanan" and "Pilihan" with the units the person may import into, the malls and their booths. Service codes must be unique among `services`
 * (the list sheets name services by code alone); the caller checks.
 */
export async function writeWorkbook(
  services: readonly BulkService[],
  units: readonly UnitChoice[],
  places: PlaceChoices = { malls: [], booths: [] },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Satupintu';
  addGuideSheet(workbook);
  const options = optionsLayout(units, places);
  addDataSheet(
    workbook,
    SERVICES_SHEET,
    services.map((s) => rowValues(SERVICES_SHEET, { ...s, ...s.content })),
    options.sources,
  );
  const listed = listRows(services);
  LIST_SHEETS.forEach((list, i) => addDataSheet(workbook, list.sheet, listed[i]!, options.sources));
  addDataSheet(
    workbook,
    PLACES_SHEET,
    services.flatMap((s) => s.places.map((place) => rowValues(PLACES_SHEET, { ...place, service: s.code }))),
    options.sources,
  );
  options.write(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---- reading ---------------------------------------------------------------------------------------

const normalize = (header: string) =>
  header
    .replace(/\*+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Common file name endings for the "Jenis berkas" column, so nobody has to know MIME types. */
const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Converted = { ok: true; value: unknown } | { ok: false; issue: Omit<ImportIssue, keyof Origin> };

const asText = (v: CellValue): string => (typeof v === 'object' ? v.error : typeof v === 'boolean' ? (v ? YES : NO) : String(v)).trim();

/** One cell as the value its column stands for; a cell that cannot be one is an issue on that cell. */
function convert(column: ColumnSpec, cell: CellValue): Converted {
  if (typeof cell === 'object') return { ok: false, issue: { key: 'bulk.issue.cellError', params: { value: cell.error } } };
  const text = asText(cell);
  switch (column.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'code':
      return { ok: true, value: text.toUpperCase() };
    case 'region':
      // "51.03" typed into a General cell becomes the number 51.03, and "51.10" becomes 51.1.
      return { ok: true, value: typeof cell === 'number' ? cell.toFixed(2) : text };
    case 'int':
    case 'rupiah': {
      if (typeof cell === 'number') {
        return Number.isInteger(cell)
          ? { ok: true, value: cell }
          : { ok: false, issue: { key: 'bulk.issue.wholeNumber', params: { value: text } } };
      }
      // Dots group thousands in Indonesian ("150.000"), as do commas in English; rupiah may carry "Rp".
      const cleaned = (column.kind === 'rupiah' ? text.replace(/^rp\.?\s*/i, '').replace(/[.,](?=\d{3}(\D|$))/g, '') : text).replace(
        /\s/g,
        '',
      );
      return /^\d{1,15}$/.test(cleaned)
        ? { ok: true, value: Number(cleaned) }
        : { ok: false, issue: { key: 'bulk.issue.wholeNumber', params: { value: text.slice(0, 60) } } };
    }
    case 'bool': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const t = text.toLowerCase();
      if (['ya', 'y', 'yes', 'true', '1', 'benar'].includes(t)) return { ok: true, value: true };
      if (['tidak', 't', 'no', 'n', 'false', '0', 'salah'].includes(t)) return { ok: true, value: false };
      return { ok: false, issue: { key: 'bulk.issue.yesNo', params: { value: text.slice(0, 60) } } };
    }
    case 'enum':
    case 'enums': {
      const parts = column.kind === 'enum' ? [text] : text.split(/[,;\n]/);
      const codes: string[] = [];
      for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
        const code = matchOption(column, part);
        if (!code) {
          const options = ENUMERATIONS[column.options!].codes.join(', ');
          return { ok: false, issue: { key: 'bulk.issue.option', params: { value: part.slice(0, 60), options } } };
        }
        if (!codes.includes(code)) codes.push(code);
      }
      return { ok: true, value: column.kind === 'enum' ? codes[0] : codes };
    }
    case 'list':
      return {
        ok: true,
        value: text
          .split(/[\s,;]+/)
          .map((p) => p.trim().toLowerCase())
          .filter(Boolean)
          .map((p) => EXTENSIONS[p.replace(/^\./, '')] ?? p),
      };
    case 'choices':
      return {
        ok: true,
        value: text
          .split(/[;\n]/)
          .map((p) => p.trim())
          .filter(Boolean),
      };
  }
}

/** A code as written, in any case, or its Indonesian meaning from the "Pilihan" sheet. */
function matchOption(column: ColumnSpec, written: string): string | undefined {
  if (!column.options) return undefined;
  const codes: readonly string[] = ENUMERATIONS[column.options].codes;
  const lower = written.toLowerCase();
  return (
    codes.find((code) => code === lower || code === lower.replace(/[\s-]+/g, '_')) ??
    codes.find((code) => optionLabel(column.options!, code).toLowerCase() === lower)
  );
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown) {
  let at = target;
  for (const key of path.slice(0, -1)) {
    if (!at[key] || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
}

interface ReadRow {
  row: number;
  values: Record<string, unknown>;
  /** Cells that could not be read as their column's kind, by the column's field. */
  failed: { field: string; issue: Omit<ImportIssue, keyof Origin> }[];
}

/** The data rows of one sheet as objects keyed by field (unreadable cells apart); header problems go to `issues`. */
function readRows(spec: SheetSpec, sheet: SheetCells | undefined, issues: ImportIssue[]): ReadRow[] {
  if (!sheet) return [];
  const header = sheet.rows.get(1);
  const byColumn = new Map<number, ColumnSpec>();
  const known = new Map(spec.columns.map((c) => [normalize(c.header), c]));
  for (const [column, value] of header ?? []) {
    const spec = known.get(normalize(asText(value)));
    if (spec) byColumn.set(column, spec);
  }
  const present = new Set([...byColumn.values()].map((c) => c.field));
  for (const c of spec.columns) {
    if (c.required && !present.has(c.field)) {
      issues.push({ sheet: spec.name, row: 1, column: c.header, key: 'bulk.issue.missingColumn', params: { column: c.header } });
    }
  }
  const rows: ReadRow[] = [];
  for (const [row, cells] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
    if (row === 1) continue;
    const values: Record<string, unknown> = {};
    const failed: ReadRow['failed'] = [];
    for (const [column, cell] of cells) {
      const c = byColumn.get(column);
      if (!c) continue;
      const converted = convert(c, cell);
      if (!converted.ok) failed.push({ field: c.field, issue: converted.issue });
      else if (converted.value !== '' && !(Array.isArray(converted.value) && converted.value.length === 0)) {
        setAt(values, c.field.split('.'), converted.value);
      }
    }
    if (Object.keys(values).length > 0 || failed.length > 0) rows.push({ row, values, failed });
  }
  return rows;
}

/** The unreadable cells of a row that belongs to no service, which no candidate will report. */
const unattached = (spec: SheetSpec, row: ReadRow): ImportIssue[] =>
  row.failed.map((f) => ({ sheet: spec.name, row: row.row, column: headerOf(spec, f.field), field: f.field, ...f.issue }));

const headerOf = (spec: SheetSpec, field: string) => spec.columns.find((c) => c.field === field)?.header;

/** The column a path inside a row's object is about: `duration.unit` is its own column, `fileTypes.2` the list's. */
function columnFor(spec: SheetSpec, path: readonly (string | number)[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const header = headerOf(spec, path.slice(0, n).join('.'));
    if (header) return header;
  }
  return undefined;
}

/**
 * Reads a filled-in workbook into import candidates, each able to say which sheet, row and column any
 * part of it came from. Problems of the file's layout or of single cells are returned as issues; the
 * candidates are validated afterwards like any JSON import.
 */
export async function parseWorkbook(bytes: Buffer): Promise<{ candidates: ImportCandidate[]; issues: ImportIssue[] }> {
  const sheets = await readWorkbook(bytes, [SERVICES_SHEET.name, ...LIST_SHEETS.map((l) => l.sheet.name), PLACES_SHEET.name]);
  const issues: ImportIssue[] = [];
  if (!sheets.has(SERVICES_SHEET.name)) {
    issues.push({ sheet: SERVICES_SHEET.name, key: 'bulk.issue.missingSheet', params: { sheet: SERVICES_SHEET.name } });
    return { candidates: [], issues };
  }
  const serviceRows = readRows(SERVICES_SHEET, sheets.get(SERVICES_SHEET.name), issues);
  if (serviceRows.length > MAX_SERVICES) {
    issues.push({ sheet: SERVICES_SHEET.name, key: 'bulk.issue.tooManyServices', params: { limit: MAX_SERVICES } });
    return { candidates: [], issues };
  }

  interface Owner {
    row: ReadRow;
    lists: Map<ListComponent, ReadRow[]>;
    places: ReadRow[];
  }
  const byCode = new Map<string, Owner>();
  for (const row of serviceRows) {
    const code = typeof row.values.code === 'string' ? row.values.code : undefined;
    if (code === undefined) continue;
    const key = code.toUpperCase();
    if (byCode.has(key)) {
      issues.push({
        sheet: SERVICES_SHEET.name,
        row: row.row,
        column: headerOf(SERVICES_SHEET, 'code'),
        field: 'code',
        key: 'bulk.issue.duplicateCode',
        params: { code, row: byCode.get(key)!.row.row },
      });
      issues.push(...unattached(SERVICES_SHEET, row));
      continue;
    }
    byCode.set(key, { row, lists: new Map(), places: [] });
  }

  /** The rows of a sheet keyed by service, each handed to its service; a row naming none is an issue. */
  const eachOwned = (spec: SheetSpec, add: (owner: Owner, row: ReadRow) => void) => {
    for (const row of readRows(spec, sheets.get(spec.name), issues)) {
      const code = typeof row.values.service === 'string' ? row.values.service : '';
      const owner = byCode.get(code.toUpperCase());
      if (!owner) {
        issues.push({
          sheet: spec.name,
          row: row.row,
          column: serviceCodeColumn.header,
          field: 'service',
          key: code ? 'bulk.issue.unknownService' : 'platform.validation.required',
          params: { code },
        });
        issues.push(...unattached(spec, row));
        continue;
      }
      add(owner, row);
    }
  };
  for (const list of LIST_SHEETS) {
    eachOwned(list.sheet, (owner, row) => {
      const rows = owner.lists.get(list.component) ?? [];
      rows.push(row);
      owner.lists.set(list.component, rows);
    });
  }
  eachOwned(PLACES_SHEET, (owner, row) => owner.places.push(row));

  const candidates = serviceRows.flatMap((row) => {
    const entry = byCode.get(typeof row.values.code === 'string' ? row.values.code.toUpperCase() : '');
    if (entry?.row !== row && row.values.code !== undefined) return [];
    return [toCandidate(row, entry?.lists ?? new Map<ListComponent, ReadRow[]>(), entry?.places ?? [])];
  });
  return { candidates, issues };
}

/**
 * One "Layanan" row and its list rows as a candidate: service fields apart, components in `content`. Its
 * rows on "Tempat Layanan" are its `places`; with none there, it keeps its places, as a list sheet without
 * rows leaves its component as it was.
 */
function toCandidate(row: ReadRow, lists: Map<ListComponent, ReadRow[]>, places: readonly ReadRow[]): ImportCandidate {
  const v = row.values;
  const origin = workbookOrigin(row, lists, places);
  const content: Record<string, unknown> = {};
  const service: Record<string, unknown> = {};
  for (const field of SERVICE_FIELDS) {
    if (v[field] !== undefined) service[field] = v[field];
  }
  for (const prose of PROSE_COMPONENTS) {
    if (v[prose] !== undefined) content[prose] = v[prose];
  }
  for (const object of ['timeLimit', 'staffCount'] as const) {
    if (v[object] !== undefined) content[object] = v[object];
  }

  // Unreadable cells, each at the path its value would have had (so the schema's "required" there is not said twice).
  const servicePath = (field: string) => {
    const [head, ...rest] = field.split('.');
    return SERVICE_FIELDS.includes(head!) ? [field] : ['content', head!, ...rest];
  };
  const problems: ImportIssue[] = row.failed.map((f) => ({ ...origin(servicePath(f.field)), ...f.issue }));
  for (const list of LIST_SHEETS) {
    (lists.get(list.component) ?? []).forEach((r, i) => {
      for (const f of r.failed) problems.push({ ...origin(['content', list.component, ...list.at, i, ...f.field.split('.')]), ...f.issue });
    });
  }
  places.forEach((r, i) => {
    for (const f of r.failed) problems.push({ ...origin(['places', i, ...f.field.split('.')]), ...f.issue });
  });
  if (places.length > 0) {
    service.places = places.map((r) => {
      const { service: _, ...place } = r.values;
      return place;
    });
  }
  const itemsOf = (component: ListComponent) =>
    (lists.get(component) ?? []).map((r) => {
      const { service: _, ...item } = r.values;
      return item;
    });
  for (const component of ['requirements', 'procedure', 'products', 'legalBasis'] as const) {
    if (lists.has(component)) content[component] = itemsOf(component);
  }

  const fee = (v.fee ?? {}) as Record<string, unknown>;
  const feeRows = lists.get('fee') ?? [];
  if (fee.free === true) {
    content.fee = { free: true, ...(fee.legalBasis !== undefined ? { legalBasis: fee.legalBasis } : {}) };
    feeRows.forEach((_, i) =>
      problems.push({
        ...origin(['content', 'fee', 'items', i, 'service']),
        key: 'bulk.issue.freeWithItems',
        params: { code: typeof v.code === 'string' ? v.code : '' },
      }),
    );
  } else if (fee.free === false) {
    content.fee = { free: false, items: itemsOf('fee'), ...(fee.notes !== undefined ? { notes: fee.notes } : {}) };
  } else if (feeRows.length > 0 || fee.notes !== undefined || fee.legalBasis !== undefined) {
    // Something about the fee, but not whether there is one: ask rather than guess.
    problems.push({ ...origin(['content', 'fee', 'free']), key: 'bulk.issue.feeChoice' });
  }

  const complaints = (v.complaints ?? {}) as Record<string, unknown>;
  if (lists.has('complaints') || v.complaints !== undefined) content.complaints = { ...complaints, channels: itemsOf('complaints') };

  return { service, content, origin, problems };
}

const SERVICE_FIELDS = [
  'agencyCode',
  'unitCode',
  'code',
  'slug',
  'name',
  'summary',
  'keywords',
  'category',
  'kind',
  'lifeEvents',
  'audiences',
  'channels',
];

/** Maps a path of the candidate (`content.fee.items.1.amount`) to the cell it came from. */
function workbookOrigin(row: ReadRow, lists: Map<ListComponent, ReadRow[]>, places: readonly ReadRow[]) {
  const onServiceRow = (field: string): Origin => ({
    sheet: SERVICES_SHEET.name,
    row: row.row,
    column: headerOf(SERVICES_SHEET, field),
    field,
  });
  return (path: readonly (string | number)[]): Origin => {
    const [head, ...rest] = path.map(String);
    const field = path.join('.');
    if (head === 'places') {
      const [index, ...within] = rest;
      const at = index !== undefined && /^\d+$/.test(index) ? places[Number(index)] : undefined;
      // The list as a whole (too many places): the service's row, pointing at the sheet.
      if (!at) return { sheet: SERVICES_SHEET.name, row: row.row, column: PLACES_SHEET.name, field };
      return { sheet: PLACES_SHEET.name, row: at.row, column: columnFor(PLACES_SHEET, within), field };
    }
    if (head !== 'content') return { ...onServiceRow(head ?? 'code'), field };
    const [component, ...inner] = rest;
    const list = LIST_SHEETS.find((l) => l.component === component);
    if (list && list.at.every((segment, i) => inner[i] === segment)) {
      const [index, ...within] = inner.slice(list.at.length);
      const rows = lists.get(list.component) ?? [];
      if (index !== undefined && /^\d+$/.test(index) && rows[Number(index)]) {
        return { sheet: list.sheet.name, row: rows[Number(index)]!.row, column: columnFor(list.sheet, within), field };
      }
      // The list as a whole (none given, too many): the service's row, pointing at the sheet to fill in.
      return { sheet: SERVICES_SHEET.name, row: row.row, column: list.sheet.name, field };
    }
    const column = columnFor(SERVICES_SHEET, [component ?? '', ...inner]) ?? columnFor(SERVICES_SHEET, [component ?? '']);
    const fallback = component === 'fee' ? 'fee.free' : component === 'timeLimit' ? 'timeLimit.value' : `${component}.count`;
    return { sheet: SERVICES_SHEET.name, row: row.row, column: column ?? headerOf(SERVICES_SHEET, fallback), field };
  };
}
