import type { Generated } from 'kysely';

export type FeedbackKind = 'barrier' | 'content' | 'suggestion' | 'other';
export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['barrier', 'content', 'suggestion', 'other'];

export type PortalTables = {
  'portal.feedback': {
    id: Generated<string>;
    kind: FeedbackKind;
    pageUrl: string | null;
    message: string;
    contactEmail: string | null;
    locale: 'id' | 'en';
    status: Generated<'new' | 'acknowledged' | 'resolved'>;
    createdAt: Generated<Date>;
  };
};
