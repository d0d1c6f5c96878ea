import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { backoffSeconds, DeliveryQueue } from '../db/delivery-queue.js';
import type { PlatformTables } from '../db/tables.js';
import { defineJob, type AnyJobDefinition } from '../jobs/job.js';

/**
 * SMS and WhatsApp messages, sent like mail: queued in the transaction of the change that caused them
 * (platform.text_message), handed afterwards to the configured TextSender (a provider adapter; a logging
 * one in development) and retried with backoff until they are sent or given up as failed.
 */

export const TEXT_CHANNELS = ['sms', 'whatsapp'] as const;
export type TextChannel = (typeof TEXT_CHANNELS)[number];

/** What a module hands to queueText. `tag` names the kind of message, `<module>.<kind>`. */
export const TextInput = z.object({
  channel: z.enum(TEXT_CHANNELS).default('sms'),
  // E.164 (+62812…): callers normalise what people typed before queueing.
  to: z.string().regex(/^\+[1-9][0-9]{7,14}$/, 'must be an E.164 number such as +6281234567890'),
  // Ten SMS segments at most; providers split longer texts themselves.
  body: z.string().trim().min(1).max(1600),
  tag: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'must be <module>.<kind>')
    .optional(),
});
export type TextInput = z.input<typeof TextInput>;

/** A message that queueText refused; a programming error in the caller, so it names every issue. */
export class TextMessageError extends Error {
  override name = 'TextMessageError';
  readonly code = 'TEXT_MESSAGE_INVALID';
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(`Invalid text message: ${issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ')}`);
  }
}

/**
 * Queues a text message in the caller's transaction, so it exists exactly when the change that caused it
 * commits; TextDelivery sends it afterwards.
 * @throws TextMessageError (TEXT_MESSAGE_INVALID) for a number not in E.164 form, an empty or overlong body, a malformed tag.
 */
export async function queueText(
  // Any module's transaction: Kysely is invariant in its table type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Transaction<any>,
  message: TextInput,
): Promise<string> {
  const parsed = TextInput.safeParse(message);
  if (!parsed.success) throw new TextMessageError(parsed.error.issues);
  const { channel, to, body, tag } = parsed.data;
  const row = await (tx as unknown as Kysely<PlatformTables>)
    .insertInto('platform.textMessage')
    .values({ channel, toNumber: to, body, tag: tag ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One message as a sender receives it; `id` is the row's, so a provider can deduplicate a resend on it. */
export interface OutgoingText {
  id: string;
  channel: TextChannel;
  to: string;
  body: string;
  tag: string | null;
}

/**
 * A provider refused the message for good (an invalid number, a blocked recipient): retrying will not
 * help, so the message is marked failed at once. Any other error is retried.
 */
export class PermanentTextError extends Error {
  override name = 'PermanentTextError';
}

/** An SMS/WhatsApp provider adapter. Providers differ per region and contract; the platform fixes only this. */
export interface TextSender {
  readonly kind: string;
  /** Resolves once the provider accepted the message, with its reference; rejects otherwise. */
  send(message: OutgoingText): Promise<{ reference?: string }>;
}

/** Development and demo sender: writes each message, whole, to the log at info level instead of sending it. */
export class LoggingTextSender implements TextSender {
  readonly kind = 'log';
  readonly #log: Logger;
  constructor(log: Logger) {
    this.#log = log.child({ component: 'text' });
  }
  async send(message: OutgoingText): Promise<{ reference?: string }> {
    this.#log.info(
      { text: { id: message.id, channel: message.channel, to: message.to, tag: message.tag } },
      `Text message not sent (TEXT_SENDER is log), logged instead.\nTo: ${message.to} (${message.channel})\n\n${message.body}`,
    );
    return { reference: `log:${message.id}` };
  }
}

/**
 * `TEXT_SENDER=http`: posts each message as JSON to one gateway address. Most Indonesian SMS/WhatsApp
 * gateways and aggregators take something close to this; for one that does not, put a small shim in
 * front of it that speaks this contract.
 *
 * Request: `POST TEXT_HTTP_URL`, redirects not followed, given up after TEXT_HTTP_TIMEOUT_MS (default 10000),
 *   headers  `Authorization: Bearer <TEXT_HTTP_TOKEN>`, `Content-Type: application/json`,
 *            `Accept: application/json`, `Idempotency-Key: <message id>`
 *   body     `{ "to": "+6281234567890", "channel": "sms" | "whatsapp", "text": "…",
 *              "senderId": "<TEXT_HTTP_SENDER_ID>" (only when set), "clientReference": "<message id>" }`
 *   The message id (a UUID) is the same on every attempt at one message: a gateway that has seen it
 *   already should answer as it did the first time instead of sending again. Delivery is at least once.
 *
 * Response:
 *   2xx       accepted. A JSON object whose `id`, `messageId` or `reference` (a string or a number, looked
 *             for in that order) becomes the message's provider_reference. A 2xx without one still
 *             counts as sent, so the message is not sent twice, and a warning is logged.
 *   408, 429  retried with the outbox's backoff (30 s, doubling, up to an hour); Retry-After is only
 *             quoted in the recorded error, not obeyed.
 *   other 4xx refused for good (an invalid or blocked number, a bad token): the message is marked failed
 *             at once with the status and up to 200 characters of the gateway's `message`, `error`,
 *             `error.message` or `detail`, or of its raw body.
 *   3xx, 5xx, a timeout, a network error: retried with backoff.
 * The token is never logged nor recorded; it and the recipient's number are cut out of any error
 * text the gateway sends back before that text is recorded.
 */
export class HttpTextSender implements TextSender {
  readonly kind = 'http';
  readonly #url: string;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #senderId: string | undefined;
  readonly #log: Logger;

  constructor(options: { url: string; token: string; timeoutMs?: number; senderId?: string | undefined; log: Logger }) {
    if (!options.token) throw new Error('HttpTextSender needs a token');
    this.#url = options.url;
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#senderId = options.senderId;
    this.#log = options.log.child({ component: 'text' });
  }

  async send(message: OutgoingText): Promise<{ reference?: string }> {
    const body = {
      to: message.to,
      channel: message.channel,
      text: message.body,
      ...(this.#senderId ? { senderId: this.#senderId } : {}),
      clientReference: message.id,
    };
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.#url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.#token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': message.id,
        },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new Error(this.#unreachable(error), { cause: error });
    }
    const status = `text gateway answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (response.status >= 200 && response.status < 300) {
      const reference = referenceIn(text);
      if (reference === undefined) {
        this.#log.warn(
          { textId: message.id, status: response.status },
          'text gateway accepted a message but gave no id (id, messageId or reference); recorded without a reference',
        );
        return {};
      }
      return { reference };
    }
    const excerpt = this.#scrub(excerptOf(text), message.to);
    const detail = excerpt ? `: ${excerpt}` : '';
    if (response.status === 408 || response.status === 429) {
      const retryAfter = response.headers.get('retry-after');
      throw new Error(`${status}${retryAfter ? ` (Retry-After: ${retryAfter.slice(0, 40)})` : ''}${detail}`);
    }
    if (response.status >= 400 && response.status < 500) throw new PermanentTextError(`${status}${detail}`);
    if (response.status >= 300 && response.status < 400) {
      throw new Error(`${status} (a redirect, not followed: TEXT_HTTP_URL must be the gateway's final address)`);
    }
    throw new Error(`${status}${detail}`);
  }

  #unreachable(error: unknown): string {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return `text gateway did not answer within ${this.#timeoutMs} ms`;
    }
    const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
    const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : String(error);
    return this.#scrub(`text gateway unreachable: ${why}`.slice(0, 300), undefined);
  }

  /** Gateways sometimes echo the request: cut the token and the number out of what gets recorded and logged. */
  #scrub(text: string, to: string | undefined): string {
    let scrubbed = text.split(this.#token).join('[redacted]');
    if (to) scrubbed = scrubbed.split(to).join('[number]').split(to.slice(1)).join('[number]');
    return scrubbed;
  }
}

/** The provider's id in a 2xx body: `id`, `messageId` or `reference`, a string or a number. */
function referenceIn(text: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  for (const key of ['id', 'messageId', 'reference']) {
    const value = (json as Record<string, unknown>)[key];
    if ((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))) {
      return String(value).trim().slice(0, 255);
    }
  }
  return undefined;
}

/** Up to 200 characters of why a gateway refused: its JSON message when it has one, else its body. */
function excerptOf(text: string): string {
  let said: unknown;
  try {
    const json = JSON.parse(text) as Record<string, unknown> | null;
    if (typeof json === 'object' && json !== null) {
      const error = json.error as Record<string, unknown> | string | undefined;
      said = [json.message, error, typeof error === 'object' && error !== null ? error.message : undefined, json.detail].find(
        (v) => typeof v === 'string' && v.trim() !== '',
      );
    }
  } catch {
    // Not JSON: the body itself.
  }
  const excerpt = (typeof said === 'string' ? said : text).replace(/\s+/g, ' ').trim();
  return excerpt.length > 200 ? `${excerpt.slice(0, 199)}…` : excerpt;
}

type TextSenderConfig = Pick<Config, 'TEXT_SENDER'> &
  Partial<Pick<Config, 'TEXT_HTTP_URL' | 'TEXT_HTTP_TOKEN' | 'TEXT_HTTP_TIMEOUT_MS' | 'TEXT_HTTP_SENDER_ID'>>;

/** The sender TEXT_SENDER names: `log` (development) or `http` (a JSON gateway, see HttpTextSender). */
export function createTextSender(config: TextSenderConfig, log: Logger): TextSender {
  switch (config.TEXT_SENDER) {
    case 'log':
      return new LoggingTextSender(log);
    case 'http':
      // loadConfig refuses TEXT_SENDER=http without them; this guards callers that build a config by hand.
      if (!config.TEXT_HTTP_URL || !config.TEXT_HTTP_TOKEN) throw new Error('TEXT_SENDER=http needs TEXT_HTTP_URL and TEXT_HTTP_TOKEN');
      return new HttpTextSender({
        url: config.TEXT_HTTP_URL,
        token: config.TEXT_HTTP_TOKEN,
        timeoutMs: config.TEXT_HTTP_TIMEOUT_MS,
        senderId: config.TEXT_HTTP_SENDER_ID,
        log,
      });
  }
}

export interface TextDeliveryOptions {
  database: Database;
  sender: TextSender;
  log: Logger;
  /** Attempts before a message is given up as 'failed'. */
  maxAttempts?: number;
  /** Wait after the first failure; doubles after each further one, up to `maxDelaySeconds`. */
  baseDelaySeconds?: number;
  maxDelaySeconds?: number;
  clock?: () => Date;
}

export interface TextDeliveryResult {
  sent: number;
  /** Given up: attempts exhausted, or refused permanently by the provider. */
  failed: number;
  /** Put back in the queue for a later attempt, including messages left 'sending' by a process that stopped. */
  retried: number;
}

type TextRow = Selectable<PlatformTables['platform.textMessage']>;

/**
 * Sends queued text messages. Each is claimed on its own (several workers share the work) by a statement
 * that commits before the provider is called: no transaction stays open while the provider answers.
 * Delivery is at least once: a process that dies after the provider accepted a message but before marking
 * it sends it again, with the same id.
 */
export class TextDelivery {
  readonly #options: Required<Omit<TextDeliveryOptions, 'log' | 'database'>>;
  readonly #queue: DeliveryQueue<'platform.textMessage'>;
  readonly #log: Logger;

  constructor({ database, log, ...options }: TextDeliveryOptions) {
    this.#options = { maxAttempts: 6, baseDelaySeconds: 30, maxDelaySeconds: 3600, clock: () => new Date(), ...options };
    this.#queue = new DeliveryQueue(database, 'platform.textMessage', 5 * 60_000);
    this.#log = log.child({ component: 'text' });
  }

  /** Sends up to `limit` messages that are due, one at a time, and records each outcome. */
  async deliverPending({ limit = 50 }: { limit?: number } = {}): Promise<TextDeliveryResult> {
    const { maxAttempts, clock } = this.#options;
    const result: TextDeliveryResult = { sent: 0, failed: 0, retried: 0 };
    const abandoned = await this.#queue.requeueAbandoned(
      clock(),
      maxAttempts,
      'Interrupted while sending (the process stopped?); the provider may have accepted it',
    );
    for (const row of abandoned) result[row.status === 'failed' ? 'failed' : 'retried']++;
    for (let n = 0; n < limit; n++) {
      const row = await this.#queue.claimNext(clock());
      if (!row) break;
      await this.#send(row, result);
    }
    return result;
  }

  async #send(row: TextRow, result: TextDeliveryResult): Promise<void> {
    const { sender, maxAttempts, baseDelaySeconds, maxDelaySeconds, clock } = this.#options;
    try {
      const { reference } = await sender.send({ id: row.id, channel: row.channel, to: row.toNumber, body: row.body, tag: row.tag });
      await this.#queue.settle(row, { status: 'sent', sentAt: clock(), providerReference: reference ?? null, lastError: null });
      result.sent++;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const isFinal = row.attempts >= maxAttempts || error instanceof PermanentTextError;
      const next = new Date(clock().getTime() + backoffSeconds(row.attempts, baseDelaySeconds, maxDelaySeconds) * 1000);
      await this.#queue.settle(row, { status: isFinal ? 'failed' : 'queued', nextAttemptAt: next, lastError: reason });
      // The number is personal data: the log names the message by its id only.
      const log = this.#log.child({ textId: row.id, tag: row.tag, attempt: row.attempts });
      if (isFinal) {
        result.failed++;
        log.error({ reason }, 'text message not delivered; given up');
      } else {
        result.retried++;
        log.warn({ reason, nextAttemptAt: next }, 'text message not delivered; will retry');
      }
    }
  }
}

/**
 * `text.deliver` every minute: sends queued text messages and those due for a retry. The job itself is
 * not retried; the next minute is its retry.
 */
export function textJobs(delivery: TextDelivery): AnyJobDefinition[] {
  return [
    defineJob({
      name: 'text.deliver',
      schema: z.object({}),
      cron: '* * * * *',
      retry: { limit: 0 },
      handler: async () => {
        await delivery.deliverPending({ limit: 500 });
      },
    }),
  ];
}
