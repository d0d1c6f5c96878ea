import type { FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor } from '../../platform/access/access.js';
import type { Database } from '../../platform/db/database.js';
import type { ModuleDefinition } from '../../platform/module.js';
import './identity.messages.js';
import { PERMISSIONS } from './identity.roles.js';
import { identityRoutes, SESSION_COOKIE } from './identity.routes.js';
import { seedIdentityDemo } from './identity.seed.js';
import { actorForToken } from './identity.service.js';
import { identitySubjects } from './identity.subjects.js';

export const identityModule: ModuleDefinition = {
  name: 'identity',
  routes: identityRoutes,
  subjects: identitySubjects,
  nav: [
    { href: '/admin', labelKey: 'identity.nav.home', access: 'staff' },
    { href: '/admin/staf', labelKey: 'identity.nav.staff', access: { permission: PERMISSIONS.staffManage } },
    { href: '/admin/warga', labelKey: 'identity.nav.citizens', access: { permission: PERMISSIONS.personalDataRead } },
  ],
  seed: seedIdentityDemo,
};

/** The platform's actor resolver: the session cookie, looked up server-side. */
export function sessionActorResolver(database: Database) {
  return async (request: FastifyRequest): Promise<Actor> => {
    const token = request.cookies[SESSION_COOKIE];
    // No cookie, no query: most public page views are anonymous.
    return token ? actorForToken(database.db, token) : ANONYMOUS;
  };
}

export { PERMISSIONS, ROLES, ROLE_NAMES, permissionsOf, type Role } from './identity.roles.js';
export { citizenDetails, createVerifiedAccount, normalizePhone, reencryptAccountSecrets } from './identity.service.js';
export { parseNik } from './nik.js';
export { checkPasswordStrength } from './password.js';
export { SESSION_COOKIE } from './identity.routes.js';
export { staffAt, staffHolding, type StaffContact, type StaffName } from './staff-at.js';
/** Other modules' reads of accounts: by email for demo seeds; names in lists through 20261207T1220__identity__read-views.sql. */
export { findAccountNamesByEmail, type AccountNameView, type IdentityViews } from './identity.repository.js';
export { RecordingSmsSender, LoggingSmsSender, type SmsSender } from './sms.js';
