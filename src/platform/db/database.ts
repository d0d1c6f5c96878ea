import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { Mutex } from './mutex.js';
import { PgliteDialect } from './pglite-dialect.js';
import type { PlatformTables } from './tables.js';

export type Db = Kysely<PlatformTables>;
export type Tx = Transaction<PlatformTables>;

/** What pg-boss needs from a database: one statement with parameters, or a multi-statement script without. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /**
   * Runs `fn` inside one transaction on one connection, with a runner that accepts multi-statement
   * scripts (migrations). Any error rolls the whole transaction back.
   */
  scriptTransaction<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  /** Raw parameterised SQL for libraries that bring their own (pg-boss). */
  readonly executor: SqlExecutor;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data directory, used to clone migrated test databases quickly. */
  dump?(): Promise<Blob>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolMax?: number; applicationName?: string }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob };

// Same JS types from both drivers: int8 as number (counts and ids stay far below 2^53),
// numeric as string (money stays exact), date as 'YYYY-MM-DD' (no time-zone shift).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === DATE || oid === NUMERIC) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

const plugins = [new CamelCasePlugin()];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options) : openPglite(options);
}

async function openPostgres(options: Extract<DatabaseOptions, { kind: 'postgres' }>): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    application_name: options.applicationName ?? 'satupintu',
    types: pgTypes,
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }), plugins });
  return {
    kind: 'postgres',
    db,
    async scriptTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        // The simple-query protocol (no parameters) accepts several statements at once.
        const run: ScriptRunner = async (script) => {
          const r = (await client.query(script)) as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(r) ? (r.at(-1)?.rows ?? []) : r.rows) as Record<string, unknown>[];
        };
        const result = await fn(run);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    executor: {
      async executeSql(text, values) {
        if (values && values.length > 0) return { rows: (await pool.query(text, values)).rows };
        // A script may open its own transaction (pg-boss wraps maintenance in BEGIN; …; COMMIT); if it
        // fails midway the connection stays in an aborted transaction, so roll back before returning it.
        const client = await pool.connect();
        try {
          return { rows: flattenRows((await client.query(text)) as pg.QueryResult | pg.QueryResult[]) };
        } catch (error) {
          await client.query('rollback').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ever ran a query; the executor and scripts use the pool directly.
      if (!pool.ended) await pool.end();
    },
  };
}

async function openPglite(options: Extract<DatabaseOptions, { kind: 'pglite' }>): Promise<Database> {
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    parsers: {
      [INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => v,
      [DATE]: (v: string) => v,
      [pgliteTypes.TIMESTAMPTZ]: (v: string) => new Date(v),
    },
  });
  const mutex = new Mutex();
  const db = new Kysely<PlatformTables>({ dialect: new PgliteDialect(pglite, mutex), plugins });
  return {
    kind: 'pglite',
    db,
    async scriptTransaction(fn) {
      return mutex.run(async () => {
        await pglite.exec('begin');
        try {
          const run: ScriptRunner = async (script) => (await pglite.exec(script)).at(-1)?.rows ?? [];
          const result = await fn(run);
          await pglite.exec('commit');
          return result;
        } catch (error) {
          await pglite.exec('rollback').catch(() => {});
          throw error;
        }
      });
    },
    executor: {
      // PGlite's query() takes one statement; exec() takes a script but no parameters.
      async executeSql(text, values) {
        return mutex.run(async () => {
          try {
            if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
            return { rows: flattenRows(await pglite.exec(text)) };
          } catch (error) {
            // One shared connection: a script that failed inside its own BEGIN would leave every later
            // query failing with "current transaction is aborted". Nobody else holds the mutex, so the
            // open transaction (if any) is this script's.
            if (pglite.isInTransaction()) await pglite.exec('rollback').catch(() => {});
            throw error;
          }
        });
      },
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      // Kysely closes PGlite only if it ever ran a query, and not in turn with the executor; an open
      // PGlite keeps the process alive. Close it here, after whoever holds the connection is done.
      await mutex.run(async () => {
        if (!pglite.closed) await pglite.close();
      });
      await db.destroy();
    },
    dump: () => mutex.run(() => pglite.dumpDataDir('none')),
  };
}

/** Rows of every statement in a script, in order, as pg-boss expects from a multi-statement query. */
function flattenRows(result: { rows: unknown[] } | { rows: unknown[] }[]): unknown[] {
  return Array.isArray(result) ? result.flatMap((r) => r.rows) : result.rows;
}

export function databaseOptionsFromConfig(config: {
  DATABASE_URL?: string | undefined;
  DATABASE_POOL_MAX: number;
  DATA_DIR: string;
}): DatabaseOptions {
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX }
    : { kind: 'pglite', dataDir: config.DATA_DIR };
}

/**
 * The same database handle (or open transaction), typed for one module's tables. Modules own their
 * tables, so each repository sees only its own; the connection and transaction stay shared.
 */
// Kysely<DB> is invariant in DB, so the input must accept any database type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function tablesOf<T>(db: Kysely<any>): Kysely<T> {
  return db as Kysely<T>;
}
