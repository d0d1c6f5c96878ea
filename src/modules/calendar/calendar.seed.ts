import type { Actor } from '../../platform/access/access.js';
import type { DemoSeed } from '../../platform/module.js';
import { findIdsByCode } from '../organizations/index.js';
import { LocalDayBody } from './calendar.schemas.js';
import * as Svc from './calendar.service.js';

/** The seed acts as a platform calendar keeper, so it passes the same checks a person would. */
const SEED_ACTOR: Actor = {
  kind: 'staff',
  id: '00000000-0000-4000-8000-000000000000',
  name: 'Demo seed',
  sessionId: 'seed',
  grants: [{ role: 'platform-admin', scope: { kind: 'platform' }, permissions: new Set([Svc.CALENDAR_MANAGE]) }],
};

/**
 * Local days for the demo (national days ship with the migration): Adminduk Badung closed for a system
 * upgrade and open on Saturday 11 April 2026, and MPP Badung serving on the last Idulfitri cuti bersama
 * for people returning home. Idempotent: a place that has local days is left as it is.
 */
export const seedCalendarDemo: DemoSeed = async ({ database, log }) => {
  const ctx: Svc.CalendarContext = { db: database.db, actor: SEED_ACTOR };
  const { unitId, mallId } = await findIdsByCode(database.db, { agency: 'DISDUKCAPIL-BDG', unit: 'ADMINDUK', mall: 'MPP-BADUNG' });
  let created = 0;
  if (unitId && (await Svc.getUnitCalendar(ctx, unitId)).localDays.length === 0) {
    await Svc.setLocalDay(
      ctx,
      'unit',
      unitId,
      LocalDayBody.parse({ date: '2026-04-10', kind: 'closed', reason: 'Pemeliharaan server SIAK' }),
    );
    await Svc.setLocalDay(
      ctx,
      'unit',
      unitId,
      LocalDayBody.parse({ date: '2026-04-11', kind: 'open', opens: '08:00', closes: '12:00', reason: 'Layanan akhir pekan pengganti' }),
    );
    created += 2;
  }
  if (mallId && (await Svc.getMallCalendar(ctx, mallId)).localDays.length === 0) {
    await Svc.setLocalDay(
      ctx,
      'mall',
      mallId,
      LocalDayBody.parse({ date: '2026-03-24', kind: 'open', opens: '08:00', closes: '12:00', reason: 'Layanan arus balik Lebaran' }),
    );
    created++;
  }
  if (!unitId || !mallId) log.warn('calendar demo: Adminduk Badung or MPP Badung not found, skipped');
  return { logins: [], created };
};
