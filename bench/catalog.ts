/**
 * `npm run bench -- --suite catalog`: the public catalog on a national-size catalog in a real PostgreSQL.
 *
 * Loads 100,000 services (bench/catalog-vocabulary.ts: the agencies of all 512 other regencies and cities,
 * with services such offices really publish, each with a published standard) plus the demo catalog the
 * tests use (so "akta kelahiran" finds Badung's real rows) into `satupintu_bench`, a database kept between
 * runs: a run reuses it when its comment records the same service count, migration checksums and
 * generator fingerprint, and loads it afresh otherwise.
 *
 * Then measures, against the whole app: `/healthz` before and after (the baseline), the search API with a
 * rotating set of realistic queries (all of them together, then each kind alone), and the service page
 * with rotating slugs. The search API runs with its result cache off, except on two rows that measure it on;
 * and, before any HTTP load, the search statement alone through a raw pg client, so
 * database time can be told from HTTP and rendering time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createHistogram, performance, type RecordableHistogram } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { importRegions, loadRegionSource } from '../src/modules/organizations/index.js';
import {
  CANDIDATE_LIMIT,
  catalogSearchStatement,
  setCatalogSearchCache,
  type CatalogQuery,
} from '../src/modules/standards/catalog.search.js';
import { CATALOG_SERVICES, seedCatalog, standardContent } from '../src/modules/standards/catalog.test-support.js';
import { loadConfig } from '../src/platform/config.js';
import { databaseOptionsFromConfig, openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate, readMigrations } from '../src/platform/db/migrator.js';
import { createLogger } from '../src/platform/log.js';
import { ROOT_DIR } from '../src/platform/paths.js';
import { AGENCY_TYPES, slugify } from './catalog-vocabulary.js';
import type { Measurement, Target } from './run.js';

export const BENCH_DATABASE = 'satupintu_bench';
/** Bump when the generated data changes in a way the fingerprint below cannot see. */
const GENERATOR_VERSION = 1;
/** The demo catalog's regencies: their services are the demo's own, not generated ones. */
const DEMO_REGENCIES = ['51.03', '73.71'];
/** How the comment on the bench database starts: what says the bench made it (and may drop it). */
const MARKER_PREFIX = '{"satupintuBench":"catalog",';
/** The search API's goal (the issue): p95 under this many milliseconds. */
const GOAL_P95_MS = 20;

export interface CatalogSuiteOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Generated services; the demo catalog comes on top. */
  services: number;
  /** Load afresh even when the database already holds this catalog. */
  reload: boolean;
  /** Drop the bench database at the end (it is kept by default, for the next run). */
  drop: boolean;
  /** Any database URL on the server to use; the suite connects to BENCH_DATABASE there. */
  serverUrl: string;
}

export interface SuiteHelpers {
  measure(target: Target): Promise<Measurement>;
  table(rows: string[][]): string;
  onCleanup(step: () => Promise<unknown>): void;
}

// ---------------------------------------------------------------------------------------------
// The queries: what people type into the catalog, and the filters they pick

type QueryKind = 'words' | 'phrases' | 'typos' | 'synonyms' | 'filters';

interface BenchQuery {
  kind: QueryKind;
  params: {
    q?: string;
    region?: string;
    category?: string;
    lifeEvent?: string;
    audience?: string;
    channel?: 'online' | 'counter';
    mallId?: string;
  };
}

const QUERY_TEXTS: Record<Exclude<QueryKind, 'filters'>, string[]> = {
  words: ['akta', 'izin', 'pajak', 'sertifikat', 'reklame', 'kelahiran', 'apotek', 'sampah', 'nikah', 'beasiswa', 'legalisir', 'bangunan'],
  phrases: [
    'akta kelahiran',
    'penerbitan akta kelahiran',
    'izin praktik dokter',
    'pajak bumi dan bangunan',
    'cara membuat kartu keluarga',
    'perpanjangan sim',
    'sambungan baru air minum',
    'surat keterangan pindah',
    'balik nama kendaraan',
    'uji kir',
    '"akta kematian"',
    'syarat izin usaha mikro',
  ],
  typos: [
    'akta kelahran',
    'kartu keluaga',
    'sertifkat tanah',
    'perpanjangn sim',
    'pajak bumi bangnan',
    'legalisr ijazah',
    'izin praktek dokter',
    'pendaftarn haji',
    'pasport',
    'sambungan air minun',
  ],
  synonyms: ['ktp', 'e-ktp', 'ktp-el', 'kartu tanda penduduk', 'kk', 'akte lahir', 'imb', 'pbg', 'jkn', 'nib', 'skck', 'sim'],
};

function benchQueries(demoMallId: string): BenchQuery[] {
  const texts = Object.entries(QUERY_TEXTS).flatMap(([kind, list]) => list.map((q) => ({ kind: kind as QueryKind, params: { q } })));
  const filters: BenchQuery['params'][] = [
    { q: 'akta', region: '51' },
    { q: 'izin', category: 'licensing', region: '35' },
    { category: 'transport' },
    { region: '73.71' },
    { q: 'ktp', region: '31' },
    { q: 'pajak', category: 'tax_and_levies' },
    { region: '51.03', lifeEvent: 'birth' },
    { q: 'akta kelahiran', region: '35.78' },
    { q: 'izin usaha', channel: 'online' },
    {},
    { lifeEvent: 'owning_vehicle', region: '32.73' },
    { q: 'sertifikat', audience: 'business', region: '33' },
    { q: 'akta', mallId: demoMallId },
  ];
  return [...texts, ...filters.map((params) => ({ kind: 'filters' as const, params }))];
}

const apiPath = (query: BenchQuery) => {
  const search = new URLSearchParams(Object.entries(query.params).filter((e): e is [string, string] => e[1] !== undefined));
  const text = search.toString();
  return `/api/v1/catalog/services${text ? `?${text}` : ''}`;
};

/** What the route hands searchCatalog for these parameters (ApiSearchQuery's defaults). */
const catalogQueryOf = (query: BenchQuery): CatalogQuery => ({ ...query.params, page: 1, pageSize: 20 });

const describe = (query: BenchQuery) =>
  Object.entries(query.params)
    .map(([k, v]) => (k === 'q' ? JSON.stringify(v) : `${k}=${k === 'mallId' ? 'MPP Badung' : v}`))
    .join(' ') || '(browse)';

// ---------------------------------------------------------------------------------------------
// The bench database: reused when it holds exactly this catalog, loaded afresh otherwise

interface LoadReport {
  reused: boolean;
  fingerprint: string;
  seconds?: number;
  steps?: Record<string, number>;
}

function fingerprintOf(services: number): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ GENERATOR_VERSION, services, DEMO_REGENCIES }));
  for (const m of readMigrations()) hash.update(`${m.name}:${m.checksum}\n`);
  hash.update(JSON.stringify(AGENCY_TYPES));
  hash.update(JSON.stringify(CATALOG_SERVICES));
  return hash.digest('hex').slice(0, 32);
}

async function onServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, application_name: 'satupintu-bench-admin' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function benchUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

/** Makes sure `satupintu_bench` holds the catalog for these options; returns its URL and what it did. */
export async function prepareCatalogDatabase(
  options: Pick<CatalogSuiteOptions, 'services' | 'reload' | 'serverUrl'>,
): Promise<{ url: string; load: LoadReport }> {
  const fingerprint = fingerprintOf(options.services);
  const marker = `${MARKER_PREFIX}${JSON.stringify({ services: options.services, fingerprint }).slice(1)}`;
  const current = await onServer(options.serverUrl, async (c) => {
    const r = await c.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [BENCH_DATABASE],
    );
    return r.rows[0];
  });
  const url = benchUrl(options.serverUrl);
  if (current && current.comment === marker && !options.reload) return { url, load: { reused: true, fingerprint } };

  // Only ever drop a database the bench made: a failed load also leaves its marker, without the fingerprint.
  if (current && !current.comment?.startsWith(MARKER_PREFIX)) {
    throw new Error(`a database ${BENCH_DATABASE} exists on this server but the bench did not make it; refusing to replace it`);
  }
  // The name is a constant, so interpolating it is safe. FORCE ends connections a killed run left behind.
  await onServer(options.serverUrl, async (c) => {
    if (current) await c.query(`drop database ${BENCH_DATABASE} with (force)`);
    await c.query(`create database ${BENCH_DATABASE}`);
    await c.query(`comment on database ${BENCH_DATABASE} is '${MARKER_PREFIX}"loading":true}'`);
  });
  const started = performance.now();
  const database = await openDatabase({ kind: 'postgres', url, applicationName: 'satupintu-bench-load' });
  let steps: Record<string, number>;
  try {
    steps = await loadCatalog(database, options.services);
  } finally {
    await database.close();
  }
  // Written last: a load that failed halfway leaves the "loading" marker, so the next run starts over.
  await onServer(options.serverUrl, (c) => c.query(`comment on database ${BENCH_DATABASE} is '${marker}'`));
  return { url, load: { reused: false, fingerprint, seconds: (performance.now() - started) / 1000, steps } };
}

/** Six valid standards that differ where the search results show them: time limit and fee. */
function contentVariants() {
  const perda = 'Peraturan Daerah tentang Pajak Daerah dan Retribusi Daerah';
  return [
    standardContent(),
    standardContent({
      timeLimit: { value: 5, unit: 'working_days', pausesWhileWaiting: true },
      fee: { free: false, items: [{ name: 'Retribusi pelayanan', amount: 50_000, legalBasis: perda }] },
    }),
    standardContent({ timeLimit: { value: 1, unit: 'hours', pausesWhileWaiting: false } }),
    standardContent({
      timeLimit: { value: 14, unit: 'working_days', pausesWhileWaiting: true },
      fee: { free: false, items: [{ name: 'Biaya layanan', amount: 150_000, legalBasis: perda }] },
    }),
    standardContent({ timeLimit: { value: 30, unit: 'minutes', pausesWhileWaiting: false } }),
    standardContent({
      timeLimit: { value: 7, unit: 'calendar_days', pausesWhileWaiting: true },
      fee: {
        free: false,
        items: [
          { name: 'Retribusi pemeriksaan', amount: 75_000, legalBasis: perda },
          { name: 'Biaya cetak dokumen', amount: 25_000, legalBasis: perda },
        ],
      },
    }),
  ];
}

/**
 * Migrates, then loads regions (idn-area-data, down to districts), the demo catalog, and `services`
 * generated services with their agencies, units, malls, booths, versions and places, in SQL
 * (insert … select), one transaction; then vacuums and analyzes. Returns seconds per step.
 */
async function loadCatalog(database: Database, services: number): Promise<Record<string, number>> {
  const steps: Record<string, number> = {};
  let t = performance.now();
  const step = (name: string) => {
    steps[name] = Number(((performance.now() - t) / 1000).toFixed(2));
    t = performance.now();
  };
  await migrate(database);
  step('migrate');
  await importRegions({ db: database.db }, await loadRegionSource({ villages: false }));
  step('regions');
  await seedCatalog(database.db);
  step('demo catalog');

  const types = AGENCY_TYPES.map((type, i) => ({
    idx: i + 1,
    code: type.code,
    agency_name: type.agencyName,
    agency_kind: type.agencyKind,
    unit_code: type.unitCode,
    unit_name: type.unitName,
    booth_name: type.boothName,
    blurb: type.blurb,
  }));
  const vocabulary = AGENCY_TYPES.flatMap((type, i) =>
    type.services.map(([name, keywords, traits = {}], rank) => ({
      type_idx: i + 1,
      rank: rank + 1,
      name,
      slug: slugify(name),
      keywords,
      category: traits.category ?? type.defaults.category,
      kind: traits.kind ?? type.defaults.kind,
      life_events: traits.lifeEvents ?? type.defaults.lifeEvents,
      audiences: traits.audiences ?? type.defaults.audiences,
      channels: traits.channels ?? type.defaults.channels,
    })),
  );

  await database.db.transaction().execute(async (tx) => {
    await sql`create temp table bench_type on commit drop as
      select * from jsonb_to_recordset(${JSON.stringify(types)}::jsonb)
        as x(idx int, code text, agency_name text, agency_kind text, unit_code text, unit_name text, booth_name text, blurb text)`.execute(
      tx,
    );
    await sql`create temp table bench_vocab on commit drop as
      select * from jsonb_to_recordset(${JSON.stringify(vocabulary)}::jsonb)
        as x(type_idx int, rank int, name text, slug text, keywords text, category text, kind text,
             life_events text[], audiences text[], channels text)`.execute(tx);
    await sql`create temp table bench_regency on commit drop as
      select r.code, initcap(r.name) as title, replace(r.code, '.', '') as digits, r.time_zone,
        trim(both '-' from regexp_replace(lower(r.name), '[^a-z0-9]+', '-', 'g')) as slug,
        coalesce((select min(d.code) from organizations.region d where d.parent_code = r.code), r.code) as district,
        (row_number() over (order by r.code))::int as n
      from organizations.region r
      where r.level = 'regency' and r.code <> all(${sql.val(DEMO_REGENCIES)}::text[])`.execute(tx);
    step('vocabulary');

    // One agency of each kind per regency, each with one service unit in the regency's first district.
    await sql`insert into organizations.agency (code, name, kind, region_code, created_at, updated_at)
      select t.code || '-' || g.digits, t.agency_name || ' ' || g.title, t.agency_kind, g.code, '2025-06-01', '2025-06-01'
      from bench_type t cross join bench_regency g`.execute(tx);
    await sql`insert into organizations.service_unit (agency_id, code, name, region_code, address, created_at, updated_at)
      select a.id, t.unit_code, t.unit_name, g.district,
        'Jl. ' || (array['Jenderal Sudirman', 'Ahmad Yani', 'Diponegoro', 'Gajah Mada', 'Pahlawan', 'Merdeka', 'Veteran', 'Imam Bonjol'])[1 + (t.idx + g.n) % 8]
          || ' No. ' || (1 + (t.idx * 7 + g.n) % 120) || ', ' || g.title,
        '2025-06-01', '2025-06-01'
      from bench_type t cross join bench_regency g join organizations.agency a on a.code = t.code || '-' || g.digits`.execute(tx);
    await sql`create temp table bench_unit on commit drop as
      select u.id as unit_id, u.agency_id, a.name as agency_name, t.idx as type_idx, g.code as regency
      from bench_type t cross join bench_regency g
      join organizations.agency a on a.code = t.code || '-' || g.digits
      join organizations.service_unit u on u.agency_id = a.id`.execute(tx);
    // A public service mall in every other regency, open Monday to Friday, with a booth for each agency.
    await sql`insert into organizations.mall (region_code, code, name, address, time_zone, created_at, updated_at)
      select g.code, 'MPP-' || g.digits, 'Mal Pelayanan Publik ' || g.title, 'Kompleks Perkantoran Pemerintah ' || g.title, g.time_zone,
        '2025-06-01', '2025-06-01'
      from bench_regency g where g.n % 2 = 1`.execute(tx);
    await sql`insert into organizations.mall_hours (mall_id, weekday, opens_at, closes_at)
      select m.id, d, '08:00', case when d = 5 then time '13:00' else time '15:30' end
      from organizations.mall m join bench_regency g on m.region_code = g.code and m.code = 'MPP-' || g.digits
      cross join generate_series(1, 5) d`.execute(tx);
    await sql`insert into organizations.booth (mall_id, service_unit_id, code, name, created_at, updated_at)
      select m.id, bu.unit_id, 'G' || lpad(bu.type_idx::text, 2, '0'), t.booth_name, '2025-06-01', '2025-06-01'
      from bench_unit bu join bench_type t on t.idx = bu.type_idx join bench_regency g on g.code = bu.regency
      join organizations.mall m on m.region_code = g.code and m.code = 'MPP-' || g.digits`.execute(tx);
    step('organizations');

    // Services by rank: every regency gets each agency's first service, then its second, … up to the count.
    const inserted = await sql<{ n: number }>`
      with combo as (
        select bu.unit_id, bu.agency_id, bu.agency_name, t.code as type_code, t.blurb, v.*, g.slug as regency_slug,
          row_number() over (order by v.rank, g.n, t.idx) as i
        from bench_vocab v
        join bench_type t on t.idx = v.type_idx
        join bench_unit bu on bu.type_idx = t.idx
        join bench_regency g on g.code = bu.regency
      ), ins as (
        insert into standards.service
          (service_unit_id, agency_id, code, slug, name, summary, keywords, category, kind, life_events, audiences, channels, created_at, updated_at)
        select unit_id, agency_id, type_code || '-' || lpad(rank::text, 2, '0'), slug || '-' || regency_slug, name,
          name || ' di ' || agency_name || '. ' || blurb, keywords, category, kind, life_events, audiences, channels,
          timestamptz '2025-07-01' + (i % 300) * interval '1 day', timestamptz '2025-07-01' + (i % 300) * interval '1 day'
        from combo where i <= ${services}
        returning 1
      )
      select count(*)::int as n from ins`.execute(tx);
    if (inserted.rows[0]!.n !== services) {
      throw new Error(`the vocabulary yields only ${inserted.rows[0]!.n} services; add services to bench/catalog-vocabulary.ts`);
    }
    step('services');

    // One published version each; one in ten also has an earlier, superseded one.
    const variants = contentVariants();
    await sql`create temp table bench_service on commit drop as
      select s.id, abs(hashtext(s.slug)) as h from standards.service s join bench_unit bu on bu.unit_id = s.service_unit_id`.execute(tx);
    await sql`insert into standards.standard_version
        (service_id, number, status, content, decree_number, decree_date, decree_signatory, effective_date, published_at, superseded_at,
         created_at, updated_at)
      select b.id, 1, case when b.h % 10 = 0 then 'superseded' else 'published' end,
        (${JSON.stringify(variants)}::jsonb) -> (b.h % ${variants.length}),
        '100.3.3/' || (b.h % 9000 + 1000) || '/HK/2025', date '2025-06-20', 'Kepala Dinas', date '2025-07-01',
        timestamptz '2025-07-01 01:00Z', case when b.h % 10 = 0 then timestamptz '2026-03-01 01:00Z' end,
        timestamptz '2025-06-15', timestamptz '2025-07-01'
      from bench_service b`.execute(tx);
    await sql`insert into standards.standard_version
        (service_id, number, status, content, decree_number, decree_date, decree_signatory, effective_date, published_at, created_at, updated_at)
      select b.id, 2, 'published', (${JSON.stringify(variants)}::jsonb) -> ((b.h + 1) % ${variants.length}),
        '100.3.3/' || (b.h % 9000 + 1000) || '/HK/2026', date '2026-02-20', 'Kepala Dinas', date '2026-03-01',
        timestamptz '2026-03-01 01:00Z', timestamptz '2026-02-01', timestamptz '2026-03-01'
      from bench_service b where b.h % 10 = 0`.execute(tx);
    step('versions');

    // Where a regency has a mall, three in four of its in-person services are offered there, mostly at the booth.
    await sql`insert into standards.service_location (service_id, mall_id, booth_id)
      select b.id, bo.mall_id, case when b.h % 8 = 0 then null else bo.id end
      from bench_service b join standards.service s on s.id = b.id
      join organizations.booth bo on bo.service_unit_id = s.service_unit_id
      where s.channels <> 'online' and b.h % 4 <> 0`.execute(tx);
    step('locations');
  });

  // What autovacuum would do eventually; measured plans must see settled statistics and a visibility map.
  for (const table of [
    'organizations.region',
    'organizations.agency',
    'organizations.service_unit',
    'organizations.mall',
    'organizations.booth',
    'standards.service',
    'standards.standard_version',
    'standards.service_location',
    'standards.catalog_entry',
  ]) {
    await sql`vacuum (analyze) ${sql.raw(table)}`.execute(database.db);
  }
  step('vacuum analyze');
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Measuring the search statement alone

interface Percentiles {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const newHistogram = () => createHistogram({ lowest: 1, highest: 60_000_000, figures: 3 });
const summarise = (h: RecordableHistogram): Percentiles => ({
  samples: h.count,
  p50: h.percentile(50) / 1000,
  p95: h.percentile(95) / 1000,
  p99: h.percentile(99) / 1000,
  max: h.max / 1000,
});
const recordMs = (h: RecordableHistogram, ms: number) => h.record(Math.max(1, Math.round(ms * 1000)));

interface SqlQueryResult {
  kind: QueryKind;
  query: string;
  apiPath: string;
  total: number;
  totalIsExact: boolean;
  first: string | null;
  latency: Percentiles;
}

interface SqlReport {
  sequential: { perQuery: SqlQueryResult[]; perKind: Record<string, Percentiles>; all: Percentiles };
  concurrent: { clients: number; seconds: number; statementsPerSecond: number; latency: Percentiles };
  explain: { query: string; p95: number; plan: string }[];
}

/**
 * Runs each query's statement, compiled exactly as searchCatalog compiles it, on raw pg clients: first one
 * at a time (database latency with nothing else running), then from `clients` connections in a closed
 * loop for `seconds` (the concurrency the HTTP runs use, without HTTP). EXPLAINs the three slowest.
 */
async function measureSql(url: string, database: Database, queries: BenchQuery[], clients: number, seconds: number): Promise<SqlReport> {
  const compiled = queries.map((q) => catalogSearchStatement(catalogQueryOf(q)).compile(database.db));
  const connect = async () => {
    const client = new pg.Client({ connectionString: url, application_name: 'satupintu-bench-sql' });
    await client.connect();
    return client;
  };

  const single = await connect();
  const perQuery: SqlQueryResult[] = [];
  const perKind = new Map<QueryKind, RecordableHistogram>();
  const all = newHistogram();
  try {
    for (const [i, query] of queries.entries()) {
      const { sql: text, parameters } = compiled[i]!;
      const h = newHistogram();
      let rows: { total: number | null; name: string | null }[] = [];
      for (let n = 0; n < 23; n++) {
        const t = performance.now();
        rows = (await single.query<(typeof rows)[number]>({ text, values: [...parameters] })).rows;
        // The first three warm the plan and the buffers.
        if (n >= 3) {
          const ms = performance.now() - t;
          recordMs(h, ms);
          recordMs(all, ms);
          const kind = perKind.get(query.kind) ?? newHistogram();
          recordMs(kind, ms);
          perKind.set(query.kind, kind);
        }
      }
      const total = Number(rows[0]?.total ?? 0);
      perQuery.push({
        kind: query.kind,
        query: describe(query),
        apiPath: apiPath(query),
        total: Math.min(total, CANDIDATE_LIMIT),
        totalIsExact: total <= CANDIDATE_LIMIT,
        first: rows[0]?.name ?? null,
        latency: summarise(h),
      });
    }
  } finally {
    await single.end();
  }

  const pool = await Promise.all(Array.from({ length: clients }, connect));
  const latency = newHistogram();
  let statements = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  try {
    await Promise.all(
      pool.map(async (client, c) => {
        // Each client starts at a different query, so the mix at any moment is the whole set.
        for (let n = Math.floor((c * compiled.length) / clients); performance.now() < until; n++) {
          const { sql: text, parameters } = compiled[n % compiled.length]!;
          const t = performance.now();
          await client.query({ text, values: [...parameters] });
          recordMs(latency, performance.now() - t);
          statements++;
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((client) => client.end()));
  }
  const elapsed = (performance.now() - started) / 1000;

  const slowest = [...perQuery.keys()].sort((a, b) => perQuery[b]!.latency.p95 - perQuery[a]!.latency.p95).slice(0, 3);
  const explain: SqlReport['explain'] = [];
  const client = await connect();
  try {
    for (const i of slowest) {
      const { sql: text, parameters } = compiled[i]!;
      const r = await client.query<{ 'QUERY PLAN': string }>({ text: `explain (analyze, buffers) ${text}`, values: [...parameters] });
      explain.push({ query: perQuery[i]!.query, p95: perQuery[i]!.latency.p95, plan: r.rows.map((row) => row['QUERY PLAN']).join('\n') });
    }
  } finally {
    await client.end();
  }

  return {
    sequential: {
      perQuery,
      perKind: Object.fromEntries([...perKind].map(([kind, h]) => [kind, summarise(h)])),
      all: summarise(all),
    },
    concurrent: { clients, seconds: elapsed, statementsPerSecond: statements / elapsed, latency: summarise(latency) },
    explain,
  };
}

// ---------------------------------------------------------------------------------------------
// The run

/** One request to every path of a target: a rotation with a failing member would measure error pages. */
async function check(base: string, target: Target, ok: (body: string, path: string) => string | undefined): Promise<number> {
  let bytes = 0;
  for (const path of target.paths ?? [new URL(target.url).pathname]) {
    const response = await fetch(`${base}${path}`, { headers: { ...target.headers, 'accept-encoding': 'identity' } });
    const body = await response.text();
    const problem = response.status !== 200 ? `status ${response.status}` : ok(body, path);
    if (problem) throw new Error(`preflight ${target.name} (${path}): ${problem}\n${body.slice(0, 300)}`);
    bytes += Buffer.byteLength(body);
  }
  return bytes / (target.paths?.length ?? 1);
}

const fixed = (n: number, digits: number) => n.toFixed(digits);
const times = (n: number) => `${n.toFixed(2)}×`;

export async function runCatalogSuite(options: CatalogSuiteOptions, helpers: SuiteHelpers): Promise<void> {
  const startedAt = new Date();
  const loadavgAtStart = loadavg();
  console.log(
    `Satupintu catalog bench: ${options.services} generated services + the demo catalog on PostgreSQL, ` +
      `${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured per target`,
  );
  console.log(`load average at start: ${loadavgAtStart.map((n) => n.toFixed(2)).join(' ')} (${cpus().length} CPUs)`);

  const { url, load } = await prepareCatalogDatabase(options);
  if (options.drop) {
    helpers.onCleanup(() => onServer(options.serverUrl, (c) => c.query(`drop database if exists ${BENCH_DATABASE} with (force)`)));
  }
  console.log(
    load.reused
      ? `database: ${BENCH_DATABASE} reused (already holds this catalog, fingerprint ${load.fingerprint})`
      : `database: ${BENCH_DATABASE} loaded in ${fixed(load.seconds!, 1)} s (${Object.entries(load.steps!)
          .map(([k, v]) => `${k} ${v} s`)
          .join(', ')})`,
  );

  const config = loadConfig({
    DATABASE_URL: url,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    LOG_PRETTY: 'false',
    SEED_DEMO: 'false',
    RATE_LIMIT_MAX: '1000000000',
  });
  const database = await openDatabase(databaseOptionsFromConfig(config));
  helpers.onCleanup(() => database.close());
  await migrate(database);

  const counts = (
    await sql<{ services: number; published: number; agencies: number; units: number; malls: number; locations: number; version: string }>`
      select (select count(*)::int from standards.service) as services,
        (select count(*)::int from standards.standard_version where status = 'published') as published,
        (select count(*)::int from organizations.agency) as agencies,
        (select count(*)::int from organizations.service_unit) as units,
        (select count(*)::int from organizations.mall) as malls,
        (select count(*)::int from standards.service_location) as locations,
        current_setting('server_version') as version`.execute(database.db)
  ).rows[0]!;
  console.log(
    `catalog: ${counts.services} services (${counts.published} published standards), ${counts.agencies} agencies, ${counts.units} units, ` +
      `${counts.malls} malls, ${counts.locations} service locations; PostgreSQL ${counts.version}`,
  );
  const demoMall = (await sql<{ id: string }>`select id from organizations.mall where code = 'MPP-BADUNG'`.execute(database.db)).rows[0]!
    .id;
  // Pages of services spread over the whole catalog (a fixed sample, the same every run), plus the demo's own.
  const slugs = (
    await sql<{ slug: string }>`
      (select s.slug from standards.service s where s.active order by md5(s.slug) limit 190)
      union all
      (select s.slug from standards.service s where s.active and s.slug = any(${sql.val(CATALOG_SERVICES.map((x) => x.slug))}::text[])
        and exists (select 1 from standards.standard_version v where v.service_id = s.id and v.status = 'published'))`.execute(database.db)
  ).rows.map((r) => r.slug);

  const queries = benchQueries(demoMall);

  const app = await buildApp({ config, database, logger: createLogger(config) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  helpers.onCleanup(() => app.close());
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server is not listening on TCP');
  const base = `http://127.0.0.1:${address.port}`;

  const json = { accept: 'application/json' };
  const searchTarget = (name: string, description: string, list: BenchQuery[], connections?: number): Target => ({
    name,
    description,
    url: `${base}${apiPath(list[0]!)}`,
    paths: list.map(apiPath),
    headers: json,
    ...(connections === undefined ? {} : { connections }),
  });
  const kinds: QueryKind[] = ['words', 'phrases', 'typos', 'synonyms', 'filters'];
  // The search API is measured without its result cache (every request runs the statement) except on these
  // two rows, which measure what a repeated query costs with it.
  const CACHED = 'search API, all, cached';
  const CACHED_1 = 'search API, all, cached, 1 conn';
  const cachedTargets = new Set([CACHED, CACHED_1]);
  setCatalogSearchCache(false);
  const healthz: Target = { name: '/healthz', description: 'app, JSON, no database', url: `${base}/healthz`, headers: {} };
  const targets: Target[] = [
    searchTarget('search API, all queries', `GET /api/v1/catalog/services, ${queries.length} queries in rotation`, queries),
    searchTarget('search API, all, 1 connection', 'the same rotation from one connection: latency without queueing', queries, 1),
    searchTarget(CACHED, 'the same rotation with the in-process result cache on (every query repeats within its TTL)', queries),
    searchTarget(CACHED_1, 'the same, from one connection', queries, 1),
    ...kinds.map((kind) =>
      searchTarget(
        `search API, ${kind}`,
        `the ${kind} queries only`,
        queries.filter((q) => q.kind === kind),
      ),
    ),
    {
      name: '/layanan/:slug (page, id)',
      description: `service page, ${slugs.length} slugs in rotation, Accept-Language: id, uncompressed`,
      url: `${base}/layanan/${slugs[0]}`,
      paths: slugs.map((slug) => `/layanan/${slug}`),
      headers: { 'accept-language': 'id', accept: 'text/html' },
    },
  ];

  console.log('checking every query and page once ...');
  const responseBytes: Record<string, number> = {};
  responseBytes[healthz.name] = await check(base, healthz, (body) => (body.includes('ok') ? undefined : 'unexpected body'));
  const akta = await fetch(`${base}/api/v1/catalog/services?q=akta%20kelahiran`).then(
    (r) => r.json() as Promise<{ items: { name: string; url: string }[] }>,
  );
  if (!akta.items.some((item) => item.url.endsWith('/layanan/penerbitan-akta-kelahiran'))) {
    console.log('Note: "akta kelahiran" does not list the demo catalog\'s Badung service on its first page.');
  }
  for (const target of targets.slice(0, 2)) {
    responseBytes[target.name] = await check(base, target, (body) =>
      Array.isArray((JSON.parse(body) as { items?: unknown }).items) ? undefined : 'no items',
    );
  }
  const page = targets.at(-1)!;
  responseBytes[page.name] = await check(base, page, (body) => (body.includes('lang="id"') ? undefined : 'not the Indonesian page'));

  console.log(
    `SQL only: each of ${queries.length} search statements 20 times on one raw pg connection, then all of them from ${options.connections} connections for ${options.durationSeconds} s ...`,
  );
  const sqlReport = await measureSql(url, database, queries, options.connections, options.durationSeconds);

  const progress = (name: string) =>
    process.stdout.write(`  ${name.padEnd(34)} ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s ... `);
  const done = (m: Measurement) => console.log(`${Math.round(m.requestsPerSecond)} req/s`);
  console.log('measuring:');
  progress(`${healthz.name} (before)`);
  const before = await helpers.measure(healthz);
  done(before);
  const measured: Measurement[] = [];
  for (const target of targets) {
    setCatalogSearchCache(cachedTargets.has(target.name));
    progress(target.name);
    const m = await helpers.measure(target);
    done(m);
    measured.push(m);
  }
  progress(`${healthz.name} (after)`);
  const after = await helpers.measure(healthz);
  done(after);
  const finishedAt = new Date();

  const mean = (a: number, b: number) => (a + b) / 2;
  const baseline = {
    requestsPerSecond: mean(before.requestsPerSecond, after.requestsPerSecond),
    p50: mean(before.latency.p50, after.latency.p50),
    p95: mean(before.latency.p95, after.latency.p95),
    p99: mean(before.latency.p99, after.latency.p99),
  };
  const driftPercent = ((after.requestsPerSecond - before.requestsPerSecond) / before.requestsPerSecond) * 100;
  const ratiosOf = (m: Measurement) => ({
    requestsPerSecond: m.requestsPerSecond / baseline.requestsPerSecond,
    p50: m.latency.p50 / baseline.p50,
    p95: m.latency.p95 / baseline.p95,
    p99: m.latency.p99 / baseline.p99,
  });
  const connectionsOf = (m: Measurement) => String(targets.find((t) => t.name === m.target)?.connections ?? options.connections);
  const row = (label: string, m: Measurement, conns: string, r?: ReturnType<typeof ratiosOf>) => [
    label,
    conns,
    fixed(m.requestsPerSecond, 0),
    r ? times(r.requestsPerSecond) : '',
    fixed(m.latency.p50, 2),
    r ? times(r.p50) : '',
    fixed(m.latency.p95, 2),
    r ? times(r.p95) : '',
    fixed(m.latency.p99, 2),
    r ? times(r.p99) : '',
    String(m.errors),
    String(m.non2xx),
    fixed(m.bytesPerResponse, 0),
    `${fixed(m.serverCpuPercent, 0)}%`,
    fixed(m.serverEventLoopUtilization, 2),
    `${fixed(m.loadgenCpuPercent, 0)}%`,
    m.otherCpuPercent === undefined ? '' : `${fixed(m.otherCpuPercent, 0)}%`,
  ];
  const header = [
    'target',
    'conn',
    'req/s',
    'rps/base',
    'p50 ms',
    'p50/base',
    'p95 ms',
    'p95/base',
    'p99 ms',
    'p99/base',
    'errors',
    'non-2xx',
    'resp B',
    'srv CPU',
    'srv ELU',
    'gen CPU',
    'other CPU',
  ];
  const baseRow: Measurement = {
    ...before,
    requestsPerSecond: baseline.requestsPerSecond,
    latency: { mean: 0, p50: baseline.p50, p90: 0, p95: baseline.p95, p99: baseline.p99, max: 0 },
    errors: before.errors + after.errors,
    non2xx: before.non2xx + after.non2xx,
    bytesPerResponse: mean(before.bytesPerResponse, after.bytesPerResponse),
    serverCpuPercent: mean(before.serverCpuPercent, after.serverCpuPercent),
    serverEventLoopUtilization: mean(before.serverEventLoopUtilization, after.serverEventLoopUtilization),
    loadgenCpuPercent: mean(before.loadgenCpuPercent, after.loadgenCpuPercent),
    ...(before.otherCpuPercent !== undefined && after.otherCpuPercent !== undefined
      ? { otherCpuPercent: mean(before.otherCpuPercent, after.otherCpuPercent) }
      : {}),
  };

  console.log(
    `\nPostgreSQL ${counts.version} server, ${counts.services} services; Node ${process.version}, Fastify ${app.version}, ${cpus().length} CPUs; ` +
      `${options.durationSeconds} s per target after ${options.warmupSeconds} s warm-up\n`,
  );
  console.log(
    helpers.table([
      header,
      row('/healthz (before)', before, String(options.connections)),
      row('/healthz (after)', after, String(options.connections)),
      row('/healthz (mean = base)', baseRow, String(options.connections)),
      ...measured.map((m) => row(m.target, m, connectionsOf(m), ratiosOf(m))),
    ]),
  );
  console.log(
    `\nBaseline = mean of /healthz before and after; it drifted ${driftPercent >= 0 ? '+' : ''}${fixed(driftPercent, 1)}%` +
      `${Math.abs(driftPercent) > 10 ? ' (more than 10%: the machine was noisy, treat ratios with care)' : ''}. ` +
      'x/base = the target divided by /healthz (rps: share of its throughput kept; latency: times slower). ' +
      'other CPU is the rest of the machine, mostly the PostgreSQL backends.',
  );

  const s = sqlReport.sequential;
  console.log(`\nSearch statement alone (raw pg client, no HTTP), ms:\n`);
  console.log(
    helpers.table([
      ['queries', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      ...kinds.map((kind) => {
        const p = s.perKind[kind]!;
        return [`${kind}, one at a time`, String(p.samples), fixed(p.p50, 2), fixed(p.p95, 2), fixed(p.p99, 2), fixed(p.max, 2)];
      }),
      ['all, one at a time', String(s.all.samples), fixed(s.all.p50, 2), fixed(s.all.p95, 2), fixed(s.all.p99, 2), fixed(s.all.max, 2)],
      [
        `all, ${sqlReport.concurrent.clients} connections (${fixed(sqlReport.concurrent.statementsPerSecond, 0)}/s)`,
        String(sqlReport.concurrent.latency.samples),
        fixed(sqlReport.concurrent.latency.p50, 2),
        fixed(sqlReport.concurrent.latency.p95, 2),
        fixed(sqlReport.concurrent.latency.p99, 2),
        fixed(sqlReport.concurrent.latency.max, 2),
      ],
    ]),
  );
  console.log(`\nPer query, one at a time (matches, counted up to ${CANDIDATE_LIMIT}; the first hit):\n`);
  console.log(
    helpers.table([
      ['kind', 'query', 'p50 ms', 'p95 ms', 'matches', 'first hit'],
      ...s.perQuery.map((q) => [
        q.kind,
        q.query,
        fixed(q.latency.p50, 2),
        fixed(q.latency.p95, 2),
        `${q.totalIsExact ? '' : '>'}${q.total}`,
        q.first ?? '(none)',
      ]),
    ]),
  );

  const headline = measured[0]!;
  const uncached = measured.filter((m) => m.target.startsWith('search API') && !cachedTargets.has(m.target));
  const worst = [...uncached].sort((a, b) => b.latency.p95 - a.latency.p95)[0]!;
  const goalMet = worst.latency.p95 < GOAL_P95_MS;
  const p95Of = (name: string) => {
    const m = measured.find((x) => x.target === name)!;
    return `p95 ${fixed(m.latency.p95, 2)} ms (${times(ratiosOf(m).p95)} /healthz)`;
  };
  console.log(
    `\nGoal: search API p95 under ${GOAL_P95_MS} ms. Uncached, all queries: at 1 connection (latency) ${p95Of('search API, all, 1 connection')}, ` +
      `at ${options.connections} connections (throughput) ${p95Of(headline.target)}; worst uncached row: ${worst.target} ` +
      `p95 ${fixed(worst.latency.p95, 2)} ms: ${goalMet ? 'met' : 'NOT met'}. Cached: at 1 connection ${p95Of(CACHED_1)}, ` +
      `at ${options.connections} connections ${p95Of(CACHED)}.`,
  );
  if (!goalMet) {
    console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the slowest statements (also in the JSON report):');
    for (const e of sqlReport.explain) console.log(`\n-- ${e.query} (p95 ${fixed(e.p95, 2)} ms alone)\n${e.plan}`);
  } else {
    console.log(
      `Slowest statements alone: ${sqlReport.explain.map((e) => `${e.query} ${fixed(e.p95, 2)} ms`).join(', ')} (plans in the JSON report).`,
    );
  }

  const outDir = join(ROOT_DIR, 'artifacts', 'bench');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}-catalog.json`);
  const report = {
    suite: 'catalog',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    options: { ...options, serverUrl: undefined },
    database: { name: BENCH_DATABASE, version: counts.version, load, counts },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      totalMemoryBytes: totalmem(),
      loadavgAtStart,
      loadavgAtEnd: loadavg(),
      platform: process.platform,
    },
    versions: { node: process.version, fastify: app.version },
    method:
      'App in the bench process on the bench database; autocannon in a forked child process cycling through the paths of each target; warm-up discarded; ratios against the mean of /healthz before and after. SQL: the statement searchCatalog runs, compiled the same way, on raw pg clients before any HTTP load.',
    queries: queries.map((q) => ({ kind: q.kind, params: q.params, path: apiPath(q) })),
    slugs,
    responseBytes,
    baseline: { before, after, mean: baseline, driftPercent },
    targets: measured.map((m) => ({ ...m, description: targets.find((t) => t.name === m.target)?.description, ratios: ratiosOf(m) })),
    sql: sqlReport,
    goal: {
      p95Ms: GOAL_P95_MS,
      met: goalMet,
      worstSearchTarget: worst.target,
      worstSearchP95: worst.latency.p95,
      cachedTargets: [...cachedTargets],
    },
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten: ${file}`);
  if (!options.drop) console.log(`${BENCH_DATABASE} kept for the next run (--drop removes it at the end).`);
}
