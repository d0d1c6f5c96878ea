import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { loadWorkingCalendar, workingDaysLeft, type WorkingCalendar } from '../calendar/index.js';
import { readStandardVersion } from '../standards/index.js';
import { type AnyDb } from './applications.core.js';
import type { ApplicationStatus } from './applications.tables.js';
import { formatCode, normalizeTrackingNumber, normalizeVerificationCode } from './tracking-number.js';

/**
 * Public tracking by tracking number and public verification of issued outputs. Anyone holding the number
 * (printed on the receipt) or the code (printed on the output) may look; so what comes back says where the
 * application stands and nothing about the person: no name, no NIK, no answers, no contact details.
 *
 * Tracking is the hot path of the public API, so the case, its service and unit, its public timeline and
 * the items returned for correction come back from one statement on indexed keys. What changes seldom is
 * kept in memory: a standard version's step and requirement names (versions are frozen, so never stale)
 * and a unit's working calendar (for a minute).
 */

/** Timeline events whose notes stay off the public page (the citizen reads them signed in). */
const PRIVATE_NOTES = new Set(['output_revoked']);

export type ClockState = 'running' | 'paused' | 'overdue' | 'stopped';

export interface TrackingView {
  trackingNumber: string;
  /** `7K3QP-M2XW9`, as printed. */
  formatted: string;
  serviceName: string;
  unitName: string;
  agencyName: string;
  status: ApplicationStatus;
  submittedAt: Date;
  /** The procedure step in progress, by its title in the standard. */
  currentStep: string | null;
  clock: {
    state: ClockState;
    dueAt: Date | null;
    /** Whole working days to the due day; 0 on it, negative when overdue; null when the clock is paused or stopped. */
    workingDaysLeft: number | null;
    timeZone: WorkingCalendar['timeZone'];
  };
  /** What the citizen is asked to correct (while the application waits for them). */
  needed: { requirementKey: string; requirement: string; note: string }[];
  timeline: { at: Date; kind: string; step: string | null; note: string | null }[];
  decidedAt: Date | null;
  completedAt: Date | null;
  rejection: { reason: string; legalBasis: string | null } | null;
}

interface TrackingRow {
  trackingNumber: string;
  status: ApplicationStatus;
  standardVersionId: string;
  serviceUnitId: string;
  mallId: string | null;
  currentStepKey: string | null;
  submittedAt: Date;
  dueAt: Date | null;
  clockPaused: boolean;
  decidedAt: Date | null;
  completedAt: Date | null;
  rejectionReason: string | null;
  rejectionLegalBasis: string | null;
  serviceName: string;
  unitName: string;
  agencyName: string;
  timeline: { at: string; kind: string; stepKey: string | null; note: string | null }[] | string;
  corrections: { key: string; note: string }[] | string;
}

// ---- what changes seldom, in memory --------------------------------------------------------------------

interface StandardNames {
  steps: Record<string, string>;
  requirements: Record<string, string>;
}

const MAX_CACHED = 1000;
const CALENDAR_TTL_MS = 60_000;
const namesByVersion = new Map<string, Promise<StandardNames>>();
const calendars = new Map<string, { at: number; calendar: Promise<WorkingCalendar> }>();

/** Bounded: when full, the oldest half goes (Map keeps insertion order). */
function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_CACHED) for (const k of [...map.keys()].slice(0, MAX_CACHED / 2)) map.delete(k);
  map.set(key, value);
  return value;
}

/** Step titles and requirement names of a frozen standard version (they never change once published). */
function standardNames(db: AnyDb, versionId: string): Promise<StandardNames> {
  const cached = namesByVersion.get(versionId);
  if (cached) return cached;
  const loading = (async () => {
    const version = await readStandardVersion(db, versionId);
    type Named = { key: string; title?: string; name?: string }[];
    const content = version?.content as { procedure?: Named; requirements?: Named } | undefined;
    return {
      steps: Object.fromEntries((content?.procedure ?? []).map((s) => [s.key, s.title ?? s.key])),
      requirements: Object.fromEntries((content?.requirements ?? []).map((r) => [r.key, r.name ?? r.key])),
    };
  })();
  loading.catch(() => namesByVersion.delete(versionId));
  return remember(namesByVersion, versionId, loading);
}

/** The unit's (or the mall's) working calendar, reloaded after a minute so an added closure shows soon. */
function calendarOf(db: AnyDb, serviceUnitId: string, mallId: string | null, now: number): Promise<WorkingCalendar> {
  const key = `${serviceUnitId}:${mallId ?? ''}`;
  const cached = calendars.get(key);
  if (cached && now - cached.at < CALENDAR_TTL_MS) return cached.calendar;
  const calendar = loadWorkingCalendar(db, { serviceUnitId, mallId });
  calendar.catch(() => calendars.delete(key));
  return remember(calendars, key, { at: now, calendar }).calendar;
}

/** Forgets what is kept in memory (tests that change a calendar and read again at once). */
export function forgetTrackingCache(): void {
  namesByVersion.clear();
  calendars.clear();
}

const parsed = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
const OPEN: readonly ApplicationStatus[] = ['submitted', 'in_process', 'awaiting_citizen'];

// ---- tracking ------------------------------------------------------------------------------------------

/**
 * Where an application stands, by the number on its receipt; undefined for a mistyped number (the check
 * character catches most typos before the database is asked) and for one that does not exist.
 */
export async function trackApplication(db: AnyDb, input: string, now = new Date()): Promise<TrackingView | undefined> {
  const number = normalizeTrackingNumber(input);
  if (!number) return undefined;
  const { rows } = await sql<TrackingRow>`
    select a.tracking_number, a.status, a.standard_version_id, a.service_unit_id, a.mall_id, a.current_step_key,
           a.submitted_at, a.due_at, a.clock_paused, a.decided_at, a.completed_at, a.rejection_reason,
           a.rejection_legal_basis, s.name as service_name, u.name as unit_name, g.name as agency_name,
           (select coalesce(json_agg(json_build_object('at', e.at, 'kind', e.kind, 'stepKey', e.step_key, 'note', e.note) order by e.id), '[]')
              from applications.event e where e.application_id = a.id and e.public) as timeline,
           (select coalesce(json_agg(json_build_object('key', c.requirement_key, 'note', c.note) order by c.requirement_key), '[]')
              from applications.requirement_check c
             where c.application_id = a.id and c.outcome = 'needs_correction' and a.status = 'awaiting_citizen') as corrections
      from applications.application a
      join standards.service_directory s on s.id = a.service_id
      join organizations.unit_directory u on u.id = a.service_unit_id
      join organizations.agency_directory g on g.id = a.agency_id
     where a.tracking_number = ${number}`.execute(db);
  const row = rows[0];
  // A tracking number is issued on submission; drafts have none, so they are never found here.
  if (!row) return undefined;
  const nowMs = now.getTime();
  const [names, calendar] = await Promise.all([
    standardNames(db, row.standardVersionId),
    calendarOf(db, row.serviceUnitId, row.mallId, nowMs),
  ]);
  const dueAt = row.dueAt ? new Date(row.dueAt) : null;
  const isOpen = OPEN.includes(row.status);
  const state: ClockState = !isOpen || !dueAt ? 'stopped' : row.clockPaused ? 'paused' : nowMs > dueAt.getTime() ? 'overdue' : 'running';
  return {
    trackingNumber: row.trackingNumber,
    formatted: formatCode(row.trackingNumber),
    serviceName: row.serviceName,
    unitName: row.unitName,
    agencyName: row.agencyName,
    status: row.status,
    submittedAt: new Date(row.submittedAt),
    currentStep: isOpen && row.currentStepKey ? (names.steps[row.currentStepKey] ?? null) : null,
    clock: {
      state,
      dueAt,
      workingDaysLeft: (state === 'running' || state === 'overdue') && dueAt ? workingDaysLeft(calendar, now, dueAt) : null,
      timeZone: calendar.timeZone,
    },
    needed: parsed(row.corrections).map((c) => ({
      requirementKey: c.key,
      requirement: names.requirements[c.key] ?? c.key,
      note: c.note,
    })),
    timeline: parsed(row.timeline).map((e) => ({
      at: new Date(e.at),
      kind: e.kind,
      step: e.stepKey ? (names.steps[e.stepKey] ?? null) : null,
      // Why an output was revoked may name the person; anyone with the number reads this page.
      note: PRIVATE_NOTES.has(e.kind) ? null : e.note,
    })),
    decidedAt: row.decidedAt ? new Date(row.decidedAt) : null,
    completedAt: row.completedAt ? new Date(row.completedAt) : null,
    rejection:
      row.status === 'rejected' && row.rejectionReason ? { reason: row.rejectionReason, legalBasis: row.rejectionLegalBasis } : null,
  };
}

// ---- verification --------------------------------------------------------------------------------------

export interface VerificationView {
  verificationCode: string;
  /** `7K3Q-PM2X-W9A4`, as printed. */
  formatted: string;
  productName: string;
  serviceName: string;
  unitName: string;
  agencyName: string;
  issuedAt: Date;
  /** SHA-256 of the issued file, hex. */
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  revokedAt: Date | null;
}

/** An issued output by its verification code; undefined for a mistyped or unknown code. No personal data. */
export async function verifyOutput(db: AnyDb, input: string): Promise<VerificationView | undefined> {
  const code = normalizeVerificationCode(input);
  if (!code) return undefined;
  const { rows } = await sql<Omit<VerificationView, 'formatted'>>`
    select o.verification_code, o.product_name, o.issued_at, o.sha256, o.size_bytes, o.media_type, o.revoked_at,
           s.name as service_name, u.name as unit_name, g.name as agency_name
      from applications.output o
      join applications.application a on a.id = o.application_id
      join standards.service_directory s on s.id = a.service_id
      join organizations.unit_directory u on u.id = a.service_unit_id
      join organizations.agency_directory g on g.id = a.agency_id
     where o.verification_code = ${code}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...row,
    formatted: formatCode(row.verificationCode),
    issuedAt: new Date(row.issuedAt),
    sizeBytes: Number(row.sizeBytes),
    revokedAt: row.revokedAt ? new Date(row.revokedAt) : null,
  };
}

/** Thrown by hashStream when the stream passes its limit; the rest is not read. */
export class StreamTooLarge extends Error {
  override name = 'StreamTooLarge';
}

/** SHA-256 (hex) of a stream, read chunk by chunk without keeping it, refusing more than `limit` bytes. */
export async function hashStream(stream: Readable, limit: number): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > limit) {
      stream.destroy();
      throw new StreamTooLarge(`more than ${limit} bytes`);
    }
    hash.update(chunk);
  }
  return { sha256: hash.digest('hex'), bytes };
}
