import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../../platform/access/access.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { FormState, Rerender } from '../../platform/http/types.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import { contextFor, FILE } from './applications.core.js';
import * as E from './apply.errors.js';
import {
  APPLY_PATHS,
  ApplicationPage,
  CheckPage,
  CorrectionPage,
  CounterFormPage,
  CounterListPage,
  DraftPage,
  draftState,
  MyApplicationsPage,
  ReceiptPage,
  StartPage,
  WithdrawPage,
} from './apply.pages.js';
import * as S from './apply.schemas.js';
import * as Svc from './apply.js';
import { buildForm } from './form.js';
import { renderReceiptPdf } from './receipt.pdf.js';

type Fields = Record<string, string>;

/** A download's file name: an ASCII fallback and the name itself (RFC 6266). */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** `answers.<key>` fields of a flat form, as the answers object the use cases take. */
const answersOf = (form: Fields) =>
  Object.fromEntries(
    Object.entries(form)
      .filter(([k]) => k.startsWith('answers.'))
      .map(([k, v]) => [k.slice('answers.'.length), v]),
  );

const newSubmitKey = () => randomBytes(18).toString('base64url');

const COUNTER_LIST: Access = { permission: FILE, scope: 'filtered' };
const COUNTER_CASE: Access = { permission: FILE, scope: { subject: 'applicationId' } };

/**
 * Applying: the start page beside the catalog, the citizen's pages under /permohonan (draft form,
 * uploads, check and submit, status, correction, withdrawal, receipt and its PDF), the counter's under
 * /loket/permohonan, and the JSON API under /api/v1/applications. Forms work without JavaScript and come
 * back with what was typed when refused.
 */
export async function applyRoutes(app: App) {
  const { database, config } = app.deps;
  const ctx = contextFor(app);
  const page = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply);
  const idOf = (request: FastifyRequest) => (request.params as { applicationId: string }).applicationId;
  const trackUrl = (trackingNumber: string) => `${config.publicUrl}${APPLY_PATHS.track(trackingNumber)}`;
  const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Fields;

  /** The draft (or, once submitted, its status page) again with the refusal's errors and the typed values. */
  const draftAgain: Rerender = async (request, reply, form) => {
    const view = await Svc.getApplication(ctx(request), idOf(request));
    const state: FormState = { values: { ...draftState(view).values, ...form.values }, errors: form.errors };
    return renderDocument(DraftPage({ ctx: page(request, reply), view, state }));
  };
  const correctionAgain: Rerender = async (request, reply, form) => {
    const view = await Svc.getApplication(ctx(request), idOf(request));
    return renderDocument(CorrectionPage({ ctx: page(request, reply), view, state: form }));
  };
  const withdrawAgain: Rerender = async (request, reply, form) => {
    const view = await Svc.getApplication(ctx(request), idOf(request));
    return renderDocument(WithdrawPage({ ctx: page(request, reply), view, state: form }));
  };

  // ---- starting from the catalog ------------------------------------------------------------------

  app.get(APPLY_PATHS.start(':slug'), { config: { access: 'citizen' }, schema: { params: S.SlugParams } }, async (request, reply) => {
    const service = await Svc.serviceToStart(database.db, request.params.slug);
    return reply.html(renderDocument(StartPage({ ctx: page(request, reply), service })));
  });

  app.post(APPLY_PATHS.start(':slug'), { config: { access: 'citizen' }, schema: { params: S.SlugParams } }, async (request, reply) => {
    const service = await Svc.serviceToStart(database.db, request.params.slug);
    const draft = await Svc.startApplication(ctx(request), service.id);
    return reply.seeOther(APPLY_PATHS.application(draft.id));
  });

  // ---- the citizen's applications -----------------------------------------------------------------

  app.get(APPLY_PATHS.mine, { config: { access: 'citizen' } }, async (request, reply) => {
    const rows = await Svc.listMyApplications(ctx(request));
    return reply.html(renderDocument(MyApplicationsPage({ ctx: page(request, reply), rows })));
  });

  app.get(
    APPLY_PATHS.application(':applicationId'),
    { config: { access: 'citizen' }, schema: { params: S.ApplicationParams } },
    async (request, reply) => {
      const view = await Svc.getApplication(ctx(request), request.params.applicationId);
      const c = page(request, reply);
      return reply.html(
        renderDocument(
          view.application.status === 'draft' ? DraftPage({ ctx: c, view, state: draftState(view) }) : ApplicationPage({ ctx: c, view }),
        ),
      );
    },
  );

  /** The answers forms (the draft's, the correction's): `answers.<key>` fields at the version read. */
  const answersForm = (path: string, rerender: Rerender, flash: 'saved' | 'resubmitted', take: typeof Svc.saveAnswers) =>
    app.post(
      path,
      { config: { access: 'citizen', rerender }, schema: { params: S.ApplicationParams, body: S.FormBody } },
      async (request, reply) => {
        const form = request.body;
        await take(ctx(request), request.params.applicationId, Number(form.version), answersOf(form));
        reply.flash({ type: 'success', key: `applications.apply.flash.${flash}` });
        return reply.seeOther(APPLY_PATHS.application(request.params.applicationId));
      },
    );
  answersForm(APPLY_PATHS.application(':applicationId'), draftAgain, 'saved', Svc.saveAnswers);

  /** The file part of a multipart upload, streamed to the use case; fields before it are kept for the form. */
  async function withUploadedFile<T>(
    request: FastifyRequest,
    field: string,
    use: (file: Readable, filename: string) => Promise<T>,
  ): Promise<T | undefined> {
    const form: Fields = {};
    request.body = form;
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname !== '_csrf') form[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== field || !part.filename) {
        part.file.resume();
        continue;
      }
      try {
        return await use(part.file, part.filename);
      } finally {
        // A refused upload leaves the rest unread; drain it so the request can end.
        part.file.resume();
      }
    }
    return undefined;
  }

  const noFile = (key: string) =>
    E.ApplicationInvalid({}, { fields: [{ path: `documents.${key}`, key: 'applications.apply.validation.file' }] });

  app.post(
    APPLY_PATHS.upload(':applicationId', ':requirementKey'),
    { config: { access: 'citizen', rerender: draftAgain }, schema: { params: S.DocumentParams } },
    async (request, reply) => {
      const { applicationId, requirementKey } = request.params;
      if (!request.isMultipart()) throw noFile(requirementKey);
      const doc = await withUploadedFile(request, 'file', (file, name) =>
        Svc.uploadDocument(ctx(request), applicationId, requirementKey, file, name),
      );
      if (!doc) throw noFile(requirementKey);
      reply.flash({ type: 'success', key: 'applications.apply.flash.uploaded', params: { file: doc.fileName } });
      const view = await Svc.getApplication(ctx(request), applicationId);
      return reply.seeOther(
        view.application.status === 'draft' ? APPLY_PATHS.application(applicationId) : APPLY_PATHS.correction(applicationId),
      );
    },
  );

  app.post(
    APPLY_PATHS.remove(':applicationId', ':requirementKey'),
    { config: { access: 'citizen', rerender: draftAgain }, schema: { params: S.DocumentParams } },
    async (request, reply) => {
      await Svc.removeDocument(ctx(request), request.params.applicationId, request.params.requirementKey);
      reply.flash({ type: 'success', key: 'applications.apply.flash.removed' });
      return reply.seeOther(APPLY_PATHS.application(request.params.applicationId));
    },
  );

  app.get(
    APPLY_PATHS.file(':applicationId', ':documentId'),
    { config: { access: 'citizen' }, schema: { params: S.FileParams } },
    async (request, reply) => {
      const { document, stream } = await Svc.openDocument(ctx(request), request.params.applicationId, request.params.documentId);
      return reply
        .type(document.mediaType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${document.fileName.replace(/[^\w.-]+/g, '_')}"`)
        .send(stream);
    },
  );

  app.get(
    APPLY_PATHS.output(':applicationId', ':outputId'),
    { config: { access: 'citizen' }, schema: { params: S.OutputParams } },
    async (request, reply) => {
      const { output, stream } = await Svc.openOutput(ctx(request), request.params.applicationId, request.params.outputId);
      return reply
        .type(output.mediaType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachment(output.fileName))
        .send(stream);
    },
  );

  // ---- check and submit ------------------------------------------------------------------------------

  app.get(
    APPLY_PATHS.check(':applicationId'),
    { config: { access: 'citizen' }, schema: { params: S.ApplicationParams } },
    async (request, reply) => {
      const view = await Svc.getApplication(ctx(request), request.params.applicationId);
      if (view.application.status !== 'draft') return reply.seeOther(APPLY_PATHS.application(view.application.id));
      return reply.html(renderDocument(CheckPage({ ctx: page(request, reply), view, submitKey: newSubmitKey(), state: emptyForm() })));
    },
  );

  app.post(
    APPLY_PATHS.check(':applicationId'),
    // Refused as incomplete, the draft form comes back: the error summary links to the fields there.
    { config: { access: 'citizen', rerender: draftAgain }, schema: { params: S.ApplicationParams, body: S.SubmitForm } },
    async (request, reply) => {
      const submitted = await Svc.submit(ctx(request), request.params.applicationId, request.body.submitKey);
      reply.flash({ type: 'success', key: 'applications.apply.flash.submitted', params: { number: submitted.trackingNumber ?? '' } });
      return reply.seeOther(APPLY_PATHS.receipt(submitted.id));
    },
  );

  // ---- correction and withdrawal -----------------------------------------------------------------

  app.get(
    APPLY_PATHS.correction(':applicationId'),
    { config: { access: 'citizen' }, schema: { params: S.ApplicationParams } },
    async (request, reply) => {
      const view = await Svc.getApplication(ctx(request), request.params.applicationId);
      if (view.application.status !== 'awaiting_citizen') return reply.seeOther(APPLY_PATHS.application(view.application.id));
      return reply.html(renderDocument(CorrectionPage({ ctx: page(request, reply), view, state: draftState(view) })));
    },
  );

  answersForm(APPLY_PATHS.correction(':applicationId'), correctionAgain, 'resubmitted', Svc.resubmitCorrection);

  app.get(
    APPLY_PATHS.withdraw(':applicationId'),
    { config: { access: 'citizen' }, schema: { params: S.ApplicationParams } },
    async (request, reply) => {
      const view = await Svc.getApplication(ctx(request), request.params.applicationId);
      return reply.html(renderDocument(WithdrawPage({ ctx: page(request, reply), view, state: emptyForm() })));
    },
  );

  app.post(
    APPLY_PATHS.withdraw(':applicationId'),
    { config: { access: 'citizen', rerender: withdrawAgain }, schema: { params: S.ApplicationParams, body: S.VersionForm } },
    async (request, reply) => {
      const { discarded } = await Svc.withdraw(ctx(request), request.params.applicationId, request.body.version);
      reply.flash({ type: 'success', key: `applications.apply.flash.${discarded ? 'discarded' : 'withdrawn'}` });
      return reply.seeOther(APPLY_PATHS.mine);
    },
  );

  // ---- receipts ----------------------------------------------------------------------------------

  /** A submitted application's receipt page or PDF, for the applicant or the counter that filed it. */
  async function receipt(request: FastifyRequest, reply: FastifyReply, base: (id: string) => string, pdf: boolean) {
    const view = await Svc.getApplication(ctx(request), idOf(request));
    const number = view.application.trackingNumber;
    if (!number) throw E.ApplicationNotFound();
    if (pdf) {
      const bytes = await renderReceiptPdf(view, { locale: request.locale, trackUrl: trackUrl(number) });
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="tanda-terima-${number}.pdf"`)
        .send(bytes);
    }
    const c = page(request, reply);
    return reply.html(
      renderDocument(
        ReceiptPage({
          ctx: c,
          view,
          trackUrl: trackUrl(number),
          pdfHref: `${base(view.application.id)}.pdf`,
          backHref: backOf(request, view.application.id),
        }),
      ),
    );
  }
  const backOf = (request: FastifyRequest, id: string) =>
    request.actor.kind === 'citizen' ? APPLY_PATHS.application(id) : APPLY_PATHS.counter;

  for (const [base, access] of [
    [APPLY_PATHS.receipt, 'citizen'],
    [APPLY_PATHS.counterReceipt, COUNTER_CASE],
  ] as const) {
    app.get(base(':applicationId'), { config: { access }, schema: { params: S.ApplicationParams } }, (request, reply) =>
      receipt(request, reply, base, false),
    );
    app.get(`${base(':applicationId')}.pdf`, { config: { access }, schema: { params: S.ApplicationParams } }, (request, reply) =>
      receipt(request, reply, base, true),
    );
  }

  // ---- the counter --------------------------------------------------------------------------------

  app.get(APPLY_PATHS.counter, { config: { access: COUNTER_LIST } }, async (request, reply) => {
    const services = await Svc.counterServices(ctx(request));
    return reply.html(renderDocument(CounterListPage({ ctx: page(request, reply), services })));
  });

  /** The service an officer files for, checked against their grants (404 outside them). */
  const counterService = async (request: FastifyRequest, serviceId: string, mallId: string | undefined) => {
    const service = await Svc.counterServiceOf(ctx(request), serviceId, mallId);
    return { service, form: buildForm(service.standard.requirements) };
  };
  const mallOf = (request: FastifyRequest) => (request.query as { mal?: string }).mal || undefined;

  const counterAgain: Rerender = async (request, reply, state) => {
    const serviceId = (request.params as { publishedServiceId: string }).publishedServiceId;
    const { service, form } = await counterService(request, serviceId, mallOf(request));
    const submitKey = typeof state.values.submitKey === 'string' ? state.values.submitKey : newSubmitKey();
    return renderDocument(CounterFormPage({ ctx: page(request, reply), service, form, state, mallId: mallOf(request), submitKey }));
  };

  app.get(
    APPLY_PATHS.counterNew(':publishedServiceId'),
    { config: { access: COUNTER_LIST }, schema: { params: S.ServiceParams, querystring: S.CounterQuery } },
    async (request, reply) => {
      const { service, form } = await counterService(request, request.params.publishedServiceId, request.query.mal);
      const state = emptyForm({ locale: request.locale });
      return reply.html(
        renderDocument(
          CounterFormPage({ ctx: page(request, reply), service, form, state, mallId: request.query.mal, submitKey: newSubmitKey() }),
        ),
      );
    },
  );

  app.post(
    APPLY_PATHS.counterNew(':publishedServiceId'),
    { config: { access: COUNTER_LIST, rerender: counterAgain }, schema: { params: S.ServiceParams, querystring: S.CounterQuery } },
    async (request, reply) => {
      const serviceId = request.params.publishedServiceId;
      const mallId = request.query.mal;
      // The officer's grants are checked before any file is read.
      await counterService(request, serviceId, mallId);
      const fields: Fields = {};
      const documents: { requirementKey: string; source: Buffer; filename: string }[] = [];
      request.body = fields;
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (part.fieldname !== '_csrf') fields[part.fieldname] = String(part.value);
          } else if (part.fieldname.startsWith('documents.') && part.filename) {
            // Held in memory: at most UPLOAD_LIMIT_BYTES each; the requirement's own limit is applied when stored.
            const source = await part.toBuffer();
            if (source.length > 0) {
              documents.push({ requirementKey: part.fieldname.slice('documents.'.length), source, filename: part.filename });
            }
          } else {
            part.file.resume();
          }
        }
      } else {
        Object.assign(fields, bodyOf(request));
      }
      const filed = await Svc.fileAtCounter(ctx(request), {
        serviceId,
        mallId,
        contact: { name: fields['contact.name'], email: fields['contact.email'], phone: fields['contact.phone'] },
        applicantAccountId: fields.applicantAccountId?.trim() || undefined,
        answers: answersOf(fields),
        documents,
        locale: fields.locale === 'en' ? 'en' : 'id',
        submitKey: fields.submitKey,
      });
      reply.flash({ type: 'success', key: 'applications.apply.flash.filed', params: { number: filed.trackingNumber ?? '' } });
      return reply.seeOther(APPLY_PATHS.counterReceipt(filed.id));
    },
  );

  // ---- the JSON API ------------------------------------------------------------------------------------

  const tags = ['applications'];
  const present = async (request: FastifyRequest, id: string) =>
    presentApplication(await Svc.getApplication(ctx(request), id), config.publicUrl);

  app.post(
    '/api/v1/applications',
    {
      config: { access: 'citizen' },
      schema: {
        summary: 'Start an application (a draft) on a published online service, or resume the draft of it',
        tags,
        body: S.StartBody,
        response: { 201: S.ApplicationResponse },
      },
    },
    async (request, reply) => {
      const draft = await Svc.startApplication(ctx(request), request.body.serviceId);
      return reply.status(201).send(await present(request, draft.id));
    },
  );

  app.get(
    '/api/v1/applications/:applicationId',
    {
      config: { access: 'citizen' },
      schema: { summary: 'One of my applications', tags, params: S.ApplicationParams, response: { 200: S.ApplicationResponse } },
    },
    async (request) => present(request, request.params.applicationId),
  );

  app.patch(
    '/api/v1/applications/:applicationId',
    {
      config: { access: 'citizen' },
      schema: {
        summary: "Save a draft's answers (by requirement key) at the version read",
        description: 'Blanks are allowed in a draft; what is given must be well-formed. A stale version is a 409.',
        tags,
        params: S.ApplicationParams,
        body: S.AnswersBody,
        response: { 200: S.ApplicationResponse },
      },
    },
    async (request) => {
      await Svc.saveAnswers(ctx(request), request.params.applicationId, request.body.version, request.body.answers);
      return present(request, request.params.applicationId);
    },
  );

  app.post(
    '/api/v1/applications/:applicationId/documents/:requirementKey',
    {
      config: { access: 'citizen' },
      schema: {
        summary: 'Upload the document for a requirement (multipart, the file in `file`)',
        description:
          "multipart/form-data with the file in `file`, carrying the CSRF token (`x-csrf-token`). Checked by its content against the requirement's types and refused the moment it passes its size.",
        tags,
        params: S.DocumentParams,
        response: { 201: S.DocumentResponse },
      },
    },
    async (request, reply) => {
      const { applicationId, requirementKey } = request.params;
      if (!request.isMultipart()) throw noFile(requirementKey);
      const doc = await withUploadedFile(request, 'file', (file, name) =>
        Svc.uploadDocument(ctx(request), applicationId, requirementKey, file, name),
      );
      if (!doc) throw noFile(requirementKey);
      return reply.status(201).send(presentDocument(doc));
    },
  );

  app.post(
    '/api/v1/applications/:applicationId/submit',
    {
      config: { access: 'citizen' },
      schema: {
        summary: 'Submit my draft',
        description:
          'Checks every requirement (field errors `answers.<key>` and `documents.<key>`). Send the same `Idempotency-Key` header (or `submitKey`) again and the application already submitted is returned.',
        tags,
        params: S.ApplicationParams,
        body: S.SubmitBody,
        response: { 200: S.ApplicationResponse },
      },
    },
    async (request) => {
      const header = request.headers['idempotency-key'];
      const key = typeof header === 'string' ? header : request.body?.submitKey;
      const submitted = await Svc.submit(ctx(request), request.params.applicationId, key);
      return present(request, submitted.id);
    },
  );

  app.get(
    '/api/v1/me/applications',
    {
      config: { access: 'citizen' },
      schema: { summary: 'My applications, newest first', tags, response: { 200: S.MyApplicationsResponse } },
    },
    async (request) => ({
      items: (await Svc.listMyApplications(ctx(request))).map((a) => ({
        id: a.id,
        status: a.status,
        trackingNumber: a.trackingNumber,
        serviceName: a.serviceName,
        unitName: a.unitName,
        submittedAt: a.submittedAt?.toISOString() ?? null,
        dueAt: a.dueAt?.toISOString() ?? null,
      })),
    }),
  );
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

function presentDocument(d: Svc.ApplicationView['documents'][number]) {
  return {
    id: d.id,
    requirementKey: d.requirementKey,
    fileName: d.fileName,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    uploadedAt: iso(d.uploadedAt)!,
  };
}

function presentApplication(view: Svc.ApplicationView, publicUrl: string) {
  const a = view.application;
  return {
    id: a.id,
    status: a.status,
    trackingNumber: a.trackingNumber,
    serviceId: a.serviceId,
    serviceName: view.serviceName,
    standardVersionId: a.standardVersionId,
    channel: a.channel,
    submittedAt: iso(a.submittedAt),
    dueAt: iso(a.dueAt),
    clockPaused: a.clockPaused,
    workingDaysLeft: view.workingDaysLeft ?? null,
    version: a.version,
    currentStepKey: a.currentStepKey,
    contact: view.contact,
    answers: view.answers,
    documents: view.documents.map(presentDocument),
    corrections: view.corrections.map((c) => ({ requirementKey: c.requirementKey, note: c.note })),
    outputs: view.outputs.map((o) => ({
      id: o.id,
      productName: o.productName,
      issuedAt: o.issuedAt.toISOString(),
      verificationCode: o.verificationCode,
      revoked: o.revoked,
      downloadUrl: o.revoked ? null : `${publicUrl}${APPLY_PATHS.output(a.id, o.id)}`,
    })),
    bill: view.bill
      ? { total: view.bill.total, status: view.bill.status, items: view.bill.items.map((i) => ({ name: i.name, amount: i.amount })) }
      : null,
  };
}
