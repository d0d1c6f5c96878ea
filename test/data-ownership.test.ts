/**
 * docs/style.md §4.1 rule 3, checked by machine: "Data is owned. Only a module's repository touches its
 * tables. Other modules use its public API or a read-only view that the owner publishes."
 *
 * Every module's schema is named after the module (`standards.service` belongs to src/modules/standards).
 * This reads every non-test source file under src/modules/<m>/ and fails when its SQL text or Kysely
 * table names name another module's table, unless it is a view created by that module's own migration
 * (db/migrations/*__<owner>__*.sql). Migrations themselves are not scanned: triggers and foreign keys
 * across schemas are the database's business. `platform.*` belongs to no module and is not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATION_NAME } from '../src/platform/db/migrator.js';
import { MIGRATIONS_DIR, ROOT_DIR } from '../src/platform/paths.js';

const MODULES_DIR = join(ROOT_DIR, 'src', 'modules');
const MODULES = readdirSync(MODULES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/**
 * Files that still read another module's tables, with the tables and why they stay for now (all in
 * standards, which predates the published views; each is a change of its own). The test fails when a
 * file here no longer reads any of them, so the list only shrinks.
 */
const ALLOWED: Record<string, { tables: string[]; reason: string }> = {
  'src/modules/standards/admin.queries.ts': {
    tables: ['organizations.agency', 'organizations.booth', 'organizations.mall', 'organizations.service_unit'],
    reason: 'the admin pages pick a unit, mall and booth for a service by scope; organizations has no view with region and booth yet',
  },
  'src/modules/standards/bulk.queries.ts': {
    tables: ['organizations.agency', 'organizations.booth', 'organizations.mall', 'organizations.service_unit'],
    reason: 'the bulk import and export resolve unit, agency, mall and booth codes; organizations publishes no view with codes yet',
  },
  'src/modules/standards/catalog.queries.ts': {
    tables: [
      'organizations.agency',
      'organizations.booth',
      'organizations.mall',
      'organizations.mall_hours',
      'organizations.region',
      'organizations.service_unit',
    ],
    reason: 'the public catalog page shows where and when a service is offered (regions, malls, booths, opening hours)',
  },
  'src/modules/standards/maklumat.repository.ts': {
    tables: ['organizations.agency', 'organizations.service_unit'],
    reason: 'the pledge admin lists and searches units by name and code with their agency; needs a unit view with codes and scope',
  },
  'src/modules/standards/standards.repository.ts': {
    tables: ['organizations.booth'],
    reason: 'findBooth checks a booth belongs to the mall and unit of a service place; organizations publishes no booth view yet',
  },
  'src/modules/standards/standards.seed.ts': {
    tables: ['organizations.booth'],
    reason: 'the demo seed looks up the booth it places a service at by code',
  },
};

/** Where a source file names a table: after from/join/into/update/table, in raw SQL or a Kysely call. */
const TABLE_REFERENCE = /(?:from|join|into|update|table)\s*\(?\s*['"`]?\s*([a-z][a-z_]*)\.([a-zA-Z_][a-zA-Z0-9_]*)/gi;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The tables of other modules a source text names, as `schema.table` in snake case. */
export function foreignTables(text: string, module: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(TABLE_REFERENCE)) {
    const schema = match[1]!;
    if (schema === module || !MODULES.includes(schema)) continue;
    found.add(`${schema}.${snake(match[2]!)}`);
  }
  return [...found].sort();
}

/** The views each module publishes: `create view <own schema>.<name>` in a migration named for the module. */
function publishedViews(): Set<string> {
  const views = new Set<string>();
  for (const name of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'))) {
    const module = MIGRATION_NAME.exec(name)?.[2];
    const text = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
    for (const m of text.matchAll(/create\s+(?:or\s+replace\s+)?view\s+([a-z_]+)\.([a-z_]+)/gi)) {
      if (m[1] === module) views.add(`${m[1]}.${m[2]}`);
    }
  }
  return views;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Tests and their helpers may build fixtures in any schema; only the running code is held to the rule.
    const isTest = /\.test\.tsx?$|\.test-support\.tsx?$/.test(entry.name);
    return /\.tsx?$/.test(entry.name) && !isTest ? [path] : [];
  });
}

describe('data ownership', () => {
  it('finds table names in SQL text and Kysely calls, not in message keys or variables', () => {
    const text = [
      "db.selectFrom('standards.service as s').innerJoin('organizations.serviceUnit as u', 'u.id', 's.serviceUnitId')",
      'sql`select 1 from applications.application a left join identity.account acc on acc.id = a.x`',
      "ctx.t('standards.admin.nav'); clock?.calendar.timeZone; emit(tx, 'identity.account.created')",
    ].join('\n');
    expect(foreignTables(text, 'applications')).toEqual(['identity.account', 'organizations.service_unit', 'standards.service']);
    expect(foreignTables(text, 'standards')).toEqual(['applications.application', 'identity.account', 'organizations.service_unit']);
  });

  it('each module reads other modules only through the views they publish', () => {
    const views = publishedViews();
    expect(views).toContain('standards.service_directory');
    const broken: string[] = [];
    const used = new Set<string>();
    for (const module of MODULES) {
      for (const file of sourceFiles(join(MODULES_DIR, module))) {
        const path = relative(ROOT_DIR, file).split(sep).join('/');
        for (const table of foreignTables(readFileSync(file, 'utf8'), module)) {
          if (views.has(table)) continue;
          if (ALLOWED[path]?.tables.includes(table)) {
            used.add(path);
            continue;
          }
          broken.push(`${path} reads ${table}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(Object.keys(ALLOWED).filter((path) => !used.has(path))).toEqual([]);
  });
});
