import { z } from 'zod';
import { optionalText } from '../../platform/schemas.js';
import { AUDIENCES, CATEGORIES, CHANNELS, COMPONENTS, LIFE_EVENTS, LIFECYCLE, SERVICE_KINDS } from './standards.content.js';

/**
 * Bodies, queries and responses of the standards API. The services parse their input with the same
 * schemas, so a seed or an import gets the same field errors as a client. Component values are NOT checked
 * here: the service checks them against the 14-component schema and answers with paths such as
 * `requirements.2.name`.
 */

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
/** Codes are typed by people; upper-casing keeps "ktp-el" and "KTP-EL" one code. */
const Code = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(
    z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Z0-9][A-Z0-9-]*$/),
  );
const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
/** The optimistic-lock version the client read; forms post strings, the API numbers. */
const Version = z.coerce.number().int().min(1);
const IsoDate = z.iso.date();

export const ServiceParams = z.strictObject({ serviceId: z.uuid() });
export const VersionParams = z.strictObject({ versionId: z.uuid() });
export const CommentParams = z.strictObject({ commentId: z.uuid() });

export const ServiceListQuery = z.object({
  q: optionalText(100),
  serviceUnitId: z.uuid().optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['id', 'en']).optional(),
});

export const Location = z.strictObject({
  mallId: z.uuid(),
  /** The booth of the service's unit in that mall; absent when it is served at the unit's own office there. */
  boothId: z.uuid().nullable().optional(),
});
export type Location = z.input<typeof Location>;

const serviceFields = {
  code: Code,
  /** The public address /layanan/<slug>; derived from the name when absent. */
  slug: Slug.optional(),
  name: text(3, 200),
  summary: text(10, 1000),
  keywords: z.string().trim().max(500).default(''),
  category: z.enum(CATEGORIES),
  kind: z.enum(SERVICE_KINDS),
  lifeEvents: z.array(z.enum(LIFE_EVENTS)).max(LIFE_EVENTS.length).default([]),
  audiences: z.array(z.enum(AUDIENCES)).min(1).max(AUDIENCES.length),
  channels: z.enum(CHANNELS),
};

export const ServiceBody = z.strictObject({
  serviceUnitId: z.uuid(),
  ...serviceFields,
  locations: z.array(Location).max(50).optional(),
});
export type ServiceBody = z.input<typeof ServiceBody>;

/** The unit of a service never changes (its agency is copied onto it); the slug stays unless a new one is given. */
export const ServiceEdit = z.strictObject({ ...serviceFields, version: Version });
export type ServiceEdit = z.input<typeof ServiceEdit>;

export const VersionBody = z.strictObject({ version: Version });
export type VersionBody = z.input<typeof VersionBody>;

export const LocationsBody = z.strictObject({ locations: z.array(Location).max(50) });

export const DraftBody = z.strictObject({
  /** The version whose content the draft starts from; the published one when absent. */
  basedOnVersionId: z.uuid().optional(),
});
export type DraftBody = z.input<typeof DraftBody>;

export const ComponentBody = z.strictObject({
  component: z.enum(COMPONENTS),
  /** The component's value (see the 14-component schema), or null to clear it in the draft. */
  value: z.unknown(),
  version: Version,
});
export const ContentBody = z.strictObject({ content: z.record(z.string(), z.unknown()), version: Version });

export const SubmitBody = z.strictObject({ version: Version, note: optionalText(2000) });
export type SubmitBody = z.input<typeof SubmitBody>;
export const ReturnBody = z.strictObject({ version: Version, note: text(3, 2000) });
export type ReturnBody = z.input<typeof ReturnBody>;
export const ConsultationBody = z.strictObject({
  version: Version,
  /** When the public comment period ends; must be in the future. */
  closesAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
});
export type ConsultationBody = z.input<typeof ConsultationBody>;
export const RatifyBody = z.strictObject({
  version: Version,
  decreeNumber: text(1, 100),
  decreeDate: IsoDate,
  signatory: text(3, 200),
});
export type RatifyBody = z.input<typeof RatifyBody>;
export const PublishBody = z.strictObject({ version: Version, effectiveDate: IsoDate });
export type PublishBody = z.input<typeof PublishBody>;
export const WithdrawBody = z.strictObject({ version: Version, reason: text(3, 2000) });
export type WithdrawBody = z.input<typeof WithdrawBody>;
export const ReviewBody = z.strictObject({ version: Version.optional(), note: optionalText(2000) });
export type ReviewBody = z.input<typeof ReviewBody>;

export const COMMENT_TOPICS = ['general', ...COMPONENTS] as const;
export const CommentBody = z.strictObject({
  /** Anyone may comment, signed in or not, under the name they give. */
  authorName: text(1, 120),
  body: text(3, 4000),
  component: z.enum(COMMENT_TOPICS).default('general'),
});
export type CommentBody = z.input<typeof CommentBody>;
export const ModerateBody = z.strictObject({ status: z.enum(['approved', 'rejected']), response: optionalText(4000) });
export type ModerateBody = z.input<typeof ModerateBody>;

export const CommentListQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  lang: z.enum(['id', 'en']).optional(),
});
export const DiffQuery = z.object({
  /** The version to compare with; by default the one this version was based on, else the published one. */
  against: z.uuid().optional(),
  lang: z.enum(['id', 'en']).optional(),
});

// ---- responses ----------------------------------------------------------------------------------

const Timestamp = z.iso.datetime();

export const ServiceResponse = z.object({
  id: z.uuid(),
  serviceUnitId: z.uuid(),
  agencyId: z.uuid(),
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  keywords: z.string(),
  category: z.string(),
  kind: z.enum(SERVICE_KINDS),
  lifeEvents: z.array(z.string()),
  audiences: z.array(z.string()),
  channels: z.enum(CHANNELS),
  active: z.boolean(),
  deactivatedAt: Timestamp.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const LocationResponse = z.object({ mallId: z.uuid(), boothId: z.uuid().nullable() });

export const VersionSummary = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  number: z.number().int(),
  status: z.enum(LIFECYCLE),
  basedOnVersionId: z.uuid().nullable(),
  consultationOpensAt: Timestamp.nullable(),
  consultationClosesAt: Timestamp.nullable(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  decreeSignatory: z.string().nullable(),
  hasDecreeFile: z.boolean(),
  effectiveDate: z.string().nullable(),
  publishedAt: Timestamp.nullable(),
  supersededAt: Timestamp.nullable(),
  withdrawnAt: Timestamp.nullable(),
  withdrawnReason: z.string().nullable(),
  lastReviewedAt: Timestamp.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const VersionResponse = VersionSummary.extend({
  /** The components saved so far, by key (see the 14-component schema). */
  content: z.record(z.string(), z.unknown()),
  missingComponents: z.array(z.enum(COMPONENTS)),
});

export const ServiceDetail = ServiceResponse.extend({
  locations: z.array(LocationResponse),
  versions: z.array(VersionSummary),
});

export const ServiceListItem = ServiceResponse.extend({
  publishedVersion: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
  openVersion: z.object({ id: z.uuid(), number: z.number().int(), status: z.enum(LIFECYCLE) }).nullable(),
});

export const ServicePage = z.object({
  items: z.array(ServiceListItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const HistoryEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  occurredAt: Timestamp,
});

export const CommentResponse = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  authorName: z.string(),
  component: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  response: z.string().nullable(),
  moderatedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});

/** What the public sees after commenting: the comment waits for moderation before it is shown. */
export const CommentReceived = z.object({ id: z.uuid(), status: z.literal('pending'), createdAt: Timestamp });

const ItemChange = z.object({
  match: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()).optional(),
});
export const DiffResponse = z.object({
  from: z.object({ id: z.uuid(), number: z.number().int() }),
  to: z.object({ id: z.uuid(), number: z.number().int() }),
  components: z.array(
    z.object({
      component: z.enum(COMPONENTS),
      change: z.enum(['unchanged', 'added', 'removed', 'changed']),
      items: z.array(ItemChange).optional(),
      reordered: z.boolean().optional(),
    }),
  ),
});

export const CompletenessResponse = z.object({
  versionId: z.uuid(),
  level: z.number().int().min(0).max(5),
  description: z.string(),
  present: z.array(z.enum(COMPONENTS)),
  missing: z.array(z.enum(COMPONENTS)),
  criteria: z.object({
    someComponents: z.boolean(),
    allComponents: z.boolean(),
    adopted: z.boolean(),
    publicInvolvement: z.boolean(),
    monitored: z.boolean(),
  }),
  /** What keeps the version from the next level, in the request's language. */
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  reviewDueAt: Timestamp.nullable(),
});
