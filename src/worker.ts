import type { Logger } from 'pino';
import { MODULES } from './modules.js';
import type { Database } from './platform/db/database.js';
import { OutboxDispatcher, subscriberJobs } from './platform/events/dispatcher.js';
import { JobRunner } from './platform/jobs/runner.js';
import { mailJobs, type MailDelivery } from './platform/mail/mail.js';
import type { ModuleDefinition } from './platform/module.js';
import { textJobs, type TextDelivery } from './platform/text/text.js';

export interface Jobs {
  runner: JobRunner;
  /** Present in the worker role only; web processes write events and leave delivery to workers. */
  dispatcher: OutboxDispatcher | undefined;
  /** Stops dispatching, then the runner (waiting for running handlers). The database stays open. */
  stop(): Promise<void>;
}

export interface JobsDeps {
  database: Database;
  log: Logger;
  /** Worker role: run jobs, cron and the outbox dispatcher. Otherwise only send. */
  work: boolean;
  modules?: readonly ModuleDefinition[];
  /** Registers `mail.deliver`, which sends queued mail every minute (main.ts builds it from the config). */
  mail?: MailDelivery;
  /** Registers `text.deliver`, which sends queued SMS/WhatsApp messages every minute. */
  text?: TextDelivery;
  pollingIntervalSeconds?: number;
  dispatchIntervalMs?: number;
  stopTimeoutMs?: number;
}

/** Composition root for background work: every module's jobs and event subscribers on one pg-boss runner. */
export async function startJobs(deps: JobsDeps): Promise<Jobs> {
  const modules = deps.modules ?? MODULES;
  const subscribers = modules.flatMap((m) => m.subscribers ?? []);
  const runner = await JobRunner.start({
    database: deps.database,
    log: deps.log,
    jobs: [
      ...modules.flatMap((m) => m.jobs ?? []),
      ...subscriberJobs(subscribers),
      ...(deps.mail ? mailJobs(deps.mail) : []),
      ...(deps.text ? textJobs(deps.text) : []),
    ],
    work: deps.work,
    outbound: {
      // Fire and forget: a failed round leaves the rows queued for the every-minute delivery job.
      kick: () => {
        deps.mail?.kick().catch((err: unknown) => deps.log.warn({ err }, 'mail round after a job failed'));
        deps.text?.deliverPending().catch((err: unknown) => deps.log.warn({ err }, 'text round after a job failed'));
      },
    },
    ...(deps.pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: deps.pollingIntervalSeconds }),
    ...(deps.stopTimeoutMs === undefined ? {} : { stopTimeoutMs: deps.stopTimeoutMs }),
  });
  let dispatcher: OutboxDispatcher | undefined;
  if (deps.work) {
    dispatcher = new OutboxDispatcher({
      database: deps.database,
      jobs: runner,
      subscribers,
      log: deps.log,
      ...(deps.dispatchIntervalMs === undefined ? {} : { intervalMs: deps.dispatchIntervalMs }),
    });
    dispatcher.start();
  }
  return {
    runner,
    dispatcher,
    async stop() {
      await dispatcher?.stop();
      await runner.stop();
    },
  };
}
