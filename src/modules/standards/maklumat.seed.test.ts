import pino from 'pino';
import { beforeEach, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { seedMaklumatDemo } from './maklumat.seed.js';
import * as Svc from './maklumat.service.js';
import { buildPledgeUnits } from './maklumat.test-support.js';

eachDatabase('seedMaklumatDemo', (db) => {
  let units: Awaited<ReturnType<typeof buildPledgeUnits>>;
  const seed = () => seedMaklumatDemo({ database: db(), log: pino({ level: 'silent' }), progress: () => {} });
  const pledgesOf = (unitId: string) => Svc.getUnitPledges({ db: db().db, actor: units.staff.platform }, unitId);

  beforeEach(async () => {
    // Two of the organizations demo's units (same codes); the demo's other units are missing and skipped.
    units = await buildPledgeUnits(db().db);
  });

  it('publishes a pledge for each demo unit through the service, one with a superseded predecessor, and nothing on a second run', async () => {
    expect(await seed()).toEqual({ logins: [], created: 3 });
    const adminduk = await pledgesOf(units.adminduk.id);
    expect(adminduk.history.map((m) => [m.status, m.signedAt])).toEqual([
      ['published', '2026-01-05'],
      ['superseded', '2025-01-05'],
    ]);
    expect(adminduk.published).toMatchObject({ signatoryName: 'I Made Sutama Wijaya, S.Sos., M.Si.', place: 'Mangupura' });
    expect(adminduk.published?.promiseSanction).toMatch(/sanksi dan\/atau memberikan kompensasi/);
    expect((await Svc.findPublishedMaklumat(db().db, units.kuta.id))?.signatoryTitle).toBe('Pemimpin Cabang BRI Kuta');

    expect(await seed()).toEqual({ logins: [], created: 0 });
    expect((await pledgesOf(units.adminduk.id)).history).toHaveLength(2);
  });
});
