import { defineCatalog } from '../../platform/i18n/catalog.js';

/**
 * Texts of the service pledge (Maklumat Pelayanan): staff pages, the public poster, and its errors.
 *
 * A namespace is defined once (`defineCatalog` refuses a second call), and `standards` belongs to the
 * standards lifecycle. The pledge's texts therefore live under their own namespace `standards.maklumat`,
 * and its error texts under `standards.error` (where `errorKey()` looks for any `STANDARDS_*` code), with
 * keys that only the `STANDARDS_MAKLUMAT_*` codes use.
 */
export const maklumatMessages = defineCatalog('standards.maklumat', {
  id: {
    nav: 'Maklumat Pelayanan',

    'list.title': 'Maklumat Pelayanan',
    'list.lead':
      'Setiap unit pelayanan wajib memiliki Maklumat Pelayanan: janji kepada masyarakat untuk melayani sesuai standar, ditandatangani kepala unit dan diumumkan di tempat layanan serta secara daring.',
    'list.search': 'Cari unit pelayanan',
    'list.q': 'Nama unit atau instansi',
    'list.submit': 'Cari',
    'list.count': '{count} unit pelayanan',
    'list.unit': 'Unit pelayanan',
    'list.agency': 'Instansi',
    'list.status': 'Maklumat',
    'list.actions': 'Tindakan',
    'list.open': 'Kelola',
    'list.pages': 'Halaman daftar',
    'list.previous': 'Sebelumnya',
    'list.next': 'Berikutnya',

    'status.published': 'Terbit',
    'status.draft': 'Draf',
    'status.superseded': 'Diganti',
    'status.none': 'Belum ada',
    'status.publishedOn': 'sejak {date}',
    'status.draftWaiting': 'ada draf',

    'unit.title': 'Maklumat Pelayanan {unit}',
    'unit.current': 'Maklumat yang berlaku',
    'unit.noneYet': 'Unit ini belum menerbitkan Maklumat Pelayanan.',
    'unit.draft': 'Draf',
    'unit.draftLead': 'Draf ini belum tampil untuk masyarakat sampai diterbitkan.',
    'unit.new': 'Susun maklumat baru',
    'unit.continue': 'Lanjutkan draf',
    'unit.preview': 'Pratinjau dan terbitkan',
    'unit.public': 'Lihat di halaman publik unit',
    'unit.history': 'Riwayat',
    'unit.history.created': 'Dibuat',
    'unit.history.signedAt': 'Ditandatangani',
    'unit.history.publishedAt': 'Terbit',
    'unit.history.supersededAt': 'Diganti',
    'unit.history.view': 'Lihat',
    'back.list': 'Kembali ke daftar unit',
    'back.unit': 'Kembali ke maklumat unit',

    'form.new': 'Susun Maklumat Pelayanan',
    'form.edit': 'Ubah draf Maklumat Pelayanan',
    'form.lead':
      'Isian sudah memuat rumusan baku Maklumat Pelayanan. Sesuaikan dengan unit Anda; ketiga janji wajib ada. Draf belum tampil untuk masyarakat sampai diterbitkan.',
    'form.promises': 'Tiga janji yang wajib dimuat',
    'form.signatory': 'Penandatanganan oleh kepala unit',
    'form.save': 'Simpan draf',
    'field.opening': 'Pembukaan',
    'field.opening.hint': 'Kalimat sebelum daftar janji.',
    'field.promiseStandard': 'Janji 1: menyelenggarakan pelayanan sesuai standar pelayanan',
    'field.promiseObligation': 'Janji 2: melayani sesuai kewajiban dan melakukan perbaikan terus-menerus',
    'field.promiseSanction': 'Janji 3: bersedia menerima sanksi dan/atau memberikan kompensasi',
    'field.closing': 'Penutup',
    'field.closing.hint': 'Kalimat setelah daftar janji, bila ada.',
    'field.signatoryName': 'Nama kepala unit',
    'field.signatoryName.hint': 'Lengkap dengan gelar, seperti pada tanda tangan.',
    'field.signatoryTitle': 'Jabatan',
    'field.signedAt': 'Tanggal penandatanganan',
    'field.signedAt.hint': 'Tahun-bulan-tanggal, misalnya 2026-11-22.',
    'field.place': 'Tempat penandatanganan',
    'field.place.hint': 'Kota tempat maklumat ditandatangani, misalnya Mangupura.',

    'preview.title': 'Pratinjau Maklumat Pelayanan',
    'preview.lead': 'Begini maklumat tampil di halaman publik unit dan pada poster setelah diterbitkan.',
    'preview.status': 'Status: {status}',
    'preview.edit': 'Ubah draf',
    'preview.publish': 'Terbitkan',

    'publish.title': 'Terbitkan Maklumat Pelayanan {unit}?',
    'publish.body':
      'Setelah terbit, maklumat ini tampil di halaman publik unit dan dapat dicetak sebagai poster. Isinya tidak dapat diubah lagi; perubahan berikutnya dibuat sebagai draf baru.',
    'publish.replaces': 'Maklumat yang terbit {date} akan diganti dan tetap tersimpan dalam riwayat.',
    'publish.warning': 'Perhatian',
    'publish.confirm': 'Ya, terbitkan',
    'publish.cancel': 'Batal',

    'flash.saved': 'Draf Maklumat Pelayanan {unit} disimpan.',
    'flash.published': 'Maklumat Pelayanan {unit} diterbitkan.',

    'public.posters': 'Cetak untuk dipasang di tempat layanan:',
    'public.posterA4': 'poster A4 (PDF)',
    'public.posterA3': 'poster A3 (PDF)',

    'pledge.heading': 'Maklumat Pelayanan',
    'poster.title': 'MAKLUMAT PELAYANAN',
    'poster.documentTitle': 'Maklumat Pelayanan {unit}',
    'poster.signed': '{place}, {date}',
    'poster.qr': 'Pindai kode ini untuk membuka halaman unit, standar pelayanan, dan cara menyampaikan pengaduan:',
  },
  en: {
    nav: 'Service pledges',

    'list.title': 'Service pledges (Maklumat Pelayanan)',
    'list.lead':
      'Every service unit must have a service pledge: a promise to the public to serve to the standard, signed by the head of the unit and published at the service location and online.',
    'list.search': 'Search service units',
    'list.q': 'Unit or agency name',
    'list.submit': 'Search',
    'list.count': '{count} service units',
    'list.unit': 'Service unit',
    'list.agency': 'Agency',
    'list.status': 'Pledge',
    'list.actions': 'Actions',
    'list.open': 'Manage',
    'list.pages': 'List pages',
    'list.previous': 'Previous',
    'list.next': 'Next',

    'status.published': 'Published',
    'status.draft': 'Draft',
    'status.superseded': 'Superseded',
    'status.none': 'None yet',
    'status.publishedOn': 'since {date}',
    'status.draftWaiting': 'draft pending',

    'unit.title': 'Service pledge of {unit}',
    'unit.current': 'The pledge in force',
    'unit.noneYet': 'This unit has not published a service pledge yet.',
    'unit.draft': 'Draft',
    'unit.draftLead': 'The public does not see this draft until it is published.',
    'unit.new': 'Write a new pledge',
    'unit.continue': 'Continue the draft',
    'unit.preview': 'Preview and publish',
    'unit.public': 'See it on the unit’s public page',
    'unit.history': 'History',
    'unit.history.created': 'Created',
    'unit.history.signedAt': 'Signed',
    'unit.history.publishedAt': 'Published',
    'unit.history.supersededAt': 'Superseded',
    'unit.history.view': 'View',
    'back.list': 'Back to the list of units',
    'back.unit': 'Back to the unit’s pledge',

    'form.new': 'Write a service pledge',
    'form.edit': 'Edit the draft service pledge',
    'form.lead':
      'The fields start with the standard wording of a service pledge. Adapt it to your unit; all three promises are required. The public does not see the draft until it is published.',
    'form.promises': 'The three required promises',
    'form.signatory': 'Signed by the head of the unit',
    'form.save': 'Save draft',
    'field.opening': 'Opening',
    'field.opening.hint': 'The sentence before the promises.',
    'field.promiseStandard': 'Promise 1: to deliver the service as the service standard sets it',
    'field.promiseObligation': 'Promise 2: to serve according to its obligations and to keep improving',
    'field.promiseSanction': 'Promise 3: to accept sanctions and/or pay compensation',
    'field.closing': 'Closing',
    'field.closing.hint': 'A sentence after the promises, if any.',
    'field.signatoryName': 'Name of the head of the unit',
    'field.signatoryName.hint': 'With academic titles, as signed.',
    'field.signatoryTitle': 'Position',
    'field.signedAt': 'Date signed',
    'field.signedAt.hint': 'Year-month-day, for example 2026-11-22.',
    'field.place': 'Place signed',
    'field.place.hint': 'The town where the pledge was signed, for example Mangupura.',

    'preview.title': 'Preview of the service pledge',
    'preview.lead': 'This is how the pledge shows on the unit’s public page and on the poster once published.',
    'preview.status': 'Status: {status}',
    'preview.edit': 'Edit the draft',
    'preview.publish': 'Publish',

    'publish.title': 'Publish the service pledge of {unit}?',
    'publish.body':
      'Once published, the pledge shows on the unit’s public page and can be printed as a poster. It can no longer be changed; the next change is made as a new draft.',
    'publish.replaces': 'The pledge published on {date} will be superseded and kept in the history.',
    'publish.warning': 'Warning',
    'publish.confirm': 'Yes, publish',
    'publish.cancel': 'Cancel',

    'flash.saved': 'The draft service pledge of {unit} was saved.',
    'flash.published': 'The service pledge of {unit} was published.',

    'public.posters': 'Print it for the service location:',
    'public.posterA4': 'A4 poster (PDF)',
    'public.posterA3': 'A3 poster (PDF)',

    'pledge.heading': 'Service pledge (Maklumat Pelayanan)',
    'poster.title': 'SERVICE PLEDGE (MAKLUMAT PELAYANAN)',
    'poster.documentTitle': 'Service pledge of {unit}',
    'poster.signed': '{place}, {date}',
    'poster.qr': 'Scan this code to open the unit’s page, its service standards and how to complain:',
  },
});

export type MaklumatKey = (typeof maklumatMessages.keys)[number];
/** The full key of a pledge message, checked at compile time. */
export const mk = (key: MaklumatKey) => `standards.maklumat.${key}`;

defineCatalog('standards.error', {
  id: {
    STANDARDS_MAKLUMAT_NOT_FOUND: 'Maklumat Pelayanan ini tidak ditemukan.',
    STANDARDS_MAKLUMAT_VERSION_CONFLICT:
      'Maklumat ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat isinya sekarang, lalu ulangi perubahan Anda.',
    STANDARDS_MAKLUMAT_NOT_DRAFT:
      'Maklumat ini sudah diterbitkan atau sudah diganti, jadi tidak dapat diubah lagi. Susun draf baru untuk perubahan.',
    STANDARDS_MAKLUMAT_DRAFT_EXISTS: 'Unit ini sudah memiliki draf Maklumat Pelayanan. Lanjutkan draf tersebut.',
    STANDARDS_MAKLUMAT_PROMISE_MISSING: 'Maklumat Pelayanan wajib memuat ketiga janji. Isi janji ini.',
  },
  en: {
    STANDARDS_MAKLUMAT_NOT_FOUND: 'This service pledge could not be found.',
    STANDARDS_MAKLUMAT_VERSION_CONFLICT:
      'Someone else has just changed this pledge. Reload the page to see it as it is now, then make your change again.',
    STANDARDS_MAKLUMAT_NOT_DRAFT:
      'This pledge has already been published or superseded, so it can no longer be changed. Write a new draft instead.',
    STANDARDS_MAKLUMAT_DRAFT_EXISTS: 'This unit already has a draft service pledge. Continue that draft.',
    STANDARDS_MAKLUMAT_PROMISE_MISSING: 'A service pledge must contain all three promises. Fill in this promise.',
  },
});
