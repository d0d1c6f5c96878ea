import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { JobRunner } from '../jobs/runner.js';
import {
  createTextSender,
  LoggingTextSender,
  PermanentTextError,
  queueText,
  TextDelivery,
  textJobs,
  TextMessageError,
  type OutgoingText,
  type TextInput,
  type TextSender,
} from './text.js';

const log = pino({ level: 'silent' });

const receipt = {
  to: '+6281234567890',
  body: 'Permohonan 7K3QP-M2XW9 diterima. Lacak: https://satupintu.test/lacak?nomor=7K3QPM2XW9',
  tag: 'applications.submitted',
} satisfies TextInput;

/** A provider the test controls: it refuses the next `failures` messages, then accepts. */
function scriptedSender(failures = 0, error: () => Error = () => new Error('503 provider busy')) {
  const sent: OutgoingText[] = [];
  let toFail = failures;
  const sender: TextSender & { sent: OutgoingText[]; attempts: number } = {
    kind: 'test',
    sent,
    attempts: 0,
    async send(message) {
      sender.attempts++;
      if (toFail > 0) {
        toFail--;
        throw error();
      }
      sent.push(message);
      return { reference: `ref-${sent.length}` };
    },
  };
  return sender;
}

/** A clock the test moves by hand, a little ahead of the database's now(). */
function testClock() {
  let now = new Date(Date.now() + 1000);
  return {
    clock: () => now,
    advance(seconds: number) {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
}

eachDatabase('the text message outbox', (db) => {
  const queue = (message: TextInput = receipt) =>
    db()
      .db.transaction()
      .execute((tx) => queueText(tx, message));
  const row = (id: string) => db().db.selectFrom('platform.textMessage').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const rows = () => db().db.selectFrom('platform.textMessage').selectAll().execute();

  describe('queueText', () => {
    it('queues an SMS by default, and nothing when the transaction rolls back', async () => {
      const id = await queue();
      expect(await row(id)).toMatchObject({ channel: 'sms', toNumber: '+6281234567890', status: 'queued', attempts: 0 });
      await expect(
        db()
          .db.transaction()
          .execute(async (tx) => {
            await queueText(tx, { ...receipt, channel: 'whatsapp' });
            throw new Error('the submission failed');
          }),
      ).rejects.toThrow('the submission failed');
      expect(await rows()).toHaveLength(1);
    });

    it('refuses a number not in E.164 form, an empty or overlong body and a malformed tag, writing nothing', async () => {
      const refused: TextInput[] = [
        { ...receipt, to: '081234567890' },
        { ...receipt, to: '+62 812 3456 7890' },
        { ...receipt, body: '   ' },
        { ...receipt, body: 'x'.repeat(1601) },
        { ...receipt, tag: 'Applications Submitted' },
      ];
      for (const message of refused) await expect(queue(message)).rejects.toBeInstanceOf(TextMessageError);
      expect(await rows()).toEqual([]);
    });
  });

  describe('TextDelivery.deliverPending', () => {
    it('hands committed messages to the sender with their id, channel, number and text, and records the reference', async () => {
      const id = await queue({ ...receipt, channel: 'whatsapp' });
      const sender = scriptedSender();
      expect(await new TextDelivery({ database: db(), sender, log }).deliverPending()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(sender.sent).toEqual([{ id, channel: 'whatsapp', to: receipt.to, body: receipt.body, tag: receipt.tag }]);
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, providerReference: 'ref-1', lastError: null });
      expect((await row(id)).sentAt).toBeInstanceOf(Date);
      // Sent once: a second round finds nothing.
      expect(await new TextDelivery({ database: db(), sender, log }).deliverPending()).toEqual({ sent: 0, failed: 0, retried: 0 });
    });

    it('retries a refused message after 30 s, then 60 s, and records it as sent once the provider accepts', async () => {
      const id = await queue();
      const sender = scriptedSender(2);
      const time = testClock();
      const delivery = new TextDelivery({ database: db(), sender, log, clock: time.clock });
      expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: '503 provider busy' });
      time.advance(29);
      expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0, retried: 0 });
      time.advance(1);
      expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0, retried: 1 });
      time.advance(59);
      expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0, retried: 0 });
      time.advance(1);
      expect(await delivery.deliverPending()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      expect(sender.attempts).toBe(3);
    });

    it('gives a message up as failed, with the last error, after the last attempt; waits never exceed maxDelaySeconds', async () => {
      const id = await queue();
      const sender = scriptedSender(100);
      const time = testClock();
      const delivery = new TextDelivery({ database: db(), sender, log, clock: time.clock, maxAttempts: 4, maxDelaySeconds: 60 });
      const outcomes = [];
      for (let i = 0; i < 4; i++) {
        outcomes.push(await delivery.deliverPending());
        const { nextAttemptAt } = await row(id);
        expect(nextAttemptAt.getTime() - time.clock().getTime()).toBeLessThanOrEqual(60_000);
        time.advance(60);
      }
      expect(outcomes.map((o) => (o.failed ? 'failed' : 'retried'))).toEqual(['retried', 'retried', 'retried', 'failed']);
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 4, lastError: '503 provider busy', sentAt: null });
      expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(sender.attempts).toBe(4);
    });

    it('gives a message up at once when the provider refuses it permanently', async () => {
      const id = await queue();
      const sender = scriptedSender(1, () => new PermanentTextError('21211 invalid number'));
      expect(await new TextDelivery({ database: db(), sender, log }).deliverPending()).toEqual({ sent: 0, failed: 1, retried: 0 });
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: '21211 invalid number' });
    });

    it('queues a message again when its sender stopped mid-send and the claim expired', async () => {
      const id = await queue();
      await db()
        .db.updateTable('platform.textMessage')
        .set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(Date.now() - 1000) })
        .execute();
      const sender = scriptedSender();
      expect(await new TextDelivery({ database: db(), sender, log }).deliverPending()).toEqual({ sent: 1, failed: 0, retried: 1 });
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('sends each message once when two processes deliver at the same time', async () => {
      for (let i = 0; i < 6; i++) await queue({ ...receipt, body: `message ${i}` });
      const sender = scriptedSender();
      const [a, b] = await Promise.all([
        new TextDelivery({ database: db(), sender, log }).deliverPending(),
        new TextDelivery({ database: db(), sender, log }).deliverPending(),
      ]);
      expect(a.sent + b.sent).toBe(6);
      expect(new Set(sender.sent.map((m) => m.id)).size).toBe(6);
    });
  });

  describe('textJobs', () => {
    it('sends queued messages as the text.deliver job, scheduled every minute', async () => {
      const sender = scriptedSender();
      const jobs = textJobs(new TextDelivery({ database: db(), sender, log }));
      expect(jobs.map((j) => [j.name, j.cron?.expression])).toEqual([['text.deliver', '* * * * *']]);
      const runner = await JobRunner.start({ database: db(), log, jobs, work: true, pollingIntervalSeconds: 0.5, stopTimeoutMs: 2000 });
      try {
        const id = await queue();
        await runner.send('text.deliver', {});
        for (let i = 0; i < 100 && (await row(id)).status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 50));
        expect(await row(id)).toMatchObject({ status: 'sent' });
      } finally {
        await runner.stop();
      }
    });
  });
});

describe('LoggingTextSender', () => {
  it('is what TEXT_SENDER=log makes, and logs the whole message at info level instead of sending it', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const sender = createTextSender({ TEXT_SENDER: 'log' }, logger);
    expect(sender).toBeInstanceOf(LoggingTextSender);
    expect(await sender.send({ id: 'a1', channel: 'sms', to: receipt.to, body: receipt.body, tag: receipt.tag })).toEqual({
      reference: 'log:a1',
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        text: { id: 'a1', channel: 'sms', to: receipt.to, tag: receipt.tag },
        msg: expect.stringContaining(receipt.body),
      }),
    ]);
  });
});
