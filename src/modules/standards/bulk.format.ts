import { z } from 'zod';
import type { Params } from '../../platform/i18n/catalog.js';
import { issuesToFieldErrors, type IssueLike } from '../../platform/http/validation.js';
import { keyFrom } from './admin.forms.js';
import { ServiceBody } from './standards.schemas.js';
import {
  COMPONENT_SCHEMAS,
  COMPONENTS,
  duplicateKeys,
  type ComponentKey,
  type DraftContent,
  type VersionStatus,
} from './standards.content.js';

/**
 * The bulk format of services and their standards, shared by the JSON and the XLSX import and export.
 *
 * A document is `{ format: "satupintu.standards", version: 1, exportedAt, services: [...] }`; each service
 * names its unit by agency and unit code (ids differ between installations), carries its own fields and
 * `content`, the 14 components as in standards.content.ts, and on export also `active` and `standard`
 * (which version the content is: number, status, version). Import reads the same document and ignores
 * `active`, `standard` and `exportedAt`, so an export can be edited and imported back. A service is known
 * by agency code, unit code and service code: a known one gets a new draft (or its open draft is
 * updated), an unknown one is created.
 *
 * `places` says where a service is offered in person, named by codes as units are:
 * `[{ regionCode: "51.03", mallCode: "MPP-BADUNG", boothCode: "G-DUKCAPIL" }]`, the mall by its region and
 * mall code, the booth by its code in that mall, or `boothCode: null` for the unit's own office in the mall's
 * area. A mall appears once per service. On import a known service's places are replaced by the list given
 * (`[]` removes them all); a service without `places` keeps its places, so documents from before the field
 * still import. The export always writes it, ordered by region and mall code.
 */

export const BULK_FORMAT = 'satupintu.standards';
export const BULK_FORMAT_VERSION = 1;
/** Services in one import; more belong in several files. */
export const MAX_SERVICES = 1000;
/** The largest file an import reads, checked before any parsing. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Where a value came from: a cell of a workbook, or a service of a JSON document and a path in it. */
export interface Origin {
  sheet?: string | undefined;
  /** The workbook row, or the service's position (from 1) in a JSON document. */
  row?: number | undefined;
  /** The workbook column's header. */
  column?: string | undefined;
  /** The dotted path inside the service (`content.fee.items.0.amount`). */
  field?: string | undefined;
}

/** One problem found in a file, with a catalog key for its message. */
export interface ImportIssue extends Origin {
  key: string;
  params?: Params | undefined;
}

/** A service as read from a file, before any check: its fields, its components, and where each part came from. */
export interface ImportCandidate {
  service: Record<string, unknown>;
  content: Record<string, unknown>;
  origin: (path: readonly (string | number)[]) => Origin;
  /** Problems found while reading it (a cell that is not a number); the schema's own word on those fields is left out. */
  problems?: ImportIssue[] | undefined;
}

const ORG_CODE = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/));

/** One place a service is offered at: a mall by region and code, and the unit's booth there by its code, or none. */
export const ImportPlace = z.strictObject({
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}$/),
  mallCode: ORG_CODE,
  boothCode: ORG_CODE.nullable().optional(),
});
export type ImportPlace = z.output<typeof ImportPlace>;

/**
 * A service's own fields as a file gives them: the API's, with the unit named by agency and unit code, and
 * its places (the API's `locations`, by id) named by codes. `places` absent: the service keeps its places.
 */
export const ImportServiceFields = ServiceBody.omit({ serviceUnitId: true, locations: true }).extend({
  agencyCode: ORG_CODE,
  unitCode: ORG_CODE,
  places: z.array(ImportPlace).max(50).optional(),
});
export type ImportServiceFields = z.output<typeof ImportServiceFields>;

/** A place as exported: no booth is `null`. */
export interface BulkPlace {
  regionCode: string;
  mallCode: string;
  boothCode: string | null;
}

/** A service as exported. */
export interface BulkService extends Omit<ImportServiceFields, 'slug' | 'places'> {
  slug: string;
  places: BulkPlace[];
  active: boolean;
  /** The version the content is taken from; null for a service without any version. */
  standard: { number: number; status: VersionStatus; version: number } | null;
  content: DraftContent;
}

export interface BulkDocument {
  format: typeof BULK_FORMAT;
  version: typeof BULK_FORMAT_VERSION;
  exportedAt: string;
  services: BulkService[];
}

/** A candidate that passed every check that needs no database. */
export interface ValidCandidate {
  fields: ImportServiceFields;
  content: DraftContent;
  origin: ImportCandidate['origin'];
}

// ---- JSON --------------------------------------------------------------------------------------------

const Envelope = z.object({
  format: z.literal(BULK_FORMAT),
  version: z.literal(BULK_FORMAT_VERSION),
  services: z.array(z.unknown()).min(1).max(MAX_SERVICES),
});

const fieldIssues = (issues: readonly IssueLike[], at: (path: readonly PropertyKey[]) => Origin): ImportIssue[] =>
  issuesToFieldErrors(issues).map((e) => ({ ...at(e.path ? e.path.split('.') : []), key: e.key, params: e.params }));

/** Reads a JSON document into candidates; a wrong envelope is one issue about the whole file. */
export function parseDocument(input: unknown): { candidates: ImportCandidate[]; issues: ImportIssue[] } {
  const envelope = Envelope.safeParse(input, { reportInput: true });
  if (!envelope.success) {
    return { candidates: [], issues: fieldIssues(envelope.error.issues, (path) => ({ field: path.map(String).join('.') })) };
  }
  const issues: ImportIssue[] = [];
  const candidates: ImportCandidate[] = [];
  envelope.data.services.forEach((raw, i) => {
    const origin = (path: readonly (string | number)[]): Origin => ({ row: i + 1, field: path.map(String).join('.') || undefined });
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      issues.push({ ...origin([]), key: 'platform.validation.invalidType', params: { expected: 'object' } });
      return;
    }
    // What an export adds about the service's state is not something an import sets.
    const { content, active: _active, standard: _standard, ...service } = raw as Record<string, unknown>;
    if (content !== undefined && (content === null || typeof content !== 'object' || Array.isArray(content))) {
      issues.push({ ...origin(['content']), key: 'platform.validation.invalidType', params: { expected: 'object' } });
      return;
    }
    candidates.push({ service, content: (content ?? {}) as Record<string, unknown>, origin });
  });
  return { candidates, issues };
}

// ---- checks without the database ----------------------------------------------------------------------

/** Refusals of a whole list (none given) say which list, rather than "at least 1". */
function listIssues(issues: readonly IssueLike[]): IssueLike[] {
  return issues.map((issue) =>
    issue.code === 'too_small' && issue.origin === 'array' && Number(issue.minimum) === 1
      ? { ...issue, code: 'custom', message: 'bulk.issue.listEmpty' }
      : issue,
  );
}

/**
 * Requirements and steps without a key get one from their name, as the editor gives new rows; keys given
 * are kept, so later versions and applications still find their items.
 */
function withKeys(content: Record<string, unknown>): Record<string, unknown> {
  const out = { ...content };
  for (const [list, name, fallback] of [
    ['requirements', 'name', 'syarat'],
    ['procedure', 'title', 'langkah'],
  ] as const) {
    const items = out[list];
    if (!Array.isArray(items)) continue;
    const taken = new Set(
      items.flatMap((item: unknown) => (typeof (item as { key?: unknown })?.key === 'string' ? [(item as { key: string }).key] : [])),
    );
    out[list] = items.map((item: unknown) => {
      if (item === null || typeof item !== 'object' || (item as { key?: unknown }).key !== undefined) return item;
      const label = (item as Record<string, unknown>)[name];
      return { ...item, key: keyFrom(typeof label === 'string' ? label : '', taken, fallback) };
    });
  }
  return out;
}

/**
 * Checks one candidate's fields and each component it carries against the content schema, and the keys
 * of its requirements and steps for duplicates. Returns the parsed service, or the issues with their origin.
 */
export function checkCandidate(candidate: ImportCandidate): { ok: true; value: ValidCandidate } | { ok: false; issues: ImportIssue[] } {
  const problems = candidate.problems ?? [];
  const schemaIssues: ImportIssue[] = [];
  const at = (prefix: readonly (string | number)[]) => (path: readonly PropertyKey[]) => candidate.origin([...prefix, ...path.map(String)]);

  const fields = ImportServiceFields.safeParse(candidate.service, { reportInput: true });
  if (!fields.success) schemaIssues.push(...fieldIssues(fields.error.issues, at([])));

  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withKeys(candidate.content))) {
    if (!(COMPONENTS as readonly string[]).includes(key)) {
      schemaIssues.push({
        ...candidate.origin(['content', key]),
        key: 'platform.validation.unknownField',
        params: { field: `content.${key}` },
      });
      continue;
    }
    if (value === undefined || value === null) continue;
    const parsed = COMPONENT_SCHEMAS[key as ComponentKey].safeParse(value, { reportInput: true });
    if (parsed.success) content[key] = parsed.data;
    else schemaIssues.push(...fieldIssues(listIssues(parsed.error.issues), at(['content', key])));
  }
  for (const duplicate of duplicateKeys(content)) {
    schemaIssues.push({
      ...candidate.origin(['content', ...duplicate.path.split('.')]),
      key: 'standards.validation.duplicateKey',
      params: { key: duplicate.key },
    });
  }
  const said = new Set(problems.map((p) => p.field));
  const issues = [...problems, ...schemaIssues.filter((i) => !said.has(i.field))];
  if (issues.length > 0 || !fields.success) return { ok: false, issues };
  return { ok: true, value: { fields: fields.data, content: content, origin: candidate.origin } };
}
