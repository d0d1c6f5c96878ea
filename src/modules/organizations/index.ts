import type { ModuleDefinition } from '../../platform/module.js';
import './organizations.messages.js';
import { organizationsRoutes } from './organizations.routes.js';
import { seedOrganizationsDemo } from './organizations.seed.js';

export const organizationsModule: ModuleDefinition = {
  name: 'organizations',
  routes: organizationsRoutes,
  seed: seedOrganizationsDemo,
};

export { importRegions, loadRegionSource, regionSourceVersion, type RegionImportResult } from './import-regions.js';
export { timeZoneOfProvince } from './time-zone.js';
export { MANAGE as ORGANIZATIONS_MANAGE } from './organizations.service.js';
