import { h, type JSX } from 'preact';
import type { PublishedService } from './catalog.queries.js';
import { complaintHref, isoDuration } from './catalog.messages.js';

/**
 * Linked data about published services, for machines: schema.org GovernmentService in each service page
 * (search engines, assistants) and a CPSV-AP 3 export of the whole catalog (the EU Core Public Service
 * Vocabulary Application Profile, which national service catalogues exchange).
 */

type Json = Record<string, unknown>;

const compact = <T extends Json>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))) as T;

const feeTotal = (service: PublishedService) => {
  const fee = service.version.content.fee;
  return fee && !fee.free ? fee.items.reduce((sum, item) => sum + item.amount, 0) : 0;
};

/** `/layanan/<slug>` on the public address. */
export const servicePageUrl = (baseUrl: string, slug: string) => `${baseUrl.replace(/\/$/, '')}/layanan/${slug}`;

// ---- schema.org ------------------------------------------------------------------------------------

const SCHEMA_DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A GovernmentService (schema.org) describing one published standard. */
export function governmentService(service: PublishedService, baseUrl: string): Json {
  const url = servicePageUrl(baseUrl, service.slug);
  const content = service.version.content;
  const unit = compact({
    '@type': 'GovernmentOrganization',
    name: service.unit.name,
    url: `${baseUrl.replace(/\/$/, '')}/unit/${service.unit.id}`,
    address: service.unit.address ?? undefined,
    parentOrganization: { '@type': 'GovernmentOrganization', name: service.agency.name },
  });
  const processingTime = content.timeLimit ? isoDuration(content.timeLimit) : undefined;
  const channels: Json[] = service.locations.map((loc) =>
    compact({
      '@type': 'ServiceChannel',
      name: loc.boothName ? `${loc.mallName} – ${loc.boothName}` : loc.mallName,
      availableLanguage: 'id',
      processingTime,
      serviceLocation: compact({
        '@type': 'GovernmentOffice',
        name: loc.mallName,
        address: loc.mallAddress,
        openingHoursSpecification: loc.hours.map((h) => ({
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: `https://schema.org/${SCHEMA_DAYS[h.weekday]}`,
          opens: h.opensAt,
          closes: h.closesAt,
        })),
      }),
    }),
  );
  if (service.channels !== 'counter') {
    channels.push({
      '@type': 'ServiceChannel',
      name: 'Satupintu',
      serviceUrl: url,
      availableLanguage: 'id',
      ...(processingTime ? { processingTime } : {}),
    });
  }
  return compact({
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    '@id': `${url}#layanan`,
    url,
    name: service.name,
    description: service.summary,
    identifier: service.code,
    serviceType: service.category,
    provider: unit,
    serviceOperator: unit,
    areaServed: compact({ '@type': 'AdministrativeArea', name: service.unit.regionName ?? undefined, identifier: service.unit.regionCode }),
    audience: service.audiences.map((a) => ({ '@type': 'Audience', audienceType: a })),
    availableChannel: channels,
    offers: content.fee
      ? { '@type': 'Offer', price: String(feeTotal(service)), priceCurrency: 'IDR', ...(content.fee.free ? { description: 'Gratis' } : {}) }
      : undefined,
    termsOfService: service.version.decreeNumber ?? undefined,
    dateModified: service.modifiedAt.toISOString(),
  });
}

/**
 * JSON for inside `<script type="application/ld+json">`. A data block is raw text, so `<`, `>` and `&` are
 * written as JSON escapes: no service name can close the element or open a comment, and the JSON reads
 * the same.
 */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The JSON-LD element for a page's head. CSP's script-src governs scripts the browser runs; a data block
 * (a non-JavaScript type) is never run, so `script-src 'self'` does not refuse it (checked in Chromium by
 * test/e2e/catalog.spec.ts, which fails on any console error, CSP reports included).
 */
export function JsonLd({ data }: { data: unknown }): JSX.Element {
  // The one raw insertion in the catalog, and the lint rule against raw HTML is about markup: this is JSON
  // made inert by scriptSafeJson, while the renderer's HTML escaping (&quot;) would corrupt it inside a
  // raw-text element. catalog.jsonld.test.ts checks that a name with </script> cannot break out.
  return h('script', { type: 'application/ld+json', dangerouslySetInnerHTML: { __html: scriptSafeJson(data) } });
}

// ---- CPSV-AP 3 -------------------------------------------------------------------------------------

/**
 * Term definitions, inline so a consumer needs no network: CPSV-AP 3.x uses the Core Vocabularies
 * namespace (cv:, http://data.europa.eu/m8g/) for most terms, keeps cpsv: for PublicService, hasInput and
 * produces, and Dublin Core for titles, identifiers and places. Plain strings are Indonesian.
 */
export const CPSV_AP_CONTEXT = {
  '@language': 'id',
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  eli: 'http://data.europa.eu/eli/ontology#',
  locn: 'http://www.w3.org/ns/locn#',
  org: 'http://www.w3.org/ns/org#',
  schema: 'https://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  PublicService: 'cpsv:PublicService',
  PublicOrganisation: 'cv:PublicOrganisation',
  Evidence: 'cv:Evidence',
  Output: 'cv:Output',
  Cost: 'cv:Cost',
  Channel: 'cv:Channel',
  ContactPoint: 'cv:ContactPoint',
  LegalResource: 'eli:LegalResource',
  Location: 'dct:Location',
  LifeEvent: 'cv:LifeEvent',
  BusinessEvent: 'cv:BusinessEvent',
  identifier: { '@id': 'dct:identifier', '@language': null },
  title: 'dct:title',
  description: 'dct:description',
  keyword: 'dcat:keyword',
  type: { '@id': 'dct:type', '@language': null },
  language: { '@id': 'dct:language', '@type': '@id' },
  issued: { '@id': 'dct:issued', '@type': 'xsd:date' },
  modified: { '@id': 'dct:modified', '@type': 'xsd:dateTime' },
  hasCompetentAuthority: { '@id': 'cv:hasCompetentAuthority', '@type': '@id' },
  prefLabel: 'skos:prefLabel',
  subOrganizationOf: { '@id': 'org:subOrganizationOf', '@type': '@id' },
  spatial: { '@id': 'dct:spatial', '@type': '@id' },
  geographicName: 'locn:geographicName',
  hasInput: { '@id': 'cpsv:hasInput', '@type': '@id' },
  produces: { '@id': 'cpsv:produces', '@type': '@id' },
  hasCost: { '@id': 'cv:hasCost', '@type': '@id' },
  value: { '@id': 'cv:value', '@type': 'xsd:decimal' },
  currency: { '@id': 'cv:currency', '@type': '@id' },
  isDefinedBy: { '@id': 'cv:isDefinedBy', '@type': '@id' },
  processingTime: { '@id': 'cv:processingTime', '@type': 'xsd:duration' },
  hasContactPoint: { '@id': 'cv:hasContactPoint', '@type': '@id' },
  email: { '@id': 'cv:email', '@language': null },
  telephone: { '@id': 'cv:telephone', '@language': null },
  contactPage: { '@id': 'cv:contactPage', '@type': '@id' },
  hasChannel: { '@id': 'cv:hasChannel', '@type': '@id' },
  openingHours: { '@id': 'schema:openingHours', '@language': null },
  hasLegalResource: { '@id': 'cv:hasLegalResource', '@type': '@id' },
  isGroupedBy: { '@id': 'cv:isGroupedBy', '@type': '@id' },
  landingPage: { '@id': 'dcat:landingPage', '@type': '@id' },
} as const;

const IDR = 'http://publications.europa.eu/resource/authority/currency/IDR';
const INDONESIAN = 'http://publications.europa.eu/resource/authority/language/IND';
const INDONESIA = 'http://publications.europa.eu/resource/authority/country/IDN';
const BUSINESS_EVENTS = new Set(['starting_business', 'running_business']);
const SCHEMA_DAY_CODES = ['', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** schema.org's openingHours text, which CPSV-AP prescribes for channels: "Mo-Fr 08:00-15:00". */
export function openingHoursText(hours: readonly { weekday: number; opensAt: string; closesAt: string }[]): string[] {
  const out: string[] = [];
  let run: { from: number; to: number; time: string } | undefined;
  const flush = () => {
    if (run) out.push(`${SCHEMA_DAY_CODES[run.from]}${run.to > run.from ? `-${SCHEMA_DAY_CODES[run.to]}` : ''} ${run.time}`);
  };
  for (const h of [...hours].sort((a, b) => a.weekday - b.weekday)) {
    const time = `${h.opensAt}-${h.closesAt}`;
    if (run && run.time === time && run.to === h.weekday - 1) run.to = h.weekday;
    else {
      flush();
      run = { from: h.weekday, to: h.weekday, time };
    }
  }
  flush();
  return out;
}

const place = (code: string | null | undefined, name: string | null | undefined) =>
  code ? compact({ '@type': 'Location', identifier: code, geographicName: name ?? undefined }) : { '@id': INDONESIA };

/** One published service as a CPSV-AP PublicService node, with its evidence, costs, outputs and channels. */
export function cpsvApService(service: PublishedService, baseUrl: string): Json {
  const base = baseUrl.replace(/\/$/, '');
  const url = servicePageUrl(base, service.slug);
  const content = service.version.content;
  const agency = compact({
    '@id': `${base}/instansi/${service.agency.id}`,
    '@type': 'PublicOrganisation',
    prefLabel: service.agency.name,
    spatial: place(service.agency.regionCode, undefined),
  });
  const authority = {
    '@id': `${base}/unit/${service.unit.id}`,
    '@type': 'PublicOrganisation',
    prefLabel: service.unit.name,
    spatial: place(service.unit.regionCode, service.unit.regionName),
    subOrganizationOf: agency,
  };
  const fee = content.fee;
  const costs = !fee
    ? []
    : fee.free
      ? [
          compact({
            '@id': `${url}#biaya`,
            '@type': 'Cost',
            identifier: 'gratis',
            value: '0',
            currency: IDR,
            description: fee.legalBasis ? `Gratis (${fee.legalBasis})` : 'Gratis',
          }),
        ]
      : fee.items.map((item, i) => ({
          '@id': `${url}#biaya-${i + 1}`,
          '@type': 'Cost',
          identifier: `biaya-${i + 1}`,
          value: String(item.amount),
          currency: IDR,
          description: `${item.name} (${item.legalBasis})`,
          isDefinedBy: { '@id': authority['@id'] },
        }));
  const counters = service.locations.map((loc, i) =>
    compact({
      '@id': `${url}#kanal-${i + 1}`,
      '@type': 'Channel',
      identifier: loc.boothId ?? loc.mallId,
      type: 'in_person',
      description: [loc.mallName, loc.boothName, loc.mallAddress].filter(Boolean).join(', '),
      openingHours: openingHoursText(loc.hours),
    }),
  );
  const online =
    service.channels === 'counter'
      ? []
      : [
          {
            '@id': `${url}#kanal-daring`,
            '@type': 'Channel',
            identifier: 'satupintu',
            type: 'online',
            description: 'Satupintu',
            contactPage: url,
          },
        ];
  const contactPoints = (content.complaints?.channels ?? []).map((channel, i) => {
    const href = complaintHref(channel.kind, channel.contact);
    return compact({
      '@id': `${url}#pengaduan-${i + 1}`,
      '@type': 'ContactPoint',
      description: `${channel.kind}: ${channel.contact}`,
      email: channel.kind === 'email' ? (href?.replace(/^mailto:/, '') ?? channel.contact) : undefined,
      telephone: channel.kind === 'phone' || channel.kind === 'whatsapp' ? channel.contact : undefined,
      contactPage: href?.startsWith('https://') ? href : undefined,
    });
  });
  return compact({
    '@id': url,
    '@type': 'PublicService',
    identifier: service.code,
    title: service.name,
    description: service.summary,
    keyword: service.keywords
      .split(/[,;]/)
      .map((k) => k.trim())
      .filter(Boolean),
    type: service.kind,
    language: INDONESIAN,
    issued: service.version.effectiveDate ?? undefined,
    modified: service.modifiedAt.toISOString(),
    hasCompetentAuthority: authority,
    spatial: [
      place(service.unit.regionCode, service.unit.regionName),
      ...service.locations.map((l) => place(l.mallRegionCode, undefined)),
    ].filter((p, i, all) => all.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i),
    hasInput: (content.requirements ?? []).map((r) =>
      compact({
        '@id': `${url}#persyaratan-${r.key}`,
        '@type': 'Evidence',
        identifier: r.key,
        title: r.name,
        description: [r.mandatory ? 'Wajib' : 'Tidak wajib', r.notes].filter(Boolean).join('. '),
        type: r.kind,
      }),
    ),
    produces: (content.products ?? []).map((p, i) =>
      compact({
        '@id': `${url}#produk-${i + 1}`,
        '@type': 'Output',
        identifier: `produk-${i + 1}`,
        title: p.name,
        description: p.description,
      }),
    ),
    hasCost: costs,
    processingTime: content.timeLimit ? isoDuration(content.timeLimit) : undefined,
    hasChannel: [...counters, ...online],
    hasContactPoint: contactPoints,
    hasLegalResource: (content.legalBasis ?? []).map((law, i) =>
      compact({
        '@id': `${url}#dasar-hukum-${i + 1}`,
        '@type': 'LegalResource',
        title: [law.title, law.number ? `Nomor ${law.number}` : undefined, law.year ? `Tahun ${law.year}` : undefined]
          .filter(Boolean)
          .join(' '),
      }),
    ),
    isGroupedBy: service.lifeEvents.map((event) => ({
      '@id': `${base}/layanan?peristiwa=${event}`,
      '@type': BUSINESS_EVENTS.has(event) ? 'BusinessEvent' : 'LifeEvent',
      identifier: event,
    })),
  });
}

/** The whole export as text chunks, so a national catalogue streams instead of sitting in memory. */
export async function* cpsvApDocument(services: AsyncIterable<PublishedService>, baseUrl: string): AsyncGenerator<string> {
  yield `{"@context":${JSON.stringify(CPSV_AP_CONTEXT)},"@graph":[`;
  let first = true;
  for await (const service of services) {
    yield `${first ? '' : ','}${JSON.stringify(cpsvApService(service, baseUrl))}`;
    first = false;
  }
  yield ']}';
}
