import { defineCatalog } from '../../platform/i18n/catalog.js';

/** Texts of the working-day calendar: staff pages, the public page, validation and errors. */
export const calendarMessages = defineCatalog('calendar', {
  id: {
    'nav.admin': 'Kalender kerja',
    'nav.public': 'Hari libur',

    'public.title': 'Hari libur nasional dan cuti bersama {year}',
    'public.lead':
      'Tanggal-tanggal ini bukan hari kerja dalam menghitung jangka waktu layanan, kecuali unit atau mal pelayanan menyatakan tetap buka. Sumber: Surat Keputusan Bersama (SKB) Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB.',
    'public.none': 'Belum ada hari libur yang dicatat untuk tahun ini.',
    'public.years': 'Tahun lain',
    'public.previous': 'Tahun {year}',
    'public.next': 'Tahun {year}',

    'table.date': 'Tanggal',
    'table.name': 'Nama',
    'table.kind': 'Jenis',
    'table.decree': 'Dasar hukum',
    'table.status': 'Status',
    'table.actions': 'Tindakan',
    'table.hours': 'Jam layanan',
    'table.reason': 'Keterangan',

    'kind.holiday': 'Libur nasional',
    'kind.collective_leave': 'Cuti bersama',
    'status.active': 'Berlaku',
    'status.withdrawn': 'Ditarik',
    'local.closed': 'Tutup',
    'local.open': 'Hari layanan tambahan',

    'admin.title': 'Kalender kerja {year}',
    'admin.lead':
      'Hari libur nasional dan cuti bersama dari SKB tiga menteri. Perubahan SKB di tengah tahun dicatat di sini; hari yang dibatalkan ditarik dengan alasan, tidak dihapus.',
    'admin.add': 'Tambah hari libur atau cuti bersama',
    'admin.edit': 'Ubah',
    'admin.withdraw': 'Tarik',
    'admin.units': 'Kalender unit dan mal pelayanan',
    'admin.unitsLead': 'Jadwal mingguan dan hari lokal diatur per unit pelayanan dan per mal pelayanan publik.',
    'admin.withdrawnReason': 'Ditarik: {reason}',
    'admin.back': 'Kembali ke kalender kerja',

    'field.date': 'Tanggal',
    'field.dateHint': 'Format TTTT-BB-HH, misalnya 2026-03-20.',
    'field.kind': 'Jenis',
    'field.nameId': 'Nama (bahasa Indonesia)',
    'field.nameEn': 'Nama (bahasa Inggris)',
    'field.decree': 'Dasar hukum (nomor SKB)',
    'field.decreeHint': 'Misalnya SKB 1497/2025, 2/2025, 5/2025.',
    'field.reason': 'Alasan',
    'field.withdrawReason': 'Alasan penarikan',
    'field.opens': 'Buka',
    'field.closes': 'Tutup',
    'field.hoursHint': 'Format JJ:MM, misalnya 07:30. Isi untuk hari layanan tambahan.',
    'field.localKind': 'Jenis hari',
    'field.open': 'Buka',

    'edit.title': 'Ubah {name}',
    'edit.submit': 'Simpan perubahan',
    'add.submit': 'Tambah',
    'withdraw.title': 'Tarik {name}',
    'withdraw.lead': 'Hari ini tidak lagi dihitung sebagai hari libur. Catatannya tetap disimpan bersama alasannya.',
    'withdraw.submit': 'Tarik hari ini',

    'unit.title': 'Kalender {name}',
    'unit.zone': 'Zona waktu: {zone}.',
    'unit.week': 'Jadwal layanan mingguan',
    'unit.defaultWeek':
      'Unit ini memakai hari kerja Perpres 21/2023: Senin–Kamis 07.30–16.00, Jumat 07.30–16.30. Ubah jika unit melayani di hari atau jam lain.',
    'unit.customWeek': 'Unit ini memakai jadwal sendiri.',
    'unit.weekMode': 'Jadwal',
    'unit.weekPerpres': 'Hari kerja Perpres 21/2023',
    'unit.weekCustom': 'Jadwal sendiri (di bawah)',
    'unit.saveWeek': 'Simpan jadwal',
    'unit.localDays': 'Hari lokal',
    'unit.localLead':
      'Penutupan lokal (misalnya bencana atau hari raya daerah) dan hari layanan tambahan (misalnya tetap buka saat cuti bersama).',
    'unit.noLocal': 'Belum ada hari lokal.',
    'unit.addLocal': 'Tambah hari lokal',
    'unit.remove': 'Hapus',
    'mall.title': 'Kalender {name}',
    'mall.lead':
      'Jam buka mingguan mal diatur di halaman mal pelayanan publik. Di sini dicatat hari lokal: penutupan atau hari layanan tambahan, yang juga membuka mal pada hari libur nasional.',
    'mall.hours': 'Jam buka mingguan',

    'weekday.1': 'Senin',
    'weekday.2': 'Selasa',
    'weekday.3': 'Rabu',
    'weekday.4': 'Kamis',
    'weekday.5': 'Jumat',
    'weekday.6': 'Sabtu',
    'weekday.7': 'Minggu',
    closed: 'Tutup',

    'flash.saved': 'Perubahan kalender disimpan.',
    'flash.withdrawn': '{name} ditarik.',

    'validation.rangeOrder': 'Tanggal akhir harus sama dengan atau setelah tanggal awal.',
    'validation.rangeTooLong': 'Rentang tanggal paling lama satu tahun.',
    'validation.weekEmpty': 'Pilih setidaknya satu hari layanan, atau gunakan hari kerja Perpres 21/2023.',
  },
  en: {
    'nav.admin': 'Working calendar',
    'nav.public': 'Public holidays',

    'public.title': 'National holidays and collective leave {year}',
    'public.lead':
      'These dates are not working days when service time limits are counted, unless a unit or service mall declares itself open. Source: the joint decree (SKB) of the Ministers of Religious Affairs, Manpower and Administrative Reform.',
    'public.none': 'No holidays have been recorded for this year yet.',
    'public.years': 'Other years',
    'public.previous': '{year}',
    'public.next': '{year}',

    'table.date': 'Date',
    'table.name': 'Name',
    'table.kind': 'Kind',
    'table.decree': 'Legal basis',
    'table.status': 'Status',
    'table.actions': 'Actions',
    'table.hours': 'Service hours',
    'table.reason': 'Reason',

    'kind.holiday': 'National holiday',
    'kind.collective_leave': 'Collective leave',
    'status.active': 'In force',
    'status.withdrawn': 'Withdrawn',
    'local.closed': 'Closed',
    'local.open': 'Extra service day',

    'admin.title': 'Working calendar {year}',
    'admin.lead':
      'National holidays and collective leave from the three ministers’ joint decree. Mid-year amendments are recorded here; a cancelled day is withdrawn with a reason, never deleted.',
    'admin.add': 'Add a holiday or collective leave day',
    'admin.edit': 'Change',
    'admin.withdraw': 'Withdraw',
    'admin.units': 'Calendars of units and service malls',
    'admin.unitsLead': 'Weekly schedules and local days are kept per service unit and per public service mall.',
    'admin.withdrawnReason': 'Withdrawn: {reason}',
    'admin.back': 'Back to the working calendar',

    'field.date': 'Date',
    'field.dateHint': 'Format YYYY-MM-DD, for example 2026-03-20.',
    'field.kind': 'Kind',
    'field.nameId': 'Name (Indonesian)',
    'field.nameEn': 'Name (English)',
    'field.decree': 'Legal basis (SKB number)',
    'field.decreeHint': 'For example SKB 1497/2025, 2/2025, 5/2025.',
    'field.reason': 'Reason',
    'field.withdrawReason': 'Reason for withdrawal',
    'field.opens': 'Opens',
    'field.closes': 'Closes',
    'field.hoursHint': 'Format HH:MM, for example 07:30. Fill in for an extra service day.',
    'field.localKind': 'Kind of day',
    'field.open': 'Open',

    'edit.title': 'Change {name}',
    'edit.submit': 'Save changes',
    'add.submit': 'Add',
    'withdraw.title': 'Withdraw {name}',
    'withdraw.lead': 'This day will no longer count as a holiday. Its record is kept with the reason.',
    'withdraw.submit': 'Withdraw this day',

    'unit.title': 'Calendar of {name}',
    'unit.zone': 'Time zone: {zone}.',
    'unit.week': 'Weekly service schedule',
    'unit.defaultWeek':
      'This unit works the Perpres 21/2023 week: Monday–Thursday 07:30–16:00, Friday 07:30–16:30. Change it if the unit serves on other days or hours.',
    'unit.customWeek': 'This unit has its own schedule.',
    'unit.weekMode': 'Schedule',
    'unit.weekPerpres': 'Perpres 21/2023 working week',
    'unit.weekCustom': 'Own schedule (below)',
    'unit.saveWeek': 'Save schedule',
    'unit.localDays': 'Local days',
    'unit.localLead':
      'Local closures (for example a disaster or a regional holiday) and extra service days (for example open on collective leave).',
    'unit.noLocal': 'No local days yet.',
    'unit.addLocal': 'Add a local day',
    'unit.remove': 'Remove',
    'mall.title': 'Calendar of {name}',
    'mall.lead':
      'The mall’s weekly opening hours are kept on the service mall’s page. Local days are kept here: closures, or extra service days, which also open the mall on a national holiday.',
    'mall.hours': 'Weekly opening hours',

    'weekday.1': 'Monday',
    'weekday.2': 'Tuesday',
    'weekday.3': 'Wednesday',
    'weekday.4': 'Thursday',
    'weekday.5': 'Friday',
    'weekday.6': 'Saturday',
    'weekday.7': 'Sunday',
    closed: 'Closed',

    'flash.saved': 'Calendar changes saved.',
    'flash.withdrawn': '{name} withdrawn.',

    'validation.rangeOrder': 'The end date must be on or after the start date.',
    'validation.rangeTooLong': 'The date range can be at most one year.',
    'validation.weekEmpty': 'Choose at least one service day, or use the Perpres 21/2023 working week.',
  },
});

export type CalendarKey = (typeof calendarMessages.keys)[number];
/** The full key of a calendar message, checked at compile time. */
export const ck = (key: CalendarKey) => `calendar.${key}`;

defineCatalog('calendar.error', {
  id: {
    CALENDAR_NATIONAL_DAY_NOT_FOUND: 'Hari libur ini tidak ditemukan.',
    CALENDAR_NATIONAL_DAY_VERSION_CONFLICT:
      'Hari libur ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat isinya sekarang, lalu ulangi perubahan Anda.',
    CALENDAR_NATIONAL_DAY_EXISTS: 'Sudah ada hari libur atau cuti bersama yang berlaku pada tanggal ini. Ubah yang itu.',
    CALENDAR_NATIONAL_DAY_WITHDRAWN: 'Hari libur ini sudah ditarik, jadi tidak dapat diubah lagi.',
    CALENDAR_PLACE_NOT_FOUND: 'Unit atau mal pelayanan ini tidak ditemukan.',
    CALENDAR_LOCAL_DAY_NOT_FOUND: 'Hari lokal ini tidak ditemukan.',
    CALENDAR_HOURS_INVALID: 'Masukkan jam dengan format JJ:MM, dan jam tutup setelah jam buka.',
  },
  en: {
    CALENDAR_NATIONAL_DAY_NOT_FOUND: 'This holiday could not be found.',
    CALENDAR_NATIONAL_DAY_VERSION_CONFLICT:
      'Someone else has just changed this holiday. Reload the page to see it as it is now, then make your change again.',
    CALENDAR_NATIONAL_DAY_EXISTS: 'A holiday or collective leave day is already in force on this date. Change that one.',
    CALENDAR_NATIONAL_DAY_WITHDRAWN: 'This holiday has been withdrawn, so it can no longer be changed.',
    CALENDAR_PLACE_NOT_FOUND: 'This service unit or mall could not be found.',
    CALENDAR_LOCAL_DAY_NOT_FOUND: 'This local day could not be found.',
    CALENDAR_HOURS_INVALID: 'Enter times as HH:MM, with the closing time after the opening time.',
  },
});
