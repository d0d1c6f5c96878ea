import { sql, type Kysely } from 'kysely';
import type { Scope } from '../../platform/access/access.js';
import type { AccountRow, GrantScopeKind, IdentityTables, TokenPurpose } from './identity.tables.js';

/** Queries only; the rules live in the services. Every function takes `db` (or the caller's transaction). */
export type Db = Kysely<IdentityTables>;

// ---- accounts ------------------------------------------------------------------------------------

export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('identity.account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountByEmail(db: Db, email: string) {
  return db.selectFrom('identity.account').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Id and name of the accounts with these emails, for other modules' demo seeds (index.ts); no other field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass their own module's handle
export async function findAccountNamesByEmail(db: Kysely<any>, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return (db as Db).selectFrom('identity.account').select(['id', 'email', 'name']).where('email', 'in', emails).execute();
}

export async function findAccountByPhone(db: Db, phone: string) {
  return db.selectFrom('identity.account').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export async function findAccountByNikIndex(db: Db, nikIndex: string) {
  return db.selectFrom('identity.account').selectAll().where('nikIndex', '=', nikIndex).executeTakeFirst();
}

export async function findAccountByOidc(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('identity.account')
    .selectAll()
    .where('oidcIssuer', '=', issuer)
    .where('oidcSubject', '=', subject)
    .executeTakeFirst();
}

export type NewAccount = Pick<AccountRow, 'kind' | 'email' | 'phone' | 'name' | 'passwordHash'> &
  Partial<Pick<AccountRow, 'locale' | 'emailVerifiedAt' | 'phoneVerifiedAt' | 'oidcIssuer' | 'oidcSubject' | 'passwordChangedAt'>>;

export async function insertAccount(db: Db, row: NewAccount) {
  return db.insertInto('identity.account').values(row).returningAll().executeTakeFirstOrThrow();
}

export type AccountChanges = Partial<
  Pick<
    AccountRow,
    | 'name'
    | 'locale'
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'emailVerifiedAt'
    | 'phoneVerifiedAt'
    | 'nikCiphertext'
    | 'nikIndex'
    | 'totpSecretCiphertext'
    | 'totpEnabledAt'
    | 'totpLastStep'
    | 'status'
    | 'lastSignInAt'
    | 'oidcIssuer'
    | 'oidcSubject'
  >
>;

export async function updateAccount(db: Db, id: string, set: AccountChanges) {
  return db
    .updateTable('identity.account')
    .set({ ...set, updatedAt: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockAccount(db: Db, id: string) {
  return db.selectFrom('identity.account').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function countAccountsWithEncryptedFields(db: Db) {
  const row = await db
    .selectFrom('identity.account')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb.or([eb('nikCiphertext', 'is not', null), eb('totpSecretCiphertext', 'is not', null)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Accounts whose encrypted fields are not under the current key, a page at a time (key rotation). */
export async function accountsWithEncryptedFields(db: Db, afterId: string | undefined, limit: number) {
  let q = db
    .selectFrom('identity.account')
    .select(['id', 'nikCiphertext', 'totpSecretCiphertext'])
    .where((eb) => eb.or([eb('nikCiphertext', 'is not', null), eb('totpSecretCiphertext', 'is not', null)]))
    .orderBy('id')
    .limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return q.execute();
}

// ---- sessions ------------------------------------------------------------------------------------

export async function insertSession(
  db: Db,
  row: { tokenHash: string; accountId: string; expiresAt: Date; pendingSecondFactor: boolean; userAgent: string | null; ip: string | null },
) {
  return db.insertInto('identity.session').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The live session with this token, joined to its account. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('identity.session as s')
    .innerJoin('identity.account as a', 'a.id', 's.accountId')
    .select([
      's.id as sessionId',
      's.accountId',
      's.pendingSecondFactor',
      's.lastSeenAt',
      's.createdAt',
      's.expiresAt',
      'a.kind',
      'a.name',
      'a.status',
      'a.locale',
    ])
    .where('s.tokenHash', '=', tokenHash)
    .where('s.revokedAt', 'is', null)
    .where('s.expiresAt', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, now: Date) {
  await db.updateTable('identity.session').set({ lastSeenAt: now }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, sessionId: string, reason: string) {
  return db
    .updateTable('identity.session')
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where('id', '=', sessionId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
}

export async function revokeSessionByToken(db: Db, tokenHash: string, reason: string) {
  await db
    .updateTable('identity.session')
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Revokes every live session of the account except `keep`; returns how many. */
export async function revokeAccountSessions(db: Db, accountId: string, reason: string, keep?: string) {
  let q = db
    .updateTable('identity.session')
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null);
  if (keep) q = q.where('id', '!=', keep);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listLiveSessions(db: Db, accountId: string, now: Date) {
  return db
    .selectFrom('identity.session')
    .select(['id', 'createdAt', 'lastSeenAt', 'expiresAt', 'userAgent', 'ip'])
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .where('pendingSecondFactor', '=', false)
    .where('expiresAt', '>', now)
    .orderBy('lastSeenAt', 'desc')
    .execute();
}

// ---- one-time tokens -----------------------------------------------------------------------------

export async function insertToken(db: Db, row: { purpose: TokenPurpose; accountId: string; tokenHash: string; expiresAt: Date }) {
  return db.insertInto('identity.token').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findTokenForUpdate(db: Db, purpose: TokenPurpose, tokenHash: string) {
  return db
    .selectFrom('identity.token')
    .selectAll()
    .where('purpose', '=', purpose)
    .where('tokenHash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

/** The newest unused token of a purpose for an account (phone codes are looked up this way, not by hash). */
export async function latestOpenToken(db: Db, accountId: string, purpose: TokenPurpose) {
  return db
    .selectFrom('identity.token')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function markTokenUsed(db: Db, id: string) {
  await db.updateTable('identity.token').set({ usedAt: new Date() }).where('id', '=', id).execute();
}

export async function countTokenAttempt(db: Db, id: string) {
  await db
    .updateTable('identity.token')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .execute();
}

/** Older open tokens of the purpose stop working when a new one is sent. */
export async function retireOpenTokens(db: Db, accountId: string, purpose: TokenPurpose) {
  await db
    .updateTable('identity.token')
    .set({ usedAt: new Date() })
    .where('accountId', '=', accountId)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .execute();
}

export async function countRecentTokens(db: Db, accountId: string, purpose: TokenPurpose, since: Date) {
  const row = await db
    .selectFrom('identity.token')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('accountId', '=', accountId)
    .where('purpose', '=', purpose)
    .where('createdAt', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- sign-in throttle ----------------------------------------------------------------------------

export async function findThrottle(db: Db, identifier: string) {
  return db.selectFrom('identity.signInThrottle').selectAll().where('identifier', '=', identifier).executeTakeFirst();
}

export async function saveThrottle(db: Db, row: { identifier: string; failures: number; windowStartedAt: Date; lockedUntil: Date | null }) {
  await db
    .insertInto('identity.signInThrottle')
    .values(row)
    .onConflict((oc) =>
      oc.column('identifier').doUpdateSet({ failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil }),
    )
    .execute();
}

export async function clearThrottle(db: Db, identifier: string) {
  await db.deleteFrom('identity.signInThrottle').where('identifier', '=', identifier).execute();
}

// ---- recovery codes ------------------------------------------------------------------------------

export async function replaceRecoveryCodes(db: Db, accountId: string, hashes: string[]) {
  await db.deleteFrom('identity.recoveryCode').where('accountId', '=', accountId).execute();
  if (hashes.length) {
    await db
      .insertInto('identity.recoveryCode')
      .values(hashes.map((codeHash) => ({ accountId, codeHash, usedAt: null })))
      .execute();
  }
}

/** Marks an unused recovery code used; true when there was one. */
export async function useRecoveryCode(db: Db, accountId: string, codeHash: string) {
  const result = await db
    .updateTable('identity.recoveryCode')
    .set({ usedAt: new Date() })
    .where('accountId', '=', accountId)
    .where('codeHash', '=', codeHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, accountId: string) {
  const row = await db
    .selectFrom('identity.recoveryCode')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('accountId', '=', accountId)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- grants and invitations ----------------------------------------------------------------------

export async function activeGrants(db: Db, accountId: string) {
  return db
    .selectFrom('identity.roleGrant')
    .select(['id', 'role', 'scopeKind', 'scopeId', 'createdAt'])
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt')
    .execute();
}

export async function insertGrant(
  db: Db,
  row: { accountId: string; role: string; scopeKind: GrantScopeKind; scopeId: string | null; grantedBy: string | null },
) {
  return db
    .insertInto('identity.roleGrant')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findGrant(db: Db, id: string) {
  return db.selectFrom('identity.roleGrant').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function revokeGrant(db: Db, id: string, by: string) {
  return db
    .updateTable('identity.roleGrant')
    .set({ revokedAt: new Date(), revokedBy: by })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Staff holding a live grant inside the given scopes (an agency scope also sees grants at its units,
 * through `unitIdsOfAgencies`), with their grants. The scopes are required: this is a tenant filter.
 */
export async function listStaffInScopes(
  db: Db,
  scopes: readonly Scope[],
  unitIdsOfAgencies: readonly string[],
  filter: { q?: string | undefined },
) {
  const platform = scopes.some((s) => s.kind === 'platform');
  const ids = (kind: Scope['kind']) => scopes.filter((s) => s.kind === kind && s.id).map((s) => s.id!);
  const agencyIds = ids('agency');
  const unitIds = [...ids('unit'), ...unitIdsOfAgencies];
  const mallIds = ids('mall');
  let q = db
    .selectFrom('identity.roleGrant as g')
    .innerJoin('identity.account as a', 'a.id', 'g.accountId')
    .select([
      'g.id as grantId',
      'g.role',
      'g.scopeKind',
      'g.scopeId',
      'a.id as accountId',
      'a.name',
      'a.email',
      'a.status',
      'a.totpEnabledAt',
    ])
    .where('g.revokedAt', 'is', null)
    .where('a.kind', '=', 'staff');
  if (!platform) {
    q = q.where((eb) =>
      eb.or([
        ...(agencyIds.length ? [eb.and([eb('g.scopeKind', '=', 'agency'), eb('g.scopeId', 'in', agencyIds)])] : []),
        ...(unitIds.length ? [eb.and([eb('g.scopeKind', '=', 'unit'), eb('g.scopeId', 'in', unitIds)])] : []),
        ...(mallIds.length ? [eb.and([eb('g.scopeKind', '=', 'mall'), eb('g.scopeId', 'in', mallIds)])] : []),
        eb.val(false),
      ]),
    );
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('a.name', 'ilike', like), eb('a.email', 'ilike', like)]));
  }
  return q.orderBy('a.name').orderBy('g.role').limit(500).execute();
}

export async function insertInvitation(
  db: Db,
  row: {
    email: string;
    name: string;
    role: string;
    scopeKind: GrantScopeKind;
    scopeId: string | null;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
) {
  return db.insertInto('identity.invitation').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findInvitationForUpdate(db: Db, tokenHash: string) {
  return db.selectFrom('identity.invitation').selectAll().where('tokenHash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export async function findInvitationByToken(db: Db, tokenHash: string) {
  return db.selectFrom('identity.invitation').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function findOpenInvitation(
  db: Db,
  email: string,
  role: string,
  scopeKind: GrantScopeKind,
  scopeId: string | null,
  now: Date,
) {
  let q = db
    .selectFrom('identity.invitation')
    .select('id')
    .where('email', '=', email)
    .where('role', '=', role)
    .where('scopeKind', '=', scopeKind)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now);
  q = scopeId === null ? q.where('scopeId', 'is', null) : q.where('scopeId', '=', scopeId);
  return q.executeTakeFirst();
}

export async function markInvitationAccepted(db: Db, id: string, accountId: string) {
  await db.updateTable('identity.invitation').set({ acceptedAt: new Date(), accountId }).where('id', '=', id).execute();
}

// ---- published read model -----------------------------------------------------------------------

/**
 * The read-only view this module publishes for other modules
 * (db/migrations/20261207T1220__identity__read-views.sql): the name an account goes by, nothing else.
 */
export type IdentityViews = {
  'identity.accountName': AccountNameView;
};

export interface AccountNameView {
  id: string;
  name: string;
}
