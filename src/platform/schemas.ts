import { z } from 'zod';

/**
 * An optional text field, trimmed and bounded. HTML forms send an empty field as '', which means
 * "not given", so it becomes undefined; JSON clients may also omit the key.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();
