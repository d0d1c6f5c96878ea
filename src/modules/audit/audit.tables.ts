import type { ColumnType } from 'kysely';

/** A before/after summary: plain JSON, already stripped of secrets (see audit.summary.ts). */
export type Summary = { [key: string]: SummaryValue };
export type SummaryValue = string | number | boolean | null | SummaryValue[] | { [key: string]: SummaryValue };

export type ActorKind = 'anonymous' | 'citizen' | 'staff' | 'system';

export type AuditTables = {
  'audit.event': {
    seq: number;
    occurredAt: Date;
    actorKind: ActorKind;
    actorId: string | null;
    actorName: string | null;
    actorUnit: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    requestId: string | null;
    /** Where the audited record sits in the organization tree; all null for a platform-level event. */
    agencyId: string | null;
    unitId: string | null;
    mallId: string | null;
    before: ColumnType<Summary | null, string | null, string | null>;
    after: ColumnType<Summary | null, string | null, string | null>;
    prevHash: string;
    hash: string;
  };
};

export type AuditEventRow = {
  [K in keyof AuditTables['audit.event']]: AuditTables['audit.event'][K] extends ColumnType<infer S, unknown, unknown>
    ? S
    : AuditTables['audit.event'][K];
};
