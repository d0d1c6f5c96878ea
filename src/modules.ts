import type { ModuleDefinition } from './platform/module.js';
import { applicationsModule } from './modules/applications/index.js';
import { auditModule } from './modules/audit/index.js';
import { calendarModule } from './modules/calendar/index.js';
import { identityModule } from './modules/identity/index.js';
import { organizationsModule } from './modules/organizations/index.js';
import { portalModule } from './modules/portal/index.js';
import { standardsModule } from './modules/standards/index.js';

/** The one list of modules, in dependency order. */
export const MODULES: readonly ModuleDefinition[] = [
  // Portal first: its home link leads the navigation, and it depends on no other module.
  portalModule,
  auditModule,
  organizationsModule,
  identityModule,
  standardsModule,
  calendarModule,
  applicationsModule,
];
