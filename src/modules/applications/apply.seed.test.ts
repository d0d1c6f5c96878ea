import { sql } from 'kysely';
import pino from 'pino';
import { expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { Apply, buildApplyFixture } from './applications.test-support.js';
import { seedApplying } from './apply.seed.js';

eachDatabase('seedApplying', (db) => {
  it('gives the demo citizen a draft and two submitted applications through the use cases, and nothing on a second run', async () => {
    const fx = await buildApplyFixture(db().db);
    // The demo's slugs and citizen on the fixture's published services and account.
    await sql`update standards.service set slug = 'akta-kematian-badung' where id = ${fx.service.id}`.execute(db().db);
    await sql`update standards.service set slug = 'surat-pindah-skpwni-badung', channels = 'both' where id = ${fx.counterService.id}`.execute(
      db().db,
    );
    await sql`update standards.service set slug = 'kartu-keluarga-badung' where id = ${fx.otherService.id}`.execute(db().db);
    await sql`update identity.account set email = 'warga@satupintu.test' where id = ${fx.citizens.warga.id}`.execute(db().db);
    const seed = () => seedApplying({ database: db(), log: pino({ level: 'silent' }), progress: () => {} });

    expect(await seed()).toEqual({ logins: [], created: 3 });
    const mine = await Apply.listMyApplications(fx.ctx(fx.citizens.warga));
    expect(mine.map((a) => a.status).sort()).toEqual(['draft', 'submitted', 'submitted']);
    expect(mine.filter((a) => a.trackingNumber).length).toBe(2);

    expect(await seed()).toEqual({ logins: [], created: 0 });
    expect(await Apply.listMyApplications(fx.ctx(fx.citizens.warga))).toHaveLength(3);
  });
});
