import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.js';
import type { Database } from '../db/database.js';
import { JobRunner } from '../jobs/runner.js';
import { createMailTransport, MailDelivery, mailJobs, MailMessageError, queueMail, type MailInput, type MailTransport } from './mail.js';

const log = pino({ level: 'silent' });
const FROM = 'Satupintu <no-reply@satupintu.test>';

const verifyEmail = {
  to: 'siti.rahma@example.test',
  subject: 'Verifikasi alamat surel Anda — Satupintu',
  text: 'Halo Siti,\n\nBuka tautan ini untuk memverifikasi alamat surel Anda:\nhttps://satupintu.test/verifikasi?token=Zm9vYmFy\n',
  html: '<p>Halo Siti,</p><p><a href="https://satupintu.test/verifikasi?token=Zm9vYmFy">Verifikasi alamat surel</a></p>',
  tag: 'identity.verify-email',
} satisfies MailInput;

/** A clock the test moves by hand, so backoff is exact; it starts a little ahead of the database's now(). */
function testClock() {
  let now = new Date(Date.now() + 1000);
  return {
    clock: () => now,
    advance(seconds: number) {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
}

/** Records pino's output as parsed lines. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

eachDatabase('the mail outbox', (db) => {
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    await smtp.close();
  });

  const delivery = (options: Partial<ConstructorParameters<typeof MailDelivery>[0]> = {}) =>
    new MailDelivery({ database: db(), transport: createMailTransport({ SMTP_URL: smtp.url }, log), from: FROM, log, ...options });
  const queue = (message: MailInput = verifyEmail) =>
    db()
      .db.transaction()
      .execute((tx) => queueMail(tx, message));
  const mailRow = (id: string) => db().db.selectFrom('platform.mailMessage').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const mailRows = () => db().db.selectFrom('platform.mailMessage').selectAll().execute();
  const nothing = { sent: 0, failed: 0, retried: 0 };

  describe('queueMail', () => {
    it('queues nothing when the transaction that queued the mail rolls back', async () => {
      await expect(
        db()
          .db.transaction()
          .execute(async (tx) => {
            await queueMail(tx, verifyEmail);
            throw new Error('the registration failed');
          }),
      ).rejects.toThrow('the registration failed');
      expect(await mailRows()).toEqual([]);
      expect(await delivery().deliverPending()).toEqual(nothing);
      expect(smtp.messages).toEqual([]);
    });

    it('refuses a line break in the subject or the address (header injection), a malformed address or tag, writing nothing', async () => {
      const attempts: [MailInput, string][] = [
        [{ ...verifyEmail, subject: 'Verifikasi\r\nBcc: semua@example.test' }, 'subject'],
        [{ ...verifyEmail, subject: 'Verifikasi\nX-Priority: 1' }, 'subject'],
        [{ ...verifyEmail, to: 'siti.rahma@example.test\r\nBcc: semua@example.test' }, 'to'],
        [{ ...verifyEmail, to: 'bukan alamat surel' }, 'to'],
        [{ ...verifyEmail, tag: 'Verify Email' }, 'tag'],
      ];
      for (const [message, field] of attempts) {
        const error = await queue(message).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MailMessageError);
        expect(error).toMatchObject({ code: 'MAIL_MESSAGE_INVALID' });
        expect(new Set((error as MailMessageError).issues.map((i) => i.path.join('.')))).toEqual(new Set([field]));
      }
      expect(await mailRows()).toEqual([]);
    });

    it('is backed by the table, which refuses a line break in a header whoever writes to it', async () => {
      const insert = db()
        .db.insertInto('platform.mailMessage')
        .values({ toAddress: 'siti.rahma@example.test', subject: 'Halo\r\nBcc: semua@example.test', textBody: 'x' })
        .execute();
      await expect(insert).rejects.toThrow(/check constraint/);
    });
  });

  describe('MailDelivery.deliverPending', () => {
    it('delivers committed mail through SMTP with its sender, subject, text and HTML, and records it as sent', async () => {
      const id = await queue();
      expect(await delivery().deliverPending()).toEqual({ ...nothing, sent: 1 });

      const mail = await smtp.waitForMail();
      expect(mail).toMatchObject({
        from: FROM,
        to: [verifyEmail.to],
        subject: verifyEmail.subject,
        text: verifyEmail.text.trimEnd(),
        html: verifyEmail.html,
        messageId: `<${id}@satupintu.test>`,
      });
      expect(mail.headers).toMatchObject({ 'x-satupintu-tag': 'identity.verify-email', 'auto-submitted': 'auto-generated' });
      expect(await mailRow(id)).toMatchObject({
        status: 'sent',
        attempts: 1,
        sentAt: expect.any(Date),
        messageId: `<${id}@satupintu.test>`,
        lastError: null,
      });
      expect(await delivery().deliverPending()).toEqual(nothing);
      expect(smtp.messages).toHaveLength(1);
    });

    it('retries a refused delivery after 30 s, then 60 s, and records it as sent once the server accepts', async () => {
      const { clock, advance } = testClock();
      const mail = delivery({ clock });
      smtp.refuseNext(2);
      const id = await queue();

      expect(await mail.deliverPending()).toEqual({ ...nothing, retried: 1 });
      let row = await mailRow(id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('451 4.3.0 Mailbox busy') });
      expect(row.nextAttemptAt.getTime() - clock().getTime()).toBe(30_000);

      advance(29);
      expect(await mail.deliverPending()).toEqual(nothing);
      advance(1);
      expect(await mail.deliverPending()).toEqual({ ...nothing, retried: 1 });
      row = await mailRow(id);
      expect(row).toMatchObject({ status: 'queued', attempts: 2 });
      expect(row.nextAttemptAt.getTime() - clock().getTime()).toBe(60_000);

      advance(60);
      expect(await mail.deliverPending()).toEqual({ ...nothing, sent: 1 });
      expect(await mailRow(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      expect(smtp.refused).toBe(2);
      expect(smtp.messages.map((m) => m.subject)).toEqual([verifyEmail.subject]);
    });

    it('gives a mail up as failed, with the last error, after maxAttempts refusals; waits never exceed maxDelaySeconds', async () => {
      const { clock, advance } = testClock();
      const mail = delivery({ clock, maxAttempts: 4, baseDelaySeconds: 30, maxDelaySeconds: 100 });
      smtp.refuseNext(10);
      const id = await queue();

      const waits: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect(await mail.deliverPending()).toEqual({ ...nothing, retried: 1 });
        const row = await mailRow(id);
        waits.push((row.nextAttemptAt.getTime() - clock().getTime()) / 1000);
        advance(3600);
      }
      expect(waits).toEqual([30, 60, 100]);
      expect(await mail.deliverPending()).toEqual({ ...nothing, failed: 1 });
      expect(await mailRow(id)).toMatchObject({ status: 'failed', attempts: 4, sentAt: null, lastError: expect.stringContaining('451') });

      advance(86_400);
      expect(await mail.deliverPending()).toEqual(nothing);
      expect(smtp.refused).toBe(4);
      expect(smtp.messages).toEqual([]);
    });

    it('gives a mail up at once when the server refuses the message permanently (5xx)', async () => {
      smtp.refuseNext(1, { code: 550, message: '5.1.1 No such mailbox' });
      const id = await queue();
      expect(await delivery().deliverPending()).toEqual({ ...nothing, failed: 1 });
      expect(await mailRow(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('550 5.1.1') });
    });

    it('keeps retrying while the mail server cannot be reached', async () => {
      const id = await queue();
      const unreachable = createMailTransport({ SMTP_URL: 'smtp://127.0.0.1:1' }, log);
      expect(await delivery({ transport: unreachable }).deliverPending()).toEqual({ ...nothing, retried: 1 });
      expect(await mailRow(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED') });
    });

    it('holds no transaction while the server is slow, and queues a mail again when its sender stopped mid-send for 10 minutes', async () => {
      const { clock, advance } = testClock();
      const id = await queue();
      let sendStarted!: () => void;
      const started = new Promise<void>((resolve) => (sendStarted = resolve));
      const hanging: MailTransport = {
        kind: 'smtp',
        send: () => {
          sendStarted();
          return new Promise(() => {});
        },
        close() {},
      };
      // Never settles: this process "dies" while talking to the server.
      void delivery({ clock, transport: hanging }).deliverPending();
      await started;

      // The claim has committed, so the database (PGlite's single connection included) is free.
      expect(await mailRow(id)).toMatchObject({ status: 'sending', attempts: 1 });
      const other = await queue({ ...verifyEmail, to: 'budi@example.test' });

      const survivor = delivery({ clock });
      advance(9 * 60);
      expect(await survivor.deliverPending()).toEqual({ ...nothing, sent: 1 });
      expect(await mailRow(id)).toMatchObject({ status: 'sending' });

      advance(60);
      expect(await survivor.deliverPending()).toEqual({ ...nothing, retried: 1, sent: 1 });
      expect(await mailRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
      // Sent again with the same Message-ID, so a receiver that got both can tell they are one mail.
      expect(smtp.messages.map((m) => m.messageId).sort()).toEqual([`<${id}@satupintu.test>`, `<${other}@satupintu.test>`].sort());
    });

    it('sends each mail once when two processes deliver at the same time', async () => {
      const ids = await db()
        .db.transaction()
        .execute(async (tx) => {
          const queued: string[] = [];
          for (let i = 1; i <= 6; i++) queued.push(await queueMail(tx, { ...verifyEmail, to: `warga${i}@example.test` }));
          return queued;
        });
      const [a, b] = await Promise.all([delivery().deliverPending(), delivery().deliverPending()]);
      expect(a.sent + b.sent).toBe(6);
      expect(smtp.messages.map((m) => m.messageId).sort()).toEqual(ids.map((id) => `<${id}@satupintu.test>`).sort());
    });

    it('without SMTP_URL logs each mail with its whole text at info level instead of sending it', async () => {
      const { logger, lines } = capturingLogger();
      const transport = createMailTransport({ SMTP_URL: undefined }, logger);
      expect(transport.kind).toBe('log');
      const id = await queue();

      expect(await new MailDelivery({ database: db(), transport, from: FROM, log: logger }).deliverPending()).toEqual({
        ...nothing,
        sent: 1,
      });
      const entry = lines.find((l) => l.mail !== undefined);
      expect(entry).toMatchObject({
        level: 30,
        mail: { to: verifyEmail.to, subject: verifyEmail.subject, tag: verifyEmail.tag, messageId: `<${id}@satupintu.test>` },
      });
      expect(entry?.msg).toContain(verifyEmail.text);
      expect(await mailRow(id)).toMatchObject({ status: 'sent' });
      expect(smtp.messages).toEqual([]);
    });
  });

  describe('MailDelivery.kick', () => {
    it('sends soon after the commit; kicks in a row share one round', async () => {
      const mail = delivery();
      const id = await queue();
      const first = mail.kick();
      expect(mail.kick()).toBe(first);
      await first;
      expect(await mailRow(id)).toMatchObject({ status: 'sent' });
      expect(smtp.messages).toHaveLength(1);
    });

    it('runs one more round after a kick that came during a round, so mail queued meanwhile goes out too', async () => {
      const smtpTransport = createMailTransport({ SMTP_URL: smtp.url }, log);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let sendStarted!: () => void;
      const started = new Promise<void>((resolve) => (sendStarted = resolve));
      const slowFirst: MailTransport = {
        kind: 'smtp',
        async send(m) {
          sendStarted();
          await gate;
          return smtpTransport.send(m);
        },
        close() {},
      };
      const mail = delivery({ transport: slowFirst });
      await queue();
      const first = mail.kick();
      await started;

      await queue({ ...verifyEmail, to: 'budi@example.test' });
      const second = mail.kick();
      expect(second).not.toBe(first);
      release();
      await Promise.all([first, second]);
      expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(['budi@example.test', verifyEmail.to]);
    });

    it('does nothing once stopped; the mail stays queued for the worker', async () => {
      const mail = delivery();
      await mail.stop();
      const id = await queue();
      await mail.kick();
      expect(await mailRow(id)).toMatchObject({ status: 'queued', attempts: 0 });
    });
  });

  describe('mailJobs', () => {
    it('sends queued mail as the mail.deliver job, scheduled every minute', async () => {
      const jobs = mailJobs(delivery());
      expect(jobs.map((j) => [j.name, j.cron?.expression])).toEqual([['mail.deliver', '* * * * *']]);
      const runner = await JobRunner.start({ database: db(), log, jobs, work: true, pollingIntervalSeconds: 0.5, stopTimeoutMs: 2000 });
      try {
        const id = await queue();
        await runner.send('mail.deliver', {});
        expect((await smtp.waitForMail()).messageId).toBe(`<${id}@satupintu.test>`);
      } finally {
        await runner.stop();
      }
    });
  });
});

describe('MailDelivery.kick on a failing database', () => {
  it('logs the failed round as an error and resolves instead of rejecting', async () => {
    const { logger, lines } = capturingLogger();
    const unavailable = {
      db: {
        updateTable() {
          throw new Error('database unavailable');
        },
      },
    } as unknown as Database;
    const transport = createMailTransport({ SMTP_URL: undefined }, logger);
    await expect(new MailDelivery({ database: unavailable, transport, from: FROM, log: logger }).kick()).resolves.toBeUndefined();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'mail delivery failed',
        err: expect.objectContaining({ message: 'database unavailable' }),
      }),
    ]);
  });
});
