import { expect, it } from 'vitest';
import { tablesOf } from '../../platform/db/database.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { importRegions } from './import-regions.js';
import { countRegions, findRegion } from './organizations.repository.js';
import type { OrganizationsTables } from './organizations.tables.js';
import { REGION_SLICE, seedRegionSlice } from './organizations.test-support.js';

eachDatabase('importRegions', (db) => {
  const tables = () => tablesOf<OrganizationsTables>(db().db);

  it('stores each region with its level, parent and the time zone of its province', async () => {
    const result = await seedRegionSlice(db().db);
    expect(result).toMatchObject({ inserted: REGION_SLICE.length, updated: 0, unchanged: 0 });
    expect(await findRegion(tables(), '51.03.02.2001')).toMatchObject({
      level: 'village',
      parentCode: '51.03.02',
      timeZone: 'Asia/Makassar',
      sourceVersion: 'test-slice@1',
    });
    expect((await findRegion(tables(), '31.71'))?.timeZone).toBe('Asia/Jakarta');
  });

  it('changes nothing when the same data is imported again', async () => {
    await seedRegionSlice(db().db);
    const again = await seedRegionSlice(db().db);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: REGION_SLICE.length });
    expect(await countRegions(tables())).toBe(REGION_SLICE.length);
  });

  it('updates a renamed region in place and adds new ones, keeping the code', async () => {
    await seedRegionSlice(db().db);
    const next = REGION_SLICE.map((r) => (r.code === '73.71' ? { ...r, name: 'KOTA MAKASSAR (BARU)' } : r));
    next.push({ code: '73.71.01', name: 'Mariso', parentCode: '73.71' });
    const result = await importRegions({ db: db().db }, next, { sourceVersion: 'test-slice@1' });
    expect(result).toMatchObject({ inserted: 1, updated: 1, unchanged: REGION_SLICE.length - 1 });
    expect((await findRegion(tables(), '73.71'))?.name).toBe('KOTA MAKASSAR (BARU)');
  });

  it('writes nothing when one row of the batch is invalid', async () => {
    const broken = [...REGION_SLICE, { code: '99', name: 'NOWHERE', parentCode: null }];
    await expect(importRegions({ db: db().db }, broken, { sourceVersion: 'x' })).rejects.toThrow(/No time zone/);
    expect(await countRegions(tables())).toBe(0);
  });
});
