import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopesFor, type Access } from '../../platform/access/access.js';
import { AppError, errorKey, type FieldError } from '../../platform/errors.js';
import { createFileStore } from '../../platform/files/store.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { FormState } from '../../platform/http/types.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import {
  componentToForm,
  errorsOnInputs,
  parseComponentForm,
  serviceErrorsOnInputs,
  serviceFromForm,
  serviceToForm,
  type FormValues,
  type RowMap,
} from './admin.forms.js';
import { a } from './admin.messages.js';
import {
  ActionPage,
  ACTIONS,
  CommentsPage,
  ComponentEditorPage,
  componentLabel,
  DiffPage,
  HistoryPage,
  PATHS,
  ServiceFormPage,
  ServiceListPage,
  ServicePage,
  VersionPage,
  type ActionKey,
  type LocationChoices,
  type ServiceView,
  type VersionView,
} from './admin.pages.js';
import * as Q from './admin.queries.js';
import { addMonths } from './standards.completeness.js';
import { COMPONENTS } from './standards.content.js';
import { NotFound, VersionConflict } from './standards.errors.js';
import * as R from './standards.repository.js';
import type { ServiceRow, VersionRow } from './standards.repository.js';
import type { ServiceBody, ServiceEdit } from './standards.schemas.js';
import * as Svc from './standards.service.js';

/**
 * The unit admin's screens for services and their standards (`/admin/layanan`): the services in the staff
 * member's scopes, a service with its versions, a version as a check-your-answers page with an editor per
 * component, and the lifecycle steps, each on a confirmation page. Everything works without JavaScript; a
 * refused form comes back with what was typed and its errors on the inputs they are about.
 */

const MANAGE = Svc.MANAGE;
const LIST: Access = { permission: MANAGE, scope: 'filtered' };
const at = (subject: 'serviceId' | 'versionId' | 'commentId' | 'serviceUnitId'): Access => ({ permission: MANAGE, scope: { subject } });

/** Forms post flat fields: text, or a list for a group of checkboxes. The parsers in admin.forms.ts read them. */
const FormBody = z.record(z.string().max(100), z.union([z.string().max(10_000), z.array(z.string().max(1000)).max(100)]));
const ServiceParams = z.strictObject({ serviceId: z.uuid() });
const VersionParams = z.strictObject({ versionId: z.uuid() });
const CommentParams = z.strictObject({ commentId: z.uuid() });
const ListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  lang: z.enum(['id', 'en']).optional(),
});
const CompareQuery = z.object({ dari: z.uuid(), ke: z.uuid(), lang: z.enum(['id', 'en']).optional() });
const PAGE_SIZE = 20;

type Render = (request: FastifyRequest, reply: FastifyReply, form: FormState) => string | Promise<string>;
type DecreeFile = { source: Buffer; name: string };

const paramOf = (request: FastifyRequest, key: string) => (request.params as Record<string, string>)[key]!;
const str = (form: FormValues, name: string) => (typeof form[name] === 'string' ? form[name].trim() : '');
const today = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);

/** Field errors the service reports on its own paths, moved onto the inputs that hold them. */
function onInputs(error: unknown, move: (fields: FieldError[]) => FieldError[]): unknown {
  if (!(error instanceof AppError) || error.fields.length === 0) return error;
  return new AppError(error.code, error.status, error.params, move(error.fields), error.message);
}

/** A date input (`2026-12-31`), or a field error on it. */
function dateField(form: FormValues, name: string, errors: FieldError[]): string | undefined {
  const value = str(form, name);
  if (!value) errors.push({ path: name, key: 'platform.validation.required' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    errors.push({ path: name, key: a('validation.date') });
  } else return value;
  return undefined;
}

export async function standardsAdminRoutes(app: App) {
  const { database, config } = app.deps;
  // Read per request: the route table is also built without a database (test/architecture.test.ts).
  const db = () => database.db;
  const files = createFileStore(config);
  const ctx = (request: FastifyRequest): Svc.StandardsContext => ({ db: db(), actor: request.actor, requestId: request.id, files });
  const scopesOf = (request: FastifyRequest) => scopesFor(request.actor, MANAGE);
  const page = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply);

  const findService = async (id: string): Promise<ServiceRow> => {
    const service = await R.findService(db(), id);
    if (!service) throw NotFound();
    return service;
  };

  /** A version with what its pages show about its service. */
  async function versionView(id: string): Promise<VersionView> {
    const version = await Svc.getVersion(db(), id);
    const service = await findService(version.serviceId);
    return toView(version, service);
  }
  const toView = (version: VersionRow, service: ServiceRow): VersionView => ({
    ...version,
    serviceName: service.name,
    serviceSlug: service.slug,
    hasDecreeFile: version.decreeFileKey !== null,
  });

  /** The malls and booths a service of these units may be offered at. */
  async function locationChoicesFor(unitIds: string[]): Promise<LocationChoices> {
    const choices = await Q.locationChoices(db(), unitIds);
    const byMall = new Map<string, LocationChoices['booths'][number]>();
    for (const booth of choices.booths) {
      const group = byMall.get(booth.mallId) ?? { mallId: booth.mallId, mallName: booth.mallName, options: [] };
      group.options.push({ value: booth.id, label: unitIds.length > 1 ? `${booth.name} (${booth.unitName})` : booth.name });
      byMall.set(booth.mallId, group);
    }
    return { malls: choices.malls.map((m) => ({ value: m.id, label: m.name })), booths: [...byMall.values()] };
  }

  // ---- services ---------------------------------------------------------------------------------

  app.get(PATHS.list, { config: { access: LIST }, schema: { querystring: ListQuery } }, async (request, reply) => {
    const { q, page: pageNumber } = request.query;
    const scopes = scopesOf(request);
    const found = await Svc.listServices(db(), scopes, { q: q || undefined, page: pageNumber, pageSize: PAGE_SIZE });
    const [units, baselines, choices] = await Promise.all([
      Q.unitNames(
        db(),
        found.items.map((s) => s.serviceUnitId),
      ),
      Q.reviewBaselines(
        db(),
        found.items.flatMap((s) => (s.publishedVersionId ? [s.publishedVersionId] : [])),
      ),
      Q.unitChoicesInScope(db(), scopes),
    ]);
    const rows = found.items.map((s) => {
      const baseline = s.publishedVersionId ? baselines.get(s.publishedVersionId) : undefined;
      return {
        id: s.id,
        code: s.code,
        name: s.name,
        unitName: units.get(s.serviceUnitId) ?? '',
        active: s.active,
        publishedNumber: s.publishedNumber,
        openVersion: s.openNumber !== null && s.openStatus !== null ? { number: s.openNumber, status: s.openStatus } : null,
        reviewDue: baseline ? addMonths(baseline, config.STANDARDS_REVIEW_MONTHS) : null,
      };
    });
    const c = page(request, reply);
    return reply.html(
      renderDocument(
        ServiceListPage({
          ctx: c,
          rows,
          total: found.total,
          page: pageNumber,
          pageSize: PAGE_SIZE,
          q,
          canCreate: choices.length > 0,
          today: today(new Date()),
        }),
      ),
    );
  });

  /** The new-service form offers the units the staff member manages, and where their services can be offered. */
  const newServiceForm: Render = async (request, reply, form) => {
    const units = await Q.unitChoicesInScope(db(), scopesOf(request));
    const only = units.length === 1 ? units[0]!.id : undefined;
    const values = only && !str(form.values, 'serviceUnitId') ? { ...form.values, serviceUnitId: only } : form.values;
    return renderDocument(
      ServiceFormPage({
        ctx: page(request, reply),
        form: { ...form, values },
        units: units.map((u) => ({ value: u.id, label: units.length > 1 ? `${u.name} – ${u.agencyName}` : u.name })),
        locations: await locationChoicesFor(units.map((u) => u.id)),
      }),
    );
  };

  app.get(`${PATHS.newService}`, { config: { access: LIST } }, async (request, reply) =>
    reply.html(await newServiceForm(request, reply, emptyForm(serviceToForm({ audiences: ['citizen'], channels: 'both' }, [])))),
  );

  app.post(
    PATHS.list,
    { config: { access: at('serviceUnitId'), rerender: newServiceForm }, schema: { body: FormBody } },
    async (request, reply) => {
      const { input, locations, rows } = serviceFromForm(request.body);
      // The service parses the form's strings with ServiceBody and names every field it refuses.
      const body = { ...input, serviceUnitId: input.serviceUnitId ?? '', locations } as unknown as ServiceBody;
      const service = await Svc.createService(ctx(request), body).catch((error: unknown) => {
        throw onInputs(error, (fields) => serviceErrorsOnInputs(fields, rows));
      });
      reply.flash({ type: 'success', key: a('flash.created'), params: { name: service.name } });
      return reply.seeOther(PATHS.service(service.id));
    },
  );

  app.get(
    `${PATHS.list}/:serviceId`,
    { config: { access: at('serviceId') }, schema: { params: ServiceParams } },
    async (request, reply) => {
      const service = await Svc.getService(db(), request.params.serviceId);
      const [locations, units] = await Promise.all([Q.locationNames(db(), service.id), Q.unitNames(db(), [service.serviceUnitId])]);
      const view: ServiceView = { ...service, unitName: units.get(service.serviceUnitId) ?? '', locations };
      return reply.html(renderDocument(ServicePage({ ctx: page(request, reply), service: view, versions: service.versions })));
    },
  );

  const editServiceForm: Render = async (request, reply, form) => {
    const service = await findService(paramOf(request, 'serviceId'));
    const units = await Q.unitNames(db(), [service.serviceUnitId]);
    return renderDocument(
      ServiceFormPage({
        ctx: page(request, reply),
        form,
        service,
        units: [],
        unitName: units.get(service.serviceUnitId) ?? '',
        locations: await locationChoicesFor([service.serviceUnitId]),
      }),
    );
  };

  app.get(
    `${PATHS.list}/:serviceId/ubah`,
    { config: { access: at('serviceId') }, schema: { params: ServiceParams } },
    async (request, reply) => {
      const service = await Svc.getService(db(), request.params.serviceId);
      return reply.html(await editServiceForm(request, reply, emptyForm(serviceToForm(service, service.locations))));
    },
  );

  app.post(
    `${PATHS.list}/:serviceId`,
    { config: { access: at('serviceId'), rerender: editServiceForm }, schema: { params: ServiceParams, body: FormBody } },
    async (request, reply) => {
      const { input, locations, rows } = serviceFromForm(request.body);
      const move = (error: unknown) => onInputs(error, (fields) => serviceErrorsOnInputs(fields, rows));
      const { serviceId } = request.params;
      // The details carry the version that was read, so a change by someone else in between is refused first.
      const edit = { ...input, version: str(request.body, 'version') } as unknown as ServiceEdit;
      const service = await Svc.updateService(ctx(request), serviceId, edit).catch((e: unknown) => {
        throw move(e);
      });
      await Svc.setServiceLocations(ctx(request), serviceId, locations).catch((e: unknown) => {
        throw move(e);
      });
      reply.flash({ type: 'success', key: a('flash.saved'), params: { name: service.name } });
      return reply.seeOther(PATHS.service(serviceId));
    },
  );

  app.post(
    `${PATHS.list}/:serviceId/draf`,
    { config: { access: at('serviceId') }, schema: { params: ServiceParams, body: FormBody.optional() } },
    async (request, reply) => {
      const version = await Svc.createDraft(ctx(request), request.params.serviceId);
      reply.flash({ type: 'success', key: a('flash.draft'), params: { number: version.number } });
      return reply.seeOther(PATHS.version(version.id));
    },
  );

  app.get(
    `${PATHS.list}/:serviceId/bandingkan`,
    { config: { access: at('serviceId') }, schema: { params: ServiceParams, querystring: CompareQuery } },
    async (request, reply) => {
      const service = await findService(request.params.serviceId);
      const [from, to] = await Promise.all([Svc.getVersion(db(), request.query.dari), Svc.getVersion(db(), request.query.ke)]);
      // Only versions of this service: the access check covered the service in the path, not the ones in the query.
      if (from.serviceId !== service.id || to.serviceId !== service.id) throw NotFound();
      const diff = await Svc.diffVersions(db(), from.id, to.id);
      return reply.html(
        renderDocument(
          DiffPage({ ctx: page(request, reply), service, from: toView(from, service), to: toView(to, service), changes: diff.components }),
        ),
      );
    },
  );

  app.get(
    `${PATHS.list}/:serviceId/riwayat`,
    { config: { access: at('serviceId') }, schema: { params: ServiceParams } },
    async (request, reply) => {
      const service = await findService(request.params.serviceId);
      const versions = await Svc.listVersions(db(), service.id);
      const events = await Promise.all(
        versions.map(async (v) => (await Svc.versionHistory(db(), v.id)).map((e) => ({ ...e, versionNumber: v.number }))),
      );
      const entries = events.flat().sort((x, y) => new Date(y.occurredAt).getTime() - new Date(x.occurredAt).getTime() || y.id - x.id);
      return reply.html(renderDocument(HistoryPage({ ctx: page(request, reply), service, entries })));
    },
  );

  // ---- a version -------------------------------------------------------------------------------

  app.get(
    `${PATHS.list}/versi/:versionId`,
    { config: { access: at('versionId') }, schema: { params: VersionParams } },
    async (request, reply) => {
      const version = await versionView(request.params.versionId);
      const [completeness, pendingComments] = await Promise.all([
        Svc.completeness(db(), version.id, { reviewMonths: config.STANDARDS_REVIEW_MONTHS }),
        R.countComments(db(), version.id, 'pending'),
      ]);
      const consultationRunning =
        version.status === 'consultation' && !!version.consultationClosesAt && version.consultationClosesAt > new Date();
      return reply.html(
        renderDocument(VersionPage({ ctx: page(request, reply), version, completeness, pendingComments, consultationRunning })),
      );
    },
  );

  // ---- one editor per component ------------------------------------------------------------------

  for (const component of COMPONENTS) {
    const path = `${PATHS.list}/versi/:versionId/komponen/${component}`;
    const editor = (conflict: (form: FormState) => boolean): Render => {
      return async (request, reply, form) => {
        const version = await versionView(paramOf(request, 'versionId'));
        const isConflict = conflict(form);
        // After a conflict the form carries the version saved meanwhile, so saving again replaces it knowingly.
        const state = isConflict ? { ...form, values: { ...form.values, version: String(version.version) } } : form;
        return renderDocument(ComponentEditorPage({ ctx: page(request, reply), form: state, version, component, conflict: isConflict }));
      };
    };
    const conflictKey = errorKey(VersionConflict.code);

    app.get(path, { config: { access: at('versionId') }, schema: { params: VersionParams } }, async (request, reply) => {
      const version = await Svc.getVersion(db(), request.params.versionId);
      const values = { ...componentToForm(component, version.content), version: String(version.version) };
      return reply.html(await editor(() => false)(request, reply, emptyForm(values)));
    });

    app.post(
      path,
      {
        config: { access: at('versionId'), rerender: editor((form) => form.errors.some((e) => e.key === conflictKey)) },
        schema: { params: VersionParams, body: FormBody },
      },
      async (request, reply) => {
        const parsed = parseComponentForm(component, request.body);
        if (!parsed.ok) throw ValidationFailed({}, { fields: parsed.errors });
        const rows: RowMap = parsed.rows;
        const version = await Svc.saveComponent(
          ctx(request),
          request.params.versionId,
          component,
          parsed.value,
          Number(str(request.body, 'version')),
        ).catch((error: unknown) => {
          throw onInputs(error, (fields) => errorsOnInputs(component, fields, rows));
        });
        const c = page(request, reply);
        reply.flash({ type: 'success', key: a('flash.component'), params: { component: componentLabel(c.t, component) } });
        return reply.seeOther(PATHS.version(version.id));
      },
    );
  }

  // ---- lifecycle steps, each on a confirmation page -------------------------------------------------

  const actionForm =
    (action: ActionKey): Render =>
    async (request, reply, form) => {
      const version = await versionView(paramOf(request, 'versionId'));
      return renderDocument(ActionPage({ ctx: page(request, reply), form, version, action }));
    };

  /** Takes a step with what its confirmation page posted; only the ratify form carries a file (the decree PDF). */
  const steps: Record<ActionKey, (request: FastifyRequest, form: FormValues, file?: DecreeFile) => Promise<VersionRow>> = {
    submit: (request, form) =>
      Svc.submitForReview(ctx(request), paramOf(request, 'versionId'), { version: str(form, 'version'), note: str(form, 'note') }),
    return: (request, form) =>
      Svc.returnToDraft(ctx(request), paramOf(request, 'versionId'), { version: str(form, 'version'), note: str(form, 'note') }),
    consult: (request, form) => {
      const errors: FieldError[] = [];
      const date = dateField(form, 'closesAt', errors);
      if (!date) throw ValidationFailed({}, { fields: errors });
      // The public may comment until the end of the chosen day (WIB).
      return Svc.openConsultation(ctx(request), paramOf(request, 'versionId'), {
        version: str(form, 'version'),
        closesAt: `${date}T23:59:00+07:00`,
      });
    },
    ratify: async (request, form, file) => {
      // Every blank field at once, not the date first and the rest after it.
      const errors = ['decreeNumber', 'signatory'].flatMap((name) =>
        str(form, name) ? [] : [{ path: name, key: 'platform.validation.required' }],
      );
      const decreeDate = dateField(form, 'decreeDate', errors);
      if (errors.length > 0 || !decreeDate) throw ValidationFailed({}, { fields: errors });
      return Svc.ratify(ctx(request), paramOf(request, 'versionId'), {
        version: str(form, 'version'),
        decreeNumber: str(form, 'decreeNumber'),
        decreeDate,
        signatory: str(form, 'signatory'),
        ...(file ? { decreeFile: file } : {}),
      }).catch((error: unknown) => {
        // The file store names no field; the refusal belongs on the file input.
        if (error instanceof AppError && error.code.startsWith('FILES_')) {
          throw new AppError(error.code, error.status, error.params, [{ path: 'decreeFile', key: errorKey(error) }], error.message);
        }
        throw error;
      });
    },
    publish: (request, form) => {
      const errors: FieldError[] = [];
      const effectiveDate = dateField(form, 'effectiveDate', errors);
      if (!effectiveDate) throw ValidationFailed({}, { fields: errors });
      return Svc.publish(ctx(request), paramOf(request, 'versionId'), { version: str(form, 'version'), effectiveDate });
    },
    withdraw: (request, form) =>
      Svc.withdraw(ctx(request), paramOf(request, 'versionId'), { version: str(form, 'version'), reason: str(form, 'reason') }),
    review: (request, form) =>
      Svc.markReviewed(ctx(request), paramOf(request, 'versionId'), { version: str(form, 'version'), note: str(form, 'note') }),
  };
  /** The fields of a multipart post, and its decree file (held in memory: at most UPLOAD_LIMIT_BYTES). */
  async function readMultipart(request: FastifyRequest): Promise<{ form: FormValues; file?: DecreeFile }> {
    const form: FormValues = {};
    let file: DecreeFile | undefined;
    // The form is shown again with these values when the step is refused.
    request.body = form;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'decreeFile' && part.filename && content.length > 0) file = { source: content, name: part.filename };
      } else if (typeof part.value === 'string' && part.fieldname !== '_csrf') {
        form[part.fieldname] = part.value;
      }
    }
    return file ? { form, file } : { form };
  }

  for (const action of Object.keys(ACTIONS) as ActionKey[]) {
    const path = `${PATHS.list}/versi/:versionId/${ACTIONS[action]}`;
    app.get(path, { config: { access: at('versionId') }, schema: { params: VersionParams } }, async (request, reply) => {
      const version = await Svc.getVersion(db(), request.params.versionId);
      return reply.html(await actionForm(action)(request, reply, emptyForm({ version: String(version.version) })));
    });
    app.post(
      path,
      // The ratify form is multipart, which has no body until it is read; the others are checked as flat forms.
      {
        config: { access: at('versionId'), rerender: actionForm(action) },
        schema: { params: VersionParams, ...(action === 'ratify' ? {} : { body: FormBody }) },
      },
      async (request, reply) => {
        const { form, file } = request.isMultipart()
          ? await readMultipart(request)
          : { form: (request.body ?? {}) as FormValues, file: undefined };
        const version = await steps[action](request, form, file);
        reply.flash({ type: 'success', key: a(`flash.${action}`), params: { number: version.number } });
        return reply.seeOther(PATHS.version(version.id));
      },
    );
  }

  // ---- consultation comments ---------------------------------------------------------------------

  const commentsPage = async (request: FastifyRequest, reply: FastifyReply, versionId: string, form?: FormState, commentId?: string) => {
    const version = await versionView(versionId);
    const comments = await Svc.listComments(db(), version.id);
    return renderDocument(CommentsPage({ ctx: page(request, reply), version, comments, form, commentId }));
  };

  app.get(
    `${PATHS.list}/versi/:versionId/komentar`,
    { config: { access: at('versionId') }, schema: { params: VersionParams } },
    async (request, reply) => reply.html(await commentsPage(request, reply, request.params.versionId)),
  );

  const moderationForm: Render = async (request, reply, form) => {
    const commentId = paramOf(request, 'commentId');
    const versionId = await Q.versionOfComment(db(), commentId);
    if (!versionId) throw NotFound();
    return commentsPage(request, reply, versionId, form, commentId);
  };

  app.post(
    PATHS.comment(':commentId'),
    { config: { access: at('commentId'), rerender: moderationForm }, schema: { params: CommentParams, body: FormBody } },
    async (request, reply) => {
      const decision = str(request.body, 'decision');
      const status = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : undefined;
      if (!status) throw ValidationFailed({}, { fields: [{ path: 'response', key: 'platform.validation.invalid' }] });
      const comment = await Svc.moderateComment(ctx(request), request.params.commentId, {
        status,
        response: str(request.body, 'response'),
      });
      reply.flash({ type: 'success', key: a('flash.moderated'), params: { name: comment.authorName } });
      return reply.seeOther(PATHS.comments(comment.versionId));
    },
  );
}
