import Fastify, { type FastifyInstance } from 'fastify';

/**
 * The baseline: the same Fastify the app uses, one JSON route, no plugins, no hooks, no logger.
 * Whatever the app does above this (helmet headers, cookies, CSRF, rate limit, locale negotiation,
 * schemas, rendering, the database) shows up as the gap between a target and this.
 */
export async function startHelloWorld(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app;
}
