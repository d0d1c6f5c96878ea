import { defineError } from '../../platform/errors.js';

/** No such national day. */
export const NationalDayNotFound = defineError('CALENDAR_NATIONAL_DAY_NOT_FOUND', 404);
/** Someone else changed or withdrew the national day since this form was read. */
export const NationalDayVersionConflict = defineError('CALENDAR_NATIONAL_DAY_VERSION_CONFLICT', 409);
/** A national day is already in force on that date (one per date); change that one instead. */
export const NationalDayExists = defineError('CALENDAR_NATIONAL_DAY_EXISTS', 409);
/** A withdrawn national day is history: it is neither changed nor withdrawn again. */
export const NationalDayWithdrawn = defineError('CALENDAR_NATIONAL_DAY_WITHDRAWN', 409);
/** No such service unit or mall, or it lies outside the staff member's scope (not revealed). */
export const PlaceNotFound = defineError('CALENDAR_PLACE_NOT_FOUND', 404);
/** No such local day of this unit or mall. */
export const LocalDayNotFound = defineError('CALENDAR_LOCAL_DAY_NOT_FOUND', 404);
/** Hours that are not 'HH:MM', or a closing time not after the opening; `fields` names which. */
export const HoursInvalid = defineError('CALENDAR_HOURS_INVALID', 422);
