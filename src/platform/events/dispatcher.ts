import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import {
  defineJob,
  JOB_NAME,
  JobPayloadError,
  type AnyJobDefinition,
  type JobContext,
  type JobSender,
  type RetryPolicy,
} from '../jobs/job.js';

const EVENT_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/** What a subscriber receives: the outbox row, as it was committed. */
export interface EventEnvelope<P = Record<string, unknown>> {
  /** The outbox row id: unique per event, so handlers can deduplicate on it. */
  id: number;
  name: string;
  payload: P;
  requestId: string | null;
  occurredAt: string;
}

export interface Subscriber<S extends z.ZodType = z.ZodType> {
  /** The event listened to, `<module>.<entity>.<past-tense-verb>`. */
  readonly event: string;
  /** `<module>.<verb-noun>` of the receiving module; unique, and the name of its delivery queue. */
  readonly name: string;
  /** Checked when the event is delivered, so a subscriber never sees a payload it does not understand. */
  readonly schema?: S | undefined;
  readonly handler: (ctx: JobContext, event: EventEnvelope<z.output<S>>) => Promise<void>;
  readonly retry?: RetryPolicy | undefined;
}

// Subscribers to different events carry different payload types in one list; each handler only ever
// receives the payload its own schema parsed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnySubscriber = Subscriber<any>;

/**
 * Subscribes a module to another module's event. Each event reaches each subscriber as its own job,
 * retried on failure; handlers may still run twice after a crash, so make them idempotent
 * (`event.id` is a stable key).
 */
export function defineSubscriber<S extends z.ZodType = z.ZodType<Record<string, unknown>>>(subscriber: {
  event: string;
  name: string;
  schema?: S;
  handler: (ctx: JobContext, event: EventEnvelope<z.output<S>>) => Promise<void>;
  retry?: RetryPolicy;
}): Subscriber<S> {
  if (!EVENT_NAME.test(subscriber.event)) throw new Error(`Event name ${subscriber.event} must be <module>.<entity>.<verb>`);
  if (!JOB_NAME.test(subscriber.name)) throw new Error(`Subscriber name ${subscriber.name} must be <module>.<verb-noun>`);
  return Object.freeze({ ...subscriber });
}

const Delivery = z.object({
  eventId: z.number().int().positive(),
  event: z.string().regex(EVENT_NAME),
  payload: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  occurredAt: z.iso.datetime(),
});

/** One delivery job per subscriber: its queue is named after the subscriber. */
export function subscriberJobs(subscribers: readonly AnySubscriber[]): AnyJobDefinition[] {
  return subscribers.map((subscriber) =>
    defineJob({
      name: subscriber.name,
      schema: Delivery,
      retry: subscriber.retry ?? { limit: 5, delaySeconds: 5, backoff: true, maxDelaySeconds: 600 },
      async handler(ctx, delivery) {
        let payload: unknown = delivery.payload;
        if (subscriber.schema) {
          const parsed = subscriber.schema.safeParse(delivery.payload);
          if (!parsed.success) throw new JobPayloadError(subscriber.name, 'receive', parsed.error.issues);
          payload = parsed.data;
        }
        await subscriber.handler(ctx, {
          id: delivery.eventId,
          name: delivery.event,
          payload,
          requestId: delivery.requestId,
          occurredAt: delivery.occurredAt,
        });
      },
    }),
  );
}

/**
 * The pg-boss job id of one event's delivery to one subscriber. pg-boss ignores a second insert with
 * the same id, so delivering the same event twice queues one job.
 */
export function deliveryJobId(eventId: number, subscriber: string): string {
  const h = createHash('sha256').update(`satupintu.event:${eventId}:${subscriber}`).digest('hex');
  // Shaped as an RFC 9562 version-8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface DispatchResult {
  /** Outbox rows taken in this round. */
  claimed: number;
  /** Rows marked dispatched (including events nobody subscribes to). */
  dispatched: number;
  /** Delivery jobs newly queued (duplicates of an earlier round are not counted). */
  queued: number;
  /** Rows whose delivery failed; they keep their place and are retried with backoff. */
  failed: number;
}

export interface OutboxDispatcherOptions {
  database: Database;
  jobs: JobSender & { notify(name: string): void };
  subscribers: readonly AnySubscriber[];
  log: Logger;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Pause between rounds when the outbox is drained. */
  intervalMs?: number;
}

// After this many failed rounds a row stays undispatched for an operator to look at (last_error says why).
const MAX_ATTEMPTS = 12;

/**
 * Moves committed events from platform.outbox to their subscribers' queues. Each round is one
 * transaction: claim rows (`for update skip locked`, so several workers share the work), queue one
 * job per subscriber inside that same transaction, mark the rows dispatched. A crash anywhere rolls
 * all of it back and the next round tries again.
 */
export class OutboxDispatcher {
  readonly #options: OutboxDispatcherOptions;
  readonly #byEvent = new Map<string, AnySubscriber[]>();
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<unknown> | undefined;
  #running = false;

  constructor(options: OutboxDispatcherOptions) {
    this.#options = options;
    this.#log = options.log.child({ component: 'outbox' });
    for (const subscriber of options.subscribers) {
      const list = this.#byEvent.get(subscriber.event) ?? [];
      list.push(subscriber);
      this.#byEvent.set(subscriber.event, list);
    }
  }

  /** One round over at most `batchSize` pending events. */
  async dispatchOnce(): Promise<DispatchResult> {
    const { database, jobs } = this.#options;
    const result: DispatchResult = { claimed: 0, dispatched: 0, queued: 0, failed: 0 };
    const touched = new Set<string>();
    // Everything below runs on the transaction only. On PGlite the transaction holds the single
    // connection, so awaiting anything that queries outside it would wait forever.
    await database.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('platform.outbox')
        .select(['id', 'name', 'payload', 'requestId', 'createdAt'])
        .where('dispatchedAt', 'is', null)
        .where('attempts', '<', MAX_ATTEMPTS)
        // Backoff without another column: a row that failed n times waits until 2^n - 1 s after it was created.
        .where(sql<boolean>`created_at + (power(2, attempts) - 1) * interval '1 second' <= now()`)
        .orderBy('id')
        .limit(this.#options.batchSize ?? 100)
        .forUpdate()
        .skipLocked()
        .execute();
      result.claimed = rows.length;
      for (const row of rows) {
        const subscribers = this.#byEvent.get(row.name) ?? [];
        const delivery = {
          eventId: row.id,
          event: row.name,
          payload: row.payload as Record<string, unknown>,
          requestId: row.requestId,
          occurredAt: row.createdAt.toISOString(),
        };
        // A savepoint per event: one event's failure must not undo the others in this round.
        await sql`savepoint dispatch_event`.execute(tx);
        try {
          let queued = 0;
          for (const subscriber of subscribers) {
            const id = await jobs.send(subscriber.name, delivery, {
              tx,
              id: deliveryJobId(row.id, subscriber.name),
              singletonKey: `${row.id}:${subscriber.name}`,
            });
            if (id) queued++;
            touched.add(subscriber.name);
          }
          await tx
            .updateTable('platform.outbox')
            .set({ dispatchedAt: sql`now()`, attempts: sql`attempts + 1`, lastError: null })
            .where('id', '=', row.id)
            .execute();
          await sql`release savepoint dispatch_event`.execute(tx);
          result.dispatched++;
          result.queued += queued;
        } catch (error) {
          await sql`rollback to savepoint dispatch_event`.execute(tx);
          const message = error instanceof Error ? error.message : String(error);
          await tx
            .updateTable('platform.outbox')
            .set({ attempts: sql`attempts + 1`, lastError: message.slice(0, 2000) })
            .where('id', '=', row.id)
            .execute();
          result.failed++;
          this.#log.error({ err: error, eventId: row.id, event: row.name }, 'event dispatch failed; will retry');
        }
      }
    });
    // Committed: wake the workers instead of leaving the jobs until their next poll.
    for (const name of touched) jobs.notify(name);
    if (result.claimed > 0) this.#log.debug(result, 'outbox round');
    return result;
  }

  /** Dispatches in the background until stop(): at once while there is a backlog, otherwise every `intervalMs`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const tick = async () => {
      let delay = this.#options.intervalMs ?? 1000;
      try {
        const round = this.dispatchOnce();
        this.#round = round;
        const result = await round;
        if (result.claimed === (this.#options.batchSize ?? 100)) delay = 0;
      } catch (err) {
        this.#log.error({ err }, 'outbox round failed');
      }
      if (this.#running) this.#timer = setTimeout(() => void tick(), delay);
    };
    this.#timer = setTimeout(() => void tick(), 0);
  }

  /** Stops the loop and waits for a round in progress to commit. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#round?.catch(() => {});
  }
}
