import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { tablesOf, type ApplicationRow } from './applications.core.js';
import { watchDeadlines, watchDeadlinesJob } from './applications.jobs.js';
import { buildApplyFixture, submittedApplication, type ApplyFixture } from './applications.test-support.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-12-14T03:00:00Z');
const options = { warnHours: 24, escalateAfterHours: 0, publicUrl: 'https://satupintu.test', now: NOW };

eachDatabase('applications.watch-deadlines', (db) => {
  let fx: ApplyFixture;
  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
  });

  /** A submitted application whose due instant is `hoursFromNow` away (negative: past). */
  async function dueIn(hoursFromNow: number, patch: Partial<ApplicationRow> = {}) {
    const app = await submittedApplication(fx);
    await tablesOf(fx.db)
      .updateTable('applications.application')
      .set({ dueAt: new Date(NOW.getTime() + hoursFromNow * HOUR), ...patch })
      .where('id', '=', app.id)
      .execute();
    return app;
  }
  const row = (id: string) =>
    tablesOf(fx.db).selectFrom('applications.application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const timeline = async (id: string) =>
    (
      await tablesOf(fx.db)
        .selectFrom('applications.event')
        .select(['kind', 'public', 'actorKind', 'actorAccountId'])
        .where('applicationId', '=', id)
        .orderBy('id')
        .execute()
    ).filter((e) => ['due_soon', 'overdue', 'escalated'].includes(e.kind));
  const mails = () => db().db.selectFrom('platform.mailMessage').select(['toAddress', 'subject', 'tag']).orderBy('createdAt').execute();
  const emailOf = async (accountId: string) =>
    (await sql<{ email: string }>`select email from identity.account where id = ${accountId}`.execute(fx.db)).rows[0]!;

  it('warns the unit’s processors once when the due instant is within APPLICATIONS_WARN_HOURS', async () => {
    const app = await dueIn(10);
    expect(await watchDeadlines(fx.db, options)).toEqual({ warned: 1, overdue: 0, escalated: 0 });
    expect((await row(app.id)).warnedAt).toEqual(NOW);
    expect(await timeline(app.id)).toEqual([{ kind: 'due_soon', public: false, actorKind: 'system', actorAccountId: null }]);
    const sent = await mails();
    const processors = [fx.staff.processor, fx.staff.unitAdmin].map((a) => (a as { id: string }).id);
    const expected = await Promise.all(processors.map(async (id) => (await emailOf(id)).email));
    expect(sent.map((m) => m.toAddress).sort()).toEqual(expected.sort());
    expect(sent[0]!.subject).toContain('sudah dekat');
    expect(sent[0]!.tag).toBe('applications.due-soon');
    // Once: the next round finds nothing to do.
    expect(await watchDeadlines(fx.db, { ...options, now: new Date(NOW.getTime() + 5 * 60_000) })).toEqual({
      warned: 0,
      overdue: 0,
      escalated: 0,
    });
    expect(await mails()).toHaveLength(2);
  });

  it('warns only the assigned processor when someone is assigned, and leaves applications further away alone', async () => {
    const app = await dueIn(10, { assignedToAccountId: (fx.staff.processor as { id: string }).id, status: 'in_process' });
    await dueIn(48);
    expect(await watchDeadlines(fx.db, options)).toEqual({ warned: 1, overdue: 0, escalated: 0 });
    expect((await mails()).map((m) => m.toAddress)).toEqual([(await emailOf((fx.staff.processor as { id: string }).id)).email]);
    // The watch's flags leave the version alone, so a processor's open form does not go stale.
    expect((await row(app.id)).version).toBe(app.version);
  });

  it('flags an application past its due instant as overdue and escalates it to the unit admin at once by default, each once', async () => {
    const app = await dueIn(-1);
    expect(await watchDeadlines(fx.db, options)).toEqual({ warned: 0, overdue: 1, escalated: 1 });
    const after = await row(app.id);
    expect(after).toMatchObject({ overdueAt: NOW, escalatedAt: NOW, warnedAt: null });
    expect((await timeline(app.id)).map((e) => [e.kind, e.public])).toEqual([
      ['overdue', true],
      ['escalated', false],
    ]);
    const admin = (await emailOf((fx.staff.unitAdmin as { id: string }).id)).email;
    const escalations = (await mails()).filter((m) => m.tag === 'applications.escalated');
    expect(escalations.map((m) => m.toAddress)).toEqual([admin]);
    expect(await watchDeadlines(fx.db, { ...options, now: new Date(NOW.getTime() + HOUR) })).toEqual({
      warned: 0,
      overdue: 0,
      escalated: 0,
    });
  });

  it('escalates only after APPLICATIONS_ESCALATE_AFTER_HOURS when set', async () => {
    const app = await dueIn(-1);
    const later = { ...options, escalateAfterHours: 48 };
    expect(await watchDeadlines(fx.db, later)).toEqual({ warned: 0, overdue: 1, escalated: 0 });
    expect(await watchDeadlines(fx.db, { ...later, now: new Date(NOW.getTime() + 46 * HOUR) })).toEqual({
      warned: 0,
      overdue: 0,
      escalated: 0,
    });
    expect(await watchDeadlines(fx.db, { ...later, now: new Date(NOW.getTime() + 47 * HOUR) })).toEqual({
      warned: 0,
      overdue: 0,
      escalated: 1,
    });
    expect((await row(app.id)).escalatedAt).toEqual(new Date(NOW.getTime() + 47 * HOUR));
  });

  it('leaves alone an application whose clock is paused (waiting for the citizen) and one that is closed', async () => {
    const paused = await dueIn(-5, { status: 'awaiting_citizen', clockPaused: true });
    const done = await dueIn(-5, { status: 'completed', completedAt: NOW, decidedAt: NOW, onTime: false });
    expect(await watchDeadlines(fx.db, options)).toEqual({ warned: 0, overdue: 0, escalated: 0 });
    for (const app of [paused, done]) expect(await row(app.id)).toMatchObject({ warnedAt: null, overdueAt: null, escalatedAt: null });
    expect(await mails()).toEqual([]);
  });
});

describe('watchDeadlinesJob', () => {
  it('runs every five minutes', () => {
    expect(watchDeadlinesJob.name).toBe('applications.watch-deadlines');
    expect(watchDeadlinesJob.cron?.expression).toBe('*/5 * * * *');
  });
});
