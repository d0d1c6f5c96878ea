import type { Kysely, Transaction } from 'kysely';
import { isUuid, type Scope, type TenantPath } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import { GENESIS_HASH, hashEvent, type ChainedFields } from './audit.chain.js';
import { chainBatch, countEvents, findEvents, insertEvent, lockChainHead, type EventFilter } from './audit.repository.js';
import { summarize } from './audit.summary.js';
import type { ActorKind, AuditEventRow, AuditTables } from './audit.tables.js';

/**
 * Who did it. The platform's `Actor` fits as it is; `unitName` is the staff member's unit as shown to a
 * citizen, passed in by the caller until identity can look it up.
 */
export type AuditActor =
  { kind: 'anonymous' } | { kind: Exclude<ActorKind, 'anonymous'>; id: string; name: string; unitName?: string | undefined };

export interface AuditRecord {
  actor: AuditActor;
  /** `<module>.<entity>.<verb>`, e.g. `portal.feedback.submitted`. */
  action: string;
  subject: { type: string; id: string };
  before?: Record<string, unknown> | undefined;
  after?: Record<string, unknown> | undefined;
  requestId?: string | undefined;
  /**
   * Where the changed record sits, as its whole path (a booth: its agency, unit and mall), so an auditor
   * granted at any of them reads the event. Omitted for platform-level events, which only platform-scope
   * auditors read.
   */
  tenant?: TenantPath | undefined;
}

const ACTION = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

// Any module's transaction: Kysely is invariant in its table type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTx = Transaction<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A tenant id as the uuid column will give it back (lower case), so the hash computed here is the one
 * verification recomputes from the stored row.
 */
function tenantId(id: string | null | undefined, field: keyof TenantPath): string | null {
  if (id === undefined || id === null) return null;
  if (!isUuid(id)) throw new Error(`Audit tenant ${field} must be a uuid, got ${JSON.stringify(id)}`);
  return id.toLowerCase();
}

/**
 * Appends one event to the chain in the caller's transaction, so the trail holds exactly the changes
 * that committed. Holds the chain lock until that transaction ends: keep audited transactions short.
 */
export async function recordAudit(tx: AnyTx, record: AuditRecord): Promise<{ seq: number; hash: string }> {
  if (!ACTION.test(record.action)) throw new Error(`Audit action ${record.action} must be <module>.<entity>.<verb>`);
  const tenant = record.tenant ?? {};
  const agencyId = tenantId(tenant.agencyId, 'agencyId');
  const unitId = tenantId(tenant.unitId, 'unitId');
  const mallId = tenantId(tenant.mallId, 'mallId');
  const db = tablesOf<AuditTables>(tx);
  const head = await lockChainHead(db);
  const actor = record.actor;
  const fields: ChainedFields = {
    seq: (head?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorKind: actor.kind,
    actorId: actor.kind === 'anonymous' ? null : actor.id,
    actorName: actor.kind === 'anonymous' ? null : actor.name,
    actorUnit: actor.kind === 'anonymous' ? null : (actor.unitName ?? null),
    action: record.action,
    subjectType: record.subject.type,
    subjectId: record.subject.id,
    requestId: record.requestId ?? null,
    agencyId,
    unitId,
    mallId,
    before: summarize(record.before),
    after: summarize(record.after),
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = hashEvent(prevHash, fields);
  await insertEvent(db, { ...fields, prevHash, hash });
  return { seq: fields.seq, hash };
}

export const PERSONAL_DATA_VIEWED = 'audit.personal-data.viewed';

const ALL_TENANTS: readonly Scope[] = [{ kind: 'platform' }];

export interface PersonalDataAccess {
  staff: { kind: 'staff'; id: string; name: string; unitName: string };
  subjectAccountId: string;
  /** Which fields were shown, e.g. `['nik', 'phone']`; never their values. */
  fields: readonly string[];
  /** Why, in the staff member's words or as a code, e.g. `application.review`. */
  purpose: string;
  requestId?: string | undefined;
  /**
   * Where the staff member read it from (their agency, unit or mall), so auditors there can oversee
   * their own staff's reads. The citizen's own log shows every read whatever its tenant.
   */
  tenant?: TenantPath | undefined;
}

/**
 * A staff member opened a citizen's personal data (UU 27/2022 accountability). Chained like any other
 * event, so the citizen's view of who looked cannot be quietly trimmed.
 */
export async function recordPersonalDataAccess(tx: AnyTx, access: PersonalDataAccess) {
  return recordAudit(tx, {
    actor: access.staff,
    action: PERSONAL_DATA_VIEWED,
    subject: { type: 'account', id: access.subjectAccountId },
    after: { fields: [...access.fields], purpose: access.purpose },
    requestId: access.requestId,
    tenant: access.tenant,
  });
}

export interface PersonalDataAccessEntry {
  at: Date;
  staffName: string;
  unitName: string | null;
  fields: string[];
  purpose: string;
}

/** Who opened this citizen's data and when, newest first: what their account page shows. */
export async function listPersonalDataAccesses(db: AnyDb, subjectAccountId: string, limit = 100): Promise<PersonalDataAccessEntry[]> {
  const rows = await findEvents(
    tablesOf<AuditTables>(db),
    { actionPrefix: PERSONAL_DATA_VIEWED, subjectType: 'account', subjectId: subjectAccountId },
    // The citizen sees every read of their data, whichever agency, unit or mall it came from.
    ALL_TENANTS,
    { limit },
  );
  return rows.map((r) => ({
    at: r.occurredAt,
    staffName: r.actorName ?? '',
    unitName: r.actorUnit,
    fields: Array.isArray(r.after?.fields) ? r.after.fields.map(String) : [],
    purpose: typeof r.after?.purpose === 'string' ? r.after.purpose : '',
  }));
}

/**
 * One page of the trail inside the reader's scopes, newest first; `nextBefore` is the cursor for the
 * following page. See `findEvents` for what each scope reads.
 */
export async function listAuditEvents(
  db: AnyDb,
  filter: EventFilter,
  scopes: readonly Scope[],
  page: { before?: number | undefined; limit: number },
): Promise<{ events: AuditEventRow[]; nextBefore: number | undefined }> {
  const rows = await findEvents(tablesOf<AuditTables>(db), filter, scopes, { beforeSeq: page.before, limit: page.limit + 1 });
  const events = rows.slice(0, page.limit);
  return { events, nextBefore: rows.length > page.limit ? events.at(-1)!.seq : undefined };
}

/** Every event of the filtered trail inside the reader's scopes, newest first, a batch at a time (for the CSV export). */
export async function* auditEventsInBatches(
  db: AnyDb,
  filter: EventFilter,
  scopes: readonly Scope[],
  batchSize = 1000,
): AsyncGenerator<AuditEventRow[]> {
  let before: number | undefined;
  for (;;) {
    const rows = await findEvents(tablesOf<AuditTables>(db), filter, scopes, { beforeSeq: before, limit: batchSize });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    before = rows.at(-1)!.seq;
  }
}

export type ChainBreak = 'gap' | 'prev-mismatch' | 'hash-mismatch';

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; seq: number; reason: ChainBreak; detail: string };

/**
 * Walks the chain from the first event and stops at the first broken link: a seq that does not follow
 * (a deleted or inserted row), a prev_hash that is not the previous event's hash (a row replaced with
 * a consistent hash of its own), or a hash that does not match the stored fields (an edited row).
 * A removed tail is invisible to the chain alone; compare the head with a copy kept elsewhere.
 */
export async function verifyAuditChain(
  db: AnyDb,
  options: { batchSize?: number; onProgress?: (checked: number, total: number) => void } = {},
): Promise<ChainVerdict> {
  const tables = tablesOf<AuditTables>(db);
  const batchSize = options.batchSize ?? 1000;
  const total = options.onProgress ? await countEvents(tables) : 0;
  let prev = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await chainBatch(tables, prev.seq, batchSize);
    for (const row of rows) {
      if (row.seq !== prev.seq + 1) {
        return { ok: false, checked, seq: prev.seq + 1, reason: 'gap', detail: `expected event ${prev.seq + 1}, found ${row.seq}` };
      }
      if (row.prevHash !== prev.hash) {
        return { ok: false, checked, seq: row.seq, reason: 'prev-mismatch', detail: 'prev_hash is not the hash of the event before' };
      }
      const { prevHash, hash, ...fields } = row;
      if (hashEvent(prevHash, fields) !== hash) {
        return { ok: false, checked, seq: row.seq, reason: 'hash-mismatch', detail: 'stored fields do not match the stored hash' };
      }
      prev = { seq: row.seq, hash: row.hash };
      checked++;
    }
    options.onProgress?.(checked, Math.max(total, checked));
    if (rows.length < batchSize) return { ok: true, checked };
  }
}
