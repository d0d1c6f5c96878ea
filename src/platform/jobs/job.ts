import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database, Tx } from '../db/database.js';

/** `<module>.<verb-noun>`, e.g. `applications.send-deadline-reminders`. Subscribers use the same shape. */
export const JOB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface JobContext {
  database: Database;
  log: Logger;
  /** pg-boss job id; stable across retries of the same job. */
  jobId: string;
  /** 0 on the first run, then 1, 2… on retries. */
  retryCount: number;
  /** Queues follow-up jobs (validated like any other send). */
  jobs: JobSender;
  /**
   * Sends queued mail and text messages now rather than at the next delivery round; call it after the
   * transaction that queued them commits. Absent where this process does not deliver.
   */
  outbound?: { kick(): void };
}

export interface RetryPolicy {
  /** Extra attempts after the first failure. */
  limit: number;
  delaySeconds?: number;
  /** Exponential backoff from `delaySeconds`, capped by `maxDelaySeconds`. */
  backoff?: boolean;
  maxDelaySeconds?: number;
}

export interface CronSchedule<Input> {
  expression: string;
  /** IANA zone the expression is read in; Indonesian offices work in WIB/WITA/WIT. */
  timeZone?: string;
  payload: Input;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
  readonly handler: (ctx: JobContext, payload: z.output<S>) => Promise<void>;
  readonly cron?: CronSchedule<z.input<S>> | undefined;
  readonly retry?: RetryPolicy | undefined;
  /** How long one run may take before pg-boss fails it and retries (default 15 minutes). */
  readonly expireInSeconds?: number | undefined;
}

// The runner holds definitions of many payload types side by side; each is only ever called with
// a payload its own schema produced, so the erased type is safe.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyJobDefinition = JobDefinition<any>;

/**
 * Declares a background job. Its payload is checked against `schema` when it is sent and again when
 * a worker receives it, so a job queued by an older release or by hand cannot reach the handler
 * malformed. Handlers may run more than once (retries, a crashed worker): make them idempotent.
 */
export function defineJob<S extends z.ZodType>(definition: {
  name: string;
  schema: S;
  handler: (ctx: JobContext, payload: z.output<S>) => Promise<void>;
  cron?: string | CronSchedule<z.input<S>>;
  retry?: RetryPolicy;
  expireInSeconds?: number;
}): JobDefinition<S> {
  if (!JOB_NAME.test(definition.name)) throw new Error(`Job name ${definition.name} must be <module>.<verb-noun>`);
  const cron = typeof definition.cron === 'string' ? { expression: definition.cron, payload: {} as z.input<S> } : definition.cron;
  if (cron) {
    // A scheduled payload is fixed at definition time, so check it now rather than every minute.
    const parsed = definition.schema.safeParse(cron.payload);
    if (!parsed.success) throw new JobPayloadError(definition.name, 'cron', parsed.error.issues);
  }
  return Object.freeze({ ...definition, cron });
}

export interface SendOptions {
  /** Deduplicates: with `id`, a second send of the same id is ignored (returns null). */
  id?: string;
  /** Recorded on the job; shows where it came from (e.g. `eventId:subscriber`). */
  singletonKey?: string;
  /** Run no earlier than this time, or this many seconds from now. */
  startAfter?: Date | number;
  priority?: number;
  /**
   * Queue the job in the caller's transaction: it exists exactly when the transaction commits.
   * Always pass it when sending from inside a transaction: without it the job is queued apart from
   * the transaction, and on PGlite (one connection) the send waits for that transaction forever.
   */
  tx?: Tx;
}

export interface JobSender {
  /** Validates the payload and queues the job; resolves to the job id, or null when deduplicated. */
  send<S extends z.ZodType>(job: JobDefinition<S>, payload: z.input<S>, options?: SendOptions): Promise<string | null>;
  send(name: string, payload: unknown, options?: SendOptions): Promise<string | null>;
}

/** A payload that does not match its job's schema; never retried into success, so it names every issue. */
export class JobPayloadError extends Error {
  override name = 'JobPayloadError';
  readonly code = 'JOBS_PAYLOAD_INVALID';
  constructor(
    readonly job: string,
    readonly stage: 'send' | 'receive' | 'cron',
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(
      `Invalid payload for job ${job} on ${stage}: ${issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}`,
    );
  }
}

export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
  readonly code = 'JOBS_UNKNOWN';
  constructor(readonly job: string) {
    super(`Job ${job} is not registered with this runner`);
  }
}
