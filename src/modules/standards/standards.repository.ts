import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Scope } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import type { DraftContent, VersionStatus } from './standards.content.js';
import type { StandardsTables } from './standards.tables.js';

/** Queries of the standards tables; no rules. Lists of scoped data take the scopes as a required argument. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass the shared handle or a transaction
type AnyDb = Kysely<any>;
type T = StandardsTables;
const st = (db: AnyDb) => tablesOf<T>(db);

export type ServiceRow = Selectable<T['standards.service']>;
export type VersionRow = Selectable<T['standards.standardVersion']>;
export type CommentRow = Selectable<T['standards.consultationComment']>;
export type VersionEventRow = Selectable<T['standards.versionEvent']>;
export type LocationRow = Selectable<T['standards.serviceLocation']>;

/** A version in the making: at most one per service (standards.service.ts enforces it). */
export const OPEN_STATUSES = ['draft', 'review', 'consultation', 'ratified'] as const satisfies readonly VersionStatus[];

// ---- scope --------------------------------------------------------------------------------------

/**
 * The tenant filter over `standards.service` (aliased `s`): platform sees all, an agency its services, a
 * unit its own. A mall scope sees none: malls host booths but do not own standards.
 */
export function serviceInScope(scopes: readonly Scope[]): RawBuilder<SqlBool> {
  if (scopes.some((s) => s.kind === 'platform')) return sql<SqlBool>`true`;
  const parts = scopes.flatMap((s) => {
    if (!s.id) return [];
    if (s.kind === 'agency') return [sql`s.agency_id = ${s.id}`];
    if (s.kind === 'unit') return [sql`s.service_unit_id = ${s.id}`];
    return [];
  });
  return parts.length > 0 ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

// ---- services -----------------------------------------------------------------------------------

export async function findService(db: AnyDb, id: string) {
  return st(db).selectFrom('standards.service').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockService(db: AnyDb, id: string) {
  return st(db).selectFrom('standards.service').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export type ServiceFields = Omit<
  Insertable<T['standards.service']>,
  'id' | 'active' | 'deactivatedAt' | 'version' | 'createdAt' | 'updatedAt'
>;

export async function insertService(db: AnyDb, row: ServiceFields, at: Date) {
  return st(db)
    .insertInto('standards.service')
    .values({ ...row, createdAt: at, updatedAt: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Writes the changes and moves the optimistic-lock version on by one. */
export async function updateService(db: AnyDb, id: string, set: Updateable<T['standards.service']>, at: Date) {
  return st(db)
    .updateTable('standards.service')
    .set({ ...set, updatedAt: at })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Slugs that are `base` or `base-<n>`, to pick the next free one. */
export async function slugsLike(db: AnyDb, base: string): Promise<string[]> {
  const rows = await st(db)
    .selectFrom('standards.service')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return rows.map((r) => r.slug);
}

export interface ServiceFilter {
  q?: string | undefined;
  serviceUnitId?: string | undefined;
  active?: boolean | undefined;
  page: number;
  pageSize: number;
}

export interface ServiceListItem extends ServiceRow {
  publishedVersionId: string | null;
  publishedNumber: number | null;
  openVersionId: string | null;
  openNumber: number | null;
  openStatus: VersionStatus | null;
}

/** Services inside the scopes, with their published version and the one in the making. */
export async function listServicesInScope(db: AnyDb, scopes: readonly Scope[], filter: ServiceFilter) {
  let query = st(db).selectFrom('standards.service as s').where(serviceInScope(scopes));
  if (filter.serviceUnitId) query = query.where('s.serviceUnitId', '=', filter.serviceUnitId);
  if (filter.active !== undefined) query = query.where('s.active', '=', filter.active);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('s.name', 'ilike', like), eb('s.code', 'ilike', like)]));
  }
  const [items, total] = await Promise.all([
    query
      .leftJoin('standards.standardVersion as p', (join) => join.onRef('p.serviceId', '=', 's.id').on('p.status', '=', 'published'))
      .leftJoin('standards.standardVersion as o', (join) => join.onRef('o.serviceId', '=', 's.id').on('o.status', 'in', OPEN_STATUSES))
      .selectAll('s')
      .select([
        'p.id as publishedVersionId',
        'p.number as publishedNumber',
        'o.id as openVersionId',
        'o.number as openNumber',
        'o.status as openStatus',
      ])
      .orderBy('s.name')
      .orderBy('s.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as ServiceListItem[], total: Number(total.n) };
}

export async function listLocations(db: AnyDb, serviceId: string) {
  return st(db).selectFrom('standards.serviceLocation').selectAll().where('serviceId', '=', serviceId).orderBy('mallId').execute();
}

/** Marks the service changed (the catalog's Last-Modified) without moving its optimistic-lock version. */
export async function touchService(db: AnyDb, id: string, at: Date) {
  await st(db).updateTable('standards.service').set({ updatedAt: at }).where('id', '=', id).execute();
}

export async function replaceLocations(db: AnyDb, serviceId: string, rows: readonly { mallId: string; boothId: string | null }[]) {
  await st(db).deleteFrom('standards.serviceLocation').where('serviceId', '=', serviceId).execute();
  if (rows.length === 0) return [];
  return st(db)
    .insertInto('standards.serviceLocation')
    .values(rows.map((r) => ({ serviceId, mallId: r.mallId, boothId: r.boothId })))
    .returningAll()
    .execute();
}

/**
 * A booth as the rules need it. Read (never written) from the organizations module's table, as the
 * catalog's queries do: organizations publishes no booth lookup yet.
 */
export async function findBooth(db: AnyDb, id: string) {
  const { rows } = await sql<{ id: string; mallId: string; serviceUnitId: string; active: boolean }>`
    select id, mall_id as "mallId", service_unit_id as "serviceUnitId", active from organizations.booth where id = ${id}`.execute(db);
  return rows[0];
}

// ---- versions -----------------------------------------------------------------------------------

export async function findVersion(db: AnyDb, id: string) {
  return st(db).selectFrom('standards.standardVersion').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A version as other modules may read it (index.ts): number, status and content, e.g. the standard an
 * application was filed under, which never changes once published.
 */
export async function readStandardVersion(db: AnyDb, id: string) {
  return st(db)
    .selectFrom('standards.standardVersion')
    .select(['id', 'serviceId', 'number', 'status', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function lockVersion(db: AnyDb, id: string) {
  return st(db).selectFrom('standards.standardVersion').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export async function findOpenVersion(db: AnyDb, serviceId: string) {
  return st(db)
    .selectFrom('standards.standardVersion')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirst();
}

export async function findPublishedVersion(db: AnyDb, serviceId: string) {
  return st(db)
    .selectFrom('standards.standardVersion')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

export async function maxVersionNumber(db: AnyDb, serviceId: string): Promise<number> {
  const row = await st(db)
    .selectFrom('standards.standardVersion')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('serviceId', '=', serviceId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertVersion(
  db: AnyDb,
  row: { serviceId: string; number: number; content: DraftContent; basedOnVersionId: string | null; createdBy: string | null },
  at: Date,
) {
  return st(db)
    .insertInto('standards.standardVersion')
    .values({ ...row, status: 'draft', content: JSON.stringify(row.content), createdAt: at, updatedAt: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type VersionChanges = Omit<Updateable<T['standards.standardVersion']>, 'content' | 'version' | 'id'> & { content?: DraftContent };

/** Writes the changes and moves the optimistic-lock version on by one. */
export async function updateVersion(db: AnyDb, id: string, changes: VersionChanges, at: Date) {
  const { content, ...rest } = changes;
  return st(db)
    .updateTable('standards.standardVersion')
    .set({ ...rest, ...(content === undefined ? {} : { content: JSON.stringify(content) }), updatedAt: at })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks the service's published version superseded; returns it (undefined when there was none). */
export async function supersedePublished(db: AnyDb, serviceId: string, at: Date) {
  return st(db)
    .updateTable('standards.standardVersion')
    .set({ status: 'superseded', supersededAt: at, updatedAt: at })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('serviceId', '=', serviceId)
    .where('status', '=', 'published')
    .returningAll()
    .executeTakeFirst();
}

export async function listVersions(db: AnyDb, serviceId: string) {
  return st(db).selectFrom('standards.standardVersion').selectAll().where('serviceId', '=', serviceId).orderBy('number', 'desc').execute();
}

// ---- history ------------------------------------------------------------------------------------

export async function insertVersionEvent(
  db: AnyDb,
  row: { versionId: string; action: string; actorId: string | null; actorName: string | null; note: string | null; occurredAt?: Date },
) {
  return st(db).insertInto('standards.versionEvent').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listVersionEvents(db: AnyDb, versionId: string) {
  return st(db).selectFrom('standards.versionEvent').selectAll().where('versionId', '=', versionId).orderBy('id').execute();
}

// ---- consultation comments ----------------------------------------------------------------------

export async function insertComment(
  db: AnyDb,
  row: { versionId: string; authorName: string; authorAccountId: string | null; component: string; body: string },
  at: Date,
) {
  return st(db)
    .insertInto('standards.consultationComment')
    .values({ ...row, createdAt: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockComment(db: AnyDb, id: string) {
  return st(db).selectFrom('standards.consultationComment').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export async function updateComment(db: AnyDb, id: string, set: Updateable<T['standards.consultationComment']>) {
  return st(db).updateTable('standards.consultationComment').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function listComments(db: AnyDb, versionId: string, status?: CommentRow['status']) {
  let query = st(db).selectFrom('standards.consultationComment').selectAll().where('versionId', '=', versionId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('createdAt').orderBy('id').execute();
}

export async function countComments(db: AnyDb, versionId: string, status: CommentRow['status']): Promise<number> {
  const row = await st(db)
    .selectFrom('standards.consultationComment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('versionId', '=', versionId)
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- periodic review ----------------------------------------------------------------------------

export const REVIEW_REMINDED = 'review-reminded';

/**
 * Published versions whose last review (or, never reviewed, their publication) is before `cutoff` and that
 * have no reminder recorded for that same baseline yet; the note of a reminder names its baseline.
 */
export async function findReviewsDue(db: AnyDb, cutoff: Date) {
  const { rows } = await sql<{
    id: string;
    serviceId: string;
    number: number;
    baseline: Date;
    agencyId: string;
    serviceUnitId: string;
    serviceName: string;
  }>`
    select v.id, v.service_id as "serviceId", v.number, coalesce(v.last_reviewed_at, v.published_at) as baseline,
           s.agency_id as "agencyId", s.service_unit_id as "serviceUnitId", s.name as "serviceName"
    from standards.standard_version v join standards.service s on s.id = v.service_id
    where v.status = 'published' and coalesce(v.last_reviewed_at, v.published_at) < ${cutoff}
    order by v.id`.execute(db);
  return rows.map((r) => ({ ...r, baseline: new Date(r.baseline) }));
}

export async function reminderNotes(db: AnyDb, versionIds: readonly string[]): Promise<Set<string>> {
  if (versionIds.length === 0) return new Set();
  const rows = await st(db)
    .selectFrom('standards.versionEvent')
    .select(['versionId', 'note'])
    .where('action', '=', REVIEW_REMINDED)
    .where('versionId', 'in', [...versionIds])
    .execute();
  return new Set(rows.map((r) => `${r.versionId} ${r.note ?? ''}`));
}

/** Serialises reminder runs: two overlapping runs must not both remind. */
export async function lockReviewReminders(db: AnyDb) {
  await sql`select pg_advisory_xact_lock(74202612)`.execute(db);
}

// ---- published read model -----------------------------------------------------------------------

/**
 * The read-only views this module publishes for other modules
 * (db/migrations/20261207T1200__standards__read-views.sql), as Kysely sees them through CamelCasePlugin.
 * Other modules read standards rows only through these and through index.ts.
 */
export type StandardsViews = {
  'standards.serviceDirectory': ServiceDirectoryView;
  'standards.publishedVersion': PublishedVersionView;
  'standards.servicePlace': ServicePlaceView;
};

export interface ServiceDirectoryView {
  id: string;
  slug: string;
  name: string;
  serviceUnitId: string;
  agencyId: string;
  channels: 'online' | 'counter' | 'both';
  active: boolean;
}

export interface PublishedVersionView {
  id: string;
  serviceId: string;
  number: number;
}

export interface ServicePlaceView {
  serviceId: string;
  mallId: string;
  boothId: string | null;
}
