/**
 * The two databases behave alike for the code above them: same JavaScript types for the same column
 * types, the same transaction semantics, and on PGlite's single connection, no interleaving.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.js';
import { createTestDatabase, DATABASE_KINDS } from '../support/databases.js';

interface ProbeTables {
  probeTypes: {
    id: number;
    bigCount: number;
    amount: string;
    dueOn: string;
    happenedAt: Date;
    details: unknown;
  };
  probeTx: { id: number; label: string };
}

let counter = 0;
const uniqueTable = (prefix: string) => `${prefix}_${process.pid}_${++counter}`;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const settledWithin = async (promise: Promise<unknown>, ms: number) => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((r) => setTimeout(r, ms));
  return settled;
};

for (const kind of DATABASE_KINDS) {
  describe(`database parity [${kind}]`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let db: Kysely<ProbeTables>;

    beforeAll(async () => {
      ({ database, dispose } = await createTestDatabase(kind));
      db = database.db as unknown as Kysely<ProbeTables>;
      await sql`create table probe_types (
        id int8 primary key, big_count int8 not null, amount numeric(14, 2) not null,
        due_on date not null, happened_at timestamptz not null, details jsonb not null)`.execute(db);
      await sql`create table probe_tx (id int primary key, label text not null)`.execute(db);
    });
    afterAll(async () => {
      await dispose?.();
    });

    describe('column types', () => {
      let row: ProbeTables['probeTypes'];
      beforeAll(async () => {
        await db
          .insertInto('probeTypes')
          .values({
            id: 1,
            bigCount: 9_007_199_254_740_991,
            amount: '150000.50',
            dueOn: '2026-03-20',
            happenedAt: new Date('2026-03-20T01:00:00.123Z'),
            details: JSON.stringify({ unit: 'DPMPTSP', steps: [1, { done: true }] }),
          })
          .execute();
        row = await db.selectFrom('probeTypes').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      });

      it('reads int8 as a number', () => {
        expect(row.id).toBe(1);
        expect(row.bigCount).toBe(9_007_199_254_740_991);
      });

      it('reads count(*) as a number', async () => {
        const { n } = await db
          .selectFrom('probeTypes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(n).toBe(1);
      });

      it('reads numeric as an exact string', () => {
        expect(row.amount).toBe('150000.50');
      });

      it("reads date as 'YYYY-MM-DD', with no time-zone shift", () => {
        expect(row.dueOn).toBe('2026-03-20');
      });

      it('reads timestamptz as a Date at the same instant', () => {
        expect(row.happenedAt).toBeInstanceOf(Date);
        expect(row.happenedAt.toISOString()).toBe('2026-03-20T01:00:00.123Z');
      });

      it('reads jsonb as an object', () => {
        expect(row.details).toEqual({ unit: 'DPMPTSP', steps: [1, { done: true }] });
      });

      it('maps snake_case columns to camelCase properties', () => {
        expect(Object.keys(row).sort()).toEqual(['amount', 'bigCount', 'details', 'dueOn', 'happenedAt', 'id']);
      });
    });

    describe('transactions', () => {
      const labels = async () => (await db.selectFrom('probeTx').select('label').orderBy('id').execute()).map((r) => r.label);

      it('commit what the callback wrote when it returns', async () => {
        await db.deleteFrom('probeTx').execute();
        await db.transaction().execute(async (tx) => {
          await tx.insertInto('probeTx').values({ id: 1, label: 'committed' }).execute();
        });
        expect(await labels()).toEqual(['committed']);
      });

      it('roll back everything when the callback throws', async () => {
        await db.deleteFrom('probeTx').execute();
        await expect(
          db.transaction().execute(async (tx) => {
            await tx.insertInto('probeTx').values({ id: 1, label: 'first' }).execute();
            await tx.insertInto('probeTx').values({ id: 2, label: 'second' }).execute();
            throw new Error('refused by a rule');
          }),
        ).rejects.toThrow('refused by a rule');
        expect(await labels()).toEqual([]);
      });

      it('roll back earlier writes when a later statement fails in the database', async () => {
        await db.deleteFrom('probeTx').execute();
        await expect(
          db.transaction().execute(async (tx) => {
            await tx.insertInto('probeTx').values({ id: 1, label: 'first' }).execute();
            await tx.insertInto('probeTx').values({ id: 1, label: 'duplicate' }).execute();
          }),
        ).rejects.toThrow();
        expect(await labels()).toEqual([]);
        // The connection is usable again afterwards.
        await db.insertInto('probeTx').values({ id: 3, label: 'after' }).execute();
        expect(await labels()).toEqual(['after']);
      });

      it('roll back a script transaction (the migrator path) when a statement fails', async () => {
        const table = uniqueTable('probe_script');
        await expect(
          database.scriptTransaction(async (run) => {
            await run(`create table ${table} (id int); insert into ${table} values (1);`);
            await run('select * from table_that_does_not_exist');
          }),
        ).rejects.toThrow();
        const exists = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_name = ${table}`.execute(
          db,
        );
        expect(exists.rows[0]!.n).toBe(0);
      });

      it('keep uncommitted rows invisible to queries outside the transaction', async () => {
        await db.deleteFrom('probeTx').execute();
        const opened = deferred();
        const finish = deferred();
        const transaction = db.transaction().execute(async (tx) => {
          await tx.insertInto('probeTx').values({ id: 1, label: 'uncommitted' }).execute();
          opened.resolve();
          await finish.promise;
          throw new Error('roll back');
        });
        await opened.promise;
        const outside = db.selectFrom('probeTx').select('label').execute();
        const outsideWrite = db.insertInto('probeTx').values({ id: 2, label: 'outside' }).execute();
        finish.resolve();
        await expect(transaction).rejects.toThrow('roll back');
        // On a server the outside write may land first; what must never show is the uncommitted row.
        expect((await outside).map((r) => r.label)).not.toContain('uncommitted');
        await outsideWrite;
        // The write issued outside was not swept into the rolled-back transaction.
        expect(await labels()).toEqual(['outside']);
      });

      if (kind === 'pglite') {
        it('make queries issued while a transaction is open wait for it (PGlite has one connection)', async () => {
          await db.deleteFrom('probeTx').execute();
          const opened = deferred();
          const finish = deferred();
          const transaction = db.transaction().execute(async (tx) => {
            await tx.insertInto('probeTx').values({ id: 1, label: 'inside' }).execute();
            opened.resolve();
            await finish.promise;
          });
          await opened.promise;
          const viaKysely = db.selectFrom('probeTx').select('label').execute();
          const viaExecutor = database.executor.executeSql('select count(*)::int as n from probe_tx');
          const viaScript = database.scriptTransaction((run) => run('select count(*)::int as n from probe_tx'));
          expect(await settledWithin(viaKysely, 50)).toBe(false);
          expect(await settledWithin(viaExecutor, 0)).toBe(false);
          expect(await settledWithin(viaScript, 0)).toBe(false);
          finish.resolve();
          await transaction;
          expect(await viaKysely).toEqual([{ label: 'inside' }]);
          expect((await viaExecutor).rows).toEqual([{ n: 1 }]);
          expect(await viaScript).toEqual([{ n: 1 }]);
        });
      }
    });
  });
}
