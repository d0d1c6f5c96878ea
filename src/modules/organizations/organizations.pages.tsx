import type { ComponentChildren } from 'preact';
import type { FormState } from '../../platform/http/types.js';
import { formatNumber } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, Form, Select, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { AGENCY_KINDS } from './organizations.tables.js';

const m = (key: string) => `organizations.${key}`;

export interface Column<R> {
  labelKey: string;
  cell: (row: R, t: PageContext['t']) => string;
}

/** What the agency and mall admin screens share; each passes its own texts, columns and fields. */
export interface Screen {
  /** `instansi` or `mpp`: the path segment and the catalog prefix (`page.instansi.*`). */
  slug: 'instansi' | 'mpp';
}

/** The version the form was read at; only a scalar is echoed back. */
function versionOf(form: FormState): string {
  const v = form.values.version;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

const base = (s: Screen) => `/admin/organisasi/${s.slug}`;

function errorTitle(ctx: PageContext, form: FormState | undefined, title: string) {
  return form && form.errors.length ? `${ctx.t('platform.form.error')}: ${title}` : title;
}

export function ListPage<R extends { id: string; name: string; code: string; active: boolean }>(props: {
  ctx: PageContext;
  screen: Screen;
  rows: R[];
  total: number;
  page: number;
  pageSize: number;
  query: { q?: string | undefined; active: string; kind?: string | undefined };
  columns: Column<R>[];
}) {
  const { ctx, screen, rows, total, page, pageSize, query, columns } = props;
  const t = ctx.t;
  const title = t(m(`page.${screen.slug}.title`));
  const search: FormState = { values: { q: query.q ?? '', active: query.active, kind: query.kind ?? '' }, errors: [] };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams({
      ...(query.q ? { q: query.q } : {}),
      active: query.active,
      ...(query.kind ? { kind: query.kind } : {}),
      page: String(p),
    });
    return `${base(screen)}?${params.toString()}`;
  };
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{t(m(`page.${screen.slug}.lead`))}</p>
      <a class="govuk-button" href={`${base(screen)}/baru`} role="button" draggable={false}>
        {t(m(`page.${screen.slug}.new`))}
      </a>
      <form method="get" action={base(screen)} role="search" aria-label={t(m('list.search'))}>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <TextInput ctx={ctx} state={search} name="q" label={t(m('list.q'))} hint={t(m('list.q.hint'))} />
          </div>
          {screen.slug === 'instansi' && (
            <div class="govuk-grid-column-one-quarter">
              <Select
                ctx={ctx}
                state={search}
                name="kind"
                label={t(m('field.kind'))}
                options={[{ value: '', label: t(m('list.any')) }, ...AGENCY_KINDS.map((k) => ({ value: k, label: t(m(`kind.${k}`)) }))]}
              />
            </div>
          )}
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
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {t(m('field.code'))}
              </th>
              <th scope="col" class="govuk-table__header">
                {t(m('field.name'))}
              </th>
              {columns.map((c) => (
                <th scope="col" class="govuk-table__header">
                  {t(c.labelKey)}
                </th>
              ))}
              <th scope="col" class="govuk-table__header">
                {t(m('list.status'))}
              </th>
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">{t(m('list.actions'))}</span>
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {rows.map((row) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{row.code}</td>
                <td class="govuk-table__cell">{row.name}</td>
                {columns.map((c) => (
                  <td class="govuk-table__cell">{c.cell(row, t)}</td>
                ))}
                <td class="govuk-table__cell">{t(m(row.active ? 'status.active' : 'status.inactive'))}</td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`${base(screen)}/${row.id}/ubah`}>
                    {t(m('list.edit'))}
                    <span class="govuk-visually-hidden"> {row.name}</span>
                  </a>
                  {row.active && (
                    <>
                      {' · '}
                      <a class="govuk-link" href={`${base(screen)}/${row.id}/nonaktifkan`}>
                        {t(m('list.deactivate'))}
                        <span class="govuk-visually-hidden"> {row.name}</span>
                      </a>
                    </>
                  )}
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

/** The frame of every admin form page: back link to the list, error summary, heading. */
function FormPageFrame({
  ctx,
  form,
  screen,
  title,
  children,
}: {
  ctx: PageContext;
  form: FormState;
  screen: Screen;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={errorTitle(ctx, form, title)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <a class="govuk-back-link" href={base(screen)}>
            {ctx.t(m('back'))}
          </a>
          <ErrorSummary ctx={ctx} state={form} />
          <h1 class="govuk-heading-l">{title}</h1>
          {children}
        </div>
      </div>
    </Layout>
  );
}

/**
 * Create and edit of every screen share one frame: back link, error summary, heading, and the name and
 * code fields. An edit carries the version it was read at in a hidden field.
 */
function EditFormFrame({
  ctx,
  form,
  screen,
  id,
  title,
  children,
}: {
  ctx: PageContext;
  form: FormState;
  screen: Screen;
  id: string | undefined;
  title: string;
  children: ComponentChildren;
}) {
  const t = ctx.t;
  return (
    <FormPageFrame ctx={ctx} form={form} screen={screen} title={title}>
      <Form ctx={ctx} action={id ? `${base(screen)}/${id}` : base(screen)}>
        {id && <input type="hidden" name="version" value={versionOf(form)} />}
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

export function AgencyFormPage({ ctx, form, id }: { ctx: PageContext; form: FormState; id?: string }) {
  const t = ctx.t;
  return (
    <EditFormFrame
      ctx={ctx}
      form={form}
      screen={{ slug: 'instansi' }}
      id={id}
      title={t(m(id ? 'page.instansi.edit' : 'page.instansi.new'))}
    >
      <Select
        ctx={ctx}
        state={form}
        name="kind"
        label={t(m('field.kind'))}
        options={AGENCY_KINDS.map((k) => ({ value: k, label: t(m(`kind.${k}`)) }))}
      />
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

export function MallFormPage({ ctx, form, id }: { ctx: PageContext; form: FormState; id?: string }) {
  const t = ctx.t;
  return (
    <EditFormFrame ctx={ctx} form={form} screen={{ slug: 'mpp' }} id={id} title={t(m(id ? 'page.mpp.edit' : 'page.mpp.new'))}>
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
      <p class="govuk-body">{t(m('page.mpp.hoursNote'))}</p>
    </EditFormFrame>
  );
}

export function DeactivatePage({
  ctx,
  screen,
  form,
  id,
  name,
}: {
  ctx: PageContext;
  screen: Screen;
  form: FormState;
  id: string;
  name: string;
}) {
  const t = ctx.t;
  const title = t(m('deactivate.title'), { name });
  return (
    <FormPageFrame ctx={ctx} form={form} screen={screen} title={title}>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{t(m('deactivate.warning'))}</span>
          {t(m('deactivate.body'))}
        </strong>
      </div>
      <Form ctx={ctx} action={`${base(screen)}/${id}/nonaktifkan`}>
        <input type="hidden" name="version" value={versionOf(form)} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
            {t(m('deactivate.confirm'))}
          </button>
          <a class="govuk-link" href={base(screen)}>
            {t(m('cancel'))}
          </a>
        </div>
      </Form>
    </FormPageFrame>
  );
}
