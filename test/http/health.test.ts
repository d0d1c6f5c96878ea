import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.js';
import type { App } from '../../src/platform/http/server.js';
import { buildTestApp, expectJsonError } from '../support/app.js';
import { createTestDatabase, DATABASE_KINDS } from '../support/databases.js';

for (const kind of DATABASE_KINDS) {
  describe(`health checks [${kind}]`, () => {
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

    it('/healthz answers 200 without touching the database', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    });

    it('/readyz answers 200 and names the database while it answers', async () => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ready', database: kind });
    });

    it('never rate-limits /healthz and /readyz', async () => {
      const limited = await buildTestApp(database, { RATE_LIMIT_MAX: '2' });
      try {
        for (let i = 0; i < 5; i++) {
          expect((await limited.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
          expect((await limited.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
        }
        expect((await limited.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
        expect((await limited.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
        expect((await limited.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(429);
      } finally {
        await limited.close();
      }
    });

    // Last in this suite: it closes the database under the running app.
    it('/readyz answers 503 HTTP_UNAVAILABLE with Retry-After once the database is closed, to probes and browsers alike', async () => {
      await database.close();
      const probe = await app.inject({ method: 'GET', url: '/readyz' });
      expectJsonError(probe, 503, 'HTTP_UNAVAILABLE');
      expect(probe.headers['retry-after']).toBe('5');
      const curl = await app.inject({ method: 'GET', url: '/readyz', headers: { accept: '*/*' } });
      expectJsonError(curl, 503, 'HTTP_UNAVAILABLE');
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      // Any route that needs the database reports the outage as 503, not as a 500 bug.
      const read = await app.inject({ method: 'GET', url: '/api/v1/feedback/stats' });
      expectJsonError(read, 503, 'HTTP_UNAVAILABLE');
      expect(read.headers['retry-after']).toBe('5');
    });
  });
}
