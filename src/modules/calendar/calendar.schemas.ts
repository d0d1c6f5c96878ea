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
