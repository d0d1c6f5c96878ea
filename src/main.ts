import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { MODULES } from './modules.js';
import { loadConfig, type Config } from './platform/config.js';
import { databaseOptionsFromConfig, openDatabase, type Database } from './platform/db/database.js';
import { migrate, type MigrateResult } from './platform/db/migrator.js';
import type { App } from './platform/http/server.js';
import { createLogger } from './platform/log.js';
import { createMailTransport, MailDelivery } from './platform/mail/mail.js';
import type { DemoLogin, ModuleDefinition } from './platform/module.js';
import { createTextSender, TextDelivery } from './platform/text/text.js';
import { startJobs, type Jobs } from './worker.js';

/** Shows how far a long step got; the CLI draws a bar on a terminal and plain lines elsewhere. */
export interface Progress {
  update(done: number, total: number, label?: string): void;
  finish(): void;
}
export type ProgressFactory = (title: string) => Progress;

const silentProgress: ProgressFactory = () => ({ update() {}, finish() {} });

export interface ServeOptions {
  progress?: ProgressFactory;
  /** Where the start-up banner goes (stdout by default). */
  print?: (text: string) => void;
  /** Stop on SIGINT/SIGTERM and fatal errors (default true); tests call `stop()` themselves. */
  handleSignals?: boolean;
}

export interface Running {
  /** Where the web role listens; undefined for a worker-only process. */
  url: string | undefined;
  database: Database;
  jobs: Jobs;
  app: App | undefined;
  /** Stops the worker, then the web server, then closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** Applies pending migrations with a progress display. */
export async function runMigrations(database: Database, log: Logger, progress: ProgressFactory = silentProgress): Promise<MigrateResult> {
  const bar = progress('Migrating database');
  try {
    const result = await migrate(database, { onProgress: (done, total, name) => bar.update(done, total, name) });
    if (result.applied.length > 0) log.info({ applied: result.applied }, 'migrations applied');
    return result;
  } finally {
    bar.finish();
  }
}

export interface DemoSeedSummary {
  logins: DemoLogin[];
  /** Records created by this run; 0 when every module found its demo data already there. */
  created: number;
}

/** Runs every module's demo seed in module order. Each seed is idempotent, so this is too. */
export async function seedDemo(deps: {
  database: Database;
  log: Logger;
  progress?: ProgressFactory;
  modules?: readonly ModuleDefinition[];
}): Promise<DemoSeedSummary> {
  const summary: DemoSeedSummary = { logins: [], created: 0 };
  for (const module of deps.modules ?? MODULES) {
    if (!module.seed) continue;
    const bar = (deps.progress ?? silentProgress)(`Seeding ${module.name}`);
    try {
      const result = await module.seed({
        database: deps.database,
        log: deps.log.child({ seed: module.name }),
        progress: (done, total, label) => bar.update(done, total, label),
      });
      summary.logins.push(...result.logins);
      summary.created += result.created;
    } finally {
      bar.finish();
    }
  }
  return summary;
}

/** `satupintu seed --demo`: migrates, then seeds, on its own connection. */
export async function runSeed(config: Config, options: { progress?: ProgressFactory } = {}): Promise<DemoSeedSummary> {
  const log = createLogger(config);
  const database = await openDatabase(databaseOptionsFromConfig(config));
  try {
    await runMigrations(database, log, options.progress);
    return await seedDemo({ database, log, ...(options.progress ? { progress: options.progress } : {}) });
  } finally {
    await database.close();
  }
}

/** The start-up banner: where to go, and how to sign in to the demo. */
export function formatBanner(info: { url: string; database: string; seed: DemoSeedSummary | undefined }): string {
  const lines = ['', '  Satupintu is running', '', `  Open        ${info.url}`, `  Database    ${info.database}`];
  if (info.seed) {
    lines.push(`  Demo data   ${info.seed.created > 0 ? `seeded (${info.seed.created} records)` : 'already seeded, reused'}`);
    if (info.seed.logins.length === 0) {
      lines.push('  Demo logins: none');
    } else {
      lines.push('  Demo logins:');
      const roleWidth = Math.max(...info.seed.logins.map((l) => l.role.length));
      const emailWidth = Math.max(...info.seed.logins.map((l) => l.email.length));
      for (const login of info.seed.logins) {
        lines.push(`    ${login.role.padEnd(roleWidth)}  ${login.email.padEnd(emailWidth)}  ${login.password}`);
      }
    }
  }
  lines.push('', '  Press Ctrl+C to stop.', '');
  return lines.join('\n') + '\n';
}

/**
 * Starts the configured roles on one database: `all` (web and worker in one process, the demo),
 * `web` or `worker`. Migrates first; seeds the demo on `all`/`web` when configured.
 */
export async function serve(config: Config = loadConfig(), options: ServeOptions = {}): Promise<Running> {
  const logger = createLogger(config);
  const progress = options.progress ?? silentProgress;
  const hasWeb = config.ROLE !== 'worker';
  const hasWorker = config.ROLE !== 'web';
  const database = await openDatabase(databaseOptionsFromConfig(config));
  const mail = new MailDelivery({ database, transport: createMailTransport(config, logger), from: config.MAIL_FROM, log: logger });
  const text = new TextDelivery({ database, sender: createTextSender(config, logger), log: logger });
  let jobs: Jobs | undefined;
  let app: App | undefined;
  let seed: DemoSeedSummary | undefined;
  try {
    await runMigrations(database, logger, progress);
    if (hasWeb && config.seedDemo) seed = await seedDemo({ database, log: logger, progress });
    // Shutdown below has its own grace period; leave room for the web server and the database.
    jobs = await startJobs({ database, log: logger, work: hasWorker, mail, text, stopTimeoutMs: Math.floor(config.SHUTDOWN_GRACE_MS / 2) });
    if (hasWeb) {
      app = await buildApp({ config, database, logger, mail });
      await app.listen({ host: config.HOST, port: config.PORT });
    }
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }

  let url: string | undefined;
  if (app) {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    url = config.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
    // After Fastify's own "listening" lines, so the banner is the last thing on screen.
    await new Promise((resolve) => setImmediate(resolve));
    const where = database.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
    (options.print ?? ((text) => process.stdout.write(text)))(formatBanner({ url, database: where, seed }));
  }
  logger.info({ role: config.ROLE, url }, 'started');

  const startedJobs = jobs;
  let stopping: Promise<void> | undefined;
  let signals: { uninstall(): void } | undefined;
  const stop = () => {
    stopping ??= (async () => {
      signals?.uninstall();
      await startedJobs.stop();
      await app?.close();
      await mail.stop();
      await database.close();
    })();
    return stopping;
  };
  if (options.handleSignals ?? true) {
    signals = closeWithGrace({ delay: config.SHUTDOWN_GRACE_MS, logger }, async ({ signal, err }) => {
      if (err) logger.error({ err }, 'stopping after an error');
      else logger.info({ signal }, 'stopping');
      await stop();
    });
  }
  return { url, database, jobs: startedJobs, app, stop };
}
