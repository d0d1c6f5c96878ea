import { z } from 'zod';
import { APPLICATION_STATUSES } from './applications.tables.js';

/** Path parameters are checked loosely here; the use cases answer 404 for anything that is not theirs. */
export const ApplicationParams = z.object({ applicationId: z.string().max(100) });
export const DocumentParams = z.object({ applicationId: z.string().max(100), requirementKey: z.string().max(60) });
export const FileParams = z.object({ applicationId: z.string().max(100), documentId: z.string().max(100) });
export const OutputParams = z.object({ applicationId: z.string().max(100), outputId: z.string().max(100) });
export const SlugParams = z.object({ slug: z.string().max(200) });
export const ServiceParams = z.object({ publishedServiceId: z.string().max(100) });
export const CounterQuery = z.object({ mal: z.string().max(100).optional() });

const Version = z.coerce.number().int().min(1);
/** The one-time key of a submission form: a double click or a retried request finds the first. */
const SubmitKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);

/** HTML forms post flat fields: `answers.<key>` for the data items, `version` for the lock. */
export const FormBody = z.record(z.string().max(100), z.string().max(5000));
export const VersionForm = z.object({ version: Version, _csrf: z.string().optional() });
export const SubmitForm = z.object({ version: Version.optional(), submitKey: SubmitKey, _csrf: z.string().optional() });

export const StartBody = z.strictObject({ serviceId: z.uuid() });
export const AnswersBody = z.strictObject({
  version: z.number().int().min(1),
  answers: z.record(z.string().max(40), z.string().max(5000)),
});
export const SubmitBody = z.strictObject({ submitKey: SubmitKey.optional() }).nullish();

export const DocumentResponse = z.object({
  id: z.string(),
  requirementKey: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const ApplicationResponse = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  trackingNumber: z.string().nullable().describe('Issued on submission: 10 characters with a check character'),
  serviceId: z.string(),
  serviceName: z.string(),
  standardVersionId: z.string().describe('The standard version the application runs under, frozen at its start'),
  channel: z.enum(['online', 'counter']),
  submittedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  clockPaused: z.boolean(),
  workingDaysLeft: z.number().nullable(),
  version: z.number(),
  currentStepKey: z.string().nullable(),
  contact: z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() }),
  answers: z.record(z.string(), z.string()),
  documents: z.array(DocumentResponse),
  corrections: z.array(z.object({ requirementKey: z.string(), note: z.string().nullable() })),
  outputs: z
    .array(
      z.object({
        id: z.string(),
        productName: z.string(),
        issuedAt: z.string(),
        verificationCode: z.string().describe('Checked by anyone at /verifikasi/<code> or /api/v1/verify/<code>'),
        revoked: z.boolean(),
        downloadUrl: z.string().nullable().describe("The applicant's download (a session's); null once revoked"),
      }),
    )
    .describe('What the unit issued, shown to the applicant once the application is completed'),
  bill: z
    .object({
      total: z.number(),
      status: z.enum(['unpaid', 'paid', 'free']),
      items: z.array(z.object({ name: z.string(), amount: z.number() })),
    })
    .nullable(),
});

export const MyApplicationsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(APPLICATION_STATUSES),
      trackingNumber: z.string().nullable(),
      serviceName: z.string(),
      unitName: z.string(),
      submittedAt: z.string().nullable(),
      dueAt: z.string().nullable(),
    }),
  ),
});
