import type { ComponentChildren } from 'preact';
import { formatBytes } from '../../platform/files/files.js';
import type { FormState } from '../../platform/http/types.js';
import { formatDate, formatDateTime, formatRupiah, type IndonesianTimeZone } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, fieldId, Form, Select, Textarea, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { QrCode } from '../../platform/views/qr.js';
import type { ApplicationRow } from './applications.core.js';
import { ak, type ApplyKey } from './apply.messages.js';
import type { ApplicationView } from './apply.js';
import { sizeInWords, type ApplicationForm, type DataField, type UploadField } from './form.js';
import { formatCode } from './tracking-number.js';

/** Where applying lives: the citizen's pages under /permohonan, the counter's under /loket/permohonan. */
export const APPLY_PATHS = {
  start: (slug: string) => `/layanan/${slug}/ajukan`,
  mine: '/permohonan',
  application: (id: string) => `/permohonan/${id}`,
  upload: (id: string, key: string) => `/permohonan/${id}/dokumen/${key}`,
  remove: (id: string, key: string) => `/permohonan/${id}/dokumen/${key}/hapus`,
  file: (id: string, documentId: string) => `/permohonan/${id}/berkas/${documentId}`,
  output: (id: string, outputId: string) => `/permohonan/${id}/keluaran/${outputId}`,
  verify: (code: string) => `/verifikasi/${code}`,
  check: (id: string) => `/permohonan/${id}/kirim`,
  correction: (id: string) => `/permohonan/${id}/perbaikan`,
  withdraw: (id: string) => `/permohonan/${id}/batal`,
  receipt: (id: string) => `/permohonan/${id}/tanda-terima`,
  counter: '/loket/permohonan',
  counterNew: (serviceId: string, mallId?: string | null) => `/loket/permohonan/baru/${serviceId}${mallId ? `?mal=${mallId}` : ''}`,
  counterReceipt: (id: string) => `/loket/permohonan/${id}/tanda-terima`,
  track: (trackingNumber: string) => `/lacak?nomor=${trackingNumber}`,
} as const;

const say = (ctx: PageContext, key: ApplyKey, params?: Record<string, string | number>) => ctx.t(ak(key), params);
const zoned = (ctx: PageContext, date: Date, zone: IndonesianTimeZone) => formatDateTime(date, ctx.locale, zone);

const TAG: Record<ApplicationRow['status'], string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  in_process: 'govuk-tag--blue',
  awaiting_citizen: 'govuk-tag--orange',
  rejected: 'govuk-tag--red',
  completed: 'govuk-tag--green',
  withdrawn: 'govuk-tag--grey',
};

export function StatusTag({ ctx, status }: { ctx: PageContext; status: ApplicationRow['status'] }) {
  return <strong class={`govuk-tag ${TAG[status]}`}>{say(ctx, `status.${status}`)}</strong>;
}

function Page({
  ctx,
  title,
  back,
  children,
}: {
  ctx: PageContext;
  title: string;
  back?: { href: string; label: ApplyKey };
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      {back && (
        <a class="govuk-back-link" href={back.href}>
          {say(ctx, back.label)}
        </a>
      )}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">{children}</div>
      </div>
    </Layout>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function TableHead({ ctx, labels }: { ctx: PageContext; labels: ApplyKey[] }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {labels.map((k) => (
          <th scope="col" class="govuk-table__header">
            {say(ctx, k)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

// ---- the start page beside the catalog --------------------------------------------------------------

export function StartPage({ ctx, service }: { ctx: PageContext; service: { slug: string; name: string; unitName: string } }) {
  return (
    <Page ctx={ctx} title={service.name}>
      <span class="govuk-caption-l">{service.unitName}</span>
      <h1 class="govuk-heading-xl">{service.name}</h1>
      <p class="govuk-body-l">{say(ctx, 'start.lead')}</p>
      <Form ctx={ctx} action={APPLY_PATHS.start(service.slug)}>
        <Button>{say(ctx, 'start.button')}</Button>
      </Form>
    </Page>
  );
}

// ---- my applications ------------------------------------------------------------------------------

export interface MyRow {
  id: string;
  status: ApplicationRow['status'];
  trackingNumber: string | null;
  dueAt: Date | null;
  serviceName: string;
  unitName: string;
}

export function MyApplicationsPage({ ctx, rows }: { ctx: PageContext; rows: MyRow[] }) {
  return (
    <Layout ctx={ctx} title={say(ctx, 'mine.title')}>
      <h1 class="govuk-heading-xl">{say(ctx, 'mine.title')}</h1>
      <p class="govuk-body-l">{say(ctx, 'mine.lead')}</p>
      {rows.length === 0 ? (
        <p class="govuk-body">
          {say(ctx, 'mine.empty')}{' '}
          <a class="govuk-link" href="/layanan">
            {say(ctx, 'mine.catalog')}
          </a>
        </p>
      ) : (
        <table class="govuk-table">
          <TableHead ctx={ctx} labels={['mine.service', 'mine.number', 'mine.status', 'mine.due']} />
          <tbody class="govuk-table__body">
            {rows.map((r) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={APPLY_PATHS.application(r.id)}>
                    {r.serviceName}
                  </a>
                  <br />
                  <span class="govuk-body-s">{r.unitName}</span>
                </td>
                <td class="govuk-table__cell">{r.trackingNumber ? formatCode(r.trackingNumber) : say(ctx, 'mine.none')}</td>
                <td class="govuk-table__cell">
                  <StatusTag ctx={ctx} status={r.status} />
                </td>
                <td class="govuk-table__cell">{r.dueAt ? formatDate(r.dueAt, ctx.locale) : say(ctx, 'mine.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

// ---- the draft form ---------------------------------------------------------------------------------

const HINTS: Partial<Record<DataField['type'], ApplyKey>> = { date: 'draft.dateHint', nik: 'draft.nikHint', phone: 'draft.phoneHint' };

/** One data item as the input its type asks for, named `answers.<key>` so its error finds it. */
export function DataInput({ ctx, field, state }: { ctx: PageContext; field: DataField; state: FormState }) {
  const name = `answers.${field.key}`;
  const hintKey = HINTS[field.type];
  const hint = [field.notes, hintKey ? say(ctx, hintKey) : undefined].filter(Boolean).join(' ') || undefined;
  const common = { ctx, state, name, label: field.name, optional: !field.mandatory, ...(hint ? { hint } : {}) };
  switch (field.type) {
    case 'address':
      return <Textarea {...common} rows={3} />;
    case 'choice':
      return (
        <Select
          {...common}
          options={[{ value: '', label: say(ctx, 'draft.choose') }, ...field.choices.map((c) => ({ value: c, label: c }))]}
        />
      );
    case 'email':
      return <TextInput {...common} type="email" autocomplete="email" spellcheck={false} />;
    case 'phone':
      return <TextInput {...common} type="tel" autocomplete="tel" width={20} />;
    case 'nik':
      return <TextInput {...common} inputmode="numeric" width={20} spellcheck={false} />;
    case 'number':
      return <TextInput {...common} inputmode="numeric" width={10} />;
    case 'date':
      return <TextInput {...common} width={10} />;
    case 'text':
      return <TextInput {...common} autocomplete={field.profileField === 'name' ? 'name' : undefined} />;
  }
}

/** A file input for a document requirement: its types and size limit in words, and the error on it. */
export function FileInput({ ctx, field, state, name }: { ctx: PageContext; field: UploadField; state: FormState; name: string }) {
  const id = fieldId(`documents.${field.key}`);
  const error = state.errors.find((e) => e.path === `documents.${field.key}`);
  const types = field.fileTypes.map((t) => t.split('/')[1]!.toUpperCase()).join(', ');
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={id}>
        {field.name}
        {field.mandatory ? '' : ` ${say(ctx, 'draft.optional')}`}
      </label>
      <div class="govuk-hint" id={`${id}-hint`}>
        {field.notes ? `${field.notes} ` : ''}
        {say(ctx, 'draft.fileHint', { types, size: sizeInWords(field.maxSizeKb, ctx.locale) })}
      </div>
      {error && (
        <p class="govuk-error-message" id={`${id}-error`}>
          <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {ctx.t(error.key, error.params)}
        </p>
      )}
      <input
        class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={name}
        type="file"
        accept={field.accept}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
    </div>
  );
}

type Doc = ApplicationView['documents'][number];

function UploadSection({
  ctx,
  view,
  field,
  state,
  doc,
}: {
  ctx: PageContext;
  view: ApplicationView;
  field: UploadField;
  state: FormState;
  doc: Doc | undefined;
}) {
  const id = view.application.id;
  return (
    <div class="govuk-summary-card">
      <div class="govuk-summary-card__content">
        <p class="govuk-body">
          {doc ? (
            <>
              {say(ctx, 'draft.current', { file: doc.fileName, size: formatBytes(doc.sizeBytes) })}{' '}
              <a class="govuk-link" href={APPLY_PATHS.file(id, doc.id)}>
                {say(ctx, 'draft.download')}
                <span class="govuk-visually-hidden"> {field.name}</span>
              </a>
            </>
          ) : (
            say(ctx, 'draft.none')
          )}
        </p>
        <Form ctx={ctx} action={APPLY_PATHS.upload(id, field.key)} multipart>
          <FileInput ctx={ctx} field={field} state={state} name="file" />
          <Button secondary>{say(ctx, doc ? 'draft.replace' : 'draft.upload')}</Button>
        </Form>
        {doc && view.application.status === 'draft' && (
          <Form ctx={ctx} action={APPLY_PATHS.remove(id, field.key)}>
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
              {say(ctx, 'draft.remove')}
              <span class="govuk-visually-hidden"> {field.name}</span>
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}

function PresenceList({ ctx, form }: { ctx: PageContext; form: ApplicationForm }) {
  if (form.presence.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">{say(ctx, 'draft.bring')}</h2>
      <p class="govuk-body">{say(ctx, 'draft.bringLead')}</p>
      <ul class="govuk-list govuk-list--bullet">
        {form.presence.map((p) => (
          <li>
            {p.name}
            {p.notes ? ` — ${p.notes}` : ''}
            {p.mandatory ? '' : ` ${say(ctx, 'draft.optional')}`}
          </li>
        ))}
      </ul>
    </>
  );
}

const answerValues = (view: ApplicationView) => ({
  version: String(view.application.version),
  ...Object.fromEntries(Object.entries(view.answers).map(([k, v]) => [`answers.${k}`, v])),
});

export const draftState = (view: ApplicationView): FormState => ({ values: answerValues(view), errors: [] });

/** The draft in sections: the answers (one form), an upload per document, and what to bring. */
export function DraftPage({ ctx, view, state }: { ctx: PageContext; view: ApplicationView; state: FormState }) {
  const id = view.application.id;
  return (
    <Page ctx={ctx} title={say(ctx, 'draft.title', { service: view.serviceName })} back={{ href: APPLY_PATHS.mine, label: 'mine.title' }}>
      <ErrorSummary ctx={ctx} state={state} />
      <span class="govuk-caption-l">{say(ctx, 'draft.caption')}</span>
      <h1 class="govuk-heading-xl">{view.serviceName}</h1>
      <p class="govuk-body">{say(ctx, 'draft.lead')}</p>
      <p class="govuk-body-s">{view.unitName}</p>
      <h2 class="govuk-heading-m">{say(ctx, 'draft.answers')}</h2>
      {view.form.data.length === 0 ? (
        <p class="govuk-body">{say(ctx, 'draft.noAnswers')}</p>
      ) : (
        <Form ctx={ctx} action={APPLY_PATHS.application(id)}>
          <input
            type="hidden"
            name="version"
            value={typeof state.values.version === 'string' ? state.values.version : String(view.application.version)}
          />
          {view.form.data.map((field) => (
            <DataInput ctx={ctx} field={field} state={state} />
          ))}
          <Button secondary>{say(ctx, 'draft.save')}</Button>
        </Form>
      )}
      <h2 class="govuk-heading-m">{say(ctx, 'draft.documents')}</h2>
      {view.form.documents.length === 0 && <p class="govuk-body">{say(ctx, 'draft.noDocuments')}</p>}
      {view.form.documents.map((field) => (
        <>
          <h3 class="govuk-heading-s">{field.name}</h3>
          <UploadSection
            ctx={ctx}
            view={view}
            field={field}
            state={state}
            doc={view.documents.find((d) => d.requirementKey === field.key)}
          />
        </>
      ))}
      <PresenceList ctx={ctx} form={view.form} />
      <h2 class="govuk-heading-m">{say(ctx, 'draft.review')}</h2>
      <p class="govuk-body">{say(ctx, 'draft.reviewLead')}</p>
      <div class="govuk-button-group">
        <a class="govuk-button" data-module="govuk-button" href={APPLY_PATHS.check(id)}>
          {say(ctx, 'draft.continueReview')}
        </a>
        <a class="govuk-link" href={APPLY_PATHS.withdraw(id)}>
          {say(ctx, 'draft.withdraw')}
        </a>
      </div>
    </Page>
  );
}

// ---- check your answers ------------------------------------------------------------------------------

export function CheckPage({
  ctx,
  view,
  submitKey,
  state,
}: {
  ctx: PageContext;
  view: ApplicationView;
  submitKey: string;
  state: FormState;
}) {
  const id = view.application.id;
  const change = (field: string) => (
    <a class="govuk-link" href={`${APPLY_PATHS.application(id)}#${fieldId(field)}`}>
      {say(ctx, 'check.change')}
      <span class="govuk-visually-hidden"> {field}</span>
    </a>
  );
  return (
    <Page ctx={ctx} title={say(ctx, 'check.title')} back={{ href: APPLY_PATHS.application(id), label: 'check.back' }}>
      <ErrorSummary ctx={ctx} state={state} />
      <span class="govuk-caption-l">{view.serviceName}</span>
      <h1 class="govuk-heading-xl">{say(ctx, 'check.title')}</h1>
      <p class="govuk-body">{say(ctx, 'check.lead')}</p>
      <h2 class="govuk-heading-m">{say(ctx, 'check.answers')}</h2>
      <dl class="govuk-summary-list">
        {view.form.data.map((f) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{f.name}</dt>
            <dd class="govuk-summary-list__value">{view.answers[f.key] ?? say(ctx, 'check.missing')}</dd>
            <dd class="govuk-summary-list__actions">{change(`answers.${f.key}`)}</dd>
          </div>
        ))}
      </dl>
      <h2 class="govuk-heading-m">{say(ctx, 'check.documents')}</h2>
      <dl class="govuk-summary-list">
        {view.form.documents.map((f) => {
          const doc = view.documents.find((d) => d.requirementKey === f.key);
          return (
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{f.name}</dt>
              <dd class="govuk-summary-list__value">{doc ? doc.fileName : say(ctx, 'check.notUploaded')}</dd>
              <dd class="govuk-summary-list__actions">{change(`documents.${f.key}`)}</dd>
            </div>
          );
        })}
      </dl>
      <dl class="govuk-summary-list">
        <Row label={say(ctx, 'check.fee')}>{feeText(ctx, view)}</Row>
      </dl>
      <h2 class="govuk-heading-m">{say(ctx, 'check.declarationTitle')}</h2>
      <p class="govuk-body">{say(ctx, 'check.declaration')}</p>
      <Form ctx={ctx} action={APPLY_PATHS.check(id)}>
        <input type="hidden" name="submitKey" value={submitKey} />
        <input type="hidden" name="version" value={String(view.application.version)} />
        <Button>{say(ctx, 'check.submit')}</Button>
      </Form>
    </Page>
  );
}

function feeText(ctx: PageContext, view: Pick<ApplicationView, 'standard' | 'bill'>): string {
  if (view.bill) return view.bill.status === 'free' ? say(ctx, 'receipt.free') : formatRupiah(view.bill.total, ctx.locale);
  const fee = view.standard.fee;
  return fee.free
    ? say(ctx, 'receipt.free')
    : formatRupiah(
        fee.items.reduce((s, i) => s + i.amount, 0),
        ctx.locale,
      );
}

// ---- a submitted application ----------------------------------------------------------------------

function ClockText({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const left = view.workingDaysLeft;
  if (left === undefined) return null;
  const text =
    left > 0
      ? say(ctx, 'view.daysLeft', { days: left })
      : left === 0
        ? say(ctx, 'view.dueToday')
        : say(ctx, 'view.overdue', { days: -left });
  return <span>{` (${text})`}</span>;
}

function eventLabel(ctx: PageContext, kind: string): string {
  const key = `event.${kind}` as ApplyKey;
  const text = ctx.t(ak(key));
  return text === ak(key) ? say(ctx, 'event.other') : text;
}

/** Timeline notes the citizen's page leaves out: why an output was revoked stays with the unit. */
const PRIVATE_NOTES = new Set(['output_revoked']);

export function ApplicationPage({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const app = view.application;
  const zone = view.timeZone;
  return (
    <Page ctx={ctx} title={say(ctx, 'view.title', { service: view.serviceName })} back={{ href: APPLY_PATHS.mine, label: 'mine.title' }}>
      <span class="govuk-caption-l">{view.unitName}</span>
      <h1 class="govuk-heading-xl">{view.serviceName}</h1>
      <dl class="govuk-summary-list">
        <Row label={say(ctx, 'view.number')}>
          <strong>{app.trackingNumber ? formatCode(app.trackingNumber) : ''}</strong>
        </Row>
        <Row label={say(ctx, 'view.status')}>
          <StatusTag ctx={ctx} status={app.status} />
        </Row>
        {app.submittedAt && <Row label={say(ctx, 'view.submitted')}>{zoned(ctx, app.submittedAt, zone)}</Row>}
        {app.dueAt && (app.status === 'submitted' || app.status === 'in_process' || app.status === 'awaiting_citizen') && (
          <Row label={say(ctx, 'view.due')}>
            {zoned(ctx, app.dueAt, zone)}
            <ClockText ctx={ctx} view={view} />
          </Row>
        )}
        <Row label={say(ctx, 'view.unit')}>{view.unitName}</Row>
      </dl>
      <h2 class="govuk-heading-m">{say(ctx, 'view.needed')}</h2>
      {app.status === 'awaiting_citizen' ? (
        <>
          {app.clockPaused && <p class="govuk-body">{say(ctx, 'view.paused')}</p>}
          <ul class="govuk-list govuk-list--bullet">
            {view.corrections.map((c) => (
              <li>
                {requirementName(view, c.requirementKey)}: {c.note}
              </li>
            ))}
          </ul>
          <a class="govuk-button" data-module="govuk-button" href={APPLY_PATHS.correction(app.id)}>
            {say(ctx, 'view.correct')}
          </a>
        </>
      ) : app.status === 'rejected' ? (
        <>
          <p class="govuk-body">{say(ctx, 'view.rejected', { reason: app.rejectionReason ?? '' })}</p>
          {app.rejectionLegalBasis && <p class="govuk-body">{say(ctx, 'view.rejectedBasis', { basis: app.rejectionLegalBasis })}</p>}
        </>
      ) : app.status === 'completed' ? (
        <p class="govuk-body">{say(ctx, view.outputs.some((o) => !o.revoked) ? 'view.completed' : 'view.completedRevoked')}</p>
      ) : (
        <p class="govuk-body">{say(ctx, 'view.nothingNeeded')}</p>
      )}
      {view.outputs.length > 0 && <Outputs ctx={ctx} view={view} />}
      <h2 class="govuk-heading-m">{say(ctx, 'view.timeline')}</h2>
      <ol class="govuk-list sp-timeline">
        {view.events.map((e) => (
          <li>
            <strong>{eventLabel(ctx, e.kind)}</strong> — {zoned(ctx, new Date(e.at), zone)}
            {e.note && !PRIVATE_NOTES.has(e.kind) ? <p class="govuk-body-s">{e.note}</p> : null}
          </li>
        ))}
      </ol>
      <h2 class="govuk-heading-m">{say(ctx, 'view.documents')}</h2>
      <ul class="govuk-list">
        {view.documents.map((d) => (
          <li>
            <a class="govuk-link" href={APPLY_PATHS.file(app.id, d.id)}>
              {requirementName(view, d.requirementKey)}: {d.fileName}
            </a>
          </li>
        ))}
      </ul>
      <div class="govuk-button-group">
        <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href={APPLY_PATHS.receipt(app.id)}>
          {say(ctx, 'view.receipt')}
        </a>
        {app.trackingNumber && (
          <a class="govuk-link" href={APPLY_PATHS.track(app.trackingNumber)}>
            {say(ctx, 'view.track')}
          </a>
        )}
        {app.status === 'submitted' && (
          <a class="govuk-link" href={APPLY_PATHS.withdraw(app.id)}>
            {say(ctx, 'view.withdraw')}
          </a>
        )}
      </div>
    </Page>
  );
}

/** What the unit issued: each product with its issue date, verification code and download; a revoked one marked, not offered. */
function Outputs({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const app = view.application;
  return (
    <>
      <h2 class="govuk-heading-m">{say(ctx, 'view.outputs')}</h2>
      <p class="govuk-body">{say(ctx, 'view.outputsLead')}</p>
      <table class="govuk-table">
        <TableHead ctx={ctx} labels={['view.outputProduct', 'view.outputIssued', 'view.outputCode', 'view.outputFile']} />
        <tbody class="govuk-table__body">
          {view.outputs.map((o) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                {o.productName}
              </th>
              <td class="govuk-table__cell">{formatDate(o.issuedAt, ctx.locale, view.timeZone)}</td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={APPLY_PATHS.verify(o.verificationCode)}>
                  {formatCode(o.verificationCode)}
                </a>
              </td>
              <td class="govuk-table__cell">
                {o.revoked ? (
                  <>
                    <strong class="govuk-tag govuk-tag--red">{say(ctx, 'view.outputRevoked')}</strong>
                    <p class="govuk-body-s">{say(ctx, 'view.outputRevokedNote')}</p>
                  </>
                ) : (
                  <a class="govuk-link" href={APPLY_PATHS.output(app.id, o.id)} download>
                    {say(ctx, 'view.outputDownload')}
                    <span class="govuk-visually-hidden"> {o.productName}</span>
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const requirementName = (view: Pick<ApplicationView, 'standard'>, key: string) =>
  view.standard.requirements.find((r) => r.key === key)?.name ?? key;

// ---- correction ----------------------------------------------------------------------------------

export function CorrectionPage({ ctx, view, state }: { ctx: PageContext; view: ApplicationView; state: FormState }) {
  const app = view.application;
  const returned = new Map(view.corrections.map((c) => [c.requirementKey, c.note]));
  const data = view.form.data.filter((f) => returned.has(f.key));
  const documents = view.form.documents.filter((f) => returned.has(f.key));
  return (
    <Page ctx={ctx} title={say(ctx, 'correct.title')} back={{ href: APPLY_PATHS.application(app.id), label: 'receipt.back' }}>
      <ErrorSummary ctx={ctx} state={state} />
      <span class="govuk-caption-l">{view.serviceName}</span>
      <h1 class="govuk-heading-xl">{say(ctx, 'correct.title')}</h1>
      <p class="govuk-body">{say(ctx, 'correct.lead')}</p>
      {documents.map((field) => (
        <>
          <h2 class="govuk-heading-s">{field.name}</h2>
          <div class="govuk-inset-text">{say(ctx, 'correct.reason', { note: returned.get(field.key) ?? '' })}</div>
          <p class="govuk-body">{say(ctx, 'correct.uploadFirst')}</p>
          <UploadSection
            ctx={ctx}
            view={view}
            field={field}
            state={state}
            doc={view.documents.find((d) => d.requirementKey === field.key)}
          />
        </>
      ))}
      <Form ctx={ctx} action={APPLY_PATHS.correction(app.id)}>
        <input type="hidden" name="version" value={String(app.version)} />
        {data.map((field) => (
          <>
            <div class="govuk-inset-text">{say(ctx, 'correct.reason', { note: returned.get(field.key) ?? '' })}</div>
            <DataInput ctx={ctx} field={field} state={state} />
          </>
        ))}
        <Button>{say(ctx, 'correct.submit')}</Button>
      </Form>
    </Page>
  );
}

// ---- withdrawal -----------------------------------------------------------------------------------

export function WithdrawPage({ ctx, view, state }: { ctx: PageContext; view: ApplicationView; state: FormState }) {
  const app = view.application;
  const draft = app.status === 'draft';
  return (
    <Page
      ctx={ctx}
      title={say(ctx, draft ? 'withdraw.draftTitle' : 'withdraw.title')}
      back={{ href: APPLY_PATHS.application(app.id), label: 'withdraw.cancel' }}
    >
      <ErrorSummary ctx={ctx} state={state} />
      <h1 class="govuk-heading-xl">{say(ctx, draft ? 'withdraw.draftTitle' : 'withdraw.title')}</h1>
      <p class="govuk-body">{say(ctx, draft ? 'withdraw.draftLead' : 'withdraw.lead', { service: view.serviceName })}</p>
      <Form ctx={ctx} action={APPLY_PATHS.withdraw(app.id)}>
        <input type="hidden" name="version" value={String(app.version)} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
            {say(ctx, draft ? 'withdraw.confirmDraft' : 'withdraw.confirm')}
          </button>
          <a class="govuk-link" href={APPLY_PATHS.application(app.id)}>
            {say(ctx, 'withdraw.cancel')}
          </a>
        </div>
      </Form>
    </Page>
  );
}

// ---- the receipt ----------------------------------------------------------------------------------

/** What the receipt lists as received: each uploaded document and each answered data item, by name. */
export function receivedItems(view: Pick<ApplicationView, 'form' | 'documents' | 'answers'>) {
  return [
    ...view.form.documents
      .filter((f) => view.documents.some((d) => d.requirementKey === f.key))
      .map((f) => ({ kind: 'document' as const, name: f.name })),
    ...view.form.data.filter((f) => view.answers[f.key]).map((f) => ({ kind: 'data' as const, name: f.name })),
  ];
}

export function ReceiptPage({
  ctx,
  view,
  trackUrl,
  pdfHref,
  backHref,
}: {
  ctx: PageContext;
  view: ApplicationView;
  trackUrl: string;
  pdfHref: string;
  backHref: string;
}) {
  const app = view.application;
  const number = formatCode(app.trackingNumber ?? '');
  const zone = view.timeZone;
  return (
    <Page ctx={ctx} title={say(ctx, 'receipt.title')} back={{ href: backHref, label: 'receipt.back' }}>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">{say(ctx, 'receipt.title')}</h1>
        <div class="govuk-panel__body">
          {say(ctx, 'receipt.number')}
          <br />
          <strong>{number}</strong>
        </div>
      </div>
      <p class="govuk-body">{say(ctx, 'receipt.print')}</p>
      <dl class="govuk-summary-list">
        <Row label={say(ctx, 'receipt.service')}>{view.serviceName}</Row>
        <Row label={say(ctx, 'receipt.unit')}>{view.unitName}</Row>
        <Row label={say(ctx, 'receipt.agency')}>{view.agencyName}</Row>
        {view.mallName && <Row label={say(ctx, 'receipt.mall')}>{view.mallName}</Row>}
        <Row label={say(ctx, 'receipt.applicant')}>{view.contact.name}</Row>
        <Row label={say(ctx, 'receipt.channel')}>{say(ctx, `receipt.channel.${app.channel}`)}</Row>
        {app.submittedAt && <Row label={say(ctx, 'receipt.submittedAt')}>{zoned(ctx, app.submittedAt, zone)}</Row>}
        {app.dueAt && <Row label={say(ctx, 'receipt.due')}>{zoned(ctx, app.dueAt, zone)}</Row>}
      </dl>
      <h2 class="govuk-heading-m">{say(ctx, 'receipt.received')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {receivedItems(view).map((i) => (
          <li>{say(ctx, i.kind === 'document' ? 'receipt.document' : 'receipt.data', { name: i.name })}</li>
        ))}
      </ul>
      <h2 class="govuk-heading-m">{say(ctx, 'receipt.bill')}</h2>
      {!view.bill || view.bill.status === 'free' ? (
        <p class="govuk-body">{say(ctx, 'receipt.free')}</p>
      ) : (
        <dl class="govuk-summary-list">
          {view.bill.items.map((i) => (
            <Row label={i.name}>{formatRupiah(i.amount, ctx.locale)}</Row>
          ))}
          <Row label={say(ctx, 'receipt.total')}>
            <strong>{formatRupiah(view.bill.total, ctx.locale)}</strong>
          </Row>
        </dl>
      )}
      <QrCode text={trackUrl} label={say(ctx, 'receipt.qrLabel', { number })} size={160} />
      <p class="govuk-body-s">{say(ctx, 'receipt.qr', { url: trackUrl })}</p>
      <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href={pdfHref}>
        {say(ctx, 'view.receiptPdf')}
      </a>
    </Page>
  );
}

// ---- the counter ----------------------------------------------------------------------------------

export interface CounterService {
  id: string;
  name: string;
  unitName: string;
  mallId: string | null;
  mallName: string | null;
}

export function CounterListPage({ ctx, services }: { ctx: PageContext; services: CounterService[] }) {
  return (
    <Layout ctx={ctx} title={say(ctx, 'counter.title')}>
      <h1 class="govuk-heading-xl">{say(ctx, 'counter.title')}</h1>
      <p class="govuk-body-l">{say(ctx, 'counter.lead')}</p>
      {services.length === 0 ? (
        <p class="govuk-body">{say(ctx, 'counter.empty')}</p>
      ) : (
        <table class="govuk-table">
          <TableHead ctx={ctx} labels={['counter.service', 'counter.unit', 'counter.place']} />
          <tbody class="govuk-table__body">
            {services.map((s) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={APPLY_PATHS.counterNew(s.id, s.mallId)}>
                    {s.name}
                  </a>
                </td>
                <td class="govuk-table__cell">{s.unitName}</td>
                <td class="govuk-table__cell">{s.mallName ?? say(ctx, 'counter.office')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function CounterFormPage({
  ctx,
  service,
  form,
  state,
  mallId,
  submitKey,
}: {
  ctx: PageContext;
  service: { id: string; name: string };
  form: ApplicationForm;
  state: FormState;
  mallId: string | undefined;
  submitKey: string;
}) {
  const refused = state.errors.length > 0;
  return (
    <Page
      ctx={ctx}
      title={say(ctx, 'counter.newTitle', { service: service.name })}
      back={{ href: APPLY_PATHS.counter, label: 'counter.title' }}
    >
      <ErrorSummary ctx={ctx} state={state} />
      <h1 class="govuk-heading-xl">{say(ctx, 'counter.newTitle', { service: service.name })}</h1>
      <Form ctx={ctx} action={APPLY_PATHS.counterNew(service.id, mallId)} multipart>
        <input type="hidden" name="submitKey" value={submitKey} />
        <h2 class="govuk-heading-m">{say(ctx, 'counter.contact')}</h2>
        <p class="govuk-body">{say(ctx, 'counter.contactLead')}</p>
        <TextInput ctx={ctx} state={state} name="contact.name" label={say(ctx, 'counter.name')} autocomplete="off" />
        <TextInput ctx={ctx} state={state} name="contact.phone" label={say(ctx, 'counter.phone')} type="tel" width={20} optional />
        <TextInput
          ctx={ctx}
          state={state}
          name="contact.email"
          label={say(ctx, 'counter.email')}
          type="email"
          spellcheck={false}
          optional
        />
        <TextInput
          ctx={ctx}
          state={state}
          name="applicantAccountId"
          label={say(ctx, 'counter.account')}
          hint={say(ctx, 'counter.accountHint')}
          optional
          spellcheck={false}
        />
        <Select
          ctx={ctx}
          state={state}
          name="locale"
          label={say(ctx, 'counter.locale')}
          options={[
            { value: 'id', label: say(ctx, 'counter.locale.id') },
            { value: 'en', label: say(ctx, 'counter.locale.en') },
          ]}
        />
        <h2 class="govuk-heading-m">{say(ctx, 'counter.answers')}</h2>
        {form.data.map((field) => (
          <DataInput ctx={ctx} field={field} state={state} />
        ))}
        <h2 class="govuk-heading-m">{say(ctx, 'counter.documents')}</h2>
        {refused && form.documents.length > 0 && <div class="govuk-warning-text">{say(ctx, 'counter.filesAgain')}</div>}
        {form.documents.map((field) => (
          <FileInput ctx={ctx} field={field} state={state} name={`documents.${field.key}`} />
        ))}
        {form.presence.length > 0 && (
          <>
            <h2 class="govuk-heading-m">{say(ctx, 'counter.presence')}</h2>
            <ul class="govuk-list govuk-list--bullet">
              {form.presence.map((p) => (
                <li>{p.name}</li>
              ))}
            </ul>
          </>
        )}
        <Button>{say(ctx, 'counter.submit')}</Button>
      </Form>
    </Page>
  );
}
