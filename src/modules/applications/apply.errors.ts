import { defineError } from '../../platform/errors.js';
import './apply.messages.js';

/** No such application, or not the caller's (another citizen's, a draft to staff, another unit's): existence is not revealed. */
export const ApplicationNotFound = defineError('APPLICATIONS_NOT_FOUND', 404);
/** No such service, or it has no published standard to apply under. */
export const ServiceNotFound = defineError('APPLICATIONS_SERVICE_NOT_FOUND', 404);
/** The service is offered only at the counter (or only online, for a counter filing). */
export const ChannelNotOffered = defineError('APPLICATIONS_CHANNEL_NOT_OFFERED', 409);
/** The application was changed since the form was read (another tab, a double post); the typed text is kept. */
export const ApplicationConflict = defineError('APPLICATIONS_VERSION_CONFLICT', 409);
/** The step is not allowed in the application's status (editing a submitted one, resubmitting one not returned). */
export const ApplicationStatusRefused = defineError('APPLICATIONS_STATUS_REFUSED', 409);
/** Answers or contact details not well-formed; `fields` names each. */
export const ApplicationInvalid = defineError('APPLICATIONS_INVALID', 422);
/** Submission with mandatory items missing or documents of the wrong type; `fields` lists them per requirement. */
export const ApplicationIncomplete = defineError('APPLICATIONS_INCOMPLETE', 422);
/** An upload for a requirement that is not a document of this standard (or, in a correction, not one returned). */
export const RequirementUnknown = defineError('APPLICATIONS_REQUIREMENT_UNKNOWN', 404);
/** A correction changed an item the officer did not return, or left a returned item as it was. */
export const CorrectionInvalid = defineError('APPLICATIONS_CORRECTION_INVALID', 422);
/** The applicant asked for an output the unit has revoked: it is no longer valid, so it is not handed out. */
export const OutputNoLongerValid = defineError('APPLICATIONS_OUTPUT_NO_LONGER_VALID', 410);
