import type { Logger } from 'pino';
import { MODULES } from './modules.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { createServer, type App, type ServerDeps } from './platform/http/server.js';
import { registerApiDocs } from './platform/http/openapi.js';

/**
 * Composition root for the web role: platform plumbing, then every module's routes. `resolveActor` is
 * for tests (and later identity) to say who is calling; without it everyone is anonymous.
 */
export async function buildApp(deps: {
  config: Config;
  database: Database;
  logger: Logger;
  resolveActor?: ServerDeps['resolveActor'];
}): Promise<App> {
  const app = await createServer({
    ...deps,
    nav: MODULES.flatMap((m) => m.nav ?? []),
    subjects: Object.assign({}, ...MODULES.map((m) => m.subjects ?? {})) as ServerDeps['subjects'],
  });
  for (const module of MODULES) {
    if (module.routes) await app.register(module.routes);
  }
  await registerApiDocs(app);
  await app.ready();
  return app;
}
