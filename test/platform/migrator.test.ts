import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate, MigrationError, readMigrations } from '../../src/platform/db/migrator.js';
import { DATABASE_KINDS, type DatabaseKind } from '../support/databases.js';

// Creating a PGlite cluster takes seconds; loading a dump of an empty one takes a fraction of that.
let emptyPgliteDump: Promise<Blob> | undefined;
function emptyPglite(): Promise<Blob> {
  emptyPgliteDump ??= (async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    const dump = await database.dump!();
    await database.close();
    return dump;
  })();
  return emptyPgliteDump;
}

/** An empty database (no migrations at all), unlike createTestDatabase's migrated ones. */
async function createEmptyDatabase(kind: DatabaseKind): Promise<{ open(): Promise<Database>; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: await emptyPglite() });
    return { open: async () => database, dispose: () => database.close() };
  }
  const name = `sp_mig_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  return {
    async open() {
      const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 2 });
      opened.push(database);
      return database;
    },
    async dispose() {
      for (const database of opened) await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/** The user tables of the database and the migrations it recorded: "the database as it is". */
async function snapshot(database: Database) {
  const tables = await sql<{ name: string }>`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_schema not in ('pg_catalog', 'information_schema') order by 1`.execute(database.db);
  const hasLedger = tables.rows.some((t) => t.name === 'platform.schema_migrations');
  const applied = hasLedger
    ? (
        await sql<{ name: string; checksum: string }>`select name, checksum from platform.schema_migrations order by name`.execute(
          database.db,
        )
      ).rows
    : [];
  return { tables: tables.rows.map((t) => t.name), applied };
}

for (const kind of DATABASE_KINDS) {
  describe(`migrate [${kind}]`, () => {
    let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;
    let database: Database;
    let dir: string;
    const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

    beforeEach(async () => {
      empty = await createEmptyDatabase(kind);
      database = await empty.open();
      dir = mkdtempSync(join(tmpdir(), 'sp-migrations-'));
    });
    afterEach(async () => {
      await empty.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('applies pending migrations in name order and records each one', async () => {
      // Written out of order: the second depends on the first, so only name order works.
      write('20260102T0000__probe__add-column.sql', "alter table probe_a add column note text not null default '';");
      write('20260101T0000__probe__create.sql', 'create table probe_a (id int primary key);');
      const progress: string[] = [];
      const result = await migrate(database, { dir, onProgress: (_done, _total, name) => progress.push(name) });
      expect(result).toEqual({ applied: ['20260101T0000__probe__create.sql', '20260102T0000__probe__add-column.sql'], alreadyApplied: 0 });
      expect(progress.filter(Boolean)).toEqual(result.applied);
      const after = await snapshot(database);
      expect(after.tables).toContain('public.probe_a');
      expect(after.applied.map((m) => m.name)).toEqual(result.applied);
      expect(after.applied.map((m) => m.checksum)).toEqual(readMigrations(dir).map((m) => m.checksum));
      await sql`insert into probe_a (id, note) values (1, 'ok')`.execute(database.db);
    });

    it('applies only what is new on a later run', async () => {
      write('20260101T0000__probe__create.sql', 'create table probe_a (id int);');
      await migrate(database, { dir });
      write('20260103T0000__probe__second.sql', 'create table probe_b (id int);');
      expect(await migrate(database, { dir })).toEqual({ applied: ['20260103T0000__probe__second.sql'], alreadyApplied: 1 });
    });

    it('treats a rerun as a no-op', async () => {
      write('20260101T0000__probe__create.sql', 'create table probe_a (id int);');
      await migrate(database, { dir });
      const before = await snapshot(database);
      const appliedAt = await sql`select name, applied_at from platform.schema_migrations`.execute(database.db);
      expect(await migrate(database, { dir })).toEqual({ applied: [], alreadyApplied: 1 });
      expect(await snapshot(database)).toEqual(before);
      expect((await sql`select name, applied_at from platform.schema_migrations`.execute(database.db)).rows).toEqual(appliedAt.rows);
    });

    it('leaves a fresh database exactly as it was when a migration fails', async () => {
      const before = await snapshot(database);
      write('20260101T0000__probe__good.sql', 'create table probe_good (id int); insert into probe_good values (1);');
      write('20260102T0000__probe__broken.sql', 'create table probe_half (id int);\nselect * from table_that_does_not_exist;');
      const failure = await migrate(database, { dir }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as Error).message).toContain('20260102T0000__probe__broken.sql');
      expect(await snapshot(database)).toEqual(before);
    });

    it('keeps earlier runs and adds nothing from a batch that fails', async () => {
      write('20260101T0000__probe__first.sql', 'create table probe_first (id int);');
      await migrate(database, { dir });
      const before = await snapshot(database);
      write('20260102T0000__probe__good.sql', 'create table probe_good (id int);');
      write('20260103T0000__probe__broken.sql', 'alter table probe_missing add column x int;');
      await expect(migrate(database, { dir })).rejects.toBeInstanceOf(MigrationError);
      expect(await snapshot(database)).toEqual(before);
      // The database still works after the rollback.
      await sql`insert into probe_first values (1)`.execute(database.db);
    });

    it('refuses to run when an applied migration was edited, and applies nothing else', async () => {
      write('20260101T0000__probe__create.sql', 'create table probe_a (id int);');
      await migrate(database, { dir });
      const before = await snapshot(database);
      write('20260101T0000__probe__create.sql', 'create table probe_a (id bigint);');
      write('20260102T0000__probe__next.sql', 'create table probe_b (id int);');
      const failure = await migrate(database, { dir }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as Error).message).toContain('20260101T0000__probe__create.sql');
      expect(await snapshot(database)).toEqual(before);
    });

    it('refuses to run when an applied migration file is missing', async () => {
      write('20260101T0000__probe__create.sql', 'create table probe_a (id int);');
      await migrate(database, { dir });
      unlinkSync(join(dir, '20260101T0000__probe__create.sql'));
      write('20260102T0000__probe__next.sql', 'create table probe_b (id int);');
      await expect(migrate(database, { dir })).rejects.toBeInstanceOf(MigrationError);
      expect((await snapshot(database)).tables).not.toContain('public.probe_b');
    });

    it('refuses a file whose name does not follow YYYYMMDDTHHMM__module__change.sql', async () => {
      write('add-things.sql', 'create table probe_a (id int);');
      await expect(migrate(database, { dir })).rejects.toBeInstanceOf(MigrationError);
      expect((await snapshot(database)).tables).toEqual([]);
    });

    it('applies each migration once when several processes migrate at the same time', async () => {
      for (let i = 1; i <= 4; i++) {
        write(`2026010${i}T0000__probe__step-${i}.sql`, `create table probe_${i} (id int); select pg_sleep(0.02);`);
      }
      // On a server each process has its own pool; PGlite shares one handle between its users.
      const handles = [database, ...(kind === 'postgres' ? [await empty.open(), await empty.open()] : [database, database])];
      const results = await Promise.all(handles.map((handle) => migrate(handle, { dir })));
      const applied = results.flatMap((r) => r.applied);
      expect(applied.sort()).toEqual(readMigrations(dir).map((m) => m.name));
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect((await snapshot(database)).applied).toHaveLength(4);
    });

    it('applies the checked-in migrations to an empty database, then has nothing left to do', async () => {
      const first = await migrate(database);
      expect(first.applied).toEqual(readMigrations().map((m) => m.name));
      expect(await migrate(database)).toEqual({ applied: [], alreadyApplied: first.applied.length });
    });
  });
}
