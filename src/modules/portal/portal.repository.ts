import type { Kysely } from 'kysely';
import type { PortalTables } from './portal.tables.js';

export async function insertFeedback(
  db: Kysely<PortalTables>,
  row: PortalTables['portal.feedback'] extends infer T ? Omit<{ [K in keyof T]: T[K] }, 'id' | 'status' | 'createdAt'> : never,
) {
  return db.insertInto('portal.feedback').values(row).returning(['id', 'createdAt']).executeTakeFirstOrThrow();
}

export async function countFeedback(db: Kysely<PortalTables>): Promise<number> {
  const row = await db
    .selectFrom('portal.feedback')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countFeedbackByKindAndStatus(db: Kysely<PortalTables>) {
  return db
    .selectFrom('portal.feedback')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['kind', 'status'])
    .orderBy('kind')
    .orderBy('status')
    .execute();
}
