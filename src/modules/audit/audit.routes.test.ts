import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, expectJsonError, VALID_FEEDBACK } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { ANONYMOUS, type Actor, type Scope, type TenantPath } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { recordAudit } from './index.js';

const grant = (permissions: string[], scope: Scope = { kind: 'platform' }) => ({ role: 'test', scope, permissions: new Set(permissions) });

const AGENCY_A = '0a000000-0000-4000-8000-00000000000a';
const AGENCY_B = '0b000000-0000-4000-8000-00000000000b';
const UNIT_A = 'a1000000-0000-4000-8000-0000000000a1';

/** Stand-ins for identity: the `x-test-actor` header says who is calling. */
const ACTORS: Record<string, Actor> = {
  auditor: { kind: 'staff', id: 'auditor-1', name: 'Dewi Auditor', sessionId: 's1', grants: [grant(['audit.read'])] },
  auditorA: {
    kind: 'staff',
    id: 'auditor-a',
    name: 'Auditor Instansi A',
    sessionId: 's4',
    grants: [grant(['audit.read'], { kind: 'agency', id: AGENCY_A }), grant(['queue.serve'], { kind: 'agency', id: AGENCY_B })],
  },
  clerk: { kind: 'staff', id: 'clerk-1', name: 'Budi Loket', sessionId: 's2', grants: [grant(['queue.serve'])] },
  citizen: { kind: 'citizen', id: 'cit-1', name: 'Rina', sessionId: 's3' },
};
const resolveActor = async (request: FastifyRequest) => ACTORS[String(request.headers['x-test-actor'])] ?? ANONYMOUS;
const as = (who: string, accept = 'application/json') => ({ 'x-test-actor': who, accept });

type EventList = {
  events: { seq: number; action: string; actor: { kind: string }; subject: { type: string; id: string }; after: unknown }[];
  nextBefore: number | null;
};

const ROUTES = ['/admin/audit', '/api/v1/audit/events', '/admin/audit/export.csv'];

eachDatabase('audit trail routes', (db) => {
  let app: App;
  beforeEach(async () => {
    app = await buildTestApp(db(), {}, { resolveActor });
  });
  afterEach(async () => {
    await app.close();
  });

  const seed = async (events: { action: string; subjectId: string; after?: Record<string, unknown>; tenant?: TenantPath }[]) => {
    for (const e of events) {
      await db()
        .db.transaction()
        .execute((tx) =>
          recordAudit(tx, {
            actor: { kind: 'staff', id: 'staff-9', name: 'Siti Rahma', unitName: 'Disdukcapil' },
            action: e.action,
            subject: { type: 'feedback', id: e.subjectId },
            after: e.after,
            tenant: e.tenant,
          }),
        );
    }
  };

  it('refuse anonymous callers with 401, and send a browser to sign in first', async () => {
    expectJsonError(await app.inject({ url: '/api/v1/audit/events' }), 401, 'HTTP_UNAUTHENTICATED');
    const page = await app.inject({ url: '/admin/audit?action=identity', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/masuk?next=%2Fadmin%2Faudit%3Faction%3Didentity');
    expect((await app.inject({ url: '/admin/audit/export.csv' })).statusCode).toBe(401);
  });

  it('refuse staff without audit.read, and citizens, with 403', async () => {
    for (const who of ['clerk', 'citizen']) {
      for (const url of ROUTES) {
        const response = await app.inject({ url, headers: as(who) });
        expect(response.statusCode, `${who} ${url}`).toBe(403);
      }
    }
    expectJsonError(await app.inject({ url: '/api/v1/audit/events', headers: as('clerk') }), 403, 'HTTP_FORBIDDEN');
  });

  it('let an auditor read the trail, which records a feedback submission without its text', async () => {
    const posted = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: VALID_FEEDBACK,
      headers: { 'x-request-id': 'req-feedback-1' },
    });
    expect(posted.statusCode).toBe(201);
    const response = await app.inject({ url: '/api/v1/audit/events', headers: as('auditor') });
    expect(response.statusCode).toBe(200);
    const body = response.json<EventList & { events: { requestId: string }[] }>();
    expect(body.nextBefore).toBeNull();
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({
      seq: 1,
      action: 'portal.feedback.submitted',
      actor: { kind: 'anonymous', id: null, name: null },
      subject: { type: 'feedback', id: posted.json<{ id: string }>().id },
      requestId: 'req-feedback-1',
      before: null,
      after: { kind: 'barrier', hasContact: true },
    });
    expect(response.body).not.toContain(VALID_FEEDBACK.message);
    expect(response.body).not.toContain(VALID_FEEDBACK.contactEmail);
  });

  it('filter by action prefix, subject and actor, newest first, and page by cursor', async () => {
    await seed([
      { action: 'portal.feedback.submitted', subjectId: 'a' },
      { action: 'portal.feedback.acknowledged', subjectId: 'a' },
      { action: 'queue.ticket.called', subjectId: 'b' },
      { action: 'portal.feedback.resolved', subjectId: 'a' },
    ]);
    const get = async (query: string) => {
      const r = await app.inject({ url: `/api/v1/audit/events?${query}`, headers: as('auditor') });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<EventList>();
    };
    expect((await get('action=portal.feedback.')).events.map((e) => e.seq)).toEqual([4, 2, 1]);
    expect((await get('action=portal.feedback.acknowledged')).events.map((e) => e.seq)).toEqual([2]);
    expect((await get('subjectType=feedback&subjectId=b')).events.map((e) => e.seq)).toEqual([3]);
    expect((await get('actor=siti')).events).toHaveLength(4);
    expect((await get('actor=staff-9')).events).toHaveLength(4);
    expect((await get('actor=nobody')).events).toHaveLength(0);
    // A LIKE wildcard in the filter is a literal character, not "anything".
    expect((await get('action=%25')).events).toHaveLength(0);
    const first = await get('limit=3');
    expect(first.events.map((e) => e.seq)).toEqual([4, 3, 2]);
    expect(first.nextBefore).toBe(2);
    const second = await get(`limit=3&before=${first.nextBefore}`);
    expect(second).toEqual({ events: [expect.objectContaining({ seq: 1 })], nextBefore: null });
  });

  it('filter by a date range in WIB days, and refuse a range that ends before it starts', async () => {
    await seed([{ action: 'portal.feedback.submitted', subjectId: 'a' }]);
    // 21 Nov 2026 18:30 UTC is 22 Nov 01:30 WIB.
    await sql`update audit.event set occurred_at = '2026-11-21T18:30:00Z'`.execute(db().db);
    const count = async (query: string) =>
      (await app.inject({ url: `/api/v1/audit/events?${query}`, headers: as('auditor') })).json<EventList>().events.length;
    expect(await count('from=2026-11-22&to=2026-11-22')).toBe(1);
    expect(await count('to=2026-11-21')).toBe(0);
    expect(await count('from=2026-11-23')).toBe(0);
    expectJsonError(
      await app.inject({ url: '/api/v1/audit/events?from=2026-11-22&to=2026-11-01', headers: as('auditor') }),
      422,
      'AUDIT_DATE_RANGE_REVERSED',
    );
    expectJsonError(await app.inject({ url: '/api/v1/audit/events?from=22-11-2026', headers: as('auditor') }), 422, 'HTTP_VALIDATION');
  });

  it('show the trail as a GOV.UK page with the filter kept, in both languages', async () => {
    await seed([
      { action: 'portal.feedback.submitted', subjectId: 'a' },
      { action: 'queue.ticket.called', subjectId: 'b' },
    ]);
    const id = await app.inject({ url: '/admin/audit?action=portal.', headers: as('auditor', 'text/html') });
    expect(id.statusCode).toBe(200);
    expect(id.headers['content-type']).toMatch(/^text\/html/);
    expect(id.body).toContain('<html lang="id"');
    expect(id.body).toContain('Jejak audit');
    expect(id.body).toContain('class="govuk-table"');
    expect(id.body).toContain('portal.feedback.submitted');
    expect(id.body).not.toContain('queue.ticket.called');
    expect(id.body).toMatch(/name="action"[^>]*value="portal\."|value="portal\."[^>]*name="action"/);
    expect(id.body).toContain('href="/admin/audit/export.csv?action=portal."');
    const en = await app.inject({ url: '/admin/audit?lang=en', headers: as('auditor', 'text/html') });
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Audit trail');
    expect(en.body).toContain('Siti Rahma');
  });

  it('link to older events when the page is full', async () => {
    await seed(Array.from({ length: 3 }, (_, i) => ({ action: 'portal.feedback.submitted', subjectId: `s${i}` })));
    const page = await app.inject({ url: '/admin/audit?limit=2', headers: as('auditor', 'text/html') });
    expect(page.body).toContain('class="govuk-pagination');
    expect(page.body).toContain('href="/admin/audit?limit=2&amp;before=2"');
    const older = await app.inject({ url: '/admin/audit?limit=2&before=2', headers: as('auditor', 'text/html') });
    expect(older.body).toContain('href="/admin/audit?limit=2"');
    expect(older.body).not.toContain('rel="next"');
  });

  it('export the filtered trail as CSV with quotes, commas and newlines escaped and formulas neutralised', async () => {
    await seed([
      { action: 'portal.feedback.submitted', subjectId: '=HYPERLINK("http://evil.example","klik")' },
      { action: 'portal.feedback.acknowledged', subjectId: 'Bogor, "Jawa Barat"\nbaris dua' },
      { action: 'portal.feedback.resolved', subjectId: '+62812' },
      { action: 'portal.feedback.reopened', subjectId: '-1' },
      { action: 'portal.feedback.closed', subjectId: '@SUM(A1)' },
      { action: 'queue.ticket.called', subjectId: 'not-exported' },
    ]);
    const response = await app.inject({ url: '/admin/audit/export.csv?action=portal.&lang=en', headers: as('auditor') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = response.body.replace(/^\uFEFF/, '');
    expect(text.startsWith('seq,time_utc,actor_kind,actor_id,actor_name,actor_unit,action,subject_type,subject_id,')).toBe(true);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""klik"")",`);
    expect(text).toContain(`,"Bogor, ""Jawa Barat""\nbaris dua",`);
    expect(text).toContain(`,'+62812,`);
    expect(text).toContain(`,'-1,`);
    expect(text).toContain(`,'@SUM(A1),`);
    expect(text).not.toContain('not-exported');
    // Header plus five events, newest first; every record ends in CRLF.
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(6);
    expect(text.split('\r\n')[1]).toMatch(/^5,/);
  });

  describe('scoped to the auditor’s grants', () => {
    beforeEach(async () => {
      await seed([
        { action: 'portal.feedback.submitted', subjectId: 'platform-level' },
        { action: 'queue.ticket.called', subjectId: 'subject-of-a', tenant: { agencyId: AGENCY_A } },
        { action: 'queue.ticket.called', subjectId: 'subject-of-b', tenant: { agencyId: AGENCY_B } },
        { action: 'queue.ticket.served', subjectId: 'unit-of-a', tenant: { agencyId: AGENCY_A, unitId: UNIT_A } },
      ]);
    });

    const csvSubjects = (body: string) =>
      body
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(',')[8]);

    it('an auditor granted at agency A reads A’s events and never B’s or platform-level ones: JSON, page and CSV', async () => {
      const json = await app.inject({ url: '/api/v1/audit/events', headers: as('auditorA') });
      expect(json.statusCode, json.body).toBe(200);
      const body = json.json<EventList & { events: { tenant: TenantPath }[] }>();
      expect(body.events.map((e) => e.subject.id)).toEqual(['unit-of-a', 'subject-of-a']);
      expect(body.events[1]!.tenant).toEqual({ agencyId: AGENCY_A, unitId: null, mallId: null });

      const page = await app.inject({ url: '/admin/audit', headers: as('auditorA', 'text/html') });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('subject-of-a');
      expect(page.body).not.toContain('subject-of-b');
      expect(page.body).not.toContain('platform-level');

      const csv = await app.inject({ url: '/admin/audit/export.csv?lang=en', headers: as('auditorA') });
      expect(csv.statusCode).toBe(200);
      expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/,hash,agency_id,unit_id,mall_id$/);
      expect(csvSubjects(csv.body)).toEqual(['unit-of-a', 'subject-of-a']);
      expect(csv.body).toContain(`,${AGENCY_A},,\r\n`);
      expect(csv.body).not.toContain('subject-of-b');
    });

    it('filters and the cursor apply inside the scope', async () => {
      const get = async (query: string) =>
        (await app.inject({ url: `/api/v1/audit/events?${query}`, headers: as('auditorA') })).json<EventList>();
      expect((await get('action=queue.ticket.called')).events.map((e) => e.subject.id)).toEqual(['subject-of-a']);
      expect((await get('subjectId=subject-of-b')).events).toEqual([]);
      const first = await get('limit=1');
      expect(first.events.map((e) => e.seq)).toEqual([4]);
      expect(first.nextBefore).toBe(4);
      expect(await get('limit=1&before=4')).toEqual({ events: [expect.objectContaining({ seq: 2 })], nextBefore: null });
    });

    it('a platform auditor reads every event, those without a tenant included: JSON, page and CSV', async () => {
      const json = await app.inject({ url: '/api/v1/audit/events', headers: as('auditor') });
      expect(json.json<EventList>().events.map((e) => e.subject.id)).toEqual([
        'unit-of-a',
        'subject-of-b',
        'subject-of-a',
        'platform-level',
      ]);
      const page = await app.inject({ url: '/admin/audit', headers: as('auditor', 'text/html') });
      for (const id of ['platform-level', 'subject-of-a', 'subject-of-b']) expect(page.body).toContain(id);
      const csv = await app.inject({ url: '/admin/audit/export.csv', headers: as('auditor') });
      expect(csvSubjects(csv.body)).toEqual(['unit-of-a', 'subject-of-b', 'subject-of-a', 'platform-level']);
    });
  });
});
