import type { ComponentChildren } from 'preact';
import { formatDate, formatRupiah, ZONE_ABBREVIATION } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { QrCode } from '../../platform/views/qr.js';
import { JsonLd } from './catalog.jsonld.js';
import { complaintHref, durationText, fileTypesText, hoursLines, m, sizeText, type CatalogKey } from './catalog.messages.js';
import {
  FACET_LIMIT,
  type AgencySummary,
  type FacetOptions,
  type MallSummary,
  type PublishedMaklumat,
  type PublishedService,
  type ServiceLocation,
  type UnitSummary,
  type WeeklyHours,
} from './catalog.queries.js';
import { CANDIDATE_LIMIT, CHANNEL_FILTERS, type CatalogHit, type CatalogPage } from './catalog.search.js';
import { Flowchart } from './flowchart.js';
import { MaklumatPosters } from './maklumat.pages.js';
import { AUDIENCES, CATEGORIES, LIFE_EVENTS, type Fee, type ProcedureStep, type Requirement, type TimeLimit } from './standards.content.js';

/** The values of the search form as typed (Indonesian parameter names, as in the address bar). */
export interface SearchForm {
  q?: string | undefined;
  /** A region code: a province from the first drop-down, or any code from a link. */
  wilayah?: string | undefined;
  /** A regency or city of the chosen province, from the second drop-down. */
  kabkota?: string | undefined;
  instansi?: string | undefined;
  unit?: string | undefined;
  mpp?: string | undefined;
  kategori?: string | undefined;
  peristiwa?: string | undefined;
  untuk?: string | undefined;
  kanal?: string | undefined;
}

const label = (ctx: PageContext, key: string) => ctx.t(m(key as CatalogKey));

const FILTER_NAMES = ['wilayah', 'kabkota', 'instansi', 'unit', 'mpp', 'kategori', 'peristiwa', 'untuk', 'kanal'] as const;

/** `/layanan?…` with the given values, empty ones left out. */
export function searchHref(values: SearchForm & { halaman?: number }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '' && !(key === 'halaman' && value === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/layanan?${query}` : '/layanan';
}

function feeText(ctx: PageContext, fee: Fee | null | undefined): string | undefined {
  if (!fee) return undefined;
  if (fee.free) return ctx.t(m('service.fee.free'));
  return formatRupiah(
    fee.items.reduce((sum, item) => sum + item.amount, 0),
    ctx.locale,
  );
}

const timeText = (ctx: PageContext, limit: TimeLimit | null | undefined) =>
  limit ? ctx.t(m('service.time.limit'), { duration: durationText(ctx.t, limit) }) : undefined;

const dateText = (ctx: PageContext, date: string | Date) =>
  formatDate(typeof date === 'string' ? new Date(`${date}T00:00:00+07:00`) : date, ctx.locale);

// ---- search and browse ------------------------------------------------------------------------------

function SelectFilter(props: {
  ctx: PageContext;
  name: keyof SearchForm;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  hint?: string | undefined;
}) {
  const id = `saring-${props.name}`;
  return (
    <div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <div class="govuk-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      <select class="govuk-select sp-catalog-filter" id={id} name={props.name} aria-describedby={props.hint ? `${id}-hint` : undefined}>
        <option value="">{props.ctx.t(m('search.any'))}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Pagination({ ctx, form, result }: { ctx: PageContext; form: SearchForm; result: CatalogPage }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (pages <= 1) return null;
  const current = Math.min(result.page, pages);
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav class="govuk-pagination" aria-label={ctx.t(m('search.pagination'))}>
      {current > 1 && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={searchHref({ ...form, halaman: current - 1 })} rel="prev">
            <span class="govuk-pagination__link-title">{ctx.t(m('search.previous'))}</span>
          </a>
        </div>
      )}
      <ul class="govuk-pagination__list">
        {shown.map((p, i) => (
          <>
            {i > 0 && p - shown[i - 1]! > 1 && <li class="govuk-pagination__item govuk-pagination__item--ellipses">⋯</li>}
            <li class={`govuk-pagination__item${p === current ? ' govuk-pagination__item--current' : ''}`}>
              <a
                class="govuk-link govuk-pagination__link"
                href={searchHref({ ...form, halaman: p })}
                aria-label={ctx.t(m('search.pageNumber'), { page: p })}
                aria-current={p === current ? 'page' : undefined}
              >
                {p}
              </a>
            </li>
          </>
        ))}
      </ul>
      {current < pages && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={searchHref({ ...form, halaman: current + 1 })} rel="next">
            <span class="govuk-pagination__link-title">{ctx.t(m('search.next'))}</span>
          </a>
        </div>
      )}
    </nav>
  );
}

/** One result: what a person decides on before opening the page (who, how long, how much, how). */
export function ResultItem({ ctx, hit, headingLevel = 2 }: { ctx: PageContext; hit: CatalogHit; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const time = timeText(ctx, hit.timeLimit);
  const cost = feeText(ctx, hit.fee);
  return (
    <li class="sp-result">
      <Heading class="govuk-heading-s sp-result__title">
        <a class="govuk-link" href={`/layanan/${hit.slug}`}>
          {hit.name}
        </a>
      </Heading>
      <p class="govuk-body-s sp-result__summary">{hit.summary}</p>
      <dl class="sp-result__facts govuk-body-s">
        <div>
          <dt>{ctx.t(m('result.unit'))}</dt>
          <dd>
            {hit.unitName}, {hit.agencyName}
          </dd>
        </div>
        {time && (
          <div>
            <dt>{ctx.t(m('result.time'))}</dt>
            <dd>{time}</dd>
          </div>
        )}
        {cost && (
          <div>
            <dt>{ctx.t(m('result.cost'))}</dt>
            <dd>{cost}</dd>
          </div>
        )}
        <div>
          <dt>{ctx.t(m('result.channel'))}</dt>
          <dd>{label(ctx, `channel.${hit.channels}`)}</dd>
        </div>
      </dl>
    </li>
  );
}

function ResultCount({ ctx, result, form }: { ctx: PageContext; result: CatalogPage; form: SearchForm }) {
  const forQuery = form.q?.trim() ? ` ${ctx.t(m('search.for'), { q: form.q.trim().slice(0, 100) })}` : '';
  if (!result.totalIsExact) {
    return (
      <p class="govuk-body">
        {ctx.t(m('search.countMore'), { n: CANDIDATE_LIMIT.toLocaleString(ctx.locale === 'id' ? 'id-ID' : 'en-GB') })}
      </p>
    );
  }
  const count =
    result.total === 1
      ? ctx.t(m('search.countOne'))
      : ctx.t(m('search.count'), { n: result.total.toLocaleString(ctx.locale === 'id' ? 'id-ID' : 'en-GB') });
  return (
    <p class="govuk-body" role="status">
      {count}
      {forQuery}
    </p>
  );
}

const named = (ctx: PageContext, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: label(ctx, `${prefix}.${v}`) }));
const listed = (rows: readonly { id?: string; code?: string; name: string }[]) =>
  rows.map((r) => ({ value: (r.id ?? r.code)!, label: r.name }));

/** The drop-downs of the filter form, in order; the regency one appears once a province is chosen. */
function filterFields(ctx: PageContext, form: SearchForm, facets: FacetOptions) {
  const t = ctx.t;
  const fields: {
    name: keyof SearchForm;
    label: string;
    options: { value: string; label: string }[];
    hint?: string | undefined;
    value?: string | undefined;
  }[] = [
    // A region from a link may be a regency or finer: the drop-downs show its province and regency.
    { name: 'wilayah', label: t(m('search.region')), options: listed(facets.provinces), value: form.wilayah?.slice(0, 2) },
    {
      name: 'kabkota',
      label: t(m('search.regency')),
      options: listed(facets.regencies),
      value: form.kabkota ?? (form.wilayah && form.wilayah.length > 2 ? form.wilayah.slice(0, 5) : undefined),
    },
    { name: 'kategori', label: t(m('search.category')), options: named(ctx, 'category', CATEGORIES) },
    { name: 'peristiwa', label: t(m('search.lifeEvent')), options: named(ctx, 'lifeEvent', LIFE_EVENTS) },
    {
      name: 'instansi',
      label: t(m('search.agency')),
      options: listed(facets.agencies),
      hint: facets.agencies.length >= FACET_LIMIT ? t(m('search.facetLimit'), { n: FACET_LIMIT }) : undefined,
    },
    { name: 'mpp', label: t(m('search.mall')), options: listed(facets.malls) },
    { name: 'untuk', label: t(m('search.audience')), options: named(ctx, 'audience', AUDIENCES) },
    { name: 'kanal', label: t(m('search.channel')), options: named(ctx, 'channelFilter', CHANNEL_FILTERS) },
  ];
  return fields.filter((f) => f.name !== 'kabkota' || f.options.length > 0);
}

export function SearchPage({
  ctx,
  form,
  result,
  facets,
  hasFilters,
}: {
  ctx: PageContext;
  form: SearchForm;
  result: CatalogPage;
  facets: FacetOptions;
  hasFilters: boolean;
}) {
  const t = ctx.t;
  const synonyms = result.query?.groups.flat().filter((w) => !result.query?.text.split(' ').includes(w)) ?? [];
  const browsing = !form.q?.trim() && !hasFilters;
  return (
    <Layout ctx={ctx} title={form.q?.trim() ? `${form.q.trim().slice(0, 60)} – ${t(m('search.title'))}` : t(m('search.title'))}>
      <h1 class="govuk-heading-l">{t(m('search.title'))}</h1>
      <p class="govuk-body-l">{t(m('search.lead'))}</p>
      <form method="get" action="/layanan" class="sp-catalog-search" role="search">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--m" for="q">
            {t(m('search.q'))}
          </label>
          <div class="govuk-hint" id="q-hint">
            {t(m('search.q.hint'))}
          </div>
          <div class="sp-catalog-search__row">
            <input
              class="govuk-input sp-catalog-search__input"
              id="q"
              name="q"
              type="search"
              value={form.q ?? ''}
              aria-describedby="q-hint"
              autocomplete="off"
              maxlength={200}
              spellcheck={false}
            />
            <button type="submit" class="govuk-button sp-catalog-search__button" data-module="govuk-button">
              {t(m('search.submit'))}
            </button>
          </div>
        </div>
        {/* A new query keeps the filters already chosen. */}
        {FILTER_NAMES.map((name) => (form[name] ? <input type="hidden" name={name} value={form[name]} /> : null))}
      </form>
      <div class="govuk-grid-row">
        <form method="get" action="/layanan" class="govuk-grid-column-one-third" aria-label={t(m('search.filters'))}>
          {form.q && <input type="hidden" name="q" value={form.q} />}
          {form.unit && <input type="hidden" name="unit" value={form.unit} />}
          <details class="govuk-details sp-catalog-filters" open={hasFilters ? true : undefined}>
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{t(m('search.filters'))}</span>
            </summary>
            <div class="govuk-details__text">
              {filterFields(ctx, form, facets).map((field) => (
                <SelectFilter ctx={ctx} {...field} value={field.value ?? form[field.name]} />
              ))}
              <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t(m('search.apply'))}
              </button>
              {hasFilters && (
                <p class="govuk-body">
                  <a class="govuk-link" href={searchHref({ q: form.q })}>
                    {t(m('search.clear'))}
                  </a>
                </p>
              )}
            </div>
          </details>
        </form>
        <div class="govuk-grid-column-two-thirds">
          {browsing && (
            <div class="sp-catalog-browse">
              <h2 class="govuk-heading-m">{t(m('search.browse.lifeEvents'))}</h2>
              <ul class="govuk-list sp-catalog-browse__list">
                {LIFE_EVENTS.map((e) => (
                  <li>
                    <a class="govuk-link" href={searchHref({ peristiwa: e })}>
                      {label(ctx, `lifeEvent.${e}`)}
                    </a>
                  </li>
                ))}
              </ul>
              <h2 class="govuk-heading-m">{t(m('search.browse.categories'))}</h2>
              <ul class="govuk-list sp-catalog-browse__list">
                {CATEGORIES.map((c) => (
                  <li>
                    <a class="govuk-link" href={searchHref({ kategori: c })}>
                      {label(ctx, `category.${c}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <h2 class="govuk-heading-m" id="hasil">
            {t(m('search.results'))}
          </h2>
          <ResultCount ctx={ctx} result={result} form={form} />
          {synonyms.length > 0 && <p class="govuk-body-s">{t(m('search.synonyms'), { words: synonyms.join(', ') })}</p>}
          {result.items.length === 0 ? (
            <>
              <p class="govuk-body govuk-!-font-weight-bold">{t(m('search.none'))}</p>
              <p class="govuk-body">{t(m('search.none.tips'))}</p>
            </>
          ) : (
            <ol class="govuk-list sp-results" aria-labelledby="hasil">
              {result.items.map((hit) => (
                <ResultItem ctx={ctx} hit={hit} headingLevel={3} />
              ))}
            </ol>
          )}
          <Pagination ctx={ctx} form={form} result={result} />
        </div>
      </div>
    </Layout>
  );
}

// ---- the service page ----------------------------------------------------------------------------

function Checklist({ ctx, requirements }: { ctx: PageContext; requirements: readonly Requirement[] }) {
  const t = ctx.t;
  const item = (r: Requirement) => (
    <li class="sp-checklist__item">
      <span class="sp-checklist__name">{r.name}</span>
      {r.notes && <span class="sp-checklist__note">{r.notes}</span>}
      {r.kind === 'document' && r.fileTypes.length > 0 && r.maxSizeKb !== undefined && (
        <span class="sp-checklist__note">
          {t(m('service.checklist.upload'), { types: fileTypesText(r.fileTypes), size: sizeText(r.maxSizeKb, ctx.locale) })}
        </span>
      )}
      {r.kind === 'data' && <span class="sp-checklist__note">{t(m('service.checklist.data'))}</span>}
      {r.kind === 'presence' && <span class="sp-checklist__note">{t(m('service.checklist.presence'))}</span>}
    </li>
  );
  const mandatory = requirements.filter((r) => r.mandatory);
  const optional = requirements.filter((r) => !r.mandatory);
  return (
    <>
      <p class="govuk-body">{t(m('service.checklist.lead'))}</p>
      {mandatory.length > 0 && (
        <>
          <h3 class="govuk-heading-s">{t(m('service.checklist.mandatory'))}</h3>
          <ul class="govuk-list sp-checklist">{mandatory.map(item)}</ul>
        </>
      )}
      {optional.length > 0 && (
        <>
          <h3 class="govuk-heading-s">{t(m('service.checklist.optional'))}</h3>
          <ul class="govuk-list sp-checklist">{optional.map(item)}</ul>
        </>
      )}
    </>
  );
}

function FeeSection({ ctx, fee }: { ctx: PageContext; fee: Fee }) {
  const t = ctx.t;
  if (fee.free) {
    return (
      <>
        <p class="govuk-body-l govuk-!-font-weight-bold">{t(m('service.fee.free'))}</p>
        <p class="govuk-body">{t(m('service.fee.freeLead'))}</p>
        {fee.legalBasis && <p class="govuk-body-s">{t(m('service.fee.basisOf'), { basis: fee.legalBasis })}</p>}
      </>
    );
  }
  const total = fee.items.reduce((sum, item) => sum + item.amount, 0);
  return (
    <>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">{t(m('service.fee.caption'))}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {t(m('service.fee.item'))}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {t(m('service.fee.amount'))}
            </th>
            <th scope="col" class="govuk-table__header">
              {t(m('service.fee.basis'))}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {fee.items.map((item) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{item.name}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{formatRupiah(item.amount, ctx.locale)}</td>
              <td class="govuk-table__cell">{item.legalBasis}</td>
            </tr>
          ))}
          {fee.items.length > 1 && (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                {t(m('service.fee.total'))}
              </th>
              <td class="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{formatRupiah(total, ctx.locale)}</td>
              <td class="govuk-table__cell" />
            </tr>
          )}
        </tbody>
      </table>
      {fee.notes && <p class="govuk-body">{fee.notes}</p>}
      <p class="govuk-body-s">{t(m('service.fee.warning'))}</p>
    </>
  );
}

function HoursList({ ctx, hours, zone }: { ctx: PageContext; hours: readonly WeeklyHours[]; zone: string }) {
  if (hours.length === 0) return <p class="govuk-body-s">{ctx.t(m('service.where.noHours'))}</p>;
  return (
    <dl class="sp-hours govuk-body-s" aria-label={ctx.t(m('service.where.hours'), { zone })}>
      {hoursLines(ctx.t, ctx.locale, hours).map((line) => (
        <div>
          <dt>{line.days}</dt>
          <dd>
            {line.time} {line.time.match(/\d/) ? zone : ''}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function LocationCard({ ctx, location, headingLevel = 3 }: { ctx: PageContext; location: ServiceLocation; headingLevel?: 3 | 4 }) {
  const zone = ZONE_ABBREVIATION[location.timeZone];
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div class="sp-location">
      <Heading class="govuk-heading-s">
        <a class="govuk-link" href={`/mpp/${location.mallId}`}>
          {location.mallName}
        </a>
      </Heading>
      <p class="govuk-body-s">
        {location.boothName ? ctx.t(m('service.where.booth'), { booth: location.boothName }) : ctx.t(m('service.where.office'))}
        <br />
        {location.mallAddress}
      </p>
      <HoursList ctx={ctx} hours={location.hours} zone={zone} />
    </div>
  );
}

/** Who does the step and how long it takes, in one short line. */
export function stepMeta(ctx: PageContext, step: ProcedureStep): string {
  return [label(ctx, `actor.${step.actor}`), step.duration ? durationText(ctx.t, step.duration) : undefined].filter(Boolean).join(' · ');
}

function ProcedureList({ ctx, steps }: { ctx: PageContext; steps: readonly ProcedureStep[] }) {
  const t = ctx.t;
  return (
    <ol class="govuk-list govuk-list--number sp-steps" id="langkah">
      {steps.map((step) => (
        <li>
          <span class="govuk-!-font-weight-bold">{step.title}</span>
          <br />
          <span class="govuk-body-s">
            {t(m('service.procedure.who'))}: {label(ctx, `actor.${step.actor}`)}
            {step.duration && (
              <>
                {' · '}
                {t(m('service.procedure.duration'))}: {durationText(t, step.duration)}
              </>
            )}
          </span>
          {step.description && <p class="govuk-body-s sp-steps__text">{step.description}</p>}
          {step.output && (
            <p class="govuk-body-s sp-steps__text">
              {t(m('service.procedure.output'))}: {step.output}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function ComplaintChannels({ ctx, service }: { ctx: PageContext; service: PublishedService }) {
  const complaints = service.version.content.complaints;
  if (!complaints) return null;
  const t = ctx.t;
  return (
    <>
      <p class="govuk-body">{t(m('service.complaints.lead'))}</p>
      <ul class="govuk-list govuk-list--bullet">
        {complaints.channels.map((channel) => {
          const href = complaintHref(channel.kind, channel.contact);
          return (
            <li>
              {label(ctx, `complaint.${channel.kind}`)}:{' '}
              {href ? (
                <a class="govuk-link" href={href}>
                  {channel.contact}
                </a>
              ) : (
                channel.contact
              )}
            </li>
          );
        })}
      </ul>
      <p class="govuk-body">{t(m('service.complaints.response'), { days: complaints.responseDays })}</p>
      {complaints.notes && <p class="govuk-body">{complaints.notes}</p>}
    </>
  );
}

function DecreeLine({ ctx, service }: { ctx: PageContext; service: PublishedService }) {
  const v = service.version;
  const t = ctx.t;
  return (
    <p class="govuk-body-s sp-decree">
      {v.decreeNumber &&
        v.decreeDate &&
        t(m('service.decree'), { number: v.decreeNumber, date: dateText(ctx, v.decreeDate), signatory: v.decreeSignatory ?? '' })}{' '}
      {v.effectiveDate && t(m('service.effective'), { date: dateText(ctx, v.effectiveDate) })}{' '}
      {t(m('service.version'), { number: v.number, date: dateText(ctx, v.publishedAt) })}
    </p>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="sp-service-section" aria-labelledby={`${id}-judul`}>
      <h2 class="govuk-heading-m" id={`${id}-judul`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Where({ ctx, service }: { ctx: PageContext; service: PublishedService }) {
  const t = ctx.t;
  return (
    <>
      {service.channels === 'online' && <p class="govuk-body">{t(m('service.where.onlineOnly'))}</p>}
      {service.channels === 'both' && <p class="govuk-body">{t(m('service.where.online'))}</p>}
      {service.channels !== 'online' && (
        <>
          {service.locations.map((location) => (
            <LocationCard ctx={ctx} location={location} />
          ))}
          {service.unit.address && (
            <div class="sp-location">
              <h3 class="govuk-heading-s">{t(m('service.where.unitOffice'), { unit: service.unit.name })}</h3>
              <p class="govuk-body-s">{service.unit.address}</p>
            </div>
          )}
        </>
      )}
    </>
  );
}

const MANAGEMENT_PROSE = [
  'facilities',
  'staffCompetence',
  'internalSupervision',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
] as const;

export function ServicePage({ ctx, service, jsonLd }: { ctx: PageContext; service: PublishedService; jsonLd: unknown }) {
  const t = ctx.t;
  const c = service.version.content;
  const time = timeText(ctx, c.timeLimit);
  const cost = feeText(ctx, c.fee);
  const online = service.channels === 'online';
  const sections: { id: string; key: CatalogKey }[] = [
    { id: 'persyaratan', key: online ? 'service.checklist.online' : 'service.checklist' },
    { id: 'biaya', key: 'service.cost' },
    { id: 'waktu', key: 'service.time' },
    { id: 'tempat', key: 'service.where' },
    { id: 'alur', key: 'service.procedure' },
    { id: 'pengaduan', key: 'service.complaints' },
  ];
  return (
    <Layout
      ctx={ctx}
      title={service.name}
      head={
        <>
          <JsonLd data={jsonLd} />
          <link rel="alternate" type="application/ld+json" href={`/layanan/${service.slug}/jsonld`} />
          <link rel="alternate" type="application/pdf" href={`/layanan/${service.slug}.pdf`} />
        </>
      }
    >
      <nav class="govuk-breadcrumbs" aria-label={t(m('service.breadcrumbs'))}>
        <ol class="govuk-breadcrumbs__list">
          <li class="govuk-breadcrumbs__list-item">
            <a class="govuk-breadcrumbs__link" href="/">
              {t(m('service.home'))}
            </a>
          </li>
          <li class="govuk-breadcrumbs__list-item">
            <a class="govuk-breadcrumbs__link" href="/layanan">
              {t(m('nav.services'))}
            </a>
          </li>
        </ol>
      </nav>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">
            <a class="govuk-link govuk-link--text-colour" href={`/unit/${service.unit.id}`}>
              {t(m('service.caption'), { unit: service.unit.name, agency: service.agency.name })}
            </a>
          </span>
          <h1 class="govuk-heading-xl">{service.name}</h1>
          <p class="govuk-body-l">{service.summary}</p>
          <dl class="govuk-summary-list" aria-label={t(m('service.summary'))}>
            {cost && (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{t(m('service.cost'))}</dt>
                <dd class="govuk-summary-list__value">{cost}</dd>
              </div>
            )}
            {time && (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{t(m('service.time'))}</dt>
                <dd class="govuk-summary-list__value">{time}</dd>
              </div>
            )}
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{t(m('service.channel'))}</dt>
              <dd class="govuk-summary-list__value">{label(ctx, `channel.${service.channels}`)}</dd>
            </div>
            {c.products && (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{t(m('service.products'))}</dt>
                <dd class="govuk-summary-list__value">{c.products.map((p) => p.name).join('; ')}</dd>
              </div>
            )}
          </dl>
          {/* The applications module's start page; its text lives in that module's catalog. */}
          {service.channels !== 'counter' && (
            <a class="govuk-button govuk-button--start" data-module="govuk-button" role="button" href={`/layanan/${service.slug}/ajukan`}>
              {t('applications.apply.start.button')}
            </a>
          )}
          <nav class="sp-service-contents" aria-labelledby="isi-judul">
            <h2 class="govuk-heading-s" id="isi-judul">
              {t(m('service.contents'))}
            </h2>
            <ul class="govuk-list">
              {sections.map((s) => (
                <li>
                  <a class="govuk-link" href={`#${s.id}-judul`}>
                    {t(m(s.key))}
                  </a>
                </li>
              ))}
            </ul>
          </nav>

          {c.requirements && (
            <Section id="persyaratan" title={t(m(online ? 'service.checklist.online' : 'service.checklist'))}>
              <Checklist ctx={ctx} requirements={c.requirements} />
            </Section>
          )}
          {c.fee && (
            <Section id="biaya" title={t(m('service.cost'))}>
              <FeeSection ctx={ctx} fee={c.fee} />
            </Section>
          )}
          {c.timeLimit && (
            <Section id="waktu" title={t(m('service.time'))}>
              <p class="govuk-body-l govuk-!-font-weight-bold">{time}</p>
              {c.timeLimit.pausesWhileWaiting && <p class="govuk-body">{t(m('service.time.pauses'))}</p>}
              {c.timeLimit.notes && <p class="govuk-body">{c.timeLimit.notes}</p>}
            </Section>
          )}
          <Section id="tempat" title={t(m('service.where'))}>
            <Where ctx={ctx} service={service} />
          </Section>
          {c.procedure && (
            <Section id="alur" title={t(m('service.procedure'))}>
              <ProcedureList ctx={ctx} steps={c.procedure} />
              <figure class="sp-flowchart">
                <Flowchart
                  steps={c.procedure}
                  describe={(step) => stepMeta(ctx, step)}
                  title={t(m('service.flowchart'))}
                  description={t(m('service.procedure'))}
                  id="bagan-alur"
                />
              </figure>
            </Section>
          )}
          {c.complaints && (
            <Section id="pengaduan" title={t(m('service.complaints'))}>
              <ComplaintChannels ctx={ctx} service={service} />
            </Section>
          )}
          {c.legalBasis && (
            <Section id="dasar-hukum" title={t(m('service.legalBasis'))}>
              <ul class="govuk-list govuk-list--bullet">
                {c.legalBasis.map((law) => (
                  <li>{[law.title, law.number && `No. ${law.number}`, law.year && String(law.year)].filter(Boolean).join(', ')}</li>
                ))}
              </ul>
            </Section>
          )}
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{t(m('service.management'))}</span>
            </summary>
            <div class="govuk-details__text">
              <dl class="govuk-summary-list govuk-summary-list--no-border">
                {MANAGEMENT_PROSE.map((key) =>
                  c[key] ? (
                    <div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key">{label(ctx, `management.${key}`)}</dt>
                      <dd class="govuk-summary-list__value">{c[key]}</dd>
                    </div>
                  ) : null,
                )}
                {c.staffCount && (
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t(m('management.staffCount'))}</dt>
                    <dd class="govuk-summary-list__value">
                      {t(m('management.staffCount.value'), { n: c.staffCount.count })}
                      {c.staffCount.notes ? `. ${c.staffCount.notes}` : ''}
                    </dd>
                  </div>
                )}
              </dl>
            </div>
          </details>
          <DecreeLine ctx={ctx} service={service} />
          <ul class="govuk-list sp-service-links">
            <li>
              <a class="govuk-link" href={`/layanan/${service.slug}/cetak`}>
                {t(m('service.print'))}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`/layanan/${service.slug}.pdf`} type="application/pdf">
                {t(m('service.pdf'))}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`/api/v1/catalog/services/${service.slug}`} type="application/json">
                {t(m('service.data'))}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </Layout>
  );
}

/** The same standard laid out for paper: checklist boxes to tick, no navigation, a QR code back to the page. */
export function PrintPage({ ctx, service, pageUrl }: { ctx: PageContext; service: PublishedService; pageUrl: string }) {
  const t = ctx.t;
  const c = service.version.content;
  const time = timeText(ctx, c.timeLimit);
  return (
    <Layout ctx={ctx} title={t(m('print.title'), { name: service.name })}>
      <div class="sp-print">
        <p class="govuk-body sp-print__screen-only">
          {t(m('print.howTo'))}{' '}
          <a class="govuk-link" href={`/layanan/${service.slug}`}>
            {t(m('print.back'))}
          </a>
        </p>
        <div class="sp-print__head">
          <div>
            <span class="govuk-caption-m">{t(m('service.caption'), { unit: service.unit.name, agency: service.agency.name })}</span>
            <h1 class="govuk-heading-l">{service.name}</h1>
            <p class="govuk-body">{service.summary}</p>
          </div>
          <figure class="sp-print__qr">
            <QrCode text={pageUrl} label={t(m('print.qrLabel'), { url: pageUrl })} size={120} />
            <figcaption class="govuk-body-s">{t(m('print.qr'))}</figcaption>
          </figure>
        </div>
        {c.requirements && (
          <Section id="persyaratan" title={t(m(service.channels === 'online' ? 'service.checklist.online' : 'service.checklist'))}>
            <Checklist ctx={ctx} requirements={c.requirements} />
          </Section>
        )}
        <Section id="biaya" title={t(m('service.cost'))}>
          {c.fee && <FeeSection ctx={ctx} fee={c.fee} />}
        </Section>
        {time && (
          <Section id="waktu" title={t(m('service.time'))}>
            <p class="govuk-body govuk-!-font-weight-bold">{time}</p>
            {c.timeLimit?.pausesWhileWaiting && <p class="govuk-body-s">{t(m('service.time.pauses'))}</p>}
          </Section>
        )}
        <Section id="tempat" title={t(m('service.where'))}>
          <Where ctx={ctx} service={service} />
        </Section>
        {c.procedure && (
          <Section id="alur" title={t(m('service.procedure'))}>
            <ProcedureList ctx={ctx} steps={c.procedure} />
          </Section>
        )}
        {c.complaints && (
          <Section id="pengaduan" title={t(m('service.complaints'))}>
            <ComplaintChannels ctx={ctx} service={service} />
          </Section>
        )}
        <DecreeLine ctx={ctx} service={service} />
        <p class="govuk-body-s">{t(m('print.source'), { url: pageUrl })}</p>
      </div>
    </Layout>
  );
}

export function ServiceNotFoundPage({ ctx }: { ctx: PageContext }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t(m('service.notFound.title'))}>
      <h1 class="govuk-heading-l">{t(m('service.notFound.title'))}</h1>
      <p class="govuk-body">{t(m('service.notFound.body'))}</p>
      <form method="get" action="/layanan" role="search">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="q">
            {t(m('search.q'))}
          </label>
          <input class="govuk-input govuk-!-width-two-thirds" id="q" name="q" type="search" maxlength={200} />
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t(m('service.notFound.search'))}
        </button>
      </form>
    </Layout>
  );
}

// ---- agencies, units and malls -----------------------------------------------------------------------

function ServiceList({ ctx, result, more }: { ctx: PageContext; result: CatalogPage; more?: string | undefined }) {
  return (
    <>
      <ResultCount ctx={ctx} result={result} form={{}} />
      <ol class="govuk-list sp-results">
        {result.items.map((hit) => (
          <ResultItem ctx={ctx} hit={hit} headingLevel={3} />
        ))}
      </ol>
      {more && result.total > result.items.length && (
        <p class="govuk-body">
          <a class="govuk-link" href={more}>
            {ctx.t(m('agency.all'))}
          </a>
        </p>
      )}
    </>
  );
}

export function AgencyPage({ ctx, agency, services }: { ctx: PageContext; agency: AgencySummary; services: CatalogPage }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t(m('agency.title'), { name: agency.name })}>
      {agency.regionName && <span class="govuk-caption-l">{agency.regionName}</span>}
      <h1 class="govuk-heading-l">{t(m('agency.title'), { name: agency.name })}</h1>
      {agency.units.length === 0 ? (
        <p class="govuk-body">{t(m('agency.noUnits'))}</p>
      ) : (
        <>
          <h2 class="govuk-heading-m">{t(m('agency.units'))}</h2>
          <ul class="govuk-list">
            {agency.units.map((u) => (
              <li>
                <a class="govuk-link" href={`/unit/${u.id}`}>
                  {u.name}
                </a>{' '}
                ({t(m('agency.servicesOfUnit'), { n: u.services })})
              </li>
            ))}
          </ul>
          <h2 class="govuk-heading-m">{t(m('unit.services'))}</h2>
          <ServiceList ctx={ctx} result={services} more={searchHref({ instansi: agency.id })} />
        </>
      )}
    </Layout>
  );
}

export function UnitPage({
  ctx,
  unit,
  services,
  maklumat,
}: {
  ctx: PageContext;
  unit: UnitSummary;
  services: CatalogPage;
  maklumat: PublishedMaklumat | undefined;
}) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={unit.name}>
      <span class="govuk-caption-l">
        <a class="govuk-link govuk-link--text-colour" href={`/instansi/${unit.agencyId}`}>
          {unit.agencyName}
        </a>
      </span>
      <h1 class="govuk-heading-l">{t(m('unit.title'), { name: unit.name })}</h1>
      <dl class="govuk-summary-list">
        {unit.address && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t(m('unit.address'))}</dt>
            <dd class="govuk-summary-list__value">{unit.address}</dd>
          </div>
        )}
        {unit.regionName && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t(m('unit.region'))}</dt>
            <dd class="govuk-summary-list__value">{unit.regionName}</dd>
          </div>
        )}
      </dl>
      {maklumat && (
        <section class="sp-maklumat" aria-labelledby="maklumat-judul">
          <h2 class="govuk-heading-m" id="maklumat-judul">
            {t(m('unit.maklumat'))}
          </h2>
          {maklumat.opening && <p class="govuk-body">{maklumat.opening}</p>}
          <ol class="govuk-list govuk-list--number">
            {maklumat.promises.map((p) => (
              <li>{p}</li>
            ))}
          </ol>
          {maklumat.closing && <p class="govuk-body">{maklumat.closing}</p>}
          <p class="govuk-body">
            {t(m('unit.maklumat.signed'), { place: maklumat.place, date: dateText(ctx, maklumat.signedAt) })}
            <br />
            {maklumat.signatoryTitle}
            <br />
            <strong>{maklumat.signatoryName}</strong>
          </p>
          <MaklumatPosters ctx={ctx} serviceUnitId={unit.id} />
        </section>
      )}
      {unit.booths.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t(m('unit.booths'))}</h2>
          <ul class="govuk-list">
            {unit.booths.map((b) => (
              <li>
                <a class="govuk-link" href={`/mpp/${b.mallId}`}>
                  {b.mallName}
                </a>{' '}
                ({b.boothName})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 class="govuk-heading-m">{t(m('unit.services'))}</h2>
      <ServiceList ctx={ctx} result={services} more={searchHref({ unit: unit.id })} />
    </Layout>
  );
}

export function MallPage({ ctx, mall }: { ctx: PageContext; mall: MallSummary }) {
  const t = ctx.t;
  const zone = ZONE_ABBREVIATION[mall.timeZone];
  return (
    <Layout ctx={ctx} title={mall.name}>
      {mall.regionName && <span class="govuk-caption-l">{mall.regionName}</span>}
      <h1 class="govuk-heading-l">{t(m('mall.title'), { name: mall.name })}</h1>
      <p class="govuk-body-l">{t(m('mall.lead'))}</p>
      <h2 class="govuk-heading-m">{t(m('mall.address'))}</h2>
      <p class="govuk-body">{mall.address}</p>
      <h2 class="govuk-heading-m">{t(m('mall.hours'), { zone })}</h2>
      <HoursList ctx={ctx} hours={mall.hours} zone={zone} />
      <h2 class="govuk-heading-m">{t(m('mall.booths'))}</h2>
      {mall.booths.length === 0 && <p class="govuk-body">{t(m('mall.noBooths'))}</p>}
      {mall.booths.map((booth) => (
        <section class="sp-booth" aria-labelledby={`gerai-${booth.id}`}>
          <h3 class="govuk-heading-s" id={`gerai-${booth.id}`}>
            {booth.name}
          </h3>
          <p class="govuk-body-s">
            <a class="govuk-link" href={`/unit/${booth.unitId}`}>
              {t(m('mall.booth.unit'), { unit: booth.unitName })}
            </a>
          </p>
          {booth.services.length === 0 ? (
            <p class="govuk-body-s">{t(m('mall.booth.none'))}</p>
          ) : (
            <ul class="govuk-list govuk-list--bullet">
              {booth.services.map((s) => (
                <li>
                  <a class="govuk-link" href={`/layanan/${s.slug}`}>
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {mall.elsewhere.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t(m('mall.elsewhere'))}</h2>
          <ul class="govuk-list govuk-list--bullet">
            {mall.elsewhere.map((s) => (
              <li>
                <a class="govuk-link" href={`/layanan/${s.slug}`}>
                  {s.name}
                </a>{' '}
                ({s.unitName})
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
