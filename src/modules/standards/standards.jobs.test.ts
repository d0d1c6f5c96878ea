import pino from 'pino';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { buildTenants, staffAt } from '../../../test/support/tenants.js';
import type { JobContext } from '../../platform/jobs/job.js';
import { standardContent } from './catalog.test-support.js';
import { remindReviewJob } from './standards.jobs.js';
import * as Svc from './standards.service.js';

const DAY = 86_400_000;

it('runs every morning at 07:00 WIB', () => {
  expect(remindReviewJob.name).toBe('standards.remind-review');
  expect(remindReviewJob.cron).toEqual({ expression: '0 7 * * *', timeZone: 'Asia/Jakarta', payload: {} });
});

eachDatabase('standards.remind-review', (db) => {
  it('reminds of a standard published more than STANDARDS_REVIEW_MONTHS (12) ago, once', async () => {
    const { A } = await buildTenants(db().db, { permissions: [Svc.MANAGE] });
    const then = new Date(Date.now() - 400 * DAY);
    const ctx = { db: db().db, actor: staffAt({ kind: 'platform' }, [Svc.MANAGE], 'Admin'), now: () => then };
    const service = await Svc.createService(ctx, {
      serviceUnitId: A.ids.serviceUnitId!,
      code: 'KK',
      name: 'Kartu Keluarga',
      summary: 'Penerbitan Kartu Keluarga baru atau perubahan.',
      category: 'civil_registration',
      kind: 'non_licensing',
      audiences: ['citizen'],
      channels: 'counter',
    });
    let v = await Svc.createDraft(ctx, service.id);
    v = await Svc.saveContent(ctx, v.id, standardContent(), v.version);
    v = await Svc.submitForReview(ctx, v.id, { version: v.version });
    const day = then.toISOString().slice(0, 10);
    v = await Svc.ratify(ctx, v.id, { decreeNumber: '1', decreeDate: day, signatory: 'Kepala', version: v.version });
    await Svc.publish(ctx, v.id, { effectiveDate: day, version: v.version });
    const job: JobContext = {
      database: db(),
      log: pino({ level: 'silent' }),
      jobId: 'test',
      retryCount: 0,
      jobs: { send: async () => null },
    };
    await remindReviewJob.handler(job, {});
    await remindReviewJob.handler(job, {});
    await remindReviewJob.handler(job, { months: 24 });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from platform.outbox where name = 'standards.review.due'`.execute(
      db().db,
    );
    expect(rows[0]!.n).toBe(1);
  });
});
