/**
 * What the catalog bench's 100,000 services are made of: the agencies a regency or city (kabupaten/kota)
 * typically has, each with the services such an office really publishes (names as they appear on SIPPN
 * and on regional MPP sites), the extra words people search them by, and their life events.
 *
 * Every regency gets one agency of each kind below; services are handed out by rank (every regency first
 * gets each agency's first service, then the second, …) until the requested count is reached, so the
 * common services exist everywhere and the last ones in part of the country only.
 */
import type { AUDIENCES, CATEGORIES, CHANNELS, LIFE_EVENTS, SERVICE_KINDS } from '../src/modules/standards/index.js';

type Category = (typeof CATEGORIES)[number];
type LifeEvent = (typeof LIFE_EVENTS)[number];
type Audience = (typeof AUDIENCES)[number];
type Channels = (typeof CHANNELS)[number];
type ServiceKind = (typeof SERVICE_KINDS)[number];

export interface ServiceTraits {
  category?: Category;
  kind?: ServiceKind;
  lifeEvents?: LifeEvent[];
  audiences?: Audience[];
  channels?: Channels;
}

/** Name, extra search words (may be empty), and what differs from the agency's defaults. */
export type VocabularyService = readonly [name: string, keywords: string, traits?: ServiceTraits];

export interface AgencyType {
  /** Prefix of the agency code (code = prefix + '-' + the regency code's digits) and of service codes. */
  code: string;
  /** Followed by the regency's name: "Dinas Sosial Kabupaten Sleman". */
  agencyName: string;
  agencyKind: 'ministry' | 'regency_government' | 'provincial_government' | 'bumd' | 'other';
  unitCode: string;
  unitName: string;
  boothName: string;
  /** The last sentence of every summary of this agency's services. */
  blurb: string;
  defaults: Required<Omit<ServiceTraits, 'lifeEvents'>> & { lifeEvents: LifeEvent[] };
  services: readonly VocabularyService[];
}

export const AGENCY_TYPES: readonly AgencyType[] = [
  {
    code: 'DUKCAPIL',
    agencyName: 'Dinas Kependudukan dan Pencatatan Sipil',
    agencyKind: 'regency_government',
    unitCode: 'PELAYANAN',
    unitName: 'Bidang Pelayanan Pendaftaran Penduduk dan Pencatatan Sipil',
    boothName: 'Gerai Disdukcapil',
    blurb: 'Permohonan diajukan di kantor dinas, di gerai Mal Pelayanan Publik, atau daring; dokumen terbit dalam bentuk elektronik.',
    defaults: { category: 'civil_registration', kind: 'non_licensing', lifeEvents: [], audiences: ['citizen'], channels: 'both' },
    services: [
      ['Penerbitan Akta Kelahiran', 'akte lahir, akta lahir', { lifeEvents: ['birth'] }],
      ['Perekaman dan Pencetakan KTP Elektronik', 'e-ktp, ktp-el, kartu tanda penduduk', { channels: 'counter' }],
      ['Penerbitan Kartu Keluarga', 'kk, kartu keluarga baru', { lifeEvents: ['marriage', 'birth', 'moving_house'] }],
      ['Penerbitan Akta Kematian', 'akte kematian, surat kematian', { lifeEvents: ['death'] }],
      ['Penerbitan Akta Perkawinan', 'akte nikah, akta nikah non muslim', { lifeEvents: ['marriage'] }],
      ['Penerbitan Kartu Identitas Anak', 'kia', { lifeEvents: ['birth'] }],
      ['Penerbitan Surat Keterangan Pindah', 'skpwni, pindah domisili', { lifeEvents: ['moving_house'] }],
      ['Pencatatan Pindah Datang Penduduk', 'pindah datang', { lifeEvents: ['moving_house'] }],
      ['Penerbitan Akta Perceraian', 'akte cerai', { lifeEvents: ['divorce'] }],
      ['Penggantian KTP Elektronik Rusak atau Hilang', 'e-ktp hilang, ktp-el rusak', { channels: 'counter' }],
      ['Perubahan Data Kartu Keluarga', 'kk, ubah data', { lifeEvents: ['marriage', 'birth'] }],
      ['Legalisasi Dokumen Kependudukan', 'legalisir akta, legalisir kk', {}],
      ['Pembetulan Akta Pencatatan Sipil', 'salah nama akta, perbaikan akta', {}],
      ['Pencatatan Perubahan Nama', 'ganti nama', {}],
      ['Aktivasi Identitas Kependudukan Digital', 'ikd, ktp digital', { channels: 'online' }],
      ['Penerbitan Kutipan Kedua Akta Kelahiran', 'akte lahir hilang', { lifeEvents: ['birth'] }],
      ['Pencatatan Pengangkatan Anak', 'adopsi anak', { lifeEvents: ['birth'] }],
      ['Penerbitan Surat Keterangan Tempat Tinggal Orang Asing', 'sktt, wna', {}],
    ],
  },
  {
    code: 'DPMPTSP',
    agencyName: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    agencyKind: 'regency_government',
    unitCode: 'PERIZINAN',
    unitName: 'Bidang Pelayanan Perizinan dan Nonperizinan',
    boothName: 'Gerai Perizinan',
    blurb: 'Diajukan melalui OSS atau di loket perizinan; izin terbit dengan tanda tangan elektronik.',
    defaults: { category: 'licensing', kind: 'licensing', lifeEvents: ['running_business'], audiences: ['business'], channels: 'online' },
    services: [
      [
        'Persetujuan Bangunan Gedung',
        'pbg, imb, izin mendirikan bangunan',
        { lifeEvents: ['owning_property'], audiences: ['citizen', 'business'], channels: 'both' },
      ],
      ['Nomor Induk Berusaha', 'nib, oss', { lifeEvents: ['starting_business'] }],
      ['Izin Praktik Dokter', 'sip dokter, surat izin praktik', { audiences: ['citizen'], lifeEvents: ['work'] }],
      ['Izin Praktik Bidan', 'sipb', { audiences: ['citizen'], lifeEvents: ['work'] }],
      ['Izin Apotek', 'sia, surat izin apotek', {}],
      ['Izin Penyelenggaraan Reklame', 'papan iklan, baliho, spanduk', {}],
      ['Sertifikat Laik Fungsi Bangunan Gedung', 'slf', { lifeEvents: ['owning_property'] }],
      ['Izin Usaha Mikro dan Kecil', 'iumk, umkm', { lifeEvents: ['starting_business'], audiences: ['citizen', 'business'] }],
      ['Izin Praktik Perawat', 'sipp', { audiences: ['citizen'], lifeEvents: ['work'] }],
      ['Izin Operasional Klinik', 'klinik pratama', {}],
      ['Tanda Daftar Usaha Pariwisata', 'tdup, homestay, villa', {}],
      ['Izin Toko Obat', 'toko obat berizin', {}],
      ['Izin Usaha Toko Swalayan', 'minimarket, iuts', {}],
      ['Persetujuan Kesesuaian Kegiatan Pemanfaatan Ruang', 'pkkpr, kkpr, tata ruang', { lifeEvents: ['owning_property'] }],
      [
        'Izin Penelitian',
        'surat izin penelitian, riset, skripsi',
        { kind: 'non_licensing', audiences: ['citizen'], lifeEvents: ['education'] },
      ],
      ['Izin Operasional Pendidikan Anak Usia Dini', 'paud, tk', { lifeEvents: ['education'] }],
      ['Izin Usaha Jasa Konstruksi', 'iujk, kontraktor', {}],
      ['Izin Praktik Tenaga Kefarmasian', 'sipa, sipttk, apoteker', { audiences: ['citizen'], lifeEvents: ['work'] }],
    ],
  },
  {
    code: 'DINKES',
    agencyName: 'Dinas Kesehatan',
    agencyKind: 'regency_government',
    unitCode: 'YANKES',
    unitName: 'Bidang Pelayanan dan Sumber Daya Kesehatan',
    boothName: 'Gerai Dinas Kesehatan',
    blurb: 'Dilayani di kantor dinas dan di puskesmas yang ditunjuk; bawa identitas asli.',
    defaults: { category: 'other', kind: 'non_licensing', lifeEvents: ['health'], audiences: ['citizen'], channels: 'counter' },
    services: [
      ['Surat Keterangan Sehat', 'surat sehat, keterangan dokter', { lifeEvents: ['health', 'work'] }],
      [
        'Sertifikat Produksi Pangan Industri Rumah Tangga',
        'sppirt, pirt, izin makanan rumahan',
        { category: 'licensing', kind: 'licensing', audiences: ['business'], lifeEvents: ['starting_business'] },
      ],
      [
        'Sertifikat Laik Higiene Sanitasi',
        'slhs, rumah makan, jasa boga',
        { category: 'licensing', kind: 'licensing', audiences: ['business'] },
      ],
      ['Vaksinasi Calon Jemaah Haji dan Umrah', 'vaksin meningitis, icv', { lifeEvents: ['travel', 'health'] }],
      ['Rekomendasi Izin Praktik Tenaga Kesehatan', 'rekomendasi str, rekomendasi sip', { lifeEvents: ['work'] }],
      ['Surat Keterangan Bebas Narkoba', 'tes urine, bebas narkoba', {}],
      ['Pelayanan Imunisasi Anak', 'imunisasi dasar, posyandu', { lifeEvents: ['birth', 'health'] }],
      ['Pemeriksaan Kesehatan Calon Pengantin', 'catin, tes kesehatan pranikah', { lifeEvents: ['marriage', 'health'] }],
      [
        'Pendaftaran Penerima Bantuan Iuran Jaminan Kesehatan Daerah',
        'jamkesda, pbi, bpjs gratis',
        { category: 'health_insurance', lifeEvents: ['health', 'social_assistance'] },
      ],
      ['Pengujian Kualitas Air Minum', 'labkesda, uji air', { audiences: ['citizen', 'business'] }],
      ['Pelayanan Ambulans Gawat Darurat', '119, ambulance, psc', { channels: 'both' }],
      ['Rujukan Pasien ke Rumah Sakit Daerah', 'rujukan rsud', {}],
      ['Izin Penyelenggaraan Optik', 'optik, kacamata', { category: 'licensing', kind: 'licensing', audiences: ['business'] }],
      ['Pengaduan Pelayanan Puskesmas', 'keluhan puskesmas', { category: 'consultation', channels: 'both' }],
      ['Penyuluhan Keamanan Pangan', 'sertifikat penyuluhan pangan', { audiences: ['business'] }],
      ['Konseling Kesehatan Jiwa', 'psikolog puskesmas, kesehatan mental', { category: 'consultation' }],
    ],
  },
  {
    code: 'DISHUB',
    agencyName: 'Dinas Perhubungan',
    agencyKind: 'regency_government',
    unitCode: 'LLAJ',
    unitName: 'Bidang Lalu Lintas dan Angkutan Jalan',
    boothName: 'Gerai Dinas Perhubungan',
    blurb: 'Dilayani di kantor dinas atau unit pengujian kendaraan; tarif sesuai peraturan daerah tentang retribusi.',
    defaults: {
      category: 'transport',
      kind: 'non_licensing',
      lifeEvents: ['owning_vehicle'],
      audiences: ['business'],
      channels: 'counter',
    },
    services: [
      ['Pengujian Berkala Kendaraan Bermotor', 'uji kir, kir, uji berkala', { audiences: ['citizen', 'business'] }],
      ['Izin Trayek Angkutan Umum', 'trayek angkot, izin trayek', { kind: 'licensing' }],
      ['Izin Penyelenggaraan Parkir', 'parkir, lahan parkir', { kind: 'licensing', lifeEvents: ['running_business'] }],
      ['Analisis Dampak Lalu Lintas', 'andalalin', { kind: 'licensing', lifeEvents: ['owning_property', 'running_business'] }],
      ['Penerbitan Kartu Pengawasan Angkutan', 'kartu pengawasan, kp angkutan', { kind: 'licensing' }],
      ['Izin Insidentil Angkutan', 'bus pariwisata, izin insidentil', { kind: 'licensing' }],
      [
        'Rekomendasi Penutupan Jalan untuk Kegiatan',
        'tutup jalan, hajatan, izin keramaian jalan',
        { audiences: ['citizen'], lifeEvents: [] },
      ],
      ['Izin Angkutan Sewa Khusus', 'taksi online, angkutan online', { kind: 'licensing' }],
      ['Penerbitan Buku Uji Kendaraan', 'buku kir, kartu uji, smart card kir', { audiences: ['citizen', 'business'] }],
      [
        'Pengaduan Fasilitas Lalu Lintas',
        'lampu lalu lintas rusak, rambu, marka',
        { category: 'consultation', audiences: ['citizen'], channels: 'both', lifeEvents: [] },
      ],
      ['Izin Usaha Bengkel Umum Kendaraan Bermotor', 'bengkel', { kind: 'licensing', lifeEvents: ['starting_business'] }],
      ['Rekomendasi Izin Usaha Angkutan Barang', 'truk, angkutan barang', { kind: 'licensing' }],
      [
        'Pemasangan Rambu dan Marka Jalan atas Permohonan Warga',
        'cermin tikungan, polisi tidur, rambu',
        { audiences: ['citizen'], lifeEvents: [] },
      ],
      ['Izin Penggunaan Ruang Terminal', 'terminal, kios terminal', { kind: 'licensing' }],
    ],
  },
  {
    code: 'DINSOS',
    agencyName: 'Dinas Sosial',
    agencyKind: 'regency_government',
    unitCode: 'LINJAMSOS',
    unitName: 'Bidang Perlindungan dan Jaminan Sosial',
    boothName: 'Gerai Dinas Sosial',
    blurb: 'Diajukan melalui desa atau kelurahan, atau langsung di kantor dinas; tidak dipungut biaya.',
    defaults: { category: 'social', kind: 'non_licensing', lifeEvents: ['social_assistance'], audiences: ['citizen'], channels: 'counter' },
    services: [
      ['Pendaftaran Data Terpadu Kesejahteraan Sosial', 'dtks, dtsen, warga miskin, bansos', {}],
      ['Surat Keterangan Tidak Mampu', 'sktm, keterangan miskin', {}],
      ['Rekomendasi Penerima Program Keluarga Harapan', 'pkh, bansos', {}],
      ['Penerbitan Kartu Penyandang Disabilitas', 'kartu disabilitas, difabel', {}],
      ['Rekomendasi Pengangkatan Anak', 'adopsi', { lifeEvents: ['birth'] }],
      ['Bantuan Sosial Korban Bencana', 'banjir, kebakaran rumah, bansos bencana', {}],
      ['Rekomendasi Bantuan Pendidikan Anak Tidak Mampu', 'bantuan sekolah', { lifeEvents: ['education', 'social_assistance'] }],
      ['Rehabilitasi Sosial Penyandang Disabilitas', 'rehabilitasi, alat bantu', {}],
      ['Pemulangan Orang Terlantar', 'terlantar, ongkos pulang', { lifeEvents: ['travel'] }],
      [
        'Izin Pengumpulan Uang atau Barang',
        'sumbangan, donasi, pub',
        { category: 'licensing', kind: 'licensing', audiences: ['business', 'citizen'], lifeEvents: [] },
      ],
      [
        'Rekomendasi Bantuan Iuran Jaminan Kesehatan',
        'pbi jk, bpjs pbi, kis',
        { category: 'health_insurance', lifeEvents: ['health', 'social_assistance'] },
      ],
      ['Pendaftaran Lembaga Kesejahteraan Sosial', 'lks, panti asuhan, yayasan', { audiences: ['business'], lifeEvents: [] }],
      ['Santunan Kematian Warga Tidak Mampu', 'santunan duka', { lifeEvents: ['death', 'social_assistance'] }],
      ['Penyaluran Bantuan Pangan', 'bpnt, sembako', {}],
      ['Pengaduan Bantuan Sosial', 'bansos tidak tepat sasaran', { category: 'consultation', channels: 'both' }],
    ],
  },
  {
    code: 'BAPENDA',
    agencyName: 'Badan Pendapatan Daerah',
    agencyKind: 'regency_government',
    unitCode: 'PAJAK',
    unitName: 'Bidang Pelayanan dan Penetapan Pajak Daerah',
    boothName: 'Gerai Pajak Daerah',
    blurb: 'Dibayar atau dilaporkan secara daring, di bank daerah, atau di loket pajak daerah.',
    defaults: {
      category: 'tax_and_levies',
      kind: 'non_licensing',
      lifeEvents: ['running_business'],
      audiences: ['business'],
      channels: 'both',
    },
    services: [
      [
        'Pembayaran Pajak Bumi dan Bangunan',
        'pbb, pbb-p2, bayar pbb',
        { lifeEvents: ['owning_property'], audiences: ['citizen', 'business'], channels: 'online' },
      ],
      [
        'Penerbitan Surat Pemberitahuan Pajak Terutang PBB',
        'sppt pbb, sppt hilang',
        { lifeEvents: ['owning_property'], audiences: ['citizen', 'business'] },
      ],
      [
        'Pelaporan Bea Perolehan Hak atas Tanah dan Bangunan',
        'bphtb, pajak jual beli tanah',
        { lifeEvents: ['owning_property'], audiences: ['citizen', 'business'] },
      ],
      ['Pendaftaran Nomor Pokok Wajib Pajak Daerah', 'npwpd', { lifeEvents: ['starting_business'] }],
      ['Pelaporan Pajak Hotel', 'pajak perhotelan, pbjt', {}],
      ['Pelaporan Pajak Restoran', 'pbjt makanan minuman, pajak rumah makan', {}],
      ['Pelaporan Pajak Reklame', 'pajak baliho', {}],
      ['Pengurangan Pajak Bumi dan Bangunan', 'keringanan pbb, diskon pbb', { lifeEvents: ['owning_property'], audiences: ['citizen'] }],
      [
        'Mutasi Objek Pajak Bumi dan Bangunan',
        'balik nama pbb, pecah sppt',
        { lifeEvents: ['owning_property'], audiences: ['citizen', 'business'] },
      ],
      ['Keberatan Pajak Daerah', 'banding pajak, keberatan ketetapan', {}],
      ['Penerbitan Surat Keterangan Lunas Pajak Daerah', 'fiskal daerah, bebas tunggakan', {}],
      ['Pelaporan Pajak Air Tanah', 'sumur bor', {}],
      ['Pelaporan Pajak Parkir', 'pbjt parkir', {}],
      ['Pelaporan Pajak Hiburan', 'pbjt kesenian hiburan, karaoke', {}],
      [
        'Pembayaran Retribusi Persampahan',
        'iuran sampah',
        { category: 'utilities', audiences: ['citizen', 'business'], lifeEvents: ['owning_property'] },
      ],
    ],
  },
  {
    code: 'DISNAKER',
    agencyName: 'Dinas Tenaga Kerja',
    agencyKind: 'regency_government',
    unitCode: 'PENEMPATAN',
    unitName: 'Bidang Penempatan dan Hubungan Industrial',
    boothName: 'Gerai Ketenagakerjaan',
    blurb: 'Dilayani di kantor dinas dan melalui SIAPkerja; tidak dipungut biaya.',
    defaults: { category: 'other', kind: 'non_licensing', lifeEvents: ['work'], audiences: ['citizen'], channels: 'both' },
    services: [
      ['Penerbitan Kartu Pencari Kerja', 'kartu kuning, ak1, ak/i', {}],
      ['Pelatihan Kerja di Balai Latihan Kerja', 'blk, pelatihan gratis', {}],
      ['Pencatatan Perjanjian Kerja Bersama', 'pkb', { audiences: ['business'] }],
      ['Pengesahan Peraturan Perusahaan', 'peraturan perusahaan', { audiences: ['business'] }],
      [
        'Mediasi Perselisihan Hubungan Industrial',
        'sengketa kerja, phk, pesangon',
        { category: 'consultation', audiences: ['citizen', 'business'] },
      ],
      ['Wajib Lapor Ketenagakerjaan Perusahaan', 'wlkp', { audiences: ['business'], channels: 'online' }],
      ['Rekomendasi Paspor Calon Pekerja Migran', 'pmi, tki, kerja luar negeri', { lifeEvents: ['work', 'travel'] }],
      ['Pencatatan Serikat Pekerja', 'serikat buruh', {}],
      [
        'Perpanjangan Izin Mempekerjakan Tenaga Kerja Asing',
        'imta, rptka, tka',
        { category: 'licensing', kind: 'licensing', audiences: ['business'] },
      ],
      ['Pendaftaran Lowongan Kerja', 'loker, bursa kerja', { audiences: ['business'] }],
      ['Izin Lembaga Pelatihan Kerja Swasta', 'lpk', { category: 'licensing', kind: 'licensing', audiences: ['business'] }],
      ['Pemeriksaan Keselamatan dan Kesehatan Kerja', 'k3', { audiences: ['business'] }],
      ['Konsultasi Upah Minimum', 'ump, umk, gaji', { category: 'consultation' }],
      ['Pendaftaran Peserta Magang', 'magang', { lifeEvents: ['work', 'education'] }],
    ],
  },
  {
    code: 'DLH',
    agencyName: 'Dinas Lingkungan Hidup',
    agencyKind: 'regency_government',
    unitCode: 'TALING',
    unitName: 'Bidang Tata Lingkungan dan Pengelolaan Sampah',
    boothName: 'Gerai Lingkungan Hidup',
    blurb: 'Diajukan melalui AMDALNET atau di kantor dinas; petugas dapat meninjau lokasi.',
    defaults: { category: 'licensing', kind: 'licensing', lifeEvents: ['running_business'], audiences: ['business'], channels: 'both' },
    services: [
      ['Persetujuan Lingkungan UKL-UPL', 'ukl upl, amdal, izin lingkungan', {}],
      ['Pernyataan Kesanggupan Pengelolaan Lingkungan Hidup', 'sppl', { lifeEvents: ['starting_business'] }],
      [
        'Pengangkutan Sampah Rumah Tangga',
        'angkut sampah',
        { category: 'utilities', kind: 'non_licensing', audiences: ['citizen'], lifeEvents: ['owning_property'] },
      ],
      ['Persetujuan Teknis Pembuangan Air Limbah', 'ipal, limbah cair', {}],
      [
        'Penyedotan Lumpur Tinja',
        'sedot wc, septic tank',
        { category: 'utilities', kind: 'non_licensing', audiences: ['citizen', 'business'], lifeEvents: ['owning_property'] },
      ],
      [
        'Pengaduan Pencemaran Lingkungan',
        'pencemaran, bau, limbah',
        { category: 'consultation', kind: 'non_licensing', audiences: ['citizen'], lifeEvents: [] },
      ],
      ['Rincian Teknis Penyimpanan Limbah B3', 'limbah b3, tps b3', {}],
      [
        'Uji Emisi Kendaraan Bermotor',
        'emisi gas buang',
        { category: 'transport', kind: 'non_licensing', audiences: ['citizen'], lifeEvents: ['owning_vehicle'] },
      ],
      ['Pendaftaran Bank Sampah', 'bank sampah', { kind: 'non_licensing', audiences: ['citizen'], lifeEvents: [] }],
      ['Izin Penebangan Pohon', 'tebang pohon', { audiences: ['citizen', 'business'], lifeEvents: ['owning_property'] }],
      ['Uji Laboratorium Lingkungan', 'uji kualitas air, uji udara', { kind: 'non_licensing' }],
      [
        'Penyediaan Bibit Tanaman untuk Penghijauan',
        'bibit pohon gratis',
        { category: 'other', kind: 'non_licensing', audiences: ['citizen'], lifeEvents: [] },
      ],
      [
        'Izin Penggunaan Tempat Pemakaman Umum',
        'makam, kuburan, tpu',
        { category: 'utilities', kind: 'non_licensing', audiences: ['citizen'], lifeEvents: ['death'] },
      ],
    ],
  },
  {
    code: 'DISDIK',
    agencyName: 'Dinas Pendidikan',
    agencyKind: 'regency_government',
    unitCode: 'PEMBINAAN',
    unitName: 'Bidang Pembinaan Sekolah',
    boothName: 'Gerai Dinas Pendidikan',
    blurb: 'Dilayani di kantor dinas dan di sekolah; pengumuman resmi dimuat di laman dinas.',
    defaults: { category: 'other', kind: 'non_licensing', lifeEvents: ['education'], audiences: ['citizen'], channels: 'both' },
    services: [
      ['Penerimaan Peserta Didik Baru', 'ppdb, spmb, pendaftaran sekolah, zonasi', { channels: 'online' }],
      ['Legalisasi Ijazah', 'legalisir ijazah', {}],
      ['Surat Keterangan Pengganti Ijazah', 'ijazah hilang, ijazah rusak', {}],
      ['Mutasi Peserta Didik', 'pindah sekolah', { lifeEvents: ['education', 'moving_house'] }],
      [
        'Izin Pendirian Satuan Pendidikan',
        'izin sekolah, pendirian sekolah',
        { category: 'licensing', kind: 'licensing', audiences: ['business'] },
      ],
      ['Penerbitan Nomor Pokok Sekolah Nasional', 'npsn', { audiences: ['business'] }],
      ['Beasiswa Pendidikan Daerah', 'bantuan biaya sekolah, beasiswa', { lifeEvents: ['education', 'social_assistance'] }],
      [
        'Program Indonesia Pintar',
        'pip, kip, kartu indonesia pintar',
        { category: 'social', lifeEvents: ['education', 'social_assistance'] },
      ],
      ['Rekomendasi Pindah Tugas Guru', 'mutasi guru', { audiences: ['government'], lifeEvents: ['work'] }],
      ['Penyetaraan Ijazah Luar Negeri', 'penyetaraan ijazah', {}],
      ['Ujian Pendidikan Kesetaraan Paket A, B dan C', 'paket c, kejar paket', {}],
      ['Izin Lembaga Kursus dan Pelatihan', 'lkp, kursus', { category: 'licensing', kind: 'licensing', audiences: ['business'] }],
      ['Penerbitan Nomor Unik Pendidik dan Tenaga Kependidikan', 'nuptk', { audiences: ['government'], lifeEvents: ['work'] }],
      ['Pengaduan Layanan Pendidikan', 'pungutan sekolah', { category: 'consultation' }],
    ],
  },
  {
    code: 'POLRES',
    agencyName: 'Kepolisian Resor',
    agencyKind: 'other',
    unitCode: 'SPKT',
    unitName: 'Sentra Pelayanan Kepolisian Terpadu',
    boothName: 'Gerai Polres',
    blurb: 'Dilayani di kantor polres, di gerai Mal Pelayanan Publik, atau daring melalui aplikasi Polri.',
    defaults: { category: 'transport', kind: 'non_licensing', lifeEvents: ['owning_vehicle'], audiences: ['citizen'], channels: 'counter' },
    services: [
      ['Penerbitan Surat Izin Mengemudi Baru', 'sim a, sim c, sim baru', {}],
      ['Perpanjangan Surat Izin Mengemudi', 'perpanjang sim', { channels: 'both' }],
      [
        'Penerbitan Surat Keterangan Catatan Kepolisian',
        'skck, surat kelakuan baik',
        { category: 'information', lifeEvents: ['work'], channels: 'both' },
      ],
      ['Izin Keramaian', 'izin acara, konser, hajatan', { category: 'licensing', kind: 'licensing', lifeEvents: [] }],
      ['Laporan Kehilangan Barang atau Dokumen', 'surat kehilangan, hilang dompet', { category: 'information', lifeEvents: [] }],
      ['Penggantian Surat Izin Mengemudi Hilang atau Rusak', 'sim hilang', {}],
      ['Pelaporan Kecelakaan Lalu Lintas', 'laka lantas', {}],
      ['Penerbitan Surat Izin Mengemudi Internasional', 'sim internasional', { lifeEvents: ['owning_vehicle', 'travel'] }],
      ['Permohonan Pengawalan Lalu Lintas', 'pengawalan, voorijder', { lifeEvents: [] }],
      ['Pengaduan Masyarakat', 'dumas, lapor polisi', { category: 'consultation', lifeEvents: [], channels: 'both' }],
      ['Tes Psikologi Calon Pengemudi', 'psikotes sim', {}],
      ['Surat Keterangan Lapor Diri', 'lapor diri, wna', { category: 'information', lifeEvents: ['travel'] }],
    ],
  },
  {
    code: 'SAMSAT',
    agencyName: 'Kantor Bersama Samsat',
    agencyKind: 'provincial_government',
    unitCode: 'UPT-SAMSAT',
    unitName: 'Unit Pelaksana Teknis Pendapatan Daerah',
    boothName: 'Gerai Samsat',
    blurb: 'Dilayani di kantor Samsat, Samsat keliling, gerai Mal Pelayanan Publik, atau daring melalui SIGNAL.',
    defaults: {
      category: 'tax_and_levies',
      kind: 'non_licensing',
      lifeEvents: ['owning_vehicle'],
      audiences: ['citizen', 'business'],
      channels: 'counter',
    },
    services: [
      ['Pembayaran Pajak Kendaraan Bermotor Tahunan', 'pkb, stnk tahunan, pajak motor, pajak mobil', { channels: 'both' }],
      ['Perpanjangan STNK Lima Tahunan', 'ganti plat, tnkb, stnk 5 tahun, surat tanda nomor kendaraan', {}],
      ['Balik Nama Kendaraan Bermotor', 'bbnkb, bbn, ganti nama stnk', {}],
      ['Mutasi Kendaraan Keluar Daerah', 'cabut berkas, mutasi keluar', { lifeEvents: ['owning_vehicle', 'moving_house'] }],
      ['Pendaftaran Kendaraan Bermotor Baru', 'kendaraan baru, stnk baru', {}],
      ['Penggantian STNK Hilang', 'stnk hilang', {}],
      ['Pemblokiran Kendaraan yang Sudah Dijual', 'blokir stnk, lapor jual', { channels: 'both' }],
      ['Pengesahan STNK Tahunan', 'pengesahan stnk', {}],
      ['Penerbitan Buku Pemilik Kendaraan Bermotor', 'bpkb', {}],
      ['Informasi Tunggakan Pajak Kendaraan', 'cek pajak kendaraan', { category: 'information', channels: 'online' }],
      ['Penghapusan Denda Pajak Kendaraan', 'pemutihan pajak kendaraan', {}],
      ['Pembayaran Sumbangan Wajib Dana Kecelakaan Lalu Lintas', 'swdkllj, jasa raharja', {}],
    ],
  },
  {
    code: 'PDAM',
    agencyName: 'Perumda Air Minum',
    agencyKind: 'bumd',
    unitCode: 'HUBLANG',
    unitName: 'Bagian Hubungan Langganan',
    boothName: 'Gerai Perumda Air Minum',
    blurb: 'Diajukan di kantor pelayanan, melalui aplikasi pelanggan, atau pusat panggilan.',
    defaults: {
      category: 'utilities',
      kind: 'non_licensing',
      lifeEvents: ['owning_property'],
      audiences: ['citizen', 'business'],
      channels: 'both',
    },
    services: [
      ['Pemasangan Sambungan Baru Air Minum', 'pasang baru pdam, air ledeng', { lifeEvents: ['moving_house', 'owning_property'] }],
      ['Balik Nama Pelanggan Air Minum', 'ganti nama pelanggan', {}],
      ['Pembayaran Tagihan Rekening Air', 'bayar pdam, tagihan air', { channels: 'online' }],
      ['Pengaduan Kebocoran Pipa', 'pipa bocor, air mati', { category: 'consultation' }],
      ['Penutupan Sementara Sambungan Air', 'putus sementara', {}],
      ['Penyambungan Kembali Aliran Air', 'buka segel', {}],
      ['Pemindahan Letak Meter Air', 'pindah meteran', {}],
      ['Penggantian Meter Air Rusak', 'meteran rusak', {}],
      ['Pengiriman Air Tangki', 'air tangki', {}],
      ['Perubahan Golongan Tarif Air', 'tarif air', {}],
      ['Pemeriksaan Kualitas Air Pelanggan', 'air keruh', {}],
      ['Pengaduan Tagihan Air', 'tagihan membengkak', { category: 'consultation' }],
    ],
  },
  {
    code: 'KANTAH',
    agencyName: 'Kantor Pertanahan',
    agencyKind: 'ministry',
    unitCode: 'LOKET',
    unitName: 'Loket Pelayanan Pertanahan',
    boothName: 'Gerai Kantor Pertanahan',
    blurb: 'Diajukan di loket kantor pertanahan atau melalui aplikasi Sentuh Tanahku; biaya sesuai PP tentang PNBP.',
    defaults: {
      category: 'other',
      kind: 'non_licensing',
      lifeEvents: ['owning_property'],
      audiences: ['citizen', 'business'],
      channels: 'counter',
    },
    services: [
      ['Pendaftaran Tanah Pertama Kali', 'sertifikat tanah, sertipikat, ptsl', {}],
      ['Peralihan Hak atas Tanah karena Jual Beli', 'balik nama sertifikat, ajb', {}],
      ['Pengecekan Sertifikat Tanah', 'cek sertipikat', { channels: 'both' }],
      ['Roya Hak Tanggungan', 'roya, hapus hak tanggungan', {}],
      ['Pemecahan Bidang Tanah', 'pecah sertifikat', {}],
      ['Penggabungan Bidang Tanah', 'gabung sertifikat', {}],
      ['Peralihan Hak karena Pewarisan', 'sertifikat waris, turun waris', { lifeEvents: ['owning_property', 'death'] }],
      ['Penggantian Sertifikat Hilang', 'sertipikat hilang', {}],
      ['Pengukuran dan Pemetaan Bidang Tanah', 'ukur tanah', {}],
      ['Pendaftaran Hak Tanggungan Elektronik', 'ht-el, agunan', { channels: 'online', audiences: ['business'] }],
      ['Peningkatan Hak Guna Bangunan menjadi Hak Milik', 'hgb ke shm', {}],
      ['Surat Keterangan Pendaftaran Tanah', 'skpt', {}],
      ['Perpanjangan Hak Guna Bangunan', 'hgb', {}],
      ['Alih Media Sertifikat Elektronik', 'sertifikat elektronik', {}],
    ],
  },
  {
    code: 'KEMENAG',
    agencyName: 'Kantor Kementerian Agama',
    agencyKind: 'ministry',
    unitCode: 'PTSP',
    unitName: 'Pelayanan Terpadu Satu Pintu Kantor Kementerian Agama',
    boothName: 'Gerai Kementerian Agama',
    blurb: 'Dilayani di kantor kementerian agama dan kantor urusan agama kecamatan.',
    defaults: { category: 'other', kind: 'non_licensing', lifeEvents: [], audiences: ['citizen'], channels: 'counter' },
    services: [
      ['Pendaftaran Pencatatan Nikah', 'nikah kua, daftar nikah, akta nikah muslim', { lifeEvents: ['marriage'] }],
      ['Penerbitan Duplikat Buku Nikah', 'buku nikah hilang', { lifeEvents: ['marriage'] }],
      ['Rekomendasi Nikah ke Luar Daerah', 'numpang nikah', { lifeEvents: ['marriage'] }],
      ['Pendaftaran Haji Reguler', 'daftar haji, porsi haji', { lifeEvents: ['travel'] }],
      ['Pendampingan Sertifikasi Halal', 'sertifikat halal, self declare', { audiences: ['business'], lifeEvents: ['running_business'] }],
      ['Legalisasi Buku Nikah', 'legalisir buku nikah', { lifeEvents: ['marriage'] }],
      ['Bimbingan Perkawinan Calon Pengantin', 'bimwin, kursus calon pengantin', { lifeEvents: ['marriage'] }],
      ['Pengukuran Arah Kiblat', 'kiblat', {}],
      [
        'Izin Operasional Madrasah',
        'madrasah, izin pesantren',
        { category: 'licensing', kind: 'licensing', audiences: ['business'], lifeEvents: ['education'] },
      ],
      ['Rekomendasi Pendirian Rumah Ibadah', 'rumah ibadah', {}],
      ['Pembatalan Pendaftaran Haji', 'batal haji, tarik setoran haji', { lifeEvents: ['travel'] }],
      ['Pencatatan Rujuk', 'rujuk', { lifeEvents: ['marriage'] }],
      ['Pendaftaran Wakaf', 'ikrar wakaf, akta ikrar wakaf', { lifeEvents: ['owning_property'] }],
    ],
  },
];

/** Lowercase ASCII words joined by hyphens, as the service slug check requires. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
