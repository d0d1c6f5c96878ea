import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Fee, TimeLimit } from './standards.content.js';

/**
 * The public catalog's search: one SQL statement, the same on PGlite and PostgreSQL.
 *
 * It reads `standards.catalog_entry`, a narrow table with one row per listed service (active, with a
 * published standard), kept in step by triggers in the writing transaction (migration
 * 20261207T1100__standards__catalog-entry.sql). Measured with `npm run bench -- --suite catalog` on 100,012
 * services (PostgreSQL 15, 2 cores, quiet machine, 2026-12-07): search API uncached p50 6.1 / p95 11.2 ms
 * (it was 13.3 / 20.1 ms on the same machine the same morning with the statement over standards.service);
 * the statement alone p50 5.7 / p95 11.1 ms. bench/README.md has the tables. Plans read with EXPLAIN
 * (ANALYZE, BUFFERS); catalog.search.test.ts checks on both databases that the indexes serve it.
 *
 * - `fts` finds candidates through `catalog_entry_search_idx` (GIN over the copied `search` tsvector) with
 *   a Bitmap Index Scan on `search @@ $tsquery`. The tsquery is built once, in the `q` CTE, and handed to
 *   the scan as an InitPlan parameter, so the index condition is a constant, not a per-row call. The query
 *   is the Indonesian-stemmed reading OR'd with the unstemmed `simple` one ('kelahiran' → 'lahir', while
 *   'e-ktp' and codes stay as typed), and synonym groups (KTP ↔ e-KTP ↔ kartu tanda penduduk …) are OR'd
 *   inside it, so expansion costs no extra scan.
 * - Filters are facet words in one array column (a:<agency>, u:<unit>, c:<category>, e:<life event>,
 *   au:<audience>, ch:<channel>, m:<mall>, r:<region> with every parent code of the unit's and the malls'
 *   regions), so every filter is `facets @> array[…]`: one more GIN scan the planner BitmapAnds with the
 *   text match. Before, a region filter built bitmaps over every service of the region's units and malls
 *   (up to 8,000 index pages) and each candidate was checked for a published version (3 pages each).
 * - `fuzzy` is for typos: `standards.catalog_fuzzy_candidates` matches `name_key` (lower(name || ' ' ||
 *   keywords)) with pg_trgm's `%>` (word_similarity ≥ pg_trgm's threshold, 0.6 by default) through
 *   `catalog_entry_name_trgm_idx`. It is a function only so that it plans with sequential scans off: with
 *   its LIMIT the planner sometimes chose to read the table until it had enough matches (80 ms instead of
 *   5). A trigram match is loose ('akta kelahiran' is "similar" to every name with 'akta' in it), so it only
 *   runs when full text found (almost) nothing: its `(select count(*) from fts) < N` is a one-time filter,
 *   and when it is false the function is never called.
 * - Both candidate sets are capped (CANDIDATE_LIMIT, FUZZY_LIMIT). A GIN index returns matches in no
 *   useful order, so a word such as "izin" that matches a fifth of the country would otherwise make the
 *   database read and rank tens of thousands of rows. Past the cap the page says "more than 500" and asks
 *   for a filter; below it (any specific query, or most queries with a region) the ranking is exact.
 * - Ranking runs on the capped candidates only, in two steps, on the rows `fts` already read (no second
 *   read of the table). `ranked` pre-ranks them cheaply by ts_rank over the stemmed reading (the simple
 *   one adds matches, not order) with weights (name and keywords A, the unstemmed keywords B, the summary
 *   C; normalised by document length) and keeps PRE_RANK_LIMIT, exact name matches first. `page` scores
 *   those 100 only: ts_rank_cd with the same weights (cover density over a synonym group's OR'd phrases
 *   costs ~20 µs a row; ts_rank ~2 µs) plus how closely the name holds the query (word_similarity: the
 *   words in order, typos forgiven) and, at half weight, how close the whole name is to it (similarity:
 *   "Penerbitan Akta Kelahiran" beats a longer name holding the same words), ~5 µs a row each; an exact
 *   name match always comes first. Within the pre-ranked 100 the order is the one the full score gives.
 * - Only the page's 20 rows are joined to the service (summary, category, channels), its published
 *   version (time limit, fee), and the unit and agency names (organizations' published views), after
 *   the limit.
 * - Browsing (no query) walks `catalog_entry_slug_idx` in slug order and stops after the cap, so the first
 *   page of 100,000 services reads a few dozen index entries instead of sorting them all. Slugs are made
 *   from names, so slug order reads as alphabetical.
 * - searchCatalog keeps answers in memory (CACHE_TTL_MS, CACHE_MAX_ENTRIES) keyed by the query and by
 *   `standards.catalog_version`, a counter triggers bump in the transaction of any write that can change
 *   a result (a service, its places, a version becoming or ceasing to be published, agency/unit/mall
 *   names and regions). A repeated query costs one primary-key read (p95 0.7 ms through the API); a
 *   change shows at once.
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

/**
 * The filters as facet words of standards.catalog_entry (see its migration), all required: `facets @> array[…]`
 * is one more key in the same GIN index scan as the text match. Ids are validated UUIDs and codes validated
 * digits and dots by the routes; the prefixes keep one kind of facet from matching another.
 */
function facetsOf(f: CatalogFilters): string[] {
  const facets: string[] = [];
  if (f.agencyId) facets.push(`a:${f.agencyId}`);
  if (f.serviceUnitId) facets.push(`u:${f.serviceUnitId}`);
  if (f.category) facets.push(`c:${f.category}`);
  if (f.lifeEvent) facets.push(`e:${f.lifeEvent}`);
  if (f.audience) facets.push(`au:${f.audience}`);
  if (f.channel) facets.push(`ch:${f.channel}`);
  if (f.mallId) facets.push(`m:${f.mallId}`);
  if (f.region) facets.push(`r:${f.region}`);
  return facets;
}

/** The filters as a text[] parameter list (one parameter per facet, so PGlite and pg bind them alike). */
function facetArray(facets: string[]): RawBuilder<unknown> {
  return facets.length === 0 ? sql`'{}'::text[]` : sql`array[${sql.join(facets.map((facet) => sql`${facet}`))}]::text[]`;
}

/** The predicate every candidate must meet besides the text: inside the filters (being listed is being in the table). */
function filtersOf(facets: string[]): RawBuilder<unknown> {
  return facets.length === 0 ? sql`true` : sql`e.facets @> ${facetArray(facets)}`;
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
  const facets = facetsOf(input);
  const filters = filtersOf(facets);
  const offset = (input.page - 1) * input.pageSize;
  // One more than the cap, to tell "exactly the cap" from "more than the cap".
  const cap = CANDIDATE_LIMIT + 1;

  const candidates = query
    ? sql`
      q as (select stemmed || (${tsqueryIn('simple', query)}) as tsq, stemmed from (select ${tsqueryIn('indonesian', query)} as stemmed) i),
      fts as materialized (
        select e.service_id as id, e.slug, e.name, e.search from standards.catalog_entry e
        where e.search @@ (select tsq from q) and ${filters}
        limit ${cap}
      ),
      fuzzy as materialized (
        select f.service_id as id, f.slug, f.name, f.search
        from standards.catalog_fuzzy_candidates(${query.text}, ${facetArray(facets)}, ${FUZZY_LIMIT}) f
        where (select count(*) from fts) < ${FUZZY_WHEN_FEWER_THAN} and f.service_id not in (select id from fts)
      ),
      cand as (select * from fts union all select * from fuzzy),
      ranked as materialized (
        select c.id, c.slug, c.name, c.search,
          (lower(c.name) = ${query.text}) as exact,
          ts_rank('{0.1,0.2,0.4,1.0}'::float4[], c.search, (select stemmed from q), 1) as text_rank
        from cand c
        order by exact desc, text_rank desc
        limit ${Math.max(PRE_RANK_LIMIT, offset + input.pageSize)}
      ),
      page as (
        select r.id, r.slug, r.name, r.exact,
          ts_rank_cd('{0.1,0.2,0.4,1.0}'::float4[], r.search, (select stemmed from q), 1)
            + word_similarity(${query.text}, lower(r.name)) + 0.5 * similarity(${query.text}, lower(r.name)) as score
        from ranked r
        order by r.exact desc, score desc, r.name, r.slug
        limit ${input.pageSize} offset ${offset}
      )`
    : sql`
      cand as materialized (
        select e.service_id as id, e.slug, e.name from standards.catalog_entry e where ${filters} order by e.slug limit ${cap}
      ),
      page as (
        select c.id, c.slug, c.name, false as exact, 0::float8 as score
        from cand c
        order by c.slug
        limit ${input.pageSize} offset ${offset}
      )`;

  // The count row always comes back, so a page past the end still knows the total. Only the page's rows
  // are joined to the service, its published version, unit and agency for what the page shows.
  return sql<Row>`
    with ${candidates}
    select n.total, (select cv.n::text from standards.catalog_version cv) as catalog_version, p.id, p.slug, p.name, s.summary, s.category, s.channels, s.service_unit_id,
      u.name as unit_name, a.id as agency_id, a.name as agency_name,
      v.content -> 'timeLimit' as time_limit, v.content -> 'fee' as fee
    from (select count(*)::int as total from cand) n
    left join (
      page p
      join standards.service s on s.id = p.id
      join standards.standard_version v on v.service_id = p.id and v.status = 'published'
      join organizations.unit_directory u on u.id = s.service_unit_id
      join organizations.agency_directory a on a.id = u.agency_id
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
