import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eachDatabase } from '../../../test/support/databases.js';
import type { Database } from '../db/database.js';
import { defineJob, JobPayloadError, UnknownJobError, type AnyJobDefinition } from './job.js';
import { JobRunner } from './runner.js';

const log = pino({ level: 'silent' });

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const countJobs = async (database: Database, name: string) =>
  Number(((await database.executor.executeSql('select count(*) as n from pgboss.job where name = $1', [name])).rows[0] as { n: number }).n);

eachDatabase('JobRunner', (db) => {
  const runners: JobRunner[] = [];
  const start = async (jobs: AnyJobDefinition[], work = true) => {
    const runner = await JobRunner.start({ database: db(), log, jobs, work, pollingIntervalSeconds: 0.5, stopTimeoutMs: 2000 });
    runners.push(runner);
    return runner;
  };
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  it('runs a sent job once with its parsed payload', async () => {
    const received: unknown[] = [];
    const job = defineJob({
      name: 'test.greet-citizen',
      schema: z.object({ name: z.string().trim(), times: z.coerce.number().int().default(1) }),
      handler: async (_ctx, payload) => void received.push(payload),
    });
    const runner = await start([job]);
    const id = await runner.send(job, { name: '  Siti ' });
    await waitFor(async () => (await runner.getJob(job.name, id!))?.state === 'completed');
    expect(received).toEqual([{ name: 'Siti', times: 1 }]);
  });

  it('refuses to send a payload that does not match the schema, naming every issue, and queues nothing', async () => {
    const job = defineJob({
      name: 'test.count-visits',
      schema: z.object({ mallId: z.uuid(), day: z.iso.date() }),
      handler: async () => {},
    });
    const runner = await start([job]);
    const attempt = runner.send('test.count-visits', { mallId: 'not-a-uuid', day: 'yesterday' });
    await expect(attempt).rejects.toBeInstanceOf(JobPayloadError);
    await expect(attempt).rejects.toMatchObject({
      code: 'JOBS_PAYLOAD_INVALID',
      stage: 'send',
      issues: [{ path: ['mallId'] }, { path: ['day'] }],
    });
    expect(await countJobs(db(), job.name)).toBe(0);
  });

  it('refuses to send a job it does not know', async () => {
    const runner = await start([]);
    await expect(runner.send('test.unknown-job', {})).rejects.toBeInstanceOf(UnknownJobError);
  });

  it('fails a received job whose payload no longer matches, without calling the handler', async () => {
    const calls: unknown[] = [];
    // An older release queued this job with a looser payload than the current definition accepts.
    const old = defineJob({ name: 'test.close-ticket', schema: z.object({ ticketId: z.unknown() }), handler: async () => {} });
    const current = defineJob({
      name: 'test.close-ticket',
      schema: z.object({ ticketId: z.number().int() }),
      retry: { limit: 0 },
      handler: async (_ctx, payload) => void calls.push(payload),
    });
    const sender = await start([old], false);
    const id = await sender.send(old, { ticketId: 'A-17' });
    const worker = await start([current]);
    worker.notify(current.name);
    await waitFor(async () => (await worker.getJob(current.name, id!))?.state === 'failed');
    expect(calls).toEqual([]);
    const failed = await worker.getJob(current.name, id!);
    expect(JSON.stringify(failed?.output)).toContain('JOBS_PAYLOAD_INVALID');
  });

  it('retries a failed handler as its retry policy allows', async () => {
    let attempts = 0;
    const job = defineJob({
      name: 'test.send-reminder',
      schema: z.object({ applicationId: z.number() }),
      retry: { limit: 2 },
      handler: async (ctx) => {
        attempts++;
        if (ctx.retryCount === 0) throw new Error('mail server unavailable');
      },
    });
    const runner = await start([job]);
    const id = await runner.send(job, { applicationId: 7 });
    await waitFor(async () => (await runner.getJob(job.name, id!))?.state === 'completed');
    expect(attempts).toBe(2);
    expect((await runner.getJob(job.name, id!))?.retryCount).toBe(1);
  });

  it('queues a job sent in a transaction only when the transaction commits', async () => {
    const received: number[] = [];
    const job = defineJob({
      name: 'test.archive-report',
      schema: z.object({ n: z.number() }),
      handler: async (_c, p) => void received.push(p.n),
    });
    const runner = await start([job]);
    await expect(
      db()
        .db.transaction()
        .execute(async (tx) => {
          await runner.send(job, { n: 1 }, { tx });
          throw new Error('rolled back');
        }),
    ).rejects.toThrow('rolled back');
    await db()
      .db.transaction()
      .execute(async (tx) => {
        await runner.send(job, { n: 2 }, { tx });
      });
    runner.notify(job.name);
    await waitFor(() => received.length > 0);
    expect(received).toEqual([2]);
    expect(await countJobs(db(), job.name)).toBe(1);
  });

  it('ignores a second send with the same id', async () => {
    const job = defineJob({ name: 'test.notify-applicant', schema: z.object({}), handler: async () => {} });
    const runner = await start([job], false);
    const id = '0b0c3a52-4a5f-4f3e-9a53-5d7c1d1f0a01';
    expect(await runner.send(job, {}, { id })).toBe(id);
    expect(await runner.send(job, {}, { id })).toBeNull();
    expect(await countJobs(db(), job.name)).toBe(1);
  });

  it('keeps cron schedules in step with the definitions', async () => {
    const nightly = defineJob({
      name: 'test.sweep-deadlines',
      schema: z.object({ scope: z.string() }),
      cron: { expression: '0 1 * * *', timeZone: 'Asia/Jakarta', payload: { scope: 'all' } },
      handler: async () => {},
    });
    const first = await start([nightly]);
    expect(await first.schedules()).toEqual([{ name: 'test.sweep-deadlines', cron: '0 1 * * *', timeZone: 'Asia/Jakarta' }]);
    await first.stop();
    // The schedule was removed from the definition: the next start drops it.
    const second = await start([defineJob({ name: 'test.sweep-deadlines', schema: z.object({}), handler: async () => {} })]);
    expect(await second.schedules()).toEqual([]);
  });

  it('waits for a running handler before stop() resolves', async () => {
    let finished = false;
    let started = false;
    const job = defineJob({
      name: 'test.generate-report',
      schema: z.object({}),
      handler: async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
      },
    });
    const runner = await start([job]);
    const id = await runner.send(job, {});
    await waitFor(() => started);
    await runner.stop();
    expect(finished).toBe(true);
    const fresh = await start([job], false);
    expect((await fresh.getJob(job.name, id!))?.state).toBe('completed');
  });
});

describe('defineJob', () => {
  it('requires a <module>.<verb-noun> name', () => {
    expect(() => defineJob({ name: 'sendReminder', schema: z.object({}), handler: async () => {} })).toThrow(/<module>.<verb-noun>/);
    expect(() => defineJob({ name: 'applications.send-reminders', schema: z.object({}), handler: async () => {} })).not.toThrow();
  });

  it('checks a cron payload when the job is defined', () => {
    expect(() =>
      defineJob({ name: 'surveys.close-periods', schema: z.object({ period: z.string() }), cron: '0 0 1 * *', handler: async () => {} }),
    ).toThrow(JobPayloadError);
  });
});
