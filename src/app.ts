import type { Logger } from 'pino';
import { sessionActorResolver } from './modules/identity/index.js';
import { MODULES } from './modules.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { createServer, type App, type ServerDeps } from './platform/http/server.js';
import { registerApiDocs } from './platform/http/openapi.js';

/**
 * Composition root for the web role: platform plumbing, then every module's routes. Identity's session
 * cookie says who is calling; tests may pass `resolveActor` to say it themselves.
 */
export async function buildApp(deps: {
  config: Config;
  database: Database;
  logger: Logger;
  resolveActor?: ServerDeps['resolveActor'];
  mail?: ServerDeps['mail'];
  sms?: ServerDeps['sms'];
}): Promise<App> {
  const app = await createServer({
    ...deps,
    resolveActor: deps.resolveActor ?? sessionActorResolver(deps.database),
    signInPath: '/masuk',
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
