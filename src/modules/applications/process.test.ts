import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { findApplication } from './applications.core.js';
import {
  Apply,
  buildApplyFixture,
  completeDraft,
  counterApplication,
  FILES,
  submittedApplication,
  type ApplyFixture,
} from './applications.test-support.js';
import * as P from './process.js';
import { at, generateOutput, MONDAY, refusal } from './process.test-support.js';

eachDatabase('processing an application', (db) => {
  let fx: ApplyFixture;
  const as = (who: keyof ApplyFixture['staff'], now: () => Date = at('2026-02-03T01:00:00Z')) => fx.ctx(fx.staff[who], now);
  const events = async (id: string) =>
    (
      await sql<{ kind: string; public: boolean; note: string | null }>`
        select kind, public, note from applications.event where application_id = ${id} order by id`.execute(db().db)
    ).rows;
  const outbox = async (name: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from platform.outbox where name = ${name}`.execute(db().db)).rows[0]!.n;
  const audits = async (action: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from audit.event where action = ${action}`.execute(db().db)).rows[0]!.n;
  const submitted = () => submittedApplication(fx, { now: MONDAY });
  const claimed = async () => {
    const app = await submitted();
    return P.claim(as('processor'), app.id, app.version);
  };

  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
  });

  describe('claim and assign', () => {
    it('claims a submitted application: in process, assigned to the officer, a staff-only timeline entry and an audit record', async () => {
      const app = await submitted();
      expect(app.currentStepKey).toBe('verifikasi');
      const next = await P.claim(as('processor'), app.id, app.version);
      expect(next).toMatchObject({
        status: 'in_process',
        assignedToAccountId: fx.staff.processor.kind === 'staff' ? fx.staff.processor.id : '',
        version: app.version + 1,
      });
      expect((await events(app.id)).at(-1)).toEqual({ kind: 'claimed', public: false, note: null });
      expect(await audits('applications.application.claimed')).toBe(1);
    });

    it('refuses a stale version with 409 and writes nothing', async () => {
      const app = await submitted();
      await P.claim(as('processor'), app.id, app.version);
      const error = await refusal(P.claim(as('unitAdmin'), app.id, app.version));
      expect([error.code, error.status]).toEqual(['APPLICATIONS_CASE_VERSION_CONFLICT', 409]);
      expect((await findApplication(db().db, app.id))!.assignedToAccountId).toBe(
        fx.staff.processor.kind === 'staff' ? fx.staff.processor.id : '',
      );
      expect((await events(app.id)).filter((e) => e.kind === 'claimed')).toHaveLength(1);
    });

    it('answers 404 to another unit’s processor, to counter officers (of the unit and of the mall) and on a draft', async () => {
      const app = await submitted();
      for (const who of ['otherUnit', 'counter', 'mallCounter'] as const) {
        const error = await refusal(P.claim(as(who), app.id, app.version));
        expect([who, error.code, error.status]).toEqual([who, 'APPLICATIONS_CASE_NOT_FOUND', 404]);
      }
      const draft = await completeDraft(fx);
      expect((await refusal(P.claim(as('processor'), draft.id, draft.version))).code).toBe('APPLICATIONS_CASE_NOT_FOUND');
      expect((await refusal(P.getCase(as('processor'), draft.id))).code).toBe('APPLICATIONS_CASE_NOT_FOUND');
      expect((await findApplication(db().db, app.id))!.status).toBe('submitted');
    });

    it('assigns to a colleague who processes the unit’s cases, and refuses anyone else', async () => {
      const app = await submitted();
      const admin = fx.staff.unitAdmin.kind === 'staff' ? fx.staff.unitAdmin.id : '';
      for (const who of ['counter', 'otherUnit'] as const) {
        const id = fx.staff[who].kind === 'staff' ? fx.staff[who].id : '';
        const error = await refusal(P.assign(as('processor'), app.id, app.version, id));
        expect([error.code, error.fields[0]?.path]).toEqual(['APPLICATIONS_ASSIGNEE_NOT_PROCESSOR', 'accountId']);
      }
      const next = await P.assign(as('processor'), app.id, app.version, admin);
      expect(next).toMatchObject({ status: 'in_process', assignedToAccountId: admin });
      expect((await events(app.id)).at(-1)).toMatchObject({ kind: 'assigned', public: false });
    });
  });

  describe('requirements and corrections', () => {
    it('records the check item by item, and refuses an item the standard does not have', async () => {
      const app = await claimed();
      const next = await P.checkRequirements(as('processor'), app.id, app.version, [
        { key: 'surat_lahir', outcome: 'ok' },
        { key: 'kk', outcome: 'needs_correction', note: 'Halaman kedua tidak terbaca.' },
      ]);
      const rows = await sql<{ requirementKey: string; outcome: string; note: string | null }>`
        select requirement_key as "requirementKey", outcome, note from applications.requirement_check
        where application_id = ${app.id} order by requirement_key`.execute(db().db);
      expect(rows.rows).toEqual([
        { requirementKey: 'kk', outcome: 'needs_correction', note: 'Halaman kedua tidak terbaca.' },
        { requirementKey: 'surat_lahir', outcome: 'ok', note: null },
      ]);
      const error = await refusal(P.checkRequirements(as('processor'), app.id, next.version, [{ key: 'paspor', outcome: 'ok' }]));
      expect([error.code, error.status, error.fields[0]?.path]).toEqual(['APPLICATIONS_UNKNOWN_REQUIREMENT', 422, 'items.0.key']);
    });

    it('returns the application for correction: awaiting the citizen, the clock paused, reasons per item, an event for the notices', async () => {
      const app = await claimed();
      const due = app.dueAt!;
      const next = await P.requestCorrection(as('processor'), app.id, app.version, {
        items: [{ key: 'kk', note: 'Unggah Kartu Keluarga terbaru.' }],
        message: 'Mohon perbaiki dokumen berikut.',
      });
      expect(next).toMatchObject({ status: 'awaiting_citizen', clockPaused: true });
      const pauses = await sql<{
        resumedAt: Date | null;
      }>`select resumed_at as "resumedAt" from applications.clock_pause where application_id = ${app.id}`.execute(db().db);
      expect(pauses.rows).toEqual([{ resumedAt: null }]);
      expect((await events(app.id)).at(-1)).toEqual({
        kind: 'correction_requested',
        public: true,
        note: 'Mohon perbaiki dokumen berikut.',
      });
      expect(await outbox('applications.application.correction-requested')).toBe(1);
      // Waiting two working days for the citizen moves the deadline two working days later once they resubmit.
      const citizen = fx.ctx(fx.citizens.warga, at('2026-02-05T01:00:00Z'));
      await Apply.uploadDocument(citizen, app.id, 'kk', FILES.pdf, 'kk-baru.pdf');
      const current = (await findApplication(db().db, app.id))!;
      const back = await Apply.resubmitCorrection(citizen, app.id, current.version, {});
      expect(back).toMatchObject({ status: 'in_process', clockPaused: false });
      expect(back.dueAt!.getTime()).toBeGreaterThan(due.getTime());
    });

    it('refuses a correction without items, or on an application already waiting for the citizen', async () => {
      const app = await claimed();
      const empty = await refusal(P.requestCorrection(as('processor'), app.id, app.version, { items: [], message: 'Perbaiki.' }));
      expect([empty.code, empty.status]).toEqual(['APPLICATIONS_CORRECTION_WITHOUT_ITEMS', 422]);
      const waiting = await P.requestCorrection(as('processor'), app.id, app.version, {
        items: [{ key: 'kk', note: 'Buram.' }],
        message: 'Perbaiki.',
      });
      const again = await refusal(
        P.requestCorrection(as('processor'), app.id, waiting.version, { items: [{ key: 'kk', note: 'Buram.' }], message: 'Lagi.' }),
      );
      expect([again.code, again.status, again.params]).toEqual(['APPLICATIONS_CASE_WRONG_STATUS', 409, { status: 'awaiting_citizen' }]);
    });
  });

  describe('steps, deadline, rejection', () => {
    it('advances along the frozen procedure’s staff steps and cannot pass the last', async () => {
      let app = await claimed();
      app = await P.advanceStep(as('processor'), app.id, app.version);
      expect(app.currentStepKey).toBe('tanda_tangan');
      app = await P.advanceStep(as('processor'), app.id, app.version);
      expect(app.currentStepKey).toBe('serahkan');
      const error = await refusal(P.advanceStep(as('processor'), app.id, app.version));
      expect([error.code, error.status]).toEqual(['APPLICATIONS_LAST_STEP', 409]);
      expect((await events(app.id)).filter((e) => e.kind === 'step_advanced')).toHaveLength(2);
    });

    it('extends the deadline once with a reason, moving the due instant by the extension', async () => {
      const app = await claimed();
      const next = await P.extendClock(as('processor'), app.id, app.version, {
        value: 3,
        unit: 'working_days',
        reason: 'Menunggu verifikasi data ke Ditjen Dukcapil.',
      });
      // Five working days from Monday 2 February end on Monday 9 February; three more end on Thursday 12 February.
      expect(app.dueAt!.toISOString().slice(0, 10)).toBe('2026-02-09');
      expect(next.dueAt!.toISOString().slice(0, 10)).toBe('2026-02-12');
      expect((await events(app.id)).at(-1)).toMatchObject({ kind: 'clock_extended', public: true });
      const again = await refusal(
        P.extendClock(as('processor'), app.id, next.version, { value: 1, unit: 'working_days', reason: 'Masih menunggu.' }),
      );
      expect([again.code, again.status]).toEqual(['APPLICATIONS_ALREADY_EXTENDED', 409]);
    });

    it('rejects only in process, with the reason and legal basis, and says whether it was on time', async () => {
      const app = await submitted();
      const early = await refusal(
        P.reject(as('processor'), app.id, app.version, { reason: 'Data tidak sesuai.', legalBasis: 'Perpres 96/2018' }),
      );
      expect(early.code).toBe('APPLICATIONS_CASE_WRONG_STATUS');
      const inProcess = await P.claim(as('processor'), app.id, app.version);
      const next = await P.reject(as('processor'), app.id, inProcess.version, {
        reason: 'Data tidak sesuai.',
        legalBasis: 'Perpres 96/2018 Pasal 33',
      });
      expect(next).toMatchObject({
        status: 'rejected',
        rejectionReason: 'Data tidak sesuai.',
        rejectionLegalBasis: 'Perpres 96/2018 Pasal 33',
        onTime: true,
      });
      expect(next.decidedAt).toEqual(new Date('2026-02-03T01:00:00Z'));
      expect(await outbox('applications.application.rejected')).toBe(1);
    });
  });

  describe('payment and completion', () => {
    it('records a cash payment of the whole bill, refusing a wrong amount, a malformed or used receipt number and a second payment', async () => {
      const app = await claimed();
      const second = await submitted();
      const other = await P.claim(as('processor'), second.id, second.version);
      const wrong = await refusal(
        P.recordPayment(as('processor'), app.id, app.version, { method: 'cash', amount: 25_000, reference: 'KW/2026/0001' }),
      );
      expect([wrong.code, wrong.status, wrong.params]).toEqual(['APPLICATIONS_PAYMENT_AMOUNT_MISMATCH', 422, { expected: 'Rp 40.000' }]);
      const malformed = await refusal(
        P.recordPayment(as('processor'), app.id, app.version, { method: 'cash', amount: 40_000, reference: '#' }),
      );
      expect(malformed.code).toBe('APPLICATIONS_PAYMENT_REFERENCE_INVALID');
      const unknown = await refusal(
        P.recordPayment(as('processor'), app.id, app.version, { method: 'qris', amount: 40_000, reference: 'X1' }),
      );
      expect(unknown.code).toBe('APPLICATIONS_PAYMENT_METHOD_UNKNOWN');
      const paid = await P.recordPayment(as('processor'), app.id, app.version, {
        method: 'cash',
        amount: 40_000,
        reference: ' kw/2026/0001 ',
      });
      const bill = await sql<{ status: string }>`select status from applications.bill where application_id = ${app.id}`.execute(db().db);
      expect(bill.rows[0]!.status).toBe('paid');
      const payment = await sql<{
        reference: string;
        amount: string | number;
      }>`select reference, amount from applications.payment where application_id = ${app.id}`.execute(db().db);
      expect(payment.rows.map((p) => [p.reference, Number(p.amount)])).toEqual([['KW/2026/0001', 40_000]]);
      const twice = await refusal(
        P.recordPayment(as('processor'), app.id, paid.version, { method: 'cash', amount: 40_000, reference: 'KW/2026/0002' }),
      );
      expect(twice.code).toBe('APPLICATIONS_NOTHING_TO_PAY');
      const used = await refusal(
        P.recordPayment(as('processor'), other.id, other.version, { method: 'cash', amount: 40_000, reference: 'KW/2026/0001' }),
      );
      expect([used.code, used.status, used.fields[0]?.path]).toEqual(['APPLICATIONS_PAYMENT_REFERENCE_USED', 409, 'reference']);
    });

    it('completes only with the bill paid and an output issued, on time before the due instant', async () => {
      const app = await claimed();
      expect((await refusal(P.complete(as('processor'), app.id, app.version))).code).toBe('APPLICATIONS_BILL_UNPAID');
      const paid = await P.recordPayment(as('processor'), app.id, app.version, {
        method: 'manual_transfer',
        amount: 40_000,
        reference: 'BPD-BALI 2026 0203 77',
      });
      expect((await refusal(P.complete(as('processor'), app.id, paid.version))).code).toBe('APPLICATIONS_NO_OUTPUT');
      const { application } = await generateOutput(as('processor'), paid);
      const done = await P.complete(as('processor'), app.id, application.version);
      expect(done).toMatchObject({ status: 'completed', onTime: true });
      expect(done.completedAt).toEqual(new Date('2026-02-03T01:00:00Z'));
      expect(await outbox('applications.application.completed')).toBe(1);
      expect((await refusal(P.complete(as('processor'), app.id, done.version))).code).toBe('APPLICATIONS_CASE_WRONG_STATUS');
    });

    it('marks a completion after the due instant as late', async () => {
      const app = await claimed();
      const late = at('2026-02-16T03:00:00Z');
      const paid = await P.recordPayment(as('processor', late), app.id, app.version, { method: 'cash', amount: 40_000, reference: 'KW-9' });
      const { application } = await generateOutput(as('processor', late), paid);
      expect(await P.complete(as('processor', late), app.id, application.version)).toMatchObject({ status: 'completed', onTime: false });
    });

    it('works a counter filing for someone without an account the same way, logging the personal-data read on the application', async () => {
      const app = await counterApplication(fx, { now: MONDAY });
      const view = await P.getCase(as('processor'), app.id);
      expect(view.contact.name).toBe('Luh Putu Kartini');
      expect(view.answers.nama_anak).toBe('I Putu Agus Pratama');
      expect(await audits('audit.personal-data.viewed')).toBe(1);
    });
  });
});
