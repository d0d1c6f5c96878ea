import { z } from 'zod';
import { BoothBody, CounterBody, ListQuery } from './organizations.schemas.js';
import { AGENCY_KINDS } from './organizations.tables.js';

/** A select's "all" or "none" option posts an empty string, which means "not given". */
const blankable = <S extends z.ZodType>(schema: S) =>
  z
    .union([schema, z.literal('')])
    .transform((v) => (v === '' ? undefined : (v as z.infer<S>)))
    .optional();

export const AgencyAdminQuery = ListQuery.extend({ kind: blankable(z.enum(AGENCY_KINDS)) });
export const UnitAdminQuery = ListQuery.extend({ agencyId: blankable(z.uuid()) });
/** `?agencyId=` preselects the agency of a new unit, when the list it came from was filtered by one. */
export const NewUnitQuery = z.object({ agencyId: blankable(z.uuid()), lang: z.enum(['id', 'en']).optional() });

export const OrgUnitParams = z.strictObject({ orgUnitId: z.uuid() });
export const ServiceUnitParams = z.strictObject({ serviceUnitId: z.uuid() });
export const BoothParams = z.strictObject({ boothId: z.uuid() });
export const CounterParams = z.strictObject({ counterId: z.uuid() });

/** The mall or booth a new booth or counter belongs to is in the path, not the form. */
export const BoothForm = BoothBody.omit({ mallId: true });
export const CounterForm = CounterBody.omit({ boothId: true });

const HOURS_FIELD = /^(w[1-7]_(open|opens|closes)|x\d{1,3}_(date|closed|opens|closes|reason|remove))$/;

/**
 * The opening-hours form, flat as browsers post it: `w1_open`, `w1_opens`, `w1_closes` for Monday … `w7_*`
 * for Sunday, and `x<n>_date|closed|opens|closes|reason|remove` per exception row, with the version it was
 * read at. organizations.admin.hours.ts turns it into `OpeningHours`, which checks it.
 */
export const MallHoursForm = z
  .object({ version: z.coerce.number().int().min(1) })
  .catchall(z.string().max(200))
  .superRefine((form, ctx) => {
    for (const key of Object.keys(form)) {
      if (key !== 'version' && !HOURS_FIELD.test(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'platform.validation.invalid' });
      }
    }
  });
export type MallHoursForm = z.infer<typeof MallHoursForm>;
