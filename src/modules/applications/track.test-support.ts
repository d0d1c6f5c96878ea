import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { tablesOf } from './applications.core.js';
import { newVerificationCode } from './tracking-number.js';

/**
 * An output issued for an application, as output.ts records it (the SHA-256 of `content`), optionally
 * revoked with a reason that names the person: verification must show neither.
 */
export async function issuedOutput(db: Db, applicationId: string, content: Buffer, options: { revokedAt?: Date } = {}): Promise<string> {
  const code = newVerificationCode();
  await tablesOf(db)
    .insertInto('applications.output')
    .values({
      applicationId,
      verificationCode: code,
      productName: 'Kutipan akta kelahiran',
      fileKey: `outputs/${code}.pdf`,
      fileName: 'akta.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      origin: 'uploaded',
      ...(options.revokedAt ? { revokedAt: options.revokedAt, revokedReason: 'Salah ketik nama anak Ni Wayan Sari' } : {}),
    })
    .execute();
  return code;
}
