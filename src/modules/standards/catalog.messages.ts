import { defineCatalog } from '../../platform/i18n/catalog.js';

/** Texts of the public catalog (search, service pages, print view, PDF), Bahasa Indonesia first. */
export const catalogMessages = defineCatalog('catalog', {
  id: {
    'nav.services': 'Layanan',

    'search.title': 'Cari layanan',
    'search.lead': 'Temukan layanan publik, apa yang perlu dibawa, biaya, lama penyelesaian, dan tempatnya.',
    'search.q': 'Nama layanan atau kata kunci',
    'search.q.hint': 'Contoh: akta kelahiran, KTP, izin usaha',
    'search.submit': 'Cari',
    'search.filters': 'Saring hasil',
    'search.apply': 'Terapkan saringan',
    'search.clear': 'Hapus semua saringan',
    'search.any': 'Semua',
    'search.region': 'Provinsi',
    'search.regency': 'Kabupaten/kota',
    'search.agency': 'Instansi',
    'search.mall': 'Mal Pelayanan Publik',
    'search.category': 'Kategori',
    'search.lifeEvent': 'Peristiwa kehidupan',
    'search.audience': 'Untuk',
    'search.channel': 'Cara mengajukan',
    'search.facetLimit': 'Hanya {n} pilihan pertama yang ditampilkan; pilih provinsi untuk mempersempit.',
    'search.browse.categories': 'Jelajahi menurut kategori',
    'search.browse.lifeEvents': 'Jelajahi menurut peristiwa kehidupan',
    'search.results': 'Hasil',
    'search.count': '{n} layanan ditemukan',
    'search.countOne': '1 layanan ditemukan',
    'search.countMore': 'Lebih dari {n} layanan ditemukan. Persempit dengan saringan atau kata kunci yang lebih khusus.',
    'search.for': 'untuk “{q}”',
    'search.synonyms': 'Termasuk sebutan lain: {words}.',
    'search.none': 'Tidak ada layanan yang cocok.',
    'search.none.tips': 'Periksa ejaan, pakai kata yang lebih umum, atau hapus sebagian saringan.',
    'search.page': 'Halaman {page} dari {pages}',
    'search.pagination': 'Halaman hasil',
    'search.previous': 'Sebelumnya',
    'search.next': 'Berikutnya',
    'search.pageNumber': 'Halaman {page}',
    'result.unit': 'Unit pelayanan',
    'result.time': 'Waktu',
    'result.cost': 'Biaya',
    'result.channel': 'Cara',

    'service.caption': '{unit}, {agency}',
    'service.summary': 'Ringkasan',
    'service.cost': 'Biaya',
    'service.time': 'Waktu penyelesaian',
    'service.channel': 'Cara mengajukan',
    'service.products': 'Hasil layanan',
    'service.unit': 'Unit pelayanan',
    'service.contents': 'Isi halaman',
    'service.checklist': 'Yang perlu dibawa',
    'service.checklist.online': 'Yang perlu disiapkan',
    'service.checklist.lead': 'Centang setiap persyaratan yang sudah Anda siapkan.',
    'service.checklist.mandatory': 'Wajib',
    'service.checklist.optional': 'Jika ada atau bila diminta',
    'service.checklist.upload': 'Untuk pengajuan daring: {types}, paling besar {size}.',
    'service.checklist.data': 'Diisi pada formulir.',
    'service.checklist.presence': 'Anda perlu hadir sendiri.',
    'service.checklist.reusable': 'Dokumen yang pernah Anda unggah dapat dipakai lagi.',
    'service.fee.free': 'Gratis',
    'service.fee.freeLead': 'Layanan ini tidak dipungut biaya.',
    'service.fee.item': 'Rincian',
    'service.fee.amount': 'Jumlah',
    'service.fee.basis': 'Dasar hukum',
    'service.fee.total': 'Jumlah seluruhnya',
    'service.fee.basisOf': 'Dasar hukum: {basis}',
    'service.fee.caption': 'Rincian biaya',
    'service.fee.warning': 'Jangan membayar apa pun di luar rincian ini. Pungutan lain dapat Anda laporkan.',
    'service.time.limit': 'Paling lama {duration}',
    'service.time.pauses': 'Waktu berhenti dihitung selama petugas menunggu kelengkapan dari Anda.',
    'service.where': 'Tempat layanan',
    'service.where.online': 'Layanan ini dapat diajukan secara daring melalui Satupintu.',
    'service.where.onlineOnly': 'Layanan ini hanya diajukan secara daring melalui Satupintu.',
    'service.where.booth': 'Gerai: {booth}',
    'service.where.office': 'Di kantor unit pelayanan di wilayah ini',
    'service.where.unitOffice': 'Kantor {unit}',
    'service.where.hours': 'Jam layanan ({zone})',
    'service.where.noHours': 'Jam layanan belum diumumkan.',
    'service.where.more': 'Lihat semua layanan di {mall}',
    'service.procedure': 'Alur layanan',
    'service.procedure.who': 'Oleh',
    'service.procedure.duration': 'Waktu',
    'service.procedure.output': 'Hasil',
    'service.flowchart': 'Bagan alur layanan',
    'service.complaints': 'Pengaduan, saran, dan masukan',
    'service.complaints.lead': 'Jika layanan tidak sesuai dengan yang tertulis di sini, sampaikan melalui:',
    'service.complaints.response': 'Pengaduan dijawab paling lama {days} hari kerja.',
    'service.legalBasis': 'Dasar hukum',
    'service.management': 'Pengelolaan pelayanan di unit',
    'service.decree': 'Standar pelayanan ini ditetapkan dengan keputusan nomor {number} tanggal {date} oleh {signatory}.',
    'service.effective': 'Berlaku mulai {date}.',
    'service.version': 'Versi {number}, diterbitkan {date}.',
    'service.print': 'Versi cetak',
    'service.pdf': 'Unduh PDF',
    'service.data': 'Data layanan (JSON)',
    'service.notFound.title': 'Layanan tidak ditemukan',
    'service.notFound.body':
      'Alamat ini tidak menunjuk ke layanan yang sedang diterbitkan. Mungkin alamatnya salah ketik atau layanannya sudah tidak tersedia.',
    'service.notFound.search': 'Cari layanan lain',
    'service.breadcrumbs': 'Anda di sini',
    'service.home': 'Beranda',

    'print.title': '{name} (versi cetak)',
    'print.howTo': 'Gunakan menu Cetak di peramban Anda untuk mencetak halaman ini.',
    'print.back': 'Kembali ke halaman layanan',
    'print.qr': 'Pindai kode ini untuk membuka halaman layanan terbaru.',
    'print.qrLabel': 'Kode QR menuju {url}',
    'print.source': 'Dicetak dari {url}',

    'pdf.title': 'Standar pelayanan: {name}',
    'pdf.page': 'Halaman {page}',

    'agency.title': 'Layanan {name}',
    'agency.units': 'Unit pelayanan',
    'agency.servicesOfUnit': '{n} layanan',
    'agency.noUnits': 'Instansi ini belum menerbitkan standar pelayanan.',
    'agency.all': 'Semua layanan instansi ini',
    'unit.title': '{name}',
    'unit.agency': 'Instansi',
    'unit.address': 'Alamat',
    'unit.region': 'Wilayah',
    'unit.booths': 'Gerai di Mal Pelayanan Publik',
    'unit.services': 'Layanan',
    'unit.maklumat': 'Maklumat Pelayanan',
    'unit.maklumat.signed': '{place}, {date}',
    'mall.title': '{name}',
    'mall.lead': 'Mal Pelayanan Publik: banyak layanan di satu tempat.',
    'mall.address': 'Alamat',
    'mall.hours': 'Jam buka ({zone})',
    'mall.booths': 'Gerai dan layanannya',
    'mall.booth.unit': 'Dikelola oleh {unit}',
    'mall.booth.none': 'Belum ada layanan dengan standar terbit di gerai ini.',
    'mall.elsewhere': 'Layanan di kantor unit di wilayah ini',
    'mall.noBooths': 'Belum ada gerai yang terdaftar.',

    'hours.closed': 'Tutup',
    'hours.range': '{from}–{to}',
    'weekday.1': 'Senin',
    'weekday.2': 'Selasa',
    'weekday.3': 'Rabu',
    'weekday.4': 'Kamis',
    'weekday.5': 'Jumat',
    'weekday.6': 'Sabtu',
    'weekday.7': 'Minggu',

    'duration.minutes.one': '{n} menit',
    'duration.minutes.other': '{n} menit',
    'duration.hours.one': '{n} jam',
    'duration.hours.other': '{n} jam',
    'duration.working_days.one': '{n} hari kerja',
    'duration.working_days.other': '{n} hari kerja',
    'duration.calendar_days.one': '{n} hari kalender',
    'duration.calendar_days.other': '{n} hari kalender',

    'channel.online': 'Daring',
    'channel.counter': 'Datang ke loket',
    'channel.both': 'Daring atau datang ke loket',
    'channelFilter.online': 'Bisa daring',
    'channelFilter.counter': 'Bisa di loket',

    'actor.citizen': 'Pemohon',
    'actor.counter_officer': 'Petugas loket',
    'actor.processor': 'Petugas pemroses',
    'actor.head_of_unit': 'Kepala unit',
    'actor.system': 'Sistem',

    'complaint.in_app': 'Satupintu',
    'complaint.email': 'Surel',
    'complaint.phone': 'Telepon',
    'complaint.whatsapp': 'WhatsApp',
    'complaint.box': 'Kotak pengaduan',
    'complaint.lapor': 'SP4N-LAPOR!',
    'complaint.in_person': 'Datang langsung',

    'audience.citizen': 'Perorangan',
    'audience.business': 'Pelaku usaha',
    'audience.government': 'Instansi pemerintah',

    'category.civil_registration': 'Kependudukan dan pencatatan sipil',
    'category.licensing': 'Perizinan',
    'category.transport': 'Perhubungan',
    'category.tax_and_levies': 'Pajak dan retribusi',
    'category.health_insurance': 'Jaminan kesehatan',
    'category.utilities': 'Air, listrik, dan utilitas',
    'category.banking': 'Perbankan',
    'category.social': 'Sosial',
    'category.consultation': 'Konsultasi',
    'category.information': 'Informasi',
    'category.coordination': 'Koordinasi',
    'category.other': 'Lainnya',

    'lifeEvent.birth': 'Kelahiran',
    'lifeEvent.death': 'Kematian',
    'lifeEvent.marriage': 'Pernikahan',
    'lifeEvent.divorce': 'Perceraian',
    'lifeEvent.moving_house': 'Pindah rumah',
    'lifeEvent.education': 'Pendidikan',
    'lifeEvent.work': 'Bekerja',
    'lifeEvent.starting_business': 'Memulai usaha',
    'lifeEvent.running_business': 'Menjalankan usaha',
    'lifeEvent.owning_vehicle': 'Memiliki kendaraan',
    'lifeEvent.owning_property': 'Memiliki tanah atau bangunan',
    'lifeEvent.health': 'Kesehatan',
    'lifeEvent.social_assistance': 'Bantuan sosial',
    'lifeEvent.travel': 'Bepergian ke luar negeri',
    'lifeEvent.retirement': 'Pensiun',
    'lifeEvent.public_information': 'Informasi publik',

    'management.facilities': 'Sarana dan prasarana',
    'management.staffCompetence': 'Kompetensi pelaksana',
    'management.internalSupervision': 'Pengawasan internal',
    'management.staffCount': 'Jumlah pelaksana',
    'management.staffCount.value': '{n} orang',
    'management.serviceGuarantee': 'Jaminan pelayanan',
    'management.securityGuarantee': 'Jaminan keamanan dan keselamatan',
    'management.performanceEvaluation': 'Evaluasi kinerja pelaksana',
  },
  en: {
    'nav.services': 'Services',

    'search.title': 'Find a service',
    'search.lead': 'Find a public service, what to bring, what it costs, how long it takes and where to go.',
    'search.q': 'Service name or keyword',
    'search.q.hint': 'For example: akta kelahiran (birth certificate), KTP (ID card), izin usaha (business permit)',
    'search.submit': 'Search',
    'search.filters': 'Filter the results',
    'search.apply': 'Apply filters',
    'search.clear': 'Clear all filters',
    'search.any': 'All',
    'search.region': 'Province',
    'search.regency': 'Regency or city',
    'search.agency': 'Agency',
    'search.mall': 'Public service mall',
    'search.category': 'Category',
    'search.lifeEvent': 'Life event',
    'search.audience': 'For',
    'search.channel': 'How to apply',
    'search.facetLimit': 'Only the first {n} choices are listed; choose a province to narrow them.',
    'search.browse.categories': 'Browse by category',
    'search.browse.lifeEvents': 'Browse by life event',
    'search.results': 'Results',
    'search.count': '{n} services found',
    'search.countOne': '1 service found',
    'search.countMore': 'More than {n} services found. Narrow them with a filter or a more specific keyword.',
    'search.for': 'for “{q}”',
    'search.synonyms': 'Also searched for: {words}.',
    'search.none': 'No service matches.',
    'search.none.tips': 'Check the spelling, use a more general word, or remove some filters.',
    'search.page': 'Page {page} of {pages}',
    'search.pagination': 'Result pages',
    'search.previous': 'Previous',
    'search.next': 'Next',
    'search.pageNumber': 'Page {page}',
    'result.unit': 'Service unit',
    'result.time': 'Time',
    'result.cost': 'Cost',
    'result.channel': 'How',

    'service.caption': '{unit}, {agency}',
    'service.summary': 'Summary',
    'service.cost': 'Cost',
    'service.time': 'Time to complete',
    'service.channel': 'How to apply',
    'service.products': 'What you get',
    'service.unit': 'Service unit',
    'service.contents': 'Contents',
    'service.checklist': 'What to bring',
    'service.checklist.online': 'What to prepare',
    'service.checklist.lead': 'Tick each requirement once you have it ready.',
    'service.checklist.mandatory': 'Required',
    'service.checklist.optional': 'If you have it, or if asked',
    'service.checklist.upload': 'To apply online: {types}, at most {size}.',
    'service.checklist.data': 'Filled in on the form.',
    'service.checklist.presence': 'You need to come in person.',
    'service.checklist.reusable': 'A document you uploaded before can be used again.',
    'service.fee.free': 'Free',
    'service.fee.freeLead': 'There is no charge for this service.',
    'service.fee.item': 'Item',
    'service.fee.amount': 'Amount',
    'service.fee.basis': 'Legal basis',
    'service.fee.total': 'Total',
    'service.fee.basisOf': 'Legal basis: {basis}',
    'service.fee.caption': 'Cost in detail',
    'service.fee.warning': 'Do not pay anything beyond these items. You can report any other charge.',
    'service.time.limit': 'At most {duration}',
    'service.time.pauses': 'The clock stops while the officers wait for something from you.',
    'service.where': 'Where to go',
    'service.where.online': 'You can also apply online through Satupintu.',
    'service.where.onlineOnly': 'This service is applied for online only, through Satupintu.',
    'service.where.booth': 'Booth: {booth}',
    'service.where.office': 'At the service unit’s own office in this area',
    'service.where.unitOffice': '{unit} office',
    'service.where.hours': 'Opening hours ({zone})',
    'service.where.noHours': 'Opening hours have not been published yet.',
    'service.where.more': 'See every service at {mall}',
    'service.procedure': 'Steps',
    'service.procedure.who': 'By',
    'service.procedure.duration': 'Time',
    'service.procedure.output': 'Result',
    'service.flowchart': 'Flowchart of the steps',
    'service.complaints': 'Complaints, suggestions and feedback',
    'service.complaints.lead': 'If the service is not as described here, tell the unit through:',
    'service.complaints.response': 'Complaints are answered within {days} working days.',
    'service.legalBasis': 'Legal basis',
    'service.management': 'How the unit manages the service',
    'service.decree': 'This service standard was adopted by decree number {number} of {date}, signed by {signatory}.',
    'service.effective': 'In force from {date}.',
    'service.version': 'Version {number}, published {date}.',
    'service.print': 'Printable version',
    'service.pdf': 'Download PDF',
    'service.data': 'Service data (JSON)',
    'service.notFound.title': 'Service not found',
    'service.notFound.body': 'This address does not lead to a published service. It may be mistyped, or the service is no longer offered.',
    'service.notFound.search': 'Find another service',
    'service.breadcrumbs': 'You are here',
    'service.home': 'Home',

    'print.title': '{name} (printable version)',
    'print.howTo': 'Use your browser’s Print menu to print this page.',
    'print.back': 'Back to the service page',
    'print.qr': 'Scan this code to open the latest version of the service page.',
    'print.qrLabel': 'QR code linking to {url}',
    'print.source': 'Printed from {url}',

    'pdf.title': 'Service standard: {name}',
    'pdf.page': 'Page {page}',

    'agency.title': 'Services of {name}',
    'agency.units': 'Service units',
    'agency.servicesOfUnit': '{n} services',
    'agency.noUnits': 'This agency has not published a service standard yet.',
    'agency.all': 'All services of this agency',
    'unit.title': '{name}',
    'unit.agency': 'Agency',
    'unit.address': 'Address',
    'unit.region': 'Region',
    'unit.booths': 'Booths in public service malls',
    'unit.services': 'Services',
    'unit.maklumat': 'Service pledge (Maklumat Pelayanan)',
    'unit.maklumat.signed': '{place}, {date}',
    'mall.title': '{name}',
    'mall.lead': 'Public service mall: many services in one place.',
    'mall.address': 'Address',
    'mall.hours': 'Opening hours ({zone})',
    'mall.booths': 'Booths and their services',
    'mall.booth.unit': 'Run by {unit}',
    'mall.booth.none': 'No service with a published standard at this booth yet.',
    'mall.elsewhere': 'Services at unit offices in this area',
    'mall.noBooths': 'No booths are registered yet.',

    'hours.closed': 'Closed',
    'hours.range': '{from}–{to}',
    'weekday.1': 'Monday',
    'weekday.2': 'Tuesday',
    'weekday.3': 'Wednesday',
    'weekday.4': 'Thursday',
    'weekday.5': 'Friday',
    'weekday.6': 'Saturday',
    'weekday.7': 'Sunday',

    'duration.minutes.one': '{n} minute',
    'duration.minutes.other': '{n} minutes',
    'duration.hours.one': '{n} hour',
    'duration.hours.other': '{n} hours',
    'duration.working_days.one': '{n} working day',
    'duration.working_days.other': '{n} working days',
    'duration.calendar_days.one': '{n} calendar day',
    'duration.calendar_days.other': '{n} calendar days',

    'channel.online': 'Online',
    'channel.counter': 'At the counter',
    'channel.both': 'Online or at the counter',
    'channelFilter.online': 'Can be done online',
    'channelFilter.counter': 'Can be done at a counter',

    'actor.citizen': 'Applicant',
    'actor.counter_officer': 'Counter officer',
    'actor.processor': 'Processing officer',
    'actor.head_of_unit': 'Head of unit',
    'actor.system': 'System',

    'complaint.in_app': 'Satupintu',
    'complaint.email': 'Email',
    'complaint.phone': 'Telephone',
    'complaint.whatsapp': 'WhatsApp',
    'complaint.box': 'Complaint box',
    'complaint.lapor': 'SP4N-LAPOR!',
    'complaint.in_person': 'In person',

    'audience.citizen': 'Individuals',
    'audience.business': 'Businesses',
    'audience.government': 'Government agencies',

    'category.civil_registration': 'Population and civil registration',
    'category.licensing': 'Permits and licences',
    'category.transport': 'Transport',
    'category.tax_and_levies': 'Taxes and levies',
    'category.health_insurance': 'Health insurance',
    'category.utilities': 'Water, power and utilities',
    'category.banking': 'Banking',
    'category.social': 'Social affairs',
    'category.consultation': 'Advice',
    'category.information': 'Information',
    'category.coordination': 'Coordination',
    'category.other': 'Other',

    'lifeEvent.birth': 'Having a baby',
    'lifeEvent.death': 'A death',
    'lifeEvent.marriage': 'Getting married',
    'lifeEvent.divorce': 'Divorce',
    'lifeEvent.moving_house': 'Moving house',
    'lifeEvent.education': 'Education',
    'lifeEvent.work': 'Working',
    'lifeEvent.starting_business': 'Starting a business',
    'lifeEvent.running_business': 'Running a business',
    'lifeEvent.owning_vehicle': 'Owning a vehicle',
    'lifeEvent.owning_property': 'Owning land or a building',
    'lifeEvent.health': 'Health',
    'lifeEvent.social_assistance': 'Social assistance',
    'lifeEvent.travel': 'Travelling abroad',
    'lifeEvent.retirement': 'Retiring',
    'lifeEvent.public_information': 'Public information',

    'management.facilities': 'Facilities',
    'management.staffCompetence': 'Staff competence',
    'management.internalSupervision': 'Internal supervision',
    'management.staffCount': 'Number of staff',
    'management.staffCount.value': '{n} people',
    'management.serviceGuarantee': 'Service guarantee',
    'management.securityGuarantee': 'Security and safety guarantee',
    'management.performanceEvaluation': 'Staff performance evaluation',
  },
});

export type CatalogKey = (typeof catalogMessages.keys)[number];
/** The full key of a catalog message, checked at compile time. */
export const m = (key: CatalogKey) => `catalog.${key}`;

// ---- plain-language wording shared by the pages, the print view and the PDF ----------------------

type Translate = (fullKey: string, params?: Record<string, string | number>) => string;

export interface DurationLike {
  value: number;
  unit: 'minutes' | 'hours' | 'working_days' | 'calendar_days';
}

/** "3 hari kerja", "1 working day". */
export function durationText(t: Translate, d: DurationLike): string {
  return t(m(`duration.${d.unit}.${d.value === 1 ? 'one' : 'other'}`), { n: d.value });
}

/** ISO 8601 duration for schema.org and CPSV-AP; working days count as days (the calendar is the unit's). */
export function isoDuration(d: DurationLike): string {
  switch (d.unit) {
    case 'minutes':
      return `PT${d.value}M`;
    case 'hours':
      return `PT${d.value}H`;
    case 'working_days':
    case 'calendar_days':
      return `P${d.value}D`;
  }
}

const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
};

/** "PDF, JPG" from MIME types, as a person names them. */
export function fileTypesText(types: readonly string[]): string {
  return types.map((type) => FILE_TYPES[type] ?? (type.split('/')[1] ?? type).toUpperCase()).join(', ');
}

/** "2 MB" or "500 KB". */
export function sizeText(kb: number, locale: 'id' | 'en'): string {
  if (kb < 1024) return `${kb} KB`;
  const mb = Math.round((kb / 1024) * 10) / 10;
  return `${locale === 'id' ? String(mb).replace('.', ',') : mb} MB`;
}

/** 08.00 in Indonesian, 08:00 in English. */
export function clockText(hhmm: string, locale: 'id' | 'en'): string {
  return locale === 'id' ? hhmm.replace(':', '.') : hhmm;
}

/**
 * A week of opening hours as a few lines: consecutive days with the same hours share one line
 * ("Senin–Jumat 08.00–15.00"), and a day without hours is closed.
 */
export function hoursLines(
  t: Translate,
  locale: 'id' | 'en',
  hours: readonly { weekday: number; opensAt: string; closesAt: string }[],
): { days: string; time: string }[] {
  const lines: { from: number; to: number; time: string }[] = [];
  for (let day = 1; day <= 7; day++) {
    const h = hours.find((x) => x.weekday === day);
    const time = h ? t(m('hours.range'), { from: clockText(h.opensAt, locale), to: clockText(h.closesAt, locale) }) : t(m('hours.closed'));
    const last = lines.at(-1);
    if (last && last.time === time && last.to === day - 1) last.to = day;
    else lines.push({ from: day, to: day, time });
  }
  const day = (n: number) => t(m(`weekday.${n}` as CatalogKey));
  return lines.map((l) => ({ days: l.from === l.to ? day(l.from) : `${day(l.from)}–${day(l.to)}`, time: l.time }));
}

/** Where a complaint channel's contact can be opened directly (mail, phone, WhatsApp, a web address). */
export function complaintHref(kind: string, contact: string): string | undefined {
  const text = contact.trim();
  if (kind === 'email' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return `mailto:${text}`;
  const digits = text.replace(/[^\d+]/g, '');
  if (kind === 'phone' && /^\+?\d{5,15}$/.test(digits)) return `tel:${digits}`;
  if (kind === 'whatsapp' && /^\+?\d{8,15}$/.test(digits)) return `https://wa.me/${digits.replace(/^\+/, '').replace(/^0/, '62')}`;
  if (/^https:\/\/[^\s<>"]+$/.test(text)) return text;
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s<>"]*)?$/i.test(text) && !text.includes('@')) return `https://${text}`;
  return undefined;
}
