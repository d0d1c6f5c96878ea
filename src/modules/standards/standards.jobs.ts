import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';
import { defineJob } from '../../platform/jobs/job.js';
import { remindDueReviews } from './standards.service.js';

/**
 * Every morning at 07:00 WIB: a `standards.review.due` event for each published standard whose periodic
 * review is due (STANDARDS_REVIEW_MONTHS after its last review or its publication), once per version and
 * period; notifications turn the event into a message to the unit. `months` in the payload overrides the
 * setting for a run sent by hand.
 *
 * Job handlers receive no configuration (JobContext has the database and a logger only), so the setting is
 * read through loadConfig: the same validated environment the process was started with.
 */
export const remindReviewJob = defineJob({
  name: 'standards.remind-review',
  schema: z.object({ months: z.number().int().min(1).max(60).optional() }),
  cron: { expression: '0 7 * * *', timeZone: 'Asia/Jakarta', payload: {} },
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  handler: async (ctx, payload) => {
    const months = payload.months ?? loadConfig().STANDARDS_REVIEW_MONTHS;
    const { reminded } = await remindDueReviews(ctx.database.db, { months });
    if (reminded > 0) ctx.log.info({ reminded, months }, 'standards review reminders');
  },
});

export const standardsJobs = [remindReviewJob];
