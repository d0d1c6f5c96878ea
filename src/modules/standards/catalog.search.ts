import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Fee, TimeLimit } from './standards.content.js';

/**
 * The public catalog's search: one SQL statement, the same on PGlite and PostgreSQL.
 *
 * How it stays fast on 100,000 services (plans read with EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL 15;
 * catalog.search.test.ts checks on both databases that the indexes serve it). Measured 2026-12-07 by
 * `npm run bench -- --suite catalog` on a 2-core machine overloaded by other test runs (load average
 * 10–12): the statement alone p50 21 ms / p95 51 ms (before these changes, at load average 3: 12 / 33);
 * side by side with the previous statement in the same minutes, synonym queries ("ktp", "e-ktp") 30%
 * faster at p50, phrases 20%, words 15%, filters and typos about the same. A repeated query answered
 * from the cache: p50 1–4.5 ms at one connection. bench/README.md has the tables.
 *
 *
 * - `fts` finds candidates through `service_search_idx` (GIN over the generated `search` tsvector) with a
 *   Bitmap Index Scan on `search @@ $tsquery`. The tsquery is built once, in the `q` CTE, and handed to
 *   the scan as an InitPlan parameter, so the index condition is a constant, not a per-row call. The query
 *   is the Indonesian-stemmed reading OR'd with the unstemmed `simple` one ('kelahiran' → 'lahir', while
 *   'e-ktp' and codes stay as typed), and synonym groups (KTP ↔ e-KTP ↔ kartu tanda penduduk …) are OR'd
 *   inside it, so expansion costs no extra scan.
 * - `fuzzy` is for typos. It uses `service_name_trgm_idx` (pg_trgm GIN over lower(name || ' ' || keywords),
 *   the very expression, so the planner matches it) with `%>` (word_similarity ≥ pg_trgm's threshold,
 *   0.6 by default). A trigram match is loose ('akta kelahiran' is "similar" to every name with 'akta'
 *   in it), so it only runs when full text found (almost) nothing: its `(select count(*) from fts) < N`
 *   is a one-time filter, and when it is false the trigram index is never touched.
 * - Both candidate sets are capped (CANDIDATE_LIMIT, FUZZY_LIMIT). A GIN index returns matches in no
 *   useful order, so a word such as "izin" that matches a third of the country would otherwise make the
 *   database read and rank tens of thousands of rows (measured: 25,000 matches cost ~120 ms for the heap
 *   reads alone). Past the cap the page says "more than 500" and asks for a filter; below it (any
 *   specific query, or most queries with a region) the ranking is exact.
 * - Ranking runs on the capped candidates only, in two steps. `ranked` pre-ranks them cheaply by ts_rank
 *   over the stemmed reading (the simple one adds matches, not order) with weights (name and keywords A,
 *   the unstemmed keywords B, the summary C; normalised by document length) and keeps PRE_RANK_LIMIT,
 *   exact name matches first. `page` scores those 100 only: ts_rank_cd with the same weights (cover
 *   density over a synonym group's OR'd phrases costs ~20 µs a row, measured over 20,000 rows: 400 ms
 *   against 40 ms for a one-word query; ts_rank ~2 µs) plus how closely the name holds the query
 *   (word_similarity: the words in order, typos forgiven) and, at half weight, how close the whole name
 *   is to it (similarity: "Penerbitan Akta Kelahiran" beats a longer name holding the same words), ~5 µs
 *   a row each; an exact name match always comes first. Within the pre-ranked 100 the order is the one
 *   the full score gives.
 * - Region and mall filters are `= any(array(subquery))`, so the planner can BitmapAnd them with the
 *   full-text bitmap (service_unit_idx, service_pkey) instead of reading every match to test them; the
 *   malls of a region are looked up first so their services come from `service_location_mall_idx`
 *   rather than a hash join over every service location.
 * - The published version is checked with `exists` on `standard_version_published_uq` (partial unique
 *   index on service_id where status = 'published'), and its content (time limit, fee) is read for the
 *   20 rows of the page only, after the limit, never for every match.
 * - Browsing (no query) walks `service_slug_uq` in slug order and stops after the cap, so the first page
 *   of 100,000 services reads a few dozen index entries instead of sorting them all. Slugs are made from
 *   names, so slug order reads as alphabetical.
 * - Filters are plain indexed predicates: agency (`service_agency_idx`), unit (`service_unit_idx`), life
 *   event (`service_life_events_idx`, GIN with `@>`), mall (`service_location` primary key / mall index);
 *   a region is a code prefix of the unit's region or of a mall that offers the service.
 * - searchCatalog keeps answers in memory (CACHE_TTL_MS, CACHE_MAX_ENTRIES) keyed by the query and by
 *   `standards.catalog_version`, a counter triggers bump in the transaction of any write that can change
 *   a result (a service, its places, a version becoming or ceasing to be published, agency/unit/mall
 *   names and regions). A repeated query costs one primary-key read; a change shows at once.
 */

/** How many full-text matches are ranked at most; more means "more than this, refine". */
export const CANDIDATE_LIMIT = 500;
const FUZZY_LIMIT = 100;
/** Candidates kept, by full-text rank, for the trigram part of the ranking (the costly part per row). */
const PRE_RANK_LIMIT = 100;
/** Typo matching steps in only when full text found fewer than this many services. */
const FUZZY_WHEN_FEWER_THAN = 3;

/**
 * Words Indonesians use for the same thing: a query word from a group matches every spelling in it.
 * Lowercase; a multi-word entry is matched as a phrase.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['ktp', 'ktp-el', 'e-ktp', 'ektp', 'ktp elektronik', 'kartu tanda penduduk'],
  ['kk', 'kartu keluarga'],
  ['sim', 'surat izin mengemudi'],
  ['akta', 'akte'],
  ['nib', 'nomor induk berusaha'],
  ['pbg', 'imb', 'persetujuan bangunan gedung', 'izin mendirikan bangunan'],
  ['bpjs', 'jkn', 'jaminan kesehatan nasional'],
  ['pdam', 'air minum'],
  ['skck', 'surat keterangan catatan kepolisian'],
  ['npwp', 'nomor pokok wajib pajak'],
];

/**
 * Words of a question that say nothing about which service is meant ("cara membuat ktp" → "ktp").
 * Without them an AND query would demand "cara" in the service's text. Dropped only when something is left.
 */
const FILLER_WORDS = new Set([
  'cara',
  'bagaimana',
  'gimana',
  'mengurus',
  'urus',
  'ngurus',
  'membuat',
  'buat',
  'bikin',
  'mendapatkan',
  'syarat',
  'persyaratan',
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'saya',
  'mau',
  'ingin',
  'layanan',
  'pelayanan',
]);

export interface ParsedQuery {
  /** The query as compared with names (lowercase, filler words dropped): trigram similarity and exact match. */
  text: string;
  /** Words outside any synonym group, for websearch_to_tsquery (which never fails on odd input). */
  rest: string;
  /** Synonym groups the query named, each OR'd; groups and `rest` are AND'ed. */
  groups: (readonly string[])[];
}

const byAlternative = new Map<string, number>();
SYNONYM_GROUPS.forEach((group, index) => group.forEach((alt) => byAlternative.set(alt, index)));
const LONGEST_ALTERNATIVE = Math.max(...SYNONYM_GROUPS.flat().map((alt) => alt.split(' ').length));

/** Reads what a person typed; undefined when there is nothing to search for (browse instead). */
export function parseQuery(raw: string | undefined): ParsedQuery | undefined {
  const cleaned = (raw ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .slice(0, 200)
    // Letters, digits, hyphens and quotes carry meaning for websearch_to_tsquery; the rest separates words.
    .replace(/[^\p{L}\p{N}"\s-]+/gu, ' ')
    .trim();
  const words = cleaned.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return undefined;
  // A quoted phrase is the person's own precise query: leave it to websearch_to_tsquery as typed.
  if (cleaned.includes('"')) return { text: words.join(' ').replace(/"/g, ''), rest: cleaned, groups: [] };
  const meaningful = words.filter((w) => !FILLER_WORDS.has(w));
  const tokens = meaningful.length > 0 ? meaningful : words;
  const rest: string[] = [];
  const groups = new Set<number>();
  for (let i = 0; i < tokens.length;) {
    let matched = 0;
    for (let n = Math.min(LONGEST_ALTERNATIVE, tokens.length - i); n >= 1 && matched === 0; n--) {
      const group = byAlternative.get(tokens.slice(i, i + n).join(' '));
      if (group !== undefined) {
        groups.add(group);
        matched = n;
      }
    }
    if (matched === 0) {
      rest.push(tokens[i]!);
      i++;
    } else {
      i += matched;
    }
  }
  return { text: tokens.join(' '), rest: rest.join(' '), groups: [...groups].map((g) => SYNONYM_GROUPS[g]!) };
}

export const CHANNEL_FILTERS = ['online', 'counter'] as const;

export interface CatalogFilters {
  /** A Kemendagri code (51, 51.03, …): services of units in that region or offered at a mall there. */
  region?: string | undefined;
  agencyId?: string | undefined;
  serviceUnitId?: string | undefined;
  mallId?: string | undefined;
  category?: string | undefined;
  lifeEvent?: string | undefined;
  audience?: string | undefined;
  /** Services one can use this way (a service offered both ways matches either). */
  channel?: (typeof CHANNEL_FILTERS)[number] | undefined;
}

export interface CatalogQuery extends CatalogFilters {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface CatalogHit {
  id: string;
  slug: string;
  name: string;
  summary: string;
  category: string;
  channels: 'online' | 'counter' | 'both';
  serviceUnitId: string;
  unitName: string;
  agencyId: string;
  agencyName: string;
  timeLimit: TimeLimit | null;
  fee: Fee | null;
}

export interface CatalogPage {
  items: CatalogHit[];
  page: number;
  pageSize: number;
  /** Matches, up to CANDIDATE_LIMIT. */
  total: number;
  /** False when there were more matches than CANDIDATE_LIMIT: `total` is then a lower bound. */
  totalIsExact: boolean;
  /** How the query was read, for the page to say what it searched for. */
  query: ParsedQuery | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw SQL over this module's and organizations' tables
type AnyDb = Kysely<any>;

/** The predicates every candidate must meet: listed, published, and inside the filters. */
function filtersOf(f: CatalogFilters): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [
    sql`s.active`,
    sql`exists (select 1 from standards.standard_version pv where pv.service_id = s.id and pv.status = 'published')`,
  ];
  if (f.agencyId) where.push(sql`s.agency_id = ${f.agencyId}`);
  if (f.serviceUnitId) where.push(sql`s.service_unit_id = ${f.serviceUnitId}`);
  if (f.category) where.push(sql`s.category = ${f.category}`);
  if (f.lifeEvent) where.push(sql`s.life_events @> array[${f.lifeEvent}]::text[]`);
  if (f.audience) where.push(sql`s.audiences @> array[${f.audience}]::text[]`);
  if (f.channel) where.push(sql`s.channels in (${f.channel}, 'both')`);
  if (f.mallId) {
    where.push(sql`s.id = any(array(select fl.service_id from standards.service_location fl where fl.mall_id = ${f.mallId}))`);
  }
  if (f.region) {
    // Codes are validated digits and dots, so the prefix needs no LIKE escaping.
    const prefix = `${f.region}.%`;
    where.push(sql`(
      s.service_unit_id = any(array(
        select ru.id from organizations.service_unit ru where ru.region_code = ${f.region} or ru.region_code like ${prefix}
      ))
      or s.id = any(array(
        select rl.service_id from standards.service_location rl where rl.mall_id = any(array(
          select rm.id from organizations.mall rm where rm.region_code = ${f.region} or rm.region_code like ${prefix}
        ))
      ))
    )`);
  }
  return sql.join(where, sql` and `);
}

/** The tsquery of a parsed query, in one configuration: `rest` AND each group (its spellings OR'd). */
function tsqueryIn(config: 'indonesian' | 'simple', query: ParsedQuery): RawBuilder<unknown> {
  const cfg = sql.lit(config);
  const parts: RawBuilder<unknown>[] = [];
  if (query.rest) parts.push(sql`websearch_to_tsquery(${cfg}, ${query.rest})`);
  for (const group of query.groups) {
    parts.push(
      sql`(${sql.join(
        group.map((alt) => sql`phraseto_tsquery(${cfg}, ${alt})`),
        sql` || `,
      )})`,
    );
  }
  return sql.join(
    parts.map((p) => sql`(${p})`),
    sql` && `,
  );
}

interface Row extends Partial<Omit<CatalogHit, 'timeLimit' | 'fee'>> {
  total: number;
  /** standards.catalog_version in the statement's snapshot: what a cached answer is valid for. */
  catalogVersion: string;
  timeLimit: TimeLimit | null;
  fee: Fee | null;
}

/** The one statement behind searchCatalog, exposed so the plan can be inspected (EXPLAIN) in tests and benches. */
export function catalogSearchStatement(input: CatalogQuery, query: ParsedQuery | undefined = parseQuery(input.q)): RawBuilder<Row> {
  const filters = filtersOf(input);
  const offset = (input.page - 1) * input.pageSize;
  // One more than the cap, to tell "exactly the cap" from "more than the cap".
  const cap = CANDIDATE_LIMIT + 1;

  const candidates = query
    ? sql`
      q as (select stemmed || (${tsqueryIn('simple', query)}) as tsq, stemmed from (select ${tsqueryIn('indonesian', query)} as stemmed) i),
      fts as materialized (
        select s.id from standards.service s
        where s.search @@ (select tsq from q) and ${filters}
        limit ${cap}
      ),
      fuzzy as materialized (
        select s.id from standards.service s
        where (select count(*) from fts) < ${FUZZY_WHEN_FEWER_THAN}
          and lower(s.name || ' ' || s.keywords) %> ${query.text} and ${filters}
        limit ${FUZZY_LIMIT}
      ),
      cand as (select id from fts union select id from fuzzy),
      ranked as materialized (
        select s.id, s.slug, s.name, s.summary, s.category, s.channels, s.service_unit_id, s.search,
          (lower(s.name) = ${query.text}) as exact,
          ts_rank('{0.1,0.2,0.4,1.0}'::float4[], s.search, (select stemmed from q), 1) as text_rank
        from standards.service s
        where s.id in (select id from cand)
        order by exact desc, text_rank desc
        limit ${Math.max(PRE_RANK_LIMIT, offset + input.pageSize)}
      ),
      page as (
        select r.id, r.slug, r.name, r.summary, r.category, r.channels, r.service_unit_id, r.exact,
          ts_rank_cd('{0.1,0.2,0.4,1.0}'::float4[], r.search, (select stemmed from q), 1)
            + word_similarity(${query.text}, lower(r.name)) + 0.5 * similarity(${query.text}, lower(r.name)) as score
        from ranked r
        order by r.exact desc, score desc, r.name, r.slug
        limit ${input.pageSize} offset ${offset}
      )`
    : sql`
      cand as materialized (
        select s.id, s.slug from standards.service s where ${filters} order by s.slug limit ${cap}
      ),
      page as (
        select s.id, s.slug, s.name, s.summary, s.category, s.channels, s.service_unit_id, false as exact, 0::float8 as score
        from cand c join standards.service s on s.id = c.id
        order by c.slug
        limit ${input.pageSize} offset ${offset}
      )`;

  // The count row always comes back, so a page past the end still knows the total.
  return sql<Row>`
    with ${candidates}
    select n.total, (select cv.n::text from standards.catalog_version cv) as catalog_version, p.id, p.slug, p.name, p.summary, p.category, p.channels, p.service_unit_id,
      u.name as unit_name, a.id as agency_id, a.name as agency_name,
      v.content -> 'timeLimit' as time_limit, v.content -> 'fee' as fee
    from (select count(*)::int as total from cand) n
    left join (
      page p
      join standards.standard_version v on v.service_id = p.id and v.status = 'published'
      join organizations.service_unit u on u.id = p.service_unit_id
      join organizations.agency a on a.id = u.agency_id
    ) on true
    order by p.exact desc, p.score desc, ${query ? sql`p.name, p.slug` : sql`p.slug`}
  `;
}

/** How long an identical search is answered from memory, at most (the catalog version must also match). */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 2000;
let cacheEnabled = true;

/** Turns the in-process result cache on or off (the bench measures both; the default is on). */
export function setCatalogSearchCache(enabled: boolean): void {
  cacheEnabled = enabled;
}

interface CacheEntry {
  version: string;
  at: number;
  page: CatalogPage;
}
/** One cache per database handle, so tests on fresh databases never see each other's results. */
const caches = new WeakMap<AnyDb, Map<string, CacheEntry>>();

const cacheKey = (input: CatalogQuery) =>
  JSON.stringify(
    Object.entries(input)
      .filter(([, v]) => v !== undefined && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

async function runSearch(db: AnyDb, input: CatalogQuery): Promise<{ page: CatalogPage; version: string }> {
  const query = parseQuery(input.q);
  const { rows } = await catalogSearchStatement(input, query).execute(db);

  const total = Math.min(rows[0]?.total ?? 0, CANDIDATE_LIMIT);
  const items = rows
    .filter((r): r is Row & { id: string } => r.id != null)
    .map((r) => ({
      id: r.id,
      slug: r.slug!,
      name: r.name!,
      summary: r.summary!,
      category: r.category!,
      channels: r.channels!,
      serviceUnitId: r.serviceUnitId!,
      unitName: r.unitName!,
      agencyId: r.agencyId!,
      agencyName: r.agencyName!,
      timeLimit: r.timeLimit ?? null,
      fee: r.fee ?? null,
    }));
  const page = { items, page: input.page, pageSize: input.pageSize, total, totalIsExact: (rows[0]?.total ?? 0) <= CANDIDATE_LIMIT, query };
  return { page, version: String(rows[0]?.catalogVersion) };
}

/**
 * Searches or browses the published catalog. Identical searches within CACHE_TTL_MS are answered from
 * memory while `standards.catalog_version` (bumped in the writing transaction by every change that can
 * alter a result) still has the value the cached answer was read with: one primary-key read instead of
 * the search. The statement returns the version from its own snapshot, so an answer is never filed under
 * a version newer than the data it saw.
 */
export async function searchCatalog(db: AnyDb, input: CatalogQuery): Promise<CatalogPage> {
  if (!cacheEnabled) return (await runSearch(db, input)).page;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = cacheKey(input);
  const hit = cache.get(key);
  if (hit && performance.now() - hit.at < CACHE_TTL_MS) {
    const { rows } = await sql<{ n: string }>`select n::text as n from standards.catalog_version`.execute(db);
    if (rows[0]?.n === hit.version) return hit.page;
  }
  const { page, version } = await runSearch(db, input);
  cache.delete(key);
  cache.set(key, { version, at: performance.now(), page });
  // A Map keeps insertion order: the first key is the oldest entry.
  if (cache.size > CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return page;
}
