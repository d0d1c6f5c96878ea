import type { Kysely } from 'kysely';
import { isUuid, type SubjectResolver, type TenantPath } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import type { OrganizationsTables } from './organizations.tables.js';

/**
 * Where each organization record sits in the tree, for the platform's access check on routes with
 * `scope: { subject: 'agencyId' | 'orgUnitId' | … }`. Other modules hang their records on these too
 * (a standard on its service unit, an application on the unit that processes it) and reuse `tenantOfServiceUnit`.
 */
type Db = Kysely<OrganizationsTables>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolvers receive the untyped shared handle
const org = (db: Kysely<any>): Db => tablesOf<OrganizationsTables>(db);

const guarded =
  (resolve: (db: Db, id: string) => Promise<TenantPath | undefined>): SubjectResolver =>
  (db, id) =>
    isUuid(id) ? resolve(org(db), id) : Promise.resolve(undefined);

export async function tenantOfServiceUnit(db: Db, id: string): Promise<TenantPath | undefined> {
  const row = await db.selectFrom('organizations.serviceUnit').select(['id', 'agencyId']).where('id', '=', id).executeTakeFirst();
  return row && { agencyId: row.agencyId, unitId: row.id };
}

async function tenantOfBooth(db: Db, id: string): Promise<TenantPath | undefined> {
  const row = await db
    .selectFrom('organizations.booth as b')
    .innerJoin('organizations.serviceUnit as su', 'su.id', 'b.serviceUnitId')
    .select(['b.mallId', 'b.serviceUnitId', 'su.agencyId'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  return row && { agencyId: row.agencyId, unitId: row.serviceUnitId, mallId: row.mallId };
}

export const organizationSubjects: Record<string, SubjectResolver> = {
  agencyId: guarded(async (db, id) => {
    const row = await db.selectFrom('organizations.agency').select('id').where('id', '=', id).executeTakeFirst();
    return row && { agencyId: row.id };
  }),
  orgUnitId: guarded(async (db, id) => {
    const row = await db.selectFrom('organizations.orgUnit').select('agencyId').where('id', '=', id).executeTakeFirst();
    return row && { agencyId: row.agencyId };
  }),
  serviceUnitId: guarded(tenantOfServiceUnit),
  mallId: guarded(async (db, id) => {
    const row = await db.selectFrom('organizations.mall').select('id').where('id', '=', id).executeTakeFirst();
    return row && { mallId: row.id };
  }),
  boothId: guarded(tenantOfBooth),
  counterId: guarded(async (db, id) => {
    const row = await db.selectFrom('organizations.counter').select('boothId').where('id', '=', id).executeTakeFirst();
    return row && tenantOfBooth(db, row.boothId);
  }),
};
