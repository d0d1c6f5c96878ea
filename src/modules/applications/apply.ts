import type { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { coversSubject, type TenantPath } from '../../platform/access/access.js';
import { AppError, errorKey, type FieldError } from '../../platform/errors.js';
import { cleanName } from '../../platform/files/files.js';
import type { StoredFile } from '../../platform/files/store.js';
import { recordAudit } from '../audit/index.js';
import { workingDaysLeft } from '../calendar/index.js';
import { citizenDetails } from '../identity/index.js';
import type { OrganizationsViews } from '../organizations/index.js';
import type { ServiceDirectoryView, StandardContent, StandardsViews } from '../standards/index.js';
import {
  canFile,
  canProcess,
  clockOf,
  FILE,
  findApplication,
  frozenStandard,
  isApplicant,
  lockApplication,
  nowOf,
  openAnswers,
  openContact,
  recordChange,
  refreshClock,
  sealAnswers,
  sealContact,
  tablesOf,
  tenantOf,
  updateApplication,
  write,
  type AnyDb,
  type Answers,
  type ApplicationRow,
  type ApplicationsContext,
  type Tx,
} from './applications.core.js';
import type { ApplicationsTables, BillItem, Contact } from './applications.tables.js';
import * as E from './apply.errors.js';
import {
  buildForm,
  checkAnswer,
  checkDocuments,
  prefill,
  sizeInWords,
  validateAnswers,
  type ApplicationForm,
  type UploadField,
} from './form.js';
import { newTrackingNumber } from './tracking-number.js';

/**
 * Applying: the citizen's online application (start a draft on a published online service, save answers,
 * upload documents, submit; withdraw; resubmit a correction) and the counter officer's assisted filing,
 * which creates and submits in one transaction. Every change goes through the shared core
 * (applications.core.ts): the row lock, the optimistic version, `recordChange` and `refreshClock`.
 */

// Other modules' rows are read only through the views they publish (their index.ts exports the types).
type OwnersViews = StandardsViews & OrganizationsViews;
const read = (db: AnyDb | Tx) => db as unknown as Kysely<OwnersViews & ApplicationsTables>;

export interface ServiceToApply extends Omit<ServiceDirectoryView, 'active'> {
  versionId: string;
  standard: StandardContent;
}

/** A service with its published standard, or undefined (unknown, inactive, or nothing published). */
export async function publishedService(db: AnyDb | Tx, serviceId: string): Promise<ServiceToApply | undefined> {
  if (!UUID.test(serviceId)) return undefined;
  const row = await read(db)
    .selectFrom('standards.serviceDirectory as s')
    .innerJoin('standards.publishedVersion as v', 'v.serviceId', 's.id')
    .select(['s.id', 's.slug', 's.name', 's.serviceUnitId', 's.agencyId', 's.channels', 'v.id as versionId'])
    .where('s.id', '=', serviceId)
    .where('s.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, standard: await frozenStandard(db, row.versionId) };
}

/** The service a start page at /layanan/:slug/ajukan is for: a published service offered online, or 404. */
export async function serviceToStart(db: AnyDb, slug: string) {
  const row = await read(db)
    .selectFrom('standards.serviceDirectory as s')
    .innerJoin('organizations.unitDirectory as u', 'u.id', 's.serviceUnitId')
    .select(['s.id', 's.slug', 's.name', 'u.name as unitName'])
    .where('s.slug', '=', slug)
    .executeTakeFirst();
  const service = row && (await publishedService(db, row.id));
  if (!row || !service) throw E.ServiceNotFound();
  if (!online(service.channels)) throw E.ChannelNotOffered({ channel: 'online' });
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const online = (channels: ServiceToApply['channels']) => channels === 'online' || channels === 'both';
const atCounter = (channels: ServiceToApply['channels']) => channels === 'counter' || channels === 'both';

function citizenOf(ctx: ApplicationsContext) {
  if (ctx.actor.kind !== 'citizen') throw E.ApplicationNotFound();
  return ctx.actor;
}

/** The form of an application's frozen standard. */
export async function formOf(
  db: AnyDb | Tx,
  app: Pick<ApplicationRow, 'standardVersionId'>,
): Promise<{ standard: StandardContent; form: ApplicationForm }> {
  const standard = await frozenStandard(db, app.standardVersionId);
  return { standard, form: buildForm(standard.requirements) };
}

/** The applicant's own application, locked; 404 for anyone else. */
async function lockOwn(tx: Tx, ctx: ApplicationsContext, id: string): Promise<ApplicationRow> {
  const app = UUID.test(id) ? await lockApplication(tx, id) : undefined;
  if (!app || !isApplicant(ctx.actor, app)) throw E.ApplicationNotFound();
  return app;
}

function requireStatus(app: ApplicationRow, ...allowed: ApplicationRow['status'][]) {
  if (!allowed.includes(app.status)) throw E.ApplicationStatusRefused({ status: app.status });
}

function requireVersion(app: ApplicationRow, version: number | undefined) {
  if (version !== undefined && app.version !== version) throw E.ApplicationConflict({ current: app.version });
}

/** The applicant's application locked in `status` at the `version` their form was read at, with its form. */
async function lockAt(tx: Tx, ctx: ApplicationsContext, id: string, status: ApplicationRow['status'], version: number) {
  const app = await lockOwn(tx, ctx, id);
  requireStatus(app, status);
  requireVersion(app, version);
  return { app, form: (await formOf(tx, app)).form };
}

/** The current (not replaced) documents of an application. */
export async function currentDocuments(db: AnyDb | Tx, applicationId: string) {
  return tablesOf(db)
    .selectFrom('applications.document')
    .selectAll()
    .where('applicationId', '=', applicationId)
    .where('replacedAt', 'is', null)
    .orderBy('uploadedAt')
    .execute();
}

// ---- the citizen's draft ----------------------------------------------------------------------------

/**
 * Starts (or, when the citizen already has one for this service, resumes) a draft on a published service
 * offered online: the published version is frozen on it, the contact copied from the profile, and the
 * profile-linked answers (name, NIK, email, phone) prefilled, all sealed.
 * @throws APPLICATIONS_SERVICE_NOT_FOUND, APPLICATIONS_CHANNEL_NOT_OFFERED
 */
export async function startApplication(ctx: ApplicationsContext, serviceId: string): Promise<ApplicationRow> {
  const citizen = citizenOf(ctx);
  return write(ctx, async (tx) => {
    const service = await publishedService(tx, serviceId);
    if (!service) throw E.ServiceNotFound();
    if (!online(service.channels)) throw E.ChannelNotOffered({ channel: 'online' });
    const existing = await tablesOf(tx)
      .selectFrom('applications.application')
      .selectAll()
      .where('applicantAccountId', '=', citizen.id)
      .where('serviceId', '=', service.id)
      .where('status', '=', 'draft')
      .orderBy('createdAt', 'desc')
      .executeTakeFirst();
    if (existing) return existing;
    const profile = await citizenDetails(tx, ctx.keys, citizen.id);
    if (!profile) throw E.ApplicationNotFound();
    const contact: Contact = {
      name: profile.name,
      ...(profile.email ? { email: profile.email } : {}),
      ...(profile.phone ? { phone: profile.phone } : {}),
    };
    const answers = prefill(buildForm(service.standard.requirements), {}, profile);
    const app = await insertApplication(tx, ctx, service, {
      channel: 'online',
      applicantAccountId: citizen.id,
      filedByAccountId: null,
      mallId: null,
      contact,
      answers,
      locale: profile.locale,
    });
    await recordChange(tx, ctx, app, { kind: 'started', public: false, after: { serviceId: service.id, versionId: service.versionId } });
    return app;
  });
}

async function insertApplication(
  tx: Tx,
  ctx: ApplicationsContext,
  service: ServiceToApply,
  input: {
    channel: 'online' | 'counter';
    applicantAccountId: string | null;
    filedByAccountId: string | null;
    mallId: string | null;
    contact: Contact;
    answers: Answers;
    locale: 'id' | 'en';
  },
): Promise<ApplicationRow> {
  const id = (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(tx)).rows[0]!.id;
  const at = nowOf(ctx);
  return tablesOf(tx)
    .insertInto('applications.application')
    .values({
      id,
      trackingNumber: null,
      serviceId: service.id,
      standardVersionId: service.versionId,
      serviceUnitId: service.serviceUnitId,
      agencyId: service.agencyId,
      mallId: input.mallId,
      channel: input.channel,
      applicantAccountId: input.applicantAccountId,
      filedByAccountId: input.filedByAccountId,
      contactEnc: sealContact(ctx.keys, id, input.contact),
      answersEnc: sealAnswers(ctx.keys, id, input.answers),
      locale: input.locale,
      status: 'draft',
      currentStepKey: null,
      assignedToAccountId: null,
      submitKey: null,
      submittedAt: null,
      dueAt: null,
      warnedAt: null,
      overdueAt: null,
      escalatedAt: null,
      decidedAt: null,
      completedAt: null,
      rejectionReason: null,
      rejectionLegalBasis: null,
      onTime: null,
      createdAt: at,
      updatedAt: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Saves a draft's answers (all or some): typed values must be well-formed, blanks are allowed.
 * @throws APPLICATIONS_NOT_FOUND, APPLICATIONS_STATUS_REFUSED, APPLICATIONS_VERSION_CONFLICT, APPLICATIONS_INVALID
 */
export async function saveAnswers(
  ctx: ApplicationsContext,
  id: string,
  version: number,
  given: Record<string, unknown>,
): Promise<ApplicationRow> {
  return write(ctx, async (tx) => {
    const { app, form } = await lockAt(tx, ctx, id, 'draft', version);
    const { answers, errors } = validateAnswers(form, given, 'draft');
    if (errors.length) throw E.ApplicationInvalid({}, { fields: errors });
    const saved = await updateApplication(tx, ctx, app, { answersEnc: sealAnswers(ctx.keys, app.id, answers) });
    if (!saved) throw E.ApplicationConflict({ current: app.version });
    await recordChange(tx, ctx, saved, { kind: 'draft_saved', public: false, after: { answered: Object.keys(answers).length } });
    return saved;
  });
}

/** The document requirement `key` of a standard, or 404. */
function documentField(form: ApplicationForm, key: string) {
  const field = form.documents.find((d) => d.key === key);
  if (!field) throw E.RequirementUnknown({ key: key.slice(0, 40) });
  return field;
}

/** Requirement keys a correction may change: those the officer returned. */
async function returnedKeys(db: AnyDb | Tx, applicationId: string): Promise<Set<string>> {
  const rows = await tablesOf(db)
    .selectFrom('applications.requirementCheck')
    .select('requirementKey')
    .where('applicationId', '=', applicationId)
    .where('outcome', '=', 'needs_correction')
    .execute();
  return new Set(rows.map((r) => r.requirementKey));
}

/** Checks that an upload is allowed now: a draft, or a returned document of an application awaiting the citizen. */
async function assertUploadable(db: AnyDb | Tx, app: ApplicationRow, form: ApplicationForm, key: string) {
  const field = documentField(form, key);
  requireStatus(app, 'draft', 'awaiting_citizen');
  if (app.status === 'awaiting_citizen' && !(await returnedKeys(db, app.id)).has(key)) throw E.RequirementUnknown({ key });
  return field;
}

/** Replaces the current document of a requirement (the old row is kept, marked replaced) with a stored file. */
async function attachDocument(tx: Tx, ctx: ApplicationsContext, app: ApplicationRow, key: string, stored: StoredFile, fileName: string) {
  const at = nowOf(ctx);
  await tablesOf(tx)
    .updateTable('applications.document')
    .set({ replacedAt: at })
    .where('applicationId', '=', app.id)
    .where('requirementKey', '=', key)
    .where('replacedAt', 'is', null)
    .execute();
  return tablesOf(tx)
    .insertInto('applications.document')
    .values({
      applicationId: app.id,
      requirementKey: key,
      fileKey: stored.key,
      fileName,
      mediaType: stored.mediaType,
      sizeBytes: stored.size,
      sha256: stored.sha256,
      uploadedByAccountId: ctx.actor.kind === 'anonymous' ? null : ctx.actor.id,
      uploadedAt: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Stores a file through the FileStore under a requirement's limits (type by content, size capped while streaming). */
async function storeFor(ctx: ApplicationsContext, field: UploadField, source: Readable | Buffer, filename: string) {
  if (!ctx.files) throw new Error('applications: uploads need a file store in the context');
  try {
    return await ctx.files.put(source, { maxBytes: field.maxSizeKb * 1024, allowedTypes: field.fileTypes, name: filename });
  } catch (error) {
    // The store's refusal, on the requirement's own field, so the form shows it next to the upload.
    if (!(error instanceof AppError) || error.fields.length) throw error;
    const params = { name: field.name, types: field.fileTypes.join(', '), limit: sizeInWords(field.maxSizeKb, 'id'), ...error.params };
    const fields = [{ path: `documents.${field.key}`, key: errorKey(error), params }];
    throw new AppError(error.code, error.status, params, fields, error.message);
  }
}

const cleanFileName = (name: string) => cleanName(name) ?? 'dokumen';

/**
 * Uploads the document for a requirement of the citizen's draft (or a returned document while awaiting
 * correction). The file is checked by its content against the requirement's types and refused the moment
 * it passes the size limit; the previous upload is replaced but kept.
 * @throws APPLICATIONS_NOT_FOUND, APPLICATIONS_REQUIREMENT_UNKNOWN, APPLICATIONS_STATUS_REFUSED, FILES_TOO_LARGE, FILES_TYPE_NOT_ALLOWED, FILES_EMPTY
 */
export async function uploadDocument(
  ctx: ApplicationsContext,
  id: string,
  requirementKey: string,
  source: Readable | Buffer,
  filename: string,
) {
  // Checked before the file is stored, so a refused upload stores nothing; checked again under the lock.
  const before = UUID.test(id) ? await findApplication(ctx.db, id) : undefined;
  if (!before || !isApplicant(ctx.actor, before)) throw E.ApplicationNotFound();
  const field = await assertUploadable(ctx.db, before, (await formOf(ctx.db, before)).form, requirementKey);
  const stored = await storeFor(ctx, field, source, filename);
  try {
    return await write(ctx, async (tx) => {
      const app = await lockOwn(tx, ctx, id);
      await assertUploadable(tx, app, (await formOf(tx, app)).form, requirementKey);
      const doc = await attachDocument(tx, ctx, app, requirementKey, stored, cleanFileName(filename));
      await recordChange(tx, ctx, app, {
        kind: 'document_uploaded',
        public: false,
        data: { requirementKey },
        after: { requirementKey, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256 },
      });
      return doc;
    });
  } catch (error) {
    await ctx.files!.delete(stored.key).catch(() => {});
    throw error;
  }
}

/**
 * Removes the current document of a requirement from a draft (the row is kept as replaced).
 * @throws APPLICATIONS_NOT_FOUND, APPLICATIONS_REQUIREMENT_UNKNOWN, APPLICATIONS_STATUS_REFUSED
 */
export async function removeDocument(ctx: ApplicationsContext, id: string, requirementKey: string): Promise<void> {
  await write(ctx, async (tx) => {
    const app = await lockOwn(tx, ctx, id);
    requireStatus(app, 'draft');
    documentField((await formOf(tx, app)).form, requirementKey);
    const removed = await tablesOf(tx)
      .updateTable('applications.document')
      .set({ replacedAt: nowOf(ctx) })
      .where('applicationId', '=', app.id)
      .where('requirementKey', '=', requirementKey)
      .where('replacedAt', 'is', null)
      .executeTakeFirst();
    if (Number(removed.numUpdatedRows) > 0) {
      await recordChange(tx, ctx, app, { kind: 'document_removed', public: false, data: { requirementKey }, after: { requirementKey } });
    }
  });
}

// ---- submission ---------------------------------------------------------------------------------

/** Everything a submission needs, as field errors per requirement (empty when complete). */
function incompleteness(
  form: ApplicationForm,
  answers: Answers,
  documents: readonly { requirementKey: string; mediaType: string }[],
): FieldError[] {
  return [...validateAnswers(form, answers, 'submit').errors, ...checkDocuments(form, documents)];
}

const firstStaffStep = (standard: StandardContent) => standard.procedure.find((s) => s.actor !== 'citizen')?.key ?? null;

function billOf(standard: StandardContent): { items: BillItem[]; total: number; status: 'unpaid' | 'free' } {
  if (standard.fee.free) return { items: [], total: 0, status: 'free' };
  const items = standard.fee.items.map((i) => ({ name: i.name, amount: i.amount, legalBasis: i.legalBasis }));
  return { items, total: items.reduce((sum, i) => sum + i.amount, 0), status: 'unpaid' };
}

/**
 * The draft → submitted transition of the shared workflow, on a locked draft whose answers and documents
 * were checked: tracking number, submitted_at, the bill from the frozen fee, the first staff step, the
 * legal clock, the timeline row and the `applications.application.submitted` event.
 */
async function markSubmitted(tx: Tx, ctx: ApplicationsContext, app: ApplicationRow, standard: StandardContent, submitKey: string | null) {
  const at = nowOf(ctx);
  const submitted = await updateApplication(tx, ctx, app, {
    status: 'submitted',
    trackingNumber: newTrackingNumber(),
    submittedAt: at,
    submitKey,
    currentStepKey: firstStaffStep(standard),
  });
  if (!submitted) throw E.ApplicationConflict({ current: app.version });
  const bill = billOf(standard);
  await tablesOf(tx)
    .insertInto('applications.bill')
    .values({ applicationId: app.id, items: JSON.stringify(bill.items), total: bill.total, status: bill.status, paidAt: null })
    .execute();
  const clocked = await refreshClock(tx, ctx, submitted);
  await recordChange(tx, ctx, clocked, {
    kind: 'submitted',
    event: 'applications.application.submitted',
    before: { status: 'draft' },
    after: { channel: clocked.channel, billTotal: bill.total, dueAt: clocked.dueAt?.toISOString() ?? null },
  });
  return clocked;
}

async function findBySubmitKey(db: AnyDb | Tx, submitKey: string) {
  return tablesOf(db).selectFrom('applications.application').selectAll().where('submitKey', '=', submitKey).executeTakeFirst();
}

const SUBMIT_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const keyOf = (submitKey: string | undefined) => (submitKey && SUBMIT_KEY.test(submitKey) ? submitKey : null);

/**
 * Submits the citizen's draft after checking everything: each mandatory answer and document, answers
 * well-formed, documents of an accepted type (all listed per requirement). Posting again with the same
 * submit key (a double click, a retried request) returns the application already submitted.
 * @throws APPLICATIONS_NOT_FOUND, APPLICATIONS_STATUS_REFUSED, APPLICATIONS_INCOMPLETE
 */
export async function submit(ctx: ApplicationsContext, id: string, submitKey?: string): Promise<ApplicationRow> {
  const key = keyOf(submitKey);
  return write(ctx, async (tx) => {
    const app = await lockOwn(tx, ctx, id);
    if (app.status !== 'draft' && key && app.submitKey === key) return app;
    requireStatus(app, 'draft');
    if (key) {
      const taken = await findBySubmitKey(tx, key);
      if (taken) throw E.ApplicationConflict({ current: app.version });
    }
    const { standard, form } = await formOf(tx, app);
    const errors = incompleteness(form, openAnswers(ctx.keys, app), await currentDocuments(tx, app.id));
    if (errors.length) throw E.ApplicationIncomplete({ count: errors.length }, { fields: errors });
    return markSubmitted(tx, ctx, app, standard, key);
  });
}

/**
 * Withdraws the citizen's application before the unit has started on it: a submitted one becomes
 * `withdrawn` (the clock stops with it); a draft is discarded with its uploads, since nothing was filed.
 * @throws APPLICATIONS_NOT_FOUND, APPLICATIONS_STATUS_REFUSED, APPLICATIONS_VERSION_CONFLICT
 */
export async function withdraw(
  ctx: ApplicationsContext,
  id: string,
  version?: number,
): Promise<{ discarded: boolean; application: ApplicationRow }> {
  const result = await write(ctx, async (tx) => {
    const app = await lockOwn(tx, ctx, id);
    requireStatus(app, 'draft', 'submitted');
    requireVersion(app, version);
    if (app.status === 'draft') {
      const docs = await tablesOf(tx).selectFrom('applications.document').select('fileKey').where('applicationId', '=', app.id).execute();
      await recordAudit(tx, {
        actor: ctx.actor,
        action: 'applications.application.discarded',
        subject: { type: 'application', id: app.id },
        before: { status: 'draft', documents: docs.length },
        requestId: ctx.requestId,
        tenant: tenantOf(app),
      });
      for (const table of ['applications.document', 'applications.event'] as const) {
        await tablesOf(tx).deleteFrom(table).where('applicationId', '=', app.id).execute();
      }
      await tablesOf(tx).deleteFrom('applications.application').where('id', '=', app.id).execute();
      return { discarded: true, application: app, fileKeys: docs.map((d) => d.fileKey) };
    }
    const withdrawn = await updateApplication(tx, ctx, app, { status: 'withdrawn', decidedAt: nowOf(ctx) });
    if (!withdrawn) throw E.ApplicationConflict({ current: app.version });
    await recordChange(tx, ctx, withdrawn, {
      kind: 'withdrawn',
      event: 'applications.application.withdrawn',
      before: { status: app.status },
    });
    return { discarded: false, application: withdrawn, fileKeys: [] };
  });
  for (const key of result.fileKeys) await ctx.files?.delete(key).catch(() => {});
  return { discarded: result.discarded, application: result.application };
}

// ---- correction --------------------------------------------------------------------------------

/**
 * Resubmits an application the unit returned for correction: only the items the officer flagged may
 * change, and each flagged one must (a new answer, or a document uploaded since the return). Closes the
 * clock's pause, recomputes the due instant and puts the application back in process.
 * @throws APPLICATIONS_NOT_FOUND, APPLICATIONS_STATUS_REFUSED, APPLICATIONS_VERSION_CONFLICT, APPLICATIONS_CORRECTION_INVALID, APPLICATIONS_INCOMPLETE
 */
export async function resubmitCorrection(
  ctx: ApplicationsContext,
  id: string,
  version: number,
  given: Record<string, unknown>,
): Promise<ApplicationRow> {
  return write(ctx, async (tx) => {
    const { app, form } = await lockAt(tx, ctx, id, 'awaiting_citizen', version);
    const flagged = await returnedKeys(tx, app.id);
    const before = openAnswers(ctx.keys, app);
    const pause = await tablesOf(tx)
      .selectFrom('applications.clockPause')
      .selectAll()
      .where('applicationId', '=', app.id)
      .where('resumedAt', 'is', null)
      .executeTakeFirst();
    const returnedAt = pause?.pausedAt ?? (await lastEventAt(tx, app.id, 'correction_requested')) ?? app.updatedAt;
    const documents = await currentDocuments(tx, app.id);
    const answers: Answers = { ...before };
    const errors: FieldError[] = [];
    for (const field of form.data) {
      const raw = given[field.key];
      const typed = typeof raw === 'string' ? raw.trim() : undefined;
      const path = `answers.${field.key}`;
      if (!flagged.has(field.key)) {
        if (typed !== undefined && typed !== (before[field.key] ?? '')) {
          errors.push({ path, key: 'applications.apply.validation.notReturned', params: { name: field.name } });
        }
        continue;
      }
      if (!typed) {
        errors.push({ path, key: 'applications.apply.validation.correctionNeeded', params: { name: field.name } });
        continue;
      }
      const checked = checkAnswer(field, typed);
      if ('error' in checked) errors.push({ path, key: checked.error, params: { name: field.name, ...checked.params } });
      else if (checked.value === before[field.key]) {
        errors.push({ path, key: 'applications.apply.validation.correctionNeeded', params: { name: field.name } });
      } else answers[field.key] = checked.value;
    }
    for (const field of form.documents) {
      if (!flagged.has(field.key)) continue;
      const doc = documents.find((d) => d.requirementKey === field.key);
      if (!doc || new Date(doc.uploadedAt).getTime() < returnedAt.getTime()) {
        errors.push({
          path: `documents.${field.key}`,
          key: 'applications.apply.validation.correctionNeeded',
          params: { name: field.name },
        });
      }
    }
    if (errors.length) throw E.CorrectionInvalid({ count: errors.length }, { fields: errors });
    const missing = incompleteness(form, answers, documents);
    if (missing.length) throw E.ApplicationIncomplete({ count: missing.length }, { fields: missing });
    const at = nowOf(ctx);
    if (pause) await tablesOf(tx).updateTable('applications.clockPause').set({ resumedAt: at }).where('id', '=', pause.id).execute();
    const resumed = await updateApplication(tx, ctx, app, { status: 'in_process', answersEnc: sealAnswers(ctx.keys, app.id, answers) });
    if (!resumed) throw E.ApplicationConflict({ current: app.version });
    const clocked = await refreshClock(tx, ctx, resumed);
    await recordChange(tx, ctx, clocked, {
      kind: 'resubmitted',
      event: 'applications.application.resubmitted',
      before: { status: 'awaiting_citizen' },
      after: { corrected: [...flagged].sort(), dueAt: clocked.dueAt?.toISOString() ?? null },
    });
    return clocked;
  });
}

async function lastEventAt(db: AnyDb | Tx, applicationId: string, kind: string): Promise<Date | undefined> {
  const row = await tablesOf(db)
    .selectFrom('applications.event')
    .select('at')
    .where('applicationId', '=', applicationId)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? new Date(row.at) : undefined;
}

// ---- the counter ---------------------------------------------------------------------------------

export interface CounterFiling {
  serviceId: string;
  /** The mall whose booth the officer works at; absent at the unit's own office. */
  mallId?: string | undefined;
  contact: { name?: string | undefined; email?: string | undefined; phone?: string | undefined };
  /** The citizen's account, when they have one; a filing for someone without an account has contact details only. */
  applicantAccountId?: string | undefined;
  answers: Record<string, unknown>;
  documents: { requirementKey: string; source: Readable | Buffer; filename: string }[];
  locale?: 'id' | 'en' | undefined;
  /** The form's one-time key: a double-clicked filing makes one application. */
  submitKey?: string | undefined;
}

/** Whether the actor may file for a service: applications.file at its unit or agency, or at a mall where it is offered. */
async function counterTenant(
  db: AnyDb | Tx,
  ctx: ApplicationsContext,
  service: ServiceToApply,
  mallId: string | undefined,
): Promise<TenantPath> {
  if (mallId) {
    const offered = UUID.test(mallId)
      ? await read(db)
          .selectFrom('standards.servicePlace')
          .select('mallId')
          .where('serviceId', '=', service.id)
          .where('mallId', '=', mallId)
          .executeTakeFirst()
      : undefined;
    if (!offered) throw E.ServiceNotFound();
  }
  const tenant = { agencyId: service.agencyId, unitId: service.serviceUnitId, mallId: mallId ?? null };
  if (!coversSubject(ctx.actor, FILE, tenant)) throw E.ServiceNotFound();
  return tenant;
}

/**
 * A service the officer may file at the counter (at `mallId`, or the unit's own office), with its standard.
 * @throws APPLICATIONS_SERVICE_NOT_FOUND (unknown, unpublished, not offered at that mall or outside the officer's grants), APPLICATIONS_CHANNEL_NOT_OFFERED
 */
export async function counterServiceOf(ctx: ApplicationsContext, serviceId: string, mallId: string | undefined): Promise<ServiceToApply> {
  if (ctx.actor.kind !== 'staff') throw E.ServiceNotFound();
  const service = await publishedService(ctx.db, serviceId);
  if (!service) throw E.ServiceNotFound();
  await counterTenant(ctx.db, ctx, service, mallId);
  if (!atCounter(service.channels)) throw E.ChannelNotOffered({ channel: 'counter' });
  return service;
}

function checkContact(contact: CounterFiling['contact']): { contact: Contact; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = contact.name?.trim() ?? '';
  if (name.length < 2 || name.length > 200) errors.push({ path: 'contact.name', key: 'applications.apply.validation.contactName' });
  const out: Contact = { name };
  if (contact.email?.trim()) {
    const email = checkAnswer({ type: 'email', choices: [] }, contact.email);
    if ('error' in email) errors.push({ path: 'contact.email', key: email.error });
    else out.email = email.value;
  }
  if (contact.phone?.trim()) {
    const phone = checkAnswer({ type: 'phone', choices: [] }, contact.phone);
    if ('error' in phone) errors.push({ path: 'contact.phone', key: phone.error });
    else out.phone = phone.value;
  }
  if (!out.email && !out.phone && errors.length === 0) {
    errors.push({ path: 'contact.phone', key: 'applications.apply.validation.contactReach' });
  }
  return { contact: out, errors };
}

/**
 * A counter officer files an application on a citizen's behalf (who may have no account): contact details,
 * answers and scanned documents, checked as a citizen's submission is, then created and submitted in one
 * transaction. Files are stored first and deleted again when the filing is refused.
 * @throws APPLICATIONS_SERVICE_NOT_FOUND, APPLICATIONS_CHANNEL_NOT_OFFERED, APPLICATIONS_INVALID, APPLICATIONS_INCOMPLETE,
 *   APPLICATIONS_REQUIREMENT_UNKNOWN, FILES_TOO_LARGE, FILES_TYPE_NOT_ALLOWED, FILES_EMPTY
 */
export async function fileAtCounter(ctx: ApplicationsContext, input: CounterFiling): Promise<ApplicationRow> {
  if (ctx.actor.kind !== 'staff') throw E.ServiceNotFound();
  const key = keyOf(input.submitKey);
  if (key) {
    const done = await findBySubmitKey(ctx.db, key);
    if (done && done.filedByAccountId === ctx.actor.id) return done;
  }
  const service = await counterServiceOf(ctx, input.serviceId, input.mallId);
  const form = buildForm(service.standard.requirements);
  const { contact, errors } = checkContact(input.contact);
  const checked = validateAnswers(form, input.answers, 'submit');
  errors.push(...checked.errors);
  let applicant: Awaited<ReturnType<typeof citizenDetails>>;
  if (input.applicantAccountId) {
    applicant = await citizenDetails(ctx.db, ctx.keys, input.applicantAccountId);
    if (!applicant) errors.push({ path: 'applicantAccountId', key: 'applications.apply.validation.accountUnknown' });
  }
  const uploads = input.documents.filter((d) => (Buffer.isBuffer(d.source) ? d.source.length > 0 : true));
  for (const d of uploads) documentField(form, d.requirementKey);
  errors.push(...checkDocuments(form, uploads));
  if (errors.length) throw E.ApplicationIncomplete({ count: errors.length }, { fields: errors });

  const stored: { requirementKey: string; file: StoredFile; name: string }[] = [];
  try {
    for (const d of uploads) {
      const field = documentField(form, d.requirementKey);
      stored.push({
        requirementKey: d.requirementKey,
        file: await storeFor(ctx, field, d.source, d.filename),
        name: cleanFileName(d.filename),
      });
    }
    return await write(ctx, async (tx) => {
      const draft = await insertApplication(tx, ctx, service, {
        channel: 'counter',
        applicantAccountId: applicant?.id ?? null,
        filedByAccountId: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
        mallId: input.mallId ?? null,
        contact,
        answers: checked.answers,
        locale: input.locale ?? applicant?.locale ?? 'id',
      });
      for (const s of stored) await attachDocument(tx, ctx, draft, s.requirementKey, s.file, s.name);
      await recordChange(tx, ctx, draft, {
        kind: 'filed_at_counter',
        public: false,
        after: { serviceId: service.id, withAccount: !!applicant },
      });
      return markSubmitted(tx, ctx, draft, service.standard, key);
    });
  } catch (error) {
    for (const s of stored) await ctx.files!.delete(s.file.key).catch(() => {});
    if (key && isUniqueViolation(error)) {
      const done = await findBySubmitKey(ctx.db, key);
      if (done) return done;
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** Services an officer may file at the counter: offered at the counter, in a unit, agency or mall of their applications.file grants. */
export async function counterServices(ctx: ApplicationsContext) {
  if (ctx.actor.kind !== 'staff') return [];
  const rows = await read(ctx.db)
    .selectFrom('standards.serviceDirectory as s')
    .innerJoin('standards.publishedVersion as v', 'v.serviceId', 's.id')
    .innerJoin('organizations.unitDirectory as u', 'u.id', 's.serviceUnitId')
    .leftJoin('standards.servicePlace as l', 'l.serviceId', 's.id')
    .leftJoin('organizations.mallDirectory as m', 'm.id', 'l.mallId')
    .select(['s.id', 's.name', 's.slug', 's.serviceUnitId', 's.agencyId', 'u.name as unitName', 'l.mallId', 'm.name as mallName'])
    .where('s.active', '=', true)
    .where('s.channels', 'in', ['counter', 'both'])
    .orderBy('s.name')
    .execute();
  const out: { id: string; name: string; unitName: string; mallId: string | null; mallName: string | null }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const own = coversSubject(ctx.actor, FILE, { agencyId: r.agencyId, unitId: r.serviceUnitId, mallId: null });
    const atMall = r.mallId !== null && coversSubject(ctx.actor, FILE, { agencyId: r.agencyId, unitId: r.serviceUnitId, mallId: r.mallId });
    const entry = own ? { mallId: null, mallName: null } : atMall ? { mallId: r.mallId, mallName: r.mallName } : undefined;
    if (!entry || seen.has(`${r.id}:${entry.mallId}`)) continue;
    seen.add(`${r.id}:${entry.mallId}`);
    out.push({ id: r.id, name: r.name, unitName: r.unitName, ...entry });
  }
  return out;
}

// ---- reading ---------------------------------------------------------------------------------------

/** The citizen's applications, newest first, with their service, status, tracking number and due instant. */
export async function listMyApplications(ctx: ApplicationsContext) {
  const citizen = citizenOf(ctx);
  return read(ctx.db)
    .selectFrom('applications.application as a')
    .innerJoin('standards.serviceDirectory as s', 's.id', 'a.serviceId')
    .innerJoin('organizations.unitDirectory as u', 'u.id', 'a.serviceUnitId')
    .select([
      'a.id',
      'a.status',
      'a.trackingNumber',
      'a.submittedAt',
      'a.dueAt',
      'a.clockPaused',
      'a.createdAt',
      'a.updatedAt',
      's.name as serviceName',
      'u.name as unitName',
    ])
    .where('a.applicantAccountId', '=', citizen.id)
    .orderBy('a.createdAt', 'desc')
    .limit(200)
    .execute();
}

/** Who may see an application through the apply pages: its applicant; counter officers and processors once it is submitted. */
export function maySee(ctx: ApplicationsContext, app: ApplicationRow): boolean {
  if (isApplicant(ctx.actor, app)) return true;
  return app.status !== 'draft' && (canFile(ctx.actor, app) || canProcess(ctx.actor, app));
}

/** An application with all it shows its applicant (or the officer who filed it): standard, answers, documents, bill, timeline, clock. */
export async function getApplication(ctx: ApplicationsContext, id: string) {
  const app = UUID.test(id) ? await findApplication(ctx.db, id) : undefined;
  if (!app || !maySee(ctx, app)) throw E.ApplicationNotFound();
  const db = read(ctx.db);
  const [{ standard, form }, documents, checks, events, bill, names, clock] = await Promise.all([
    formOf(ctx.db, app),
    currentDocuments(ctx.db, app.id),
    tablesOf(ctx.db).selectFrom('applications.requirementCheck').selectAll().where('applicationId', '=', app.id).execute(),
    tablesOf(ctx.db)
      .selectFrom('applications.event')
      .select(['id', 'at', 'kind', 'note', 'stepKey', 'data'])
      .where('applicationId', '=', app.id)
      .where('public', '=', true)
      .orderBy('id')
      .execute(),
    tablesOf(ctx.db).selectFrom('applications.bill').selectAll().where('applicationId', '=', app.id).executeTakeFirst(),
    db
      .selectFrom('standards.serviceDirectory as s')
      .innerJoin('organizations.unitDirectory as u', 'u.id', 's.serviceUnitId')
      .innerJoin('organizations.agencyDirectory as g', 'g.id', 's.agencyId')
      .leftJoin('organizations.mallDirectory as m', (j) => j.on('m.id', '=', app.mallId))
      .select(['s.name as serviceName', 's.slug', 'u.name as unitName', 'g.name as agencyName', 'm.name as mallName'])
      .where('s.id', '=', app.serviceId)
      .executeTakeFirstOrThrow(),
    clockOf(ctx.db, app, nowOf(ctx)),
  ]);
  const now = nowOf(ctx);
  return {
    application: app,
    outputs: await citizenOutputs(ctx.db, app),
    standard,
    form,
    answers: openAnswers(ctx.keys, app),
    contact: openContact(ctx.keys, app),
    documents,
    corrections: checks.filter((c) => c.outcome === 'needs_correction'),
    events,
    bill: bill ? { items: bill.items, total: Number(bill.total), status: bill.status, paidAt: bill.paidAt } : undefined,
    ...names,
    timeZone: clock?.calendar.timeZone ?? 'Asia/Jakarta',
    workingDaysLeft: clock && app.dueAt ? workingDaysLeft(clock.calendar, now, app.dueAt) : undefined,
  };
}
export type ApplicationView = Awaited<ReturnType<typeof getApplication>>;

/**
 * A document of an application, for its applicant or the staff who may work it; every download is audited.
 * @throws APPLICATIONS_NOT_FOUND, FILES_NOT_FOUND
 */
export async function openDocument(ctx: ApplicationsContext, id: string, documentId: string) {
  const app = UUID.test(id) ? await findApplication(ctx.db, id) : undefined;
  if (!app || !maySee(ctx, app) || !UUID.test(documentId)) throw E.ApplicationNotFound();
  const doc = await tablesOf(ctx.db)
    .selectFrom('applications.document')
    .selectAll()
    .where('id', '=', documentId)
    .where('applicationId', '=', app.id)
    .executeTakeFirst();
  if (!doc || !ctx.files) throw E.ApplicationNotFound();
  const stream = await ctx.files.get(doc.fileKey);
  await auditDownload(
    ctx,
    app,
    'applications.document.downloaded',
    { type: 'application', id: app.id },
    {
      documentId: doc.id,
      requirementKey: doc.requirementKey,
      sha256: doc.sha256,
    },
  );
  return { document: doc, stream };
}

// ---- the product issued ------------------------------------------------------------------------------

/**
 * The outputs the applicant sees: none until the application is completed (the unit hands the product over
 * on completion, after the bill is paid), then every output issued, oldest first. A revoked one is only
 * marked revoked: the reason stays with the unit and the verification page.
 */
async function citizenOutputs(db: AnyDb | Tx, app: ApplicationRow) {
  if (app.status !== 'completed') return [];
  const rows = await tablesOf(db)
    .selectFrom('applications.output')
    .select(['id', 'productName', 'issuedAt', 'verificationCode', 'revokedAt'])
    .where('applicationId', '=', app.id)
    .orderBy('issuedAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    productName: r.productName,
    issuedAt: new Date(r.issuedAt),
    verificationCode: r.verificationCode,
    revoked: r.revokedAt !== null,
  }));
}
export type CitizenOutput = Awaited<ReturnType<typeof citizenOutputs>>[number];

/**
 * An output of a completed application, for its applicant only (anyone else, staff included, gets 404;
 * staff download through the case). A revoked output is no longer valid and is not handed out (410).
 * Every download is audited with the application's tenant.
 * @throws APPLICATIONS_NOT_FOUND, APPLICATIONS_OUTPUT_NO_LONGER_VALID
 */
export async function openOutput(ctx: ApplicationsContext, id: string, outputId: string) {
  const app = UUID.test(id) ? await findApplication(ctx.db, id) : undefined;
  if (!app || !isApplicant(ctx.actor, app) || app.status !== 'completed' || !UUID.test(outputId) || !ctx.files) {
    throw E.ApplicationNotFound();
  }
  const output = await tablesOf(ctx.db)
    .selectFrom('applications.output')
    .selectAll()
    .where('id', '=', outputId)
    .where('applicationId', '=', app.id)
    .executeTakeFirst();
  if (!output) throw E.ApplicationNotFound();
  if (output.revokedAt) throw E.OutputNoLongerValid();
  const stream = await ctx.files.get(output.fileKey);
  await auditDownload(
    ctx,
    app,
    'applications.output.downloaded',
    { type: 'application-output', id: output.id },
    {
      applicationId: app.id,
      verificationCode: output.verificationCode,
      sha256: output.sha256,
    },
  );
  return { output, stream };
}

/** A file handed out, in the audit trail with the application's tenant. */
function auditDownload(
  ctx: ApplicationsContext,
  app: ApplicationRow,
  action: string,
  subject: { type: string; id: string },
  after: Record<string, string>,
) {
  return write(ctx, (tx) => recordAudit(tx, { actor: ctx.actor, action, subject, after, requestId: ctx.requestId, tenant: tenantOf(app) }));
}
