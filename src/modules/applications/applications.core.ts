import type { FastifyRequest } from 'fastify';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { coversSubject, type Actor, type TenantPath } from '../../platform/access/access.js';
import { KeyRing } from '../../platform/crypto/keyring.js';
import { emit } from '../../platform/events/outbox.js';
import { createFileStore, type FileStore } from '../../platform/files/store.js';
import type { App } from '../../platform/http/server.js';
import { recordAudit } from '../audit/index.js';
import { computeDue, loadWorkingCalendar, type ClockLimit } from '../calendar/index.js';
import { readStandardVersion, type StandardContent } from '../standards/index.js';
import type { ApplicationsTables, ApplicationStatus, Contact } from './applications.tables.js';

/**
 * The shared core of the applications module: the context every use case takes, the transaction
 * wrapper, row locking, the one way to record a change (timeline row + audit record + outbox event in
 * the same transaction), the legal clock's recomputation, and who may see or act on an application.
 *
 * Use cases live in their own files (apply.ts for the citizen and the counter, process.ts for the
 * unit); they all go through `recordChange` and `refreshClock`, so the timeline, the audit trail, the
 * events other modules react to and the due instant never disagree.
 */

export const FILE = 'applications.file';
export const PROCESS = 'applications.process';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module's transaction
export type Tx = Transaction<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read functions take the shared handle
export type AnyDb = Kysely<any>;
export type ApplicationRow = Selectable<ApplicationsTables['applications.application']>;

export interface ApplicationsContext {
  db: AnyDb;
  actor: Actor;
  keys: KeyRing;
  requestId?: string;
  /** Where uploads and outputs are kept. */
  files?: FileStore;
  /** The clock; tests and the demo seed set it. */
  now?: () => Date;
}

/** Builds the use cases' context from a request; one key ring and file store per route plugin. */
export function contextFor(app: App): (request: FastifyRequest) => ApplicationsContext {
  const { database, config } = app.deps;
  const keys = new KeyRing(config);
  const files = createFileStore(config);
  return (request) => ({ db: database.db, actor: request.actor, keys, files, requestId: request.id });
}

export const nowOf = (ctx: Pick<ApplicationsContext, 'now'>) => (ctx.now ? ctx.now() : new Date());
export const tablesOf = (db: AnyDb | Tx) => db as unknown as Kysely<ApplicationsTables>;
// Only people have accounts; the system (a background job) and anonymous callers record none.
export const actorId = (actor: Actor) => (actor.kind === 'citizen' || actor.kind === 'staff' ? actor.id : null);

export const tenantOf = (app: Pick<ApplicationRow, 'agencyId' | 'serviceUnitId' | 'mallId'>): TenantPath => ({
  agencyId: app.agencyId,
  unitId: app.serviceUnitId,
  mallId: app.mallId,
});

/** Staff who work the unit's cases: processors (and admins) of its unit or agency. */
export const canProcess = (actor: Actor, app: Pick<ApplicationRow, 'agencyId' | 'serviceUnitId' | 'mallId'>) =>
  coversSubject(actor, PROCESS, tenantOf(app));
/** Counter officers of the unit, its agency, or the mall where it was filed. */
export const canFile = (actor: Actor, app: Pick<ApplicationRow, 'agencyId' | 'serviceUnitId' | 'mallId'>) =>
  coversSubject(actor, FILE, tenantOf(app));
/** The citizen whose application it is. */
export const isApplicant = (actor: Actor, app: Pick<ApplicationRow, 'applicantAccountId'>) =>
  actor.kind === 'citizen' && app.applicantAccountId === actor.id;
/** Anyone allowed to read the whole application (personal data included). */
export const canRead = (actor: Actor, app: ApplicationRow) => isApplicant(actor, app) || canProcess(actor, app) || canFile(actor, app);

// ---- personal data at rest -------------------------------------------------------------------------

const contactContext = (id: string) => `applications.application.contact:${id}`;
const answersContext = (id: string) => `applications.application.answers:${id}`;

export type Answers = Record<string, string>;

export const sealContact = (keys: KeyRing, id: string, contact: Contact) => keys.encrypt(JSON.stringify(contact), contactContext(id));
export const sealAnswers = (keys: KeyRing, id: string, answers: Answers) => keys.encrypt(JSON.stringify(answers), answersContext(id));
export const openContact = (keys: KeyRing, app: Pick<ApplicationRow, 'id' | 'contactEnc'>) =>
  JSON.parse(keys.decrypt(app.contactEnc, contactContext(app.id))) as Contact;
export const openAnswers = (keys: KeyRing, app: Pick<ApplicationRow, 'id' | 'answersEnc'>) =>
  JSON.parse(keys.decrypt(app.answersEnc, answersContext(app.id))) as Answers;

// ---- reading ---------------------------------------------------------------------------------------

export async function findApplication(db: AnyDb | Tx, id: string): Promise<ApplicationRow | undefined> {
  return tablesOf(db).selectFrom('applications.application').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row, locked for the rest of the transaction: concurrent actions on one application run one after the other. */
export async function lockApplication(tx: Tx, id: string): Promise<ApplicationRow | undefined> {
  return tablesOf(tx).selectFrom('applications.application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The standard the application was filed under (frozen: later versions never change it). */
export async function frozenStandard(db: AnyDb | Tx, standardVersionId: string): Promise<StandardContent> {
  const row = await readStandardVersion(db, standardVersionId);
  if (!row) throw new Error(`standard version ${standardVersionId} not found`);
  return row.content as StandardContent;
}

// ---- writing ---------------------------------------------------------------------------------------

export async function write<T>(ctx: ApplicationsContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(fn);
}

export interface Change {
  /** The timeline's word for it (`submitted`, `correction_requested`, `step_advanced`, …). */
  kind: string;
  /** Shown to the citizen on tracking; false for staff-only notes. Default true. */
  public?: boolean;
  note?: string | null;
  stepKey?: string | null;
  data?: Record<string, unknown>;
  /** The outbox event, `applications.application.<verb>` (kebab case); omitted when nothing reacts to it. */
  event?: string;
  /** Audit before/after summaries (no personal data: keys, statuses, counts). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * Records one change of an application in the caller's transaction: a timeline row, an audit record
 * with the application's agency, unit and mall, and (when named) an outbox event carrying the
 * application id, so notifications and other modules react only when the change commits.
 */
export async function recordChange(tx: Tx, ctx: ApplicationsContext, app: ApplicationRow, change: Change): Promise<void> {
  const actor = ctx.actor;
  await tablesOf(tx)
    .insertInto('applications.event')
    .values({
      applicationId: app.id,
      at: nowOf(ctx),
      kind: change.kind,
      actorKind: actor.kind,
      actorAccountId: actorId(actor),
      stepKey: change.stepKey ?? null,
      public: change.public ?? true,
      note: change.note ?? null,
      data: JSON.stringify(change.data ?? {}),
    })
    .execute();
  await recordAudit(tx, {
    actor,
    action: `applications.application.${change.kind.replace(/_/g, '-')}`,
    subject: { type: 'application', id: app.id },
    before: change.before,
    after: { status: app.status, ...(app.trackingNumber ? { trackingNumber: app.trackingNumber } : {}), ...change.after },
    requestId: ctx.requestId,
    tenant: tenantOf(app),
  });
  if (change.event) {
    await emit(tx, change.event, { applicationId: app.id, kind: change.kind }, ctx.requestId ? { requestId: ctx.requestId } : {});
  }
}

/**
 * Updates the row at the version the caller read (optimistic lock on top of the row lock, so a form
 * posted from a stale page is refused) and returns the new row; undefined when the version moved on.
 */
export async function updateApplication(
  tx: Tx,
  ctx: ApplicationsContext,
  app: ApplicationRow,
  patch: Partial<Omit<ApplicationRow, 'id' | 'version' | 'createdAt'>>,
): Promise<ApplicationRow | undefined> {
  return tablesOf(tx)
    .updateTable('applications.application')
    .set({ ...patch, version: app.version + 1, updatedAt: nowOf(ctx) })
    .where('id', '=', app.id)
    .where('version', '=', app.version)
    .returningAll()
    .executeTakeFirst();
}

// ---- the legal clock -------------------------------------------------------------------------------

/** The clock's inputs as stored: the standard's limit, pauses and extensions, the unit's (or mall's) calendar. */
export async function clockOf(db: AnyDb | Tx, app: ApplicationRow, now: Date) {
  if (!app.submittedAt) return undefined;
  const standard = await frozenStandard(db, app.standardVersionId);
  const t = tablesOf(db);
  const [pauses, extensions, calendar] = await Promise.all([
    t
      .selectFrom('applications.clockPause')
      .select(['pausedAt', 'resumedAt'])
      .where('applicationId', '=', app.id)
      .orderBy('pausedAt')
      .execute(),
    t.selectFrom('applications.clockExtension').select(['value', 'unit']).where('applicationId', '=', app.id).execute(),
    loadWorkingCalendar(db, { serviceUnitId: app.serviceUnitId, mallId: app.mallId }),
  ]);
  const limit: ClockLimit = { value: standard.timeLimit.value, unit: standard.timeLimit.unit };
  const input = {
    start: app.submittedAt,
    limit,
    calendar,
    pauses: pauses.map((p) => ({ from: p.pausedAt, to: p.resumedAt })),
    extensions: extensions.map((e) => ({ value: e.value, unit: e.unit })),
  };
  return { input, result: computeDue(input, now), calendar };
}

/** Recomputes and stores the due instant after a change of the clock's inputs; returns the updated row. */
export async function refreshClock(tx: Tx, ctx: ApplicationsContext, app: ApplicationRow): Promise<ApplicationRow> {
  const clock = await clockOf(tx, app, nowOf(ctx));
  if (!clock) return app;
  const row = await tablesOf(tx)
    .updateTable('applications.application')
    .set({ dueAt: clock.result.due, clockPaused: clock.result.paused })
    .where('id', '=', app.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return row;
}

export const isOpen = (status: ApplicationStatus) => status === 'submitted' || status === 'in_process' || status === 'awaiting_citizen';
