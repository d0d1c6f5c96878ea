import type { Actor } from '../../platform/access/access.js';
import type { DemoSeed } from '../../platform/module.js';
import { findIdsByCode } from '../organizations/index.js';
import { MaklumatBody } from './maklumat.schemas.js';
import * as Svc from './maklumat.service.js';

/** The seed acts as a national administrator of standards, so it passes the same checks a person would. */
const SEED_ACTOR: Actor = {
  kind: 'staff',
  id: '00000000-0000-4000-8000-000000000000',
  name: 'Demo seed',
  sessionId: 'seed',
  grants: [{ role: 'platform-admin', scope: { kind: 'platform' }, permissions: new Set([Svc.STANDARDS_MANAGE]) }],
};

interface DemoPledge {
  agency: string;
  unit: string;
  signatoryName: string;
  signatoryTitle: string;
  place: string;
  signedAt: string;
}

/** The organizations demo's units with the head who signs each pledge (people invented for the demo). */
const DEMO_PLEDGES: DemoPledge[] = [
  {
    agency: 'DISDUKCAPIL-BDG',
    unit: 'ADMINDUK',
    signatoryName: 'I Made Sutama Wijaya, S.Sos., M.Si.',
    signatoryTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung',
    place: 'Mangupura',
    signedAt: '2026-01-05',
  },
  {
    agency: 'DPMPTSP-BDG',
    unit: 'PERIZINAN',
    signatoryName: 'Ni Luh Putu Ariani, S.H., M.H.',
    signatoryTitle: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Badung',
    place: 'Mangupura',
    signedAt: '2026-01-06',
  },
  {
    agency: 'POLRES-BDG',
    unit: 'SATLANTAS',
    signatoryName: 'AKP Komang Adi Pranata, S.I.K.',
    signatoryTitle: 'Kepala Satuan Lalu Lintas Polres Badung',
    place: 'Mangupura',
    signedAt: '2026-01-07',
  },
  {
    agency: 'BAPENDA-BALI',
    unit: 'SAMSAT-BDG',
    signatoryName: 'I Gede Wirawan, S.E., M.M.',
    signatoryTitle: 'Kepala UPTD Samsat Badung',
    place: 'Mangupura',
    signedAt: '2026-01-07',
  },
  {
    agency: 'BPJS-KES',
    unit: 'KC-DENPASAR',
    signatoryName: 'dr. Ayu Kartika Sari, M.K.M.',
    signatoryTitle: 'Kepala BPJS Kesehatan Kantor Cabang Denpasar',
    place: 'Denpasar',
    signedAt: '2026-01-08',
  },
  {
    agency: 'PERUMDA-TM',
    unit: 'PELANGGAN',
    signatoryName: 'I Wayan Suarjana, S.T.',
    signatoryTitle: 'Kepala Bagian Hubungan Langganan Perumda Air Minum Tirta Mangutama',
    place: 'Mangupura',
    signedAt: '2026-01-09',
  },
  {
    agency: 'BRI',
    unit: 'KC-KUTA',
    signatoryName: 'Putu Eka Wardana',
    signatoryTitle: 'Pemimpin Cabang BRI Kuta',
    place: 'Kuta',
    signedAt: '2026-01-12',
  },
  {
    agency: 'KEMENKO-PMK',
    unit: 'PPID',
    signatoryName: 'Dr. Rina Hapsari, M.A.',
    signatoryTitle: 'Pejabat Pengelola Informasi dan Dokumentasi Kemenko PMK',
    place: 'Jakarta',
    signedAt: '2026-01-14',
  },
];

/** One unit also shows a history: its 2025 pledge, superseded by the 2026 one. */
const WITH_HISTORY = 'ADMINDUK';

/** A moment on a date in Bali time (WITA), where most demo units sit. */
const on = (date: string) => new Date(`${date}T09:00:00+08:00`);

/**
 * A published service pledge for every demo unit, from the standard wording, through the service (draft,
 * then publish) so the demo obeys the same rules as people. Idempotent: a unit that has any pledge is left
 * as it is; a unit the organizations demo did not create is skipped.
 */
export const seedMaklumatDemo: DemoSeed = async ({ database, log, progress }) => {
  let created = 0;
  for (const [i, demo] of DEMO_PLEDGES.entries()) {
    progress(i, DEMO_PLEDGES.length, `maklumat ${demo.unit}`);
    const { unitId } = await findIdsByCode(database.db, { agency: demo.agency, unit: demo.unit });
    if (!unitId) {
      log.warn({ agency: demo.agency, unit: demo.unit }, 'maklumat demo: unit not found, skipped');
      continue;
    }
    const ctx = (at: Date): Svc.MaklumatContext => ({ db: database.db, actor: SEED_ACTOR, now: () => at });
    const { unit, history } = await Svc.getUnitPledges(ctx(new Date()), unitId);
    if (history.length > 0) continue;
    const publish = async (signedAt: string) => {
      const { signatoryName, signatoryTitle, place } = demo;
      const body = MaklumatBody.parse({ ...Svc.standardWording(unit.name), signatoryName, signatoryTitle, place, signedAt });
      const draft = await Svc.createMaklumatDraft(ctx(on(signedAt)), unitId, body);
      await Svc.publishMaklumat(ctx(on(signedAt)), draft.id, { version: draft.version });
      created++;
    };
    if (demo.unit === WITH_HISTORY) await publish(demo.signedAt.replace('2026', '2025'));
    await publish(demo.signedAt);
  }
  progress(DEMO_PLEDGES.length, DEMO_PLEDGES.length, 'maklumat');
  if (created === 0) log.debug('maklumat demo already present');
  return { logins: [], created };
};
