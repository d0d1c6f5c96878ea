import type { ModuleDefinition } from '../../platform/module.js';
import './portal.messages.js';
import { portalRoutes } from './portal.routes.js';
import { seedPortalDemo } from './portal.seed.js';

export const portalModule: ModuleDefinition = {
  name: 'portal',
  routes: portalRoutes,
  nav: [
    { href: '/', labelKey: 'portal.nav.home', access: 'public' },
    { href: '/aksesibilitas', labelKey: 'portal.nav.accessibility', access: 'public' },
  ],
  seed: seedPortalDemo,
};

export { feedbackStats, submitFeedback } from './portal.service.js';
export { countFeedback } from './portal.repository.js';
