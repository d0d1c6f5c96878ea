import type { ModuleDefinition } from '../../platform/module.js';
import './admin.messages.js';
import { standardsAdminRoutes } from './admin.routes.js';
import './bulk.messages.js';
import { bulkRoutes } from './bulk.routes.js';
import './catalog.messages.js';
import { catalogRoutes } from './catalog.routes.js';
import './maklumat.messages.js';
import { maklumatRoutes } from './maklumat.routes.js';
import { seedMaklumatDemo } from './maklumat.seed.js';
import { STANDARDS_MANAGE } from './maklumat.service.js';
import { standardsJobs } from './standards.jobs.js';
import './standards.messages.js';
import { standardsRoutes } from './standards.routes.js';
import { seedStandardsDemo } from './standards.seed.js';
import { standardsSubjects } from './standards.subjects.js';

/**
 * Services, their executable service standards (14 components, versioned through draft → review →
 * consultation → ratified → published), the units' service pledges, and the public catalog.
 * Route files register themselves in `routes` below; each area owns its own files (see ARCHITECTURE.md).
 */
export const standardsModule: ModuleDefinition = {
  name: 'standards',
  subjects: standardsSubjects,
  jobs: standardsJobs,
  routes: async (app) => {
    await app.register(catalogRoutes);
    await app.register(standardsAdminRoutes);
    await app.register(standardsRoutes);
    await app.register(maklumatRoutes);
    await app.register(bulkRoutes);
  },
  nav: [
    { href: '/layanan', labelKey: 'catalog.nav.services', access: 'public' },
    { href: '/admin/layanan', labelKey: 'standards.admin.nav', access: { permission: 'standards.manage', scope: 'filtered' } },
    { href: '/admin/maklumat', labelKey: 'standards.maklumat.nav', access: { permission: STANDARDS_MANAGE, scope: 'filtered' } },
    { href: '/admin/layanan/impor', labelKey: 'bulk.nav', access: { permission: 'standards.manage', scope: 'filtered' } },
  ],
  // One seed slot per module: the services and their standards, then the units' pledges (both idempotent).
  seed: async (ctx) => {
    const standards = await seedStandardsDemo(ctx);
    const pledges = await seedMaklumatDemo(ctx);
    return { logins: [...standards.logins, ...pledges.logins], created: standards.created + pledges.created };
  },
};

export * from './standards.content.js';
/** The standard's use cases, for other modules' seeds and tests (test/support/tenants.ts builds its fixtures with them). */
export {
  addConsultationComment,
  createDraft,
  createService,
  listComments,
  moderateComment,
  openConsultation,
  publish,
  ratify,
  saveComponent,
  saveContent,
  submitForReview,
  type StandardsContext,
} from './standards.service.js';
/** Other modules' reads of the standards: a version by id here, lists through the views of 20261207T1200__standards__read-views.sql. */
export { readStandardVersion } from './standards.repository.js';
export type { StandardsViews, ServiceDirectoryView, PublishedVersionView, ServicePlaceView } from './standards.repository.js';
