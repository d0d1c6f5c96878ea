import { z } from 'zod';
import type { Actor } from '../../platform/access/access.js';
import { loadConfig } from '../../platform/config.js';
import { defineJob } from '../../platform/jobs/job.js';
import { PERMISSIONS, staffAt, type StaffContact } from '../identity/index.js';
import { PROCESS, recordChange, tablesOf, type AnyDb, type ApplicationRow, type Tx } from './applications.core.js';
import { notifyStaff } from './notify.js';

/**
 * The deadline watch: open applications whose legal clock runs are warned about before their due instant,
 * flagged overdue after it, and escalated to the unit's admins when overdue for longer than allowed. Each
 * happens once per application (warned_at, overdue_at, escalated_at) and goes through recordChange, so it
 * is on the timeline, in the audit trail and in the outbox. A paused clock (waiting for the citizen) and a
 * closed application are left alone.
 */

/** The watch acts as the system: the timeline says so and records no account; the audit names the job. */
const WATCH: Actor = { kind: 'system', id: 'applications.watch-deadlines', name: 'Satupintu' } as unknown as Actor;
const HOUR = 3_600_000;
const BATCH = 500;

export interface WatchOptions {
  /** Warn this many hours before the due instant (APPLICATIONS_WARN_HOURS). */
  warnHours: number;
  /** Escalate this many hours after it (APPLICATIONS_ESCALATE_AFTER_HOURS; 0: at once). */
  escalateAfterHours: number;
  publicUrl: string;
  now?: Date;
}

export interface WatchResult {
  warned: number;
  overdue: number;
  escalated: number;
}

/** Whom to tell: the assigned processor, or (nobody assigned, or no longer there) the unit's processors. */
async function processorsOf(tx: Tx, app: ApplicationRow): Promise<StaffContact[]> {
  const all = await staffAt(tx, { agencyId: app.agencyId, unitId: app.serviceUnitId }, [PROCESS]);
  const assigned = all.filter((s) => s.id === app.assignedToAccountId);
  return assigned.length > 0 ? assigned : all;
}

/** Runs one round over at most BATCH applications that are due for a warning, the overdue flag or escalation. */
export async function watchDeadlines(db: AnyDb, options: WatchOptions): Promise<WatchResult> {
  const now = options.now ?? new Date();
  const warnBefore = new Date(now.getTime() + options.warnHours * HOUR);
  const escalateBefore = new Date(now.getTime() - options.escalateAfterHours * HOUR);
  const result: WatchResult = { warned: 0, overdue: 0, escalated: 0 };
  // The partial index on due_at over open statuses keeps this to the applications near or past their due.
  const candidates = await tablesOf(db)
    .selectFrom('applications.application')
    .select('id')
    .where('status', 'in', ['submitted', 'in_process'])
    .where('clockPaused', '=', false)
    .where('dueAt', 'is not', null)
    .where('dueAt', '<=', warnBefore)
    .where((eb) =>
      eb.or([
        eb.and([eb('warnedAt', 'is', null), eb('dueAt', '>', now)]),
        eb.and([eb('overdueAt', 'is', null), eb('dueAt', '<', now)]),
        eb.and([eb('escalatedAt', 'is', null), eb('dueAt', '<', now), eb('dueAt', '<=', escalateBefore)]),
      ]),
    )
    .orderBy('dueAt')
    .limit(BATCH)
    .execute();

  for (const { id } of candidates) {
    await db.transaction().execute(async (tx) => {
      const app = await tablesOf(tx).selectFrom('applications.application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      // Looked at again under the lock: a processor may have paused, decided or extended it meanwhile.
      if (!app?.dueAt || app.clockPaused || (app.status !== 'submitted' && app.status !== 'in_process')) return;
      // recordChange reads no personal data, so the watch holds no keys.
      const ctx = { db: tx, actor: WATCH, keys: undefined as never, now: () => now };
      const due = app.dueAt.getTime();
      const mark = async (
        column: 'warnedAt' | 'overdueAt' | 'escalatedAt',
        kind: 'due_soon' | 'overdue' | 'escalated',
        isPublic: boolean,
      ) => {
        // Only the watch's own column: the application's version stays, so no processor's open form goes stale.
        const row = await tablesOf(tx)
          .updateTable('applications.application')
          .set({ [column]: now })
          .where('id', '=', app.id)
          .where(column, 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        await recordChange(tx, ctx, row, {
          kind,
          public: isPublic,
          data: { dueAt: app.dueAt!.toISOString() },
          event: `applications.application.${kind.replace(/_/g, '-')}`,
        });
        return row;
      };
      if (!app.warnedAt && due > now.getTime() && due <= warnBefore.getTime()) {
        const row = await mark('warnedAt', 'due_soon', false);
        if (row) {
          await notifyStaff(tx, options, row, 'due_soon', await processorsOf(tx, row));
          result.warned++;
        }
      }
      if (!app.overdueAt && due < now.getTime()) {
        const row = await mark('overdueAt', 'overdue', true);
        if (row) {
          await notifyStaff(tx, options, row, 'overdue', await processorsOf(tx, row));
          result.overdue++;
        }
      }
      if (!app.escalatedAt && due < now.getTime() && due <= escalateBefore.getTime()) {
        const row = await mark('escalatedAt', 'escalated', false);
        if (row) {
          const admins = await staffAt(tx, { agencyId: row.agencyId, unitId: row.serviceUnitId }, [PROCESS, PERMISSIONS.staffManage]);
          await notifyStaff(tx, options, row, 'escalated', admins);
          result.escalated++;
        }
      }
    });
  }
  return result;
}

/**
 * Every five minutes: warnings, overdue flags and escalations. Job handlers receive no configuration, so
 * the settings come from loadConfig; `warnHours` and `escalateAfterHours` in the payload override them for
 * a run sent by hand.
 */
export const watchDeadlinesJob = defineJob({
  name: 'applications.watch-deadlines',
  schema: z.object({
    warnHours: z.number().int().min(1).max(720).optional(),
    escalateAfterHours: z.number().int().min(0).max(720).optional(),
  }),
  cron: { expression: '*/5 * * * *', payload: {} },
  retry: { limit: 2, delaySeconds: 60 },
  handler: async (ctx, payload) => {
    const config = loadConfig();
    const result = await watchDeadlines(ctx.database.db, {
      warnHours: payload.warnHours ?? config.APPLICATIONS_WARN_HOURS,
      escalateAfterHours: payload.escalateAfterHours ?? config.APPLICATIONS_ESCALATE_AFTER_HOURS,
      publicUrl: config.publicUrl,
    });
    if (result.warned + result.overdue + result.escalated > 0) ctx.log.info(result, 'application deadlines watched');
  },
});

export const applicationsJobs = [watchDeadlinesJob];
