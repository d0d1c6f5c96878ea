import type { ModuleDefinition } from '../../platform/module.js';
import { FILE, PROCESS } from './applications.core.js';
import { applicationsJobs } from './applications.jobs.js';
import { applicationsSubjects } from './applications.subjects.js';
import { applicationsSubscribers } from './applications.subscribers.js';
import { applyRoutes } from './apply.routes.js';
import { seedApplying } from './apply.seed.js';
import { processRoutes } from './process.routes.js';
import { seedProcessing } from './process.seed.js';
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
  // One seed slot per module: the demo citizen's own applications, then the unit's demo cases.
  seed: async (ctx) => {
    const applying = await seedApplying(ctx);
    const processing = await seedProcessing(ctx);
    return { logins: [...applying.logins, ...processing.logins], created: applying.created + processing.created };
  },
  async routes(app) {
    await app.register(applyRoutes);
    await app.register(trackRoutes);
    await app.register(processRoutes);
  },
  nav: [
    { href: '/permohonan', labelKey: 'applications.apply.nav.mine', access: 'citizen' },
    { href: '/loket/permohonan', labelKey: 'applications.apply.nav.counter', access: { permission: FILE, scope: 'filtered' } },
    { href: '/lacak', labelKey: 'applications.track.nav.track', access: 'public' },
    { href: '/admin/permohonan', labelKey: 'applications.process.nav', access: { permission: PROCESS, scope: 'filtered' } },
    {
      href: '/admin/permohonan/kepatuhan',
      labelKey: 'applications.process.nav.compliance',
      access: { permission: PROCESS, scope: 'filtered' },
    },
  ],
};

export { APPLICATION_STATUSES, type ApplicationStatus } from './applications.tables.js';
