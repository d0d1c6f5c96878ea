import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';

function withLang(path: string, lang: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Client islands for staff screens; public pages leave this empty. */
  scripts?: string[];
  /** Extra elements for <head>, such as JSON-LD. */
  head?: ComponentChildren;
}

/** The page frame: skip link, header with language switch, navigation by role, main, footer. */
export function Layout({ ctx, title, children, scripts = [], head }: LayoutProps) {
  const t = ctx.t;
  const current = new URL(ctx.path, 'http://x').pathname;
  return (
    <html lang={ctx.locale} class="govuk-template govuk-template--rebranded">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <title>{`${title} – ${t('platform.layout.title.suffix')}`}</title>
        <meta name="theme-color" content="#00615a" />
        <link rel="icon" href={ctx.assets.favicon} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.assets.css} />
        {head}
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link">
          {t('platform.layout.skip')}
        </a>
        <header class="sp-header" role="banner">
          <div class="govuk-width-container sp-header__container">
            <a href="/" class="sp-header__brand">
              <img class="sp-header__logo" src={ctx.assets.logo} alt="" width={36} height={36} />
              <span>
                {t('platform.site.name')}
                <span class="sp-header__tagline">{t('platform.site.tagline')}</span>
              </span>
            </a>
            <div class="sp-header__tools">
              {/* The account area links to identity's pages by their fixed public paths. */}
              {ctx.actor.kind === 'anonymous' ? (
                <a class="sp-header__link" href="/masuk">
                  {t('platform.layout.signIn')}
                </a>
              ) : (
                <form method="post" action="/keluar" class="sp-account">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <a class="sp-header__link" href="/akun">
                    <span class="govuk-visually-hidden">{t('platform.layout.account')}: </span>
                    {ctx.actor.name}
                  </a>
                  <button type="submit" class="sp-header__button">
                    {t('platform.layout.signOut')}
                  </button>
                </form>
              )}
              <nav aria-label={t('platform.layout.language')}>
                <ul class="sp-lang">
                  <li>
                    <a href={withLang(ctx.path, 'id')} lang="id" hreflang="id" aria-current={ctx.locale === 'id' ? 'true' : undefined}>
                      Bahasa Indonesia
                    </a>
                  </li>
                  <li>
                    <a href={withLang(ctx.path, 'en')} lang="en" hreflang="en" aria-current={ctx.locale === 'en' ? 'true' : undefined}>
                      English
                    </a>
                  </li>
                </ul>
              </nav>
            </div>
          </div>
        </header>
        {ctx.nav.length > 0 && (
          <nav class="sp-nav" aria-label={t('platform.layout.nav')}>
            <div class="govuk-width-container">
              <ul class="sp-nav__list">
                {ctx.nav.map((item) => (
                  <li>
                    <a
                      class="govuk-link govuk-link--no-visited-state sp-nav__link"
                      href={item.href}
                      aria-current={item.href === current ? 'page' : undefined}
                    >
                      {t(item.labelKey)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        )}
        <div class="govuk-width-container">
          <main class="govuk-main-wrapper" id="main-content" tabindex={-1}>
            {ctx.flash && (
              <div
                class={`govuk-notification-banner${ctx.flash.type === 'success' ? ' govuk-notification-banner--success' : ''}`}
                role={ctx.flash.type === 'success' ? 'alert' : 'region'}
                aria-labelledby="flash-title"
              >
                <div class="govuk-notification-banner__header">
                  <h2 class="govuk-notification-banner__title" id="flash-title">
                    {t(ctx.flash.type === 'success' ? 'platform.flash.success' : 'platform.flash.info')}
                  </h2>
                </div>
                <div class="govuk-notification-banner__content">
                  <p class="govuk-notification-banner__heading">{t(ctx.flash.key, ctx.flash.params)}</p>
                </div>
              </div>
            )}
            {children}
          </main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <div class="govuk-footer__meta">
              <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 class="govuk-visually-hidden">{t('platform.layout.footer.support')}</h2>
                <ul class="govuk-footer__inline-list">
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/aksesibilitas">
                      {t('platform.layout.footer.accessibility')}
                    </a>
                  </li>
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/api/docs">
                      {t('platform.layout.footer.api')}
                    </a>
                  </li>
                </ul>
                <p class="govuk-body-s">{t('platform.layout.footer.about')}</p>
                <p class="govuk-body-s">{t('platform.layout.footer.licence')}</p>
              </div>
            </div>
          </div>
        </footer>
        {scripts.map((name) => {
          const src = ctx.assets.script(name);
          return src ? <script type="module" src={src} /> : null;
        })}
      </body>
    </html>
  );
}
