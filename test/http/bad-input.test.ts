/**
 * Every kind of bad request, sent by an API client and by a browser, in Indonesian and English:
 * each gets its own status and error code, never a 500, and nothing is written.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.js';
import type { App } from '../../src/platform/http/server.js';
import { lookupMessage, type Locale } from '../../src/platform/i18n/catalog.js';
import {
  buildTestApp,
  cookieHeader,
  countWrites,
  expectErrorPage,
  expectFormWithErrors,
  expectJsonError,
  getPage,
  VALID_FEEDBACK,
  type Cookies,
} from '../support/app.js';
import { createTestDatabase, DATABASE_KINDS } from '../support/databases.js';

const BODY_LIMIT = 4096;
const oversize = 'x'.repeat(BODY_LIMIT + 100);

type Client = 'api' | 'browser';

/** How the language is chosen: by default, by header, by query parameter, or by the remembered cookie. */
const LANGUAGES: { name: string; locale: Locale; apply(options: Request): Request }[] = [
  { name: 'Indonesian by default', locale: 'id', apply: (o) => o },
  {
    name: 'English by Accept-Language',
    locale: 'en',
    apply: (o) => ({ ...o, headers: { ...o.headers, 'accept-language': 'en-GB,en;q=0.9,id;q=0.5' } }),
  },
  { name: 'English by ?lang=en', locale: 'en', apply: (o) => ({ ...o, url: `${o.url}${o.url.includes('?') ? '&' : '?'}lang=en` }) },
  { name: 'English by lang cookie', locale: 'en', apply: (o) => ({ ...o, cookies: { ...o.cookies, lang: 'en' } }) },
];

interface Request {
  method: InjectOptions['method'];
  url: string;
  headers?: Record<string, string>;
  cookies?: Cookies;
  payload?: string;
}

interface Session {
  token: string;
  cookies: Cookies;
  /** A valid token from somebody else's session. */
  foreignToken: string;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

interface Case {
  name: string;
  status: number;
  code: string;
  request(client: Client, session: Session): Request;
  /** A browser gets its form back with the errors rather than an error page. */
  rerendersForm?: boolean;
  /** Extra checks on the response, per client. */
  check?(client: Client, response: Awaited<ReturnType<App['inject']>>): void;
}

const CASES: Case[] = [
  {
    name: 'malformed JSON',
    status: 400,
    code: 'HTTP_MALFORMED_BODY',
    request: (client) => ({
      method: 'POST',
      url: client === 'api' ? '/api/v1/feedback' : '/aksesibilitas',
      headers: JSON_TYPE,
      payload: '{"kind": "barrier", "message": ',
    }),
  },
  {
    name: 'an unknown field',
    status: 422,
    code: 'HTTP_VALIDATION',
    rerendersForm: true,
    request: (client, session) =>
      client === 'api'
        ? { method: 'POST', url: '/api/v1/feedback', headers: JSON_TYPE, payload: JSON.stringify({ ...VALID_FEEDBACK, nickname: 'Budi' }) }
        : {
            method: 'POST',
            url: '/aksesibilitas',
            headers: FORM_TYPE,
            cookies: session.cookies,
            payload: form({ _csrf: session.token, ...VALID_FEEDBACK, nickname: 'Budi' }),
          },
    check: (client, response) => {
      if (client === 'api') {
        expect(response.json().error.fields).toEqual([{ path: 'nickname', message: expect.any(String) }]);
      } else {
        // The form is shown again, its error summary naming the field.
        expect(response.body).toContain('govuk-error-summary');
        expect(response.body).toContain('href="#f-nickname"');
      }
    },
  },
  {
    name: 'a body over BODY_LIMIT_BYTES',
    status: 413,
    code: 'HTTP_BODY_TOO_LARGE',
    request: (client, session) =>
      client === 'api'
        ? { method: 'POST', url: '/api/v1/feedback', headers: JSON_TYPE, payload: JSON.stringify({ ...VALID_FEEDBACK, message: oversize }) }
        : {
            method: 'POST',
            url: '/aksesibilitas',
            headers: FORM_TYPE,
            cookies: session.cookies,
            payload: form({ _csrf: session.token, ...VALID_FEEDBACK, message: oversize }),
          },
  },
  {
    name: 'a form post without a CSRF token',
    status: 403,
    code: 'HTTP_CSRF',
    request: (client, session) => ({
      method: 'POST',
      url: client === 'api' ? '/api/v1/feedback' : '/aksesibilitas',
      headers: FORM_TYPE,
      cookies: session.cookies,
      payload: form({ ...VALID_FEEDBACK }),
    }),
    check: (client, response) => {
      // A refused token must not hand the sender's values back inside a form with a fresh token.
      if (client === 'browser') expect(response.body).not.toContain(VALID_FEEDBACK.contactEmail);
    },
  },
  {
    name: "a form post with another session's CSRF token",
    status: 403,
    code: 'HTTP_CSRF',
    request: (client, session) => ({
      method: 'POST',
      url: client === 'api' ? '/api/v1/feedback' : '/aksesibilitas',
      headers: FORM_TYPE,
      cookies: session.cookies,
      payload: form({ _csrf: session.foreignToken, ...VALID_FEEDBACK }),
    }),
    check: (client, response) => {
      // A refused token must not hand the sender's values back inside a form with a fresh token.
      if (client === 'browser') expect(response.body).not.toContain(VALID_FEEDBACK.contactEmail);
    },
  },
  {
    name: 'an unknown route',
    status: 404,
    code: 'HTTP_NOT_FOUND',
    request: (client) => ({ method: 'GET', url: client === 'api' ? '/api/v1/tidak-ada' : '/tidak-ada' }),
  },
  {
    name: 'a method the route does not accept',
    status: 405,
    code: 'HTTP_METHOD_NOT_ALLOWED',
    request: (client) => (client === 'api' ? { method: 'DELETE', url: '/api/v1/feedback' } : { method: 'PUT', url: '/aksesibilitas' }),
    check: (client, response) => {
      const allow = String(response.headers.allow).split(/,\s*/);
      expect(allow).toEqual(client === 'api' ? ['POST'] : expect.arrayContaining(['GET', 'HEAD', 'POST']));
      expect(allow).not.toContain(client === 'api' ? 'DELETE' : 'PUT');
    },
  },
  {
    name: 'an unsupported content type (text/plain, as a cross-site form can send)',
    status: 415,
    code: 'HTTP_UNSUPPORTED_MEDIA_TYPE',
    request: (client, session) => ({
      method: 'POST',
      url: client === 'api' ? '/api/v1/feedback' : '/aksesibilitas',
      headers: { 'content-type': 'text/plain' },
      cookies: session.cookies,
      payload: `kind=barrier\r\nmessage=${VALID_FEEDBACK.message}\r\n_csrf=${session.token}`,
    }),
  },
];

async function send(app: App, client: Client, request: Request) {
  const cookies = request.cookies && Object.keys(request.cookies).length ? { cookie: cookieHeader(request.cookies) } : {};
  return app.inject({
    method: request.method,
    url: request.url,
    headers: {
      accept: client === 'api' ? 'application/json' : 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
      ...request.headers,
      ...cookies,
    },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
}

for (const kind of DATABASE_KINDS) {
  describe(`bad requests [${kind}]`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: App;
    let session: Session;

    beforeAll(async () => {
      ({ database, dispose } = await createTestDatabase(kind));
      app = await buildTestApp(database, { BODY_LIMIT_BYTES: String(BODY_LIMIT) });
      const mine = await getPage(app, '/aksesibilitas');
      const theirs = await getPage(app, '/aksesibilitas');
      session = { token: mine.token, cookies: mine.cookies, foreignToken: theirs.token };
    });
    afterAll(async () => {
      await app?.close();
      await dispose?.();
    });

    for (const c of CASES) {
      for (const client of ['api', 'browser'] as const) {
        describe(`${c.name} from ${client === 'api' ? 'an API client' : 'a browser'}`, () => {
          for (const language of LANGUAGES) {
            it(`answers ${c.status} ${c.code}, ${language.name}, and writes nothing`, async () => {
              const before = await countWrites(database);
              const response = await send(app, client, language.apply(c.request(client, session)));
              if (client === 'api') expectJsonError(response, c.status, c.code, language.locale);
              else if (c.rerendersForm) expectFormWithErrors(response, c.status, language.locale);
              else expectErrorPage(response, c.status, c.code, language.locale);
              c.check?.(client, response);
              expect(await countWrites(database)).toEqual(before);
            });
          }
        });
      }
    }

    it('answers 404, not 400, for a malformed body sent to an unknown route', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/tidak-ada', headers: JSON_TYPE, payload: '{bad' });
      expectJsonError(response, 404, 'HTTP_NOT_FOUND');
    });

    it('answers 405, not 413, for an oversize body sent with the wrong method', async () => {
      const response = await app.inject({
        method: 'PUT',
        url: '/api/v1/feedback',
        headers: JSON_TYPE,
        payload: JSON.stringify({ message: oversize }),
      });
      expectJsonError(response, 405, 'HTTP_METHOD_NOT_ALLOWED');
    });

    it('answers 404 for a missing asset rather than 405', async () => {
      expectJsonError(await app.inject({ method: 'GET', url: '/assets/tidak-ada.css' }), 404, 'HTTP_NOT_FOUND');
      expect((await app.inject({ method: 'HEAD', url: '/assets/tidak-ada.css' })).statusCode).toBe(404);
    });

    it('tells a missing field from a field of the wrong type', async () => {
      const post = (body: object) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/feedback',
          headers: { ...JSON_TYPE, 'accept-language': 'en' },
          payload: JSON.stringify(body),
        });
      const required = lookupMessage('platform.validation.required', 'en');
      const missing = expectJsonError(await post({ kind: 'barrier' }), 422, 'HTTP_VALIDATION', 'en');
      expect(missing.error.fields).toEqual([{ path: 'message', message: required }]);
      const wrongType = expectJsonError(await post({ kind: 'barrier', message: 12345678901 }), 422, 'HTTP_VALIDATION', 'en');
      expect(wrongType.error.fields).toEqual([{ path: 'message', message: expect.any(String) }]);
      expect(wrongType.error.fields![0]!.message).not.toBe(required);
    });

    it('answers a URL that cannot be decoded with the same JSON shape and security headers', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/%E0%A4%A' });
      expectJsonError(response, 400, 'HTTP_BAD_REQUEST');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('answers a browser whose URL cannot be decoded with an error page in its language', async () => {
      const response = await app.inject({ method: 'GET', url: '/%E0%A4%A', headers: { accept: 'text/html', cookie: 'lang=en' } });
      expectErrorPage(response, 400, 'HTTP_BAD_REQUEST', 'en');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('refuses a write that the browser marks as cross-site, whatever its content type', async () => {
      const before = await countWrites(database);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        headers: { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' },
        payload: JSON.stringify(VALID_FEEDBACK),
      });
      expectJsonError(response, 403, 'HTTP_CROSS_SITE');
      expect(await countWrites(database)).toEqual(before);
    });

    it('accepts the same JSON body when it is well formed, so the refusals above are about the input', async () => {
      const before = await countWrites(database);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        headers: JSON_TYPE,
        payload: JSON.stringify(VALID_FEEDBACK),
      });
      expect(response.statusCode).toBe(201);
      expect(await countWrites(database)).toEqual({ feedback: before.feedback + 1, outbox: before.outbox + 1 });
    });
  });
}
