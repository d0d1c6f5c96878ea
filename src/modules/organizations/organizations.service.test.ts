import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tablesOf } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { eachDatabase } from '../../../test/support/databases.js';
import type { Database } from '../../platform/db/database.js';
import { findCounter } from './organizations.repository.js';
import * as Svc from './organizations.service.js';
import type { OrganizationsTables } from './organizations.tables.js';
import { PLATFORM_ADMIN, seedRegionSlice, staff } from './organizations.test-support.js';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Badung's MPP with one agency, its unit and a booth: the smallest structure the rules act on. */
async function structure(database: Database) {
  await seedRegionSlice(database.db);
  const ctx = { db: database.db, actor: PLATFORM_ADMIN };
  const agency = await Svc.createAgency(ctx, {
    code: 'DISDUKCAPIL-BDG',
    name: 'Disdukcapil Badung',
    kind: 'regency_government',
    regionCode: '51.03',
  });
  const unit = await Svc.createServiceUnit(ctx, {
    agencyId: agency.id,
    code: 'ADMINDUK',
    name: 'Pelayanan Adminduk',
    regionCode: '51.03.02',
  });
  const mall = await Svc.createMall(ctx, {
    regionCode: '51.03',
    code: 'MPP-BADUNG',
    name: 'MPP Kabupaten Badung',
    address: 'Jl. Raya Sempidi, Mengwi',
  });
  const booth = await Svc.createBooth(ctx, { mallId: mall.id, serviceUnitId: unit.id, code: 'A', name: 'Gerai Disdukcapil' });
  return { ctx, agency, unit, mall, booth };
}

describe('coversTarget', () => {
  it('lets the platform scope cover everything and other scopes only their own agency, unit or mall', () => {
    expect(Svc.coversTarget([{ kind: 'platform' }], { agencyId: 'a' })).toBe(true);
    expect(Svc.coversTarget([{ kind: 'agency', id: 'a' }], { agencyId: 'a' })).toBe(true);
    expect(Svc.coversTarget([{ kind: 'agency', id: 'a' }], { agencyId: 'b' })).toBe(false);
    expect(Svc.coversTarget([{ kind: 'mall', id: 'm' }], { agencyId: 'a', mallId: 'm' })).toBe(true);
    expect(Svc.coversTarget([], { agencyId: 'a' })).toBe(false);
  });
});

eachDatabase('organizations service', (db) => {
  it('derives a mall’s time zone from its regency: Badung is WITA, Jakarta Pusat is WIB', async () => {
    const { ctx, mall } = await structure(db());
    expect(mall.timeZone).toBe('Asia/Makassar');
    const jakarta = await Svc.createMall(ctx, {
      regionCode: '31.71',
      code: 'MPP-JKP',
      name: 'MPP Jakarta Pusat',
      address: 'Jl. Medan Merdeka',
    });
    expect(jakarta.timeZone).toBe('Asia/Jakarta');
  });

  it('records an event in the outbox with each change', async () => {
    await structure(db());
    const names = (await db().db.selectFrom('platform.outbox').select('name').orderBy('id').execute()).map((r) => r.name);
    expect(names).toEqual([
      'organizations.agency.created',
      'organizations.service-unit.created',
      'organizations.mall.created',
      'organizations.booth.created',
    ]);
  });

  it('writes an audit record naming the actor and the subject with each change', async () => {
    const { agency } = await structure(db());
    const { rows } = await sql<{ action: string; subjectType: string; subjectId: string; actorId: string }>`
      select action, subject_type, subject_id, actor_id from audit.event order by seq`.execute(db().db);
    expect(rows.map((r) => r.action)).toEqual([
      'organizations.agency.created',
      'organizations.service-unit.created',
      'organizations.mall.created',
      'organizations.booth.created',
    ]);
    // The camel-case plugin renames the raw query's columns too.
    expect(rows[0]).toMatchObject({
      subjectType: 'agency',
      subjectId: agency.id,
      actorId: PLATFORM_ADMIN.kind === 'staff' ? PLATFORM_ADMIN.id : '',
    });
  });

  it('refuses a duplicate agency code with a field error on code, and writes nothing', async () => {
    const { ctx } = await structure(db());
    const error = await rejection(Svc.createAgency(ctx, { code: 'DISDUKCAPIL-BDG', name: 'Lagi', kind: 'other' }));
    expect(error.code).toBe('ORGANIZATIONS_CODE_TAKEN');
    expect(error.status).toBe(422);
    expect(error.fields.map((f) => f.path)).toEqual(['code']);
    expect(await db().db.selectFrom('platform.outbox').select('id').execute()).toHaveLength(4);
  });

  it('allows the same booth code in another mall: codes are unique per parent', async () => {
    const { ctx, unit } = await structure(db());
    const other = await Svc.createMall(ctx, {
      regionCode: '73.71',
      code: 'MPP-MKS',
      name: 'MPP Kota Makassar',
      address: 'Jl. Ahmad Yani, Makassar',
    });
    const booth = await Svc.createBooth(ctx, { mallId: other.id, serviceUnitId: unit.id, code: 'A', name: 'Gerai Disdukcapil' });
    expect(booth.code).toBe('A');
  });

  it('refuses a mall outside a regency/city, naming the region field', async () => {
    const { ctx } = await structure(db());
    const error = await rejection(Svc.createMall(ctx, { regionCode: '51.99', code: 'MPP-X', name: 'MPP X', address: 'Jl. Entah' }));
    expect(error.code).toBe('ORGANIZATIONS_REFERENCE_INVALID');
    expect(error.fields[0]?.path).toBe('regionCode');
  });

  it('edits with the version that was read and bumps it; a stale version is a conflict', async () => {
    const { ctx, agency } = await structure(db());
    const edited = await Svc.editAgency(ctx, agency.id, {
      code: agency.code,
      name: 'Dinas Dukcapil Badung',
      kind: agency.kind,
      version: 1,
    });
    expect(edited).toMatchObject({ name: 'Dinas Dukcapil Badung', version: 2 });
    const error = await rejection(Svc.editAgency(ctx, agency.id, { code: agency.code, name: 'Basi', kind: agency.kind, version: 1 }));
    expect(error.code).toBe('ORGANIZATIONS_VERSION_CONFLICT');
    expect(error.status).toBe(409);
  });

  it('refuses to deactivate an agency, unit or mall that still has active booths', async () => {
    const { ctx, agency, unit, mall } = await structure(db());
    for (const [kind, id] of [
      ['agency', agency.id],
      ['service-unit', unit.id],
      ['mall', mall.id],
    ] as const) {
      const error = await rejection(Svc.deactivate(ctx, kind, id, { version: 1 }));
      expect(error.code).toBe('ORGANIZATIONS_HAS_ACTIVE_BOOTHS');
      expect(error.params).toEqual({ count: 1 });
    }
  });

  it('deactivates a booth with its counters, after which the mall may be deactivated; nothing is deleted', async () => {
    const { ctx, mall, booth } = await structure(db());
    const counter = await Svc.createCounter(ctx, { boothId: booth.id, code: 'A1', name: 'Loket A1' });
    await Svc.deactivate(ctx, 'booth', booth.id, { version: 1 });
    const counterRow = await findCounter(tablesOf<OrganizationsTables>(db().db), counter.id);
    expect(counterRow).toMatchObject({ active: false });
    const done = await Svc.deactivate(ctx, 'mall', mall.id, { version: 1 });
    expect(done.version).toBe(2);
    const again = await rejection(Svc.deactivate(ctx, 'mall', mall.id, { version: 2 }));
    expect(again.code).toBe('ORGANIZATIONS_ALREADY_INACTIVE');
  });

  it('lets staff scoped to agency A edit its own unit but not agency B’s, whose existence stays hidden', async () => {
    const { ctx, agency, unit } = await structure(db());
    const other = await Svc.createAgency(ctx, { code: 'DPMPTSP-BDG', name: 'DPMPTSP Badung', kind: 'regency_government' });
    const otherUnit = await Svc.createServiceUnit(ctx, { agencyId: other.id, code: 'PERIZINAN', name: 'Perizinan', regionCode: '51.03' });
    const scoped = { db: db().db, actor: staff({ kind: 'agency', id: agency.id }) };
    const edit = { code: 'ADMINDUK', name: 'Pelayanan Adminduk Mengwi', regionCode: '51.03.02', version: 1 };
    expect(await Svc.editServiceUnit(scoped, unit.id, edit)).toMatchObject({ version: 2 });
    const error = await rejection(Svc.editServiceUnit(scoped, otherUnit.id, { ...edit, code: 'PERIZINAN' }));
    expect(error.code).toBe('ORGANIZATIONS_NOT_FOUND');
    const create = await rejection(Svc.createServiceUnit(scoped, { agencyId: other.id, code: 'X', name: 'Unit X', regionCode: '51.03' }));
    expect(create.fields[0]?.path).toBe('agencyId');
  });

  it('lets only the platform scope register agencies and malls', async () => {
    const { agency } = await structure(db());
    const scoped = { db: db().db, actor: staff({ kind: 'agency', id: agency.id }) };
    const error = await rejection(Svc.createAgency(scoped, { code: 'BARU', name: 'Instansi Baru', kind: 'other' }));
    expect(error.code).toBe('ORGANIZATIONS_OUT_OF_SCOPE');
  });

  it('refuses to move an organizational unit under itself or one of its descendants', async () => {
    const { ctx, agency } = await structure(db());
    const top = await Svc.createOrgUnit(ctx, { agencyId: agency.id, code: 'SEKRETARIAT', name: 'Sekretariat' });
    const child = await Svc.createOrgUnit(ctx, { agencyId: agency.id, parentId: top.id, code: 'UMUM', name: 'Subbagian Umum' });
    const self = await rejection(Svc.editOrgUnit(ctx, top.id, { code: 'SEKRETARIAT', name: 'Sekretariat', parentId: top.id, version: 1 }));
    expect(self.fields[0]?.path).toBe('parentId');
    const loop = await rejection(
      Svc.editOrgUnit(ctx, top.id, { code: 'SEKRETARIAT', name: 'Sekretariat', parentId: child.id, version: 1 }),
    );
    expect(loop.code).toBe('ORGANIZATIONS_REFERENCE_INVALID');
  });
});
