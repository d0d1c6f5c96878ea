import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './database.js';
import type { MailStatus, PlatformTables } from './tables.js';

/** Outbox tables of messages to send (mail, text messages): they share the delivery columns. */
export type DeliveryTable = 'platform.mailMessage' | 'platform.textMessage';

interface DeliveryColumns {
  id: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
}

/**
 * The bookkeeping MailDelivery and TextDelivery share over their outbox table: claiming one due row at a
 * time (`for update skip locked`, in a statement that commits on its own, so no transaction stays open
 * while a server answers), recording the outcome only while the claim is still ours, and putting back
 * rows whose sender stopped mid-send.
 */
export class DeliveryQueue<T extends DeliveryTable> {
  readonly #db: Kysely<{ queue: DeliveryColumns }>;
  // Typed as one table: both have the delivery columns, and the real name is what reaches the SQL.
  readonly #name: 'queue';

  constructor(
    database: Database,
    readonly table: T,
    /** A row stays claimed this long; after that another round assumes its sender died and queues it again. */
    readonly claimMs: number,
  ) {
    this.#db = database.db as unknown as Kysely<{ queue: DeliveryColumns }>;
    this.#name = table as unknown as 'queue';
  }

  /** Queues again (or fails, when out of attempts) rows left 'sending' past their claim; returns their new statuses. */
  async requeueAbandoned(now: Date, maxAttempts: number, reason: string): Promise<{ id: string; status: MailStatus }[]> {
    return this.#db
      .updateTable(this.#name)
      .set({
        status: sql<MailStatus>`case when attempts >= ${maxAttempts} then 'failed' else 'queued' end`,
        nextAttemptAt: now,
        lastError: reason,
      })
      .where('status', '=', 'sending')
      .where('nextAttemptAt', '<=', now)
      .returning(['id', 'status'])
      .execute();
  }

  /** Claims the next due row and marks it 'sending' (one more attempt) in one statement. */
  async claimNext(now: Date): Promise<Selectable<PlatformTables[T]> | undefined> {
    const row = await this.#db
      .updateTable(this.#name)
      .set({ status: 'sending', attempts: sql`attempts + 1`, nextAttemptAt: new Date(now.getTime() + this.claimMs) })
      .where('id', '=', (eb) =>
        eb
          .selectFrom(this.#name)
          .select('id')
          .where('status', '=', 'queued')
          .where('nextAttemptAt', '<=', now)
          .orderBy('nextAttemptAt')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .executeTakeFirst();
    return row as Selectable<PlatformTables[T]> | undefined;
  }

  /** Records the outcome of the attempt `row` was claimed for; a claim that expired meanwhile is someone else's now. */
  async settle(row: { id: string; attempts: number }, patch: Partial<Selectable<PlatformTables[T]>>): Promise<void> {
    await this.#db
      .updateTable(this.#name)
      .set(patch as Partial<DeliveryColumns>)
      .where('id', '=', row.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', row.attempts)
      .execute();
  }
}

/** Seconds to wait after the `attempts`-th failure: base, 2×base, 4×base… capped at `max`. */
export const backoffSeconds = (attempts: number, base: number, max: number) => Math.min(base * 2 ** (attempts - 1), max);
