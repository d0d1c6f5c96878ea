import { defineError } from '../../platform/errors.js';

/** The date range ends before it starts. */
export const DateRangeReversed = defineError('AUDIT_DATE_RANGE_REVERSED', 422);
