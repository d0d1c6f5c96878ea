import { z } from 'zod';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const date = z.string().trim().min(1).pipe(z.iso.date());
/** 'HH:MM', 24-hour, as a time input sends it. */
export const TimeOfDay = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const version = z.coerce.number().int().min(1);

/** A national day as platform admins enter it from the decree. */
export const NationalDayBody = z.strictObject({
  date,
  kind: z.enum(['holiday', 'collective_leave']),
  nameId: text(2, 200),
  nameEn: text(2, 200),
  decree: text(3, 300),
});
export type NationalDayBody = z.infer<typeof NationalDayBody>;

/** A change carries the version the form was read at. */
export const NationalDayEdit = NationalDayBody.extend({ version });
export type NationalDayEdit = z.infer<typeof NationalDayEdit>;

export const WithdrawBody = z.strictObject({ version, reason: text(3, 500) });
export type WithdrawBody = z.infer<typeof WithdrawBody>;

/** One weekday of a unit's week: closed, or open with its hours. */
export const WeekdayHours = z.object({ open: z.boolean(), opens: z.string(), closes: z.string() });
export type WeekdayHours = z.infer<typeof WeekdayHours>;

/** A local day: a closure, or an extra service day with its hours. */
export const LocalDayBody = z.strictObject({
  date,
  kind: z.enum(['closed', 'open']),
  opens: z.string().trim().max(5).optional(),
  closes: z.string().trim().max(5).optional(),
  reason: text(2, 200),
});
export type LocalDayBody = z.infer<typeof LocalDayBody>;

export const YearQuery = z.object({
  tahun: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  lang: z.enum(['id', 'en']).optional(),
});
export const ApiYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ApiRangeQuery = z
  .object({ from: date, to: date })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'calendar.validation.rangeOrder' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { path: ['to'], message: 'calendar.validation.rangeTooLong' });

export const NationalDayParams = z.strictObject({ nationalDayId: z.uuid() });
export const UnitParams = z.strictObject({ serviceUnitId: z.uuid() });
export const MallParams = z.strictObject({ mallId: z.uuid() });
export const UnitLocalDayParams = z.strictObject({ serviceUnitId: z.uuid(), localDayId: z.uuid() });
export const MallLocalDayParams = z.strictObject({ mallId: z.uuid(), localDayId: z.uuid() });

/** The edit and withdraw forms name their national day in the body, beside the version they were read at. */
export const NationalDayEditForm = NationalDayEdit.extend({ id: z.uuid() });
export const WithdrawForm = WithdrawBody.extend({ id: z.uuid() });
export const NationalDayQuery = z.object({ hari: z.uuid(), lang: z.enum(['id', 'en']).optional() });
export const RemoveLocalDayBody = z.strictObject({ localDayId: z.uuid() });

const hourField = z.string().trim().max(5).optional();
/** The week form: the Perpres week, or the unit's own, each weekday ticked open with its hours. */
export const ScheduleBody = z.strictObject({
  mode: z.enum(['perpres', 'custom']),
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
      [`open${d}`, z.literal('on').optional()],
      [`opens${d}`, hourField],
      [`closes${d}`, hourField],
    ]),
  ),
}) as unknown as z.ZodType<{ mode: 'perpres' | 'custom' } & Partial<Record<string, string>>>;
export type ScheduleBody = z.infer<typeof ScheduleBody>;

export const NationalDayJson = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'collective_leave']),
  nameId: z.string(),
  nameEn: z.string(),
  decree: z.string(),
});
export const NationalDayList = z.object({ year: z.number().int(), days: z.array(NationalDayJson) });
export const WorkingDayList = z.object({
  serviceUnitId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      working: z.boolean(),
      opens: z.string().nullable(),
      closes: z.string().nullable(),
      closedReason: z.string().nullable(),
    }),
  ),
});
