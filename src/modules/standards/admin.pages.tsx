import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../platform/errors.js';
import type { FormState } from '../../platform/http/types.js';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, fieldId, Form, Select, Textarea, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { COMMON_FILE_TYPES, isProse, LISTS, listName, many, rowsOf, type FormValues } from './admin.forms.js';
import { a, type AdminKey } from './admin.messages.js';
import { stepMeta } from './catalog.pages.js';
import { m as c, durationText, fileTypesText, sizeText, type CatalogKey } from './catalog.messages.js';
import { Flowchart } from './flowchart.js';
import type { Completeness } from './standards.completeness.js';
import type { ComponentDiff } from './standards.diff.js';
import {
  AUDIENCES,
  CATEGORIES,
  CHANNELS,
  COMPLAINT_CHANNELS,
  COMPONENTS,
  DATA_FIELD_TYPES,
  DELIVERY_COMPONENTS,
  DURATION_UNITS,
  LIFE_EVENTS,
  MANAGEMENT_COMPONENTS,
  PROCEDURE_ACTORS,
  PROFILE_FIELDS,
  REQUIREMENT_KINDS,
  SERVICE_KINDS,
  type ComponentKey,
  type DraftContent,
  type VersionStatus,
} from './standards.content.js';

// ---- where the screens live ----------------------------------------------------------------------

/** The lifecycle actions a version page offers, each on its own confirmation page (`/admin/layanan/versi/:id/<slug>`). */
export const ACTIONS = {
  submit: 'ajukan',
  return: 'kembalikan',
  consult: 'konsultasi',
  ratify: 'tetapkan',
  publish: 'terbitkan',
  withdraw: 'tarik',
  review: 'tinjau',
} as const;
export type ActionKey = keyof typeof ACTIONS;

export const PATHS = {
  list: '/admin/layanan',
  newService: '/admin/layanan/baru',
  service: (id: string) => `/admin/layanan/${id}`,
  editService: (id: string) => `/admin/layanan/${id}/ubah`,
  newDraft: (id: string) => `/admin/layanan/${id}/draf`,
  compare: (id: string) => `/admin/layanan/${id}/bandingkan`,
  history: (id: string) => `/admin/layanan/${id}/riwayat`,
  version: (id: string) => `/admin/layanan/versi/${id}`,
  component: (id: string, component: ComponentKey) => `/admin/layanan/versi/${id}/komponen/${component}`,
  action: (id: string, action: ActionKey) => `/admin/layanan/versi/${id}/${ACTIONS[action]}`,
  comments: (id: string) => `/admin/layanan/versi/${id}/komentar`,
  comment: (id: string) => `/admin/layanan/komentar/${id}`,
  /** The decree PDF, from the standards API (staff only, checked like these pages). */
  decree: (id: string) => `/api/v1/standards/versions/${id}/decree`,
  publicPage: (slug: string) => `/layanan/${slug}`,
} as const;

// ---- small pieces --------------------------------------------------------------------------------

type T = PageContext['t'];
const tc = (t: T, key: string) => t(c(key as CatalogKey));
const ta = (t: T, key: string, params?: Record<string, string | number>) => t(a(key as AdminKey), params);

/** "1. Persyaratan": the official name, numbered as in the law (UU 25/2009 Art. 21). */
export const componentLabel = (t: T, component: ComponentKey) =>
  `${COMPONENTS.indexOf(component) + 1}. ${t(`standards.component.${component}`)}`;
const statusLabel = (t: T, status: VersionStatus) => ta(t, `status.${status}`);

/** A calendar date (`2026-01-05`) or a moment, as people read it; a date is a day in Indonesia whatever the zone. */
export function dateText(ctx: PageContext, date: string | Date | null | undefined): string {
  if (!date) return '–';
  return formatDate(typeof date === 'string' ? new Date(`${date.slice(0, 10)}T12:00:00+07:00`) : date, ctx.locale);
}
const momentText = (ctx: PageContext, date: Date | string | null | undefined) =>
  date ? formatDateTime(typeof date === 'string' ? new Date(date) : date, ctx.locale) : '–';

const STATUS_COLOUR: Record<VersionStatus, string> = {
  draft: 'grey',
  review: 'blue',
  consultation: 'purple',
  ratified: 'turquoise',
  published: 'green',
  superseded: 'grey',
  withdrawn: 'red',
};

export function StatusTag({ ctx, status }: { ctx: PageContext; status: VersionStatus }) {
  return <strong class={`govuk-tag govuk-tag--${STATUS_COLOUR[status]}`}>{statusLabel(ctx.t, status)}</strong>;
}

function errorTitle(ctx: PageContext, form: FormState | undefined, title: string) {
  return form && form.errors.length ? `${ctx.t('platform.form.error')}: ${title}` : title;
}

function textOf(values: FormValues, name: string): string {
  const v = values[name];
  const first = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : '';
}

function errorFor(ctx: PageContext, form: FormState, name: string): string | undefined {
  const e = form.errors.find((x) => x.path === name);
  return e ? ctx.t(e.key, e.params) : undefined;
}

function ErrorMessage({ ctx, id, message }: { ctx: PageContext; id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="govuk-error-message" id={`${id}-error`}>
      <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {message}
    </p>
  );
}

interface Option {
  value: string;
  label: string;
}

/** A group of checkboxes or radios sharing one name; the first input carries the field id the error summary links to. */
function Choices({
  ctx,
  form,
  name,
  legend,
  hint,
  options,
  type,
  small,
  inline,
}: {
  ctx: PageContext;
  form: FormState;
  name: string;
  legend: string;
  hint?: string | undefined;
  options: Option[];
  type: 'checkbox' | 'radio';
  small?: boolean;
  inline?: boolean;
}) {
  const id = fieldId(name);
  const error = errorFor(ctx, form, name);
  const chosen = new Set(many(form.values, name));
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const kind = type === 'checkbox' ? 'checkboxes' : 'radios';
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div class="govuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        <ErrorMessage ctx={ctx} id={id} message={error} />
        <div
          class={`govuk-${kind}${small ? ` govuk-${kind}--small` : ''}${inline ? ` govuk-${kind}--inline` : ''}`}
          data-module={`govuk-${kind}`}
        >
          {options.map((o, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class={`govuk-${kind}__item`}>
                <input class={`govuk-${kind}__input`} id={itemId} name={name} type={type} value={o.value} checked={chosen.has(o.value)} />
                <label class={`govuk-label govuk-${kind}__label`} for={itemId}>
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

/** One checkbox on its own, e.g. "mandatory". */
function Tick({ ctx, form, name, label, hint }: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string }) {
  const id = fieldId(name);
  const error = errorFor(ctx, form, name);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <ErrorMessage ctx={ctx} id={id} message={error} />
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            value="on"
            checked={textOf(form.values, name) !== ''}
            aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id}>
            {label}
          </label>
          {hint && (
            <div class="govuk-hint govuk-checkboxes__hint" id={`${id}-hint`}>
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * A labelled input the platform's form helpers do not draw (a date, a file, a select with groups): the
 * GOV.UK form group with label, hint and error; `input` gets the ids it is described by.
 */
function Labelled({
  ctx,
  form,
  name,
  label,
  hint,
  optional,
  input,
}: {
  ctx: PageContext;
  form: FormState;
  /** The error path, from which the id comes. */
  name: string;
  label: string;
  hint?: string | undefined;
  optional?: boolean;
  input: (attrs: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' }, error: string | undefined) => ComponentChildren;
}) {
  const id = fieldId(name);
  const error = errorFor(ctx, form, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={id}>
        {label}
        {optional ? ` ${ctx.t('platform.form.optional')}` : ''}
      </label>
      {hint && (
        <div class="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <ErrorMessage ctx={ctx} id={id} message={error} />
      {input(
        { id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) },
        error,
      )}
    </div>
  );
}

function DateInput(props: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string }) {
  return (
    <Labelled
      {...props}
      input={(attrs, error) => (
        <input
          class={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`}
          name={props.name}
          type="date"
          value={textOf(props.form.values, props.name)}
          {...attrs}
        />
      )}
    />
  );
}

/** The frame of the admin pages: back link, error summary, caption and heading. */
function Frame({
  ctx,
  title,
  caption,
  back,
  form,
  summary,
  wide,
  children,
}: {
  ctx: PageContext;
  title: string;
  caption?: string | undefined;
  back?: string | undefined;
  form?: FormState | undefined;
  /** The errors as the summary lists them, when they need more context than next to their input. */
  summary?: FieldError[] | undefined;
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={errorTitle(ctx, form, title)}>
      <div class="govuk-grid-row">
        <div class={wide ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds'}>
          {back && (
            <a class="govuk-back-link" href={back}>
              {ctx.t(a('back'))}
            </a>
          )}
          {form && <ErrorSummary ctx={ctx} state={summary ? { ...form, errors: summary } : form} />}
          {caption && <span class="govuk-caption-l">{caption}</span>}
          <h1 class="govuk-heading-l">{title}</h1>
        </div>
      </div>
      {wide ? (
        children
      ) : (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">{children}</div>
        </div>
      )}
    </Layout>
  );
}

/** A table with a caption for screen readers and a heading per column. */
function Table({ caption, heads, children }: { caption: string; heads: string[]; children: ComponentChildren }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {heads.map((head) => (
            <th scope="col" class="govuk-table__header">
              {head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">{children}</tbody>
    </table>
  );
}

function SummaryRow({ label, children, action }: { label: ComponentChildren; children: ComponentChildren; action?: ComponentChildren }) {
  return (
    <div class={`govuk-summary-list__row${action ? '' : ' govuk-summary-list__row--no-actions'}`}>
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
      {action && <dd class="govuk-summary-list__actions">{action}</dd>}
    </div>
  );
}

const versionField = (form: FormState) => <input type="hidden" name="version" value={textOf(form.values, 'version')} />;

function Pagination({ ctx, page, pages, link }: { ctx: PageContext; page: number; pages: number; link: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = ctx.t;
  return (
    <nav class="govuk-pagination" aria-label={t(a('list.pages'))}>
      {page > 1 && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={link(page - 1)} rel="prev">
            <span class="govuk-pagination__link-title">{t(a('list.previous'))}</span>
          </a>
        </div>
      )}
      {page < pages && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={link(page + 1)} rel="next">
            <span class="govuk-pagination__link-title">{t(a('list.next'))}</span>
          </a>
        </div>
      )}
    </nav>
  );
}

// ---- the list of services -------------------------------------------------------------------------

export interface ServiceListRow {
  id: string;
  code: string;
  name: string;
  unitName: string;
  active: boolean;
  /** The number of the version the public sees, if any. */
  publishedNumber: number | null;
  /** The version being worked on (draft to ratified), if any. */
  openVersion: { number: number; status: VersionStatus } | null;
  /** When the published version is due its yearly review (domain.md §1.2); null without one. */
  reviewDue: Date | string | null;
}

export function ServiceListPage({
  ctx,
  rows,
  total,
  page,
  pageSize,
  q,
  canCreate,
  today,
}: {
  ctx: PageContext;
  rows: ServiceListRow[];
  total: number;
  page: number;
  pageSize: number;
  q: string | undefined;
  canCreate: boolean;
  /** Today's date (`YYYY-MM-DD`), to say which reviews are overdue. */
  today: string;
}) {
  const t = ctx.t;
  const title = t(a('list.title'));
  const search: FormState = { values: { q: q ?? '' }, errors: [] };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => `${PATHS.list}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
  return (
    <Frame ctx={ctx} title={title} wide>
      <p class="govuk-body">{t(a('list.lead'))}</p>
      {canCreate && (
        <a class="govuk-button" href={PATHS.newService} role="button" draggable={false}>
          {t(a('list.new'))}
        </a>
      )}
      <form method="get" action={PATHS.list} role="search" aria-label={t(a('list.search'))}>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <TextInput ctx={ctx} state={search} name="q" label={t(a('list.q'))} hint={t(a('list.q.hint'))} />
          </div>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t(a('list.submit'))}
        </button>
      </form>
      <p class="govuk-body" role="status">
        {t(a('list.count'), { count: formatNumber(total, ctx.locale) })}
      </p>
      {rows.length > 0 && (
        <Table
          caption={title}
          heads={['field.code', 'field.name', 'field.unit', 'list.published', 'list.open', 'list.reviewDue'].map((key) => ta(t, key))}
        >
          {rows.map((row) => {
            const due = row.reviewDue
              ? (typeof row.reviewDue === 'string' ? row.reviewDue : row.reviewDue.toISOString()).slice(0, 10)
              : null;
            return (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{row.code}</td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={PATHS.service(row.id)}>
                    {row.name}
                  </a>
                  {!row.active && (
                    <>
                      {' '}
                      <strong class="govuk-tag govuk-tag--grey">{t(a('service.inactive'))}</strong>
                    </>
                  )}
                </td>
                <td class="govuk-table__cell">{row.unitName}</td>
                <td class="govuk-table__cell">
                  {row.publishedNumber ? t(a('version.number'), { number: row.publishedNumber }) : t(a('list.notPublished'))}
                </td>
                <td class="govuk-table__cell">
                  {row.openVersion ? (
                    <>
                      {t(a('version.number'), { number: row.openVersion.number })} <StatusTag ctx={ctx} status={row.openVersion.status} />
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td class="govuk-table__cell">
                  {due ? (
                    <>
                      {dateText(ctx, due)}
                      {due < today && (
                        <>
                          {' '}
                          <strong class="govuk-tag govuk-tag--red">{t(a('list.overdue'))}</strong>
                        </>
                      )}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <Pagination ctx={ctx} page={page} pages={pages} link={link} />
    </Frame>
  );
}

// ---- a service: its details form ------------------------------------------------------------------

export interface LocationChoices {
  malls: Option[];
  /** Booths by mall, each labelled with its unit. */
  booths: { mallId: string; mallName: string; options: Option[] }[];
}

/** Rows of "where it is offered": a mall and, optionally, the unit's booth there. */
function LocationRows({ ctx, form, choices }: { ctx: PageContext; form: FormState; choices: LocationChoices }) {
  const t = ctx.t;
  return (
    <>
      <h2 class="govuk-heading-m">{t(a('service.locations'))}</h2>
      <p class="govuk-body">{t(a('service.locations.lead'))}</p>
      {rowsOf(form.values, 'locations').map((i, n) => {
        const mall = `locations.${i}.mallId`;
        const booth = `locations.${i}.boothId`;
        const current = textOf(form.values, booth);
        return (
          <fieldset class="govuk-fieldset sp-row" role="group">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t(a('service.location'), { n: n + 1 })}</legend>
            <Select
              ctx={ctx}
              state={form}
              name={mall}
              label={t(a('field.mall'))}
              options={[{ value: '', label: t(a('none')) }, ...choices.malls]}
            />
            <Labelled
              ctx={ctx}
              form={form}
              name={booth}
              label={t(a('field.booth'))}
              hint={t(a('field.booth.hint'))}
              optional
              input={(attrs, error) => (
                <select class={`govuk-select${error ? ' govuk-select--error' : ''}`} name={booth} {...attrs}>
                  <option value="">{t(a('field.booth.none'))}</option>
                  {choices.booths.map((group) => (
                    <optgroup label={group.mallName}>
                      {group.options.map((o) => (
                        <option value={o.value} selected={o.value === current}>
                          {o.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            />
            {textOf(form.values, mall) !== '' && <Tick ctx={ctx} form={form} name={`locations.${i}.remove`} label={t(a('row.remove'))} />}
          </fieldset>
        );
      })}
    </>
  );
}

export function ServiceFormPage({
  ctx,
  form,
  service,
  units,
  unitName,
  locations,
}: {
  ctx: PageContext;
  form: FormState;
  /** Absent for a new service. */
  service?: { id: string; name: string } | undefined;
  /** For a new service: the units the staff member manages. */
  units: Option[];
  /** For an edit: the service's unit, which does not change. */
  unitName?: string | undefined;
  locations: LocationChoices;
}) {
  const t = ctx.t;
  const title = service ? t(a('service.edit')) : t(a('service.new'));
  const labelled = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: tc(t, `${prefix}.${v}`) }));
  const group = (name: 'kind' | 'audiences' | 'channels' | 'lifeEvents', type: 'radio' | 'checkbox', options: Option[], hint?: string) => (
    <Choices ctx={ctx} form={form} name={name} legend={ta(t, `field.${name}`)} hint={hint} type={type} small options={options} />
  );
  return (
    <Frame ctx={ctx} title={title} caption={service?.name} back={service ? PATHS.service(service.id) : PATHS.list} form={form}>
      <Form ctx={ctx} action={service ? PATHS.service(service.id) : PATHS.list}>
        {service && versionField(form)}
        {unitName !== undefined ? (
          <dl class="govuk-summary-list">
            <SummaryRow label={t(a('field.unit'))}>{unitName}</SummaryRow>
          </dl>
        ) : (
          <Select
            ctx={ctx}
            state={form}
            name="serviceUnitId"
            label={t(a('field.unit'))}
            hint={t(a('field.unit.hint'))}
            options={[{ value: '', label: t(a('choose')) }, ...units]}
          />
        )}
        <TextInput ctx={ctx} state={form} name="name" label={t(a('field.name'))} hint={t(a('field.name.hint'))} />
        <TextInput
          ctx={ctx}
          state={form}
          name="code"
          label={t(a('field.code'))}
          hint={t(a('field.code.hint'))}
          width={20}
          spellcheck={false}
        />
        <Textarea ctx={ctx} state={form} name="summary" label={t(a('field.summary'))} hint={t(a('field.summary.hint'))} rows={3} />
        <TextInput ctx={ctx} state={form} name="keywords" label={t(a('field.keywords'))} hint={t(a('field.keywords.hint'))} optional />
        <Select ctx={ctx} state={form} name="category" label={t(a('field.category'))} options={labelled('category', CATEGORIES)} />
        {group(
          'kind',
          'radio',
          SERVICE_KINDS.map((k) => ({ value: k, label: ta(t, `kind.${k}`) })),
        )}
        {group('audiences', 'checkbox', labelled('audience', AUDIENCES))}
        {group('channels', 'radio', labelled('channel', CHANNELS))}
        {group('lifeEvents', 'checkbox', labelled('lifeEvent', LIFE_EVENTS), t(a('field.lifeEvents.hint')))}
        <LocationRows ctx={ctx} form={form} choices={locations} />
        <Button>{t(a('save'))}</Button>
      </Form>
    </Frame>
  );
}

// ---- a service: its versions -----------------------------------------------------------------------

export interface ServiceView {
  id: string;
  code: string;
  slug: string;
  name: string;
  summary: string;
  category: string;
  kind: string;
  channels: string;
  audiences: string[];
  lifeEvents: string[];
  active: boolean;
  unitName: string;
  locations: { mallName: string; boothName: string | null }[];
}

export interface VersionRowView {
  id: string;
  number: number;
  status: VersionStatus;
  createdAt: Date | string;
  publishedAt: Date | string | null;
  effectiveDate: string | null;
  decreeNumber: string | null;
  decreeDate: string | null;
}

const OPEN: readonly VersionStatus[] = ['draft', 'review', 'consultation', 'ratified'];
export const isOpen = (status: VersionStatus) => OPEN.includes(status);

export function ServicePage({ ctx, service, versions }: { ctx: PageContext; service: ServiceView; versions: VersionRowView[] }) {
  const t = ctx.t;
  const open = versions.find((v) => isOpen(v.status));
  const published = versions.find((v) => v.status === 'published');
  const compare: FormState = {
    values: { dari: String(versions[1]?.id ?? versions[0]?.id ?? ''), ke: String(versions[0]?.id ?? '') },
    errors: [],
  };
  const versionOptions = versions.map((v) => ({
    value: v.id,
    label: `${t(a('version.number'), { number: v.number })} (${statusLabel(t, v.status)})`,
  }));
  return (
    <Frame ctx={ctx} title={service.name} caption={service.unitName} back={PATHS.list} wide>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <dl class="govuk-summary-list">
            <SummaryRow label={t(a('field.code'))}>{service.code}</SummaryRow>
            <SummaryRow label={t(a('field.summary'))}>{service.summary}</SummaryRow>
            <SummaryRow label={t(a('field.category'))}>{tc(t, `category.${service.category}`)}</SummaryRow>
            <SummaryRow label={t(a('field.kind'))}>{ta(t, `kind.${service.kind}`)}</SummaryRow>
            <SummaryRow label={t(a('field.channels'))}>{tc(t, `channel.${service.channels}`)}</SummaryRow>
            <SummaryRow label={t(a('field.audiences'))}>{service.audiences.map((x) => tc(t, `audience.${x}`)).join(', ')}</SummaryRow>
            <SummaryRow label={t(a('field.lifeEvents'))}>
              {service.lifeEvents.length ? service.lifeEvents.map((x) => tc(t, `lifeEvent.${x}`)).join(', ') : '–'}
            </SummaryRow>
            <SummaryRow label={t(a('service.locations'))}>
              {service.locations.length ? (
                <ul class="govuk-list">
                  {service.locations.map((l) => (
                    <li>{l.boothName ? `${l.mallName} – ${l.boothName}` : `${l.mallName} – ${t(a('field.booth.none'))}`}</li>
                  ))}
                </ul>
              ) : (
                '–'
              )}
            </SummaryRow>
            <SummaryRow label={t(a('service.publicPage'))}>
              {published ? (
                <a class="govuk-link" href={PATHS.publicPage(service.slug)}>
                  {PATHS.publicPage(service.slug)}
                </a>
              ) : (
                t(a('list.notPublished'))
              )}
            </SummaryRow>
          </dl>
          <p class="govuk-body">
            <a class="govuk-link" href={PATHS.editService(service.id)}>
              {t(a('service.edit'))}
            </a>
            {' · '}
            <a class="govuk-link" href={PATHS.history(service.id)}>
              {t(a('history.title'))}
            </a>
          </p>
        </div>
      </div>

      <h2 class="govuk-heading-m">{t(a('versions.title'))}</h2>
      {open ? (
        <a class="govuk-button" href={PATHS.version(open.id)} role="button" draggable={false}>
          {t(a('versions.openDraft'), { number: open.number })}
        </a>
      ) : (
        service.active && (
          <Form ctx={ctx} action={PATHS.newDraft(service.id)}>
            <p class="govuk-body">{t(published ? a('versions.newDraft.lead') : a('versions.firstDraft.lead'))}</p>
            <Button>{t(published ? a('versions.newDraft') : a('versions.firstDraft'))}</Button>
          </Form>
        )
      )}
      {versions.length === 0 ? (
        <p class="govuk-body">{t(a('versions.none'))}</p>
      ) : (
        <Table
          caption={t(a('versions.title'))}
          heads={['versions.version', 'versions.status', 'versions.created', 'versions.published', 'versions.decree'].map((key) =>
            ta(t, key),
          )}
        >
          {versions.map((v) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={PATHS.version(v.id)}>
                  {t(a('version.number'), { number: v.number })}
                </a>
              </td>
              <td class="govuk-table__cell">
                <StatusTag ctx={ctx} status={v.status} />
              </td>
              <td class="govuk-table__cell">{dateText(ctx, v.createdAt)}</td>
              <td class="govuk-table__cell">
                {v.publishedAt ? dateText(ctx, v.publishedAt) : '–'}
                {v.effectiveDate && (
                  <>
                    <br />
                    <span class="govuk-body-s">{t(a('versions.effective'), { date: dateText(ctx, v.effectiveDate) })}</span>
                  </>
                )}
              </td>
              <td class="govuk-table__cell">{v.decreeNumber ? `${v.decreeNumber}, ${dateText(ctx, v.decreeDate)}` : '–'}</td>
            </tr>
          ))}
        </Table>
      )}

      {versions.length > 1 && (
        <form method="get" action={PATHS.compare(service.id)} aria-labelledby="compare-title">
          <h2 class="govuk-heading-m" id="compare-title">
            {t(a('compare.title'))}
          </h2>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-third">
              <Select ctx={ctx} state={compare} name="dari" label={t(a('compare.from'))} options={versionOptions} />
            </div>
            <div class="govuk-grid-column-one-third">
              <Select ctx={ctx} state={compare} name="ke" label={t(a('compare.to'))} options={versionOptions} />
            </div>
          </div>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t(a('compare.submit'))}
          </button>
        </form>
      )}
    </Frame>
  );
}

// ---- what a component says, in a line or a short list ---------------------------------------------

function legalText(t: T, r: { title: string; number?: string | undefined; year?: number | undefined }) {
  const parts = [
    r.number ? t(a('legal.numberText'), { number: r.number }) : '',
    r.year ? t(a('legal.yearText'), { year: r.year }) : '',
  ].filter(Boolean);
  return parts.length ? `${r.title} (${parts.join(' ')})` : r.title;
}

/** A list inside a summary row: numbered for the ordered components (requirements, steps), plain otherwise. */
function List({ items, ordered }: { items: ComponentChildren[]; ordered?: boolean }) {
  const Tag = ordered ? 'ol' : 'ul';
  return (
    <Tag class={`govuk-list${ordered ? ' govuk-list--number' : ''}`}>
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </Tag>
  );
}

const Note = ({ children }: { children: ComponentChildren }) => <p class="govuk-body-s govuk-!-margin-bottom-0">{children}</p>;
const Detail = ({ children }: { children: ComponentChildren }) => <span class="govuk-body-s">({children})</span>;

/** A saved component's value as the check-your-answers list and the comparison show it. */
export function ComponentValue({ ctx, component, content }: { ctx: PageContext; component: ComponentKey; content: DraftContent }) {
  const t = ctx.t;
  if (isProse(component)) return <span class="sp-prose">{content[component]}</span>;
  switch (component) {
    case 'requirements':
      return (
        <List
          ordered
          items={(content.requirements ?? []).map((r) => {
            const upload = r.kind === 'document' ? [fileTypesText(r.fileTypes), r.maxSizeKb ? sizeText(r.maxSizeKb, ctx.locale) : ''] : [];
            const detail = [
              t(a(r.mandatory ? 'requirement.mandatory' : 'requirement.optional')),
              ta(t, `requirement.kind.${r.kind}`),
              ...upload,
            ];
            return (
              <>
                {r.name} <Detail>{detail.filter(Boolean).join(', ')}</Detail>
              </>
            );
          })}
        />
      );
    case 'procedure':
      return (
        <List
          ordered
          items={(content.procedure ?? []).map((step) => (
            <>
              {step.title} <Detail>{stepMeta(ctx, step)}</Detail>
            </>
          ))}
        />
      );
    case 'timeLimit': {
      const limit = content.timeLimit;
      if (!limit) return null;
      return (
        <>
          {durationText(t, limit)}
          {limit.pausesWhileWaiting && <Note>{t(a('timeLimit.pausesWhileWaiting'))}</Note>}
          {limit.notes && <Note>{limit.notes}</Note>}
        </>
      );
    }
    case 'fee': {
      const fee = content.fee;
      if (!fee) return null;
      if (fee.free) return <>{fee.legalBasis ? `${tc(t, 'service.fee.free')} (${fee.legalBasis})` : tc(t, 'service.fee.free')}</>;
      return (
        <List
          items={fee.items.map((item) => (
            <>
              {item.name}: {formatRupiah(item.amount, ctx.locale)} <Detail>{item.legalBasis}</Detail>
            </>
          ))}
        />
      );
    }
    case 'products':
      return <List items={(content.products ?? []).map((p) => p.name)} />;
    case 'complaints': {
      const complaints = content.complaints;
      if (!complaints) return null;
      return (
        <>
          <List items={complaints.channels.map((ch) => `${tc(t, `complaint.${ch.kind}`)}: ${ch.contact}`)} />
          <Note>{t(a('complaints.responseDays.value'), { days: complaints.responseDays })}</Note>
        </>
      );
    }
    case 'legalBasis':
      return <List items={(content.legalBasis ?? []).map((r) => legalText(t, r))} />;
    case 'staffCount': {
      const staff = content.staffCount;
      if (!staff) return null;
      return (
        <>
          {t(c('management.staffCount.value'), { n: formatNumber(staff.count, ctx.locale) })}
          {staff.notes && <Note>{staff.notes}</Note>}
        </>
      );
    }
  }
}

// ---- a version: check your answers ----------------------------------------------------------------

export interface VersionView extends VersionRowView {
  serviceId: string;
  serviceName: string;
  serviceSlug: string;
  content: DraftContent;
  version: number;
  consultationOpensAt: Date | string | null;
  consultationClosesAt: Date | string | null;
  decreeSignatory: string | null;
  hasDecreeFile: boolean;
  withdrawnReason: string | null;
  lastReviewedAt: Date | string | null;
}

/** The version's level on PEKPPP indicator 1.a.Ak (0–5, domain.md §1.2) and what keeps it from the top. */
export type CompletenessView = Pick<Completeness, 'level' | 'reasons' | 'missing' | 'reviewDueAt'>;

/** Which actions each status allows, in the order the page offers them (standards.service.ts has the rules). */
export const ACTIONS_BY_STATUS: Record<VersionStatus, ActionKey[]> = {
  draft: ['submit', 'withdraw'],
  review: ['consult', 'ratify', 'return', 'withdraw'],
  consultation: ['ratify', 'return', 'withdraw'],
  ratified: ['publish', 'withdraw'],
  published: ['review', 'withdraw'],
  superseded: [],
  withdrawn: [],
};

/** While the public can still comment, the version waits: adopting or returning it comes after the closing date. */
export function actionsFor(status: VersionStatus, consultationRunning: boolean): ActionKey[] {
  const actions = ACTIONS_BY_STATUS[status];
  return consultationRunning ? actions.filter((action) => action !== 'ratify' && action !== 'return') : actions;
}

function ComponentGroup({
  ctx,
  version,
  title,
  components,
  editable,
}: {
  ctx: PageContext;
  version: VersionView;
  title: string;
  components: readonly ComponentKey[];
  editable: boolean;
}) {
  const t = ctx.t;
  return (
    <>
      <h2 class="govuk-heading-m">{title}</h2>
      <dl class="govuk-summary-list govuk-!-margin-bottom-9">
        {components.map((component) => {
          const filled = version.content[component] !== undefined;
          const label = componentLabel(t, component);
          return (
            <SummaryRow
              label={label}
              action={
                editable ? (
                  <a class="govuk-link" href={PATHS.component(version.id, component)}>
                    {t(filled ? a('check.change') : a('check.fill'))}
                    <span class="govuk-visually-hidden"> {label}</span>
                  </a>
                ) : undefined
              }
            >
              {filled ? (
                <>
                  <ComponentValue ctx={ctx} component={component} content={version.content} />
                  {component === 'procedure' && <FlowchartPreview ctx={ctx} content={version.content} />}
                </>
              ) : (
                <strong class="govuk-tag govuk-tag--yellow">{t(a('check.missing'))}</strong>
              )}
            </SummaryRow>
          );
        })}
      </dl>
    </>
  );
}

/** The procedure drawn as the public page will draw it, folded away under the steps. */
function FlowchartPreview({ ctx, content }: { ctx: PageContext; content: DraftContent }) {
  const steps = content.procedure ?? [];
  if (steps.length === 0) return null;
  const t = ctx.t;
  return (
    <details class="govuk-details govuk-!-margin-bottom-0">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{t(a('check.flowchart'))}</span>
      </summary>
      <div class="govuk-details__text sp-flowchart">
        <Flowchart
          steps={steps}
          describe={(step) => stepMeta(ctx, step)}
          title={t(a('check.flowchart'))}
          description={t(a('check.flowchart.description'))}
          id="pratinjau-alur"
        />
      </div>
    </details>
  );
}

function VersionFacts({ ctx, version }: { ctx: PageContext; version: VersionView }) {
  const t = ctx.t;
  const facts: [string, ComponentChildren][] = [[t(a('versions.status')), <StatusTag ctx={ctx} status={version.status} />]];
  if (version.consultationClosesAt) {
    facts.push([
      t(a('version.consultation')),
      t(a('version.consultation.value'), {
        from: dateText(ctx, version.consultationOpensAt),
        to: dateText(ctx, version.consultationClosesAt),
      }),
    ]);
  }
  if (version.decreeNumber) {
    facts.push([
      t(a('versions.decree')),
      <>
        {t(a('version.decree.value'), {
          number: version.decreeNumber,
          date: dateText(ctx, version.decreeDate),
          signatory: version.decreeSignatory ?? '',
        })}
        {version.hasDecreeFile && (
          <>
            {' '}
            <a class="govuk-link" href={PATHS.decree(version.id)} download>
              {t(a('version.decree.download'))}
            </a>
          </>
        )}
      </>,
    ]);
  }
  if (version.effectiveDate) facts.push([t(a('version.effective')), dateText(ctx, version.effectiveDate)]);
  if (version.publishedAt) facts.push([t(a('versions.published')), momentText(ctx, version.publishedAt)]);
  if (version.lastReviewedAt) facts.push([t(a('version.reviewed')), momentText(ctx, version.lastReviewedAt)]);
  if (version.withdrawnReason) facts.push([t(a('version.withdrawnReason')), version.withdrawnReason]);
  return (
    <dl class="govuk-summary-list">
      {facts.map(([label, value]) => (
        <SummaryRow label={label}>{value}</SummaryRow>
      ))}
    </dl>
  );
}

export function VersionPage({
  ctx,
  version,
  completeness,
  pendingComments,
  consultationRunning,
}: {
  ctx: PageContext;
  version: VersionView;
  completeness: CompletenessView;
  pendingComments: number;
  /** The consultation's closing date is still ahead. */
  consultationRunning: boolean;
}) {
  const t = ctx.t;
  const editable = version.status === 'draft';
  const actions = actionsFor(version.status, consultationRunning);
  return (
    <Frame
      ctx={ctx}
      title={t(a('version.title'), { number: version.number })}
      caption={version.serviceName}
      back={PATHS.service(version.serviceId)}
      wide
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <VersionFacts ctx={ctx} version={version} />
        </div>
        <div class="govuk-grid-column-one-third">
          <aside class="sp-panel" aria-labelledby="completeness-title">
            <h2 class="govuk-heading-s" id="completeness-title">
              {t(a('completeness.title'))}
            </h2>
            <p class="govuk-body govuk-!-font-size-36 govuk-!-font-weight-bold govuk-!-margin-bottom-2">
              {t(a('completeness.score'), { score: completeness.level })}
            </p>
            <p class="govuk-body-s">{t(`standards.completeness.level.${completeness.level}`)}</p>
            <p class="govuk-body-s">{t(a('completeness.lead'))}</p>
            {completeness.reasons.length > 0 ? (
              <>
                <h3 class="govuk-heading-s">{t(a('completeness.missing'))}</h3>
                <ul class="govuk-list govuk-list--bullet govuk-body-s">
                  {completeness.reasons.map((reason) => (
                    <li>
                      {t(`standards.completeness.reason.${reason.code}`, reason.params)}
                      {reason.code === 'missingComponents' && (
                        <ul class="govuk-list govuk-body-s">
                          {completeness.missing.map((component) => (
                            <li>{componentLabel(t, component)}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p class="govuk-body-s">{t(a('completeness.full'))}</p>
            )}
            {completeness.reviewDueAt && (
              <p class="govuk-body-s">{t(a('completeness.reviewDue'), { date: dateText(ctx, completeness.reviewDueAt) })}</p>
            )}
          </aside>
        </div>
      </div>

      {(actions.length > 0 || version.status === 'consultation' || version.status === 'published') && (
        <section aria-labelledby="actions-title" class="govuk-!-margin-bottom-6">
          <h2 class="govuk-heading-m" id="actions-title">
            {t(a('actions.title'))}
          </h2>
          {consultationRunning && (
            <p class="govuk-body">{t(a('actions.consultationRunning'), { date: momentText(ctx, version.consultationClosesAt) })}</p>
          )}
          <div class="govuk-button-group">
            {actions.map((action, i) => (
              <a
                class={`govuk-button${i === 0 ? '' : ' govuk-button--secondary'}${action === 'withdraw' ? ' govuk-button--warning' : ''}`}
                href={PATHS.action(version.id, action)}
                role="button"
                draggable={false}
              >
                {ta(t, `action.${action}`)}
              </a>
            ))}
            {(version.status === 'consultation' || pendingComments > 0) && (
              <a class="govuk-link" href={PATHS.comments(version.id)}>
                {t(a('comments.link'), { count: pendingComments })}
              </a>
            )}
            {version.status === 'published' && (
              <a class="govuk-link" href={PATHS.publicPage(version.serviceSlug)}>
                {t(a('version.publicPage'))}
              </a>
            )}
          </div>
        </section>
      )}

      {editable && <p class="govuk-body">{t(a('check.lead'))}</p>}
      <ComponentGroup ctx={ctx} version={version} title={t(a('group.delivery'))} components={DELIVERY_COMPONENTS} editable={editable} />
      <ComponentGroup ctx={ctx} version={version} title={t(a('group.management'))} components={MANAGEMENT_COMPONENTS} editable={editable} />
    </Frame>
  );
}

// ---- one component's editor ------------------------------------------------------------------------

const options = (t: T, prefix: string, values: readonly string[], labelOf = (v: string) => tc(t, `${prefix}.${v}`)): Option[] =>
  values.map((v) => ({ value: v, label: labelOf(v) }));

interface FieldOptions {
  /** The catalog has `<labels>.<field>.hint` for it. */
  hint?: boolean;
  optional?: boolean;
  /** A short number: a narrow input with the numeric keyboard. */
  numeric?: 10 | 20;
  /** A textarea of this many rows. */
  rows?: number;
  spellcheck?: boolean;
}

/**
 * The inputs of one editor or row: `field` is named `<prefix><field>` and labelled by the catalog key
 * `standards.admin.<labels>.<field>` (and its `.hint`), so a row's markup reads as the list of its fields.
 */
function fieldsOf(ctx: PageContext, form: FormState, prefix: string, labels: string) {
  const t = ctx.t;
  const label = (field: string) => ta(t, `${labels}.${field}`);
  const hint = (field: string, has?: boolean) => (has ? ta(t, `${labels}.${field}.hint`) : undefined);
  return {
    text: (field: string, o: FieldOptions = {}) =>
      o.rows ? (
        <Textarea
          ctx={ctx}
          state={form}
          name={`${prefix}${field}`}
          label={label(field)}
          hint={hint(field, o.hint)}
          rows={o.rows}
          optional={o.optional ?? false}
        />
      ) : (
        <TextInput
          ctx={ctx}
          state={form}
          name={`${prefix}${field}`}
          label={label(field)}
          hint={hint(field, o.hint)}
          optional={o.optional ?? false}
          {...(o.numeric ? { inputmode: 'numeric' as const, width: o.numeric } : {})}
          {...(o.spellcheck === false ? { spellcheck: false } : {})}
        />
      ),
    select: (field: string, choices: Option[], o: FieldOptions = {}) => (
      <Select ctx={ctx} state={form} name={`${prefix}${field}`} label={label(field)} hint={hint(field, o.hint)} options={choices} />
    ),
    tick: (field: string, o: FieldOptions = {}) => (
      <Tick ctx={ctx} form={form} name={`${prefix}${field}`} label={label(field)} hint={hint(field, o.hint)} />
    ),
  };
}

/** A row of a list editor: a fieldset whose legend numbers it, with a "remove" box when it holds something. */
function Row({
  ctx,
  form,
  list,
  row,
  n,
  legend,
  children,
}: {
  ctx: PageContext;
  form: FormState;
  list: string;
  row: number;
  n: number;
  legend: string;
  children: ComponentChildren;
}) {
  const prefix = `${list}.${row}.`;
  const holds = Object.entries(form.values).some(
    ([k, v]) => k.startsWith(prefix) && !/\.(kind|mandatory|order|actor|remove)$/.test(k) && v !== '' && v !== undefined,
  );
  return (
    <fieldset class="govuk-fieldset sp-row" role="group">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{`${legend} ${n}`}</legend>
      {children}
      {holds && <Tick ctx={ctx} form={form} name={`${prefix}remove`} label={ctx.t(a('row.remove'))} />}
    </fieldset>
  );
}

/** The rows of a list, each with the inputs `fields` draws for it. */
function Rows({
  ctx,
  form,
  list,
  labels,
  fields,
}: {
  ctx: PageContext;
  form: FormState;
  list: string;
  /** Where the row's texts are: `<labels>.legend` names a row, `<labels>.<field>` its inputs. */
  labels: string;
  fields: (f: ReturnType<typeof fieldsOf>, prefix: string) => ComponentChildren;
}) {
  const legend = ta(ctx.t, `${labels}.legend`);
  return (
    <>
      {rowsOf(form.values, list).map((i, n) => (
        <Row ctx={ctx} form={form} list={list} row={i} n={n + 1} legend={legend}>
          {fields(fieldsOf(ctx, form, `${list}.${i}.`, labels), `${list}.${i}.`)}
        </Row>
      ))}
    </>
  );
}

/** Whether a row has something typed (or an error) in one of these inputs, to open the section that holds them. */
function hasAny(form: FormState, prefix: string, fields: string[]) {
  return fields.some((f) => textOf(form.values, `${prefix}${f}`) !== '' || form.errors.some((e) => e.path === `${prefix}${f}`));
}

/** A folded part of a requirement row, open when it holds something. */
function Section({
  form,
  prefix,
  fields,
  title,
  children,
}: {
  form: FormState;
  prefix: string;
  fields: string[];
  title: string;
  children: ComponentChildren;
}) {
  return (
    <details class="govuk-details" open={hasAny(form, prefix, fields)}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{title}</span>
      </summary>
      <div class="govuk-details__text">{children}</div>
    </details>
  );
}

function RequirementsEditor({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  const none = { value: '', label: t(a('none')) };
  return (
    <Rows
      ctx={ctx}
      form={form}
      list="requirements"
      labels="requirement"
      fields={(f, p) => (
        <>
          <input type="hidden" name={`${p}key`} value={textOf(form.values, `${p}key`)} />
          {f.text('name')}
          {f.select(
            'kind',
            options(t, '', REQUIREMENT_KINDS, (k) => ta(t, `requirement.kind.${k}`)),
          )}
          {f.tick('mandatory')}
          {f.text('notes', { optional: true })}
          <Section
            form={form}
            prefix={p}
            fields={['fileTypes', 'fileTypesOther', 'maxSizeKb', 'reusable']}
            title={t(a('requirement.upload'))}
          >
            <Choices
              ctx={ctx}
              form={form}
              name={`${p}fileTypes`}
              legend={t(a('requirement.fileTypes'))}
              type="checkbox"
              small
              inline
              options={COMMON_FILE_TYPES.map((type) => ({ value: type, label: fileTypesText([type]) }))}
            />
            {f.text('fileTypesOther', { hint: true, optional: true, spellcheck: false })}
            {f.text('maxSizeKb', { hint: true, numeric: 10 })}
            {f.tick('reusable', { hint: true })}
          </Section>
          <Section form={form} prefix={p} fields={['fieldType', 'choices', 'profileField']} title={t(a('requirement.data'))}>
            {f.select('fieldType', [none, ...options(t, '', DATA_FIELD_TYPES, (x) => ta(t, `fieldType.${x}`))])}
            {f.text('choices', { hint: true, optional: true, rows: 3 })}
            {f.select('profileField', [none, ...options(t, '', PROFILE_FIELDS, (x) => ta(t, `profileField.${x}`))], { hint: true })}
          </Section>
        </>
      )}
    />
  );
}

const unitOptions = (t: T) => options(t, '', DURATION_UNITS, (u) => ta(t, `unit.${u}`));

function ProcedureEditor({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  return (
    <Rows
      ctx={ctx}
      form={form}
      list="procedure"
      labels="step"
      fields={(f, p) => (
        <>
          <input type="hidden" name={`${p}key`} value={textOf(form.values, `${p}key`)} />
          {f.text('order', { hint: true, numeric: 10 })}
          {f.text('title')}
          {f.select('actor', options(t, 'actor', PROCEDURE_ACTORS))}
          {f.text('description', { optional: true, rows: 2 })}
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">{f.text('durationValue', { optional: true, numeric: 10 })}</div>
            <div class="govuk-grid-column-one-half">
              {f.select('durationUnit', [{ value: '', label: t(a('none')) }, ...unitOptions(t)])}
            </div>
          </div>
          {f.text('output', { optional: true })}
        </>
      )}
    />
  );
}

function FeeEditor({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  const f = fieldsOf(ctx, form, 'fee.', 'fee');
  return (
    <>
      <Choices
        ctx={ctx}
        form={form}
        name="fee.free"
        legend={t(a('fee.free'))}
        type="radio"
        options={[
          { value: 'true', label: t(a('fee.free.yes')) },
          { value: 'false', label: t(a('fee.free.no')) },
        ]}
      />
      <h2 class="govuk-heading-m">{t(a('fee.ifFree'))}</h2>
      {f.text('legalBasis', { hint: true, optional: true })}
      <h2 class="govuk-heading-m">{t(a('fee.ifPaid'))}</h2>
      <Rows
        ctx={ctx}
        form={form}
        list={listName('fee')}
        labels="fee.item"
        fields={(item) => (
          <>
            {item.text('name')}
            {item.text('amount', { hint: true, numeric: 20 })}
            {item.text('legalBasis', { hint: true })}
          </>
        )}
      />
      {f.text('notes', { optional: true, rows: 2 })}
    </>
  );
}

function ComponentFields({ ctx, form, component }: { ctx: PageContext; form: FormState; component: ComponentKey }) {
  const t = ctx.t;
  if (isProse(component)) {
    return (
      <Textarea ctx={ctx} state={form} name={component} label={t(a('editor.prose'))} hint={ta(t, `component.${component}.hint`)} rows={8} />
    );
  }
  const f = fieldsOf(ctx, form, `${component}.`, component);
  const rows = (list: string, labels: string, fields: (row: ReturnType<typeof fieldsOf>) => ComponentChildren) => (
    <Rows ctx={ctx} form={form} list={list} labels={labels} fields={fields} />
  );
  switch (component) {
    case 'requirements':
      return <RequirementsEditor ctx={ctx} form={form} />;
    case 'procedure':
      return <ProcedureEditor ctx={ctx} form={form} />;
    case 'fee':
      return <FeeEditor ctx={ctx} form={form} />;
    case 'complaints':
      return (
        <>
          {rows(listName('complaints'), 'complaints.channel', (channel) => (
            <>
              {channel.select('kind', [{ value: '', label: t(a('choose')) }, ...options(t, 'complaint', COMPLAINT_CHANNELS)])}
              {channel.text('contact', { hint: true })}
            </>
          ))}
          {f.text('responseDays', { hint: true, numeric: 10 })}
          {f.text('notes', { optional: true, rows: 2 })}
        </>
      );
    case 'products':
      return rows('products', 'product', (row) => (
        <>
          {row.text('name')}
          {row.text('description', { optional: true, rows: 2 })}
        </>
      ));
    case 'legalBasis':
      return rows('legalBasis', 'legal', (row) => (
        <>
          {row.text('title')}
          {row.text('number', { optional: true })}
          {row.text('year', { optional: true, numeric: 10 })}
        </>
      ));
    case 'timeLimit':
      return (
        <>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">{f.text('value', { numeric: 10 })}</div>
            <div class="govuk-grid-column-one-half">{f.select('unit', unitOptions(t))}</div>
          </div>
          {f.tick('pausesWhileWaiting', { hint: true })}
          {f.text('notes', { optional: true, rows: 2 })}
        </>
      );
    case 'staffCount':
      return (
        <>
          {f.text('count', { numeric: 10 })}
          {f.text('notes', { hint: true, optional: true, rows: 3 })}
        </>
      );
  }
}

/** How the summary names a row's input: "Requirement 2, name: This field is required." */
function summaryErrors(ctx: PageContext, component: ComponentKey, form: FormState): FieldError[] {
  const t = ctx.t;
  const spec = (LISTS as Record<string, { at: string; first: string }>)[component];
  if (!spec) return form.errors;
  const list = listName(component as keyof typeof LISTS);
  const rows = rowsOf(form.values, list);
  const legend = ta(t, `${component}.rowName`);
  return form.errors.map((e) => {
    const match = new RegExp(`^${list.replace('.', '\\.')}\\.(\\d+)\\.(\\w+)$`).exec(e.path);
    if (!match) return e;
    const n = rows.indexOf(Number(match[1])) + 1;
    return {
      ...e,
      key: a('error.inRow'),
      params: {
        row: `${legend} ${n > 0 ? n : Number(match[1]) + 1}`,
        field: ta(t, `input.${match[2]}`).toLowerCase(),
        message: t(e.key, e.params),
      },
    };
  });
}

export function ComponentEditorPage({
  ctx,
  form,
  version,
  component,
  conflict,
}: {
  ctx: PageContext;
  form: FormState;
  version: Pick<VersionView, 'id' | 'number' | 'serviceName'>;
  component: ComponentKey;
  /** Someone else saved the version since this form was read. */
  conflict: boolean;
}) {
  const t = ctx.t;
  const title = componentLabel(t, component);
  return (
    <Frame
      ctx={ctx}
      title={title}
      caption={`${version.serviceName} · ${t(a('version.number'), { number: version.number })}`}
      back={PATHS.version(version.id)}
      form={form}
      summary={summaryErrors(ctx, component, form)}
    >
      {conflict && (
        <div class="govuk-notification-banner" role="region" aria-labelledby="conflict-title">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="conflict-title">
              {t(a('conflict.title'))}
            </h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">{t(a('conflict.heading'))}</p>
            <p class="govuk-body">{t(a('conflict.body'))}</p>
            <p class="govuk-body">
              <a class="govuk-notification-banner__link" href={PATHS.version(version.id)}>
                {t(a('conflict.link'), { number: version.number })}
              </a>
            </p>
          </div>
        </div>
      )}
      {!isProse(component) && <p class="govuk-body">{ta(t, `component.${component}.hint`)}</p>}
      {component in LISTS && <p class="govuk-body">{t(a('editor.rows'))}</p>}
      <Form ctx={ctx} action={PATHS.component(version.id, component)}>
        {versionField(form)}
        <ComponentFields ctx={ctx} form={form} component={component} />
        <div class="govuk-button-group">
          <Button>{t(a('save'))}</Button>
          <a class="govuk-link" href={PATHS.version(version.id)}>
            {t(a('cancel'))}
          </a>
        </div>
      </Form>
    </Frame>
  );
}

// ---- lifecycle actions -----------------------------------------------------------------------------

export function ActionPage({
  ctx,
  form,
  version,
  action,
}: {
  ctx: PageContext;
  form: FormState;
  version: Pick<VersionView, 'id' | 'number' | 'serviceName' | 'status'>;
  action: ActionKey;
}) {
  const t = ctx.t;
  const title = ta(t, `action.${action}.title`, { number: version.number });
  const warning = action === 'publish' || (action === 'withdraw' && version.status === 'published');
  return (
    <Frame ctx={ctx} title={title} caption={version.serviceName} back={PATHS.version(version.id)} form={form}>
      <p class="govuk-body">{ta(t, `action.${action}.lead`)}</p>
      {warning && (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">{t(a('warning'))}</span>
            {ta(t, `action.${action}.warning`)}
          </strong>
        </div>
      )}
      <Form ctx={ctx} action={PATHS.action(version.id, action)} multipart={action === 'ratify'}>
        {versionField(form)}
        {action === 'return' && (
          <Textarea ctx={ctx} state={form} name="note" label={t(a('field.returnNote'))} hint={t(a('field.returnNote.hint'))} rows={4} />
        )}
        {action === 'consult' && (
          <DateInput ctx={ctx} form={form} name="closesAt" label={t(a('field.closesAt'))} hint={t(a('field.closesAt.hint'))} />
        )}
        {action === 'ratify' && (
          <>
            <TextInput
              ctx={ctx}
              state={form}
              name="decreeNumber"
              label={t(a('field.decreeNumber'))}
              hint={t(a('field.decreeNumber.hint'))}
              spellcheck={false}
            />
            <DateInput ctx={ctx} form={form} name="decreeDate" label={t(a('field.decreeDate'))} />
            <TextInput ctx={ctx} state={form} name="signatory" label={t(a('field.signatory'))} hint={t(a('field.signatory.hint'))} />
            <FileInput ctx={ctx} form={form} name="decreeFile" label={t(a('field.decreeFile'))} hint={t(a('field.decreeFile.hint'))} />
          </>
        )}
        {action === 'publish' && (
          <DateInput
            ctx={ctx}
            form={form}
            name="effectiveDate"
            label={t(a('field.effectiveDate'))}
            hint={t(a('field.effectiveDate.hint'))}
          />
        )}
        {action === 'withdraw' && <Textarea ctx={ctx} state={form} name="reason" label={t(a('field.withdrawReason'))} rows={4} />}
        {action === 'review' && (
          <Textarea
            ctx={ctx}
            state={form}
            name="note"
            label={t(a('field.reviewNote'))}
            hint={t(a('field.reviewNote.hint'))}
            rows={4}
            optional
          />
        )}
        {action === 'submit' && <Textarea ctx={ctx} state={form} name="note" label={t(a('field.submitNote'))} rows={3} optional />}
        <div class="govuk-button-group">
          <button type="submit" class={`govuk-button${action === 'withdraw' ? ' govuk-button--warning' : ''}`} data-module="govuk-button">
            {ta(t, `action.${action}.confirm`)}
          </button>
          <a class="govuk-link" href={PATHS.version(version.id)}>
            {t(a('cancel'))}
          </a>
        </div>
      </Form>
    </Frame>
  );
}

function FileInput(props: { ctx: PageContext; form: FormState; name: string; label: string; hint: string }) {
  return (
    <Labelled
      {...props}
      optional
      input={(attrs, error) => (
        <input
          class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
          name={props.name}
          type="file"
          accept="application/pdf"
          {...attrs}
        />
      )}
    />
  );
}

// ---- consultation comments -------------------------------------------------------------------------

export interface CommentView {
  id: string;
  authorName: string;
  component: string;
  body: string;
  status: 'pending' | 'approved' | 'rejected';
  response: string | null;
  createdAt: Date | string;
  moderatedAt: Date | string | null;
}

const COMMENT_COLOUR = { pending: 'yellow', approved: 'green', rejected: 'red' } as const;

export function CommentsPage({
  ctx,
  version,
  comments,
  form,
  commentId,
}: {
  ctx: PageContext;
  version: Pick<VersionView, 'id' | 'number' | 'serviceName' | 'status' | 'consultationClosesAt'>;
  comments: CommentView[];
  /** A refused moderation, shown again on its comment. */
  form?: FormState | undefined;
  commentId?: string | undefined;
}) {
  const t = ctx.t;
  const pending = comments.filter((x) => x.status === 'pending');
  const done = comments.filter((x) => x.status !== 'pending');
  const subject = (component: string) =>
    (COMPONENTS as readonly string[]).includes(component) ? componentLabel(t, component as ComponentKey) : t(a('comments.general'));
  const summary = form?.errors.map((e) => ({ ...e, path: e.path ? `${e.path}-${commentId ?? ''}` : '' }));
  return (
    <Frame
      ctx={ctx}
      title={t(a('comments.title'), { number: version.number })}
      caption={version.serviceName}
      back={PATHS.version(version.id)}
      form={form}
      summary={summary}
    >
      <p class="govuk-body">
        {version.consultationClosesAt
          ? t(a('comments.lead'), { date: dateText(ctx, version.consultationClosesAt) })
          : t(a('comments.leadClosed'))}
      </p>
      <h2 class="govuk-heading-m">{t(a('comments.pending'), { count: pending.length })}</h2>
      {pending.length === 0 && <p class="govuk-body">{t(a('comments.none'))}</p>}
      {pending.map((comment) => {
        const state = commentId === comment.id && form ? form : { values: {}, errors: [] };
        const name = `response-${comment.id}`;
        const own: FormState = {
          values: { [name]: textOf(state.values, 'response') },
          errors: state.errors.map((e) => ({ ...e, path: `${e.path}-${comment.id}` })),
        };
        return (
          <section class="sp-comment" aria-labelledby={`comment-${comment.id}`}>
            <h3 class="govuk-heading-s" id={`comment-${comment.id}`}>
              {t(a('comments.by'), { name: comment.authorName, date: momentText(ctx, comment.createdAt) })}
            </h3>
            <p class="govuk-body-s">{subject(comment.component)}</p>
            <blockquote class="govuk-inset-text sp-prose">{comment.body}</blockquote>
            <Form ctx={ctx} action={PATHS.comment(comment.id)}>
              <ResponseField ctx={ctx} form={own} name={name} />
              <div class="govuk-button-group">
                <button type="submit" name="decision" value="approve" class="govuk-button" data-module="govuk-button">
                  {t(a('comments.approve'))}
                  <span class="govuk-visually-hidden"> {t(a('comments.of'), { name: comment.authorName })}</span>
                </button>
                <button
                  type="submit"
                  name="decision"
                  value="reject"
                  class="govuk-button govuk-button--secondary"
                  data-module="govuk-button"
                >
                  {t(a('comments.reject'))}
                  <span class="govuk-visually-hidden"> {t(a('comments.of'), { name: comment.authorName })}</span>
                </button>
              </div>
            </Form>
          </section>
        );
      })}
      {done.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t(a('comments.done'), { count: done.length })}</h2>
          {done.map((comment) => (
            <section class="sp-comment" aria-labelledby={`comment-${comment.id}`}>
              <h3 class="govuk-heading-s" id={`comment-${comment.id}`}>
                {t(a('comments.by'), { name: comment.authorName, date: momentText(ctx, comment.createdAt) })}{' '}
                <strong class={`govuk-tag govuk-tag--${COMMENT_COLOUR[comment.status]}`}>
                  {ta(t, `comments.status.${comment.status}`)}
                </strong>
              </h3>
              <p class="govuk-body-s">{subject(comment.component)}</p>
              <blockquote class="govuk-inset-text sp-prose">{comment.body}</blockquote>
              {comment.response && (
                <p class="govuk-body">
                  <span class="govuk-!-font-weight-bold">{t(a('comments.response'))}:</span> {comment.response}
                </p>
              )}
            </section>
          ))}
        </>
      )}
    </Frame>
  );
}

/** The answer to one comment; its id carries the comment's, as every pending comment has one on the page. */
function ResponseField({ ctx, form, name }: { ctx: PageContext; form: FormState; name: string }) {
  return (
    <Labelled
      ctx={ctx}
      form={form}
      name={name}
      label={ctx.t(a('comments.response'))}
      hint={ctx.t(a('comments.response.hint'))}
      input={(attrs, error) => (
        <textarea class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} name="response" rows={3} {...attrs}>
          {textOf(form.values, name)}
        </textarea>
      )}
    />
  );
}

// ---- comparison and history -----------------------------------------------------------------------

/** An item of a list component by how the comparison matched it: a requirement's or step's key names it by its name. */
function itemLabel(component: ComponentKey, match: string, from: DraftContent, to: DraftContent): string {
  if (component !== 'requirements' && component !== 'procedure') return match;
  const named = [...(to[component] ?? []), ...(from[component] ?? [])].find((item) => item.key === match);
  return named ? ('name' in named ? named.name : named.title) : match;
}

export function DiffPage({
  ctx,
  service,
  from,
  to,
  changes,
}: {
  ctx: PageContext;
  service: { id: string; name: string };
  from: VersionView;
  to: VersionView;
  changes: ComponentDiff[];
}) {
  const t = ctx.t;
  const title = t(a('compare.heading'), { from: from.number, to: to.number });
  const changed = changes.filter((change) => change.change !== 'unchanged');
  const changeTag = (kind: ComponentDiff['change']) => (
    <strong class={`govuk-tag govuk-tag--${kind === 'added' ? 'green' : kind === 'removed' ? 'red' : 'blue'}`}>
      {ta(t, `change.${kind}`)}
    </strong>
  );
  return (
    <Frame ctx={ctx} title={title} caption={service.name} back={PATHS.service(service.id)} wide>
      <p class="govuk-body">
        {t(a('compare.lead'), {
          from: from.number,
          to: to.number,
          fromStatus: statusLabel(t, from.status),
          toStatus: statusLabel(t, to.status),
        })}
      </p>
      {changed.length === 0 ? (
        <p class="govuk-body">{t(a('compare.none'))}</p>
      ) : (
        <>
          <p class="govuk-body">{t(a('compare.count'), { count: changed.length })}</p>
          {changed.map((change) => (
            <section class="govuk-!-margin-bottom-8" aria-labelledby={`diff-${change.component}`}>
              <h2 class="govuk-heading-m" id={`diff-${change.component}`}>
                {componentLabel(t, change.component)} {changeTag(change.change)}
              </h2>
              {((change.items?.length ?? 0) > 0 || change.reordered) && (
                <ul class="govuk-list govuk-list--bullet">
                  {(change.items ?? []).map((item) => (
                    <li>
                      <span class="govuk-!-font-weight-bold">{itemLabel(change.component, item.match, from.content, to.content)}</span>:{' '}
                      {ta(t, `change.${item.change}`).toLowerCase()}
                      {item.fields &&
                        item.fields.length > 0 &&
                        ` (${item.fields.map((f) => ta(t, `input.${f}`).toLowerCase()).join(', ')})`}
                    </li>
                  ))}
                  {change.reordered && <li>{t(a('change.reordered'))}</li>}
                </ul>
              )}
              <div class="govuk-grid-row">
                {[from, to].map((side) => (
                  <div class="govuk-grid-column-one-half">
                    <h3 class="govuk-heading-s">{t(a('version.number'), { number: side.number })}</h3>
                    <div class="govuk-body">
                      {side.content[change.component] === undefined ? (
                        t(a('check.missing'))
                      ) : (
                        <ComponentValue ctx={ctx} component={change.component} content={side.content} />
                      )}
                    </div>
                  </div>
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </Frame>
  );
}

export interface HistoryEntry {
  versionNumber: number;
  action: string;
  actorName: string | null;
  note: string | null;
  occurredAt: Date | string;
}

export function HistoryPage({
  ctx,
  service,
  entries,
}: {
  ctx: PageContext;
  service: { id: string; name: string };
  entries: HistoryEntry[];
}) {
  const t = ctx.t;
  return (
    <Frame ctx={ctx} title={t(a('history.title'))} caption={service.name} back={PATHS.service(service.id)} wide>
      {entries.length === 0 ? (
        <p class="govuk-body">{t(a('history.none'))}</p>
      ) : (
        <Table
          caption={t(a('history.title'))}
          heads={['history.when', 'versions.version', 'history.what', 'history.who', 'history.note'].map((key) => ta(t, key))}
        >
          {entries.map((e) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{momentText(ctx, e.occurredAt)}</td>
              <td class="govuk-table__cell">{t(a('version.number'), { number: e.versionNumber })}</td>
              <td class="govuk-table__cell">{historyAction(t, e.action)}</td>
              <td class="govuk-table__cell">{e.actorName ?? t(a('history.system'))}</td>
              <td class="govuk-table__cell">{e.note ?? ''}</td>
            </tr>
          ))}
        </Table>
      )}
    </Frame>
  );
}

/** An event's name in words; an action this page does not know yet is shown as recorded. */
function historyAction(t: T, action: string): string {
  const key = a(`event.${action}` as AdminKey);
  const text = t(key);
  return text === key ? action : text;
}
