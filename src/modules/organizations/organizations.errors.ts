import { defineError } from '../../platform/errors.js';

export const NotFound = defineError('ORGANIZATIONS_NOT_FOUND', 404);
/** Unique per parent: an agency code nationally, a unit code in its agency, a booth code in its mall… */
export const CodeTaken = defineError('ORGANIZATIONS_CODE_TAKEN', 422);
/** A referenced region, agency, unit or mall does not exist, is inactive, or is outside the actor's scope. */
export const ReferenceInvalid = defineError('ORGANIZATIONS_REFERENCE_INVALID', 422);
export const VersionConflict = defineError('ORGANIZATIONS_VERSION_CONFLICT', 409);
/** Deactivating would strand booths that still serve people. */
export const HasActiveBooths = defineError('ORGANIZATIONS_HAS_ACTIVE_BOOTHS', 409);
export const AlreadyInactive = defineError('ORGANIZATIONS_ALREADY_INACTIVE', 409);
export const OutOfScope = defineError('ORGANIZATIONS_OUT_OF_SCOPE', 403);
