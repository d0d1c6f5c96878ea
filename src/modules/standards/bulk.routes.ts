import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopesFor, type Access } from '../../platform/access/access.js';
import { errorKey } from '../../platform/errors.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { Rerender } from '../../platform/http/types.js';
import { lookupMessage } from '../../platform/i18n/catalog.js';
import { emptyForm } from '../../platform/views/forms.js';
import { renderDocument } from '../../platform/views/render.js';
import {
  exportServices,
  exportWorkbook,
  importServices,
  presentIssues,
  readImportFile,
  templateWorkbook,
  type BulkContext,
  type ImportResult,
  type ReadFile,
} from './bulk.js';
import * as E from './bulk.errors.js';
import { BULK_FORMAT, BULK_FORMAT_VERSION, MAX_FILE_BYTES, parseDocument } from './bulk.format.js';
import { BULK_PATHS, ImportPage, ReportPage } from './bulk.pages.js';
import { activeUnitsInScope, type ExportFilter } from './bulk.queries.js';
import { AUDIENCES, CATEGORIES, CHANNELS, LIFECYCLE, SERVICE_KINDS } from './standards.content.js';
import { MANAGE } from './standards.service.js';

/**
 * Bulk import and export of services with their standards: the page with the template, the export and
 * the upload (`/admin/layanan/impor`), the downloads, and the JSON API. Every route is filtered by the
 * caller's scopes: exports hold only services inside them, and an import checks each row's unit.
 */
const ACCESS: Access = { permission: MANAGE, scope: 'filtered' };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Room for the multipart envelope around a file of the largest size. */
const ENVELOPE_BYTES = 64 * 1024;

const uuidOrAll = z.union([z.uuid(), z.literal('')]).optional();
const ExportQuery = z.object({
  agencyId: uuidOrAll.describe('Only services of this agency'),
  serviceUnitId: uuidOrAll.describe('Only services of this service unit'),
  category: z.enum(CATEGORIES).optional(),
  includeInactive: z.enum(['true', 'false']).optional().describe('Also deactivated services (default false)'),
  version: z
    .enum(['latest', 'published'])
    .default('latest')
    .describe(
      'latest: the version in the making if there is one, else the published one; published: only services with a published version',
    ),
  lang: z.enum(['id', 'en']).optional(),
});
type ExportQuery = z.infer<typeof ExportQuery>;

const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().describe('Check every row and report, but write nothing'),
  lang: z.enum(['id', 'en']).optional(),
});

const Timestamp = z.iso.datetime();
const BulkServiceSchema = z.object({
  agencyCode: z.string(),
  unitCode: z.string(),
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  keywords: z.string(),
  category: z.enum(CATEGORIES),
  kind: z.enum(SERVICE_KINDS),
  lifeEvents: z.array(z.string()),
  audiences: z.array(z.enum(AUDIENCES)),
  channels: z.enum(CHANNELS),
  places: z
    .array(
      z.object({
        regionCode: z.string().describe("The mall's regency/city (Kemendagri code, e.g. 51.03)"),
        mallCode: z.string().describe("The mall's code, unique in its region"),
        boothCode: z
          .string()
          .nullable()
          .describe("The unit's booth in that mall by its code; null for the unit's own office in the mall's area"),
      }),
    )
    .describe(
      "Where the service is offered in person, one entry per mall. On import it replaces the service's places; a service without the field keeps its places",
    ),
  active: z.boolean(),
  standard: z.object({ number: z.number().int(), status: z.enum(LIFECYCLE), version: z.number().int() }).nullable(),
  content: z.record(z.string(), z.unknown()).describe('The 14 components by key, as the standards API gives them'),
});
const BulkDocumentSchema = z.object({
  format: z.literal(BULK_FORMAT),
  version: z.literal(BULK_FORMAT_VERSION),
  exportedAt: Timestamp,
  services: z.array(BulkServiceSchema),
});

const ReportEntrySchema = z.object({
  sheet: z.string().nullable().describe('The workbook sheet; null for JSON and for the file as a whole'),
  row: z.number().int().nullable().describe('The workbook row, or the position (from 1) of the service in a JSON document'),
  column: z.string().nullable().describe('The workbook column header'),
  field: z.string().nullable().describe('The path inside the service, e.g. content.fee.items.0.amount'),
  message: z.string(),
});
const ImportReportSchema = z.object({
  imported: z.boolean(),
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'json']),
  services: z.array(
    z.object({
      agencyCode: z.string(),
      unitCode: z.string(),
      code: z.string(),
      name: z.string(),
      action: z.enum(['created', 'updated']),
      serviceId: z.uuid().optional(),
      versionId: z.uuid().optional(),
      versionNumber: z.number().int().optional(),
    }),
  ),
  errors: z.array(ReportEntrySchema),
});
/** Rows refused (with the report), or the file refused whole (the usual error, without one). */
const RejectedSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  report: ImportReportSchema.optional().describe('Present when rows were refused: every problem, row by row'),
  requestId: z.string(),
});

const filterOf = (query: ExportQuery): ExportFilter => ({
  agencyId: query.agencyId || undefined,
  serviceUnitId: query.serviceUnitId || undefined,
  category: query.category,
  includeInactive: query.includeInactive === 'true',
  version: query.version,
});

const stamp = (at: Date) => at.toISOString().slice(0, 10).replace(/-/g, '');

/** Refuses a body whose declared length is over the limit before a byte of it is read. */
async function refuseOversized(request: FastifyRequest) {
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > MAX_FILE_BYTES + ENVELOPE_BYTES) throw E.FileTooLarge({ limit: `${MAX_FILE_BYTES / 1024 / 1024} MB` });
}

/** The uploaded file and the form's fields; the file is read up to the limit and no further. */
async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer | undefined; fields: Record<string, string> }> {
  const fields: Record<string, string> = {};
  let bytes: Buffer | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && bytes === undefined) bytes = content;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw E.FileTooLarge({ limit: `${MAX_FILE_BYTES / 1024 / 1024} MB` });
    }
    throw error;
  }
  return { bytes, fields };
}

function reportOf(result: ImportResult, read: Pick<ReadFile, 'format'>, request: FastifyRequest) {
  return {
    imported: result.imported,
    dryRun: result.dryRun,
    format: read.format,
    services: result.services,
    errors: presentIssues(result.issues, request.locale),
  };
}

export async function bulkRoutes(app: App) {
  const { database } = app.deps;
  const ctx = (request: FastifyRequest): BulkContext => ({ db: database.db, actor: request.actor, requestId: request.id });

  const unitOptions = async (request: FastifyRequest) =>
    (await activeUnitsInScope(database.db, scopesFor(request.actor, MANAGE))).map((u) => ({
      id: u.id,
      label: `${u.agencyCode} / ${u.code}: ${u.name} (${u.agencyName})`,
    }));
  const importPage: Rerender = async (request, reply, form) =>
    renderDocument(ImportPage({ ctx: pageContext(request, reply), form, units: await unitOptions(request), maxBytes: MAX_FILE_BYTES }));

  app.get(BULK_PATHS.page, { config: { access: ACCESS }, schema: { hide: true } }, async (request, reply) =>
    reply.html(await importPage(request, reply, emptyForm())),
  );

  app.post(
    BULK_PATHS.page,
    {
      config: { access: ACCESS, rerender: importPage },
      schema: { hide: true },
      preParsing: refuseOversized,
      bodyLimit: MAX_FILE_BYTES + ENVELOPE_BYTES,
    },
    async (request, reply) => {
      const { bytes, fields } = await readUpload(request);
      if (!bytes) throw E.FileMissing();
      const read = await readImportFile(bytes);
      const result = await importServices(ctx(request), read, { dryRun: fields.dryRun === 'true' });
      const entries = presentIssues(result.issues, request.locale);
      return reply.html(
        renderDocument(ReportPage({ ctx: pageContext(request, reply), result, entries, format: read.format })),
        entries.length > 0 ? 422 : 200,
      );
    },
  );

  app.get(BULK_PATHS.template, { config: { access: ACCESS }, schema: { hide: true } }, async (request, reply) => {
    const workbook = await templateWorkbook(ctx(request));
    return reply
      .type(XLSX_TYPE)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'attachment; filename="templat-standar-pelayanan.xlsx"')
      .send(workbook);
  });

  app.get(
    BULK_PATHS.exportXlsx,
    { config: { access: ACCESS }, schema: { hide: true, querystring: ExportQuery } },
    async (request, reply) => {
      const workbook = await exportWorkbook(ctx(request), filterOf(request.query));
      return reply
        .type(XLSX_TYPE)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="standar-pelayanan-${stamp(new Date())}.xlsx"`)
        .send(workbook);
    },
  );

  app.get(
    BULK_PATHS.exportJson,
    {
      config: { access: ACCESS },
      schema: {
        summary: 'Export services and their standards',
        description:
          "The services inside your scopes with their standard (the version in the making, or the published one), in the bulk format that POST /api/v1/standards/import reads back. Units are named by agency and unit code; the places where a service is offered in person (`places`) name the mall by region and mall code and the booth by its code in that mall (null: the unit's own office).",
        tags: ['standards'],
        querystring: ExportQuery,
        response: { 200: BulkDocumentSchema },
      },
    },
    async (request, reply) => {
      const at = new Date();
      const document = await exportServices(ctx(request), filterOf(request.query), at);
      reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="standar-pelayanan-${stamp(at)}.json"`);
      return document;
    },
  );

  app.post(
    BULK_PATHS.importApi,
    {
      config: { access: ACCESS },
      preParsing: refuseOversized,
      bodyLimit: MAX_FILE_BYTES + ENVELOPE_BYTES,
      schema: {
        summary: 'Import services and their standards',
        description:
          'The body is a bulk document (`{"format":"satupintu.standards","version":1,"services":[…]}`, as the export gives it), or a multipart form with a `file` field holding such a document or a filled-in XLSX template (multipart needs the CSRF token, as every non-JSON body). ' +
          'Every row is checked first; when any has a problem nothing is written and the answer is 422 with the row-by-row report. Otherwise every service is written in one transaction: new ones are created, existing ones (same agency, unit and service code) get their open draft updated or a new draft. A service that carries `places` is offered exactly there afterwards (unknown malls, booths not of its unit and a mall named twice are refused per place); one without keeps its places. Files over 5 MB are refused unread.',
        tags: ['standards'],
        querystring: ImportQuery,
        response: { 200: ImportReportSchema, 422: RejectedSchema },
      },
    },
    async (request, reply) => {
      let read: ReadFile;
      if (request.isMultipart()) {
        const { bytes } = await readUpload(request);
        if (!bytes) throw E.FileMissing();
        read = await readImportFile(bytes);
      } else {
        read = { format: 'json', ...parseDocument(request.body) };
      }
      const result = await importServices(ctx(request), read, { dryRun: request.query.dryRun === 'true' });
      const report = reportOf(result, read, request);
      if (report.errors.length === 0) return report;
      const params = { count: report.errors.length };
      return reply.status(422).send({
        error: {
          code: E.ImportRejected.code,
          message: lookupMessage(errorKey(E.ImportRejected.code), request.locale, params) ?? E.ImportRejected.code,
        },
        report,
        requestId: request.id,
      });
    },
  );
}
