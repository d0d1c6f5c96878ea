import { scopesFor, type Actor, type Scope } from '../../platform/access/access.js';
import { tablesOf, type Db, type Tx } from '../../platform/db/database.js';
import { emit } from '../../platform/events/outbox.js';
import { recordAudit } from '../audit/index.js';
import { organizationSubjects } from './organizations.subjects.js';
import * as E from './organizations.errors.js';
import * as R from './organizations.repository.js';
import type { LifecycleTable } from './organizations.repository.js';
import type {
  AgencyBody,
  AgencyEdit,
  BoothBody,
  BoothEdit,
  CounterBody,
  CounterEdit,
  DeactivateBody,
  MallBody,
  MallEdit,
  OpeningHours,
  OrgUnitBody,
  OrgUnitEdit,
  ServiceUnitBody,
  ServiceUnitEdit,
} from './organizations.schemas.js';
import type { OrganizationsTables } from './organizations.tables.js';
import { timeZoneOfProvince } from './time-zone.js';

export const MANAGE = 'organizations.manage';

export interface ServiceContext {
  db: Db;
  actor: Actor;
  requestId?: string;
}

const scopes = (ctx: ServiceContext) => scopesFor(ctx.actor, MANAGE);

/** Whether the scopes cover a row that belongs to this agency, unit and mall; the in-memory twin of `inScope`. */
export function coversTarget(scopeList: readonly Scope[], target: { agencyId?: string; unitId?: string; mallId?: string }): boolean {
  return scopeList.some(
    (s) =>
      s.kind === 'platform' ||
      (s.kind === 'agency' && s.id !== undefined && s.id === target.agencyId) ||
      (s.kind === 'unit' && s.id !== undefined && s.id === target.unitId) ||
      (s.kind === 'mall' && s.id !== undefined && s.id === target.mallId),
  );
}

/** Postgres reports a duplicate as SQLSTATE 23505 naming the index; the unique indexes are all `*_code_uq`. */
function isCodeTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  const constraint = typeof e.constraint === 'string' ? e.constraint : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return e.code === '23505' && (constraint.endsWith('_code_uq') || message.includes('_code_uq'));
}

/** Runs a write; a duplicate code becomes a field error on `code`, never a 500. */
async function write<T>(ctx: ServiceContext, fn: (tx: Tx, db: ReturnType<typeof tablesOf<OrganizationsTables>>) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute((tx) => fn(tx, tablesOf<OrganizationsTables>(tx)));
  } catch (error) {
    if (isCodeTaken(error)) {
      throw E.CodeTaken({}, { fields: [{ path: 'code', key: 'organizations.error.ORGANIZATIONS_CODE_TAKEN' }] });
    }
    throw error;
  }
}

const invalid = (path: string) =>
  E.ReferenceInvalid({}, { fields: [{ path, key: 'organizations.error.ORGANIZATIONS_REFERENCE_INVALID' }] });

const meta = (ctx: ServiceContext) => (ctx.requestId ? { requestId: ctx.requestId } : {});

const AUDITED_FIELDS = ['code', 'name', 'kind', 'regionCode', 'address', 'timeZone', 'active', 'version'] as const;

/**
 * Every change is announced twice in its own transaction: an outbox event for other modules, and an
 * audit record of who did it. Payloads lead with the subject's id, which names the audit subject.
 */
async function announce(tx: Tx, ctx: ServiceContext, action: string, payload: Record<string, unknown>, row: object) {
  await emit(tx, action, payload, meta(ctx));
  const values = row as Record<string, unknown>;
  const after = Object.fromEntries(AUDITED_FIELDS.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));
  const subject = { type: action.split('.')[1]!, id: String(Object.values(payload)[0]) };
  await recordAudit(tx, {
    actor: ctx.actor,
    action,
    subject,
    after,
    requestId: ctx.requestId,
    // The record's place in the tree (a booth: its agency, unit and mall), so auditors scoped there read
    // the change; looked up by the subject's access resolver (`org-unit` → `orgUnitId`) inside this transaction.
    tenant: await organizationSubjects[`${subject.type.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}Id`]?.(tx, subject.id),
  });
}

/** Locks the row for a versioned change: 404 outside the scope (its existence is not revealed), 409 on a stale version. */
async function lockForChange(
  db: ReturnType<typeof tablesOf<OrganizationsTables>>,
  ctx: ServiceContext,
  table: LifecycleTable,
  id: string,
  version: number,
) {
  const row = await R.lockInScope(db, table, id, scopes(ctx));
  if (!row) throw E.NotFound();
  if (row.version !== version) throw E.VersionConflict({ current: row.version });
  return row;
}

async function requireRegion(db: ReturnType<typeof tablesOf<OrganizationsTables>>, code: string | undefined, path: string, level?: string) {
  if (code === undefined) return undefined;
  const region = await R.findRegion(db, code);
  if (!region || (level && region.level !== level)) throw invalid(path);
  return region;
}

// ---- agencies -----------------------------------------------------------------------------------

/** Registers an agency. Only the platform scope may: an agency's staff cannot create other agencies. */
export async function createAgency(ctx: ServiceContext, input: AgencyBody) {
  if (!scopes(ctx).some((s) => s.kind === 'platform')) throw E.OutOfScope();
  return write(ctx, async (tx, db) => {
    await requireRegion(db, input.regionCode, 'regionCode');
    const row = await R.insertAgency(db, { code: input.code, name: input.name, kind: input.kind, regionCode: input.regionCode ?? null });
    await announce(tx, ctx, 'organizations.agency.created', { agencyId: row.id, code: row.code, kind: row.kind }, row);
    return row;
  });
}

export async function editAgency(ctx: ServiceContext, id: string, input: AgencyEdit) {
  return write(ctx, async (tx, db) => {
    await lockForChange(db, ctx, 'organizations.agency', id, input.version);
    await requireRegion(db, input.regionCode, 'regionCode');
    const row = await R.updateAgency(db, id, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      regionCode: input.regionCode ?? null,
    });
    await announce(tx, ctx, 'organizations.agency.changed', { agencyId: id, code: row.code }, row);
    return row;
  });
}

// ---- organizational units -----------------------------------------------------------------------

export async function createOrgUnit(ctx: ServiceContext, input: OrgUnitBody) {
  return write(ctx, async (tx, db) => {
    const agency = await R.findAgency(db, input.agencyId);
    if (!agency?.active || !coversTarget(scopes(ctx), { agencyId: agency.id })) throw invalid('agencyId');
    if (input.parentId) {
      const parent = await R.findOrgUnit(db, input.parentId);
      if (!parent?.active || parent.agencyId !== agency.id) throw invalid('parentId');
    }
    const row = await R.insertOrgUnit(db, { agencyId: agency.id, parentId: input.parentId ?? null, code: input.code, name: input.name });
    await announce(tx, ctx, 'organizations.org-unit.created', { orgUnitId: row.id, agencyId: agency.id }, row);
    return row;
  });
}

export async function editOrgUnit(ctx: ServiceContext, id: string, input: OrgUnitEdit) {
  return write(ctx, async (tx, db) => {
    await lockForChange(db, ctx, 'organizations.orgUnit', id, input.version);
    const current = (await R.findOrgUnit(db, id))!;
    if (input.parentId) {
      const parent = await R.findOrgUnit(db, input.parentId);
      if (!parent?.active || parent.agencyId !== current.agencyId) throw invalid('parentId');
      // A unit cannot hang under itself or under one of its own descendants: walk up from the new parent.
      for (let at: string | null = parent.id, depth = 0; at !== null; depth++) {
        if (at === id || depth > 100) throw invalid('parentId');
        at = (await R.findOrgUnit(db, at))?.parentId ?? null;
      }
    }
    const row = await R.updateOrgUnit(db, id, { parentId: input.parentId ?? null, code: input.code, name: input.name });
    await announce(tx, ctx, 'organizations.org-unit.changed', { orgUnitId: id }, row);
    return row;
  });
}

// ---- service units (UPP) ------------------------------------------------------------------------

export async function createServiceUnit(ctx: ServiceContext, input: ServiceUnitBody) {
  return write(ctx, async (tx, db) => {
    const agency = await R.findAgency(db, input.agencyId);
    if (!agency?.active || !coversTarget(scopes(ctx), { agencyId: agency.id })) throw invalid('agencyId');
    await requireRegion(db, input.regionCode, 'regionCode');
    if (input.orgUnitId) {
      const orgUnit = await R.findOrgUnit(db, input.orgUnitId);
      if (!orgUnit?.active || orgUnit.agencyId !== agency.id) throw invalid('orgUnitId');
    }
    const row = await R.insertServiceUnit(db, {
      agencyId: agency.id,
      orgUnitId: input.orgUnitId ?? null,
      code: input.code,
      name: input.name,
      regionCode: input.regionCode,
      address: input.address ?? null,
    });
    await announce(
      tx,
      ctx,
      'organizations.service-unit.created',
      { serviceUnitId: row.id, agencyId: agency.id, regionCode: row.regionCode },
      row,
    );
    return row;
  });
}

export async function editServiceUnit(ctx: ServiceContext, id: string, input: ServiceUnitEdit) {
  return write(ctx, async (tx, db) => {
    await lockForChange(db, ctx, 'organizations.serviceUnit', id, input.version);
    const current = (await R.findServiceUnit(db, id))!;
    await requireRegion(db, input.regionCode, 'regionCode');
    if (input.orgUnitId) {
      const orgUnit = await R.findOrgUnit(db, input.orgUnitId);
      if (!orgUnit?.active || orgUnit.agencyId !== current.agencyId) throw invalid('orgUnitId');
    }
    const row = await R.updateServiceUnit(db, id, {
      orgUnitId: input.orgUnitId ?? null,
      code: input.code,
      name: input.name,
      regionCode: input.regionCode,
      address: input.address ?? null,
    });
    await announce(tx, ctx, 'organizations.service-unit.changed', { serviceUnitId: id }, row);
    return row;
  });
}

// ---- malls (MPP) --------------------------------------------------------------------------------

const toHourRows = (hours: OpeningHours) => ({
  weekly: hours.weekly.map((w) => ({ weekday: w.weekday, opensAt: w.opensAt, closesAt: w.closesAt })),
  exceptions: hours.exceptions.map((e) => ({ date: e.date, opensAt: e.opensAt, closesAt: e.closesAt, reason: e.reason })),
});

/** Opens a mall in a regency/city (Perpres 89/2021 art. 3); its time zone follows from the region code. */
export async function createMall(ctx: ServiceContext, input: MallBody) {
  if (!scopes(ctx).some((s) => s.kind === 'platform')) throw E.OutOfScope();
  return write(ctx, async (tx, db) => {
    await requireRegion(db, input.regionCode, 'regionCode', 'regency');
    const row = await R.insertMall(db, {
      regionCode: input.regionCode,
      code: input.code,
      name: input.name,
      address: input.address,
      timeZone: timeZoneOfProvince(input.regionCode),
    });
    if (input.hours) {
      const hours = toHourRows(input.hours);
      await R.replaceMallHours(db, row.id, hours.weekly, hours.exceptions);
    }
    await announce(tx, ctx, 'organizations.mall.created', { mallId: row.id, regionCode: row.regionCode, timeZone: row.timeZone }, row);
    return row;
  });
}

export async function editMall(ctx: ServiceContext, id: string, input: MallEdit) {
  return write(ctx, async (tx, db) => {
    await lockForChange(db, ctx, 'organizations.mall', id, input.version);
    await requireRegion(db, input.regionCode, 'regionCode', 'regency');
    const row = await R.updateMall(db, id, {
      regionCode: input.regionCode,
      code: input.code,
      name: input.name,
      address: input.address,
      timeZone: timeZoneOfProvince(input.regionCode),
    });
    if (input.hours) {
      const hours = toHourRows(input.hours);
      await R.replaceMallHours(db, id, hours.weekly, hours.exceptions);
    }
    await announce(tx, ctx, 'organizations.mall.changed', { mallId: id }, row);
    return row;
  });
}

// ---- booths and counters ------------------------------------------------------------------------

export async function createBooth(ctx: ServiceContext, input: BoothBody) {
  return write(ctx, async (tx, db) => {
    const mall = await R.findMall(db, input.mallId);
    if (!mall?.active) throw invalid('mallId');
    const unit = await R.findServiceUnit(db, input.serviceUnitId);
    if (!unit?.active) throw invalid('serviceUnitId');
    if (!coversTarget(scopes(ctx), { mallId: mall.id, agencyId: unit.agencyId, unitId: unit.id })) throw invalid('mallId');
    const row = await R.insertBooth(db, { mallId: mall.id, serviceUnitId: unit.id, code: input.code, name: input.name });
    await announce(tx, ctx, 'organizations.booth.created', { boothId: row.id, mallId: mall.id, serviceUnitId: unit.id }, row);
    return row;
  });
}

export async function editBooth(ctx: ServiceContext, id: string, input: BoothEdit) {
  return write(ctx, async (tx, db) => {
    await lockForChange(db, ctx, 'organizations.booth', id, input.version);
    const row = await R.updateBooth(db, id, { code: input.code, name: input.name });
    await announce(tx, ctx, 'organizations.booth.changed', { boothId: id }, row);
    return row;
  });
}

export async function createCounter(ctx: ServiceContext, input: CounterBody) {
  return write(ctx, async (tx, db) => {
    const booth = await R.findBooth(db, input.boothId);
    if (!booth?.active) throw invalid('boothId');
    const unit = (await R.findServiceUnit(db, booth.serviceUnitId))!;
    if (!coversTarget(scopes(ctx), { mallId: booth.mallId, agencyId: unit.agencyId, unitId: unit.id })) throw invalid('boothId');
    const row = await R.insertCounter(db, { boothId: booth.id, code: input.code, name: input.name });
    await announce(tx, ctx, 'organizations.counter.created', { counterId: row.id, boothId: booth.id }, row);
    return row;
  });
}

export async function editCounter(ctx: ServiceContext, id: string, input: CounterEdit) {
  return write(ctx, async (tx, db) => {
    await lockForChange(db, ctx, 'organizations.counter', id, input.version);
    const row = await R.updateCounter(db, id, { code: input.code, name: input.name });
    await announce(tx, ctx, 'organizations.counter.changed', { counterId: id }, row);
    return row;
  });
}

// ---- deactivation -------------------------------------------------------------------------------

export type DeactivatableKind = 'agency' | 'org-unit' | 'service-unit' | 'mall' | 'booth' | 'counter';

const TABLE_OF: Record<DeactivatableKind, LifecycleTable> = {
  agency: 'organizations.agency',
  'org-unit': 'organizations.orgUnit',
  'service-unit': 'organizations.serviceUnit',
  mall: 'organizations.mall',
  booth: 'organizations.booth',
  counter: 'organizations.counter',
};

/**
 * Deactivates (never deletes) a row. An agency, service unit or mall that still has active booths is
 * refused: the booths serve queues, so they are closed first, deliberately. A booth takes its counters with it.
 */
export async function deactivate(ctx: ServiceContext, kind: DeactivatableKind, id: string, input: DeactivateBody) {
  return ctx.db.transaction().execute(async (tx) => {
    const db = tablesOf<OrganizationsTables>(tx);
    const table = TABLE_OF[kind];
    const row = await lockForChange(db, ctx, table, id, input.version);
    if (!row.active) throw E.AlreadyInactive();
    const blocking =
      kind === 'agency'
        ? await R.countActiveBooths(db, { agencyId: id })
        : kind === 'service-unit'
          ? await R.countActiveBooths(db, { serviceUnitId: id })
          : kind === 'mall'
            ? await R.countActiveBooths(db, { mallId: id })
            : 0;
    if (blocking > 0) throw E.HasActiveBooths({ count: blocking });
    if (kind === 'booth') await R.deactivateCountersOfBooth(db, id);
    const done = await R.markDeactivated(db, table, id);
    await announce(tx, ctx, `organizations.${kind}.deactivated`, { id }, done);
    return done;
  });
}
