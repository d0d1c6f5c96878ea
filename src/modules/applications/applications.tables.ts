import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_process', 'awaiting_citizen', 'rejected', 'completed', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Statuses in which the legal clock runs or is paused: the unit still owes a decision. */
export const OPEN_STATUSES = ['submitted', 'in_process', 'awaiting_citizen'] as const satisfies readonly ApplicationStatus[];
export const CLOCK_UNITS = ['minutes', 'hours', 'working_days', 'calendar_days'] as const;
export type ClockUnitName = (typeof CLOCK_UNITS)[number];
export const NOTIFICATION_KINDS = [
  'submitted',
  'correction_requested',
  'rejected',
  'completed',
  'due_soon',
  'overdue',
  'escalated',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A bill line copied from the standard's fee when the application is submitted. */
export interface BillItem {
  name: string;
  amount: number;
  legalBasis: string;
}

/** The tables of schema `applications` (db/migrations/20261207T0900__applications__cases.sql). */
export type ApplicationsTables = {
  'applications.application': {
    id: Generated<string>;
    trackingNumber: string | null;
    serviceId: string;
    standardVersionId: string;
    serviceUnitId: string;
    agencyId: string;
    mallId: string | null;
    channel: 'online' | 'counter';
    applicantAccountId: string | null;
    filedByAccountId: string | null;
    /** KeyRing ciphertext of {@link Contact} (context `applications.application.contact:<id>`). */
    contactEnc: string;
    /** KeyRing ciphertext of the answers by requirement key (context `applications.application.answers:<id>`). */
    answersEnc: string;
    locale: Generated<'id' | 'en'>;
    status: ApplicationStatus;
    currentStepKey: string | null;
    assignedToAccountId: string | null;
    submitKey: string | null;
    submittedAt: Date | null;
    dueAt: Date | null;
    clockPaused: Generated<boolean>;
    warnedAt: Date | null;
    overdueAt: Date | null;
    escalatedAt: Date | null;
    decidedAt: Date | null;
    completedAt: Date | null;
    rejectionReason: string | null;
    rejectionLegalBasis: string | null;
    onTime: boolean | null;
    version: Generated<number>;
    createdAt: Stamp;
    updatedAt: Stamp;
  };
  'applications.document': {
    id: Generated<string>;
    applicationId: string;
    requirementKey: string;
    fileKey: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedByAccountId: string | null;
    uploadedAt: Stamp;
    replacedAt: Date | null;
  };
  'applications.requirementCheck': {
    applicationId: string;
    requirementKey: string;
    outcome: 'ok' | 'needs_correction';
    note: string | null;
    checkedByAccountId: string | null;
    checkedAt: Stamp;
  };
  'applications.clockPause': {
    id: Generated<string>;
    applicationId: string;
    pausedAt: Date;
    resumedAt: Date | null;
    reason: string;
  };
  'applications.clockExtension': {
    id: Generated<string>;
    applicationId: string;
    value: number;
    unit: ClockUnitName;
    reason: string;
    grantedByAccountId: string | null;
    grantedAt: Stamp;
  };
  'applications.event': {
    id: Generated<number>;
    applicationId: string;
    at: Stamp;
    kind: string;
    actorKind: 'citizen' | 'staff' | 'system' | 'anonymous';
    actorAccountId: string | null;
    stepKey: string | null;
    public: Generated<boolean>;
    note: string | null;
    data: ColumnType<Record<string, unknown>, string | undefined, string>;
  };
  'applications.bill': {
    applicationId: string;
    items: Json<BillItem[]>;
    /** bigint: node-postgres returns it as a string; read it through Number(). */
    total: ColumnType<string | number, number, number>;
    status: 'unpaid' | 'paid' | 'free';
    paidAt: Date | null;
  };
  'applications.payment': {
    id: Generated<string>;
    applicationId: string;
    method: string;
    amount: ColumnType<string | number, number, number>;
    reference: string;
    recordedByAccountId: string | null;
    recordedAt: Stamp;
  };
  'applications.output': {
    id: Generated<string>;
    applicationId: string;
    verificationCode: string;
    productName: string;
    fileKey: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    origin: 'uploaded' | 'generated';
    issuedByAccountId: string | null;
    issuedAt: Stamp;
    revokedAt: Date | null;
    revokedReason: string | null;
  };
  'applications.notification': {
    id: Generated<string>;
    applicationId: string;
    kind: NotificationKind;
    channel: 'email' | 'sms' | 'whatsapp';
    mailMessageId: string | null;
    textMessageId: string | null;
    /** The platform.outbox event that caused it (20261207T0930__applications__notify.sql); one per channel. */
    eventId: ColumnType<string | number | null, number | null | undefined, number | null>;
    createdAt: Stamp;
  };
};

/** Who the application is for; a counter filing for someone without an account has only this. */
export interface Contact {
  name: string;
  email?: string;
  phone?: string;
}
