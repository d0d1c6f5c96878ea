/**
 * Tenant isolation on every route, read from the route table so that it grows with the modules. Staff
 * of tenant A holding every permission any route names, at A's agency, at A's service unit and at A's
 * mall, try every route on tenant B's records (test/support/tenants.ts):
 *
 * - at a subject, or with a path parameter: 403 or 404, as JSON and as a form post past the CSRF check,
 *   with B's ids in the path, the query and the body; not one row changes and no B name is shown;
 * - at the platform scope: 403;
 * - filtered: 200 with none of B's ids, codes or names, even when the query names B's records; a change 4xx;
 * - for the signed-in person, with a path parameter: only when OWN_RECORDS says why it is safe;
 * - public pages: no server error.
 *
 * Positive controls show that the same staff do reach A's own records, so that a resolver answering 404 to
 * everything cannot pass. Why it is built this way: docs/decisions/0013-tenant-isolation-test.md.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ANONYMOUS, coversSubject, isAccess, type Actor } from '../../src/platform/access/access.js';
import { errorKey } from '../../src/platform/errors.js';
import type { App, RouteRecord } from '../../src/platform/http/server.js';
import { buildTestApp, collectCookies, cookieHeader, csrfTokenOf, escapeHtml, messageParts, type Cookies } from '../support/app.js';
import { eachDatabase } from '../support/databases.js';
import { buildTenants, changedTables, fingerprint, staffAt, type Tenant } from '../support/tenants.js';

/**
 * Permission routes with a path parameter whose record belongs to no tenant, so that anyone holding the
 * permission may open any of them, each with the reason. Such a route is only checked for not failing.
 */
const TENANTLESS: Record<string, string> = {
  // A counter officer at any mall serves whoever walks in. The search shows a masked NIK only, and each
  // full read is logged and shown to the citizen (identity.routes.ts).
  'GET /admin/warga/:citizenId': 'citizens belong to no tenant',
};

/**
 * 'signed-in', 'citizen' and 'staff' routes with a path parameter, each with the reason it cannot show
 * another person's records. Empty so far: these routes act on the caller's own account and name no record.
 */
const OWN_RECORDS: Record<string, string> = {
  ...Object.fromEntries(
    [
      'GET /permohonan/:applicationId',
      'POST /permohonan/:applicationId',
      'POST /permohonan/:applicationId/dokumen/:requirementKey',
      'POST /permohonan/:applicationId/dokumen/:requirementKey/hapus',
      'GET /permohonan/:applicationId/berkas/:documentId',
      'GET /permohonan/:applicationId/kirim',
      'POST /permohonan/:applicationId/kirim',
      'GET /permohonan/:applicationId/perbaikan',
      'POST /permohonan/:applicationId/perbaikan',
      'GET /permohonan/:applicationId/batal',
      'POST /permohonan/:applicationId/batal',
      'GET /permohonan/:applicationId/tanda-terima',
      'GET /permohonan/:applicationId/tanda-terima.pdf',
      'GET /permohonan/:applicationId/keluaran/:outputId',
      'GET /api/v1/applications/:applicationId',
      'PATCH /api/v1/applications/:applicationId',
      'POST /api/v1/applications/:applicationId/documents/:requirementKey',
      'POST /api/v1/applications/:applicationId/submit',
    ].map((route) => [route, "a citizen's own application: the use cases answer 404 unless the caller is its applicant (apply.ts)"]),
  ),
  'GET /layanan/:slug/ajukan': 'the start page of a public service, naming no one’s record',
  'POST /layanan/:slug/ajukan': "starts the caller's own draft of a public service",
};

/**
 * Bodies that name B's records in another shape than `key: id`, sent to these routes on top of the plain
 * keys and refused the same way. The invitation form names its scope as `kind:id`.
 */
const PROBE_BODIES: Record<string, (b: Tenant) => Record<string, string>[]> = {
  'POST /admin/staf/undang': (b) =>
    [
      ['agency_admin', `agency:${b.ids.agencyId}`],
      ['unit_admin', `unit:${b.ids.serviceUnitId}`],
      ['mall_manager', `mall:${b.ids.mallId}`],
    ].map(([role, scope]) => ({ email: 'undangan@contoh.go.id', name: 'Undangan', role: role!, scope: scope! })),
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORMATS = ['json', 'html'] as const;
type Format = (typeof FORMATS)[number];
type Response = Awaited<ReturnType<App['inject']>>;
type Category = 'invalid' | 'public' | 'personal' | 'platform' | 'subject' | 'filtered' | 'tenantless';

const routeName = (r: RouteRecord) => `${r.method} ${r.url}`;
/** Path parameters in find-my-way syntax: `:name`, and `*` for a wildcard. */
const paramsOf = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)|\*/g)].map((m) => m[1] ?? '*');
const fill = (url: string, value: (key: string) => string) =>
  url.replace(/:([A-Za-z0-9_]+)|\*/g, (_, key: string | undefined) => encodeURIComponent(value(key ?? '*')));
const subjectOf = (route: RouteRecord) =>
  isAccess(route.access) && typeof route.access === 'object' && typeof route.access.scope === 'object'
    ? { key: route.access.scope.subject, permission: route.access.permission }
    : undefined;
/** The keys naming the records a route acts on: its path parameters and its access subject. */
const keysOf = (route: RouteRecord) => [...new Set([...paramsOf(route.url), ...(subjectOf(route) ? [subjectOf(route)!.key] : [])])];

function categoryOf(route: RouteRecord): Category {
  const access = route.access;
  if (!isAccess(access)) return 'invalid';
  if (access === 'public') return 'public';
  if (typeof access === 'string') return 'personal';
  if (access.scope === 'platform') return 'platform';
  if (TENANTLESS[routeName(route)]) return 'tenantless';
  if (typeof access.scope === 'object' || paramsOf(route.url).length > 0) return 'subject';
  return 'filtered';
}

eachDatabase('tenant isolation on every route', (db) => {
  const actors: Record<string, Actor> = {};
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  const STAFF = ['agency', 'unit', 'mall'];
  let app: App;

  beforeEach(async () => {
    app = await buildTestApp(db(), { RATE_LIMIT_MAX: '1000000' }, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  it('staff of tenant A reach none of tenant B on any route, and every route declares its access', { timeout: 120_000 }, async () => {
    const routes = app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !r.url.startsWith('/assets/'));
    const of = (category: Category) => routes.filter((r) => categoryOf(r) === category);
    const problems: string[] = [];

    // ---- the tenants, with a record for every key a route names, and A's staff -------------------------
    const permissions = [
      ...new Set(routes.flatMap((r) => (isAccess(r.access) && typeof r.access === 'object' ? [r.access.permission] : []))),
    ];
    const { A, B, missing } = await buildTenants(db().db, { keys: of('subject').flatMap(keysOf), permissions });
    for (const route of of('subject')) {
      for (const key of keysOf(route).filter((k) => missing.includes(k))) {
        problems.push(`${routeName(route)}: no fixture for "${key}"; add a builder to FIXTURES in test/support/tenants.ts`);
      }
    }
    actors.agency = staffAt({ kind: 'agency', id: A.ids.agencyId! }, permissions, 'Petugas Instansi Alfa');
    actors.unit = staffAt({ kind: 'unit', id: A.ids.serviceUnitId! }, permissions, 'Petugas Unit Alfa');
    actors.mall = staffAt({ kind: 'mall', id: A.ids.mallId! }, permissions, 'Petugas MPP Alfa');
    const bIds = Object.values(B.ids);
    const anyId = (key: string) => B.ids[key] ?? randomUUID();
    const withB = (url: string) => `${url}?${new URLSearchParams(B.ids).toString()}`;

    let csrf: { token: string; cookies: Cookies } = { token: '', cookies: {} };
    const csrfRefusal = messageParts(errorKey('HTTP_CSRF'), 'id').map(escapeHtml);

    /** One request; one that never answers (a transaction waiting on itself) stops the test with what it found. */
    async function send(method: string, url: string, actor: string, format: Format, body: Record<string, string> = {}) {
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        const stop = () => reject(new Error(`${method} ${url} as ${actor} (${format}) did not answer in 10 s\n${problems.join('\n')}`));
        timer = setTimeout(stop, 10_000);
      });
      try {
        return await Promise.race([inject(method, url, actor, format, body), hung]);
      } finally {
        clearTimeout(timer);
      }
    }

    /** As JSON, or as a browser would: a form post with the CSRF token and cookie. */
    function inject(method: string, url: string, actor: string, format: Format, body: Record<string, string>) {
      const headers = { 'x-test-actor': actor, accept: format === 'json' ? 'application/json' : 'text/html' };
      if (!UNSAFE.has(method)) return app.inject({ method: method as 'GET', url, headers });
      if (format === 'json') {
        return app.inject({ method: method as 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: body });
      }
      return app.inject({
        method: method as 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(csrf.cookies) },
        payload: new URLSearchParams({ _csrf: csrf.token, ...body }).toString(),
      });
    }

    /** B's texts in a response to A's staff, apart from B's ids when the request itself sent them. */
    function leaksOf(response: Response, sentIds: boolean): string[] {
      const text = `${String(response.headers.location ?? '')}\n${response.body}`;
      return B.texts.filter((t) => !(sentIds && bIds.includes(t)) && (text.includes(t) || text.includes(escapeHtml(t))));
    }

    /** A request that must be refused with one of `statuses`, show nothing of B and leave every table as it was. */
    async function expectRefused(route: RouteRecord, url: string, actor: string, statuses: (status: number) => boolean) {
      const bodies = UNSAFE.has(route.method) ? [B.ids, ...(PROBE_BODIES[routeName(route)]?.(B) ?? [])] : [{}];
      for (const body of bodies) {
        for (const format of FORMATS) {
          const before = await fingerprint(db().db);
          const response = await send(route.method, url, actor, format, body);
          const changed = changedTables(before, await fingerprint(db().db));
          const label = `${routeName(route)} as ${actor} staff of A (${format}${body === B.ids ? '' : ` ${JSON.stringify(body)}`})`;
          if (!statuses(response.statusCode)) problems.push(`${label}: ${response.statusCode}: ${response.body.slice(0, 160)}`);
          if (format === 'html' && UNSAFE.has(route.method) && csrfRefusal.every((part) => response.body.includes(part))) {
            problems.push(`${label}: refused by the CSRF check, so the access check was never reached`);
          }
          if (changed.length > 0) problems.push(`${label}: changed ${changed.join(', ')}`);
          const leaks = leaksOf(response, true);
          if (leaks.length > 0) problems.push(`${label}: shows B's ${leaks.join(', ')}`);
        }
      }
    }

    // ---- every route declares a valid access -----------------------------------------------------------
    for (const route of of('invalid')) {
      problems.push(`${routeName(route)}: config.access is not a valid declaration: ${JSON.stringify(route.access)}`);
    }

    // ---- public pages never fail, for visitors or for staff; the first form lends its CSRF token ---------
    for (const route of of('public').filter((r) => r.method === 'GET')) {
      for (const actor of ['anonymous', 'agency']) {
        for (const format of FORMATS) {
          const response = await send('GET', fill(route.url, anyId), actor, format);
          if (response.statusCode >= 500) problems.push(`${routeName(route)} as ${actor} (${format}): ${response.statusCode}`);
          if (!csrf.token && format === 'html' && /name="_csrf" value="/.test(response.body)) {
            csrf = { token: csrfTokenOf(response.body), cookies: collectCookies(response) };
          }
        }
      }
    }
    if (!csrf.token) problems.push('no public page has a form with a CSRF token, so form posts would stop at the CSRF check');

    // ---- each resolver puts A's record inside a scope of A's staff and B's outside all of them ------------
    const subjects = new Map(of('subject').flatMap((r) => (subjectOf(r) ? [[JSON.stringify(subjectOf(r)), subjectOf(r)!]] : [])));
    for (const { key, permission } of subjects.values()) {
      const resolve = app.deps.subjects?.[key];
      if (!resolve || !A.ids[key] || !B.ids[key]) continue;
      const own = await resolve(db().db, A.ids[key]);
      if (!own || !STAFF.some((a) => coversSubject(actors[a]!, permission, own))) {
        problems.push(`the resolver for "${key}" puts A's record outside every scope of A's staff: ${JSON.stringify(own)}`);
      }
      const foreign = await resolve(db().db, B.ids[key]);
      if (!foreign) problems.push(`the resolver for "${key}" does not find B's record, so refusing it proves nothing`);
      else if (STAFF.some((a) => coversSubject(actors[a]!, permission, foreign))) {
        problems.push(`B's "${key}" lies inside a scope of A's staff; fix its fixture in test/support/tenants.ts`);
      }
    }

    // ---- the platform's own routes: 403 at every scope of A ---------------------------------------------
    for (const route of of('platform')) {
      for (const actor of STAFF) await expectRefused(route, withB(fill(route.url, anyId)), actor, (s) => s === 403);
    }

    // ---- B's records by path, query and body: 403 or 404; A's own records: reached -----------------------
    for (const route of of('subject').filter((r) => keysOf(r).every((k) => B.ids[k]))) {
      const url = withB(fill(route.url, (k) => B.ids[k]!));
      for (const actor of STAFF) await expectRefused(route, url, actor, (s) => s === 403 || s === 404);
      // Reads only: a change to A's record would be carried out.
      if (route.method !== 'GET') continue;
      const statuses: number[] = [];
      for (const actor of STAFF) {
        const response = await send(
          'GET',
          fill(route.url, (k) => A.ids[k]!),
          actor,
          'html',
        );
        statuses.push(response.statusCode);
        if (response.statusCode >= 500) problems.push(`${routeName(route)} as ${actor} staff of A on A's records: ${response.statusCode}`);
        if (response.statusCode !== 403 && response.statusCode !== 404) break;
      }
      if (statuses.every((s) => s === 403 || s === 404)) {
        problems.push(`${routeName(route)}: no staff of A reaches A's own records (${statuses.join(', ')})`);
      }
    }

    // ---- filtered: lists without B, even when the query names B's records; changes refused ----------------
    for (const route of of('filtered')) {
      for (const actor of STAFF) {
        if (UNSAFE.has(route.method)) {
          await expectRefused(route, route.url, actor, (s) => s >= 400 && s < 500);
          continue;
        }
        for (const format of FORMATS) {
          const label = `${routeName(route)} as ${actor} staff of A (${format})`;
          const plain = await send('GET', route.url, actor, format);
          if (plain.statusCode !== 200) problems.push(`${label}: ${plain.statusCode}: ${plain.body.slice(0, 160)}`);
          const leaks = leaksOf(plain, false);
          if (leaks.length > 0) problems.push(`${label}: shows B's ${leaks.join(', ')}`);
          const probed = await send('GET', withB(route.url), actor, format);
          // A query naming B's records may be refused (400, 422) but must not fail or send the caller elsewhere.
          if (probed.statusCode >= 300 && probed.statusCode !== 400 && probed.statusCode !== 422) {
            problems.push(`${label} with B's ids in the query: ${probed.statusCode}`);
          }
          const probedLeaks = leaksOf(probed, true);
          if (probedLeaks.length > 0) problems.push(`${label} with B's ids in the query: shows B's ${probedLeaks.join(', ')}`);
        }
      }
    }

    // ---- tenantless records exist for everyone holding the permission; the route must not fail ------------
    for (const route of of('tenantless').filter((r) => !UNSAFE.has(r.method))) {
      const response = await send(route.method, fill(route.url, anyId), 'agency', 'html');
      if (response.statusCode >= 500) problems.push(`${routeName(route)} as agency staff of A: ${response.statusCode}`);
    }

    // ---- the signed-in person's own pages: no record of another person by path; nothing of B -------------
    for (const route of of('personal')) {
      if (paramsOf(route.url).length > 0) {
        if (!OWN_RECORDS[routeName(route)]) {
          problems.push(
            `${routeName(route)}: a '${String(route.access)}' route with a path parameter could show another person's records; ` +
              'declare a permission at a subject, or add it to OWN_RECORDS with the reason it cannot',
          );
        }
      } else if (route.method === 'GET' && route.access !== 'citizen') {
        for (const actor of STAFF) {
          const response = await send('GET', route.url, actor, 'html');
          if (response.statusCode >= 500) problems.push(`${routeName(route)} as ${actor} staff of A: ${response.statusCode}`);
          const leaks = leaksOf(response, false);
          if (leaks.length > 0) problems.push(`${routeName(route)} as ${actor} staff of A: shows B's ${leaks.join(', ')}`);
        }
      }
    }

    // The walk proves nothing over an empty table, or with tenants that share a text.
    expect(of('subject').length, 'routes at a subject').toBeGreaterThan(0);
    expect(of('filtered').length, 'filtered routes').toBeGreaterThan(0);
    expect(A.texts.filter((t) => B.texts.includes(t))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
