import type { ComponentChildren } from 'preact';
import type { FormState } from '../../platform/http/types.js';
import { formatDate, formatDateTime, formatNumber, formatRupiah, type IndonesianTimeZone } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, emptyForm, ErrorSummary, fieldId, Form, Select, Textarea, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import type { ApplicationStatus } from './applications.tables.js';
import type { ComplianceReport, ComplianceRow } from './compliance.js';
import type { NotificationStatus } from './notify.js';
import { OUTPUT_TYPES, verifyPath } from './output.js';
import { paymentAdapters } from './payment.js';
import type { CaseView } from './process.js';
import { pk, type ProcessKey } from './process.messages.js';
import type { InboxCounts, InboxRow } from './process.queries.js';
import type { InboxQuery } from './process.schemas.js';
import { formatCode } from './tracking-number.js';

/** Where the unit's screens live. */
export const PROCESS_PATHS = {
  inbox: '/admin/permohonan',
  compliance: '/admin/permohonan/kepatuhan',
  case: (id: string) => `/admin/permohonan/${id}`,
  action: (id: string, action: ActionName) => `/admin/permohonan/${id}/${action}`,
  file: (id: string, kind: 'dokumen' | 'keluaran', fileId: string) => `/admin/permohonan/${id}/berkas?${kind}=${fileId}`,
} as const;

/** The action forms of the case page, by the last segment of their address. */
export const ACTIONS = [
  'klaim',
  'tugaskan',
  'periksa',
  'perbaikan',
  'tolak',
  'langkah',
  'perpanjang',
  'bayar',
  'terbitkan',
  'selesai',
  'cabut-keluaran',
] as const;
export type ActionName = (typeof ACTIONS)[number];

type Params = Record<string, string | number>;
const say = (ctx: PageContext, key: ProcessKey, params?: Params) => ctx.t(pk(key), params);
const when = (ctx: PageContext, date: Date, tz: IndonesianTimeZone) => formatDateTime(date, ctx.locale, tz);

const TAG: Record<ApplicationStatus, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  in_process: 'govuk-tag--light-blue',
  awaiting_citizen: 'govuk-tag--yellow',
  rejected: 'govuk-tag--red',
  completed: 'govuk-tag--green',
  withdrawn: 'govuk-tag--grey',
};

export function StatusTag({ ctx, status }: { ctx: PageContext; status: ApplicationStatus }) {
  return <strong class={`govuk-tag ${TAG[status]}`}>{say(ctx, `status.${status}`)}</strong>;
}

/** Column headings; columns from `numericFrom` on hold numbers, right-aligned. */
function TableHead({ ctx, labels, numericFrom }: { ctx: PageContext; labels: ProcessKey[]; numericFrom?: number }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {labels.map((k, i) => (
          <th
            scope="col"
            class={`govuk-table__header${numericFrom !== undefined && i >= numericFrom ? ' govuk-table__header--numeric' : ''}`}
          >
            {say(ctx, k)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

// ---- the inbox ----------------------------------------------------------------------------------

function inboxLink(query: Partial<InboxQuery>): string {
  const params = new URLSearchParams();
  if (query.status && query.status !== 'open') params.set('status', query.status);
  if (query.tenggat) params.set('tenggat', query.tenggat);
  if (query.saya) params.set('saya', query.saya);
  if (query.layanan) params.set('layanan', query.layanan);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const s = params.toString();
  return s ? `${PROCESS_PATHS.inbox}?${s}` : PROCESS_PATHS.inbox;
}

export function InboxPage(props: {
  ctx: PageContext;
  query: InboxQuery;
  rows: InboxRow[];
  total: number;
  counts: InboxCounts;
  services: { id: string; name: string }[];
  warnHours: number;
  pageSize: number;
  now: Date;
}) {
  const { ctx, query, rows, total, counts, services, warnHours, pageSize, now } = props;
  const title = say(ctx, 'inbox.title');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const views: { key: ProcessKey; count: number; query: Partial<InboxQuery> }[] = [
    { key: 'inbox.view.open', count: counts.open, query: {} },
    { key: 'inbox.view.dueSoon', count: counts.dueSoon, query: { tenggat: 'segera' } },
    { key: 'inbox.view.overdue', count: counts.overdue, query: { tenggat: 'lewat' } },
    { key: 'inbox.view.mine', count: counts.mine, query: { saya: '1' } },
    { key: 'inbox.view.awaiting', count: counts.awaiting_citizen, query: { status: 'awaiting_citizen' } },
    { key: 'inbox.view.completed', count: counts.completed, query: { status: 'completed' } },
  ];
  const state = { values: { status: query.status, tenggat: query.tenggat ?? '', layanan: query.layanan ?? '' }, errors: [] };
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{say(ctx, 'inbox.lead')}</p>
      <nav aria-label={say(ctx, 'inbox.views')}>
        <ul class="govuk-list">
          {views.map((v) => (
            <li>
              <a class="govuk-link" href={inboxLink({ ...v.query, ...(query.layanan ? { layanan: query.layanan } : {}) })}>
                {say(ctx, v.key, { count: formatNumber(v.count, ctx.locale) })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={PROCESS_PATHS.inbox} aria-label={say(ctx, 'inbox.filters')}>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-quarter">
            <Select
              ctx={ctx}
              state={state}
              name="status"
              label={say(ctx, 'inbox.status')}
              options={(['open', 'submitted', 'in_process', 'awaiting_citizen', 'completed', 'rejected', 'withdrawn', 'all'] as const).map(
                (s) => ({
                  value: s,
                  label: say(ctx, `status.${s}`),
                }),
              )}
            />
          </div>
          <div class="govuk-grid-column-one-quarter">
            <Select
              ctx={ctx}
              state={state}
              name="tenggat"
              label={say(ctx, 'inbox.due')}
              options={[
                { value: '', label: say(ctx, 'inbox.due.any') },
                { value: 'segera', label: say(ctx, 'inbox.due.soon', { hours: warnHours }) },
                { value: 'lewat', label: say(ctx, 'inbox.due.overdue') },
              ]}
            />
          </div>
          <div class="govuk-grid-column-one-half">
            <Select
              ctx={ctx}
              state={state}
              name="layanan"
              label={say(ctx, 'inbox.service')}
              options={[{ value: '', label: say(ctx, 'inbox.allServices') }, ...services.map((s) => ({ value: s.id, label: s.name }))]}
            />
          </div>
        </div>
        <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id="f-saya" name="saya" type="checkbox" value="1" checked={query.saya === '1'} />
            <label class="govuk-label govuk-checkboxes__label" for="f-saya">
              {say(ctx, 'inbox.mine')}
            </label>
          </div>
        </div>
        <Button secondary>{say(ctx, 'inbox.apply')}</Button>
      </form>
      <p class="govuk-body" role="status">
        {say(ctx, 'inbox.count', { count: formatNumber(total, ctx.locale) })}
      </p>
      {rows.length === 0 ? (
        <p class="govuk-body">{say(ctx, 'inbox.empty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <TableHead
            ctx={ctx}
            labels={['inbox.col.number', 'inbox.col.service', 'inbox.col.status', 'inbox.col.due', 'inbox.col.assignee']}
          />
          <tbody class="govuk-table__body">
            {rows.map((row) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={PROCESS_PATHS.case(row.id)}>
                    {formatCode(row.trackingNumber)}
                  </a>
                </td>
                <td class="govuk-table__cell">
                  {row.serviceName}
                  <br />
                  <span class="govuk-hint">{row.unitName}</span>
                </td>
                <td class="govuk-table__cell">
                  <StatusTag ctx={ctx} status={row.status} />
                </td>
                <td class="govuk-table__cell">
                  {row.dueAt ? formatDate(row.dueAt, ctx.locale) : say(ctx, 'inbox.noClock')}
                  {row.clockPaused && <> ({say(ctx, 'inbox.paused')})</>}
                  {!row.clockPaused &&
                    row.dueAt &&
                    row.dueAt < now &&
                    ['submitted', 'in_process', 'awaiting_citizen'].includes(row.status) && (
                      <>
                        {' '}
                        <strong class="govuk-tag govuk-tag--red">{say(ctx, 'inbox.overdue')}</strong>
                      </>
                    )}
                </td>
                <td class="govuk-table__cell">{row.assignedToName ?? say(ctx, 'inbox.unassigned')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav class="govuk-pagination" aria-label={say(ctx, 'inbox.pages')}>
          {query.page > 1 && (
            <div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href={inboxLink({ ...query, page: query.page - 1 })} rel="prev">
                <span class="govuk-pagination__link-title">{say(ctx, 'inbox.previous')}</span>
              </a>
            </div>
          )}
          {query.page < pages && (
            <div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href={inboxLink({ ...query, page: query.page + 1 })} rel="next">
                <span class="govuk-pagination__link-title">{say(ctx, 'inbox.next')}</span>
              </a>
            </div>
          )}
        </nav>
      )}
    </Layout>
  );
}

// ---- the case -----------------------------------------------------------------------------------

function SummaryList({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{key}</dt>
          <dd class="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-m">{title}</h2>
      {children}
    </section>
  );
}

/** The hidden version every action posts back, from the form as it was typed or the case as it is. */
function VersionField({ state, version }: { state: FormState; version: number }) {
  const typed = state.values.version;
  return (
    <input type="hidden" name="version" value={typeof typed === 'string' || typeof typed === 'number' ? String(typed) : String(version)} />
  );
}

function Confirm({ ctx, state, name }: { ctx: PageContext; state: FormState; name: string }) {
  const error = state.errors.find((e) => e.path === name);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {error && (
        <p class="govuk-error-message" id={`${fieldId(name)}-error`}>
          <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {ctx.t(error.key, error.params)}
        </p>
      )}
      <div class="govuk-checkboxes govuk-checkboxes--small">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={fieldId(name)}
            name={name}
            type="checkbox"
            value="ya"
            aria-describedby={error ? `${fieldId(name)}-error` : undefined}
          />
          <label class="govuk-label govuk-checkboxes__label" for={fieldId(name)}>
            {say(ctx, 'action.confirm')}
          </label>
        </div>
      </div>
    </div>
  );
}

function Radios(props: {
  ctx: PageContext;
  state: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  small?: boolean;
}) {
  const { ctx, state, name, legend, options, small } = props;
  const current = typeof state.values[name] === 'string' ? state.values[name] : '';
  const error = state.errors.find((e) => e.path === name);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {error && (
          <p class="govuk-error-message" id={`${fieldId(name)}-error`}>
            <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {ctx.t(error.key, error.params)}
          </p>
        )}
        <div class={`govuk-radios${small ? ' govuk-radios--small govuk-radios--inline' : ''}`}>
          {options.map((o, i) => {
            const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`;
            return (
              <div class="govuk-radios__item">
                <input class="govuk-radios__input" id={id} name={name} type="radio" value={o.value} checked={current === o.value} />
                <label class="govuk-label govuk-radios__label" for={id}>
                  {o.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function ActionForm(props: {
  ctx: PageContext;
  id: string;
  action: ActionName;
  title: string;
  state: FormState;
  version: number;
  multipart?: boolean;
  children?: ComponentChildren;
  submit: string;
  warning?: boolean;
}) {
  const { ctx, id, action, title, state, version, multipart, children, submit, warning } = props;
  return (
    <details class="govuk-details" open={state.errors.length > 0}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{title}</span>
      </summary>
      <div class="govuk-details__text">
        <Form ctx={ctx} action={PROCESS_PATHS.action(id, action)} multipart={multipart}>
          <VersionField state={state} version={version} />
          {children}
          {warning ? (
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
              {submit}
            </button>
          ) : (
            <Button>{submit}</Button>
          )}
        </Form>
      </div>
    </details>
  );
}

export interface ActiveForm {
  action: ActionName;
  state: FormState;
}

export function CasePage(props: {
  ctx: PageContext;
  view: CaseView;
  notifications: NotificationStatus[];
  active?: ActiveForm | undefined;
}) {
  const { ctx, view, notifications, active } = props;
  const app = view.application;
  const tz = view.clock.timeZone;
  const number = formatCode(app.trackingNumber!);
  const title = say(ctx, 'case.title', { number });
  const stateOf = (action: ActionName): FormState => (active?.action === action ? active.state : emptyForm());
  const version = app.version;
  const id = app.id;
  const open = app.status === 'submitted' || app.status === 'in_process';
  const inProcess = app.status === 'in_process';
  const isOpen = open || app.status === 'awaiting_citizen';
  const liveOutputs = view.outputs.filter((o) => !o.revokedAt);
  const requirements = view.standard.requirements;
  const checkOf = (key: string) => view.checks.find((c) => c.requirementKey === key);
  const step = view.steps.findIndex((s) => s.key === app.currentStepKey);
  const nextStep = view.steps[step + 1];
  const unitLabel = (u: string) => say(ctx, `unit.${u}` as ProcessKey);
  /** One action's folded form on this case. */
  const Action = (p: {
    action: ActionName;
    title: ProcessKey;
    submit: ProcessKey;
    multipart?: boolean;
    warning?: boolean;
    children?: ComponentChildren;
  }) => (
    <ActionForm
      ctx={ctx}
      id={id}
      action={p.action}
      title={say(ctx, p.title)}
      state={stateOf(p.action)}
      version={version}
      submit={say(ctx, p.submit)}
      multipart={p.multipart}
      warning={p.warning}
    >
      {p.children}
    </ActionForm>
  );

  return (
    <Layout ctx={ctx} title={active?.state.errors.length ? `${ctx.t('platform.form.error')}: ${title}` : title}>
      <a class="govuk-back-link" href={PROCESS_PATHS.inbox}>
        {say(ctx, 'case.back')}
      </a>
      {active && <ErrorSummary ctx={ctx} state={active.state} />}
      <span class="govuk-caption-l">{view.place.serviceName}</span>
      <h1 class="govuk-heading-l">
        {title} <StatusTag ctx={ctx} status={app.status} />
      </h1>

      <Section title={say(ctx, 'case.summary')}>
        <SummaryList
          rows={[
            [say(ctx, 'case.service'), view.place.serviceName],
            [say(ctx, 'case.unit'), `${view.place.unitName}, ${view.place.agencyName}`],
            [
              say(ctx, 'case.channel'),
              say(ctx, app.channel === 'online' ? 'case.channel.online' : 'case.channel.counter') +
                (view.place.mallName ? ` (${view.place.mallName})` : ''),
            ],
            [say(ctx, 'case.submittedAt'), app.submittedAt ? when(ctx, app.submittedAt, tz) : '–'],
            [say(ctx, 'case.assignee'), view.place.assignedToName ?? say(ctx, 'inbox.unassigned')],
            [say(ctx, 'case.status'), <StatusTag ctx={ctx} status={app.status} />],
          ]}
        />
        {app.status === 'rejected' && (
          <p class="govuk-body">{say(ctx, 'case.rejected', { reason: app.rejectionReason ?? '', basis: app.rejectionLegalBasis ?? '' })}</p>
        )}
      </Section>

      <Section title={say(ctx, 'case.applicant')}>
        <div class="govuk-inset-text">{say(ctx, 'case.personalNotice')}</div>
        <SummaryList
          rows={[
            [say(ctx, 'case.contact.name'), view.contact.name],
            ...(view.contact.email ? [[say(ctx, 'case.contact.email'), view.contact.email] as [string, string]] : []),
            ...(view.contact.phone ? [[say(ctx, 'case.contact.phone'), view.contact.phone] as [string, string]] : []),
          ]}
        />
      </Section>

      <Section title={say(ctx, 'case.answers')}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{say(ctx, 'case.answers')}</caption>
          <TableHead ctx={ctx} labels={['case.requirement', 'case.value', 'case.check']} />
          <tbody class="govuk-table__body">
            {requirements.map((r) => {
              const check = checkOf(r.key);
              const docs = view.documents.filter((d) => d.requirementKey === r.key);
              const current = docs.filter((d) => !d.replacedAt);
              const older = docs.filter((d) => d.replacedAt);
              return (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {r.name}
                  </th>
                  <td class="govuk-table__cell">
                    {r.kind === 'data' && (view.answers[r.key] || say(ctx, 'case.noValue'))}
                    {r.kind === 'presence' && say(ctx, 'case.presence')}
                    {r.kind === 'document' && current.length === 0 && say(ctx, 'case.documents.none')}
                    {current.map((d) => (
                      <p class="govuk-body govuk-!-margin-bottom-1">
                        <a class="govuk-link" href={PROCESS_PATHS.file(id, 'dokumen', d.id)}>
                          {say(ctx, 'case.download')}{' '}
                          {say(ctx, 'case.document', {
                            name: d.fileName,
                            size: `${formatNumber(Math.ceil(d.sizeBytes / 1024), ctx.locale)} KB`,
                          })}
                        </a>
                      </p>
                    ))}
                    {older.map((d) => (
                      <p class="govuk-body-s govuk-!-margin-bottom-1">
                        <a class="govuk-link" href={PROCESS_PATHS.file(id, 'dokumen', d.id)}>
                          {say(ctx, 'case.olderUpload', { name: d.fileName, date: when(ctx, new Date(d.uploadedAt), tz) })}
                        </a>
                      </p>
                    ))}
                  </td>
                  <td class="govuk-table__cell">
                    {!check
                      ? say(ctx, 'case.notChecked')
                      : check.outcome === 'ok'
                        ? say(ctx, 'case.check.ok')
                        : say(ctx, 'case.check.needs_correction', { note: check.note ?? '' })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>

      <Section title={say(ctx, 'case.procedure')}>
        <ol class="govuk-list govuk-list--number">
          {view.standard.procedure.map((s) => {
            const i = view.steps.findIndex((x) => x.key === s.key);
            const isCurrent = s.key === app.currentStepKey && isOpen;
            return (
              <li aria-current={isCurrent ? 'step' : undefined}>
                {isCurrent ? <strong>{s.title}</strong> : s.title}
                {isCurrent && <> ({say(ctx, 'case.step.current')})</>}
                {i >= 0 && step >= 0 && i < step && <> ({say(ctx, 'case.step.done')})</>}
              </li>
            );
          })}
        </ol>
      </Section>

      <Section title={say(ctx, 'case.clock')}>
        <p class="govuk-body">
          {say(ctx, 'case.clock.limit', { value: view.standard.timeLimit.value, unit: unitLabel(view.standard.timeLimit.unit) })}
        </p>
        {app.dueAt && <p class="govuk-body govuk-!-font-weight-bold">{say(ctx, 'case.clock.due', { due: when(ctx, app.dueAt, tz) })}</p>}
        {view.clock.running && view.clock.paused && <p class="govuk-body">{say(ctx, 'case.clock.paused')}</p>}
        {view.clock.running && !view.clock.paused && view.clock.workingDaysLeft !== null && (
          <p class="govuk-body">
            {view.clock.workingDaysLeft > 0
              ? say(ctx, 'case.clock.left', { days: view.clock.workingDaysLeft })
              : view.clock.workingDaysLeft === 0
                ? say(ctx, 'case.clock.today')
                : say(ctx, 'case.clock.late', { days: -view.clock.workingDaysLeft })}
          </p>
        )}
        {!view.clock.running && app.decidedAt && (
          <p class="govuk-body">
            {say(ctx, 'case.clock.decided', {
              date: when(ctx, app.decidedAt, tz),
              onTime: say(ctx, app.onTime ? 'case.clock.onTime' : 'case.clock.lateDecision'),
            })}
          </p>
        )}
        <ul class="govuk-list govuk-list--bullet">
          {view.extensions.map((e) => (
            <li>{say(ctx, 'case.clock.extension', { value: e.value, unit: unitLabel(e.unit), reason: e.reason })}</li>
          ))}
          {view.pauses.map((p) => (
            <li>
              {p.resumedAt
                ? say(ctx, 'case.clock.pause', { from: when(ctx, p.pausedAt, tz), to: when(ctx, p.resumedAt, tz) })
                : say(ctx, 'case.clock.pauseOpen', { from: when(ctx, p.pausedAt, tz) })}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={say(ctx, 'case.bill')}>
        {!view.bill || view.bill.status === 'free' ? (
          <p class="govuk-body">{say(ctx, 'case.bill.free')}</p>
        ) : (
          <>
            <p class="govuk-body">
              {say(ctx, 'case.bill.total', { amount: formatRupiah(view.bill.total, ctx.locale) })}.{' '}
              {view.bill.paidAt ? say(ctx, 'case.bill.paid', { date: when(ctx, view.bill.paidAt, tz) }) : say(ctx, 'case.bill.unpaid')}
            </p>
            <ul class="govuk-list govuk-list--bullet">
              {view.payments.map((p) => (
                <li>
                  {say(ctx, 'case.payment', {
                    method: say(ctx, `payment.${p.method}` as ProcessKey),
                    amount: formatRupiah(p.amount, ctx.locale),
                    reference: p.reference,
                    date: when(ctx, new Date(p.recordedAt), tz),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section title={say(ctx, 'case.outputs')}>
        {view.outputs.length === 0 ? (
          <p class="govuk-body">{say(ctx, 'case.outputs.none')}</p>
        ) : (
          <ul class="govuk-list govuk-list--spaced">
            {view.outputs.map((o) => (
              <li>
                <a class="govuk-link" href={PROCESS_PATHS.file(id, 'keluaran', o.id)}>
                  {say(ctx, 'case.output', {
                    name: o.productName,
                    code: formatCode(o.verificationCode),
                    date: when(ctx, new Date(o.issuedAt), tz),
                  })}
                </a>{' '}
                ·{' '}
                <a class="govuk-link" href={verifyPath(o.verificationCode)}>
                  {say(ctx, 'case.output.verify')}
                </a>
                {o.revokedAt && (
                  <>
                    <br />
                    <strong class="govuk-tag govuk-tag--red">
                      {say(ctx, 'case.output.revoked', { date: when(ctx, o.revokedAt, tz), reason: o.revokedReason ?? '' })}
                    </strong>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={say(ctx, 'case.actions')}>
        {!isOpen && liveOutputs.length === 0 && <p class="govuk-body">{say(ctx, 'case.noActions')}</p>}
        {open && (
          <Action action="klaim" title="action.claim" submit="action.claim">
            <p class="govuk-body">{say(ctx, 'action.claim.lead')}</p>
          </Action>
        )}
        {open && (
          <Action action="tugaskan" title="action.assign" submit="action.assign.submit">
            <Select
              ctx={ctx}
              state={stateOf('tugaskan')}
              name="accountId"
              label={say(ctx, 'action.assign.to')}
              options={view.processors.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Action>
        )}
        {open && (
          <Action action="periksa" title="action.check" submit="action.check.submit">
            {requirements.map((r) => (
              <>
                <Radios
                  ctx={ctx}
                  state={stateOf('periksa')}
                  name={`hasil_${r.key}`}
                  legend={say(ctx, 'action.check.outcome', { name: r.name })}
                  small
                  options={[
                    { value: '', label: say(ctx, 'action.check.skip') },
                    { value: 'ok', label: say(ctx, 'action.check.ok') },
                    { value: 'needs_correction', label: say(ctx, 'action.check.needs') },
                  ]}
                />
                <TextInput
                  ctx={ctx}
                  state={stateOf('periksa')}
                  name={`catatan_${r.key}`}
                  label={say(ctx, 'action.check.note', { name: r.name })}
                  optional
                />
              </>
            ))}
          </Action>
        )}
        {open && (
          <Action action="perbaikan" title="action.correction" submit="action.correction.submit">
            <p class="govuk-body">{say(ctx, 'action.correction.lead')}</p>
            {view.standard.timeLimit.pausesWhileWaiting && <p class="govuk-body">{say(ctx, 'action.correction.paused')}</p>}
            {requirements
              .filter((r) => r.kind !== 'presence')
              .map((r) => (
                <Textarea
                  ctx={ctx}
                  state={stateOf('perbaikan')}
                  name={`alasan_${r.key}`}
                  label={say(ctx, 'action.correction.note', { name: r.name })}
                  rows={2}
                  optional
                />
              ))}
            <Textarea ctx={ctx} state={stateOf('perbaikan')} name="message" label={say(ctx, 'action.correction.message')} rows={3} />
          </Action>
        )}
        {inProcess && nextStep && (
          <Action action="langkah" title="action.advance" submit="action.advance.submit">
            <p class="govuk-body">{say(ctx, 'action.advance.next', { title: nextStep.title })}</p>
          </Action>
        )}
        {inProcess && view.extensions.length === 0 && (
          <Action action="perpanjang" title="action.extend" submit="action.extend.submit">
            <p class="govuk-body">{say(ctx, 'action.extend.lead')}</p>
            <TextInput
              ctx={ctx}
              state={stateOf('perpanjang')}
              name="value"
              label={say(ctx, 'action.extend.value')}
              inputmode="numeric"
              width={10}
            />
            <Select
              ctx={ctx}
              state={{ ...stateOf('perpanjang'), values: { unit: 'working_days', ...stateOf('perpanjang').values } }}
              name="unit"
              label={say(ctx, 'action.extend.unit')}
              options={(['working_days', 'calendar_days', 'hours', 'minutes'] as const).map((u) => ({ value: u, label: unitLabel(u) }))}
            />
            <Textarea ctx={ctx} state={stateOf('perpanjang')} name="extendReason" label={say(ctx, 'action.extend.reason')} rows={3} />
          </Action>
        )}
        {isOpen && view.bill?.status === 'unpaid' && (
          <Action action="bayar" title="action.payment" submit="action.payment.submit">
            <Radios
              ctx={ctx}
              state={{ ...stateOf('bayar'), values: { method: 'cash', ...stateOf('bayar').values } }}
              name="method"
              legend={say(ctx, 'action.payment.method')}
              options={paymentAdapters().map((a) => ({ value: a.method, label: `${ctx.t(a.labelKey)}: ${ctx.t(a.referenceHintKey)}` }))}
            />
            <TextInput
              ctx={ctx}
              state={{ ...stateOf('bayar'), values: { amount: String(view.bill.total), ...stateOf('bayar').values } }}
              name="amount"
              label={say(ctx, 'action.payment.amount')}
              hint={say(ctx, 'action.payment.amount.hint', { amount: formatRupiah(view.bill.total, ctx.locale) })}
              inputmode="numeric"
              width={10}
            />
            <TextInput
              ctx={ctx}
              state={stateOf('bayar')}
              name="reference"
              label={say(ctx, 'action.payment.reference')}
              width={20}
              autocomplete="off"
            />
          </Action>
        )}
        {inProcess && (
          <Action action="terbitkan" title="action.issue" submit="action.issue.submit" multipart>
            <TextInput
              ctx={ctx}
              state={{
                ...stateOf('terbitkan'),
                values: { productName: view.standard.products[0]?.name ?? '', ...stateOf('terbitkan').values },
              }}
              name="productName"
              label={say(ctx, 'action.issue.product')}
            />
            <Radios
              ctx={ctx}
              state={{ ...stateOf('terbitkan'), values: { source: 'generate', ...stateOf('terbitkan').values } }}
              name="source"
              legend={say(ctx, 'action.issue.source')}
              options={[
                { value: 'generate', label: say(ctx, 'action.issue.generate') },
                { value: 'upload', label: say(ctx, 'action.issue.upload') },
              ]}
            />
            <div class={`govuk-form-group${stateOf('terbitkan').errors.some((e) => e.path === 'file') ? ' govuk-form-group--error' : ''}`}>
              <label class="govuk-label" for={fieldId('file')}>
                {say(ctx, 'action.issue.file')}
              </label>
              {stateOf('terbitkan')
                .errors.filter((e) => e.path === 'file')
                .map((e) => (
                  <p class="govuk-error-message" id={`${fieldId('file')}-error`}>
                    <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {ctx.t(e.key, e.params)}
                  </p>
                ))}
              <input class="govuk-file-upload" id={fieldId('file')} name="file" type="file" accept={OUTPUT_TYPES.join(',')} />
            </div>
          </Action>
        )}
        {liveOutputs.length > 0 && (
          <Action action="cabut-keluaran" title="action.revoke" submit="action.revoke.submit" warning>
            <Select
              ctx={ctx}
              state={stateOf('cabut-keluaran')}
              name="outputId"
              label={say(ctx, 'action.revoke.output')}
              options={liveOutputs.map((o) => ({ value: o.id, label: `${o.productName} (${formatCode(o.verificationCode)})` }))}
            />
            <Textarea ctx={ctx} state={stateOf('cabut-keluaran')} name="revokeReason" label={say(ctx, 'action.revoke.reason')} rows={2} />
            <Confirm ctx={ctx} state={stateOf('cabut-keluaran')} name="revokeConfirm" />
          </Action>
        )}
        {inProcess && (
          <Action action="tolak" title="action.reject" submit="action.reject.submit" warning>
            <Textarea ctx={ctx} state={stateOf('tolak')} name="reason" label={say(ctx, 'action.reject.reason')} rows={3} />
            <TextInput
              ctx={ctx}
              state={stateOf('tolak')}
              name="legalBasis"
              label={say(ctx, 'action.reject.basis')}
              hint={say(ctx, 'action.reject.basis.hint')}
            />
            <Confirm ctx={ctx} state={stateOf('tolak')} name="rejectConfirm" />
          </Action>
        )}
        {inProcess && (
          <Action action="selesai" title="action.complete" submit="action.complete.submit">
            <p class="govuk-body">{say(ctx, 'action.complete.lead')}</p>
            <Confirm ctx={ctx} state={stateOf('selesai')} name="completeConfirm" />
          </Action>
        )}
      </Section>

      <Section title={say(ctx, 'case.timeline')}>
        <ol class="govuk-list govuk-list--spaced" reversed>
          {[...view.events].reverse().map((e) => (
            <li>
              <strong>{timelineTitle(ctx, e.kind, e.data)}</strong> · {when(ctx, e.at, tz)}{' '}
              {e.actorName
                ? say(ctx, 'case.timeline.by', { name: e.actorName })
                : e.actorKind === 'system'
                  ? say(ctx, 'case.timeline.system')
                  : ''}
              {!e.public && (
                <>
                  {' '}
                  <strong class="govuk-tag govuk-tag--grey">{say(ctx, 'case.timeline.staffOnly')}</strong>
                </>
              )}
              {e.note && (
                <>
                  <br />
                  {e.note}
                </>
              )}
            </li>
          ))}
        </ol>
      </Section>

      <Section title={say(ctx, 'case.messages')}>
        {notifications.length === 0 ? (
          <p class="govuk-body">{say(ctx, 'case.messages.none')}</p>
        ) : (
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{say(ctx, 'case.messages')}</caption>
            <TableHead
              ctx={ctx}
              labels={[
                'case.messages.col.kind',
                'case.messages.col.channel',
                'case.messages.col.to',
                'case.messages.col.status',
                'case.messages.col.at',
              ]}
            />
            <tbody class="govuk-table__body">
              {notifications.map((n) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">{say(ctx, `message.kind.${n.kind}`)}</td>
                  <td class="govuk-table__cell">{say(ctx, `message.channel.${n.channel}`)}</td>
                  <td class="govuk-table__cell">{n.recipient}</td>
                  <td class="govuk-table__cell">{say(ctx, `message.status.${n.status}`, { attempts: n.attempts })}</td>
                  <td class="govuk-table__cell">{when(ctx, n.sentAt ?? n.createdAt, tz)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </Layout>
  );
}

const KINDS = new Set([
  'submitted',
  'claimed',
  'assigned',
  'requirements_checked',
  'correction_requested',
  'resubmitted',
  'step_advanced',
  'clock_extended',
  'payment_recorded',
  'output_issued',
  'output_revoked',
  'rejected',
  'completed',
  'withdrawn',
]);

function timelineTitle(ctx: PageContext, kind: string, data: Record<string, unknown>): string {
  const params = Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return KINDS.has(kind) ? say(ctx, `kind.${kind}` as ProcessKey, params) : say(ctx, 'kind.other');
}

// ---- compliance ---------------------------------------------------------------------------------

function ComplianceTable({ ctx, caption, rows }: { ctx: PageContext; caption: string; rows: ComplianceRow[] }) {
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v, ctx.locale, Number.isInteger(v) ? 0 : 1));
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <TableHead
        ctx={ctx}
        numericFrom={1}
        labels={[
          'compliance.col.name',
          'compliance.col.decided',
          'compliance.col.onTime',
          'compliance.col.late',
          'compliance.col.percent',
          'compliance.col.overdue',
          'compliance.col.median',
        ]}
      />
      <tbody class="govuk-table__body">
        {rows.map((r) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
              {r.name}
              {r.unitName && (
                <>
                  <br />
                  <span class="govuk-hint">{r.unitName}</span>
                </>
              )}
            </th>
            {[r.decided, r.onTime, r.late, r.onTimePercent, r.openOverdue, r.medianWorkingDays].map((v) => (
              <td class="govuk-table__cell govuk-table__cell--numeric">{n(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CompliancePage({ ctx, report, form }: { ctx: PageContext; report: ComplianceReport | undefined; form: FormState }) {
  const title = say(ctx, 'compliance.title');
  return (
    <Layout ctx={ctx} title={form.errors.length ? `${ctx.t('platform.form.error')}: ${title}` : title}>
      <ErrorSummary ctx={ctx} state={form} />
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{say(ctx, 'compliance.lead')}</p>
      <form method="get" action={PROCESS_PATHS.compliance} novalidate>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-third">
            <TextInput
              ctx={ctx}
              state={form}
              name="from"
              label={say(ctx, 'compliance.from')}
              hint={say(ctx, 'compliance.dateHint')}
              width={10}
            />
          </div>
          <div class="govuk-grid-column-one-third">
            <TextInput ctx={ctx} state={form} name="to" label={say(ctx, 'compliance.to')} width={10} />
          </div>
        </div>
        <Button secondary>{say(ctx, 'compliance.apply')}</Button>
      </form>
      {report && report.units.length === 0 && <p class="govuk-body">{say(ctx, 'compliance.none')}</p>}
      {report && report.units.length > 0 && (
        <>
          <ComplianceTable ctx={ctx} caption={say(ctx, 'compliance.units')} rows={report.units} />
          <ComplianceTable ctx={ctx} caption={say(ctx, 'compliance.services')} rows={report.services} />
        </>
      )}
      {report && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/api/v1/applications/compliance?from=${report.from}&to=${report.to}`} type="application/json">
            {say(ctx, 'compliance.json')}
          </a>
        </p>
      )}
    </Layout>
  );
}
