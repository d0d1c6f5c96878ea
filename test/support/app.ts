/**
 * Builds the real application (src/app.ts) for `app.inject()` tests, and helps a test behave like a
 * browser: fetch a page, keep its cookies, read its CSRF token and post the form back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { expect } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db/database.js';
import { errorKey } from '../../src/platform/errors.js';
import type { App, ServerDeps } from '../../src/platform/http/server.js';
import { allMessages, type Locale } from '../../src/platform/i18n/catalog.js';

type InjectResponse = Awaited<ReturnType<App['inject']>>;

/** Uploaded files of this test process: one temporary folder, so tests never write into the checkout's data/. */
export const TEST_FILES_DIR = mkdtempSync(join(tmpdir(), 'satupintu-test-files-'));

/** The configuration every HTTP test starts from; `overrides` are environment variables, as in production. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOG_PRETTY: 'false', FILES_DIR: TEST_FILES_DIR, ...overrides });
}

/**
 * The whole app on `database`, with a silent logger. Close it with `app.close()` (the database stays open).
 * `resolveActor` stands in for identity: it says who each request comes from.
 */
export async function buildTestApp(
  database: Database,
  overrides: Record<string, string> = {},
  options: { resolveActor?: ServerDeps['resolveActor']; mail?: ServerDeps['mail']; sms?: ServerDeps['sms'] } = {},
): Promise<App> {
  return buildApp({
    config: testConfig(overrides),
    database,
    logger: pino({ level: 'silent' }),
    ...(options.resolveActor ? { resolveActor: options.resolveActor } : {}),
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.sms ? { sms: options.sms } : {}),
  });
}

/** For tests that build the app but never query: any use of it fails loudly instead of hanging. */
export const NO_DATABASE = new Proxy({} as Database, {
  get(_target, property) {
    if (property === 'then') return undefined;
    throw new Error(`this test builds the app without a database (it read database.${String(property)})`);
  },
});

/** A cookie jar of name → value, as a browser would send back. */
export type Cookies = Record<string, string>;

/** Merges the response's Set-Cookie headers into the jar; an expired or emptied cookie is removed. */
export function collectCookies(response: InjectResponse, jar: Cookies = {}): Cookies {
  const next = { ...jar };
  for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    const expired = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
    if (expired) delete next[c.name];
    else next[c.name] = c.value;
  }
  return next;
}

export function cookieHeader(jar: Cookies): string {
  return Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** The value of the hidden `_csrf` input in a rendered form. */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no CSRF token');
  return match[1]!;
}

export interface BrowserPage {
  response: InjectResponse;
  html: string;
  token: string;
  cookies: Cookies;
}

/** GETs an HTML page like a browser and returns its CSRF token with the cookies that go with it. */
export async function getPage(
  app: App,
  url: string,
  options: { cookies?: Cookies; headers?: Record<string, string> } = {},
): Promise<BrowserPage> {
  const jar = options.cookies ?? {};
  const response = await app.inject({
    method: 'GET',
    url,
    headers: { accept: 'text/html', ...(Object.keys(jar).length ? { cookie: cookieHeader(jar) } : {}), ...options.headers },
  });
  return { response, html: response.body, token: csrfTokenOf(response.body), cookies: collectCookies(response, jar) };
}

/** Posts an urlencoded form like a browser; `_csrf` is whatever the caller puts in `fields`. */
export async function postForm(
  app: App,
  url: string,
  fields: Record<string, string>,
  options: { cookies?: Cookies; headers?: Record<string, string> } = {},
): Promise<InjectResponse> {
  const jar = options.cookies ?? {};
  return app.inject({
    method: 'POST',
    url,
    headers: {
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
      ...(Object.keys(jar).length ? { cookie: cookieHeader(jar) } : {}),
      ...options.headers,
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** A valid feedback submission, for the form and the API alike. */
export const VALID_FEEDBACK = {
  kind: 'barrier',
  pageUrl: '/aksesibilitas',
  message: 'The date picker cannot be used with a keyboard.',
  contactEmail: 'warga@contoh.id',
} as const;

/** Feedback rows and outbox rows: what a refused write must leave untouched. */
export async function countWrites(database: Database): Promise<{ feedback: number; outbox: number }> {
  const { rows } = await sql<{ feedback: number; outbox: number }>`
    select (select count(*) from portal.feedback) as feedback, (select count(*) from platform.outbox) as outbox`.execute(database.db);
  return rows[0]!;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The fixed parts of a catalog message in one language, around its `{params}`: enough to recognise the
 * message in a response without repeating its text in the test.
 */
export function messageParts(fullKey: string, locale: Locale): string[] {
  const entry = allMessages().get(fullKey);
  if (!entry) throw new Error(`no message ${fullKey}`);
  return entry[locale]
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Asserts the one JSON error shape, `{"error":{"code","message","fields"?},"requestId"}`, in the given language. */
export function expectJsonError(response: InjectResponse, status: number, code: string, locale: Locale = 'id') {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json<{
    error: { code: string; message: string; fields?: { path: string; message: string }[] };
    requestId: string;
  }>();
  expect(Object.keys(body).sort()).toEqual(['error', 'requestId']);
  expect(Object.keys(body.error).filter((k) => !['code', 'message', 'fields'].includes(k))).toEqual([]);
  expect(body.error.code).toBe(code);
  for (const part of messageParts(errorKey(code), locale)) expect(body.error.message).toContain(part);
  if (body.error.fields !== undefined) {
    expect(body.error.fields.length).toBeGreaterThan(0);
    for (const field of body.error.fields) expect(Object.keys(field).sort()).toEqual(['message', 'path']);
  }
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

/** Asserts a full HTML page in the given language that shows the error's message with the right status. */
export function expectErrorPage(response: InjectResponse, status: number, code: string, locale: Locale = 'id') {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expect(response.body).toMatch(/^<!DOCTYPE html>/);
  expect(response.body).toContain(`<html lang="${locale}"`);
  for (const part of messageParts(errorKey(code), locale)) expect(response.body).toContain(escapeHtml(part));
}

/** Asserts a form shown again in the given language, with the GOV.UK error summary. */
export function expectFormWithErrors(response: InjectResponse, status: number, locale: Locale = 'id') {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expect(response.body).toContain(`<html lang="${locale}"`);
  expect(response.body).toMatch(/<div class="govuk-error-summary"[^>]*role="alert"/);
  for (const part of messageParts('platform.form.errorSummary', locale)) expect(response.body).toContain(escapeHtml(part));
  expect(response.body).toMatch(/<form method="post"/);
}
