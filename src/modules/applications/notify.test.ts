import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.js';
import { OutboxDispatcher, subscriberJobs } from '../../platform/events/dispatcher.js';
import { JobRunner } from '../../platform/jobs/runner.js';
import { createMailTransport, MailDelivery } from '../../platform/mail/mail.js';
import { TextDelivery, type OutgoingText, type TextSender } from '../../platform/text/text.js';
import { lockApplication, recordChange, tablesOf, updateApplication, write, type ApplicationRow } from './applications.core.js';
import { applicationsSubscribers } from './applications.subscribers.js';
import { buildApplyFixture, counterApplication, submittedApplication, type ApplyFixture } from './applications.test-support.js';
import { CITIZEN_EVENTS, listNotifications, notifyCitizen, type NotifyDeps } from './notify.js';
import { formatCode } from './tracking-number.js';

const log = pino({ level: 'silent' });
const PUBLIC_URL = 'https://satupintu.test';

/** Keeps what it was handed, as a provider that accepted everything. */
class RecordingTextSender implements TextSender {
  readonly kind = 'test';
  readonly sent: OutgoingText[] = [];
  async send(message: OutgoingText) {
    this.sent.push(message);
    return { reference: `ref-${this.sent.length}` };
  }
}

eachDatabase('notifications about an application', (db) => {
  let fx: ApplyFixture;
  let smtp: TestSmtpServer;
  let deps: NotifyDeps;
  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
    smtp = await startSmtpServer();
    deps = { keys: fx.keys, publicUrl: PUBLIC_URL, textChannel: 'sms' };
  });
  afterEach(async () => {
    await smtp.close();
  });

  const mail = () =>
    new MailDelivery({
      database: db(),
      transport: createMailTransport({ SMTP_URL: smtp.url }, log),
      from: 'Satupintu <no-reply@satupintu.test>',
      log,
    });
  /** The outbox event a change emitted, as the dispatcher would deliver it. */
  const eventOf = async (app: ApplicationRow, name: keyof typeof CITIZEN_EVENTS) => {
    const rows = await db()
      .db.selectFrom('platform.outbox')
      .select(['id', 'payload'])
      .where('name', '=', name)
      .orderBy('id', 'desc')
      .execute();
    const row = rows.find((r) => (r.payload as { applicationId: string }).applicationId === app.id)!;
    return { id: row.id, name, applicationId: app.id };
  };
  const notify = (event: Awaited<ReturnType<typeof eventOf>>) =>
    db()
      .db.transaction()
      .execute((tx) => notifyCitizen(tx, deps, event));

  /** The officer asks for a correction (as process.ts does), emitting the event. */
  const requestCorrection = (app: ApplicationRow) =>
    write(fx.ctx(fx.staff.processor), async (tx) => {
      const ctx = fx.ctx(fx.staff.processor);
      const locked = (await lockApplication(tx, app.id))!;
      await tablesOf(tx)
        .insertInto('applications.requirementCheck')
        .values({ applicationId: app.id, requirementKey: 'kk', outcome: 'needs_correction', note: 'Halaman kedua tidak terbaca.' })
        .execute();
      const next = (await updateApplication(tx, ctx, locked, { status: 'awaiting_citizen' }))!;
      await recordChange(tx, ctx, next, { kind: 'correction_requested', event: 'applications.application.correction-requested' });
      return next;
    });

  it('emails the citizen on submission, in Indonesian, with the tracking number and link, through a real SMTP server', async () => {
    const app = await submittedApplication(fx);
    expect(await notify(await eventOf(app, 'applications.application.submitted'))).toEqual(['email']);
    expect(await mail().deliverPending()).toMatchObject({ sent: 1 });
    const received = await smtp.waitForMail();
    const number = formatCode(app.trackingNumber!);
    expect(received.to).toEqual([expect.stringMatching(/^ni\.wayan\.sari\.\d+@contoh\.test$/)]);
    expect(received.subject).toBe(`Permohonan ${number} diterima — Penerbitan Akta Kelahiran`);
    expect(received.text).toContain('Halo Ni Wayan Sari');
    expect(received.text).toContain(`${PUBLIC_URL}/lacak?nomor=${app.trackingNumber}`);
    expect(received.text).toContain('Bidang Pelayanan Pencatatan Sipil');
    expect(received.text).not.toContain('5103014507900001');
    expect(received.headers['x-satupintu-tag']).toBe('applications.submitted');
  });

  it('writes in English for an application in English, and lists the items to correct with their notes', async () => {
    const app = await submittedApplication(fx);
    await tablesOf(fx.db).updateTable('applications.application').set({ locale: 'en' }).where('id', '=', app.id).execute();
    await requestCorrection(app);
    await notify(await eventOf(app, 'applications.application.correction-requested'));
    await mail().deliverPending();
    const received = await smtp.waitForMail();
    expect(received.subject).toBe(`Corrections needed for application ${formatCode(app.trackingNumber!)}`);
    expect(received.text).toContain('Hello Ni Wayan Sari');
    expect(received.text).toContain('- Kartu Keluarga: Halaman kedua tidak terbaca.');
    expect(received.text).toContain('The time limit is paused');
  });

  it('sends a text message to a counter applicant who gave only a phone, and records both deliveries for staff', async () => {
    const app = await counterApplication(fx);
    expect(await notify(await eventOf(app, 'applications.application.submitted'))).toEqual(['sms']);
    const sender = new RecordingTextSender();
    expect(await new TextDelivery({ database: db(), sender, log }).deliverPending()).toMatchObject({ sent: 1 });
    expect(sender.sent).toEqual([
      expect.objectContaining({
        channel: 'sms',
        to: '+6281234567891',
        body: `Permohonan Penerbitan Akta Kelahiran diterima, nomor ${formatCode(app.trackingNumber!)}. Lacak: ${PUBLIC_URL}/lacak?nomor=${app.trackingNumber}`,
        tag: 'applications.submitted',
      }),
    ]);
    expect(await listNotifications(fx.db, app.id)).toEqual([
      expect.objectContaining({
        kind: 'submitted',
        channel: 'sms',
        recipient: '+62812****891',
        status: 'sent',
        attempts: 1,
        lastError: null,
      }),
    ]);
  });

  it('sends WhatsApp instead when configured, and shows a failed email with its error to staff', async () => {
    deps = { ...deps, textChannel: 'whatsapp' };
    const app = await submittedApplication(fx);
    await tablesOf(fx.db)
      .updateTable('applications.application')
      .set({
        contactEnc: fx.keys.encrypt(
          JSON.stringify({ name: 'Ni Wayan Sari', email: 'sari@contoh.test', phone: '0812-3456-7890' }),
          `applications.application.contact:${app.id}`,
        ),
      })
      .where('id', '=', app.id)
      .execute();
    expect(await notify(await eventOf(app, 'applications.application.submitted'))).toEqual(['email', 'whatsapp']);
    smtp.refuseNext(1, { code: 550, message: '5.1.1 No such mailbox' });
    expect(await mail().deliverPending()).toMatchObject({ failed: 1 });
    const statuses = await listNotifications(fx.db, app.id);
    expect(statuses.map((s) => [s.channel, s.recipient, s.status])).toEqual(
      expect.arrayContaining([
        ['email', 'sa***@contoh.test', 'failed'],
        ['whatsapp', '+62812****890', 'queued'],
      ]),
    );
    expect(statuses.find((s) => s.channel === 'email')!.lastError).toContain('No such mailbox');
  });

  it('sends nothing twice when an event is delivered again', async () => {
    const app = await submittedApplication(fx);
    const event = await eventOf(app, 'applications.application.submitted');
    await notify(event);
    expect(await notify(event)).toEqual([]);
    expect(await db().db.selectFrom('platform.mailMessage').select('id').execute()).toHaveLength(1);
    expect(await listNotifications(fx.db, app.id)).toHaveLength(1);
  });

  it('runs as the worker’s subscribers: a submission committed, dispatched and delivered ends in the citizen’s mailbox once', async () => {
    const subscribers = applicationsSubscribers(() => deps);
    expect(subscribers.map((s) => s.event).sort()).toEqual(Object.keys(CITIZEN_EVENTS).sort());
    const runner = await JobRunner.start({
      database: db(),
      log,
      jobs: subscriberJobs(subscribers),
      work: true,
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 2000,
    });
    try {
      const app = await submittedApplication(fx);
      const dispatcher = new OutboxDispatcher({ database: db(), jobs: runner, subscribers, log });
      await dispatcher.dispatchOnce();
      for (let i = 0; i < 200 && (await listNotifications(fx.db, app.id)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      // The same event handed over again (a dispatcher that crashed before marking it) queues no second job.
      await db().db.updateTable('platform.outbox').set({ dispatchedAt: null }).execute();
      await dispatcher.dispatchOnce();
      await mail().deliverPending();
      const received = await smtp.waitForMail();
      expect(received.subject).toContain(formatCode(app.trackingNumber!));
      expect(smtp.messages).toHaveLength(1);
      expect(await listNotifications(fx.db, app.id)).toHaveLength(1);
    } finally {
      await runner.stop();
    }
  });
});

describe('applicationsSubscribers', () => {
  it('subscribes to submission, correction request, rejection and completion, each on its own queue', () => {
    expect(applicationsSubscribers().map((s) => [s.event, s.name])).toEqual([
      ['applications.application.submitted', 'applications.notify-submitted'],
      ['applications.application.correction-requested', 'applications.notify-correction-requested'],
      ['applications.application.rejected', 'applications.notify-rejected'],
      ['applications.application.completed', 'applications.notify-completed'],
    ]);
  });
});
