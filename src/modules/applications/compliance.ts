import { sql } from 'kysely';
import { scopesFor } from '../../platform/access/access.js';
import { loadWorkingCalendar, workingDaysLeft, type WorkingCalendar } from '../calendar/index.js';
import { nowOf, PROCESS, type ApplicationsContext } from './applications.core.js';
import { applicationInScope } from './process.queries.js';

/**
 * Deadline compliance (kepatuhan waktu penyelesaian), one of the figures the yearly evaluation reads: per
 * unit and per service, over a period of decisions, how many were decided within the legal time and how
 * many late, how many open cases are overdue now, and the median working days from submission to decision
 * (on the unit's calendar, pauses included: what the citizen waited).
 */
export interface ComplianceFigures {
  decided: number;
  onTime: number;
  late: number;
  /** Share decided on time, 0–100, or null when nothing was decided. */
  onTimePercent: number | null;
  openOverdue: number;
  medianWorkingDays: number | null;
}

export interface ComplianceRow extends ComplianceFigures {
  id: string;
  name: string;
  unitName?: string;
}

export interface ComplianceReport {
  from: string;
  to: string;
  units: ComplianceRow[];
  services: ComplianceRow[];
}

interface Decided {
  serviceUnitId: string;
  mallId: string | null;
  serviceId: string;
  submittedAt: Date;
  decidedAt: Date;
  onTime: boolean | null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figures(decided: (Decided & { days: number })[], openOverdue: number): ComplianceFigures {
  const onTime = decided.filter((d) => d.onTime).length;
  return {
    decided: decided.length,
    onTime,
    late: decided.length - onTime,
    onTimePercent: decided.length ? Math.round((onTime / decided.length) * 1000) / 10 : null,
    openOverdue,
    medianWorkingDays: median(decided.map((d) => d.days)),
  };
}

/**
 * The report over decisions made from `from` to `to` (dates, inclusive, in WIB), inside the actor's scopes.
 * Units and services without a decision or an overdue case in that time are left out.
 */
export async function complianceReport(ctx: ApplicationsContext, period: { from: string; to: string }): Promise<ComplianceReport> {
  const scopes = scopesFor(ctx.actor, PROCESS);
  const start = new Date(`${period.from}T00:00:00+07:00`);
  const end = new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + 86_400_000);
  const now = nowOf(ctx);
  const [decided, overdue, names] = await Promise.all([
    sql<Decided>`
      select a.service_unit_id as "serviceUnitId", a.mall_id as "mallId", a.service_id as "serviceId",
        a.submitted_at as "submittedAt", a.decided_at as "decidedAt", a.on_time as "onTime"
      from applications.application a
      where a.status in ('completed', 'rejected') and a.decided_at >= ${start} and a.decided_at < ${end} and ${applicationInScope(scopes)}`.execute(
      ctx.db,
    ),
    sql<{ serviceUnitId: string; serviceId: string; n: number }>`
      select a.service_unit_id as "serviceUnitId", a.service_id as "serviceId", count(*)::int as n
      from applications.application a
      where a.status in ('submitted', 'in_process', 'awaiting_citizen') and not a.clock_paused and a.due_at < ${now}
        and ${applicationInScope(scopes)}
      group by 1, 2`.execute(ctx.db),
    sql<{ serviceId: string; serviceName: string; serviceUnitId: string; unitName: string }>`
      select s.id as "serviceId", s.name as "serviceName", su.id as "serviceUnitId", su.name as "unitName"
      from standards.service_directory s join organizations.unit_directory su on su.id = s.service_unit_id
      where s.id in (select a.service_id from applications.application a where a.status <> 'draft' and ${applicationInScope(scopes)})`.execute(
      ctx.db,
    ),
  ]);
  const calendars = new Map<string, Promise<WorkingCalendar>>();
  const calendarOf = (d: Decided) => {
    const key = `${d.serviceUnitId}:${d.mallId ?? ''}`;
    if (!calendars.has(key)) calendars.set(key, loadWorkingCalendar(ctx.db, { serviceUnitId: d.serviceUnitId, mallId: d.mallId }));
    return calendars.get(key)!;
  };
  const rows = await Promise.all(
    decided.rows.map(async (d) => {
      const submittedAt = new Date(d.submittedAt);
      const decidedAt = new Date(d.decidedAt);
      return { ...d, submittedAt, decidedAt, days: workingDaysLeft(await calendarOf(d), submittedAt, decidedAt) };
    }),
  );
  const serviceNames = new Map(names.rows.map((r) => [r.serviceId, r]));
  const unitNames = new Map(names.rows.map((r) => [r.serviceUnitId, r.unitName]));
  const group = (key: 'serviceUnitId' | 'serviceId') => {
    const ids = new Set([...rows.map((r) => r[key]), ...overdue.rows.map((r) => r[key])]);
    return [...ids].map((id) => {
      const late = overdue.rows.filter((r) => r[key] === id).reduce((sum, r) => sum + r.n, 0);
      const service = serviceNames.get(id);
      const base = figures(
        rows.filter((r) => r[key] === id),
        late,
      );
      return key === 'serviceId'
        ? { id, name: service?.serviceName ?? id, unitName: service?.unitName ?? '', ...base }
        : { id, name: unitNames.get(id) ?? id, ...base };
    });
  };
  const byName = (a: ComplianceRow, b: ComplianceRow) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id);
  return { from: period.from, to: period.to, units: group('serviceUnitId').sort(byName), services: group('serviceId').sort(byName) };
}
