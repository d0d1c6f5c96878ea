import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/server.js';
import { buildTestApp, NO_DATABASE } from '../support/app.js';

describe('choosing the language of a page', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(NO_DATABASE);
  });
  afterAll(async () => {
    await app?.close();
  });

  const langOf = async (url: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });
    expect(response.statusCode).toBe(200);
    return /<html lang="(\w+)"/.exec(response.body)?.[1];
  };

  it('is Indonesian by default', async () => {
    expect(await langOf('/')).toBe('id');
  });

  it('follows Accept-Language, by region-tagged language and by weight', async () => {
    expect(await langOf('/', { 'accept-language': 'en-GB' })).toBe('en');
    expect(await langOf('/', { 'accept-language': 'fr-FR, en;q=0.8, id;q=0.5' })).toBe('en');
    expect(await langOf('/', { 'accept-language': 'en;q=0.3, id-ID;q=0.9' })).toBe('id');
  });

  it('never picks a language the browser marks q=0', async () => {
    expect(await langOf('/', { 'accept-language': 'en;q=0, fr' })).toBe('id');
  });

  it('ignores malformed Accept-Language headers', async () => {
    expect(await langOf('/', { 'accept-language': ';;q=abc,,' })).toBe('id');
  });

  it('lets ?lang= win over the header and remembers it in an httpOnly cookie', async () => {
    const response = await app.inject({ method: 'GET', url: '/?lang=en', headers: { accept: 'text/html', 'accept-language': 'id' } });
    expect(response.body).toContain('<html lang="en"');
    const cookie = (response.cookies as { name: string; value: string; httpOnly?: boolean }[]).find((c) => c.name === 'lang');
    expect(cookie).toMatchObject({ value: 'en', httpOnly: true });
    expect(await langOf('/', { cookie: 'lang=en', 'accept-language': 'id' })).toBe('en');
  });

  it('ignores an unknown ?lang= value', async () => {
    const response = await app.inject({ method: 'GET', url: '/?lang=xx', headers: { accept: 'text/html' } });
    expect(response.body).toContain('<html lang="id"');
    expect((response.cookies as { name: string }[]).map((c) => c.name)).not.toContain('lang');
  });

  it('tells caches that the page depends on the language', async () => {
    const response = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(String(response.headers.vary)).toMatch(/accept-language/i);
  });
});
