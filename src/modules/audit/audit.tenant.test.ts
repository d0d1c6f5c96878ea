/**
 * The trail as an auditor at an agency or a mall sees it, with organizations writing the events through
 * its API: each change carries its record's place in the tree, and a scoped read returns only those.
 */
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor, type Scope } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { importRegions } from '../organizations/index.js';
import { verifyAuditChain } from './index.js';

const staff = (id: string, permission: string, scope: Scope): Actor => ({
  kind: 'staff',
  id,
  name: id,
  sessionId: `session-${id}`,
  grants: [{ role: 'test', scope, permissions: new Set([permission]) }],
});

const actors: Record<string, Actor> = { admin: staff('admin', 'organizations.manage', { kind: 'platform' }) };
const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
const as = (who: string) => ({ 'x-test-actor': who, accept: 'application/json' });

const BASE = '/api/v1/organizations';

eachDatabase('audit trail of organization changes, by tenant', (db) => {
  let app: App;
  beforeEach(async () => {
    await importRegions(
      { db: db().db },
      [
        { code: '51', name: 'BALI', parentCode: null },
        { code: '51.03', name: 'KABUPATEN BADUNG', parentCode: '51' },
        { code: '51.03.02', name: 'Mengwi', parentCode: '51.03' },
      ],
      { sourceVersion: 'audit-test@1' },
    );
    app = await buildTestApp(db(), {}, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  const create = async (path: string, payload: object) => {
    const response = await app.inject({ method: 'POST', url: `${BASE}/${path}`, payload, headers: as('admin') });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number }>();
  };

  /** Two agencies, each with a service unit and a booth in one mall; A also has an org unit and a counter. */
  async function structure() {
    const agencyA = await create('agencies', { code: 'DUKCAPIL', name: 'Disdukcapil Badung', kind: 'regency_government' });
    const agencyB = await create('agencies', { code: 'DPMPTSP', name: 'DPMPTSP Badung', kind: 'regency_government' });
    const orgUnitA = await create('org-units', { agencyId: agencyA.id, code: 'BIDANG-1', name: 'Bidang Pelayanan' });
    const unitA = await create('service-units', { agencyId: agencyA.id, code: 'ADMINDUK', name: 'Adminduk', regionCode: '51.03.02' });
    const unitB = await create('service-units', { agencyId: agencyB.id, code: 'PERIZINAN', name: 'Perizinan', regionCode: '51.03.02' });
    const mall = await create('malls', { regionCode: '51.03', code: 'MPP-BADUNG', name: 'MPP Badung', address: 'Jl. Raya Sempidi' });
    const boothA = await create('booths', { mallId: mall.id, serviceUnitId: unitA.id, code: 'A', name: 'Gerai Disdukcapil' });
    const boothB = await create('booths', { mallId: mall.id, serviceUnitId: unitB.id, code: 'B', name: 'Gerai DPMPTSP' });
    const counterA = await create('counters', { boothId: boothA.id, code: '1', name: 'Loket 1' });
    const deactivated = await app.inject({
      method: 'POST',
      url: `${BASE}/counters/${counterA.id}/deactivate`,
      payload: { version: counterA.version },
      headers: as('admin'),
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    return { agencyA, agencyB, orgUnitA, unitA, unitB, mall, boothA, boothB, counterA };
  }

  it('each change carries the agency, unit and mall of its record, and the chain verifies', async () => {
    const s = await structure();
    const { rows } = await sql<{ action: string; agencyId: string | null; unitId: string | null; mallId: string | null }>`
      select action, agency_id, unit_id, mall_id from audit.event order by seq`.execute(db().db);
    const path = (agencyId: string | null, unitId: string | null, mallId: string | null) => ({ agencyId, unitId, mallId });
    expect(rows.map(({ action, ...tenant }) => [action, tenant])).toEqual([
      ['organizations.agency.created', path(s.agencyA.id, null, null)],
      ['organizations.agency.created', path(s.agencyB.id, null, null)],
      ['organizations.org-unit.created', path(s.agencyA.id, null, null)],
      ['organizations.service-unit.created', path(s.agencyA.id, s.unitA.id, null)],
      ['organizations.service-unit.created', path(s.agencyB.id, s.unitB.id, null)],
      ['organizations.mall.created', path(null, null, s.mall.id)],
      ['organizations.booth.created', path(s.agencyA.id, s.unitA.id, s.mall.id)],
      ['organizations.booth.created', path(s.agencyB.id, s.unitB.id, s.mall.id)],
      ['organizations.counter.created', path(s.agencyA.id, s.unitA.id, s.mall.id)],
      ['organizations.counter.deactivated', path(s.agencyA.id, s.unitA.id, s.mall.id)],
    ]);
    expect(await verifyAuditChain(db().db)).toEqual({ ok: true, checked: 10 });
  });

  it('an auditor at agency A reads A’s changes only; one at the mall reads the mall’s and its booths’', async () => {
    const s = await structure();
    actors.auditorA = staff('auditor-a', 'audit.read', { kind: 'agency', id: s.agencyA.id });
    actors.auditorMall = staff('auditor-mall', 'audit.read', { kind: 'mall', id: s.mall.id });
    const subjects = async (who: string) => {
      const response = await app.inject({ url: '/api/v1/audit/events', headers: as(who) });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ events: { action: string; subject: { id: string } }[] }>().events.map((e) => `${e.action} ${e.subject.id}`);
    };
    expect(await subjects('auditorA')).toEqual([
      `organizations.counter.deactivated ${s.counterA.id}`,
      `organizations.counter.created ${s.counterA.id}`,
      `organizations.booth.created ${s.boothA.id}`,
      `organizations.service-unit.created ${s.unitA.id}`,
      `organizations.org-unit.created ${s.orgUnitA.id}`,
      `organizations.agency.created ${s.agencyA.id}`,
    ]);
    expect(await subjects('auditorMall')).toEqual([
      `organizations.counter.deactivated ${s.counterA.id}`,
      `organizations.counter.created ${s.counterA.id}`,
      `organizations.booth.created ${s.boothB.id}`,
      `organizations.booth.created ${s.boothA.id}`,
      `organizations.mall.created ${s.mall.id}`,
    ]);
  });
});
