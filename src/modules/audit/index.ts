import type { ModuleDefinition } from '../../platform/module.js';
import './audit.messages.js';
import { auditRoutes } from './audit.routes.js';

export const auditModule: ModuleDefinition = {
  name: 'audit',
  routes: auditRoutes,
  nav: [{ href: '/admin/audit', labelKey: 'audit.nav.trail', access: { permission: 'audit.read' } }],
};

export {
  listPersonalDataAccesses,
  PERSONAL_DATA_VIEWED,
  recordAudit,
  recordPersonalDataAccess,
  verifyAuditChain,
  type AuditActor,
  type AuditRecord,
  type ChainBreak,
  type ChainVerdict,
  type PersonalDataAccess,
  type PersonalDataAccessEntry,
} from './audit.service.js';
export { maskNik } from './audit.summary.js';
