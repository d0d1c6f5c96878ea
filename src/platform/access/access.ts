/**
 * Who is calling, and what each route allows. Every route declares an `Access` in its config;
 * the server refuses to boot when one does not (see platform/http/server.ts).
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

/** `public`: anyone; `citizen`: a signed-in citizen; `staff`: any signed-in staff member; or a permission held at some scope. */
export type Access = 'public' | 'citizen' | 'staff' | { permission: string };

const PERMISSION = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

export function isAccess(value: unknown): value is Access {
  if (value === 'public' || value === 'citizen' || value === 'staff') return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { permission?: unknown }).permission === 'string' &&
    PERMISSION.test((value as { permission: string }).permission)
  );
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

export function decideAccess(actor: Actor, access: Access): AccessDecision {
  if (access === 'public') return 'allow';
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (access === 'citizen') return actor.kind === 'citizen' ? 'allow' : 'forbidden';
  if (actor.kind !== 'staff') return 'forbidden';
  if (access === 'staff') return 'allow';
  return actor.grants.some((g) => g.permissions.has(access.permission)) ? 'allow' : 'forbidden';
}

/** The scopes at which the actor holds a permission; repositories take these as a required filter. */
export function scopesFor(actor: Actor, permission: string): Scope[] {
  if (actor.kind !== 'staff') return [];
  return actor.grants.filter((g) => g.permissions.has(permission)).map((g) => g.scope);
}
