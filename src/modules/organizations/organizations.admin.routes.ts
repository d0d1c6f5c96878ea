import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopesFor, type Access, type Scope } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { FormState } from '../../platform/http/types.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import { hoursToForm, parseHoursForm } from './organizations.admin.hours.js';
import * as A from './organizations.admin.schemas.js';
import { NotFound } from './organizations.errors.js';
import {
  ADMIN_PATHS,
  AgencyFormPage,
  agencyKindChoices,
  BoothFormPage,
  CounterFormPage,
  DeactivatePage,
  HoursPage,
  ListPage,
  MallFormPage,
  MallPage,
  mallPath,
  UnitFormPage,
  type Choice,
  type Column,
} from './organizations.pages.js';
import * as R from './organizations.repository.js';
import * as S from './organizations.schemas.js';
import * as Svc from './organizations.service.js';
import type { OrganizationsTables } from './organizations.tables.js';

/**
 * Lists show only the records inside the staff member's scopes; new agencies and malls are the platform's
 * to create; every other page names its record (or the parent a new one goes under) as its access subject.
 */
const LIST: Access = { permission: Svc.MANAGE, scope: 'filtered' };
const PLATFORM: Access = { permission: Svc.MANAGE, scope: 'platform' };
const manage = (subject: string): Access => ({ permission: Svc.MANAGE, scope: { subject } });

const activeFilter = (active: 'true' | 'false' | 'all') => (active === 'all' ? undefined : active === 'true');
const isPlatform = (scopes: readonly Scope[]) => scopes.some((s) => s.kind === 'platform');
const filtered = (path: string, agencyId: string | undefined) => (agencyId ? `${path}?agencyId=${agencyId}` : path);
const asText = (value: unknown) => (typeof value === 'string' ? value : '');

type Render = (request: FastifyRequest, reply: FastifyReply, form: FormState) => string | Promise<string>;
interface Lifecycle {
  id: string;
  name: string;
  version: number;
}

/**
 * Admin screens for the organization tree (`/admin/organisasi/...`): agencies with their organizational
 * and service units, and malls with their opening hours, booths and counters. Every form re-renders with
 * what was typed when the service refuses it.
 */
export async function organizationsAdminRoutes(app: App) {
  const { database } = app.deps;
  const db = () => tablesOf<OrganizationsTables>(database.db);
  const ctx = (request: FastifyRequest): Svc.ServiceContext => ({ db: database.db, actor: request.actor, requestId: request.id });
  const scopesOf = (request: FastifyRequest) => scopesFor(request.actor, Svc.MANAGE);
  const page = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply);

  const found = async <T>(row: Promise<T | undefined>): Promise<T> => {
    const value = await row;
    if (!value) throw NotFound();
    return value;
  };

  /** A new record: its form (with the parent's choices) and the post that creates it, then back to where it shows. */
  function creatable<B extends z.ZodType, Row extends { name: string }>(spec: {
    formPath: string;
    postPath: string;
    /** Who may open the form; the post checks the parent the form names, so the form may be more open. */
    formAccess: Access;
    access: Access;
    params?: z.ZodType;
    query?: z.ZodType;
    body: B;
    initial: (request: FastifyRequest) => Record<string, unknown>;
    form: Render;
    create: (c: Svc.ServiceContext, input: z.infer<B>, request: FastifyRequest) => Promise<Row>;
    back: (row: Row) => string | Promise<string>;
  }) {
    app.get(
      spec.formPath,
      {
        config: { access: spec.formAccess },
        schema: { ...(spec.params ? { params: spec.params } : {}), ...(spec.query ? { querystring: spec.query } : {}) },
      },
      async (request, reply) => reply.html(await spec.form(request, reply, emptyForm(spec.initial(request)))),
    );
    app.post(
      spec.postPath,
      {
        config: { access: spec.access, rerender: spec.form },
        schema: { ...(spec.params ? { params: spec.params } : {}), body: spec.body },
      },
      async (request, reply) => {
        const row = await spec.create(ctx(request), request.body as z.infer<B>, request);
        reply.flash({ type: 'success', key: 'organizations.flash.created', params: { name: row.name } });
        return reply.seeOther(await spec.back(row));
      },
    );
  }

  /** Edit and deactivate, with the confirmation page: the same four routes for every kind of record. */
  function editable<B extends z.ZodType, Row extends Lifecycle>(spec: {
    path: string;
    /** The access subject, also the path parameter (`/unit-layanan/:serviceUnitId/ubah`). */
    key: string;
    kind: Svc.DeactivatableKind;
    find: (id: string) => Promise<Row | undefined>;
    /** The list or page the record shows on; saving and deactivating return there. */
    back: (row: Row) => string | Promise<string>;
    values: (row: Row) => Record<string, unknown>;
    form: (request: FastifyRequest, reply: FastifyReply, form: FormState, row: Row) => string | Promise<string>;
    body: B;
    save: (c: Svc.ServiceContext, id: string, input: z.infer<B>) => Promise<Row>;
    /** What else deactivating takes with it, for the confirmation page. */
    note?: (row: Row, t: (key: string, params?: Record<string, string | number>) => string) => Promise<string | undefined>;
  }) {
    const access = manage(spec.key);
    const params = z.strictObject({ [spec.key]: z.uuid() });
    const idOf = (request: FastifyRequest) => (request.params as Record<string, string>)[spec.key]!;
    const record = (request: FastifyRequest) => found(spec.find(idOf(request)));
    const editForm: Render = async (request, reply, form) => spec.form(request, reply, form, await record(request));
    const confirmForm: Render = async (request, reply, form) => {
      const row = await record(request);
      const c = page(request, reply);
      const action = `${spec.path}/${row.id}/nonaktifkan`;
      const note = spec.note ? await spec.note(row, c.t) : undefined;
      return renderDocument(DeactivatePage({ ctx: c, form, action, back: await spec.back(row), name: row.name, note }));
    };

    app.get(`${spec.path}/:${spec.key}/ubah`, { config: { access }, schema: { params } }, async (request, reply) => {
      const row = await record(request);
      return reply.html(await spec.form(request, reply, emptyForm(spec.values(row)), row));
    });
    app.post(
      `${spec.path}/:${spec.key}`,
      { config: { access, rerender: editForm }, schema: { params, body: spec.body } },
      async (request, reply) => {
        const row = await spec.save(ctx(request), idOf(request), request.body as z.infer<B>);
        reply.flash({ type: 'success', key: 'organizations.flash.saved', params: { name: row.name } });
        return reply.seeOther(await spec.back(row));
      },
    );
    app.get(`${spec.path}/:${spec.key}/nonaktifkan`, { config: { access }, schema: { params } }, async (request, reply) => {
      const row = await record(request);
      return reply.html(await confirmForm(request, reply, emptyForm({ version: row.version })));
    });
    app.post(
      `${spec.path}/:${spec.key}/nonaktifkan`,
      { config: { access, rerender: confirmForm }, schema: { params, body: S.DeactivateBody } },
      async (request, reply) => {
        await Svc.deactivate(ctx(request), spec.kind, idOf(request), request.body);
        const row = await record(request);
        reply.flash({ type: 'success', key: 'organizations.flash.deactivated', params: { name: row.name } });
        return reply.seeOther(await spec.back(row));
      },
    );
  }

  // ---- agencies ---------------------------------------------------------------------------------

  const agencyForm =
    (id?: string): Render =>
    (request, reply, form) =>
      renderDocument(AgencyFormPage({ ctx: page(request, reply), form, id }));

  app.get(ADMIN_PATHS.agencies, { config: { access: LIST }, schema: { querystring: A.AgencyAdminQuery } }, async (request, reply) => {
    const q = request.query;
    const scopes = scopesOf(request);
    const found = await R.listAgenciesInScope(db(), scopes, { ...q, active: activeFilter(q.active) });
    const c = page(request, reply);
    return reply.html(
      renderDocument(
        ListPage({
          ctx: c,
          screen: 'agencies',
          rows: found.items,
          total: found.total,
          page: q.page,
          pageSize: q.pageSize,
          query: { q: q.q, kind: q.kind, active: q.active },
          filters: [{ name: 'kind', label: c.t('organizations.field.kind'), options: agencyKindChoices(c.t) }],
          columns: [
            { labelKey: 'organizations.field.kind', cell: (r, t) => t(`organizations.kind.${r.kind}`) },
            { labelKey: 'organizations.field.regionCode', cell: (r) => r.regionCode ?? '–' },
          ],
          newHref: isPlatform(scopes) ? `${ADMIN_PATHS.agencies}/baru` : undefined,
          links: (r) => [
            { href: filtered(ADMIN_PATHS.serviceUnits, r.id), label: c.t('organizations.page.agencies.serviceUnits') },
            { href: filtered(ADMIN_PATHS.orgUnits, r.id), label: c.t('organizations.page.agencies.orgUnits') },
          ],
        }),
      ),
    );
  });

  creatable({
    formPath: `${ADMIN_PATHS.agencies}/baru`,
    postPath: ADMIN_PATHS.agencies,
    formAccess: PLATFORM,
    access: PLATFORM,
    body: S.AgencyBody,
    initial: () => ({ kind: 'regency_government' }),
    form: agencyForm(),
    create: Svc.createAgency,
    back: () => ADMIN_PATHS.agencies,
  });

  editable({
    path: ADMIN_PATHS.agencies,
    key: 'agencyId',
    kind: 'agency',
    find: (id) => R.findAgency(db(), id),
    back: () => ADMIN_PATHS.agencies,
    values: (a) => ({ code: a.code, name: a.name, kind: a.kind, regionCode: a.regionCode ?? '', version: a.version }),
    form: (request, reply, form, a) => agencyForm(a.id)(request, reply, form),
    body: S.AgencyEdit,
    save: Svc.editAgency,
  });

  // ---- organizational and service units ---------------------------------------------------------

  /**
   * The choices of a unit form. A new unit picks one of the active agencies the staff member manages
   * (preselected from `?agencyId=` or what was posted, or the only one); its parent-unit choices are that
   * agency's, or every offered agency's, labelled with the agency, until one is chosen. An edit keeps its agency.
   */
  async function unitChoices(request: FastifyRequest, form: FormState, unit?: { id: string; agencyId: string }) {
    const scopes = scopesOf(request);
    const agencies = unit ? [] : await R.listAgencyChoicesInScope(db(), scopes, { activeOnly: true });
    const offered = (id: string) => agencies.find((a) => a.id === id);
    const chosen = unit?.agencyId ?? offered(asText(form.values.agencyId))?.id ?? (agencies.length === 1 ? agencies[0]!.id : undefined);
    const values = unit || !chosen ? form.values : { ...form.values, agencyId: chosen };
    const parentsOf = chosen ? [chosen] : agencies.map((a) => a.id);
    const parents: Choice[] = (await R.listOrgUnitChoicesInScope(db(), scopes, parentsOf))
      .filter((p) => p.id !== unit?.id)
      .map((p) => ({
        value: p.id,
        label: chosen ? `${p.code} · ${p.name}` : `${offered(p.agencyId)?.name ?? ''} – ${p.code} · ${p.name}`,
      }));
    const agencyName = unit ? (await R.namesById(db(), 'organizations.agency', [unit.agencyId])).get(unit.agencyId) : undefined;
    return {
      form: { ...form, values },
      agencies: agencies.map((a) => ({ value: a.id, label: a.name })),
      agencyName,
      parents,
      agencyId: chosen,
    };
  }

  /** The agencies offered as a list filter: every one the staff member manages, active or not. */
  const agencyFilter = async (request: FastifyRequest, label: string) => ({
    name: 'agencyId',
    label,
    options: (await R.listAgencyChoicesInScope(db(), scopesOf(request), { activeOnly: false })).map((a) => ({
      value: a.id,
      label: a.name,
    })),
  });
  const canAddUnits = (scopes: readonly Scope[]) => scopes.some((s) => s.kind === 'platform' || s.kind === 'agency');

  /**
   * Organizational and service units share their screens: a list filtered by agency, a new unit under an
   * agency the staff member manages (the post names it as the access subject), edit and deactivate.
   */
  function unitScreens<
    Row extends Lifecycle & { code: string; active: boolean; agencyId: string },
    B extends z.ZodType,
    E extends z.ZodType,
  >(spec: {
    screen: 'orgUnits' | 'serviceUnits';
    key: string;
    kind: Svc.DeactivatableKind;
    list: (scopes: readonly Scope[], filter: R.ListFilter & { agencyId?: string }) => Promise<{ items: Row[]; total: number }>;
    /** The column after the agency, for one page of rows. */
    column: (rows: Row[]) => Promise<Column<Row>>;
    find: (id: string) => Promise<Row | undefined>;
    values: (row: Row) => Record<string, unknown>;
    body: B;
    create: (c: Svc.ServiceContext, input: z.infer<B>) => Promise<Row>;
    edit: E;
    save: (c: Svc.ServiceContext, id: string, input: z.infer<E>) => Promise<Row>;
  }) {
    const path = ADMIN_PATHS[spec.screen];
    const form = async (request: FastifyRequest, reply: FastifyReply, state: FormState, unit?: Row) => {
      const choices = await unitChoices(request, state, unit);
      const back = filtered(path, choices.agencyId);
      return renderDocument(UnitFormPage({ ctx: page(request, reply), screen: spec.screen, ...choices, id: unit?.id, back }));
    };

    app.get(path, { config: { access: LIST }, schema: { querystring: A.UnitAdminQuery } }, async (request, reply) => {
      const q = request.query;
      const scopes = scopesOf(request);
      const found = await spec.list(scopes, { ...q, active: activeFilter(q.active) });
      const agencies = await R.namesById(
        db(),
        'organizations.agency',
        found.items.map((r) => r.agencyId),
      );
      const c = page(request, reply);
      return reply.html(
        renderDocument(
          ListPage({
            ctx: c,
            screen: spec.screen,
            rows: found.items,
            total: found.total,
            page: q.page,
            pageSize: q.pageSize,
            query: { q: q.q, agencyId: q.agencyId, active: q.active },
            filters: [await agencyFilter(request, c.t('organizations.field.agency'))],
            columns: [
              { labelKey: 'organizations.field.agency', cell: (r) => agencies.get(r.agencyId) ?? '' },
              await spec.column(found.items),
            ],
            newHref: canAddUnits(scopes) ? filtered(`${path}/baru`, q.agencyId) : undefined,
          }),
        ),
      );
    });

    creatable({
      formPath: `${path}/baru`,
      postPath: path,
      formAccess: LIST,
      access: manage('agencyId'),
      query: A.NewUnitQuery,
      body: spec.body,
      initial: (request) => ({ agencyId: (request.query as z.infer<typeof A.NewUnitQuery>).agencyId ?? '' }),
      form: (request, reply, state) => form(request, reply, state),
      create: spec.create,
      back: (row) => filtered(path, row.agencyId),
    });

    editable({
      path,
      key: spec.key,
      kind: spec.kind,
      find: spec.find,
      back: (row) => filtered(path, row.agencyId),
      values: spec.values,
      form,
      body: spec.edit,
      save: spec.save,
    });
  }

  unitScreens({
    screen: 'orgUnits',
    key: 'orgUnitId',
    kind: 'org-unit',
    list: (scopes, filter) => R.listOrgUnitsInScope(db(), scopes, filter),
    column: async (rows) => {
      const parents = await R.namesById(
        db(),
        'organizations.orgUnit',
        rows.flatMap((r) => (r.parentId ? [r.parentId] : [])),
      );
      return { labelKey: 'organizations.field.parentOrgUnit', cell: (r) => (r.parentId ? (parents.get(r.parentId) ?? '') : '–') };
    },
    find: (id) => R.findOrgUnit(db(), id),
    values: (u) => ({ code: u.code, name: u.name, parentId: u.parentId ?? '', version: u.version }),
    body: S.OrgUnitBody,
    create: Svc.createOrgUnit,
    edit: S.OrgUnitEdit,
    save: Svc.editOrgUnit,
  });

  unitScreens({
    screen: 'serviceUnits',
    key: 'serviceUnitId',
    kind: 'service-unit',
    list: (scopes, filter) => R.listServiceUnitsInScope(db(), scopes, filter),
    column: async () => ({ labelKey: 'organizations.field.regionCode', cell: (r) => r.regionCode }),
    find: (id) => R.findServiceUnit(db(), id),
    values: (u) => ({
      code: u.code,
      name: u.name,
      orgUnitId: u.orgUnitId ?? '',
      regionCode: u.regionCode,
      address: u.address ?? '',
      version: u.version,
    }),
    body: S.ServiceUnitBody,
    create: Svc.createServiceUnit,
    edit: S.ServiceUnitEdit,
    save: Svc.editServiceUnit,
  });

  // ---- malls: list, page, opening hours ---------------------------------------------------------

  const mallForm =
    (id?: string): Render =>
    (request, reply, form) =>
      renderDocument(MallFormPage({ ctx: page(request, reply), form, id }));

  app.get(ADMIN_PATHS.malls, { config: { access: LIST }, schema: { querystring: S.MallListQuery } }, async (request, reply) => {
    const q = request.query;
    const scopes = scopesOf(request);
    const found = await R.listMallsInScope(db(), scopes, { ...q, active: activeFilter(q.active) });
    return reply.html(
      renderDocument(
        ListPage({
          ctx: page(request, reply),
          screen: 'malls',
          rows: found.items,
          total: found.total,
          page: q.page,
          pageSize: q.pageSize,
          query: { q: q.q, active: q.active },
          columns: [
            { labelKey: 'organizations.field.mallRegion', cell: (r) => r.regionCode },
            { labelKey: 'organizations.field.address', cell: (r) => r.address },
          ],
          newHref: isPlatform(scopes) ? `${ADMIN_PATHS.malls}/baru` : undefined,
          nameHref: (r) => mallPath(r.id),
        }),
      ),
    );
  });

  creatable({
    formPath: `${ADMIN_PATHS.malls}/baru`,
    postPath: ADMIN_PATHS.malls,
    formAccess: PLATFORM,
    access: PLATFORM,
    body: S.MallBody,
    initial: () => ({}),
    form: mallForm(),
    create: Svc.createMall,
    back: (mall) => mallPath(mall.id),
  });

  editable({
    path: ADMIN_PATHS.malls,
    key: 'mallId',
    kind: 'mall',
    find: (id) => R.findMall(db(), id),
    back: (mall) => mallPath(mall.id),
    values: (mall) => ({ code: mall.code, name: mall.name, regionCode: mall.regionCode, address: mall.address, version: mall.version }),
    form: (request, reply, form, mall) => mallForm(mall.id)(request, reply, form),
    body: S.MallEdit,
    // The form does not carry opening hours, so `hours` stays undefined and the stored hours are kept.
    save: Svc.editMall,
  });

  app.get(
    `${ADMIN_PATHS.malls}/:mallId`,
    { config: { access: manage('mallId') }, schema: { params: S.MallParams } },
    async (request, reply) => {
      const scopes = scopesOf(request);
      const mall = await found(R.findMall(db(), request.params.mallId));
      const [hours, booths] = await Promise.all([R.findMallHours(db(), mall.id), R.listBoothsOfMallInScope(db(), scopes, mall.id)]);
      const counters = await R.listCountersOfBoothsInScope(
        db(),
        scopes,
        booths.map((b) => b.id),
      );
      const views = booths.map((b) => ({ ...b, counters: counters.filter((c) => c.boothId === b.id) }));
      return reply.html(renderDocument(MallPage({ ctx: page(request, reply), mall, hours, booths: views })));
    },
  );

  const hoursForm: Render = async (request, reply, form) => {
    const mall = await found(R.findMall(db(), (request.params as { mallId: string }).mallId));
    return renderDocument(HoursPage({ ctx: page(request, reply), form, mall }));
  };

  app.get(
    `${ADMIN_PATHS.malls}/:mallId/jam-layanan`,
    { config: { access: manage('mallId') }, schema: { params: S.MallParams } },
    async (request, reply) => {
      const mall = await found(R.findMall(db(), request.params.mallId));
      const hours = await R.findMallHours(db(), mall.id);
      return reply.html(await hoursForm(request, reply, emptyForm(hoursToForm(hours, mall.version))));
    },
  );

  app.post(
    `${ADMIN_PATHS.malls}/:mallId/jam-layanan`,
    { config: { access: manage('mallId'), rerender: hoursForm }, schema: { params: S.MallParams, body: A.MallHoursForm } },
    async (request, reply) => {
      const mall = await found(R.findMall(db(), request.params.mallId));
      const parsed = parseHoursForm(request.body);
      if (!parsed.ok) throw ValidationFailed({}, { fields: parsed.errors });
      // The whole mall is saved with its own details unchanged, so the version check covers the hours too.
      const { regionCode, code, name, address } = mall;
      await Svc.editMall(ctx(request), mall.id, { regionCode, code, name, address, version: request.body.version, hours: parsed.hours });
      reply.flash({ type: 'success', key: 'organizations.flash.hoursSaved', params: { name: mall.name } });
      return reply.seeOther(mallPath(mall.id));
    },
  );

  // ---- booths and counters ----------------------------------------------------------------------

  const boothForm = async (request: FastifyRequest, reply: FastifyReply, form: FormState, mallId: string, booth?: R.BoothRow) => {
    const mall = await found(R.findMall(db(), mallId));
    const units = booth ? [] : await R.listBoothUnitChoicesInScope(db(), scopesOf(request), mall.id);
    const unitName = booth
      ? (await R.namesById(db(), 'organizations.serviceUnit', [booth.serviceUnitId])).get(booth.serviceUnitId)
      : undefined;
    return renderDocument(
      BoothFormPage({
        ctx: page(request, reply),
        form,
        id: booth?.id,
        mall,
        units: units.map((u) => ({ value: u.id, label: `${u.agencyName} – ${u.name}` })),
        unitName,
      }),
    );
  };

  creatable({
    formPath: `${ADMIN_PATHS.malls}/:mallId/gerai/baru`,
    postPath: `${ADMIN_PATHS.malls}/:mallId/gerai`,
    formAccess: manage('mallId'),
    access: manage('mallId'),
    params: S.MallParams,
    body: A.BoothForm,
    initial: () => ({}),
    form: (request, reply, form) => boothForm(request, reply, form, (request.params as { mallId: string }).mallId),
    create: (c, input, request) => Svc.createBooth(c, { ...input, mallId: (request.params as { mallId: string }).mallId }),
    back: (booth) => mallPath(booth.mallId),
  });

  editable({
    path: ADMIN_PATHS.booths,
    key: 'boothId',
    kind: 'booth',
    find: (id) => R.findBooth(db(), id),
    back: (booth) => mallPath(booth.mallId),
    values: (booth) => ({ code: booth.code, name: booth.name, version: booth.version }),
    form: (request, reply, form, booth) => boothForm(request, reply, form, booth.mallId, booth),
    body: S.BoothEdit,
    save: Svc.editBooth,
    note: async (booth, t) => {
      const count = await R.countActiveCounters(db(), booth.id);
      return count > 0 ? t('organizations.page.booths.counters', { count }) : undefined;
    },
  });

  const boothOf = (request: FastifyRequest) => found(R.findBooth(db(), (request.params as { boothId: string }).boothId));
  /** A counter shows on its booth's mall's page. */
  const pageOfCounter = async (counter: R.CounterRow) => mallPath((await found(R.findBooth(db(), counter.boothId))).mallId);
  const counterForm = async (request: FastifyRequest, reply: FastifyReply, form: FormState, booth: R.BoothRow, id?: string) =>
    renderDocument(CounterFormPage({ ctx: page(request, reply), form, id, booth }));

  creatable({
    formPath: `${ADMIN_PATHS.booths}/:boothId/loket/baru`,
    postPath: `${ADMIN_PATHS.booths}/:boothId/loket`,
    formAccess: manage('boothId'),
    access: manage('boothId'),
    params: A.BoothParams,
    body: A.CounterForm,
    initial: () => ({}),
    form: async (request, reply, form) => counterForm(request, reply, form, await boothOf(request)),
    create: (c, input, request) => Svc.createCounter(c, { ...input, boothId: (request.params as { boothId: string }).boothId }),
    back: pageOfCounter,
  });

  editable({
    path: ADMIN_PATHS.counters,
    key: 'counterId',
    kind: 'counter',
    find: (id) => R.findCounter(db(), id),
    back: pageOfCounter,
    values: (counter) => ({ code: counter.code, name: counter.name, version: counter.version }),
    form: async (request, reply, form, counter) =>
      counterForm(request, reply, form, await found(R.findBooth(db(), counter.boothId)), counter.id),
    body: S.CounterEdit,
    save: Svc.editCounter,
  });
}
