import type { Kysely } from 'kysely';

/**
 * Who is calling, and what each route allows. Every route declares an `Access` in its config; the server
 * refuses to boot when one does not, and checks it before the handler runs (platform/http/server.ts).
 * This file is the one place where a grant is matched against a request: handlers and repositories only
 * receive the scopes it computes.
 */
export type ScopeKind = 'platform' | 'agency' | 'unit' | 'mall';
export interface Scope {
  kind: ScopeKind;
  /** Absent for the platform scope. */
  id?: string;
}

export interface Grant {
  role: string;
  scope: Scope;
  permissions: ReadonlySet<string>;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; id: string; name: string; sessionId: string }
  | { kind: 'staff'; id: string; name: string; sessionId: string; grants: readonly Grant[] };

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

/**
 * Where in the organization tree a permission must be held for a route:
 * - `platform`: only a platform-wide grant (creating agencies, malls, platform settings);
 * - `filtered`: a grant at any scope; the handler passes `scopesFor()` to its repository, which returns
 *   only rows inside those scopes (lists, dashboards, exports);
 * - `{ subject: key }`: the record named by `key` (a path parameter, else a body field, else a query
 *   parameter, e.g. `agencyId`) must lie inside a scope where the permission is held. The record's place in
 *   the tree comes from the resolver a module registered for `key`; unknown or out-of-scope records get 404.
 */
export type PermissionScope = 'platform' | 'filtered' | { subject: string };

/**
 * `public`: anyone; `signed-in`: anyone with a session (their own account pages); `citizen`: a signed-in
 * citizen; `staff`: any signed-in staff member; or a permission at a scope.
 */
export type Access = 'public' | 'signed-in' | 'citizen' | 'staff' | { permission: string; scope: PermissionScope };

/** Navigation entries only need to know whether to show a link: a permission held anywhere will do. */
export type NavAccess = 'public' | 'signed-in' | 'citizen' | 'staff' | { permission: string; scope?: PermissionScope };

const PERMISSION = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;
const SUBJECT_KEY = /^[a-z][A-Za-z0-9]*$/;

function isPermissionScope(value: unknown): value is PermissionScope {
  if (value === 'platform' || value === 'filtered') return true;
  const subject = (value as { subject?: unknown } | null)?.subject;
  return typeof value === 'object' && value !== null && typeof subject === 'string' && SUBJECT_KEY.test(subject);
}

export function isAccess(value: unknown): value is Access {
  if (value === 'public' || value === 'signed-in' || value === 'citizen' || value === 'staff') return true;
  if (typeof value !== 'object' || value === null) return false;
  const { permission, scope } = value as { permission?: unknown; scope?: unknown };
  return typeof permission === 'string' && PERMISSION.test(permission) && isPermissionScope(scope);
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/**
 * The coarse decision made for every request before its body is read. For a `{ subject }` scope it only
 * says whether the permission is held anywhere; `coversSubject` then decides for the named record.
 */
export function decideAccess(actor: Actor, access: Access | NavAccess): AccessDecision {
  if (access === 'public') return 'allow';
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (access === 'signed-in') return 'allow';
  if (access === 'citizen') return actor.kind === 'citizen' ? 'allow' : 'forbidden';
  if (actor.kind !== 'staff') return 'forbidden';
  if (access === 'staff') return 'allow';
  const scopes = scopesFor(actor, access.permission);
  if (access.scope === 'platform') return scopes.some((s) => s.kind === 'platform') ? 'allow' : 'forbidden';
  return scopes.length > 0 ? 'allow' : 'forbidden';
}

/** The scopes at which the actor holds a permission; repositories take these as a required filter. */
export function scopesFor(actor: Actor, permission: string): Scope[] {
  if (actor.kind !== 'staff') return [];
  return actor.grants.filter((g) => g.permissions.has(permission)).map((g) => g.scope);
}

/** Where a record sits in the organization tree: its agency, service unit and mall, where it has them. */
export interface TenantPath {
  agencyId?: string | null;
  unitId?: string | null;
  mallId?: string | null;
}

/** Whether one scope covers a record: platform covers all, otherwise the record's agency, unit or mall must be it. */
export function scopeCovers(scope: Scope, path: TenantPath): boolean {
  switch (scope.kind) {
    case 'platform':
      return true;
    case 'agency':
      return !!scope.id && path.agencyId === scope.id;
    case 'unit':
      return !!scope.id && path.unitId === scope.id;
    case 'mall':
      return !!scope.id && path.mallId === scope.id;
  }
}

export function coversSubject(actor: Actor, permission: string, path: TenantPath): boolean {
  return scopesFor(actor, permission).some((s) => scopeCovers(s, path));
}

/**
 * Finds where the record with this id sits in the tree, or undefined when there is no such record. Given
 * whatever the client sent, so it must treat a malformed id as "no such record" (see `isUuid`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolvers query their own module's tables
export type SubjectResolver = (db: Kysely<any>, id: string) => Promise<TenantPath | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
