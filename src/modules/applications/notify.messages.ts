import { defineCatalog } from '../../platform/i18n/catalog.js';

/**
 * Messages about an application, under `applications.notify`: to the citizen (email and SMS/WhatsApp, in
 * the application's language) on submission, correction request, rejection and completion; to staff
 * (email, in their account's language) when a deadline is near, passed, or escalated. Short, with the
 * tracking number and the tracking link; no NIK and no answers.
 */
export const notifyMessages = defineCatalog('applications.notify', {
  id: {
    'submitted.subject': 'Permohonan {number} diterima — {service}',
    'submitted.body':
      'Halo {name},\n\nPermohonan {service} Anda sudah kami terima dengan nomor registrasi {number}.\nUnit pelayanan: {unit}.\nBatas waktu penyelesaian: {due}.\n\nLacak permohonan Anda: {link}',
    'submitted.text': 'Permohonan {service} diterima, nomor {number}. Lacak: {link}',

    'correction_requested.subject': 'Perbaikan diperlukan untuk permohonan {number}',
    'correction_requested.body':
      'Halo {name},\n\nPetugas {unit} meminta Anda memperbaiki permohonan {service} ({number}):\n{items}\n\nMasuk ke akun Anda atau datang ke loket untuk mengirim perbaikan. Jangka waktu penyelesaian dihentikan sementara sampai perbaikan diterima.\n\nLacak permohonan Anda: {link}',
    'correction_requested.text': 'Permohonan {number} perlu perbaikan: {items}. Lihat: {link}',

    'rejected.subject': 'Permohonan {number} ditolak',
    'rejected.body':
      'Halo {name},\n\nDengan menyesal kami sampaikan bahwa permohonan {service} ({number}) ditolak oleh {unit}.\nAlasan: {reason}\nDasar hukum: {legalBasis}\n\nJika Anda keberatan, Anda dapat mengajukan pengaduan.\n\nRincian: {link}',
    'rejected.text': 'Permohonan {number} ditolak. Alasan dan dasar hukum: {link}',

    'completed.subject': 'Permohonan {number} selesai',
    'completed.body':
      'Halo {name},\n\nPermohonan {service} ({number}) sudah selesai diproses oleh {unit}. Produk layanan sudah diterbitkan.\n\nRincian: {link}',
    'completed.text': 'Permohonan {number} selesai, produk layanan sudah terbit. Rincian: {link}',

    'due_soon.subject': 'Batas waktu permohonan {number} sudah dekat',
    'due_soon.body':
      'Halo {name},\n\nPermohonan {service} ({number}) di {unit} harus selesai paling lambat {due}.\n\nBuka kotak masuk: {link}',
    'overdue.subject': 'Permohonan {number} melewati batas waktu',
    'overdue.body':
      'Halo {name},\n\nPermohonan {service} ({number}) di {unit} melewati batas waktu penyelesaian sejak {due}.\n\nBuka kotak masuk: {link}',
    'escalated.subject': 'Eskalasi: permohonan {number} terlambat',
    'escalated.body':
      'Halo {name},\n\nPermohonan {service} ({number}) di {unit} melewati batas waktu sejak {due} dan belum diselesaikan. Sebagai admin unit, mohon tindak lanjuti.\n\nBuka kotak masuk: {link}',

    'legalBasis.none': '-',
    'due.none': 'dihitung setelah berkas diperiksa',
  },
  en: {
    'submitted.subject': 'Application {number} received — {service}',
    'submitted.body':
      'Hello {name},\n\nWe received your application for {service} with registration number {number}.\nService unit: {unit}.\nTime limit: {due}.\n\nTrack your application: {link}',
    'submitted.text': 'Application for {service} received, number {number}. Track: {link}',

    'correction_requested.subject': 'Corrections needed for application {number}',
    'correction_requested.body':
      'Hello {name},\n\nThe officer at {unit} asks you to correct your application for {service} ({number}):\n{items}\n\nSign in to your account or visit the counter to send your corrections. The time limit is paused until they arrive.\n\nTrack your application: {link}',
    'correction_requested.text': 'Application {number} needs corrections: {items}. See: {link}',

    'rejected.subject': 'Application {number} rejected',
    'rejected.body':
      'Hello {name},\n\nWe regret that your application for {service} ({number}) was rejected by {unit}.\nReason: {reason}\nLegal basis: {legalBasis}\n\nIf you disagree, you may file a complaint.\n\nDetails: {link}',
    'rejected.text': 'Application {number} was rejected. Reason and legal basis: {link}',

    'completed.subject': 'Application {number} completed',
    'completed.body':
      'Hello {name},\n\nYour application for {service} ({number}) has been completed by {unit}. The service product has been issued.\n\nDetails: {link}',
    'completed.text': 'Application {number} completed; the product has been issued. Details: {link}',

    'due_soon.subject': 'Application {number} is due soon',
    'due_soon.body': 'Hello {name},\n\nApplication {number} for {service} at {unit} is due by {due}.\n\nOpen the inbox: {link}',
    'overdue.subject': 'Application {number} is overdue',
    'overdue.body': 'Hello {name},\n\nApplication {number} for {service} at {unit} has been overdue since {due}.\n\nOpen the inbox: {link}',
    'escalated.subject': 'Escalation: application {number} is overdue',
    'escalated.body':
      'Hello {name},\n\nApplication {number} for {service} at {unit} has been overdue since {due} and is still open. As the unit admin, please follow it up.\n\nOpen the inbox: {link}',

    'legalBasis.none': '-',
    'due.none': 'set once the file is checked',
  },
});

export type NotifyKey = (typeof notifyMessages.keys)[number];
