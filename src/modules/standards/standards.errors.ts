import { defineError } from '../../platform/errors.js';

/** No such service, version or comment, or one outside the caller's scope (the two look the same). */
export const NotFound = defineError('STANDARDS_NOT_FOUND', 404);
/** A service code is unique within its unit. */
export const CodeTaken = defineError('STANDARDS_CODE_TAKEN', 422);
/** A service's page address (slug) is unique nationally; a derived one is made unique, a given one is not changed. */
export const SlugTaken = defineError('STANDARDS_SLUG_TAKEN', 422);
/** Input to a use case does not pass its schema (a seed or import calling the service directly); the fields say where. */
export const InvalidInput = defineError('STANDARDS_INVALID_INPUT', 422);
/** A unit, mall, booth or version named in the input does not exist, is inactive, does not fit, or is outside the scope. */
export const ReferenceInvalid = defineError('STANDARDS_REFERENCE_INVALID', 422);
/** Optimistic lock: someone saved the service or version after the caller read it (params: current). */
export const VersionConflict = defineError('STANDARDS_VERSION_CONFLICT', 409);
/** The service was deactivated; its standard cannot be drafted, changed or published. */
export const ServiceInactive = defineError('STANDARDS_SERVICE_INACTIVE', 409);
/** A service has at most one version in the making (draft, review, consultation or ratified) (params: number, status). */
export const OpenVersionExists = defineError('STANDARDS_OPEN_VERSION_EXISTS', 409);
/** The version's stage does not allow this step (params: number, status). */
export const TransitionRefused = defineError('STANDARDS_TRANSITION_REFUSED', 409);
/** Content is only edited in a draft; a version under review or later is returned to draft first (params: number, status). */
export const NotEditable = defineError('STANDARDS_NOT_EDITABLE', 409);
/** A component or the whole content does not pass the 14-component schema; the fields say where. */
export const ContentInvalid = defineError('STANDARDS_CONTENT_INVALID', 422);
/** Ratifying or publishing needs all 14 components (params: count, missing; a field per missing component). */
export const Incomplete = defineError('STANDARDS_INCOMPLETE', 422);
/** The public consultation has ended (params: closedAt). */
export const ConsultationClosed = defineError('STANDARDS_CONSULTATION_CLOSED', 409);
/** The public consultation is still running; the step waits until it closes (params: closesAt). */
export const ConsultationOpen = defineError('STANDARDS_CONSULTATION_OPEN', 409);
/** A date does not fit: a closing date in the past, a decree dated in the future, effect before the decree. */
export const DateInvalid = defineError('STANDARDS_DATE_INVALID', 422);
/** Another version of the service was published at the same moment; this one was not. */
export const PublishConflict = defineError('STANDARDS_PUBLISH_CONFLICT', 409);
