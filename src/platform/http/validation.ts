import type { FieldError } from '../errors.js';

/** The subset of a zod issue we translate; kept structural so it works for edge and service validation alike. */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  values?: unknown[];
  keys?: string[];
  input?: unknown;
}

/** Turns zod issues into field errors with catalog keys, so every message is in the request's language. */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'invalid_type':
        out.push(
          issue.input === undefined || issue.input === null
            ? { path, key: 'platform.validation.required' }
            : { path, key: 'platform.validation.invalidType', params: { expected: String(issue.expected) } },
        );
        break;
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) {
          out.push({ path, key: 'platform.validation.required' });
        } else {
          out.push({
            path,
            key: issue.origin === 'string' ? 'platform.validation.tooShort' : 'platform.validation.tooSmall',
            params: { minimum: String(issue.minimum) },
          });
        }
        break;
      case 'too_big':
        out.push({
          path,
          key: issue.origin === 'string' ? 'platform.validation.tooLong' : 'platform.validation.tooBig',
          params: { maximum: String(issue.maximum) },
        });
        break;
      case 'invalid_format':
        out.push({
          path,
          key:
            issue.format === 'email'
              ? 'platform.validation.email'
              : issue.format === 'url'
                ? 'platform.validation.url'
                : 'platform.validation.format',
        });
        break;
      case 'invalid_value':
        out.push({ path, key: 'platform.validation.enum', params: { options: (issue.values ?? []).map(String).join(', ') } });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys ?? []) {
          const full = path ? `${path}.${key}` : key;
          out.push({ path: full, key: 'platform.validation.unknownField', params: { field: full } });
        }
        break;
      case 'custom':
        // Custom refinements carry a catalog key as their message when they have one.
        out.push({ path, key: issue.message && /^[a-z]+\.[\w.]+$/.test(issue.message) ? issue.message : 'platform.validation.invalid' });
        break;
      default:
        out.push({ path, key: 'platform.validation.invalid' });
    }
  }
  return out;
}
