import type { Kysely } from 'kysely';
import { isUuid, type ScopeKind, type TenantPath } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import type { OrganizationsTables } from './organizations.tables.js';

/** Read-only lookups other modules need about the tree (identity: where a grant sits, what it is called). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass their own module's handle
type AnyDb = Kysely<any>;
const org = (db: AnyDb) => tablesOf<OrganizationsTables>(db);

export interface ScopeNode {
  name: string;
  active: boolean;
  /** The node's own place in the tree, to decide which scopes cover it. */
  path: TenantPath;
}

/** The agency, service unit or mall a scope points at; undefined when there is none. Platform has no node. */
export async function scopeNode(db: AnyDb, kind: Exclude<ScopeKind, 'platform'>, id: string): Promise<ScopeNode | undefined> {
  if (!isUuid(id)) return undefined;
  if (kind === 'agency') {
    const row = await org(db).selectFrom('organizations.agency').select(['id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
    return row && { name: row.name, active: row.active, path: { agencyId: row.id } };
  }
  if (kind === 'unit') {
    const row = await org(db)
      .selectFrom('organizations.serviceUnit')
      .select(['id', 'name', 'active', 'agencyId'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { name: row.name, active: row.active, path: { agencyId: row.agencyId, unitId: row.id } };
  }
  const row = await org(db).selectFrom('organizations.mall').select(['id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
  return row && { name: row.name, active: row.active, path: { mallId: row.id } };
}

/** Active scope nodes of a kind, for pickers; `within` narrows to what the given tenant paths cover. */
export async function listScopeNodes(db: AnyDb, kind: Exclude<ScopeKind, 'platform'>) {
  if (kind === 'agency') {
    return org(db).selectFrom('organizations.agency').select(['id', 'name']).where('active', '=', true).orderBy('name').execute();
  }
  if (kind === 'unit') {
    return org(db)
      .selectFrom('organizations.serviceUnit as su')
      .innerJoin('organizations.agency as a', 'a.id', 'su.agencyId')
      .select(['su.id', 'su.name', 'su.agencyId', 'a.name as agencyName'])
      .where('su.active', '=', true)
      .orderBy('a.name')
      .orderBy('su.name')
      .execute();
  }
  return org(db).selectFrom('organizations.mall').select(['id', 'name']).where('active', '=', true).orderBy('name').execute();
}

export async function unitIdsOfAgencies(db: AnyDb, agencyIds: readonly string[]): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await org(db)
    .selectFrom('organizations.serviceUnit')
    .select('id')
    .where('agencyId', 'in', [...agencyIds])
    .execute();
  return rows.map((r) => r.id);
}

export async function findRegionByCode(db: AnyDb, code: string) {
  return org(db).selectFrom('organizations.region').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
}

/** Ids by code, for other modules' demo seeds (`DISDUKCAPIL-BDG`, its unit `ADMINDUK`, `MPP-BADUNG`). */
export async function findIdsByCode(db: AnyDb, codes: { agency: string; unit?: string; mall?: string }) {
  const agency = await org(db).selectFrom('organizations.agency').select('id').where('code', '=', codes.agency).executeTakeFirst();
  const unit =
    agency && codes.unit
      ? await org(db)
          .selectFrom('organizations.serviceUnit')
          .select('id')
          .where('agencyId', '=', agency.id)
          .where('code', '=', codes.unit)
          .executeTakeFirst()
      : undefined;
  const mall = codes.mall
    ? await org(db).selectFrom('organizations.mall').select('id').where('code', '=', codes.mall).executeTakeFirst()
    : undefined;
  return { agencyId: agency?.id, unitId: unit?.id, mallId: mall?.id };
}

/** A service unit's Kemendagri region, for its legal time zone (the calendar module's clock); undefined when unknown. */
export async function regionOfServiceUnit(
  db: AnyDb,
  id: string,
): Promise<{ name: string; regionCode: string; active: boolean } | undefined> {
  if (!isUuid(id)) return undefined;
  return org(db).selectFrom('organizations.serviceUnit').select(['name', 'regionCode', 'active']).where('id', '=', id).executeTakeFirst();
}

/** A mall's time zone, weekly opening hours (ISO weekdays) and dated exceptions, read-only for the calendar module. */
export async function openingHoursOfMall(db: AnyDb, id: string) {
  if (!isUuid(id)) return undefined;
  const mall = await org(db)
    .selectFrom('organizations.mall')
    .select(['id', 'name', 'timeZone', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!mall) return undefined;
  const [weekly, exceptions] = await Promise.all([
    org(db).selectFrom('organizations.mallHours').select(['weekday', 'opensAt', 'closesAt']).where('mallId', '=', id).execute(),
    org(db)
      .selectFrom('organizations.mallHoursException')
      .select(['date', 'opensAt', 'closesAt', 'reason'])
      .where('mallId', '=', id)
      .execute(),
  ]);
  return { ...mall, weekly, exceptions };
}

// ---- published read model -----------------------------------------------------------------------

type TimeZoneName = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

/**
 * The read-only views this module publishes for other modules
 * (db/migrations/20261207T1210__organizations__read-views.sql), as Kysely sees them through CamelCasePlugin.
 */
export type OrganizationsViews = {
  'organizations.unitDirectory': UnitDirectoryView;
  'organizations.agencyDirectory': AgencyDirectoryView;
  'organizations.mallDirectory': MallDirectoryView;
};

export interface UnitDirectoryView {
  id: string;
  name: string;
  agencyId: string;
  /** The time zone of the unit's region. */
  timeZone: TimeZoneName | null;
}

export interface AgencyDirectoryView {
  id: string;
  name: string;
}

export interface MallDirectoryView {
  id: string;
  name: string;
  timeZone: TimeZoneName;
}
