import type { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { scopeCovers, scopesFor, type Actor, type Scope, type TenantPath } from '../../platform/access/access.js';
import { type AppError, type FieldError } from '../../platform/errors.js';
import { emit } from '../../platform/events/outbox.js';
import type { FileStore, StoredFile } from '../../platform/files/store.js';
import { issuesToFieldErrors } from '../../platform/http/validation.js';
import { recordAudit } from '../audit/index.js';
import { scopeNode } from '../organizations/index.js';
import { addMonths, assessCompleteness, validComponents, type Completeness } from './standards.completeness.js';
import {
  COMPONENT_SCHEMAS,
  COMPONENTS,
  duplicateKeys,
  type ComponentKey,
  type DraftContent,
  type VersionStatus,
} from './standards.content.js';
import { diffContent, type ComponentDiff } from './standards.diff.js';
import * as E from './standards.errors.js';
import { standardsMessages } from './standards.messages.js';
import * as R from './standards.repository.js';
import type { ServiceRow, VersionRow } from './standards.repository.js';
import {
  CommentBody,
  ConsultationBody,
  DraftBody,
  Location,
  ModerateBody,
  PublishBody,
  RatifyBody,
  ReturnBody,
  ReviewBody,
  ServiceBody,
  ServiceEdit,
  SubmitBody,
  VersionBody,
  WithdrawBody,
} from './standards.schemas.js';

/**
 * The service standard's use cases: services, their versions through the formulation cycle (domain.md
 * §1.2), public consultation, adoption by decree, publication, withdrawal and periodic review.
 *
 *   draft ──submit──► review ──open consultation──► consultation ──(closed)──┐
 *     ▲                 │  └──────────────ratify─────────────────────────┐   │
 *     └────return───────┴──────────return (once closed)────────────────  ▼   ▼
 *                                                                   ratified ──publish──► published ──► superseded
 *   any open stage, or published ──withdraw──► withdrawn                                   (by the next publish)
 *
 * Decisions (see docs/ARCHITECTURE.md, "Standards"):
 * - content is edited only in `draft`: review, consultation and adoption look at a fixed text, and a
 *   change goes back to draft first (with a note saying why);
 * - a service has at most one version in the making (draft, review, consultation or ratified);
 * - ratifying is allowed from review, or from consultation once its closing time has passed, and needs
 *   all 14 components, like publishing: a decree adopts a complete standard;
 * - publishing supersedes the published version in the same transaction; the partial unique index keeps
 *   one published version per service even under concurrent publishes.
 *
 * Every change writes, in its own transaction, a row of the version's history (standards.version_event),
 * an audit record with the service's agency and unit, and an outbox event `standards.<entity>.<verb>`.
 */

export const MANAGE = 'standards.manage';
/** A decree is a signed PDF; 10 MB holds a scanned one. */
export const DECREE_MAX_BYTES = 10 * 1024 * 1024;
export const DECREE_TYPES = ['application/pdf'] as const;

export interface StandardsContext {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shared handle, typed per module below
  db: Kysely<any>;
  actor: Actor;
  requestId?: string;
  /** Where decree PDFs are kept; needed only to ratify with a file. */
  files?: FileStore;
  /** The clock; the demo seed dates its history with it. */
  now?: () => Date;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module's transaction
type Tx = Transaction<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read functions take the shared handle
type AnyDb = Kysely<any>;

const now = (ctx: StandardsContext) => (ctx.now ? ctx.now() : new Date());
const scopes = (ctx: StandardsContext) => scopesFor(ctx.actor, MANAGE);
const tenantOf = (service: Pick<ServiceRow, 'agencyId' | 'serviceUnitId'>): TenantPath => ({
  agencyId: service.agencyId,
  unitId: service.serviceUnitId,
});
const covers = (ctx: StandardsContext, service: ServiceRow) => scopes(ctx).some((s) => scopeCovers(s, tenantOf(service)));
const meta = (ctx: StandardsContext) => (ctx.requestId ? { requestId: ctx.requestId } : {});
const actorId = (actor: Actor) => (actor.kind === 'anonymous' ? null : actor.id);
const actorName = (actor: Actor) => (actor.kind === 'anonymous' ? null : actor.name);

/** A moment as people in the unit read it, in words no language needs to translate: `2026-12-01 17:00 WIB`. */
const wib = (date: Date) =>
  `${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Jakarta', dateStyle: 'short', timeStyle: 'short' }).format(date)} WIB`;
/** Today's date where it is latest in Indonesia (WIT), so no office anywhere sees a decree of "tomorrow". */
const latestToday = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(date);

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw E.InvalidInput({}, { fields: issuesToFieldErrors(result.error.issues) });
  return result.data;
}

const invalid = (path: string) => E.ReferenceInvalid({}, { fields: [{ path, key: 'standards.error.STANDARDS_REFERENCE_INVALID' }] });

/** Postgres names the unique index a duplicate broke; each becomes the error a person can act on, never a 500. */
function translateUniqueViolation(error: unknown): unknown {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code !== '23505') return error;
  const where = `${typeof e.constraint === 'string' ? e.constraint : ''} ${typeof e.message === 'string' ? e.message : ''}`;
  if (where.includes('service_unit_code_uq')) {
    return E.CodeTaken({}, { fields: [{ path: 'code', key: 'standards.error.STANDARDS_CODE_TAKEN' }] });
  }
  if (where.includes('service_slug_uq')) {
    return E.SlugTaken({}, { fields: [{ path: 'slug', key: 'standards.error.STANDARDS_SLUG_TAKEN' }] });
  }
  if (where.includes('standard_version_published_uq')) return E.PublishConflict();
  return error;
}

async function write<T>(ctx: StandardsContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(fn);
  } catch (error) {
    throw translateUniqueViolation(error);
  }
}

// ---- content validation -------------------------------------------------------------------------

function prefixed(prefix: string, fields: FieldError[]): FieldError[] {
  return fields.map((f) => ({ ...f, path: f.path ? `${prefix}.${f.path}` : prefix }));
}

const duplicateErrors = (content: DraftContent): FieldError[] =>
  duplicateKeys(content).map((d) => ({ path: d.path, key: 'standards.validation.duplicateKey' }));

/**
 * One component checked against its schema; field errors carry full paths (`requirements.2.name`).
 * Custom checks of the schema (a document without file types…) name catalog keys, which the field errors keep.
 */
export function validateComponent<K extends ComponentKey>(component: K, value: unknown): NonNullable<DraftContent[K]> {
  const result = COMPONENT_SCHEMAS[component].safeParse(value, { reportInput: true });
  if (!result.success) throw E.ContentInvalid({}, { fields: prefixed(component, issuesToFieldErrors(result.error.issues)) });
  const duplicates = duplicateErrors({ [component]: result.data });
  if (duplicates.length > 0) throw E.ContentInvalid({}, { fields: duplicates });
  return result.data as NonNullable<DraftContent[K]>;
}

/** A whole content: only the 14 component keys, each valid; absent (or null) components stay absent. */
export function validateContent(raw: unknown): DraftContent {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw E.ContentInvalid({}, { fields: [{ path: 'content', key: 'platform.validation.invalidType', params: { expected: 'object' } }] });
  }
  const source = raw as Record<string, unknown>;
  const fields: FieldError[] = Object.keys(source)
    .filter((key) => !(COMPONENTS as readonly string[]).includes(key))
    .map((key) => ({ path: key, key: 'standards.validation.unknownComponent' }));
  const content: Record<string, unknown> = {};
  for (const component of COMPONENTS) {
    const value = source[component];
    if (value === undefined || value === null) continue;
    const result = COMPONENT_SCHEMAS[component].safeParse(value, { reportInput: true });
    if (result.success) content[component] = result.data;
    else fields.push(...prefixed(component, issuesToFieldErrors(result.error.issues)));
  }
  fields.push(...duplicateErrors(content));
  if (fields.length > 0) throw E.ContentInvalid({}, { fields });
  return content;
}

/** The components a ratified or published standard must have, as the 422 that lists what is missing. */
function incompleteError(content: unknown): AppError | undefined {
  const present = validComponents(content);
  const missing = COMPONENTS.filter((key) => !present.includes(key));
  if (missing.length === 0) return undefined;
  // The official (Indonesian) names, numbered as in the law, read the same in either language's message.
  const names = missing.map((key) => `${COMPONENTS.indexOf(key) + 1}. ${standardsMessages.t('id', `component.${key}`)}`);
  return E.Incomplete(
    { count: missing.length, missing: names.join(', ') },
    { fields: missing.map((key) => ({ path: key, key: 'standards.validation.componentMissing' })) },
  );
}

// ---- services -----------------------------------------------------------------------------------

const AUDITED_SERVICE_FIELDS = ['code', 'slug', 'name', 'category', 'kind', 'channels', 'active', 'version'] as const;
const serviceSummary = (row: ServiceRow) => Object.fromEntries(AUDITED_SERVICE_FIELDS.map((f) => [f, row[f]]));

async function announceService(
  tx: Tx,
  ctx: StandardsContext,
  verb: string,
  row: ServiceRow,
  extra: Record<string, unknown> = {},
  before?: ServiceRow,
) {
  const action = `standards.service.${verb}`;
  await emit(
    tx,
    action,
    {
      serviceId: row.id,
      serviceUnitId: row.serviceUnitId,
      agencyId: row.agencyId,
      code: row.code,
      slug: row.slug,
      name: row.name,
      ...extra,
    },
    meta(ctx),
  );
  await recordAudit(tx, {
    actor: ctx.actor,
    action,
    subject: { type: 'service', id: row.id },
    before: before ? serviceSummary(before) : undefined,
    after: { ...serviceSummary(row), ...extra },
    requestId: ctx.requestId,
    tenant: tenantOf(row),
  });
}

/** A page address from a name: lower case, ASCII, words joined by hyphens ("Kartu Keluarga (KK)" → "kartu-keluarga-kk"). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || 'layanan';
}

async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(await R.slugsLike(tx, base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Why a location cannot be one of a service's places, and which of its two fields is at fault. */
export type LocationProblem =
  | { field: 'mallId'; reason: 'duplicate' | 'mallMissing' | 'mallInactive' }
  | { field: 'boothId'; reason: 'boothMissing' | 'boothInactive' | 'boothInOtherMall' | 'boothOfOtherUnit' };

/**
 * The rules of where a service of `serviceUnitId` may be offered, on malls and booths already looked up
 * (absent from the maps when they do not exist): each mall once (one place per mall), and active; a booth
 * active, in that mall and of the service's own unit. Any active mall will do, booth or not: without one the
 * service is given at the unit's own office in the mall's area. The service form and the bulk import both
 * apply these; each says the problems in its own words.
 */
export function locationProblems(
  serviceUnitId: string,
  locations: readonly { mallId: string; boothId?: string | null | undefined }[],
  malls: ReadonlyMap<string, { active: boolean }>,
  booths: ReadonlyMap<string, { active: boolean; mallId: string; serviceUnitId: string }>,
): { index: number; problem: LocationProblem }[] {
  const problems: { index: number; problem: LocationProblem }[] = [];
  const seen = new Set<string>();
  for (const [index, location] of locations.entries()) {
    if (seen.has(location.mallId)) {
      problems.push({ index, problem: { field: 'mallId', reason: 'duplicate' } });
      continue;
    }
    seen.add(location.mallId);
    const mall = malls.get(location.mallId);
    if (!mall?.active) problems.push({ index, problem: { field: 'mallId', reason: mall ? 'mallInactive' : 'mallMissing' } });
    if (!location.boothId) continue;
    const booth = booths.get(location.boothId);
    const reason = !booth
      ? 'boothMissing'
      : booth.mallId !== location.mallId
        ? 'boothInOtherMall'
        : booth.serviceUnitId !== serviceUnitId
          ? 'boothOfOtherUnit'
          : !booth.active
            ? 'boothInactive'
            : undefined;
    if (reason) problems.push({ index, problem: { field: 'boothId', reason } });
  }
  return problems;
}

/** Checks every location and reports every problem at once (see `locationProblems`). */
async function checkLocations(tx: Tx, serviceUnitId: string, locations: readonly Location[]) {
  const malls = new Map<string, { active: boolean }>();
  const booths = new Map<string, { active: boolean; mallId: string; serviceUnitId: string }>();
  for (const location of locations) {
    if (!malls.has(location.mallId)) {
      const mall = await scopeNode(tx, 'mall', location.mallId);
      if (mall) malls.set(location.mallId, mall);
    }
    if (location.boothId && !booths.has(location.boothId)) {
      const booth = await R.findBooth(tx, location.boothId);
      if (booth) booths.set(booth.id, booth);
    }
  }
  const fields: FieldError[] = locationProblems(serviceUnitId, locations, malls, booths).map(({ index, problem }) => ({
    path: `locations.${index}.${problem.field}`,
    key: problem.reason === 'duplicate' ? 'standards.validation.locationDuplicate' : 'standards.error.STANDARDS_REFERENCE_INVALID',
  }));
  if (fields.length > 0) throw E.ReferenceInvalid({}, { fields });
  return locations.map((location) => ({ mallId: location.mallId, boothId: location.boothId ?? null }));
}

/** The fields that describe a service, as both create and edit write them. */
function describing(body: z.output<typeof ServiceEdit> | z.output<typeof ServiceBody>) {
  const { code, name, summary, keywords, category, kind, lifeEvents, audiences, channels } = body;
  return { code, name, summary, keywords, category, kind, lifeEvents, audiences, channels };
}

/**
 * Registers a service (jenis layanan) of a unit: the unit must be active and inside the actor's scopes; the
 * agency is copied from it; the slug comes from the name when not given, made unique.
 * @throws STANDARDS_INVALID_INPUT, STANDARDS_REFERENCE_INVALID (unit, mall, booth), STANDARDS_CODE_TAKEN, STANDARDS_SLUG_TAKEN
 */
export async function createService(ctx: StandardsContext, input: ServiceBody): Promise<ServiceRow> {
  const body = parse(ServiceBody, input);
  return write(ctx, async (tx) => {
    const unit = await scopeNode(tx, 'unit', body.serviceUnitId);
    if (!unit?.active || !scopes(ctx).some((s) => scopeCovers(s, unit.path))) throw invalid('serviceUnitId');
    const locations = await checkLocations(tx, body.serviceUnitId, body.locations ?? []);
    const at = now(ctx);
    const row = await R.insertService(
      tx,
      {
        serviceUnitId: body.serviceUnitId,
        agencyId: unit.path.agencyId!,
        ...describing(body),
        slug: body.slug ?? (await freeSlug(tx, body.name)),
      },
      at,
    );
    await R.replaceLocations(tx, row.id, locations);
    await announceService(tx, ctx, 'created', row, { locations: locations.length });
    return row;
  });
}

/** Locks a service the actor may change: 404 when missing or outside the scopes, 409 on a stale version. */
async function lockServiceForChange(tx: Tx, ctx: StandardsContext, serviceId: string, expected?: number) {
  const service = await R.lockService(tx, serviceId);
  if (!service || !covers(ctx, service)) throw E.NotFound();
  if (!service.active) throw E.ServiceInactive();
  if (expected !== undefined && service.version !== expected) throw E.VersionConflict({ current: service.version });
  return service;
}

/**
 * Edits a service's description. Its unit never changes; the slug (its public address) only when a new one is given.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_SERVICE_INACTIVE, STANDARDS_VERSION_CONFLICT, STANDARDS_CODE_TAKEN, STANDARDS_SLUG_TAKEN
 */
export async function updateService(ctx: StandardsContext, serviceId: string, input: ServiceEdit): Promise<ServiceRow> {
  const body = parse(ServiceEdit, input);
  return write(ctx, async (tx) => {
    const before = await lockServiceForChange(tx, ctx, serviceId, body.version);
    const row = await R.updateService(tx, serviceId, { ...describing(body), slug: body.slug ?? before.slug }, now(ctx));
    await announceService(tx, ctx, 'changed', row, {}, before);
    return row;
  });
}

/**
 * Deactivates a service (never deleted): the catalog stops showing it and its standard can no longer change.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_SERVICE_INACTIVE (already), STANDARDS_VERSION_CONFLICT
 */
export async function deactivateService(ctx: StandardsContext, serviceId: string, input: VersionBody): Promise<ServiceRow> {
  const body = parse(VersionBody, input);
  return write(ctx, async (tx) => {
    const before = await lockServiceForChange(tx, ctx, serviceId, body.version);
    const at = now(ctx);
    const row = await R.updateService(tx, serviceId, { active: false, deactivatedAt: at }, at);
    await announceService(tx, ctx, 'deactivated', row, {}, before);
    return row;
  });
}

/**
 * Replaces where a service is offered in person: each mall active and listed once; a booth in that mall and
 * of the service's own unit.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_SERVICE_INACTIVE, STANDARDS_REFERENCE_INVALID (with a field per problem)
 */
export async function setServiceLocations(ctx: StandardsContext, serviceId: string, locations: readonly Location[]) {
  const list = parse(Location.array().max(50), locations);
  return write(ctx, async (tx) => {
    const service = await lockServiceForChange(tx, ctx, serviceId);
    const rows = await checkLocations(tx, service.serviceUnitId, list);
    const saved = await R.replaceLocations(tx, serviceId, rows);
    await R.touchService(tx, serviceId, now(ctx));
    await announceService(tx, ctx, 'relocated', service, { locations: rows.length });
    return saved;
  });
}

// ---- versions: the formulation cycle ------------------------------------------------------------

type Step = 'edit' | 'submit' | 'return' | 'consult' | 'ratify' | 'publish' | 'withdraw' | 'review';

/** From which stages each step may be taken. */
const STEP_FROM: Record<Step, readonly VersionStatus[]> = {
  edit: ['draft'],
  submit: ['draft'],
  return: ['review', 'consultation'],
  consult: ['review'],
  ratify: ['review', 'consultation'],
  publish: ['ratified'],
  withdraw: [...R.OPEN_STATUSES, 'published'],
  review: ['published'],
};

/**
 * Locks a version for a step, checking in this order: it exists inside the actor's scopes (else 404), its
 * stage allows the step (409), the caller read the current revision (409), its service is active (409;
 * withdrawing is always possible).
 */
async function lockForStep(tx: Tx, ctx: StandardsContext, versionId: string, step: Step, expected: number | undefined) {
  const version = await R.lockVersion(tx, versionId);
  if (!version) throw E.NotFound();
  const service = (await R.findService(tx, version.serviceId))!;
  if (!covers(ctx, service)) throw E.NotFound();
  if (!STEP_FROM[step].includes(version.status)) {
    const params = { number: version.number, status: version.status };
    throw step === 'edit' ? E.NotEditable(params) : E.TransitionRefused(params);
  }
  if (expected !== undefined && version.version !== expected) throw E.VersionConflict({ current: version.version });
  if (!service.active && step !== 'withdraw') throw E.ServiceInactive();
  return { version, service };
}

/** The history row, the outbox event and the audit record of one change to a version. */
async function recordStep(
  tx: Tx,
  ctx: StandardsContext,
  service: ServiceRow,
  version: VersionRow,
  action: string,
  options: {
    note?: string | null | undefined;
    payload?: Record<string, unknown>;
    before?: VersionRow;
    who?: { id: string | null; name: string | null };
  } = {},
) {
  const at = now(ctx);
  const note = options.note ?? null;
  await R.insertVersionEvent(tx, {
    versionId: version.id,
    action,
    actorId: options.who ? options.who.id : actorId(ctx.actor),
    actorName: options.who ? options.who.name : actorName(ctx.actor),
    note,
    occurredAt: at,
  });
  const name = `standards.version.${action}`;
  const identity = {
    versionId: version.id,
    serviceId: service.id,
    number: version.number,
    status: version.status,
    serviceUnitId: service.serviceUnitId,
    agencyId: service.agencyId,
  };
  await emit(tx, name, { ...identity, ...options.payload }, meta(ctx));
  await recordAudit(tx, {
    actor: ctx.actor,
    action: name,
    subject: { type: 'standard-version', id: version.id },
    before: options.before ? { status: options.before.status, version: options.before.version } : undefined,
    after: { number: version.number, status: version.status, version: version.version, ...(note ? { note } : {}), ...options.payload },
    requestId: ctx.requestId,
    tenant: tenantOf(service),
  });
}

/**
 * Starts the next version of a service's standard: numbered after the highest, its content copied from
 * `basedOnVersionId` (a version of the same service) or else from the published version, or empty.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_SERVICE_INACTIVE, STANDARDS_OPEN_VERSION_EXISTS, STANDARDS_REFERENCE_INVALID (basedOnVersionId)
 */
export async function createDraft(ctx: StandardsContext, serviceId: string, input: DraftBody = {}): Promise<VersionRow> {
  const body = parse(DraftBody, input);
  return write(ctx, async (tx) => {
    // The service row's lock makes two concurrent drafts of one service take turns; the second sees the first.
    const service = await lockServiceForChange(tx, ctx, serviceId);
    const open = await R.findOpenVersion(tx, serviceId);
    if (open) throw E.OpenVersionExists({ number: open.number, status: open.status });
    let source: VersionRow | undefined;
    if (body.basedOnVersionId) {
      source = await R.findVersion(tx, body.basedOnVersionId);
      if (!source || source.serviceId !== serviceId) throw invalid('basedOnVersionId');
    } else {
      source = await R.findPublishedVersion(tx, serviceId);
    }
    const row = await R.insertVersion(
      tx,
      {
        serviceId,
        number: (await R.maxVersionNumber(tx, serviceId)) + 1,
        content: source ? source.content : {},
        basedOnVersionId: source?.id ?? null,
        createdBy: actorId(ctx.actor),
      },
      now(ctx),
    );
    await recordStep(tx, ctx, service, row, 'drafted', {
      note: source ? `v${source.number}` : null,
      payload: { basedOnVersionId: source?.id ?? null },
    });
    return row;
  });
}

/**
 * Saves one component of a draft; `null` clears it. Checked against the component's schema first (422 with
 * paths like `requirements.2.name`), then against the revision the editor read: when someone else saved
 * in between, nothing is written and the 409 says so, so the editor keeps what they typed and can retry.
 * @throws STANDARDS_CONTENT_INVALID, STANDARDS_NOT_FOUND, STANDARDS_NOT_EDITABLE, STANDARDS_VERSION_CONFLICT, STANDARDS_SERVICE_INACTIVE
 */
export async function saveComponent(
  ctx: StandardsContext,
  versionId: string,
  component: ComponentKey,
  value: unknown,
  expectedVersion: number,
): Promise<VersionRow> {
  if (!(COMPONENTS as readonly string[]).includes(component)) {
    throw E.ContentInvalid({}, { fields: [{ path: String(component), key: 'standards.validation.unknownComponent' }] });
  }
  const parsed = value === null ? undefined : validateComponent(component, value);
  return write(ctx, async (tx) => {
    const { version, service } = await lockForStep(tx, ctx, versionId, 'edit', expectedVersion);
    const content: Record<string, unknown> = { ...(version.content as Record<string, unknown>) };
    if (parsed === undefined) delete content[component];
    else content[component] = parsed;
    const row = await R.updateVersion(tx, versionId, { content: content }, now(ctx));
    await recordStep(tx, ctx, service, row, 'component-saved', {
      note: component,
      payload: { component, cleared: parsed === undefined },
      before: version,
    });
    return row;
  });
}

/**
 * Replaces the whole content of a draft (the bulk import, an editor saving everything at once).
 * @throws STANDARDS_CONTENT_INVALID (every problem, with paths), STANDARDS_NOT_FOUND, STANDARDS_NOT_EDITABLE, STANDARDS_VERSION_CONFLICT
 */
export async function saveContent(
  ctx: StandardsContext,
  versionId: string,
  content: unknown,
  expectedVersion: number,
): Promise<VersionRow> {
  const parsed = validateContent(content);
  return write(ctx, async (tx) => {
    const { version, service } = await lockForStep(tx, ctx, versionId, 'edit', expectedVersion);
    const row = await R.updateVersion(tx, versionId, { content: parsed }, now(ctx));
    await recordStep(tx, ctx, service, row, 'content-saved', {
      note: `${Object.keys(parsed).length}/14`,
      payload: { components: Object.keys(parsed) },
      before: version,
    });
    return row;
  });
}

/** Moves a version to the next stage and records it; the common shape of the simple steps. */
async function takeStep(
  ctx: StandardsContext,
  versionId: string,
  step: Step,
  expected: number | undefined,
  apply: (
    version: VersionRow,
    at: Date,
  ) => { changes: R.VersionChanges; action: string; note?: string | null | undefined; payload?: Record<string, unknown> },
) {
  return write(ctx, async (tx) => {
    const { version, service } = await lockForStep(tx, ctx, versionId, step, expected);
    const at = now(ctx);
    const { changes, action, note, payload } = apply(version, at);
    const row = await R.updateVersion(tx, versionId, changes, at);
    await recordStep(tx, ctx, service, row, action, { note, before: version, ...(payload ? { payload } : {}) });
    return row;
  });
}

/**
 * Sends a draft to internal review.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_TRANSITION_REFUSED, STANDARDS_VERSION_CONFLICT, STANDARDS_SERVICE_INACTIVE
 */
export async function submitForReview(ctx: StandardsContext, versionId: string, input: SubmitBody): Promise<VersionRow> {
  const body = parse(SubmitBody, input);
  return takeStep(ctx, versionId, 'submit', body.version, () => ({ changes: { status: 'review' }, action: 'submitted', note: body.note }));
}

/**
 * Returns a version under review, or whose consultation has closed, to draft, with a note saying what to change.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_TRANSITION_REFUSED, STANDARDS_CONSULTATION_OPEN, STANDARDS_VERSION_CONFLICT
 */
export async function returnToDraft(ctx: StandardsContext, versionId: string, input: ReturnBody): Promise<VersionRow> {
  const body = parse(ReturnBody, input);
  return takeStep(ctx, versionId, 'return', body.version, (version, at) => {
    assertConsultationClosed(version, at);
    return { changes: { status: 'draft' }, action: 'returned', note: body.note };
  });
}

function assertConsultationClosed(version: VersionRow, at: Date) {
  if (version.status === 'consultation' && version.consultationClosesAt && version.consultationClosesAt > at) {
    throw E.ConsultationOpen({ closesAt: wib(version.consultationClosesAt) });
  }
}

/**
 * Opens a reviewed version to public comment until `closesAt` (in the future). Comments stay with the
 * version; a later consultation of the same version replaces the dates, not the comments.
 * @throws STANDARDS_DATE_INVALID (closesAt), STANDARDS_NOT_FOUND, STANDARDS_TRANSITION_REFUSED, STANDARDS_VERSION_CONFLICT
 */
export async function openConsultation(
  ctx: StandardsContext,
  versionId: string,
  input: Omit<ConsultationBody, 'closesAt'> & { closesAt: Date | string },
): Promise<VersionRow> {
  const body = parse(ConsultationBody, {
    ...input,
    closesAt: input.closesAt instanceof Date ? input.closesAt.toISOString() : input.closesAt,
  });
  return takeStep(ctx, versionId, 'consult', body.version, (_version, at) => {
    if (body.closesAt <= at) throw E.DateInvalid({}, { fields: [{ path: 'closesAt', key: 'standards.validation.closesAtPast' }] });
    return {
      changes: { status: 'consultation', consultationOpensAt: at, consultationClosesAt: body.closesAt },
      action: 'consultation-opened',
      note: `→ ${wib(body.closesAt)}`,
      payload: { closesAt: body.closesAt.toISOString() },
    };
  });
}

/**
 * A comment from the public on a version in consultation, anonymous or signed in, under the name given.
 * It waits for moderation before it is shown. Only while the consultation is open.
 * @throws STANDARDS_NOT_FOUND (no version in consultation), STANDARDS_CONSULTATION_CLOSED, STANDARDS_INVALID_INPUT
 */
export async function addConsultationComment(
  ctx: StandardsContext,
  versionId: string,
  input: Omit<CommentBody, 'component'> & { component?: string | undefined },
) {
  const body = parse(CommentBody, input);
  return write(ctx, async (tx) => {
    const version = await R.findVersion(tx, versionId);
    if (version?.status !== 'consultation') throw E.NotFound();
    const at = now(ctx);
    if (version.consultationClosesAt && version.consultationClosesAt <= at) {
      throw E.ConsultationClosed({ closedAt: wib(version.consultationClosesAt) });
    }
    const service = (await R.findService(tx, version.serviceId))!;
    const comment = await R.insertComment(
      tx,
      { versionId, authorName: body.authorName, authorAccountId: actorId(ctx.actor), component: body.component, body: body.body },
      at,
    );
    await R.insertVersionEvent(tx, {
      versionId,
      action: 'comment-received',
      actorId: comment.authorAccountId,
      actorName: comment.authorName,
      note: comment.component,
      occurredAt: at,
    });
    const payload = {
      commentId: comment.id,
      versionId,
      serviceId: service.id,
      component: comment.component,
      agencyId: service.agencyId,
      serviceUnitId: service.serviceUnitId,
    };
    await emit(tx, 'standards.comment.received', payload, meta(ctx));
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'standards.comment.received',
      subject: { type: 'consultation-comment', id: comment.id },
      after: { versionId, component: comment.component, authorName: comment.authorName },
      requestId: ctx.requestId,
      tenant: tenantOf(service),
    });
    return comment;
  });
}

/**
 * Approves (shown, optionally with the unit's answer) or rejects a comment; may be changed later.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_INVALID_INPUT
 */
export async function moderateComment(ctx: StandardsContext, commentId: string, input: ModerateBody) {
  const body = parse(ModerateBody, input);
  return write(ctx, async (tx) => {
    const before = await R.lockComment(tx, commentId);
    if (!before) throw E.NotFound();
    const version = (await R.findVersion(tx, before.versionId))!;
    const service = (await R.findService(tx, version.serviceId))!;
    if (!covers(ctx, service)) throw E.NotFound();
    const at = now(ctx);
    const comment = await R.updateComment(tx, commentId, {
      status: body.status,
      response: body.response ?? null,
      moderatedBy: actorId(ctx.actor),
      moderatedAt: at,
    });
    await R.insertVersionEvent(tx, {
      versionId: version.id,
      action: 'comment-moderated',
      actorId: actorId(ctx.actor),
      actorName: actorName(ctx.actor),
      note: `${body.status}: ${comment.authorName}`,
      occurredAt: at,
    });
    await emit(
      tx,
      'standards.comment.moderated',
      { commentId, versionId: version.id, serviceId: service.id, status: body.status, answered: comment.response !== null },
      meta(ctx),
    );
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'standards.comment.moderated',
      subject: { type: 'consultation-comment', id: commentId },
      before: { status: before.status },
      after: { status: comment.status, response: comment.response },
      requestId: ctx.requestId,
      tenant: tenantOf(service),
    });
    return comment;
  });
}

export interface RatifyInput extends RatifyBody {
  /** The signed decree as a PDF (at most 10 MB), streamed to the file store. */
  decreeFile?: { source: Readable | Buffer; name?: string | undefined } | undefined;
}

function checkRatifiable(version: VersionRow, body: z.output<typeof RatifyBody>, at: Date) {
  assertConsultationClosed(version, at);
  const missing = incompleteError(version.content);
  if (missing) throw missing;
  if (body.decreeDate > latestToday(at)) {
    throw E.DateInvalid({}, { fields: [{ path: 'decreeDate', key: 'standards.validation.decreeDateFuture' }] });
  }
}

/**
 * Records the adoption (penetapan) by decree of the head of the unit or above, from review or from a
 * closed consultation; needs all 14 components. The decree PDF, when given, is stored first (checked
 * by content, ≤ 10 MB) and deleted again if the step is refused.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_TRANSITION_REFUSED, STANDARDS_CONSULTATION_OPEN, STANDARDS_INCOMPLETE,
 *   STANDARDS_DATE_INVALID, STANDARDS_VERSION_CONFLICT, FILES_TOO_LARGE, FILES_TYPE_NOT_ALLOWED
 */
export async function ratify(ctx: StandardsContext, versionId: string, input: RatifyInput): Promise<VersionRow> {
  const { decreeFile, ...fields } = input;
  const body = parse(RatifyBody, fields);
  let stored: StoredFile | undefined;
  if (decreeFile) {
    if (!ctx.files) throw new Error('ratify: a decree file needs a file store in the context');
    // Checked before the file is stored, so a step refused anyway stores nothing; checked again under the lock.
    await ctx.db.transaction().execute(async (tx) => {
      const { version } = await lockForStep(tx, ctx, versionId, 'ratify', body.version);
      checkRatifiable(version, body, now(ctx));
    });
    stored = await ctx.files.put(decreeFile.source, { maxBytes: DECREE_MAX_BYTES, allowedTypes: DECREE_TYPES, name: decreeFile.name });
  }
  try {
    return await write(ctx, async (tx) => {
      const { version, service } = await lockForStep(tx, ctx, versionId, 'ratify', body.version);
      const at = now(ctx);
      checkRatifiable(version, body, at);
      const row = await R.updateVersion(
        tx,
        versionId,
        {
          status: 'ratified',
          decreeNumber: body.decreeNumber,
          decreeDate: body.decreeDate,
          decreeSignatory: body.signatory,
          decreeFileKey: stored?.key ?? null,
        },
        at,
      );
      await recordStep(tx, ctx, service, row, 'ratified', {
        note: body.decreeNumber,
        before: version,
        payload: { decreeNumber: body.decreeNumber, decreeDate: body.decreeDate, decreeFileSha256: stored?.sha256 ?? null },
      });
      return row;
    });
  } catch (error) {
    if (stored) await ctx.files!.delete(stored.key).catch(() => {});
    throw error;
  }
}

/**
 * Publishes a ratified, complete version from `effectiveDate` (not before the decree). The version
 * published until now is superseded in the same transaction; a concurrent publish of the same service
 * fails with a 409, never a second published version.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_TRANSITION_REFUSED, STANDARDS_INCOMPLETE, STANDARDS_DATE_INVALID,
 *   STANDARDS_VERSION_CONFLICT, STANDARDS_SERVICE_INACTIVE, STANDARDS_PUBLISH_CONFLICT
 */
export async function publish(ctx: StandardsContext, versionId: string, input: PublishBody): Promise<VersionRow> {
  const body = parse(PublishBody, input);
  return write(ctx, async (tx) => {
    const { version, service } = await lockForStep(tx, ctx, versionId, 'publish', body.version);
    const missing = incompleteError(version.content);
    if (missing) throw missing;
    if (version.decreeDate && body.effectiveDate < version.decreeDate) {
      throw E.DateInvalid(
        {},
        {
          fields: [
            { path: 'effectiveDate', key: 'standards.validation.effectiveBeforeDecree', params: { decreeDate: version.decreeDate } },
          ],
        },
      );
    }
    const at = now(ctx);
    const previous = await R.supersedePublished(tx, service.id, at);
    if (previous) {
      await recordStep(tx, ctx, service, previous, 'superseded', { note: `v${version.number}`, payload: { supersededBy: version.id } });
    }
    const row = await R.updateVersion(tx, versionId, { status: 'published', publishedAt: at, effectiveDate: body.effectiveDate }, at);
    await recordStep(tx, ctx, service, row, 'published', {
      before: version,
      payload: { effectiveDate: body.effectiveDate, previousVersionId: previous?.id ?? null, slug: service.slug, name: service.name },
    });
    return row;
  });
}

/**
 * Withdraws a version in the making (so a new one can start) or the published one (the service then has
 * no standard in force until the next is published), with the reason.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_TRANSITION_REFUSED, STANDARDS_VERSION_CONFLICT
 */
export async function withdraw(ctx: StandardsContext, versionId: string, input: WithdrawBody): Promise<VersionRow> {
  const body = parse(WithdrawBody, input);
  return takeStep(ctx, versionId, 'withdraw', body.version, (version, at) => ({
    changes: { status: 'withdrawn', withdrawnAt: at, withdrawnReason: body.reason },
    action: 'withdrawn',
    note: body.reason,
    payload: { wasPublished: version.status === 'published' },
  }));
}

/**
 * Records the periodic review (peninjauan ulang, domain.md §1.2) of a published version that keeps it as
 * it is: restarts its review period. A review that changes the standard is a new draft instead.
 * @throws STANDARDS_NOT_FOUND, STANDARDS_TRANSITION_REFUSED, STANDARDS_VERSION_CONFLICT
 */
export async function markReviewed(ctx: StandardsContext, versionId: string, input: ReviewBody = {}): Promise<VersionRow> {
  const body = parse(ReviewBody, input);
  return takeStep(ctx, versionId, 'review', body.version, (_version, at) => ({
    changes: { lastReviewedAt: at },
    action: 'reviewed',
    note: body.note,
  }));
}

// ---- reading ------------------------------------------------------------------------------------

/** Services inside the scopes, with their published version and the one in the making. */
export async function listServices(db: AnyDb, scopeList: readonly Scope[], filter: R.ServiceFilter) {
  return R.listServicesInScope(db, scopeList, filter);
}

/** A service with its locations and every version, newest first. @throws STANDARDS_NOT_FOUND */
export async function getService(db: AnyDb, serviceId: string) {
  const service = await R.findService(db, serviceId);
  if (!service) throw E.NotFound();
  const [locations, versions] = await Promise.all([R.listLocations(db, serviceId), R.listVersions(db, serviceId)]);
  return { ...service, locations, versions };
}

/** @throws STANDARDS_NOT_FOUND */
export async function getVersion(db: AnyDb, versionId: string): Promise<VersionRow> {
  const version = await R.findVersion(db, versionId);
  if (!version) throw E.NotFound();
  return version;
}

/** Every version of a service, newest first. */
export async function listVersions(db: AnyDb, serviceId: string): Promise<VersionRow[]> {
  return R.listVersions(db, serviceId);
}

/** Who did what to a version, oldest first. @throws STANDARDS_NOT_FOUND */
export async function versionHistory(db: AnyDb, versionId: string) {
  await getVersion(db, versionId);
  return R.listVersionEvents(db, versionId);
}

/** The consultation comments on a version, oldest first; staff see every status. */
export async function listComments(db: AnyDb, versionId: string, status?: 'pending' | 'approved' | 'rejected') {
  await getVersion(db, versionId);
  return R.listComments(db, versionId, status);
}

/** The stored decree of a version, for staff to download. @throws STANDARDS_NOT_FOUND, FILES_NOT_FOUND */
export async function openDecreeFile(db: AnyDb, files: FileStore, versionId: string) {
  const version = await getVersion(db, versionId);
  if (!version.decreeFileKey) throw E.NotFound();
  const info = await files.stat(version.decreeFileKey);
  if (!info) throw E.NotFound();
  return { info, stream: await files.get(version.decreeFileKey), version };
}

export interface VersionDiff {
  from: { id: string; number: number };
  to: { id: string; number: number };
  components: ComponentDiff[];
}

/**
 * What changed from one version to another of the same service (see standards.diff.ts).
 * @throws STANDARDS_NOT_FOUND, also when the two versions belong to different services
 */
export async function diffVersions(db: AnyDb, fromVersionId: string, toVersionId: string): Promise<VersionDiff> {
  const [from, to] = await Promise.all([R.findVersion(db, fromVersionId), R.findVersion(db, toVersionId)]);
  // A version of another service is "not found" here, so that a comparison reveals nothing about it.
  if (!from || !to || from.serviceId !== to.serviceId) throw E.NotFound();
  return {
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    components: diffContent(from.content, to.content),
  };
}

/**
 * Compares a version with `against`, or by default with the version it was based on, else the published
 * one, else the one numbered just before it; a first version is compared with nothing (every component added).
 */
export async function diffAgainst(db: AnyDb, versionId: string, against?: string): Promise<VersionDiff> {
  const version = await getVersion(db, versionId);
  if (against) return diffVersions(db, against, versionId);
  const versions = await R.listVersions(db, version.serviceId);
  const base =
    versions.find((v) => v.id === version.basedOnVersionId) ??
    versions.find((v) => v.status === 'published' && v.id !== version.id) ??
    versions.find((v) => v.number < version.number);
  if (!base) {
    return {
      from: { id: version.id, number: 0 },
      to: { id: version.id, number: version.number },
      components: diffContent({}, version.content),
    };
  }
  return diffVersions(db, base.id, versionId);
}

/**
 * The version's level on the PEKPPP 1.a.Ak scale (0–5) with what it lacks; see standards.completeness.ts.
 * @throws STANDARDS_NOT_FOUND
 */
export async function completeness(
  db: AnyDb,
  versionId: string,
  options: { now?: Date; reviewMonths?: number } = {},
): Promise<Completeness & { versionId: string }> {
  const version = await getVersion(db, versionId);
  const approvedComments = await R.countComments(db, versionId, 'approved');
  const assessed = assessCompleteness(
    { ...version, approvedComments },
    { now: options.now ?? new Date(), reviewMonths: options.reviewMonths ?? 12 },
  );
  return { versionId, ...assessed };
}

// ---- periodic review reminders ------------------------------------------------------------------

/**
 * Emits `standards.review.due` for every published version whose last review (or publication) is at least
 * `months` old, once per version and period: the reminder is written to the version's history with the due
 * date, and a later run finds it there. A review (`markReviewed`) starts a new period. Runs are serialised.
 */
export async function remindDueReviews(db: AnyDb, options: { months: number; now?: Date }): Promise<{ reminded: number }> {
  const at = options.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    await R.lockReviewReminders(tx);
    const due = await R.findReviewsDue(tx, addMonths(at, -options.months));
    const done = await R.reminderNotes(
      tx,
      due.map((d) => d.id),
    );
    let reminded = 0;
    for (const version of due) {
      let period = 1;
      while (addMonths(version.baseline, (period + 1) * options.months) <= at) period++;
      const dueAt = addMonths(version.baseline, period * options.months);
      const note = `due ${dueAt.toISOString()}`;
      if (done.has(`${version.id} ${note}`)) continue;
      await R.insertVersionEvent(tx, {
        versionId: version.id,
        action: R.REVIEW_REMINDED,
        actorId: null,
        actorName: null,
        note,
        occurredAt: at,
      });
      await emit(tx, 'standards.review.due', {
        versionId: version.id,
        serviceId: version.serviceId,
        serviceName: version.serviceName,
        number: version.number,
        serviceUnitId: version.serviceUnitId,
        agencyId: version.agencyId,
        dueAt: dueAt.toISOString(),
        reviewedOrPublishedAt: version.baseline.toISOString(),
        months: options.months,
      });
      reminded++;
    }
    return { reminded };
  });
}
