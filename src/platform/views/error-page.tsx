import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** The friendly page a browser gets for any refused or failed request. */
export function ErrorPage({ ctx, status, message }: { ctx: PageContext; status: number; message: string }) {
  const heading = ctx.t('platform.errorPage.heading');
  return (
    <Layout ctx={ctx} title={heading}>
      <h1 class="govuk-heading-l">{heading}</h1>
      <p class="govuk-body-l" data-status={status}>
        {message}
      </p>
      {status >= 500 && <p class="govuk-body">{ctx.t('platform.errorPage.reference', { requestId: ctx.requestId })}</p>}
      <p class="govuk-body">
        <a class="govuk-link" href="/">
          {ctx.t('platform.errorPage.home')}
        </a>
      </p>
    </Layout>
  );
}
