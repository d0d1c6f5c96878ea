import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { scopesFor } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { pageContext } from '../../platform/http/page.js';
import { lookupMessage, type Locale } from '../../platform/i18n/catalog.js';
import { renderDocument } from '../../platform/views/render.js';
import { csvRow } from './audit.csv.js';
import { DateRangeReversed } from './audit.errors.js';
import { AuditTrailPage } from './audit.pages.js';
import type { EventFilter } from './audit.repository.js';
import { AuditEventList, AuditPageQuery, DEFAULT_LIMIT, type AuditFilterQuery } from './audit.schemas.js';
import { auditEventsInBatches, listAuditEvents } from './audit.service.js';
import type { AuditEventRow } from './audit.tables.js';

// A grant at any scope; each read returns only the events inside the caller's scopes (see findEvents).
const READ = { permission: 'audit.read', scope: 'filtered' } as const;
const readScopes = (request: FastifyRequest) => scopesFor(request.actor, READ.permission);

/** Filter dates are calendar days as Indonesians read them; the trail's clock is WIB, as the pages show. */
const startOfDayWib = (date: string) => new Date(`${date}T00:00:00+07:00`);

function toFilter(query: AuditFilterQuery): EventFilter {
  if (query.from && query.to && query.to < query.from) {
    throw DateRangeReversed({}, { fields: [{ path: 'to', key: 'audit.error.AUDIT_DATE_RANGE_REVERSED' }] });
  }
  return {
    actor: query.actor,
    actionPrefix: query.action,
    subjectType: query.subjectType,
    subjectId: query.subjectId,
    from: query.from ? startOfDayWib(query.from) : undefined,
    // "To 22 November" includes the whole of that day.
    until: query.to ? new Date(startOfDayWib(query.to).getTime() + 86_400_000) : undefined,
  };
}

const filterOf = ({ actor, action, subjectType, subjectId, from, to }: AuditFilterQuery): AuditFilterQuery => ({
  actor,
  action,
  subjectType,
  subjectId,
  from,
  to,
});

function toJson(e: AuditEventRow) {
  return {
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actor: { kind: e.actorKind, id: e.actorId, name: e.actorName, unit: e.actorUnit },
    action: e.action,
    subject: { type: e.subjectType, id: e.subjectId },
    requestId: e.requestId,
    tenant: { agencyId: e.agencyId, unitId: e.unitId, mallId: e.mallId },
    before: e.before,
    after: e.after,
    hash: e.hash,
  };
}

const CSV_COLUMNS = [
  'seq',
  'time',
  'actorKind',
  'actorId',
  'actorName',
  'actorUnit',
  'action',
  'subjectType',
  'subjectId',
  'requestId',
  'before',
  'after',
  'hash',
  'agencyId',
  'unitId',
  'mallId',
] as const;

const csvCells = (e: AuditEventRow) => [
  e.seq,
  e.occurredAt.toISOString(),
  e.actorKind,
  e.actorId,
  e.actorName,
  e.actorUnit,
  e.action,
  e.subjectType,
  e.subjectId,
  e.requestId,
  e.before ? JSON.stringify(e.before) : '',
  e.after ? JSON.stringify(e.after) : '',
  e.hash,
  e.agencyId,
  e.unitId,
  e.mallId,
];

export async function auditRoutes(app: App) {
  const { database } = app.deps;

  app.get('/admin/audit', { config: { access: READ }, schema: { querystring: AuditPageQuery } }, async (request, reply) => {
    const filter = filterOf(request.query);
    const page = await listAuditEvents(database.db, toFilter(filter), readScopes(request), {
      before: request.query.before,
      limit: request.query.limit,
    });
    return reply.html(
      renderDocument(
        AuditTrailPage({
          ctx: pageContext(request, reply),
          filter,
          events: page.events,
          nextBefore: page.nextBefore,
          isFirstPage: request.query.before === undefined,
          limit: request.query.limit === DEFAULT_LIMIT ? undefined : request.query.limit,
        }),
      ),
    );
  });

  app.get(
    '/api/v1/audit/events',
    {
      config: { access: READ },
      schema: {
        summary: 'The audit trail, newest first, filtered and paginated by cursor',
        tags: ['audit'],
        querystring: AuditPageQuery,
        response: { 200: AuditEventList },
      },
    },
    async (request) => {
      const page = await listAuditEvents(database.db, toFilter(filterOf(request.query)), readScopes(request), {
        before: request.query.before,
        limit: request.query.limit,
      });
      return { events: page.events.map(toJson), nextBefore: page.nextBefore ?? null };
    },
  );

  // Streamed a batch at a time, so exporting years of trail holds one batch in memory, not the trail.
  app.get('/admin/audit/export.csv', { config: { access: READ }, schema: { querystring: AuditPageQuery } }, async (request, reply) => {
    const filter = toFilter(filterOf(request.query));
    const scopes = readScopes(request);
    const locale: Locale = request.locale;
    const header = CSV_COLUMNS.map((c) => lookupMessage(`audit.csv.${c}`, locale) ?? c);
    async function* lines() {
      // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names with diacritics).
      yield `\uFEFF${csvRow(header)}`;
      for await (const batch of auditEventsInBatches(database.db, filter, scopes)) {
        yield batch.map((e) => csvRow(csvCells(e))).join('');
      }
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  });
}
