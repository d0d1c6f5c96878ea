import type { FormState } from '../../platform/http/types.js';
import { formatNumber } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, fieldId, Form } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import type { ImportResult, ReportEntry } from './bulk.js';
import type { bulkMessages } from './bulk.messages.js';

/** Where the bulk screens and downloads live. */
export const BULK_PATHS = {
  page: '/admin/layanan/impor',
  template: '/admin/layanan/templat.xlsx',
  exportXlsx: '/admin/layanan/ekspor.xlsx',
  exportJson: '/api/v1/standards/export.json',
  importApi: '/api/v1/standards/import',
  /** The admin screens' page of a version (admin.pages.tsx). */
  version: (versionId: string) => `/admin/layanan/versi/${versionId}`,
} as const;

type BulkKey = (typeof bulkMessages.keys)[number];
const say = (ctx: PageContext, key: BulkKey, params?: Record<string, string | number>) => ctx.t(`bulk.${key}`, params);
const count = (ctx: PageContext, n: number) => formatNumber(n, ctx.locale);

/** Rows of the report shown on the page; the JSON answer carries all of them. */
const SHOWN = 500;

export interface UnitOption {
  id: string;
  label: string;
}

/** The download links, the export form and the upload form; a refused upload shows its reason at the top. */
export function ImportPage(props: { ctx: PageContext; form: FormState; units: readonly UnitOption[]; maxBytes: number }) {
  const { ctx, form, units, maxBytes } = props;
  const title = say(ctx, 'page.title');
  const fileError = form.errors[0] ? ctx.t(form.errors[0].key, form.errors[0].params) : undefined;
  const fileState: FormState = { values: form.values, errors: form.errors.map((e) => ({ ...e, path: e.path || 'file' })) };
  const size = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  return (
    <Layout ctx={ctx} title={form.errors.length ? `${ctx.t('platform.form.error')}: ${title}` : title}>
      <ErrorSummary ctx={ctx} state={fileState} />
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{say(ctx, 'page.lead')}</p>

      <h2 class="govuk-heading-m">{say(ctx, 'upload.title')}</h2>
      <p class="govuk-body">{say(ctx, 'upload.lead')}</p>
      <Form ctx={ctx} action={BULK_PATHS.page} multipart>
        <div class={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label govuk-label--s" for={fieldId('file')}>
            {say(ctx, 'upload.file')}
          </label>
          <div class="govuk-hint" id={`${fieldId('file')}-hint`}>
            {say(ctx, 'upload.file.hint', { size })}
          </div>
          {fileError && (
            <p class="govuk-error-message" id={`${fieldId('file')}-error`}>
              <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {fileError}
            </p>
          )}
          <input
            class={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
            id={fieldId('file')}
            name="file"
            type="file"
            accept=".xlsx,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/json"
            aria-describedby={`${fieldId('file')}-hint${fileError ? ` ${fieldId('file')}-error` : ''}`}
          />
        </div>
        <div class="govuk-form-group">
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id={fieldId('dryRun')} name="dryRun" type="checkbox" value="true" />
              <label class="govuk-label govuk-checkboxes__label" for={fieldId('dryRun')}>
                {say(ctx, 'upload.dryRun')}
              </label>
            </div>
          </div>
        </div>
        <Button>{say(ctx, 'upload.submit')}</Button>
      </Form>

      <h2 class="govuk-heading-m">{say(ctx, 'download.title')}</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={BULK_PATHS.template} download>
          {say(ctx, 'download.template')}
        </a>
        <br />
        <span class="govuk-hint">{say(ctx, 'download.template.hint')}</span>
      </p>

      <h2 class="govuk-heading-m">{say(ctx, 'export.title')}</h2>
      <form method="get" action={BULK_PATHS.exportXlsx}>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for={fieldId('serviceUnitId')}>
            {say(ctx, 'export.unit')}
          </label>
          <select class="govuk-select" id={fieldId('serviceUnitId')} name="serviceUnitId">
            <option value="">{say(ctx, 'export.unit.all')}</option>
            {units.map((u) => (
              <option value={u.id}>{u.label}</option>
            ))}
          </select>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for={fieldId('version')}>
            {say(ctx, 'export.version')}
          </label>
          <select class="govuk-select" id={fieldId('version')} name="version">
            <option value="latest">{say(ctx, 'export.version.latest')}</option>
            <option value="published">{say(ctx, 'export.version.published')}</option>
          </select>
        </div>
        <div class="govuk-button-group">
          <Button secondary>{say(ctx, 'export.xlsx')}</Button>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" formaction={BULK_PATHS.exportJson}>
            {say(ctx, 'export.json')}
          </button>
        </div>
        <p class="govuk-hint">{say(ctx, 'export.json.hint')}</p>
      </form>
    </Layout>
  );
}

/** Where an issue is, in the words of its format: sheet, row and column of a workbook; service and field of JSON. */
function Where({ ctx, entry }: { ctx: PageContext; entry: ReportEntry }) {
  if (entry.sheet === null && entry.row === null) return <>{say(ctx, 'report.file')}</>;
  return <>{entry.sheet ?? `${say(ctx, 'report.item')}${entry.row ?? ''}`}</>;
}

function ErrorTable({ ctx, entries, workbook }: { ctx: PageContext; entries: readonly ReportEntry[]; workbook: boolean }) {
  const shown = entries.slice(0, SHOWN);
  return (
    <>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">{say(ctx, 'report.errors')}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {say(ctx, workbook ? 'report.sheet' : 'report.item')}
            </th>
            {workbook && (
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                {say(ctx, 'report.row')}
              </th>
            )}
            <th scope="col" class="govuk-table__header">
              {say(ctx, workbook ? 'report.column' : 'report.field')}
            </th>
            <th scope="col" class="govuk-table__header">
              {say(ctx, 'report.message')}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {shown.map((e) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                {workbook ? <Where ctx={ctx} entry={e} /> : e.row === null ? say(ctx, 'report.file') : e.row}
              </td>
              {workbook && <td class="govuk-table__cell govuk-table__cell--numeric">{e.row ?? ''}</td>}
              <td class="govuk-table__cell">{(workbook ? e.column : e.field) ?? ''}</td>
              <td class="govuk-table__cell">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length > SHOWN && <p class="govuk-body">{say(ctx, 'report.more', { count: count(ctx, entries.length - SHOWN) })}</p>}
    </>
  );
}

function ServiceTable({ ctx, result }: { ctx: PageContext; result: ImportResult }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{say(ctx, 'report.services')}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            {say(ctx, 'report.unit')}
          </th>
          <th scope="col" class="govuk-table__header">
            {say(ctx, 'report.code')}
          </th>
          <th scope="col" class="govuk-table__header">
            {say(ctx, 'report.name')}
          </th>
          <th scope="col" class="govuk-table__header">
            {say(ctx, 'report.action')}
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {result.services.map((s) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">
              {s.agencyCode} / {s.unitCode}
            </td>
            <td class="govuk-table__cell">{s.code}</td>
            <td class="govuk-table__cell">{s.name}</td>
            <td class="govuk-table__cell">
              {s.versionId ? (
                <a class="govuk-link" href={BULK_PATHS.version(s.versionId)}>
                  {say(ctx, s.action === 'created' ? 'report.action.created' : 'report.action.updated', { number: s.versionNumber ?? '' })}
                </a>
              ) : (
                say(ctx, s.action === 'created' ? 'report.action.checkedNew' : 'report.action.checkedUpdate')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What an upload came to: the errors (nothing imported), a passed check, or the services imported. */
export function ReportPage(props: { ctx: PageContext; result: ImportResult; entries: readonly ReportEntry[]; format: 'xlsx' | 'json' }) {
  const { ctx, result, entries, format } = props;
  const rejected = entries.length > 0;
  const title = say(ctx, rejected ? 'report.rejected.title' : result.imported ? 'report.imported.title' : 'report.checked.title');
  const created = result.services.filter((s) => s.action === 'created').length;
  const lead = rejected
    ? say(ctx, 'report.rejected.lead', { count: count(ctx, entries.length) })
    : result.imported
      ? say(ctx, 'report.imported.lead', { created: count(ctx, created), updated: count(ctx, result.services.length - created) })
      : say(ctx, 'report.checked.lead', { count: count(ctx, result.services.length) });
  return (
    <Layout ctx={ctx} title={title}>
      <div
        class={`govuk-notification-banner${rejected ? '' : ' govuk-notification-banner--success'}`}
        role={rejected ? 'region' : 'alert'}
        aria-labelledby="report-title"
        data-module="govuk-notification-banner"
      >
        <div class="govuk-notification-banner__header">
          <h2 class="govuk-notification-banner__title" id="report-title">
            {ctx.t(rejected ? 'platform.flash.info' : 'platform.flash.success')}
          </h2>
        </div>
        <div class="govuk-notification-banner__content">
          <h1 class="govuk-notification-banner__heading">{title}</h1>
          <p class="govuk-body">{lead}</p>
        </div>
      </div>
      {rejected ? <ErrorTable ctx={ctx} entries={entries} workbook={format === 'xlsx'} /> : <ServiceTable ctx={ctx} result={result} />}
      <p class="govuk-body">
        <a class="govuk-link" href={BULK_PATHS.page}>
          {say(ctx, 'report.again')}
        </a>
      </p>
    </Layout>
  );
}
