import type { App } from './http/server.js';
import type { NavItem } from './views/context.js';

/** What a module contributes to the composition root. Jobs, subscribers and demo seeds join as modules grow. */
export interface ModuleDefinition {
  name: string;
  routes?: (app: App) => Promise<void>;
  nav?: NavItem[];
}
