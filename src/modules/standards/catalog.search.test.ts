import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/databases.js';
import { CANDIDATE_LIMIT, catalogSearchStatement, parseQuery, searchCatalog, SYNONYM_GROUPS, type CatalogQuery } from './catalog.search.js';
import { seedCatalog } from './catalog.test-support.js';

describe('parseQuery', () => {
  it('reads an empty or punctuation-only query as browsing', () => {
    for (const raw of [undefined, '', '   ', '!!!', '&|:*()', '""']) expect(parseQuery(raw)).toBeUndefined();
  });

  it('turns a known abbreviation into its group of spellings and keeps the other words', () => {
    const q = parseQuery('KTP hilang')!;
    expect(q.groups).toEqual([SYNONYM_GROUPS[0]]);
    expect(q.rest).toBe('hilang');
    expect(q.text).toBe('ktp hilang');
    expect(parseQuery('KTP Elektronik')).toMatchObject({ rest: '', groups: [SYNONYM_GROUPS[0]] });
  });

  it('matches a multi-word spelling as one group ("kartu tanda penduduk")', () => {
    const q = parseQuery('kartu tanda penduduk hilang')!;
    expect(q.groups.map((g) => g[0])).toEqual(['ktp']);
    expect(q.rest).toBe('hilang');
  });

  it('drops words that only make a question ("cara membuat akta kelahiran")', () => {
    const q = parseQuery('Bagaimana cara membuat akta kelahiran?')!;
    expect(q.text).toBe('akta kelahiran');
    expect(q.groups.map((g) => g[0])).toEqual(['akta']);
    expect(q.rest).toBe('kelahiran');
  });

  it('keeps a quoted phrase as typed', () => {
    expect(parseQuery('"akta kelahiran" -kematian')).toEqual({
      text: 'akta kelahiran -kematian',
      rest: '"akta kelahiran" -kematian',
      groups: [],
    });
  });
});

const names = (result: Awaited<ReturnType<typeof searchCatalog>>) => result.items.map((i) => i.name);
const slugs = (result: Awaited<ReturnType<typeof searchCatalog>>) => result.items.map((i) => i.slug);

eachDatabase('searchCatalog', (db, kind) => {
  const search = (input: Partial<CatalogQuery>) => searchCatalog(db().db, { page: 1, pageSize: 20, ...input });

  it('finds the birth certificate first for "akta kelahiran", ahead of services that only mention it', async () => {
    await seedCatalog(db().db);
    const result = await search({ q: 'akta kelahiran' });
    expect(result.items[0]!.name).toBe('Penerbitan Akta Kelahiran');
    // Kartu Keluarga and Legalisasi only mention a birth certificate in their summaries: found, but later.
    expect(slugs(result)).toEqual(expect.arrayContaining(['penerbitan-kartu-keluarga', 'legalisasi-dokumen-kependudukan']));
    const birth = slugs(result).indexOf('penerbitan-akta-kelahiran');
    expect(slugs(result).indexOf('penerbitan-kartu-keluarga')).toBeGreaterThan(birth);
    expect(slugs(result).indexOf('legalisasi-dokumen-kependudukan')).toBeGreaterThan(birth);
    expect(result.totalIsExact).toBe(true);
  });

  it('stems Indonesian ("kelahiran" finds what says "lahir") and reads "akte" as "akta"', async () => {
    await seedCatalog(db().db);
    expect(names(await search({ q: 'akte kelahiran' }))[0]).toBe('Penerbitan Akta Kelahiran');
    expect(slugs(await search({ q: 'kematian' }))).toContain('penerbitan-akta-kematian');
  });

  it('finds the ID card service for "ktp" and "e-ktp" although it only says "kartu tanda penduduk"', async () => {
    await seedCatalog(db().db);
    for (const q of ['ktp', 'e-ktp', 'KTP-el', 'ektp', 'cara buat ktp']) {
      const result = await search({ q });
      expect(slugs(result)[0], q).toBe('perekaman-ktp-elektronik');
    }
  });

  it('expands the other abbreviations citizens type', async () => {
    await seedCatalog(db().db);
    expect(slugs(await search({ q: 'kk' }))[0]).toBe('penerbitan-kartu-keluarga');
    expect(slugs(await search({ q: 'sim' }))[0]).toBe('sim-baru');
    expect(slugs(await search({ q: 'nib' }))[0]).toBe('nomor-induk-berusaha');
    expect(slugs(await search({ q: 'imb' }))[0]).toBe('persetujuan-bangunan-gedung');
    expect(slugs(await search({ q: 'pdam' }))[0]).toBe('sambungan-baru-air-minum');
  });

  it('still finds the birth certificate for the typo "akta kelahran"', async () => {
    await seedCatalog(db().db);
    const result = await search({ q: 'akta kelahran' });
    expect(result.items[0]!.name).toBe('Penerbitan Akta Kelahiran');
    expect(slugs(await search({ q: 'persetujuan bangunan gedun' }))[0]).toBe('persetujuan-bangunan-gedung');
  });

  it('puts an exact name match first', async () => {
    await seedCatalog(db().db);
    const result = await search({ q: 'Penerbitan Kartu Keluarga' });
    expect(result.items[0]!.slug).toBe('penerbitan-kartu-keluarga');
  });

  it('browses the whole published catalog in address order when the query is empty', async () => {
    await seedCatalog(db().db);
    const result = await search({ q: '' });
    expect(result.total).toBe(10);
    expect(slugs(result)).toEqual([...slugs(result)].sort());
    expect(result.query).toBeUndefined();
  });

  it('never lists a draft or a deactivated service', async () => {
    await seedCatalog(db().db);
    for (const q of ['', 'akta kelahiran', 'terpadu', 'manual']) {
      const found = slugs(await search({ q }));
      expect(found, q).not.toContain('akta-kelahiran-draf');
      expect(found, q).not.toContain('akta-kelahiran-lama');
    }
  });

  it('filters by region (unit or mall), agency, unit, mall, category, life event, audience and channel', async () => {
    const f = await seedCatalog(db().db);
    const bali = await search({ q: 'akta kelahiran', region: '51' });
    expect(slugs(bali)).toContain('penerbitan-akta-kelahiran');
    expect(slugs(bali)).not.toContain('penerbitan-akta-kelahiran-makassar');
    expect(slugs(await search({ q: 'akta kelahiran', region: '73.71' }))).toEqual(['penerbitan-akta-kelahiran-makassar']);
    expect((await search({ region: '31' })).total).toBe(0);
    expect((await search({ agencyId: f.agencyIds.PTSP })).total).toBe(2);
    expect(slugs(await search({ serviceUnitId: f.unitIds.SATPAS }))).toEqual(['sim-baru']);
    expect(slugs(await search({ mallId: f.mallId })).sort()).toEqual(
      [
        'penerbitan-akta-kelahiran',
        'penerbitan-akta-kematian',
        'penerbitan-kartu-keluarga',
        'perekaman-ktp-elektronik',
        'persetujuan-bangunan-gedung',
      ].sort(),
    );
    expect(slugs(await search({ category: 'licensing' })).sort()).toEqual(['nomor-induk-berusaha', 'persetujuan-bangunan-gedung']);
    expect(slugs(await search({ lifeEvent: 'birth' })).sort()).toEqual(
      ['penerbitan-akta-kelahiran', 'penerbitan-akta-kelahiran-makassar', 'penerbitan-kartu-keluarga'].sort(),
    );
    expect(slugs(await search({ audience: 'business' })).sort()).toEqual(['nomor-induk-berusaha', 'persetujuan-bangunan-gedung']);
    const counter = slugs(await search({ channel: 'counter' }));
    expect(counter).toContain('sim-baru');
    expect(counter).not.toContain('nomor-induk-berusaha');
    expect(slugs(await search({ channel: 'online' }))).not.toContain('sim-baru');
    expect(slugs(await search({ q: 'akta', lifeEvent: 'death', region: '51.03' }))).toEqual(['penerbitan-akta-kematian']);
  });

  it('follows every write that changes what a search finds: places, regions, names, publishing and withdrawing', async () => {
    const f = await seedCatalog(db().db);
    const birth = f.serviceIds['penerbitan-akta-kelahiran']!;
    // A unit that moves to another region takes its services along (no mall of Jakarta offers them).
    await sql`update organizations.service_unit set region_code = '31.71' where id = ${f.unitIds.SATPAS}`.execute(db().db);
    expect(slugs(await search({ region: '31' }))).toEqual(['sim-baru']);
    expect(slugs(await search({ region: '51' }))).not.toContain('sim-baru');
    // So does a mall, for the services offered there.
    await sql`update organizations.mall set region_code = '31.71' where id = ${f.mallId}`.execute(db().db);
    expect(slugs(await search({ q: 'akta kelahiran', region: '31.71' }))).toContain('penerbitan-akta-kelahiran');
    // A place withdrawn, a new name, a new summary word.
    await sql`delete from standards.service_location where service_id = ${birth}`.execute(db().db);
    expect(slugs(await search({ mallId: f.mallId }))).not.toContain('penerbitan-akta-kelahiran');
    expect(slugs(await search({ q: 'akta kelahiran', region: '31.71' }))).not.toContain('penerbitan-akta-kelahiran');
    await sql`update standards.service set name = 'Penerbitan Akta Kelahiran dan Kutipan', summary = summary || ' Termasuk kutipan kedua.' where id = ${birth}`.execute(
      db().db,
    );
    expect(names(await search({ q: 'kutipan kedua' }))).toEqual(['Penerbitan Akta Kelahiran dan Kutipan']);
    // Withdrawn: gone at once; published again: back.
    await sql`update standards.standard_version set status = 'withdrawn', withdrawn_at = now() where service_id = ${birth} and status = 'published'`.execute(
      db().db,
    );
    expect(slugs(await search({ q: 'akta kelahiran' }))).not.toContain('penerbitan-akta-kelahiran');
    await sql`update standards.standard_version set status = 'published', withdrawn_at = null where service_id = ${birth} and status = 'withdrawn'`.execute(
      db().db,
    );
    expect(slugs(await search({ q: 'akta kelahiran' }))[0]).toBe('penerbitan-akta-kelahiran');
    // After all that, the table is exactly what a rebuild from the source tables gives.
    const entries = sql<Record<string, unknown>>`
      select service_id, slug, name, search::text, name_key, facets from standards.catalog_entry order by service_id`;
    const kept = (await entries.execute(db().db)).rows;
    await sql`delete from standards.catalog_entry`.execute(db().db);
    await sql`select standards.refresh_catalog_entries(array(select id from standards.service))`.execute(db().db);
    expect((await entries.execute(db().db)).rows).toEqual(kept);
    expect(kept.length).toBeGreaterThan(5);
  });

  it('returns what a result line needs: unit, agency, time limit and fee from the published version', async () => {
    await seedCatalog(db().db);
    const sim = (await search({ q: 'sim' })).items[0]!;
    expect(sim).toMatchObject({
      unitName: 'Satuan Penyelenggara Administrasi SIM',
      agencyName: 'Kepolisian Resor Badung',
      channels: 'counter',
      timeLimit: { value: 2, unit: 'hours' },
      fee: { free: false, items: [{ amount: 120000 }, { amount: 60000 }] },
    });
  });

  it('pages, and knows the total on a page past the end', async () => {
    await seedCatalog(db().db);
    const first = await search({ pageSize: 4, page: 1 });
    const third = await search({ pageSize: 4, page: 3 });
    const beyond = await search({ pageSize: 4, page: 9 });
    expect(first.items).toHaveLength(4);
    expect(third.items).toHaveLength(2);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(10);
    expect(new Set([...slugs(first), ...slugs(third)]).size).toBe(6);
  });

  it('answers odd input without failing (operators, quotes, SQL, very long text, only filler words)', async () => {
    await seedCatalog(db().db);
    for (const q of [
      "'; drop table standards.service; --",
      'a & | ! : * ( )',
      '"',
      '-',
      'or or or',
      'x'.repeat(5000),
      'cara',
      '日本語',
      'e-ktp-el-"x',
    ]) {
      const result = await search({ q });
      expect(result.total, q.slice(0, 20)).toBeGreaterThanOrEqual(0);
    }
    expect((await search({ q: 'zzqqxx' })).items).toEqual([]);
  });

  it('answers a repeated search from memory until a change to the catalog commits (catalog_version)', async () => {
    await seedCatalog(db().db);
    const first = await search({ q: 'akta kelahiran' });
    expect(await search({ q: 'akta kelahiran' })).toBe(first);
    await sql`
      update standards.standard_version set status = 'withdrawn', withdrawn_at = now(), withdrawn_reason = 'uji'
      where status = 'published' and service_id = (select id from standards.service where slug = 'penerbitan-akta-kelahiran')`.execute(
      db().db,
    );
    const after = await search({ q: 'akta kelahiran' });
    expect(after).not.toBe(first);
    expect(slugs(after)).not.toContain('penerbitan-akta-kelahiran');
    await sql`update organizations.agency set name = name || ' (baru)'`.execute(db().db);
    expect(await search({ q: 'akta kelahiran' })).not.toBe(after);
  });

  it('uses the full-text and trigram indexes (EXPLAIN over 3,000 services), and the trigram index only when full text found too little', async () => {
    const f = await seedCatalog(db().db);
    // Enough rows for the planner to prefer the indexes over reading the table.
    await sql`
      insert into standards.service (service_unit_id, agency_id, code, slug, name, summary, category, kind, audiences, channels)
      select ${f.unitIds.PTSP}, ${f.agencyIds.PTSP}, 'BULK-' || i, 'layanan-uji-' || i,
        (array['Izin Usaha', 'Rekomendasi Teknis', 'Surat Keterangan', 'Pendaftaran Usaha', 'Tera Ulang'])[1 + i % 5] || ' Nomor ' || i,
        'Layanan perizinan dan nonperizinan nomor ' || i || ' untuk pelaku usaha.', 'licensing', 'licensing', '{business}', 'both'
      from generate_series(1, 3000) i`.execute(db().db);
    await sql`
      insert into standards.standard_version (service_id, number, status, content, decree_number, decree_date, decree_signatory, published_at)
      select id, 1, 'published', '{}'::jsonb, 'X/1', '2026-01-01', 'Kepala', now() from standards.service where code like 'BULK-%'`.execute(
      db().db,
    );
    await sql`analyze`.execute(db().db);
    const plan = async (q: string) => {
      const compiled = catalogSearchStatement({ q, page: 1, pageSize: 20 }).compile(db().db);
      const explain = CompiledQuery.raw(`explain (analyze, costs off, timing off, summary off) ${compiled.sql}`, [...compiled.parameters]);
      // With sequential and plain index scans priced out, the plan shows whether each predicate can use its
      // own index at all: a per-row function around the column would leave only a (disabled) full scan.
      const rows = await db()
        .db.transaction()
        .execute(async (tx) => {
          await sql`set local enable_seqscan = off`.execute(tx);
          await sql`set local enable_indexscan = off`.execute(tx);
          return (await tx.executeQuery<Record<string, string>>(explain)).rows;
        });
      return rows.map((r) => Object.values(r)[0]).join('\n');
    };
    const exact = await plan('akta kelahiran');
    expect(exact).toMatch(/Bitmap Index Scan on catalog_entry_search_idx/);
    expect(exact).toMatch(/One-Time Filter/);
    // The trigram branch sits behind a one-time filter and never runs when full text found enough.
    expect(exact).toMatch(/Function Scan on catalog_fuzzy_candidates f \(never executed\)/);
    expect(exact).not.toMatch(/Seq Scan on (service|catalog_entry) /);
    const typo = await plan('akta kelahran');
    expect(typo).toMatch(/Function Scan on catalog_fuzzy_candidates f \(actual rows=[1-9]/);
    // Inside the function (which plans with sequential scans off) the typo match reads the trigram index.
    const body = await db()
      .db.transaction()
      .execute(async (tx) => {
        await sql`set local enable_seqscan = off`.execute(tx);
        const rows = await sql<Record<string, string>>`
          explain select e.service_id from standards.catalog_entry e
          where e.name_key %> ${'akta kelahran'} limit 100`.execute(tx);
        return rows.rows.map((r) => Object.values(r)[0]).join('\n');
      });
    expect(body).toMatch(/Bitmap Index Scan on catalog_entry_name_trgm_idx/);
    expect((await search({ q: 'akta kelahran' })).items[0]!.name).toBe('Penerbitan Akta Kelahiran');
    // A word in 600 names: the count stops at the cap and says so; a filter makes it exact again.
    const broad = await search({ q: 'izin usaha' });
    expect(broad).toMatchObject({ total: CANDIDATE_LIMIT, totalIsExact: false });
    expect(broad.items).toHaveLength(20);
    expect(await search({ q: 'izin usaha', serviceUnitId: f.unitIds.DUKCAPIL })).toMatchObject({ total: 0, totalIsExact: true });
    expect(kind === 'pglite' || kind === 'postgres').toBe(true);
  });
});
