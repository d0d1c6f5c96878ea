/**
 * The rules of docs/style.md that a machine can check: every route declares its access, every message
 * and error has both languages, and imports respect the module boundaries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../src/app.js';
import { isAccess } from '../src/platform/access/access.js';
import { allErrorDefinitions, errorKey } from '../src/platform/errors.js';
import { createServer, type App } from '../src/platform/http/server.js';
import { allMessages, LOCALES } from '../src/platform/i18n/catalog.js';
import { ROOT_DIR } from '../src/platform/paths.js';
import { buildTestApp, NO_DATABASE, testConfig } from './support/app.js';

describe('access declarations', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(NO_DATABASE);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('every route in the route table declares who may call it', () => {
    expect(app.routeTable.length).toBeGreaterThan(5);
    const undeclared = app.routeTable.filter((r) => !isAccess(r.access)).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    expect(app.routeTable.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /',
        'GET /aksesibilitas',
        'POST /aksesibilitas',
        'POST /api/v1/feedback',
        'GET /api/v1/feedback/stats',
        'GET /healthz',
      ]),
    );
  });

  const bare = () => createServer({ config: testConfig(), database: NO_DATABASE, logger: pino({ level: 'silent' }) });

  for (const [name, config] of [
    ['no declaration', undefined],
    ['an unknown access level', { access: 'everyone' }],
    ['a malformed permission', { access: { permission: 'Decide Everything', scope: 'platform' } }],
    ['a permission without the scope it must be held at', { access: { permission: 'audit.read' } }],
  ] as const) {
    it(`refuses to boot a server with a route that has ${name}`, async () => {
      const server = await bare();
      const boot = async () => {
        await server.register(async (scope) => {
          scope.get('/tanpa-akses', { ...(config ? { config: config as never } : {}) }, async () => 'ok');
        });
        await server.ready();
      };
      await expect(boot()).rejects.toThrow(/declares no access/);
      await server.close().catch(() => {});
    });
  }
});

describe('access subjects', () => {
  it('refuses to boot a route whose access names a subject no module resolves', async () => {
    const server = await createServer({ config: testConfig(), database: NO_DATABASE, logger: pino({ level: 'silent' }) });
    const boot = async () => {
      await server.register(async (scope) => {
        scope.get('/x/:unknownId', { config: { access: { permission: 'x.manage', scope: { subject: 'unknownId' } } } }, async () => 'ok');
      });
      await server.ready();
    };
    await expect(boot()).rejects.toThrow(/no module resolves it/);
    await server.close().catch(() => {});
  });
});

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('every key has a non-empty message in every language', () => {
    expect(allMessages().size).toBeGreaterThan(50);
    const gaps: string[] = [];
    for (const [key, byLocale] of allMessages()) {
      for (const locale of LOCALES) {
        const text = byLocale[locale] as string | undefined;
        if (typeof text !== 'string' || text.trim() === '') gaps.push(`${key} [${locale}]`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('every message uses the same placeholders in every language', () => {
    const mismatched = [...allMessages()]
      .filter(([, m]) => JSON.stringify(placeholders(m.id ?? '')) !== JSON.stringify(placeholders(m.en ?? '')))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('every defined error code has its message in every language', () => {
    expect(allErrorDefinitions().size).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const code of allErrorDefinitions().keys()) {
      const entry = allMessages().get(errorKey(code));
      for (const locale of LOCALES) {
        if (!entry?.[locale]?.trim()) missing.push(`${errorKey(code)} [${locale}]`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('import boundaries', () => {
  const SRC = join(ROOT_DIR, 'src');
  const MODULES = join(SRC, 'modules');
  const PLATFORM = join(SRC, 'platform');
  const COMPOSITION_ROOTS = ['app.ts', 'modules.ts', 'worker.ts', 'main.ts', 'cli.ts'].map((f) => join(SRC, f));

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.tsx?$/.test(entry.name) ? [path] : [];
    });
  }

  /** Every relative import, re-export and dynamic import of a file, resolved to a source path. */
  function importsOf(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
      ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
      ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((m) => m[1]!);
    return specifiers
      .filter((s) => s.startsWith('.'))
      .map((s) =>
        resolve(dirname(file), s)
          .replace(/\.js$/, '.ts')
          .replace(/\.jsx$/, '.tsx'),
      )
      .map((p) => (p.endsWith('.ts') && !sourceExists(p) && sourceExists(`${p}x`) ? `${p}x` : p));
  }

  const all = sourceFiles(SRC);
  const known = new Set(all);
  function sourceExists(path: string) {
    return known.has(path);
  }

  const moduleOf = (path: string) => (path.startsWith(MODULES + sep) ? relative(MODULES, path).split(sep)[0] : undefined);
  const show = (from: string, to: string) => `${relative(ROOT_DIR, from)} → ${relative(ROOT_DIR, to)}`;

  it('finds the source files and their imports', () => {
    expect(all.some((f) => f.startsWith(PLATFORM))).toBe(true);
    expect(all.some((f) => f.startsWith(MODULES))).toBe(true);
    expect(all.flatMap(importsOf).length).toBeGreaterThan(50);
  });

  it('platform/ imports no module and no composition root', () => {
    const violations = all
      .filter((f) => f.startsWith(PLATFORM + sep))
      .flatMap((from) =>
        importsOf(from)
          .filter((to) => moduleOf(to) !== undefined || COMPOSITION_ROOTS.includes(to))
          .map((to) => show(from, to)),
      );
    expect(violations).toEqual([]);
  });

  it("a module imports another module only through that module's index.ts", () => {
    const violations = all
      .filter((f) => moduleOf(f) !== undefined)
      .flatMap((from) =>
        importsOf(from)
          .filter((to) => {
            const target = moduleOf(to);
            return target !== undefined && target !== moduleOf(from) && to !== join(MODULES, target, 'index.ts');
          })
          .map((to) => show(from, to)),
      );
    expect(violations).toEqual([]);
  });

  it('a module never imports a composition root', () => {
    const violations = all
      .filter((f) => moduleOf(f) !== undefined)
      .flatMap((from) =>
        importsOf(from)
          .filter((to) => COMPOSITION_ROOTS.includes(to))
          .map((to) => show(from, to)),
      );
    expect(violations).toEqual([]);
  });
});
