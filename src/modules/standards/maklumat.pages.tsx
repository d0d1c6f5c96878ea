import type { ComponentChildren } from 'preact';
import type { FormState } from '../../platform/http/types.js';
import { formatDate, formatNumber } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, Form, Textarea, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { mk, type MaklumatKey } from './maklumat.messages.js';
import type { MaklumatRow, UnitPledgeStatus } from './maklumat.repository.js';
import type { PledgeUnit } from './maklumat.service.js';

/** Where the pledge screens live: staff pages under /admin/maklumat, posters beside the unit's public page. */
export const MAKLUMAT_PATHS = {
  list: '/admin/maklumat',
  unit: (serviceUnitId: string) => `/admin/maklumat/unit/${serviceUnitId}`,
  draft: (serviceUnitId: string) => `/admin/maklumat/unit/${serviceUnitId}/baru`,
  pledge: (maklumatId: string) => `/admin/maklumat/${maklumatId}`,
  edit: (maklumatId: string) => `/admin/maklumat/${maklumatId}/ubah`,
  publish: (maklumatId: string) => `/admin/maklumat/${maklumatId}/terbitkan`,
  publicPage: (serviceUnitId: string) => `/unit/${serviceUnitId}`,
  poster: (serviceUnitId: string, size: 'a4' | 'a3') => `/unit/${serviceUnitId}/maklumat.pdf?ukuran=${size}`,
} as const;

const say = (ctx: PageContext, key: MaklumatKey, params?: Record<string, string | number>) => ctx.t(mk(key), params);
const day = (ctx: PageContext, date: Date) => formatDate(date, ctx.locale);
/** A signing date (YYYY-MM-DD); noon UTC is the same date in every Indonesian zone. */
const signedDay = (ctx: PageContext, date: string) => formatDate(new Date(`${date}T12:00:00Z`), ctx.locale);

const TAG_CLASS: Record<MaklumatRow['status'] | 'none', string> = {
  published: 'govuk-tag--green',
  draft: 'govuk-tag--blue',
  superseded: 'govuk-tag--grey',
  none: 'govuk-tag--grey',
};

function StatusTag({ ctx, status }: { ctx: PageContext; status: MaklumatRow['status'] | 'none' }) {
  return <strong class={`govuk-tag ${TAG_CLASS[status]}`}>{say(ctx, `status.${status}`)}</strong>;
}

function BackLink({ ctx, href, label }: { ctx: PageContext; href: string; label: MaklumatKey }) {
  return (
    <a class="govuk-back-link" href={href}>
      {say(ctx, label)}
    </a>
  );
}

/** Column headings, then a last column of links whose heading only screen readers hear. */
function TableHead({ ctx, labels }: { ctx: PageContext; labels: MaklumatKey[] }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {[...labels, 'list.actions' as const].map((key, i) => (
          <th scope="col" class="govuk-table__header">
            {i < labels.length ? say(ctx, key) : <span class="govuk-visually-hidden">{say(ctx, key)}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}

// ---- the list of units ---------------------------------------------------------------------------

export function MaklumatListPage(props: {
  ctx: PageContext;
  rows: UnitPledgeStatus[];
  total: number;
  page: number;
  pageSize: number;
  q: string | undefined;
}) {
  const { ctx, rows, total, page, pageSize, q } = props;
  const title = say(ctx, 'list.title');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => `${MAKLUMAT_PATHS.list}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{say(ctx, 'list.lead')}</p>
      <form method="get" action={MAKLUMAT_PATHS.list} role="search" aria-label={say(ctx, 'list.search')}>
        <TextInput ctx={ctx} state={{ values: { q: q ?? '' }, errors: [] }} name="q" label={say(ctx, 'list.q')} />
        <Button secondary>{say(ctx, 'list.submit')}</Button>
      </form>
      <p class="govuk-body" role="status">
        {say(ctx, 'list.count', { count: formatNumber(total, ctx.locale) })}
      </p>
      {rows.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <TableHead ctx={ctx} labels={['list.unit', 'list.agency', 'list.status']} />
          <tbody class="govuk-table__body">
            {rows.map((row) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{row.name}</td>
                <td class="govuk-table__cell">{row.agencyName}</td>
                <td class="govuk-table__cell">
                  {row.publishedAt ? (
                    <>
                      <StatusTag ctx={ctx} status="published" /> {say(ctx, 'status.publishedOn', { date: day(ctx, row.publishedAt) })}
                    </>
                  ) : (
                    <StatusTag ctx={ctx} status={row.hasDraft ? 'draft' : 'none'} />
                  )}
                  {row.publishedAt && row.hasDraft && <>, {say(ctx, 'status.draftWaiting')}</>}
                </td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={MAKLUMAT_PATHS.unit(row.id)}>
                    {say(ctx, 'list.open')}
                    <span class="govuk-visually-hidden"> {row.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav class="govuk-pagination" aria-label={say(ctx, 'list.pages')}>
          {page > 1 && (
            <div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href={link(page - 1)} rel="prev">
                <span class="govuk-pagination__link-title">{say(ctx, 'list.previous')}</span>
              </a>
            </div>
          )}
          {page < pages && (
            <div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href={link(page + 1)} rel="next">
                <span class="govuk-pagination__link-title">{say(ctx, 'list.next')}</span>
              </a>
            </div>
          )}
        </nav>
      )}
    </Layout>
  );
}

// ---- the pledge as it reads -----------------------------------------------------------------------

/** The pledge as the public will read it: opening, the numbered promises, closing, and who signed where and when. */
export function PledgeText({ ctx, pledge, headingLevel }: { ctx: PageContext; pledge: MaklumatRow; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="sp-maklumat-text">
      <Heading class="govuk-heading-m">{say(ctx, 'pledge.heading')}</Heading>
      {pledge.opening && <p class="govuk-body">{pledge.opening}</p>}
      <ol class="govuk-list govuk-list--number govuk-list--spaced">
        <li>{pledge.promiseStandard}</li>
        <li>{pledge.promiseObligation}</li>
        <li>{pledge.promiseSanction}</li>
      </ol>
      {pledge.closing && <p class="govuk-body">{pledge.closing}</p>}
      <p class="govuk-body">
        {say(ctx, 'poster.signed', { place: pledge.place, date: signedDay(ctx, pledge.signedAt) })}
        <br />
        {pledge.signatoryTitle}
        <br />
        <strong>{pledge.signatoryName}</strong>
      </p>
    </div>
  );
}

/** The poster downloads, for the unit's public page and the staff pages alike. */
export function MaklumatPosters({ ctx, serviceUnitId }: { ctx: PageContext; serviceUnitId: string }) {
  return (
    <p class="govuk-body">
      {say(ctx, 'public.posters')}{' '}
      <a class="govuk-link" href={MAKLUMAT_PATHS.poster(serviceUnitId, 'a4')} type="application/pdf">
        {say(ctx, 'public.posterA4')}
      </a>
      {' · '}
      <a class="govuk-link" href={MAKLUMAT_PATHS.poster(serviceUnitId, 'a3')} type="application/pdf">
        {say(ctx, 'public.posterA3')}
      </a>
    </p>
  );
}

function PosterLinks({ ctx, serviceUnitId }: { ctx: PageContext; serviceUnitId: string }) {
  return (
    <>
      <p class="govuk-body">
        <a class="govuk-link" href={MAKLUMAT_PATHS.publicPage(serviceUnitId)}>
          {say(ctx, 'unit.public')}
        </a>
      </p>
      <MaklumatPosters ctx={ctx} serviceUnitId={serviceUnitId} />
    </>
  );
}

// ---- one unit: the pledge in force, the draft, the history ---------------------------------------

export function UnitPledgesPage(props: {
  ctx: PageContext;
  unit: PledgeUnit;
  published: MaklumatRow | undefined;
  draft: MaklumatRow | undefined;
  history: MaklumatRow[];
}) {
  const { ctx, unit, published, draft, history } = props;
  const title = say(ctx, 'unit.title', { unit: unit.name });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={MAKLUMAT_PATHS.list} label="back.list" />
      <span class="govuk-caption-l">{unit.agencyName}</span>
      <h1 class="govuk-heading-l">{title}</h1>
      {draft ? (
        <div class="govuk-inset-text">
          <p class="govuk-body">
            <StatusTag ctx={ctx} status="draft" /> {say(ctx, 'unit.draftLead')}
          </p>
          <div class="govuk-button-group">
            <a class="govuk-button" href={MAKLUMAT_PATHS.pledge(draft.id)} role="button" draggable={false}>
              {say(ctx, 'unit.preview')}
            </a>
            <a class="govuk-link" href={MAKLUMAT_PATHS.edit(draft.id)}>
              {say(ctx, 'unit.continue')}
            </a>
          </div>
        </div>
      ) : (
        <a class="govuk-button" href={MAKLUMAT_PATHS.draft(unit.id)} role="button" draggable={false}>
          {say(ctx, 'unit.new')}
        </a>
      )}
      <h2 class="govuk-heading-m">{say(ctx, 'unit.current')}</h2>
      {published ? (
        <>
          <p class="govuk-body">
            <StatusTag ctx={ctx} status="published" /> {say(ctx, 'status.publishedOn', { date: day(ctx, published.publishedAt!) })}
          </p>
          <PledgeText ctx={ctx} pledge={published} headingLevel={3} />
          <PosterLinks ctx={ctx} serviceUnitId={unit.id} />
        </>
      ) : (
        <p class="govuk-body">{say(ctx, 'unit.noneYet')}</p>
      )}
      {history.length > 0 && <History ctx={ctx} history={history} />}
    </Layout>
  );
}

function History({ ctx, history }: { ctx: PageContext; history: MaklumatRow[] }) {
  const cell = (date: Date | null) => (date ? day(ctx, date) : '–');
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{say(ctx, 'unit.history')}</caption>
      <TableHead
        ctx={ctx}
        labels={['list.status', 'unit.history.created', 'unit.history.signedAt', 'unit.history.publishedAt', 'unit.history.supersededAt']}
      />
      <tbody class="govuk-table__body">
        {history.map((m) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">
              <StatusTag ctx={ctx} status={m.status} />
            </td>
            <td class="govuk-table__cell">{cell(m.createdAt)}</td>
            <td class="govuk-table__cell">{signedDay(ctx, m.signedAt)}</td>
            <td class="govuk-table__cell">{cell(m.publishedAt)}</td>
            <td class="govuk-table__cell">{cell(m.supersededAt)}</td>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={MAKLUMAT_PATHS.pledge(m.id)}>
                {say(ctx, 'unit.history.view')}
                <span class="govuk-visually-hidden"> {cell(m.createdAt)}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---- writing a draft -----------------------------------------------------------------------------

/** The frame of the form pages: back to the unit, error summary (the title says there are errors), heading. */
function FramedPage(props: { ctx: PageContext; form: FormState; unit: PledgeUnit; title: string; children: ComponentChildren }) {
  const { ctx, form, unit, title, children } = props;
  return (
    <Layout ctx={ctx} title={form.errors.length ? `${ctx.t('platform.form.error')}: ${title}` : title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <BackLink ctx={ctx} href={MAKLUMAT_PATHS.unit(unit.id)} label="back.unit" />
          <ErrorSummary ctx={ctx} state={form} />
          <span class="govuk-caption-l">{unit.name}</span>
          <h1 class="govuk-heading-l">{title}</h1>
          {children}
        </div>
      </div>
    </Layout>
  );
}

/** The version the form was read at, posted back for the optimistic lock; only a scalar is echoed. */
function VersionField({ form }: { form: FormState }) {
  const version = form.values.version;
  return <input type="hidden" name="version" value={typeof version === 'string' || typeof version === 'number' ? String(version) : ''} />;
}

function Fieldset({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A new draft (posted to the unit) or a change to one (posted to the pledge, with the version it was read at). */
export function MaklumatFormPage({
  ctx,
  form,
  unit,
  id,
}: {
  ctx: PageContext;
  form: FormState;
  unit: PledgeUnit;
  id?: string | undefined;
}) {
  const field = (name: string, key: MaklumatKey) => ({ ctx, state: form, name, label: say(ctx, key) });
  return (
    <FramedPage ctx={ctx} form={form} unit={unit} title={say(ctx, id ? 'form.edit' : 'form.new')}>
      <p class="govuk-body">{say(ctx, 'form.lead')}</p>
      <Form ctx={ctx} action={id ? MAKLUMAT_PATHS.pledge(id) : MAKLUMAT_PATHS.unit(unit.id)}>
        {id && <VersionField form={form} />}
        <Textarea {...field('opening', 'field.opening')} hint={say(ctx, 'field.opening.hint')} rows={2} optional />
        <Fieldset legend={say(ctx, 'form.promises')}>
          <Textarea {...field('promiseStandard', 'field.promiseStandard')} rows={3} />
          <Textarea {...field('promiseObligation', 'field.promiseObligation')} rows={3} />
          <Textarea {...field('promiseSanction', 'field.promiseSanction')} rows={3} />
        </Fieldset>
        <Textarea {...field('closing', 'field.closing')} hint={say(ctx, 'field.closing.hint')} rows={2} optional />
        <Fieldset legend={say(ctx, 'form.signatory')}>
          <TextInput {...field('signatoryName', 'field.signatoryName')} hint={say(ctx, 'field.signatoryName.hint')} autocomplete="off" />
          <TextInput {...field('signatoryTitle', 'field.signatoryTitle')} />
          <TextInput {...field('signedAt', 'field.signedAt')} hint={say(ctx, 'field.signedAt.hint')} width={10} inputmode="numeric" />
          <TextInput {...field('place', 'field.place')} hint={say(ctx, 'field.place.hint')} width={20} />
        </Fieldset>
        <Button>{say(ctx, 'form.save')}</Button>
      </Form>
    </FramedPage>
  );
}

// ---- preview and publishing ----------------------------------------------------------------------

export function MaklumatPreviewPage({ ctx, maklumat, unit }: { ctx: PageContext; maklumat: MaklumatRow; unit: PledgeUnit }) {
  const title = say(ctx, 'preview.title');
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={MAKLUMAT_PATHS.unit(unit.id)} label="back.unit" />
      <span class="govuk-caption-l">{unit.name}</span>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">
        <StatusTag ctx={ctx} status={maklumat.status} /> {say(ctx, 'preview.lead')}
      </p>
      <div class="govuk-inset-text">
        <PledgeText ctx={ctx} pledge={maklumat} headingLevel={2} />
      </div>
      {maklumat.status === 'draft' && (
        <div class="govuk-button-group">
          <a class="govuk-button" href={MAKLUMAT_PATHS.publish(maklumat.id)} role="button" draggable={false}>
            {say(ctx, 'preview.publish')}
          </a>
          <a class="govuk-button govuk-button--secondary" href={MAKLUMAT_PATHS.edit(maklumat.id)} role="button" draggable={false}>
            {say(ctx, 'preview.edit')}
          </a>
        </div>
      )}
      {maklumat.status === 'published' && <PosterLinks ctx={ctx} serviceUnitId={unit.id} />}
    </Layout>
  );
}

export function PublishPage(props: {
  ctx: PageContext;
  form: FormState;
  maklumat: MaklumatRow;
  unit: PledgeUnit;
  /** The pledge in force that publishing supersedes. */
  published: MaklumatRow | undefined;
}) {
  const { ctx, form, maklumat, unit, published } = props;
  return (
    <FramedPage ctx={ctx} form={form} unit={unit} title={say(ctx, 'publish.title', { unit: unit.name })}>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{say(ctx, 'publish.warning')}</span>
          {say(ctx, 'publish.body')}
        </strong>
      </div>
      {published?.publishedAt && <p class="govuk-body">{say(ctx, 'publish.replaces', { date: day(ctx, published.publishedAt) })}</p>}
      <Form ctx={ctx} action={MAKLUMAT_PATHS.publish(maklumat.id)}>
        <VersionField form={form} />
        <div class="govuk-button-group">
          <Button>{say(ctx, 'publish.confirm')}</Button>
          <a class="govuk-link" href={MAKLUMAT_PATHS.pledge(maklumat.id)}>
            {say(ctx, 'publish.cancel')}
          </a>
        </div>
      </Form>
    </FramedPage>
  );
}
