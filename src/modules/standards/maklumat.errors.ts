import { defineError } from '../../platform/errors.js';

/** No such pledge, or it lies outside the staff member's scope (its existence is not revealed). */
export const MaklumatNotFound = defineError('STANDARDS_MAKLUMAT_NOT_FOUND', 404);
/** Someone else saved or published the pledge since this form was read. */
export const MaklumatVersionConflict = defineError('STANDARDS_MAKLUMAT_VERSION_CONFLICT', 409);
/** Only a draft can be changed or published; a published or superseded pledge is history. */
export const MaklumatNotDraft = defineError('STANDARDS_MAKLUMAT_NOT_DRAFT', 409);
/** A unit works on one draft at a time, so two people do not write two pledges side by side. */
export const MaklumatDraftExists = defineError('STANDARDS_MAKLUMAT_DRAFT_EXISTS', 409);
/** One of the three promises UU 25/2009 requires is blank (domain.md §1.3); `fields` names which. */
export const MaklumatPromiseMissing = defineError('STANDARDS_MAKLUMAT_PROMISE_MISSING', 422);
