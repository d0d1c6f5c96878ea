import type { FastifyRequest } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, expectJsonError } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { PLATFORM_ADMIN, seedRegionSlice, staff } from './organizations.test-support.js';

/** Stand-ins for identity: the `x-test-actor` header names the caller; agency scopes are filled in per test. */
const actors: Record<string, Actor> = {};
const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
const as = (who: string) => ({ 'x-test-actor': who, accept: 'application/json' });

const BASE = '/api/v1/organizations';
const AGENCY = { code: 'DISDUKCAPIL-BDG', name: 'Disdukcapil Badung', kind: 'regency_government', regionCode: '51.03' };

eachDatabase('organizations API', (db) => {
  let app: App;
  beforeEach(async () => {
    await seedRegionSlice(db().db);
    actors.admin = PLATFORM_ADMIN;
    actors.clerk = {
      kind: 'staff',
      id: 'clerk-1',
      name: 'Budi',
      sessionId: 's2',
      grants: [{ role: 'loket', scope: { kind: 'platform' }, permissions: new Set(['queue.serve']) }],
    };
    app = await buildTestApp(db(), {}, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  const post = (url: string, payload: object, who = 'admin') => app.inject({ method: 'POST', url, payload, headers: as(who) });
  const put = (url: string, payload: object, who = 'admin') => app.inject({ method: 'PUT', url, payload, headers: as(who) });
  const created = async (url: string, payload: object) => {
    const response = await post(url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number }>();
  };

  it('lets anyone search regions and read the public structure', async () => {
    const regions = await app.inject({ url: `${BASE}/regions?q=badung` });
    expect(regions.statusCode).toBe(200);
    expect(regions.json()).toMatchObject({ total: 1, items: [{ code: '51.03', level: 'regency', timeZone: 'Asia/Makassar' }] });
    await created(`${BASE}/agencies`, AGENCY);
    const list = await app.inject({ url: `${BASE}/agencies?q=dukcapil&kind=regency_government&region=51` });
    expect(list.json()).toMatchObject({ total: 1, page: 1, items: [{ code: 'DISDUKCAPIL-BDG', version: 1 }] });
  });

  it('refuses writes from anonymous callers with 401 and from staff without organizations.manage with 403, writing nothing', async () => {
    expectJsonError(await app.inject({ method: 'POST', url: `${BASE}/agencies`, payload: AGENCY }), 401, 'HTTP_UNAUTHENTICATED');
    expectJsonError(await post(`${BASE}/agencies`, AGENCY, 'clerk'), 403, 'HTTP_FORBIDDEN');
    expect((await app.inject({ url: `${BASE}/agencies?active=all` })).json()).toMatchObject({ total: 0 });
  });

  it('answers a duplicate code with 422 and a field error on code, never a 500', async () => {
    await created(`${BASE}/agencies`, AGENCY);
    const body = expectJsonError(await post(`${BASE}/agencies`, { ...AGENCY, code: 'disdukcapil-bdg' }), 422, 'ORGANIZATIONS_CODE_TAKEN');
    expect(body.error.fields?.map((f) => f.path)).toEqual(['code']);
  });

  it('answers an edit at a stale version with 409', async () => {
    const agency = await created(`${BASE}/agencies`, AGENCY);
    const first = await put(`${BASE}/agencies/${agency.id}`, { ...AGENCY, name: 'Dinas Dukcapil Badung', version: 1 });
    expect(first.json()).toMatchObject({ version: 2, name: 'Dinas Dukcapil Badung' });
    expectJsonError(await put(`${BASE}/agencies/${agency.id}`, { ...AGENCY, version: 1 }, 'admin'), 409, 'ORGANIZATIONS_VERSION_CONFLICT');
  });

  it('refuses to deactivate a mall with active booths, then deactivates it once the booth is closed', async () => {
    const agency = await created(`${BASE}/agencies`, AGENCY);
    const unit = await created(`${BASE}/service-units`, {
      agencyId: agency.id,
      code: 'ADMINDUK',
      name: 'Adminduk',
      regionCode: '51.03.02',
    });
    const mall = await created(`${BASE}/malls`, {
      regionCode: '51.03',
      code: 'MPP-BADUNG',
      name: 'MPP Badung',
      address: 'Jl. Raya Sempidi',
    });
    const booth = await created(`${BASE}/booths`, { mallId: mall.id, serviceUnitId: unit.id, code: 'A', name: 'Gerai A' });
    expectJsonError(await post(`${BASE}/malls/${mall.id}/deactivate`, { version: 1 }), 409, 'ORGANIZATIONS_HAS_ACTIVE_BOOTHS');
    expect((await post(`${BASE}/booths/${booth.id}/deactivate`, { version: 1 })).json()).toMatchObject({ active: false });
    const done = await post(`${BASE}/malls/${mall.id}/deactivate`, { version: 1 });
    expect(done.json()).toMatchObject({ active: false, version: 2, timeZone: 'Asia/Makassar' });
    expect((await app.inject({ url: `${BASE}/malls` })).json()).toMatchObject({ total: 0 });
    expect((await app.inject({ url: `${BASE}/malls?active=false` })).json()).toMatchObject({ total: 1 });
  });

  it('keeps staff scoped to agency A away from agency B’s unit (404), while they may edit their own', async () => {
    const a = await created(`${BASE}/agencies`, AGENCY);
    const b = await created(`${BASE}/agencies`, { code: 'DPMPTSP-BDG', name: 'DPMPTSP Badung', kind: 'regency_government' });
    const unitA = await created(`${BASE}/service-units`, { agencyId: a.id, code: 'ADMINDUK', name: 'Adminduk', regionCode: '51.03' });
    const unitB = await created(`${BASE}/service-units`, { agencyId: b.id, code: 'PERIZINAN', name: 'Perizinan', regionCode: '51.03' });
    actors.staffA = staff({ kind: 'agency', id: a.id });
    const edit = { name: 'Unit diubah', regionCode: '51.03.02', version: 1 };
    expect((await put(`${BASE}/service-units/${unitA.id}`, { ...edit, code: 'ADMINDUK' }, 'staffA')).statusCode).toBe(200);
    expectJsonError(await put(`${BASE}/service-units/${unitB.id}`, { ...edit, code: 'PERIZINAN' }, 'staffA'), 404, 'HTTP_NOT_FOUND');
    expectJsonError(await post(`${BASE}/service-units/${unitB.id}/deactivate`, { version: 1 }, 'staffA'), 404, 'HTTP_NOT_FOUND');
    // Naming the other agency as the parent of a new unit is refused the same way, before the body is validated.
    expectJsonError(await post(`${BASE}/service-units`, { agencyId: b.id }, 'staffA'), 404, 'HTTP_NOT_FOUND');
    expectJsonError(await post(`${BASE}/agencies`, { ...AGENCY, code: 'BARU' }, 'staffA'), 403, 'HTTP_FORBIDDEN');
  });

  it('keeps a mall’s opening hours and refuses impossible ones with 422 instead of a database error', async () => {
    const mall = { regionCode: '73.71', code: 'MPP-MKS', name: 'MPP Kota Makassar', address: 'Jl. Ahmad Yani No. 2, Makassar' };
    const hours = {
      weekly: [{ weekday: 1, opensAt: '08:00', closesAt: '15:00' }],
      exceptions: [{ date: '2026-12-25', opensAt: null, closesAt: null, reason: 'Hari Raya Natal' }],
    };
    const ok = await created(`${BASE}/malls`, { ...mall, hours });
    expect((await app.inject({ url: `${BASE}/malls/${ok.id}` })).json()).toMatchObject({ timeZone: 'Asia/Makassar', hours });
    const bad = {
      weekly: [
        { weekday: 1, opensAt: '08:00', closesAt: '07:00' },
        { weekday: 1, opensAt: '08:00', closesAt: '12:00' },
      ],
      exceptions: [{ date: '2026-12-24', opensAt: '08:00', closesAt: null, reason: 'Cuti bersama' }],
    };
    const body = expectJsonError(await post(`${BASE}/malls`, { ...mall, code: 'MPP-MKS-2', hours: bad }), 422, 'HTTP_VALIDATION');
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual([
      'hours.exceptions.0.closesAt',
      'hours.weekly.0.closesAt',
      'hours.weekly.1.weekday',
    ]);
  });

  it('documents every organizations endpoint, with its response schema, in the OpenAPI description', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { responses?: object }>> }>();
    const kinds = {
      agencies: 'agencyId',
      'org-units': 'orgUnitId',
      'service-units': 'serviceUnitId',
      malls: 'mallId',
      booths: 'boothId',
      counters: 'counterId',
    };
    for (const [kind, key] of Object.entries(kinds)) {
      expect(Object.keys(spec.paths[`${BASE}/${kind}`] ?? {}).sort()).toEqual(['get', 'post']);
      expect(Object.keys(spec.paths[`${BASE}/${kind}/{${key}}`] ?? {}).sort()).toEqual(['get', 'put']);
      expect(spec.paths[`${BASE}/${kind}/{${key}}/deactivate`]?.post?.responses).toHaveProperty('200');
    }
    expect(spec.paths[`${BASE}/regions`]?.get?.responses).toHaveProperty('200');
  });
});
