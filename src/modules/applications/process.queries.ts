import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../platform/access/access.js';
import type { IndonesianTimeZone } from '../../platform/i18n/format.js';
import { staffHolding } from '../identity/index.js';
import { PROCESS, tablesOf, type AnyDb, type ApplicationRow, type Tx } from './applications.core.js';
import type { ApplicationStatus } from './applications.tables.js';

/**
 * Read-only queries of the unit's screens: the inbox with its counts, a case's surroundings, the staff who
 * may be assigned. Names of units, agencies, services and staff are read (never written) from their
 * modules' tables, as the standards admin's queries do.
 */

/** The tenant rule of `coversSubject`, as SQL over `applications.application a`; no scope means no rows. */
export function applicationInScope(scopes: readonly Scope[]): RawBuilder<unknown> {
  if (scopes.some((s) => s.kind === 'platform')) return sql`true`;
  const parts = scopes.flatMap((s) => {
    if (!s.id) return [];
    if (s.kind === 'agency') return [sql`a.agency_id = ${s.id}`];
    if (s.kind === 'unit') return [sql`a.service_unit_id = ${s.id}`];
    return [sql`a.mall_id = ${s.id}`];
  });
  return parts.length > 0 ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Cases whose clock runs and whose due instant lies before `at` (a paused clock is never late). */
const dueBefore = (at: Date) =>
  sql`a.status in ('submitted', 'in_process', 'awaiting_citizen') and not a.clock_paused and a.due_at < ${at}`;

export interface InboxFilter {
  /** One status, or every open one. */
  status: ApplicationStatus | 'open' | 'all';
  due?: 'soon' | 'overdue' | undefined;
  mine: boolean;
  serviceId?: string | undefined;
  unitId?: string | undefined;
  page: number;
  pageSize: number;
}

export interface InboxRow {
  id: string;
  trackingNumber: string;
  status: ApplicationStatus;
  channel: 'online' | 'counter';
  serviceId: string;
  serviceName: string;
  unitName: string;
  submittedAt: Date;
  dueAt: Date | null;
  clockPaused: boolean;
  assignedToName: string | null;
  currentStepKey: string | null;
  version: number;
}

export interface InboxCounts {
  open: number;
  submitted: number;
  in_process: number;
  awaiting_citizen: number;
  completed: number;
  rejected: number;
  withdrawn: number;
  dueSoon: number;
  overdue: number;
  mine: number;
}

/**
 * The applications inside the scopes (never drafts) that match the filter, by due instant (soonest first,
 * cases without a clock last), with the counts of every filter over the same scopes, service and unit.
 */
export async function listInbox(
  db: AnyDb,
  scopes: readonly Scope[],
  filter: InboxFilter,
  context: { now: Date; warnHours: number; accountId: string | null },
): Promise<{ items: InboxRow[]; total: number; counts: InboxCounts }> {
  const { now, accountId } = context;
  const soon = new Date(now.getTime() + context.warnHours * 3_600_000);
  const base = [sql`a.status <> 'draft'`, applicationInScope(scopes)];
  if (filter.serviceId) base.push(sql`a.service_id = ${filter.serviceId}`);
  if (filter.unitId) base.push(sql`a.service_unit_id = ${filter.unitId}`);
  const where = [...base];
  if (filter.status === 'open') where.push(sql`a.status in ('submitted', 'in_process', 'awaiting_citizen')`);
  else if (filter.status !== 'all') where.push(sql`a.status = ${filter.status}`);
  if (filter.due === 'overdue') where.push(dueBefore(now));
  if (filter.due === 'soon') where.push(sql`${dueBefore(soon)} and a.due_at >= ${now}`);
  if (filter.mine) where.push(accountId ? sql`a.assigned_to_account_id = ${accountId}` : sql`false`);
  const and = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` and `);
  const mine = accountId ? sql`a.assigned_to_account_id = ${accountId}` : sql`false`;

  const [items, counts] = await Promise.all([
    sql<InboxRow & { total: number }>`
      select a.id, a.tracking_number as "trackingNumber", a.status, a.channel, a.service_id as "serviceId",
        s.name as "serviceName", su.name as "unitName", a.submitted_at as "submittedAt", a.due_at as "dueAt",
        a.clock_paused as "clockPaused", acc.name as "assignedToName", a.current_step_key as "currentStepKey",
        a.version, count(*) over ()::int as total
      from applications.application a
        join standards.service_directory s on s.id = a.service_id
        join organizations.unit_directory su on su.id = a.service_unit_id
        left join identity.account_name acc on acc.id = a.assigned_to_account_id
      where ${and(where)}
      order by a.due_at asc nulls last, a.submitted_at asc, a.id
      limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`.execute(db),
    sql<InboxCounts>`
      select
        count(*) filter (where a.status in ('submitted', 'in_process', 'awaiting_citizen'))::int as open,
        count(*) filter (where a.status = 'submitted')::int as submitted,
        count(*) filter (where a.status = 'in_process')::int as in_process,
        count(*) filter (where a.status = 'awaiting_citizen')::int as awaiting_citizen,
        count(*) filter (where a.status = 'completed')::int as completed,
        count(*) filter (where a.status = 'rejected')::int as rejected,
        count(*) filter (where a.status = 'withdrawn')::int as withdrawn,
        count(*) filter (where ${dueBefore(soon)} and a.due_at >= ${now})::int as "dueSoon",
        count(*) filter (where ${dueBefore(now)})::int as overdue,
        count(*) filter (where ${mine} and a.status in ('submitted', 'in_process', 'awaiting_citizen'))::int as mine
      from applications.application a
      where ${and(base)}`.execute(db),
  ]);
  const rows = items.rows.map(({ total: _total, ...row }) => ({
    ...row,
    submittedAt: new Date(row.submittedAt),
    dueAt: row.dueAt ? new Date(row.dueAt) : null,
  }));
  return { items: rows, total: items.rows[0]?.total ?? 0, counts: counts.rows[0]! };
}

/** The services with applications inside the scopes, for the inbox's service filter. */
export async function servicesInScope(db: AnyDb, scopes: readonly Scope[]): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql<{ id: string; name: string }>`
    select s.id, s.name from standards.service_directory s
    where exists (select 1 from applications.application a where a.service_id = s.id and a.status <> 'draft' and ${applicationInScope(scopes)})
    order by s.name, s.id`.execute(db);
  return rows;
}

export interface CasePlace {
  serviceName: string;
  serviceSlug: string;
  unitName: string;
  agencyName: string;
  mallName: string | null;
  timeZone: IndonesianTimeZone;
  assignedToName: string | null;
}

/** The names around a case: service, unit, agency, mall, the time zone of the place it was filed (mall, else the unit's region) and its assignee. */
export async function casePlace(db: AnyDb | Tx, app: ApplicationRow): Promise<CasePlace> {
  const { rows } = await sql<CasePlace>`
    select s.name as "serviceName", s.slug as "serviceSlug", su.name as "unitName", ag.name as "agencyName",
      m.name as "mallName", coalesce(m.time_zone, su.time_zone, 'Asia/Jakarta') as "timeZone", acc.name as "assignedToName"
    from standards.service_directory s
      join organizations.unit_directory su on su.id = ${app.serviceUnitId}
      join organizations.agency_directory ag on ag.id = ${app.agencyId}
      left join organizations.mall_directory m on m.id = ${app.mallId}
      left join identity.account_name acc on acc.id = ${app.assignedToAccountId}
    where s.id = ${app.serviceId}`.execute(db);
  return rows[0]!;
}

export interface Processor {
  id: string;
  name: string;
}

/**
 * Active staff holding applications.process at a scope covering the application (its unit, agency or
 * mall, or the platform): the people a case may be assigned to.
 */
export async function processorsFor(db: AnyDb | Tx, app: ApplicationRow, accountId?: string): Promise<Processor[]> {
  return staffHolding(db, PROCESS, { agencyId: app.agencyId, unitId: app.serviceUnitId, mallId: app.mallId }, accountId);
}

/** Everything recorded on a case, for the staff page and the JSON view. */
export async function caseRecords(db: AnyDb | Tx, applicationId: string) {
  const t = tablesOf(db);
  const [documents, checks, pauses, extensions, events, bill, payments, outputs] = await Promise.all([
    t
      .selectFrom('applications.document')
      .select(['id', 'requirementKey', 'fileName', 'mediaType', 'sizeBytes', 'sha256', 'uploadedAt', 'replacedAt'])
      .where('applicationId', '=', applicationId)
      .orderBy('uploadedAt', 'desc')
      .execute(),
    t.selectFrom('applications.requirementCheck').selectAll().where('applicationId', '=', applicationId).execute(),
    t.selectFrom('applications.clockPause').selectAll().where('applicationId', '=', applicationId).orderBy('pausedAt').execute(),
    t.selectFrom('applications.clockExtension').selectAll().where('applicationId', '=', applicationId).orderBy('grantedAt').execute(),
    sql<{
      id: number;
      at: Date;
      kind: string;
      actorKind: string;
      actorName: string | null;
      stepKey: string | null;
      public: boolean;
      note: string | null;
      data: Record<string, unknown>;
    }>`
      select e.id, e.at, e.kind, e.actor_kind as "actorKind", acc.name as "actorName", e.step_key as "stepKey", e.public, e.note, e.data
      from applications.event e left join identity.account_name acc on acc.id = e.actor_account_id
      where e.application_id = ${applicationId} order by e.id`.execute(db),
    t.selectFrom('applications.bill').selectAll().where('applicationId', '=', applicationId).executeTakeFirst(),
    t.selectFrom('applications.payment').selectAll().where('applicationId', '=', applicationId).orderBy('recordedAt').execute(),
    t.selectFrom('applications.output').selectAll().where('applicationId', '=', applicationId).orderBy('issuedAt').execute(),
  ]);
  return {
    documents,
    checks,
    pauses,
    extensions,
    events: events.rows.map((e) => ({ ...e, at: new Date(e.at), id: Number(e.id) })),
    bill: bill && { ...bill, total: Number(bill.total) },
    payments: payments.map((p) => ({ ...p, amount: Number(p.amount) })),
    outputs,
  };
}
export type CaseRecords = Awaited<ReturnType<typeof caseRecords>>;
