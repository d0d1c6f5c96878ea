import { readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { AppError } from '../../platform/errors.js';
import {
  findApplication,
  lockApplication,
  openAnswers,
  openContact,
  recordChange,
  refreshClock,
  tablesOf,
  updateApplication,
  write,
} from './applications.core.js';
import {
  Apply,
  birthAnswers,
  birthCertificateStandard,
  buildApplyFixture,
  completeDraft,
  counterApplication,
  FILES,
  publishStandard,
  submittedApplication,
  type ApplyFixture,
} from './applications.test-support.js';
import { normalizeTrackingNumber } from './tracking-number.js';

/** The error a promise rejects with: its code, status and field paths. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number; fields: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, status: error.status, fields: error.fields.map((f) => f.path) };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A stream that would send `total` bytes of PDF, counting what was actually read from it. */
function endlessPdf(total: number) {
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const chunk =
        sent === 0 ? Buffer.concat([FILES.pdf, Buffer.alloc(64 * 1024 - FILES.pdf.length, 0x20)]) : Buffer.alloc(64 * 1024, 0x20);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, sent: () => sent };
}

eachDatabase('applying', (db) => {
  let fx: ApplyFixture;
  beforeEach(async () => {
    fx = await buildApplyFixture(db().db);
  });
  const citizen = () => fx.ctx(fx.citizens.warga);
  const count = async (table: string) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db().db)).rows[0]!.n);

  describe('startApplication', () => {
    it('freezes the published version, seals the contact from the profile and prefills profile-linked answers', async () => {
      const app = await Apply.startApplication(citizen(), fx.service.id);
      expect(app).toMatchObject({ status: 'draft', channel: 'online', standardVersionId: fx.service.versionId, trackingNumber: null });
      expect(openContact(fx.keys, app)).toEqual({ name: 'Ni Wayan Sari', email: expect.stringContaining('@contoh.test') as string });
      expect(openAnswers(fx.keys, app)).toMatchObject({ nama_pemohon: 'Ni Wayan Sari' });
      expect(app.contactEnc).not.toContain('Wayan');
    });

    it('resumes the citizen’s draft of the same service instead of starting a second', async () => {
      const first = await Apply.startApplication(citizen(), fx.service.id);
      const again = await Apply.startApplication(citizen(), fx.service.id);
      expect(again.id).toBe(first.id);
    });

    it('refuses a counter-only service, an unknown one and staff', async () => {
      expect(await refusal(Apply.startApplication(citizen(), fx.counterService.id))).toMatchObject({
        code: 'APPLICATIONS_CHANNEL_NOT_OFFERED',
      });
      expect(await refusal(Apply.startApplication(citizen(), '00000000-0000-4000-8000-000000000000'))).toMatchObject({ status: 404 });
      expect(await refusal(Apply.startApplication(fx.ctx(fx.staff.counter), fx.service.id))).toMatchObject({ status: 404 });
      expect(await count('applications.application')).toBe(0);
    });
  });

  describe('saveAnswers', () => {
    it('keeps a partial draft and refuses malformed values per field, writing nothing', async () => {
      let app = await Apply.startApplication(citizen(), fx.service.id);
      app = await Apply.saveAnswers(citizen(), app.id, app.version, { nama_anak: 'Putu' });
      expect(openAnswers(fx.keys, app)).toEqual({ nama_anak: 'Putu' });
      const bad = await refusal(
        Apply.saveAnswers(citizen(), app.id, app.version, { nik_pemohon: '123', tanggal_lahir: '2026-02-30', telepon: '12345' }),
      );
      expect(bad).toMatchObject({ code: 'APPLICATIONS_INVALID', status: 422 });
      expect(bad.fields.sort()).toEqual(['answers.nik_pemohon', 'answers.tanggal_lahir', 'answers.telepon']);
      expect(openAnswers(fx.keys, (await findApplication(db().db, app.id))!)).toEqual({ nama_anak: 'Putu' });
    });

    it('refuses a stale version with a conflict', async () => {
      const app = await Apply.startApplication(citizen(), fx.service.id);
      await Apply.saveAnswers(citizen(), app.id, app.version, { nama_anak: 'Putu' });
      expect(await refusal(Apply.saveAnswers(citizen(), app.id, app.version, { nama_anak: 'Kadek' }))).toMatchObject({
        code: 'APPLICATIONS_VERSION_CONFLICT',
        status: 409,
      });
    });
  });

  describe('the lifecycle of an online application', () => {
    it('start → save → uploads checked by content and size → incomplete submit listed → submit with tracking number, bill and due date', async () => {
      let app = await Apply.startApplication(citizen(), fx.service.id);
      app = await Apply.saveAnswers(citizen(), app.id, app.version, birthAnswers({ nama_anak: '' }));

      const renamed = await refusal(Apply.uploadDocument(citizen(), app.id, 'kk', FILES.exe, 'kk.pdf'));
      expect(renamed).toMatchObject({ code: 'FILES_TYPE_NOT_ALLOWED', status: 415, fields: ['documents.kk'] });
      const jpegForPdfOnly = await refusal(Apply.uploadDocument(citizen(), app.id, 'kk', FILES.jpeg, 'kk.jpg'));
      expect(jpegForPdfOnly).toMatchObject({ code: 'FILES_TYPE_NOT_ALLOWED' });

      // kk allows 1024 KB: a 50 MB stream is refused after about a megabyte, not read to its end.
      const huge = endlessPdf(50 * 1024 * 1024);
      expect(await refusal(Apply.uploadDocument(citizen(), app.id, 'kk', huge.stream, 'kk.pdf'))).toMatchObject({
        code: 'FILES_TOO_LARGE',
        status: 413,
      });
      expect(huge.sent()).toBeLessThan(2 * 1024 * 1024);
      expect(readdirSync(fx.files.root, { recursive: true }).filter((f) => String(f).endsWith('.part'))).toEqual([]);
      expect(await count('applications.document')).toBe(0);

      const incomplete = await refusal(Apply.submit(citizen(), app.id, 'click-0001'));
      expect(incomplete).toMatchObject({ code: 'APPLICATIONS_INCOMPLETE', status: 422 });
      expect(incomplete.fields.sort()).toEqual(['answers.nama_anak', 'documents.kk', 'documents.surat_lahir']);

      await Apply.uploadDocument(citizen(), app.id, 'surat_lahir', FILES.jpeg, 'surat.jpg');
      const kk = await Apply.uploadDocument(citizen(), app.id, 'kk', FILES.pdf, 'kk.pdf');
      expect(kk).toMatchObject({
        mediaType: 'application/pdf',
        sizeBytes: FILES.pdf.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      });
      app = (await findApplication(db().db, app.id))!;
      app = await Apply.saveAnswers(citizen(), app.id, app.version, birthAnswers());

      const submitted = await Apply.submit(citizen(), app.id, 'click-0002');
      expect(submitted.status).toBe('submitted');
      expect(normalizeTrackingNumber(submitted.trackingNumber!)).toBe(submitted.trackingNumber);
      expect(submitted.currentStepKey).toBe('verifikasi');
      expect(submitted.submittedAt).toBeInstanceOf(Date);
      expect(submitted.dueAt!.getTime()).toBeGreaterThan(submitted.submittedAt!.getTime() + 4 * 86_400_000);
      const bill = await tablesOf(db().db)
        .selectFrom('applications.bill')
        .selectAll()
        .where('applicationId', '=', app.id)
        .executeTakeFirstOrThrow();
      expect({ total: Number(bill.total), status: bill.status, items: bill.items.length }).toEqual({
        total: 40_000,
        status: 'unpaid',
        items: 2,
      });
      const outbox = await sql<{ name: string }>`select name from platform.outbox where payload->>'applicationId' = ${app.id}`.execute(
        db().db,
      );
      expect(outbox.rows.map((r) => r.name)).toContain('applications.application.submitted');
    });

    it('replaces an upload but keeps the older one', async () => {
      const app = await Apply.startApplication(citizen(), fx.service.id);
      await Apply.uploadDocument(citizen(), app.id, 'kk', FILES.pdf, 'kk-1.pdf');
      await Apply.uploadDocument(citizen(), app.id, 'kk', FILES.pdf, 'kk-2.pdf');
      const rows = await tablesOf(db().db)
        .selectFrom('applications.document')
        .selectAll()
        .where('applicationId', '=', app.id)
        .orderBy('uploadedAt')
        .execute();
      expect(rows.map((r) => [r.fileName, r.replacedAt === null])).toEqual([
        ['kk-1.pdf', false],
        ['kk-2.pdf', true],
      ]);
    });

    it('a free standard bills zero, settled at once', async () => {
      await publishStandard(db().db, fx.service.id, birthCertificateStandard({ fee: { free: true } }));
      const app = await submittedApplication(fx);
      const bill = await tablesOf(db().db)
        .selectFrom('applications.bill')
        .selectAll()
        .where('applicationId', '=', app.id)
        .executeTakeFirstOrThrow();
      expect({ total: Number(bill.total), status: bill.status }).toEqual({ total: 0, status: 'free' });
    });
  });

  describe('submit', () => {
    it('makes one application of a double submission with the same key, even at the same moment', async () => {
      const draft = await completeDraft(fx);
      const [a, b] = await Promise.all([
        Apply.submit(citizen(), draft.id, 'double-click-1'),
        Apply.submit(citizen(), draft.id, 'double-click-1'),
      ]);
      expect(a.id).toBe(b.id);
      expect(a.trackingNumber).toBe(b.trackingNumber);
      expect(await count('applications.bill')).toBe(1);
      const events = await tablesOf(db().db).selectFrom('applications.event').select('kind').where('kind', '=', 'submitted').execute();
      expect(events).toHaveLength(1);
    });

    it('refuses a second submission with another key', async () => {
      const app = await submittedApplication(fx);
      expect(await refusal(Apply.submit(citizen(), app.id, 'another-key-1'))).toMatchObject({
        code: 'APPLICATIONS_STATUS_REFUSED',
        status: 409,
      });
    });
  });

  describe('who sees what', () => {
    it('another citizen and another unit’s staff get 404; the unit’s processor sees it only once submitted', async () => {
      const draft = await completeDraft(fx);
      for (const actor of [fx.citizens.other, fx.staff.processor, fx.staff.otherUnit]) {
        expect(await refusal(Apply.getApplication(fx.ctx(actor), draft.id))).toMatchObject({ status: 404 });
      }
      expect(await refusal(Apply.saveAnswers(fx.ctx(fx.citizens.other), draft.id, draft.version, {}))).toMatchObject({ status: 404 });
      expect(await refusal(Apply.uploadDocument(fx.ctx(fx.citizens.other), draft.id, 'kk', FILES.pdf, 'kk.pdf'))).toMatchObject({
        status: 404,
      });
      expect(await refusal(Apply.submit(fx.ctx(fx.citizens.other), draft.id, 'other-key-1'))).toMatchObject({ status: 404 });
      await Apply.submit(citizen(), draft.id, 'mine-key-01');
      expect((await Apply.getApplication(fx.ctx(fx.staff.processor), draft.id)).application.status).toBe('submitted');
      expect(await refusal(Apply.getApplication(fx.ctx(fx.staff.otherUnit), draft.id))).toMatchObject({ status: 404 });
      const doc = (await Apply.currentDocuments(db().db, draft.id))[0]!;
      expect(await refusal(Apply.openDocument(fx.ctx(fx.citizens.other), draft.id, doc.id))).toMatchObject({ status: 404 });
    });

    it('lists only the citizen’s own applications', async () => {
      await submittedApplication(fx);
      await Apply.startApplication(fx.ctx(fx.citizens.other), fx.service.id);
      const mine = await Apply.listMyApplications(citizen());
      expect(mine.map((a) => [a.serviceName, a.status])).toEqual([['Penerbitan Akta Kelahiran', 'submitted']]);
    });

    it('lets the applicant download a document, audited', async () => {
      const app = await submittedApplication(fx);
      const doc = (await Apply.currentDocuments(db().db, app.id)).find((d) => d.requirementKey === 'kk')!;
      const { stream } = await Apply.openDocument(citizen(), app.id, doc.id);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(FILES.pdf)).toBe(true);
      const audit = await sql<{ action: string }>`select action from audit.event where action = 'applications.document.downloaded'`.execute(
        db().db,
      );
      expect(audit.rows).toHaveLength(1);
    });
  });

  it('keeps the standard version an application was filed under after a new version is published', async () => {
    const app = await submittedApplication(fx);
    const v2 = await publishStandard(
      db().db,
      fx.service.id,
      birthCertificateStandard({ timeLimit: { value: 1, unit: 'working_days', pausesWhileWaiting: false } }),
    );
    const view = await Apply.getApplication(citizen(), app.id);
    expect(view.application.standardVersionId).toBe(fx.service.versionId);
    expect(view.standard.timeLimit.value).toBe(5);
    const next = await Apply.startApplication(fx.ctx(fx.citizens.other), fx.service.id);
    expect(next.standardVersionId).toBe(v2.id);
  });

  describe('withdraw', () => {
    it('withdraws a submitted application and discards a draft with its files', async () => {
      const app = await submittedApplication(fx);
      expect((await Apply.withdraw(citizen(), app.id)).application.status).toBe('withdrawn');
      const draft = await completeDraft(fx, { citizen: fx.citizens.other });
      expect((await Apply.withdraw(fx.ctx(fx.citizens.other), draft.id)).discarded).toBe(true);
      expect(await findApplication(db().db, draft.id)).toBeUndefined();
    });

    it('refuses once the unit is working on it', async () => {
      const app = await submittedApplication(fx);
      await write(fx.ctx(fx.staff.processor), async (tx) => {
        const row = (await lockApplication(tx, app.id))!;
        await updateApplication(tx, fx.ctx(fx.staff.processor), row, { status: 'in_process' });
      });
      expect(await refusal(Apply.withdraw(citizen(), app.id))).toMatchObject({ code: 'APPLICATIONS_STATUS_REFUSED' });
    });
  });

  describe('fileAtCounter', () => {
    it('files and submits in one step for a citizen without an account', async () => {
      const app = await counterApplication(fx);
      expect(app).toMatchObject({
        status: 'submitted',
        channel: 'counter',
        applicantAccountId: null,
        filedByAccountId: fx.staff.counter.id,
      });
      expect(openContact(fx.keys, app)).toEqual({ name: 'Luh Putu Kartini', phone: '+6281234567891' });
      expect(await Apply.currentDocuments(db().db, app.id)).toHaveLength(2);
    });

    it('lets a mall’s counter officer file a service offered at the mall, and no one outside', async () => {
      const app = await counterApplication(fx, { officer: fx.staff.mallCounter, mallId: fx.mallId });
      expect(app.mallId).toBe(fx.mallId);
      expect(await refusal(counterApplication(fx, { officer: fx.staff.mallCounter }))).toMatchObject({ status: 404 });
      expect(await refusal(counterApplication(fx, { officer: fx.staff.otherCounter }))).toMatchObject({ status: 404 });
    });

    it('lists what is missing and stores nothing when refused', async () => {
      const before = await count('applications.application');
      const refused = await refusal(
        Apply.fileAtCounter(fx.ctx(fx.staff.counter), {
          serviceId: fx.service.id,
          contact: { name: '' },
          answers: { nik_pemohon: '1234' },
          documents: [{ requirementKey: 'kk', source: FILES.pdf, filename: 'kk.pdf' }],
        }),
      );
      expect(refused.code).toBe('APPLICATIONS_INCOMPLETE');
      expect(refused.fields).toEqual(
        expect.arrayContaining(['contact.name', 'answers.nik_pemohon', 'answers.nama_anak', 'documents.surat_lahir']),
      );
      expect(await count('applications.application')).toBe(before);
      expect(await count('applications.document')).toBe(0);
    });

    it('makes one application of a double-clicked filing', async () => {
      const input = {
        serviceId: fx.service.id,
        contact: { name: 'Wayan Budi', phone: '081298765432' },
        answers: birthAnswers(),
        documents: [
          { requirementKey: 'surat_lahir', source: FILES.pdf, filename: 's.pdf' },
          { requirementKey: 'kk', source: FILES.pdf, filename: 'k.pdf' },
        ],
        submitKey: 'counter-click-1',
      };
      const a = await Apply.fileAtCounter(fx.ctx(fx.staff.counter), input);
      const b = await Apply.fileAtCounter(fx.ctx(fx.staff.counter), input);
      expect(b.id).toBe(a.id);
      expect(await count('applications.application')).toBe(1);
    });
  });

  describe('resubmitCorrection', () => {
    /** The unit returns the NIK and the family card, as the processing use case does (clock paused). */
    async function returnForCorrection(id: string) {
      const ctx = fx.ctx(fx.staff.processor);
      await write(ctx, async (tx) => {
        let app = (await lockApplication(tx, id))!;
        for (const [key, note] of [
          ['nik_pemohon', 'NIK tidak sesuai dengan KTP.'],
          ['kk', 'Kartu Keluarga tidak terbaca.'],
        ]) {
          await tablesOf(tx)
            .insertInto('applications.requirementCheck')
            .values({
              applicationId: id,
              requirementKey: key!,
              outcome: 'needs_correction',
              note,
              checkedByAccountId: fx.staff.processor.id,
            })
            .execute();
        }
        await tablesOf(tx)
          .insertInto('applications.clockPause')
          .values({ applicationId: id, pausedAt: new Date(), reason: 'Menunggu perbaikan' })
          .execute();
        app = (await updateApplication(tx, ctx, app, { status: 'awaiting_citizen' }))!;
        app = await refreshClock(tx, ctx, app);
        await recordChange(tx, ctx, app, { kind: 'correction_requested', event: 'applications.application.correction-requested' });
      });
      return (await findApplication(db().db, id))!;
    }

    it('changes only the returned items, closes the pause and puts the application back in process', async () => {
      const app = await returnForCorrection((await submittedApplication(fx)).id);
      expect(app.clockPaused).toBe(true);
      const notReturned = await refusal(
        Apply.resubmitCorrection(citizen(), app.id, app.version, { nama_anak: 'Lain', nik_pemohon: '5103014507900002' }),
      );
      expect(notReturned).toMatchObject({ code: 'APPLICATIONS_CORRECTION_INVALID' });
      expect(notReturned.fields.sort()).toEqual(['answers.nama_anak', 'documents.kk']);
      expect(await refusal(Apply.uploadDocument(citizen(), app.id, 'surat_lahir', FILES.pdf, 's.pdf'))).toMatchObject({
        code: 'APPLICATIONS_REQUIREMENT_UNKNOWN',
      });
      await Apply.uploadDocument(citizen(), app.id, 'kk', FILES.pdf, 'kk-baru.pdf');
      const resumed = await Apply.resubmitCorrection(citizen(), app.id, app.version, { nik_pemohon: '5103014507900002' });
      expect(resumed).toMatchObject({ status: 'in_process', clockPaused: false });
      expect(openAnswers(fx.keys, resumed).nik_pemohon).toBe('5103014507900002');
      const pauses = await tablesOf(db().db)
        .selectFrom('applications.clockPause')
        .selectAll()
        .where('applicationId', '=', app.id)
        .execute();
      expect(pauses.every((p) => p.resumedAt !== null)).toBe(true);
    });

    it('refuses an application that was not returned', async () => {
      const app = await submittedApplication(fx);
      expect(await refusal(Apply.resubmitCorrection(citizen(), app.id, app.version, {}))).toMatchObject({
        code: 'APPLICATIONS_STATUS_REFUSED',
      });
    });
  });
});
