import { z } from 'zod';
import { optionalText } from '../../platform/schemas.js';
import { FEEDBACK_KINDS } from './portal.tables.js';

/** What a visitor sends when reporting a barrier; the same rules for the form and the API. */
export const FeedbackBody = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS),
  pageUrl: optionalText(500),
  message: z.string().trim().min(1).min(10).max(2000),
  contactEmail: optionalText(254).pipe(z.email().optional()),
});
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const FeedbackCreated = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
});

export const FeedbackStats = z.object({
  total: z.number().int(),
  byKind: z.array(
    z.object({ kind: z.enum(FEEDBACK_KINDS), new: z.number().int(), acknowledged: z.number().int(), resolved: z.number().int() }),
  ),
});
export type FeedbackStats = z.infer<typeof FeedbackStats>;
