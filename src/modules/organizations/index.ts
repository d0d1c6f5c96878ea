import type { ModuleDefinition } from '../../platform/module.js';
import './organizations.messages.js';
import { organizationsAdminRoutes } from './organizations.admin.routes.js';
import { organizationsRoutes } from './organizations.routes.js';
import { seedOrganizationsDemo } from './organizations.seed.js';
import { organizationSubjects } from './organizations.subjects.js';

export const organizationsModule: ModuleDefinition = {
  name: 'organizations',
  // One plugin for both, so the module stays one entry in the composition root.
  routes: async (app) => {
    await organizationsRoutes(app);
    await organizationsAdminRoutes(app);
  },
  nav: [
    {
      href: '/admin/organisasi/instansi',
      labelKey: 'organizations.nav.admin',
      access: { permission: 'organizations.manage', scope: 'filtered' },
    },
    {
      href: '/admin/organisasi/unit-layanan',
      labelKey: 'organizations.nav.serviceUnits',
      access: { permission: 'organizations.manage', scope: 'filtered' },
    },
    {
      href: '/admin/organisasi/mpp',
      labelKey: 'organizations.nav.malls',
      access: { permission: 'organizations.manage', scope: 'filtered' },
    },
  ],
  subjects: organizationSubjects,
  seed: seedOrganizationsDemo,
};

export { importRegions, loadRegionSource, regionSourceVersion, type RegionImportResult } from './import-regions.js';
export { timeZoneOfProvince } from './time-zone.js';
export { MANAGE as ORGANIZATIONS_MANAGE } from './organizations.service.js';
/** Use cases other modules' seeds and tests build the tree with. */
export { createAgency, createMall, createServiceUnit } from './organizations.service.js';
export { tenantOfServiceUnit } from './organizations.subjects.js';
export {
  findIdsByCode,
  findRegionByCode,
  listScopeNodes,
  openingHoursOfMall,
  regionOfServiceUnit,
  scopeNode,
  unitIdsOfAgencies,
  type ScopeNode,
} from './organizations.lookups.js';
/** Rows other modules may read in lists, through the views of 20261207T1210__organizations__read-views.sql. */
export type { AgencyDirectoryView, MallDirectoryView, OrganizationsViews, UnitDirectoryView } from './organizations.lookups.js';
