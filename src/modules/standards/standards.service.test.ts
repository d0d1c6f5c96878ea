import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { buildTenants, staffAt, type Tenant } from '../../../test/support/tenants.js';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, errorKey } from '../../platform/errors.js';
import { LocalFileStore } from '../../platform/files/store.js';
import { lookupMessage } from '../../platform/i18n/catalog.js';
import { standardContent } from './catalog.test-support.js';
import type { DraftContent } from './standards.content.js';
import type { ServiceBody } from './standards.schemas.js';
import * as Svc from './standards.service.js';

const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const fieldsOf = (error: AppError) => error.fields.map((f) => `${f.path} ${f.key}`);
const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/** A clock the test moves by hand. */
function clock(start = new Date('2026-11-02T02:00:00Z')) {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance: (ms: number) => {
      at += ms;
    },
  };
}

function serviceInput(unitId: string, overrides: Partial<ServiceBody> = {}): ServiceBody {
  return {
    serviceUnitId: unitId,
    code: 'KTP-EL',
    name: 'Penerbitan KTP Elektronik',
    summary: 'Penerbitan KTP-el bagi penduduk yang telah berusia 17 tahun atau sudah menikah.',
    category: 'civil_registration',
    kind: 'non_licensing',
    audiences: ['citizen'],
    channels: 'both',
    ...overrides,
  };
}

/** Tenants A and B (agency, unit, mall, booth each) and staff holding `standards.manage` at their scopes. */
async function world(database: Database) {
  const { A, B } = await buildTenants(database.db, { permissions: [Svc.MANAGE] });
  const time = clock();
  const at = (scope: Parameters<typeof staffAt>[0], name: string) => staffAt(scope, [Svc.MANAGE], name);
  const actors = {
    platform: at({ kind: 'platform' }, 'Admin Platform'),
    agencyA: at({ kind: 'agency', id: A.ids.agencyId! }, 'Admin Instansi Alfa'),
    unitA: at({ kind: 'unit', id: A.ids.serviceUnitId! }, 'Admin Unit Alfa'),
    agencyB: at({ kind: 'agency', id: B.ids.agencyId! }, 'Admin Instansi Beta'),
    mallA: at({ kind: 'mall', id: A.ids.mallId! }, 'Pengelola MPP Alfa'),
  };
  const ctx = (actor: Actor = actors.unitA, extra: Partial<Svc.StandardsContext> = {}): Svc.StandardsContext => ({
    db: database.db,
    actor,
    now: time.now,
    ...extra,
  });
  return { A, B, time, actors, ctx, db: database.db };
}
type World = Awaited<ReturnType<typeof world>>;

async function newService(w: World, tenant: Tenant = w.A, overrides: Partial<ServiceBody> = {}) {
  return Svc.createService(w.ctx(w.actors.platform), serviceInput(tenant.ids.serviceUnitId!, overrides));
}

/** A complete draft sent to review. */
async function inReview(w: World, serviceId: string, content: DraftContent = standardContent()) {
  let v = await Svc.createDraft(w.ctx(), serviceId);
  v = await Svc.saveContent(w.ctx(), v.id, content, v.version);
  return Svc.submitForReview(w.ctx(), v.id, { version: v.version });
}

async function ratified(w: World, serviceId: string, content?: DraftContent) {
  const v = await inReview(w, serviceId, content);
  return Svc.ratify(w.ctx(), v.id, {
    decreeNumber: '800/123/KEP/2026',
    decreeDate: dateOf(new Date(w.time.now().getTime() - DAY)),
    signatory: 'Kepala Dinas',
    version: v.version,
  });
}

async function published(w: World, serviceId: string, content?: DraftContent) {
  const v = await ratified(w, serviceId, content);
  return Svc.publish(w.ctx(), v.id, { effectiveDate: dateOf(w.time.now()), version: v.version });
}

async function outboxNames(db: World['db']) {
  const { rows } = await sql<{ name: string }>`select name from platform.outbox order by id`.execute(db);
  return rows.map((r) => r.name);
}

async function statuses(db: World['db'], serviceId: string) {
  const { rows } = await sql<{ number: number; status: string }>`
    select number, status from standards.standard_version where service_id = ${serviceId} order by number`.execute(db);
  return rows.map((r) => `${r.number}:${r.status}`);
}

eachDatabase('standards: services', (db) => {
  it('registers a service on its unit’s agency, derives a unique slug from the name, and records it', async () => {
    const w = await world(db());
    const first = await newService(w, w.A, {
      locations: [{ mallId: w.A.ids.mallId!, boothId: w.A.ids.boothId! }],
    });
    expect(first).toMatchObject({
      agencyId: w.A.ids.agencyId,
      slug: 'penerbitan-ktp-elektronik',
      code: 'KTP-EL',
      active: true,
      version: 1,
    });
    const second = await Svc.createService(w.ctx(w.actors.agencyA), serviceInput(w.A.ids.serviceUnitId!, { code: 'KTP-EL-2' }));
    expect(second.slug).toBe('penerbitan-ktp-elektronik-2');
    const given = await newService(w, w.B, { slug: 'ktp-el-beta' });
    expect(given.slug).toBe('ktp-el-beta');
    expect((await Svc.getService(w.db, first.id)).locations).toEqual([
      { serviceId: first.id, mallId: w.A.ids.mallId, boothId: w.A.ids.boothId },
    ]);
    expect((await outboxNames(w.db)).filter((n) => n.startsWith('standards.'))).toEqual([
      'standards.service.created',
      'standards.service.created',
      'standards.service.created',
    ]);
    const { rows } = await sql<{ agencyId: string; unitId: string }>`
      select agency_id as "agencyId", unit_id as "unitId" from audit.event where subject_id = ${first.id}`.execute(w.db);
    expect(rows).toEqual([{ agencyId: w.A.ids.agencyId, unitId: w.A.ids.serviceUnitId }]);
  });

  it('refuses a unit outside the actor’s scopes or inactive, and a code already used in the unit, with field errors', async () => {
    const w = await world(db());
    const foreign = await rejection(Svc.createService(w.ctx(w.actors.agencyB), serviceInput(w.A.ids.serviceUnitId!)));
    expect([foreign.code, foreign.status, fieldsOf(foreign)]).toEqual([
      'STANDARDS_REFERENCE_INVALID',
      422,
      ['serviceUnitId standards.error.STANDARDS_REFERENCE_INVALID'],
    ]);
    expect((await rejection(Svc.createService(w.ctx(w.actors.mallA), serviceInput(w.A.ids.serviceUnitId!)))).code).toBe(
      'STANDARDS_REFERENCE_INVALID',
    );
    await newService(w);
    const taken = await rejection(newService(w, w.A, { name: 'KTP elektronik lagi' }));
    expect([taken.code, fieldsOf(taken)]).toEqual(['STANDARDS_CODE_TAKEN', ['code standards.error.STANDARDS_CODE_TAKEN']]);
    expect((await newService(w, w.B)).code).toBe('KTP-EL');
    const slugTaken = await rejection(newService(w, w.B, { code: 'LAIN', slug: 'penerbitan-ktp-elektronik' }));
    expect(fieldsOf(slugTaken)).toEqual(['slug standards.error.STANDARDS_SLUG_TAKEN']);
    await sql`update organizations.service_unit set active = false, deactivated_at = now() where id = ${w.B.ids.serviceUnitId!}`.execute(
      w.db,
    );
    expect((await rejection(newService(w, w.B, { code: 'BARU' }))).code).toBe('STANDARDS_REFERENCE_INVALID');
    const bad = await rejection(newService(w, w.A, { code: 'bukan kode!', audiences: [] }));
    expect([bad.code, bad.fields.map((f) => f.path)]).toEqual(['STANDARDS_INVALID_INPUT', ['code', 'audiences']]);
  });

  it('places a service only in active malls, at a booth of that mall and of its own unit, naming every wrong entry', async () => {
    const w = await world(db());
    const service = await newService(w);
    const error = await rejection(
      Svc.setServiceLocations(w.ctx(), service.id, [
        { mallId: w.A.ids.mallId!, boothId: w.B.ids.boothId! },
        { mallId: w.B.ids.mallId!, boothId: w.A.ids.boothId! },
        { mallId: w.A.ids.mallId! },
      ]),
    );
    expect(fieldsOf(error)).toEqual([
      'locations.0.boothId standards.error.STANDARDS_REFERENCE_INVALID',
      'locations.1.boothId standards.error.STANDARDS_REFERENCE_INVALID',
      'locations.2.mallId standards.validation.locationDuplicate',
    ]);
    const saved = await Svc.setServiceLocations(w.ctx(), service.id, [
      { mallId: w.A.ids.mallId!, boothId: w.A.ids.boothId! },
      { mallId: w.B.ids.mallId! },
    ]);
    expect(saved).toHaveLength(2);
    await sql`update organizations.mall set active = false, deactivated_at = now() where id = ${w.B.ids.mallId!}`.execute(w.db);
    const inactive = await rejection(Svc.setServiceLocations(w.ctx(), service.id, [{ mallId: w.B.ids.mallId! }]));
    expect(fieldsOf(inactive)).toEqual(['locations.0.mallId standards.error.STANDARDS_REFERENCE_INVALID']);
    expect(await Svc.setServiceLocations(w.ctx(), service.id, [])).toEqual([]);
  });

  it('edits with the version read (409 when stale), keeps the slug unless given, and deactivates for good', async () => {
    const w = await world(db());
    const service = await newService(w);
    const edit = { ...serviceInput(w.A.ids.serviceUnitId!, { name: 'Penerbitan KTP-el (baru)' }), version: 1 };
    const { serviceUnitId: _unit, ...body } = edit;
    const changed = await Svc.updateService(w.ctx(), service.id, body);
    expect(changed).toMatchObject({ name: 'Penerbitan KTP-el (baru)', slug: service.slug, version: 2 });
    const stale = await rejection(Svc.updateService(w.ctx(), service.id, body));
    expect([stale.code, stale.status, stale.params]).toEqual(['STANDARDS_VERSION_CONFLICT', 409, { current: 2 }]);
    expect((await rejection(Svc.updateService(w.ctx(w.actors.agencyB), service.id, { ...body, version: 2 }))).code).toBe(
      'STANDARDS_NOT_FOUND',
    );
    const gone = await Svc.deactivateService(w.ctx(), service.id, { version: 2 });
    expect([gone.active, gone.deactivatedAt]).toEqual([false, w.time.now()]);
    expect((await rejection(Svc.createDraft(w.ctx(), service.id))).code).toBe('STANDARDS_SERVICE_INACTIVE');
    expect((await rejection(Svc.deactivateService(w.ctx(), service.id, { version: 3 }))).code).toBe('STANDARDS_SERVICE_INACTIVE');
  });
});

eachDatabase('standards: drafting', (db) => {
  it('numbers drafts, starts from the published content, and refuses a second version in the making', async () => {
    const w = await world(db());
    const service = await newService(w);
    const first = await Svc.createDraft(w.ctx(), service.id);
    expect([first.number, first.status, first.content, first.basedOnVersionId]).toEqual([1, 'draft', {}, null]);
    const again = await rejection(Svc.createDraft(w.ctx(), service.id));
    expect([again.code, again.status, again.params]).toEqual(['STANDARDS_OPEN_VERSION_EXISTS', 409, { number: 1, status: 'draft' }]);
    await Svc.withdraw(w.ctx(), first.id, { version: first.version, reason: 'Disusun ulang dari awal' });
    const v2 = await published(w, service.id);
    const v3 = await Svc.createDraft(w.ctx(), service.id);
    expect([v3.number, v3.basedOnVersionId, v3.content]).toEqual([3, v2.id, v2.content]);
    await Svc.withdraw(w.ctx(), v3.id, { version: v3.version, reason: 'Mulai dari versi 1' });
    const fromFirst = await Svc.createDraft(w.ctx(), service.id, { basedOnVersionId: first.id });
    expect([fromFirst.number, fromFirst.basedOnVersionId]).toEqual([4, first.id]);
    await Svc.withdraw(w.ctx(), fromFirst.id, { version: fromFirst.version, reason: 'Salah pilih' });
    const other = await newService(w, w.A, { code: 'KK', name: 'Penerbitan Kartu Keluarga' });
    const foreign = await rejection(Svc.createDraft(w.ctx(), other.id, { basedOnVersionId: v2.id }));
    expect(fieldsOf(foreign)).toEqual(['basedOnVersionId standards.error.STANDARDS_REFERENCE_INVALID']);
  });

  it('lets only one of two concurrent drafts of a service through; the other gets a 409', async () => {
    const w = await world(db());
    const service = await newService(w);
    const results = await Promise.allSettled([Svc.createDraft(w.ctx(), service.id), Svc.createDraft(w.ctx(), service.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected')!.reason as AppError;
    expect([refused.code, refused.status]).toEqual(['STANDARDS_OPEN_VERSION_EXISTS', 409]);
    expect(await statuses(w.db, service.id)).toEqual(['1:draft']);
  });

  it('answers a wrong component with field errors at full paths, in both languages, and writes nothing', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v = await Svc.createDraft(w.ctx(), service.id);
    const requirements = standardContent().requirements.map((r) => ({ ...r }));
    const cases: [Parameters<typeof Svc.saveComponent>[2], unknown, string[]][] = [
      ['timeLimit', { value: 0, unit: 'working_days', pausesWhileWaiting: true }, ['timeLimit.value platform.validation.tooSmall']],
      [
        'fee',
        { free: false, items: [{ name: 'Retribusi cetak', legalBasis: 'Perda 5/2020' }] },
        ['fee.items.0.amount platform.validation.required'],
      ],
      [
        'requirements',
        requirements.map((r, i) => (i === 2 ? { ...r, name: '' } : r)),
        ['requirements.2.name platform.validation.required'],
      ],
      [
        'requirements',
        requirements.map((r, i) => (i === 0 ? { ...r, fileTypes: ['application/pdf', 'gambar/apa-saja'] } : r)),
        ['requirements.0.fileTypes.1 platform.validation.format'],
      ],
      [
        'requirements',
        [{ key: 'ktp', name: 'KTP-el', kind: 'document', mandatory: true }],
        [
          'requirements.0.fileTypes standards.validation.fileTypesRequired',
          'requirements.0.maxSizeKb standards.validation.maxSizeRequired',
        ],
      ],
      [
        'requirements',
        [
          { key: 'ktp', name: 'KTP-el', kind: 'data', mandatory: true },
          { key: 'ktp', name: 'Status', kind: 'data', mandatory: true, fieldType: 'choice', choices: ['kawin'] },
        ],
        ['requirements.0.fieldType standards.validation.fieldTypeRequired', 'requirements.1.choices standards.validation.choicesRequired'],
      ],
      [
        'requirements',
        requirements.map((r) => ({ ...r, key: 'sama' })),
        [1, 2, 3].map((i) => `requirements.${i}.key standards.validation.duplicateKey`),
      ],
      ['staffCount', 'enam', ['staffCount platform.validation.invalidType']],
    ];
    for (const [component, value, expected] of cases) {
      const error = await rejection(Svc.saveComponent(w.ctx(), v.id, component, value, v.version));
      expect([error.code, error.status], component).toEqual(['STANDARDS_CONTENT_INVALID', 422]);
      expect(fieldsOf(error)).toEqual(expected);
      for (const field of error.fields) {
        for (const locale of ['id', 'en'] as const) expect(lookupMessage(field.key, locale, field.params), field.key).toBeTruthy();
      }
    }
    expect(await Svc.getVersion(w.db, v.id)).toMatchObject({ version: 1, content: {} });
    expect(await Svc.versionHistory(w.db, v.id)).toHaveLength(1);
  });

  it('refuses a save based on a stale read with a 409 saying someone saved first; the other’s change stays and the caller keeps what they typed', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v = await Svc.createDraft(w.ctx(), service.id);
    const theirs = { count: 4, notes: 'Dua di loket, dua di belakang' };
    const mine = { count: 6 };
    const typed = structuredClone(mine);
    await Svc.saveComponent(w.ctx(w.actors.agencyA), v.id, 'staffCount', theirs, v.version);
    const conflict = await rejection(Svc.saveComponent(w.ctx(), v.id, 'staffCount', mine, v.version));
    expect([conflict.code, conflict.status, conflict.params]).toEqual(['STANDARDS_VERSION_CONFLICT', 409, { current: 2 }]);
    expect(lookupMessage(errorKey(conflict), 'en', conflict.params)).toMatch(/^Someone else saved a change first/);
    expect(mine).toEqual(typed);
    expect((await Svc.getVersion(w.db, v.id)).content).toEqual({ staffCount: theirs });
    const retried = await Svc.saveComponent(w.ctx(), v.id, 'staffCount', mine, 2);
    expect([retried.version, retried.content]).toEqual([3, { staffCount: mine }]);
    const cleared = await Svc.saveComponent(w.ctx(), v.id, 'staffCount', null, 3);
    expect(cleared.content).toEqual({});
  });

  it('replaces a whole content in one save, refusing unknown components and naming every problem', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v = await Svc.createDraft(w.ctx(), service.id);
    const error = await rejection(
      Svc.saveContent(w.ctx(), v.id, { ...standardContent(), timeLimit: { value: 0, unit: 'days' }, peringatan: 'x' }, v.version),
    );
    expect(fieldsOf(error)).toEqual([
      'peringatan standards.validation.unknownComponent',
      'timeLimit.value platform.validation.tooSmall',
      'timeLimit.unit platform.validation.enum',
      'timeLimit.pausesWhileWaiting platform.validation.required',
    ]);
    const saved = await Svc.saveContent(w.ctx(), v.id, standardContent(), v.version);
    expect(Object.keys(saved.content)).toHaveLength(14);
  });
});

eachDatabase('standards: the formulation cycle', (db) => {
  it('takes a version from draft through review, consultation and ratification to publication, recording every step', async () => {
    const w = await world(db());
    const service = await newService(w);
    let v = await Svc.createDraft(w.ctx(), service.id);
    v = await Svc.saveContent(w.ctx(), v.id, standardContent(), v.version);
    v = await Svc.submitForReview(w.ctx(), v.id, { version: v.version, note: 'Siap ditinjau' });
    v = await Svc.returnToDraft(w.ctx(w.actors.agencyA), v.id, { version: v.version, note: 'Perbaiki jangka waktu' });
    v = await Svc.saveComponent(w.ctx(), v.id, 'timeLimit', { value: 2, unit: 'working_days', pausesWhileWaiting: true }, v.version);
    v = await Svc.submitForReview(w.ctx(), v.id, { version: v.version });
    v = await Svc.openConsultation(w.ctx(), v.id, { closesAt: new Date(w.time.now().getTime() + 7 * DAY), version: v.version });
    expect([v.status, v.consultationOpensAt, v.consultationClosesAt]).toEqual([
      'consultation',
      w.time.now(),
      new Date(w.time.now().getTime() + 7 * DAY),
    ]);
    const comment = await Svc.addConsultationComment(w.ctx(ANONYMOUS), v.id, { authorName: 'Made', body: 'Mohon layanan Sabtu dibuka.' });
    expect([comment.status, comment.authorAccountId]).toEqual(['pending', null]);
    await Svc.moderateComment(w.ctx(), comment.id, { status: 'approved', response: 'Terima kasih, akan dibahas.' });
    w.time.advance(8 * DAY);
    v = await Svc.ratify(w.ctx(), v.id, {
      decreeNumber: '800/45/2026',
      decreeDate: dateOf(w.time.now()),
      signatory: 'Kepala Dinas',
      version: v.version,
    });
    v = await Svc.publish(w.ctx(), v.id, { effectiveDate: dateOf(w.time.now()), version: v.version });
    expect([v.status, v.publishedAt, v.decreeNumber]).toEqual(['published', w.time.now(), '800/45/2026']);

    const history = await Svc.versionHistory(w.db, v.id);
    expect(history.map((e) => e.action)).toEqual([
      'drafted',
      'content-saved',
      'submitted',
      'returned',
      'component-saved',
      'submitted',
      'consultation-opened',
      'comment-received',
      'comment-moderated',
      'ratified',
      'published',
    ]);
    expect(history.find((e) => e.action === 'returned')).toMatchObject({ actorName: 'Admin Instansi Alfa', note: 'Perbaiki jangka waktu' });
    expect(history.find((e) => e.action === 'comment-received')).toMatchObject({ actorId: null, actorName: 'Made' });
    expect((await outboxNames(w.db)).filter((n) => n.startsWith('standards.version.') || n.startsWith('standards.comment.'))).toEqual([
      'standards.version.drafted',
      'standards.version.content-saved',
      'standards.version.submitted',
      'standards.version.returned',
      'standards.version.component-saved',
      'standards.version.submitted',
      'standards.version.consultation-opened',
      'standards.comment.received',
      'standards.comment.moderated',
      'standards.version.ratified',
      'standards.version.published',
    ]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit.event
      where subject_id in (${v.id}, ${comment.id}) and agency_id = ${w.A.ids.agencyId!} and unit_id = ${w.A.ids.serviceUnitId!}`.execute(
      w.db,
    );
    expect(rows[0]!.n).toBe(11);
  });

  it('refuses each step outside its stage, with a 409 naming the version and its stage, and changes nothing', async () => {
    const w = await world(db());
    const service = await newService(w);
    const draft = await Svc.createDraft(w.ctx(), service.id);
    const refusals: [string, () => Promise<unknown>][] = [
      ['return', () => Svc.returnToDraft(w.ctx(), draft.id, { version: 1, note: 'Tidak bisa' })],
      ['consult', () => Svc.openConsultation(w.ctx(), draft.id, { closesAt: new Date(w.time.now().getTime() + DAY), version: 1 })],
      ['ratify', () => Svc.ratify(w.ctx(), draft.id, { decreeNumber: '1', decreeDate: '2026-01-01', signatory: 'Kepala', version: 1 })],
      ['publish', () => Svc.publish(w.ctx(), draft.id, { effectiveDate: '2026-01-01', version: 1 })],
      ['review', () => Svc.markReviewed(w.ctx(), draft.id)],
    ];
    for (const [name, attempt] of refusals) {
      const error = await rejection(attempt());
      expect([name, error.code, error.status, error.params]).toEqual([
        name,
        'STANDARDS_TRANSITION_REFUSED',
        409,
        { number: 1, status: 'draft' },
      ]);
    }
    const review = await Svc.submitForReview(w.ctx(), draft.id, { version: 1 });
    expect((await rejection(Svc.submitForReview(w.ctx(), draft.id, { version: 2 }))).code).toBe('STANDARDS_TRANSITION_REFUSED');
    const locked = await rejection(Svc.saveComponent(w.ctx(), review.id, 'facilities', 'Ruang tunggu', review.version));
    expect([locked.code, locked.params]).toEqual(['STANDARDS_NOT_EDITABLE', { number: 1, status: 'review' }]);
    expect(lookupMessage(errorKey(locked), 'id', locked.params)).toContain('Versi 1 sedang dalam tahap review');
    const past = await rejection(Svc.openConsultation(w.ctx(), review.id, { closesAt: w.time.now(), version: review.version }));
    expect([past.code, fieldsOf(past)]).toEqual(['STANDARDS_DATE_INVALID', ['closesAt standards.validation.closesAtPast']]);
    expect((await Svc.getVersion(w.db, review.id)).version).toBe(review.version);
  });

  it('refuses to ratify or publish an incomplete standard, listing the missing components in the message and as fields', async () => {
    const w = await world(db());
    const service = await newService(w);
    const { fee: _fee, legalBasis: _legal, ...partial } = standardContent();
    const v = await inReview(w, service.id, partial);
    const error = await rejection(
      Svc.ratify(w.ctx(), v.id, { decreeNumber: '1', decreeDate: '2026-01-01', signatory: 'Kepala', version: v.version }),
    );
    expect([error.code, error.status, error.params]).toEqual([
      'STANDARDS_INCOMPLETE',
      422,
      { count: 2, missing: '4. Biaya/tarif, 7. Dasar hukum' },
    ]);
    expect(fieldsOf(error)).toEqual(['fee standards.validation.componentMissing', 'legalBasis standards.validation.componentMissing']);
    expect(lookupMessage(errorKey(error), 'en', error.params)).toBe(
      'The service standard is incomplete: 2 of the 14 components are missing (4. Biaya/tarif, 7. Dasar hukum).',
    );
    // A ratified version that lost components (data from before a stricter schema) cannot be published either.
    const other = await newService(w, w.A, { code: 'KK', name: 'Kartu Keluarga' });
    const r = await ratified(w, other.id);
    await sql`update standards.standard_version set content = content - 'fee' where id = ${r.id}`.execute(w.db);
    const publishError = await rejection(Svc.publish(w.ctx(), r.id, { effectiveDate: dateOf(w.time.now()), version: r.version }));
    expect([publishError.code, publishError.params]).toEqual(['STANDARDS_INCOMPLETE', { count: 1, missing: '4. Biaya/tarif' }]);
    expect(await statuses(w.db, other.id)).toEqual(['1:ratified']);
  });

  it('keeps the consultation open for the public until its closing time, then lets the unit ratify or return it', async () => {
    const w = await world(db());
    const service = await newService(w);
    let v = await inReview(w, service.id);
    const closesAt = new Date(w.time.now().getTime() + 3 * DAY);
    v = await Svc.openConsultation(w.ctx(), v.id, { closesAt, version: v.version });
    const early = await rejection(
      Svc.ratify(w.ctx(), v.id, { decreeNumber: '1', decreeDate: dateOf(w.time.now()), signatory: 'Kepala', version: v.version }),
    );
    expect([early.code, early.params]).toEqual(['STANDARDS_CONSULTATION_OPEN', { closesAt: '2026-11-05 09:00 WIB' }]);
    expect((await rejection(Svc.returnToDraft(w.ctx(), v.id, { version: v.version, note: 'Terlalu cepat' }))).code).toBe(
      'STANDARDS_CONSULTATION_OPEN',
    );
    const citizen: Actor = { kind: 'citizen', id: '22222222-2222-4222-8222-222222222222', name: 'Ni Luh', sessionId: 's' };
    const signedIn = await Svc.addConsultationComment(w.ctx(citizen), v.id, {
      authorName: 'Ni Luh',
      body: 'Biaya cetak sebaiknya gratis.',
      component: 'fee',
    });
    expect([signedIn.authorAccountId, signedIn.component]).toEqual([citizen.id, 'fee']);
    w.time.advance(3 * DAY);
    const late = await rejection(Svc.addConsultationComment(w.ctx(ANONYMOUS), v.id, { authorName: 'Wayan', body: 'Terlambat?' }));
    expect([late.code, late.status, late.params]).toEqual(['STANDARDS_CONSULTATION_CLOSED', 409, { closedAt: '2026-11-05 09:00 WIB' }]);
    expect(await Svc.listComments(w.db, v.id)).toHaveLength(1);
    v = await Svc.returnToDraft(w.ctx(), v.id, { version: v.version, note: 'Sesuaikan biaya dengan masukan' });
    expect([v.status, v.consultationClosesAt]).toEqual(['draft', closesAt]);
  });

  it('takes comments only on a version in consultation: any other is not found', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v = await inReview(w, service.id);
    for (const id of [v.id, '33333333-3333-4333-8333-333333333333']) {
      expect((await rejection(Svc.addConsultationComment(w.ctx(ANONYMOUS), id, { authorName: 'Made', body: 'Halo semua' }))).code).toBe(
        'STANDARDS_NOT_FOUND',
      );
    }
    const bad = await rejection(Svc.addConsultationComment(w.ctx(ANONYMOUS), v.id, { authorName: '', body: 'x', component: 'bukan' }));
    expect(bad.fields.map((f) => f.path)).toEqual(['authorName', 'body', 'component']);
  });

  it('checks the decree: dated no later than today, and the effective date not before it', async () => {
    const w = await world(db());
    const service = await newService(w);
    let v = await inReview(w, service.id);
    const tomorrow = dateOf(new Date(w.time.now().getTime() + 2 * DAY));
    const future = await rejection(
      Svc.ratify(w.ctx(), v.id, { decreeNumber: '1', decreeDate: tomorrow, signatory: 'Kepala', version: v.version }),
    );
    expect(fieldsOf(future)).toEqual(['decreeDate standards.validation.decreeDateFuture']);
    v = await Svc.ratify(w.ctx(), v.id, { decreeNumber: '1', decreeDate: dateOf(w.time.now()), signatory: 'Kepala', version: v.version });
    const early = await rejection(Svc.publish(w.ctx(), v.id, { effectiveDate: '2026-01-01', version: v.version }));
    expect([early.code, fieldsOf(early), early.fields[0]!.params]).toEqual([
      'STANDARDS_DATE_INVALID',
      ['effectiveDate standards.validation.effectiveBeforeDecree'],
      { decreeDate: dateOf(w.time.now()) },
    ]);
  });
});

eachDatabase('standards: publication', (db) => {
  it('supersedes the published version in the same step: exactly one published, the old one dated and recorded', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v1 = await published(w, service.id);
    w.time.advance(30 * DAY);
    let v2 = await Svc.createDraft(w.ctx(), service.id);
    v2 = await Svc.saveComponent(w.ctx(), v2.id, 'staffCount', { count: 9 }, v2.version);
    v2 = await Svc.submitForReview(w.ctx(), v2.id, { version: v2.version });
    v2 = await Svc.ratify(w.ctx(), v2.id, {
      decreeNumber: '2',
      decreeDate: dateOf(w.time.now()),
      signatory: 'Kepala',
      version: v2.version,
    });
    v2 = await Svc.publish(w.ctx(), v2.id, { effectiveDate: dateOf(w.time.now()), version: v2.version });
    expect(await statuses(w.db, service.id)).toEqual(['1:superseded', '2:published']);
    const old = await Svc.getVersion(w.db, v1.id);
    expect([old.supersededAt, old.publishedAt]).toEqual([w.time.now(), v1.publishedAt]);
    expect((await Svc.versionHistory(w.db, v1.id)).at(-1)).toMatchObject({ action: 'superseded', note: 'v2' });
    const names = await outboxNames(w.db);
    expect(names.slice(-2)).toEqual(['standards.version.superseded', 'standards.version.published']);
    const { rows } = await sql<{ payload: Record<string, unknown> }>`
      select payload from platform.outbox where name = 'standards.version.published' order by id desc limit 1`.execute(w.db);
    expect(rows[0]!.payload).toMatchObject({ versionId: v2.id, previousVersionId: v1.id, serviceId: service.id, slug: service.slug });
  });

  it('lets one of two concurrent publishes of a version win; the other gets a 409, not a 500', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v = await ratified(w, service.id);
    const body = { effectiveDate: dateOf(w.time.now()), version: v.version };
    const results = await Promise.allSettled([Svc.publish(w.ctx(), v.id, body), Svc.publish(w.ctx(w.actors.agencyA), v.id, body)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected')!.reason as AppError;
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.status).toBe(409);
    expect(['STANDARDS_TRANSITION_REFUSED', 'STANDARDS_VERSION_CONFLICT']).toContain(refused.code);
    expect(await statuses(w.db, service.id)).toEqual(['1:published']);
    expect((await outboxNames(w.db)).filter((n) => n === 'standards.version.published')).toHaveLength(1);
  });

  it('keeps one published version when two ratified versions of a service race (one written around the rules)', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v1 = await published(w, service.id);
    const v2 = await ratified(w, service.id);
    // A third ratified version can only exist through a direct write; the index must hold all the same.
    const { rows } = await sql<{ id: string; version: number }>`
      insert into standards.standard_version (service_id, number, status, content, decree_number, decree_date, decree_signatory)
      select service_id, 3, 'ratified', content, decree_number, decree_date, decree_signatory from standards.standard_version where id = ${v2.id}
      returning id, version`.execute(w.db);
    const v3 = rows[0]!;
    const body = (version: number) => ({ effectiveDate: dateOf(w.time.now()), version });
    const results = await Promise.allSettled([
      Svc.publish(w.ctx(), v2.id, body(v2.version)),
      Svc.publish(w.ctx(), v3.id, body(v3.version)),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toBeInstanceOf(AppError);
        expect([(result.reason as AppError).code, (result.reason as AppError).status]).toEqual(['STANDARDS_PUBLISH_CONFLICT', 409]);
      }
    }
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const all = await statuses(w.db, service.id);
    expect(all.filter((s) => s.endsWith(':published'))).toHaveLength(1);
    expect(all[0]).toBe(`1:superseded`);
    expect(v1.id).toBeDefined();
  });

  it('withdraws the published standard (none in force then) or one in the making (so a new draft can start)', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v1 = await published(w, service.id);
    const gone = await Svc.withdraw(w.ctx(), v1.id, { version: v1.version, reason: 'Layanan dialihkan ke aplikasi nasional' });
    expect([gone.status, gone.withdrawnAt, gone.withdrawnReason]).toEqual([
      'withdrawn',
      w.time.now(),
      'Layanan dialihkan ke aplikasi nasional',
    ]);
    expect(await statuses(w.db, service.id)).toEqual(['1:withdrawn']);
    expect((await rejection(Svc.withdraw(w.ctx(), v1.id, { version: gone.version, reason: 'Lagi' }))).code).toBe(
      'STANDARDS_TRANSITION_REFUSED',
    );
    const v2 = await inReview(w, service.id);
    await Svc.withdraw(w.ctx(), v2.id, { version: v2.version, reason: 'Ditunda' });
    expect((await Svc.createDraft(w.ctx(), service.id)).number).toBe(3);
  });

  it('records a periodic review of a published standard, which keeps it as it is', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v = await published(w, service.id);
    w.time.advance(300 * DAY);
    const reviewed = await Svc.markReviewed(w.ctx(), v.id, { note: 'FKP 12 Agustus: tetap' });
    expect([reviewed.status, reviewed.lastReviewedAt, reviewed.content]).toEqual(['published', w.time.now(), v.content]);
    expect((await Svc.versionHistory(w.db, v.id)).at(-1)).toMatchObject({ action: 'reviewed', note: 'FKP 12 Agustus: tetap' });
  });
});

eachDatabase('standards: scope', (db) => {
  it('shows staff of another agency nothing: every change to a record of A is a 404 and writes nothing', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v = await Svc.createDraft(w.ctx(), service.id);
    const before = await outboxNames(w.db);
    const b = w.ctx(w.actors.agencyB);
    const attempts = [
      () => Svc.createDraft(b, service.id),
      () => Svc.saveComponent(b, v.id, 'facilities', 'Ruang tunggu', v.version),
      () => Svc.saveContent(b, v.id, standardContent(), v.version),
      () => Svc.submitForReview(b, v.id, { version: v.version }),
      () => Svc.withdraw(b, v.id, { version: v.version, reason: 'Bukan milik kami' }),
      () => Svc.setServiceLocations(b, service.id, []),
      () => Svc.deactivateService(b, service.id, { version: 1 }),
      () => Svc.saveComponent(w.ctx(w.actors.mallA), v.id, 'facilities', 'Ruang tunggu', v.version),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe('STANDARDS_NOT_FOUND');
    expect(await outboxNames(w.db)).toEqual(before);
    expect(await Svc.getVersion(w.db, v.id)).toMatchObject({ version: 1, content: {} });
  });

  it('lists only the services inside the scopes, with their published and open versions', async () => {
    const w = await world(db());
    const a = await newService(w);
    const b = await newService(w, w.B);
    await published(w, a.id);
    const open = await Svc.createDraft(w.ctx(), a.id);
    const page = { page: 1, pageSize: 20 };
    const ofA = await Svc.listServices(w.db, [{ kind: 'agency', id: w.A.ids.agencyId! }], page);
    expect(ofA.total).toBe(1);
    expect(ofA.items[0]).toMatchObject({ id: a.id, publishedNumber: 1, openVersionId: open.id, openNumber: 2, openStatus: 'draft' });
    expect((await Svc.listServices(w.db, [{ kind: 'platform' }], page)).total).toBe(2);
    expect((await Svc.listServices(w.db, [{ kind: 'unit', id: w.B.ids.serviceUnitId! }], page)).items.map((s) => s.id)).toEqual([b.id]);
    expect((await Svc.listServices(w.db, [{ kind: 'mall', id: w.A.ids.mallId! }], page)).total).toBe(0);
    expect((await Svc.listServices(w.db, [], page)).total).toBe(0);
    expect((await Svc.listServices(w.db, [{ kind: 'platform' }], { ...page, q: 'ktp', serviceUnitId: w.B.ids.serviceUnitId! })).total).toBe(
      1,
    );
  });

  it('lets only staff covering the service moderate its comments', async () => {
    const w = await world(db());
    const service = await newService(w);
    let v = await inReview(w, service.id);
    v = await Svc.openConsultation(w.ctx(), v.id, { closesAt: new Date(w.time.now().getTime() + DAY), version: v.version });
    const comment = await Svc.addConsultationComment(w.ctx(ANONYMOUS), v.id, { authorName: 'Made', body: 'Tolong tambah loket.' });
    expect((await rejection(Svc.moderateComment(w.ctx(w.actors.agencyB), comment.id, { status: 'rejected' }))).code).toBe(
      'STANDARDS_NOT_FOUND',
    );
    const rejected = await Svc.moderateComment(w.ctx(), comment.id, { status: 'rejected' });
    expect([rejected.status, rejected.moderatedBy, rejected.response]).toEqual([
      'rejected',
      w.actors.unitA.kind === 'staff' ? w.actors.unitA.id : null,
      null,
    ]);
    const approved = await Svc.moderateComment(w.ctx(), comment.id, { status: 'approved', response: 'Akan ditambah tahun depan.' });
    expect([approved.status, approved.response]).toEqual(['approved', 'Akan ditambah tahun depan.']);
    expect(await Svc.listComments(w.db, v.id, 'approved')).toHaveLength(1);
  });
});

eachDatabase('standards: the decree file', (db) => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'satupintu-decrees-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const stored = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.json'));

  it('stores the decree PDF with the ratification, and gives it back', async () => {
    const w = await world(db());
    const files = new LocalFileStore(dir);
    const service = await newService(w);
    const v = await inReview(w, service.id);
    const r = await Svc.ratify(w.ctx(w.actors.unitA, { files }), v.id, {
      decreeNumber: '800/7/2026',
      decreeDate: dateOf(w.time.now()),
      signatory: 'Kepala Dinas',
      decreeFile: { source: PDF, name: 'SK Standar KTP.pdf' },
      version: v.version,
    });
    expect(r.decreeFileKey).toMatch(/^[0-9a-f]{2}\//);
    const opened = await Svc.openDecreeFile(w.db, files, r.id);
    expect([opened.info.mediaType, opened.info.name, opened.info.size]).toEqual(['application/pdf', 'SK Standar KTP.pdf', PDF.length]);
    expect(Buffer.concat(await opened.stream.toArray())).toEqual(PDF);
    const { rows } = await sql<{ payload: { decreeFileSha256: string } }>`
      select payload from platform.outbox where name = 'standards.version.ratified'`.execute(w.db);
    expect(rows[0]!.payload.decreeFileSha256).toBe(opened.info.sha256);
  });

  it('refuses a decree that is not a PDF by content, or too large, and keeps neither the file nor the step', async () => {
    const w = await world(db());
    const files = new LocalFileStore(dir);
    const service = await newService(w);
    const v = await inReview(w, service.id);
    const ratifyWith = (source: Buffer) =>
      Svc.ratify(w.ctx(w.actors.unitA, { files }), v.id, {
        decreeNumber: '800/7/2026',
        decreeDate: dateOf(w.time.now()),
        signatory: 'Kepala Dinas',
        decreeFile: { source, name: 'sk.pdf' },
        version: v.version,
      });
    const png = await rejection(ratifyWith(PNG));
    expect([png.code, png.status, png.params]).toEqual([
      'FILES_TYPE_NOT_ALLOWED',
      415,
      { detected: 'image/png', allowed: 'application/pdf' },
    ]);
    const large = await rejection(ratifyWith(Buffer.concat([PDF, Buffer.alloc(Svc.DECREE_MAX_BYTES)])));
    expect([large.code, large.status, large.params]).toEqual(['FILES_TOO_LARGE', 413, { limit: '10 MB' }]);
    expect(stored()).toEqual([]);
    expect((await Svc.getVersion(w.db, v.id)).status).toBe('review');
  });

  it('stores nothing when the step is refused anyway', async () => {
    const w = await world(db());
    const files = new LocalFileStore(dir);
    const service = await newService(w);
    const { fee: _fee, ...partial } = standardContent();
    const v = await inReview(w, service.id, partial);
    const error = await rejection(
      Svc.ratify(w.ctx(w.actors.unitA, { files }), v.id, {
        decreeNumber: '1',
        decreeDate: dateOf(w.time.now()),
        signatory: 'Kepala',
        decreeFile: { source: PDF, name: 'sk.pdf' },
        version: v.version,
      }),
    );
    expect(error.code).toBe('STANDARDS_INCOMPLETE');
    expect(stored()).toEqual([]);
  });
});

eachDatabase('standards: comparing versions and completeness', (db) => {
  it('compares two versions of a service item by item, and treats a version of another service as not found', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v1 = await published(w, service.id);
    let v2 = await Svc.createDraft(w.ctx(), service.id);
    const base = standardContent();
    const requirements = [{ ...base.requirements[1]!, name: 'Kartu Keluarga asli' }, base.requirements[0]!, base.requirements[3]!];
    v2 = await Svc.saveComponent(w.ctx(), v2.id, 'requirements', requirements, v2.version);
    v2 = await Svc.saveComponent(
      w.ctx(),
      v2.id,
      'fee',
      { free: false, items: [{ name: 'Cetak ulang', amount: 10_000, legalBasis: 'Perda 1/2026' }] },
      v2.version,
    );
    v2 = await Svc.saveComponent(w.ctx(), v2.id, 'facilities', null, v2.version);
    const diff = await Svc.diffVersions(w.db, v1.id, v2.id);
    expect([diff.from, diff.to]).toEqual([
      { id: v1.id, number: 1 },
      { id: v2.id, number: 2 },
    ]);
    const byKey = Object.fromEntries(diff.components.map((c) => [c.component, c]));
    expect(byKey.requirements).toEqual({
      component: 'requirements',
      change: 'changed',
      items: [
        { match: 'kk', change: 'changed', fields: ['name'] },
        { match: 'surat_nikah', change: 'removed' },
      ],
      reordered: true,
    });
    expect(byKey.fee).toEqual({ component: 'fee', change: 'changed', items: [{ match: 'Cetak ulang', change: 'added' }] });
    expect(byKey.facilities!.change).toBe('removed');
    expect(byKey.procedure!.change).toBe('unchanged');
    expect(await Svc.diffAgainst(w.db, v2.id)).toEqual(diff);
    const other = await newService(w, w.B);
    const foreign = await Svc.createDraft(w.ctx(w.actors.platform), other.id);
    expect((await rejection(Svc.diffVersions(w.db, foreign.id, v2.id))).code).toBe('STANDARDS_NOT_FOUND');
    const firstOnly = await Svc.diffAgainst(w.db, foreign.id);
    expect(firstOnly.components.every((c) => c.change === 'unchanged')).toBe(true);
  });

  it('rates a version 0 to 5 on the PEKPPP 1.a.Ak scale as it goes through the cycle', async () => {
    const w = await world(db());
    const service = await newService(w);
    const level = async (id: string, now = w.time.now()) => (await Svc.completeness(w.db, id, { now, reviewMonths: 12 })).level;
    let v = await Svc.createDraft(w.ctx(), service.id);
    const empty = await Svc.completeness(w.db, v.id, { now: w.time.now() });
    expect([empty.level, empty.reasons.map((r) => r.code)]).toEqual([
      0,
      ['noComponents', 'notAdopted', 'noPublicInvolvement', 'notReviewed'],
    ]);
    v = await Svc.saveComponent(w.ctx(), v.id, 'facilities', 'Ruang tunggu', v.version);
    const some = await Svc.completeness(w.db, v.id, { now: w.time.now() });
    expect([some.level, some.present, some.missing.length, some.reasons[0]]).toEqual([
      1,
      ['facilities'],
      13,
      { code: 'missingComponents', params: { count: 13 } },
    ]);
    v = await Svc.saveContent(w.ctx(), v.id, standardContent(), v.version);
    expect(await level(v.id)).toBe(2);
    v = await Svc.submitForReview(w.ctx(), v.id, { version: v.version });
    v = await Svc.openConsultation(w.ctx(), v.id, { closesAt: new Date(w.time.now().getTime() + 5 * DAY), version: v.version });
    const comment = await Svc.addConsultationComment(w.ctx(ANONYMOUS), v.id, { authorName: 'Made', body: 'Setuju dengan standar ini.' });
    expect(await level(v.id)).toBe(2);
    await Svc.moderateComment(w.ctx(), comment.id, { status: 'approved' });
    expect((await Svc.completeness(w.db, v.id, { now: w.time.now() })).criteria).toMatchObject({
      allComponents: true,
      adopted: false,
      publicInvolvement: true,
    });
    w.time.advance(6 * DAY);
    v = await Svc.ratify(w.ctx(), v.id, { decreeNumber: '9', decreeDate: dateOf(w.time.now()), signatory: 'Kepala', version: v.version });
    expect(await level(v.id)).toBe(4);
    v = await Svc.publish(w.ctx(), v.id, { effectiveDate: dateOf(w.time.now()), version: v.version });
    const published4 = await Svc.completeness(w.db, v.id, { now: w.time.now(), reviewMonths: 12 });
    expect([published4.level, published4.reviewDueAt]).toEqual([4, new Date(w.time.now().getTime() + 365 * DAY)]);
    v = await Svc.markReviewed(w.ctx(), v.id);
    expect(await level(v.id)).toBe(5);
    expect(await level(v.id, new Date(w.time.now().getTime() + 366 * DAY))).toBe(4);

    const quiet = await newService(w, w.A, { code: 'KK', name: 'Kartu Keluarga' });
    const adoptedOnly = await published(w, quiet.id);
    const three = await Svc.completeness(w.db, adoptedOnly.id, { now: w.time.now() });
    expect([three.level, three.reasons.map((r) => r.code)]).toEqual([3, ['noPublicInvolvement', 'notReviewed']]);
  });
});

eachDatabase('standards: review reminders', (db) => {
  it('reminds once per published version and period, again a period later, and restarts after a review', async () => {
    const w = await world(db());
    const service = await newService(w);
    const v = await published(w, service.id);
    const start = w.time.now().getTime();
    const run = (days: number, months = 12) => Svc.remindDueReviews(w.db, { months, now: new Date(start + days * DAY) });
    const due = async () => (await outboxNames(w.db)).filter((n) => n === 'standards.review.due').length;
    expect(await run(300)).toEqual({ reminded: 0 });
    expect(await run(366)).toEqual({ reminded: 1 });
    expect(await run(367)).toEqual({ reminded: 0 });
    expect(await run(400)).toEqual({ reminded: 0 });
    expect(await due()).toBe(1);
    expect(await run(731)).toEqual({ reminded: 1 });
    expect(await run(731)).toEqual({ reminded: 0 });
    const { rows } = await sql<{ payload: Record<string, unknown> }>`
      select payload from platform.outbox where name = 'standards.review.due' order by id`.execute(w.db);
    expect(rows.map((r) => r.payload.dueAt)).toEqual(['2027-11-02T02:00:00.000Z', '2028-11-02T02:00:00.000Z']);
    expect(rows[0]!.payload).toMatchObject({ versionId: v.id, serviceName: service.name, agencyId: w.A.ids.agencyId, months: 12 });
    w.time.advance(740 * DAY);
    await Svc.markReviewed(w.ctx(), v.id);
    expect(await run(741)).toEqual({ reminded: 0 });
    expect(await run(740 + 184, 6)).toEqual({ reminded: 1 });
    expect((await Svc.versionHistory(w.db, v.id)).filter((e) => e.action === 'review-reminded')).toHaveLength(3);
  });

  it('sends one reminder when two runs overlap', async () => {
    const w = await world(db());
    const service = await newService(w);
    await published(w, service.id);
    const later = new Date(w.time.now().getTime() + 400 * DAY);
    const results = await Promise.all([
      Svc.remindDueReviews(w.db, { months: 12, now: later }),
      Svc.remindDueReviews(w.db, { months: 12, now: later }),
    ]);
    expect(results.map((r) => r.reminded).sort()).toEqual([0, 1]);
  });
});

describe('slugify', () => {
  it('makes a page address from a name', () => {
    expect(Svc.slugify('Kartu Keluarga (KK) — Penerbitan Baru')).toBe('kartu-keluarga-kk-penerbitan-baru');
    expect(Svc.slugify('Izin Usaha Mikro & Kecil (IUMK) di Kecamatan')).toBe('izin-usaha-mikro-kecil-iumk-di-kecamatan');
    expect(Svc.slugify('Pengesahan Café Ñusantara')).toBe('pengesahan-cafe-nusantara');
    expect(Svc.slugify('!!!')).toBe('layanan');
    expect(Svc.slugify('a'.repeat(150)).length).toBe(100);
  });
});
