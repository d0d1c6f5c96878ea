import type { FormState } from '../../platform/http/types.js';
import { formatDate, formatTime } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/views/context.js';
import { Button, ErrorSummary, Form, Select, TextInput, Textarea } from '../../platform/views/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { FEEDBACK_KINDS } from './portal.tables.js';

export function HomePage({ ctx, now }: { ctx: PageContext; now: Date }) {
  const t = ctx.t;
  const [before, after] = t('portal.home.feedback', { link: '\u0000' }).split('\u0000');
  return (
    <Layout ctx={ctx} title={t('portal.home.title')}>
      <h1 class="govuk-heading-xl">{t('portal.home.heading')}</h1>
      <p class="govuk-body-l">{t('portal.home.lead')}</p>
      <div class="govuk-grid-row">
        <section class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">{t('portal.home.citizens.heading')}</h2>
          <p class="govuk-body">{t('portal.home.citizens.body')}</p>
        </section>
        <section class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">{t('portal.home.staff.heading')}</h2>
          <p class="govuk-body">{t('portal.home.staff.body')}</p>
        </section>
      </div>
      <p class="govuk-body-s">{t('portal.home.today', { date: formatDate(now, ctx.locale), time: formatTime(now, ctx.locale) })}</p>
      <p class="govuk-body">
        {before}
        <a class="govuk-link" href="/aksesibilitas#laporkan">
          {t('portal.home.feedbackLink')}
        </a>
        {after}
      </p>
    </Layout>
  );
}

export function AccessibilityPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={form.errors.length ? `${t('platform.form.error')}: ${t('portal.a11y.title')}` : t('portal.a11y.title')}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary ctx={ctx} state={form} />
          <h1 class="govuk-heading-l">{t('portal.a11y.title')}</h1>
          <p class="govuk-body-l">{t('portal.a11y.lead')}</p>
          <h2 class="govuk-heading-m">{t('portal.a11y.standard.heading')}</h2>
          <p class="govuk-body">{t('portal.a11y.standard.body')}</p>
          <h2 class="govuk-heading-m" id="laporkan">
            {t('portal.a11y.report.heading')}
          </h2>
          <p class="govuk-body">{t('portal.a11y.report.body')}</p>
          <Form ctx={ctx} action="/aksesibilitas">
            <Select
              ctx={ctx}
              state={form}
              name="kind"
              label={t('portal.form.kind')}
              options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`portal.form.kind.${k}`) }))}
            />
            <TextInput
              ctx={ctx}
              state={form}
              name="pageUrl"
              label={t('portal.form.pageUrl')}
              hint={t('portal.form.pageUrl.hint')}
              optional
            />
            <Textarea ctx={ctx} state={form} name="message" label={t('portal.form.message')} hint={t('portal.form.message.hint')} />
            <TextInput
              ctx={ctx}
              state={form}
              name="contactEmail"
              type="email"
              autocomplete="email"
              spellcheck={false}
              label={t('portal.form.contactEmail')}
              hint={t('portal.form.contactEmail.hint')}
              optional
            />
            <Button>{t('portal.form.submit')}</Button>
          </Form>
        </div>
      </div>
    </Layout>
  );
}
