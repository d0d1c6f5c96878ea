import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/server.js';
import { buildTestApp, NO_DATABASE } from '../support/app.js';

describe('API description', () => {
  let app: App;

  beforeAll(async () => {
    app = await buildTestApp(NO_DATABASE);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('/api/openapi.json is an OpenAPI 3.1 document listing the JSON API and no HTML routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.paths['/api/v1/feedback']).toHaveProperty('post');
    expect(spec.paths['/api/v1/feedback/stats']).toHaveProperty('get');
    for (const path of Object.keys(spec.paths)) expect(path).toMatch(/^\/api\/v\d+\//);
    for (const html of ['/', '/aksesibilitas', '/healthz', '/readyz', '/api/docs', '/api/openapi.json', '/assets/*']) {
      expect(spec.paths).not.toHaveProperty([html]);
    }
  });

  it('describes every API operation reachable in the route table', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const routed = app.routeTable
      .filter((r) => /^\/api\/v\d+\//.test(r.url) && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual([...new Set(routed)].sort());
  });

  it('/api/docs renders a readable reference page in the visitor language', async () => {
    for (const locale of ['id', 'en'] as const) {
      const response = await app.inject({ method: 'GET', url: `/api/docs?lang=${locale}`, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain(`<html lang="${locale}"`);
      expect(response.body).toContain('/api/v1/feedback/stats');
      expect(response.body).toContain('href="/api/openapi.json"');
      expect(response.body).not.toContain('<script');
    }
  });
});
