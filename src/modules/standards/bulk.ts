import type { Kysely, Transaction } from 'kysely';
import { scopeCovers, scopesFor } from '../../platform/access/access.js';
import { AppError, errorKey } from '../../platform/errors.js';
import { lookupMessage, type Locale } from '../../platform/i18n/catalog.js';
import * as E from './bulk.errors.js';
import {
  BULK_FORMAT,
  BULK_FORMAT_VERSION,
  checkCandidate,
  MAX_FILE_BYTES,
  MAX_SERVICES,
  parseDocument,
  type BulkDocument,
  type BulkService,
  type ImportCandidate,
  type ImportIssue,
  type ValidCandidate,
} from './bulk.format.js';
import {
  activeUnitsInScope,
  exportRows,
  findBoothsOfMalls,
  findMallsByCode,
  findServicesByCode,
  findUnitsByCode,
  placeChoicesInScope,
  placesOf,
  slugTaken,
  type ExistingService,
  type ExportFilter,
  type PlaceRow,
  type UnitByCode,
} from './bulk.queries.js';
import { WORKBOOK_LIMITS, WorkbookRefused, looksLikeOldExcel, looksLikeZip } from './bulk.workbook.js';
import { LIST_SHEETS, parseWorkbook, PLACES_SHEET, SERVICES_SHEET, writeWorkbook, type UnitChoice } from './bulk.xlsx.js';
import type { DraftContent, VersionStatus } from './standards.content.js';
import {
  createDraft,
  createService,
  locationProblems,
  MANAGE,
  saveContent,
  setServiceLocations,
  updateService,
  type LocationProblem,
  type StandardsContext,
} from './standards.service.js';

/**
 * Bulk import and export of services with their standards, as JSON (bulk.format.ts) or as the XLSX
 * workbook office staff fill in (bulk.xlsx.ts).
 *
 * An import is all or nothing. Every row is checked first, without writing: the content schema, the
 * enumerations, codes unique in the file, the unit inside the importer's scope (per row), the state of a
 * service that exists. Only a file without a single problem is written, in one transaction, through the
 * lifecycle's own use cases (createService, updateService, createDraft, saveContent), so an import obeys
 * and records exactly what the editor does. A service that exists gets its open draft updated, or a new
 * draft copied from the published version; the file's components replace the draft's, and components the
 * file leaves out stay as they were. Places named in the file replace the service's (setServiceLocations,
 * under the same rules as the service form); a service the file gives no places keeps its own.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shared handle
type AnyDb = Kysely<any>;

export interface BulkContext {
  db: AnyDb;
  actor: StandardsContext['actor'];
  requestId?: string | undefined;
}

const scopesOf = (ctx: BulkContext) => scopesFor(ctx.actor, MANAGE);
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

// ---- reading a file ------------------------------------------------------------------------------

export interface ReadFile {
  format: 'xlsx' | 'json';
  candidates: ImportCandidate[];
  issues: ImportIssue[];
}

/**
 * Reads an uploaded file by what its bytes are, not what its name says: a ZIP that holds a workbook is
 * XLSX, text starting with `{` is JSON; anything else, and files over the limits, is refused with the reason.
 * @throws BULK_FILE_MISSING, BULK_FILE_TOO_LARGE, BULK_FILE_TYPE, BULK_FILE_OLD_OR_ENCRYPTED, BULK_FILE_DAMAGED,
 *   BULK_FILE_UNPACKS_TOO_LARGE, BULK_FILE_TOO_MANY_ROWS, BULK_JSON_MALFORMED
 */
export async function readImportFile(bytes: Buffer): Promise<ReadFile> {
  if (bytes.length === 0) throw E.FileMissing();
  if (bytes.length > MAX_FILE_BYTES) throw E.FileTooLarge({ limit: megabytes(MAX_FILE_BYTES) });
  if (looksLikeZip(bytes)) {
    try {
      return { format: 'xlsx', ...(await parseWorkbook(bytes)) };
    } catch (error) {
      if (error instanceof WorkbookRefused) throw refusal(error);
      throw error;
    }
  }
  if (looksLikeOldExcel(bytes)) throw E.FileOldOrEncrypted();
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!/^\s*\{/.test(text)) throw E.FileType();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw E.JsonMalformed();
  }
  return { format: 'json', ...parseDocument(json) };
}

function refusal(error: WorkbookRefused): AppError {
  const problem = error.problem;
  const detail = error.message;
  switch (problem.kind) {
    case 'not-zip':
      return problem.oldExcel ? E.FileOldOrEncrypted({}, { detail }) : E.FileType({}, { detail });
    case 'not-xlsx':
      return E.FileType({}, { detail });
    case 'encrypted':
      return E.FileOldOrEncrypted({}, { detail });
    case 'malformed':
      return E.FileDamaged({}, { detail });
    case 'too-big':
      return E.FileUnpacksTooLarge({ limit: megabytes(WORKBOOK_LIMITS.unpackedBytes) }, { detail });
    case 'too-many-rows':
      return E.FileTooManyRows({ sheet: problem.sheet, limit: problem.limit }, { detail });
  }
}

// ---- importing -----------------------------------------------------------------------------------

export interface ImportedService {
  agencyCode: string;
  unitCode: string;
  code: string;
  name: string;
  action: 'created' | 'updated';
  /** Set once written. */
  serviceId?: string | undefined;
  versionId?: string | undefined;
  versionNumber?: number | undefined;
}

export interface ImportResult {
  /** True when the services were written; false for a check only, and whenever there is an issue. */
  imported: boolean;
  dryRun: boolean;
  issues: ImportIssue[];
  services: ImportedService[];
}

interface Plan {
  candidate: ValidCandidate;
  unit: UnitByCode;
  existing: ExistingService | undefined;
  /** The file's places by id, once found and checked; undefined when the file gives none for this service. */
  locations?: { mallId: string; boothId: string | null }[] | undefined;
}

const upper = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : '');
const unitKey = (agencyCode: string, unitCode: string) => `${agencyCode}/${unitCode}`;

/**
 * Checks every candidate and, when none has a problem and this is not a dry run, writes them all in one
 * transaction. Never throws for a problem of the file: they come back as issues, and then nothing is written.
 */
export async function importServices(
  ctx: BulkContext,
  read: Pick<ReadFile, 'candidates' | 'issues'>,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  const issues = [...read.issues];
  if (read.candidates.length === 0 && issues.length === 0) issues.push({ key: 'bulk.issue.noServices' });
  if (read.candidates.length > MAX_SERVICES) {
    issues.push({ key: 'bulk.issue.tooManyServices', params: { limit: MAX_SERVICES } });
    return { imported: false, dryRun, issues, services: [] };
  }

  // The unit of every row, valid or not, so that a row with a wrong category still hears about its unit.
  const pairs = new Map<string, { agencyCode: string; unitCode: string }>();
  for (const c of read.candidates) {
    const agencyCode = upper(c.service.agencyCode);
    const unitCode = upper(c.service.unitCode);
    if (agencyCode && unitCode) pairs.set(unitKey(agencyCode, unitCode), { agencyCode, unitCode });
  }
  const units = new Map((await findUnitsByCode(ctx.db, [...pairs.values()])).map((u) => [unitKey(u.agencyCode, u.code), u]));
  const scopes = scopesOf(ctx);
  const inScope = (u: UnitByCode) => scopes.some((s) => scopeCovers(s, { agencyId: u.agencyId, unitId: u.id }));

  const valid: { candidate: ValidCandidate; unit: UnitByCode }[] = [];
  const seen = new Map<string, number>();
  for (const candidate of read.candidates) {
    const checked = checkCandidate(candidate);
    const agencyCode = upper(candidate.service.agencyCode);
    const unitCode = upper(candidate.service.unitCode);
    const unit = units.get(unitKey(agencyCode, unitCode));
    const unitIssues: ImportIssue[] = [];
    if (agencyCode && unitCode) {
      // Unknown and foreign units read the same: the file must not reveal what lies outside the scope.
      if (!unit || !inScope(unit)) {
        unitIssues.push({
          ...candidate.origin(['unitCode']),
          key: 'bulk.issue.unitNotFound',
          params: { agency: agencyCode, unit: unitCode },
        });
      } else if (!unit.active) {
        unitIssues.push({
          ...candidate.origin(['unitCode']),
          key: 'bulk.issue.unitInactive',
          params: { agency: agencyCode, unit: unitCode },
        });
      }
    }
    issues.push(...unitIssues);
    if (!checked.ok) {
      issues.push(...checked.issues);
      continue;
    }
    const key = `${unitKey(agencyCode, unitCode)}/${checked.value.fields.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        ...candidate.origin(['code']),
        key: 'bulk.issue.duplicateService',
        params: { code: checked.value.fields.code, row: first },
      });
      continue;
    }
    seen.set(key, candidate.origin([]).row ?? 0);
    if (unitIssues.length === 0 && unit) valid.push({ candidate: checked.value, unit });
  }

  const existing = new Map(
    (
      await findServicesByCode(
        ctx.db,
        valid.map((v) => ({ unitId: v.unit.id, code: v.candidate.fields.code })),
      )
    ).map((s) => [`${s.serviceUnitId}/${s.code}`, s]),
  );
  const plans: Plan[] = valid.map((v) => ({ ...v, existing: existing.get(`${v.unit.id}/${v.candidate.fields.code}`) }));
  issues.push(...(await stateIssues(ctx.db, plans)));
  issues.push(...(await placeIssues(ctx.db, plans)));

  const services = plans.map((p): ImportedService => ({
    agencyCode: p.unit.agencyCode,
    unitCode: p.unit.code,
    code: p.candidate.fields.code,
    name: p.candidate.fields.name,
    action: p.existing ? 'updated' : 'created',
  }));
  if (issues.length > 0) return { imported: false, dryRun, issues: sortIssues(issues), services: [] };
  if (dryRun) return { imported: false, dryRun, issues, services };

  try {
    const written = await writeAll(ctx, plans);
    return { imported: true, dryRun, issues, services: written };
  } catch (error) {
    if (error instanceof RowRefused) return { imported: false, dryRun, issues: rowIssues(error), services: [] };
    throw error;
  }
}

/** What the database says about rows that are otherwise fine: the state of services that exist, and page addresses. */
async function stateIssues(db: AnyDb, plans: readonly Plan[]): Promise<ImportIssue[]> {
  const issues: ImportIssue[] = [];
  const slugs = new Map<string, Plan>();
  for (const plan of plans) {
    const { fields, origin } = plan.candidate;
    const s = plan.existing;
    if (s && !s.active) issues.push({ ...origin(['code']), key: 'bulk.issue.serviceInactive', params: { code: fields.code } });
    if (s?.openStatus && s.openStatus !== 'draft') {
      issues.push({
        ...origin(['code']),
        key: 'bulk.issue.versionInProgress',
        params: { code: fields.code, number: s.openNumber ?? 0, status: s.openStatus },
      });
    }
    if (fields.slug === undefined || fields.slug === s?.slug) continue;
    const other = slugs.get(fields.slug);
    if (other) issues.push({ ...origin(['slug']), key: 'bulk.issue.slugDuplicate', params: { slug: fields.slug } });
    else if (await slugTaken(db, fields.slug)) {
      issues.push({ ...origin(['slug']), key: 'bulk.issue.slugTaken', params: { slug: fields.slug } });
    }
    slugs.set(fields.slug, plan);
  }
  return issues;
}

const mallKey = (regionCode: string, mallCode: string) => `${regionCode}/${mallCode}`;

/** What each rule of `locationProblems` says about a place of a file, at the column it is about. */
const PLACE_PROBLEMS: Record<LocationProblem['reason'], { field: 'mallCode' | 'boothCode'; key: string }> = {
  duplicate: { field: 'mallCode', key: 'bulk.issue.placeDuplicate' },
  mallMissing: { field: 'mallCode', key: 'bulk.issue.mallNotFound' },
  mallInactive: { field: 'mallCode', key: 'bulk.issue.mallInactive' },
  boothMissing: { field: 'boothCode', key: 'bulk.issue.boothNotFound' },
  boothInOtherMall: { field: 'boothCode', key: 'bulk.issue.boothNotFound' },
  boothInactive: { field: 'boothCode', key: 'bulk.issue.boothInactive' },
  boothOfOtherUnit: { field: 'boothCode', key: 'bulk.issue.boothOtherUnit' },
};

/**
 * Finds the malls and booths each service's places name by code, and checks them with the service form's
 * own rules (`locationProblems`); sets each plan's `locations` to the ids found.
 */
async function placeIssues(db: AnyDb, plans: Plan[]): Promise<ImportIssue[]> {
  const named = plans.flatMap((p) => p.candidate.fields.places ?? []);
  const pairs = new Map(named.map((p) => [mallKey(p.regionCode, p.mallCode), { regionCode: p.regionCode, mallCode: p.mallCode }]));
  const malls = new Map((await findMallsByCode(db, [...pairs.values()])).map((m) => [mallKey(m.regionCode, m.code), m]));
  const booths = await findBoothsOfMalls(db, [...new Set([...malls.values()].map((m) => m.id))]);
  const boothByCode = new Map(booths.map((b) => [`${b.mallId}/${b.code}`, b]));
  const mallsById = new Map([...malls.values()].map((m) => [m.id, m]));
  const boothsById = new Map(booths.map((b) => [b.id, b]));

  const issues: ImportIssue[] = [];
  for (const plan of plans) {
    const { fields, origin } = plan.candidate;
    if (!fields.places) continue;
    // A mall or booth no code names gets an id of its own, so the rules see it as missing and each place keeps its index.
    const locations = fields.places.map((place, i) => {
      const mall = malls.get(mallKey(place.regionCode, place.mallCode));
      const mallId = mall?.id ?? `unknown-mall:${mallKey(place.regionCode, place.mallCode)}`;
      if (!place.boothCode) return { mallId, boothId: null };
      return { mallId, boothId: boothByCode.get(`${mall?.id ?? ''}/${place.boothCode}`)?.id ?? `unknown-booth:${i}` };
    });
    const problems = locationProblems(plan.unit.id, locations, mallsById, boothsById);
    for (const { index, problem } of problems) {
      const place = fields.places[index]!;
      // An unknown mall is said once; its booth cannot be looked for.
      if (problem.field === 'boothId' && problems.some((p) => p.index === index && p.problem.reason === 'mallMissing')) continue;
      const said = PLACE_PROBLEMS[problem.reason];
      issues.push({
        ...origin(['places', index, said.field]),
        key: said.key,
        params: { region: place.regionCode, mall: place.mallCode, booth: place.boothCode ?? '', unit: plan.unit.code },
      });
    }
    if (problems.length === 0) plan.locations = locations;
  }
  return issues;
}

/** A refusal of the lifecycle while writing one row; everything written before it is rolled back. */
class RowRefused extends Error {
  constructor(
    readonly plan: Plan,
    readonly error: AppError,
    /** Where the refused value sits in the row: `content` for the standard, the service's fields otherwise. */
    readonly within: 'content' | 'service',
  ) {
    super(error.message);
  }
}

function rowIssues(refused: RowRefused): ImportIssue[] {
  const { origin } = refused.plan.candidate;
  const { error, within } = refused;
  if (error.fields.length === 0) {
    return [{ ...origin(within === 'content' ? ['content'] : ['code']), key: errorKey(error), params: error.params }];
  }
  return error.fields.map((f) => {
    const path = f.path ? f.path.split('.') : [];
    // The service's rules speak of `locations.N.mallId`; the file of `places.N.mallCode`.
    const [head, index, field] = path;
    if (within === 'service' && head === 'locations' && index !== undefined) {
      return { ...origin(['places', index, field === 'boothId' ? 'boothCode' : 'mallCode']), key: f.key, params: f.params };
    }
    return { ...origin(within === 'content' ? ['content', ...path] : path), key: f.key, params: f.params };
  });
}

/**
 * The lifecycle's use cases open their own transactions; handed this instead of the database, they run
 * inside the import's one transaction, so the first refusal rolls back every row before it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module's transaction
function joining(tx: Transaction<any>): AnyDb {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction') return () => ({ execute: <T>(fn: (inner: typeof tx) => Promise<T>) => fn(target) });
      // Kysely keeps its state in private fields, which only the real object can read.
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const sameFields = (s: ExistingService, f: ValidCandidate['fields']) =>
  s.name === f.name &&
  s.summary === f.summary &&
  s.keywords === f.keywords &&
  s.category === f.category &&
  s.kind === f.kind &&
  s.channels === f.channels &&
  (f.slug === undefined || f.slug === s.slug) &&
  JSON.stringify(s.lifeEvents) === JSON.stringify(f.lifeEvents) &&
  JSON.stringify(s.audiences) === JSON.stringify(f.audiences);

/** Whether a service is already offered at exactly these places. */
const samePlaces = (current: readonly PlaceRow[], locations: readonly { mallId: string; boothId: string | null }[]) => {
  const key = (l: { mallId: string; boothId: string | null }) => `${l.mallId}/${l.boothId ?? ''}`;
  const had = new Set(current.map(key));
  return had.size === locations.length && locations.every((l) => had.has(key(l)));
};

async function writeAll(ctx: BulkContext, plans: readonly Plan[]): Promise<ImportedService[]> {
  const existingIds = plans.flatMap((p) => (p.existing && p.locations ? [p.existing.id] : []));
  const current = Map.groupBy(await placesOf(ctx.db, existingIds), (r) => r.serviceId);
  return ctx.db.transaction().execute(async (tx) => {
    const inner: StandardsContext = { db: joining(tx), actor: ctx.actor, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) };
    const out: ImportedService[] = [];
    for (const plan of plans) {
      const { fields, content } = plan.candidate;
      const step = async <T>(within: 'content' | 'service', run: () => Promise<T>): Promise<T> => {
        try {
          return await run();
        } catch (error) {
          throw error instanceof AppError ? new RowRefused(plan, error, within) : error;
        }
      };
      const { agencyCode: _a, unitCode: _u, places: _p, ...serviceFields } = fields;
      let serviceId: string;
      let draft: { id: string; version: number; number: number; content: DraftContent };
      if (plan.existing) {
        const s = plan.existing;
        serviceId = s.id;
        if (!sameFields(s, fields)) await step('service', () => updateService(inner, s.id, { ...serviceFields, version: s.version }));
        const locations = plan.locations;
        if (locations && !samePlaces(current.get(s.id) ?? [], locations)) {
          await step('service', () => setServiceLocations(inner, s.id, locations));
        }
        draft =
          s.openVersionId && s.openStatus === 'draft'
            ? { id: s.openVersionId, version: s.openVersion!, number: s.openNumber!, content: s.openContent ?? {} }
            : await step('service', () => createDraft(inner, s.id));
      } else {
        const created = await step('service', () =>
          createService(inner, { ...serviceFields, serviceUnitId: plan.unit.id, locations: plan.locations ?? [] }),
        );
        serviceId = created.id;
        draft = await step('service', () => createDraft(inner, created.id));
      }
      const saved = await step('content', () => saveContent(inner, draft.id, { ...draft.content, ...content }, draft.version));
      out.push({
        agencyCode: plan.unit.agencyCode,
        unitCode: plan.unit.code,
        code: fields.code,
        name: fields.name,
        action: plan.existing ? 'updated' : 'created',
        serviceId,
        versionId: saved.id,
        versionNumber: saved.number,
      });
    }
    return out;
  });
}

// ---- the report --------------------------------------------------------------------------------------

const DATA_SHEETS = [SERVICES_SHEET, ...LIST_SHEETS.map((l) => l.sheet), PLACES_SHEET];
const SHEET_ORDER = DATA_SHEETS.map((s) => s.name);
const columnOrder = (sheet: string | undefined, column: string | undefined) => {
  const spec = DATA_SHEETS.find((s) => s.name === sheet);
  const i = spec?.columns.findIndex((c) => c.header === column) ?? -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
};

/** Issues in reading order: whole-file ones first, then by sheet (as the workbook orders them), row and column. */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  const sheet = (i: ImportIssue) => (i.sheet === undefined ? -1 : SHEET_ORDER.indexOf(i.sheet));
  return [...issues].sort(
    (a, b) =>
      sheet(a) - sheet(b) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      columnOrder(a.sheet, a.column) - columnOrder(b.sheet, b.column) ||
      (a.field ?? '').localeCompare(b.field ?? ''),
  );
}

export interface ReportEntry {
  sheet: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  message: string;
}

/** The issues as a person reads them, in the request's language. */
export function presentIssues(issues: readonly ImportIssue[], locale: Locale): ReportEntry[] {
  return issues.map((i) => ({
    sheet: i.sheet ?? null,
    row: i.row ?? null,
    column: i.column ?? null,
    field: i.field ?? null,
    message: lookupMessage(i.key, locale, i.params) ?? i.key,
  }));
}

// ---- exporting ---------------------------------------------------------------------------------------

/** The services inside the actor's scopes that the filter names, each with the version it asks for. */
export async function exportServices(ctx: BulkContext, filter: ExportFilter, at: Date = new Date()): Promise<BulkDocument> {
  const rows = await exportRows(ctx.db, scopesOf(ctx), filter);
  const places = Map.groupBy(
    await placesOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    (p) => p.serviceId,
  );
  const services = rows.map((r): BulkService => ({
    agencyCode: r.agencyCode,
    unitCode: r.unitCode,
    code: r.code,
    slug: r.slug,
    name: r.name,
    summary: r.summary,
    keywords: r.keywords,
    category: r.category as BulkService['category'],
    kind: r.kind,
    lifeEvents: r.lifeEvents as BulkService['lifeEvents'],
    audiences: r.audiences as BulkService['audiences'],
    channels: r.channels,
    places: (places.get(r.id) ?? []).map((p) => ({ regionCode: p.regionCode, mallCode: p.mallCode, boothCode: p.boothCode })),
    active: r.active,
    standard:
      r.versionNumber === null
        ? null
        : { number: r.versionNumber, status: r.versionStatus as VersionStatus, version: r.versionVersion ?? 1 },
    content: r.content ?? {},
  }));
  return { format: BULK_FORMAT, version: BULK_FORMAT_VERSION, exportedAt: at.toISOString(), services };
}

async function unitChoices(ctx: BulkContext): Promise<UnitChoice[]> {
  return (await activeUnitsInScope(ctx.db, scopesOf(ctx))).map((u) => ({
    agencyCode: u.agencyCode,
    agencyName: u.agencyName,
    unitCode: u.code,
    unitName: u.name,
  }));
}

/** The empty workbook, its lists of units and booths limited to the actor's scopes. */
export async function templateWorkbook(ctx: BulkContext): Promise<Buffer> {
  return writeWorkbook([], await unitChoices(ctx), await placeChoicesInScope(ctx.db, scopesOf(ctx)));
}

/**
 * The export as a workbook that imports back.
 * @throws BULK_EXPORT_AMBIGUOUS when two exported services share a code (the list sheets name services by code)
 */
export async function exportWorkbook(ctx: BulkContext, filter: ExportFilter): Promise<Buffer> {
  const document = await exportServices(ctx, filter);
  const codes = new Set<string>();
  for (const s of document.services) {
    if (codes.has(s.code)) throw E.ExportAmbiguous({ code: s.code });
    codes.add(s.code);
  }
  return writeWorkbook(document.services, await unitChoices(ctx), await placeChoicesInScope(ctx.db, scopesOf(ctx)));
}
