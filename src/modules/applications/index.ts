import type { ModuleDefinition } from '../../platform/module.js';
import { FILE } from './applications.core.js';
import { applicationsJobs } from './applications.jobs.js';
import { applicationsSubjects } from './applications.subjects.js';
import { applicationsSubscribers } from './applications.subscribers.js';
import { applyRoutes } from './apply.routes.js';
import { seedApplying } from './apply.seed.js';
import { trackRoutes } from './track.routes.js';

/**
 * Applications (permohonan) run by the published service standard: the form from its requirements, the
 * workflow from its procedure, the legal clock from its time limit, the bill from its fee, outputs with
 * a verification code from its products. See docs/ARCHITECTURE.md, "Applications".
 */
export const applicationsModule: ModuleDefinition = {
  name: 'applications',
  subjects: applicationsSubjects,
  jobs: applicationsJobs,
  subscribers: applicationsSubscribers(),
  seed: seedApplying,
  async routes(app) {
    await app.register(applyRoutes);
    await app.register(trackRoutes);
  },
  nav: [
    { href: '/permohonan', labelKey: 'applications.apply.nav.mine', access: 'citizen' },
    { href: '/loket/permohonan', labelKey: 'applications.apply.nav.counter', access: { permission: FILE, scope: 'filtered' } },
    { href: '/lacak', labelKey: 'applications.track.nav.track', access: 'public' },
  ],
};

export { APPLICATION_STATUSES, type ApplicationStatus } from './applications.tables.js';
