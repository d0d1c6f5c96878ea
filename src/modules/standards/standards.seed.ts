import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.js';
import { tablesOf, type Db } from '../../platform/db/database.js';
import type { DemoSeed } from '../../platform/module.js';
import { findIdsByCode } from '../organizations/index.js';
import type { StandardContent } from './standards.content.js';
import {
  CONSULTATION,
  DEMO_SERVICES,
  NEW_CONNECTION_2025,
  SUPERSEDED_SERVICE,
  type Decree,
  type DemoService,
} from './standards.demo-data.js';
import * as Svc from './standards.service.js';
import type { StandardsTables } from './standards.tables.js';

/** The seed acts as a national administrator of standards, so it passes the same checks a person would. */
const SEED_ACTOR: Actor = {
  kind: 'staff',
  id: '00000000-0000-4000-8000-000000000000',
  name: 'Demo seed',
  sessionId: 'seed',
  grants: [{ role: 'platform-admin', scope: { kind: 'platform' }, permissions: new Set([Svc.MANAGE]) }],
};

const DAY = 86_400_000;
/** A moment on a date, in Bali time (WITA), where most demo units sit. */
const on = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);
const before = (date: string, days: number) => new Date(on(date).getTime() - days * DAY);

/**
 * Every demo service with a published standard, each taken through the real lifecycle (draft → content →
 * review → ratified by decree → published), dated on the unit's own timeline so the history reads like
 * one. Two services carry more history: the new water connection has a 2025 version superseded in 2026,
 * and the building approval (PBG) has a newer version in public consultation, closing three weeks after the
 * seed runs, with one answered and one pending comment. Idempotent: a service found by unit and code is
 * left as it is.
 */
export const seedStandardsDemo: DemoSeed = async ({ database, log, progress }) => {
  const db = database.db;
  const ids = new Ids(db);
  let created = 0;
  for (const [i, service] of DEMO_SERVICES.entries()) {
    progress(i, DEMO_SERVICES.length, service.code);
    const unitId = await ids.unit(service.agency, service.unit);
    if (await findService(db, unitId, service.code)) continue;
    created += await seedService(db, ids, unitId, service);
  }
  progress(DEMO_SERVICES.length, DEMO_SERVICES.length, 'standards');
  if (created === 0) log.debug('standards demo already present');
  return { logins: [], created };
};

async function seedService(db: Db, ids: Ids, unitId: string, s: DemoService): Promise<number> {
  const superseded = s.unit === SUPERSEDED_SERVICE.unit && s.code === SUPERSEDED_SERVICE.code;
  const first = superseded ? NEW_CONNECTION_2025 : s;
  const locations = [];
  for (const place of s.offeredAt) {
    const mallId = await ids.mall(place.mall);
    locations.push({ mallId, boothId: place.booth ? await ids.booth(mallId, unitId, place.booth) : undefined });
  }
  const service = await Svc.createService(ctxAt(db, before(first.decree.date, 30)), {
    serviceUnitId: unitId,
    code: s.code,
    slug: s.slug,
    name: s.name,
    summary: s.summary,
    keywords: s.keywords,
    category: s.category,
    kind: s.kind,
    lifeEvents: s.lifeEvents,
    audiences: s.audiences,
    channels: s.channels,
    locations,
  });
  const v1 = await adopt(db, service.id, undefined, first.content, first.decree, first.effectiveDate);
  let created = 2;
  if (superseded) {
    await adopt(db, service.id, v1, s.content, s.decree, s.effectiveDate);
    created++;
  }
  if (s.unit === CONSULTATION.unit && s.code === CONSULTATION.code) created += await consult(db, service.id, v1);
  return created;
}

/** Drafts a version (from the previous one, if any), fills it, and takes it to published. Returns its id. */
async function adopt(
  db: Db,
  serviceId: string,
  basedOnVersionId: string | undefined,
  content: StandardContent,
  decree: Decree,
  effectiveDate: string,
) {
  const drafted = before(decree.date, 28);
  let v = await Svc.createDraft(ctxAt(db, drafted), serviceId, { basedOnVersionId });
  v = await Svc.saveContent(ctxAt(db, drafted), v.id, content, v.version);
  v = await Svc.submitForReview(ctxAt(db, before(decree.date, 14)), v.id, { version: v.version });
  v = await Svc.ratify(ctxAt(db, on(decree.date, '10:00')), v.id, {
    decreeNumber: decree.number,
    decreeDate: decree.date,
    signatory: decree.signatory,
    version: v.version,
  });
  v = await Svc.publish(ctxAt(db, on(effectiveDate, '08:00')), v.id, { effectiveDate, version: v.version });
  return v.id;
}

/** A newer version open for public comment now, with one comment answered and one waiting. */
async function consult(db: Db, serviceId: string, basedOnVersionId: string): Promise<number> {
  const ctx: Svc.StandardsContext = { db, actor: SEED_ACTOR };
  let v = await Svc.createDraft(ctx, serviceId, { basedOnVersionId });
  v = await Svc.saveContent(ctx, v.id, CONSULTATION.content, v.version);
  v = await Svc.submitForReview(ctx, v.id, { version: v.version });
  const closesAt = new Date(Date.now() + CONSULTATION.openDays * DAY);
  v = await Svc.openConsultation(ctx, v.id, { closesAt, version: v.version });
  for (const comment of CONSULTATION.comments) {
    const added = await Svc.addConsultationComment(ctx, v.id, {
      authorName: comment.authorName,
      body: comment.body,
      component: comment.component,
    });
    if (comment.response) await Svc.moderateComment(ctx, added.id, { status: 'approved', response: comment.response });
  }
  return 1 + CONSULTATION.comments.length;
}

/** The seed's context at a moment of the demo's history. */
function ctxAt(db: Db, moment: Date): Svc.StandardsContext {
  return { db, actor: SEED_ACTOR, now: () => moment };
}

async function findService(db: Db, serviceUnitId: string, code: string) {
  return tablesOf<StandardsTables>(db)
    .selectFrom('standards.service')
    .select('id')
    .where('serviceUnitId', '=', serviceUnitId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Ids of the organizations demo by code, looked up once each. */
class Ids {
  private readonly cache = new Map<string, string>();
  constructor(private readonly db: Db) {}

  async unit(agency: string, unit: string): Promise<string> {
    return this.once(`unit:${agency}/${unit}`, async () => (await findIdsByCode(this.db, { agency, unit })).unitId);
  }

  async mall(code: string): Promise<string> {
    // The lookup wants an agency; a mall belongs to none, so none is named.
    return this.once(`mall:${code}`, async () => (await findIdsByCode(this.db, { agency: '', mall: code })).mallId);
  }

  /**
   * The unit's booth in a mall, by its code there. Read from the organizations module's table, as
   * standards.repository's findBooth does: organizations publishes no booth lookup yet.
   */
  async booth(mallId: string, serviceUnitId: string, code: string): Promise<string> {
    return this.once(`booth:${mallId}/${code}`, async () => {
      const { rows } = await sql<{ id: string }>`
        select id from organizations.booth where mall_id = ${mallId} and service_unit_id = ${serviceUnitId} and code = ${code}
      `.execute(this.db);
      return rows[0]?.id;
    });
  }

  private async once(key: string, find: () => Promise<string | undefined>): Promise<string> {
    const known = this.cache.get(key);
    if (known) return known;
    const id = await find();
    if (!id) throw new Error(`standards demo needs the organizations demo (${key})`);
    this.cache.set(key, id);
    return id;
  }
}
