import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { createTextSender, HttpTextSender, queueText, TextDelivery, type TextInput } from './text.js';

const TOKEN = 'tok-rahasia-9f2c1d7e5b';

const receipt = {
  to: '+6281234567890',
  body: 'Permohonan 7K3QP-M2XW9 diterima. Lacak: https://satupintu.test/lacak?nomor=7K3QPM2XW9',
  tag: 'applications.submitted',
} satisfies TextInput;

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A text gateway on 127.0.0.1 that records each request and answers as the test says. */
async function startGateway() {
  const received: Received[] = [];
  let answer: (res: ServerResponse, request: Received) => void = (res) => json(res, 200, { id: 'gw-1' });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : null,
      };
      received.push(request);
      answer(res, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/messages`,
    received,
    answer(fn: (res: ServerResponse, request: Received) => void) {
      answer = fn;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A logger at trace level whose JSON lines the test reads. No redaction at all: the token must never reach
 * the log in the first place, not be masked on the way out.
 */
function capturedLogger() {
  const lines: string[] = [];
  const log = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
  return { log, text: () => lines.join('') };
}

type Gateway = Awaited<ReturnType<typeof startGateway>>;

eachDatabase('the HTTP text gateway sender (TEXT_SENDER=http)', (db) => {
  let gateway: Gateway;
  beforeEach(async () => {
    gateway = await startGateway();
  });
  afterEach(async () => {
    await gateway.close();
  });

  const queue = (message: TextInput = receipt) =>
    db()
      .db.transaction()
      .execute((tx) => queueText(tx, message));
  const row = (id: string) => db().db.selectFrom('platform.textMessage').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const delivery = (log: pino.Logger, options: { timeoutMs?: number; clock?: () => Date } = {}) =>
    new TextDelivery({
      database: db(),
      sender: createTextSender(
        {
          TEXT_SENDER: 'http',
          TEXT_HTTP_URL: gateway.url,
          TEXT_HTTP_TOKEN: TOKEN,
          TEXT_HTTP_TIMEOUT_MS: options.timeoutMs ?? 5000,
          TEXT_HTTP_SENDER_ID: 'SATUPINTU',
        },
        log,
      ),
      log,
      ...(options.clock ? { clock: options.clock } : {}),
    });

  it("posts the message as JSON with the bearer token and the message id as idempotency key, and records the gateway's id", async () => {
    const id = await queue({ ...receipt, channel: 'whatsapp' });
    const { log, text } = capturedLogger();
    expect(await delivery(log).deliverPending()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(gateway.received).toHaveLength(1);
    const [request] = gateway.received;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/messages' });
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': id,
    });
    expect(request!.body).toEqual({ to: receipt.to, channel: 'whatsapp', text: receipt.body, senderId: 'SATUPINTU', clientReference: id });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, providerReference: 'gw-1', lastError: null });
    expect(text()).not.toContain(TOKEN);
  });

  it('takes the reference from id, messageId or reference, and leaves senderId out when none is configured', async () => {
    const references: unknown[] = [{ messageId: 'wamid.HBgM' }, { reference: 42 }, { status: 'queued' }];
    const answers = [...references];
    gateway.answer((res) => json(res, 202, answers.shift()));
    const ids = [await queue(), await queue(), await queue()];
    const log = pino({ level: 'silent' });
    const sender = new HttpTextSender({ url: gateway.url, token: TOKEN, log });
    expect(await new TextDelivery({ database: db(), sender, log }).deliverPending()).toEqual({ sent: 3, failed: 0, retried: 0 });
    const recorded = await Promise.all(ids.map(async (id) => (await row(id)).providerReference));
    expect(recorded.sort()).toEqual(['42', 'wamid.HBgM', null].sort());
    for (const request of gateway.received) expect(request.body).not.toHaveProperty('senderId');
  });

  it('gives a message up at once when the gateway answers 400, with its status and message, the token and number cut out', async () => {
    gateway.answer((res, request) =>
      json(res, 400, { error: { message: `invalid number ${receipt.to} (request had ${request.headers.authorization})` } }),
    );
    const id = await queue();
    const { log, text } = capturedLogger();
    expect(await delivery(log).deliverPending()).toEqual({ sent: 0, failed: 1, retried: 0 });
    const { status, attempts, lastError } = await row(id);
    expect({ status, attempts }).toEqual({ status: 'failed', attempts: 1 });
    expect(lastError).toMatch(/^text gateway answered 400 Bad Request: invalid number \[number\]/);
    expect(lastError).not.toContain(TOKEN);
    expect(text()).toContain('given up');
    expect(text()).not.toContain(TOKEN);
    expect(gateway.received).toHaveLength(1);
  });

  it('retries a message after 503 and after 429 (quoting Retry-After), and sends it once the gateway recovers', async () => {
    const answers: ((res: ServerResponse) => void)[] = [
      (res) => json(res, 503, { message: 'maintenance' }),
      (res) => json(res, 429, { message: 'slow down' }, { 'retry-after': '120' }),
      (res) => json(res, 200, { id: 'gw-after' }),
    ];
    gateway.answer((res) => answers.shift()!(res));
    const id = await queue();
    // A clock moved by hand past each backoff wait, a little ahead of the database's now().
    let now = Date.now() + 1000;
    const { log, text } = capturedLogger();
    const deliver = delivery(log, { clock: () => new Date(now) });
    expect(await deliver.deliverPending()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await row(id)).toMatchObject({ status: 'queued', lastError: 'text gateway answered 503 Service Unavailable: maintenance' });
    now += 30_000;
    expect(await deliver.deliverPending()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await row(id)).toMatchObject({
      status: 'queued',
      lastError: 'text gateway answered 429 Too Many Requests (Retry-After: 120): slow down',
    });
    now += 60_000;
    expect(await deliver.deliverPending()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3, providerReference: 'gw-after', lastError: null });
    // The same id on every attempt, so the gateway can tell a retry from a new message.
    expect(gateway.received.map((r) => r.headers['idempotency-key'])).toEqual([id, id, id]);
    expect(text()).not.toContain(TOKEN);
  });

  it('retries a message later when the gateway does not answer in time', async () => {
    gateway.answer(() => {
      // Never answers; the sender gives up after its timeout.
    });
    const id = await queue();
    const { log, text } = capturedLogger();
    expect(await delivery(log, { timeoutMs: 200 }).deliverPending()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'text gateway did not answer within 200 ms' });
    expect(text()).toContain('will retry');
    expect(text()).not.toContain(TOKEN);
  });
});

describe('HttpTextSender', () => {
  const message = { id: '0f8e9c1a-0000-4000-8000-000000000001', channel: 'sms' as const, to: receipt.to, body: receipt.body, tag: null };

  it('retries (an ordinary error) when nothing listens at the address', async () => {
    const gateway = await startGateway();
    await gateway.close();
    const sender = new HttpTextSender({ url: gateway.url, token: TOKEN, log: pino({ level: 'silent' }) });
    const error = await sender.send(message).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('Error');
    expect((error as Error).message).toMatch(/^text gateway unreachable: /);
  });

  it('does not follow a redirect, and retries', async () => {
    const gateway = await startGateway();
    try {
      gateway.answer((res) => {
        res.writeHead(301, { location: 'https://elsewhere.example/' });
        res.end();
      });
      const sender = new HttpTextSender({ url: gateway.url, token: TOKEN, log: pino({ level: 'silent' }) });
      await expect(sender.send(message)).rejects.toThrow(/^text gateway answered 301 Moved Permanently \(a redirect, not followed/);
      expect(gateway.received).toHaveLength(1);
    } finally {
      await gateway.close();
    }
  });
});
