import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { isUuid, type Scope } from '../../platform/access/access.js';
import type { AuditEventRow, AuditTables } from './audit.tables.js';

/** Serialises appends to the chain across connections; any fixed number unique in the application. */
const CHAIN_LOCK = 7_420_251_122;

/**
 * Takes the chain's lock for the rest of the caller's transaction, then reads the head. Under READ
 * COMMITTED each statement sees what committed before it, so once the lock is ours the head we read is
 * the one the previous holder committed; a second writer waits here instead of forking the chain.
 * Under REPEATABLE READ the head could be stale: the primary key on seq and the unique hash then make
 * the insert fail rather than fork, and the caller's transaction is retried or refused.
 */
export async function lockChainHead(tx: Kysely<AuditTables>): Promise<{ seq: number; hash: string } | undefined> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK}::bigint)`.execute(tx);
  return tx.selectFrom('audit.event').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertEvent(tx: Kysely<AuditTables>, row: AuditEventRow) {
  await tx
    .insertInto('audit.event')
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
    })
    .execute();
}

export interface EventFilter {
  /** An actor's id, or part of their display name. */
  actor?: string | undefined;
  /** `portal.` or `portal.feedback.submitted`. */
  actionPrefix?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Inclusive lower and exclusive upper bound on the time. */
  from?: Date | undefined;
  until?: Date | undefined;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The ids each tenant column must match for these scopes; undefined when a platform scope reads everything. */
function tenantIds(scopes: readonly Scope[]) {
  if (scopes.some((s) => s.kind === 'platform')) return undefined;
  // An id that is no uuid names nothing, and would make Postgres refuse the whole query.
  const of = (kind: Scope['kind']) => scopes.flatMap((s) => (s.kind === kind && s.id && isUuid(s.id) ? [s.id] : []));
  return { agencyId: of('agency'), unitId: of('unit'), mallId: of('mall') };
}

/**
 * Newest first, keyset-paginated on seq so a deep page or an export costs the same as the first.
 * Only events inside `scopes`: a platform scope reads every event; an agency, unit or mall scope reads
 * the events whose agency_id, unit_id or mall_id is that scope's id. Events with no tenant are
 * platform-level (feedback, citizen accounts, anything written before tenants were recorded) and
 * appear to platform scopes only; no scopes read nothing.
 */
export async function findEvents(
  db: Kysely<AuditTables>,
  filter: EventFilter,
  scopes: readonly Scope[],
  page: { beforeSeq?: number | undefined; limit: number },
): Promise<AuditEventRow[]> {
  let q = db.selectFrom('audit.event').selectAll();
  const tenants = tenantIds(scopes);
  if (tenants) {
    const { agencyId, unitId, mallId } = tenants;
    if (agencyId.length + unitId.length + mallId.length === 0) return [];
    q = q.where((eb) => {
      const matches: Expression<SqlBool>[] = [];
      if (agencyId.length > 0) matches.push(eb('agencyId', 'in', agencyId));
      if (unitId.length > 0) matches.push(eb('unitId', 'in', unitId));
      if (mallId.length > 0) matches.push(eb('mallId', 'in', mallId));
      return eb.or(matches);
    });
  }
  if (filter.actor) {
    const actor = filter.actor;
    q = q.where((eb) => eb.or([eb('actorId', '=', actor), eb('actorName', 'ilike', `%${likeEscape(actor)}%`)]));
  }
  if (filter.actionPrefix) q = q.where('action', 'like', `${likeEscape(filter.actionPrefix)}%`);
  if (filter.subjectType) q = q.where('subjectType', '=', filter.subjectType);
  if (filter.subjectId) q = q.where('subjectId', '=', filter.subjectId);
  if (filter.from) q = q.where('occurredAt', '>=', filter.from);
  if (filter.until) q = q.where('occurredAt', '<', filter.until);
  if (page.beforeSeq !== undefined) q = q.where('seq', '<', page.beforeSeq);
  return q.orderBy('seq', 'desc').limit(page.limit).execute();
}

/** A run of the chain in order, for verification. */
export async function chainBatch(db: Kysely<AuditTables>, afterSeq: number, limit: number): Promise<AuditEventRow[]> {
  return db.selectFrom('audit.event').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function countEvents(db: Kysely<AuditTables>): Promise<number> {
  const row = await db
    .selectFrom('audit.event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
