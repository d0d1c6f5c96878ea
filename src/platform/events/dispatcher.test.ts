import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eachDatabase } from '../../../test/support/databases.js';
import { JobRunner } from '../jobs/runner.js';
import { defineSubscriber, deliveryJobId, OutboxDispatcher, subscriberJobs, type AnySubscriber, type EventEnvelope } from './dispatcher.js';
import { emit } from './outbox.js';

const log = pino({ level: 'silent' });

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

eachDatabase('OutboxDispatcher', (db) => {
  const runners: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  /** A worker with these subscribers registered, and a dispatcher that knows `dispatchTo` (default: the same). */
  async function setUp(subscribers: AnySubscriber[], dispatchTo: AnySubscriber[] = subscribers) {
    const runner = await JobRunner.start({
      database: db(),
      log,
      jobs: subscriberJobs(subscribers),
      work: true,
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 2000,
    });
    runners.push(runner);
    const dispatcher = new OutboxDispatcher({ database: db(), jobs: runner, subscribers: dispatchTo, log });
    return { runner, dispatcher };
  }

  const emitFeedback = (feedbackId: string) =>
    db()
      .db.transaction()
      .execute((tx) => emit(tx, 'portal.feedback.submitted', { feedbackId, kind: 'barrier' }, { requestId: 'req-00000001' }));

  const outbox = () => db().db.selectFrom('platform.outbox').selectAll().orderBy('id').execute();

  it('delivers an emitted event to its subscriber exactly once, even when dispatch runs twice', async () => {
    const seen: EventEnvelope[] = [];
    const subscriber = defineSubscriber({
      event: 'portal.feedback.submitted',
      name: 'notifications.acknowledge-feedback',
      handler: async (_ctx, event) => void seen.push(event),
    });
    const { dispatcher } = await setUp([subscriber]);
    const eventId = await emitFeedback('f-1');

    const rounds = await Promise.all([dispatcher.dispatchOnce(), dispatcher.dispatchOnce()]);
    expect(rounds.reduce((n, r) => n + r.queued, 0)).toBe(1);
    expect((await dispatcher.dispatchOnce()).claimed).toBe(0);
    // Even a row that looks undispatched again (say, restored from a backup) queues no second delivery.
    await db().db.updateTable('platform.outbox').set({ dispatchedAt: null, attempts: 0 }).execute();
    expect(await dispatcher.dispatchOnce()).toMatchObject({ claimed: 1, dispatched: 1, queued: 0 });

    await waitFor(() => seen.length > 0);
    await settle();
    expect(seen).toHaveLength(1);
    const jobs = await db().executor.executeSql('select count(*) as n from pgboss.job where name = $1', [subscriber.name]);
    expect(Number((jobs.rows[0] as { n: number }).n)).toBe(1);
    expect(seen[0]).toMatchObject({
      id: eventId,
      name: 'portal.feedback.submitted',
      payload: { feedbackId: 'f-1', kind: 'barrier' },
      requestId: 'req-00000001',
    });
    expect((await outbox())[0]).toMatchObject({ dispatchedAt: expect.any(Date), lastError: null });
  });

  it('emits nothing when the transaction that emitted rolls back', async () => {
    const seen: unknown[] = [];
    const { dispatcher } = await setUp([
      defineSubscriber({ event: 'portal.feedback.submitted', name: 'audit.record-feedback', handler: async (_c, e) => void seen.push(e) }),
    ]);
    await expect(
      db()
        .db.transaction()
        .execute(async (tx) => {
          await emit(tx, 'portal.feedback.submitted', { feedbackId: 'f-2' });
          throw new Error('the change failed');
        }),
    ).rejects.toThrow('the change failed');
    expect(await outbox()).toEqual([]);
    expect(await dispatcher.dispatchOnce()).toMatchObject({ claimed: 0, queued: 0 });
    await settle();
    expect(seen).toEqual([]);
  });

  it('delivers one event to every subscriber, each as its own job', async () => {
    const seen: string[] = [];
    const a = defineSubscriber({
      event: 'portal.feedback.submitted',
      name: 'notifications.email-team',
      handler: async () => void seen.push('a'),
    });
    const b = defineSubscriber({
      event: 'portal.feedback.submitted',
      name: 'evaluation.count-feedback',
      handler: async () => void seen.push('b'),
    });
    const { runner, dispatcher } = await setUp([a, b]);
    const eventId = await emitFeedback('f-3');
    expect(await dispatcher.dispatchOnce()).toMatchObject({ claimed: 1, queued: 2 });
    await waitFor(() => seen.length === 2);
    expect(seen.sort()).toEqual(['a', 'b']);
    const job = await runner.getJob(a.name, deliveryJobId(eventId, a.name));
    expect(job).toMatchObject({ singletonKey: `${eventId}:${a.name}`, state: 'completed' });
  });

  it('marks events nobody subscribes to as dispatched', async () => {
    const { dispatcher } = await setUp([]);
    await emitFeedback('f-4');
    expect(await dispatcher.dispatchOnce()).toMatchObject({ claimed: 1, dispatched: 1, queued: 0 });
    expect((await outbox())[0]?.dispatchedAt).toBeInstanceOf(Date);
  });

  it('records the error on an event it cannot deliver and still dispatches the others in the round', async () => {
    const known = defineSubscriber({ event: 'portal.feedback.submitted', name: 'notifications.email-team', handler: async () => {} });
    // Registered with the dispatcher but not with the worker: its queue does not exist in this process.
    const missing = defineSubscriber({ event: 'portal.feedback.reopened', name: 'notifications.email-reopened', handler: async () => {} });
    const { dispatcher } = await setUp([known], [known, missing]);
    await db()
      .db.transaction()
      .execute(async (tx) => {
        await emit(tx, 'portal.feedback.reopened', { feedbackId: 'f-5' });
        await emit(tx, 'portal.feedback.submitted', { feedbackId: 'f-6' });
      });
    expect(await dispatcher.dispatchOnce()).toMatchObject({ claimed: 2, dispatched: 1, failed: 1, queued: 1 });
    const [reopened, submitted] = await outbox();
    expect(reopened).toMatchObject({ dispatchedAt: null, attempts: 1, lastError: expect.stringContaining('notifications.email-reopened') });
    expect(submitted).toMatchObject({ dispatchedAt: expect.any(Date), lastError: null });
    // Backoff: the failed event is not claimed again straight away.
    expect((await dispatcher.dispatchOnce()).claimed).toBe(0);
  });

  it('fails a delivery whose payload does not match the subscriber schema, without calling the handler', async () => {
    const seen: unknown[] = [];
    const subscriber = defineSubscriber({
      event: 'portal.feedback.submitted',
      name: 'notifications.reply-to-visitor',
      schema: z.object({ feedbackId: z.uuid() }),
      retry: { limit: 0 },
      handler: async (_c, e) => void seen.push(e),
    });
    const { runner, dispatcher } = await setUp([subscriber]);
    const eventId = await emitFeedback('not-a-uuid');
    await dispatcher.dispatchOnce();
    const id = deliveryJobId(eventId, subscriber.name);
    await waitFor(async () => (await runner.getJob(subscriber.name, id))?.state === 'failed');
    expect(seen).toEqual([]);
  });

  it('keeps dispatching in the background once started, until stopped', async () => {
    const seen: unknown[] = [];
    const subscriber = defineSubscriber({
      event: 'portal.feedback.submitted',
      name: 'notifications.email-team',
      handler: async (_c, e) => void seen.push(e),
    });
    const { runner } = await setUp([subscriber]);
    const dispatcher = new OutboxDispatcher({ database: db(), jobs: runner, subscribers: [subscriber], log, intervalMs: 50 });
    dispatcher.start();
    try {
      await emitFeedback('f-7');
      await waitFor(() => seen.length === 1);
    } finally {
      await dispatcher.stop();
    }
  });
});

describe('deliveryJobId', () => {
  it('is the same UUID for the same event and subscriber, and differs otherwise', () => {
    const id = deliveryJobId(42, 'notifications.email-team');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deliveryJobId(42, 'notifications.email-team')).toBe(id);
    expect(deliveryJobId(43, 'notifications.email-team')).not.toBe(id);
    expect(deliveryJobId(42, 'audit.record-feedback')).not.toBe(id);
  });
});

describe('defineSubscriber', () => {
  it('requires an event name and a <module>.<verb-noun> subscriber name', () => {
    expect(() => defineSubscriber({ event: 'portal.submitted', name: 'notifications.email-team', handler: async () => {} })).toThrow(
      /event/i,
    );
    expect(() => defineSubscriber({ event: 'portal.feedback.submitted', name: 'emailTeam', handler: async () => {} })).toThrow(/verb-noun/);
  });
});
