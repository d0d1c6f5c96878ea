/**
 * The accessibility feedback form as a browser uses it: a refused post shows the form again with the
 * errors and everything typed; an accepted one redirects and thanks the visitor once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.js';
import type { App } from '../../src/platform/http/server.js';
import { lookupMessage } from '../../src/platform/i18n/catalog.js';
import {
  buildTestApp,
  collectCookies,
  countWrites,
  escapeHtml,
  expectFormWithErrors,
  getPage,
  postForm,
  VALID_FEEDBACK,
} from '../support/app.js';
import { createTestDatabase, DATABASE_KINDS } from '../support/databases.js';

/** Reverses HTML escaping, so a value can be compared whichever characters the renderer chose to escape. */
const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The decoded value attribute of the element with this id. */
const valueOf = (html: string, id: string) => unescapeHtml(/\svalue="([^"]*)"/.exec(elementWithId(html, id))?.[1] ?? '');

/** The opening tag of the element with this id; attribute values may hold a bare `>`. */
function elementWithId(html: string, id: string): string {
  for (const [tag] of html.matchAll(/<[a-z]+(?:\s+[\w:-]+(?:="[^"]*")?)*\s*\/?>/g)) {
    if (tag.includes(` id="${id}"`)) return tag;
  }
  throw new Error(`no element with id ${id}`);
}

for (const kind of DATABASE_KINDS) {
  describe(`the feedback form at /aksesibilitas [${kind}]`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: App;

    beforeAll(async () => {
      ({ database, dispose } = await createTestDatabase(kind));
      app = await buildTestApp(database);
    });
    afterAll(async () => {
      await app?.close();
      await dispose?.();
    });

    describe('a post that fails validation', () => {
      const typed = {
        kind: 'suggestion',
        pageUrl: '/layanan?q=<kartu>&hal=2',
        message: 'Ada "<b>"',
        contactEmail: 'bukan-email',
      };
      let html: string;
      let status: number;
      let before: { feedback: number; outbox: number };

      beforeAll(async () => {
        const page = await getPage(app, '/aksesibilitas');
        before = await countWrites(database);
        const response = await postForm(app, '/aksesibilitas', { _csrf: page.token, ...typed }, { cookies: page.cookies });
        expectFormWithErrors(response, 422, 'id');
        ({ body: html, statusCode: status } = response);
      });

      it('shows the form again with status 422 and the GOV.UK error summary', () => {
        expect(status).toBe(422);
        expect(html).toContain('govuk-error-summary__list');
        expect(html).toContain(`<title>${escapeHtml(lookupMessage('platform.form.error', 'id')!)}:`);
      });

      it('links each error in the summary to its field by id', () => {
        const links = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
        expect(links).toEqual(['f-message', 'f-contactEmail']);
        for (const id of links) expect(elementWithId(html, id!)).toMatch(/aria-invalid="true"/);
      });

      it('marks each field with its own message, described by the field', () => {
        expect(html).toContain('id="f-message-error"');
        expect(html).toContain('id="f-contactEmail-error"');
        expect(elementWithId(html, 'f-message')).toMatch(/aria-describedby="[^"]*f-message-error/);
        expect(elementWithId(html, 'f-contactEmail')).toMatch(/aria-describedby="[^"]*f-contactEmail-error/);
        expect(html).toContain(escapeHtml(lookupMessage('platform.validation.tooShort', 'id', { minimum: 10 })!));
        expect(html).toContain(escapeHtml(lookupMessage('platform.validation.email', 'id')!));
        expect(html).not.toContain('id="f-pageUrl-error"');
      });

      it('keeps every typed value, including the textarea, escaped', () => {
        expect(html).toMatch(/<option value="suggestion" selected>/);
        expect(html).not.toMatch(/<option value="barrier" selected>/);
        expect(valueOf(html, 'f-pageUrl')).toBe(typed.pageUrl);
        expect(valueOf(html, 'f-contactEmail')).toBe(typed.contactEmail);
        const textarea = /<textarea[^>]*id="f-message"[^>]*>([^<]*)<\/textarea>/.exec(html);
        expect(unescapeHtml(textarea?.[1] ?? '')).toBe(typed.message);
        expect(html).not.toContain('<b>');
      });

      it('carries a fresh CSRF token so the corrected form can be sent', () => {
        expect(html).toMatch(/<input type="hidden" name="_csrf" value="[^"]+"/);
      });

      it('writes nothing', async () => {
        expect(await countWrites(database)).toEqual(before);
      });
    });

    it('shows the errors in English when the visitor reads English', async () => {
      const page = await getPage(app, '/aksesibilitas?lang=en');
      const response = await postForm(
        app,
        '/aksesibilitas',
        { _csrf: page.token, kind: 'barrier', message: '' },
        { cookies: page.cookies },
      );
      expectFormWithErrors(response, 422, 'en');
      expect(response.body).toContain(escapeHtml(lookupMessage('platform.validation.required', 'en')!));
    });

    it('lets the corrected form through with the token from the page that showed the errors', async () => {
      const page = await getPage(app, '/aksesibilitas');
      const refused = await postForm(
        app,
        '/aksesibilitas',
        { _csrf: page.token, kind: 'barrier', message: 'x' },
        { cookies: page.cookies },
      );
      const cookies = collectCookies(refused, page.cookies);
      const token = /name="_csrf" value="([^"]+)"/.exec(refused.body)![1]!;
      const accepted = await postForm(app, '/aksesibilitas', { _csrf: token, ...VALID_FEEDBACK }, { cookies });
      expect(accepted.statusCode).toBe(303);
    });

    describe('a post that passes', () => {
      it('stores the report, redirects 303 and shows the thanks exactly once', async () => {
        const page = await getPage(app, '/aksesibilitas');
        const before = await countWrites(database);
        const response = await postForm(app, '/aksesibilitas', { _csrf: page.token, ...VALID_FEEDBACK }, { cookies: page.cookies });
        expect(response.statusCode).toBe(303);
        expect(response.headers.location).toBe('/aksesibilitas');
        expect(await countWrites(database)).toEqual({ feedback: before.feedback + 1, outbox: before.outbox + 1 });

        const thanks = escapeHtml(lookupMessage('portal.feedback.thanks', 'id')!);
        let cookies = collectCookies(response, page.cookies);
        const next = await getPage(app, '/aksesibilitas', { cookies });
        expect(next.response.statusCode).toBe(200);
        expect(next.html).toContain('govuk-notification-banner--success');
        expect(next.html).toContain(thanks);

        cookies = next.cookies;
        const again = await getPage(app, '/aksesibilitas', { cookies });
        expect(again.html).not.toContain(thanks);
        expect(again.html).not.toContain('govuk-notification-banner');
      });

      it('ignores a flash cookie that was not signed by the server', async () => {
        const response = await app.inject({
          method: 'GET',
          url: '/aksesibilitas',
          headers: {
            accept: 'text/html',
            cookie: `sp_flash=${encodeURIComponent(JSON.stringify({ type: 'success', key: 'portal.feedback.thanks' }))}`,
          },
        });
        expect(response.statusCode).toBe(200);
        expect(response.body).not.toContain('govuk-notification-banner');
      });
    });
  });
}
