import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { ErrorSummary, fieldId, Form } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState } from '../../platform/http/types.js';
import { tk, trackMessages, type TrackKey } from './track.messages.js';
import type { TrackingView, VerificationView } from './track.js';

export const TRACK_PATHS = {
  track: '/lacak',
  verify: '/verifikasi',
  verification: (code: string) => `/verifikasi/${code}`,
} as const;

// The timeline kinds the catalog has words for.
const KNOWN_EVENTS = new Set(trackMessages.keys.filter((k) => k.startsWith('event.')).map((k) => k.slice('event.'.length)));

/** The event's words on the timeline; a kind added later reads "updated" until it gets its own. */
export const eventKey = (kind: string) => tk((KNOWN_EVENTS.has(kind) ? `event.${kind}` : 'event.other') as TrackKey);

/** A one-field GET form (works without JavaScript), its error on the field when `error` is set. */
function LookupForm(props: {
  ctx: PageContext;
  action: string;
  name: string;
  label: string;
  hint: string;
  button: string;
  value: string;
  error?: string | undefined;
  width: 10 | 20;
}) {
  const { ctx, name, error } = props;
  const id = fieldId(name);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form method="get" action={props.action} novalidate>
      <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for={id}>
          {props.label}
        </label>
        <div class="govuk-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
        {error && (
          <p class="govuk-error-message" id={`${id}-error`}>
            <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {error}
          </p>
        )}
        <input
          class={`govuk-input govuk-input--width-${props.width}${error ? ' govuk-input--error' : ''}`}
          id={id}
          name={name}
          type="text"
          value={props.value}
          maxlength={40}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="characters"
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">
        {props.button}
      </button>
    </form>
  );
}

/** The GOV.UK error summary for a lookup that found nothing, linking to the field to try again. */
function ErrorBox({ title, message, field }: { title: string; message: string; field: string }) {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" tabindex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 class="govuk-error-summary__title" id="error-summary-title">
        {title}
      </h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          <li>
            <a href={`#${fieldId(field)}`}>{message}</a>
          </li>
        </ul>
      </div>
    </div>
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

// ---- tracking ------------------------------------------------------------------------------------------

/** The form alone, or with "not found" (a mistyped or unknown number) or "enter a number" on its field. */
export function TrackPage({ ctx, value = '', problem }: { ctx: PageContext; value?: string; problem?: 'notFound' | 'required' }) {
  const t = ctx.t;
  const title = problem === 'notFound' ? t(tk('track.notFoundTitle')) : t(tk('track.title'));
  const error =
    problem === 'notFound' ? t(tk('track.notFound'), { number: value }) : problem === 'required' ? t(tk('track.required')) : undefined;
  return (
    <Layout ctx={ctx} title={title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {error && <ErrorBox title={title} message={error} field="nomor" />}
          <h1 class="govuk-heading-l">{t(tk('track.title'))}</h1>
          <p class="govuk-body">{t(tk('track.lead'))}</p>
          <TrackForm ctx={ctx} value={value} error={error} />
          <p class="govuk-body-s">{t(tk('track.privacy'))}</p>
        </div>
      </div>
    </Layout>
  );
}

function TrackForm({ ctx, value, error }: { ctx: PageContext; value: string; error?: string | undefined }) {
  const t = ctx.t;
  return (
    <LookupForm
      ctx={ctx}
      action={TRACK_PATHS.track}
      name="nomor"
      label={t(tk('track.field'))}
      hint={t(tk('track.hint'))}
      button={t(tk('track.button'))}
      value={value}
      error={error}
      width={10}
    />
  );
}

function clockText(ctx: PageContext, view: TrackingView): string {
  const { clock } = view;
  const due = clock.dueAt ? formatDateTime(clock.dueAt, ctx.locale, clock.timeZone) : '';
  switch (clock.state) {
    case 'paused':
      return ctx.t(tk('result.clock.paused'));
    case 'overdue':
      return ctx.t(tk('result.clock.overdue'), { due });
    case 'stopped':
      return ctx.t(tk('result.clock.stopped'));
    case 'running':
      return clock.workingDaysLeft === 0
        ? ctx.t(tk('result.clock.today'), { due })
        : ctx.t(tk('result.clock.running'), { days: clock.workingDaysLeft ?? 0, due });
  }
}

export function TrackResultPage({ ctx, view }: { ctx: PageContext; view: TrackingView }) {
  const t = ctx.t;
  const zone = view.clock.timeZone;
  return (
    <Layout ctx={ctx} title={t(tk('result.title'), { number: view.formatted })}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{view.serviceName}</span>
          <h1 class="govuk-heading-l">{t(tk('result.title'), { number: view.formatted })}</h1>
          <div class={`govuk-inset-text sp-track-status sp-track-status--${view.status}`}>
            <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{t(`applications.apply.status.${view.status}`)}</p>
            <p class="govuk-body govuk-!-margin-bottom-0">{t(tk(`state.${view.status}` as TrackKey))}</p>
          </div>
          <dl class="govuk-summary-list">
            <Row label={t(tk('result.service'))}>{view.serviceName}</Row>
            <Row label={t(tk('result.unit'))}>
              {view.unitName}
              <br />
              <span class="govuk-body-s">{view.agencyName}</span>
            </Row>
            <Row label={t(tk('result.submitted'))}>{formatDateTime(view.submittedAt, ctx.locale, zone)}</Row>
            {view.currentStep && <Row label={t(tk('result.step'))}>{view.currentStep}</Row>}
            <Row label={t(tk('result.clock'))}>
              <strong class={view.clock.state === 'overdue' ? 'govuk-tag govuk-tag--red' : undefined}>{clockText(ctx, view)}</strong>
            </Row>
            {view.decidedAt && <Row label={t(tk('result.decided'))}>{formatDate(view.decidedAt, ctx.locale, zone)}</Row>}
          </dl>

          {view.needed.length > 0 && (
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <div class="govuk-warning-text__text">
                <h2 class="govuk-heading-m">{t(tk('result.needed.title'))}</h2>
                <ul class="govuk-list govuk-list--bullet">
                  {view.needed.map((n) => (
                    <li>
                      <strong>{n.requirement}</strong>: {n.note}
                    </li>
                  ))}
                </ul>
                <p class="govuk-body">
                  <a class="govuk-link" href="/masuk">
                    {t(tk('result.needed.lead'))}
                  </a>
                </p>
              </div>
            </div>
          )}

          {view.rejection && (
            <>
              <h2 class="govuk-heading-m">{t(tk('result.rejection'))}</h2>
              <p class="govuk-body">{view.rejection.reason}</p>
              {view.rejection.legalBasis && (
                <p class="govuk-body">
                  <strong>{t(tk('result.legalBasis'))}:</strong> {view.rejection.legalBasis}
                </p>
              )}
            </>
          )}

          <h2 class="govuk-heading-m">{t(tk('result.timeline'))}</h2>
          {view.timeline.length === 0 ? (
            <p class="govuk-body">{t(tk('result.timeline.empty'))}</p>
          ) : (
            <ol class="govuk-list sp-timeline">
              {[...view.timeline].reverse().map((e) => (
                <li class="govuk-!-margin-bottom-3">
                  <strong>{t(eventKey(e.kind))}</strong>
                  {e.step ? ` — ${e.step}` : ''}
                  <br />
                  <span class="govuk-body-s">
                    <time datetime={e.at.toISOString()}>{formatDateTime(e.at, ctx.locale, zone)}</time>
                  </span>
                  {e.note && <p class="govuk-body govuk-!-margin-bottom-0">{e.note}</p>}
                </li>
              ))}
            </ol>
          )}

          <h2 class="govuk-heading-s">{t(tk('result.another'))}</h2>
          <TrackForm ctx={ctx} value="" />
        </div>
      </div>
    </Layout>
  );
}

// ---- verification --------------------------------------------------------------------------------------

export function VerifyPage({ ctx, value = '', problem }: { ctx: PageContext; value?: string; problem?: 'notFound' | 'required' }) {
  const t = ctx.t;
  const title = problem === 'notFound' ? t(tk('verify.notFoundTitle')) : t(tk('verify.title'));
  const error =
    problem === 'notFound' ? t(tk('verify.notFound'), { code: value }) : problem === 'required' ? t(tk('verify.required')) : undefined;
  return (
    <Layout ctx={ctx} title={title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {error && <ErrorBox title={title} message={error} field="kode" />}
          <h1 class="govuk-heading-l">{t(tk('verify.title'))}</h1>
          <p class="govuk-body">{t(tk('verify.lead'))}</p>
          <VerifyForm ctx={ctx} value={value} error={error} />
        </div>
      </div>
    </Layout>
  );
}

function VerifyForm({ ctx, value, error }: { ctx: PageContext; value: string; error?: string | undefined }) {
  const t = ctx.t;
  return (
    <LookupForm
      ctx={ctx}
      action={TRACK_PATHS.verify}
      name="kode"
      label={t(tk('verify.field'))}
      hint={t(tk('verify.hint'))}
      button={t(tk('verify.button'))}
      value={value}
      error={error}
      width={20}
    />
  );
}

export interface Comparison {
  matches: boolean;
  sha256: string;
}

export function VerifyResultPage({
  ctx,
  view,
  form,
  comparison,
}: {
  ctx: PageContext;
  view: VerificationView;
  form?: FormState | undefined;
  comparison?: Comparison | undefined;
}) {
  const t = ctx.t;
  const revokedAt = view.revokedAt;
  const revoked = revokedAt !== null;
  const heading = revoked ? t(tk('verify.revoked')) : t(tk('verify.authentic'));
  return (
    <Layout ctx={ctx} title={`${heading} ${view.formatted}`}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {form && <ErrorSummary ctx={ctx} state={form} />}
          <span class="govuk-caption-l">{view.formatted}</span>
          {revokedAt ? (
            <div class="govuk-error-summary" role="alert" aria-labelledby="verify-heading" tabindex={-1}>
              <h1 class="govuk-error-summary__title" id="verify-heading">
                {heading}
              </h1>
              <div class="govuk-error-summary__body">
                <p class="govuk-body">{t(tk('verify.revokedLead'), { date: formatDate(revokedAt, ctx.locale) })}</p>
              </div>
            </div>
          ) : (
            <div class="govuk-panel govuk-panel--confirmation">
              <h1 class="govuk-panel__title" id="verify-heading">
                {heading}
              </h1>
              <div class="govuk-panel__body">{t(tk('verify.authenticLead'))}</div>
            </div>
          )}
          <dl class="govuk-summary-list">
            <Row label={t(tk('verify.product'))}>{view.productName}</Row>
            <Row label={t(tk('verify.service'))}>{view.serviceName}</Row>
            <Row label={t(tk('verify.issuer'))}>
              {view.unitName}
              <br />
              <span class="govuk-body-s">{view.agencyName}</span>
            </Row>
            <Row label={t(tk('verify.issued'))}>{formatDate(view.issuedAt, ctx.locale)}</Row>
            <Row label={t(tk('verify.sha256'))}>
              <code class="sp-break-all">{view.sha256}</code>
            </Row>
          </dl>

          {comparison && (
            <div class={comparison.matches ? 'govuk-inset-text' : 'govuk-warning-text'} role="status">
              {comparison.matches ? (
                <p class="govuk-body govuk-!-font-weight-bold">{t(tk('verify.compare.match'))}</p>
              ) : (
                <p class="govuk-body govuk-!-font-weight-bold">{t(tk('verify.compare.mismatch'), { sha256: comparison.sha256 })}</p>
              )}
            </div>
          )}

          <h2 class="govuk-heading-m">{t(tk('verify.compare.title'))}</h2>
          <p class="govuk-body">{t(tk('verify.compare.lead'))}</p>
          <CompareForm ctx={ctx} code={view.verificationCode} form={form} />

          <h2 class="govuk-heading-s">{t(tk('verify.another'))}</h2>
          <VerifyForm ctx={ctx} value="" />
        </div>
      </div>
    </Layout>
  );
}

function CompareForm({ ctx, code, form }: { ctx: PageContext; code: string; form?: FormState | undefined }) {
  const t = ctx.t;
  const id = fieldId('berkas');
  const error = form?.errors.find((e) => e.path === 'berkas');
  return (
    <Form ctx={ctx} action={TRACK_PATHS.verification(code)} multipart>
      <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for={id}>
          {t(tk('verify.compare.field'))}
        </label>
        {error && (
          <p class="govuk-error-message" id={`${id}-error`}>
            <span class="govuk-visually-hidden">{t('platform.form.error')}:</span> {t(error.key, error.params)}
          </p>
        )}
        <input
          class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
          id={id}
          name="berkas"
          type="file"
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t(tk('verify.compare.button'))}
      </button>
    </Form>
  );
}
