import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { FormState } from '../../platform/http/types.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import { NotFound } from './organizations.errors.js';
import { AgencyFormPage, DeactivatePage, ListPage, MallFormPage, type Screen } from './organizations.pages.js';
import * as R from './organizations.repository.js';
import * as S from './organizations.schemas.js';
import * as Svc from './organizations.service.js';
import type { OrganizationsTables } from './organizations.tables.js';

/** Lists show only the records inside the staff member's scopes; new agencies and malls are the platform's to create. */
const LIST: Access = { permission: Svc.MANAGE, scope: 'filtered' };
const PLATFORM: Access = { permission: Svc.MANAGE, scope: 'platform' };
const manage = (subject: string): Access => ({ permission: Svc.MANAGE, scope: { subject } });
const AGENCIES: Screen = { slug: 'instansi' };
const MALLS: Screen = { slug: 'mpp' };

const idOf = (request: FastifyRequest) => Object.values(request.params as Record<string, string>)[0]!;
const activeFilter = (active: 'true' | 'false' | 'all') => (active === 'all' ? undefined : active === 'true');

/**
 * Admin screens for agencies and malls (`/admin/organisasi/...`). Units, booths and counters are managed
 * through the API for now. Every form re-renders with what was typed when the service refuses it.
 */
export async function organizationsAdminRoutes(app: App) {
  const { database } = app.deps;
  const db = () => tablesOf<OrganizationsTables>(database.db);
  const ctx = (request: FastifyRequest): Svc.ServiceContext => ({ db: database.db, actor: request.actor, requestId: request.id });
  const page = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply);

  const findOr404 = async <T>(row: Promise<T | undefined>): Promise<T> => {
    const found = await row;
    if (!found) throw NotFound();
    return found;
  };

  // ---- agencies ---------------------------------------------------------------------------------

  const agencyForm = (id?: string) => (request: FastifyRequest, reply: FastifyReply, form: FormState) =>
    renderDocument(AgencyFormPage({ ctx: page(request, reply), form, ...(id ? { id } : {}) }));
  const agencyDeactivate = async (request: FastifyRequest, reply: FastifyReply, form: FormState) => {
    const agency = await findOr404(R.findAgency(db(), idOf(request)));
    return renderDocument(DeactivatePage({ ctx: page(request, reply), screen: AGENCIES, form, id: agency.id, name: agency.name }));
  };

  app.get(
    '/admin/organisasi/instansi',
    { config: { access: LIST }, schema: { querystring: S.AgencyListQuery } },
    async (request, reply) => {
      const q = request.query;
      const found = await R.listAgencies(db(), { ...q, active: activeFilter(q.active) });
      return reply.html(
        renderDocument(
          ListPage({
            ctx: page(request, reply),
            screen: AGENCIES,
            rows: found.items,
            total: found.total,
            page: q.page,
            pageSize: q.pageSize,
            query: { q: q.q, active: q.active, kind: q.kind },
            columns: [
              { labelKey: 'organizations.field.kind', cell: (r: R.AgencyRow, t) => t(`organizations.kind.${r.kind}`) },
              { labelKey: 'organizations.field.regionCode', cell: (r: R.AgencyRow) => r.regionCode ?? '–' },
            ],
          }),
        ),
      );
    },
  );

  app.get('/admin/organisasi/instansi/baru', { config: { access: PLATFORM } }, async (request, reply) =>
    reply.html(agencyForm()(request, reply, emptyForm({ kind: 'regency_government' }))),
  );

  app.post(
    '/admin/organisasi/instansi',
    { config: { access: PLATFORM, rerender: agencyForm() }, schema: { body: S.AgencyBody } },
    async (request, reply) => {
      const agency = await Svc.createAgency(ctx(request), request.body);
      reply.flash({ type: 'success', key: 'organizations.flash.created', params: { name: agency.name } });
      return reply.seeOther('/admin/organisasi/instansi');
    },
  );

  app.get(
    '/admin/organisasi/instansi/:agencyId/ubah',
    { config: { access: manage('agencyId') }, schema: { params: S.AgencyParams } },
    async (request, reply) => {
      const agency = await findOr404(R.findAgency(db(), request.params.agencyId));
      const values = {
        code: agency.code,
        name: agency.name,
        kind: agency.kind,
        regionCode: agency.regionCode ?? '',
        version: agency.version,
      };
      return reply.html(agencyForm(agency.id)(request, reply, emptyForm(values)));
    },
  );

  app.post(
    '/admin/organisasi/instansi/:agencyId',
    {
      config: { access: manage('agencyId'), rerender: (request, reply, form) => agencyForm(idOf(request))(request, reply, form) },
      schema: { params: S.AgencyParams, body: S.AgencyEdit },
    },
    async (request, reply) => {
      const agency = await Svc.editAgency(ctx(request), request.params.agencyId, request.body);
      reply.flash({ type: 'success', key: 'organizations.flash.saved', params: { name: agency.name } });
      return reply.seeOther('/admin/organisasi/instansi');
    },
  );

  app.get(
    '/admin/organisasi/instansi/:agencyId/nonaktifkan',
    { config: { access: manage('agencyId') }, schema: { params: S.AgencyParams } },
    async (request, reply) => {
      const agency = await findOr404(R.findAgency(db(), request.params.agencyId));
      return reply.html(await agencyDeactivate(request, reply, emptyForm({ version: agency.version })));
    },
  );

  app.post(
    '/admin/organisasi/instansi/:agencyId/nonaktifkan',
    { config: { access: manage('agencyId'), rerender: agencyDeactivate }, schema: { params: S.AgencyParams, body: S.DeactivateBody } },
    async (request, reply) => {
      await Svc.deactivate(ctx(request), 'agency', request.params.agencyId, request.body);
      const agency = await findOr404(R.findAgency(db(), request.params.agencyId));
      reply.flash({ type: 'success', key: 'organizations.flash.deactivated', params: { name: agency.name } });
      return reply.seeOther('/admin/organisasi/instansi');
    },
  );

  // ---- malls ------------------------------------------------------------------------------------

  const mallForm = (id?: string) => (request: FastifyRequest, reply: FastifyReply, form: FormState) =>
    renderDocument(MallFormPage({ ctx: page(request, reply), form, ...(id ? { id } : {}) }));
  const mallDeactivate = async (request: FastifyRequest, reply: FastifyReply, form: FormState) => {
    const mall = await findOr404(R.findMall(db(), idOf(request)));
    return renderDocument(DeactivatePage({ ctx: page(request, reply), screen: MALLS, form, id: mall.id, name: mall.name }));
  };

  app.get('/admin/organisasi/mpp', { config: { access: LIST }, schema: { querystring: S.MallListQuery } }, async (request, reply) => {
    const q = request.query;
    const found = await R.listMalls(db(), { ...q, active: activeFilter(q.active) });
    return reply.html(
      renderDocument(
        ListPage({
          ctx: page(request, reply),
          screen: MALLS,
          rows: found.items,
          total: found.total,
          page: q.page,
          pageSize: q.pageSize,
          query: { q: q.q, active: q.active },
          columns: [
            { labelKey: 'organizations.field.mallRegion', cell: (r: R.MallRow) => r.regionCode },
            { labelKey: 'organizations.field.address', cell: (r: R.MallRow) => r.address },
          ],
        }),
      ),
    );
  });

  app.get('/admin/organisasi/mpp/baru', { config: { access: PLATFORM } }, async (request, reply) =>
    reply.html(mallForm()(request, reply, emptyForm())),
  );

  app.post(
    '/admin/organisasi/mpp',
    { config: { access: PLATFORM, rerender: mallForm() }, schema: { body: S.MallBody } },
    async (request, reply) => {
      const mall = await Svc.createMall(ctx(request), request.body);
      reply.flash({ type: 'success', key: 'organizations.flash.created', params: { name: mall.name } });
      return reply.seeOther('/admin/organisasi/mpp');
    },
  );

  app.get(
    '/admin/organisasi/mpp/:mallId/ubah',
    { config: { access: manage('mallId') }, schema: { params: S.MallParams } },
    async (request, reply) => {
      const mall = await findOr404(R.findMall(db(), request.params.mallId));
      const values = { code: mall.code, name: mall.name, regionCode: mall.regionCode, address: mall.address, version: mall.version };
      return reply.html(mallForm(mall.id)(request, reply, emptyForm(values)));
    },
  );

  app.post(
    '/admin/organisasi/mpp/:mallId',
    {
      config: { access: manage('mallId'), rerender: (request, reply, form) => mallForm(idOf(request))(request, reply, form) },
      schema: { params: S.MallParams, body: S.MallEdit },
    },
    async (request, reply) => {
      // The form does not carry opening hours, so `hours` stays undefined and the stored hours are kept.
      const mall = await Svc.editMall(ctx(request), request.params.mallId, request.body);
      reply.flash({ type: 'success', key: 'organizations.flash.saved', params: { name: mall.name } });
      return reply.seeOther('/admin/organisasi/mpp');
    },
  );

  app.get(
    '/admin/organisasi/mpp/:mallId/nonaktifkan',
    { config: { access: manage('mallId') }, schema: { params: S.MallParams } },
    async (request, reply) => {
      const mall = await findOr404(R.findMall(db(), request.params.mallId));
      return reply.html(await mallDeactivate(request, reply, emptyForm({ version: mall.version })));
    },
  );

  app.post(
    '/admin/organisasi/mpp/:mallId/nonaktifkan',
    { config: { access: manage('mallId'), rerender: mallDeactivate }, schema: { params: S.MallParams, body: S.DeactivateBody } },
    async (request, reply) => {
      await Svc.deactivate(ctx(request), 'mall', request.params.mallId, request.body);
      const mall = await findOr404(R.findMall(db(), request.params.mallId));
      reply.flash({ type: 'success', key: 'organizations.flash.deactivated', params: { name: mall.name } });
      return reply.seeOther('/admin/organisasi/mpp');
    },
  );
}
