import { defineError } from '../../platform/errors.js';

/**
 * Refusals of an import file as a whole, before any row is read. Their codes start with BULK_ because
 * `errorKey()` finds a code's text in the catalog named by its first word, and `standards` and
 * `standards.error` belong to the lifecycle and the pledge; the texts live in bulk.messages.ts.
 */

/** The upload is larger than the import reads (params: limit). Checked while it streams in, before parsing. */
export const FileTooLarge = defineError('BULK_FILE_TOO_LARGE', 413);
/** No file was sent with the form, or it was empty. */
export const FileMissing = defineError('BULK_FILE_MISSING', 422);
/** The bytes are neither an .xlsx workbook nor JSON (params: hint, which says what it looks like instead). */
export const FileType = defineError('BULK_FILE_TYPE', 415);
/** An .xls file, or an .xlsx protected with a password (both are OLE2 containers we cannot read). */
export const FileOldOrEncrypted = defineError('BULK_FILE_OLD_OR_ENCRYPTED', 415);
/** A ZIP/XLSX that is damaged or not what its own directory says. */
export const FileDamaged = defineError('BULK_FILE_DAMAGED', 422);
/** The workbook would unpack to more than the import reads (a "zip bomb", or just too much) (params: limit). */
export const FileUnpacksTooLarge = defineError('BULK_FILE_UNPACKS_TOO_LARGE', 413);
/** A sheet has more rows than the import reads (params: sheet, limit). */
export const FileTooManyRows = defineError('BULK_FILE_TOO_MANY_ROWS', 413);
/** A JSON file that does not parse. */
export const JsonMalformed = defineError('BULK_JSON_MALFORMED', 400);
/** Rows were refused; nothing was imported (params: count). The response carries the row-by-row report. */
export const ImportRejected = defineError('BULK_IMPORT_REJECTED', 422);
/**
 * An XLSX export would name two services by the same code (they sit in different units); the list sheets
 * could not tell their rows apart (params: code). Exporting one unit at a time avoids it; JSON has no such limit.
 */
export const ExportAmbiguous = defineError('BULK_EXPORT_AMBIGUOUS', 422);
