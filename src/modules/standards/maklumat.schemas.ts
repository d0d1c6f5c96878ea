import { z } from 'zod';
import { optionalText } from '../../platform/schemas.js';

/** The three promises domain.md §1.3 requires, in the order the pledge lists them. */
export const PROMISES = ['promiseStandard', 'promiseObligation', 'promiseSanction'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** What staff write: an optional opening and closing around the three promises, and who signed where and when. */
export const MaklumatBody = z.strictObject({
  opening: optionalText(1000),
  // Required here too, so a form with a blank promise and a blank signatory shows both at once.
  promiseStandard: text(1000),
  promiseObligation: text(1000),
  promiseSanction: text(1000),
  closing: optionalText(1000),
  signatoryName: text(200),
  signatoryTitle: text(200),
  signedAt: z.string().trim().min(1).pipe(z.iso.date()),
  place: text(100),
});
export type MaklumatBody = z.infer<typeof MaklumatBody>;

/** A change to a draft carries the version it was read at. */
export const MaklumatEdit = MaklumatBody.extend({ version: z.coerce.number().int().min(1) });
export type MaklumatEdit = z.infer<typeof MaklumatEdit>;

export const PublishBody = z.strictObject({ version: z.coerce.number().int().min(1) });
export type PublishBody = z.infer<typeof PublishBody>;

export const MaklumatParams = z.strictObject({ maklumatId: z.uuid() });
export const UnitParams = z.strictObject({ serviceUnitId: z.uuid() });

export const MaklumatListQuery = z.object({
  q: optionalText(100),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  lang: z.enum(['id', 'en']).optional(),
});
export type MaklumatListQuery = z.infer<typeof MaklumatListQuery>;

/** The poster's paper size; anything else falls back to A4, since anyone can edit a URL. */
export const PosterQuery = z.object({
  ukuran: z.enum(['a4', 'a3']).catch('a4').default('a4'),
  lang: z.enum(['id', 'en']).optional(),
});
