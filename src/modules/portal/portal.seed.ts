import { tablesOf } from '../../platform/db/database.js';
import type { Locale } from '../../platform/i18n/catalog.js';
import type { DemoSeed } from '../../platform/module.js';
import { countFeedback } from './portal.repository.js';
import { FeedbackBody } from './portal.schemas.js';
import { submitFeedback } from './portal.service.js';
import type { PortalTables } from './portal.tables.js';

/** Reports a pilot mall would plausibly receive in its first weeks, in both languages. */
const DEMO_FEEDBACK: { locale: Locale; input: FeedbackBody }[] = [
  {
    locale: 'id',
    input: {
      kind: 'barrier',
      pageUrl: '/aksesibilitas',
      message: 'Tombol "Kirim" tidak terbaca oleh pembaca layar NVDA; hanya terdengar "tombol" tanpa label.',
      contactEmail: 'rina.wulandari@example.id',
    },
  },
  {
    locale: 'id',
    input: {
      kind: 'content',
      pageUrl: '/',
      message: 'Jam layanan Mal Pelayanan Publik pada hari Sabtu tidak dicantumkan. Apakah loket buka sampai pukul 12.00?',
    },
  },
  {
    locale: 'id',
    input: {
      kind: 'suggestion',
      message: 'Mohon tambahkan pilihan ukuran huruf yang lebih besar; orang tua saya kesulitan membaca formulir di ponsel.',
      contactEmail: 'budi.santoso@example.id',
    },
  },
  {
    locale: 'en',
    input: {
      kind: 'barrier',
      pageUrl: '/aksesibilitas',
      message: 'The focus outline disappears after the error summary appears, so I lose my place when using the keyboard.',
    },
  },
  {
    locale: 'id',
    input: {
      kind: 'other',
      message: 'Terima kasih, pengurusan izin usaha mikro saya selesai lebih cepat dari janji layanan.',
    },
  },
];

/**
 * Demo feedback through submitFeedback, so each report is validated and announced like a real one.
 * Skipped when the portal already holds feedback: a second start keeps what is there.
 */
export const seedPortalDemo: DemoSeed = async ({ database, log, progress }) => {
  if ((await countFeedback(tablesOf<PortalTables>(database.db))) > 0) {
    log.debug('portal demo feedback already present');
    return { logins: [], created: 0 };
  }
  let done = 0;
  for (const { locale, input } of DEMO_FEEDBACK) {
    progress(done, DEMO_FEEDBACK.length, 'portal feedback');
    await submitFeedback({ db: database.db, locale }, FeedbackBody.parse(input));
    done++;
  }
  progress(done, DEMO_FEEDBACK.length, 'portal feedback');
  return { logins: [], created: done };
};
