import { formatDateTime } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, TextInput } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import type { AuditFilterQuery } from './audit.schemas.js';
import type { AuditEventRow, Summary } from './audit.tables.js';

/** The filter as a query string, for the pager and the export link, so both keep what the auditor chose. */
export function filterQueryString(filter: AuditFilterQuery, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const compact = (summary: Summary | null) => (summary ? JSON.stringify(summary) : '');

export function AuditTrailPage({
  ctx,
  filter,
  events,
  nextBefore,
  isFirstPage,
  limit,
}: {
  ctx: PageContext;
  filter: AuditFilterQuery;
  events: AuditEventRow[];
  nextBefore: number | undefined;
  isFirstPage: boolean;
  /** Page size when the auditor chose one; the pager keeps it. */
  limit?: number | undefined;
}) {
  const t = ctx.t;
  const state = { values: filter as Record<string, unknown>, errors: [] };
  return (
    <Layout ctx={ctx} title={t('audit.trail.title')}>
      <h1 class="govuk-heading-l">{t('audit.trail.title')}</h1>
      <p class="govuk-body">{t('audit.trail.lead')}</p>
      <form method="get" action="/admin/audit" novalidate>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 class="govuk-fieldset__heading">{t('audit.filter.heading')}</h2>
          </legend>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">
              <TextInput
                ctx={ctx}
                state={state}
                name="actor"
                label={t('audit.filter.actor')}
                hint={t('audit.filter.actor.hint')}
                optional
              />
              <TextInput
                ctx={ctx}
                state={state}
                name="action"
                label={t('audit.filter.action')}
                hint={t('audit.filter.action.hint')}
                spellcheck={false}
                optional
              />
              <TextInput ctx={ctx} state={state} name="subjectType" label={t('audit.filter.subjectType')} spellcheck={false} optional />
              <TextInput ctx={ctx} state={state} name="subjectId" label={t('audit.filter.subjectId')} spellcheck={false} optional />
            </div>
            <div class="govuk-grid-column-one-half">
              <TextInput
                ctx={ctx}
                state={state}
                name="from"
                label={t('audit.filter.from')}
                hint={t('audit.filter.date.hint')}
                width={10}
                optional
              />
              <TextInput
                ctx={ctx}
                state={state}
                name="to"
                label={t('audit.filter.to')}
                hint={t('audit.filter.date.hint')}
                width={10}
                optional
              />
            </div>
          </div>
        </fieldset>
        <div class="govuk-button-group">
          <Button>{t('audit.filter.submit')}</Button>
          <a class="govuk-link" href="/admin/audit">
            {t('audit.filter.clear')}
          </a>
        </div>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" href={`/admin/audit/export.csv${filterQueryString(filter)}`} download>
          {t('audit.export.link')}
        </a>
      </p>
      {events.length === 0 ? (
        <p class="govuk-body govuk-!-font-weight-bold">{t('audit.table.empty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{t('audit.table.caption')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                {t('audit.table.seq')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.table.time')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.table.actor')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.table.action')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.table.subject')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.table.summary')}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {events.map((e) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell govuk-table__cell--numeric">{e.seq}</td>
                <td class="govuk-table__cell">{formatDateTime(e.occurredAt, ctx.locale)}</td>
                <td class="govuk-table__cell">
                  {t(`audit.actor.${e.actorKind}`)}
                  {e.actorName ? `: ${e.actorName}` : ''}
                  {e.actorUnit ? ` (${e.actorUnit})` : ''}
                </td>
                <td class="govuk-table__cell">
                  <code>{e.action}</code>
                </td>
                <td class="govuk-table__cell">
                  {e.subjectType} <code>{e.subjectId}</code>
                </td>
                <td class="govuk-table__cell govuk-body-s">
                  {e.before && (
                    <div>
                      {t('audit.table.before')}: <code>{compact(e.before)}</code>
                    </div>
                  )}
                  {e.after && (
                    <div>
                      {t('audit.table.after')}: <code>{compact(e.after)}</code>
                    </div>
                  )}
                  {e.requestId && (
                    <div>
                      {t('audit.table.requestId')}: <code>{e.requestId}</code>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(nextBefore !== undefined || !isFirstPage) && (
        <nav class="govuk-pagination govuk-pagination--block" aria-label={t('audit.pager.label')}>
          {!isFirstPage && (
            <div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href={`/admin/audit${filterQueryString(filter, { limit })}`} rel="first">
                <span class="govuk-pagination__link-title">{t('audit.pager.newest')}</span>
              </a>
            </div>
          )}
          {nextBefore !== undefined && (
            <div class="govuk-pagination__next">
              <a
                class="govuk-link govuk-pagination__link"
                href={`/admin/audit${filterQueryString(filter, { limit, before: nextBefore })}`}
                rel="next"
              >
                <span class="govuk-pagination__link-title">{t('audit.pager.older')}</span>
              </a>
            </div>
          )}
        </nav>
      )}
    </Layout>
  );
}
