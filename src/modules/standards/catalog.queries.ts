import { sql, type Kysely } from 'kysely';
import { isUuid } from '../../platform/access/access.js';
import type { IndonesianTimeZone } from '../../platform/i18n/format.js';
import { COMPONENT_SCHEMAS, COMPONENTS, type DraftContent } from './standards.content.js';

/**
 * Read-only queries of the public catalog: what a published standard says, and where and when it is
 * served. Only published versions of active services are ever read here.
 *
 * The unit, agency, region, mall, booth and opening-hours columns come from the organizations module's
 * tables, read (never written) in the same statements: the catalog needs them joined and filtered in SQL
 * (a region filter over 100,000 services cannot go through per-id lookups). When organizations publishes
 * read-only views for this, only this file and catalog.search.ts change.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw SQL over this module's and organizations' tables
type AnyDb = Kysely<any>;

export interface WeeklyHours {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** HH:MM, local time of the mall. */
  opensAt: string;
  closesAt: string;
}

export interface ServiceLocation {
  mallId: string;
  mallName: string;
  mallAddress: string;
  mallRegionCode: string;
  timeZone: IndonesianTimeZone;
  boothId: string | null;
  boothName: string | null;
  hours: WeeklyHours[];
}

export interface PublishedService {
  id: string;
  code: string;
  slug: string;
  name: string;
  summary: string;
  keywords: string;
  category: string;
  kind: 'licensing' | 'non_licensing';
  lifeEvents: string[];
  audiences: string[];
  channels: 'online' | 'counter' | 'both';
  unit: { id: string; name: string; address: string | null; regionCode: string; regionName: string | null };
  agency: { id: string; name: string; regionCode: string | null };
  version: {
    id: string;
    number: number;
    /** Every component that parses; a published version has all fourteen. */
    content: DraftContent;
    decreeNumber: string | null;
    decreeDate: string | null;
    decreeSignatory: string | null;
    effectiveDate: string | null;
    publishedAt: Date;
  };
  locations: ServiceLocation[];
  /** The latest change to the service row or its published version: Last-Modified of its pages. */
  modifiedAt: Date;
}

/** Keeps each component that validates, so one malformed component cannot take the whole page down. */
export function readContent(raw: unknown): DraftContent {
  const source = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const content: Record<string, unknown> = {};
  for (const key of COMPONENTS) {
    if (source[key] === undefined) continue;
    const parsed = COMPONENT_SCHEMAS[key].safeParse(source[key]);
    if (parsed.success) content[key] = parsed.data;
  }
  return content;
}

const hhmm = (time: string) => time.slice(0, 5);

interface ServiceRow {
  id: string;
  code: string;
  slug: string;
  name: string;
  summary: string;
  keywords: string;
  category: string;
  kind: PublishedService['kind'];
  lifeEvents: string[];
  audiences: string[];
  channels: PublishedService['channels'];
  serviceUpdatedAt: Date;
  unitId: string;
  unitName: string;
  unitAddress: string | null;
  unitRegionCode: string;
  unitRegionName: string | null;
  agencyId: string;
  agencyName: string;
  agencyRegionCode: string | null;
  versionId: string;
  versionNumber: number;
  content: unknown;
  decreeNumber: string | null;
  decreeDate: string | null;
  decreeSignatory: string | null;
  effectiveDate: string | null;
  publishedAt: Date;
  versionUpdatedAt: Date;
}

const SERVICE_COLUMNS = sql`
  s.id, s.code, s.slug, s.name, s.summary, s.keywords, s.category, s.kind, s.life_events, s.audiences, s.channels,
  s.updated_at as service_updated_at,
  u.id as unit_id, u.name as unit_name, u.address as unit_address, u.region_code as unit_region_code, r.name as unit_region_name,
  a.id as agency_id, a.name as agency_name, a.region_code as agency_region_code,
  v.id as version_id, v.number as version_number, v.content, v.decree_number, v.decree_date, v.decree_signatory,
  v.effective_date, v.published_at, v.updated_at as version_updated_at`;

const SERVICE_JOINS = sql`
  from standards.service s
  join standards.standard_version v on v.service_id = s.id and v.status = 'published'
  join organizations.service_unit u on u.id = s.service_unit_id
  join organizations.agency a on a.id = s.agency_id
  left join organizations.region r on r.code = u.region_code`;

/** Where each of the services is offered in person, with the malls' weekly hours. */
async function locationsOf(db: AnyDb, serviceIds: readonly string[]): Promise<Map<string, ServiceLocation[]>> {
  const byService = new Map<string, ServiceLocation[]>();
  if (serviceIds.length === 0) return byService;
  const { rows } = await sql<Omit<ServiceLocation, 'hours'> & { serviceId: string }>`
    select l.service_id, m.id as mall_id, m.name as mall_name, m.address as mall_address, m.region_code as mall_region_code,
      m.time_zone, b.id as booth_id, b.name as booth_name
    from standards.service_location l
    join organizations.mall m on m.id = l.mall_id and m.active
    left join organizations.booth b on b.id = l.booth_id and b.active
    where l.service_id in (${sql.join([...serviceIds])})
    order by m.name`.execute(db);
  const hours = await hoursOf(
    db,
    rows.map((r) => r.mallId),
  );
  for (const row of rows) {
    const list = byService.get(row.serviceId) ?? [];
    const { serviceId: _service, ...location } = row;
    list.push({ ...location, hours: hours.get(row.mallId) ?? [] });
    byService.set(row.serviceId, list);
  }
  return byService;
}

async function hoursOf(db: AnyDb, mallIds: readonly string[]): Promise<Map<string, WeeklyHours[]>> {
  const byMall = new Map<string, WeeklyHours[]>();
  const ids = [...new Set(mallIds)];
  if (ids.length === 0) return byMall;
  const { rows } = await sql<{ mallId: string; weekday: number; opensAt: string; closesAt: string }>`
    select mall_id, weekday, opens_at::text as opens_at, closes_at::text as closes_at
    from organizations.mall_hours where mall_id in (${sql.join(ids)}) order by mall_id, weekday`.execute(db);
  for (const row of rows) {
    const list = byMall.get(row.mallId) ?? [];
    list.push({ weekday: Number(row.weekday), opensAt: hhmm(row.opensAt), closesAt: hhmm(row.closesAt) });
    byMall.set(row.mallId, list);
  }
  return byMall;
}

function toPublished(row: ServiceRow, locations: ServiceLocation[]): PublishedService {
  return {
    id: row.id,
    code: row.code,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    keywords: row.keywords,
    category: row.category,
    kind: row.kind,
    lifeEvents: row.lifeEvents,
    audiences: row.audiences,
    channels: row.channels,
    unit: { id: row.unitId, name: row.unitName, address: row.unitAddress, regionCode: row.unitRegionCode, regionName: row.unitRegionName },
    agency: { id: row.agencyId, name: row.agencyName, regionCode: row.agencyRegionCode },
    version: {
      id: row.versionId,
      number: row.versionNumber,
      content: readContent(row.content),
      decreeNumber: row.decreeNumber,
      decreeDate: row.decreeDate,
      decreeSignatory: row.decreeSignatory,
      effectiveDate: row.effectiveDate,
      publishedAt: row.publishedAt,
    },
    locations,
    modifiedAt: new Date(Math.max(row.serviceUpdatedAt.getTime(), row.versionUpdatedAt.getTime(), row.publishedAt.getTime())),
  };
}

/** The live standard of an active service, by its public address; undefined when there is none. */
export async function findPublishedService(db: AnyDb, slug: string): Promise<PublishedService | undefined> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 120) return undefined;
  const { rows } = await sql<ServiceRow>`select ${SERVICE_COLUMNS} ${SERVICE_JOINS} where s.slug = ${slug} and s.active`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const locations = await locationsOf(db, [row.id]);
  return toPublished(row, locations.get(row.id) ?? []);
}

/**
 * Every published service in id order, a batch at a time (keyset paging), for the CPSV-AP export: memory
 * stays one batch however large the catalog.
 */
export async function* eachPublishedService(db: AnyDb, batchSize = 200): AsyncGenerator<PublishedService> {
  let after: string | undefined;
  for (;;) {
    const { rows } = await sql<ServiceRow>`
      select ${SERVICE_COLUMNS} ${SERVICE_JOINS}
      where s.active ${after ? sql`and s.id > ${after}` : sql``}
      order by s.id limit ${batchSize}`.execute(db);
    if (rows.length === 0) return;
    const locations = await locationsOf(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) yield toPublished(row, locations.get(row.id) ?? []);
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}

/**
 * A fingerprint of everything the catalog export shows: published versions, the services, and the names
 * and places of the organizations around them. Cheap next to building the export, so a client holding the
 * current ETag gets its 304 without the export being built.
 */
export async function catalogFingerprint(db: AnyDb): Promise<string> {
  const { rows } = await sql<{ published: number; versions: Date | null; services: Date | null; orgs: Date | null }>`
    select
      (select count(*)::int from standards.standard_version where status = 'published') as published,
      (select max(updated_at) from standards.standard_version where status in ('published', 'superseded', 'withdrawn')) as versions,
      (select max(updated_at) from standards.service) as services,
      greatest(
        (select max(updated_at) from organizations.agency),
        (select max(updated_at) from organizations.service_unit),
        (select max(updated_at) from organizations.mall),
        (select max(updated_at) from organizations.booth)
      ) as orgs`.execute(db);
  const r = rows[0]!;
  return [r.published, r.versions?.toISOString(), r.services?.toISOString(), r.orgs?.toISOString()].join('|');
}

// ---- organizations as the catalog shows them ------------------------------------------------------

export interface AgencySummary {
  id: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  units: { id: string; name: string; services: number }[];
}

/** An active agency with its units that have published services. */
export async function findAgency(db: AnyDb, agencyId: string): Promise<AgencySummary | undefined> {
  if (!isUuid(agencyId)) return undefined;
  const { rows } = await sql<{ id: string; name: string; regionCode: string | null; regionName: string | null }>`
    select a.id, a.name, a.region_code, r.name as region_name
    from organizations.agency a left join organizations.region r on r.code = a.region_code
    where a.id = ${agencyId} and a.active`.execute(db);
  const agency = rows[0];
  if (!agency) return undefined;
  const units = await sql<{ id: string; name: string; services: number }>`
    select u.id, u.name, count(*)::int as services
    from organizations.service_unit u
    join standards.service s on s.service_unit_id = u.id and s.active
    where u.agency_id = ${agencyId} and u.active
      and exists (select 1 from standards.standard_version v where v.service_id = s.id and v.status = 'published')
    group by u.id, u.name order by u.name`.execute(db);
  return { ...agency, units: units.rows };
}

export interface UnitSummary {
  id: string;
  name: string;
  address: string | null;
  regionCode: string;
  regionName: string | null;
  agencyId: string;
  agencyName: string;
  booths: { mallId: string; mallName: string; boothName: string }[];
}

export async function findServiceUnit(db: AnyDb, unitId: string): Promise<UnitSummary | undefined> {
  if (!isUuid(unitId)) return undefined;
  const { rows } = await sql<Omit<UnitSummary, 'booths'>>`
    select u.id, u.name, u.address, u.region_code, r.name as region_name, a.id as agency_id, a.name as agency_name
    from organizations.service_unit u
    join organizations.agency a on a.id = u.agency_id
    left join organizations.region r on r.code = u.region_code
    where u.id = ${unitId} and u.active`.execute(db);
  const unit = rows[0];
  if (!unit) return undefined;
  const booths = await sql<UnitSummary['booths'][number]>`
    select m.id as mall_id, m.name as mall_name, b.name as booth_name
    from organizations.booth b join organizations.mall m on m.id = b.mall_id and m.active
    where b.service_unit_id = ${unitId} and b.active order by m.name, b.name`.execute(db);
  return { ...unit, booths: booths.rows };
}

/**
 * The unit's published service pledge (Maklumat Pelayanan) for its public page. The maklumat lifecycle
 * (drafting, signing, publishing) is not built yet; until it is, no unit has one to show, and the page
 * says nothing rather than something invented. Replace the body with the maklumat query when it lands.
 */
export async function findPublishedMaklumat(_db: AnyDb, _unitId: string): Promise<PublishedMaklumat | undefined> {
  return undefined;
}

export interface PublishedMaklumat {
  opening: string | null;
  promises: string[];
  closing: string | null;
  signatoryName: string;
  signatoryTitle: string;
  place: string;
  signedAt: string;
}

export interface MallSummary {
  id: string;
  name: string;
  address: string;
  regionCode: string;
  regionName: string | null;
  timeZone: IndonesianTimeZone;
  hours: WeeklyHours[];
  /** Booths in booth-name order, each with the published services it offers there. */
  booths: { id: string; name: string; unitId: string; unitName: string; services: { slug: string; name: string }[] }[];
  /** Services offered in the mall's area at the unit's own office (a location without a booth). */
  elsewhere: { slug: string; name: string; unitName: string }[];
}

export async function findMall(db: AnyDb, mallId: string): Promise<MallSummary | undefined> {
  if (!isUuid(mallId)) return undefined;
  const { rows } = await sql<Omit<MallSummary, 'hours' | 'booths' | 'elsewhere'>>`
    select m.id, m.name, m.address, m.region_code, r.name as region_name, m.time_zone
    from organizations.mall m left join organizations.region r on r.code = m.region_code
    where m.id = ${mallId} and m.active`.execute(db);
  const mall = rows[0];
  if (!mall) return undefined;
  const booths = await sql<{ id: string; name: string; unitId: string; unitName: string }>`
    select b.id, b.name, u.id as unit_id, u.name as unit_name
    from organizations.booth b join organizations.service_unit u on u.id = b.service_unit_id
    where b.mall_id = ${mallId} and b.active order by b.name`.execute(db);
  const offered = await sql<{ boothId: string | null; slug: string; name: string; unitName: string }>`
    select l.booth_id, s.slug, s.name, u.name as unit_name
    from standards.service_location l
    join standards.service s on s.id = l.service_id and s.active
    join organizations.service_unit u on u.id = s.service_unit_id
    where l.mall_id = ${mallId}
      and exists (select 1 from standards.standard_version v where v.service_id = s.id and v.status = 'published')
    order by s.name`.execute(db);
  const hours = await hoursOf(db, [mallId]);
  const boothIds = new Set(booths.rows.map((b) => b.id));
  return {
    ...mall,
    hours: hours.get(mallId) ?? [],
    booths: booths.rows.map((b) => ({
      ...b,
      services: offered.rows.filter((o) => o.boothId === b.id).map(({ slug, name }) => ({ slug, name })),
    })),
    elsewhere: offered.rows
      .filter((o) => o.boothId === null || !boothIds.has(o.boothId))
      .map(({ slug, name, unitName }) => ({ slug, name, unitName })),
  };
}

// ---- what the search form offers ------------------------------------------------------------------

export interface FacetOptions {
  /** Provinces with published services. */
  provinces: { code: string; name: string }[];
  /** Regencies and cities of the chosen province that have published services. */
  regencies: { code: string; name: string }[];
  agencies: { id: string; name: string }[];
  malls: { id: string; name: string }[];
}

/** How many agencies or malls a drop-down lists at most; past that, choosing a region narrows it. */
export const FACET_LIMIT = 200;

/** The choices of the search form, narrowed to the chosen region. Small tables only; the services are probed by index. */
export async function facetOptions(db: AnyDb, region: string | undefined): Promise<FacetOptions> {
  const province = region?.slice(0, 2);
  const inRegion = (column: string) =>
    region ? sql`and (${sql.ref(column)} = ${region} or ${sql.ref(column)} like ${`${region}.%`})` : sql``;
  const listed = sql`exists (
    select 1 from standards.service s
    where s.service_unit_id = u.id and s.active
      and exists (select 1 from standards.standard_version v where v.service_id = s.id and v.status = 'published'))`;
  const [provinces, regencies, agencies, malls] = await Promise.all([
    sql<{ code: string; name: string }>`
      select r.code, r.name from organizations.region r
      where r.level = 'province' and r.code in (
        select distinct left(u.region_code, 2) from organizations.service_unit u where u.active and ${listed})
      order by r.name`.execute(db),
    province
      ? sql<{ code: string; name: string }>`
          select r.code, r.name from organizations.region r
          where r.level = 'regency' and r.parent_code = ${province} and r.code in (
            select distinct left(u.region_code, 5) from organizations.service_unit u where u.active and u.region_code like ${`${province}.%`} and ${listed})
          order by r.name`.execute(db)
      : Promise.resolve({ rows: [] }),
    sql<{ id: string; name: string }>`
      select a.id, a.name from organizations.agency a
      where a.active and exists (
        select 1 from organizations.service_unit u where u.agency_id = a.id and u.active ${inRegion('u.region_code')} and ${listed})
      order by a.name limit ${FACET_LIMIT}`.execute(db),
    sql<{ id: string; name: string }>`
      select m.id, m.name from organizations.mall m
      where m.active ${inRegion('m.region_code')} and exists (
        select 1 from standards.service_location l join standards.service s on s.id = l.service_id and s.active
        where l.mall_id = m.id)
      order by m.name limit ${FACET_LIMIT}`.execute(db),
  ]);
  return { provinces: provinces.rows, regencies: regencies.rows, agencies: agencies.rows, malls: malls.rows };
}

/** The name of a region code, for "services in …". */
export async function regionName(db: AnyDb, code: string): Promise<string | undefined> {
  const { rows } = await sql<{ name: string }>`select name from organizations.region where code = ${code}`.execute(db);
  return rows[0]?.name;
}
