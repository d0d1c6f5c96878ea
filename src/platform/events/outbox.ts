import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from '../db/tables.js';

const EVENT_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/**
 * Records an event in the caller's transaction, so it exists exactly when the change that caused it
 * commits. Names are `<module>.<entity>.<past-tense-verb>`; payloads carry what subscribers need.
 */
export async function emit(
  // Any module's transaction: Kysely is invariant in its table type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Transaction<any>,
  name: string,
  payload: Record<string, unknown>,
  options: { requestId?: string } = {},
): Promise<number> {
  if (!EVENT_NAME.test(name)) throw new Error(`Event name ${name} must be <module>.<entity>.<verb>`);
  const db = tx as unknown as Kysely<PlatformTables>;
  const row = await db
    .insertInto('platform.outbox')
    .values({ name, payload: JSON.stringify(payload), requestId: options.requestId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
