import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access } from '../../platform/access/access.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { FormState, Rerender } from '../../platform/http/types.js';
import { issuesToFieldErrors } from '../../platform/http/validation.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import { contextFor, PROCESS, type ApplicationRow } from './applications.core.js';
import { complianceReport } from './compliance.js';
import { listNotifications } from './notify.js';
import { issueOutput, revokeOutput, type OutputSource } from './output.js';
import * as Svc from './process.js';
import * as E from './process.errors.js';
import { pk, type ProcessKey } from './process.messages.js';
import { ACTIONS, CasePage, CompliancePage, InboxPage, PROCESS_PATHS, type ActionName } from './process.pages.js';
import * as S from './process.schemas.js';
import { formatCode } from './tracking-number.js';

const PAGE_SIZE = 25;
const LIST: Access = { permission: PROCESS, scope: 'filtered' };
const CASE: Access = { permission: PROCESS, scope: { subject: 'applicationId' } };
const UNIT: Access = { permission: PROCESS, scope: { subject: 'serviceUnitId' } };
const tags = ['applications'];

type Fields = Record<string, unknown>;

/** A JSON view of an application's state after an action (no personal data). */
const presentState = (app: ApplicationRow) => ({
  id: app.id,
  trackingNumber: app.trackingNumber,
  status: app.status,
  version: app.version,
  currentStepKey: app.currentStepKey,
  assignedToAccountId: app.assignedToAccountId,
  submittedAt: app.submittedAt,
  dueAt: app.dueAt,
  clockPaused: app.clockPaused,
  decidedAt: app.decidedAt,
  onTime: app.onTime,
});

/** The first month of the compliance report by default: this month so far, in WIB. */
function defaultPeriod(now: Date) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The unit's screens under /admin/permohonan (inbox, case with its action forms, file downloads,
 * compliance) and the staff JSON API under /api/v1. Every action form posts to its own address, comes back
 * with the error summary and what was typed when refused, and needs no JavaScript.
 */
export async function processRoutes(app: App) {
  const { database, config } = app.deps;
  const ctx = contextFor(app);
  const idOf = (request: FastifyRequest) => (request.params as { applicationId: string }).applicationId;
  const publicUrl = { publicUrl: config.publicUrl };
  const warnHours = config.APPLICATIONS_WARN_HOURS;

  const casePage = async (request: FastifyRequest, reply: FastifyReply, active?: { action: ActionName; state: FormState }) => {
    const view = await Svc.getCase(ctx(request), idOf(request));
    const notifications = await listNotifications(database.db, view.application.id);
    return renderDocument(CasePage({ ctx: pageContext(request, reply), view, notifications, active }));
  };
  const actionAgain =
    (action: ActionName): Rerender =>
    (request, reply, state) =>
      casePage(request, reply, { action, state });

  // ---- the inbox ----------------------------------------------------------------------------------

  const filterOf = (query: S.InboxQuery, unitId?: string) => ({
    status: query.status,
    due: query.tenggat === 'segera' ? ('soon' as const) : query.tenggat === 'lewat' ? ('overdue' as const) : undefined,
    mine: query.saya === '1',
    serviceId: query.layanan,
    unitId,
    page: query.page,
    pageSize: PAGE_SIZE,
  });

  app.get(PROCESS_PATHS.inbox, { config: { access: LIST }, schema: { querystring: S.InboxQuery } }, async (request, reply) => {
    const found = await Svc.inbox(ctx(request), filterOf(request.query), warnHours);
    const page = InboxPage({
      ctx: pageContext(request, reply),
      query: request.query,
      rows: found.items,
      total: found.total,
      counts: found.counts,
      services: found.services,
      warnHours,
      pageSize: PAGE_SIZE,
      now: new Date(),
    });
    return reply.html(renderDocument(page));
  });

  // ---- compliance ---------------------------------------------------------------------------------

  app.get(PROCESS_PATHS.compliance, { config: { access: LIST } }, async (request, reply) => {
    const raw = (request.query ?? {}) as Fields;
    const parsed = S.ComplianceQuery.safeParse(raw);
    const period = defaultPeriod(new Date());
    const values = { from: typeof raw.from === 'string' ? raw.from : period.from, to: typeof raw.to === 'string' ? raw.to : period.to };
    if (!parsed.success) {
      const form = { values, errors: issuesToFieldErrors(parsed.error.issues) };
      return reply.html(renderDocument(CompliancePage({ ctx: pageContext(request, reply), report: undefined, form })), 422);
    }
    const report = await complianceReport(ctx(request), { from: parsed.data.from ?? period.from, to: parsed.data.to ?? period.to });
    return reply.html(renderDocument(CompliancePage({ ctx: pageContext(request, reply), report, form: emptyForm(values) })));
  });

  app.get(
    '/api/v1/applications/compliance',
    {
      config: { access: LIST },
      schema: { summary: 'Deadline compliance per unit and service over a period of decisions', tags, querystring: S.ComplianceQuery },
    },
    async (request) => {
      const period = defaultPeriod(new Date());
      return complianceReport(ctx(request), { from: request.query.from ?? period.from, to: request.query.to ?? period.to });
    },
  );

  // ---- the case and its files ---------------------------------------------------------------------

  app.get(PROCESS_PATHS.case(':applicationId'), { config: { access: CASE }, schema: { params: S.CaseParams } }, async (request, reply) =>
    reply.html(await casePage(request, reply)),
  );

  app.get(
    `${PROCESS_PATHS.case(':applicationId')}/berkas`,
    { config: { access: CASE }, schema: { params: S.CaseParams, querystring: S.FileQuery } },
    async (request, reply) => {
      const { dokumen, keluaran } = request.query;
      const fileId = dokumen ?? keluaran;
      // Without a file named, the address leads to the case and its list of files.
      if (!fileId) return reply.seeOther(PROCESS_PATHS.case(request.params.applicationId));
      const file = await Svc.openCaseFile(ctx(request), request.params.applicationId, dokumen ? 'document' : 'output', fileId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );

  // ---- the action forms ---------------------------------------------------------------------------

  const keysOf = async (request: FastifyRequest) => (await Svc.getCaseStandard(ctx(request), idOf(request))).requirements.map((r) => r.key);
  const parse = <T extends z.ZodType>(schema: T, body: unknown): z.output<T> => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw ValidationFailed({}, { fields: issuesToFieldErrors(parsed.error.issues) });
    return parsed.data;
  };

  type Step = (
    request: FastifyRequest,
    body: Fields,
  ) => Promise<{ app: ApplicationRow; flash: ProcessKey; params?: Record<string, string> }>;
  const steps: Record<Exclude<ActionName, 'terbitkan'>, Step> = {
    klaim: async (request, body) => ({
      app: await Svc.claim(ctx(request), idOf(request), parse(S.VersionBody, body).version),
      flash: 'flash.claimed',
    }),
    tugaskan: async (request, body) => {
      const { version, accountId } = parse(S.AssignBody, body);
      return { app: await Svc.assign(ctx(request), idOf(request), version, accountId), flash: 'flash.assigned' };
    },
    periksa: async (request, body) => {
      const { version } = parse(S.FlatForm, body);
      const items = S.checkItemsOf(body, await keysOf(request));
      return { app: await Svc.checkRequirements(ctx(request), idOf(request), version, items), flash: 'flash.checked' };
    },
    perbaikan: async (request, body) => {
      const { version } = parse(S.FlatForm, body);
      const correction = S.correctionOf(body, await keysOf(request));
      return { app: await Svc.requestCorrection(ctx(request), idOf(request), version, correction), flash: 'flash.correction' };
    },
    tolak: async (request, body) => {
      const { version, reason, legalBasis } = parse(S.RejectForm, body);
      return { app: await Svc.reject(ctx(request), idOf(request), version, { reason, legalBasis }), flash: 'flash.rejected' };
    },
    langkah: async (request, body) => ({
      app: await Svc.advanceStep(ctx(request), idOf(request), parse(S.VersionBody, body).version),
      flash: 'flash.advanced',
    }),
    perpanjang: async (request, body) => {
      const { version, value, unit, extendReason } = parse(S.ExtendForm, body);
      return {
        app: await Svc.extendClock(ctx(request), idOf(request), version, { value, unit, reason: extendReason }),
        flash: 'flash.extended',
      };
    },
    bayar: async (request, body) => {
      const { version, ...payment } = parse(S.PaymentBody, body);
      return { app: await Svc.recordPayment(ctx(request), idOf(request), version, payment), flash: 'flash.paid' };
    },
    selesai: async (request, body) => ({
      app: await Svc.complete(ctx(request), idOf(request), parse(S.CompleteForm, body).version),
      flash: 'flash.completed',
    }),
    'cabut-keluaran': async (request, body) => {
      const { version, outputId, revokeReason } = parse(S.RevokeForm, body);
      return { app: await revokeOutput(ctx(request), idOf(request), version, { outputId, reason: revokeReason }), flash: 'flash.revoked' };
    },
  };

  const done = (reply: FastifyReply, app: ApplicationRow, flash: ProcessKey, params: Record<string, string> = {}) => {
    reply.flash({ type: 'success', key: pk(flash), params: { number: formatCode(app.trackingNumber!), ...params } });
    return reply.seeOther(PROCESS_PATHS.case(app.id));
  };

  for (const action of ACTIONS) {
    if (action === 'terbitkan') continue;
    app.post(
      PROCESS_PATHS.action(':applicationId', action),
      { config: { access: CASE, rerender: actionAgain(action) }, schema: { params: S.CaseParams, body: S.FlatForm } },
      async (request, reply) => {
        const { app: next, flash } = await steps[action](request, request.body);
        return done(reply, next, flash);
      },
    );
  }

  /**
   * Issues an output from a multipart post: its fields (version, productName, source) come before the file,
   * so they are checked before the upload streams into the store. JSON asks for the template.
   */
  async function issueFrom(request: FastifyRequest) {
    const issue = (fields: Fields, source: OutputSource) => {
      const { version, productName } = parse(S.IssueJson, fields);
      return issueOutput(ctx(request), idOf(request), version, { productName, source }, publicUrl);
    };
    if (!request.isMultipart()) return issue((request.body ?? {}) as Fields, { generate: true });
    const fields: Fields = {};
    // The form comes back with these values when the action is refused.
    request.body = fields;
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname !== '_csrf') fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file' || !part.filename || fields.source === 'generate') {
        part.file.resume();
        continue;
      }
      try {
        return await issue(fields, { upload: { source: part.file, name: part.filename } });
      } finally {
        part.file.resume();
      }
    }
    // An upload was asked for but no file came (an upload returns above).
    if (fields.source === 'upload') {
      throw E.OutputFileMissing({}, { fields: [{ path: 'file', key: 'applications.error.APPLICATIONS_OUTPUT_FILE_MISSING' }] });
    }
    return issue(fields, { generate: true });
  }

  app.post(
    PROCESS_PATHS.action(':applicationId', 'terbitkan'),
    { config: { access: CASE, rerender: actionAgain('terbitkan') }, schema: { params: S.CaseParams } },
    async (request, reply) => {
      const issued = await issueFrom(request);
      return done(reply, issued.application, 'flash.issued', { code: formatCode(issued.verificationCode) });
    },
  );

  // ---- the staff JSON API -------------------------------------------------------------------------

  app.get(
    '/api/v1/units/:serviceUnitId/applications',
    {
      config: { access: UNIT },
      schema: {
        summary: "A unit's applications (never drafts) with filters and counts, nearest deadline first",
        tags,
        params: S.UnitParams,
        querystring: S.InboxQuery,
      },
    },
    async (request) => {
      const found = await Svc.inbox(ctx(request), filterOf(request.query, request.params.serviceUnitId), warnHours);
      return { total: found.total, page: request.query.page, pageSize: PAGE_SIZE, counts: found.counts, items: found.items };
    },
  );

  app.get(
    '/api/v1/applications/:applicationId/case',
    {
      config: { access: CASE },
      schema: { summary: 'The staff view of an application (the read of personal data is logged)', tags, params: S.CaseParams },
    },
    async (request) => {
      const view = await Svc.getCase(ctx(request), request.params.applicationId);
      const notifications = await listNotifications(database.db, request.params.applicationId);
      const { application, standard, place, processors: _processors, ...rest } = view;
      return {
        application: presentState(application),
        serviceName: place.serviceName,
        unitName: place.unitName,
        procedure: standard.procedure,
        ...rest,
        notifications,
      };
    },
  );

  const api = <T extends z.ZodType>(
    name: string,
    summary: string,
    body: T,
    run: (request: FastifyRequest, input: z.output<T>) => Promise<ApplicationRow>,
  ) =>
    app.post(
      `/api/v1/applications/:applicationId/actions/${name}`,
      { config: { access: CASE }, schema: { summary, tags, params: S.CaseParams, body } },
      async (request) => presentState(await run(request, request.body as z.output<T>)),
    );
  api('claim', 'Take the application (assigned to you, in process)', S.VersionBody, (r, b) => Svc.claim(ctx(r), idOf(r), b.version));
  api('assign', 'Assign the application to a processor of its unit', S.AssignBody, (r, b) =>
    Svc.assign(ctx(r), idOf(r), b.version, b.accountId),
  );
  api('check', 'Record the check of requirement items', S.CheckJson, (r, b) => Svc.checkRequirements(ctx(r), idOf(r), b.version, b.items));
  api('correction', 'Return the application for correction (the clock pauses when the standard says so)', S.CorrectionJson, (r, b) =>
    Svc.requestCorrection(ctx(r), idOf(r), b.version, { items: b.items, message: b.message }),
  );
  api('reject', 'Reject with the reason and legal basis', S.ApiRejectBody, (r, b) => Svc.reject(ctx(r), idOf(r), b.version, b));
  api('advance', 'Move to the next staff step of the frozen procedure', S.VersionBody, (r, b) =>
    Svc.advanceStep(ctx(r), idOf(r), b.version),
  );
  api('extend', 'Extend the time limit (once per application)', S.ApiExtendBody, (r, b) => Svc.extendClock(ctx(r), idOf(r), b.version, b));
  api('payment', 'Record the payment of the whole bill (methods: cash, manual_transfer)', S.PaymentBody, (r, { version, ...p }) =>
    Svc.recordPayment(ctx(r), idOf(r), version, p),
  );
  api('complete', 'Complete (bill paid or free, at least one output)', S.VersionBody, (r, b) => Svc.complete(ctx(r), idOf(r), b.version));
  api('revoke-output', 'Revoke an issued output with the reason', S.ApiRevokeBody, (r, b) =>
    revokeOutput(ctx(r), idOf(r), b.version, { outputId: b.outputId, reason: b.reason }),
  );

  app.post(
    '/api/v1/applications/:applicationId/outputs',
    {
      config: { access: CASE },
      schema: {
        summary: 'Issue an output: JSON {version, productName} generates it from the template; multipart with `file` uploads it',
        description:
          'Multipart posts carry the CSRF token (`x-csrf-token` or `_csrf` in the query) and the fields before the file. PDF, JPEG or PNG by content, at most 10 MB.',
        tags,
        params: S.CaseParams,
      },
    },
    async (request, reply) => {
      const issued = await issueFrom(request);
      return reply
        .status(201)
        .send({ ...presentState(issued.application), outputId: issued.outputId, verificationCode: issued.verificationCode });
    },
  );
}
