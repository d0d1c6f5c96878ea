import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database, SqlExecutor, Tx } from '../db/database.js';
import {
  JobPayloadError,
  UnknownJobError,
  type AnyJobDefinition,
  type JobContext,
  type JobDefinition,
  type JobSender,
  type SendOptions,
} from './job.js';

export interface JobRunnerOptions {
  database: Database;
  log: Logger;
  /** Every job this process may send or run; names must be unique. */
  jobs: readonly AnyJobDefinition[];
  /**
   * Worker role: fetch and run jobs, keep cron schedules, run pg-boss maintenance. A web-only process
   * passes false and only sends.
   */
  work: boolean;
  /** pg-boss keeps its tables in their own schema, apart from the modules' (default `pgboss`). */
  schema?: string;
  /** How often an idle worker looks for jobs; sends from this process wake it at once. */
  pollingIntervalSeconds?: number;
  /** How long stop() waits for running handlers before pg-boss fails them for a later retry. */
  stopTimeoutMs?: number;
  /** Handed to handlers as `ctx.outbound`, so a subscriber that queued mail can have it sent at once. */
  outbound?: { kick(): void };
}

export interface JobState {
  id: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  data: unknown;
  retryCount: number;
  singletonKey: string | null;
  output: unknown;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Runs background jobs on the shared database with pg-boss. pg-boss reaches the database only through
 * `database.executor`, so on PGlite it takes turns with Kysely on the one connection.
 */
export class JobRunner implements JobSender {
  readonly #boss: PgBoss;
  readonly #executor: TrackedExecutor;
  readonly #definitions: ReadonlyMap<string, AnyJobDefinition>;
  readonly #options: JobRunnerOptions;
  readonly #log: Logger;
  readonly #workerIds = new Map<string, string[]>();
  #ready = false;
  #stopping: Promise<void> | undefined;
  #activeHandlers = 0;

  private constructor(options: JobRunnerOptions) {
    const definitions = new Map<string, AnyJobDefinition>();
    for (const job of options.jobs) {
      if (definitions.has(job.name)) throw new Error(`Job ${job.name} is defined twice`);
      definitions.set(job.name, job);
    }
    this.#definitions = definitions;
    this.#options = options;
    this.#log = options.log.child({ component: 'jobs' });
    this.#executor = new TrackedExecutor(options.database.executor);
    this.#boss = new PgBoss({
      db: this.#executor,
      schema: options.schema ?? 'pgboss',
      migrate: true,
      schedule: options.work,
      supervise: options.work,
    });
    this.#boss.on('error', (err) => {
      // After stop() the executor refuses queries; a pg-boss timer still in flight reports that harmlessly.
      if (this.#stopping && err instanceof RunnerStoppedError) return;
      this.#log.error({ err }, 'job runner error');
    });
    this.#boss.on('warning', (warning) => this.#log.warn({ data: warning.data }, warning.message));
  }

  /** Installs or upgrades pg-boss's schema, creates a queue per job, and (worker role) starts workers and cron. */
  static async start(options: JobRunnerOptions): Promise<JobRunner> {
    const runner = new JobRunner(options);
    await runner.#start();
    return runner;
  }

  get jobNames(): string[] {
    return [...this.#definitions.keys()];
  }

  async #start(): Promise<void> {
    await this.#boss.start();
    for (const job of this.#definitions.values()) {
      const queueOptions = {
        retryLimit: job.retry?.limit ?? 2,
        retryDelay: job.retry?.delaySeconds ?? 0,
        retryBackoff: job.retry?.backoff ?? false,
        ...(job.retry?.backoff && job.retry.maxDelaySeconds !== undefined ? { retryDelayMax: job.retry.maxDelaySeconds } : {}),
        ...(job.expireInSeconds !== undefined ? { expireInSeconds: job.expireInSeconds } : {}),
      };
      await this.#boss.createQueue(job.name, { policy: 'standard', ...queueOptions });
      // createQueue keeps an existing queue as it was; the definition in code is the truth.
      await this.#boss.updateQueue(job.name, queueOptions);
      // pg-boss looks a queue up on first use and caches it. Warm the cache now: a send inside a
      // transaction on PGlite must not need another query from outside that transaction.
      await this.#boss.getJobById(job.name, NIL_UUID);
    }
    if (this.#options.work) {
      for (const job of this.#definitions.values()) {
        const id = await this.#boss.work<unknown>(
          job.name,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.#options.pollingIntervalSeconds ?? 2 },
          ([received]) => this.#run(job, received!),
        );
        this.#workerIds.set(job.name, [id]);
        if (job.cron) {
          await this.#boss.schedule(job.name, job.cron.expression, job.cron.payload as object, { tz: job.cron.timeZone ?? 'UTC' });
        } else {
          // A schedule left behind by a definition that no longer has one.
          await this.#boss.unschedule(job.name);
        }
      }
    }
    this.#ready = true;
    this.#log.debug({ jobs: this.jobNames, work: this.#options.work }, 'job runner started');
  }

  async #run(job: AnyJobDefinition, received: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    this.#activeHandlers++;
    const log = this.#log.child({ job: job.name, jobId: received.id });
    try {
      const parsed = job.schema.safeParse(received.data);
      if (!parsed.success) throw new JobPayloadError(job.name, 'receive', parsed.error.issues);
      const ctx: JobContext = {
        database: this.#options.database,
        log,
        jobId: received.id,
        retryCount: received.retryCount,
        jobs: this,
        ...(this.#options.outbound ? { outbound: this.#options.outbound } : {}),
      };
      await job.handler(ctx, parsed.data);
    } catch (err) {
      log.error({ err, retryCount: received.retryCount }, 'job failed');
      throw err;
    } finally {
      this.#activeHandlers--;
    }
  }

  send<S extends z.ZodType>(job: JobDefinition<S>, payload: z.input<S>, options?: SendOptions): Promise<string | null>;
  send(name: string, payload: unknown, options?: SendOptions): Promise<string | null>;
  async send(job: AnyJobDefinition | string, payload: unknown, options: SendOptions = {}): Promise<string | null> {
    const name = typeof job === 'string' ? job : job.name;
    const definition = this.#definitions.get(name);
    if (!definition) throw new UnknownJobError(name);
    if (!this.#ready || this.#stopping) throw new RunnerStoppedError();
    const parsed = definition.schema.safeParse(payload);
    if (!parsed.success) throw new JobPayloadError(name, 'send', parsed.error.issues);
    const { tx, startAfter, ...rest } = options;
    const sendOptions: PgBoss.SendOptions = {
      ...rest,
      ...(startAfter === undefined ? {} : { startAfter }),
      ...(tx ? { db: transactionExecutor(tx) } : {}),
    };
    // The payload as given, not as parsed: the worker parses it again, and transforms need their input.
    const id = await this.#boss.send(name, payload as object, sendOptions);
    // Within a transaction the job is invisible until commit; the caller calls notify() after it.
    if (!tx) this.notify(name);
    return id;
  }

  /** Wakes this process's idle workers for `name` so a job just committed runs without waiting for the next poll. */
  notify(name: string): void {
    for (const id of this.#workerIds.get(name) ?? []) this.#boss.notifyWorker(id);
  }

  /** One job's state, for operators and tests. */
  async getJob(name: string, id: string): Promise<JobState | null> {
    const job = await this.#boss.getJobById<unknown>(name, id);
    if (!job) return null;
    return { id: job.id, state: job.state, data: job.data, retryCount: job.retryCount, singletonKey: job.singletonKey, output: job.output };
  }

  async schedules(): Promise<{ name: string; cron: string; timeZone: string }[]> {
    const rows = await this.#boss.getSchedules();
    return rows.map((s) => ({ name: s.name, cron: s.cron, timeZone: s.timezone }));
  }

  /**
   * Stops fetching, waits for running handlers (up to `stopTimeoutMs`), then for pg-boss's last
   * queries, so the database can be closed right after.
   */
  async stop(): Promise<void> {
    this.#stopping ??= (async () => {
      const timeout = this.#options.stopTimeoutMs ?? 10_000;
      await this.#boss.stop({ graceful: true, wait: true, close: false, timeout });
      // A fetch already in flight when stop began may still hand a job to its handler.
      const deadline = Date.now() + timeout;
      while ((this.#executor.pending > 0 || this.#activeHandlers > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      this.#executor.close();
      this.#log.debug('job runner stopped');
    })();
    return this.#stopping;
  }
}

class RunnerStoppedError extends Error {
  override name = 'RunnerStoppedError';
  constructor() {
    super('The job runner is not running');
  }
}

/** Counts pg-boss's queries in flight so stop() can wait for them, and refuses new ones once closed. */
class TrackedExecutor implements SqlExecutor {
  pending = 0;
  #closed = false;

  constructor(private readonly inner: SqlExecutor) {}

  async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    if (this.#closed) throw new RunnerStoppedError();
    this.pending++;
    try {
      return await this.inner.executeSql(text, values);
    } finally {
      this.pending--;
    }
  }

  close(): void {
    this.#closed = true;
  }
}

/**
 * Runs pg-boss's SQL on an open Kysely transaction, so queued jobs commit or roll back with it.
 * Without plugins: pg-boss reads its own column names back, not camelCased ones.
 */
export function transactionExecutor(tx: Tx): SqlExecutor {
  const raw = tx.withoutPlugins();
  return {
    async executeSql(text, values) {
      const result = await raw.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows };
    },
  };
}
