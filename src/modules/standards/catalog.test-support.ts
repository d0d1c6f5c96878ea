/**
 * A small published catalog for the catalog's tests (unit, HTTP and browser): a few real-looking services
 * of two regencies, one mall with booths and hours, plus rows the catalog must never show (a draft, a
 * withdrawn service). Rows are inserted directly, as factories do; the content passes the 14-component schema.
 */
import { sql, type Kysely } from 'kysely';
import { StandardContent, type ComponentKey } from './standards.content.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw inserts over this module's and organizations' tables
type AnyDb = Kysely<any>;

type ContentInput = Partial<Record<ComponentKey, unknown>>;

/** A complete, valid standard; `overrides` replace whole components. */
export function standardContent(overrides: ContentInput = {}): StandardContent {
  return StandardContent.parse({
    requirements: [
      {
        key: 'ktp',
        name: 'KTP-el pemohon',
        kind: 'document',
        mandatory: true,
        fileTypes: ['application/pdf', 'image/jpeg'],
        maxSizeKb: 2048,
      },
      {
        key: 'kk',
        name: 'Kartu Keluarga',
        kind: 'document',
        mandatory: true,
        fileTypes: ['application/pdf'],
        maxSizeKb: 2048,
        notes: 'Asli dan fotokopi.',
      },
      {
        key: 'surat_nikah',
        name: 'Buku nikah orang tua',
        kind: 'document',
        mandatory: false,
        fileTypes: ['application/pdf'],
        maxSizeKb: 4096,
      },
      { key: 'nik', name: 'NIK pemohon', kind: 'data', mandatory: true, fieldType: 'nik', profileField: 'nik' },
    ],
    procedure: [
      { key: 'ajukan', title: 'Pemohon mengajukan permohonan dan menyerahkan berkas', actor: 'citizen' },
      {
        key: 'periksa',
        title: 'Petugas loket memeriksa kelengkapan berkas',
        actor: 'counter_officer',
        duration: { value: 30, unit: 'minutes' },
      },
      {
        key: 'proses',
        title: 'Petugas memverifikasi dan memproses data',
        actor: 'processor',
        duration: { value: 1, unit: 'working_days' },
      },
      { key: 'tanda_tangan', title: 'Kepala dinas menandatangani dokumen secara elektronik', actor: 'head_of_unit' },
      {
        key: 'serahkan',
        title: 'Dokumen diserahkan kepada pemohon',
        actor: 'counter_officer',
        output: 'Dokumen yang sudah ditandatangani',
      },
    ],
    timeLimit: { value: 3, unit: 'working_days', pausesWhileWaiting: true },
    fee: { free: true, legalBasis: 'UU 24/2013 Pasal 79A' },
    products: [{ name: 'Dokumen kependudukan' }],
    complaints: {
      channels: [
        { kind: 'lapor', contact: 'lapor.go.id' },
        { kind: 'whatsapp', contact: '0812-3456-7890' },
        { kind: 'email', contact: 'pengaduan@disdukcapil.badungkab.go.id' },
      ],
      responseDays: 5,
    },
    legalBasis: [{ title: 'Undang-Undang tentang Pelayanan Publik', number: '25', year: 2009 }],
    facilities: 'Ruang tunggu, kursi roda, toilet ramah disabilitas.',
    staffCompetence: 'Menguasai aplikasi kependudukan dan ramah kepada pemohon.',
    internalSupervision: 'Atasan langsung dan Inspektorat.',
    staffCount: { count: 6 },
    serviceGuarantee: 'Layanan diberikan sesuai standar ini.',
    securityGuarantee: 'Data pribadi pemohon dijaga kerahasiaannya.',
    performanceEvaluation: 'Dievaluasi setiap tahun.',
    ...overrides,
  });
}

export interface ServiceSpec {
  unit: string;
  slug: string;
  name: string;
  summary: string;
  keywords?: string;
  category?: string;
  kind?: 'licensing' | 'non_licensing';
  lifeEvents?: string[];
  audiences?: string[];
  channels?: 'online' | 'counter' | 'both';
  content?: ContentInput;
  /** Booth codes at the mall where it is offered; null for the unit's own office in the mall's area. */
  at?: (string | null)[];
  status?: 'published' | 'draft';
  active?: boolean;
}

const REGIONS = [
  ['31', 'province', null, 'DKI JAKARTA', 'Asia/Jakarta'],
  ['31.71', 'regency', '31', 'KOTA ADMINISTRASI JAKARTA PUSAT', 'Asia/Jakarta'],
  ['51', 'province', null, 'BALI', 'Asia/Makassar'],
  ['51.03', 'regency', '51', 'KABUPATEN BADUNG', 'Asia/Makassar'],
  ['73', 'province', null, 'SULAWESI SELATAN', 'Asia/Makassar'],
  ['73.71', 'regency', '73', 'KOTA MAKASSAR', 'Asia/Makassar'],
] as const;

/** Agencies and their one unit each, by unit code. */
const UNITS = {
  DUKCAPIL: {
    agency: ['DISDUKCAPIL-BDG', 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung', '51.03'],
    name: 'Bidang Pelayanan Administrasi Kependudukan',
    region: '51.03',
  },
  PTSP: {
    agency: ['DPMPTSP-BDG', 'Dinas Penanaman Modal dan PTSP Kabupaten Badung', '51.03'],
    name: 'Pelayanan Terpadu Satu Pintu',
    region: '51.03',
  },
  SATPAS: { agency: ['POLRES-BDG', 'Kepolisian Resor Badung', '51.03'], name: 'Satuan Penyelenggara Administrasi SIM', region: '51.03' },
  AIR: { agency: ['PERUMDA-AM-BDG', 'Perumda Air Minum Tirta Mangutama', '51.03'], name: 'Pelayanan Pelanggan', region: '51.03' },
  DUKCAPIL_MKS: {
    agency: ['DISDUKCAPIL-MKS', 'Dinas Kependudukan dan Pencatatan Sipil Kota Makassar', '73.71'],
    name: 'Pelayanan Pencatatan Sipil',
    region: '73.71',
  },
} as const;
type UnitCode = keyof typeof UNITS;

export const CATALOG_SERVICES: ServiceSpec[] = [
  {
    unit: 'DUKCAPIL',
    slug: 'penerbitan-akta-kelahiran',
    name: 'Penerbitan Akta Kelahiran',
    summary: 'Akta kelahiran untuk bayi yang baru lahir atau anak yang kelahirannya belum dicatat.',
    keywords: 'akte lahir, akta lahir',
    lifeEvents: ['birth'],
    at: ['G-DUKCAPIL'],
    content: {
      requirements: [
        {
          key: 'surat_lahir',
          name: 'Surat keterangan lahir dari rumah sakit, puskesmas atau bidan',
          kind: 'document',
          mandatory: true,
          fileTypes: ['application/pdf', 'image/jpeg'],
          maxSizeKb: 2048,
        },
        { key: 'kk', name: 'Kartu Keluarga orang tua', kind: 'document', mandatory: true, fileTypes: ['application/pdf'], maxSizeKb: 2048 },
        {
          key: 'ktp_ortu',
          name: 'KTP-el kedua orang tua',
          kind: 'document',
          mandatory: true,
          fileTypes: ['application/pdf', 'image/jpeg'],
          maxSizeKb: 2048,
        },
        {
          key: 'buku_nikah',
          name: 'Buku nikah atau akta perkawinan orang tua',
          kind: 'document',
          mandatory: false,
          fileTypes: ['application/pdf'],
          maxSizeKb: 4096,
          notes: 'Jika ada.',
        },
        { key: 'saksi', name: 'Dua orang saksi', kind: 'presence', mandatory: false },
      ],
      timeLimit: { value: 1, unit: 'working_days', pausesWhileWaiting: true },
      products: [{ name: 'Kutipan akta kelahiran (elektronik)' }],
    },
  },
  {
    unit: 'DUKCAPIL',
    slug: 'perekaman-ktp-elektronik',
    name: 'Perekaman dan Pencetakan Kartu Tanda Penduduk Elektronik',
    summary: 'Perekaman sidik jari, iris dan foto, lalu pencetakan kartu identitas penduduk berusia 17 tahun atau sudah menikah.',
    at: ['G-DUKCAPIL'],
    channels: 'counter',
    content: { products: [{ name: 'Kartu identitas elektronik' }] },
  },
  {
    unit: 'DUKCAPIL',
    slug: 'penerbitan-kartu-keluarga',
    name: 'Penerbitan Kartu Keluarga',
    summary:
      'Kartu Keluarga baru atau perubahan data setelah pernikahan, kelahiran, atau pindah. Siapkan akta kelahiran anak bila ada anggota baru.',
    lifeEvents: ['marriage', 'birth', 'moving_house'],
    at: ['G-DUKCAPIL'],
  },
  {
    unit: 'DUKCAPIL',
    slug: 'penerbitan-akta-kematian',
    name: 'Penerbitan Akta Kematian',
    summary: 'Pencatatan kematian penduduk dan penerbitan akta kematian untuk ahli waris.',
    lifeEvents: ['death'],
    at: [null],
  },
  {
    unit: 'DUKCAPIL',
    slug: 'legalisasi-dokumen-kependudukan',
    name: 'Legalisasi Dokumen Kependudukan',
    summary: 'Pengesahan salinan dokumen kependudukan seperti akta kelahiran dan akta perkawinan.',
  },
  {
    unit: 'SATPAS',
    slug: 'sim-baru',
    name: 'Penerbitan Surat Izin Mengemudi Baru',
    summary: 'Ujian teori dan praktik lalu penerbitan surat izin mengemudi untuk pengemudi baru.',
    category: 'transport',
    lifeEvents: ['owning_vehicle'],
    channels: 'counter',
    content: {
      fee: {
        free: false,
        items: [
          { name: 'Penerbitan SIM A baru', amount: 120000, legalBasis: 'PP 76/2020' },
          { name: 'Tes psikologi', amount: 60000, legalBasis: 'Perpol 5/2021' },
        ],
      },
      timeLimit: { value: 2, unit: 'hours', pausesWhileWaiting: false },
    },
  },
  {
    unit: 'PTSP',
    slug: 'nomor-induk-berusaha',
    name: 'Nomor Induk Berusaha',
    summary: 'Identitas pelaku usaha yang sekaligus berlaku sebagai izin dasar untuk memulai usaha.',
    category: 'licensing',
    kind: 'licensing',
    lifeEvents: ['starting_business'],
    audiences: ['business'],
    channels: 'online',
  },
  {
    unit: 'PTSP',
    slug: 'persetujuan-bangunan-gedung',
    name: 'Persetujuan Bangunan Gedung',
    summary: 'Persetujuan sebelum membangun, mengubah atau merawat bangunan gedung sesuai standar teknis.',
    category: 'licensing',
    kind: 'licensing',
    lifeEvents: ['owning_property'],
    audiences: ['citizen', 'business'],
    at: ['G-PTSP'],
    content: {
      fee: { free: false, items: [{ name: 'Retribusi PBG', amount: 2500000, legalBasis: 'Perda Kabupaten Badung 3/2023' }] },
      timeLimit: { value: 28, unit: 'working_days', pausesWhileWaiting: true },
    },
  },
  {
    unit: 'AIR',
    slug: 'sambungan-baru-air-minum',
    name: 'Pemasangan Sambungan Baru Air Minum',
    summary: 'Pemasangan pipa dan meteran air untuk rumah tangga atau tempat usaha.',
    category: 'utilities',
    lifeEvents: ['moving_house', 'owning_property'],
    content: { fee: { free: false, items: [{ name: 'Biaya sambungan baru', amount: 1500000, legalBasis: 'Perbup Badung 10/2022' }] } },
  },
  {
    unit: 'DUKCAPIL_MKS',
    slug: 'penerbitan-akta-kelahiran-makassar',
    name: 'Penerbitan Akta Kelahiran',
    summary: 'Akta kelahiran bagi penduduk Kota Makassar.',
    lifeEvents: ['birth'],
  },
  // Never shown: a draft, and a service taken out of the catalog.
  {
    unit: 'DUKCAPIL',
    slug: 'akta-kelahiran-draf',
    name: 'Penerbitan Akta Kelahiran Terpadu',
    summary: 'Rancangan layanan terpadu akta kelahiran yang belum diterbitkan.',
    status: 'draft',
  },
  {
    unit: 'DUKCAPIL',
    slug: 'akta-kelahiran-lama',
    name: 'Penerbitan Akta Kelahiran Manual',
    summary: 'Layanan lama akta kelahiran yang sudah dihentikan.',
    active: false,
  },
];

export interface CatalogFixture {
  agencyIds: Record<UnitCode, string>;
  unitIds: Record<UnitCode, string>;
  mallId: string;
  boothIds: Record<string, string>;
  serviceIds: Record<string, string>;
}

/** Inserts the regions, organizations, mall and services above; returns their ids. */
export async function seedCatalog(db: AnyDb, services: ServiceSpec[] = CATALOG_SERVICES): Promise<CatalogFixture> {
  for (const [code, level, parent, name, zone] of REGIONS) {
    await sql`insert into organizations.region (code, level, parent_code, name, time_zone, source_version)
      values (${code}, ${level}, ${parent}, ${name}, ${zone}, 'catalog-test') on conflict (code) do nothing`.execute(db);
  }
  const agencyIds = {} as Record<UnitCode, string>;
  const unitIds = {} as Record<UnitCode, string>;
  for (const [unitCode, spec] of Object.entries(UNITS) as [UnitCode, (typeof UNITS)[UnitCode]][]) {
    const [agencyCode, agencyName, agencyRegion] = spec.agency;
    const agency = await sql<{ id: string }>`insert into organizations.agency (code, name, kind, region_code)
      values (${agencyCode}, ${agencyName}, 'regency_government', ${agencyRegion}) returning id`.execute(db);
    agencyIds[unitCode] = agency.rows[0]!.id;
    const unit = await sql<{ id: string }>`insert into organizations.service_unit (agency_id, code, name, region_code, address)
      values (${agencyIds[unitCode]}, ${unitCode.replace('_', '-')}, ${spec.name}, ${spec.region}, ${'Jl. Raya Sempidi No. 1, Mengwi'}) returning id`.execute(
      db,
    );
    unitIds[unitCode] = unit.rows[0]!.id;
  }
  const mall = await sql<{ id: string }>`insert into organizations.mall (region_code, code, name, address, time_zone)
    values ('51.03', 'MPP-BADUNG', 'Mal Pelayanan Publik Kabupaten Badung', 'Jl. Raya Sempidi No. 2, Mengwi, Badung', 'Asia/Makassar') returning id`.execute(
    db,
  );
  const mallId = mall.rows[0]!.id;
  for (const weekday of [1, 2, 3, 4, 5]) {
    await sql`insert into organizations.mall_hours (mall_id, weekday, opens_at, closes_at) values (${mallId}, ${weekday}, '08:00', '16:00')`.execute(
      db,
    );
  }
  await sql`insert into organizations.mall_hours (mall_id, weekday, opens_at, closes_at) values (${mallId}, 6, '08:00', '12:00')`.execute(
    db,
  );
  const boothIds: Record<string, string> = {};
  for (const [code, unit, name] of [
    ['G-DUKCAPIL', 'DUKCAPIL', 'Gerai Disdukcapil'],
    ['G-PTSP', 'PTSP', 'Gerai Perizinan'],
  ] as const) {
    const booth = await sql<{ id: string }>`insert into organizations.booth (mall_id, service_unit_id, code, name)
      values (${mallId}, ${unitIds[unit]}, ${code}, ${name}) returning id`.execute(db);
    boothIds[code] = booth.rows[0]!.id;
  }
  const serviceIds: Record<string, string> = {};
  for (const [i, spec] of services.entries()) {
    serviceIds[spec.slug] = await insertService(
      db,
      { agencyId: agencyIds[spec.unit as UnitCode], unitId: unitIds[spec.unit as UnitCode], mallId, boothIds },
      spec,
      i,
    );
  }
  return { agencyIds, unitIds, mallId, boothIds, serviceIds };
}

/** One service with its version (published unless told) and its places. */
export async function insertService(
  db: AnyDb,
  where: { agencyId: string; unitId: string; mallId: string; boothIds: Record<string, string> },
  spec: ServiceSpec,
  n = 0,
): Promise<string> {
  const active = spec.active ?? true;
  const service = await sql<{ id: string }>`insert into standards.service
      (service_unit_id, agency_id, code, slug, name, summary, keywords, category, kind, life_events, audiences, channels, active, deactivated_at)
    values (${where.unitId}, ${where.agencyId}, ${`SVC-${n + 1}`}, ${spec.slug}, ${spec.name}, ${spec.summary}, ${spec.keywords ?? ''},
      ${spec.category ?? 'civil_registration'}, ${spec.kind ?? 'non_licensing'}, ${sql.val(spec.lifeEvents ?? [])}::text[],
      ${sql.val(spec.audiences ?? ['citizen'])}::text[], ${spec.channels ?? 'both'}, ${active}, ${active ? null : new Date('2026-06-01T00:00:00Z')})
    returning id`.execute(db);
  const id = service.rows[0]!.id;
  const published = (spec.status ?? 'published') === 'published';
  await sql`insert into standards.standard_version
      (service_id, number, status, content, decree_number, decree_date, decree_signatory, effective_date, published_at)
    values (${id}, 1, ${spec.status ?? 'published'}, ${JSON.stringify(standardContent(spec.content))}::jsonb,
      ${published ? `188.45/${100 + n}/HK/2026` : null}, ${published ? '2026-01-05' : null}, ${published ? 'Kepala Dinas' : null},
      ${published ? '2026-01-10' : null}, ${published ? new Date('2026-01-10T01:00:00Z') : null})`.execute(db);
  for (const booth of spec.at ?? []) {
    await sql`insert into standards.service_location (service_id, mall_id, booth_id)
      values (${id}, ${where.mallId}, ${booth ? where.boothIds[booth]! : null})`.execute(db);
  }
  return id;
}
