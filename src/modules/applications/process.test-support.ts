/** Shared by the processing tests (process, output, payment, compliance, routes). */
import { expect } from 'vitest';
import { AppError } from '../../platform/errors.js';
import type { ApplicationRow, ApplicationsContext } from './applications.core.js';
import { issueOutput } from './output.js';

/** A fixed clock. */
export const at = (iso: string) => () => new Date(iso);
/** Monday 2 February 2026, 10.00 WITA: an ordinary working week in Badung; five working days end on Monday 9 February. */
export const MONDAY = at('2026-02-02T02:00:00Z');
export const PUBLIC_URL = 'https://satupintu.example';

/** The refusal a promise ends in (failing the test when it does not). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Issues the birth certificate generated from the unit's template. */
export function generateOutput(ctx: ApplicationsContext, app: Pick<ApplicationRow, 'id' | 'version'>, makeCode?: () => string) {
  return issueOutput(
    ctx,
    app.id,
    app.version,
    { productName: 'Kutipan akta kelahiran', source: { generate: true } },
    { publicUrl: PUBLIC_URL, ...(makeCode ? { makeCode } : {}) },
  );
}
