import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import type { Scope } from '../../platform/access/access.js';
import { recordAudit, recordPersonalDataAccess, listPersonalDataAccesses, verifyAuditChain, type AuditRecord } from './index.js';
import { canonicalJson, GENESIS_HASH, hashEvent } from './audit.chain.js';
import { listAuditEvents } from './audit.service.js';
import type { AuditTables } from './audit.tables.js';
import { tablesOf, type Database } from '../../platform/db/database.js';

const auditTables = (database: Database) => tablesOf<AuditTables>(database.db);

const officer = { kind: 'staff', id: 'staff-1', name: 'Siti Rahma', unitName: 'Disdukcapil Kab. Bogor' } as const;

const record = (n: number): AuditRecord => ({
  actor: officer,
  action: 'portal.feedback.acknowledged',
  subject: { type: 'feedback', id: `fb-${n}` },
  before: { status: 'new' },
  after: { status: 'acknowledged' },
  requestId: `req-0000000${n}`,
});

async function append(database: Database, count: number) {
  for (let i = 1; i <= count; i++) await database.db.transaction().execute((tx) => recordAudit(tx, record(i)));
}

const events = (database: Database) =>
  // The CamelCasePlugin renames result columns of raw SQL too.
  sql<{ seq: number; prevHash: string; hash: string }>`select seq, prev_hash, hash from audit.event order by seq`
    .execute(database.db)
    .then((r) => r.rows);

eachDatabase('audit chain', (db, kind) => {
  it('appends events with gap-free seq, each linked to the one before, and verifies', async () => {
    await append(db(), 3);
    const rows = await events(db());
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(await verifyAuditChain(db().db)).toEqual({ ok: true, checked: 3 });
  });

  it('an empty trail verifies', async () => {
    expect(await verifyAuditChain(db().db)).toEqual({ ok: true, checked: 0 });
  });

  it('stores actor, action, subject, time, request id and summaries', async () => {
    const before = Date.now();
    await append(db(), 1);
    const row = await auditTables(db()).selectFrom('audit.event').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      seq: 1,
      actorKind: 'staff',
      actorId: 'staff-1',
      actorName: 'Siti Rahma',
      actorUnit: 'Disdukcapil Kab. Bogor',
      action: 'portal.feedback.acknowledged',
      subjectType: 'feedback',
      subjectId: 'fb-1',
      requestId: 'req-00000001',
      before: { status: 'new' },
      after: { status: 'acknowledged' },
    });
    expect(row.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1);
  });

  it(`concurrent appends ${kind === 'postgres' ? 'on the server ' : ''}do not fork the chain`, async () => {
    // 24 transactions at once over a pool of 4 connections; each waits on the chain lock in turn.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db()
          .db.transaction()
          .execute((tx) => recordAudit(tx, record(i + 1))),
      ),
    );
    const rows = await events(db());
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(24);
    expect(await verifyAuditChain(db().db)).toEqual({ ok: true, checked: 24 });
  });

  it('a rolled-back transaction leaves no audit row and the next event takes its number', async () => {
    await append(db(), 1);
    await expect(
      db()
        .db.transaction()
        .execute(async (tx) => {
          await recordAudit(tx, record(2));
          throw new Error('the change failed after auditing');
        }),
    ).rejects.toThrow('the change failed');
    expect((await events(db())).map((r) => r.seq)).toEqual([1]);
    await append(db(), 1);
    expect((await events(db())).map((r) => r.seq)).toEqual([1, 2]);
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: true, checked: 2 });
  });

  it('refuses an action that is not <module>.<entity>.<verb>', async () => {
    await expect(
      db()
        .db.transaction()
        .execute((tx) => recordAudit(tx, { ...record(1), action: 'Feedback Acknowledged' })),
    ).rejects.toThrow(/module>\.<entity>\.<verb>/);
  });
});

eachDatabase('audit verify names the first broken link', (db) => {
  it('a changed summary: hash mismatch at that event', async () => {
    await append(db(), 4);
    await sql`update audit.event set after = '{"status":"resolved"}' where seq = 3`.execute(db().db);
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq: 3, reason: 'hash-mismatch', checked: 2 });
  });

  it('a changed actor name: hash mismatch at that event', async () => {
    await append(db(), 3);
    await sql`update audit.event set actor_name = 'Someone Else' where seq = 2`.execute(db().db);
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq: 2, reason: 'hash-mismatch' });
  });

  it('a deleted row: a gap where it was', async () => {
    await append(db(), 4);
    await sql`delete from audit.event where seq = 2`.execute(db().db);
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq: 2, reason: 'gap', checked: 1 });
  });

  it('the first row deleted: a gap at event 1', async () => {
    await append(db(), 2);
    await sql`delete from audit.event where seq = 1`.execute(db().db);
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq: 1, reason: 'gap' });
  });

  it('a hash overwritten: hash mismatch at that event', async () => {
    await append(db(), 3);
    await sql`update audit.event set hash = ${'a'.repeat(64)} where seq = 2`.execute(db().db);
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq: 2, reason: 'hash-mismatch' });
  });

  it('two rows reordered: the first out of place no longer links to the one before', async () => {
    await append(db(), 4);
    await db()
      .db.transaction()
      .execute(async (tx) => {
        await sql`update audit.event set seq = 1000 where seq = 2`.execute(tx);
        await sql`update audit.event set seq = 2 where seq = 3`.execute(tx);
        await sql`update audit.event set seq = 3 where seq = 1000`.execute(tx);
      });
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq: 2, reason: 'prev-mismatch', checked: 1 });
  });

  it('a row deleted and the later ones renumbered to hide the gap: the break is named', async () => {
    await append(db(), 3);
    await db()
      .db.transaction()
      .execute(async (tx) => {
        await sql`delete from audit.event where seq = 2`.execute(tx);
        await sql`update audit.event set seq = 2 where seq = 3`.execute(tx);
      });
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq: 2, reason: 'prev-mismatch' });
  });

  it('a row forged with a hash recomputed from its new fields: the next event no longer links to it', async () => {
    await append(db(), 3);
    const row = await auditTables(db()).selectFrom('audit.event').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const { prevHash, hash: _hash, ...fields } = row;
    const forged = hashEvent(prevHash, { ...fields, after: { status: 'rejected' } });
    await sql`update audit.event set after = '{"status":"rejected"}', hash = ${forged} where seq = 2`.execute(db().db);
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq: 3, reason: 'prev-mismatch', checked: 2 });
  });

  it('walks in batches and reports progress', async () => {
    await append(db(), 5);
    const seen: [number, number][] = [];
    const verdict = await verifyAuditChain(db().db, { batchSize: 2, onProgress: (done, total) => seen.push([done, total]) });
    expect(verdict).toEqual({ ok: true, checked: 5 });
    expect(seen).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });
});

eachDatabase('personal-data access log', (db) => {
  it('records who opened a citizen’s data, from which unit and why, newest first, chained', async () => {
    await db()
      .db.transaction()
      .execute((tx) =>
        recordPersonalDataAccess(tx, {
          staff: officer,
          subjectAccountId: 'acc-42',
          fields: ['nik', 'phone'],
          purpose: 'application.review',
          requestId: 'req-aaaaaaaa',
        }),
      );
    await db()
      .db.transaction()
      .execute((tx) =>
        recordPersonalDataAccess(tx, {
          staff: { kind: 'staff', id: 'staff-2', name: 'Agus Salim', unitName: 'DPMPTSP Kab. Bogor' },
          subjectAccountId: 'acc-42',
          fields: ['address'],
          purpose: 'complaint.follow-up',
        }),
      );
    await db()
      .db.transaction()
      .execute((tx) => recordPersonalDataAccess(tx, { staff: officer, subjectAccountId: 'acc-other', fields: ['nik'], purpose: 'x' }));
    const log = await listPersonalDataAccesses(db().db, 'acc-42');
    expect(log).toEqual([
      {
        at: expect.any(Date),
        staffName: 'Agus Salim',
        unitName: 'DPMPTSP Kab. Bogor',
        fields: ['address'],
        purpose: 'complaint.follow-up',
      },
      {
        at: expect.any(Date),
        staffName: 'Siti Rahma',
        unitName: 'Disdukcapil Kab. Bogor',
        fields: ['nik', 'phone'],
        purpose: 'application.review',
      },
    ]);
    expect(log[0]!.at.getTime()).toBeGreaterThanOrEqual(log[1]!.at.getTime());
    const actions = await sql<{ action: string }>`select action from audit.event`.execute(db().db);
    expect(actions.rows.every((r) => r.action === 'audit.personal-data.viewed')).toBe(true);
    expect(await verifyAuditChain(db().db)).toEqual({ ok: true, checked: 3 });
  });
});

const AGENCY_A = '0a000000-0000-4000-8000-00000000000a';
const AGENCY_B = '0b000000-0000-4000-8000-00000000000b';
const UNIT_A1 = 'a1000000-0000-4000-8000-0000000000a1';
const UNIT_B1 = 'b1000000-0000-4000-8000-0000000000b1';
const MALL = '3a110000-0000-4000-8000-000000000001';

eachDatabase('audit events carry their tenant', (db) => {
  const appendAt = (subjectId: string, tenant?: AuditRecord['tenant']) =>
    db()
      .db.transaction()
      .execute((tx) => recordAudit(tx, { ...record(1), subject: { type: 'feedback', id: subjectId }, tenant }));

  it('stores the tenant path in lower case, so the stored row hashes as it was written', async () => {
    await appendAt('x', { agencyId: AGENCY_A.toUpperCase(), unitId: UNIT_A1, mallId: null });
    const row = await auditTables(db()).selectFrom('audit.event').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ agencyId: AGENCY_A, unitId: UNIT_A1, mallId: null });
    expect(await verifyAuditChain(db().db)).toEqual({ ok: true, checked: 1 });
  });

  it('refuses a tenant id that is not a uuid, writing nothing', async () => {
    await expect(appendAt('x', { agencyId: 'disdukcapil' })).rejects.toThrow(/agencyId must be a uuid/);
    expect(await events(db())).toEqual([]);
  });

  it('an event written before tenants were recorded still verifies, and the chain goes on from it', async () => {
    // Hashed exactly as before the tenant columns existed: no agencyId, unitId or mallId keys at all.
    const old = {
      seq: 1,
      occurredAt: '2026-11-01T02:03:04.005Z',
      actorKind: 'staff',
      actorId: 'staff-1',
      actorName: 'Siti Rahma',
      actorUnit: null,
      action: 'portal.feedback.acknowledged',
      subjectType: 'feedback',
      subjectId: 'fb-old',
      requestId: null,
      before: null,
      after: { status: 'acknowledged' },
    };
    const hash = createHash('sha256').update(GENESIS_HASH).update(canonicalJson(old)).digest('hex');
    await sql`insert into audit.event (seq, occurred_at, actor_kind, actor_id, actor_name, action, subject_type, subject_id, after, prev_hash, hash)
      values (1, ${old.occurredAt}, 'staff', 'staff-1', 'Siti Rahma', ${old.action}, 'feedback', 'fb-old', '{"status":"acknowledged"}',
              ${GENESIS_HASH}, ${hash})`.execute(db().db);
    await appendAt('fb-new', { agencyId: AGENCY_A });
    await appendAt('fb-platform');
    expect(await verifyAuditChain(db().db)).toEqual({ ok: true, checked: 3 });
  });

  for (const [change, update] of [
    ['moved to another agency', sql`update audit.event set agency_id = ${AGENCY_B} where seq = 2`],
    ['stripped of its agency', sql`update audit.event set agency_id = null where seq = 2`],
    ['stripped of its mall', sql`update audit.event set mall_id = null where seq = 2`],
    ['given a tenant it was written without', sql`update audit.event set unit_id = ${UNIT_B1} where seq = 3`],
  ] as const) {
    it(`an event ${change}: hash mismatch at that event`, async () => {
      await appendAt('a', { agencyId: AGENCY_A });
      await appendAt('b', { agencyId: AGENCY_A, unitId: UNIT_A1, mallId: MALL });
      await appendAt('c');
      await appendAt('d', { agencyId: AGENCY_A });
      await update.execute(db().db);
      const seq = change.startsWith('given') ? 3 : 2;
      expect(await verifyAuditChain(db().db)).toMatchObject({ ok: false, seq, reason: 'hash-mismatch', checked: seq - 1 });
    });
  }
});

eachDatabase('audit reads are limited to the reader’s scopes', (db) => {
  // A's agency, A's unit in the mall, B's unit in the same mall, and a platform-level event.
  beforeEach(async () => {
    const tenants: [string, AuditRecord['tenant']][] = [
      ['agency-a', { agencyId: AGENCY_A }],
      ['unit-a1', { agencyId: AGENCY_A, unitId: UNIT_A1 }],
      ['booth-a1', { agencyId: AGENCY_A, unitId: UNIT_A1, mallId: MALL }],
      ['booth-b1', { agencyId: AGENCY_B, unitId: UNIT_B1, mallId: MALL }],
      ['feedback', undefined],
    ];
    for (const [id, tenant] of tenants) {
      await db()
        .db.transaction()
        .execute((tx) => recordAudit(tx, { ...record(1), subject: { type: 'test', id }, tenant }));
    }
  });

  const read = async (scopes: Scope[]) => (await listAuditEvents(db().db, {}, scopes, { limit: 50 })).events.map((e) => e.subjectId).sort();

  it('a platform scope reads every event, including those with no tenant', async () => {
    expect(await read([{ kind: 'platform' }])).toEqual(['agency-a', 'booth-a1', 'booth-b1', 'feedback', 'unit-a1']);
  });

  it('an agency scope reads the events of its agency and of everything under it, never another agency’s', async () => {
    expect(await read([{ kind: 'agency', id: AGENCY_A }])).toEqual(['agency-a', 'booth-a1', 'unit-a1']);
    expect(await read([{ kind: 'agency', id: AGENCY_B }])).toEqual(['booth-b1']);
  });

  it('a unit scope reads its unit’s events, a mall scope its mall’s, and several scopes their union', async () => {
    expect(await read([{ kind: 'unit', id: UNIT_A1 }])).toEqual(['booth-a1', 'unit-a1']);
    expect(await read([{ kind: 'mall', id: MALL }])).toEqual(['booth-a1', 'booth-b1']);
    expect(
      await read([
        { kind: 'unit', id: UNIT_B1 },
        { kind: 'agency', id: AGENCY_A },
      ]),
    ).toEqual(['agency-a', 'booth-a1', 'booth-b1', 'unit-a1']);
  });

  it('no scope, a scope without an id, or an id that is no uuid reads nothing', async () => {
    expect(await read([])).toEqual([]);
    expect(await read([{ kind: 'agency' }])).toEqual([]);
    expect(await read([{ kind: 'agency', id: 'not-a-uuid' }])).toEqual([]);
  });
});

eachDatabase('personal-data reads carry the reader’s tenant', (db) => {
  it('an auditor of the reader’s agency sees the read; the citizen sees every read of their data', async () => {
    for (const [staffId, agencyId] of [
      ['staff-a', AGENCY_A],
      ['staff-b', AGENCY_B],
    ] as const) {
      await db()
        .db.transaction()
        .execute((tx) =>
          recordPersonalDataAccess(tx, {
            staff: { kind: 'staff', id: staffId, name: staffId, unitName: 'Unit' },
            subjectAccountId: 'acc-42',
            fields: ['nik'],
            purpose: 'application.review',
            tenant: { agencyId },
          }),
        );
    }
    const seenByA = await listAuditEvents(db().db, {}, [{ kind: 'agency', id: AGENCY_A }], { limit: 10 });
    expect(seenByA.events.map((e) => e.actorId)).toEqual(['staff-a']);
    expect((await listPersonalDataAccesses(db().db, 'acc-42')).map((e) => e.staffName)).toEqual(['staff-b', 'staff-a']);
    expect(await verifyAuditChain(db().db)).toEqual({ ok: true, checked: 2 });
  });
});
