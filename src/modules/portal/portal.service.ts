import { tablesOf, type Db } from '../../platform/db/database.js';
import { emit } from '../../platform/events/outbox.js';
import { recordAudit } from '../audit/index.js';
import type { Locale } from '../../platform/i18n/catalog.js';
import { countFeedbackByKindAndStatus, insertFeedback } from './portal.repository.js';
import type { FeedbackBody, FeedbackStats } from './portal.schemas.js';
import { FEEDBACK_KINDS, type PortalTables } from './portal.tables.js';

export interface ServiceContext {
  db: Db;
  locale: Locale;
  requestId?: string;
}

/** Stores a visitor's feedback, announces it and audits it, in one transaction. */
export async function submitFeedback(ctx: ServiceContext, input: FeedbackBody) {
  return ctx.db.transaction().execute(async (tx) => {
    const created = await insertFeedback(tablesOf<PortalTables>(tx), {
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
    // The message and email are the visitor's own words and address; the trail keeps only their shape.
    await recordAudit(tx, {
      actor: { kind: 'anonymous' },
      action: 'portal.feedback.submitted',
      subject: { type: 'feedback', id: created.id },
      after: { kind: input.kind, hasContact: Boolean(input.contactEmail) },
      requestId: ctx.requestId,
    });
    return created;
  });
}

/** Open figures on how many reports arrived and how many were handled; no report's content. */
export async function feedbackStats(ctx: Pick<ServiceContext, 'db'>): Promise<FeedbackStats> {
  const rows = await countFeedbackByKindAndStatus(tablesOf<PortalTables>(ctx.db));
  const byKind = FEEDBACK_KINDS.map((kind) => {
    const of = (status: string) => Number(rows.find((r) => r.kind === kind && r.status === status)?.count ?? 0);
    return { kind, new: of('new'), acknowledged: of('acknowledged'), resolved: of('resolved') };
  });
  return { total: byKind.reduce((sum, k) => sum + k.new + k.acknowledged + k.resolved, 0), byKind };
}
