import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, cookieHeader, expectJsonError, getPage } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { buildTenants, staffAt } from '../../../test/support/tenants.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { lookupMessage } from '../../platform/i18n/catalog.js';
import { standardContent } from './catalog.test-support.js';
import { MANAGE } from './standards.service.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

type Json = Record<string, unknown>;

/** A multipart/form-data body: the fields first, then the file, as the ratify route reads them. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }) {
  const boundary = `----satupintu${randomUUID()}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="decreeFile"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

eachDatabase('standards JSON API', (db) => {
  const actors: Record<string, Actor> = {};
  const resolveActor = async (request: FastifyRequest) => actors[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
  let app: App;
  let ids: { A: Record<string, string>; B: Record<string, string> };

  beforeEach(async () => {
    const { A, B } = await buildTenants(db().db, { permissions: [MANAGE] });
    ids = { A: A.ids, B: B.ids };
    actors.unitA = staffAt({ kind: 'unit', id: A.ids.serviceUnitId! }, [MANAGE], 'Admin Unit Alfa');
    actors.agencyB = staffAt({ kind: 'agency', id: B.ids.agencyId! }, [MANAGE], 'Admin Instansi Beta');
    actors.auditorA = staffAt({ kind: 'agency', id: A.ids.agencyId! }, ['audit.read'], 'Auditor Alfa');
    actors.citizen = { kind: 'citizen', id: randomUUID(), name: 'Ni Luh', sessionId: 's' };
    app = await buildTestApp(db(), {}, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    actor?: string,
    payload?: Json,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url: `/api/v1/standards${url}`,
      headers: { ...(actor ? { 'x-test-actor': actor } : {}), ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload ? { payload } : {}),
    });

  const SERVICE = () => ({
    serviceUnitId: ids.A.serviceUnitId!,
    code: 'ktp-el',
    name: 'Penerbitan KTP Elektronik',
    summary: 'Penerbitan KTP-el bagi penduduk yang telah berusia 17 tahun.',
    category: 'civil_registration',
    kind: 'non_licensing',
    audiences: ['citizen'],
    channels: 'both',
  });

  async function draftOfNewService() {
    const service = (await call('POST', '/services', 'unitA', SERVICE())).json<Json>();
    const version = (await call('POST', `/services/${String(service.id)}/versions`, 'unitA', {})).json<Json>();
    return { service, version };
  }

  async function inReview() {
    const { service, version } = await draftOfNewService();
    const saved = (
      await call('PUT', `/versions/${String(version.id)}/content`, 'unitA', { content: standardContent(), version: 1 })
    ).json<Json>();
    const review = (await call('POST', `/versions/${String(version.id)}/submit`, 'unitA', { version: saved.version })).json<Json>();
    return { service, version: review };
  }

  it('registers a service for staff covering its unit; others get 404, 403 or 401', async () => {
    const created = await call('POST', '/services', 'unitA', SERVICE());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'KTP-EL',
      slug: 'penerbitan-ktp-elektronik',
      agencyId: ids.A.agencyId,
      version: 1,
      active: true,
    });
    expectJsonError(await call('POST', '/services', 'agencyB', SERVICE()), 404, 'HTTP_NOT_FOUND');
    expectJsonError(await call('POST', '/services', 'auditorA', SERVICE()), 403, 'HTTP_FORBIDDEN');
    expectJsonError(await call('POST', '/services', 'citizen', SERVICE()), 403, 'HTTP_FORBIDDEN');
    expectJsonError(await call('POST', '/services', undefined, SERVICE()), 401, 'HTTP_UNAUTHENTICATED');
    const list = (await call('GET', '/services', 'unitA')).json<{ items: Json[]; total: number }>();
    expect([list.total, list.items[0]!.code, list.items[0]!.openVersion]).toEqual([1, 'KTP-EL', null]);
    expect((await call('GET', '/services', 'agencyB')).json<{ total: number }>().total).toBe(0);
    const taken = expectJsonError(await call('POST', '/services', 'unitA', SERVICE()), 422, 'STANDARDS_CODE_TAKEN');
    expect(taken.error.fields).toEqual([{ path: 'code', message: lookupMessage('standards.error.STANDARDS_CODE_TAKEN', 'id') }]);
  });

  it('answers a wrong component with its field paths and readable messages, in the caller’s language', async () => {
    const { version } = await draftOfNewService();
    const response = await call('PATCH', `/versions/${String(version.id)}/content?lang=en`, 'unitA', {
      component: 'requirements',
      value: [{ key: 'ktp', name: 'KTP-el', kind: 'document', mandatory: true, fileTypes: ['bukan/mime type'] }],
      version: 1,
    });
    const body = expectJsonError(response, 422, 'STANDARDS_CONTENT_INVALID', 'en');
    expect(body.error.fields).toEqual([
      { path: 'requirements.0.fileTypes.0', message: lookupMessage('platform.validation.format', 'en') },
      { path: 'requirements.0.maxSizeKb', message: 'Say the largest file size accepted for this document.' },
    ]);
    const missing = await call('PATCH', `/versions/${String(version.id)}`.concat('/content'), 'unitA', {
      component: 'requirements',
      value: [{ key: 'ktp', name: 'KTP-el', kind: 'document', mandatory: true, maxSizeKb: 100 }],
      version: 1,
    });
    expect(expectJsonError(missing, 422, 'STANDARDS_CONTENT_INVALID').error.fields).toEqual([
      { path: 'requirements.0.fileTypes', message: 'Sebutkan jenis berkas yang diterima untuk dokumen ini.' },
    ]);
  });

  it('tells the slower of two editors that someone else saved first, and keeps the faster one’s change', async () => {
    const { version } = await draftOfNewService();
    const url = `/versions/${String(version.id)}/content`;
    const first = await call('PATCH', url, 'unitA', { component: 'facilities', value: 'Ruang tunggu dan toilet', version: 1 });
    expect([first.statusCode, first.json<Json>().version]).toEqual([200, 2]);
    const second = await call('PATCH', url, 'unitA', { component: 'facilities', value: 'Ruang tunggu', version: 1 });
    const body = expectJsonError(second, 409, 'STANDARDS_VERSION_CONFLICT');
    expect(body.error.message).toContain('revisi 2');
    expect((await call('GET', `/versions/${String(version.id)}`, 'unitA')).json<{ content: Json }>().content).toEqual({
      facilities: 'Ruang tunggu dan toilet',
    });
  });

  it('takes public comments only on a version in consultation, anonymously, and not without limit', async () => {
    const { version } = await inReview();
    const comment = { authorName: 'Made', body: 'Mohon layanan Sabtu dibuka.', component: 'general' };
    expectJsonError(await call('POST', `/versions/${String(version.id)}/comments`, undefined, comment), 404, 'STANDARDS_NOT_FOUND');
    const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const open = await call('POST', `/versions/${String(version.id)}/consultation`, 'unitA', { closesAt, version: version.version });
    expect(open.json()).toMatchObject({ status: 'consultation', consultationClosesAt: closesAt });
    const posted = await call('POST', `/versions/${String(version.id)}/comments`, undefined, comment);
    expect(posted.statusCode).toBe(201);
    expect(Object.keys(posted.json<Json>()).sort()).toEqual(['createdAt', 'id', 'status']);
    const staffView = (await call('GET', `/versions/${String(version.id)}/comments`, 'unitA')).json<Json[]>();
    expect(staffView).toMatchObject([{ authorName: 'Made', status: 'pending' }]);
    expectJsonError(await call('GET', `/versions/${String(version.id)}/comments`, 'agencyB'), 404, 'HTTP_NOT_FOUND');
    const moderated = await call('POST', `/comments/${String(staffView[0]!.id)}/moderate`, 'unitA', {
      status: 'approved',
      response: 'Akan dibahas.',
    });
    expect(moderated.json()).toMatchObject({ status: 'approved', response: 'Akan dibahas.' });
    expectJsonError(
      await call('POST', `/comments/${String(staffView[0]!.id)}/moderate`, 'agencyB', { status: 'rejected' }),
      404,
      'HTTP_NOT_FOUND',
    );
    // Ten posts in ten minutes from one address, counting the refused first one and the one above.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await call('POST', `/versions/${String(version.id)}/comments`, 'citizen', comment)).statusCode);
    }
    expect(statuses).toEqual(Array(8).fill(201));
    expectJsonError(await call('POST', `/versions/${String(version.id)}/comments`, undefined, comment), 429, 'HTTP_RATE_LIMITED');
    expect((await call('GET', `/versions/${String(version.id)}/comments`, 'unitA')).json<Json[]>()).toHaveLength(9);
  });

  it('ratifies with the decree PDF as multipart, publishes, and serves the decree to staff only', async () => {
    const { service, version } = await inReview();
    const page = await getPage(app, '/aksesibilitas');
    const upload = (file: { name: string; type: string; content: Buffer }) => {
      const form = multipart(
        {
          version: String(version.version),
          decreeNumber: '800/12/KEP/2026',
          decreeDate: new Date().toISOString().slice(0, 10),
          signatory: 'Kepala Dinas',
        },
        file,
      );
      return app.inject({
        method: 'POST',
        url: `/api/v1/standards/versions/${String(version.id)}/ratify`,
        headers: { 'x-test-actor': 'unitA', 'content-type': form.type, 'x-csrf-token': page.token, cookie: cookieHeader(page.cookies) },
        payload: form.payload,
      });
    };
    const png = expectJsonError(await upload({ name: 'sk.pdf', type: 'application/pdf', content: PNG }), 415, 'FILES_TYPE_NOT_ALLOWED');
    expect(png.error.message).toContain('image/png');
    expect((await call('GET', `/versions/${String(version.id)}`, 'unitA')).json<Json>().status).toBe('review');
    const ratified = await upload({ name: 'SK Standar KTP №12.pdf', type: 'application/pdf', content: PDF });
    expect(ratified.statusCode).toBe(200);
    expect(ratified.json()).toMatchObject({ status: 'ratified', decreeNumber: '800/12/KEP/2026', hasDecreeFile: true });
    expect(ratified.json<Json>()).not.toHaveProperty('decreeFileKey');

    const decree = await call('GET', `/versions/${String(version.id)}/decree`, 'unitA');
    expect([decree.statusCode, decree.headers['content-type'], decree.rawPayload]).toEqual([200, 'application/pdf', PDF]);
    expect(decree.headers['content-disposition']).toBe(
      `attachment; filename="SK Standar KTP _12.pdf"; filename*=UTF-8''${encodeURIComponent('SK Standar KTP №12.pdf')}`,
    );
    expect(decree.headers['cache-control']).toBe('private, no-store');
    expectJsonError(await call('GET', `/versions/${String(version.id)}/decree`, 'agencyB'), 404, 'HTTP_NOT_FOUND');
    expectJsonError(await call('GET', `/versions/${String(version.id)}/decree`), 401, 'HTTP_UNAUTHENTICATED');

    const publish = await call('POST', `/versions/${String(version.id)}/publish`, 'unitA', {
      effectiveDate: new Date().toISOString().slice(0, 10),
      version: ratified.json<Json>().version,
    });
    expect(publish.json()).toMatchObject({ status: 'published', missingComponents: [] });
    const detail = (await call('GET', `/services/${String(service.id)}`, 'unitA')).json<{ versions: Json[] }>();
    expect(detail.versions.map((v) => v.status)).toEqual(['published']);
    const history = (await call('GET', `/versions/${String(version.id)}/history`, 'unitA')).json<Json[]>();
    expect(history.map((e) => e.action)).toEqual(['drafted', 'content-saved', 'submitted', 'ratified', 'published']);
    const completeness = (await call('GET', `/versions/${String(version.id)}/completeness?lang=en`, 'unitA')).json<Json>();
    expect(completeness).toMatchObject({
      level: 3,
      description: 'The service standard has all 14 components and has been adopted.',
      reasons: [
        { code: 'noPublicInvolvement', message: 'No public consultation that ran its course or has an approved comment.' },
        { code: 'notReviewed', message: 'Not reviewed in the last 12 months.' },
      ],
    });
    // The first version has nothing before it: every component is new.
    const diff = (await call('GET', `/versions/${String(version.id)}/diff`, 'unitA')).json<{ from: Json; components: Json[] }>();
    expect([diff.from.number, diff.components.every((c) => c.change === 'added')]).toEqual([0, true]);
  });

  it('refuses to ratify an incomplete standard, naming what is missing; JSON bodies need no CSRF token', async () => {
    const { version } = await draftOfNewService();
    const { fee: _fee, ...partial } = standardContent();
    const saved = (await call('PUT', `/versions/${String(version.id)}/content`, 'unitA', { content: partial, version: 1 })).json<Json>();
    const review = (await call('POST', `/versions/${String(version.id)}/submit`, 'unitA', { version: saved.version })).json<Json>();
    const response = await call('POST', `/versions/${String(version.id)}/ratify?lang=en`, 'unitA', {
      decreeNumber: '1',
      decreeDate: '2026-01-05',
      signatory: 'Kepala Dinas',
      version: review.version,
    });
    const body = expectJsonError(response, 422, 'STANDARDS_INCOMPLETE', 'en');
    expect(body.error.message).toBe('The service standard is incomplete: 1 of the 14 components are missing (4. Biaya/tarif).');
    expect(body.error.fields).toEqual([{ path: 'fee', message: 'This component is required.' }]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from standards.standard_version where status = 'ratified'`.execute(
      db().db,
    );
    expect(rows[0]!.n).toBe(0);
  });
});
