import type { ModuleDefinition } from '../../platform/module.js';
import './catalog.messages.js';
import { catalogRoutes } from './catalog.routes.js';
import { standardsSubjects } from './standards.subjects.js';

/**
 * Services, their executable service standards (14 components, versioned through draft → review →
 * consultation → ratified → published), the units' service pledges, and the public catalog.
 * Route files register themselves in `routes` below; each area owns its own files (see ARCHITECTURE.md).
 */
export const standardsModule: ModuleDefinition = {
  name: 'standards',
  subjects: standardsSubjects,
  routes: async (app) => {
    await app.register(catalogRoutes);
  },
  nav: [{ href: '/layanan', labelKey: 'catalog.nav.services', access: 'public' }],
};

export * from './standards.content.js';
