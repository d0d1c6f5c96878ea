import type { Kysely, Selectable, Transaction } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { backoffSeconds, DeliveryQueue } from '../db/delivery-queue.js';
import type { PlatformTables } from '../db/tables.js';
import { defineJob, type AnyJobDefinition } from '../jobs/job.js';

const noLineBreak = (v: string) => !/[\r\n]/.test(v);

/** What a module hands to queueMail. `tag` names the kind of mail, `<module>.<kind>` (e.g. `identity.verify-email`). */
export const MailInput = z.object({
  to: z.email().max(254).refine(noLineBreak, 'must not contain a line break'),
  // A line break in a header would let the text add headers of its own (Bcc:, a second body…).
  subject: z.string().min(1).max(998).refine(noLineBreak, 'must not contain a line break'),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
  tag: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'must be <module>.<kind>')
    .optional(),
});
export type MailInput = z.input<typeof MailInput>;

/** A mail that queueMail refused; a programming error in the caller, so it names every issue. */
export class MailMessageError extends Error {
  override name = 'MailMessageError';
  readonly code = 'MAIL_MESSAGE_INVALID';
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(`Invalid mail: ${issues.map((i) => `${i.path.join('.') || '(mail)'}: ${i.message}`).join('; ')}`);
  }
}

/**
 * Queues a mail in the caller's transaction, so it exists exactly when the change that caused it
 * commits; MailDelivery sends it afterwards (call `kick()` after the commit to send it at once).
 * @throws MailMessageError (MAIL_MESSAGE_INVALID) for a malformed address, a line break in a header, or an empty body.
 */
export async function queueMail(
  // Any module's transaction: Kysely is invariant in its table type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Transaction<any>,
  message: MailInput,
): Promise<string> {
  const parsed = MailInput.safeParse(message);
  if (!parsed.success) throw new MailMessageError(parsed.error.issues);
  const { to, subject, text, html, tag } = parsed.data;
  const db = tx as unknown as Kysely<PlatformTables>;
  const row = await db
    .insertInto('platform.mailMessage')
    .values({ toAddress: to, subject, textBody: text, htmlBody: html ?? null, tag: tag ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One mail as the transport sends it. `messageId` is derived from the row, so a resend carries the same one. */
export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  headers: Record<string, string>;
}

export interface MailTransport {
  /** `smtp` sends through SMTP_URL; `log` (no SMTP_URL) writes each mail to the log instead. */
  readonly kind: 'smtp' | 'log';
  /** Resolves once the server accepted the mail; rejects with the server's reply otherwise. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * The SMTP transport when `SMTP_URL` is set. Without it mail is not sent but logged at info level,
 * with its whole text, so someone trying the demo can copy a verification link from the console.
 */
export function createMailTransport(config: Pick<Config, 'SMTP_URL'>, logger: Logger): MailTransport {
  if (!config.SMTP_URL) {
    const log = logger.child({ component: 'mail' });
    return {
      kind: 'log',
      async send(mail) {
        log.info(
          { mail: { messageId: mail.messageId, to: mail.to, subject: mail.subject, tag: mail.headers['X-Satupintu-Tag'] } },
          `Mail not sent (SMTP_URL is not set), logged instead.\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}`,
        );
        return { messageId: mail.messageId };
      },
      close() {},
    };
  }
  const transporter = nodemailer.createTransport({
    url: config.SMTP_URL,
    // nodemailer waits up to 2 and 10 minutes by default; a claim on a row lasts 10 minutes in all.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}

export interface MailDeliveryOptions {
  database: Database;
  transport: MailTransport;
  /** The From header, `config.MAIL_FROM`. */
  from: string;
  log: Logger;
  /** Attempts before a mail is given up as 'failed'. */
  maxAttempts?: number;
  /** Wait after the first failure; doubles after each further one, up to `maxDelaySeconds`. */
  baseDelaySeconds?: number;
  maxDelaySeconds?: number;
  /** How long kick() waits so that several kicks in a row make one round. */
  kickDelayMs?: number;
  clock?: () => Date;
}

export interface MailDeliveryResult {
  /** Accepted by the server and marked 'sent'. */
  sent: number;
  /** Given up: attempts exhausted or refused permanently (5xx for the recipient or the message). */
  failed: number;
  /** Put back in the queue for a later attempt, including mail left 'sending' by a process that stopped. */
  retried: number;
}

/** A row stays claimed this long; after that another round assumes its sender died and queues it again. */
const CLAIM_MS = 10 * 60_000;

/**
 * Sends queued mail. Each mail is claimed on its own (`for update skip locked`, so several processes
 * share the work) and marked 'sending' in a statement that commits before the mail server is
 * contacted: no transaction stays open while SMTP talks, and on PGlite the one connection stays free.
 * Delivery is at least once: a process that dies after the server accepted a mail but before it
 * marked the row sends that mail again, with the same Message-ID.
 */
export class MailDelivery {
  readonly #options: Required<Omit<MailDeliveryOptions, 'log'>>;
  readonly #queue: DeliveryQueue<'platform.mailMessage'>;
  readonly #log: Logger;
  readonly #domain: string;
  #kick: Promise<void> | undefined;
  #round: Promise<void> | undefined;
  #stopped = false;

  constructor(options: MailDeliveryOptions) {
    this.#options = {
      maxAttempts: 8,
      baseDelaySeconds: 30,
      maxDelaySeconds: 3600,
      kickDelayMs: 50,
      clock: () => new Date(),
      ...options,
    };
    this.#queue = new DeliveryQueue(options.database, 'platform.mailMessage', CLAIM_MS);
    this.#log = options.log.child({ component: 'mail' });
    this.#domain = /@([^\s<>@]+)>?\s*$/.exec(options.from)?.[1] ?? 'satupintu.localhost';
  }

  /** Sends up to `limit` mails that are due, one at a time, and records each outcome. */
  async deliverPending({ limit = 50 }: { limit?: number } = {}): Promise<MailDeliveryResult> {
    const result: MailDeliveryResult = { sent: 0, failed: 0, retried: 0 };
    if (this.#stopped) return result;
    await this.#requeueAbandoned(result);
    for (let n = 0; n < limit && !this.#stopped; n++) {
      const row = await this.#queue.claimNext(this.#options.clock());
      if (!row) break;
      await this.#send(row, result);
    }
    if (result.sent + result.failed + result.retried > 0) this.#log.debug(result, 'mail round');
    return result;
  }

  /**
   * Delivers in the background soon, for the web process to call after committing a transaction that
   * queued mail. Kicks during the wait share one round; a kick during a round schedules one more.
   * Never rejects: errors are logged, and the worker's `mail.deliver` job retries every minute.
   */
  kick(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#kick ??= (async () => {
      await this.#round;
      await new Promise((resolve) => setTimeout(resolve, this.#options.kickDelayMs));
      this.#kick = undefined;
      if (this.#stopped) return;
      const round = this.#drain().catch((err: unknown) => this.#log.error({ err }, 'mail delivery failed'));
      this.#round = round;
      await round;
      if (this.#round === round) this.#round = undefined;
    })();
    return this.#kick;
  }

  /** Refuses further rounds, waits for the one in progress (it stops after the mail it is sending), closes the transport. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#kick;
    await this.#round;
    this.#options.transport.close();
  }

  async #drain(): Promise<void> {
    const limit = 50;
    for (;;) {
      const r = await this.deliverPending({ limit });
      if (r.sent + r.failed + r.retried < limit) return;
    }
  }

  async #requeueAbandoned(result: MailDeliveryResult): Promise<void> {
    const { maxAttempts, clock } = this.#options;
    const rows = await this.#queue.requeueAbandoned(
      clock(),
      maxAttempts,
      'Interrupted while sending (the process stopped?); the server may have accepted it',
    );
    for (const row of rows) {
      if (row.status === 'failed') result.failed++;
      else result.retried++;
    }
    if (rows.length > 0) this.#log.warn({ mailIds: rows.map((r) => r.id) }, 'mail left sending by a stopped process queued again');
  }

  async #send(row: Selectable<PlatformTables['platform.mailMessage']>, result: MailDeliveryResult): Promise<void> {
    const { transport, from, maxAttempts, baseDelaySeconds, maxDelaySeconds, clock } = this.#options;
    const log = this.#log.child({ mailId: row.id, tag: row.tag, attempt: row.attempts });
    try {
      const info = await transport.send({
        messageId: `<${row.id}@${this.#domain}>`,
        from,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody ?? undefined,
        headers: {
          // RFC 3834: tells vacation responders not to answer.
          'Auto-Submitted': 'auto-generated',
          ...(row.tag ? { 'X-Satupintu-Tag': row.tag } : {}),
        },
      });
      await this.#queue.settle(row, { status: 'sent', sentAt: clock(), messageId: info.messageId, lastError: null });
      result.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const isFinal = row.attempts >= maxAttempts || isPermanent(error);
      const next = new Date(clock().getTime() + backoffSeconds(row.attempts, baseDelaySeconds, maxDelaySeconds) * 1000);
      await this.#queue.settle(row, { status: isFinal ? 'failed' : 'queued', nextAttemptAt: next, lastError: message });
      // The reply only: the error object also lists the recipients, which the log does not need.
      if (isFinal) {
        result.failed++;
        log.error({ reason: message }, 'mail not delivered; given up');
      } else {
        result.retried++;
        log.warn({ reason: message, nextAttemptAt: next }, 'mail not delivered; will retry');
      }
    }
  }
}

/**
 * A 5xx reply to the recipient or the message will not change on retry (no such mailbox, message
 * refused). A 5xx anywhere else, say a login refused, is more likely our configuration, which an
 * operator can fix: those mails keep their retries.
 */
function isPermanent(error: unknown): boolean {
  const { responseCode, command } = error as { responseCode?: unknown; command?: unknown };
  return typeof responseCode === 'number' && responseCode >= 500 && (command === 'RCPT TO' || command === 'DATA');
}

/**
 * `mail.deliver` every minute: sends what kick() did not (no web process, a server that was down) and
 * what is due for a retry. The job itself is not retried; the next minute is its retry.
 */
export function mailJobs(delivery: MailDelivery): AnyJobDefinition[] {
  return [
    defineJob({
      name: 'mail.deliver',
      schema: z.object({}),
      cron: '* * * * *',
      retry: { limit: 0 },
      handler: async () => {
        await delivery.deliverPending({ limit: 500 });
      },
    }),
  ];
}
