import type { Logger } from 'pino';
import type { SubjectResolver } from './access/access.js';
import type { Database } from './db/database.js';
import type { AnySubscriber } from './events/dispatcher.js';
import type { App } from './http/server.js';
import type { AnyJobDefinition } from './jobs/job.js';
import type { NavItem } from './views/context.js';

/** An account the demo seed created, printed in the start-up banner so people can sign in. */
export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

export interface SeedContext {
  database: Database;
  log: Logger;
  /** Reports progress through a long seed (`done` of `total` steps), for the CLI's progress bar. */
  progress: (done: number, total: number, label?: string) => void;
}

export interface SeedResult {
  /** Demo accounts, new or already present, so a second start prints the same banner. */
  logins: DemoLogin[];
  /** Rows or records the seed created this time; 0 when it found its data already there. */
  created: number;
}

/**
 * Fills a module with realistic demo data through its services, so the data obeys the rules.
 * Must be idempotent: a second run finds its data and creates nothing.
 */
export type DemoSeed = (ctx: SeedContext) => Promise<SeedResult>;

/** What a module contributes to the composition roots (app.ts for the web, worker.ts for jobs). */
export interface ModuleDefinition {
  name: string;
  routes?: (app: App) => Promise<void>;
  nav?: NavItem[];
  /** Background jobs (`<module>.jobs.ts`), registered by worker.ts. */
  jobs?: readonly AnyJobDefinition[];
  /** Reactions to other modules' events, delivered by the outbox dispatcher. */
  subscribers?: readonly AnySubscriber[];
  /**
   * Resolvers for the records this module owns that routes name as access subjects, by key
   * (`{ serviceUnitId: … }`); a route with `scope: { subject: key }` fails the boot without one.
   */
  subjects?: Readonly<Record<string, SubjectResolver>>;
  /** Demo data for `npm start` and `satupintu seed --demo`; run in module order. */
  seed?: DemoSeed;
}
