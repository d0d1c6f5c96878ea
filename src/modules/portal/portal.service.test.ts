import { expect, it } from 'vitest';
import { tablesOf } from '../../platform/db/database.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { countFeedback, submitFeedback } from './index.js';
import type { PortalTables } from './portal.tables.js';

eachDatabase('submitFeedback', (db) => {
  it('stores the feedback and records an event in the same transaction', async () => {
    const created = await submitFeedback(
      { db: db().db, locale: 'en', requestId: 'req-12345678' },
      { kind: 'barrier', message: 'The date picker cannot be used with a keyboard', contactEmail: 'a@b.id' },
    );
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countFeedback(tablesOf<PortalTables>(db().db))).toBe(1);
    const events = await db().db.selectFrom('platform.outbox').selectAll().execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: 'portal.feedback.submitted',
      payload: { feedbackId: created.id, kind: 'barrier', hasContact: true },
      requestId: 'req-12345678',
      dispatchedAt: null,
    });
    // Audited as the anonymous visitor, with the report's shape but not its words or address.
    const audit = await db()
      .db.selectFrom('audit.event' as never)
      .selectAll()
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'portal.feedback.submitted',
        actorKind: 'anonymous',
        actorName: null,
        subjectType: 'feedback',
        subjectId: created.id,
        requestId: 'req-12345678',
        after: { kind: 'barrier', hasContact: true },
      }),
    ]);
  });

  it('writes nothing when the database refuses the row', async () => {
    await expect(submitFeedback({ db: db().db, locale: 'id' }, { kind: 'barrier', message: 'too short'.slice(0, 3) })).rejects.toThrow();
    expect(await countFeedback(tablesOf<PortalTables>(db().db))).toBe(0);
    expect(await db().db.selectFrom('platform.outbox').selectAll().execute()).toHaveLength(0);
    expect(
      await db()
        .db.selectFrom('audit.event' as never)
        .selectAll()
        .execute(),
    ).toHaveLength(0);
  });
});
