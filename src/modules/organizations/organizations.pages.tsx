import type { ComponentChildren } from 'preact';
import type { FormState } from '../../platform/http/types.js';
import { formatDate, formatNumber, ZONE_ABBREVIATION } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, fieldId, Form, Select, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { exceptionRows, WEEKDAYS, type StoredHours } from './organizations.admin.hours.js';
import type { BoothRow, CounterRow, MallRow } from './organizations.repository.js';
import { AGENCY_KINDS } from './organizations.tables.js';

const m = (key: string) => `organizations.${key}`;

/** Where each admin screen lives; the key also names its texts (`page.<key>.*`). */
export const ADMIN_PATHS = {
  agencies: '/admin/organisasi/instansi',
  orgUnits: '/admin/organisasi/unit-organisasi',
  serviceUnits: '/admin/organisasi/unit-layanan',
  malls: '/admin/organisasi/mpp',
  booths: '/admin/organisasi/gerai',
  counters: '/admin/organisasi/loket',
} as const;
export type ScreenKey = keyof typeof ADMIN_PATHS;

export const mallPath = (mallId: string) => `${ADMIN_PATHS.malls}/${mallId}`;

export interface Column<R> {
  labelKey: string;
  cell: (row: R, t: PageContext['t']) => ComponentChildren;
}

export interface Choice {
  value: string;
  label: string;
}

/** The version the form was read at; only a scalar is echoed back. */
function versionOf(form: FormState): string {
  const v = form.values.version;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function errorTitle(ctx: PageContext, form: FormState | undefined, title: string) {
  return form && form.errors.length ? `${ctx.t('platform.form.error')}: ${title}` : title;
}

function StatusTag({ ctx, active }: { ctx: PageContext; active: boolean }) {
  return (
    <strong class={`govuk-tag${active ? ' govuk-tag--green' : ' govuk-tag--grey'}`}>
      {ctx.t(m(active ? 'status.active' : 'status.inactive'))}
    </strong>
  );
}

/** Links separated by a middle dot, each naming its row for screen readers. */
function ActionLinks({ links, name }: { links: { href: string; label: string }[]; name: string }) {
  return (
    <>
      {links.map((l, i) => (
        <>
          {i > 0 && ' · '}
          <a class="govuk-link" href={l.href}>
            {l.label}
            <span class="govuk-visually-hidden"> {name}</span>
          </a>
        </>
      ))}
    </>
  );
}

/** A table's column headings; an empty label is the visually hidden "Actions" column. */
function Head({ ctx, labels }: { ctx: PageContext; labels: string[] }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {labels.map((label) => (
          <th scope="col" class="govuk-table__header">
            {label || <span class="govuk-visually-hidden">{ctx.t(m('list.actions'))}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}

// ---- lists --------------------------------------------------------------------------------------

interface ListRow {
  id: string;
  name: string;
  code: string;
  active: boolean;
}

export function ListPage<R extends ListRow>(props: {
  ctx: PageContext;
  screen: ScreenKey;
  rows: R[];
  total: number;
  page: number;
  pageSize: number;
  /** What the search form sent (q, active and the filters), echoed into the form and the paging links. */
  query: Record<string, string | undefined>;
  filters?: { name: string; label: string; options: Choice[] }[];
  columns: Column<R>[];
  /** The "add" button; left out when the staff member may not add here. */
  newHref?: string | undefined;
  nameHref?: (row: R) => string;
  links?: (row: R) => { href: string; label: string }[];
}) {
  const { ctx, screen, rows, total, page, pageSize, query, filters = [], columns, newHref, nameHref, links } = props;
  const t = ctx.t;
  const base = ADMIN_PATHS[screen];
  const title = t(m(`page.${screen}.title`));
  const search: FormState = { values: { ...query }, errors: [] };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
    params.set('page', String(p));
    return `${base}?${params.toString()}`;
  };
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{t(m(`page.${screen}.lead`))}</p>
      {newHref && (
        <a class="govuk-button" href={newHref} role="button" draggable={false}>
          {t(m(`page.${screen}.new`))}
        </a>
      )}
      <form method="get" action={base} role="search" aria-label={t(m('list.search'))}>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <TextInput ctx={ctx} state={search} name="q" label={t(m('list.q'))} hint={t(m(`page.${screen}.searchHint`))} />
          </div>
          {filters.map((f) => (
            <div class="govuk-grid-column-one-quarter">
              <Select
                ctx={ctx}
                state={search}
                name={f.name}
                label={f.label}
                options={[{ value: '', label: t(m('list.any')) }, ...f.options]}
              />
            </div>
          ))}
          <div class="govuk-grid-column-one-quarter">
            <Select
              ctx={ctx}
              state={search}
              name="active"
              label={t(m('list.status'))}
              options={[
                { value: 'true', label: t(m('status.active')) },
                { value: 'false', label: t(m('status.inactive')) },
                { value: 'all', label: t(m('list.any')) },
              ]}
            />
          </div>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t(m('list.submit'))}
        </button>
      </form>
      <p class="govuk-body" role="status">
        {t(m('list.count'), { count: formatNumber(total, ctx.locale) })}
      </p>
      {rows.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <Head
            ctx={ctx}
            labels={[t(m('field.code')), t(m('field.name')), ...columns.map((c) => t(c.labelKey)), t(m('list.status')), '']}
          />
          <tbody class="govuk-table__body">
            {rows.map((row) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{row.code}</td>
                <td class="govuk-table__cell">
                  {nameHref ? (
                    <a class="govuk-link" href={nameHref(row)}>
                      {row.name}
                    </a>
                  ) : (
                    row.name
                  )}
                </td>
                {columns.map((c) => (
                  <td class="govuk-table__cell">{c.cell(row, t)}</td>
                ))}
                <td class="govuk-table__cell">
                  <StatusTag ctx={ctx} active={row.active} />
                </td>
                <td class="govuk-table__cell">
                  <ActionLinks
                    name={row.name}
                    links={[
                      ...(links ? links(row) : []),
                      { href: `${base}/${row.id}/ubah`, label: t(m('list.edit')) },
                      ...(row.active ? [{ href: `${base}/${row.id}/nonaktifkan`, label: t(m('list.deactivate')) }] : []),
                    ]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav class="govuk-pagination" aria-label={t(m('list.pages'))}>
          {page > 1 && (
            <div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href={link(page - 1)} rel="prev">
                <span class="govuk-pagination__link-title">{t(m('list.previous'))}</span>
              </a>
            </div>
          )}
          {page < pages && (
            <div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href={link(page + 1)} rel="next">
                <span class="govuk-pagination__link-title">{t(m('list.next'))}</span>
              </a>
            </div>
          )}
        </nav>
      )}
    </Layout>
  );
}

export const agencyKindChoices = (t: PageContext['t']): Choice[] => AGENCY_KINDS.map((k) => ({ value: k, label: t(m(`kind.${k}`)) }));

// ---- form frames --------------------------------------------------------------------------------

/** The frame of every admin form page: back link, error summary, caption and heading. */
function FormPageFrame({
  ctx,
  form,
  back,
  title,
  caption,
  children,
}: {
  ctx: PageContext;
  form: FormState;
  back: string;
  title: string;
  caption?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={errorTitle(ctx, form, title)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <a class="govuk-back-link" href={back}>
            {ctx.t(m('back'))}
          </a>
          <ErrorSummary ctx={ctx} state={form} />
          {caption && <span class="govuk-caption-l">{caption}</span>}
          <h1 class="govuk-heading-l">{title}</h1>
          {children}
        </div>
      </div>
    </Layout>
  );
}

interface EditFormProps {
  ctx: PageContext;
  form: FormState;
  /** Absent for a new record; an edit posts to the record and carries its version. */
  id?: string | undefined;
}

/**
 * Create and edit of every screen share one frame: back link, error summary, heading, and the name and
 * code fields. `parent` comes before them (the agency, or the unit a booth belongs to), the rest after.
 */
function EditFormFrame({
  ctx,
  form,
  id,
  action,
  back,
  title,
  caption,
  parent,
  children,
}: EditFormProps & {
  action: string;
  back: string;
  title: string;
  caption?: string | undefined;
  parent?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const t = ctx.t;
  return (
    <FormPageFrame ctx={ctx} form={form} back={back} title={title} caption={caption}>
      <Form ctx={ctx} action={action}>
        {id && <input type="hidden" name="version" value={versionOf(form)} />}
        {parent}
        <TextInput ctx={ctx} state={form} name="name" label={t(m('field.name'))} />
        <TextInput
          ctx={ctx}
          state={form}
          name="code"
          label={t(m('field.code'))}
          hint={t(m('field.code.hint'))}
          width={20}
          spellcheck={false}
        />
        {children}
        <Button>{t(m('save'))}</Button>
      </Form>
    </FormPageFrame>
  );
}

/** The record a form hangs under and cannot change, shown as a fact instead of a field. */
function Fixed({ label, value }: { label: string; value: string }) {
  return (
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
        <dt class="govuk-summary-list__key">{label}</dt>
        <dd class="govuk-summary-list__value">{value}</dd>
      </div>
    </dl>
  );
}

const formTitle = (t: PageContext['t'], screen: ScreenKey, id: string | undefined) => t(m(`page.${screen}.${id ? 'edit' : 'new'}`));

export function AgencyFormPage({ ctx, form, id }: EditFormProps) {
  const t = ctx.t;
  const base = ADMIN_PATHS.agencies;
  return (
    <EditFormFrame ctx={ctx} form={form} id={id} action={id ? `${base}/${id}` : base} back={base} title={formTitle(t, 'agencies', id)}>
      <Select ctx={ctx} state={form} name="kind" label={t(m('field.kind'))} options={agencyKindChoices(t)} />
      <TextInput
        ctx={ctx}
        state={form}
        name="regionCode"
        label={t(m('field.regionCode'))}
        hint={t(m('field.regionCode.hint'))}
        width={10}
        spellcheck={false}
        optional
      />
    </EditFormFrame>
  );
}

export function MallFormPage({ ctx, form, id }: EditFormProps) {
  const t = ctx.t;
  const base = ADMIN_PATHS.malls;
  return (
    <EditFormFrame
      ctx={ctx}
      form={form}
      id={id}
      action={id ? `${base}/${id}` : base}
      back={id ? mallPath(id) : base}
      title={formTitle(t, 'malls', id)}
    >
      <TextInput
        ctx={ctx}
        state={form}
        name="regionCode"
        label={t(m('field.mallRegion'))}
        hint={t(m('field.mallRegion.hint'))}
        width={10}
        spellcheck={false}
      />
      <TextInput ctx={ctx} state={form} name="address" label={t(m('field.address'))} autocomplete="street-address" />
      <p class="govuk-body">{t(m('page.malls.hoursNote'))}</p>
    </EditFormFrame>
  );
}

/** A new unit picks its agency among those the staff member manages; an edit shows it, as it cannot move. */
function AgencyField({
  ctx,
  form,
  agencies,
  agencyName,
}: {
  ctx: PageContext;
  form: FormState;
  agencies: Choice[];
  agencyName: string | undefined;
}) {
  const t = ctx.t;
  return agencyName !== undefined ? (
    <Fixed label={t(m('field.agency'))} value={agencyName} />
  ) : (
    <Select
      ctx={ctx}
      state={form}
      name="agencyId"
      label={t(m('field.agency'))}
      options={[{ value: '', label: t(m('choose')) }, ...agencies]}
    />
  );
}

export interface UnitFormProps extends EditFormProps {
  /** For a new unit: the agencies to choose from. */
  agencies: Choice[];
  /** For an edit: the unit's agency. */
  agencyName?: string;
  /** Active organizational units of the agency (or of every agency offered) to hang the unit under. */
  parents: Choice[];
  /** The list to return to, filtered by the agency when there is one. */
  back: string;
}

/**
 * Organizational and service units share one form: the agency, the organizational unit they hang under,
 * then name and code; a service unit adds where it is.
 */
export function UnitFormPage({
  ctx,
  form,
  id,
  screen,
  agencies,
  agencyName,
  parents,
  back,
}: UnitFormProps & { screen: 'orgUnits' | 'serviceUnits' }) {
  const t = ctx.t;
  const base = ADMIN_PATHS[screen];
  const isServiceUnit = screen === 'serviceUnits';
  const parent = isServiceUnit ? { name: 'orgUnitId', key: 'field.orgUnit' } : { name: 'parentId', key: 'field.parentOrgUnit' };
  return (
    <EditFormFrame
      ctx={ctx}
      form={form}
      id={id}
      action={id ? `${base}/${id}` : base}
      back={back}
      title={formTitle(t, screen, id)}
      parent={<AgencyField ctx={ctx} form={form} agencies={agencies} agencyName={agencyName} />}
    >
      <Select
        ctx={ctx}
        state={form}
        name={parent.name}
        label={`${t(m(parent.key))} ${t('platform.form.optional')}`}
        hint={t(m(`${parent.key}.hint`))}
        options={[{ value: '', label: t(m('none')) }, ...parents]}
      />
      {isServiceUnit && (
        <>
          <TextInput
            ctx={ctx}
            state={form}
            name="regionCode"
            label={t(m('field.unitRegion'))}
            hint={t(m('field.unitRegion.hint'))}
            width={20}
            spellcheck={false}
          />
          <TextInput ctx={ctx} state={form} name="address" label={t(m('field.address'))} autocomplete="street-address" optional />
        </>
      )}
    </EditFormFrame>
  );
}

export function BoothFormPage({
  ctx,
  form,
  id,
  mall,
  units,
  unitName,
}: EditFormProps & { mall: Pick<MallRow, 'id' | 'name'>; units: Choice[]; unitName?: string }) {
  const t = ctx.t;
  return (
    <EditFormFrame
      ctx={ctx}
      form={form}
      id={id}
      action={id ? `${ADMIN_PATHS.booths}/${id}` : `${mallPath(mall.id)}/gerai`}
      back={mallPath(mall.id)}
      title={formTitle(t, 'booths', id)}
      caption={mall.name}
      parent={
        unitName !== undefined ? (
          <Fixed label={t(m('field.serviceUnit'))} value={unitName} />
        ) : (
          <Select
            ctx={ctx}
            state={form}
            name="serviceUnitId"
            label={t(m('field.serviceUnit'))}
            hint={t(m('field.serviceUnit.hint'))}
            options={[{ value: '', label: t(m('choose')) }, ...units]}
          />
        )
      }
    />
  );
}

export function CounterFormPage({ ctx, form, id, booth }: EditFormProps & { booth: Pick<BoothRow, 'id' | 'name' | 'mallId'> }) {
  const t = ctx.t;
  return (
    <EditFormFrame
      ctx={ctx}
      form={form}
      id={id}
      action={id ? `${ADMIN_PATHS.counters}/${id}` : `${ADMIN_PATHS.booths}/${booth.id}/loket`}
      back={mallPath(booth.mallId)}
      title={formTitle(t, 'counters', id)}
      caption={booth.name}
    />
  );
}

export function DeactivatePage({
  ctx,
  form,
  action,
  back,
  name,
  note,
}: {
  ctx: PageContext;
  form: FormState;
  action: string;
  back: string;
  name: string;
  /** What else deactivating takes with it, when anything. */
  note?: string | undefined;
}) {
  const t = ctx.t;
  const title = t(m('deactivate.title'), { name });
  return (
    <FormPageFrame ctx={ctx} form={form} back={back} title={title}>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{t(m('deactivate.warning'))}</span>
          {t(m('deactivate.body'))}
        </strong>
      </div>
      {note && <p class="govuk-body">{note}</p>}
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="version" value={versionOf(form)} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
            {t(m('deactivate.confirm'))}
          </button>
          <a class="govuk-link" href={back}>
            {t(m('cancel'))}
          </a>
        </div>
      </Form>
    </FormPageFrame>
  );
}

// ---- a mall: its hours, booths and counters -----------------------------------------------------

const hhmm = (time: string | null) => (time ?? '').slice(0, 5);
const span = (opensAt: string | null, closesAt: string | null) => `${hhmm(opensAt)}–${hhmm(closesAt)}`;
/** A calendar date as the mall's people read it; noon UTC is the same date in every Indonesian zone. */
const calendarDate = (date: string, ctx: PageContext) => formatDate(new Date(`${date}T12:00:00Z`), ctx.locale);

export interface BoothView extends BoothRow {
  unitName: string;
  agencyName: string;
  counters: CounterRow[];
}

export function MallPage({ ctx, mall, hours, booths }: { ctx: PageContext; mall: MallRow; hours: StoredHours; booths: BoothView[] }) {
  const t = ctx.t;
  const zone = ZONE_ABBREVIATION[mall.timeZone];
  const path = mallPath(mall.id);
  const fact = (label: string, value: ComponentChildren) => (
    <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <Layout ctx={ctx} title={mall.name}>
      <a class="govuk-back-link" href={ADMIN_PATHS.malls}>
        {t(m('back'))}
      </a>
      <span class="govuk-caption-l">{t(m('page.malls.title'))}</span>
      <h1 class="govuk-heading-l">{mall.name}</h1>
      <dl class="govuk-summary-list">
        {fact(t(m('field.code')), mall.code)}
        {fact(t(m('field.mallRegion')), mall.regionCode)}
        {fact(t(m('field.address')), mall.address)}
        {fact(t(m('field.timeZone')), zone)}
        {fact(t(m('list.status')), <StatusTag ctx={ctx} active={mall.active} />)}
      </dl>
      <p class="govuk-body">
        <ActionLinks
          name={mall.name}
          links={[
            { href: `${path}/ubah`, label: t(m('page.mall.edit')) },
            ...(mall.active ? [{ href: `${path}/nonaktifkan`, label: t(m('list.deactivate')) }] : []),
          ]}
        />
      </p>

      <h2 class="govuk-heading-m">{t(m('page.hours.title'))}</h2>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">{t(m('page.hours.weekly'), { zone })}</caption>
        <tbody class="govuk-table__body">
          {WEEKDAYS.map((d) => {
            const day = hours.weekly.find((w) => w.weekday === d);
            return (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {t(m(`weekday.${d}`))}
                </th>
                <td class="govuk-table__cell">{day ? span(day.opensAt, day.closesAt) : t(m('hours.closed'))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hours.exceptions.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{t(m('page.hours.exceptions'))}</caption>
          <Head ctx={ctx} labels={[t(m('field.date')), t(m('page.hours.title')), t(m('field.reason'))]} />
          <tbody class="govuk-table__body">
            {hours.exceptions.map((e) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{calendarDate(e.date, ctx)}</td>
                <td class="govuk-table__cell">{e.opensAt ? span(e.opensAt, e.closesAt) : t(m('hours.closed'))}</td>
                <td class="govuk-table__cell">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <a class="govuk-button govuk-button--secondary" href={`${path}/jam-layanan`} role="button" draggable={false}>
        {t(m('page.hours.change'))}
      </a>

      <h2 class="govuk-heading-m">{t(m('page.booths.title'))}</h2>
      {mall.active && (
        <a class="govuk-button" href={`${path}/gerai/baru`} role="button" draggable={false}>
          {t(m('page.booths.new'))}
        </a>
      )}
      {booths.length === 0 && <p class="govuk-body">{t(m('page.booths.none'))}</p>}
      {booths.map((booth) => (
        <section class="govuk-!-margin-bottom-8" aria-labelledby={`booth-${booth.id}`}>
          <h3 class="govuk-heading-s" id={`booth-${booth.id}`}>
            {booth.code} · {booth.name} <StatusTag ctx={ctx} active={booth.active} />
          </h3>
          <p class="govuk-body-s">{t(m('page.booths.unit'), { unit: booth.unitName, agency: booth.agencyName })}</p>
          <p class="govuk-body">
            <ActionLinks
              name={booth.name}
              links={[
                { href: `${ADMIN_PATHS.booths}/${booth.id}/ubah`, label: t(m('page.booths.edit')) },
                ...(booth.active
                  ? [
                      { href: `${ADMIN_PATHS.booths}/${booth.id}/nonaktifkan`, label: t(m('page.booths.deactivate')) },
                      { href: `${ADMIN_PATHS.booths}/${booth.id}/loket/baru`, label: t(m('page.counters.new')) },
                    ]
                  : []),
              ]}
            />
          </p>
          {booth.counters.length === 0 ? (
            <p class="govuk-body-s">{t(m('page.counters.none'))}</p>
          ) : (
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-visually-hidden">{t(m('page.counters.of'), { booth: booth.name })}</caption>
              <Head ctx={ctx} labels={[t(m('page.counters.title')), t(m('field.name')), t(m('list.status')), '']} />
              <tbody class="govuk-table__body">
                {booth.counters.map((c) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{c.code}</td>
                    <td class="govuk-table__cell">{c.name}</td>
                    <td class="govuk-table__cell">
                      <StatusTag ctx={ctx} active={c.active} />
                    </td>
                    <td class="govuk-table__cell">
                      <ActionLinks
                        name={c.name}
                        links={[
                          { href: `${ADMIN_PATHS.counters}/${c.id}/ubah`, label: t(m('list.edit')) },
                          ...(c.active ? [{ href: `${ADMIN_PATHS.counters}/${c.id}/nonaktifkan`, label: t(m('list.deactivate')) }] : []),
                        ]}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </Layout>
  );
}

// ---- the opening-hours editor -------------------------------------------------------------------

function errorFor(ctx: PageContext, form: FormState, name: string): string | undefined {
  const e = form.errors.find((x) => x.path === name);
  return e ? ctx.t(e.key, e.params) : undefined;
}

const textOf = (form: FormState, name: string) => {
  const v = form.values[name];
  return typeof v === 'string' ? v : '';
};

/** One row of the editor (a weekday or an exception): a fieldset whose errors stand under its legend. */
function HoursRow({
  ctx,
  form,
  legend,
  names,
  children,
}: {
  ctx: PageContext;
  form: FormState;
  legend: string;
  names: string[];
  children: ComponentChildren;
}) {
  const errors = names.flatMap((name) => {
    const message = errorFor(ctx, form, name);
    return message ? [{ name, message }] : [];
  });
  return (
    <div class={`govuk-form-group${errors.length ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" role="group">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {errors.map((e) => (
          <p class="govuk-error-message" id={`${fieldId(e.name)}-error`}>
            <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {e.message}
          </p>
        ))}
        {children}
      </fieldset>
    </div>
  );
}

/** A labelled input inside a row, laid out inline like the parts of a GOV.UK date input. */
function RowInput({
  ctx,
  form,
  name,
  label,
  type,
  width,
}: {
  ctx: PageContext;
  form: FormState;
  name: string;
  label: string;
  type: 'time' | 'date' | 'text';
  width: 10 | 20;
}) {
  const id = fieldId(name);
  const error = errorFor(ctx, form, name);
  return (
    <div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for={id}>
          {label}
        </label>
        <input
          class={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
          id={id}
          name={name}
          // Preact's input typing is a union keyed on `type`; a variable type needs narrowing to one member.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          type={type as 'text'}
          value={textOf(form, name)}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
    </div>
  );
}

function Tick({ form, name, label }: { form: FormState; name: string; label: string }) {
  return (
    <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
      <div class="govuk-checkboxes__item">
        <input
          class="govuk-checkboxes__input"
          id={fieldId(name)}
          name={name}
          type="checkbox"
          value="on"
          checked={form.values[name] !== undefined}
        />
        <label class="govuk-label govuk-checkboxes__label" for={fieldId(name)}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function HoursPage({ ctx, form, mall }: { ctx: PageContext; form: FormState; mall: Pick<MallRow, 'id' | 'name' | 'timeZone'> }) {
  const t = ctx.t;
  const path = mallPath(mall.id);
  const rows = exceptionRows(form.values);
  return (
    <FormPageFrame ctx={ctx} form={form} back={path} title={t(m('page.hours.title'))} caption={mall.name}>
      <p class="govuk-body">{t(m('page.hours.lead'), { zone: ZONE_ABBREVIATION[mall.timeZone] })}</p>
      <Form ctx={ctx} action={`${path}/jam-layanan`}>
        <input type="hidden" name="version" value={versionOf(form)} />
        <h2 class="govuk-heading-m">{t(m('page.hours.weekly'), { zone: ZONE_ABBREVIATION[mall.timeZone] })}</h2>
        {WEEKDAYS.map((d) => {
          const p = `w${d}`;
          return (
            <HoursRow ctx={ctx} form={form} legend={t(m(`weekday.${d}`))} names={[`${p}_open`, `${p}_opens`, `${p}_closes`]}>
              <Tick form={form} name={`${p}_open`} label={t(m('hours.open'))} />
              <div class="govuk-date-input">
                <RowInput ctx={ctx} form={form} name={`${p}_opens`} label={t(m('hours.opens'))} type="time" width={10} />
                <RowInput ctx={ctx} form={form} name={`${p}_closes`} label={t(m('hours.closes'))} type="time" width={10} />
              </div>
            </HoursRow>
          );
        })}
        <h2 class="govuk-heading-m">{t(m('page.hours.exceptions'))}</h2>
        <p class="govuk-body">{t(m('page.hours.exceptionsLead'))}</p>
        {rows.map((i, n) => {
          const p = `x${i}`;
          const saved = textOf(form, `${p}_date`) !== '';
          return (
            <HoursRow
              ctx={ctx}
              form={form}
              legend={t(m('hours.exception'), { n: n + 1 })}
              names={[`${p}_date`, `${p}_opens`, `${p}_closes`, `${p}_reason`]}
            >
              <div class="govuk-date-input">
                <RowInput ctx={ctx} form={form} name={`${p}_date`} label={t(m('field.date'))} type="date" width={10} />
                <RowInput ctx={ctx} form={form} name={`${p}_opens`} label={t(m('hours.opens'))} type="time" width={10} />
                <RowInput ctx={ctx} form={form} name={`${p}_closes`} label={t(m('hours.closes'))} type="time" width={10} />
                <RowInput ctx={ctx} form={form} name={`${p}_reason`} label={t(m('field.reason'))} type="text" width={20} />
              </div>
              <Tick form={form} name={`${p}_closed`} label={t(m('hours.closedAllDay'))} />
              {saved && <Tick form={form} name={`${p}_remove`} label={t(m('hours.remove'))} />}
            </HoursRow>
          );
        })}
        <Button>{t(m('page.hours.save'))}</Button>
      </Form>
    </FormPageFrame>
  );
}
