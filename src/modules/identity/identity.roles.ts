import type { GrantScopeKind } from './identity.tables.js';

/**
 * The role catalogue. A role is held at a node of the organization tree (its scope) and brings a fixed
 * set of permissions; routes declare permissions, never roles. Permissions of modules still to come are
 * named here already so that a role means the same thing before and after they arrive.
 */
export const PERMISSIONS = {
  organizationsManage: 'organizations.manage',
  staffManage: 'identity.manage-staff',
  personalDataRead: 'identity.read-personal-data',
  auditRead: 'audit.read',
  standardsManage: 'standards.manage',
  calendarManage: 'calendar.manage',
  applicationsFile: 'applications.file',
  applicationsProcess: 'applications.process',
  queueServe: 'queue.serve',
  complaintsHandle: 'complaints.handle',
  evaluationAssess: 'evaluation.assess',
} as const;

const P = PERMISSIONS;

export interface RoleDefinition {
  /** The tree nodes this role may be granted at. */
  scopes: readonly GrantScopeKind[];
  permissions: readonly string[];
}

export const ROLES = {
  platform_admin: {
    scopes: ['platform'],
    permissions: [
      P.organizationsManage,
      P.staffManage,
      P.personalDataRead,
      P.auditRead,
      P.standardsManage,
      P.calendarManage,
      P.evaluationAssess,
    ],
  },
  mall_manager: { scopes: ['mall'], permissions: [P.organizationsManage, P.staffManage, P.queueServe, P.calendarManage] },
  agency_admin: { scopes: ['agency'], permissions: [P.organizationsManage, P.staffManage, P.standardsManage, P.calendarManage] },
  // The unit admin also works the unit's cases: overdue applications are escalated to them.
  unit_admin: {
    scopes: ['unit'],
    permissions: [P.organizationsManage, P.staffManage, P.standardsManage, P.applicationsProcess, P.calendarManage],
  },
  counter_officer: { scopes: ['unit', 'mall'], permissions: [P.personalDataRead, P.applicationsFile, P.queueServe] },
  processor: { scopes: ['unit'], permissions: [P.personalDataRead, P.applicationsProcess] },
  complaint_handler: { scopes: ['unit', 'agency'], permissions: [P.complaintsHandle] },
  evaluator: { scopes: ['platform', 'agency'], permissions: [P.evaluationAssess] },
  auditor: { scopes: ['platform', 'agency', 'unit', 'mall'], permissions: [P.auditRead] },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export const isRole = (value: string): value is Role => Object.hasOwn(ROLES, value);

export function permissionsOf(role: string): ReadonlySet<string> {
  return new Set(isRole(role) ? ROLES[role].permissions : []);
}
