import type { Kysely } from 'kysely';
import { coversSubject, scopesFor, type Actor, type TenantPath } from '../../platform/access/access.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { FieldError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { listScopeNodes, openingHoursOfMall, regionOfServiceUnit, scopeNode, timeZoneOfProvince } from '../organizations/index.js';
import * as E from './calendar.errors.js';
import * as R from './calendar.repository.js';
import type { LocalDayOwner, LocalDayRow, NationalDayRow } from './calendar.repository.js';
import type { LocalDayBody, NationalDayBody, NationalDayEdit, WithdrawBody } from './calendar.schemas.js';
import {
  addDays,
  assertDayHours,
  fixedCalendar,
  isoWeekday,
  PERPRES_WEEK,
  type DayHours,
  type TimeZone,
  type WorkingCalendar,
} from './clock.js';

/**
 * The working-day calendar's use cases (domain.md §11): national holidays and cuti bersama kept by
 * platform admins from each year's SKB (changed under an optimistic version, withdrawn rather than
 * deleted, every change audited); a unit's weekly schedule and local days, kept by its unit or agency
 * admins; a mall's local days, kept by its mall manager; and `loadWorkingCalendar`, which layers them
 * into the WorkingCalendar the legal clock counts on. A unit or mall outside the actor's scope is
 * answered as unknown.
 */

export const CALENDAR_MANAGE = 'calendar.manage';

export interface CalendarContext {
  db: Db;
  actor: Actor;
  requestId?: string | undefined;
  /** The clock, for tests; the current time unless given. */
  now?: () => Date;
}

const clock = (ctx: CalendarContext) => (ctx.now ? ctx.now() : new Date());
const hhmm = (time: string) => time.slice(0, 5);
const FIELD_KEY = 'calendar.error.CALENDAR_HOURS_INVALID';

// ---- loading the calendar -------------------------------------------------------------------------

/**
 * The calendar a service unit works by: its own weekly schedule (default Mon–Thu 07:30–16:00, Fri 07:30–16:30, Perpres 21/2023), minus national holidays and cuti bersama in force, minus its local closures, plus its extra service days; when mallId is given, the mall's opening hours (organizations.mall_hours, exceptions) instead of the unit's weekly schedule (e.g. a mall open on Saturday), still minus national days unless the mall declared the date a service day. Preloads every day it needs (e.g. 2 years around now) so hoursOn is synchronous.
 *
 * Layers, first match wins, for a date at a unit: the unit's local day (closed, or open with hours) →
 * a national day in force (closed) → the unit's week. At a mall: the unit's local closure (its staff are
 * not there) → the mall's local day → the mall's dated hours exception (organizations) → a national day
 * (closed) → the mall's week (the unit's week when the mall has no hours). Every national and local day
 * is loaded (a few dozen rows a year), so any date the clock asks about is known. The time zone is the
 * mall's, or the unit's province's.
 * @throws CALENDAR_PLACE_NOT_FOUND for an unknown unit or mall.
 */
export async function loadWorkingCalendar(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass their own module's handle or transaction
  db: Kysely<any>,
  where: { serviceUnitId: string; mallId?: string | null },
): Promise<WorkingCalendar> {
  const unit = await regionOfServiceUnit(db, where.serviceUnitId);
  if (!unit) throw E.PlaceNotFound();
  const mall = where.mallId ? await openingHoursOfMall(db, where.mallId) : undefined;
  if (where.mallId && !mall) throw E.PlaceNotFound();
  const [national, schedule, unitDays, mallDays] = await Promise.all([
    R.listNationalDays(db, { activeOnly: true }),
    R.findUnitSchedule(db, where.serviceUnitId),
    R.listLocalDays(db, { serviceUnitId: where.serviceUnitId }),
    mall ? R.listLocalDays(db, { mallId: mall.id }) : Promise.resolve([]),
  ]);

  const unitWeek = schedule.length ? weekOf(schedule) : PERPRES_WEEK;
  const timeZone: TimeZone = mall ? mall.timeZone : timeZoneOfProvince(unit.regionCode);
  const nationalCalendar = fixedCalendar({
    timeZone,
    weekly: mall && mall.weekly.length ? weekOf(mall.weekly) : unitWeek,
    closed: Object.fromEntries(national.map((d) => [d.date, d.nameId])),
  });
  // Dated layers above the national days, in order: a date's first entry wins.
  const dated = new Map<string, { hours: DayHours | null; reason: string }>();
  const put = (date: string, hours: DayHours | null, reason: string) => {
    if (!dated.has(date)) dated.set(date, { hours, reason });
  };
  if (mall) {
    for (const d of unitDays) if (d.kind === 'closed') put(d.date, null, d.reason);
    for (const d of mallDays) put(d.date, hoursOfLocal(d), d.reason);
    for (const e of mall.exceptions) {
      put(e.date, e.opensAt && e.closesAt ? { opens: hhmm(e.opensAt), closes: hhmm(e.closesAt) } : null, e.reason);
    }
  } else {
    for (const d of unitDays) put(d.date, hoursOfLocal(d), d.reason);
  }
  return {
    timeZone,
    hoursOn: (date) => {
      const layer = dated.get(date);
      return layer ? layer.hours : nationalCalendar.hoursOn(date);
    },
    closedReason: (date) => {
      const layer = dated.get(date);
      if (layer) return layer.hours ? undefined : layer.reason;
      return nationalCalendar.closedReason?.(date);
    },
  };
}

function weekOf(
  rows: readonly { weekday: number; opensAt: string; closesAt: string }[],
): Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, DayHours>> {
  return Object.fromEntries(rows.map((r) => [r.weekday, { opens: hhmm(r.opensAt), closes: hhmm(r.closesAt) }]));
}

function hoursOfLocal(day: Pick<LocalDayRow, 'kind' | 'opensAt' | 'closesAt'>): DayHours | null {
  return day.kind === 'open' && day.opensAt && day.closesAt ? { opens: hhmm(day.opensAt), closes: hhmm(day.closesAt) } : null;
}

/** Each date from `from` to `to` with its hours (null when closed) and why it is closed, for the API and pages. */
export function daysOf(calendar: WorkingCalendar, from: string, to: string) {
  const days: {
    date: string;
    weekday: number;
    working: boolean;
    opens: string | null;
    closes: string | null;
    closedReason: string | null;
  }[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const hours = calendar.hoursOn(date);
    days.push({
      date,
      weekday: isoWeekday(date),
      working: hours !== null,
      opens: hours?.opens ?? null,
      closes: hours?.closes ?? null,
      closedReason: hours ? null : (calendar.closedReason?.(date) ?? null),
    });
  }
  return days;
}

// ---- national days --------------------------------------------------------------------------------

const isPlatformAdmin = (actor: Actor) => scopesFor(actor, CALENDAR_MANAGE).some((s) => s.kind === 'platform');

/** National days of a year, in force, for the public page and API. */
export async function listPublicNationalDays(db: Db, year: number): Promise<NationalDayRow[]> {
  return R.listNationalDays(db, { year, activeOnly: true });
}

/** Every national day of a year, withdrawn ones too, for the admin page. */
export async function listNationalDaysForAdmin(ctx: CalendarContext, year: number): Promise<NationalDayRow[]> {
  requirePlatform(ctx);
  return R.listNationalDays(ctx.db, { year });
}

/** @throws CALENDAR_NATIONAL_DAY_NOT_FOUND. */
export async function getNationalDay(ctx: CalendarContext, id: string): Promise<NationalDayRow> {
  requirePlatform(ctx);
  const row = await R.findNationalDay(ctx.db, id);
  if (!row) throw E.NationalDayNotFound();
  return row;
}

/** Routes already demand platform scope; a job or seed calling in with less is refused the same way. */
function requirePlatform(ctx: CalendarContext) {
  if (!isPlatformAdmin(ctx.actor)) throw E.NationalDayNotFound();
}

async function auditNationalDay(tx: Tx, ctx: CalendarContext, verb: string, row: NationalDayRow, before?: NationalDayRow) {
  const summary = (r: NationalDayRow) => ({
    date: r.date,
    kind: r.kind,
    nameId: r.nameId,
    nameEn: r.nameEn,
    decree: r.decree,
    status: r.status,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
  });
  await recordAudit(tx, {
    actor: ctx.actor,
    action: `calendar.national-day.${verb}`,
    subject: { type: 'national-day', id: row.id },
    before: before && summary(before),
    after: summary(row),
    requestId: ctx.requestId,
  });
}

/**
 * Adds a national holiday or cuti bersama from a decree (or its amendment).
 * @throws CALENDAR_NATIONAL_DAY_EXISTS when a day is already in force on that date.
 */
export async function addNationalDay(ctx: CalendarContext, input: NationalDayBody): Promise<NationalDayRow> {
  requirePlatform(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    await R.lockNationalDays(tx);
    if (await R.findActiveNationalDayOn(tx, input.date)) {
      throw E.NationalDayExists({}, { fields: [{ path: 'date', key: 'calendar.error.CALENDAR_NATIONAL_DAY_EXISTS' }] });
    }
    const row = await R.insertNationalDay(tx, fieldsOfNational(input));
    await auditNationalDay(tx, ctx, 'added', row);
    return row;
  });
}

/**
 * Changes a national day in force (its date, kind, names or decree), at the version the form was read at.
 * @throws CALENDAR_NATIONAL_DAY_NOT_FOUND; CALENDAR_NATIONAL_DAY_WITHDRAWN; CALENDAR_NATIONAL_DAY_VERSION_CONFLICT;
 *   CALENDAR_NATIONAL_DAY_EXISTS when moved onto a date that already has one.
 */
export async function changeNationalDay(ctx: CalendarContext, id: string, input: NationalDayEdit): Promise<NationalDayRow> {
  requirePlatform(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    await R.lockNationalDays(tx);
    const before = await lockActiveNationalDay(tx, id, input.version);
    const other = await R.findActiveNationalDayOn(tx, input.date);
    if (other && other.id !== id) {
      throw E.NationalDayExists({}, { fields: [{ path: 'date', key: 'calendar.error.CALENDAR_NATIONAL_DAY_EXISTS' }] });
    }
    const row = await R.updateNationalDay(tx, id, fieldsOfNational(input));
    await auditNationalDay(tx, ctx, 'changed', row, before);
    return row;
  });
}

/**
 * Withdraws a national day (a decree dropped or moved it); the row stays, with the reason.
 * @throws CALENDAR_NATIONAL_DAY_NOT_FOUND; CALENDAR_NATIONAL_DAY_WITHDRAWN; CALENDAR_NATIONAL_DAY_VERSION_CONFLICT.
 */
export async function withdrawNationalDay(ctx: CalendarContext, id: string, input: WithdrawBody): Promise<NationalDayRow> {
  requirePlatform(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await lockActiveNationalDay(tx, id, input.version);
    const row = await R.markNationalDayWithdrawn(tx, id, input.reason.trim(), clock(ctx));
    await auditNationalDay(tx, ctx, 'withdrawn', row, before);
    return row;
  });
}

async function lockActiveNationalDay(tx: Tx, id: string, version: number): Promise<NationalDayRow> {
  const row = await R.lockNationalDay(tx, id);
  if (!row) throw E.NationalDayNotFound();
  if (row.status === 'withdrawn') throw E.NationalDayWithdrawn();
  if (row.version !== version) throw E.NationalDayVersionConflict({ current: row.version });
  return row;
}

function fieldsOfNational(input: NationalDayBody): R.NationalDayFields {
  return { date: input.date, kind: input.kind, nameId: input.nameId.trim(), nameEn: input.nameEn.trim(), decree: input.decree.trim() };
}

// ---- a unit's or a mall's own days ------------------------------------------------------------------

export interface CalendarPlace {
  kind: 'unit' | 'mall';
  id: string;
  name: string;
  path: TenantPath;
}

/**
 * A unit or mall the actor keeps the calendar of.
 * @throws CALENDAR_PLACE_NOT_FOUND when unknown, inactive or outside the actor's scope.
 */
export async function placeInScope(ctx: CalendarContext, kind: 'unit' | 'mall', id: string, db: Db | Tx = ctx.db): Promise<CalendarPlace> {
  const node = await scopeNode(db, kind, id);
  if (!node?.active || !coversSubject(ctx.actor, CALENDAR_MANAGE, node.path)) throw E.PlaceNotFound();
  return { kind, id, name: node.name, path: node.path };
}

/** How many units and malls the calendar's start page lists; a platform admin opens others from the unit's page. */
const PLACE_LIST_LIMIT = 200;

/** The active units and malls whose calendars the actor keeps, for the calendar's start page (filtered by scope). */
export async function listPlacesInScope(ctx: CalendarContext): Promise<{ units: CalendarPlace[]; malls: CalendarPlace[] }> {
  if (scopesFor(ctx.actor, CALENDAR_MANAGE).length === 0) return { units: [], malls: [] };
  const [units, malls] = (await Promise.all([listScopeNodes(ctx.db, 'unit'), listScopeNodes(ctx.db, 'mall')])) as [
    { id: string; name: string; agencyId: string }[],
    { id: string; name: string }[],
  ];
  const inScope = (p: CalendarPlace) => coversSubject(ctx.actor, CALENDAR_MANAGE, p.path);
  return {
    units: units
      .map((u) => ({ kind: 'unit' as const, id: u.id, name: u.name, path: { agencyId: u.agencyId, unitId: u.id } }))
      .filter(inScope)
      .slice(0, PLACE_LIST_LIMIT),
    malls: malls
      .map((m) => ({ kind: 'mall' as const, id: m.id, name: m.name, path: { mallId: m.id } }))
      .filter(inScope)
      .slice(0, PLACE_LIST_LIMIT),
  };
}

/** Whether the actor keeps the national days (platform scope). */
export const keepsNationalDays = (actor: Actor) => isPlatformAdmin(actor);

const ownerOf = (place: CalendarPlace): LocalDayOwner => (place.kind === 'unit' ? { serviceUnitId: place.id } : { mallId: place.id });

/** A unit's week as stored (empty: the Perpres week), its local days, and its time zone. */
export async function getUnitCalendar(ctx: CalendarContext, serviceUnitId: string) {
  const place = await placeInScope(ctx, 'unit', serviceUnitId);
  const [schedule, localDays, region] = await Promise.all([
    R.findUnitSchedule(ctx.db, serviceUnitId),
    R.listLocalDays(ctx.db, ownerOf(place)),
    regionOfServiceUnit(ctx.db, serviceUnitId),
  ]);
  const week = schedule.length ? weekOf(schedule) : PERPRES_WEEK;
  return { place, isDefaultWeek: schedule.length === 0, week, localDays, timeZone: timeZoneOfProvince(region!.regionCode) };
}

/** A mall's local days and its time zone. */
export async function getMallCalendar(ctx: CalendarContext, mallId: string) {
  const place = await placeInScope(ctx, 'mall', mallId);
  const [localDays, mall] = await Promise.all([R.listLocalDays(ctx.db, ownerOf(place)), openingHoursOfMall(ctx.db, mallId)]);
  return { place, localDays, timeZone: mall!.timeZone, weekly: weekOf(mall!.weekly) };
}

/** Checks hours 'HH:MM' with closing after opening, naming the fields at fault (`opens`, `closes`, with the weekday after them in a week). */
function checkHours(opens: string | undefined, closes: string | undefined, suffix = ''): DayHours {
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  const fields: FieldError[] = [];
  if (!opens || !time.test(opens)) fields.push({ path: `opens${suffix}`, key: FIELD_KEY });
  if (!closes || !time.test(closes)) fields.push({ path: `closes${suffix}`, key: FIELD_KEY });
  if (fields.length === 0) {
    try {
      assertDayHours({ opens: opens!, closes: closes! });
    } catch {
      fields.push({ path: `closes${suffix}`, key: FIELD_KEY });
    }
  }
  if (fields.length) throw E.HoursInvalid({}, { fields });
  return { opens: opens!, closes: closes! };
}

/**
 * Sets a unit's weekly schedule: each ISO weekday closed (null) or open with its hours. `null` for the whole
 * week returns the unit to the Perpres 21/2023 week.
 * @throws CALENDAR_PLACE_NOT_FOUND; CALENDAR_HOURS_INVALID naming `opens<weekday>` or `closes<weekday>`, or `week` when no day is open.
 */
export async function saveUnitSchedule(
  ctx: CalendarContext,
  serviceUnitId: string,
  week: Partial<Record<number, { opens: string; closes: string } | null>> | null,
): Promise<void> {
  const rows: { weekday: number; opensAt: string; closesAt: string }[] = [];
  if (week) {
    const fields: FieldError[] = [];
    for (let weekday = 1; weekday <= 7; weekday++) {
      const day = week[weekday];
      if (!day) continue;
      try {
        const hours = checkHours(day.opens, day.closes, String(weekday));
        rows.push({ weekday, opensAt: hours.opens, closesAt: hours.closes });
      } catch (error) {
        if (error instanceof Error && 'fields' in error) fields.push(...(error as { fields: FieldError[] }).fields);
        else throw error;
      }
    }
    if (fields.length) throw E.HoursInvalid({}, { fields });
    if (rows.length === 0) throw E.HoursInvalid({}, { fields: [{ path: 'week', key: 'calendar.validation.weekEmpty' }] });
  }
  await ctx.db.transaction().execute(async (tx) => {
    const place = await placeInScope(ctx, 'unit', serviceUnitId, tx);
    const before = await R.findUnitSchedule(tx, serviceUnitId);
    await R.replaceUnitSchedule(tx, serviceUnitId, rows);
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'calendar.schedule.changed',
      subject: { type: 'service-unit', id: serviceUnitId },
      before: { week: before.map((r) => `${r.weekday} ${hhmm(r.opensAt)}-${hhmm(r.closesAt)}`) },
      after: { week: rows.length ? rows.map((r) => `${r.weekday} ${r.opensAt}-${r.closesAt}`) : 'perpres-21-2023' },
      requestId: ctx.requestId,
      tenant: place.path,
    });
  });
}

/**
 * Sets a unit's or mall's local day on a date (replacing the one there): a closure, or an extra service
 * day with hours (which also opens the place on a national day).
 * @throws CALENDAR_PLACE_NOT_FOUND; CALENDAR_HOURS_INVALID for an open day without valid hours.
 */
export async function setLocalDay(ctx: CalendarContext, kind: 'unit' | 'mall', id: string, input: LocalDayBody): Promise<LocalDayRow> {
  const hours = input.kind === 'open' ? checkHours(input.opens, input.closes) : null;
  return ctx.db.transaction().execute(async (tx) => {
    const place = await placeInScope(ctx, kind, id, tx);
    const row = await R.upsertLocalDay(tx, ownerOf(place), {
      date: input.date,
      kind: input.kind,
      opensAt: hours?.opens ?? null,
      closesAt: hours?.closes ?? null,
      reason: input.reason.trim(),
    });
    await auditLocalDay(tx, ctx, 'set', place, row);
    return row;
  });
}

/**
 * Removes a local day of a unit or mall.
 * @throws CALENDAR_PLACE_NOT_FOUND; CALENDAR_LOCAL_DAY_NOT_FOUND.
 */
export async function removeLocalDay(ctx: CalendarContext, kind: 'unit' | 'mall', id: string, localDayId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const place = await placeInScope(ctx, kind, id, tx);
    const row = await R.findLocalDay(tx, ownerOf(place), localDayId);
    if (!row) throw E.LocalDayNotFound();
    await R.deleteLocalDay(tx, row.id);
    await auditLocalDay(tx, ctx, 'removed', place, row);
  });
}

async function auditLocalDay(tx: Tx, ctx: CalendarContext, verb: 'set' | 'removed', place: CalendarPlace, row: LocalDayRow) {
  await recordAudit(tx, {
    actor: ctx.actor,
    action: `calendar.local-day.${verb}`,
    subject: { type: 'local-day', id: row.id },
    [verb === 'set' ? 'after' : 'before']: {
      date: row.date,
      kind: row.kind,
      opensAt: row.opensAt,
      closesAt: row.closesAt,
      reason: row.reason,
      place: `${place.kind}:${place.id}`,
    },
    requestId: ctx.requestId,
    tenant: place.path,
  });
}

/** Public: a unit's working days between two dates. @throws CALENDAR_PLACE_NOT_FOUND for an unknown or inactive unit. */
export async function workingDaysOfUnit(db: Db, serviceUnitId: string, from: string, to: string) {
  const unit = await regionOfServiceUnit(db, serviceUnitId);
  if (!unit?.active) throw E.PlaceNotFound();
  const calendar = await loadWorkingCalendar(db, { serviceUnitId });
  return { serviceUnitId, name: unit.name, timeZone: calendar.timeZone, days: daysOf(calendar, from, to) };
}
