import type { Db } from '../../platform/db/database.js';
import { emit } from '../../platform/events/outbox.js';
import type { Locale } from '../../platform/i18n/catalog.js';
import { insertFeedback } from './portal.repository.js';
import type { FeedbackBody } from './portal.schemas.js';
import type { PortalTables } from './portal.tables.js';

export interface ServiceContext {
  db: Db;
  locale: Locale;
  requestId?: string;
}

/** Stores a visitor's feedback and announces it, in one transaction. */
export async function submitFeedback(ctx: ServiceContext, input: FeedbackBody) {
  return ctx.db.transaction().execute(async (tx) => {
    const created = await insertFeedback(tx.withTables<PortalTables>(), {
      kind: input.kind,
      pageUrl: input.pageUrl ?? null,
      message: input.message,
      contactEmail: input.contactEmail ?? null,
      locale: ctx.locale,
    });
    await emit(
      tx,
      'portal.feedback.submitted',
      { feedbackId: created.id, kind: input.kind, hasContact: Boolean(input.contactEmail) },
      ctx.requestId ? { requestId: ctx.requestId } : {},
    );
    return created;
  });
}
