import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopesFor, type Access } from '../../platform/access/access.js';
import { createFileStore } from '../../platform/files/store.js';
import type { App } from '../../platform/http/server.js';
import { lookupMessage } from '../../platform/i18n/catalog.js';
import { validComponents } from './standards.completeness.js';
import { COMPONENTS } from './standards.content.js';
import type { CommentRow, ServiceRow, VersionEventRow, VersionRow } from './standards.repository.js';
import * as S from './standards.schemas.js';
import * as Svc from './standards.service.js';

/**
 * The staff JSON API of services and their standards under /api/v1/standards, and the one public endpoint:
 * commenting on a version in public consultation. Lists are filtered by the caller's `standards.manage`
 * scopes; every route naming a record is checked against that record's place in the tree before it runs.
 */

const manage = (subject: 'serviceId' | 'versionId' | 'commentId' | 'serviceUnitId'): Access => ({
  permission: Svc.MANAGE,
  scope: { subject },
});
const MANAGE_FILTERED: Access = { permission: Svc.MANAGE, scope: 'filtered' };
/** Public comments: enough for a person writing several, too few for a flood. */
const COMMENT_RATE = { max: 10, timeWindow: '10 minutes' };

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentService(row: ServiceRow) {
  const { search: _search, ...rest } = row as ServiceRow & { search?: unknown };
  return { ...rest, deactivatedAt: iso(row.deactivatedAt), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export function presentVersionSummary(v: VersionRow) {
  return {
    id: v.id,
    serviceId: v.serviceId,
    number: v.number,
    status: v.status,
    basedOnVersionId: v.basedOnVersionId,
    consultationOpensAt: iso(v.consultationOpensAt),
    consultationClosesAt: iso(v.consultationClosesAt),
    decreeNumber: v.decreeNumber,
    decreeDate: v.decreeDate,
    decreeSignatory: v.decreeSignatory,
    hasDecreeFile: v.decreeFileKey !== null,
    effectiveDate: v.effectiveDate,
    publishedAt: iso(v.publishedAt),
    supersededAt: iso(v.supersededAt),
    withdrawnAt: iso(v.withdrawnAt),
    withdrawnReason: v.withdrawnReason,
    lastReviewedAt: iso(v.lastReviewedAt),
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function presentVersion(v: VersionRow) {
  const present = validComponents(v.content);
  return {
    ...presentVersionSummary(v),
    content: v.content as Record<string, unknown>,
    missingComponents: COMPONENTS.filter((key) => !present.includes(key)),
  };
}

const presentEvent = (e: VersionEventRow) => ({ ...e, occurredAt: e.occurredAt.toISOString() });

const presentComment = (c: CommentRow) => ({
  id: c.id,
  versionId: c.versionId,
  authorName: c.authorName,
  component: c.component,
  body: c.body,
  status: c.status,
  response: c.response,
  moderatedAt: iso(c.moderatedAt),
  createdAt: c.createdAt.toISOString(),
});

/** RFC 6266: an ASCII fallback and the UTF-8 name, so "SK №12.pdf" survives. */
function attachment(name: string) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function standardsRoutes(app: App) {
  const { database, config } = app.deps;
  // Read per request: the architecture test builds the app without a database.
  const db = () => database.db;
  const files = createFileStore(config);
  const ctx = (request: FastifyRequest): Svc.StandardsContext => ({ db: db(), actor: request.actor, requestId: request.id, files });
  const tags = ['standards'];
  const base = '/api/v1/standards';
  const versionId = (request: FastifyRequest) => (request.params as { versionId: string }).versionId;

  // ---- services ---------------------------------------------------------------------------------

  app.get(
    `${base}/services`,
    {
      config: { access: MANAGE_FILTERED },
      schema: {
        summary: 'List the services whose standards you manage',
        tags,
        querystring: S.ServiceListQuery,
        response: { 200: S.ServicePage },
      },
    },
    async (request) => {
      const { q, serviceUnitId, active, page, pageSize } = request.query;
      const found = await Svc.listServices(db(), scopesFor(request.actor, Svc.MANAGE), {
        q,
        serviceUnitId,
        active: active === 'all' ? undefined : active === 'true',
        page,
        pageSize,
      });
      return {
        items: found.items.map((row) => ({
          ...presentService(row),
          publishedVersion: row.publishedVersionId ? { id: row.publishedVersionId, number: row.publishedNumber! } : null,
          openVersion: row.openVersionId ? { id: row.openVersionId, number: row.openNumber!, status: row.openStatus! } : null,
        })),
        page,
        pageSize,
        total: found.total,
      };
    },
  );

  app.post(
    `${base}/services`,
    {
      config: { access: manage('serviceUnitId') },
      schema: { summary: 'Register a service of a service unit', tags, body: S.ServiceBody, response: { 201: S.ServiceResponse } },
    },
    async (request, reply) => reply.status(201).send(presentService(await Svc.createService(ctx(request), request.body))),
  );

  const serviceDetail = async (serviceId: string) => {
    const found = await Svc.getService(db(), serviceId);
    return {
      ...presentService(found),
      locations: found.locations.map((l) => ({ mallId: l.mallId, boothId: l.boothId })),
      versions: found.versions.map(presentVersionSummary),
    };
  };

  app.get(
    `${base}/services/:serviceId`,
    {
      config: { access: manage('serviceId') },
      schema: { summary: 'One service with its locations and versions', tags, params: S.ServiceParams, response: { 200: S.ServiceDetail } },
    },
    async (request) => serviceDetail(request.params.serviceId),
  );

  app.put(
    `${base}/services/:serviceId`,
    {
      config: { access: manage('serviceId') },
      schema: {
        summary: 'Edit a service (send the version you read; 409 if it changed)',
        tags,
        params: S.ServiceParams,
        body: S.ServiceEdit,
        response: { 200: S.ServiceResponse },
      },
    },
    async (request) => presentService(await Svc.updateService(ctx(request), request.params.serviceId, request.body)),
  );

  app.post(
    `${base}/services/:serviceId/deactivate`,
    {
      config: { access: manage('serviceId') },
      schema: {
        summary: 'Deactivate a service (never deleted)',
        tags,
        params: S.ServiceParams,
        body: S.VersionBody,
        response: { 200: S.ServiceResponse },
      },
    },
    async (request) => presentService(await Svc.deactivateService(ctx(request), request.params.serviceId, request.body)),
  );

  app.put(
    `${base}/services/:serviceId/locations`,
    {
      config: { access: manage('serviceId') },
      schema: {
        summary: 'Replace the malls (and booths) where a service is offered',
        tags,
        params: S.ServiceParams,
        body: S.LocationsBody,
        response: { 200: S.ServiceDetail },
      },
    },
    async (request) => {
      await Svc.setServiceLocations(ctx(request), request.params.serviceId, request.body.locations);
      return serviceDetail(request.params.serviceId);
    },
  );

  // ---- versions ---------------------------------------------------------------------------------

  app.get(
    `${base}/services/:serviceId/versions`,
    {
      config: { access: manage('serviceId') },
      schema: {
        summary: 'The versions of a service’s standard, newest first',
        tags,
        params: S.ServiceParams,
        response: { 200: z.array(S.VersionSummary) },
      },
    },
    async (request) => (await Svc.listVersions(db(), request.params.serviceId)).map(presentVersionSummary),
  );

  app.post(
    `${base}/services/:serviceId/versions`,
    {
      config: { access: manage('serviceId') },
      schema: {
        summary: 'Start a new draft (409 while another version is in the making)',
        tags,
        params: S.ServiceParams,
        body: S.DraftBody,
        response: { 201: S.VersionResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentVersion(await Svc.createDraft(ctx(request), request.params.serviceId, request.body))),
  );

  app.get(
    `${base}/versions/:versionId`,
    {
      config: { access: manage('versionId') },
      schema: { summary: 'One version with its content', tags, params: S.VersionParams, response: { 200: S.VersionResponse } },
    },
    async (request) => presentVersion(await Svc.getVersion(db(), request.params.versionId)),
  );

  app.patch(
    `${base}/versions/:versionId/content`,
    {
      config: { access: manage('versionId') },
      schema: {
        summary: 'Save one of the 14 components of a draft (null clears it; 422 with field paths; 409 if someone saved first)',
        tags,
        params: S.VersionParams,
        body: S.ComponentBody,
        response: { 200: S.VersionResponse },
      },
    },
    async (request) => {
      const { component, value, version } = request.body;
      return presentVersion(await Svc.saveComponent(ctx(request), versionId(request), component, value, version));
    },
  );

  app.put(
    `${base}/versions/:versionId/content`,
    {
      config: { access: manage('versionId') },
      schema: {
        summary: 'Replace the whole content of a draft',
        tags,
        params: S.VersionParams,
        body: S.ContentBody,
        response: { 200: S.VersionResponse },
      },
    },
    async (request) => presentVersion(await Svc.saveContent(ctx(request), versionId(request), request.body.content, request.body.version)),
  );

  /** The lifecycle steps that take a JSON body and answer with the version. */
  const steps = [
    ['submit', 'Send a draft to review', S.SubmitBody, Svc.submitForReview],
    ['return', 'Return a version under review (or after its consultation) to draft, with a note', S.ReturnBody, Svc.returnToDraft],
    ['consultation', 'Open public consultation on a reviewed version until closesAt', S.ConsultationBody, Svc.openConsultation],
    ['publish', 'Publish a ratified, complete version; the published one is superseded', S.PublishBody, Svc.publish],
    ['withdraw', 'Withdraw a version in the making or the published one, with the reason', S.WithdrawBody, Svc.withdraw],
    ['review', 'Record a periodic review that keeps the published standard', S.ReviewBody, Svc.markReviewed],
  ] as const;
  for (const [path, summary, body, step] of steps) {
    app.post(
      `${base}/versions/:versionId/${path}`,
      {
        config: { access: manage('versionId') },
        schema: { summary, tags, params: S.VersionParams, body: body as z.ZodType, response: { 200: S.VersionResponse } },
      },
      async (request) => {
        const input = request.body as z.input<typeof body>;
        // The body was validated against `body` above; the step parses it again with the same schema.
        const run = step as (c: Svc.StandardsContext, id: string, i: typeof input) => Promise<VersionRow>;
        return presentVersion(await run(ctx(request), versionId(request), input));
      },
    );
  }

  app.post(
    `${base}/versions/:versionId/ratify`,
    {
      config: { access: manage('versionId') },
      schema: {
        summary: 'Record the adoption by decree (from review, or after a closed consultation)',
        description:
          'JSON with the decree fields, or multipart/form-data with the same fields followed by the signed decree as a PDF (≤ 10 MB) in `decreeFile`; multipart posts carry the CSRF token (`x-csrf-token` or `_csrf` in the query). The file is checked by its content.',
        tags,
        params: S.VersionParams,
        body: S.RatifyBody.nullish(),
        response: { 200: S.VersionResponse },
      },
    },
    async (request) => {
      const id = versionId(request);
      if (!request.isMultipart()) return presentVersion(await Svc.ratify(ctx(request), id, request.body as S.RatifyBody));
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'decreeFile') {
          part.file.resume();
          continue;
        }
        const decreeFile = { source: part.file, name: part.filename };
        try {
          return presentVersion(await Svc.ratify(ctx(request), id, { ...(fields as unknown as S.RatifyBody), decreeFile }));
        } finally {
          // A refused step leaves the rest of the upload unread; drain it so the request can end.
          part.file.resume();
        }
      }
      return presentVersion(await Svc.ratify(ctx(request), id, fields as unknown as S.RatifyBody));
    },
  );

  app.get(
    `${base}/versions/:versionId/decree`,
    {
      config: { access: manage('versionId') },
      schema: { summary: 'Download the stored decree (PDF) of a version', tags, params: S.VersionParams },
    },
    async (request, reply) => {
      const { info, stream, version } = await Svc.openDecreeFile(db(), files, versionId(request));
      return reply
        .type(info.mediaType)
        .header('content-disposition', attachment(info.name ?? `keputusan-standar-v${version.number}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.get(
    `${base}/versions/:versionId/history`,
    {
      config: { access: manage('versionId') },
      schema: {
        summary: 'Who did what to a version, oldest first',
        tags,
        params: S.VersionParams,
        response: { 200: z.array(S.HistoryEntry) },
      },
    },
    async (request) => (await Svc.versionHistory(db(), versionId(request))).map(presentEvent),
  );

  app.get(
    `${base}/versions/:versionId/diff`,
    {
      config: { access: manage('versionId') },
      schema: {
        summary: 'What changed, component by component and item by item, against another version of the same service',
        tags,
        params: S.VersionParams,
        querystring: S.DiffQuery,
        response: { 200: S.DiffResponse },
      },
    },
    async (request) => Svc.diffAgainst(db(), versionId(request), request.query.against),
  );

  app.get(
    `${base}/versions/:versionId/completeness`,
    {
      config: { access: manage('versionId') },
      schema: {
        summary: 'The version’s level on the PEKPPP 1.a.Ak scale (0–5) and what it lacks',
        tags,
        params: S.VersionParams,
        response: { 200: S.CompletenessResponse },
      },
    },
    async (request) => {
      const found = await Svc.completeness(db(), versionId(request), { reviewMonths: config.STANDARDS_REVIEW_MONTHS });
      const text = (key: string, params?: Record<string, string | number>) =>
        lookupMessage(`standards.${key}`, request.locale, params) ?? key;
      return {
        ...found,
        description: text(`completeness.level.${found.level}`),
        reasons: found.reasons.map((r) => ({ code: r.code, message: text(`completeness.reason.${r.code}`, r.params) })),
        reviewDueAt: iso(found.reviewDueAt),
      };
    },
  );

  // ---- consultation -----------------------------------------------------------------------------

  app.get(
    `${base}/versions/:versionId/comments`,
    {
      config: { access: manage('versionId') },
      schema: {
        summary: 'The public’s comments on a version, every status',
        tags,
        params: S.VersionParams,
        querystring: S.CommentListQuery,
        response: { 200: z.array(S.CommentResponse) },
      },
    },
    async (request) => (await Svc.listComments(db(), versionId(request), request.query.status)).map(presentComment),
  );

  app.post(
    `${base}/versions/:versionId/comments`,
    {
      config: { access: 'public', rateLimit: COMMENT_RATE },
      schema: {
        summary: 'Comment on a version in public consultation (anyone; shown once moderated)',
        description: 'Only for a version whose consultation is open: 404 for any other, 409 once it has closed.',
        tags,
        params: S.VersionParams,
        body: S.CommentBody,
        response: { 201: S.CommentReceived },
      },
    },
    async (request, reply) => {
      const comment = await Svc.addConsultationComment(ctx(request), versionId(request), request.body);
      return reply.status(201).send({ id: comment.id, status: 'pending' as const, createdAt: comment.createdAt.toISOString() });
    },
  );

  app.post(
    `${base}/comments/:commentId/moderate`,
    {
      config: { access: manage('commentId') },
      schema: {
        summary: 'Approve (optionally answering) or reject a public comment',
        tags,
        params: S.CommentParams,
        body: S.ModerateBody,
        response: { 200: S.CommentResponse },
      },
    },
    async (request) => presentComment(await Svc.moderateComment(ctx(request), request.params.commentId, request.body)),
  );
}
