import { isUuid, type SubjectResolver } from '../../platform/access/access.js';
import { tablesOf, tenantOf } from './applications.core.js';

/**
 * Where an application sits in the tree: its service's agency and unit, and the mall where it was filed
 * (so the mall's counter officers reach what they filed there). Drafts resolve too: staff never see a
 * citizen's draft because every staff list and use case also requires a submitted status.
 */
export const applicationsSubjects: Record<string, SubjectResolver> = {
  applicationId: async (db, id) => {
    if (!isUuid(id)) return undefined;
    const row = await tablesOf(db)
      .selectFrom('applications.application')
      .select(['agencyId', 'serviceUnitId', 'mallId'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && tenantOf(row);
  },
};
