import { isUuid, scopesFor } from '../../platform/access/access.js';
import { PERSONAL_DATA_VIEWED, recordAudit, recordPersonalDataAccess } from '../audit/index.js';
import { workingDaysLeft, type ClockUnit } from '../calendar/index.js';
import type { StandardContent } from '../standards/index.js';
import {
  actorId,
  canProcess,
  clockOf,
  findApplication,
  frozenStandard,
  lockApplication,
  nowOf,
  openAnswers,
  openContact,
  PROCESS,
  recordChange,
  refreshClock,
  tablesOf,
  tenantOf,
  updateApplication,
  write,
  type ApplicationRow,
  type ApplicationsContext,
  type Tx,
} from './applications.core.js';
import type { ApplicationStatus } from './applications.tables.js';
import { paymentAdapter } from './payment.js';
import * as E from './process.errors.js';
import { caseRecords, casePlace, listInbox, processorsFor, servicesInScope, type InboxFilter } from './process.queries.js';

/**
 * The unit's work on an application, along the frozen standard's procedure (docs/ARCHITECTURE.md,
 * "Applications"): claim or assign, check the requirements item by item, return for correction (the clock
 * pauses when the standard says so), reject with a legal basis, advance the procedure's steps, extend the
 * time limit once with a reason, record the payment, issue outputs (output.ts), complete.
 *
 * Every action runs in one transaction on the locked row at the version the staff member read, bumps the
 * version, and records the change once (timeline, audit, outbox). Staff who do not work the application's
 * unit (applications.process covering its unit, agency or mall) are told there is no such application, and
 * no staff member ever sees a citizen's draft.
 */

/** Where an action may start from; everything else is APPLICATIONS_CASE_WRONG_STATUS. */
const WORKABLE = ['submitted', 'in_process'] as const satisfies readonly ApplicationStatus[];
const IN_PROCESS = ['in_process'] as const satisfies readonly ApplicationStatus[];
const OPEN = ['submitted', 'in_process', 'awaiting_citizen'] as const satisfies readonly ApplicationStatus[];
const DECIDED_OR_OPEN = [...OPEN, 'completed', 'rejected', 'withdrawn'] as const satisfies readonly ApplicationStatus[];

/** The application if the actor works its unit's cases and it has been submitted; otherwise "not found". */
function visible(ctx: ApplicationsContext, app: ApplicationRow | undefined): ApplicationRow {
  if (!app || app.status === 'draft' || !canProcess(ctx.actor, app)) throw E.CaseNotFound();
  return app;
}

/** Reads an application the actor may work, outside a transaction. @throws APPLICATIONS_CASE_NOT_FOUND */
export async function findCase(ctx: ApplicationsContext, id: string): Promise<ApplicationRow> {
  if (!isUuid(id)) throw E.CaseNotFound();
  return visible(ctx, await findApplication(ctx.db, id));
}

/**
 * Locks the application, checks scope, version and status, runs `fn` in the same transaction.
 * @throws APPLICATIONS_CASE_NOT_FOUND, APPLICATIONS_CASE_VERSION_CONFLICT, APPLICATIONS_CASE_WRONG_STATUS
 */
export async function act<T>(
  ctx: ApplicationsContext,
  id: string,
  version: number,
  statuses: readonly ApplicationStatus[],
  fn: (tx: Tx, app: ApplicationRow, standard: StandardContent) => Promise<T>,
): Promise<T> {
  if (!isUuid(id)) throw E.CaseNotFound();
  return write(ctx, async (tx) => {
    const app = visible(ctx, await lockApplication(tx, id));
    if (app.version !== version) throw E.CaseVersionConflict({ version: app.version });
    if (!statuses.includes(app.status)) throw E.CaseWrongStatus({ status: app.status });
    return fn(tx, app, await frozenStandard(tx, app.standardVersionId));
  });
}

/** Saves a patch (and the next version) on the locked row. */
export async function save(tx: Tx, ctx: ApplicationsContext, app: ApplicationRow, patch: Parameters<typeof updateApplication>[3]) {
  const next = await updateApplication(tx, ctx, app, patch);
  if (!next) throw E.CaseVersionConflict({ version: app.version });
  return next;
}

const requirementKeys = (standard: StandardContent) => new Set(standard.requirements.map((r) => r.key));

function unknownRequirements(standard: StandardContent, keys: string[], path: (i: number) => string) {
  const known = requirementKeys(standard);
  const fields = keys.flatMap((k, i) =>
    known.has(k) ? [] : [{ path: path(i), key: 'applications.error.APPLICATIONS_UNKNOWN_REQUIREMENT' }],
  );
  if (fields.length) throw E.UnknownRequirement({}, { fields });
}

async function upsertChecks(
  tx: Tx,
  ctx: ApplicationsContext,
  app: ApplicationRow,
  items: readonly { key: string; outcome: 'ok' | 'needs_correction'; note?: string | null | undefined }[],
) {
  for (const item of items) {
    const values = {
      outcome: item.outcome,
      note: item.note?.trim() || null,
      checkedByAccountId: actorId(ctx.actor),
      checkedAt: nowOf(ctx),
    };
    await tablesOf(tx)
      .insertInto('applications.requirementCheck')
      .values({ applicationId: app.id, requirementKey: item.key, ...values })
      .onConflict((oc) => oc.columns(['applicationId', 'requirementKey']).doUpdateSet(values))
      .execute();
  }
}

// ---- taking the case ----------------------------------------------------------------------------

/**
 * The staff member takes the case: assigned to them, in process.
 * @throws APPLICATIONS_CASE_NOT_FOUND, APPLICATIONS_CASE_VERSION_CONFLICT, APPLICATIONS_CASE_WRONG_STATUS
 */
export async function claim(ctx: ApplicationsContext, id: string, version: number): Promise<ApplicationRow> {
  return act(ctx, id, version, WORKABLE, async (tx, app) => {
    const me = actorId(ctx.actor);
    const next = await save(tx, ctx, app, { status: 'in_process', assignedToAccountId: me });
    await recordChange(tx, ctx, next, { kind: 'claimed', public: false, before: { assignedTo: app.assignedToAccountId } });
    return next;
  });
}

/**
 * Assigns the case to a colleague who works the unit's cases.
 * @throws APPLICATIONS_ASSIGNEE_NOT_PROCESSOR besides the usual refusals.
 */
export async function assign(ctx: ApplicationsContext, id: string, version: number, accountId: string): Promise<ApplicationRow> {
  return act(ctx, id, version, WORKABLE, async (tx, app) => {
    const found = isUuid(accountId) ? await processorsFor(tx, app, accountId) : [];
    if (found.length === 0) {
      throw E.AssigneeNotProcessor({}, { fields: [{ path: 'accountId', key: 'applications.error.APPLICATIONS_ASSIGNEE_NOT_PROCESSOR' }] });
    }
    const next = await save(tx, ctx, app, { status: 'in_process', assignedToAccountId: accountId });
    await recordChange(tx, ctx, next, {
      kind: 'assigned',
      public: false,
      data: { to: found[0]!.name },
      before: { assignedTo: app.assignedToAccountId },
      after: { assignedTo: accountId },
    });
    return next;
  });
}

// ---- the requirements ---------------------------------------------------------------------------

export interface CheckItem {
  key: string;
  outcome: 'ok' | 'needs_correction';
  note?: string | undefined;
}

/**
 * Records the check of requirement items (ok, or needing correction with a note); a staff-only entry.
 * @throws APPLICATIONS_UNKNOWN_REQUIREMENT (field `items.<i>.key`), HTTP_VALIDATION for a missing note.
 */
export async function checkRequirements(
  ctx: ApplicationsContext,
  id: string,
  version: number,
  items: CheckItem[],
): Promise<ApplicationRow> {
  return act(ctx, id, version, WORKABLE, async (tx, app, standard) => {
    unknownRequirements(
      standard,
      items.map((i) => i.key),
      (i) => `items.${i}.key`,
    );
    await upsertChecks(tx, ctx, app, items);
    const next = await save(tx, ctx, app, { status: 'in_process', assignedToAccountId: app.assignedToAccountId ?? actorId(ctx.actor) });
    const needs = items.filter((i) => i.outcome === 'needs_correction').length;
    await recordChange(tx, ctx, next, {
      kind: 'requirements_checked',
      public: false,
      data: { ok: items.length - needs, needsCorrection: needs },
    });
    return next;
  });
}

export interface CorrectionRequest {
  /** What the citizen must correct, per requirement. */
  items: { key: string; note: string }[];
  /** A general message to the citizen. */
  message: string;
}

/**
 * Returns the application to the citizen with a reason per item; the clock pauses when the standard's time
 * limit says it stops while the unit waits for the citizen.
 * @throws APPLICATIONS_CORRECTION_WITHOUT_ITEMS, APPLICATIONS_UNKNOWN_REQUIREMENT besides the usual refusals.
 */
export async function requestCorrection(
  ctx: ApplicationsContext,
  id: string,
  version: number,
  input: CorrectionRequest,
): Promise<ApplicationRow> {
  return act(ctx, id, version, WORKABLE, async (tx, app, standard) => {
    if (input.items.length === 0) {
      throw E.CorrectionWithoutItems({}, { fields: [{ path: 'items', key: 'applications.error.APPLICATIONS_CORRECTION_WITHOUT_ITEMS' }] });
    }
    unknownRequirements(
      standard,
      input.items.map((i) => i.key),
      (i) => `items.${i}.key`,
    );
    await upsertChecks(
      tx,
      ctx,
      app,
      input.items.map((i) => ({ key: i.key, outcome: 'needs_correction' as const, note: i.note })),
    );
    const pauses = standard.timeLimit.pausesWhileWaiting;
    if (pauses) {
      await tablesOf(tx)
        .insertInto('applications.clockPause')
        .values({ applicationId: app.id, pausedAt: nowOf(ctx), resumedAt: null, reason: input.message })
        .execute();
    }
    const saved = await save(tx, ctx, app, {
      status: 'awaiting_citizen',
      assignedToAccountId: app.assignedToAccountId ?? actorId(ctx.actor),
    });
    const next = await refreshClock(tx, ctx, saved);
    await recordChange(tx, ctx, next, {
      kind: 'correction_requested',
      note: input.message,
      data: { items: input.items.map((i) => ({ key: i.key, note: i.note })), clockPaused: pauses },
      event: 'applications.application.correction-requested',
      before: { status: app.status },
    });
    return next;
  });
}

// ---- deciding and moving along ------------------------------------------------------------------

const onTime = (app: ApplicationRow, at: Date) => !app.dueAt || at.getTime() <= app.dueAt.getTime();

/**
 * Rejects the application with the reason and the legal basis the citizen is told.
 * @throws APPLICATIONS_CASE_NOT_FOUND, APPLICATIONS_CASE_VERSION_CONFLICT, APPLICATIONS_CASE_WRONG_STATUS
 */
export async function reject(
  ctx: ApplicationsContext,
  id: string,
  version: number,
  input: { reason: string; legalBasis: string },
): Promise<ApplicationRow> {
  return act(ctx, id, version, IN_PROCESS, async (tx, app) => {
    const at = nowOf(ctx);
    const next = await save(tx, ctx, app, {
      status: 'rejected',
      decidedAt: at,
      onTime: onTime(app, at),
      rejectionReason: input.reason,
      rejectionLegalBasis: input.legalBasis,
    });
    await recordChange(tx, ctx, next, {
      kind: 'rejected',
      note: input.reason,
      data: { legalBasis: input.legalBasis, onTime: next.onTime },
      event: 'applications.application.rejected',
      before: { status: app.status },
    });
    return next;
  });
}

/** The procedure's steps staff carry out, in order (the citizen's own steps are the application itself). */
export const staffSteps = (standard: StandardContent) => standard.procedure.filter((s) => s.actor !== 'citizen');

/**
 * Moves to the next step of the frozen procedure.
 * @throws APPLICATIONS_LAST_STEP when the last step is in progress, besides the usual refusals.
 */
export async function advanceStep(ctx: ApplicationsContext, id: string, version: number): Promise<ApplicationRow> {
  return act(ctx, id, version, IN_PROCESS, async (tx, app, standard) => {
    const steps = staffSteps(standard);
    const at = steps.findIndex((s) => s.key === app.currentStepKey);
    const to = steps[at + 1];
    if (!to) throw E.LastStep();
    const next = await save(tx, ctx, app, { currentStepKey: to.key });
    await recordChange(tx, ctx, next, {
      kind: 'step_advanced',
      stepKey: to.key,
      data: { from: app.currentStepKey, to: to.key, title: to.title },
    });
    return next;
  });
}

export interface Extension {
  value: number;
  unit: ClockUnit;
  reason: string;
}

/**
 * Extends the time limit lawfully, with the reason the citizen is told. One extension per application:
 * a second would be a new decision on the same delay, which the unit head takes outside the system.
 * @throws APPLICATIONS_ALREADY_EXTENDED besides the usual refusals.
 */
export async function extendClock(ctx: ApplicationsContext, id: string, version: number, input: Extension): Promise<ApplicationRow> {
  return act(ctx, id, version, IN_PROCESS, async (tx, app) => {
    const t = tablesOf(tx);
    const earlier = await t.selectFrom('applications.clockExtension').select('id').where('applicationId', '=', app.id).executeTakeFirst();
    if (earlier) throw E.AlreadyExtended();
    await t
      .insertInto('applications.clockExtension')
      .values({
        applicationId: app.id,
        value: input.value,
        unit: input.unit,
        reason: input.reason,
        grantedByAccountId: actorId(ctx.actor),
        grantedAt: nowOf(ctx),
      })
      .execute();
    const next = await refreshClock(tx, ctx, await save(tx, ctx, app, {}));
    await recordChange(tx, ctx, next, {
      kind: 'clock_extended',
      note: input.reason,
      data: {
        value: input.value,
        unit: input.unit,
        dueBefore: app.dueAt?.toISOString() ?? null,
        dueAfter: next.dueAt?.toISOString() ?? null,
      },
      before: { dueAt: app.dueAt?.toISOString() ?? null },
      after: { dueAt: next.dueAt?.toISOString() ?? null },
    });
    return next;
  });
}

// ---- the bill -----------------------------------------------------------------------------------

export interface PaymentRecord {
  method: string;
  amount: number;
  reference: string;
}

/**
 * Records the payment of the whole bill through the method's adapter (payment.ts).
 * @throws APPLICATIONS_NOTHING_TO_PAY, APPLICATIONS_PAYMENT_METHOD_UNKNOWN, APPLICATIONS_PAYMENT_AMOUNT_MISMATCH,
 *   APPLICATIONS_PAYMENT_REFERENCE_INVALID, APPLICATIONS_PAYMENT_REFERENCE_USED besides the usual refusals.
 */
export async function recordPayment(ctx: ApplicationsContext, id: string, version: number, input: PaymentRecord): Promise<ApplicationRow> {
  const adapter = paymentAdapter(input.method);
  return act(ctx, id, version, OPEN, async (tx, app) => {
    const t = tablesOf(tx);
    const bill = await t.selectFrom('applications.bill').selectAll().where('applicationId', '=', app.id).forUpdate().executeTakeFirst();
    if (!bill || bill.status !== 'unpaid') throw E.NothingToPay();
    const { reference } = await adapter.record({ amount: input.amount, reference: input.reference, outstanding: Number(bill.total) });
    const used = await t
      .selectFrom('applications.payment')
      .select('id')
      .where('method', '=', adapter.method)
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (used) {
      throw E.PaymentReferenceUsed(
        { reference },
        { fields: [{ path: 'reference', key: 'applications.error.APPLICATIONS_PAYMENT_REFERENCE_USED', params: { reference } }] },
      );
    }
    const at = nowOf(ctx);
    await t
      .insertInto('applications.payment')
      .values({
        applicationId: app.id,
        method: adapter.method,
        amount: input.amount,
        reference,
        recordedByAccountId: actorId(ctx.actor),
        recordedAt: at,
      })
      .execute();
    await t.updateTable('applications.bill').set({ status: 'paid', paidAt: at }).where('applicationId', '=', app.id).execute();
    const next = await save(tx, ctx, app, {});
    await recordChange(tx, ctx, next, { kind: 'payment_recorded', data: { method: adapter.method, amount: input.amount, reference } });
    return next;
  });
}

// ---- completing ---------------------------------------------------------------------------------

/**
 * Completes the application: the bill paid or free, at least one output issued; records whether the unit
 * finished within the legal time.
 * @throws APPLICATIONS_BILL_UNPAID, APPLICATIONS_NO_OUTPUT besides the usual refusals.
 */
export async function complete(ctx: ApplicationsContext, id: string, version: number): Promise<ApplicationRow> {
  return act(ctx, id, version, IN_PROCESS, async (tx, app) => {
    const t = tablesOf(tx);
    const bill = await t.selectFrom('applications.bill').select('status').where('applicationId', '=', app.id).executeTakeFirst();
    if (bill?.status !== 'paid' && bill?.status !== 'free') throw E.BillUnpaid();
    const output = await t
      .selectFrom('applications.output')
      .select('id')
      .where('applicationId', '=', app.id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (!output) throw E.NoOutput();
    const at = nowOf(ctx);
    const next = await save(tx, ctx, app, { status: 'completed', completedAt: at, decidedAt: at, onTime: onTime(app, at) });
    await recordChange(tx, ctx, next, {
      kind: 'completed',
      data: { onTime: next.onTime },
      event: 'applications.application.completed',
      before: { status: app.status },
    });
    return next;
  });
}

// ---- reading ------------------------------------------------------------------------------------

/** The inbox of the actor's units. */
export async function inbox(ctx: ApplicationsContext, filter: InboxFilter, warnHours: number) {
  const scopes = scopesFor(ctx.actor, PROCESS);
  const [found, services] = await Promise.all([
    listInbox(ctx.db, scopes, filter, { now: nowOf(ctx), warnHours, accountId: actorId(ctx.actor) }),
    servicesInScope(ctx.db, scopes),
  ]);
  return { ...found, services };
}

/** The frozen standard of an application the actor may work. @throws APPLICATIONS_CASE_NOT_FOUND */
export async function getCaseStandard(ctx: ApplicationsContext, id: string): Promise<StandardContent> {
  const app = await findCase(ctx, id);
  return frozenStandard(ctx.db, app.standardVersionId);
}

/** Who viewed whose personal data, for the citizen's log and the unit's auditors. */
async function logPersonalDataView(tx: Tx, ctx: ApplicationsContext, app: ApplicationRow, unitName: string) {
  if (ctx.actor.kind !== 'staff') return;
  const fields = ['contact', 'answers'];
  if (app.applicantAccountId) {
    await recordPersonalDataAccess(tx, {
      staff: { kind: 'staff', id: ctx.actor.id, name: ctx.actor.name, unitName },
      subjectAccountId: app.applicantAccountId,
      fields,
      purpose: 'applications.case',
      requestId: ctx.requestId,
      tenant: tenantOf(app),
    });
  } else {
    // Filed at a counter for someone without an account: the application itself is the subject.
    await recordAudit(tx, {
      actor: ctx.actor,
      action: PERSONAL_DATA_VIEWED,
      subject: { type: 'application', id: app.id },
      after: { fields, purpose: 'applications.case' },
      requestId: ctx.requestId,
      tenant: tenantOf(app),
    });
  }
}

/**
 * The whole case for the staff member working it: the application, its standard, its place, the decrypted
 * contact and answers (the read is logged), every record, the clock and who it can be assigned to.
 * @throws APPLICATIONS_CASE_NOT_FOUND
 */
export async function getCase(ctx: ApplicationsContext, id: string) {
  const app = await findCase(ctx, id);
  const now = nowOf(ctx);
  const [standard, place, records, clock, processors] = await Promise.all([
    frozenStandard(ctx.db, app.standardVersionId),
    casePlace(ctx.db, app),
    caseRecords(ctx.db, app.id),
    clockOf(ctx.db, app, now),
    processorsFor(ctx.db, app),
  ]);
  await write(ctx, (tx) => logPersonalDataView(tx, ctx, app, place.unitName));
  const running = ['submitted', 'in_process', 'awaiting_citizen'].includes(app.status);
  return {
    application: app,
    standard,
    place,
    contact: openContact(ctx.keys, app),
    answers: openAnswers(ctx.keys, app),
    ...records,
    clock: {
      dueAt: app.dueAt,
      paused: app.clockPaused,
      running,
      workingDaysLeft: running && clock && app.dueAt ? workingDaysLeft(clock.calendar, now, app.dueAt) : null,
      overdue: running && !app.clockPaused && !!app.dueAt && app.dueAt.getTime() < now.getTime(),
      timeZone: clock?.calendar.timeZone ?? place.timeZone,
    },
    steps: staffSteps(standard),
    processors,
  };
}
export type CaseView = Awaited<ReturnType<typeof getCase>>;

/**
 * Opens a document or output of the case for download; each download is audited with the application's tenant.
 * @throws APPLICATIONS_CASE_NOT_FOUND, APPLICATIONS_CASE_FILE_NOT_FOUND
 */
export async function openCaseFile(ctx: ApplicationsContext, id: string, kind: 'document' | 'output', fileId: string) {
  const app = await findCase(ctx, id);
  if (!ctx.files) throw new Error('openCaseFile needs ctx.files');
  if (!isUuid(fileId)) throw E.CaseFileNotFound();
  const t = tablesOf(ctx.db);
  const row =
    kind === 'document'
      ? await t
          .selectFrom('applications.document')
          .select(['id', 'fileKey', 'fileName', 'mediaType', 'sizeBytes'])
          .where('id', '=', fileId)
          .where('applicationId', '=', app.id)
          .executeTakeFirst()
      : await t
          .selectFrom('applications.output')
          .select(['id', 'fileKey', 'fileName', 'mediaType', 'sizeBytes'])
          .where('id', '=', fileId)
          .where('applicationId', '=', app.id)
          .executeTakeFirst();
  if (!row) throw E.CaseFileNotFound();
  const stream = await ctx.files.get(row.fileKey);
  await write(ctx, (tx) =>
    recordAudit(tx, {
      actor: ctx.actor,
      action: `applications.${kind}.downloaded`,
      subject: { type: `application-${kind}`, id: row.id },
      after: { applicationId: app.id, fileName: row.fileName },
      requestId: ctx.requestId,
      tenant: tenantOf(app),
    }),
  );
  return { stream, fileName: row.fileName, mediaType: row.mediaType, size: row.sizeBytes };
}

export { DECIDED_OR_OPEN, IN_PROCESS, OPEN, WORKABLE };
