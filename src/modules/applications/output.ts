import type { Readable } from 'node:stream';
import { isUuid } from '../../platform/access/access.js';
import {
  actorId,
  nowOf,
  openContact,
  recordChange,
  tablesOf,
  type ApplicationRow,
  type ApplicationsContext,
  type Tx,
} from './applications.core.js';
import { act, DECIDED_OR_OPEN, findCase, IN_PROCESS, save } from './process.js';
import * as E from './process.errors.js';
import { casePlace } from './process.queries.js';
import { renderOutputPdf } from './output.pdf.js';
import { newVerificationCode } from './tracking-number.js';

/**
 * Issuing the product of an application (the standard's "produk pelayanan"): a file staff upload (a PDF or
 * a scan, judged by its content) or a PDF generated from the unit's template. Each output gets a fresh
 * verification code, and its SHA-256 is kept, so the public verification page can say whether a document
 * someone holds is the one the unit issued.
 */

/** What an uploaded output may be, by content; and how large. */
export const OUTPUT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const OUTPUT_MAX_BYTES = 10 * 1024 * 1024;
/** A collision among 32^11 codes is rare enough that a handful of tries always finds a free one. */
const CODE_TRIES = 5;

export type OutputSource = { upload: { source: Readable | Buffer; name: string } } | { generate: true };

export interface IssueOutput {
  productName: string;
  source: OutputSource;
}

/** The public address of a verification code. */
export const verifyPath = (code: string) => `/verifikasi/${code}`;

async function freeVerificationCode(tx: Tx, make: () => string): Promise<string> {
  for (let i = 0; i < CODE_TRIES; i++) {
    const code = make();
    const taken = await tablesOf(tx).selectFrom('applications.output').select('id').where('verificationCode', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error('no free verification code after several tries');
}

/**
 * Issues an output: the upload is stored first (type and size checked while streaming), then recorded in
 * one transaction with a fresh verification code; a refused action deletes the stored file again.
 * @throws APPLICATIONS_CASE_NOT_FOUND, APPLICATIONS_CASE_VERSION_CONFLICT, APPLICATIONS_CASE_WRONG_STATUS,
 *   FILES_TOO_LARGE, FILES_TYPE_NOT_ALLOWED, FILES_EMPTY
 */
export async function issueOutput(
  ctx: ApplicationsContext,
  id: string,
  version: number,
  input: IssueOutput,
  options: { publicUrl: string; makeCode?: () => string },
): Promise<{ application: ApplicationRow; outputId: string; verificationCode: string }> {
  const files = ctx.files;
  if (!files) throw new Error('issueOutput needs ctx.files');
  const makeCode = options.makeCode ?? newVerificationCode;
  const stored: string[] = [];
  try {
    let upload: Awaited<ReturnType<typeof files.put>> | undefined;
    let uploadName = '';
    if ('upload' in input.source) {
      // Refuse a foreign or closed case before reading its upload.
      const app = await findCase(ctx, id);
      if (app.status !== 'in_process') throw E.CaseWrongStatus({ status: app.status });
      uploadName = input.source.upload.name;
      upload = await files.put(input.source.upload.source, { maxBytes: OUTPUT_MAX_BYTES, allowedTypes: OUTPUT_TYPES, name: uploadName });
      stored.push(upload.key);
    }
    return await act(ctx, id, version, IN_PROCESS, async (tx, app) => {
      const code = await freeVerificationCode(tx, makeCode);
      const at = nowOf(ctx);
      let file = upload;
      let fileName = uploadName;
      if (!file) {
        const place = await casePlace(tx, app);
        const pdf = await renderOutputPdf({
          agencyName: place.agencyName,
          unitName: place.unitName,
          serviceName: place.serviceName,
          productName: input.productName,
          applicantName: openContact(ctx.keys, app).name,
          trackingNumber: app.trackingNumber!,
          verificationCode: code,
          issuedAt: at,
          timeZone: place.timeZone,
          verifyUrl: `${options.publicUrl}${verifyPath(code)}`,
        });
        fileName = `${input.productName.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'keluaran'} ${app.trackingNumber}.pdf`;
        file = await files.put(pdf, { maxBytes: OUTPUT_MAX_BYTES, allowedTypes: ['application/pdf'], name: fileName });
        stored.push(file.key);
      }
      const output = await tablesOf(tx)
        .insertInto('applications.output')
        .values({
          applicationId: app.id,
          verificationCode: code,
          productName: input.productName,
          fileKey: file.key,
          fileName,
          mediaType: file.mediaType,
          sizeBytes: file.size,
          sha256: file.sha256,
          origin: upload ? 'uploaded' : 'generated',
          issuedByAccountId: actorId(ctx.actor),
          issuedAt: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const next = await save(tx, ctx, app, {});
      await recordChange(tx, ctx, next, {
        kind: 'output_issued',
        data: { productName: input.productName, verificationCode: code, origin: upload ? 'uploaded' : 'generated' },
      });
      return { application: next, outputId: output.id, verificationCode: code };
    });
  } catch (error) {
    await Promise.all(stored.map((key) => files.delete(key)));
    throw error;
  }
}

/**
 * Revokes an issued output with the reason; the verification page then says it is no longer valid.
 * @throws APPLICATIONS_CASE_FILE_NOT_FOUND, APPLICATIONS_OUTPUT_REVOKED besides the usual refusals.
 */
export async function revokeOutput(
  ctx: ApplicationsContext,
  id: string,
  version: number,
  input: { outputId: string; reason: string },
): Promise<ApplicationRow> {
  return act(ctx, id, version, DECIDED_OR_OPEN, async (tx, app) => {
    const t = tablesOf(tx);
    const output = isUuid(input.outputId)
      ? await t
          .selectFrom('applications.output')
          .selectAll()
          .where('id', '=', input.outputId)
          .where('applicationId', '=', app.id)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!output) throw E.CaseFileNotFound();
    if (output.revokedAt) throw E.OutputRevoked();
    await t
      .updateTable('applications.output')
      .set({ revokedAt: nowOf(ctx), revokedReason: input.reason })
      .where('id', '=', output.id)
      .execute();
    const next = await save(tx, ctx, app, {});
    await recordChange(tx, ctx, next, { kind: 'output_revoked', note: input.reason, data: { verificationCode: output.verificationCode } });
    return next;
  });
}
