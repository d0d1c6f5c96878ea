import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Access } from '../../platform/access/access.js';
import { AppError } from '../../platform/errors.js';
import { NotFound } from '../../platform/http/errors.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { Rerender } from '../../platform/http/types.js';
import { lookupMessage } from '../../platform/i18n/catalog.js';
import { ErrorPage } from '../../platform/views/error-page.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import { findServiceUnit } from './catalog.queries.js';
import { MaklumatNotDraft } from './maklumat.errors.js';
import { MAKLUMAT_PATHS, MaklumatFormPage, MaklumatListPage, MaklumatPreviewPage, PublishPage, UnitPledgesPage } from './maklumat.pages.js';
import { renderMaklumatPoster } from './maklumat.pdf.js';
import { MaklumatBody, MaklumatEdit, MaklumatListQuery, MaklumatParams, PosterQuery, PublishBody, UnitParams } from './maklumat.schemas.js';
import * as Svc from './maklumat.service.js';

const PAGE_SIZE = 25;
/** The list shows the units inside the staff member's scopes; every other page names its unit or pledge. */
const LIST: Access = { permission: Svc.STANDARDS_MANAGE, scope: 'filtered' };
const manage = (subject: 'serviceUnitId' | 'maklumatId'): Access => ({ permission: Svc.STANDARDS_MANAGE, scope: { subject } });

const unitIdOf = (request: FastifyRequest) => (request.params as { serviceUnitId: string }).serviceUnitId;
const maklumatIdOf = (request: FastifyRequest) => (request.params as { maklumatId: string }).maklumatId;

/** The pledge's row as the form shows it: every field as text, with the version it was read at. */
const formValues = <T extends { opening?: string | null | undefined; closing?: string | null | undefined }>(m: T) => ({
  ...m,
  opening: m.opening ?? '',
  closing: m.closing ?? '',
});

/**
 * Staff pages for the units' service pledges under /admin/maklumat (list, a unit's pledges, the draft form,
 * preview, publishing), and the public poster PDF beside the unit's page. Each form shows itself again with
 * what was typed when it is refused.
 */
export async function maklumatRoutes(app: App) {
  const { database, config } = app.deps;
  const ctx = (request: FastifyRequest): Svc.MaklumatContext => ({ db: database.db, actor: request.actor, requestId: request.id });
  const page = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply);

  /**
   * A refused form shown again; should its record have become unreadable meanwhile (a unit deactivated
   * between the two requests), the refusal's own message is shown on an error page instead.
   */
  const orError =
    (render: Rerender): Rerender =>
    async (request, reply, form) => {
      try {
        return await render(request, reply, form);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const c = page(request, reply);
        const first = form.errors[0];
        const message = first ? (lookupMessage(first.key, c.locale, first.params) ?? first.key) : error.code;
        return renderDocument(ErrorPage({ ctx: c, status: reply.statusCode, message }));
      }
    };

  const newForm: Rerender = orError(async (request, reply, form) => {
    const { unit } = await Svc.getUnitPledges(ctx(request), unitIdOf(request));
    return renderDocument(MaklumatFormPage({ ctx: page(request, reply), form, unit }));
  });
  const editForm: Rerender = orError(async (request, reply, form) => {
    const { unit } = await Svc.getMaklumat(ctx(request), maklumatIdOf(request));
    return renderDocument(MaklumatFormPage({ ctx: page(request, reply), form, unit, id: maklumatIdOf(request) }));
  });
  const publishForm: Rerender = orError(async (request, reply, form) => {
    const found = await Svc.getMaklumat(ctx(request), maklumatIdOf(request));
    return renderDocument(PublishPage({ ctx: page(request, reply), form, ...found }));
  });

  /** After a change: a flash naming the unit, then the page that shows what changed. */
  const done = async (request: FastifyRequest, reply: FastifyReply, maklumatId: string, flash: 'saved' | 'published', to: string) => {
    const { unit } = await Svc.getMaklumat(ctx(request), maklumatId);
    reply.flash({ type: 'success', key: `standards.maklumat.flash.${flash}`, params: { unit: unit.name } });
    return reply.seeOther(to);
  };

  /** A draft, for the pages that change one; a published or superseded pledge is history. */
  const draftOf = async (request: FastifyRequest) => {
    const found = await Svc.getMaklumat(ctx(request), maklumatIdOf(request));
    if (found.maklumat.status !== 'draft') throw MaklumatNotDraft();
    return found;
  };

  app.get(MAKLUMAT_PATHS.list, { config: { access: LIST }, schema: { querystring: MaklumatListQuery } }, async (request, reply) => {
    const { q, page: at } = request.query;
    const found = await Svc.listUnitPledges(ctx(request), { q, page: at, pageSize: PAGE_SIZE });
    return reply.html(
      renderDocument(
        MaklumatListPage({ ctx: page(request, reply), rows: found.items, total: found.total, page: at, pageSize: PAGE_SIZE, q }),
      ),
    );
  });

  app.get(
    MAKLUMAT_PATHS.unit(':serviceUnitId'),
    { config: { access: manage('serviceUnitId') }, schema: { params: UnitParams } },
    async (request, reply) => {
      const pledges = await Svc.getUnitPledges(ctx(request), request.params.serviceUnitId);
      return reply.html(renderDocument(UnitPledgesPage({ ctx: page(request, reply), ...pledges })));
    },
  );

  app.get(
    MAKLUMAT_PATHS.draft(':serviceUnitId'),
    { config: { access: manage('serviceUnitId') }, schema: { params: UnitParams } },
    async (request, reply) => {
      // One draft at a time: "new" goes on with the one there is.
      const draftId = await Svc.findDraftId(ctx(request), request.params.serviceUnitId);
      if (draftId) return reply.seeOther(MAKLUMAT_PATHS.edit(draftId));
      const { unit, values } = await Svc.prefillMaklumat(ctx(request), request.params.serviceUnitId);
      return reply.html(renderDocument(MaklumatFormPage({ ctx: page(request, reply), form: emptyForm(formValues(values)), unit })));
    },
  );

  app.post(
    MAKLUMAT_PATHS.unit(':serviceUnitId'),
    { config: { access: manage('serviceUnitId'), rerender: newForm }, schema: { params: UnitParams, body: MaklumatBody } },
    async (request, reply) => {
      const draft = await Svc.createMaklumatDraft(ctx(request), request.params.serviceUnitId, request.body);
      return done(request, reply, draft.id, 'saved', MAKLUMAT_PATHS.pledge(draft.id));
    },
  );

  app.get(
    MAKLUMAT_PATHS.pledge(':maklumatId'),
    { config: { access: manage('maklumatId') }, schema: { params: MaklumatParams } },
    async (request, reply) => {
      const { maklumat, unit } = await Svc.getMaklumat(ctx(request), request.params.maklumatId);
      return reply.html(renderDocument(MaklumatPreviewPage({ ctx: page(request, reply), maklumat, unit })));
    },
  );

  app.get(
    MAKLUMAT_PATHS.edit(':maklumatId'),
    { config: { access: manage('maklumatId') }, schema: { params: MaklumatParams } },
    async (request, reply) => {
      const { maklumat, unit } = await draftOf(request);
      const form = emptyForm(formValues(maklumat));
      return reply.html(renderDocument(MaklumatFormPage({ ctx: page(request, reply), form, unit, id: maklumat.id })));
    },
  );

  app.post(
    MAKLUMAT_PATHS.pledge(':maklumatId'),
    { config: { access: manage('maklumatId'), rerender: editForm }, schema: { params: MaklumatParams, body: MaklumatEdit } },
    async (request, reply) => {
      const saved = await Svc.editMaklumatDraft(ctx(request), request.params.maklumatId, request.body);
      return done(request, reply, saved.id, 'saved', MAKLUMAT_PATHS.pledge(saved.id));
    },
  );

  app.get(
    MAKLUMAT_PATHS.publish(':maklumatId'),
    { config: { access: manage('maklumatId') }, schema: { params: MaklumatParams } },
    async (request, reply) => {
      const found = await draftOf(request);
      const form = emptyForm({ version: found.maklumat.version });
      return reply.html(renderDocument(PublishPage({ ctx: page(request, reply), form, ...found })));
    },
  );

  app.post(
    MAKLUMAT_PATHS.publish(':maklumatId'),
    { config: { access: manage('maklumatId'), rerender: publishForm }, schema: { params: MaklumatParams, body: PublishBody } },
    async (request, reply) => {
      const { published } = await Svc.publishMaklumat(ctx(request), request.params.maklumatId, request.body);
      return done(request, reply, published.id, 'published', MAKLUMAT_PATHS.unit(published.serviceUnitId));
    },
  );

  // ---- the public poster ------------------------------------------------------------------------

  app.get(
    '/unit/:serviceUnitId/maklumat.pdf',
    { config: { access: 'public' }, schema: { params: z.object({ serviceUnitId: z.string().max(100) }), querystring: PosterQuery } },
    async (request, reply) => {
      const { serviceUnitId } = request.params;
      const [unit, maklumat] = await Promise.all([
        findServiceUnit(database.db, serviceUnitId),
        Svc.findPublishedMaklumat(database.db, serviceUnitId),
      ]);
      if (!unit || !maklumat) throw NotFound();
      const size = request.query.ukuran;
      const pdf = await renderMaklumatPoster({
        maklumat,
        unitName: unit.name,
        agencyName: unit.agencyName,
        pageUrl: `${config.publicUrl}${MAKLUMAT_PATHS.publicPage(unit.id)}`,
        size,
      });
      return reply
        .type('application/pdf')
        .header('cache-control', 'public, max-age=300')
        .header('content-disposition', `inline; filename="maklumat-pelayanan-${size}.pdf"`)
        .send(pdf);
    },
  );
}
