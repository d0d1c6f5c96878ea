import { sql, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { Scope } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import type { StandardsTables } from './standards.tables.js';

/**
 * Queries of the service pledges (standards.maklumat). No rules here: the service decides who may do what.
 *
 * The list of units reads the organizations module's unit and agency tables (never writes them) in the same
 * statement, because it is filtered by scope and paged in SQL, as catalog.queries.ts does for the catalog.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass the shared handle or a transaction
type AnyDb = Kysely<any>;
const st = (db: AnyDb) => tablesOf<StandardsTables>(db);

export type MaklumatRow = Selectable<StandardsTables['standards.maklumat']>;
export type MaklumatFields = Pick<
  MaklumatRow,
  | 'opening'
  | 'promiseStandard'
  | 'promiseObligation'
  | 'promiseSanction'
  | 'closing'
  | 'signatoryName'
  | 'signatoryTitle'
  | 'signedAt'
  | 'place'
>;

/**
 * Serializes every change to one unit's pledges until the transaction ends, so two people cannot both start
 * a draft, or both publish, in the same moment. Keyed by the unit, so other units are not held up.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module's transaction
export async function lockPledgesOfUnit(tx: Transaction<any>, serviceUnitId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`standards.maklumat:${serviceUnitId}`}, 0))`.execute(tx);
}

export async function findMaklumat(db: AnyDb, id: string): Promise<MaklumatRow | undefined> {
  return st(db).selectFrom('standards.maklumat').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockMaklumat(db: AnyDb, id: string): Promise<MaklumatRow | undefined> {
  return st(db).selectFrom('standards.maklumat').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findMaklumatOfUnit(
  db: AnyDb,
  serviceUnitId: string,
  status: MaklumatRow['status'],
): Promise<MaklumatRow | undefined> {
  return st(db)
    .selectFrom('standards.maklumat')
    .selectAll()
    .where('serviceUnitId', '=', serviceUnitId)
    .where('status', '=', status)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every pledge the unit has had, newest first. */
export async function listMaklumatOfUnit(db: AnyDb, serviceUnitId: string): Promise<MaklumatRow[]> {
  return st(db)
    .selectFrom('standards.maklumat')
    .selectAll()
    .where('serviceUnitId', '=', serviceUnitId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

export async function insertMaklumat(
  db: AnyDb,
  row: MaklumatFields & { serviceUnitId: string; agencyId: string; status: 'draft'; createdAt: Date },
): Promise<MaklumatRow> {
  return st(db)
    .insertInto('standards.maklumat')
    .values({ ...row, updatedAt: row.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateMaklumat(
  db: AnyDb,
  id: string,
  set: Partial<MaklumatFields & Pick<MaklumatRow, 'status' | 'publishedAt' | 'supersededAt'>>,
): Promise<MaklumatRow> {
  return st(db)
    .updateTable('standards.maklumat')
    .set({ ...set, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- the units staff look after ----------------------------------------------------------------

export interface UnitPledgeStatus {
  id: string;
  code: string;
  name: string;
  agencyId: string;
  agencyName: string;
  /** When the pledge in force was published; null when the unit has none. */
  publishedAt: Date | null;
  hasDraft: boolean;
}

/**
 * The scope filter on service units: a platform grant sees all, an agency grant its agency's units, a unit
 * grant that unit. A mall grant sees none: malls host booths but do not write an agency's pledge.
 */
function unitInScope(scopes: readonly Scope[]) {
  if (scopes.some((s) => s.kind === 'platform')) return sql<SqlBool>`true`;
  const ids = (kind: Scope['kind']) => scopes.flatMap((s) => (s.kind === kind && s.id ? [s.id] : []));
  const parts = [
    ...(ids('agency').length ? [sql`u.agency_id in (${sql.join(ids('agency'))})`] : []),
    ...(ids('unit').length ? [sql`u.id in (${sql.join(ids('unit'))})`] : []),
  ];
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/** Active service units inside the scopes, with the state of their pledge, by agency and unit name. */
export async function listUnitsInScope(
  db: AnyDb,
  scopes: readonly Scope[],
  filter: { q?: string | undefined; page: number; pageSize: number },
): Promise<{ items: UnitPledgeStatus[]; total: number }> {
  const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = sql`
    from organizations.service_unit u
    join organizations.agency a on a.id = u.agency_id
    where u.active and ${unitInScope(scopes)}
      ${like ? sql`and (u.name ilike ${like} or u.code ilike ${like} or a.name ilike ${like})` : sql``}`;
  const [items, total] = await Promise.all([
    sql<UnitPledgeStatus>`
      select u.id, u.code, u.name, a.id as agency_id, a.name as agency_name,
        (select m.published_at from standards.maklumat m where m.service_unit_id = u.id and m.status = 'published') as published_at,
        exists (select 1 from standards.maklumat m where m.service_unit_id = u.id and m.status = 'draft') as has_draft
      ${where}
      order by a.name, u.name, u.id
      limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n ${where}`.execute(db),
  ]);
  return { items: items.rows, total: Number(total.rows[0]?.n ?? 0) };
}
