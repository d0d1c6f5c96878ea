import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Scope } from '../../platform/access/access.js';
import type { OrganizationsTables } from './organizations.tables.js';
import type { RegionLevel } from './time-zone.js';

type Db = Kysely<OrganizationsTables>;
type T = OrganizationsTables;

// ---- regions ------------------------------------------------------------------------------------

export async function upsertRegions(db: Db, rows: Insertable<T['organizations.region']>[]) {
  if (rows.length === 0) return [];
  return (
    db
      .insertInto('organizations.region')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            parentCode: eb.ref('excluded.parentCode'),
            timeZone: eb.ref('excluded.timeZone'),
            sourceVersion: eb.ref('excluded.sourceVersion'),
            updatedAt: new Date(),
          }))
          // Only real changes are written, so a repeated import touches no row and reports 0 updates.
          .where((eb) =>
            eb.or([
              eb('organizations.region.name', 'is distinct from', eb.ref('excluded.name')),
              eb('organizations.region.parentCode', 'is distinct from', eb.ref('excluded.parentCode')),
              eb('organizations.region.sourceVersion', 'is distinct from', eb.ref('excluded.sourceVersion')),
            ]),
          ),
      )
      // xmax = 0 only on a freshly inserted tuple: tells inserts from updates in one statement.
      .returning(['code', sql<boolean>`(xmax = 0)`.as('inserted')])
      .execute()
  );
}

export async function findRegion(db: Db, code: string) {
  return db.selectFrom('organizations.region').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countRegions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organizations.region')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface Page {
  page: number;
  pageSize: number;
}

const likeEscape = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchRegions(db: Db, filter: { q?: string; level?: RegionLevel; parent?: string } & Page) {
  let query = db.selectFrom('organizations.region');
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([eb('name', 'ilike', likeEscape(q)), eb('code', 'like', `${q.replace(/[\\%_]/g, '')}%`)]));
  }
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.parent) query = query.where('parentCode', '=', filter.parent);
  const [items, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('code')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

// ---- scope --------------------------------------------------------------------------------------

/** SQL expressions (snake_case, over the one table of the query) that give a row's agency, unit and mall. */
export interface ScopeColumns {
  agency?: string;
  unit?: string;
  mall?: string;
}

/**
 * The one tenant filter: platform scope sees every row; an agency, unit or mall scope only rows whose
 * agency, unit or mall is that one. No scope at all sees nothing. The column expressions are constants
 * of this file, never input, which is why they may be raw SQL.
 */
export function inScope(scopes: readonly Scope[], columns: ScopeColumns): RawBuilder<SqlBool> {
  if (scopes.some((s) => s.kind === 'platform')) return sql<SqlBool>`true`;
  const parts = scopes.flatMap((s) => {
    const column = s.kind === 'platform' ? undefined : columns[s.kind];
    return column && s.id ? [sql`${sql.raw(column)} = ${s.id}`] : [];
  });
  return parts.length > 0 ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

export const SCOPE_COLUMNS = {
  'organizations.agency': { agency: 'agency.id' },
  'organizations.orgUnit': { agency: 'org_unit.agency_id' },
  'organizations.serviceUnit': { agency: 'service_unit.agency_id', unit: 'service_unit.id' },
  'organizations.mall': { mall: 'mall.id' },
  'organizations.booth': {
    mall: 'booth.mall_id',
    unit: 'booth.service_unit_id',
    agency: '(select su.agency_id from organizations.service_unit su where su.id = booth.service_unit_id)',
  },
  'organizations.counter': {
    mall: '(select b.mall_id from organizations.booth b where b.id = counter.booth_id)',
    unit: '(select b.service_unit_id from organizations.booth b where b.id = counter.booth_id)',
    agency:
      '(select su.agency_id from organizations.booth b join organizations.service_unit su on su.id = b.service_unit_id where b.id = counter.booth_id)',
  },
} as const satisfies Record<LifecycleTable, ScopeColumns>;

// ---- rows with a lifecycle (active, version) ----------------------------------------------------

export type LifecycleTable =
  | 'organizations.agency'
  | 'organizations.orgUnit'
  | 'organizations.serviceUnit'
  | 'organizations.mall'
  | 'organizations.booth'
  | 'organizations.counter';

interface LifecycleRow {
  id: string;
  version: number;
  active: boolean;
  deactivatedAt: Date | null;
  updatedAt: Date;
}
/** Every lifecycle table seen through the columns they share, so one query serves all six. */
type LifecycleView = { [K in LifecycleTable]: LifecycleRow };

/** Locks one row the scopes may change; undefined when it does not exist or lies outside them. */
export async function lockInScope(db: Db, table: LifecycleTable, id: string, scopes: readonly Scope[]) {
  // The tables share these columns, so any member of the union types the query the same way.
  const view = db as unknown as Kysely<LifecycleView>;
  return view
    .selectFrom(table as 'organizations.agency')
    .select(['id', 'version', 'active'])
    .where('id', '=', id)
    .where(inScope(scopes, SCOPE_COLUMNS[table]))
    .forUpdate()
    .executeTakeFirst();
}

export async function markDeactivated(db: Db, table: LifecycleTable, id: string) {
  const view = db as unknown as Kysely<LifecycleView>;
  const now = new Date();
  return view
    .updateTable(table as 'organizations.agency')
    .set({ active: false, deactivatedAt: now, updatedAt: now, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** Active booths that would be orphaned by deactivating an agency, a service unit or a mall. */
export async function countActiveBooths(db: Db, of: { agencyId?: string; serviceUnitId?: string; mallId?: string }) {
  let query = db
    .selectFrom('organizations.booth as b')
    .innerJoin('organizations.serviceUnit as su', 'su.id', 'b.serviceUnitId')
    .where('b.active', '=', true);
  if (of.agencyId) query = query.where('su.agencyId', '=', of.agencyId);
  if (of.serviceUnitId) query = query.where('b.serviceUnitId', '=', of.serviceUnitId);
  if (of.mallId) query = query.where('b.mallId', '=', of.mallId);
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deactivateCountersOfBooth(db: Db, boothId: string) {
  const now = new Date();
  await db
    .updateTable('organizations.counter')
    .set({ active: false, deactivatedAt: now, updatedAt: now, version: sql<number>`version + 1` })
    .where('boothId', '=', boothId)
    .where('active', '=', true)
    .execute();
}

// ---- agencies -----------------------------------------------------------------------------------

export type AgencyRow = Selectable<T['organizations.agency']>;
export type ServiceUnitRow = Selectable<T['organizations.serviceUnit']>;
export type OrgUnitRow = Selectable<T['organizations.orgUnit']>;
export type MallRow = Selectable<T['organizations.mall']>;
export type BoothRow = Selectable<T['organizations.booth']>;
export type CounterRow = Selectable<T['organizations.counter']>;

export interface ListFilter extends Page {
  q?: string;
  active?: boolean;
}

async function paged<R>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any select query of this module; rows are typed by R
  query: any,
  filter: Page,
  order: string,
): Promise<{ items: R[]; total: number }> {
  const [items, total] = await Promise.all([
    query
      .selectAll()
      .orderBy(order)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute() as Promise<R[]>,
    query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>,
  ]);
  return { items, total: Number(total.n) };
}

type AgencyFilter = ListFilter & { kind?: string; region?: string };

function agencyQuery(db: Db, filter: AgencyFilter) {
  let query = db.selectFrom('organizations.agency');
  if (filter.q) {
    const q = likeEscape(filter.q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', q), eb('code', 'ilike', q)]));
  }
  if (filter.kind) query = query.where('kind', '=', filter.kind as AgencyRow['kind']);
  if (filter.region) query = query.where('regionCode', 'like', `${filter.region}%`);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return query;
}

/** The public catalogue: every agency. Admin screens use `listAgenciesInScope`. */
export async function listAgencies(db: Db, filter: AgencyFilter) {
  return paged<AgencyRow>(agencyQuery(db, filter), filter, 'name');
}

export async function findAgency(db: Db, id: string) {
  return db.selectFrom('organizations.agency').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAgencyByCode(db: Db, code: string) {
  return db.selectFrom('organizations.agency').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertAgency(db: Db, row: Pick<AgencyRow, 'code' | 'name' | 'kind' | 'regionCode'>) {
  return db.insertInto('organizations.agency').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgency(db: Db, id: string, set: Pick<AgencyRow, 'code' | 'name' | 'kind' | 'regionCode'>) {
  return db
    .updateTable('organizations.agency')
    .set({ ...set, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- organizational units -----------------------------------------------------------------------

type OrgUnitFilter = ListFilter & { agencyId?: string };

function orgUnitQuery(db: Db, filter: OrgUnitFilter) {
  let query = db.selectFrom('organizations.orgUnit');
  if (filter.q) {
    const q = likeEscape(filter.q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', q), eb('code', 'ilike', q)]));
  }
  if (filter.agencyId) query = query.where('agencyId', '=', filter.agencyId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return query;
}

export async function listOrgUnits(db: Db, filter: OrgUnitFilter) {
  return paged<OrgUnitRow>(orgUnitQuery(db, filter), filter, 'code');
}

export async function findOrgUnit(db: Db, id: string) {
  return db.selectFrom('organizations.orgUnit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrgUnit(db: Db, row: Pick<OrgUnitRow, 'agencyId' | 'parentId' | 'code' | 'name'>) {
  return db.insertInto('organizations.orgUnit').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrgUnit(db: Db, id: string, set: Pick<OrgUnitRow, 'parentId' | 'code' | 'name'>) {
  return db
    .updateTable('organizations.orgUnit')
    .set({ ...set, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- service units (UPP) ------------------------------------------------------------------------

type ServiceUnitFilter = ListFilter & { agencyId?: string; region?: string };

function serviceUnitQuery(db: Db, filter: ServiceUnitFilter) {
  let query = db.selectFrom('organizations.serviceUnit');
  if (filter.q) {
    const q = likeEscape(filter.q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', q), eb('code', 'ilike', q)]));
  }
  if (filter.agencyId) query = query.where('agencyId', '=', filter.agencyId);
  if (filter.region) query = query.where('regionCode', 'like', `${filter.region}%`);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return query;
}

export async function listServiceUnits(db: Db, filter: ServiceUnitFilter) {
  return paged<ServiceUnitRow>(serviceUnitQuery(db, filter), filter, 'name');
}

export async function findServiceUnit(db: Db, id: string) {
  return db.selectFrom('organizations.serviceUnit').selectAll().where('id', '=', id).executeTakeFirst();
}

type ServiceUnitFields = Pick<ServiceUnitRow, 'orgUnitId' | 'code' | 'name' | 'regionCode' | 'address'>;

export async function insertServiceUnit(db: Db, row: ServiceUnitFields & { agencyId: string }) {
  return db.insertInto('organizations.serviceUnit').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateServiceUnit(db: Db, id: string, set: ServiceUnitFields) {
  return db
    .updateTable('organizations.serviceUnit')
    .set({ ...set, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- malls (MPP) --------------------------------------------------------------------------------

type MallFilter = ListFilter & { region?: string };

function mallQuery(db: Db, filter: MallFilter) {
  let query = db.selectFrom('organizations.mall');
  if (filter.q) {
    const q = likeEscape(filter.q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', q), eb('code', 'ilike', q)]));
  }
  if (filter.region) query = query.where('regionCode', 'like', `${filter.region}%`);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return query;
}

export async function listMalls(db: Db, filter: MallFilter) {
  return paged<MallRow>(mallQuery(db, filter), filter, 'name');
}

export async function findMall(db: Db, id: string) {
  return db.selectFrom('organizations.mall').selectAll().where('id', '=', id).executeTakeFirst();
}

type MallFields = Pick<MallRow, 'regionCode' | 'code' | 'name' | 'address' | 'timeZone'>;

export async function insertMall(db: Db, row: MallFields) {
  return db.insertInto('organizations.mall').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateMall(db: Db, id: string, set: MallFields) {
  return db
    .updateTable('organizations.mall')
    .set({ ...set, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findMallHours(db: Db, mallId: string) {
  const [weekly, exceptions] = await Promise.all([
    db.selectFrom('organizations.mallHours').selectAll().where('mallId', '=', mallId).orderBy('weekday').execute(),
    db.selectFrom('organizations.mallHoursException').selectAll().where('mallId', '=', mallId).orderBy('date').execute(),
  ]);
  return { weekly, exceptions };
}

/** Replaces a mall's hours as a whole: the form and the API always send the full week and exception list. */
export async function replaceMallHours(
  db: Db,
  mallId: string,
  weekly: Omit<T['organizations.mallHours'], 'mallId'>[],
  exceptions: Omit<T['organizations.mallHoursException'], 'mallId'>[],
) {
  await db.deleteFrom('organizations.mallHours').where('mallId', '=', mallId).execute();
  await db.deleteFrom('organizations.mallHoursException').where('mallId', '=', mallId).execute();
  if (weekly.length) {
    await db
      .insertInto('organizations.mallHours')
      .values(weekly.map((w) => ({ ...w, mallId })))
      .execute();
  }
  if (exceptions.length) {
    await db
      .insertInto('organizations.mallHoursException')
      .values(exceptions.map((e) => ({ ...e, mallId })))
      .execute();
  }
}

// ---- booths (gerai) and counters (loket) --------------------------------------------------------

export async function listBooths(db: Db, filter: ListFilter & { mallId?: string; serviceUnitId?: string }) {
  let query = db.selectFrom('organizations.booth');
  if (filter.q) {
    const q = likeEscape(filter.q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', q), eb('code', 'ilike', q)]));
  }
  if (filter.mallId) query = query.where('mallId', '=', filter.mallId);
  if (filter.serviceUnitId) query = query.where('serviceUnitId', '=', filter.serviceUnitId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return paged<BoothRow>(query, filter, 'code');
}

export async function findBooth(db: Db, id: string) {
  return db.selectFrom('organizations.booth').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBooth(db: Db, row: Pick<BoothRow, 'mallId' | 'serviceUnitId' | 'code' | 'name'>) {
  return db.insertInto('organizations.booth').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateBooth(db: Db, id: string, set: Pick<BoothRow, 'code' | 'name'>) {
  return db
    .updateTable('organizations.booth')
    .set({ ...set, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listCounters(db: Db, filter: ListFilter & { boothId?: string }) {
  let query = db.selectFrom('organizations.counter');
  if (filter.q) query = query.where('name', 'ilike', likeEscape(filter.q));
  if (filter.boothId) query = query.where('boothId', '=', filter.boothId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return paged<CounterRow>(query, filter, 'code');
}

export async function findCounter(db: Db, id: string) {
  return db.selectFrom('organizations.counter').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCounter(db: Db, row: Pick<CounterRow, 'boothId' | 'code' | 'name'>) {
  return db.insertInto('organizations.counter').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCounter(db: Db, id: string, set: Pick<CounterRow, 'code' | 'name'>) {
  return db
    .updateTable('organizations.counter')
    .set({ ...set, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- admin screens: only the rows inside the staff member's scopes ------------------------------
// The scopes are a required argument, so no admin list can forget them; no scope at all lists nothing.

export async function listAgenciesInScope(db: Db, scopes: readonly Scope[], filter: AgencyFilter) {
  return paged<AgencyRow>(agencyQuery(db, filter).where(inScope(scopes, SCOPE_COLUMNS['organizations.agency'])), filter, 'name');
}

export async function listOrgUnitsInScope(db: Db, scopes: readonly Scope[], filter: OrgUnitFilter) {
  return paged<OrgUnitRow>(orgUnitQuery(db, filter).where(inScope(scopes, SCOPE_COLUMNS['organizations.orgUnit'])), filter, 'code');
}

export async function listServiceUnitsInScope(db: Db, scopes: readonly Scope[], filter: ServiceUnitFilter) {
  return paged<ServiceUnitRow>(
    serviceUnitQuery(db, filter).where(inScope(scopes, SCOPE_COLUMNS['organizations.serviceUnit'])),
    filter,
    'name',
  );
}

export async function listMallsInScope(db: Db, scopes: readonly Scope[], filter: MallFilter) {
  return paged<MallRow>(mallQuery(db, filter).where(inScope(scopes, SCOPE_COLUMNS['organizations.mall'])), filter, 'name');
}

/** A mall's booths the scopes cover, with their unit and agency, active first; a mall has tens of them, so no paging. */
export async function listBoothsOfMallInScope(db: Db, scopes: readonly Scope[], mallId: string) {
  return db
    .selectFrom('organizations.booth')
    .innerJoin('organizations.serviceUnit as su', 'su.id', 'organizations.booth.serviceUnitId')
    .innerJoin('organizations.agency as a', 'a.id', 'su.agencyId')
    .selectAll('organizations.booth')
    .select(['su.name as unitName', 'a.name as agencyName'])
    .where('organizations.booth.mallId', '=', mallId)
    .where(inScope(scopes, SCOPE_COLUMNS['organizations.booth']))
    .orderBy('organizations.booth.active', 'desc')
    .orderBy('organizations.booth.code')
    .execute();
}

export async function listCountersOfBoothsInScope(db: Db, scopes: readonly Scope[], boothIds: readonly string[]) {
  if (boothIds.length === 0) return [];
  return db
    .selectFrom('organizations.counter')
    .selectAll()
    .where('boothId', 'in', [...boothIds])
    .where(inScope(scopes, SCOPE_COLUMNS['organizations.counter']))
    .orderBy('active', 'desc')
    .orderBy('code')
    .execute();
}

/** Agencies for a form's select or a list's filter: those the scopes cover, active ones only for a form. */
export async function listAgencyChoicesInScope(db: Db, scopes: readonly Scope[], options: { activeOnly: boolean }) {
  let query = db
    .selectFrom('organizations.agency')
    .select(['id', 'code', 'name'])
    .where(inScope(scopes, SCOPE_COLUMNS['organizations.agency']));
  if (options.activeOnly) query = query.where('active', '=', true);
  return query.orderBy('name').execute();
}

/** Active organizational units the scopes cover, of the given agencies, for a "parent unit" select. */
export async function listOrgUnitChoicesInScope(db: Db, scopes: readonly Scope[], agencyIds: readonly string[]) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('organizations.orgUnit')
    .select(['id', 'agencyId', 'parentId', 'code', 'name'])
    .where('agencyId', 'in', [...agencyIds])
    .where('active', '=', true)
    .where(inScope(scopes, SCOPE_COLUMNS['organizations.orgUnit']))
    .orderBy('code')
    .execute();
}

/**
 * Service units a new booth in this mall may belong to. A booth sits in both its mall and its unit, so
 * scopes covering the mall cover a booth of any unit (as `createBooth` checks); otherwise only the units they cover.
 */
export async function listBoothUnitChoicesInScope(db: Db, scopes: readonly Scope[], mallId: string) {
  const coversMall = scopes.some((s) => s.kind === 'platform' || (s.kind === 'mall' && s.id === mallId));
  let query = db
    .selectFrom('organizations.serviceUnit')
    .innerJoin('organizations.agency', 'organizations.agency.id', 'organizations.serviceUnit.agencyId')
    .select(['organizations.serviceUnit.id as id', 'organizations.serviceUnit.name as name', 'organizations.agency.name as agencyName'])
    .where('organizations.serviceUnit.active', '=', true);
  if (!coversMall) query = query.where(inScope(scopes, SCOPE_COLUMNS['organizations.serviceUnit']));
  return query.orderBy('organizations.agency.name').orderBy('organizations.serviceUnit.name').execute();
}

type NamedView = { [K in LifecycleTable]: { id: string; name: string } };

/** Names of rows by id, to label a page of rows with their agency or parent without a join per list. */
export async function namesById(db: Db, table: LifecycleTable, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const view = db as unknown as Kysely<NamedView>;
  const rows = await view
    .selectFrom(table as 'organizations.agency')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function countActiveCounters(db: Db, boothId: string) {
  const row = await db
    .selectFrom('organizations.counter')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('boothId', '=', boothId)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
