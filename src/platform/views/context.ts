import type { Actor, NavAccess } from '../access/access.js';
import type { Locale, Params } from '../i18n/catalog.js';
import type { FlashMessage } from '../http/types.js';

export interface NavItem {
  href: string;
  /** Full message key, e.g. `portal.nav.home`. */
  labelKey: string;
  access: NavAccess;
}

/** Everything a page needs from the request, built once per request by platform/http/page.ts. */
export interface PageContext {
  locale: Locale;
  /** Translates a full message key (`<namespace>.<key>`). */
  t: (fullKey: string, params?: Params) => string;
  csrfToken: string;
  actor: Actor;
  /** Path and query of the current request, for the language switch and navigation state. */
  path: string;
  flash: FlashMessage | undefined;
  nav: NavItem[];
  assets: { css: string; logo: string; favicon: string; script: (name: string) => string | undefined };
  requestId: string;
}
