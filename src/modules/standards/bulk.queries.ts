import { sql, type Kysely } from 'kysely';
import type { Scope } from '../../platform/access/access.js';
import type { DraftContent, VersionStatus } from './standards.content.js';
import { OPEN_STATUSES, serviceInScope, type ServiceRow } from './standards.repository.js';

/**
 * Read-only queries of the bulk import and export. Files name units by agency and unit code, malls by region
 * and mall code and booths by their code in the mall, so these join the organizations module's tables (read, never written), as the catalog's and the admin screens' queries
 * do; when organizations publishes lookups by code, only this file changes. Scopes use the repository's
 * `serviceInScope`, the one tenant rule of standards.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw SQL over this module's and organizations' tables
type AnyDb = Kysely<any>;

export interface UnitByCode {
  id: string;
  code: string;
  name: string;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  /** Both the unit and its agency are active. */
  active: boolean;
}

/** Service units as rows shaped like services (`s.service_unit_id`, `s.agency_id`), so `serviceInScope` filters them. */
const UNITS = sql`(
  select su.id as service_unit_id, su.agency_id, su.code, su.name, a.code as agency_code, a.name as agency_name,
         (su.active and a.active) as active
  from organizations.service_unit su join organizations.agency a on a.id = su.agency_id) s`;

const UNIT_COLUMNS = sql`s.service_unit_id as id, s.code, s.name, s.agency_id as "agencyId", s.agency_code as "agencyCode",
  s.agency_name as "agencyName", s.active`;

/** Active units inside the scopes, for the template's list of units. */
export async function activeUnitsInScope(db: AnyDb, scopes: readonly Scope[]): Promise<UnitByCode[]> {
  const { rows } = await sql<UnitByCode>`
    select ${UNIT_COLUMNS} from ${UNITS}
    where s.active and ${serviceInScope(scopes)}
    order by s.agency_code, s.code`.execute(db);
  return rows;
}

/** Units named by agency and unit code, wherever they are; the caller decides what the scope allows. */
export async function findUnitsByCode(db: AnyDb, pairs: readonly { agencyCode: string; unitCode: string }[]): Promise<UnitByCode[]> {
  if (pairs.length === 0) return [];
  const wanted = sql.join(pairs.map((p) => sql`(${p.agencyCode}, ${p.unitCode})`));
  const { rows } = await sql<UnitByCode>`
    select ${UNIT_COLUMNS} from ${UNITS} where (s.agency_code, s.code) in (${wanted})`.execute(db);
  return rows;
}

/** A service's own columns, as files carry them. */
type ServiceColumns = Pick<
  ServiceRow,
  'code' | 'slug' | 'name' | 'summary' | 'keywords' | 'category' | 'kind' | 'lifeEvents' | 'audiences' | 'channels' | 'active'
>;
const SERVICE_COLUMNS = sql`s.code, s.slug, s.name, s.summary, s.keywords, s.category, s.kind, s.life_events as "lifeEvents", s.audiences,
  s.channels, s.active`;

export interface ExistingService extends ServiceColumns, Pick<ServiceRow, 'id' | 'serviceUnitId' | 'version'> {
  /** The version in the making, if any (at most one per service). */
  openVersionId: string | null;
  openStatus: VersionStatus | null;
  openNumber: number | null;
  openVersion: number | null;
  openContent: DraftContent | null;
}

/** Services by unit and code, each with its version in the making. */
export async function findServicesByCode(db: AnyDb, keys: readonly { unitId: string; code: string }[]): Promise<ExistingService[]> {
  if (keys.length === 0) return [];
  const wanted = sql.join(keys.map((k) => sql`(${k.unitId}::uuid, ${k.code})`));
  const open = sql.join(OPEN_STATUSES.map((s) => sql`${s}`));
  const { rows } = await sql<ExistingService>`
    select s.id, s.service_unit_id as "serviceUnitId", s.version, ${SERVICE_COLUMNS},
           o.id as "openVersionId", o.status as "openStatus", o.number as "openNumber", o.version as "openVersion", o.content as "openContent"
    from standards.service s
      left join standards.standard_version o on o.service_id = s.id and o.status in (${open})
    where (s.service_unit_id, s.code) in (${wanted})`.execute(db);
  return rows;
}

/** Whether a page address is taken, by any service. */
export async function slugTaken(db: AnyDb, slug: string): Promise<boolean> {
  const { rows } = await sql`select 1 from standards.service where slug = ${slug}`.execute(db);
  return rows.length > 0;
}

export interface ExportFilter {
  agencyId?: string | undefined;
  serviceUnitId?: string | undefined;
  category?: string | undefined;
  includeInactive: boolean;
  /** `latest`: the version in the making if there is one, else the published one; `published`: only services with one. */
  version: 'latest' | 'published';
}

export interface ExportRow extends ServiceColumns {
  id: string;
  agencyCode: string;
  unitCode: string;
  versionNumber: number | null;
  versionStatus: VersionStatus | null;
  versionVersion: number | null;
  content: DraftContent | null;
}

/** The services inside the scopes that the filter names, each with the version the export shows, by unit and code. */
export async function exportRows(db: AnyDb, scopes: readonly Scope[], filter: ExportFilter): Promise<ExportRow[]> {
  const statuses = filter.version === 'published' ? ['published'] : [...OPEN_STATUSES, 'published'];
  const { rows } = await sql<ExportRow>`
    select s.id, a.code as "agencyCode", su.code as "unitCode", ${SERVICE_COLUMNS},
           v.number as "versionNumber", v.status as "versionStatus", v.version as "versionVersion", v.content
    from standards.service s
      join organizations.service_unit su on su.id = s.service_unit_id
      join organizations.agency a on a.id = s.agency_id
      ${filter.version === 'published' ? sql`` : sql`left`} join lateral (
        select number, status, version, content from standards.standard_version sv
        where sv.service_id = s.id and sv.status in (${sql.join(statuses.map((st) => sql`${st}`))})
        -- The version in the making comes before the published one.
        order by (sv.status = 'published'), sv.number desc
        limit 1) v on true
    where ${serviceInScope(scopes)}
      ${filter.agencyId ? sql`and s.agency_id = ${filter.agencyId}` : sql``}
      ${filter.serviceUnitId ? sql`and s.service_unit_id = ${filter.serviceUnitId}` : sql``}
      ${filter.category ? sql`and s.category = ${filter.category}` : sql``}
      ${filter.includeInactive ? sql`` : sql`and s.active`}
    order by a.code, su.code, s.code`.execute(db);
  return rows;
}

// ---- places: malls by region and code, booths by code within their mall --------------------------------

export interface MallByCode {
  id: string;
  regionCode: string;
  code: string;
  active: boolean;
}

/** Malls named by region and mall code (unique together), active or not. */
export async function findMallsByCode(db: AnyDb, pairs: readonly { regionCode: string; mallCode: string }[]): Promise<MallByCode[]> {
  if (pairs.length === 0) return [];
  const wanted = sql.join(pairs.map((p) => sql`(${p.regionCode}, ${p.mallCode})`));
  const { rows } = await sql<MallByCode>`
    select id, region_code as "regionCode", code, active from organizations.mall where (region_code, code) in (${wanted})`.execute(db);
  return rows;
}

export interface BoothInMall {
  id: string;
  mallId: string;
  code: string;
  serviceUnitId: string;
  active: boolean;
}

/** Every booth of these malls, active or not (a booth's code is unique within its mall). */
export async function findBoothsOfMalls(db: AnyDb, mallIds: readonly string[]): Promise<BoothInMall[]> {
  if (mallIds.length === 0) return [];
  const ids = sql.join(mallIds.map((id) => sql`${id}::uuid`));
  const { rows } = await sql<BoothInMall>`
    select id, mall_id as "mallId", code, service_unit_id as "serviceUnitId", active
    from organizations.booth where mall_id in (${ids})`.execute(db);
  return rows;
}

export interface PlaceRow {
  serviceId: string;
  mallId: string;
  boothId: string | null;
  regionCode: string;
  mallCode: string;
  boothCode: string | null;
}

/** Where these services are offered, by the codes a file names them with, in the order of region and mall code. */
export async function placesOf(db: AnyDb, serviceIds: readonly string[]): Promise<PlaceRow[]> {
  if (serviceIds.length === 0) return [];
  const ids = sql.join(serviceIds.map((id) => sql`${id}::uuid`));
  const { rows } = await sql<PlaceRow>`
    select l.service_id as "serviceId", l.mall_id as "mallId", l.booth_id as "boothId",
           m.region_code as "regionCode", m.code as "mallCode", b.code as "boothCode"
    from standards.service_location l
      join organizations.mall m on m.id = l.mall_id
      left join organizations.booth b on b.id = l.booth_id
    where l.service_id in (${ids})
    order by l.service_id, m.region_code, m.code`.execute(db);
  return rows;
}

export interface PlaceChoices {
  malls: { regionCode: string; code: string; name: string }[];
  booths: { regionCode: string; mallCode: string; code: string; name: string; unitCode: string }[];
}

/**
 * What the template's "Pilihan" sheet offers for places: every active mall (a service may be offered at
 * any), and the active booths there of the active units inside the scopes.
 */
export async function placeChoicesInScope(db: AnyDb, scopes: readonly Scope[]): Promise<PlaceChoices> {
  const [malls, booths] = await Promise.all([
    sql<PlaceChoices['malls'][number]>`
      select region_code as "regionCode", code, name from organizations.mall where active order by region_code, code`.execute(db),
    sql<PlaceChoices['booths'][number]>`
      select m.region_code as "regionCode", m.code as "mallCode", b.code, b.name, s.code as "unitCode"
      from organizations.booth b
        join organizations.mall m on m.id = b.mall_id
        join ${UNITS} on s.service_unit_id = b.service_unit_id
      where b.active and m.active and s.active and ${serviceInScope(scopes)}
      order by m.region_code, m.code, b.code`.execute(db),
  ]);
  return { malls: malls.rows, booths: booths.rows };
}
