import type { ModuleDefinition } from './platform/module.js';
import { portalModule } from './modules/portal/index.js';

/** The one list of modules, in dependency order. */
export const MODULES: readonly ModuleDefinition[] = [portalModule];
