import pino from 'pino';
import { expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { tablesOf } from '../../platform/db/database.js';
import { findMall, listAgencies, listBooths, listCounters, listMalls } from './organizations.repository.js';
import { seedOrganizationsDemo } from './organizations.seed.js';
import type { OrganizationsTables } from './organizations.tables.js';

eachDatabase('seedOrganizationsDemo', (db) => {
  const seed = () => seedOrganizationsDemo({ database: db(), log: pino({ level: 'silent' }), progress: () => {} });
  const all = { page: 1, pageSize: 100 };

  it('builds MPP Kabupaten Badung in WITA with agencies of six kinds, their booths and counters, and Kemenko PMK in Jakarta', async () => {
    const first = await seed();
    expect(first.created).toBeGreaterThan(7000);
    const tables = tablesOf<OrganizationsTables>(db().db);
    const malls = await listMalls(tables, all);
    expect(malls.items).toHaveLength(1);
    expect(malls.items[0]).toMatchObject({ regionCode: '51.03', timeZone: 'Asia/Makassar' });
    const agencies = await listAgencies(tables, all);
    expect(new Set(agencies.items.map((a) => a.kind)).size).toBeGreaterThanOrEqual(6);
    expect(agencies.items.find((a) => a.code === 'KEMENKO-PMK')).toMatchObject({ kind: 'ministry', regionCode: '31.71' });
    expect((await listBooths(tables, { ...all, mallId: malls.items[0]!.id })).total).toBe(7);
    expect((await listCounters(tables, all)).total).toBeGreaterThanOrEqual(7);
    expect(await findMall(tables, malls.items[0]!.id)).toBeDefined();
  });

  it('creates nothing on a second run', async () => {
    await seed();
    expect(await seed()).toEqual({ logins: [], created: 0 });
  });
});
