import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/server.js';
import { buildTestApp, expectErrorPage, expectJsonError, NO_DATABASE } from '../support/app.js';

// None of these requests reads the database; health.test.ts covers the routes that do.
const database = NO_DATABASE;

describe('security headers', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
  });

  const requests = [
    { name: 'an HTML page', url: '/', headers: { accept: 'text/html' } },
    { name: 'a JSON API answer', url: '/api/openapi.json', headers: {} },
    { name: 'an HTML error page', url: '/tidak-ada', headers: { accept: 'text/html' } },
    { name: 'a JSON error', url: '/api/v1/tidak-ada', headers: {} },
  ];

  for (const request of requests) {
    it(`sends a strict CSP, nosniff and no framing on ${request.name}`, async () => {
      const response = await app.inject({ method: 'GET', url: request.url, headers: request.headers });
      const csp = String(response.headers['content-security-policy']);
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('style-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    });
  }

  it('renders pages without inline scripts or styles, so the CSP needs no exception', async () => {
    for (const url of ['/', '/aksesibilitas', '/api/docs', '/tidak-ada']) {
      const html = (await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).body;
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/<style[\s>]/);
      expect(html).not.toMatch(/\sstyle="/);
      expect(html).not.toMatch(/\son[a-z]+="/);
    }
  });

  it('keeps the CSRF and language cookies away from scripts', async () => {
    const response = await app.inject({ method: 'GET', url: '/aksesibilitas?lang=en', headers: { accept: 'text/html' } });
    const cookies = response.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[];
    expect(cookies.map((c) => c.name).sort()).toEqual(['lang', 'sp_csrf']);
    for (const cookie of cookies) {
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
    }
  });
});

describe('request ids', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives every response an x-request-id, the same one as in a JSON error', async () => {
    const ok = await app.inject({ method: 'GET', url: '/healthz' });
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await app.inject({ method: 'GET', url: '/api/v1/tidak-ada' });
    expect(expectJsonError(refused, 404, 'HTTP_NOT_FOUND').requestId).toBe(refused.headers['x-request-id']);
    expect(refused.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
  });

  it("honours a well-formed incoming x-request-id, so a proxy's id follows the request", async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/tidak-ada', headers: { 'x-request-id': 'lb-7f3a9c21.0001' } });
    expect(response.headers['x-request-id']).toBe('lb-7f3a9c21.0001');
    expect(response.json().requestId).toBe('lb-7f3a9c21.0001');
  });

  for (const [name, given] of [
    ['too short', 'abc'],
    ['too long', 'x'.repeat(65)],
    ['with characters that could forge log lines or markup', 'abc12345<script>\nlevel=error'],
  ] as const) {
    it(`replaces an incoming x-request-id that is ${name}`, async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': given } });
      expect(response.headers['x-request-id']).not.toBe(given);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  }
});

describe('rate limiting', () => {
  let app: App;
  const MAX = 3;
  beforeAll(async () => {
    app = await buildTestApp(database, { RATE_LIMIT_MAX: String(MAX), RATE_LIMIT_WINDOW: '1 minute' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers 429 HTTP_RATE_LIMITED with Retry-After once a client exceeds RATE_LIMIT_MAX, in JSON and HTML', async () => {
    for (let i = 0; i < MAX; i++) {
      expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    }
    const json = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-language': 'en' } });
    expectJsonError(json, 429, 'HTTP_RATE_LIMITED', 'en');
    const retryAfter = Number(json.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The message counts in seconds in the reader's language, not the plugin's English "1 minute".
    expect(json.json().error.message).toContain(String(retryAfter));
    expect(json.json().error.message).not.toContain('minute');

    const page = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expectErrorPage(page, 429, 'HTTP_RATE_LIMITED', 'id');
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('never limits the liveness check, so an orchestrator can always see the process', async () => {
    for (let i = 0; i < MAX + 2; i++) {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    }
  });
});
