import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { refusal } from '../../../test/support/refusal.js';
import * as Svc from './maklumat.service.js';
import { buildPledgeUnits, pledgeBody } from './maklumat.test-support.js';

eachDatabase('service pledges (Maklumat Pelayanan)', (db) => {
  let units: Awaited<ReturnType<typeof buildPledgeUnits>>;
  const ctx = (actor = units.staff.dukcapil, at?: string): Svc.MaklumatContext => ({
    db: db().db,
    actor,
    ...(at ? { now: () => new Date(at) } : {}),
  });
  const rows = async () =>
    (
      await sql<{
        status: string;
        n: number;
      }>`select status, count(*)::int as n from standards.maklumat group by status order by status`.execute(db().db)
    ).rows;
  const auditOf = async () =>
    (
      await sql<{ action: string; subjectId: string; agencyId: string; unitId: string; actorName: string }>`
        select action, subject_id, agency_id, unit_id, actor_name from audit.event where action like 'standards.maklumat.%' order by seq`.execute(
        db().db,
      )
    ).rows;

  beforeEach(async () => {
    units = await buildPledgeUnits(db().db);
  });

  describe('drafting', () => {
    it('starts from the standard wording with the three required promises, signed today as head of the unit', async () => {
      const { unit, values } = await Svc.prefillMaklumat(ctx(undefined, '2026-03-02T20:00:00Z'), units.adminduk.id);
      expect(unit).toEqual({
        id: units.adminduk.id,
        name: 'Bidang Pelayanan Pendaftaran Penduduk',
        agencyId: units.dukcapil.id,
        agencyName: 'Disdukcapil Kabupaten Badung',
      });
      expect(values.opening).toBe('Dengan ini, kami Bidang Pelayanan Pendaftaran Penduduk menyatakan:');
      expect(values.promiseStandard).toMatch(/sesuai dengan standar pelayanan/);
      expect(values.promiseObligation).toMatch(/kewajiban .* perbaikan secara terus-menerus/);
      expect(values.promiseSanction).toMatch(/sanksi dan\/atau memberikan kompensasi/);
      // 20:00 UTC is already the next day in Jakarta.
      expect(values).toMatchObject({ signedAt: '2026-03-03', signatoryTitle: 'Kepala Bidang Pelayanan Pendaftaran Penduduk', place: '' });
    });

    it('refuses a blank promise field by field and writes nothing', async () => {
      const refused = await refusal(
        Svc.createMaklumatDraft(ctx(), units.adminduk.id, pledgeBody({ promiseObligation: '  ', promiseSanction: '' })),
      );
      expect(refused).toEqual({
        code: 'STANDARDS_MAKLUMAT_PROMISE_MISSING',
        status: 422,
        fields: ['promiseObligation', 'promiseSanction'],
      });
      expect(await rows()).toEqual([]);
      expect(await auditOf()).toEqual([]);
    });

    it('keeps one draft per unit', async () => {
      await Svc.createMaklumatDraft(ctx(), units.adminduk.id, pledgeBody());
      expect((await refusal(Svc.createMaklumatDraft(ctx(), units.adminduk.id, pledgeBody()))).code).toBe('STANDARDS_MAKLUMAT_DRAFT_EXISTS');
      expect(await rows()).toEqual([{ status: 'draft', n: 1 }]);
    });
  });

  describe('the lifecycle', () => {
    it('edits a draft at its version, publishes it, and publishing the next supersedes it in the same step', async () => {
      const draft = await Svc.createMaklumatDraft(ctx(), units.adminduk.id, pledgeBody({ closing: '  ' }));
      expect(draft).toMatchObject({ status: 'draft', version: 1, closing: null, agencyId: units.dukcapil.id, publishedAt: null });

      const edited = await Svc.editMaklumatDraft(ctx(), draft.id, { ...pledgeBody({ place: 'Denpasar' }), version: 1 });
      expect(edited).toMatchObject({ status: 'draft', version: 2, place: 'Denpasar' });
      expect((await refusal(Svc.editMaklumatDraft(ctx(), draft.id, { ...pledgeBody(), version: 1 }))).code).toBe(
        'STANDARDS_MAKLUMAT_VERSION_CONFLICT',
      );
      expect((await refusal(Svc.publishMaklumat(ctx(), draft.id, { version: 1 }))).code).toBe('STANDARDS_MAKLUMAT_VERSION_CONFLICT');

      const first = await Svc.publishMaklumat(ctx(undefined, '2026-01-05T02:00:00Z'), draft.id, { version: 2 });
      expect(first.superseded).toBeUndefined();
      expect(first.published).toMatchObject({ status: 'published', version: 3, publishedAt: new Date('2026-01-05T02:00:00Z') });
      expect(await Svc.findPublishedMaklumat(db().db, units.adminduk.id)).toMatchObject({
        id: draft.id,
        promises: [pledgeBody().promiseStandard, pledgeBody().promiseObligation, pledgeBody().promiseSanction],
        place: 'Denpasar',
        signedAt: '2026-01-05',
      });
      // A published pledge is history: neither changed nor published again.
      expect((await refusal(Svc.editMaklumatDraft(ctx(), draft.id, { ...pledgeBody(), version: 3 }))).code).toBe(
        'STANDARDS_MAKLUMAT_NOT_DRAFT',
      );
      expect((await refusal(Svc.publishMaklumat(ctx(), draft.id, { version: 3 }))).code).toBe('STANDARDS_MAKLUMAT_NOT_DRAFT');

      // The next pledge starts from the one in force, and replaces it when published.
      const { values } = await Svc.prefillMaklumat(ctx(), units.adminduk.id);
      expect(values).toMatchObject({ place: 'Denpasar', signatoryName: 'I Made Sutama Wijaya, S.Sos., M.Si.' });
      const next = await Svc.createMaklumatDraft(ctx(), units.adminduk.id, { ...values, signedAt: '2027-01-04' });
      expect((await Svc.findPublishedMaklumat(db().db, units.adminduk.id))?.id).toBe(draft.id);
      const second = await Svc.publishMaklumat(ctx(undefined, '2027-01-04T02:00:00Z'), next.id, { version: next.version });
      expect(second.superseded).toMatchObject({ id: draft.id, status: 'superseded', supersededAt: new Date('2027-01-04T02:00:00Z') });
      expect((await Svc.findPublishedMaklumat(db().db, units.adminduk.id))?.id).toBe(next.id);

      const pledges = await Svc.getUnitPledges(ctx(), units.adminduk.id);
      expect(pledges.history.map((m) => [m.id, m.status])).toEqual([
        [next.id, 'published'],
        [draft.id, 'superseded'],
      ]);
      expect(pledges.published?.id).toBe(next.id);
      expect(pledges.draft).toBeUndefined();

      // Every step is in the audit trail with the unit as its tenant; publishing is announced.
      const trail = await auditOf();
      expect(trail.map((e) => e.action)).toEqual([
        'standards.maklumat.drafted',
        'standards.maklumat.changed',
        'standards.maklumat.published',
        'standards.maklumat.drafted',
        'standards.maklumat.superseded',
        'standards.maklumat.published',
      ]);
      const tenant = { agencyId: units.dukcapil.id, unitId: units.adminduk.id, actorName: 'Petugas Disdukcapil' };
      for (const e of trail) expect(e).toMatchObject(tenant);
      const published = sql<{
        payload: unknown;
      }>`select payload from platform.outbox where name = 'standards.maklumat.published' order by id`;
      const events = await published.execute(db().db);
      expect(events.rows.map((r) => r.payload)).toEqual([
        { maklumatId: draft.id, serviceUnitId: units.adminduk.id, agencyId: units.dukcapil.id, supersededId: null },
        { maklumatId: next.id, serviceUnitId: units.adminduk.id, agencyId: units.dukcapil.id, supersededId: draft.id },
      ]);
    });

    it('keeps one published pledge per unit, down to the database', async () => {
      for (const signedAt of ['2025-01-06', '2026-01-05', '2027-01-04']) {
        const draft = await Svc.createMaklumatDraft(ctx(), units.adminduk.id, pledgeBody({ signedAt }));
        await Svc.publishMaklumat(ctx(), draft.id, { version: draft.version });
      }
      const other = await Svc.createMaklumatDraft(ctx(units.staff.bri), units.kuta.id, pledgeBody());
      await Svc.publishMaklumat(ctx(units.staff.bri), other.id, { version: other.version });
      expect(await rows()).toEqual([
        { status: 'published', n: 2 },
        { status: 'superseded', n: 2 },
      ]);
      // Even a write that skips the service cannot add a second published pledge to a unit.
      const sneak = sql`
        insert into standards.maklumat (service_unit_id, agency_id, status, promise_standard, promise_obligation, promise_sanction,
          signatory_name, signatory_title, signed_at, place, published_at)
        values (${units.adminduk.id}, ${units.dukcapil.id}, 'published', 'a', 'b', 'c', 'd', 'e', '2026-01-01', 'f', now())`;
      await expect(sneak.execute(db().db)).rejects.toThrow(/maklumat_published_uq/);
    });
  });

  describe('scope', () => {
    it("shows another agency's staff, and mall staff, nothing of a unit's pledges: 404 on every use case", async () => {
      const draft = await Svc.createMaklumatDraft(ctx(), units.adminduk.id, pledgeBody());
      for (const outsider of [units.staff.bri, units.staff.mall]) {
        const as = ctx(outsider);
        for (const attempt of [
          () => Svc.getUnitPledges(as, units.adminduk.id),
          () => Svc.prefillMaklumat(as, units.adminduk.id),
          () => Svc.getMaklumat(as, draft.id),
          () => Svc.createMaklumatDraft(as, units.adminduk.id, pledgeBody()),
          () => Svc.editMaklumatDraft(as, draft.id, { ...pledgeBody({ place: 'Kuta' }), version: 1 }),
          () => Svc.publishMaklumat(as, draft.id, { version: 1 }),
        ]) {
          expect(await refusal(attempt())).toMatchObject({ code: 'STANDARDS_MAKLUMAT_NOT_FOUND', status: 404 });
        }
        expect((await Svc.listUnitPledges(as, { page: 1, pageSize: 20 })).items.map((u) => u.code)).not.toContain('ADMINDUK');
      }
      expect(await rows()).toEqual([{ status: 'draft', n: 1 }]);
      expect((await auditOf()).map((e) => e.action)).toEqual(['standards.maklumat.drafted']);
    });

    it('lets staff of the unit, its agency and the platform work on it, and lists each only their units', async () => {
      const draft = await Svc.createMaklumatDraft(ctx(units.staff.adminduk), units.adminduk.id, pledgeBody());
      await Svc.editMaklumatDraft(ctx(units.staff.platform), draft.id, { ...pledgeBody(), version: 1 });
      await Svc.publishMaklumat(ctx(units.staff.dukcapil), draft.id, { version: 2 });
      const listed = async (actor = units.staff.dukcapil, q?: string) =>
        (await Svc.listUnitPledges(ctx(actor), { q, page: 1, pageSize: 20 })).items.map((u) => [
          u.code,
          u.publishedAt !== null,
          u.hasDraft,
        ]);
      expect(await listed(units.staff.adminduk)).toEqual([['ADMINDUK', true, false]]);
      expect(await listed(units.staff.bri)).toEqual([['KC-KUTA', false, false]]);
      expect(await listed(units.staff.platform)).toEqual([
        ['KC-KUTA', false, false],
        ['ADMINDUK', true, false],
      ]);
      expect(await listed(units.staff.platform, 'kuta')).toEqual([['KC-KUTA', false, false]]);
      expect(await listed(units.staff.mall)).toEqual([]);
    });
  });
});
