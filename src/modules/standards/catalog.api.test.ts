import { afterEach, expect, it } from 'vitest';
import { buildTestApp, expectJsonError } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import type { App } from '../../platform/http/server.js';
import { seedCatalog, type CatalogFixture } from './catalog.test-support.js';

type Json = Record<string, unknown>;
const asList = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : v === undefined ? [] : [v as Json]);

eachDatabase('catalog API', (db) => {
  let app: App | undefined;
  let fixture: CatalogFixture;
  const start = async () => {
    fixture = await seedCatalog(db().db);
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' });
  };
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    app!.inject({ method: 'GET', url, headers: { accept: 'application/json', ...headers } });

  it('GET /api/v1/catalog/services searches with filters and pages, with a count that says when it is exact', async () => {
    await start();
    const response = await get('/api/v1/catalog/services?q=e-ktp');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: Json[]; total: number; totalIsExact: boolean; page: number; pageSize: number }>();
    expect(body.items[0]).toMatchObject({
      slug: 'perekaman-ktp-elektronik',
      url: 'https://satupintu.example/layanan/perekaman-ktp-elektronik',
      unit: { id: fixture.unitIds.DUKCAPIL, name: 'Bidang Pelayanan Administrasi Kependudukan' },
      channels: 'counter',
      timeLimit: { value: 3, unit: 'working_days', pausesWhileWaiting: true },
      fee: { free: true },
    });
    expect(body).toMatchObject({ page: 1, pageSize: 20, totalIsExact: true });
    const filtered = (await get(`/api/v1/catalog/services?region=51.03&lifeEvent=birth&channel=online&pageSize=1&page=2`)).json<{
      items: Json[];
      total: number;
    }>();
    expect(filtered.total).toBe(2);
    expect(filtered.items).toHaveLength(1);
    const browse = (await get('/api/v1/catalog/services')).json<{ total: number }>();
    expect(browse.total).toBe(10);
  });

  it('refuses malformed filters with the one error shape (422) and never fails on odd text', async () => {
    await start();
    for (const url of [
      '/api/v1/catalog/services?agencyId=nope',
      '/api/v1/catalog/services?region=bali',
      '/api/v1/catalog/services?category=unknown',
      '/api/v1/catalog/services?pageSize=1000',
      '/api/v1/catalog/services?page=0',
    ]) {
      expectJsonError(await get(url), 422, 'HTTP_VALIDATION');
    }
    for (const q of ["' or 1=1 --", '&&&', '"', '-x']) {
      expect((await get(`/api/v1/catalog/services?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
    }
  });

  it('GET /api/v1/catalog/services/:slug gives the public components of the live standard, with places and hours', async () => {
    await start();
    const response = await get('/api/v1/catalog/services/penerbitan-akta-kelahiran');
    expect(response.statusCode).toBe(200);
    const body = response.json<Json & { standard: Json; locations: Json[] }>();
    expect(body).toMatchObject({
      slug: 'penerbitan-akta-kelahiran',
      name: 'Penerbitan Akta Kelahiran',
      lifeEvents: ['birth'],
      agency: { id: fixture.agencyIds.DUKCAPIL },
      standard: {
        version: 1,
        decreeNumber: '188.45/100/HK/2026',
        decreeDate: '2026-01-05',
        effectiveDate: '2026-01-10',
        timeLimit: { value: 1, unit: 'working_days' },
        fee: { free: true },
      },
    });
    expect(asList(body.standard.requirements).map((r) => r.key)).toEqual(['surat_lahir', 'kk', 'ktp_ortu', 'buku_nikah', 'saksi']);
    expect(asList(body.standard.procedure)).toHaveLength(5);
    // The unit's internal management components are not part of the public answer.
    expect(body.standard).not.toHaveProperty('staffCompetence');
    expect(body.locations).toEqual([
      expect.objectContaining({
        mallId: fixture.mallId,
        boothName: 'Gerai Disdukcapil',
        timeZone: 'Asia/Makassar',
        hours: expect.arrayContaining([{ weekday: 6, opensAt: '08:00', closesAt: '12:00' }]),
      }),
    ]);
    expectJsonError(await get('/api/v1/catalog/services/akta-kelahiran-draf'), 404, 'HTTP_NOT_FOUND');
    expectJsonError(await get('/api/v1/catalog/services/%3Cscript%3E'), 404, 'HTTP_NOT_FOUND');
  });

  it('answers a client that holds the current version with 304 (ETag), on every catalog endpoint', async () => {
    await start();
    for (const url of [
      '/api/v1/catalog/services?q=akta',
      '/api/v1/catalog/services/sim-baru',
      '/api/v1/catalog/cpsv-ap.jsonld',
      '/layanan/sim-baru/jsonld',
    ]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      const again = await get(url, { 'if-none-match': first.headers.etag as string });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
    }
    expect((await get('/api/v1/catalog/services/sim-baru')).headers['last-modified']).toMatch(/GMT$/);
  });

  it('the CPSV-AP export changes its ETag when a standard is withdrawn', async () => {
    await start();
    const before = (await get('/api/v1/catalog/cpsv-ap.jsonld')).headers.etag;
    await db()
      .db.updateTable('standards.standardVersion' as never)
      .set({ status: 'withdrawn', publishedAt: null, withdrawnAt: new Date(), updatedAt: new Date() } as never)
      .where('serviceId' as never, '=', fixture.serviceIds['sim-baru'] as never)
      .execute();
    const after = await get('/api/v1/catalog/cpsv-ap.jsonld', { 'if-none-match': before as string });
    expect(after.statusCode).toBe(200);
    expect(after.json<{ '@graph': Json[] }>()['@graph']).toHaveLength(9);
  });

  it('GET /api/v1/catalog/cpsv-ap.jsonld exports every published service as CPSV-AP 3 JSON-LD', async () => {
    await start();
    const response = await get('/api/v1/catalog/cpsv-ap.jsonld');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const doc = response.json<{ '@context': Record<string, unknown>; '@graph': Json[] }>();
    expect(doc['@context']).toMatchObject({
      cpsv: 'http://purl.org/vocab/cpsv#',
      cv: 'http://data.europa.eu/m8g/',
      PublicService: 'cpsv:PublicService',
      hasInput: { '@id': 'cpsv:hasInput' },
      hasCompetentAuthority: { '@id': 'cv:hasCompetentAuthority' },
      processingTime: { '@id': 'cv:processingTime', '@type': 'xsd:duration' },
    });
    const graph = doc['@graph'];
    expect(graph).toHaveLength(10);
    expect(graph.every((n) => n['@type'] === 'PublicService')).toBe(true);
    const sim = graph.find((n) => n['@id'] === 'https://satupintu.example/layanan/sim-baru')!;
    expect(sim).toMatchObject({
      identifier: expect.any(String),
      title: 'Penerbitan Surat Izin Mengemudi Baru',
      processingTime: 'PT2H',
      language: 'http://publications.europa.eu/resource/authority/language/IND',
      hasCompetentAuthority: {
        '@type': 'PublicOrganisation',
        prefLabel: 'Satuan Penyelenggara Administrasi SIM',
        spatial: { '@type': 'Location', identifier: '51.03', geographicName: 'KABUPATEN BADUNG' },
        subOrganizationOf: { '@type': 'PublicOrganisation', prefLabel: 'Kepolisian Resor Badung' },
      },
    });
    expect(asList(sim.hasCost).map((c) => [c['@type'], c.value, c.currency])).toEqual([
      ['Cost', '120000', 'http://publications.europa.eu/resource/authority/currency/IDR'],
      ['Cost', '60000', 'http://publications.europa.eu/resource/authority/currency/IDR'],
    ]);
    expect(asList(sim.hasInput).every((e) => e['@type'] === 'Evidence' && typeof e.title === 'string')).toBe(true);
    expect(asList(sim.hasContactPoint).map((c) => c.telephone ?? c.email ?? c.contactPage)).toEqual([
      'https://lapor.go.id',
      '0812-3456-7890',
      'pengaduan@disdukcapil.badungkab.go.id',
    ]);
    const birth = graph.find((n) => n['@id'] === 'https://satupintu.example/layanan/penerbitan-akta-kelahiran')!;
    expect(asList(birth.hasChannel).map((c) => c.type)).toEqual(['in_person', 'online']);
    expect(asList(birth.hasChannel)[0]!.openingHours).toEqual(['Mo-Fr 08:00-16:00', 'Sa 08:00-12:00']);
    expect(asList(birth.isGroupedBy)).toEqual([expect.objectContaining({ '@type': 'LifeEvent', identifier: 'birth' })]);
    const nib = graph.find((n) => n['@id'] === 'https://satupintu.example/layanan/nomor-induk-berusaha')!;
    expect(asList(nib.isGroupedBy)[0]!['@type']).toBe('BusinessEvent');
    expect(asList(nib.hasCost)[0]).toMatchObject({ value: '0', description: expect.stringContaining('Gratis') });
  });
});
