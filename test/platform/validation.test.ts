import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { issuesToFieldErrors } from '../../src/platform/http/validation.js';
import { allMessages } from '../../src/platform/i18n/catalog.js';
import '../../src/platform/i18n/messages.js';

const Body = z.strictObject({
  name: z.string().trim().min(1).max(5),
  age: z.number().int().min(17),
  email: z.email().optional(),
  kind: z.enum(['a', 'b']),
  items: z.array(z.strictObject({ amount: z.number().max(10) })).optional(),
  code: z
    .string()
    .refine((v) => v.startsWith('X'), 'platform.validation.format')
    .optional(),
});

/** Field errors for `input`, parsed the way the HTTP layer sees it (with each offending value). */
function fieldErrors(input: unknown) {
  const result = Body.safeParse(input, { reportInput: true });
  if (result.success) return [];
  return issuesToFieldErrors(result.error.issues);
}

describe('issuesToFieldErrors', () => {
  it('calls a missing or empty field required, and a wrongly typed one the wrong type', () => {
    expect(fieldErrors({ name: '', kind: 'a' })).toEqual([
      { path: 'name', key: 'platform.validation.required' },
      { path: 'age', key: 'platform.validation.required' },
    ]);
    expect(fieldErrors({ name: 'Budi', age: 'tua', kind: 'a' })).toEqual([
      { path: 'age', key: 'platform.validation.invalidType', params: { expected: 'number' } },
    ]);
  });

  it('gives bounds with their limits', () => {
    expect(fieldErrors({ name: 'Bambang', age: 12, kind: 'a' })).toEqual([
      { path: 'name', key: 'platform.validation.tooLong', params: { maximum: '5' } },
      { path: 'age', key: 'platform.validation.tooSmall', params: { minimum: '17' } },
    ]);
  });

  it('names the options of an enum and recognises email formats', () => {
    expect(fieldErrors({ name: 'Budi', age: 30, kind: 'c', email: 'bukan' })).toEqual([
      { path: 'email', key: 'platform.validation.email' },
      { path: 'kind', key: 'platform.validation.enum', params: { options: 'a, b' } },
    ]);
  });

  it('reports every unknown field, nested ones with their full path', () => {
    expect(fieldErrors({ name: 'Budi', age: 30, kind: 'a', extra: 1, items: [{ amount: 1, note: 'x' }] })).toEqual([
      { path: 'items.0.note', key: 'platform.validation.unknownField', params: { field: 'items.0.note' } },
      { path: 'extra', key: 'platform.validation.unknownField', params: { field: 'extra' } },
    ]);
  });

  it('uses a refinement message that is a catalog key, and a generic one otherwise', () => {
    expect(fieldErrors({ name: 'Budi', age: 30, kind: 'a', code: 'Y1' })).toEqual([{ path: 'code', key: 'platform.validation.format' }]);
    const errors = issuesToFieldErrors([{ code: 'custom', path: ['x'], message: 'Not a key, a sentence.' }]);
    expect(errors).toEqual([{ path: 'x', key: 'platform.validation.invalid' }]);
  });

  it('only ever produces keys that exist in the catalog', () => {
    const keys = [
      ...fieldErrors({ name: '', age: 'x', kind: 'z', email: 'e', extra: 1, items: [{ amount: 99 }], code: 'Q' }),
      ...issuesToFieldErrors([{ code: 'invalid_union', path: ['u'] }]),
    ].map((e) => e.key);
    expect(keys.length).toBeGreaterThan(6);
    for (const key of keys) expect(allMessages().has(key)).toBe(true);
  });
});
