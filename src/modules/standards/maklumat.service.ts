import { coversSubject, isUuid, scopesFor, type Actor, type TenantPath } from '../../platform/access/access.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { emit } from '../../platform/events/outbox.js';
import { recordAudit } from '../audit/index.js';
import { scopeNode } from '../organizations/index.js';
import type { PublishedMaklumat } from './catalog.queries.js';
import * as E from './maklumat.errors.js';
import * as R from './maklumat.repository.js';
import type { MaklumatRow } from './maklumat.repository.js';
import { PROMISES, type MaklumatBody, type MaklumatEdit, type PublishBody } from './maklumat.schemas.js';

/**
 * The service pledge (Maklumat Pelayanan) of a service unit: drafted from the standard wording, edited
 * while a draft, then published, which supersedes the pledge in force in the same transaction. Only staff
 * holding `standards.manage` at the unit, its agency or the platform may touch a unit's pledges; anyone
 * else is told there is no such pledge. Every change is audited with the unit as its tenant.
 */

export const STANDARDS_MANAGE = 'standards.manage';

export interface MaklumatContext {
  db: Db;
  actor: Actor;
  requestId?: string | undefined;
  /** The clock, for tests; the current time unless given. */
  now?: () => Date;
}

export interface PledgeUnit {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
}

type PledgeText = Pick<MaklumatBody, 'opening' | 'promiseStandard' | 'promiseObligation' | 'promiseSanction' | 'closing'>;

/**
 * The usual wording of a pledge, with the three promises UU 25/2009 requires (domain.md §1.3): to deliver the
 * service as the standard sets it; to serve according to the provider's obligations and keep improving; to
 * accept sanctions and/or pay compensation when the service falls short of the standard. A new draft starts
 * from it, so a unit only adapts it.
 */
export function standardWording(unitName: string): PledgeText {
  return {
    opening: `Dengan ini, kami ${unitName} menyatakan:`,
    promiseStandard: 'Sanggup menyelenggarakan pelayanan sesuai dengan standar pelayanan yang telah ditetapkan.',
    promiseObligation:
      'Sanggup memberikan pelayanan sesuai dengan kewajiban kami sebagai penyelenggara pelayanan publik dan akan melakukan perbaikan secara terus-menerus.',
    promiseSanction:
      'Bersedia menerima sanksi dan/atau memberikan kompensasi sesuai dengan peraturan perundang-undangan apabila pelayanan yang kami berikan tidak sesuai dengan standar pelayanan.',
    closing: undefined,
  };
}

/** The field message of a blank promise: the refusal's own text. */
const PROMISE_MISSING_KEY = 'standards.error.STANDARDS_MAKLUMAT_PROMISE_MISSING';

const clock = (ctx: MaklumatContext) => (ctx.now ? ctx.now() : new Date());
const pathOf = (row: Pick<MaklumatRow, 'agencyId' | 'serviceUnitId'>): TenantPath => ({
  agencyId: row.agencyId,
  unitId: row.serviceUnitId,
});
const covers = (ctx: MaklumatContext, path: TenantPath) => coversSubject(ctx.actor, STANDARDS_MANAGE, path);

/** Today's date in Jakarta, as a date input wants it (YYYY-MM-DD). */
const today = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);

/** An active unit inside the actor's scope, with its agency's name; otherwise "no such pledge". */
async function unitInScope(ctx: MaklumatContext, db: Db | Tx, serviceUnitId: string): Promise<PledgeUnit> {
  const unit = await scopeNode(db, 'unit', serviceUnitId);
  if (!unit?.active || !unit.path.agencyId || !covers(ctx, unit.path)) throw E.MaklumatNotFound();
  const agency = await scopeNode(db, 'agency', unit.path.agencyId);
  return { id: serviceUnitId, name: unit.name, agencyId: unit.path.agencyId, agencyName: agency?.name ?? '' };
}

/** A pledge inside the actor's scope; otherwise "no such pledge", whether or not it exists. */
function inScope(ctx: MaklumatContext, row: MaklumatRow | undefined): MaklumatRow {
  if (!row || !covers(ctx, pathOf(row))) throw E.MaklumatNotFound();
  return row;
}

/** The three promises are the pledge; a blank one is refused field by field, even from a seed or a test. */
function fieldsOf(input: MaklumatBody): R.MaklumatFields {
  const blank = PROMISES.filter((p) => !input[p]?.trim());
  if (blank.length > 0) throw E.MaklumatPromiseMissing({}, { fields: blank.map((path) => ({ path, key: PROMISE_MISSING_KEY })) });
  const optional = (v: string | undefined) => v?.trim() || null;
  return {
    opening: optional(input.opening),
    promiseStandard: input.promiseStandard.trim(),
    promiseObligation: input.promiseObligation.trim(),
    promiseSanction: input.promiseSanction.trim(),
    closing: optional(input.closing),
    signatoryName: input.signatoryName.trim(),
    signatoryTitle: input.signatoryTitle.trim(),
    signedAt: input.signedAt,
    place: input.place.trim(),
  };
}

async function audit(tx: Tx, ctx: MaklumatContext, action: string, row: MaklumatRow) {
  const { id, serviceUnitId: _unit, agencyId: _agency, createdAt: _created, updatedAt: _updated, ...after } = row;
  await recordAudit(tx, {
    actor: ctx.actor,
    action: `standards.maklumat.${action}`,
    subject: { type: 'maklumat', id },
    after,
    requestId: ctx.requestId,
    tenant: pathOf(row),
  });
}

/** Locks a draft of the actor's scope for a change at the version the form was read at. */
async function lockDraft(tx: Tx, ctx: MaklumatContext, id: string, version: number): Promise<MaklumatRow> {
  const found = inScope(ctx, await R.findMaklumat(tx, id));
  await R.lockPledgesOfUnit(tx, found.serviceUnitId);
  const row = (await R.lockMaklumat(tx, id))!;
  if (row.status !== 'draft') throw E.MaklumatNotDraft();
  if (row.version !== version) throw E.MaklumatVersionConflict({ current: row.version });
  return row;
}

// ---- reading ------------------------------------------------------------------------------------

/** The units the actor looks after, with the state of their pledges, for the staff list. */
export async function listUnitPledges(ctx: MaklumatContext, filter: { q?: string | undefined; page: number; pageSize: number }) {
  return R.listUnitsInScope(ctx.db, scopesFor(ctx.actor, STANDARDS_MANAGE), filter);
}

/**
 * A unit's pledge in force, its draft and every pledge it has had (newest first).
 * @throws STANDARDS_MAKLUMAT_NOT_FOUND for a unit that is inactive, unknown or outside the actor's scope.
 */
export async function getUnitPledges(ctx: MaklumatContext, serviceUnitId: string) {
  const unit = await unitInScope(ctx, ctx.db, serviceUnitId);
  const history = await R.listMaklumatOfUnit(ctx.db, unit.id);
  return {
    unit,
    published: history.find((m) => m.status === 'published'),
    draft: history.find((m) => m.status === 'draft'),
    history,
  };
}

/**
 * One pledge with its unit, for the preview, edit and publish pages.
 * @throws STANDARDS_MAKLUMAT_NOT_FOUND outside the actor's scope.
 */
export async function getMaklumat(ctx: MaklumatContext, id: string) {
  const maklumat = inScope(ctx, await R.findMaklumat(ctx.db, id));
  const unit = await scopeNode(ctx.db, 'unit', maklumat.serviceUnitId);
  const agency = await scopeNode(ctx.db, 'agency', maklumat.agencyId);
  const published = maklumat.status === 'draft' ? await R.findMaklumatOfUnit(ctx.db, maklumat.serviceUnitId, 'published') : undefined;
  return {
    maklumat,
    unit: { id: maklumat.serviceUnitId, name: unit?.name ?? '', agencyId: maklumat.agencyId, agencyName: agency?.name ?? '' },
    /** For a draft: the pledge it would supersede. */
    published,
  };
}

/**
 * What a new draft starts from: the pledge in force when there is one, else the standard wording; signed
 * today, at the place and by the head of unit of the pledge in force.
 * @throws STANDARDS_MAKLUMAT_NOT_FOUND for a unit outside the actor's scope.
 */
export async function prefillMaklumat(ctx: MaklumatContext, serviceUnitId: string): Promise<{ unit: PledgeUnit; values: MaklumatBody }> {
  const unit = await unitInScope(ctx, ctx.db, serviceUnitId);
  const current = await R.findMaklumatOfUnit(ctx.db, unit.id, 'published');
  const text = current
    ? {
        opening: current.opening ?? undefined,
        promiseStandard: current.promiseStandard,
        promiseObligation: current.promiseObligation,
        promiseSanction: current.promiseSanction,
        closing: current.closing ?? undefined,
      }
    : standardWording(unit.name);
  return {
    unit,
    values: {
      ...text,
      signatoryName: current?.signatoryName ?? '',
      signatoryTitle: current?.signatoryTitle ?? `Kepala ${unit.name}`,
      signedAt: today(clock(ctx)),
      place: current?.place ?? '',
    },
  };
}

/** The id of the unit's draft, if it has one, so a second "new" goes on with it. */
export async function findDraftId(ctx: MaklumatContext, serviceUnitId: string): Promise<string | undefined> {
  const unit = await unitInScope(ctx, ctx.db, serviceUnitId);
  return (await R.findMaklumatOfUnit(ctx.db, unit.id, 'draft'))?.id;
}

// ---- changing -----------------------------------------------------------------------------------

/**
 * Starts the unit's next pledge as a draft.
 * @throws STANDARDS_MAKLUMAT_NOT_FOUND for a unit outside the actor's scope;
 *   STANDARDS_MAKLUMAT_DRAFT_EXISTS when the unit already has a draft;
 *   STANDARDS_MAKLUMAT_PROMISE_MISSING when a promise is blank.
 */
export async function createMaklumatDraft(ctx: MaklumatContext, serviceUnitId: string, input: MaklumatBody): Promise<MaklumatRow> {
  const fields = fieldsOf(input);
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await unitInScope(ctx, tx, serviceUnitId);
    await R.lockPledgesOfUnit(tx, unit.id);
    if (await R.findMaklumatOfUnit(tx, unit.id, 'draft')) throw E.MaklumatDraftExists();
    const row = await R.insertMaklumat(tx, {
      ...fields,
      serviceUnitId: unit.id,
      agencyId: unit.agencyId,
      status: 'draft',
      createdAt: clock(ctx),
    });
    await audit(tx, ctx, 'drafted', row);
    return row;
  });
}

/**
 * Saves a draft.
 * @throws STANDARDS_MAKLUMAT_NOT_FOUND outside the actor's scope; STANDARDS_MAKLUMAT_NOT_DRAFT once published;
 *   STANDARDS_MAKLUMAT_VERSION_CONFLICT when it changed since it was read; STANDARDS_MAKLUMAT_PROMISE_MISSING.
 */
export async function editMaklumatDraft(ctx: MaklumatContext, id: string, input: MaklumatEdit): Promise<MaklumatRow> {
  const fields = fieldsOf(input);
  return ctx.db.transaction().execute(async (tx) => {
    await lockDraft(tx, ctx, id, input.version);
    const row = await R.updateMaklumat(tx, id, fields);
    await audit(tx, ctx, 'changed', row);
    return row;
  });
}

/**
 * Publishes a draft: the unit's pledge in force becomes superseded in the same transaction, so the public
 * page never shows two pledges, or none in between (the database also allows only one published per unit).
 * @throws STANDARDS_MAKLUMAT_NOT_FOUND, STANDARDS_MAKLUMAT_NOT_DRAFT, STANDARDS_MAKLUMAT_VERSION_CONFLICT.
 */
export async function publishMaklumat(
  ctx: MaklumatContext,
  id: string,
  input: PublishBody,
): Promise<{ published: MaklumatRow; superseded: MaklumatRow | undefined }> {
  return ctx.db.transaction().execute(async (tx) => {
    const draft = await lockDraft(tx, ctx, id, input.version);
    const at = clock(ctx);
    const current = await R.findMaklumatOfUnit(tx, draft.serviceUnitId, 'published');
    const superseded = current && (await R.updateMaklumat(tx, current.id, { status: 'superseded', supersededAt: at }));
    if (superseded) await audit(tx, ctx, 'superseded', superseded);
    const published = await R.updateMaklumat(tx, id, { status: 'published', publishedAt: at });
    await audit(tx, ctx, 'published', published);
    await emit(
      tx,
      'standards.maklumat.published',
      { maklumatId: id, serviceUnitId: published.serviceUnitId, agencyId: published.agencyId, supersededId: superseded?.id ?? null },
      ctx.requestId ? { requestId: ctx.requestId } : {},
    );
    return { published, superseded };
  });
}

// ---- the public side ----------------------------------------------------------------------------

export interface PublicMaklumat extends PublishedMaklumat {
  id: string;
  publishedAt: Date;
}

/** The pledge in force of a unit, as the public sees it; undefined when it has none. */
export async function findPublishedMaklumat(db: Db, serviceUnitId: string): Promise<PublicMaklumat | undefined> {
  if (!isUuid(serviceUnitId)) return undefined;
  const row = await R.findMaklumatOfUnit(db, serviceUnitId, 'published');
  if (!row?.publishedAt) return undefined;
  return {
    id: row.id,
    opening: row.opening,
    promises: [row.promiseStandard, row.promiseObligation, row.promiseSanction],
    closing: row.closing,
    signatoryName: row.signatoryName,
    signatoryTitle: row.signatoryTitle,
    place: row.place,
    signedAt: row.signedAt,
    publishedAt: row.publishedAt,
  };
}
