import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths.js';
import type { Database } from './database.js';

export const MIGRATION_NAME = /^(\d{8}T\d{4})__([a-z][a-z0-9-]*)__([a-z0-9][a-z0-9-_]*)\.sql$/;
// Arbitrary but fixed: every Satupintu process that migrates takes this advisory lock first.
const MIGRATION_LOCK_ID = 7_420_250_901;

export interface MigrationFile {
  name: string;
  module: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const match = MIGRATION_NAME.exec(name);
      if (!match) throw new MigrationError(`Migration file name ${name} does not match YYYYMMDDTHHMM__module__change.sql`);
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, module: match[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every pending migration in one transaction: either all of them land or none does.
 * Refuses to run when an applied migration's file was edited or removed (migrations are forward-only).
 */
export async function migrate(
  database: Database,
  options: { dir?: string; onProgress?: (done: number, total: number, name: string) => void } = {},
): Promise<MigrateResult> {
  const files = readMigrations(options.dir);
  return database.scriptTransaction(async (run) => {
    await run(`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
    await run(`create schema if not exists platform;
      create table if not exists platform.schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
    const applied = new Map(
      (await run('select name, checksum from platform.schema_migrations')).map((r) => [String(r.name), String(r.checksum)]),
    );
    const byName = new Map(files.map((f) => [f.name, f]));
    for (const [name, checksum] of applied) {
      const file = byName.get(name);
      if (!file) throw new MigrationError(`Migration ${name} was applied but its file is missing; restore it`);
      if (file.checksum !== checksum) {
        throw new MigrationError(`Migration ${name} was edited after it was applied; add a new migration instead`);
      }
    }
    const pending = files.filter((f) => !applied.has(f.name));
    let done = 0;
    for (const file of pending) {
      options.onProgress?.(done, pending.length, file.name);
      try {
        await run(file.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}; nothing was applied`, {
          cause: error,
        });
      }
      // Names match MIGRATION_NAME and checksums are hex, so literal interpolation is safe here.
      await run(`insert into platform.schema_migrations (name, checksum) values ('${file.name}', '${file.checksum}')`);
      done++;
    }
    options.onProgress?.(done, pending.length, '');
    return { applied: pending.map((f) => f.name), alreadyApplied: applied.size };
  });
}
