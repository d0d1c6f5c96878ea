import { defineError } from '../../platform/errors.js';
import './process.messages.js';

/**
 * Refusals of the unit's work on an application (process.ts, payment.ts, output.ts). Texts in
 * process.messages.ts under `applications.error.<CODE>`.
 */

/** No such application, a citizen's draft, or one outside the staff member's units (its existence is not revealed). */
export const CaseNotFound = defineError('APPLICATIONS_CASE_NOT_FOUND', 404);
/** Someone else acted on the application since this page was read. */
export const CaseVersionConflict = defineError('APPLICATIONS_CASE_VERSION_CONFLICT', 409);
/** The action does not fit the application's status (`status` names it). */
export const CaseWrongStatus = defineError('APPLICATIONS_CASE_WRONG_STATUS', 409);
/** The person chosen does not work this unit's cases (holds no applications.process covering it). */
export const AssigneeNotProcessor = defineError('APPLICATIONS_ASSIGNEE_NOT_PROCESSOR', 422);
/** A checked item is not a requirement of the standard the application was filed under. */
export const UnknownRequirement = defineError('APPLICATIONS_UNKNOWN_REQUIREMENT', 422);
/** A correction request names no item to correct. */
export const CorrectionWithoutItems = defineError('APPLICATIONS_CORRECTION_WITHOUT_ITEMS', 422);
/** The procedure's last step is in progress: the next thing is the decision, not another step. */
export const LastStep = defineError('APPLICATIONS_LAST_STEP', 409);
/** The time limit was already extended once; one lawful extension per application. */
export const AlreadyExtended = defineError('APPLICATIONS_ALREADY_EXTENDED', 409);
/** The bill is free or already paid. */
export const NothingToPay = defineError('APPLICATIONS_NOTHING_TO_PAY', 409);
/** The amount is not the outstanding bill (`expected`). */
export const PaymentAmountMismatch = defineError('APPLICATIONS_PAYMENT_AMOUNT_MISMATCH', 422);
/** The receipt or transfer reference was already recorded for another payment. */
export const PaymentReferenceUsed = defineError('APPLICATIONS_PAYMENT_REFERENCE_USED', 409);
/** The reference does not have the form the payment method asks for. */
export const PaymentReferenceInvalid = defineError('APPLICATIONS_PAYMENT_REFERENCE_INVALID', 422);
/** No payment adapter of that name. */
export const PaymentMethodUnknown = defineError('APPLICATIONS_PAYMENT_METHOD_UNKNOWN', 422);
/** Completing needs the bill paid (or free). */
export const BillUnpaid = defineError('APPLICATIONS_BILL_UNPAID', 409);
/** Completing needs at least one issued (unrevoked) output. */
export const NoOutput = defineError('APPLICATIONS_NO_OUTPUT', 409);
/** Issuing needs either an uploaded file or the template. */
export const OutputFileMissing = defineError('APPLICATIONS_OUTPUT_FILE_MISSING', 422);
/** No such output or document on this application. */
export const CaseFileNotFound = defineError('APPLICATIONS_CASE_FILE_NOT_FOUND', 404);
/** The output was already revoked. */
export const OutputRevoked = defineError('APPLICATIONS_OUTPUT_REVOKED', 409);
