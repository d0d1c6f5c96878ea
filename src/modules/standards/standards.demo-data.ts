import type {
  AUDIENCES,
  CATEGORIES,
  CHANNELS,
  DATA_FIELD_TYPES,
  DURATION_UNITS,
  LIFE_EVENTS,
  PROCEDURE_ACTORS,
  PROFILE_FIELDS,
  SERVICE_KINDS,
  StandardContent,
} from './standards.content.js';

/**
 * The demo catalog: services of the units in the organizations demo (MPP Kabupaten Badung and Kemenko
 * PMK), each with a complete standard written the way such units publish theirs. Statutes and national
 * regulations are real; regional regulations are named without a number where the number was not
 * checked; contacts are fictitious (`.test` addresses, 0361/021 numbers) except LAPOR!.
 * Read by standards.seed.ts, which takes every standard through the real lifecycle.
 */

type Requirement = StandardContent['requirements'][number];
type Step = StandardContent['procedure'][number];
type Regulation = StandardContent['legalBasis'][number];
type Management = Pick<
  StandardContent,
  'facilities' | 'staffCompetence' | 'internalSupervision' | 'serviceGuarantee' | 'securityGuarantee' | 'performanceEvaluation'
>;

export interface Decree {
  number: string;
  /** ISO date the decree was signed. */
  date: string;
  signatory: string;
}

export interface DemoService {
  agency: string;
  unit: string;
  /** Where the service is offered in person: a mall and, when the unit has one there, its booth. */
  offeredAt: { mall: string; booth?: string }[];
  code: string;
  slug: string;
  name: string;
  summary: string;
  keywords?: string;
  category: (typeof CATEGORIES)[number];
  kind: (typeof SERVICE_KINDS)[number];
  lifeEvents: (typeof LIFE_EVENTS)[number][];
  audiences: (typeof AUDIENCES)[number][];
  channels: (typeof CHANNELS)[number];
  content: StandardContent;
  decree: Decree;
  /** ISO date the standard takes effect. */
  effectiveDate: string;
}

// ---------------------------------------------------------------------------------------------------
// Building blocks

const PDF = ['application/pdf'];
const SCAN = ['application/pdf', 'image/jpeg', 'image/png'];
const PHOTO = ['image/jpeg', 'image/png'];

interface DocOptions {
  mandatory?: boolean;
  notes?: string;
  types?: string[];
  maxSizeKb?: number;
  reusable?: boolean;
}

/** A document the citizen uploads (or shows at the counter). */
function doc(key: string, name: string, o: DocOptions = {}): Requirement {
  return {
    key,
    name,
    kind: 'document',
    mandatory: o.mandatory ?? true,
    notes: o.notes,
    fileTypes: o.types ?? SCAN,
    maxSizeKb: o.maxSizeKb ?? 2048,
    reusable: o.reusable ?? false,
  };
}

interface FieldOptions {
  mandatory?: boolean;
  notes?: string;
  profileField?: (typeof PROFILE_FIELDS)[number];
  choices?: string[];
}

/** A data item on the application form. */
function field(key: string, name: string, fieldType: (typeof DATA_FIELD_TYPES)[number], o: FieldOptions = {}): Requirement {
  return {
    key,
    name,
    kind: 'data',
    mandatory: o.mandatory ?? true,
    notes: o.notes,
    fileTypes: [],
    fieldType,
    choices: o.choices,
    profileField: o.profileField,
    reusable: false,
  };
}

/** Something the citizen must do in person (biometrics, signing a register). */
function presence(key: string, name: string, notes?: string, mandatory = true): Requirement {
  return { key, name, kind: 'presence', mandatory, notes, fileTypes: [], reusable: false };
}

/** The citizen's NIK, phone and e-mail, filled from the profile. */
const nik = (name = 'NIK pemohon') => field('nik', name, 'nik', { profileField: 'nik' });
const phone = () => field('telepon', 'Nomor telepon/WhatsApp yang dapat dihubungi', 'phone', { profileField: 'phone' });
const email = (mandatory = false) => field('surel', 'Alamat surel', 'email', { profileField: 'email', mandatory });

function step(
  key: string,
  title: string,
  actor: (typeof PROCEDURE_ACTORS)[number],
  duration?: [number, (typeof DURATION_UNITS)[number]],
  output?: string,
  description?: string,
): Step {
  return { key, title, actor, duration: duration && { value: duration[0], unit: duration[1] }, output, description };
}

function reg(title: string, number?: string, year?: number): Regulation {
  return { title, number, year };
}

// ---------------------------------------------------------------------------------------------------
// Legal bases shared across units

const PUBLIC_SERVICE = [
  reg('Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik', '25', 2009),
  reg(
    'Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
    '96',
    2012,
  ),
  reg('Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik', '76', 2013),
  reg(
    'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan',
    '15',
    2014,
  ),
];
const MPP = reg('Peraturan Presiden Nomor 89 Tahun 2021 tentang Penyelenggaraan Mal Pelayanan Publik', '89', 2021);
const PDP = reg('Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi', '27', 2022);
const HKPD = reg('Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah', '1', 2022);
const PP_KUPDRD = reg('Peraturan Pemerintah Nomor 35 Tahun 2023 tentang Ketentuan Umum Pajak Daerah dan Retribusi Daerah', '35', 2023);
const PERDA_PDRD_BADUNG = reg('Peraturan Daerah Kabupaten Badung tentang Pajak Daerah dan Retribusi Daerah', undefined, 2023);

const ADMINDUK_LAW = [
  reg('Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan', '23', 2006),
  reg(
    'Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan',
    '24',
    2013,
  ),
  reg(
    'Peraturan Pemerintah Nomor 40 Tahun 2019 tentang Pelaksanaan Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013',
    '40',
    2019,
  ),
  reg('Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil', '96', 2018),
  reg(
    'Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Peraturan Presiden Nomor 96 Tahun 2018',
    '108',
    2019,
  ),
  reg(
    'Peraturan Menteri Dalam Negeri Nomor 109 Tahun 2019 tentang Formulir dan Buku yang Digunakan dalam Administrasi Kependudukan',
    '109',
    2019,
  ),
  reg('Peraturan Menteri Dalam Negeri Nomor 7 Tahun 2019 tentang Pelayanan Administrasi Kependudukan Secara Daring', '7', 2019),
];
const ADMINDUK_FREE = 'Gratis — UU 24/2013 jo. UU 23/2006 Pasal 79A: pengurusan dan penerbitan dokumen kependudukan tidak dipungut biaya';

const RISK_BASED_LICENSING = [
  reg(
    'Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang',
    '6',
    2023,
  ),
  reg('Undang-Undang Nomor 25 Tahun 2007 tentang Penanaman Modal', '25', 2007),
  reg(
    'Peraturan Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko (pengganti Peraturan Pemerintah Nomor 5 Tahun 2021)',
    '28',
    2025,
  ),
  reg('Peraturan Presiden Nomor 97 Tahun 2014 tentang Penyelenggaraan Pelayanan Terpadu Satu Pintu', '97', 2014),
];

// ---------------------------------------------------------------------------------------------------
// Units: complaint channels, management components and decree signatories as each unit writes them

const BADUNG_MALL = 'MPP-BADUNG';
const at = (booth: string) => [{ mall: BADUNG_MALL, booth }];

function complaints(channels: StandardContent['complaints']['channels'], responseDays = 5, notes?: string): StandardContent['complaints'] {
  return { channels: [...channels, { kind: 'lapor', contact: 'SP4N-LAPOR! https://www.lapor.go.id atau SMS 1708' }], responseDays, notes };
}
const mppDesk = { kind: 'in_person', contact: 'Meja Informasi dan Pengaduan MPP Kabupaten Badung, lantai 1 (Senin–Jumat)' } as const;
const inApp = { kind: 'in_app', contact: 'Menu Pengaduan pada Satupintu, dengan nomor permohonan' } as const;

const ADMINDUK: Management & { complaints: StandardContent['complaints'] } = {
  complaints: complaints([
    inApp,
    { kind: 'phone', contact: '(0361) 4009 101 (contoh), Senin–Jumat 08.00–15.30 WITA' },
    { kind: 'whatsapp', contact: '+62 361 4009 102 (contoh, pesan tertulis)' },
    { kind: 'email', contact: 'pengaduan@disdukcapil.badungkab.test' },
    { kind: 'box', contact: 'Kotak saran dan pengaduan di Gerai A MPP Kabupaten Badung' },
    mppDesk,
  ]),
  facilities:
    'Gerai A MPP Kabupaten Badung dengan 4 loket pelayanan, ruang tunggu ber-AC berkapasitas 40 kursi, mesin antrean dan papan panggil, ruang perekaman KTP-el (kamera, pemindai sidik jari dan iris mata, alat tanda tangan digital), printer KTP-el dan printer dokumen, jaringan SIAK Terpusat, ruang laktasi, pojok bermain anak, toilet dan jalur ramah disabilitas, kursi roda, serta layanan daring melalui Satupintu.',
  staffCompetence:
    'Pelaksana berpendidikan paling rendah SMA/sederajat; memahami Perpres 96/2018 dan Permendagri 108/2019; mahir mengoperasikan SIAK Terpusat dan aplikasi perekaman KTP-el; telah mengikuti bimbingan teknis administrasi kependudukan dari Ditjen Dukcapil Kemendagri dan pelatihan pelayanan prima; Pejabat Pencatatan Sipil ditetapkan dengan keputusan dan memiliki sertifikat elektronik untuk tanda tangan elektronik.',
  internalSupervision:
    'Pengawasan melekat oleh Kepala Bidang dan Kepala Seksi secara berjenjang setiap hari terhadap berkas masuk dan dokumen terbit; pemantauan ketepatan waktu melalui dasbor Satupintu; pemeriksaan berkala oleh Inspektorat Kabupaten Badung; konsolidasi dan pembersihan data oleh Ditjen Dukcapil Kemendagri.',
  serviceGuarantee:
    'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung menjamin pelayanan diberikan sesuai standar pelayanan ini, tanpa pungutan biaya, sebagaimana dinyatakan dalam Maklumat Pelayanan. Apabila dokumen tidak terbit dalam jangka waktu, pemohon menerima penjelasan tertulis dan permohonannya diselesaikan dengan prioritas.',
  securityGuarantee:
    'Data pribadi dijaga kerahasiaannya sesuai UU 27/2022 tentang Pelindungan Data Pribadi; akses SIAK hanya melalui akun pribadi petugas yang berwenang dan tercatat; blangko KTP-el disimpan dalam lemari terkunci dengan berita acara pemakaian; dokumen elektronik bertanda tangan elektronik dan berkode QR; area pelayanan diawasi CCTV dan petugas keamanan MPP; APAR, P3K dan jalur evakuasi tersedia.',
  performanceEvaluation:
    'Evaluasi kinerja pelaksana setiap bulan berdasarkan jumlah dokumen terbit, ketepatan waktu dan hasil pengaduan; Survei Kepuasan Masyarakat setiap semester sesuai PermenPANRB 14/2017; penilaian Sasaran Kinerja Pegawai setiap tahun. Hasil evaluasi dibahas dalam rapat bulanan dan ditindaklanjuti dengan pembinaan atau penghargaan.',
};
/** Decrees of the Badung regency's agencies, numbered with the archival code for decrees (188.4x). */
const badungDecree =
  (signatory: string) =>
  (n: number, date: string): Decree => ({ number: `188.45/${n}/HK/2026`, date, signatory });
const ADMINDUK_DECREE = badungDecree('Drs. I Nyoman Suardika, M.Si. — Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung');

const PERIZINAN: Management & { complaints: StandardContent['complaints'] } = {
  complaints: complaints([
    inApp,
    { kind: 'phone', contact: '(0361) 4009 201 (contoh), Senin–Jumat 08.00–15.30 WITA' },
    { kind: 'email', contact: 'pengaduan@dpmptsp.badungkab.test' },
    { kind: 'box', contact: 'Kotak pengaduan di Gerai B MPP Kabupaten Badung' },
    mppDesk,
  ]),
  facilities:
    'Gerai B MPP Kabupaten Badung dengan 3 loket, meja konsultasi perizinan, 4 komputer swalayan untuk akses OSS dan SIMBG, ruang tunggu ber-AC, mesin antrean, Wi-Fi, printer dan pemindai, toilet dan jalur ramah disabilitas, serta layanan daring melalui OSS (oss.go.id), SIMBG dan Satupintu.',
  staffCompetence:
    'Pelaksana berpendidikan paling rendah D3, diutamakan S1 teknik, hukum atau ekonomi; memahami perizinan berusaha berbasis risiko dan KBLI 2020; mahir mengoperasikan OSS RBA dan SIMBG; telah mengikuti bimbingan teknis dari Kementerian Investasi dan Hilirisasi/BKPM dan Kementerian PU; Tim Penilai Teknis dan Tim Profesi Ahli memiliki sertifikat keahlian sesuai bidangnya.',
  internalSupervision:
    'Pengawasan melekat oleh Kepala Bidang Pelayanan secara berjenjang; pemantauan SLA pada dasbor OSS dan Satupintu setiap hari; rapat koordinasi mingguan dengan dinas teknis; audit oleh Inspektorat Kabupaten Badung dan pemantauan Ombudsman RI Perwakilan Bali.',
  serviceGuarantee:
    'DPMPTSP Kabupaten Badung menjamin pelayanan sesuai standar ini, transparan, tanpa pungutan di luar ketentuan, dan sesuai Maklumat Pelayanan. Permohonan yang lengkap dan benar diproses dalam jangka waktu yang ditetapkan; keterlambatan dijelaskan secara tertulis.',
  securityGuarantee:
    'Dokumen permohonan disimpan dalam sistem elektronik dengan hak akses terbatas; data pribadi dan data usaha dilindungi sesuai UU 27/2022; perizinan terbit dengan tanda tangan elektronik tersertifikasi BSrE; area pelayanan diawasi CCTV dan petugas keamanan; APAR dan jalur evakuasi tersedia.',
  performanceEvaluation:
    'Evaluasi kinerja bulanan atas jumlah permohonan selesai, ketepatan SLA dan pengaduan; Survei Kepuasan Masyarakat setiap triwulan; penilaian Sasaran Kinerja Pegawai setiap tahun; hasilnya dilaporkan kepada Bupati dan menjadi dasar perbaikan standar.',
};
const PERIZINAN_DECREE = badungDecree(
  'Ir. Anak Agung Ngurah Oka Darmaputra, M.T. — Kepala Dinas Penanaman Modal dan PTSP Kabupaten Badung',
);

const SATLANTAS: Management & { complaints: StandardContent['complaints'] } = {
  complaints: complaints([
    inApp,
    { kind: 'phone', contact: 'Sie Propam Polres Badung (0361) 4009 301 (contoh)' },
    { kind: 'whatsapp', contact: 'Layanan Satlantas +62 361 4009 302 (contoh)' },
    { kind: 'email', contact: 'satlantas@polresbadung.test' },
    { kind: 'box', contact: 'Kotak pengaduan di Gerai C MPP Kabupaten Badung' },
  ]),
  facilities:
    'Gerai C MPP Kabupaten Badung dengan 2 loket, ruang identifikasi (kamera, pemindai sidik jari, alat tanda tangan digital), printer kartu SIM, ruang tunggu ber-AC, mesin antrean, layanan pemeriksaan kesehatan dan tes psikologi oleh penyedia terverifikasi di sekitar gerai, akses pembayaran PNBP melalui bank persepsi, toilet dan jalur ramah disabilitas.',
  staffCompetence:
    'Petugas Polri dan ASN Polri di Satlantas Polres Badung yang telah mengikuti pelatihan Registrasi dan Identifikasi Pengemudi; memahami Perpol 5/2021; mampu mengoperasikan aplikasi SIM nasional (Korlantas Polri); mengikuti pelatihan pelayanan prima.',
  internalSupervision:
    'Pengawasan melekat oleh Kasat Lantas dan Kanit Regident; pengawasan oleh Si Propam dan Si Was Polres Badung; supervisi berkala Ditlantas Polda Bali; pemantauan data penerbitan SIM secara nasional oleh Korlantas Polri.',
  serviceGuarantee:
    'Satlantas Polres Badung menjamin pelayanan perpanjangan SIM sesuai standar ini, tanpa calo dan tanpa pungutan di luar PNBP, sesuai Maklumat Pelayanan Polres Badung.',
  securityGuarantee:
    'Data biometrik pemohon disimpan pada sistem SIM nasional dengan akses terbatas; blangko SIM dicatat pemakaiannya; area pelayanan dijaga petugas dan diawasi CCTV; APAR dan jalur evakuasi tersedia.',
  performanceEvaluation:
    'Analisa dan evaluasi (anev) bulanan jumlah SIM terbit, waktu pelayanan dan pengaduan; Survei Kepuasan Masyarakat setiap semester; penilaian kinerja personel melalui sistem e-kinerja Polri.',
};

const SAMSAT: Management & { complaints: StandardContent['complaints'] } = {
  complaints: complaints([
    inApp,
    { kind: 'phone', contact: '(0361) 4009 401 (contoh), Senin–Jumat 08.00–15.00 WITA' },
    { kind: 'whatsapp', contact: '+62 361 4009 402 (contoh)' },
    { kind: 'email', contact: 'samsat.badung@bapenda.baliprov.test' },
    { kind: 'box', contact: 'Kotak pengaduan di Gerai D MPP Kabupaten Badung' },
  ]),
  facilities:
    'Gerai D MPP Kabupaten Badung dengan 2 loket (pendaftaran dan kasir), ruang tunggu ber-AC, mesin antrean, papan informasi tarif, layanan pembayaran non-tunai (QRIS, kartu debit, virtual account), layanan daring melalui aplikasi Samsat Digital Nasional (SIGNAL) dan e-Samsat, toilet dan jalur ramah disabilitas.',
  staffCompetence:
    'Pelaksana dari Bapenda Provinsi Bali, Polri dan PT Jasa Raharja yang memahami UU 1/2022, Perpres 5/2015 dan perda pajak daerah Provinsi Bali; mampu mengoperasikan aplikasi Samsat; telah mengikuti pelatihan pelayanan prima dan penanganan uang/non-tunai.',
  internalSupervision:
    'Pengawasan melekat oleh Kepala UPTD Samsat Badung, KBO/Kanit Regident Samsat dan Kepala Perwakilan Jasa Raharja; rekonsiliasi penerimaan harian dengan bank; audit oleh Inspektorat Provinsi Bali dan BPK RI.',
  serviceGuarantee:
    'Tim Pembina Samsat Provinsi Bali menjamin pelayanan sesuai standar ini, pembayaran langsung ke kas daerah, dan tanpa pungutan di luar ketentuan.',
  securityGuarantee:
    'Data kendaraan dan wajib pajak dijaga kerahasiaannya; transaksi tercatat dan tervalidasi bank; area kasir diawasi CCTV dan petugas keamanan; APAR dan jalur evakuasi tersedia.',
  performanceEvaluation:
    'Evaluasi harian atas realisasi penerimaan dan waktu pelayanan, evaluasi bulanan bersama Tim Pembina Samsat, dan Survei Kepuasan Masyarakat setiap semester.',
};

const BPJS: Management & { complaints: StandardContent['complaints'] } = {
  complaints: complaints([
    inApp,
    { kind: 'phone', contact: 'Kantor Cabang Denpasar (0361) 4009 501 (contoh)' },
    { kind: 'whatsapp', contact: 'PANDAWA (Pelayanan Administrasi melalui WhatsApp) +62 361 4009 502 (contoh)' },
    { kind: 'email', contact: 'kc.denpasar@bpjs-kesehatan.test' },
    { kind: 'in_person', contact: 'Gerai E MPP Kabupaten Badung dan Kantor Cabang Denpasar, Jl. Diponegoro' },
  ]),
  facilities:
    'Gerai E MPP Kabupaten Badung dengan 2 loket, ruang tunggu ber-AC, mesin antrean, komputer pendaftaran yang terhubung dengan data kependudukan Dukcapil, layanan Mobile JKN, PANDAWA dan Care Center, toilet dan jalur ramah disabilitas.',
  staffCompetence:
    'Petugas Front Office BPJS Kesehatan berpendidikan paling rendah D3, memahami Perpres 82/2018 beserta perubahannya dan peraturan BPJS Kesehatan tentang administrasi kepesertaan, serta telah mengikuti pelatihan pelayanan peserta dan penanganan keluhan.',
  internalSupervision:
    'Pengawasan oleh Kepala Bagian Kepesertaan dan Pelayanan Peserta Kantor Cabang Denpasar; pemantauan kualitas layanan (mystery shopping) oleh Kedeputian Wilayah; audit Satuan Pengawas Internal BPJS Kesehatan; pengawasan eksternal oleh DJSN dan OJK.',
  serviceGuarantee:
    'BPJS Kesehatan menjamin pelayanan administrasi kepesertaan sesuai standar ini tanpa dipungut biaya, dengan janji layanan yang dipublikasikan di gerai.',
  securityGuarantee:
    'Data peserta dilindungi sesuai UU 27/2022 dan kebijakan keamanan informasi BPJS Kesehatan (ISO/IEC 27001); akses aplikasi kepesertaan hanya oleh petugas berwenang; area pelayanan diawasi CCTV.',
  performanceEvaluation:
    'Evaluasi bulanan atas waktu layanan, jumlah peserta terlayani dan keluhan; survei kepuasan peserta tahunan oleh lembaga independen; penilaian kinerja individu melalui Key Performance Indicator.',
};
const BPJS_DECREE = (n: number, date: string): Decree => ({
  number: `${n}/KC-DPS/0226`,
  date,
  signatory: 'dr. Ni Kadek Ayu Wulandari, M.K.M. — Kepala BPJS Kesehatan Kantor Cabang Denpasar',
});

const PERUMDA: Management & { complaints: StandardContent['complaints'] } = {
  complaints: complaints([
    inApp,
    { kind: 'phone', contact: 'Call center (0361) 4009 601 (contoh), 24 jam' },
    { kind: 'whatsapp', contact: '+62 361 4009 602 (contoh)' },
    { kind: 'email', contact: 'pelanggan@tirtamangutama.test' },
    { kind: 'in_person', contact: 'Gerai F MPP Kabupaten Badung dan Kantor Pusat Perumda, Mengwi' },
  ]),
  facilities:
    'Gerai F MPP Kabupaten Badung dengan 1 loket, ruang tunggu ber-AC, mesin antrean, contoh meter air dan perlengkapan sambungan, layanan pembayaran non-tunai, armada dan peralatan pemasangan di kantor pusat, call center 24 jam, toilet dan jalur ramah disabilitas.',
  staffCompetence:
    'Petugas hubungan langganan berpendidikan paling rendah SMA/SMK, memahami ketentuan tarif dan sambungan; petugas teknik bersertifikat kompetensi di bidang air minum (BNSP); telah mengikuti pelatihan pelayanan pelanggan.',
  internalSupervision:
    'Pengawasan melekat oleh Kepala Bagian Hubungan Langganan dan Direktur Umum; Satuan Pengawas Intern Perumda; pengawasan oleh Dewan Pengawas dan Bupati Badung selaku KPM.',
  serviceGuarantee:
    'Perumda Air Minum Tirta Mangutama menjamin pelayanan sesuai standar ini dan menyampaikan alasan tertulis bila jangka waktu tidak dapat dipenuhi.',
  securityGuarantee:
    'Data pelanggan dijaga kerahasiaannya; petugas lapangan memakai seragam dan kartu identitas; pekerjaan pemasangan memenuhi standar keselamatan kerja (K3); meter air disegel dan dapat diuji tera.',
  performanceEvaluation:
    'Evaluasi bulanan atas jumlah sambungan, waktu penyelesaian dan pengaduan; Survei Kepuasan Pelanggan setiap tahun; penilaian kinerja pegawai per semester.',
};
const PERUMDA_DECREE = (n: number, year: number, date: string): Decree => ({
  number: `690/${n}/DIR-TM/${year}`,
  date,
  signatory: 'I Wayan Suyasa, S.T., M.T. — Direktur Utama Perumda Air Minum Tirta Mangutama Kabupaten Badung',
});

const BRI: Management & { complaints: StandardContent['complaints'] } = {
  complaints: complaints([
    { kind: 'phone', contact: 'BRI Kantor Cabang Kuta (0361) 4009 701 (contoh)' },
    { kind: 'email', contact: 'kc.kuta@bri.test' },
    { kind: 'in_person', contact: 'Customer Service Gerai G MPP Kabupaten Badung dan BRI Kantor Cabang Kuta' },
  ]),
  facilities:
    'Gerai G MPP Kabupaten Badung dengan 1 loket teller, mesin EDC, pembaca kode QR, printer validasi, ruang tunggu bersama MPP, serta kanal pembayaran lain (BRImo, ATM, AgenBRILink) untuk pembayaran yang sama.',
  staffCompetence:
    'Teller dan customer service bersertifikat kompetensi kerja bidang perbankan, memahami ketentuan pembayaran pajak dan retribusi daerah secara elektronik, prinsip anti pencucian uang, dan pelindungan konsumen sektor jasa keuangan.',
  internalSupervision:
    'Pengawasan oleh Operation Supervisor dan Pemimpin Cabang; rekonsiliasi penerimaan harian dengan Rekening Kas Umum Daerah Kabupaten Badung; audit Satuan Kerja Audit Intern BRI; pengawasan Otoritas Jasa Keuangan.',
  serviceGuarantee:
    'BRI menjamin setiap pembayaran yang tervalidasi tercatat pada sistem pajak daerah pada hari yang sama dan dilimpahkan ke Rekening Kas Umum Daerah sesuai perjanjian kerja sama.',
  securityGuarantee:
    'Transaksi dilindungi sistem keamanan perbankan; data nasabah dan wajib pajak dijaga kerahasiaannya; area teller diawasi CCTV dan petugas keamanan.',
  performanceEvaluation:
    'Evaluasi harian atas jumlah transaksi dan selisih kas; service quality monitoring setiap triwulan; penilaian kinerja pegawai per semester.',
};

const PPID: Management & { complaints: StandardContent['complaints'] } = {
  complaints: complaints([
    inApp,
    { kind: 'email', contact: 'ppid@kemenkopmk.test' },
    { kind: 'phone', contact: '(021) 3450 0101 (contoh), Senin–Jumat 08.00–16.00 WIB' },
    { kind: 'in_person', contact: 'Meja Layanan Informasi Publik, Gedung Kemenko PMK, Jl. Medan Merdeka Barat No. 3, Jakarta Pusat' },
  ]),
  facilities:
    'Meja Layanan Informasi Publik di lobi Gedung Kemenko PMK dengan komputer, printer dan pemindai; ruang konsultasi dan ruang rapat; laman PPID dan layanan daring melalui Satupintu; kursi roda, jalur pemandu dan toilet ramah disabilitas.',
  staffCompetence:
    'Petugas layanan informasi dan pejabat fungsional pranata humas yang memahami UU 14/2008, PP 61/2010 dan Peraturan Komisi Informasi 1/2021; mampu melakukan uji konsekuensi informasi yang dikecualikan; telah mengikuti pelatihan pelayanan prima dan kehumasan pemerintah.',
  internalSupervision:
    'Pengawasan oleh Kepala Biro Hukum, Informasi dan Persidangan selaku PPID pelaksana dan Sekretaris Kementerian Koordinator selaku atasan PPID; pemeriksaan oleh Inspektorat Kemenko PMK; monitoring dan evaluasi keterbukaan informasi oleh Komisi Informasi Pusat.',
  serviceGuarantee:
    'Kemenko PMK menjamin layanan diberikan sesuai standar ini, tanpa biaya, dan menyampaikan tanggapan tertulis dalam jangka waktu yang ditetapkan.',
  securityGuarantee:
    'Identitas dan data pemohon dilindungi sesuai UU 27/2022; informasi yang dikecualikan hanya dibuka berdasarkan uji konsekuensi; tamu gedung terdaftar dan diawasi petugas keamanan; APAR dan jalur evakuasi tersedia.',
  performanceEvaluation:
    'Evaluasi bulanan atas jumlah permohonan dan ketepatan waktu; laporan layanan informasi tahunan kepada Komisi Informasi Pusat; Survei Kepuasan Masyarakat setiap semester; penilaian kinerja pegawai melalui e-Kinerja BKN.',
};
const PPID_DECREE = (n: number, date: string): Decree => ({
  number: `${n} Tahun 2026`,
  date,
  signatory: 'Sekretaris Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan',
});
const KIP_LAW = [
  reg('Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik', '14', 2008),
  reg('Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008', '61', 2010),
  reg('Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik', '1', 2021),
];
const KEMENKO_ORG = reg(
  'Peraturan Presiden Nomor 139 Tahun 2024 tentang Penataan Tugas dan Fungsi Kementerian Negara Kabinet Merah Putih Periode Tahun 2024–2029',
  '139',
  2024,
);

function management(unit: Management, staff: number, staffNotes: string) {
  const { facilities, staffCompetence, internalSupervision, serviceGuarantee, securityGuarantee, performanceEvaluation } = unit;
  return {
    facilities,
    staffCompetence,
    internalSupervision,
    staffCount: { count: staff, notes: staffNotes },
    serviceGuarantee,
    securityGuarantee,
    performanceEvaluation,
  };
}

// ---------------------------------------------------------------------------------------------------
// Disdukcapil Kabupaten Badung

const adminduk = (code: string) => ({ agency: 'DISDUKCAPIL-BDG', unit: 'ADMINDUK', offeredAt: at('A'), code });
const admindukIntake = (what: string) =>
  step(
    'ajukan',
    `Mengajukan permohonan ${what}`,
    'citizen',
    [15, 'minutes'],
    'Nomor permohonan',
    'Daring melalui Satupintu, atau datang ke Gerai A MPP Kabupaten Badung dan mengambil nomor antrean.',
  );
const admindukCheck = step(
  'verifikasi',
  'Memeriksa kelengkapan dan keabsahan berkas',
  'counter_officer',
  [30, 'minutes'],
  'Berkas dinyatakan lengkap atau dikembalikan',
  'Berkas yang belum lengkap dikembalikan dengan penjelasan tertulis; jangka waktu berhenti sampai berkas dilengkapi.',
);
const admindukSign = step(
  'tte',
  'Menandatangani dokumen secara elektronik',
  'head_of_unit',
  [1, 'hours'],
  'Dokumen bertanda tangan elektronik',
);
const admindukDeliver = step(
  'terbit',
  'Mengirim dokumen kepada pemohon',
  'system',
  undefined,
  'Dokumen PDF di akun Satupintu dan surel pemohon',
  'Dokumen dicetak sendiri oleh pemohon pada kertas HVS A4 80 gram, atau diambil di Gerai A.',
);
const kk = () => doc('kk', 'Kartu Keluarga', { reusable: true, notes: 'KK elektronik (PDF) atau pindaian KK asli.' });

const DISDUKCAPIL: DemoService[] = [
  {
    ...adminduk('AKTA-LAHIR'),
    slug: 'akta-kelahiran-badung',
    name: 'Penerbitan Akta Kelahiran',
    summary:
      'Pencatatan kelahiran penduduk Kabupaten Badung dan penerbitan kutipan akta kelahiran beserta Kartu Keluarga yang memuat anak, tanpa biaya, daring atau di Gerai A MPP.',
    keywords: 'akta lahir, akte kelahiran, kutipan akta kelahiran, bayi baru lahir, KIA',
    category: 'civil_registration',
    kind: 'non_licensing',
    lifeEvents: ['birth'],
    audiences: ['citizen'],
    channels: 'both',
    content: {
      requirements: [
        doc('surat_kelahiran', 'Surat keterangan kelahiran', {
          notes:
            'Dari rumah sakit, puskesmas, fasilitas kesehatan, dokter atau bidan; atau dari nakhoda kapal/kepala desa. Bila tidak ada, diganti Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) kebenaran data kelahiran (F-2.03).',
        }),
        doc('buku_nikah', 'Buku nikah atau kutipan akta perkawinan orang tua', {
          mandatory: false,
          reusable: true,
          notes: 'Bila tidak ada, diganti SPTJM kebenaran sebagai pasangan suami istri (F-2.04).',
        }),
        kk(),
        doc('formulir', 'Formulir pelaporan pencatatan sipil di dalam wilayah NKRI (F-2.01)', {
          notes: 'Diisi dan ditandatangani pelapor serta dua orang saksi; formulir tersedia di Satupintu dan di loket.',
        }),
        nik('NIK pelapor (ayah, ibu atau keluarga)'),
        field('nama_anak', 'Nama anak', 'text', {
          notes: 'Paling sedikit dua kata dan paling banyak 60 huruf termasuk spasi (Permendagri 73/2022).',
        }),
        field('tanggal_lahir', 'Tanggal lahir anak', 'date'),
        phone(),
      ],
      procedure: [
        admindukIntake('akta kelahiran'),
        admindukCheck,
        step(
          'rekam',
          'Merekam data kelahiran ke SIAK Terpusat dan memperbarui Kartu Keluarga',
          'processor',
          [2, 'hours'],
          'Draf akta kelahiran dan KK',
        ),
        admindukSign,
        admindukDeliver,
      ],
      timeLimit: { value: 1, unit: 'working_days', pausesWhileWaiting: true, notes: 'Dihitung sejak berkas dinyatakan lengkap dan benar.' },
      fee: { free: true, legalBasis: ADMINDUK_FREE },
      products: [
        { name: 'Kutipan Akta Kelahiran', description: 'Dokumen elektronik bertanda tangan elektronik dan berkode QR.' },
        { name: 'Kartu Keluarga terbaru', description: 'Memuat anak yang baru dicatat.' },
        { name: 'Kartu Identitas Anak (KIA)', description: 'Atas permintaan orang tua, bagi anak yang belum berusia 17 tahun.' },
      ],
      complaints: ADMINDUK.complaints,
      legalBasis: [
        ...ADMINDUK_LAW,
        reg('Peraturan Menteri Dalam Negeri Nomor 73 Tahun 2022 tentang Pencantuman Nama pada Dokumen Kependudukan', '73', 2022),
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(ADMINDUK, 4, '2 petugas loket, 1 operator SIAK, 1 Pejabat Pencatatan Sipil.'),
    },
    decree: ADMINDUK_DECREE(112, '2026-01-12'),
    effectiveDate: '2026-02-02',
  },
  {
    ...adminduk('AKTA-MATI'),
    slug: 'akta-kematian-badung',
    name: 'Penerbitan Akta Kematian',
    summary:
      'Pencatatan kematian penduduk dan penerbitan kutipan akta kematian, sekaligus pembaruan Kartu Keluarga dan penonaktifan NIK almarhum, tanpa biaya.',
    keywords: 'akte kematian, surat kematian, lapor kematian, meninggal dunia',
    category: 'civil_registration',
    kind: 'non_licensing',
    lifeEvents: ['death'],
    audiences: ['citizen'],
    channels: 'both',
    content: {
      requirements: [
        doc('surat_kematian', 'Surat keterangan kematian', {
          notes:
            'Dari rumah sakit, dokter atau paramedis; atau dari kepala desa/lurah. Bila tidak ada, diganti SPTJM kebenaran data kematian.',
        }),
        kk(),
        doc('ktp_almarhum', 'KTP-el almarhum/almarhumah', {
          mandatory: false,
          notes: 'Diserahkan di loket bila ada, untuk dinonaktifkan.',
        }),
        doc('formulir', 'Formulir pelaporan pencatatan sipil di dalam wilayah NKRI (F-2.01)'),
        nik('NIK pelapor'),
        field('nik_almarhum', 'NIK almarhum/almarhumah', 'nik'),
        field('tanggal_kematian', 'Tanggal kematian', 'date'),
        field('hubungan', 'Hubungan pelapor dengan almarhum/almarhumah', 'choice', {
          choices: ['Suami/istri', 'Anak', 'Orang tua', 'Saudara kandung', 'Kerabat lain', 'Ketua RT/kepala dusun'],
        }),
        phone(),
      ],
      procedure: [
        admindukIntake('akta kematian'),
        admindukCheck,
        step(
          'rekam',
          'Merekam data kematian ke SIAK Terpusat, memperbarui KK dan menonaktifkan NIK',
          'processor',
          [2, 'hours'],
          'Draf akta kematian dan KK',
        ),
        admindukSign,
        admindukDeliver,
      ],
      timeLimit: {
        value: 1,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes: 'Kematian dilaporkan paling lambat 30 hari sejak tanggal kematian (UU 24/2013 Pasal 44).',
      },
      fee: { free: true, legalBasis: ADMINDUK_FREE },
      products: [
        { name: 'Kutipan Akta Kematian', description: 'Dokumen elektronik bertanda tangan elektronik.' },
        { name: 'Kartu Keluarga terbaru' },
      ],
      complaints: ADMINDUK.complaints,
      legalBasis: [...ADMINDUK_LAW, ...PUBLIC_SERVICE, MPP],
      ...management(ADMINDUK, 3, '1 petugas loket, 1 operator SIAK, 1 Pejabat Pencatatan Sipil.'),
    },
    decree: ADMINDUK_DECREE(113, '2026-01-12'),
    effectiveDate: '2026-02-02',
  },
  {
    ...adminduk('KTP-EL'),
    slug: 'ktp-el-e-ktp-badung',
    name: 'Perekaman dan Pencetakan KTP Elektronik (KTP-el / e-KTP)',
    summary:
      'Perekaman biometrik dan pencetakan KTP-el bagi penduduk yang berusia 17 tahun atau sudah/pernah kawin, serta cetak ulang karena perubahan data, hilang atau rusak.',
    keywords: 'e-KTP, KTP elektronik, kartu tanda penduduk, ektp, KTP, KTP hilang, KTP rusak, cetak ulang KTP, IKD, KTP digital',
    category: 'civil_registration',
    kind: 'non_licensing',
    lifeEvents: ['marriage', 'moving_house'],
    audiences: ['citizen'],
    channels: 'counter',
    content: {
      requirements: [
        field('jenis', 'Jenis permohonan', 'choice', {
          choices: ['Baru (berusia 17 tahun atau sudah/pernah kawin)', 'Perubahan data', 'Hilang', 'Rusak'],
        }),
        kk(),
        doc('surat_kehilangan', 'Surat keterangan kehilangan dari Kepolisian', {
          mandatory: false,
          notes: 'Hanya untuk KTP-el yang hilang.',
        }),
        presence('ktp_lama', 'Menyerahkan KTP-el lama', 'Untuk permohonan perubahan data atau KTP-el rusak.', false),
        presence(
          'biometrik',
          'Hadir untuk perekaman biometrik',
          'Foto wajah, sidik jari, iris mata dan tanda tangan; bagi yang sudah pernah merekam cukup verifikasi sidik jari.',
        ),
        nik(),
        phone(),
      ],
      procedure: [
        step('antrean', 'Mengambil nomor antrean di Gerai A', 'citizen', [5, 'minutes'], 'Nomor antrean'),
        admindukCheck,
        step(
          'rekam',
          'Merekam atau memverifikasi biometrik',
          'counter_officer',
          [15, 'minutes'],
          'Data biometrik terkirim ke Ditjen Dukcapil',
        ),
        step(
          'deduplikasi',
          'Pemeriksaan data ganda oleh sistem pusat',
          'system',
          [1, 'hours'],
          'Status siap cetak',
          'Perekaman baru diperiksa terhadap basis data biometrik nasional; bila ditemukan data ganda, penyelesaian mengikuti arahan Ditjen Dukcapil.',
        ),
        step('cetak', 'Mencetak dan memeriksa KTP-el', 'processor', [30, 'minutes'], 'KTP-el tercetak'),
        step(
          'serah',
          'Menyerahkan KTP-el langsung kepada pemohon',
          'counter_officer',
          [10, 'minutes'],
          'KTP-el diterima pemohon',
          'Pemohon ditawari aktivasi Identitas Kependudukan Digital (IKD).',
        ),
      ],
      timeLimit: {
        value: 1,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes: 'Untuk perekaman baru dihitung sejak status siap cetak dari sistem pusat.',
      },
      fee: { free: true, legalBasis: ADMINDUK_FREE },
      products: [
        { name: 'Kartu Tanda Penduduk Elektronik (KTP-el)', description: 'Berlaku seumur hidup (UU 24/2013 Pasal 64 ayat (7)).' },
        { name: 'Aktivasi Identitas Kependudukan Digital (IKD)', description: 'Atas permintaan, melalui ponsel pemohon.' },
      ],
      complaints: ADMINDUK.complaints,
      legalBasis: [
        ...ADMINDUK_LAW,
        reg(
          'Peraturan Presiden Nomor 26 Tahun 2009 tentang Penerapan KTP Berbasis NIK Secara Nasional, sebagaimana telah diubah terakhir dengan Peraturan Presiden Nomor 112 Tahun 2013',
          '26',
          2009,
        ),
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(ADMINDUK, 5, '2 petugas loket, 2 operator perekaman dan pencetakan, 1 pengawas blangko.'),
    },
    decree: ADMINDUK_DECREE(114, '2026-01-12'),
    effectiveDate: '2026-02-02',
  },
  {
    ...adminduk('KK'),
    slug: 'kartu-keluarga-badung',
    name: 'Penerbitan Kartu Keluarga (KK)',
    summary:
      'Penerbitan Kartu Keluarga baru, perubahan data, penambahan atau pengurangan anggota keluarga, dan penggantian KK yang hilang atau rusak.',
    keywords: 'KK, kartu keluarga, pecah KK, tambah anggota keluarga, ubah data KK',
    category: 'civil_registration',
    kind: 'non_licensing',
    lifeEvents: ['birth', 'marriage', 'divorce', 'death', 'moving_house'],
    audiences: ['citizen'],
    channels: 'both',
    content: {
      requirements: [
        field('jenis', 'Jenis permohonan', 'choice', {
          choices: [
            'KK baru karena membentuk keluarga baru',
            'Penambahan anggota keluarga',
            'Pengurangan anggota keluarga',
            'Perubahan data',
            'KK hilang atau rusak',
          ],
        }),
        doc('kk_lama', 'Kartu Keluarga lama', { mandatory: false, reusable: true, notes: 'Kecuali KK hilang.' }),
        doc('buku_nikah', 'Buku nikah atau kutipan akta perkawinan', {
          mandatory: false,
          reusable: true,
          notes: 'Untuk KK baru karena membentuk keluarga baru.',
        }),
        doc('dokumen_pendukung', 'Dokumen pendukung perubahan data', {
          mandatory: false,
          notes: 'Misalnya akta kelahiran, ijazah, akta perceraian, atau surat keterangan pindah datang, sesuai data yang diubah.',
        }),
        doc('formulir', 'Formulir pendaftaran peristiwa kependudukan (F-1.02)'),
        nik('NIK kepala keluarga'),
        phone(),
      ],
      procedure: [
        admindukIntake('Kartu Keluarga'),
        admindukCheck,
        step('rekam', 'Memutakhirkan data keluarga di SIAK Terpusat', 'processor', [1, 'hours'], 'Draf KK'),
        admindukSign,
        admindukDeliver,
      ],
      timeLimit: { value: 1, unit: 'working_days', pausesWhileWaiting: true, notes: 'Dihitung sejak berkas dinyatakan lengkap dan benar.' },
      fee: { free: true, legalBasis: ADMINDUK_FREE },
      products: [{ name: 'Kartu Keluarga', description: 'Dokumen elektronik bertanda tangan elektronik dan berkode QR.' }],
      complaints: ADMINDUK.complaints,
      legalBasis: [...ADMINDUK_LAW, ...PUBLIC_SERVICE, MPP],
      ...management(ADMINDUK, 4, '2 petugas loket, 1 operator SIAK, 1 pejabat penandatangan.'),
    },
    decree: ADMINDUK_DECREE(115, '2026-01-12'),
    effectiveDate: '2026-02-02',
  },
  {
    ...adminduk('PINDAH'),
    slug: 'surat-pindah-skpwni-badung',
    name: 'Penerbitan Surat Keterangan Pindah (SKPWNI)',
    summary:
      'Penerbitan Surat Keterangan Pindah Warga Negara Indonesia bagi penduduk Kabupaten Badung yang pindah ke kabupaten/kota atau provinsi lain, tanpa perlu membawa berkas ke daerah tujuan.',
    keywords: 'surat pindah, SKPWNI, pindah domisili, pindah datang, mutasi penduduk, pindah alamat',
    category: 'civil_registration',
    kind: 'non_licensing',
    lifeEvents: ['moving_house'],
    audiences: ['citizen'],
    channels: 'both',
    content: {
      requirements: [
        kk(),
        doc('formulir', 'Formulir pendaftaran perpindahan penduduk (F-1.03)'),
        nik(),
        field('alamat_tujuan', 'Alamat tujuan pindah', 'address'),
        field('alasan', 'Alasan pindah', 'choice', {
          choices: ['Pekerjaan', 'Pendidikan', 'Keamanan', 'Kesehatan', 'Perumahan', 'Keluarga', 'Lainnya'],
        }),
        field('jenis_kepindahan', 'Jenis kepindahan', 'choice', {
          choices: ['Kepala keluarga dan seluruh anggota', 'Kepala keluarga dan sebagian anggota', 'Anggota keluarga saja'],
        }),
        phone(),
      ],
      procedure: [
        admindukIntake('surat keterangan pindah'),
        admindukCheck,
        step('rekam', 'Menerbitkan SKPWNI dan memperbarui KK yang ditinggalkan di SIAK Terpusat', 'processor', [1, 'hours'], 'Draf SKPWNI'),
        admindukSign,
        step(
          'kirim',
          'Mengirim SKPWNI kepada pemohon dan Disdukcapil tujuan',
          'system',
          undefined,
          'SKPWNI elektronik',
          'Disdukcapil tujuan menerbitkan KK dan KTP-el baru berdasarkan data elektronik; pemohon tidak perlu membawa berkas cetak.',
        ),
      ],
      timeLimit: { value: 1, unit: 'working_days', pausesWhileWaiting: true },
      fee: { free: true, legalBasis: ADMINDUK_FREE },
      products: [
        { name: 'Surat Keterangan Pindah Warga Negara Indonesia (SKPWNI)' },
        { name: 'Kartu Keluarga baru bagi anggota keluarga yang tidak pindah' },
      ],
      complaints: ADMINDUK.complaints,
      legalBasis: [...ADMINDUK_LAW, ...PUBLIC_SERVICE, MPP],
      ...management(ADMINDUK, 3, '1 petugas loket, 1 operator SIAK, 1 pejabat penandatangan.'),
    },
    decree: ADMINDUK_DECREE(116, '2026-01-12'),
    effectiveDate: '2026-02-02',
  },
  {
    ...adminduk('AKTA-KAWIN'),
    slug: 'akta-perkawinan-non-muslim-badung',
    name: 'Pencatatan Perkawinan dan Penerbitan Akta Perkawinan (Non-Muslim)',
    summary:
      'Pencatatan perkawinan yang sah menurut agama Hindu, Kristen, Katolik, Buddha, Khonghucu atau kepercayaan terhadap Tuhan Yang Maha Esa, dan penerbitan kutipan akta perkawinan.',
    keywords: 'akta nikah, akte perkawinan, catatan sipil, pernikahan Hindu, Kristen, Katolik, Buddha, Khonghucu, penghayat kepercayaan',
    category: 'civil_registration',
    kind: 'non_licensing',
    lifeEvents: ['marriage'],
    audiences: ['citizen'],
    channels: 'both',
    content: {
      requirements: [
        doc('surat_perkawinan', 'Surat keterangan telah terjadinya perkawinan dari pemuka agama atau pemuka penghayat kepercayaan'),
        doc('ktp_kk_mempelai', 'KTP-el dan Kartu Keluarga kedua mempelai', { maxSizeKb: 4096 }),
        doc('akta_lahir_mempelai', 'Kutipan akta kelahiran kedua mempelai', { maxSizeKb: 4096 }),
        doc('pas_foto', 'Pas foto berdampingan ukuran 4×6 berwarna', { types: PHOTO, maxSizeKb: 1024 }),
        doc('ktp_saksi', 'KTP-el dua orang saksi', { notes: 'Saksi berusia paling rendah 21 tahun.' }),
        doc('status_sebelumnya', 'Akta perceraian atau akta kematian pasangan terdahulu', {
          mandatory: false,
          notes: 'Bagi yang pernah kawin.',
        }),
        doc('dokumen_wna', 'Paspor dan surat keterangan dari perwakilan negara bagi mempelai WNA', {
          mandatory: false,
          types: PDF,
          maxSizeKb: 4096,
        }),
        doc('formulir', 'Formulir pelaporan pencatatan sipil di dalam wilayah NKRI (F-2.01)'),
        nik('NIK mempelai pria/wanita yang mengajukan'),
        field('tanggal_perkawinan', 'Tanggal perkawinan menurut agama/kepercayaan', 'date'),
        presence('tanda_tangan', 'Kedua mempelai dan dua orang saksi hadir menandatangani register akta perkawinan'),
        phone(),
      ],
      procedure: [
        admindukIntake('pencatatan perkawinan'),
        admindukCheck,
        step('jadwal', 'Menetapkan jadwal penandatanganan register', 'processor', [1, 'working_days'], 'Jadwal penandatanganan'),
        step(
          'catat',
          'Mencatat perkawinan dalam register akta perkawinan di hadapan mempelai dan saksi',
          'head_of_unit',
          [30, 'minutes'],
          'Register akta perkawinan',
        ),
        admindukSign,
        admindukDeliver,
      ],
      timeLimit: {
        value: 1,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes:
          'Sejak penandatanganan register. Perkawinan dilaporkan paling lambat 60 hari sejak tanggal perkawinan (UU 23/2006 Pasal 34).',
      },
      fee: { free: true, legalBasis: ADMINDUK_FREE },
      products: [
        { name: 'Kutipan Akta Perkawinan', description: 'Satu untuk suami dan satu untuk istri.' },
        { name: 'Kartu Keluarga baru' },
      ],
      complaints: ADMINDUK.complaints,
      legalBasis: [
        reg(
          'Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan, sebagaimana telah diubah dengan Undang-Undang Nomor 16 Tahun 2019',
          '1',
          1974,
        ),
        reg('Peraturan Pemerintah Nomor 9 Tahun 1975 tentang Pelaksanaan Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan', '9', 1975),
        ...ADMINDUK_LAW,
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(ADMINDUK, 3, '1 petugas loket, 1 operator SIAK, 1 Pejabat Pencatatan Sipil.'),
    },
    decree: ADMINDUK_DECREE(117, '2026-01-12'),
    effectiveDate: '2026-02-02',
  },
];

// ---------------------------------------------------------------------------------------------------
// DPMPTSP Kabupaten Badung

const perizinan = (code: string) => ({ agency: 'DPMPTSP-BDG', unit: 'PERIZINAN', offeredAt: at('B'), code });

/** PBG: the published standard; the version in consultation changes it (see PBG_CONSULTATION). */
const PBG_CONTENT: StandardContent = {
  requirements: [
    doc('identitas', 'KTP-el pemohon, atau akta pendirian dan NIB bagi badan usaha', { reusable: true }),
    doc('bukti_tanah', 'Bukti kepemilikan hak atas tanah (sertifikat)', {
      types: PDF,
      maxSizeKb: 5120,
      notes: 'Bila pemohon bukan pemilik tanah, dilampiri perjanjian pemanfaatan tanah dengan pemilik.',
    }),
    doc('kkpr', 'Konfirmasi atau Persetujuan Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR/PKKPR)', { types: PDF, maxSizeKb: 5120 }),
    doc('gambar_arsitektur', 'Gambar rencana arsitektur (denah, tampak, potongan, situasi)', { types: PDF, maxSizeKb: 20480 }),
    doc('gambar_struktur', 'Gambar dan perhitungan struktur', {
      types: PDF,
      maxSizeKb: 20480,
      notes: 'Perhitungan struktur wajib untuk bangunan lebih dari dua lantai atau bentang lebih dari 6 meter.',
    }),
    doc('gambar_utilitas', 'Gambar mekanikal, elektrikal dan plambing (MEP)', {
      mandatory: false,
      types: PDF,
      maxSizeKb: 20480,
      notes: 'Tidak diperlukan untuk rumah tinggal sederhana.',
    }),
    doc('dokumen_lingkungan', 'Dokumen lingkungan (SPPL, UKL-UPL atau AMDAL)', {
      mandatory: false,
      types: PDF,
      maxSizeKb: 10240,
      notes: 'Sesuai skala dan jenis kegiatan.',
    }),
    doc('sppt_pbb', 'SPPT PBB-P2 tahun berjalan', { reusable: true }),
    field('fungsi', 'Fungsi bangunan gedung', 'choice', {
      choices: ['Hunian', 'Keagamaan', 'Usaha', 'Sosial dan budaya', 'Khusus', 'Campuran'],
    }),
    field('luas', 'Total luas lantai bangunan (m²)', 'number'),
    field('lokasi', 'Alamat lokasi bangunan', 'address'),
    nik(),
    phone(),
  ],
  procedure: [
    step(
      'daftar',
      'Mendaftar dan mengunggah dokumen pada SIMBG',
      'citizen',
      undefined,
      'Nomor registrasi SIMBG',
      'Petugas Gerai B membantu pemohon yang belum terbiasa dengan SIMBG.',
    ),
    step(
      'verifikasi',
      'Memeriksa kelengkapan dokumen',
      'counter_officer',
      [3, 'working_days'],
      'Dokumen dinyatakan lengkap atau dikembalikan untuk perbaikan',
    ),
    step(
      'konsultasi',
      'Konsultasi perencanaan dan pemeriksaan dokumen rencana teknis oleh TPA/TPT',
      'processor',
      [15, 'working_days'],
      'Pernyataan pemenuhan standar teknis',
      'Sidang konsultasi dengan Tim Profesi Ahli atau Tim Penilai Teknis; pemohon dapat diminta memperbaiki rencana teknis.',
    ),
    step('retribusi', 'Menghitung retribusi dan menerbitkan SKRD', 'system', [1, 'working_days'], 'SKRD dan kode bayar'),
    step('bayar', 'Membayar retribusi PBG', 'citizen', undefined, 'Bukti bayar tervalidasi'),
    step('terbit', 'Menandatangani dan menerbitkan PBG', 'head_of_unit', [2, 'working_days'], 'PBG bertanda tangan elektronik'),
  ],
  timeLimit: {
    value: 28,
    unit: 'working_days',
    pausesWhileWaiting: true,
    notes:
      'Sejak dokumen dinyatakan lengkap pada SIMBG; tidak termasuk waktu perbaikan rencana teknis dan pembayaran retribusi oleh pemohon.',
  },
  fee: {
    free: false,
    items: [
      {
        name: 'Retribusi PBG — contoh rumah tinggal 1 lantai 100 m²',
        amount: 1_300_000,
        legalBasis: 'UU 1/2022; PP 16/2021; Perda Kabupaten Badung tentang Pajak Daerah dan Retribusi Daerah',
      },
      {
        name: 'Retribusi PBG — contoh bangunan usaha (vila) 2 lantai 250 m²',
        amount: 6_500_000,
        legalBasis: 'UU 1/2022; PP 16/2021; Perda Kabupaten Badung tentang Pajak Daerah dan Retribusi Daerah',
      },
    ],
    notes:
      'Besaran pasti dihitung oleh SIMBG dari luas lantai, indeks terpadu, indeks lokalitas dan standar harga satuan tertinggi, dan tercantum pada SKRD. Dibayar setelah rencana teknis disetujui.',
  },
  products: [
    {
      name: 'Persetujuan Bangunan Gedung (PBG)',
      description: 'Dokumen elektronik bertanda tangan elektronik, beserta lampiran rencana teknis yang disetujui.',
    },
    { name: 'Nomor registrasi bangunan gedung' },
  ],
  complaints: PERIZINAN.complaints,
  legalBasis: [
    reg(
      'Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung, sebagaimana telah diubah dengan Undang-Undang Nomor 6 Tahun 2023',
      '28',
      2002,
    ),
    reg(
      'Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Peraturan Pelaksanaan Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung',
      '16',
      2021,
    ),
    HKPD,
    PP_KUPDRD,
    PERDA_PDRD_BADUNG,
    ...PUBLIC_SERVICE,
    MPP,
  ],
  ...management(PERIZINAN, 6, '2 petugas loket, 2 verifikator, 1 sekretariat TPA/TPT, 1 pejabat penandatangan.'),
};

const DPMPTSP: DemoService[] = [
  {
    ...perizinan('NIB'),
    slug: 'nib-oss-badung',
    name: 'Pendampingan Pendaftaran Nomor Induk Berusaha (NIB) melalui OSS',
    summary:
      'Bantuan pembuatan akun OSS, penentuan KBLI dan pendaftaran NIB bagi usaha mikro, kecil dan badan usaha, termasuk sertifikat standar pernyataan mandiri untuk usaha berisiko menengah rendah.',
    keywords: 'NIB, OSS, OSS RBA, izin usaha, UMK, daftar usaha, SIUP, TDP, KBLI',
    category: 'licensing',
    kind: 'licensing',
    lifeEvents: ['starting_business'],
    audiences: ['business', 'citizen'],
    channels: 'both',
    content: {
      requirements: [
        nik('NIK pelaku usaha atau penanggung jawab'),
        email(true),
        phone(),
        doc('akta_pendirian', 'Akta pendirian dan SK pengesahan Kementerian Hukum', {
          mandatory: false,
          types: PDF,
          maxSizeKb: 5120,
          notes: 'Hanya untuk badan usaha.',
        }),
        field('nama_usaha', 'Nama usaha', 'text'),
        field('kbli', 'Bidang usaha (KBLI 2020)', 'text', { notes: 'Petugas membantu memilih kode KBLI yang sesuai.' }),
        field('alamat_usaha', 'Alamat lokasi usaha', 'address'),
        field('modal', 'Modal usaha di luar tanah dan bangunan (Rp)', 'number'),
      ],
      procedure: [
        step('konsultasi', 'Konsultasi bidang usaha dan tingkat risiko', 'counter_officer', [15, 'minutes'], 'KBLI dan tingkat risiko'),
        step('akun', 'Membuat akun OSS', 'citizen', [10, 'minutes'], 'Hak akses OSS'),
        step('isi', 'Mengisi data usaha dan pernyataan mandiri di OSS', 'citizen', [20, 'minutes'], 'Data usaha tersimpan'),
        step('terbit', 'Penerbitan NIB oleh sistem OSS', 'system', [5, 'minutes'], 'NIB'),
        step(
          'cetak',
          'Mencetak NIB dan menjelaskan kewajiban pelaku usaha',
          'counter_officer',
          [10, 'minutes'],
          'NIB diterima pelaku usaha',
        ),
      ],
      timeLimit: {
        value: 60,
        unit: 'minutes',
        pausesWhileWaiting: false,
        notes: 'Untuk pendampingan di Gerai B; NIB terbit seketika setelah data lengkap.',
      },
      fee: { free: true, legalBasis: 'Gratis — pendaftaran NIB melalui OSS tidak dipungut biaya (PP 28/2025)' },
      products: [
        {
          name: 'Nomor Induk Berusaha (NIB)',
          description: 'Identitas pelaku usaha, berlaku juga sebagai angka pengenal impor dan hak akses kepabeanan.',
        },
        { name: 'Sertifikat Standar (pernyataan mandiri)', description: 'Bagi usaha berisiko menengah rendah.' },
      ],
      complaints: PERIZINAN.complaints,
      legalBasis: [...RISK_BASED_LICENSING, ...PUBLIC_SERVICE, MPP],
      ...management(PERIZINAN, 3, '2 petugas pendamping OSS, 1 koordinator.'),
    },
    decree: PERIZINAN_DECREE(201, '2026-02-16'),
    effectiveDate: '2026-03-02',
  },
  {
    ...perizinan('PBG'),
    slug: 'persetujuan-bangunan-gedung-badung',
    name: 'Persetujuan Bangunan Gedung (PBG)',
    summary:
      'Persetujuan pemerintah daerah untuk membangun baru, mengubah, memperluas atau merawat bangunan gedung sesuai standar teknis, diajukan melalui SIMBG dengan pendampingan di Gerai B.',
    keywords: 'PBG, IMB, izin mendirikan bangunan, SIMBG, bangun rumah, izin bangunan, vila',
    category: 'licensing',
    kind: 'licensing',
    lifeEvents: ['owning_property', 'running_business'],
    audiences: ['citizen', 'business'],
    channels: 'both',
    content: PBG_CONTENT,
    decree: PERIZINAN_DECREE(202, '2026-02-16'),
    effectiveDate: '2026-03-02',
  },
  {
    ...perizinan('IZIN-RISIKO'),
    slug: 'perizinan-berusaha-berbasis-risiko-badung',
    name: 'Pendampingan Perizinan Berusaha Berbasis Risiko (Sertifikat Standar dan Izin)',
    summary:
      'Pendampingan dan verifikasi persyaratan sertifikat standar dan izin bagi usaha berisiko menengah tinggi dan tinggi di OSS, seperti restoran, hotel, vila dan pondok wisata, bersama dinas teknis.',
    keywords: 'SIUP, izin usaha, sertifikat standar, izin risiko tinggi, PB UMKU, OSS RBA, izin restoran, izin hotel, pondok wisata',
    category: 'licensing',
    kind: 'licensing',
    lifeEvents: ['starting_business', 'running_business'],
    audiences: ['business'],
    channels: 'both',
    content: {
      requirements: [
        doc('nib', 'Nomor Induk Berusaha (NIB)', { types: PDF, reusable: true }),
        doc('kkpr', 'Konfirmasi atau Persetujuan Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR/PKKPR)', { types: PDF, maxSizeKb: 5120 }),
        doc('persetujuan_lingkungan', 'Persetujuan lingkungan (SPPL, PKPLH atau SKKL)', { types: PDF, maxSizeKb: 10240 }),
        doc('pbg_slf', 'PBG dan Sertifikat Laik Fungsi (SLF) bangunan tempat usaha', {
          types: PDF,
          maxSizeKb: 10240,
          mandatory: false,
          notes: 'Bila kegiatan usaha memakai bangunan gedung.',
        }),
        doc('pemenuhan_standar', 'Dokumen pemenuhan standar usaha sesuai sektor', {
          types: PDF,
          maxSizeKb: 10240,
          notes: 'Sesuai daftar persyaratan KBLI pada OSS.',
        }),
        doc('surat_kuasa', 'Surat kuasa bermeterai', { mandatory: false, notes: 'Bila diurus oleh pihak lain.' }),
        nik('NIK penanggung jawab usaha'),
        phone(),
      ],
      procedure: [
        step(
          'konsultasi',
          'Konsultasi persyaratan sesuai KBLI dan tingkat risiko',
          'counter_officer',
          [30, 'minutes'],
          'Daftar persyaratan',
        ),
        step('unggah', 'Mengunggah pemenuhan persyaratan pada OSS', 'citizen', undefined, 'Permohonan terkirim'),
        step('verifikasi', 'Verifikasi kelengkapan dan kebenaran dokumen', 'processor', [3, 'working_days'], 'Hasil verifikasi dokumen'),
        step(
          'teknis',
          'Verifikasi teknis oleh dinas teknis, termasuk pemeriksaan lapangan bila diperlukan',
          'processor',
          [5, 'working_days'],
          'Rekomendasi teknis',
        ),
        step(
          'persetujuan',
          'Persetujuan dan penandatanganan',
          'head_of_unit',
          [2, 'working_days'],
          'Sertifikat standar atau izin terverifikasi di OSS',
        ),
      ],
      timeLimit: {
        value: 10,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes:
          'Mengikuti tingkat layanan (SLA) sektor pada PP 28/2025; permohonan yang tidak diproses dalam jangka waktu diterbitkan otomatis oleh OSS.',
      },
      fee: {
        free: true,
        legalBasis:
          'Gratis — penerbitan perizinan berusaha melalui OSS tidak dipungut biaya; retribusi tertentu (mis. PBG) ditagih terpisah',
      },
      products: [
        { name: 'Sertifikat Standar terverifikasi', description: 'Untuk usaha berisiko menengah tinggi.' },
        { name: 'Izin', description: 'Untuk usaha berisiko tinggi.' },
      ],
      complaints: PERIZINAN.complaints,
      legalBasis: [...RISK_BASED_LICENSING, ...PUBLIC_SERVICE, MPP],
      ...management(PERIZINAN, 5, '2 petugas pendamping, 2 verifikator, 1 pejabat penandatangan; didukung verifikator dinas teknis.'),
    },
    decree: PERIZINAN_DECREE(203, '2026-02-16'),
    effectiveDate: '2026-03-02',
  },
];

// ---------------------------------------------------------------------------------------------------
// Satlantas, Samsat, BPJS Kesehatan, BRI

const PNBP_POLRI = 'PP 76/2020 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kepolisian Negara Republik Indonesia';

const OTHERS_AT_MPP: DemoService[] = [
  {
    agency: 'POLRES-BDG',
    unit: 'SATLANTAS',
    offeredAt: at('C'),
    code: 'SIM-PERPANJANG',
    slug: 'perpanjangan-sim-badung',
    name: 'Perpanjangan SIM A dan SIM C',
    summary:
      'Perpanjangan Surat Izin Mengemudi golongan A dan C yang masih berlaku, dengan pemeriksaan kesehatan, tes psikologi, identifikasi dan pencetakan SIM di Gerai C MPP Kabupaten Badung.',
    keywords: 'SIM, surat izin mengemudi, perpanjang SIM, SIM A, SIM C, SIM mati',
    category: 'transport',
    kind: 'licensing',
    lifeEvents: ['owning_vehicle'],
    audiences: ['citizen'],
    channels: 'counter',
    content: {
      requirements: [
        field('golongan', 'Golongan SIM', 'choice', { choices: ['SIM A', 'SIM C'] }),
        doc('sim_lama', 'SIM lama yang masih berlaku', {
          notes: 'Asli ditunjukkan di loket. SIM yang masa berlakunya sudah habis diproses sebagai penerbitan SIM baru (Perpol 5/2021).',
        }),
        doc('ktp', 'KTP-el', { reusable: true }),
        doc('surat_sehat', 'Surat keterangan sehat jasmani dari dokter', {
          notes: 'Dapat diperoleh di layanan pemeriksaan kesehatan dekat Gerai C.',
        }),
        doc('surat_psikologi', 'Surat keterangan lulus tes psikologi', { notes: 'Dari lembaga psikologi yang terverifikasi Polri.' }),
        presence('identifikasi', 'Hadir untuk pengambilan foto, sidik jari dan tanda tangan'),
        nik(),
        phone(),
      ],
      procedure: [
        step('verifikasi', 'Memeriksa SIM lama dan persyaratan', 'counter_officer', [10, 'minutes'], 'Formulir permohonan SIM'),
        step('bayar', 'Membayar PNBP di bank persepsi atau melalui kode bayar', 'citizen', [10, 'minutes'], 'Bukti bayar PNBP'),
        step('identifikasi', 'Pengambilan foto, sidik jari dan tanda tangan', 'counter_officer', [10, 'minutes'], 'Data identifikasi'),
        step('cetak', 'Mencetak SIM', 'processor', [15, 'minutes'], 'SIM tercetak'),
        step('serah', 'Menyerahkan SIM kepada pemohon', 'counter_officer', [5, 'minutes'], 'SIM diterima pemohon'),
      ],
      timeLimit: { value: 1, unit: 'hours', pausesWhileWaiting: true, notes: 'Di luar waktu pemeriksaan kesehatan dan tes psikologi.' },
      fee: {
        free: false,
        items: [
          { name: 'PNBP perpanjangan SIM A', amount: 80_000, legalBasis: PNBP_POLRI },
          { name: 'PNBP perpanjangan SIM C', amount: 75_000, legalBasis: PNBP_POLRI },
        ],
        notes: 'Biaya pemeriksaan kesehatan dan tes psikologi dibayar kepada penyedia layanan dan bukan PNBP.',
      },
      products: [{ name: 'Surat Izin Mengemudi (SIM) A atau C', description: 'Berlaku lima tahun.' }],
      complaints: SATLANTAS.complaints,
      legalBasis: [
        reg('Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan', '22', 2009),
        reg(
          'Peraturan Kepolisian Negara Republik Indonesia Nomor 5 Tahun 2021 tentang Penerbitan dan Penandaan Surat Izin Mengemudi',
          '5',
          2021,
        ),
        reg(
          `Peraturan Pemerintah Nomor 76 Tahun 2020 tentang Jenis dan Tarif atas Jenis Penerimaan Negara Bukan Pajak yang Berlaku pada Kepolisian Negara Republik Indonesia`,
          '76',
          2020,
        ),
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(SATLANTAS, 4, '1 petugas verifikasi, 1 petugas identifikasi, 1 operator cetak, 1 perwira pengawas.'),
    },
    decree: {
      number: 'Kep/34/II/2026',
      date: '2026-02-09',
      signatory: 'AKBP I Made Dharma Wisesa, S.I.K. — Kepala Kepolisian Resor Badung',
    },
    effectiveDate: '2026-02-16',
  },
  {
    agency: 'BAPENDA-BALI',
    unit: 'SAMSAT-BDG',
    offeredAt: at('D'),
    code: 'PKB-TAHUNAN',
    slug: 'pajak-kendaraan-tahunan-samsat-badung',
    name: 'Pembayaran Pajak Kendaraan Bermotor (PKB) Tahunan dan Pengesahan STNK',
    summary:
      'Pembayaran PKB beserta opsen PKB dan SWDKLLJ, serta pengesahan STNK tahunan untuk kendaraan bermotor terdaftar di Provinsi Bali.',
    keywords: 'pajak motor, pajak mobil, PKB, STNK, samsat, SWDKLLJ, Jasa Raharja, opsen PKB, bayar pajak kendaraan',
    category: 'tax_and_levies',
    kind: 'non_licensing',
    lifeEvents: ['owning_vehicle'],
    audiences: ['citizen', 'business'],
    channels: 'both',
    content: {
      requirements: [
        doc('stnk', 'STNK asli kendaraan', { notes: 'Ditunjukkan di loket.' }),
        doc('ktp', 'KTP-el pemilik sesuai nama pada STNK', {
          notes:
            'Bila dikuasakan, dilampiri surat kuasa bermeterai dan KTP-el penerima kuasa; untuk badan usaha, surat kuasa dari perusahaan.',
        }),
        field('nomor_polisi', 'Nomor polisi kendaraan', 'text'),
        nik('NIK pemilik kendaraan'),
      ],
      procedure: [
        step('antrean', 'Mengambil nomor antrean dan menyerahkan berkas', 'citizen', [5, 'minutes'], 'Nomor antrean'),
        step('penetapan', 'Pendataan dan penetapan PKB, opsen PKB dan SWDKLLJ', 'processor', [10, 'minutes'], 'Notice pajak'),
        step('bayar', 'Membayar di kasir (tunai atau non-tunai)', 'citizen', [5, 'minutes'], 'Notice pajak tervalidasi'),
        step('pengesahan', 'Pengesahan STNK tahunan', 'processor', [5, 'minutes'], 'STNK disahkan'),
        step('serah', 'Menyerahkan STNK dan notice pajak', 'counter_officer', [5, 'minutes'], 'Dokumen diterima wajib pajak'),
      ],
      timeLimit: { value: 30, unit: 'minutes', pausesWhileWaiting: false },
      fee: {
        free: false,
        items: [
          {
            name: 'SWDKLLJ sepeda motor di atas 50 cc sampai 250 cc',
            amount: 35_000,
            legalBasis: 'UU 34/1964 jo. PP 18/1965; PMK 16/PMK.010/2017',
          },
          { name: 'SWDKLLJ mobil penumpang pribadi', amount: 143_000, legalBasis: 'UU 34/1964 jo. PP 18/1965; PMK 16/PMK.010/2017' },
          { name: 'PNBP pengesahan STNK kendaraan roda 2 atau roda 3', amount: 25_000, legalBasis: PNBP_POLRI },
          { name: 'PNBP pengesahan STNK kendaraan roda 4 atau lebih', amount: 50_000, legalBasis: PNBP_POLRI },
        ],
        notes:
          'PKB dihitung dari NJKB × bobot × tarif sesuai Perda Provinsi Bali, ditambah opsen PKB 66% untuk kabupaten (UU 1/2022), dan tercantum pada notice pajak. Keterlambatan dikenai sanksi administratif 1% per bulan.',
      },
      products: [{ name: 'Notice Pajak Kendaraan Bermotor (SKKP) tervalidasi' }, { name: 'STNK yang telah disahkan untuk satu tahun' }],
      complaints: SAMSAT.complaints,
      legalBasis: [
        HKPD,
        PP_KUPDRD,
        reg('Peraturan Daerah Provinsi Bali tentang Pajak Daerah dan Retribusi Daerah', undefined, 2023),
        reg(
          'Peraturan Presiden Nomor 5 Tahun 2015 tentang Penyelenggaraan Sistem Administrasi Manunggal Satu Atap Kendaraan Bermotor',
          '5',
          2015,
        ),
        reg('Undang-Undang Nomor 34 Tahun 1964 tentang Dana Kecelakaan Lalu Lintas Jalan', '34', 1964),
        reg(
          'Peraturan Menteri Keuangan Nomor 16/PMK.010/2017 tentang Besar Santunan dan Sumbangan Wajib Dana Kecelakaan Lalu Lintas Jalan',
          '16/PMK.010/2017',
          2017,
        ),
        reg(
          'Peraturan Pemerintah Nomor 76 Tahun 2020 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kepolisian Negara Republik Indonesia',
          '76',
          2020,
        ),
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(
        SAMSAT,
        4,
        '1 petugas pendaftaran dan penetapan (Bapenda), 1 kasir, 1 petugas pengesahan (Polri), 1 petugas Jasa Raharja.',
      ),
    },
    decree: {
      number: '973/318/Bapenda/2026',
      date: '2026-01-19',
      signatory: 'Dr. Ni Luh Made Sukarini, S.E., M.Si. — Kepala Badan Pendapatan Daerah Provinsi Bali',
    },
    effectiveDate: '2026-02-02',
  },
  {
    agency: 'BPJS-KES',
    unit: 'KC-DENPASAR',
    offeredAt: at('E'),
    code: 'JKN-DAFTAR',
    slug: 'pendaftaran-peserta-jkn-mandiri-denpasar',
    name: 'Pendaftaran Peserta JKN Pekerja Bukan Penerima Upah (Mandiri)',
    summary:
      'Pendaftaran peserta Jaminan Kesehatan Nasional segmen pekerja bukan penerima upah beserta seluruh anggota keluarga dalam Kartu Keluarga, di Gerai E MPP atau melalui Mobile JKN.',
    keywords: 'BPJS, BPJS Kesehatan, JKN, KIS, daftar BPJS mandiri, kartu BPJS, asuransi kesehatan',
    category: 'health_insurance',
    kind: 'non_licensing',
    lifeEvents: ['health', 'birth'],
    audiences: ['citizen'],
    channels: 'both',
    content: {
      requirements: [
        kk(),
        doc('ktp', 'KTP-el seluruh anggota keluarga yang berusia 17 tahun ke atas atau sudah kawin', { maxSizeKb: 4096 }),
        doc('rekening', 'Halaman identitas buku tabungan untuk autodebet iuran', {
          mandatory: false,
          notes: 'Bank yang bekerja sama dengan BPJS Kesehatan.',
        }),
        nik('NIK kepala keluarga'),
        field('kelas', 'Kelas rawat yang dipilih', 'choice', { choices: ['Kelas I', 'Kelas II', 'Kelas III'] }),
        field('faskes', 'Fasilitas kesehatan tingkat pertama yang dipilih', 'text', {
          notes: 'Puskesmas, klinik pratama atau dokter praktik perorangan terdekat.',
        }),
        email(true),
        phone(),
      ],
      procedure: [
        step('ajukan', 'Mengajukan pendaftaran di Gerai E atau Mobile JKN', 'citizen', [10, 'minutes'], 'Data pendaftaran'),
        step('verifikasi', 'Memverifikasi NIK dengan data kependudukan Dukcapil', 'counter_officer', [5, 'minutes'], 'Data tervalidasi'),
        step('va', 'Menerbitkan nomor virtual account iuran', 'system', [5, 'minutes'], 'Nomor virtual account'),
        step(
          'bayar',
          'Membayar iuran pertama',
          'citizen',
          undefined,
          'Bukti bayar',
          'Iuran pertama dibayar paling cepat 14 hari setelah virtual account terbit.',
        ),
        step('aktif', 'Kepesertaan aktif dan KIS digital tersedia', 'system', undefined, 'KIS digital di Mobile JKN'),
      ],
      timeLimit: {
        value: 20,
        unit: 'minutes',
        pausesWhileWaiting: true,
        notes: 'Untuk pendaftaran di loket. Kartu aktif setelah iuran pertama dibayar.',
      },
      fee: {
        free: true,
        legalBasis:
          'Tidak dipungut biaya pendaftaran — Perpres 82/2018. Iuran bulanan per orang sesuai Perpres 64/2020: Kelas I Rp 150.000, Kelas II Rp 100.000, Kelas III Rp 42.000 (peserta membayar Rp 35.000)',
      },
      products: [{ name: 'Nomor kepesertaan dan Kartu Indonesia Sehat (KIS) digital' }, { name: 'Nomor virtual account iuran keluarga' }],
      complaints: BPJS.complaints,
      legalBasis: [
        reg('Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional', '40', 2004),
        reg('Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial', '24', 2011),
        reg(
          'Peraturan Presiden Nomor 82 Tahun 2018 tentang Jaminan Kesehatan, sebagaimana telah diubah terakhir dengan Peraturan Presiden Nomor 59 Tahun 2024',
          '82',
          2018,
        ),
        reg(
          'Peraturan Presiden Nomor 64 Tahun 2020 tentang Perubahan Kedua atas Peraturan Presiden Nomor 82 Tahun 2018 tentang Jaminan Kesehatan',
          '64',
          2020,
        ),
        reg('Peraturan BPJS Kesehatan Nomor 6 Tahun 2018 tentang Administrasi Kepesertaan Program Jaminan Kesehatan', '6', 2018),
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(BPJS, 2, '2 petugas front office di Gerai E, didukung petugas Kantor Cabang Denpasar.'),
    },
    decree: BPJS_DECREE(41, '2026-02-05'),
    effectiveDate: '2026-02-16',
  },
  {
    agency: 'BPJS-KES',
    unit: 'KC-DENPASAR',
    offeredAt: at('E'),
    code: 'JKN-UBAH',
    slug: 'perubahan-data-peserta-jkn-denpasar',
    name: 'Perubahan Data Peserta JKN',
    summary: 'Penambahan anggota keluarga, perubahan fasilitas kesehatan tingkat pertama, kelas rawat, identitas dan alamat peserta JKN.',
    keywords: 'ubah data BPJS, pindah faskes, tambah anggota keluarga BPJS, ganti kelas BPJS, bayi baru lahir BPJS',
    category: 'health_insurance',
    kind: 'non_licensing',
    lifeEvents: ['birth', 'marriage', 'moving_house', 'work'],
    audiences: ['citizen'],
    channels: 'both',
    content: {
      requirements: [
        field('jenis', 'Jenis perubahan', 'choice', {
          choices: [
            'Penambahan anggota keluarga',
            'Perubahan faskes tingkat pertama',
            'Perubahan kelas rawat',
            'Perubahan identitas',
            'Perubahan alamat',
          ],
        }),
        field('nomor_kartu', 'Nomor kartu JKN-KIS', 'text'),
        kk(),
        doc('pendukung', 'Dokumen pendukung perubahan', {
          mandatory: false,
          notes: 'Akta kelahiran atau surat keterangan lahir untuk bayi, buku nikah untuk pasangan, surat pindah untuk perubahan alamat.',
        }),
        nik(),
        phone(),
      ],
      procedure: [
        step('ajukan', 'Mengajukan perubahan di Gerai E, Mobile JKN atau PANDAWA', 'citizen', [5, 'minutes'], 'Permohonan perubahan'),
        step('verifikasi', 'Memverifikasi dokumen dan data kependudukan', 'counter_officer', [10, 'minutes'], 'Data tervalidasi'),
        step('ubah', 'Memperbarui data kepesertaan', 'processor', [10, 'minutes'], 'Data kepesertaan terbaru'),
      ],
      timeLimit: {
        value: 1,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes:
          'Di loket selesai pada hari yang sama. Pindah faskes dapat dilakukan setelah tiga bulan terdaftar; perubahan kelas setelah satu tahun.',
      },
      fee: { free: true, legalBasis: 'Tidak dipungut biaya — Perpres 82/2018 dan Peraturan BPJS Kesehatan 6/2018' },
      products: [{ name: 'Data kepesertaan terbaru dan KIS digital yang diperbarui' }],
      complaints: BPJS.complaints,
      legalBasis: [
        reg('Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial', '24', 2011),
        reg(
          'Peraturan Presiden Nomor 82 Tahun 2018 tentang Jaminan Kesehatan, sebagaimana telah diubah terakhir dengan Peraturan Presiden Nomor 59 Tahun 2024',
          '82',
          2018,
        ),
        reg('Peraturan BPJS Kesehatan Nomor 6 Tahun 2018 tentang Administrasi Kepesertaan Program Jaminan Kesehatan', '6', 2018),
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(BPJS, 2, '2 petugas front office di Gerai E.'),
    },
    decree: BPJS_DECREE(42, '2026-02-05'),
    effectiveDate: '2026-02-16',
  },
  {
    agency: 'BRI',
    unit: 'KC-KUTA',
    offeredAt: at('G'),
    code: 'BAYAR-PAJAK-DAERAH',
    slug: 'pembayaran-pajak-retribusi-daerah-bri-mpp-badung',
    name: 'Pembayaran Pajak Daerah dan Retribusi Daerah di Loket BRI',
    summary:
      'Penerimaan pembayaran PBB-P2, BPHTB, pajak hotel dan restoran (PBJT), pajak reklame dan retribusi daerah Kabupaten Badung dengan kode bayar, langsung ke Rekening Kas Umum Daerah.',
    keywords: 'bayar PBB, bayar BPHTB, PBJT, pajak hotel, pajak restoran, retribusi, kode billing, setor pajak daerah, bank',
    category: 'banking',
    kind: 'non_licensing',
    lifeEvents: ['owning_property', 'running_business'],
    audiences: ['citizen', 'business'],
    channels: 'counter',
    content: {
      requirements: [
        field('kode_bayar', 'Kode bayar atau Nomor Objek Pajak (NOP)', 'text', {
          notes: 'Tercantum pada SPPT PBB-P2, SSPD BPHTB, SKPD atau SKRD.',
        }),
        doc('dokumen_tagihan', 'SPPT, SSPD, SKPD atau SKRD', {
          mandatory: false,
          notes: 'Ditunjukkan di loket bila tidak membawa kode bayar.',
        }),
        field('nama', 'Nama penyetor', 'text', { profileField: 'name' }),
        presence('dana', 'Membawa uang tunai atau kartu debit sejumlah tagihan'),
      ],
      procedure: [
        step('antrean', 'Mengambil nomor antrean Gerai G', 'citizen', [5, 'minutes'], 'Nomor antrean'),
        step('inquiry', 'Memeriksa tagihan secara daring ke sistem pajak daerah', 'counter_officer', [3, 'minutes'], 'Rincian tagihan'),
        step('konfirmasi', 'Mengonfirmasi nama wajib pajak dan jumlah tagihan', 'citizen', [2, 'minutes']),
        step(
          'bayar',
          'Menerima pembayaran dan membukukan ke Rekening Kas Umum Daerah',
          'counter_officer',
          [3, 'minutes'],
          'Transaksi berhasil',
        ),
        step('bukti', 'Mencetak bukti bayar tervalidasi dengan NTPD', 'system', [2, 'minutes'], 'Bukti bayar'),
      ],
      timeLimit: { value: 15, unit: 'minutes', pausesWhileWaiting: false },
      fee: {
        free: true,
        legalBasis:
          'Tanpa biaya administrasi bagi penyetor — Perjanjian Kerja Sama Pemerintah Kabupaten Badung dan PT BRI (Persero) Tbk tentang penerimaan daerah',
      },
      products: [{ name: 'Bukti pembayaran tervalidasi bank dengan Nomor Transaksi Penerimaan Daerah (NTPD)' }],
      complaints: BRI.complaints,
      legalBasis: [
        HKPD,
        PP_KUPDRD,
        reg('Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah', '12', 2019),
        PERDA_PDRD_BADUNG,
        reg('Undang-Undang Nomor 4 Tahun 2023 tentang Pengembangan dan Penguatan Sektor Keuangan', '4', 2023),
        reg(
          'Peraturan Otoritas Jasa Keuangan Nomor 22 Tahun 2023 tentang Pelindungan Konsumen dan Masyarakat di Sektor Jasa Keuangan',
          '22',
          2023,
        ),
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(BRI, 1, '1 teller di Gerai G, didukung customer service dan Operation Supervisor KC Kuta.'),
    },
    decree: {
      number: 'B.77-KC-XIV/OPS/02/2026',
      date: '2026-02-20',
      signatory: 'Pemimpin Cabang PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Kuta',
    },
    effectiveDate: '2026-03-02',
  },
];

// ---------------------------------------------------------------------------------------------------
// Perumda Air Minum Tirta Mangutama: the new-connection standard has a 2025 version superseded in 2026

const perumda = (code: string) => ({ agency: 'PERUMDA-TM', unit: 'PELANGGAN', offeredAt: at('F'), code });

function newConnection(year: 2025 | 2026): StandardContent {
  const basis = `Peraturan Bupati Badung tentang Tarif Air Minum dan Biaya Sambungan Baru Perumda Air Minum Tirta Mangutama (${year})`;
  const installDays = year === 2025 ? 7 : 5;
  return {
    requirements: [
      doc('ktp', 'KTP-el pemohon', { reusable: true }),
      doc('bukti_bangunan', 'Bukti kepemilikan atau penguasaan bangunan', {
        notes: 'Sertifikat, SPPT PBB-P2, atau perjanjian sewa paling singkat satu tahun.',
      }),
      doc('pbg', 'PBG atau IMB', { mandatory: false, types: PDF, maxSizeKb: 5120, notes: 'Wajib untuk golongan niaga.' }),
      doc('denah', 'Denah atau foto lokasi bangunan', { types: PHOTO, maxSizeKb: 3072 }),
      field('alamat', 'Alamat lokasi pemasangan', 'address'),
      field('golongan', 'Golongan pelanggan', 'choice', {
        choices: ['Rumah tangga A', 'Rumah tangga B', 'Niaga kecil', 'Niaga besar', 'Sosial umum'],
      }),
      nik(),
      phone(),
    ],
    procedure: [
      step('daftar', 'Mendaftar di Gerai F atau Satupintu', 'citizen', [15, 'minutes'], 'Nomor pendaftaran'),
      step('survei', 'Survei lokasi dan ketersediaan jaringan pipa', 'processor', [3, 'working_days'], 'Berita acara survei'),
      step('biaya', 'Menerbitkan rincian biaya dan kode bayar', 'system', [1, 'working_days'], 'Rincian biaya'),
      step('bayar', 'Membayar biaya sambungan baru', 'citizen', undefined, 'Bukti bayar'),
      step('pasang', 'Memasang pipa dinas dan meter air bersegel', 'processor', [installDays, 'working_days'], 'Berita acara pemasangan'),
      step(
        'aktif',
        'Mengaktifkan nomor sambungan dan menandatangani perjanjian berlangganan',
        'head_of_unit',
        [1, 'working_days'],
        'Nomor sambungan aktif',
      ),
    ],
    timeLimit:
      year === 2025
        ? {
            value: 14,
            unit: 'working_days',
            pausesWhileWaiting: true,
            notes: 'Sejak berkas lengkap; tidak termasuk waktu pembayaran oleh pemohon.',
          }
        : {
            value: 10,
            unit: 'working_days',
            pausesWhileWaiting: true,
            notes:
              'Sejak berkas lengkap; tidak termasuk waktu pembayaran oleh pemohon. Dipercepat dari 14 hari kerja berkat stok meter di gudang Mengwi.',
          },
    fee: {
      free: false,
      items: [
        { name: 'Biaya pendaftaran', amount: 50_000, legalBasis: basis },
        {
          name: 'Biaya pemasangan sambungan ½ inci (pipa dinas sampai 10 m, meter air, kopling dan segel)',
          amount: year === 2025 ? 1_650_000 : 1_850_000,
          legalBasis: basis,
        },
        { name: 'Uang jaminan berlangganan', amount: 100_000, legalBasis: basis },
      ],
      notes: 'Pipa dinas lebih dari 10 m dan pekerjaan bongkar-pasang perkerasan dihitung tersendiri sesuai berita acara survei.',
    },
    products: [
      { name: 'Sambungan air minum terpasang dengan meter air ½ inci bersegel' },
      { name: 'Nomor sambungan pelanggan dan perjanjian berlangganan' },
    ],
    complaints: PERUMDA.complaints,
    legalBasis: [
      reg('Undang-Undang Nomor 17 Tahun 2019 tentang Sumber Daya Air', '17', 2019),
      reg('Peraturan Pemerintah Nomor 122 Tahun 2015 tentang Sistem Penyediaan Air Minum', '122', 2015),
      reg('Peraturan Pemerintah Nomor 54 Tahun 2017 tentang Badan Usaha Milik Daerah', '54', 2017),
      reg(
        'Peraturan Menteri Dalam Negeri Nomor 71 Tahun 2016 tentang Perhitungan dan Penetapan Tarif Air Minum, sebagaimana telah diubah terakhir dengan Peraturan Menteri Dalam Negeri Nomor 21 Tahun 2020',
        '71',
        2016,
      ),
      reg(basis, undefined, year),
      ...PUBLIC_SERVICE,
      MPP,
    ],
    ...management(PERUMDA, 6, '1 petugas loket, 1 petugas survei, 3 petugas pemasangan, 1 kepala seksi.'),
  };
}

export const NEW_CONNECTION_2025 = {
  content: newConnection(2025),
  decree: PERUMDA_DECREE(21, 2025, '2025-03-10'),
  effectiveDate: '2025-04-01',
};

const PERUMDA_SERVICES: DemoService[] = [
  {
    ...perumda('SR-BARU'),
    slug: 'sambungan-baru-air-minum-badung',
    name: 'Pemasangan Sambungan Baru Air Minum',
    summary:
      'Pemasangan sambungan baru air minum perpipaan dengan meter air untuk rumah tangga, niaga dan sosial di wilayah layanan Perumda Air Minum Tirta Mangutama.',
    keywords: 'PDAM, sambungan air, pasang air PAM, daftar pelanggan baru, meteran air, air bersih',
    category: 'utilities',
    kind: 'non_licensing',
    lifeEvents: ['owning_property', 'moving_house'],
    audiences: ['citizen', 'business'],
    channels: 'both',
    content: newConnection(2026),
    decree: PERUMDA_DECREE(14, 2026, '2026-01-26'),
    effectiveDate: '2026-02-02',
  },
  {
    ...perumda('ADUAN-TAGIHAN'),
    slug: 'pengaduan-tagihan-air-badung',
    name: 'Pengaduan Tagihan Rekening Air',
    summary:
      'Penanganan keberatan atas tagihan rekening air yang tidak wajar, termasuk pemeriksaan angka meter, uji meter air dan koreksi rekening bila terbukti ada kesalahan.',
    keywords: 'tagihan PDAM membengkak, rekening air mahal, meter air rusak, keluhan PDAM, salah baca meter',
    category: 'utilities',
    kind: 'non_licensing',
    lifeEvents: ['owning_property'],
    audiences: ['citizen', 'business'],
    channels: 'both',
    content: {
      requirements: [
        field('nomor_sambungan', 'Nomor sambungan pelanggan', 'text'),
        doc('foto_meter', 'Foto angka meter air terkini', { types: PHOTO, maxSizeKb: 3072 }),
        doc('rekening', 'Rekening air bulan yang dikeluhkan', { mandatory: false }),
        field('uraian', 'Uraian keluhan', 'text'),
        phone(),
      ],
      procedure: [
        step('lapor', 'Menyampaikan pengaduan', 'citizen', [10, 'minutes'], 'Nomor pengaduan'),
        step('periksa', 'Memeriksa riwayat baca meter dan pemakaian', 'processor', [1, 'working_days'], 'Hasil pemeriksaan data'),
        step(
          'lapangan',
          'Pemeriksaan lapangan: angka meter, uji meter dan kebocoran persil',
          'processor',
          [2, 'working_days'],
          'Berita acara pemeriksaan',
        ),
        step('putuskan', 'Memutuskan koreksi rekening', 'head_of_unit', [1, 'working_days'], 'Keputusan koreksi atau penjelasan'),
        step('beritahu', 'Memberitahukan hasil kepada pelanggan', 'system', undefined, 'Pemberitahuan tertulis'),
      ],
      timeLimit: { value: 5, unit: 'working_days', pausesWhileWaiting: true },
      fee: {
        free: true,
        legalBasis: 'Gratis; penggantian meter air yang rusak karena kelalaian pelanggan dikenakan biaya sesuai tarif yang berlaku',
      },
      products: [
        { name: 'Berita acara pemeriksaan meter air' },
        { name: 'Koreksi rekening', description: 'Bila terbukti terdapat kesalahan baca meter atau kesalahan sistem.' },
      ],
      complaints: PERUMDA.complaints,
      legalBasis: [
        reg('Undang-Undang Nomor 8 Tahun 1999 tentang Perlindungan Konsumen', '8', 1999),
        reg('Peraturan Pemerintah Nomor 122 Tahun 2015 tentang Sistem Penyediaan Air Minum', '122', 2015),
        reg(
          'Peraturan Menteri Dalam Negeri Nomor 71 Tahun 2016 tentang Perhitungan dan Penetapan Tarif Air Minum, sebagaimana telah diubah terakhir dengan Peraturan Menteri Dalam Negeri Nomor 21 Tahun 2020',
          '71',
          2016,
        ),
        ...PUBLIC_SERVICE,
        MPP,
      ],
      ...management(PERUMDA, 4, '1 petugas loket, 2 petugas pemeriksa meter, 1 kepala seksi.'),
    },
    decree: PERUMDA_DECREE(15, 2026, '2026-01-26'),
    effectiveDate: '2026-02-02',
  },
];

// ---------------------------------------------------------------------------------------------------
// Kemenko PMK: non-licensing services of a ministry, not offered at a mall

const ppid = (code: string) => ({ agency: 'KEMENKO-PMK', unit: 'PPID', offeredAt: [], code });
const PPID_BASE_LAW = [...KIP_LAW, KEMENKO_ORG, ...PUBLIC_SERVICE, PDP];
const letter = (to: string) =>
  doc('surat', `Surat permohonan resmi ditujukan kepada ${to}`, {
    types: PDF,
    notes: 'Memuat nama lembaga, kontak penanggung jawab, maksud dan usulan waktu.',
  });
const ppidIntake = step(
  'ajukan',
  'Mengajukan permohonan melalui Satupintu, surel atau Meja Layanan',
  'citizen',
  [10, 'minutes'],
  'Nomor registrasi',
);
const ppidRegister = step(
  'registrasi',
  'Meregistrasi dan memeriksa kelengkapan permohonan',
  'counter_officer',
  [1, 'working_days'],
  'Permohonan teregistrasi',
);
const ppidNotify = step('jawab', 'Menyampaikan jawaban tertulis kepada pemohon', 'system', undefined, 'Surat jawaban');
const FREE_MINISTRY =
  'Gratis — tidak dipungut biaya (UU 25/2009); pegawai dilarang menerima gratifikasi (UU 31/1999 jo. UU 20/2001 Pasal 12B)';

const KEMENKO: DemoService[] = [
  {
    ...ppid('KONSULTASI'),
    slug: 'konsultasi-publik-kemenko-pmk',
    name: 'Layanan Konsultasi Publik',
    summary:
      'Konsultasi dari masyarakat, lembaga dan pemerintah daerah tentang kebijakan pembangunan manusia dan kebudayaan yang dikoordinasikan Kemenko PMK, secara tatap muka atau daring.',
    keywords: 'konsultasi, tanya jawab kebijakan, pembangunan manusia, kebudayaan, Kemenko PMK',
    category: 'consultation',
    kind: 'non_licensing',
    lifeEvents: ['public_information'],
    audiences: ['citizen', 'business', 'government'],
    channels: 'both',
    content: {
      requirements: [
        doc('identitas', 'KTP-el atau identitas lembaga', { reusable: true }),
        field('nama', 'Nama pemohon', 'text', { profileField: 'name' }),
        email(true),
        phone(),
        field('topik', 'Topik konsultasi', 'choice', {
          choices: [
            'Kesehatan',
            'Pendidikan',
            'Kebudayaan',
            'Agama',
            'Pemuda dan olahraga',
            'Perempuan dan anak',
            'Kependudukan',
            'Penanggulangan bencana',
            'Lainnya',
          ],
        }),
        field('pertanyaan', 'Uraian pertanyaan', 'text'),
      ],
      procedure: [
        ppidIntake,
        ppidRegister,
        step('disposisi', 'Meneruskan kepada kedeputian yang membidangi', 'processor', [1, 'working_days'], 'Disposisi'),
        step(
          'tanggapan',
          'Menyiapkan tanggapan atau menjadwalkan konsultasi tatap muka',
          'processor',
          [3, 'working_days'],
          'Draf tanggapan',
        ),
        ppidNotify,
      ],
      timeLimit: { value: 5, unit: 'working_days', pausesWhileWaiting: true },
      fee: { free: true, legalBasis: FREE_MINISTRY },
      products: [{ name: 'Tanggapan tertulis atau notula konsultasi' }],
      complaints: PPID.complaints,
      legalBasis: [KEMENKO_ORG, ...PUBLIC_SERVICE, PDP],
      ...management(PPID, 4, '2 petugas meja layanan, 2 analis kebijakan penghubung kedeputian.'),
    },
    decree: PPID_DECREE(31, '2026-03-09'),
    effectiveDate: '2026-03-16',
  },
  {
    ...ppid('AUDIENSI'),
    slug: 'permohonan-audiensi-kemenko-pmk',
    name: 'Permohonan Audiensi dengan Pimpinan',
    summary:
      'Permohonan pertemuan dengan Menteri Koordinator, Sekretaris Kementerian Koordinator atau Deputi untuk menyampaikan aspirasi, usulan atau laporan kegiatan.',
    keywords: 'audiensi, bertemu menteri, kunjungan, aspirasi, pertemuan pimpinan',
    category: 'consultation',
    kind: 'non_licensing',
    lifeEvents: ['public_information'],
    audiences: ['citizen', 'business', 'government'],
    channels: 'online',
    content: {
      requirements: [
        letter('Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan'),
        doc('peserta', 'Daftar peserta audiensi (paling banyak 10 orang)', { types: PDF, maxSizeKb: 1024 }),
        field('pokok_bahasan', 'Pokok bahasan', 'text'),
        field('usulan_tanggal', 'Usulan tanggal audiensi', 'date', { notes: 'Paling cepat 14 hari kerja setelah permohonan.' }),
        email(true),
        phone(),
      ],
      procedure: [
        ppidIntake,
        ppidRegister,
        step('telaah', 'Menelaah permohonan dan menyiapkan bahan pimpinan', 'processor', [3, 'working_days'], 'Nota dinas'),
        step(
          'keputusan',
          'Menentukan pejabat penerima dan jadwal',
          'head_of_unit',
          [2, 'working_days'],
          'Jadwal audiensi atau penolakan beralasan',
        ),
        ppidNotify,
      ],
      timeLimit: {
        value: 7,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes: 'Sampai jawaban tertulis atas permohonan, bukan sampai pelaksanaan audiensi.',
      },
      fee: { free: true, legalBasis: FREE_MINISTRY },
      products: [{ name: 'Surat jawaban berisi jadwal dan pejabat penerima audiensi' }, { name: 'Notula audiensi' }],
      complaints: PPID.complaints,
      legalBasis: [KEMENKO_ORG, ...PUBLIC_SERVICE, PDP],
      ...management(PPID, 3, '1 petugas meja layanan, 1 staf protokol, 1 analis.'),
    },
    decree: PPID_DECREE(32, '2026-03-09'),
    effectiveDate: '2026-03-16',
  },
  {
    ...ppid('NARASUMBER'),
    slug: 'permohonan-narasumber-kemenko-pmk',
    name: 'Permohonan Narasumber',
    summary: 'Permohonan pejabat atau pegawai Kemenko PMK sebagai narasumber dalam seminar, lokakarya, rapat kerja atau kegiatan akademik.',
    keywords: 'narasumber, pembicara, undangan seminar, keynote speaker, pemateri',
    category: 'consultation',
    kind: 'non_licensing',
    lifeEvents: ['public_information', 'education'],
    audiences: ['citizen', 'business', 'government'],
    channels: 'online',
    content: {
      requirements: [
        letter('Menteri Koordinator atau Sekretaris Kementerian Koordinator'),
        doc('kak', 'Kerangka acuan kegiatan (TOR/KAK)', { types: PDF, maxSizeKb: 5120 }),
        field('tanggal', 'Tanggal kegiatan', 'date', { notes: 'Permohonan diterima paling lambat 7 hari kerja sebelum kegiatan.' }),
        field('tempat', 'Tempat atau tautan kegiatan', 'text'),
        field('topik', 'Topik yang diminta', 'text'),
        email(true),
        phone(),
      ],
      procedure: [
        ppidIntake,
        ppidRegister,
        step('telaah', 'Menelaah kesesuaian topik dan menentukan narasumber', 'processor', [2, 'working_days'], 'Usulan narasumber'),
        step('persetujuan', 'Persetujuan pimpinan dan penugasan', 'head_of_unit', [1, 'working_days'], 'Surat tugas'),
        ppidNotify,
      ],
      timeLimit: { value: 5, unit: 'working_days', pausesWhileWaiting: true },
      fee: { free: true, legalBasis: FREE_MINISTRY },
      products: [{ name: 'Surat jawaban dan surat tugas narasumber' }],
      complaints: PPID.complaints,
      legalBasis: [
        KEMENKO_ORG,
        reg(
          'Undang-Undang Nomor 20 Tahun 2001 tentang Perubahan atas Undang-Undang Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi',
          '20',
          2001,
        ),
        ...PUBLIC_SERVICE,
        PDP,
      ],
      ...management(PPID, 3, '1 petugas meja layanan, 2 analis penghubung kedeputian.'),
    },
    decree: PPID_DECREE(33, '2026-03-09'),
    effectiveDate: '2026-03-16',
  },
  {
    ...ppid('RAKOR'),
    slug: 'permohonan-rapat-koordinasi-kemenko-pmk',
    name: 'Permohonan Rapat Koordinasi Lintas Kementerian/Lembaga',
    summary:
      'Permohonan kementerian, lembaga atau pemerintah daerah agar Kemenko PMK menyelenggarakan rapat koordinasi untuk menyelesaikan isu lintas sektor pembangunan manusia dan kebudayaan.',
    keywords: 'rapat koordinasi, rakor, koordinasi lintas sektor, sinkronisasi kebijakan, debottlenecking',
    category: 'coordination',
    kind: 'non_licensing',
    lifeEvents: [],
    audiences: ['government'],
    channels: 'online',
    content: {
      requirements: [
        letter('Menteri Koordinator, ditandatangani paling rendah oleh pejabat pimpinan tinggi madya atau kepala daerah'),
        doc('bahan', 'Bahan atau kertas posisi tentang isu yang dikoordinasikan', { types: PDF, maxSizeKb: 10240 }),
        doc('undangan', 'Usulan kementerian/lembaga dan pemerintah daerah yang diundang', { types: PDF, maxSizeKb: 1024 }),
        field('isu', 'Ringkasan isu', 'text'),
        email(true),
        phone(),
      ],
      procedure: [
        ppidIntake,
        ppidRegister,
        step('telaah', 'Menelaah isu oleh kedeputian yang membidangi', 'processor', [5, 'working_days'], 'Telaah staf'),
        step(
          'keputusan',
          'Keputusan pimpinan atas penyelenggaraan rapat koordinasi',
          'head_of_unit',
          [3, 'working_days'],
          'Undangan rapat atau penjelasan',
        ),
        ppidNotify,
      ],
      timeLimit: {
        value: 10,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes: 'Sampai jawaban atau undangan rapat, bukan sampai pelaksanaan rapat.',
      },
      fee: { free: true, legalBasis: FREE_MINISTRY },
      products: [{ name: 'Undangan rapat koordinasi atau surat jawaban' }, { name: 'Notula dan rekomendasi rapat koordinasi' }],
      complaints: PPID.complaints,
      legalBasis: [KEMENKO_ORG, ...PUBLIC_SERVICE],
      ...management(PPID, 4, '1 petugas registrasi, 3 analis kebijakan.'),
    },
    decree: PPID_DECREE(34, '2026-03-09'),
    effectiveDate: '2026-03-16',
  },
  {
    ...ppid('INFO-PUBLIK'),
    slug: 'permohonan-informasi-publik-kemenko-pmk',
    name: 'Permohonan Informasi Publik',
    summary:
      'Permohonan salinan atau akses informasi publik yang dikuasai Kemenko PMK sesuai UU 14/2008 tentang Keterbukaan Informasi Publik, dengan hak mengajukan keberatan.',
    keywords: 'PPID, informasi publik, keterbukaan informasi, KIP, minta data, dokumen publik',
    category: 'information',
    kind: 'non_licensing',
    lifeEvents: ['public_information'],
    audiences: ['citizen', 'business', 'government'],
    channels: 'both',
    content: {
      requirements: [
        doc('identitas', 'KTP-el pemohon, atau akta pendirian dan pengesahan badan hukum bagi lembaga', { reusable: true }),
        field('nama', 'Nama pemohon', 'text', { profileField: 'name' }),
        email(true),
        phone(),
        field('rincian', 'Rincian informasi yang dimohon', 'text'),
        field('tujuan', 'Tujuan penggunaan informasi', 'text'),
        field('cara_memperoleh', 'Cara memperoleh informasi', 'choice', {
          choices: ['Melihat/membaca/mendengarkan/mencatat', 'Salinan elektronik (softcopy)', 'Salinan cetak (hardcopy)'],
        }),
        field('cara_kirim', 'Cara mendapatkan salinan', 'choice', { choices: ['Surel', 'Diambil langsung', 'Pos/jasa pengiriman'] }),
      ],
      procedure: [
        step('ajukan', 'Mengajukan permohonan informasi', 'citizen', [10, 'minutes'], 'Tanda bukti permohonan dengan nomor pendaftaran'),
        step('registrasi', 'Meregistrasi permohonan dalam buku register', 'counter_officer', [1, 'working_days'], 'Nomor register'),
        step(
          'penelusuran',
          'Menelusuri informasi pada unit pengelola',
          'processor',
          [5, 'working_days'],
          'Informasi atau catatan ketiadaan',
        ),
        step(
          'uji',
          'Uji konsekuensi bila informasi diduga dikecualikan',
          'head_of_unit',
          [2, 'working_days'],
          'Penetapan informasi terbuka atau dikecualikan',
        ),
        step('pemberitahuan', 'Menyampaikan pemberitahuan tertulis dan informasi', 'system', undefined, 'Surat pemberitahuan tertulis'),
      ],
      timeLimit: {
        value: 10,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes:
          'Dapat diperpanjang paling lama 7 hari kerja dengan pemberitahuan tertulis kepada pemohon (UU 14/2008 Pasal 22 ayat (7) dan (8)).',
      },
      fee: {
        free: true,
        legalBasis: 'Gratis — UU 14/2008; biaya penggandaan dan pengiriman salinan cetak ditanggung pemohon sesuai Perki 1/2021',
      },
      products: [
        { name: 'Informasi publik yang dimohon', description: 'Dalam bentuk salinan elektronik atau cetak, atau akses untuk melihat.' },
        { name: 'Surat pemberitahuan tertulis', description: 'Termasuk penolakan beralasan bila informasi dikecualikan.' },
      ],
      complaints: {
        channels: [
          { kind: 'email', contact: 'keberatan.ppid@kemenkopmk.test — keberatan kepada atasan PPID' },
          { kind: 'in_person', contact: 'Meja Layanan Informasi Publik, Gedung Kemenko PMK, Jl. Medan Merdeka Barat No. 3, Jakarta Pusat' },
          { kind: 'lapor', contact: 'SP4N-LAPOR! https://www.lapor.go.id atau SMS 1708' },
        ],
        responseDays: 30,
        notes:
          'Keberatan diajukan kepada atasan PPID paling lambat 30 hari kerja setelah alasan keberatan ditemukan dan ditanggapi paling lambat 30 hari kerja; bila tidak puas, pemohon dapat mengajukan sengketa ke Komisi Informasi Pusat.',
      },
      legalBasis: PPID_BASE_LAW,
      ...management(PPID, 5, '2 petugas meja layanan, 2 pengelola informasi, 1 PPID pelaksana.'),
    },
    decree: PPID_DECREE(35, '2026-03-09'),
    effectiveDate: '2026-03-16',
  },
  {
    ...ppid('PARAF-RANCANGAN'),
    slug: 'penelusuran-paraf-rancangan-peraturan-kemenko-pmk',
    name: 'Penelusuran Paraf Menteri Koordinator pada Rancangan Peraturan Perundang-undangan',
    summary:
      'Pengajuan dan penelusuran status paraf persetujuan Menteri Koordinator pada rancangan undang-undang, peraturan pemerintah dan peraturan presiden yang diprakarsai kementerian/lembaga di bawah koordinasi Kemenko PMK.',
    keywords: 'paraf menteri, paraf koordinasi, rancangan peraturan, RPP, RPerpres, RUU, harmonisasi, status paraf',
    category: 'coordination',
    kind: 'non_licensing',
    lifeEvents: [],
    audiences: ['government'],
    channels: 'online',
    content: {
      requirements: [
        letter('Menteri Koordinator, dari pimpinan kementerian/lembaga pemrakarsa'),
        doc('naskah', 'Naskah rancangan peraturan hasil harmonisasi', { types: PDF, maxSizeKb: 10240 }),
        doc('berita_acara', 'Surat atau berita acara hasil pengharmonisasian dari Kementerian Hukum', { types: PDF, maxSizeKb: 5120 }),
        doc('penjelasan', 'Naskah akademik atau penjelasan pokok pengaturan', { mandatory: false, types: PDF, maxSizeKb: 20480 }),
        field('jenis', 'Jenis rancangan', 'choice', {
          choices: ['Rancangan Undang-Undang', 'Rancangan Peraturan Pemerintah', 'Rancangan Peraturan Presiden'],
        }),
        field('nomor_surat', 'Nomor surat permohonan pemrakarsa', 'text'),
        email(true),
      ],
      procedure: [
        step('ajukan', 'Mengunggah permohonan paraf', 'citizen', [10, 'minutes'], 'Nomor penelusuran'),
        step(
          'verifikasi',
          'Memeriksa kelengkapan oleh Biro Hukum',
          'counter_officer',
          [1, 'working_days'],
          'Permohonan lengkap atau dikembalikan',
        ),
        step('telaah', 'Telaah substansi oleh kedeputian terkait', 'processor', [5, 'working_days'], 'Telaah dan rekomendasi'),
        step('paraf_ses', 'Paraf Sekretaris Kementerian Koordinator', 'head_of_unit', [1, 'working_days'], 'Paraf Sesmenko'),
        step('paraf_menko', 'Paraf Menteri Koordinator', 'head_of_unit', [3, 'working_days'], 'Naskah berparaf'),
        step(
          'kirim',
          'Mengirim naskah berparaf kepada pemrakarsa',
          'system',
          undefined,
          'Surat pengantar dan naskah berparaf',
          'Setiap perubahan status dapat dilihat pemrakarsa dengan nomor penelusuran.',
        ),
      ],
      timeLimit: {
        value: 10,
        unit: 'working_days',
        pausesWhileWaiting: true,
        notes: 'Bila telaah menghasilkan catatan substansi, jangka waktu berhenti sampai pemrakarsa menyampaikan naskah perbaikan.',
      },
      fee: { free: true, legalBasis: 'Gratis — layanan antarinstansi pemerintah, tidak dipungut biaya' },
      products: [{ name: 'Naskah rancangan berparaf Menteri Koordinator' }, { name: 'Riwayat status paraf yang dapat ditelusuri' }],
      complaints: PPID.complaints,
      legalBasis: [
        reg(
          'Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan, sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 13 Tahun 2022',
          '12',
          2011,
        ),
        reg(
          'Peraturan Presiden Nomor 87 Tahun 2014 tentang Peraturan Pelaksanaan Undang-Undang Nomor 12 Tahun 2011, sebagaimana telah diubah dengan Peraturan Presiden Nomor 76 Tahun 2021',
          '87',
          2014,
        ),
        KEMENKO_ORG,
        ...PUBLIC_SERVICE,
      ],
      ...management(PPID, 4, '1 petugas Biro Hukum, 2 perancang peraturan perundang-undangan, 1 pengelola tata usaha pimpinan.'),
    },
    decree: PPID_DECREE(36, '2026-03-09'),
    effectiveDate: '2026-03-16',
  },
];

/** Every demo service, each with the standard that is (or becomes) its published one. */
export const DEMO_SERVICES: readonly DemoService[] = [...DISDUKCAPIL, ...DPMPTSP, ...OTHERS_AT_MPP, ...PERUMDA_SERVICES, ...KEMENKO];

/** The service whose 2025 standard (NEW_CONNECTION_2025) was superseded by the 2026 one. */
export const SUPERSEDED_SERVICE = { unit: 'PELANGGAN', code: 'SR-BARU' } as const;

/** The service with a newer version in public consultation: PBG, shortened and with a prototype-design option. */
export const CONSULTATION: {
  unit: string;
  code: string;
  openDays: number;
  content: StandardContent;
  comments: { authorName: string; component: string; body: string; response?: string }[];
} = {
  unit: 'PERIZINAN',
  code: 'PBG',
  /** How long the consultation stays open after the seed runs. */
  openDays: 21,
  content: {
    ...PBG_CONTENT,
    requirements: PBG_CONTENT.requirements.map((r) =>
      r.key === 'gambar_arsitektur'
        ? { ...r, notes: 'Rumah tinggal tunggal sederhana satu lantai dapat memakai desain prototipe yang tersedia di SIMBG.' }
        : r,
    ),
    timeLimit: {
      value: 21,
      unit: 'working_days',
      pausesWhileWaiting: true,
      notes:
        'Diusulkan dipersingkat dari 28 hari kerja. Sejak dokumen dinyatakan lengkap pada SIMBG; tidak termasuk waktu perbaikan dan pembayaran oleh pemohon.',
    },
  },
  comments: [
    {
      authorName: 'I Ketut Arsa Wijaya (IAI Daerah Bali)',
      component: 'requirements',
      body: 'Mohon dipertegas bahwa desain prototipe SIMBG hanya untuk rumah tinggal sederhana satu lantai, dan tetap wajib gambar arsitek berlisensi untuk vila atau bangunan usaha.',
      response:
        'Terima kasih atas masukannya. Catatan persyaratan gambar arsitektur sudah kami sesuaikan: prototipe hanya untuk rumah tinggal tunggal sederhana satu lantai; bangunan usaha termasuk vila tetap memerlukan gambar dari arsitek berlisensi.',
    },
    {
      authorName: 'Ni Made Sri Wahyuni',
      component: 'timeLimit',
      body: 'Apakah 21 hari kerja sudah termasuk sidang konsultasi TPA? Pengalaman kami jadwal sidang TPA sering baru ada dua minggu setelah dokumen lengkap.',
    },
  ],
};
