import type { Kysely } from 'kysely';
import { isUuid, type SubjectResolver } from '../../platform/access/access.js';
import { tablesOf } from '../../platform/db/database.js';
import { scopeNode } from '../organizations/index.js';
import type { IdentityTables } from './identity.tables.js';

/** A role grant sits where its scope points: an agency admin manages grants at their agency and its units. */
export const identitySubjects: Record<string, SubjectResolver> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolvers receive the shared handle
  grantId: async (db: Kysely<any>, id: string) => {
    if (!isUuid(id)) return undefined;
    const grant = await tablesOf<IdentityTables>(db)
      .selectFrom('identity.roleGrant')
      .select(['scopeKind', 'scopeId'])
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (!grant) return undefined;
    if (grant.scopeKind === 'platform') return {};
    return (await scopeNode(db, grant.scopeKind, grant.scopeId!))?.path;
  },
};
