import type { Kysely } from 'kysely';
import { isUuid, type SubjectResolver, type TenantPath } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import type { StandardsTables } from './standards.tables.js';

/**
 * Where standards records sit in the tree: a service, its versions and their consultation comments
 * belong to the service's unit and agency; a maklumat to its unit. Malls do not own standards: a mall
 * manager hosts booths but does not write an agency's standard.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolvers receive the shared handle
type AnyDb = Kysely<any>;
const st = (db: AnyDb) => tablesOf<StandardsTables>(db);

const guarded =
  (resolve: (db: AnyDb, id: string) => Promise<TenantPath | undefined>): SubjectResolver =>
  (db, id) =>
    isUuid(id) ? resolve(db, id) : Promise.resolve(undefined);

async function ofService(db: AnyDb, serviceId: string): Promise<TenantPath | undefined> {
  const row = await st(db)
    .selectFrom('standards.service')
    .select(['agencyId', 'serviceUnitId'])
    .where('id', '=', serviceId)
    .executeTakeFirst();
  return row && { agencyId: row.agencyId, unitId: row.serviceUnitId };
}

export const standardsSubjects: Record<string, SubjectResolver> = {
  serviceId: guarded(ofService),
  versionId: guarded(async (db, id) => {
    const row = await st(db).selectFrom('standards.standardVersion').select('serviceId').where('id', '=', id).executeTakeFirst();
    return row && ofService(db, row.serviceId);
  }),
  commentId: guarded(async (db, id) => {
    const row = await st(db)
      .selectFrom('standards.consultationComment as c')
      .innerJoin('standards.standardVersion as v', 'v.id', 'c.versionId')
      .select('v.serviceId')
      .where('c.id', '=', id)
      .executeTakeFirst();
    return row && ofService(db, row.serviceId);
  }),
  maklumatId: guarded(async (db, id) => {
    const row = await st(db).selectFrom('standards.maklumat').select(['agencyId', 'serviceUnitId']).where('id', '=', id).executeTakeFirst();
    return row && { agencyId: row.agencyId, unitId: row.serviceUnitId };
  }),
};
