import { z } from 'zod';
import { optionalText } from '../../platform/schemas.js';

const optionalDate = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.iso.date().optional())
  .optional();

/** The filters shared by the page, the API and the export. Dates are calendar days in WIB. */
export const AuditFilterQuery = z.object({
  actor: optionalText(200),
  action: optionalText(200),
  subjectType: optionalText(100),
  subjectId: optionalText(200),
  from: optionalDate,
  to: optionalDate,
});
export type AuditFilterQuery = z.infer<typeof AuditFilterQuery>;

export const DEFAULT_LIMIT = 50;

export const AuditPageQuery = AuditFilterQuery.extend({
  /** Cursor: show events older than this seq. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_LIMIT),
});
export type AuditPageQuery = z.infer<typeof AuditPageQuery>;

const SummaryJson = z.record(z.string(), z.unknown()).nullable();

export const AuditEventJson = z.object({
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z.object({
    kind: z.enum(['anonymous', 'citizen', 'staff', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
    unit: z.string().nullable(),
  }),
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  requestId: z.string().nullable(),
  /** Where the audited record sits; all null for a platform-level event. */
  tenant: z.object({ agencyId: z.guid().nullable(), unitId: z.guid().nullable(), mallId: z.guid().nullable() }),
  before: SummaryJson,
  after: SummaryJson,
  hash: z.string(),
});

export const AuditEventList = z.object({
  events: z.array(AuditEventJson),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type AuditEventList = z.infer<typeof AuditEventList>;
