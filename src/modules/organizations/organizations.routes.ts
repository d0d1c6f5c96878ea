import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Access } from '../../platform/access/access.js';
import type { App } from '../../platform/http/server.js';
import { tablesOf } from '../../platform/db/database.js';
import { NotFound } from './organizations.errors.js';
import * as R from './organizations.repository.js';
import * as S from './organizations.schemas.js';
import * as Svc from './organizations.service.js';
import type { OrganizationsTables } from './organizations.tables.js';

/** Changing a record needs the permission at a scope covering it (see organizations.subjects.ts). */
const manage = (subject: string): Access => ({ permission: Svc.MANAGE, scope: { subject } });
const MANAGE_PLATFORM: Access = { permission: Svc.MANAGE, scope: 'platform' };

type Dated = { active: boolean; deactivatedAt: Date | null; createdAt?: Date; updatedAt?: Date };
/** Rows to JSON: timestamps as ISO strings, internal timestamps left out. */
function present<R extends Dated>(row: R) {
  const { createdAt: _c, updatedAt: _u, deactivatedAt, ...rest } = row;
  return { ...rest, deactivatedAt: deactivatedAt ? deactivatedAt.toISOString() : null };
}

const activeFilter = (active: 'true' | 'false' | 'all') => (active === 'all' ? undefined : active === 'true');

export async function organizationsRoutes(app: App) {
  const { database } = app.deps;
  const db = () => tablesOf<OrganizationsTables>(database.db);
  const ctx = (request: FastifyRequest): Svc.ServiceContext => ({ db: database.db, actor: request.actor, requestId: request.id });
  const tags = ['organizations'];
  const base = '/api/v1/organizations';

  app.get(
    `${base}/regions`,
    {
      config: { access: 'public' },
      schema: {
        summary: 'Search Kemendagri regions (province to village)',
        tags,
        querystring: S.RegionListQuery,
        response: { 200: S.pageOf(S.Region) },
      },
    },
    async (request) => {
      const { q, level, parent, page, pageSize } = request.query;
      const found = await R.searchRegions(db(), { q, level, parent, page, pageSize });
      return { items: found.items, page, pageSize, total: found.total };
    },
  );

  /** The five kinds share list, create, edit and deactivate; only the schemas and the service calls differ. */
  function resource<Row extends Dated & { id: string }, Q extends z.ZodType, B extends z.ZodType, Ed extends z.ZodType>(spec: {
    path: string;
    /** The record's subject key, also its path parameter (`/agencies/:agencyId`). */
    key: string;
    /** Who may create one: the platform, or staff covering the parent record the body names. */
    createAccess: Access;
    kind: Svc.DeactivatableKind;
    label: string;
    item: z.ZodType;
    query: Q;
    body: B;
    edit: Ed;
    list: (query: z.infer<Q>) => Promise<{ items: Row[]; total: number }>;
    find: (id: string) => Promise<Row | undefined>;
    create: (c: Svc.ServiceContext, input: z.infer<B>) => Promise<Row>;
    update: (c: Svc.ServiceContext, id: string, input: z.infer<Ed>) => Promise<Row>;
    extra?: (row: Row) => Promise<Record<string, unknown>>;
  }) {
    const url = `${base}/${spec.path}`;
    const params = z.strictObject({ [spec.key]: z.uuid() });
    const idOf = (request: FastifyRequest) => (request.params as Record<string, string>)[spec.key]!;
    const show = async (row: Row) => ({ ...present(row), ...(spec.extra ? await spec.extra(row) : {}) });
    app.get(
      url,
      {
        config: { access: 'public' },
        schema: { summary: `List and search ${spec.label}`, tags, querystring: spec.query, response: { 200: S.pageOf(spec.item) } },
      },
      async (request) => {
        const query = request.query as z.infer<Q> & { page: number; pageSize: number };
        const found = await spec.list(query);
        return { items: found.items.map(present), page: query.page, pageSize: query.pageSize, total: found.total };
      },
    );
    app.get(
      `${url}/:${spec.key}`,
      {
        config: { access: 'public' },
        schema: { summary: `One ${spec.label.replace(/s$/, '')}`, tags, params, response: { 200: spec.item } },
      },
      async (request) => {
        const row = await spec.find(idOf(request));
        if (!row) throw NotFound();
        return show(row);
      },
    );
    app.post(
      url,
      {
        config: { access: spec.createAccess },
        schema: { summary: `Create ${spec.label}`, tags, body: spec.body, response: { 201: spec.item } },
      },
      async (request, reply) => reply.status(201).send(await show(await spec.create(ctx(request), request.body as z.infer<B>))),
    );
    app.put(
      `${url}/:${spec.key}`,
      {
        config: { access: manage(spec.key) },
        schema: {
          summary: `Edit ${spec.label} (send the version you read; 409 if it changed)`,
          tags,
          params,
          body: spec.edit,
          response: { 200: spec.item },
        },
      },
      async (request) => show(await spec.update(ctx(request), idOf(request), request.body as z.infer<Ed>)),
    );
    app.post(
      `${url}/:${spec.key}/deactivate`,
      {
        config: { access: manage(spec.key) },
        schema: {
          summary: `Deactivate ${spec.label} (never deleted)`,
          tags,
          params,
          body: S.DeactivateBody,
          response: { 200: spec.item },
        },
      },
      async (request) => {
        await Svc.deactivate(ctx(request), spec.kind, idOf(request), request.body);
        return show((await spec.find(idOf(request)))!);
      },
    );
  }

  resource({
    path: 'agencies',
    key: 'agencyId',
    createAccess: MANAGE_PLATFORM,
    kind: 'agency',
    label: 'agencies (instansi)',
    item: S.Agency,
    query: S.AgencyListQuery,
    body: S.AgencyBody,
    edit: S.AgencyEdit,
    list: (q) => R.listAgencies(db(), { ...q, active: activeFilter(q.active) }),
    find: (id) => R.findAgency(db(), id),
    create: Svc.createAgency,
    update: Svc.editAgency,
  });
  resource({
    path: 'org-units',
    key: 'orgUnitId',
    createAccess: manage('agencyId'),
    kind: 'org-unit',
    label: 'organizational units',
    item: S.OrgUnit,
    query: S.OrgUnitListQuery,
    body: S.OrgUnitBody,
    edit: S.OrgUnitEdit,
    list: (q) => R.listOrgUnits(db(), { ...q, active: activeFilter(q.active) }),
    find: (id) => R.findOrgUnit(db(), id),
    create: Svc.createOrgUnit,
    update: Svc.editOrgUnit,
  });
  resource({
    path: 'service-units',
    key: 'serviceUnitId',
    createAccess: manage('agencyId'),
    kind: 'service-unit',
    label: 'service units (UPP)',
    item: S.ServiceUnit,
    query: S.ServiceUnitListQuery,
    body: S.ServiceUnitBody,
    edit: S.ServiceUnitEdit,
    list: (q) => R.listServiceUnits(db(), { ...q, active: activeFilter(q.active) }),
    find: (id) => R.findServiceUnit(db(), id),
    create: Svc.createServiceUnit,
    update: Svc.editServiceUnit,
  });
  resource({
    path: 'malls',
    key: 'mallId',
    createAccess: MANAGE_PLATFORM,
    kind: 'mall',
    label: 'public service malls (MPP)',
    item: S.Mall,
    query: S.MallListQuery,
    body: S.MallBody,
    edit: S.MallEdit,
    list: (q) => R.listMalls(db(), { ...q, active: activeFilter(q.active) }),
    find: (id) => R.findMall(db(), id),
    create: Svc.createMall,
    update: Svc.editMall,
    extra: async (mall) => {
      const { weekly, exceptions } = await R.findMallHours(db(), mall.id);
      const hhmm = (t: string | null) => (t === null ? null : t.slice(0, 5));
      return {
        hours: {
          weekly: weekly.map((w) => ({ weekday: w.weekday, opensAt: hhmm(w.opensAt)!, closesAt: hhmm(w.closesAt)! })),
          exceptions: exceptions.map((e) => ({ date: e.date, opensAt: hhmm(e.opensAt), closesAt: hhmm(e.closesAt), reason: e.reason })),
        },
      };
    },
  });
  resource({
    path: 'booths',
    key: 'boothId',
    createAccess: manage('mallId'),
    kind: 'booth',
    label: 'booths (gerai)',
    item: S.Booth,
    query: S.BoothListQuery,
    body: S.BoothBody,
    edit: S.BoothEdit,
    list: (q) => R.listBooths(db(), { ...q, active: activeFilter(q.active) }),
    find: (id) => R.findBooth(db(), id),
    create: Svc.createBooth,
    update: Svc.editBooth,
  });
  resource({
    path: 'counters',
    key: 'counterId',
    createAccess: manage('boothId'),
    kind: 'counter',
    label: 'counters (loket)',
    item: S.Counter,
    query: S.CounterListQuery,
    body: S.CounterBody,
    edit: S.CounterEdit,
    list: (q) => R.listCounters(db(), { ...q, active: activeFilter(q.active) }),
    find: (id) => R.findCounter(db(), id),
    create: Svc.createCounter,
    update: Svc.editCounter,
  });
}
