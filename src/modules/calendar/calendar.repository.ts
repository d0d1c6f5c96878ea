import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { tablesOf } from '../../platform/db/database.js';
import type { CalendarTables } from './calendar.tables.js';

/** Queries of the calendar's own tables. No rules here: calendar.service.ts decides who may do what. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass the shared handle or a transaction
type AnyDb = Kysely<any>;
const cal = (db: AnyDb) => tablesOf<CalendarTables>(db);

export type NationalDayRow = Selectable<CalendarTables['calendar.nationalDay']>;
export type LocalDayRow = Selectable<CalendarTables['calendar.localDay']>;
export type UnitScheduleRow = Selectable<CalendarTables['calendar.unitSchedule']>;
export type NationalDayFields = Pick<NationalDayRow, 'date' | 'kind' | 'nameId' | 'nameEn' | 'decree'>;
export type LocalDayFields = Pick<LocalDayRow, 'date' | 'kind' | 'opensAt' | 'closesAt' | 'reason'>;
export type LocalDayOwner = { serviceUnitId: string } | { mallId: string };

/** Serializes changes to national days, so two admins cannot both make a date a day in force. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module's transaction
export async function lockNationalDays(tx: Transaction<any>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('calendar.national_day', 0))`.execute(tx);
}

/** National days of a year (all of them when no year), in force first then withdrawn, by date. */
export async function listNationalDays(db: AnyDb, opts: { year?: number; activeOnly?: boolean } = {}): Promise<NationalDayRow[]> {
  let query = cal(db).selectFrom('calendar.nationalDay').selectAll();
  if (opts.year !== undefined) query = query.where('date', '>=', `${opts.year}-01-01`).where('date', '<=', `${opts.year}-12-31`);
  if (opts.activeOnly) query = query.where('status', '=', 'active');
  return query.orderBy('date').orderBy('status').orderBy('createdAt').execute();
}

export async function findNationalDay(db: AnyDb, id: string): Promise<NationalDayRow | undefined> {
  return cal(db).selectFrom('calendar.nationalDay').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockNationalDay(db: AnyDb, id: string): Promise<NationalDayRow | undefined> {
  return cal(db).selectFrom('calendar.nationalDay').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findActiveNationalDayOn(db: AnyDb, date: string): Promise<NationalDayRow | undefined> {
  return cal(db).selectFrom('calendar.nationalDay').selectAll().where('date', '=', date).where('status', '=', 'active').executeTakeFirst();
}

export async function insertNationalDay(db: AnyDb, fields: NationalDayFields): Promise<NationalDayRow> {
  return cal(db).insertInto('calendar.nationalDay').values(fields).returningAll().executeTakeFirstOrThrow();
}

export async function updateNationalDay(db: AnyDb, id: string, fields: NationalDayFields): Promise<NationalDayRow> {
  return cal(db)
    .updateTable('calendar.nationalDay')
    .set({ ...fields, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markNationalDayWithdrawn(db: AnyDb, id: string, reason: string, at: Date): Promise<NationalDayRow> {
  return cal(db)
    .updateTable('calendar.nationalDay')
    .set({ status: 'withdrawn', withdrawnReason: reason, withdrawnAt: at, updatedAt: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUnitSchedule(db: AnyDb, serviceUnitId: string): Promise<UnitScheduleRow[]> {
  return cal(db).selectFrom('calendar.unitSchedule').selectAll().where('serviceUnitId', '=', serviceUnitId).orderBy('weekday').execute();
}

/** Replaces a unit's week as a whole (the form always sends all seven days). */
export async function replaceUnitSchedule(
  db: AnyDb,
  serviceUnitId: string,
  week: readonly Omit<UnitScheduleRow, 'serviceUnitId'>[],
): Promise<void> {
  await cal(db).deleteFrom('calendar.unitSchedule').where('serviceUnitId', '=', serviceUnitId).execute();
  if (week.length) {
    await cal(db)
      .insertInto('calendar.unitSchedule')
      .values(week.map((day) => ({ ...day, serviceUnitId })))
      .execute();
  }
}

const ownedBy = (owner: LocalDayOwner) =>
  'serviceUnitId' in owner ? (['serviceUnitId', owner.serviceUnitId] as const) : (['mallId', owner.mallId] as const);

export async function listLocalDays(db: AnyDb, owner: LocalDayOwner): Promise<LocalDayRow[]> {
  const [column, id] = ownedBy(owner);
  return cal(db).selectFrom('calendar.localDay').selectAll().where(column, '=', id).orderBy('date').execute();
}

export async function findLocalDay(db: AnyDb, owner: LocalDayOwner, id: string): Promise<LocalDayRow | undefined> {
  const [column, ownerId] = ownedBy(owner);
  return cal(db).selectFrom('calendar.localDay').selectAll().where('id', '=', id).where(column, '=', ownerId).executeTakeFirst();
}

/** Sets the owner's local day on a date, replacing the one already there. */
export async function upsertLocalDay(db: AnyDb, owner: LocalDayOwner, fields: LocalDayFields): Promise<LocalDayRow> {
  const [column, ownerId] = ownedBy(owner);
  const existing = await cal(db)
    .selectFrom('calendar.localDay')
    .select('id')
    .where(column, '=', ownerId)
    .where('date', '=', fields.date)
    .executeTakeFirst();
  if (existing) {
    return cal(db)
      .updateTable('calendar.localDay')
      .set({ ...fields, updatedAt: new Date() })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return cal(db)
    .insertInto('calendar.localDay')
    .values({ ...fields, serviceUnitId: null, mallId: null, [column]: ownerId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteLocalDay(db: AnyDb, id: string): Promise<void> {
  await cal(db).deleteFrom('calendar.localDay').where('id', '=', id).execute();
}
