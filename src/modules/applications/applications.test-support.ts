/**
 * Shared by the applications tests (applying, processing, tracking, notifications): a Badung civil
 * registry with a published online service whose standard is realistic (documents, typed data fields, a
 * presence item; a four-step procedure; five working days that pause while waiting for the citizen; a
 * fee), a second agency's unit for cross-tenant checks, real citizen and staff accounts, and helpers that
 * make applications through the applying use cases, as a citizen would.
 */
import { mkdtempSync } from 'node:fs';
import { sql } from 'kysely';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, Scope } from '../../platform/access/access.js';
import { loadConfig } from '../../platform/config.js';
import { KeyRing } from '../../platform/crypto/keyring.js';
import type { Db } from '../../platform/db/database.js';
import { LocalFileStore } from '../../platform/files/store.js';
import { permissionsOf, type Role } from '../identity/index.js';
import { createAgency, createMall, createServiceUnit, importRegions, ORGANIZATIONS_MANAGE } from '../organizations/index.js';
import {
  StandardContent,
  createDraft,
  createService,
  publish,
  ratify,
  saveContent,
  submitForReview,
  type ComponentKey,
} from '../standards/index.js';
import type { Answers, ApplicationRow, ApplicationsContext } from './applications.core.js';
import * as Apply from './apply.js';

export { Apply };

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
/** The key ring every test of the module seals and opens personal data with. */
export const testKeys = () => new KeyRing(config);
/** A private file store in a fresh temporary folder. */
export const testFiles = () => new LocalFileStore(mkdtempSync(join(tmpdir(), 'satupintu-applications-')));

/** Smallest files each type's magic bytes are recognised by (the store checks content, not names). */
export const FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.alloc(64, 0x20),
    Buffer.from([0xff, 0xd9]),
  ]),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    Buffer.alloc(64, 0),
  ]),
  /** A program renamed to .pdf: refused by its content. */
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
};

/** The birth certificate standard: what the form, the workflow, the clock and the bill run on. */
export function birthCertificateStandard(overrides: Partial<Record<ComponentKey, unknown>> = {}): StandardContent {
  return StandardContent.parse({
    requirements: [
      {
        key: 'surat_lahir',
        name: 'Surat keterangan lahir',
        kind: 'document',
        mandatory: true,
        fileTypes: ['application/pdf', 'image/jpeg'],
        maxSizeKb: 2048,
        notes: 'Dari rumah sakit, puskesmas atau bidan.',
      },
      { key: 'kk', name: 'Kartu Keluarga', kind: 'document', mandatory: true, fileTypes: ['application/pdf'], maxSizeKb: 1024 },
      {
        key: 'buku_nikah',
        name: 'Buku nikah orang tua',
        kind: 'document',
        mandatory: false,
        fileTypes: ['application/pdf'],
        maxSizeKb: 4096,
      },
      { key: 'nama_pemohon', name: 'Nama pemohon', kind: 'data', mandatory: true, fieldType: 'text', profileField: 'name' },
      { key: 'nik_pemohon', name: 'NIK pemohon', kind: 'data', mandatory: true, fieldType: 'nik', profileField: 'nik' },
      { key: 'email_pemohon', name: 'Email pemohon', kind: 'data', mandatory: false, fieldType: 'email', profileField: 'email' },
      { key: 'telepon', name: 'Nomor ponsel', kind: 'data', mandatory: false, fieldType: 'phone', profileField: 'phone' },
      { key: 'nama_anak', name: 'Nama anak', kind: 'data', mandatory: true, fieldType: 'text' },
      { key: 'tanggal_lahir', name: 'Tanggal lahir anak', kind: 'data', mandatory: true, fieldType: 'date' },
      {
        key: 'jenis_kelamin',
        name: 'Jenis kelamin anak',
        kind: 'data',
        mandatory: true,
        fieldType: 'choice',
        choices: ['Laki-laki', 'Perempuan'],
      },
      { key: 'berat_lahir', name: 'Berat lahir (gram)', kind: 'data', mandatory: false, fieldType: 'number' },
      { key: 'alamat', name: 'Alamat tempat tinggal', kind: 'data', mandatory: false, fieldType: 'address' },
      { key: 'saksi', name: 'Dua orang saksi kelahiran', kind: 'presence', mandatory: true, notes: 'Hadir saat pengambilan akta.' },
    ],
    procedure: [
      { key: 'ajukan', title: 'Pemohon mengajukan permohonan dan mengunggah berkas', actor: 'citizen' },
      {
        key: 'verifikasi',
        title: 'Petugas memverifikasi berkas dan data',
        actor: 'processor',
        duration: { value: 2, unit: 'working_days' },
      },
      { key: 'tanda_tangan', title: 'Kepala dinas menandatangani akta secara elektronik', actor: 'head_of_unit' },
      { key: 'serahkan', title: 'Akta diserahkan kepada pemohon', actor: 'counter_officer', output: 'Kutipan akta kelahiran' },
    ],
    timeLimit: { value: 5, unit: 'working_days', pausesWhileWaiting: true },
    fee: {
      free: false,
      items: [
        { name: 'Biaya cetak kutipan akta', amount: 25_000, legalBasis: 'Perda Kabupaten Badung 3/2023' },
        { name: 'Biaya pengiriman', amount: 15_000, legalBasis: 'Perbup Badung 10/2022' },
      ],
    },
    products: [{ name: 'Kutipan akta kelahiran' }],
    complaints: { channels: [{ kind: 'lapor', contact: 'lapor.go.id' }], responseDays: 5 },
    legalBasis: [{ title: 'Undang-Undang tentang Administrasi Kependudukan', number: '24', year: 2013 }],
    facilities: 'Ruang tunggu, kursi roda, toilet ramah disabilitas.',
    staffCompetence: 'Menguasai aplikasi kependudukan.',
    internalSupervision: 'Atasan langsung dan Inspektorat.',
    staffCount: { count: 6 },
    serviceGuarantee: 'Layanan diberikan sesuai standar ini.',
    securityGuarantee: 'Data pribadi pemohon dijaga kerahasiaannya.',
    performanceEvaluation: 'Dievaluasi setiap tahun.',
    ...overrides,
  });
}

/** Answers that pass the birth certificate standard's form (the profile fills the applicant's name). */
export function birthAnswers(overrides: Answers = {}): Answers {
  return {
    nama_pemohon: 'Ni Wayan Sari',
    nik_pemohon: '5103014507900001',
    telepon: '0812 3456 7890',
    nama_anak: 'I Putu Agus Pratama',
    tanggal_lahir: '2026-11-20',
    jenis_kelamin: 'Laki-laki',
    berat_lahir: '3200',
    alamat: 'Jl. Raya Sempidi No. 5, Mengwi, Badung',
    ...overrides,
  };
}

const PLATFORM: Actor = {
  kind: 'staff',
  id: '44444444-4444-4444-8444-444444444444',
  name: 'Admin Platform',
  sessionId: 'session-applications',
  grants: [{ role: 'platform_admin', scope: { kind: 'platform' }, permissions: new Set([ORGANIZATIONS_MANAGE, 'standards.manage']) }],
};

/** Publishes `content` as the next version of a service's standard (draft → review → ratified → published). */
export async function publishStandard(db: Db, serviceId: string, content: StandardContent = birthCertificateStandard(), now = new Date()) {
  const ctx = { db, actor: PLATFORM, now: () => now };
  let v = await createDraft(ctx, serviceId);
  v = await saveContent(ctx, v.id, content, v.version);
  v = await submitForReview(ctx, v.id, { version: v.version });
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  v = await ratify(ctx, v.id, {
    decreeNumber: `400/${v.number}/2026`,
    decreeDate: day,
    signatory: 'Kepala Dinas Kependudukan',
    version: v.version,
  });
  return publish(ctx, v.id, { effectiveDate: day, version: v.version });
}

let accounts = 0;

/**
 * A real account (foreign keys point at it) and the actor a request of theirs would carry. Inserted
 * directly, as a factory would: hashing a password nobody types costs each test a second.
 */
async function account(db: Db, kind: 'citizen' | 'staff', name: string): Promise<string> {
  accounts += 1;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${accounts}@contoh.test`;
  const inserted = await sql<{ id: string }>`
    insert into identity.account (kind, email, name, email_verified_at) values (${kind}, ${email}, ${name}, now()) returning id`.execute(
    db,
  );
  return inserted.rows[0]!.id;
}

export type CitizenActor = Extract<Actor, { kind: 'citizen' }>;
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export async function citizenAccount(db: Db, name: string): Promise<CitizenActor> {
  const id = await account(db, 'citizen', name);
  return { kind: 'citizen', id, name, sessionId: `session-${id}` };
}

/** A staff account holding `role` at `scope`, with the role's real permissions. */
export async function staffAccount(db: Db, name: string, role: Role, scope: Scope): Promise<StaffActor> {
  const id = await account(db, 'staff', name);
  await sql`insert into identity.role_grant (account_id, role, scope_kind, scope_id)
    values (${id}, ${role}, ${scope.kind}, ${scope.id ?? null})`.execute(db);
  return { kind: 'staff', id, name, sessionId: `session-${id}`, grants: [{ role, scope, permissions: permissionsOf(role) }] };
}

export interface ApplyFixture {
  db: Db;
  keys: KeyRing;
  files: LocalFileStore;
  agencyId: string;
  unitId: string;
  mallId: string;
  /** The online birth certificate service (offered online and at MPP Badung) and its published version. */
  service: { id: string; slug: string; name: string; versionId: string };
  /** A counter-only service of the same unit. */
  counterService: { id: string; slug: string; versionId: string };
  /** A service of another agency (Makassar), for cross-tenant checks. */
  otherService: { id: string; versionId: string; unitId: string };
  citizens: { warga: CitizenActor; other: CitizenActor };
  staff: {
    processor: StaffActor;
    counter: StaffActor;
    mallCounter: StaffActor;
    unitAdmin: StaffActor;
    otherUnit: StaffActor;
    otherCounter: StaffActor;
  };
  ctx(actor: Actor, now?: () => Date): ApplicationsContext;
}

/** Builds the fixture: organizations, services with published standards, accounts. */
export async function buildApplyFixture(db: Db, options: { content?: StandardContent } = {}): Promise<ApplyFixture> {
  await importRegions(
    { db },
    [
      { code: '51', name: 'BALI', parentCode: null },
      { code: '51.03', name: 'KABUPATEN BADUNG', parentCode: '51' },
      { code: '73', name: 'SULAWESI SELATAN', parentCode: null },
      { code: '73.71', name: 'KOTA MAKASSAR', parentCode: '73' },
    ],
    { sourceVersion: 'applications-test@1' },
  );
  const org = { db, actor: PLATFORM };
  const agency = await createAgency(org, {
    code: 'DISDUKCAPIL-BDG',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung',
    kind: 'regency_government',
    regionCode: '51.03',
  });
  const unit = await createServiceUnit(org, {
    agencyId: agency.id,
    code: 'ADMINDUK',
    name: 'Bidang Pelayanan Pencatatan Sipil',
    regionCode: '51.03',
    address: 'Jl. Raya Sempidi, Mengwi',
  });
  const mall = await createMall(org, {
    regionCode: '51.03',
    code: 'MPP-BADUNG',
    name: 'Mal Pelayanan Publik Badung',
    address: 'Jl. Raya Sempidi, Mengwi',
  });
  const otherAgency = await createAgency(org, {
    code: 'DISDUKCAPIL-MKS',
    name: 'Disdukcapil Kota Makassar',
    kind: 'regency_government',
    regionCode: '73.71',
  });
  const otherUnit = await createServiceUnit(org, {
    agencyId: otherAgency.id,
    code: 'CAPIL-MKS',
    name: 'Pelayanan Pencatatan Sipil Makassar',
    regionCode: '73.71',
  });

  const describe = (name: string) => ({
    name,
    summary: `${name} bagi penduduk, diajukan secara online atau di loket.`,
    category: 'civil_registration' as const,
    kind: 'non_licensing' as const,
    audiences: ['citizen' as const],
  });
  const service = await createService(org, {
    serviceUnitId: unit.id,
    code: 'AKTA-LAHIR',
    ...describe('Penerbitan Akta Kelahiran'),
    channels: 'both',
    locations: [{ mallId: mall.id }],
  });
  const counterService = await createService(org, {
    serviceUnitId: unit.id,
    code: 'KTP-EL',
    ...describe('Perekaman KTP Elektronik'),
    channels: 'counter',
    locations: [{ mallId: mall.id }],
  });
  const otherService = await createService(org, {
    serviceUnitId: otherUnit.id,
    code: 'AKTA-LAHIR-MKS',
    ...describe('Akta Kelahiran Makassar'),
    channels: 'both',
  });
  const content = options.content ?? birthCertificateStandard();
  const published = await publishStandard(db, service.id, content);
  const counterVersion = await publishStandard(db, counterService.id, content);
  const otherVersion = await publishStandard(db, otherService.id, content);

  const keys = testKeys();
  const files = testFiles();
  return {
    db,
    keys,
    files,
    agencyId: agency.id,
    unitId: unit.id,
    mallId: mall.id,
    service: { id: service.id, slug: service.slug, name: service.name, versionId: published.id },
    counterService: { id: counterService.id, slug: counterService.slug, versionId: counterVersion.id },
    otherService: { id: otherService.id, versionId: otherVersion.id, unitId: otherUnit.id },
    citizens: { warga: await citizenAccount(db, 'Ni Wayan Sari'), other: await citizenAccount(db, 'Made Wirawan') },
    staff: {
      processor: await staffAccount(db, 'Komang Wiradana', 'processor', { kind: 'unit', id: unit.id }),
      counter: await staffAccount(db, 'Kadek Ayu Lestari', 'counter_officer', { kind: 'unit', id: unit.id }),
      mallCounter: await staffAccount(db, 'Gede Loket MPP', 'counter_officer', { kind: 'mall', id: mall.id }),
      unitAdmin: await staffAccount(db, 'Made Sudarsana', 'unit_admin', { kind: 'unit', id: unit.id }),
      otherUnit: await staffAccount(db, 'Andi Makassar', 'processor', { kind: 'unit', id: otherUnit.id }),
      otherCounter: await staffAccount(db, 'Rina Loket Makassar', 'counter_officer', { kind: 'unit', id: otherUnit.id }),
    },
    ctx: (actor, now) => ({ db, actor, keys, files, ...(now ? { now } : {}) }),
  };
}

/** A citizen's draft with valid answers and every mandatory document uploaded, not yet submitted. */
export async function completeDraft(
  fx: ApplyFixture,
  options: { citizen?: Actor; answers?: Answers; now?: () => Date; serviceId?: string } = {},
) {
  const ctx = fx.ctx(options.citizen ?? fx.citizens.warga, options.now);
  let app: ApplicationRow = await Apply.startApplication(ctx, options.serviceId ?? fx.service.id);
  app = await Apply.saveAnswers(ctx, app.id, app.version, birthAnswers(options.answers));
  await Apply.uploadDocument(ctx, app.id, 'surat_lahir', FILES.jpeg, 'surat-lahir.jpg');
  await Apply.uploadDocument(ctx, app.id, 'kk', FILES.pdf, 'kartu-keluarga.pdf');
  return app;
}

/** A submitted application of the online service, made by a citizen through the applying use cases. */
export async function submittedApplication(
  fx: ApplyFixture,
  options: { citizen?: Actor; answers?: Answers; now?: () => Date; serviceId?: string } = {},
): Promise<ApplicationRow> {
  const draft = await completeDraft(fx, options);
  return Apply.submit(fx.ctx(options.citizen ?? fx.citizens.warga, options.now), draft.id, `submit-${draft.id}`);
}

/** A submitted application filed at the counter for a citizen without an account. */
export async function counterApplication(
  fx: ApplyFixture,
  options: { officer?: Actor; name?: string; mallId?: string; now?: () => Date } = {},
) {
  return Apply.fileAtCounter(fx.ctx(options.officer ?? fx.staff.counter, options.now), {
    serviceId: fx.service.id,
    ...(options.mallId ? { mallId: options.mallId } : {}),
    contact: { name: options.name ?? 'Luh Putu Kartini', phone: '081234567891' },
    answers: birthAnswers({ nama_pemohon: options.name ?? 'Luh Putu Kartini' }),
    documents: [
      { requirementKey: 'surat_lahir', source: FILES.pdf, filename: 'surat-lahir.pdf' },
      { requirementKey: 'kk', source: FILES.pdf, filename: 'kk.pdf' },
    ],
  });
}
