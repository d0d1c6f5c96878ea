import { createHash } from 'node:crypto';
import type { AuditEventRow } from './audit.tables.js';

/** The prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields of an event that its hash covers: everything but the hashes themselves. Derived from the
 * row type so a column added to the table is hashed too, or the compiler says where it is missing.
 */
export type ChainedFields = Omit<AuditEventRow, 'prevHash' | 'hash'>;

/**
 * JSON with object keys sorted at every level and no whitespace, so the same event hashes the same
 * whether it was just built in JS or read back from jsonb (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Columns added after the chain began. They are hashed when set and left out when null, so an event
 * written before they existed hashes exactly as it did then; a value set, changed or cleared later
 * still breaks that event's hash.
 */
const LATER_FIELDS = ['agencyId', 'unitId', 'mallId'] as const satisfies readonly (keyof ChainedFields)[];

/**
 * sha256(prev_hash + canonical JSON of the fields). Time is hashed as ISO 8601 UTC with milliseconds,
 * which is exactly what a JS Date stored in timestamptz gives back on both drivers.
 */
export function hashEvent(prevHash: string, fields: ChainedFields): string {
  const hashed: Record<string, unknown> = { ...fields, occurredAt: fields.occurredAt.toISOString() };
  for (const field of LATER_FIELDS) if (hashed[field] === null) delete hashed[field];
  return createHash('sha256').update(prevHash).update(canonicalJson(hashed)).digest('hex');
}
