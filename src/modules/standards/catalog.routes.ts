import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../platform/access/access.js';
import { NotFound } from '../../platform/http/errors.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import { renderDocument } from '../../platform/views/render.js';
import { cpsvApDocument, governmentService, servicePageUrl } from './catalog.jsonld.js';
import {
  AgencyPage,
  MallPage,
  PrintPage,
  SearchPage,
  ServiceNotFoundPage,
  ServicePage,
  UnitPage,
  type SearchForm,
} from './catalog.pages.js';
import { renderServicePdf } from './catalog.pdf.js';
import {
  catalogFingerprint,
  eachPublishedService,
  facetOptions,
  findAgency,
  findMall,
  findPublishedService,
  findServiceUnit,
  type PublishedService,
} from './catalog.queries.js';
import { CHANNEL_FILTERS, searchCatalog, type CatalogFilters, type CatalogHit } from './catalog.search.js';
import { findPublishedMaklumat } from './maklumat.service.js';
import {
  AUDIENCES,
  CATEGORIES,
  COMPLAINT_CHANNELS,
  DATA_FIELD_TYPES,
  DURATION_UNITS,
  LIFE_EVENTS,
  PROCEDURE_ACTORS,
  PROFILE_FIELDS,
  REQUIREMENT_KINDS,
} from './standards.content.js';

/**
 * The public catalog: search and browse, the service page with its print view, PDF and JSON-LD, the
 * agency, unit and mall pages, and the JSON API with its CPSV-AP export. Everything is public and read-only.
 *
 * Caching: every answer carries an ETag of what it says, so a phone on 3G that already has the page gets
 * `304 Not Modified` and no body. Pages are `private, no-cache` (the header follows the signed-in person);
 * the API is `public, max-age=60`.
 */

const REGION = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const PAGE_SIZE = 20;

// ---- conditional requests ---------------------------------------------------------------------------

const etagOf = (content: string | Buffer) => `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;

/** Sets the validators; true when the client already holds this version (answer 304). */
function notModified(request: FastifyRequest, reply: FastifyReply, etag: string, cacheControl: string): boolean {
  reply.header('etag', etag).header('cache-control', cacheControl);
  const held = request.headers['if-none-match'];
  return typeof held === 'string' && held.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

/** 304: no body, the validators already set. Typed loosely because the JSON routes declare only their 200. */
const sendNotModified = (reply: FastifyReply) => reply.code(304).send();

const PAGE_CACHE = 'private, no-cache';
const API_CACHE = 'public, max-age=60';

// ---- query parsing ---------------------------------------------------------------------------------

/** Search form parameters are read leniently: an odd value is ignored, never a 4xx, since anyone can edit a URL. */
const loose = z.string().max(500).optional().catch(undefined);
const PageQuery = z.object({
  q: loose,
  wilayah: loose,
  kabkota: loose,
  instansi: loose,
  unit: loose,
  mpp: loose,
  kategori: loose,
  peristiwa: loose,
  untuk: loose,
  kanal: loose,
  halaman: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
type PageQuery = z.infer<typeof PageQuery>;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The form as it will be shown again (valid values only) and the filters it stands for. */
function readSearchForm(query: PageQuery): { form: SearchForm; filters: CatalogFilters } {
  const province = query.wilayah && REGION.test(query.wilayah) ? query.wilayah : undefined;
  const regency =
    query.kabkota && /^\d{2}\.\d{2}$/.test(query.kabkota) && (!province || query.kabkota.startsWith(province.slice(0, 2)))
      ? query.kabkota
      : undefined;
  const uuid = (v: string | undefined) => (v && isUuid(v) ? v : undefined);
  const form: SearchForm = {
    q: query.q?.trim().slice(0, 200) || undefined,
    wilayah: province ?? regency?.slice(0, 2),
    kabkota: regency,
    instansi: uuid(query.instansi),
    unit: uuid(query.unit),
    mpp: uuid(query.mpp),
    kategori: oneOf(CATEGORIES, query.kategori),
    peristiwa: oneOf(LIFE_EVENTS, query.peristiwa),
    untuk: oneOf(AUDIENCES, query.untuk),
    kanal: oneOf(CHANNEL_FILTERS, query.kanal),
  };
  return {
    form,
    filters: {
      region: form.kabkota ?? form.wilayah,
      agencyId: form.instansi,
      serviceUnitId: form.unit,
      mallId: form.mpp,
      category: form.kategori,
      lifeEvent: form.peristiwa,
      audience: form.untuk,
      channel: form.kanal as CatalogFilters['channel'],
    },
  };
}

// ---- API schemas -----------------------------------------------------------------------------------

const ApiSearchQuery = z.object({
  q: z.string().max(200).optional().describe('What to look for, in Indonesian or as typed (stemming, synonyms and typo tolerance apply)'),
  region: z.string().regex(REGION).optional().describe('Kemendagri region code or prefix: 51, 51.03, …'),
  agencyId: z.uuid().optional(),
  serviceUnitId: z.uuid().optional(),
  mallId: z.uuid().optional(),
  category: z.enum(CATEGORIES).optional(),
  lifeEvent: z.enum(LIFE_EVENTS).optional(),
  audience: z.enum(AUDIENCES).optional(),
  channel: z.enum(CHANNEL_FILTERS).optional().describe('Services one can use this way (a service offered both ways matches either)'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['id', 'en']).optional(),
});

const SlugParams = z.object({ slug: z.string().min(1).max(200) });

/*
 * The public components as they are answered. The content schemas in standards.content.ts validate input
 * (trimming, turning '' into nothing); responses are encoded without transforms, so they are restated here
 * as plain shapes of the same output.
 */
const Duration = z.object({ value: z.number().int(), unit: z.enum(DURATION_UNITS) });
const TimeLimit = Duration.extend({
  pausesWhileWaiting: z.boolean().describe('The clock stops while the unit waits for the applicant'),
  notes: z.string().optional(),
});
const Fee = z.discriminatedUnion('free', [
  z.object({ free: z.literal(true), legalBasis: z.string().optional() }),
  z.object({
    free: z.literal(false),
    items: z.array(z.object({ name: z.string(), amount: z.number().int().describe('Whole rupiah'), legalBasis: z.string() })),
    notes: z.string().optional(),
  }),
]);
const Requirement = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(REQUIREMENT_KINDS),
  mandatory: z.boolean(),
  notes: z.string().optional(),
  fileTypes: z.array(z.string()).describe('MIME types accepted when uploading'),
  maxSizeKb: z.number().int().optional(),
  fieldType: z.enum(DATA_FIELD_TYPES).optional(),
  choices: z.array(z.string()).optional(),
  profileField: z.enum(PROFILE_FIELDS).optional(),
  reusable: z.boolean(),
});
const Step = z.object({
  key: z.string(),
  title: z.string(),
  actor: z.enum(PROCEDURE_ACTORS),
  description: z.string().optional(),
  duration: Duration.optional(),
  output: z.string().optional(),
});
const Complaints = z.object({
  channels: z.array(z.object({ kind: z.enum(COMPLAINT_CHANNELS), contact: z.string() })),
  responseDays: z.number().int().describe('Working days to answer'),
  notes: z.string().optional(),
});
const Regulation = z.object({ title: z.string(), number: z.string().optional(), year: z.number().int().optional() });
const Ref = z.object({ id: z.uuid(), name: z.string() });

const ServiceHit = z.object({
  slug: z.string(),
  url: z.string(),
  name: z.string(),
  summary: z.string(),
  category: z.string(),
  channels: z.enum(['online', 'counter', 'both']),
  unit: Ref,
  agency: Ref,
  timeLimit: TimeLimit.nullable(),
  fee: Fee.nullable(),
});

const ServiceList = z.object({
  items: z.array(ServiceHit),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe('Matching services, counted up to 500'),
  totalIsExact: z.boolean().describe('False when more than 500 services match: narrow the query'),
});

const OpeningHours = z.object({ weekday: z.number().int().min(1).max(7), opensAt: z.string(), closesAt: z.string() });

const ServiceDetail = z.object({
  slug: z.string(),
  url: z.string(),
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  category: z.string(),
  kind: z.enum(['licensing', 'non_licensing']),
  lifeEvents: z.array(z.string()),
  audiences: z.array(z.string()),
  channels: z.enum(['online', 'counter', 'both']),
  unit: z.object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
  }),
  agency: Ref,
  standard: z.object({
    version: z.number().int(),
    decreeNumber: z.string().nullable(),
    decreeDate: z.string().nullable(),
    decreeSignatory: z.string().nullable(),
    effectiveDate: z.string().nullable(),
    publishedAt: z.string(),
    requirements: z.array(Requirement).optional(),
    procedure: z.array(Step).optional(),
    timeLimit: TimeLimit.optional(),
    fee: Fee.optional(),
    products: z.array(z.object({ name: z.string(), description: z.string().optional() })).optional(),
    complaints: Complaints.optional(),
    legalBasis: z.array(Regulation).optional(),
  }),
  locations: z.array(
    z.object({
      mallId: z.uuid(),
      mallName: z.string(),
      address: z.string(),
      timeZone: z.string(),
      boothName: z.string().nullable(),
      hours: z.array(OpeningHours),
    }),
  ),
});

function presentHit(baseUrl: string, hit: CatalogHit) {
  return {
    slug: hit.slug,
    url: servicePageUrl(baseUrl, hit.slug),
    name: hit.name,
    summary: hit.summary,
    category: hit.category,
    channels: hit.channels,
    unit: { id: hit.serviceUnitId, name: hit.unitName },
    agency: { id: hit.agencyId, name: hit.agencyName },
    timeLimit: hit.timeLimit,
    fee: hit.fee,
  };
}

/** The six public components (plus the legal basis) of the live standard; the unit's internal management stays on the page. */
function presentService(baseUrl: string, s: PublishedService) {
  const c = s.version.content;
  return {
    slug: s.slug,
    url: servicePageUrl(baseUrl, s.slug),
    code: s.code,
    name: s.name,
    summary: s.summary,
    category: s.category,
    kind: s.kind,
    lifeEvents: s.lifeEvents,
    audiences: s.audiences,
    channels: s.channels,
    unit: s.unit,
    agency: { id: s.agency.id, name: s.agency.name },
    standard: {
      version: s.version.number,
      decreeNumber: s.version.decreeNumber,
      decreeDate: s.version.decreeDate,
      decreeSignatory: s.version.decreeSignatory,
      effectiveDate: s.version.effectiveDate,
      publishedAt: s.version.publishedAt.toISOString(),
      requirements: c.requirements,
      procedure: c.procedure,
      timeLimit: c.timeLimit,
      fee: c.fee,
      products: c.products,
      complaints: c.complaints,
      legalBasis: c.legalBasis,
    },
    locations: s.locations.map((l) => ({
      mallId: l.mallId,
      mallName: l.mallName,
      address: l.mallAddress,
      timeZone: l.timeZone,
      boothName: l.boothName,
      hours: l.hours,
    })),
  };
}

// ---- routes ----------------------------------------------------------------------------------------

export async function catalogRoutes(app: App) {
  const { database, config } = app.deps;
  const db = () => database.db;
  const baseUrl = config.publicUrl;
  const tags = ['catalog'];

  const html = (request: FastifyRequest, reply: FastifyReply, document: string, status = 200) => {
    if (status === 200 && notModified(request, reply, etagOf(document), PAGE_CACHE)) return sendNotModified(reply);
    return reply.html(document, status);
  };
  const serviceNotFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply.html(renderDocument(ServiceNotFoundPage({ ctx: pageContext(request, reply) })), 404);

  app.get('/layanan', { config: { access: 'public' }, schema: { querystring: PageQuery } }, async (request, reply) => {
    const { form, filters } = readSearchForm(request.query);
    const [result, facets] = await Promise.all([
      searchCatalog(db(), { ...filters, q: form.q, page: request.query.halaman, pageSize: PAGE_SIZE }),
      facetOptions(db(), filters.region),
    ]);
    const hasFilters = Object.values(filters).some((v) => v !== undefined);
    return html(request, reply, renderDocument(SearchPage({ ctx: pageContext(request, reply), form, result, facets, hasFilters })));
  });

  app.get('/layanan/:slug', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const service = await findPublishedService(db(), request.params.slug);
    if (!service) return serviceNotFound(request, reply);
    reply.header('last-modified', service.modifiedAt.toUTCString());
    const jsonLd = governmentService(service, baseUrl);
    return html(request, reply, renderDocument(ServicePage({ ctx: pageContext(request, reply), service, jsonLd })));
  });

  app.get('/layanan/:slug/cetak', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const service = await findPublishedService(db(), request.params.slug);
    if (!service) return serviceNotFound(request, reply);
    const pageUrl = servicePageUrl(baseUrl, service.slug);
    return html(request, reply, renderDocument(PrintPage({ ctx: pageContext(request, reply), service, pageUrl })));
  });

  app.get('/layanan/:slug.pdf', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const service = await findPublishedService(db(), request.params.slug);
    if (!service) return serviceNotFound(request, reply);
    // Dated by the standard, not by the request, so the same standard gives the same bytes (and ETag).
    const pdf = await renderServicePdf(service, {
      locale: request.locale,
      pageUrl: servicePageUrl(baseUrl, service.slug),
      now: service.modifiedAt,
    });
    if (notModified(request, reply, etagOf(pdf), PAGE_CACHE)) return sendNotModified(reply);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${service.slug}.pdf"`).send(pdf);
  });

  app.get('/layanan/:slug/jsonld', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const service = await findPublishedService(db(), request.params.slug);
    if (!service) throw NotFound();
    const body = JSON.stringify(governmentService(service, baseUrl));
    if (notModified(request, reply, etagOf(body), API_CACHE)) return sendNotModified(reply);
    return reply.type('application/ld+json; charset=utf-8').send(body);
  });

  const IdParam = (key: string) => z.object({ [key]: z.string().max(100) });

  app.get('/instansi/:agencyId', { config: { access: 'public' }, schema: { params: IdParam('agencyId') } }, async (request, reply) => {
    const { agencyId } = request.params as { agencyId: string };
    const agency = await findAgency(db(), agencyId);
    if (!agency) throw NotFound();
    const services = await searchCatalog(db(), { agencyId: agency.id, page: 1, pageSize: PAGE_SIZE });
    return html(request, reply, renderDocument(AgencyPage({ ctx: pageContext(request, reply), agency, services })));
  });

  app.get(
    '/unit/:serviceUnitId',
    { config: { access: 'public' }, schema: { params: IdParam('serviceUnitId') } },
    async (request, reply) => {
      const { serviceUnitId } = request.params as { serviceUnitId: string };
      const unit = await findServiceUnit(db(), serviceUnitId);
      if (!unit) throw NotFound();
      const [services, maklumat] = await Promise.all([
        searchCatalog(db(), { serviceUnitId: unit.id, page: 1, pageSize: PAGE_SIZE }),
        findPublishedMaklumat(db(), unit.id),
      ]);
      return html(request, reply, renderDocument(UnitPage({ ctx: pageContext(request, reply), unit, services, maklumat })));
    },
  );

  app.get('/mpp/:mallId', { config: { access: 'public' }, schema: { params: IdParam('mallId') } }, async (request, reply) => {
    const { mallId } = request.params as { mallId: string };
    const mall = await findMall(db(), mallId);
    if (!mall) throw NotFound();
    return html(request, reply, renderDocument(MallPage({ ctx: pageContext(request, reply), mall })));
  });

  // ---- JSON API ----

  app.get(
    '/api/v1/catalog/services',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Search or browse published services',
        description:
          'Full-text search in Bahasa Indonesia (stemming, synonyms such as KTP/e-KTP, typo tolerance), ranked, with filters; without `q` the catalog is listed by address. At most 500 matches are counted and paged.',
        tags,
        querystring: ApiSearchQuery,
        response: { 200: ServiceList },
      },
    },
    async (request, reply) => {
      const { lang: _lang, ...query } = request.query;
      const result = await searchCatalog(db(), query);
      const body = {
        items: result.items.map((hit) => presentHit(baseUrl, hit)),
        page: result.page,
        pageSize: result.pageSize,
        total: result.total,
        totalIsExact: result.totalIsExact,
      };
      if (notModified(request, reply, etagOf(JSON.stringify(body)), API_CACHE)) return sendNotModified(reply);
      return body;
    },
  );

  app.get(
    '/api/v1/catalog/services/:slug',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The published service standard of one service: its public components, decree and places',
        tags,
        params: SlugParams,
        response: { 200: ServiceDetail },
      },
    },
    async (request, reply) => {
      const service = await findPublishedService(db(), request.params.slug);
      if (!service) throw NotFound();
      const body = presentService(baseUrl, service);
      reply.header('last-modified', service.modifiedAt.toUTCString());
      if (notModified(request, reply, etagOf(JSON.stringify(body)), API_CACHE)) return sendNotModified(reply);
      return body;
    },
  );

  app.get(
    '/api/v1/catalog/cpsv-ap.jsonld',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Every published service as CPSV-AP 3 JSON-LD (application/ld+json)',
        description:
          'A JSON-LD document with an inline @context: cpsv:PublicService nodes with cv:hasCompetentAuthority, cpsv:hasInput (requirements as cv:Evidence), cv:hasCost, cv:processingTime, cv:hasContactPoint, cv:hasChannel and dct:spatial. Streamed; revalidate with If-None-Match.',
        tags,
      },
    },
    async (request, reply) => {
      // The fingerprint is cheap; the export is not, so a client that has it gets its 304 first.
      const etag = etagOf(`cpsv-ap|${baseUrl}|${await catalogFingerprint(db())}`);
      if (notModified(request, reply, etag, API_CACHE)) return sendNotModified(reply);
      const stream = Readable.from(cpsvApDocument(eachPublishedService(db()), baseUrl));
      return reply.type('application/ld+json; charset=utf-8').send(stream);
    },
  );
}
