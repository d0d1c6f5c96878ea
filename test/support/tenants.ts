/**
 * Two complete, disjoint tenants, A and B, built through the real services, for the test that proves
 * staff of one tenant cannot reach the other's records on any route (test/http/cross-tenant.test.ts).
 *
 * FIXTURES maps every subject key and path parameter that routes use (`agencyId`, `boothId`, …) to a
 * builder of one tenant's record of that kind. A module that adds a route naming a new key adds one entry:
 *
 *   standardId: async ({ db, admin, word, need }) => {
 *     const unitId = await need('serviceUnitId');
 *     const row = await createStandard({ db, actor: admin }, { serviceUnitId: unitId, title: `Izin Usaha ${word}` });
 *     return { id: row.id, texts: [row.title] };
 *   },
 *
 * - build through the module's service where one exists (a factory insert is fine where none does yet);
 * - hang the record on this tenant's own records with `need(key)`, never on shared ones, so that nothing
 *   of B is reachable from A's records;
 * - return every text that identifies the record (code, name, number, email): the test fails when one of
 *   B's texts appears on a page or in a response that A's staff receive. The id is added for you.
 *
 * Only the keys the route table asks for are built, so a builder may use tables of a module that is not
 * registered in every checkout.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, Grant, Scope } from '../../src/platform/access/access.js';
import type { Db } from '../../src/platform/db/database.js';
import { findApplication } from '../../src/modules/applications/applications.core.js';
import * as Apply from '../../src/modules/applications/apply.js';
import { issueOutput } from '../../src/modules/applications/output.js';
import * as Process from '../../src/modules/applications/process.js';
import { importRegions } from '../../src/modules/organizations/index.js';
import * as Org from '../../src/modules/organizations/organizations.service.js';
import { standardContent } from '../../src/modules/standards/catalog.test-support.js';
import * as Standards from '../../src/modules/standards/index.js';
import * as Maklumat from '../../src/modules/standards/maklumat.service.js';
import { KeyRing } from '../../src/platform/crypto/keyring.js';
import { createFileStore } from '../../src/platform/files/store.js';
import { testConfig } from './app.js';

export type TenantName = 'A' | 'B';

export interface Tenant {
  name: TenantName;
  /** This tenant's record of each kind that was built, by key. */
  ids: Record<string, string>;
  /** Every id, code, name and other identifying text of this tenant's records. */
  texts: string[];
}

export interface FixtureContext {
  db: Db;
  tenant: TenantName;
  /** A word that sets this tenant's names apart ("Dinas Perizinan Beta"). */
  word: string;
  /** Where this tenant sits: the regency of its agency, units and mall, and a street address there. */
  place: { regency: string; address: string };
  /** A platform administrator holding every permission, for the services that check one. */
  admin: Actor;
  /** This tenant's record for another key, built first when need be. */
  need(key: string): Promise<string>;
}

export interface Fixture {
  id: string;
  texts: string[];
}

export type FixtureBuilder = (ctx: FixtureContext) => Promise<Fixture>;

const PLACES: Record<TenantName, FixtureContext['place']> = {
  A: { regency: '51.03', address: 'Jl. Raya Sempidi No. 1, Badung' },
  B: { regency: '73.71', address: 'Jl. Ahmad Yani No. 2, Makassar' },
};
const WORDS: Record<TenantName, string> = { A: 'Alfa', B: 'Beta' };
const HOUR = 3_600_000;

/** Regions are public reference data shared by both tenants, so their names are nobody's secret. */
const REGIONS = [
  { code: '51', name: 'BALI', parentCode: null },
  { code: '51.03', name: 'KABUPATEN BADUNG', parentCode: '51' },
  { code: '73', name: 'SULAWESI SELATAN', parentCode: null },
  { code: '73.71', name: 'KOTA MAKASSAR', parentCode: '73' },
];

const serviceCtx = (c: FixtureContext) => ({ db: c.db, actor: c.admin });
const code = (c: FixtureContext, suffix: string) => `${c.word.toUpperCase()}-${suffix}`;

export const FIXTURES: Record<string, FixtureBuilder> = {
  agencyId: async (c) => {
    const row = await Org.createAgency(serviceCtx(c), {
      code: code(c, 'DPMPTSP'),
      name: `Dinas Penanaman Modal ${c.word}`,
      kind: 'regency_government',
      regionCode: c.place.regency,
    });
    return { id: row.id, texts: [row.code, row.name] };
  },
  orgUnitId: async (c) => {
    const row = await Org.createOrgUnit(serviceCtx(c), {
      agencyId: await c.need('agencyId'),
      code: code(c, 'BIDANG'),
      name: `Bidang Perizinan ${c.word}`,
    });
    return { id: row.id, texts: [row.code, row.name] };
  },
  serviceUnitId: async (c) => {
    const row = await Org.createServiceUnit(serviceCtx(c), {
      agencyId: await c.need('agencyId'),
      orgUnitId: await c.need('orgUnitId'),
      code: code(c, 'UPP'),
      name: `Unit Pelayanan Perizinan ${c.word}`,
      regionCode: c.place.regency,
      address: `Kantor ${c.word}, ${c.place.address}`,
    });
    return { id: row.id, texts: [row.code, row.name, row.address!] };
  },
  mallId: async (c) => {
    const row = await Org.createMall(serviceCtx(c), {
      regionCode: c.place.regency,
      code: code(c, 'MPP'),
      name: `Mal Pelayanan Publik ${c.word}`,
      address: `Gedung ${c.word}, ${c.place.address}`,
    });
    return { id: row.id, texts: [row.code, row.name, row.address] };
  },
  /** The booth of this tenant's unit in this tenant's own mall, so A's mall staff have no claim on B's. */
  boothId: async (c) => {
    const row = await Org.createBooth(serviceCtx(c), {
      mallId: await c.need('mallId'),
      serviceUnitId: await c.need('serviceUnitId'),
      code: code(c, 'GERAI'),
      name: `Gerai Perizinan ${c.word}`,
    });
    return { id: row.id, texts: [row.code, row.name] };
  },
  counterId: async (c) => {
    const row = await Org.createCounter(serviceCtx(c), {
      boothId: await c.need('boothId'),
      code: code(c, 'LOKET'),
      name: `Loket ${c.word}`,
    });
    return { id: row.id, texts: [row.code, row.name] };
  },
  /** A draft service pledge of this tenant's unit (a draft, so its edit and publish pages open). */
  maklumatId: async (c) => {
    const unit = `Unit Pelayanan Perizinan ${c.word}`;
    const row = await Maklumat.createMaklumatDraft(serviceCtx(c), await c.need('serviceUnitId'), {
      ...Maklumat.standardWording(unit),
      signatoryName: `Kepala Unit ${c.word}`,
      signatoryTitle: `Kepala ${unit}`,
      signedAt: '2026-01-05',
      place: `Kota ${c.word}`,
    });
    return { id: row.id, texts: [row.signatoryName, row.place] };
  },
  /** A service of this tenant's unit, offered at this tenant's booth. */
  serviceId: async (c) => {
    const row = await Standards.createService(serviceCtx(c), {
      serviceUnitId: await c.need('serviceUnitId'),
      code: code(c, 'IZIN'),
      name: `Izin Usaha Mikro ${c.word}`,
      summary: `Izin usaha mikro dan kecil untuk pelaku usaha di wilayah ${c.word}.`,
      category: 'licensing',
      kind: 'licensing',
      audiences: ['business'],
      channels: 'both',
      locations: [{ mallId: await c.need('mallId'), boothId: await c.need('boothId') }],
    });
    return { id: row.id, texts: [row.code, row.name, row.slug, row.summary] };
  },
  /**
   * A version of that service that went through public consultation (with one comment from the public)
   * and was ratified with its decree PDF in the test file store, so that every version route, the decree
   * download included, has something to show.
   */
  versionId: async (c) => {
    const ctx = { ...serviceCtx(c), files: createFileStore(testConfig()) };
    const afterClosing = { ...ctx, now: () => new Date(Date.now() + 2 * HOUR) };
    const facilities = `Ruang tunggu ber-AC di gedung ${c.word}`;
    const decreeNumber = `800/${c.word.toUpperCase()}/KEP/2026`;
    let v = await Standards.createDraft(ctx, await c.need('serviceId'));
    v = await Standards.saveContent(ctx, v.id, standardContent({ facilities }), v.version);
    v = await Standards.submitForReview(ctx, v.id, { version: v.version });
    v = await Standards.openConsultation(ctx, v.id, { closesAt: new Date(Date.now() + HOUR), version: v.version });
    await Standards.addConsultationComment(ctx, v.id, {
      authorName: `Warga ${c.word}`,
      body: `Mohon jam layanan di gedung ${c.word} diperpanjang sampai sore.`,
    });
    v = await Standards.ratify(afterClosing, v.id, {
      decreeNumber,
      decreeDate: new Date(Date.now() - 24 * HOUR).toISOString().slice(0, 10),
      signatory: `Kepala Dinas ${c.word}`,
      decreeFile: { source: Buffer.from(`%PDF-1.4\n% Keputusan ${c.word}\n%%EOF\n`), name: `SK ${c.word}.pdf` },
      version: v.version,
    });
    return { id: v.id, texts: [facilities, decreeNumber, `Kepala Dinas ${c.word}`, `SK ${c.word}.pdf`] };
  },
  /** The public's comment on that version. */
  commentId: async (c) => {
    const [row] = await Standards.listComments(c.db, await c.need('versionId'));
    return { id: row!.id, texts: [row!.authorName, row!.body] };
  },
  /**
   * A submitted application of this tenant's unit, made through the applying use cases by a citizen of
   * this tenant: a service of its own with a published standard, offered at this tenant's mall. Its
   * contact name and answers are encrypted, so they show only on pages that decrypt them for the tenant.
   */
  /** A service of this tenant's unit with a published standard, offered online and at this tenant's mall. */
  publishedServiceId: async (c) => {
    const ctx = serviceCtx(c);
    const service = await Standards.createService(ctx, {
      serviceUnitId: await c.need('serviceUnitId'),
      code: code(c, 'AKTA'),
      name: `Akta Kelahiran ${c.word}`,
      summary: `Penerbitan akta kelahiran bagi penduduk wilayah ${c.word}.`,
      category: 'civil_registration',
      kind: 'non_licensing',
      audiences: ['citizen'],
      channels: 'both',
      locations: [{ mallId: await c.need('mallId') }],
    });
    let v = await Standards.createDraft(ctx, service.id);
    v = await Standards.saveContent(ctx, v.id, standardContent(), v.version);
    v = await Standards.submitForReview(ctx, v.id, { version: v.version });
    const today = new Date().toISOString().slice(0, 10);
    const decree = { decreeNumber: `470/${c.word.toUpperCase()}/2026`, decreeDate: today, signatory: `Kepala Dinas ${c.word}` };
    v = await Standards.ratify(ctx, v.id, { ...decree, version: v.version });
    await Standards.publish(ctx, v.id, { effectiveDate: today, version: v.version });
    return { id: service.id, texts: [service.code, service.name, service.slug, service.summary, decree.decreeNumber] };
  },
  /**
   * A submitted application of this tenant's unit, made through the applying use cases by a citizen of
   * this tenant on its published service. Its contact name and answers are encrypted, so they show only
   * on pages that decrypt them for the tenant.
   */
  applicationId: async (c) => {
    const serviceId = await c.need('publishedServiceId');
    const name = `Pemohon ${c.word} Wibisono`;
    const email = `pemohon.${c.word.toLowerCase()}@contoh.id`;
    const account = await sql<{ id: string }>`
      insert into identity.account (kind, email, name, email_verified_at) values ('citizen', ${email}, ${name}, now()) returning id`.execute(
      c.db,
    );
    const citizen: Actor = { kind: 'citizen', id: account.rows[0]!.id, name, sessionId: randomUUID() };
    const apply = { db: c.db, actor: citizen, keys: new KeyRing(testConfig()), files: createFileStore(testConfig()) };
    const pdf = Buffer.from(`%PDF-1.4\n% Berkas ${c.word}\n%%EOF\n`);
    let draft = await Apply.startApplication(apply, serviceId);
    draft = await Apply.saveAnswers(apply, draft.id, draft.version, { nik: c.tenant === 'A' ? '5103014507900001' : '7371011208850002' });
    await Apply.uploadDocument(apply, draft.id, 'ktp', pdf, `ktp-${c.word}.pdf`);
    await Apply.uploadDocument(apply, draft.id, 'kk', pdf, `kk-${c.word}.pdf`);
    const submitted = await Apply.submit(apply, draft.id, randomUUID());
    return { id: submitted.id, texts: [name, email, submitted.trackingNumber!, `ktp-${c.word}.pdf`] };
  },
  /**
   * An output issued for this tenant's application: a processor of this tenant's unit claims it and issues
   * the certificate generated from the unit's template (the application stays in process).
   */
  outputId: async (c) => {
    const applicationId = await c.need('applicationId');
    const unitId = await c.need('serviceUnitId');
    const name = `Pemroses ${c.word}`;
    const account = await sql<{ id: string }>`
      insert into identity.account (kind, email, name, email_verified_at)
      values ('staff', ${`pemroses.${c.word.toLowerCase()}@contoh.go.id`}, ${name}, now()) returning id`.execute(c.db);
    const processor: Actor = {
      kind: 'staff',
      id: account.rows[0]!.id,
      name,
      sessionId: randomUUID(),
      grants: [{ role: 'processor', scope: { kind: 'unit', id: unitId }, permissions: new Set(['applications.process']) }],
    };
    const ctx = { db: c.db, actor: processor, keys: new KeyRing(testConfig()), files: createFileStore(testConfig()) };
    const submitted = (await findApplication(c.db, applicationId))!;
    const claimed = await Process.claim(ctx, applicationId, submitted.version);
    const productName = `Kutipan Akta Kelahiran ${c.word}`;
    const issued = await issueOutput(
      ctx,
      applicationId,
      claimed.version,
      { productName, source: { generate: true } },
      { publicUrl: testConfig().publicUrl },
    );
    return { id: issued.outputId, texts: [issued.verificationCode, productName, name] };
  },
  /**
   * A staff member holding a role at this tenant's agency. Inserted directly, as a factory would: the
   * invitation flow needs mail and a token, and `createVerifiedAccount` hashes a password nobody uses
   * and does not return the grant.
   */
  grantId: async (c) => {
    const email = `staf.${c.word.toLowerCase()}@contoh.go.id`;
    const name = `Staf Admin ${c.word}`;
    const account = await sql<{ id: string }>`
      insert into identity.account (kind, email, name, email_verified_at) values ('staff', ${email}, ${name}, now()) returning id`.execute(
      c.db,
    );
    const accountId = account.rows[0]!.id;
    const grant = await sql<{ id: string }>`
      insert into identity.role_grant (account_id, role, scope_kind, scope_id)
      values (${accountId}, 'agency_admin', 'agency', ${await c.need('agencyId')}) returning id`.execute(c.db);
    return { id: grant.rows[0]!.id, texts: [accountId, email, name] };
  },
};

/** The keys every tenant has, whatever the routes ask for: its place in the organization tree. */
export const BASE_KEYS = ['agencyId', 'orgUnitId', 'serviceUnitId', 'mallId', 'boothId', 'counterId'];

/**
 * Builds tenants A and B with their records for `keys` (and BASE_KEYS), as a platform administrator
 * holding `permissions`. Keys without a builder in FIXTURES are returned in `missing` rather than
 * thrown, so that a test can name the routes that need them.
 */
export async function buildTenants(
  db: Db,
  options: { keys?: Iterable<string>; permissions?: Iterable<string> } = {},
): Promise<{ A: Tenant; B: Tenant; missing: string[] }> {
  await importRegions({ db }, REGIONS, { sourceVersion: 'tenants@1' });
  const admin = staffAt({ kind: 'platform' }, [Org.MANAGE, ...(options.permissions ?? [])], 'Admin Platform');
  const keys = options.keys ?? [];
  const wanted = [...new Set([...BASE_KEYS, ...keys])];
  const missing = wanted.filter((k) => !FIXTURES[k]);
  const build = async (name: TenantName): Promise<Tenant> => {
    const built = new Map<string, Promise<Fixture>>();
    const ctx: FixtureContext = {
      db,
      tenant: name,
      word: WORDS[name],
      place: PLACES[name],
      admin,
      need: async (key) => (await fixture(key)).id,
    };
    const fixture = (key: string): Promise<Fixture> => {
      const builder = FIXTURES[key];
      if (!builder) throw new Error(`no fixture builds a record for "${key}" (test/support/tenants.ts)`);
      if (!built.has(key)) built.set(key, builder(ctx));
      return built.get(key)!;
    };
    for (const key of wanted) if (FIXTURES[key]) await fixture(key);
    const ids: Record<string, string> = {};
    const texts = new Set<string>();
    for (const [key, promise] of built) {
      const f = await promise;
      ids[key] = f.id;
      texts.add(f.id);
      for (const t of f.texts) texts.add(t);
    }
    return { name, ids, texts: [...texts] };
  };
  return { A: await build('A'), B: await build('B'), missing };
}

/** A staff member holding `permissions` at one scope, for a test to inject as the request's actor. */
export function staffAt(scope: Scope, permissions: Iterable<string>, name: string): Actor {
  const grant: Grant = { role: 'tenant-test', scope, permissions: new Set(permissions) };
  return { kind: 'staff', id: randomUUID(), name, sessionId: randomUUID(), grants: [grant] };
}

/**
 * A fingerprint of every row in every table of the database (count and a hash of the rows, per table),
 * to show that a refused request changed nothing, not even an audit or outbox row.
 */
export async function fingerprint(db: Db): Promise<Map<string, string>> {
  const tables = await tablesOfDatabase(db);
  if (tables.length === 0) return new Map();
  const parts = tables.map(
    (t) =>
      sql`select ${sql.lit(t)} as t, count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from ${sql.table(t)} x`,
  );
  const { rows } = await sql<{ t: string; n: number; h: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

const tableLists = new WeakMap<object, Promise<string[]>>();

function tablesOfDatabase(db: Db): Promise<string[]> {
  if (!tableLists.has(db)) {
    tableLists.set(
      db,
      sql<{ name: string }>`
        select table_schema || '.' || table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg\\_%'
        order by 1`
        .execute(db)
        .then((r) => r.rows.map((row) => row.name)),
    );
  }
  return tableLists.get(db)!;
}
