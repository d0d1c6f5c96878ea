/** Shared by the calendar's tests: a Bali agency with a unit, a Papua unit, MPP Badung, and staff at every scope. */
import { sql } from 'kysely';
import type { Actor, Scope } from '../../platform/access/access.js';
import type { Db } from '../../platform/db/database.js';
import { createAgency, createMall, createServiceUnit, importRegions, ORGANIZATIONS_MANAGE } from '../organizations/index.js';
import { CALENDAR_MANAGE } from './calendar.service.js';

export function calendarStaff(scope: Scope, name = 'Petugas Kalender'): Actor {
  return {
    kind: 'staff',
    id: '33333333-3333-4333-8333-333333333333',
    name,
    sessionId: 'session-calendar',
    grants: [{ role: 'calendar-admin', scope, permissions: new Set([CALENDAR_MANAGE, ORGANIZATIONS_MANAGE]) }],
  };
}

export const CALENDAR_PLATFORM = calendarStaff({ kind: 'platform' }, 'Admin Platform');

/** Disdukcapil Badung (WITA) with its unit, a Jayapura unit (WIT), and MPP Badung open Mon–Fri 08:00–15:00 and Sat 08:00–12:00. */
export async function buildCalendarPlaces(db: Db) {
  await importRegions(
    { db },
    [
      { code: '51', name: 'BALI', parentCode: null },
      { code: '51.03', name: 'KABUPATEN BADUNG', parentCode: '51' },
      { code: '91', name: 'PAPUA', parentCode: null },
      { code: '91.71', name: 'KOTA JAYAPURA', parentCode: '91' },
    ],
    { sourceVersion: 'calendar-test@1' },
  );
  const ctx = { db, actor: CALENDAR_PLATFORM };
  const dukcapil = await createAgency(ctx, { code: 'DISDUKCAPIL-BDG', name: 'Disdukcapil Kabupaten Badung', kind: 'regency_government' });
  const papua = await createAgency(ctx, { code: 'DPMPTSP-JPR', name: 'DPMPTSP Kota Jayapura', kind: 'regency_government' });
  const adminduk = await createServiceUnit(ctx, {
    agencyId: dukcapil.id,
    code: 'ADMINDUK',
    name: 'Bidang Pelayanan Pendaftaran Penduduk',
    regionCode: '51.03',
  });
  const jayapura = await createServiceUnit(ctx, {
    agencyId: papua.id,
    code: 'PERIZINAN',
    name: 'Pelayanan Perizinan',
    regionCode: '91.71',
  });
  const mall = await createMall(ctx, { regionCode: '51.03', code: 'MPP-BADUNG', name: 'MPP Badung', address: 'Jl. Raya Sempidi, Mengwi' });
  await sql`insert into organizations.mall_hours (mall_id, weekday, opens_at, closes_at)
    select ${mall.id}::uuid, d, '08:00', case when d = 6 then '12:00'::time else '15:00'::time end from generate_series(1, 6) d`.execute(
    db,
  );
  return {
    dukcapil,
    papua,
    adminduk,
    jayapura,
    mall,
    staff: {
      platform: CALENDAR_PLATFORM,
      dukcapil: calendarStaff({ kind: 'agency', id: dukcapil.id }, 'Admin Disdukcapil'),
      adminduk: calendarStaff({ kind: 'unit', id: adminduk.id }, 'Admin Adminduk'),
      papua: calendarStaff({ kind: 'agency', id: papua.id }, 'Admin Jayapura'),
      mall: calendarStaff({ kind: 'mall', id: mall.id }, 'Pengelola MPP'),
    },
  };
}
