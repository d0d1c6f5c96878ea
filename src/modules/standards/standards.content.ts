import { z } from 'zod';

/**
 * The 14 components of a service standard (UU 25/2009 Art. 21; PermenPANRB 15/2014), as structured
 * data. Six face the public (service delivery) and eight describe the unit's own management. Each is
 * validated on its own, so a draft can be saved one component at a time; publishing needs all 14.
 *
 * Later modules read these as configuration: `requirements` become the application form, `procedure` the
 * workflow, `timeLimit` the deadline clock, `fee` the bill, `complaints` the complaint route.
 */

export const DELIVERY_COMPONENTS = ['requirements', 'procedure', 'timeLimit', 'fee', 'products', 'complaints'] as const;
export const MANAGEMENT_COMPONENTS = [
  'legalBasis',
  'facilities',
  'staffCompetence',
  'internalSupervision',
  'staffCount',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
] as const;
export const COMPONENTS = [...DELIVERY_COMPONENTS, ...MANAGEMENT_COMPONENTS] as const;
export type ComponentKey = (typeof COMPONENTS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/** A registered-looking MIME type (RFC 6838 shape, known top-level type); `image/*` style wildcards are not allowed. */
export const MIME_TYPE = /^(application|audio|image|text|video|font|model)\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

export const REQUIREMENT_KINDS = ['document', 'data', 'presence'] as const;
/** What a data requirement asks for on the application form. */
export const DATA_FIELD_TYPES = ['text', 'number', 'date', 'nik', 'email', 'phone', 'address', 'choice'] as const;
/** Profile fields a requirement can be filled from, so the citizen does not type them twice. */
export const PROFILE_FIELDS = ['name', 'nik', 'email', 'phone'] as const;

export const Requirement = z
  .object({
    /** Stable key within the standard, so applications and later versions can refer to the item. */
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    name: text(200),
    kind: z.enum(REQUIREMENT_KINDS),
    mandatory: z.boolean(),
    notes: optional(1000),
    /** Uploads (kind document): accepted MIME types and the largest file in KB. */
    fileTypes: z.array(z.string().trim().toLowerCase().regex(MIME_TYPE)).max(10).default([]),
    maxSizeKb: z.number().int().min(1).max(51_200).optional(),
    /** Data items (kind data): the field type, and its options for a choice. */
    fieldType: z.enum(DATA_FIELD_TYPES).optional(),
    choices: z.array(text(100)).max(30).optional(),
    /** Filled from the citizen's profile when they have it. */
    profileField: z.enum(PROFILE_FIELDS).optional(),
    /** Documents the citizen uploaded for an earlier application can be offered again. */
    reusable: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'document') {
      if (r.fileTypes.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['fileTypes'], message: 'standards.validation.fileTypesRequired' });
      }
      if (r.maxSizeKb === undefined) ctx.addIssue({ code: 'custom', path: ['maxSizeKb'], message: 'standards.validation.maxSizeRequired' });
    }
    if (r.kind === 'data' && r.fieldType === undefined) {
      ctx.addIssue({ code: 'custom', path: ['fieldType'], message: 'standards.validation.fieldTypeRequired' });
    }
    if (r.fieldType === 'choice' && (r.choices?.length ?? 0) < 2) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'standards.validation.choicesRequired' });
    }
  });
export type Requirement = z.output<typeof Requirement>;

export const PROCEDURE_ACTORS = ['citizen', 'counter_officer', 'processor', 'head_of_unit', 'system'] as const;
export const DURATION_UNITS = ['minutes', 'hours', 'working_days', 'calendar_days'] as const;

export const Duration = z.object({
  value: z.number().int().min(1).max(100_000),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.output<typeof Duration>;

export const ProcedureStep = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  title: text(200),
  actor: z.enum(PROCEDURE_ACTORS),
  description: optional(1000),
  duration: Duration.optional(),
  output: optional(200),
});
export type ProcedureStep = z.output<typeof ProcedureStep>;

export const TimeLimit = Duration.extend({
  /** The clock stops while the unit waits for the citizen (a correction, a missing document). */
  pausesWhileWaiting: z.boolean(),
  notes: optional(500),
});
export type TimeLimit = z.output<typeof TimeLimit>;

export const FeeItem = z.object({
  name: text(200),
  /** Whole rupiah. */
  amount: z.number().int().min(1).max(1_000_000_000_000),
  legalBasis: text(300),
});
export const Fee = z.discriminatedUnion('free', [
  z.object({ free: z.literal(true), legalBasis: optional(300) }),
  z.object({ free: z.literal(false), items: z.array(FeeItem).min(1).max(30), notes: optional(500) }),
]);
export type Fee = z.output<typeof Fee>;

export const Product = z.object({ name: text(200), description: optional(1000) });

export const COMPLAINT_CHANNELS = ['in_app', 'email', 'phone', 'whatsapp', 'box', 'lapor', 'in_person'] as const;
export const ComplaintChannel = z.object({ kind: z.enum(COMPLAINT_CHANNELS), contact: text(200) });
export const Complaints = z.object({
  channels: z.array(ComplaintChannel).min(1).max(10),
  /** Working days to answer (SP4N-LAPOR! practice; see domain.md §3). */
  responseDays: z.number().int().min(1).max(60),
  notes: optional(1000),
});

export const Regulation = z.object({ title: text(300), number: optional(100), year: z.number().int().min(1945).max(2100).optional() });

const prose = text(4000);

/** One schema per component, by key: what a component editor saves. */
export const COMPONENT_SCHEMAS = {
  requirements: z.array(Requirement).min(1).max(60),
  procedure: z.array(ProcedureStep).min(1).max(40),
  timeLimit: TimeLimit,
  fee: Fee,
  products: z.array(Product).min(1).max(20),
  complaints: Complaints,
  legalBasis: z.array(Regulation).min(1).max(40),
  facilities: prose,
  staffCompetence: prose,
  internalSupervision: prose,
  staffCount: z.object({ count: z.number().int().min(1).max(100_000), notes: optional(1000) }),
  serviceGuarantee: prose,
  securityGuarantee: prose,
  performanceEvaluation: prose,
} as const satisfies Record<ComponentKey, z.ZodType>;

/** A full standard: what publishing requires. */
export const StandardContent = z.object(COMPONENT_SCHEMAS);
export type StandardContent = z.output<typeof StandardContent>;

/** A draft: any subset of components, each valid on its own. */
export const DraftContent = StandardContent.partial();
export type DraftContent = z.output<typeof DraftContent>;

/** Components a draft still lacks, in the order of the law. */
export function missingComponents(content: DraftContent): ComponentKey[] {
  return COMPONENTS.filter((key) => content[key] === undefined);
}

/** Keys of requirements and steps must be unique within their list; zod checks shapes, this checks the set. */
export function duplicateKeys(content: DraftContent): { path: string; key: string }[] {
  const out: { path: string; key: string }[] = [];
  for (const list of ['requirements', 'procedure'] as const) {
    const seen = new Set<string>();
    (content[list] ?? []).forEach((item, i) => {
      if (seen.has(item.key)) out.push({ path: `${list}.${i}.key`, key: item.key });
      seen.add(item.key);
    });
  }
  return out;
}

export const LIFECYCLE = ['draft', 'review', 'consultation', 'ratified', 'published', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof LIFECYCLE)[number];

export const SERVICE_KINDS = ['licensing', 'non_licensing'] as const;
export const AUDIENCES = ['citizen', 'business', 'government'] as const;
export const CHANNELS = ['online', 'counter', 'both'] as const;
export const LIFE_EVENTS = [
  'birth',
  'death',
  'marriage',
  'divorce',
  'moving_house',
  'education',
  'work',
  'starting_business',
  'running_business',
  'owning_vehicle',
  'owning_property',
  'health',
  'social_assistance',
  'travel',
  'retirement',
  'public_information',
] as const;
/** Categories of the catalog; non-licensing services of ministries fit under the last ones. */
export const CATEGORIES = [
  'civil_registration',
  'licensing',
  'transport',
  'tax_and_levies',
  'health_insurance',
  'utilities',
  'banking',
  'social',
  'consultation',
  'information',
  'coordination',
  'other',
] as const;
