import { z } from 'zod';
import { optionalText } from '../../platform/schemas.js';
import { AGENCY_KINDS } from './organizations.tables.js';
import { REGION_CODE } from './time-zone.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
/** Codes are typed by people in forms; upper-casing them keeps "disdukcapil" and "DISDUKCAPIL" one code. */
const Code = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(
    z
      .string()
      .min(1)
      .max(32)
      .regex(/^[A-Z0-9][A-Z0-9-]*$/),
  );
const RegionCode = z.string().trim().regex(REGION_CODE);
const optionalId = z
  .union([z.uuid(), z.literal('')])
  .transform((v) => (v === '' ? undefined : v))
  .optional();
/** Forms post strings; the API may send a number. */
const Version = z.coerce.number().int().min(1);

export const IdParams = z.strictObject({ id: z.uuid() });
export const AgencyParams = z.strictObject({ agencyId: z.uuid() });
export const MallParams = z.strictObject({ mallId: z.uuid() });

export const ListQuery = z.object({
  q: optionalText(100),
  active: z.enum(['true', 'false', 'all']).default('true'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['id', 'en']).optional(),
});
export const AgencyListQuery = ListQuery.extend({ kind: z.enum(AGENCY_KINDS).optional(), region: RegionCode.optional() });
export const ServiceUnitListQuery = ListQuery.extend({ agencyId: z.uuid().optional(), region: RegionCode.optional() });
export const OrgUnitListQuery = ListQuery.extend({ agencyId: z.uuid().optional() });
export const MallListQuery = ListQuery.extend({ region: RegionCode.optional() });
export const BoothListQuery = ListQuery.extend({ mallId: z.uuid().optional(), serviceUnitId: z.uuid().optional() });
export const CounterListQuery = ListQuery.extend({ boothId: z.uuid().optional() });
export const RegionListQuery = z.object({
  q: optionalText(100),
  level: z.enum(['province', 'regency', 'district', 'village']).optional(),
  parent: RegionCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  lang: z.enum(['id', 'en']).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const AgencyBody = z.strictObject({
  code: Code,
  name: text(2, 200),
  kind: z.enum(AGENCY_KINDS),
  regionCode: optionalText(13).pipe(RegionCode.optional()),
});
export type AgencyBody = z.infer<typeof AgencyBody>;

export const OrgUnitBody = z.strictObject({
  agencyId: z.uuid(),
  parentId: optionalId,
  code: Code,
  name: text(2, 200),
});
export type OrgUnitBody = z.infer<typeof OrgUnitBody>;

export const ServiceUnitBody = z.strictObject({
  agencyId: z.uuid(),
  orgUnitId: optionalId,
  code: Code,
  name: text(2, 200),
  regionCode: RegionCode,
  address: optionalText(500),
});
export type ServiceUnitBody = z.infer<typeof ServiceUnitBody>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/**
 * A week of hours and dated exceptions, checked here so the database constraints never see a bad row:
 * one entry per weekday and per date, closing after opening, and an exception either closed (both
 * times empty) or open with both times. Each row checks its own times, so a malformed row elsewhere does
 * not hide its problem (zod skips a list's refinement while an entry is invalid). The messages are catalog
 * keys, so the API and the admin form both show them in the reader's language.
 */
const WeeklyHours = z
  .object({ weekday: z.number().int().min(1).max(7), opensAt: Time, closesAt: Time })
  // HH:MM strings compare in time order.
  .refine((w) => w.closesAt > w.opensAt, { path: ['closesAt'], message: 'organizations.hours.closesBeforeOpens' });
const HoursException = z
  .object({ date: z.iso.date(), opensAt: Time.nullable(), closesAt: Time.nullable(), reason: text(2, 200) })
  .refine((e) => (e.opensAt === null && e.closesAt === null) || (e.opensAt !== null && e.closesAt !== null && e.closesAt > e.opensAt), {
    path: ['closesAt'],
    message: 'organizations.hours.exceptionTimes',
  });
export const OpeningHours = z
  .object({ weekly: z.array(WeeklyHours).max(7), exceptions: z.array(HoursException).max(400) })
  .superRefine((hours, ctx) => {
    const seenDays = new Set<number>();
    hours.weekly.forEach((w, i) => {
      if (seenDays.has(w.weekday)) {
        ctx.addIssue({ code: 'custom', path: ['weekly', i, 'weekday'], message: 'organizations.hours.duplicateWeekday' });
      }
      seenDays.add(w.weekday);
    });
    const seenDates = new Set<string>();
    hours.exceptions.forEach((e, i) => {
      if (seenDates.has(e.date)) {
        ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'date'], message: 'organizations.hours.duplicateDate' });
      }
      seenDates.add(e.date);
    });
  });
export type OpeningHours = z.infer<typeof OpeningHours>;

export const MallBody = z.strictObject({
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}$/),
  code: Code,
  name: text(2, 200),
  address: text(5, 500),
  hours: OpeningHours.optional(),
});
export type MallBody = z.infer<typeof MallBody>;

export const BoothBody = z.strictObject({ mallId: z.uuid(), serviceUnitId: z.uuid(), code: Code, name: text(2, 200) });
export type BoothBody = z.infer<typeof BoothBody>;

export const CounterBody = z.strictObject({ boothId: z.uuid(), code: Code, name: text(1, 200) });
export type CounterBody = z.infer<typeof CounterBody>;

/** An edit carries the version it was read at; a newer one in the database means someone else saved first. */
export const AgencyEdit = AgencyBody.extend({ version: Version });
export type AgencyEdit = z.infer<typeof AgencyEdit>;
export const OrgUnitEdit = OrgUnitBody.omit({ agencyId: true }).extend({ version: Version });
export type OrgUnitEdit = z.infer<typeof OrgUnitEdit>;
export const ServiceUnitEdit = ServiceUnitBody.omit({ agencyId: true }).extend({ version: Version });
export type ServiceUnitEdit = z.infer<typeof ServiceUnitEdit>;
export const MallEdit = MallBody.extend({ version: Version });
export type MallEdit = z.infer<typeof MallEdit>;
export const BoothEdit = BoothBody.pick({ code: true, name: true }).extend({ version: Version });
export type BoothEdit = z.infer<typeof BoothEdit>;
export const CounterEdit = CounterBody.pick({ code: true, name: true }).extend({ version: Version });
export type CounterEdit = z.infer<typeof CounterEdit>;
export const DeactivateBody = z.strictObject({ version: Version });
export type DeactivateBody = z.infer<typeof DeactivateBody>;

// ---- responses ----------------------------------------------------------------------------------

const Lifecycle = {
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  deactivatedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
};
const TimeZone = z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);

export const Region = z.object({
  code: z.string(),
  level: z.enum(['province', 'regency', 'district', 'village']),
  parentCode: z.string().nullable(),
  name: z.string(),
  timeZone: TimeZone,
});
export const Agency = z.object({ ...Lifecycle, kind: z.enum(AGENCY_KINDS), regionCode: z.string().nullable() });
export const OrgUnit = z.object({ ...Lifecycle, agencyId: z.uuid(), parentId: z.uuid().nullable() });
export const ServiceUnit = z.object({
  ...Lifecycle,
  agencyId: z.uuid(),
  orgUnitId: z.uuid().nullable(),
  regionCode: z.string(),
  address: z.string().nullable(),
});
export const Mall = z.object({
  ...Lifecycle,
  regionCode: z.string(),
  address: z.string(),
  timeZone: TimeZone,
  hours: OpeningHours.optional(),
});
export const Booth = z.object({ ...Lifecycle, mallId: z.uuid(), serviceUnitId: z.uuid() });
export const Counter = z.object({ ...Lifecycle, boothId: z.uuid() });

export const pageOf = <S extends z.ZodType>(item: S) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
