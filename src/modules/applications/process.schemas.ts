import { z } from 'zod';
import { ValidationFailed } from '../../platform/http/errors.js';
import { optionalText } from '../../platform/schemas.js';
import { APPLICATION_STATUSES, CLOCK_UNITS } from './applications.tables.js';
import type { CheckItem, CorrectionRequest } from './process.js';

/**
 * Bodies and queries of the unit's screens and API. Forms post flat fields, so the per-requirement fields
 * of the check and correction forms are named `hasil_<key>`, `catatan_<key>` and `alasan_<key>`, and read
 * against the standard's requirement keys by the functions below.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.coerce.number().int().min(1);
/**
 * A destructive action's confirmation box, checked on the whole form: an unticked box sends nothing, and
 * zod does not run a missing optional field's own refinements.
 */
const confirmedBy = (name: string) => (form: Record<string, unknown>, ctx: z.RefinementCtx) => {
  if (form[name] !== 'ya') ctx.addIssue({ code: 'custom', path: [name], message: 'applications.process.action.confirm.required' });
};
const confirmed = z.string().optional();

export const CaseParams = z.strictObject({ applicationId: z.uuid() });
export const UnitParams = z.strictObject({ serviceUnitId: z.uuid() });

export const INBOX_STATUSES = ['open', 'all', ...APPLICATION_STATUSES.filter((s) => s !== 'draft')] as const;

/** The inbox's filters (Indonesian names in the page's query string); anything odd falls back to the default. */
export const InboxQuery = z.object({
  status: z.enum(INBOX_STATUSES).catch('open').default('open'),
  tenggat: z.enum(['segera', 'lewat']).optional().catch(undefined),
  saya: z.enum(['1']).optional().catch(undefined),
  layanan: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  lang: z.enum(['id', 'en']).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const FileQuery = z.object({
  dokumen: z.uuid().optional(),
  keluaran: z.uuid().optional(),
  lang: z.enum(['id', 'en']).optional(),
});

const isoDate = z.string().trim().min(1).pipe(z.iso.date());
export const ComplianceQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  lang: z.enum(['id', 'en']).optional(),
});

export const VersionBody = z.object({ version });
export const AssignBody = z.object({ version, accountId: z.uuid() });
export const PaymentBody = z.object({
  version,
  method: text(40),
  amount: z.coerce.number().int().min(1).max(1_000_000_000_000),
  reference: text(100),
});

// The case page holds every action's form at once, so each field has a name (and an id) of its own.
export const RejectForm = z
  .object({ version, reason: text(2000), legalBasis: text(500), rejectConfirm: confirmed })
  .superRefine(confirmedBy('rejectConfirm'));
export const ExtendForm = z.object({
  version,
  value: z.coerce.number().int().min(1).max(1000),
  unit: z.enum(CLOCK_UNITS),
  extendReason: z.string().trim().min(5).max(2000),
});
export const RevokeForm = z
  .object({ version, outputId: z.uuid(), revokeReason: text(2000), revokeConfirm: confirmed })
  .superRefine(confirmedBy('revokeConfirm'));
export const CompleteForm = z.object({ version, completeConfirm: confirmed }).superRefine(confirmedBy('completeConfirm'));
/** The check and correction forms: their per-requirement fields are read by `checkItemsOf` and `correctionOf`. */
export const FlatForm = z.looseObject({ version });

/** The API's JSON shapes of the same actions. */
export const CheckJson = z.object({
  version,
  items: z
    .array(z.object({ key: text(40), outcome: z.enum(['ok', 'needs_correction']), note: optionalText(1000) }))
    .min(1)
    .max(100),
});
export const CorrectionJson = z.object({
  version,
  message: text(2000),
  items: z
    .array(z.object({ key: text(40), note: text(1000) }))
    .min(1)
    .max(100),
});
export const IssueJson = z.object({ version, productName: text(200) });
export const ApiRejectBody = z.object({ version, reason: text(2000), legalBasis: text(500) });
export const ApiExtendBody = z.object({
  version,
  value: z.coerce.number().int().min(1).max(1000),
  unit: z.enum(CLOCK_UNITS),
  reason: z.string().trim().min(5).max(2000),
});
export const ApiRevokeBody = z.object({ version, outputId: z.uuid(), reason: text(2000) });

const field = (form: Record<string, unknown>, name: string) => {
  const v = form[name];
  return typeof v === 'string' ? v.trim() : '';
};

/**
 * The check form's items: each requirement with an outcome chosen; a "needs correction" without its note is
 * refused on that note's field.
 */
export function checkItemsOf(form: Record<string, unknown>, keys: readonly string[]): CheckItem[] {
  const items: CheckItem[] = [];
  const fields = [];
  for (const key of keys) {
    const outcome = field(form, `hasil_${key}`);
    const note = field(form, `catatan_${key}`).slice(0, 1000);
    if (outcome !== 'ok' && outcome !== 'needs_correction') continue;
    if (outcome === 'needs_correction' && !note) fields.push({ path: `catatan_${key}`, key: 'platform.validation.required' });
    items.push({ key, outcome, ...(note ? { note } : {}) });
  }
  if (items.length === 0) fields.push({ path: `hasil_${keys[0] ?? ''}`, key: 'platform.validation.required' });
  if (fields.length) throw ValidationFailed({}, { fields });
  return items;
}

/** The correction form: a reason for each requirement to correct, and the message. */
export function correctionOf(form: Record<string, unknown>, keys: readonly string[]): CorrectionRequest {
  const message = field(form, 'message').slice(0, 2000);
  const items = keys.flatMap((key) => {
    const note = field(form, `alasan_${key}`).slice(0, 1000);
    return note ? [{ key, note }] : [];
  });
  const fields = [];
  if (!message) fields.push({ path: 'message', key: 'platform.validation.required' });
  if (items.length === 0) fields.push({ path: `alasan_${keys[0] ?? ''}`, key: 'applications.error.APPLICATIONS_CORRECTION_WITHOUT_ITEMS' });
  if (fields.length) throw ValidationFailed({}, { fields });
  return { items, message };
}
