import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** Tables owned by the platform itself (schema `platform`). Modules declare their own in `<module>.tables.ts`. */
export interface PlatformTables {
  'platform.schemaMigrations': {
    name: string;
    checksum: string;
    appliedAt: Generated<Date>;
  };
  'platform.outbox': {
    id: Generated<number>;
    name: string;
    payload: ColumnType<unknown, string, string>;
    requestId: string | null;
    createdAt: Generated<Date>;
    dispatchedAt: Date | null;
    attempts: Generated<number>;
    lastError: string | null;
  };
  'platform.mailMessage': {
    id: Generated<string>;
    toAddress: string;
    subject: string;
    textBody: string;
    htmlBody: string | null;
    tag: string | null;
    status: Generated<MailStatus>;
    attempts: Generated<number>;
    lastError: string | null;
    nextAttemptAt: Generated<Date>;
    createdAt: Generated<Date>;
    sentAt: Date | null;
    messageId: string | null;
  };
  'platform.textMessage': {
    id: Generated<string>;
    channel: 'sms' | 'whatsapp';
    toNumber: string;
    body: string;
    tag: string | null;
    status: Generated<MailStatus>;
    attempts: Generated<number>;
    lastError: string | null;
    nextAttemptAt: Generated<Date>;
    createdAt: Generated<Date>;
    sentAt: Date | null;
    providerReference: string | null;
  };
}
