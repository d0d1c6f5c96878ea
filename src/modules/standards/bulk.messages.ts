import { defineCatalog } from '../../platform/i18n/catalog.js';

/**
 * Texts of the bulk import and export of services (`/admin/layanan/impor`): the page, the row-by-row
 * report, the problems a row can have (`issue.*`) and the refusals of a whole file (`error.BULK_*`).
 */
export const bulkMessages = defineCatalog('bulk', {
  id: {
    nav: 'Impor dan ekspor layanan',

    'page.title': 'Impor dan ekspor layanan',
    'page.lead':
      'Isi banyak layanan sekaligus dengan templat Excel, atau unduh layanan yang sudah ada untuk diubah lalu diimpor kembali. Setiap layanan yang diimpor menjadi draf standar pelayanan, yang tetap ditinjau dan disahkan sebelum terbit.',
    'download.title': 'Unduh',
    'download.template': 'Unduh templat Excel kosong',
    'download.template.hint':
      'Berisi petunjuk, daftar pilihan, unit yang boleh Anda kelola, serta kode Mal Pelayanan Publik dan gerai untuk lembar Tempat Layanan.',
    'export.title': 'Ekspor layanan',
    'export.unit': 'Unit pelayanan',
    'export.unit.all': 'Semua unit yang boleh Anda kelola',
    'export.version': 'Versi standar',
    'export.version.latest': 'Terbaru (draf yang sedang disusun, atau yang terbit)',
    'export.version.published': 'Hanya yang sudah terbit',
    'export.xlsx': 'Unduh Excel',
    'export.json': 'Unduh JSON',
    'export.json.hint': 'JSON memuat hal yang sama dan dapat diimpor kembali; formatnya dijelaskan di dokumentasi API.',
    'upload.title': 'Impor',
    'upload.lead':
      'Satupintu memeriksa setiap baris lebih dulu. Jika satu baris saja salah, tidak ada yang disimpan, dan laporan menyebut lembar, baris dan kolom yang perlu diperbaiki.',
    'upload.file': 'Berkas Excel (.xlsx) atau JSON',
    'upload.file.hint': 'Paling besar {size}.',
    'upload.dryRun': 'Periksa saja, belum disimpan',
    'upload.submit': 'Impor',

    'report.rejected.title': 'Tidak ada yang diimpor',
    'report.rejected.lead': 'Ada {count} kesalahan. Perbaiki baris-baris di bawah ini, lalu unggah berkasnya lagi.',
    'report.checked.title': 'Berkas siap diimpor',
    'report.checked.lead':
      '{count} layanan lolos pemeriksaan. Belum ada yang disimpan: unggah lagi tanpa "Periksa saja" untuk mengimpornya.',
    'report.imported.title': 'Impor selesai',
    'report.imported.lead': '{created} layanan baru dibuat dan {updated} layanan diperbarui, masing-masing dengan draf standar pelayanan.',
    'report.errors': 'Kesalahan',
    'report.sheet': 'Lembar',
    'report.row': 'Baris',
    'report.item': 'Layanan ke-',
    'report.column': 'Kolom',
    'report.field': 'Isian',
    'report.message': 'Yang perlu diperbaiki',
    'report.file': 'Seluruh berkas',
    'report.more': 'Dan {count} kesalahan lain. Perbaiki yang di atas dulu, lalu unggah lagi.',
    'report.services': 'Layanan',
    'report.code': 'Kode',
    'report.name': 'Nama',
    'report.unit': 'Unit',
    'report.action': 'Hasil',
    'report.action.created': 'Dibuat, draf versi {number}',
    'report.action.updated': 'Diperbarui, draf versi {number}',
    'report.action.checkedNew': 'Akan dibuat',
    'report.action.checkedUpdate': 'Akan diperbarui',
    'report.again': 'Impor berkas lain',

    'issue.cellError': 'Sel ini berisi galat rumus {value}.',
    'issue.wholeNumber': '“{value}” bukan bilangan bulat.',
    'issue.yesNo': 'Tulis “Ya” atau “Tidak”, bukan “{value}”.',
    'issue.option': '“{value}” bukan pilihan yang dikenal. Pilih salah satu dari: {options}.',
    'issue.missingColumn': 'Kolom “{column}” tidak ada di baris judul. Pakai templat terbaru dari Satupintu.',
    'issue.missingSheet': 'Berkas ini tidak memiliki lembar “{sheet}”. Pakai templat dari Satupintu.',
    'issue.noServices': 'Berkas ini tidak berisi layanan.',
    'issue.tooManyServices': 'Berkas ini berisi lebih dari {limit} layanan. Bagi ke beberapa berkas.',
    'issue.duplicateCode': 'Kode layanan {code} sudah dipakai di baris {row}. Setiap layanan muncul sekali di lembar Layanan.',
    'issue.duplicateService': 'Layanan {code} unit ini sudah ada sebagai layanan ke-{row} di berkas ini.',
    'issue.unknownService': 'Tidak ada layanan dengan kode {code} di lembar Layanan.',
    'issue.freeWithItems':
      'Layanan {code} ditandai gratis, tetapi baris ini memberinya rincian biaya. Hapus baris ini atau ubah “Gratis” menjadi “Tidak”.',
    'issue.feeChoice': 'Isi “Ya” jika layanan ini gratis, atau “Tidak” jika berbayar.',
    'issue.listEmpty': 'Isi paling sedikit satu butir.',
    'issue.unitNotFound': 'Unit {unit} di instansi {agency} tidak ada atau di luar wewenang Anda.',
    'issue.unitInactive': 'Unit {unit} di instansi {agency} sudah tidak aktif.',
    'issue.slugTaken': 'Alamat halaman {slug} sudah dipakai layanan lain. Pilih alamat lain atau kosongkan kolomnya.',
    'issue.slugDuplicate': 'Alamat halaman {slug} juga dipakai layanan lain di berkas ini.',
    'issue.serviceInactive': 'Layanan {code} sudah dinonaktifkan, sehingga standarnya tidak dapat diubah.',
    'issue.versionInProgress':
      'Versi {number} layanan {code} sedang dalam tahap {status}. Kembalikan ke draf atau selesaikan dulu sebelum mengimpor perubahan.',
    'issue.mallNotFound': 'Tidak ada Mal Pelayanan Publik dengan kode {mall} di wilayah {region}.',
    'issue.mallInactive': 'Mal Pelayanan Publik {mall} di wilayah {region} sudah tidak aktif.',
    'issue.boothNotFound': 'Tidak ada gerai dengan kode {booth} di {mall}. Kosongkan kode gerai bila layanan diberikan di kantor unit.',
    'issue.boothInactive': 'Gerai {booth} di {mall} sudah tidak aktif.',
    'issue.boothOtherUnit':
      'Gerai {booth} di {mall} bukan gerai unit {unit} yang memberikan layanan ini. Tulis gerai unit {unit}, atau kosongkan kode gerai bila layanan diberikan di kantor unit.',
    'issue.placeDuplicate':
      '{mall} sudah disebut untuk layanan ini. Setiap mal hanya sekali per layanan, dengan satu gerai atau kantor unit.',

    'error.BULK_FILE_TOO_LARGE': 'Berkas ini lebih besar dari {limit}. Bagi layanannya ke beberapa berkas.',
    'error.BULK_FILE_MISSING': 'Pilih berkas Excel (.xlsx) atau JSON untuk diimpor.',
    'error.BULK_FILE_TYPE': 'Berkas ini bukan buku kerja Excel (.xlsx) atau JSON dari Satupintu. Simpan sebagai .xlsx, lalu coba lagi.',
    'error.BULK_FILE_OLD_OR_ENCRYPTED':
      'Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi. Buka di Excel, simpan sebagai Buku Kerja Excel (.xlsx) tanpa kata sandi, lalu coba lagi.',
    'error.BULK_FILE_DAMAGED':
      'Berkas ini rusak atau tidak dapat dibaca sebagai buku kerja Excel. Simpan ulang dari Excel atau LibreOffice, lalu coba lagi.',
    'error.BULK_FILE_UNPACKS_TOO_LARGE':
      'Isi berkas ini lebih dari {limit} setelah dibuka. Hapus gambar atau lembar yang tidak perlu, atau bagi layanannya ke beberapa berkas.',
    'error.BULK_FILE_TOO_MANY_ROWS': 'Lembar {sheet} berisi lebih dari {limit} baris. Bagi layanannya ke beberapa berkas.',
    'error.BULK_JSON_MALFORMED': 'Berkas JSON ini tidak dapat dibaca. Periksa tanda kurung, koma dan tanda kutipnya.',
    'error.BULK_IMPORT_REJECTED': 'Tidak ada yang diimpor: ada {count} kesalahan yang perlu diperbaiki dulu.',
    'error.BULK_EXPORT_AMBIGUOUS':
      'Beberapa unit memakai kode layanan {code}, sehingga lembar-lembar Excel tidak dapat membedakannya. Ekspor satu unit saja, atau pakai JSON.',
  },
  en: {
    nav: 'Import and export services',

    'page.title': 'Import and export services',
    'page.lead':
      'Fill in many services at once with the Excel template, or download existing services to change them and import them again. Each imported service becomes a draft service standard, which is still reviewed and ratified before it is published.',
    'download.title': 'Download',
    'download.template': 'Download the empty Excel template',
    'download.template.hint':
      'With instructions, the lists of choices, the units you may manage, and the codes of public service malls and booths for the Tempat Layanan (places) sheet.',
    'export.title': 'Export services',
    'export.unit': 'Service unit',
    'export.unit.all': 'All units you may manage',
    'export.version': 'Standard version',
    'export.version.latest': 'Latest (the draft in the making, or the published one)',
    'export.version.published': 'Published only',
    'export.xlsx': 'Download Excel',
    'export.json': 'Download JSON',
    'export.json.hint': 'JSON holds the same and can be imported again; its format is described in the API documentation.',
    'upload.title': 'Import',
    'upload.lead':
      'Satupintu checks every row first. If a single row is wrong, nothing is saved, and the report names the sheet, row and column to correct.',
    'upload.file': 'Excel (.xlsx) or JSON file',
    'upload.file.hint': 'At most {size}.',
    'upload.dryRun': 'Only check, do not save yet',
    'upload.submit': 'Import',

    'report.rejected.title': 'Nothing was imported',
    'report.rejected.lead': 'There are {count} errors. Correct the rows below, then upload the file again.',
    'report.checked.title': 'The file is ready to import',
    'report.checked.lead':
      '{count} services passed the checks. Nothing has been saved yet: upload again without "Only check" to import them.',
    'report.imported.title': 'Import complete',
    'report.imported.lead': '{created} services were created and {updated} updated, each with a draft service standard.',
    'report.errors': 'Errors',
    'report.sheet': 'Sheet',
    'report.row': 'Row',
    'report.item': 'Service no.',
    'report.column': 'Column',
    'report.field': 'Field',
    'report.message': 'What to correct',
    'report.file': 'The whole file',
    'report.more': 'And {count} more errors. Correct the ones above first, then upload again.',
    'report.services': 'Services',
    'report.code': 'Code',
    'report.name': 'Name',
    'report.unit': 'Unit',
    'report.action': 'Result',
    'report.action.created': 'Created, draft version {number}',
    'report.action.updated': 'Updated, draft version {number}',
    'report.action.checkedNew': 'Would be created',
    'report.action.checkedUpdate': 'Would be updated',
    'report.again': 'Import another file',

    'issue.cellError': 'This cell holds the formula error {value}.',
    'issue.wholeNumber': '“{value}” is not a whole number.',
    'issue.yesNo': 'Write “Ya” (yes) or “Tidak” (no), not “{value}”.',
    'issue.option': '“{value}” is not a known choice. Pick one of: {options}.',
    'issue.missingColumn': 'The header row has no column “{column}”. Use the latest template from Satupintu.',
    'issue.missingSheet': 'This file has no sheet “{sheet}”. Use the template from Satupintu.',
    'issue.noServices': 'This file holds no services.',
    'issue.tooManyServices': 'This file holds more than {limit} services. Split it into several files.',
    'issue.duplicateCode': 'Service code {code} is already used on row {row}. Each service appears once on the Layanan sheet.',
    'issue.duplicateService': 'Service {code} of this unit is already service no. {row} in this file.',
    'issue.unknownService': 'No service with code {code} is on the Layanan sheet.',
    'issue.freeWithItems': 'Service {code} is marked free, but this row gives it a fee item. Delete the row or set “Gratis” to “Tidak”.',
    'issue.feeChoice': 'Write “Ya” if this service is free, or “Tidak” if there is a fee.',
    'issue.listEmpty': 'Give at least one item.',
    'issue.unitNotFound': 'Unit {unit} of agency {agency} does not exist or is outside your scope.',
    'issue.unitInactive': 'Unit {unit} of agency {agency} is no longer active.',
    'issue.slugTaken': 'The page address {slug} is used by another service. Choose another or leave the column empty.',
    'issue.slugDuplicate': 'The page address {slug} is also used by another service in this file.',
    'issue.serviceInactive': 'Service {code} has been deactivated, so its standard cannot be changed.',
    'issue.versionInProgress':
      'Version {number} of service {code} is at the {status} stage. Return it to draft or finish it before importing changes.',
    'issue.mallNotFound': 'There is no public service mall with code {mall} in region {region}.',
    'issue.mallInactive': 'Public service mall {mall} in region {region} is no longer active.',
    'issue.boothNotFound':
      "{mall} has no booth with code {booth}. Leave the booth code empty when the service is given at the unit's office.",
    'issue.boothInactive': 'Booth {booth} at {mall} is no longer active.',
    'issue.boothOtherUnit':
      "Booth {booth} at {mall} is not a booth of unit {unit}, which gives this service. Write a booth of unit {unit}, or leave the booth code empty when the service is given at the unit's office.",
    'issue.placeDuplicate':
      "{mall} is already named for this service. Each mall appears once per service, with one booth or the unit's office.",

    'error.BULK_FILE_TOO_LARGE': 'This file is larger than {limit}. Split its services over several files.',
    'error.BULK_FILE_MISSING': 'Choose an Excel (.xlsx) or JSON file to import.',
    'error.BULK_FILE_TYPE': 'This file is not an Excel workbook (.xlsx) or JSON from Satupintu. Save it as .xlsx and try again.',
    'error.BULK_FILE_OLD_OR_ENCRYPTED':
      'This file is in the old Excel format (.xls) or protected with a password. Open it in Excel, save it as an Excel Workbook (.xlsx) without a password, and try again.',
    'error.BULK_FILE_DAMAGED':
      'This file is damaged or cannot be read as an Excel workbook. Save it again from Excel or LibreOffice and try again.',
    'error.BULK_FILE_UNPACKS_TOO_LARGE':
      'Once unpacked, this file holds more than {limit}. Remove pictures or sheets that are not needed, or split its services over several files.',
    'error.BULK_FILE_TOO_MANY_ROWS': 'Sheet {sheet} has more than {limit} rows. Split its services over several files.',
    'error.BULK_JSON_MALFORMED': 'This JSON file cannot be read. Check its brackets, commas and quotes.',
    'error.BULK_IMPORT_REJECTED': 'Nothing was imported: {count} errors need correcting first.',
    'error.BULK_EXPORT_AMBIGUOUS':
      'Several units use service code {code}, so the Excel sheets could not tell them apart. Export one unit at a time, or use JSON.',
  },
});
