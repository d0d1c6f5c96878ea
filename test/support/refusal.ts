import { AppError } from '../../src/platform/errors.js';

/** What a use case refused with: the error code, its status and the fields it named; fails when it did not refuse. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number; fields: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, status: error.status, fields: error.fields.map((f) => f.path) };
    throw error;
  }
  throw new Error('expected a refusal');
}
