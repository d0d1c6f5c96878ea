/**
 * Runs data-layer tests on every database we support: embedded PGlite always, and a real
 * PostgreSQL server when TEST_DATABASE_URL is set. Each test gets its own freshly migrated database:
 * PGlite loads a dump of a migrated template, the server clones a template database.
 */
import { randomBytes, createHash } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate, readMigrations } from '../../src/platform/db/migrator.js';

export type DatabaseKind = 'pglite' | 'postgres';

export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const migrationsHash = () =>
  createHash('sha256')
    .update(
      readMigrations()
        .map((m) => `${m.name}:${m.checksum}`)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 12);

let pgliteTemplate: Promise<Blob> | undefined;

function pgliteTemplateDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(db);
    const dump = await db.dump!();
    await db.close();
    return dump;
  })();
  return pgliteTemplate;
}

function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

let serverTemplate: Promise<string> | undefined;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function postgresTemplate(): Promise<string> {
  serverTemplate ??= withAdmin(async (admin) => {
    const name = `sp_tpl_${migrationsHash()}`;
    // Parallel test workers race to build the template; the advisory lock lets one build it.
    await admin.query('select pg_advisory_lock(74202511)');
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${name}`);
        const db = await openDatabase({ kind: 'postgres', url: serverUrl(name), poolMax: 1 });
        try {
          await migrate(db);
        } catch (error) {
          await db.close();
          await admin.query(`drop database if exists ${name}`);
          throw error;
        }
        await db.close();
      }
    } finally {
      await admin.query('select pg_advisory_unlock(74202511)');
    }
    return name;
  });
  return serverTemplate;
}

/** A new, migrated, isolated database of the given kind. Close it with `dispose()`. */
export async function createTestDatabase(kind: DatabaseKind): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: await pgliteTemplateDump() });
    return { database, dispose: () => database.close() };
  }
  const template = await postgresTemplate();
  const name = `sp_t_${randomBytes(6).toString('hex')}`;
  // Right after the template is built its last connection may still be closing (SQLSTATE 55006).
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin((admin) => admin.query(`create database ${name} template ${template}`));
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const database = await openDatabase({ kind: 'postgres', url: serverUrl(name), poolMax: 4 });
  return {
    database,
    async dispose() {
      await database.close();
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * `eachDatabase('submitFeedback', (db) => { it(...) })` declares the suite once per database kind;
 * `db()` returns the current test's own database.
 */
export function eachDatabase(title: string, suite: (db: () => Database, kind: DatabaseKind) => void): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${title} [${kind}]`, () => {
      let current: { database: Database; dispose(): Promise<void> } | undefined;
      beforeEach(async () => {
        current = await createTestDatabase(kind);
      });
      afterEach(async () => {
        await current?.dispose();
        current = undefined;
      });
      suite(() => {
        if (!current) throw new Error('database is only available inside a test');
        return current.database;
      }, kind);
    });
  }
}
