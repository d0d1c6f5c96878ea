import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './platform/config.js';
import { databaseOptionsFromConfig, openDatabase } from './platform/db/database.js';
import { migrate } from './platform/db/migrator.js';
import { createLogger } from './platform/log.js';

/** Starts the configured roles (web, worker, or both) on one database, and stops them gracefully. */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const logger = createLogger(config);
  const database = await openDatabase(databaseOptionsFromConfig(config));
  const migrated = await migrate(database);
  if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'migrations applied');
  const app = await buildApp({ config, database, logger });
  await app.listen({ host: config.HOST, port: config.PORT });
  closeWithGrace({ delay: config.SHUTDOWN_GRACE_MS, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'stopping after an error');
    else logger.info({ signal }, 'stopping');
    await app.close();
    await database.close();
  });
}
