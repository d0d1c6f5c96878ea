import { sql, type Kysely } from 'kysely';
import type { Scope } from '../../platform/access/access.js';

/**
 * Read-only lookups of the admin screens: the units a staff member may add a service to, and the malls and
 * booths it may be offered at. They read (never write) the organizations module's tables, as the catalog's
 * queries do, because organizations publishes no lookup of booths by unit yet; when it does, only this file changes.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw SQL over organizations' tables
type AnyDb = Kysely<any>;

/** The same tenant rule as standards.repository.ts's `serviceInScope`, over `organizations.service_unit su`. */
function unitInScope(scopes: readonly Scope[]) {
  if (scopes.some((s) => s.kind === 'platform')) return sql`true`;
  const parts = scopes.flatMap((s) => {
    if (!s.id) return [];
    if (s.kind === 'agency') return [sql`su.agency_id = ${s.id}`];
    if (s.kind === 'unit') return [sql`su.id = ${s.id}`];
    return [];
  });
  return parts.length > 0 ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export interface UnitChoice {
  id: string;
  name: string;
  agencyName: string;
}

/** Active service units inside the scopes, by agency and name. */
export async function unitChoicesInScope(db: AnyDb, scopes: readonly Scope[]): Promise<UnitChoice[]> {
  const { rows } = await sql<UnitChoice>`
    select su.id, su.name, a.name as "agencyName"
    from organizations.service_unit su join organizations.agency a on a.id = su.agency_id
    where su.active and a.active and ${unitInScope(scopes)}
    order by a.name, su.name, su.id`.execute(db);
  return rows;
}

export interface MallChoice {
  id: string;
  name: string;
}

export interface BoothChoice {
  id: string;
  name: string;
  mallId: string;
  mallName: string;
  unitName: string;
}

/**
 * Where services of these units can be offered: the active malls of their regencies or holding one of their
 * booths, and their active booths there.
 */
export async function locationChoices(db: AnyDb, unitIds: readonly string[]): Promise<{ malls: MallChoice[]; booths: BoothChoice[] }> {
  if (unitIds.length === 0) return { malls: [], booths: [] };
  const ids = sql.join(unitIds.map((id) => sql`${id}::uuid`));
  const [malls, booths] = await Promise.all([
    sql<MallChoice>`
      select m.id, m.name from organizations.mall m
      where m.active and (
        m.region_code in (select left(su.region_code, 5) from organizations.service_unit su where su.id in (${ids}))
        or exists (select 1 from organizations.booth b where b.mall_id = m.id and b.service_unit_id in (${ids})))
      order by m.name, m.id`.execute(db),
    sql<BoothChoice>`
      select b.id, b.name, b.mall_id as "mallId", m.name as "mallName", su.name as "unitName"
      from organizations.booth b
        join organizations.mall m on m.id = b.mall_id
        join organizations.service_unit su on su.id = b.service_unit_id
      where b.active and m.active and b.service_unit_id in (${ids})
      order by m.name, b.name, b.id`.execute(db),
  ]);
  return { malls: malls.rows, booths: booths.rows };
}

export interface LocationName {
  mallId: string;
  mallName: string;
  boothId: string | null;
  boothName: string | null;
}

/** A service's places with their names, by mall. */
export async function locationNames(db: AnyDb, serviceId: string): Promise<LocationName[]> {
  const { rows } = await sql<LocationName>`
    select l.mall_id as "mallId", m.name as "mallName", l.booth_id as "boothId", b.name as "boothName"
    from standards.service_location l
      join organizations.mall m on m.id = l.mall_id
      left join organizations.booth b on b.id = l.booth_id
    where l.service_id = ${serviceId}
    order by m.name, m.id`.execute(db);
  return rows;
}

/** Names of service units by id. */
export async function unitNames(db: AnyDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; name: string }>`
    select id, name from organizations.service_unit where id in (${sql.join([...new Set(ids)].map((id) => sql`${id}::uuid`))})`.execute(db);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** When each published version's review period started: its last review, else its publication. */
export async function reviewBaselines(db: AnyDb, versionIds: readonly string[]): Promise<Map<string, Date>> {
  if (versionIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; baseline: Date | string }>`
    select id, coalesce(last_reviewed_at, published_at) as baseline from standards.standard_version
    where id in (${sql.join(versionIds.map((id) => sql`${id}::uuid`))}) and published_at is not null`.execute(db);
  return new Map(rows.map((r) => [r.id, new Date(r.baseline)]));
}

/** The version a consultation comment is on. */
export async function versionOfComment(db: AnyDb, commentId: string): Promise<string | undefined> {
  const { rows } = await sql<{ versionId: string }>`
    select version_id as "versionId" from standards.consultation_comment where id = ${commentId}`.execute(db);
  return rows[0]?.versionId;
}
