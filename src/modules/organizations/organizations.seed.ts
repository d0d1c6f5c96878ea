import type { Actor } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import type { DemoSeed } from '../../platform/module.js';
import { importRegions, loadRegionSource } from './import-regions.js';
import { countRegions, findAgencyByCode } from './organizations.repository.js';
import { AgencyBody, BoothBody, CounterBody, MallBody, ServiceUnitBody } from './organizations.schemas.js';
import * as Svc from './organizations.service.js';
import type { AgencyKind, OrganizationsTables } from './organizations.tables.js';

/** The seed acts as a national administrator, so it passes the same scope checks as a person would. */
const SEED_ACTOR: Actor = {
  kind: 'staff',
  id: '00000000-0000-4000-8000-000000000000',
  name: 'Demo seed',
  sessionId: 'seed',
  grants: [{ role: 'platform-admin', scope: { kind: 'platform' }, permissions: new Set([Svc.MANAGE]) }],
};

/** Agencies that really serve at MPP Kabupaten Badung (Puspem Badung, Mengwi), with one booth each. */
const BADUNG: {
  agency: { code: string; name: string; kind: AgencyKind; regionCode: string };
  unit: { code: string; name: string; regionCode: string; address: string };
  booth: { code: string; name: string };
  counters: number;
}[] = [
  {
    agency: {
      code: 'DISDUKCAPIL-BDG',
      name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung',
      kind: 'regency_government',
      regionCode: '51.03',
    },
    unit: {
      code: 'ADMINDUK',
      name: 'Bidang Pelayanan Pendaftaran Penduduk',
      regionCode: '51.03.02',
      address: 'Puspem Badung, Jl. Raya Sempidi, Mengwi',
    },
    booth: { code: 'A', name: 'Gerai Disdukcapil (KTP-el, KK, akta)' },
    counters: 4,
  },
  {
    agency: {
      code: 'DPMPTSP-BDG',
      name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Badung',
      kind: 'regency_government',
      regionCode: '51.03',
    },
    unit: {
      code: 'PERIZINAN',
      name: 'Bidang Pelayanan Perizinan dan Nonperizinan',
      regionCode: '51.03.02',
      address: 'Puspem Badung, Jl. Raya Sempidi, Mengwi',
    },
    booth: { code: 'B', name: 'Gerai Perizinan (PBG, NIB, izin usaha)' },
    counters: 3,
  },
  {
    agency: { code: 'POLRES-BDG', name: 'Kepolisian Resor Badung', kind: 'other', regionCode: '51.03' },
    unit: { code: 'SATLANTAS', name: 'Satuan Lalu Lintas Polres Badung', regionCode: '51.03.02', address: 'Jl. Raya Sempidi, Mengwi' },
    booth: { code: 'C', name: 'Gerai Satlantas (perpanjangan SIM)' },
    counters: 2,
  },
  {
    agency: { code: 'BAPENDA-BALI', name: 'Badan Pendapatan Daerah Provinsi Bali', kind: 'provincial_government', regionCode: '51' },
    unit: { code: 'SAMSAT-BDG', name: 'UPTD Samsat Badung', regionCode: '51.03.02', address: 'Jl. Raya Sempidi, Mengwi' },
    booth: { code: 'D', name: 'Gerai Samsat (pajak kendaraan)' },
    counters: 2,
  },
  {
    agency: { code: 'BPJS-KES', name: 'BPJS Kesehatan', kind: 'other', regionCode: '31' },
    unit: { code: 'KC-DENPASAR', name: 'BPJS Kesehatan Kantor Cabang Denpasar', regionCode: '51.71', address: 'Jl. Diponegoro, Denpasar' },
    booth: { code: 'E', name: 'Gerai BPJS Kesehatan' },
    counters: 2,
  },
  {
    agency: { code: 'PERUMDA-TM', name: 'Perumda Air Minum Tirta Mangutama Kabupaten Badung', kind: 'bumd', regionCode: '51.03' },
    unit: { code: 'PELANGGAN', name: 'Bagian Hubungan Langganan', regionCode: '51.03.02', address: 'Jl. Raya Sempidi, Mengwi' },
    booth: { code: 'F', name: 'Gerai Perumda Air Minum (sambungan baru, tagihan)' },
    counters: 1,
  },
  {
    agency: { code: 'BRI', name: 'PT Bank Rakyat Indonesia (Persero) Tbk', kind: 'bumn', regionCode: '31' },
    unit: { code: 'KC-KUTA', name: 'BRI Kantor Cabang Kuta', regionCode: '51.03.01', address: 'Jl. Raya Kuta, Kuta' },
    booth: { code: 'G', name: 'Gerai BRI (pembayaran retribusi dan pajak)' },
    counters: 1,
  },
];

/**
 * Regions down to districts, then MPP Kabupaten Badung (Bali, WITA) with seven agencies, their units,
 * booths and counters, and Kemenko PMK in Jakarta (WIB). Through the services, so the data obeys the
 * rules. Idempotent: regions are skipped once present, the rest once the Badung DPMPTSP exists.
 */
export const seedOrganizationsDemo: DemoSeed = async ({ database, log, progress }) => {
  const db = tablesOf<OrganizationsTables>(database.db);
  let created = 0;
  if ((await countRegions(db)) === 0) {
    const rows = await loadRegionSource({ villages: false });
    const result = await importRegions({ db: database.db }, rows, { progress: (done, total) => progress(done, total, 'regions') });
    created += result.inserted;
  }
  if (await findAgencyByCode(db, 'DPMPTSP-BDG')) {
    log.debug('organizations demo already present');
    return { logins: [], created };
  }
  const ctx: Svc.ServiceContext = { db: database.db, actor: SEED_ACTOR };
  const weekdays = [1, 2, 3, 4].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '15:30' }));
  const mall = await Svc.createMall(
    ctx,
    MallBody.parse({
      regionCode: '51.03',
      code: 'MPP-BADUNG',
      name: 'Mal Pelayanan Publik Kabupaten Badung',
      address: 'Pusat Pemerintahan Kabupaten Badung, Jl. Raya Sempidi, Mengwi, Badung, Bali 80351',
      hours: {
        weekly: [...weekdays, { weekday: 5, opensAt: '08:00', closesAt: '13:00' }],
        exceptions: [
          { date: '2026-12-24', opensAt: null, closesAt: null, reason: 'Cuti bersama Hari Raya Natal' },
          { date: '2026-12-25', opensAt: null, closesAt: null, reason: 'Hari Raya Natal' },
        ],
      },
    }),
  );
  created++;
  let step = 0;
  for (const entry of BADUNG) {
    progress(step++, BADUNG.length + 1, entry.agency.code);
    const agency = await Svc.createAgency(ctx, AgencyBody.parse(entry.agency));
    const unit = await Svc.createServiceUnit(ctx, ServiceUnitBody.parse({ ...entry.unit, agencyId: agency.id }));
    const booth = await Svc.createBooth(ctx, BoothBody.parse({ ...entry.booth, mallId: mall.id, serviceUnitId: unit.id }));
    for (let n = 1; n <= entry.counters; n++) {
      await Svc.createCounter(
        ctx,
        CounterBody.parse({ boothId: booth.id, code: `${entry.booth.code}${n}`, name: `Loket ${entry.booth.code}${n}` }),
      );
    }
    created += 3 + entry.counters;
  }
  const kemenko = await Svc.createAgency(
    ctx,
    AgencyBody.parse({
      code: 'KEMENKO-PMK',
      name: 'Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan',
      kind: 'ministry',
      regionCode: '31.71',
    }),
  );
  await Svc.createServiceUnit(
    ctx,
    ServiceUnitBody.parse({
      agencyId: kemenko.id,
      code: 'PPID',
      name: 'Layanan Informasi Publik (PPID) Kemenko PMK',
      regionCode: '31.71.01',
      address: 'Jl. Medan Merdeka Barat No. 3, Gambir, Jakarta Pusat',
    }),
  );
  created += 2;
  progress(BADUNG.length + 1, BADUNG.length + 1, 'done');
  return { logins: [], created };
};
