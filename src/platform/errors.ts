import type { Params } from './i18n/catalog.js';

export interface FieldError {
  /** Dotted path of the field, e.g. `email` or `items.2.amount`. */
  path: string;
  /** Full message key, e.g. `validation.required` or `error.PORTAL_...`. */
  key: string;
  params?: Params;
}

/**
 * The one error class. Each code is declared once, next to its module, with its HTTP status;
 * its text lives in the module's catalog under `error.<CODE>`.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Params = {},
    readonly fields: FieldError[] = [],
    /** Internal detail for logs; never shown to the person. */
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

export interface ErrorDefinition {
  readonly code: string;
  readonly status: number;
  (params?: Params, options?: { fields?: FieldError[]; detail?: string }): AppError;
}

const definitions = new Map<string, ErrorDefinition>();

const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/** `export const Conflict = defineError('STANDARDS_VERSION_CONFLICT', 409)`; then `throw Conflict({ version })`. */
export function defineError(code: string, status: number): ErrorDefinition {
  if (!CODE.test(code)) throw new Error(`Error code ${code} must be SCREAMING_SNAKE with a module prefix`);
  if (status < 400 || status > 599) throw new Error(`Error code ${code} needs a 4xx or 5xx status`);
  if (definitions.has(code)) throw new Error(`Error code ${code} is defined twice`);
  const make = ((params?: Params, options?: { fields?: FieldError[]; detail?: string }) =>
    new AppError(code, status, params, options?.fields, options?.detail)) as ErrorDefinition;
  Object.defineProperties(make, { code: { value: code }, status: { value: status } });
  definitions.set(code, make);
  return make;
}

export function allErrorDefinitions(): ReadonlyMap<string, ErrorDefinition> {
  return definitions;
}

/**
 * Catalog key of an error's text. The code's first word names the catalog: `HTTP_*` lives in the
 * platform catalog, `STANDARDS_*` in the standards module's, each under `error.<CODE>`.
 */
export function errorKey(code: string | AppError): string {
  const c = typeof code === 'string' ? code : code.code;
  const prefix = c.split('_')[0]!.toLowerCase();
  return `${prefix === 'http' ? 'platform' : prefix}.error.${c}`;
}
