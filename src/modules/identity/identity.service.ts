import type { Kysely, Transaction } from 'kysely';
import { isUuid, scopeCovers, scopesFor, type Actor, type Grant, type Scope, type TenantPath } from '../../platform/access/access.js';
import type { Config } from '../../platform/config.js';
import type { KeyRing } from '../../platform/crypto/keyring.js';
import { tablesOf } from '../../platform/db/database.js';
import { lookupMessage, type Locale } from '../../platform/i18n/catalog.js';
import { queueMail } from '../../platform/mail/mail.js';
import { maskNik, recordAudit, recordPersonalDataAccess, type AuditActor } from '../audit/index.js';
import { findRegionByCode, scopeNode, unitIdsOfAgencies } from '../organizations/index.js';
import * as E from './identity.errors.js';
import * as R from './identity.repository.js';
import { isRole, permissionsOf, PERMISSIONS, ROLES, type Role } from './identity.roles.js';
import type { AccountRow, GrantScopeKind, IdentityTables } from './identity.tables.js';
import { hashToken, looksLikeToken, newNumericCode, newSecretToken } from './identity.tokens.js';
import { parseNik } from './nik.js';
import { checkPasswordStrength, hashPassword, needsRehash, verifyPassword } from './password.js';
import type { SmsSender } from './sms.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from './totp.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shared handle of every module
type AnyDb = Kysely<any>;

/** What every identity use case needs: the database, settings, keys, senders, and who is asking. */
export interface IdentityContext {
  db: AnyDb;
  config: Config;
  keys: KeyRing;
  sms: SmsSender;
  actor: Actor;
  locale: Locale;
  requestId?: string | undefined;
  client?: { ip: string | null; userAgent: string | null };
  /** Called after a transaction that queued mail commits, so it goes out at once. */
  mailQueued?: () => void;
  now?: () => Date;
}

/** How long things last. Staff sessions are short because staff screens open personal data. */
export const LIMITS = {
  citizenSession: { absoluteMs: 30 * 86_400_000, idleMs: 7 * 86_400_000 },
  staffSession: { absoluteMs: 12 * 3_600_000, idleMs: 60 * 60_000 },
  pendingSecondFactorMs: 10 * 60_000,
  verifyEmailMs: 48 * 3_600_000,
  verifyPhoneMs: 10 * 60_000,
  resetPasswordMs: 60 * 60_000,
  invitationMs: 7 * 86_400_000,
  codeAttempts: 5,
  codesPerHour: 5,
  signInFailures: 5,
  signInWindowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
} as const;

const now = (ctx: IdentityContext) => ctx.now?.() ?? new Date();
const id = (db: AnyDb) => tablesOf<IdentityTables>(db);

/** Runs `fn` in one transaction and lets queued mail go once it committed. */
async function write<T>(ctx: IdentityContext, fn: (tx: Transaction<IdentityTables>, db: R.Db) => Promise<T>, mails = false): Promise<T> {
  const result = await id(ctx.db)
    .transaction()
    .execute((tx) => fn(tx, tx));
  if (mails) ctx.mailQueued?.();
  return result;
}

const auditActor = (ctx: IdentityContext, fallback?: { id: string; name: string; kind: 'citizen' | 'staff' }): AuditActor => {
  const a = ctx.actor;
  if (a.kind !== 'anonymous') return { kind: a.kind, id: a.id, name: a.name };
  return fallback ?? { kind: 'anonymous' };
};

const text = (ctx: IdentityContext, key: string, params?: Record<string, string | number>) =>
  lookupMessage(`identity.${key}`, ctx.locale, params) ?? key;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Indonesian mobile numbers as typed (08…, 62…, +62…, with spaces or dashes) in E.164 form, or undefined. */
export function normalizePhone(phone: string): string | undefined {
  const digits = phone.replace(/[\s().-]/g, '');
  const national = digits.startsWith('+62')
    ? digits.slice(3)
    : digits.startsWith('62')
      ? digits.slice(2)
      : digits.startsWith('0')
        ? digits.slice(1)
        : undefined;
  if (national === undefined || !/^8\d{7,12}$/.test(national)) return undefined;
  return `+62${national}`;
}

const field = (path: string, key: string, params?: Record<string, string>) => ({ fields: [{ path, key, ...(params ? { params } : {}) }] });

function requireStrongPassword(password: string, person: { email?: string | null; name?: string }) {
  const verdict = checkPasswordStrength(password, {
    ...(person.email ? { email: person.email } : {}),
    ...(person.name ? { name: person.name } : {}),
  });
  if (!verdict.ok) {
    throw E.PasswordWeak({}, { fields: verdict.reasons.map((r) => ({ path: 'password', key: `identity.password.${r}` })) });
  }
}

// ---- citizen sign-up and verification ------------------------------------------------------------

export interface SignUpInput {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  password: string;
}

/**
 * Registers a citizen with an email address (a verification link is mailed) or a mobile number (a
 * six-digit code is sent by SMS). The account cannot sign in until verified.
 */
export async function signUpCitizen(ctx: IdentityContext, input: SignUpInput): Promise<{ accountId: string; channel: 'email' | 'phone' }> {
  const email = input.email ? normalizeEmail(input.email) : null;
  const phone = input.phone ? (normalizePhone(input.phone) ?? null) : null;
  if (input.phone && !phone) throw E.PhoneTaken({}, field('phone', 'identity.field.phoneInvalid'));
  if (!email && !phone) throw E.CredentialsInvalid({}, field('email', 'identity.field.emailOrPhone'));
  requireStrongPassword(input.password, { email, name: input.name });
  const passwordHash = await hashPassword(input.password);
  return write(
    ctx,
    async (tx, db) => {
      if (email && (await R.findAccountByEmail(db, email))) throw E.EmailTaken({}, field('email', 'identity.error.IDENTITY_EMAIL_TAKEN'));
      if (phone && (await R.findAccountByPhone(db, phone))) throw E.PhoneTaken({}, field('phone', 'identity.error.IDENTITY_PHONE_TAKEN'));
      const account = await R.insertAccount(db, {
        kind: 'citizen',
        email,
        phone,
        name: input.name.trim(),
        passwordHash,
        passwordChangedAt: now(ctx),
        locale: ctx.locale,
      });
      await recordAudit(tx, {
        actor: { kind: 'citizen', id: account.id, name: account.name },
        action: 'identity.account.registered',
        subject: { type: 'account', id: account.id },
        after: { kind: 'citizen', email, phone: phone ? maskPhone(phone) : null },
        requestId: ctx.requestId,
      });
      if (email) await sendEmailVerification(ctx, tx, account);
      else await sendPhoneCode(ctx, tx, account);
      return { accountId: account.id, channel: email ? ('email' as const) : ('phone' as const) };
    },
    !!email,
  );
}

export const maskPhone = (phone: string) => `${phone.slice(0, 5)}****${phone.slice(-3)}`;

async function sendEmailVerification(ctx: IdentityContext, tx: Transaction<IdentityTables>, account: AccountRow) {
  const db: R.Db = tx;
  await R.retireOpenTokens(db, account.id, 'verify_email');
  const { token, hash } = newSecretToken();
  await R.insertToken(db, {
    purpose: 'verify_email',
    accountId: account.id,
    tokenHash: hash,
    expiresAt: new Date(now(ctx).getTime() + LIMITS.verifyEmailMs),
  });
  const link = `${ctx.config.publicUrl}/akun/verifikasi/${token}`;
  await queueMail(tx, {
    to: account.email!,
    subject: text(ctx, 'mail.verify.subject'),
    text: text(ctx, 'mail.verify.body', { name: account.name, link, hours: LIMITS.verifyEmailMs / 3_600_000 }),
    tag: 'identity.verify-email',
  });
}

async function sendPhoneCode(ctx: IdentityContext, tx: Transaction<IdentityTables>, account: AccountRow) {
  const db: R.Db = tx;
  const hourAgo = new Date(now(ctx).getTime() - 3_600_000);
  if ((await R.countRecentTokens(db, account.id, 'verify_phone', hourAgo)) >= LIMITS.codesPerHour) throw E.TooManyCodes();
  await R.retireOpenTokens(db, account.id, 'verify_phone');
  const { code, hash } = newNumericCode();
  await R.insertToken(db, {
    purpose: 'verify_phone',
    accountId: account.id,
    tokenHash: hash,
    expiresAt: new Date(now(ctx).getTime() + LIMITS.verifyPhoneMs),
  });
  // Sent inside the transaction on purpose: if the provider refuses, no code exists that nobody received.
  await ctx.sms.send({
    to: account.phone!,
    text: text(ctx, 'sms.code', { code, minutes: LIMITS.verifyPhoneMs / 60_000 }),
    tag: 'identity.verify-phone',
  });
}

/** Confirms an email address from the mailed link. */
export async function verifyEmail(ctx: IdentityContext, token: string): Promise<{ accountId: string; email: string }> {
  if (!looksLikeToken(token)) throw E.TokenInvalid();
  return write(ctx, async (tx, db) => {
    const row = await R.findTokenForUpdate(db, 'verify_email', hashToken(token));
    if (!row) throw E.TokenInvalid();
    if (row.usedAt) throw E.TokenUsed();
    if (row.expiresAt <= now(ctx)) throw E.TokenExpired();
    await R.markTokenUsed(db, row.id);
    const account = await R.updateAccount(db, row.accountId, { emailVerifiedAt: now(ctx) });
    await recordAudit(tx, {
      actor: { kind: account.kind, id: account.id, name: account.name },
      action: 'identity.account.email-verified',
      subject: { type: 'account', id: account.id },
      after: { email: account.email },
      requestId: ctx.requestId,
    });
    return { accountId: account.id, email: account.email! };
  });
}

/** Confirms a mobile number with the code from the SMS. Five wrong tries spend the code. */
export async function verifyPhone(ctx: IdentityContext, input: { phone: string; code: string }): Promise<{ accountId: string }> {
  const phone = normalizePhone(input.phone);
  const code = input.code.replace(/\s/g, '');
  const outcome = await write(ctx, async (tx, db) => {
    const account = phone ? await R.findAccountByPhone(db, phone) : undefined;
    const row = account ? await R.latestOpenToken(db, account.id, 'verify_phone') : undefined;
    if (!account || !row) return 'invalid' as const;
    if (row.expiresAt <= now(ctx)) return 'expired' as const;
    if (row.attempts >= LIMITS.codeAttempts) return 'attempts' as const;
    if (row.tokenHash !== hashToken(code)) {
      await R.countTokenAttempt(db, row.id);
      return row.attempts + 1 >= LIMITS.codeAttempts ? ('attempts' as const) : ('wrong' as const);
    }
    await R.markTokenUsed(db, row.id);
    await R.updateAccount(db, account.id, { phoneVerifiedAt: now(ctx) });
    await recordAudit(tx, {
      actor: { kind: account.kind, id: account.id, name: account.name },
      action: 'identity.account.phone-verified',
      subject: { type: 'account', id: account.id },
      after: { phone: maskPhone(account.phone!) },
      requestId: ctx.requestId,
    });
    return { accountId: account.id };
  });
  // Outside the transaction, so the counted attempt is kept when the answer is a refusal.
  if (outcome === 'invalid' || outcome === 'wrong') throw E.CodeInvalid({}, field('code', 'identity.error.IDENTITY_CODE_INVALID'));
  if (outcome === 'expired') throw E.TokenExpired({}, field('code', 'identity.error.IDENTITY_TOKEN_EXPIRED'));
  if (outcome === 'attempts') throw E.TooManyAttempts({}, field('code', 'identity.error.IDENTITY_TOO_MANY_ATTEMPTS'));
  return outcome;
}

/** Sends a new verification link or code. Answers the same whether or not the account exists. */
export async function resendVerification(ctx: IdentityContext, input: { identifier: string }): Promise<void> {
  const email = input.identifier.includes('@') ? normalizeEmail(input.identifier) : undefined;
  const phone = email ? undefined : normalizePhone(input.identifier);
  await write(
    ctx,
    async (tx, db) => {
      const account = email ? await R.findAccountByEmail(db, email) : phone ? await R.findAccountByPhone(db, phone) : undefined;
      if (!account || account.status !== 'active') return;
      if (email && !account.emailVerifiedAt) {
        const hourAgo = new Date(now(ctx).getTime() - 3_600_000);
        if ((await R.countRecentTokens(db, account.id, 'verify_email', hourAgo)) >= LIMITS.codesPerHour) return;
        await sendEmailVerification(ctx, tx, account);
      }
      if (phone && !account.phoneVerifiedAt) await sendPhoneCode(ctx, tx, account);
    },
    !!email,
  );
}

// ---- sign-in -------------------------------------------------------------------------------------

// A valid argon2id hash of a random password: verifying against it costs what a real check costs, so the
// answer time does not tell whether an account exists.
let dummyHash: Promise<string> | undefined;
const timingDummy = () => (dummyHash ??= hashPassword(newSecretToken().token));

export interface SessionGrant {
  /** The cookie value; only its hash is stored. */
  token: string;
  sessionId: string;
  accountId: string;
  expiresAt: Date;
}

export type SignInResult =
  | ({ next: 'done' } & SessionGrant)
  /** Staff with a second factor: this short session can only complete sign-in. */
  | ({ next: 'totp' | 'totp-enroll' } & SessionGrant);

/** `identifier` as typed: an email address or a mobile number. */
export async function signIn(
  ctx: IdentityContext,
  input: { identifier: string; password: string; previousToken?: string | undefined },
): Promise<SignInResult> {
  const email = input.identifier.includes('@') ? normalizeEmail(input.identifier) : undefined;
  const phone = email ? undefined : normalizePhone(input.identifier);
  const throttleKey = email ?? phone ?? input.identifier.trim().toLowerCase().slice(0, 254);
  const db = id(ctx.db);
  const at = now(ctx);
  const throttle = await R.findThrottle(db, throttleKey);
  if (throttle?.lockedUntil && throttle.lockedUntil > at) {
    throw E.Locked({ minutes: Math.ceil((throttle.lockedUntil.getTime() - at.getTime()) / 60_000) });
  }
  const account = email ? await R.findAccountByEmail(db, email) : phone ? await R.findAccountByPhone(db, phone) : undefined;
  const ok = await verifyPassword(account?.passwordHash ?? (await timingDummy()), input.password);
  if (!account || !account.passwordHash || !ok) {
    await recordFailure(ctx, throttleKey, throttle, at);
    throw E.CredentialsInvalid();
  }
  await R.clearThrottle(db, throttleKey);
  if (account.status !== 'active') throw E.AccountDisabled();
  const verified = email ? account.emailVerifiedAt : account.phoneVerifiedAt;
  if (!verified) throw E.NotVerified({ channel: email ? 'email' : 'phone' });

  const secondFactor: 'totp' | 'totp-enroll' | undefined =
    account.kind !== 'staff' ? undefined : account.totpEnabledAt ? 'totp' : ctx.config.staffTotpRequired ? 'totp-enroll' : undefined;
  return write(ctx, async (tx, tdb) => {
    // Rotation: whatever session the browser held before is ended, so a planted session id is worthless.
    if (input.previousToken) await R.revokeSessionByToken(tdb, hashToken(input.previousToken), 'rotated');
    if (needsRehash(account.passwordHash!)) await R.updateAccount(tdb, account.id, { passwordHash: await hashPassword(input.password) });
    const session = await startSession(ctx, tdb, account, { pending: !!secondFactor });
    if (!secondFactor) await completedSignIn(ctx, tx, account);
    return { next: secondFactor ?? 'done', ...session };
  });
}

async function recordFailure(
  ctx: IdentityContext,
  identifier: string,
  throttle: { failures: number; windowStartedAt: Date } | undefined,
  at: Date,
) {
  const fresh = !throttle || at.getTime() - throttle.windowStartedAt.getTime() > LIMITS.signInWindowMs;
  const failures = fresh ? 1 : throttle.failures + 1;
  const lockedUntil = failures >= LIMITS.signInFailures ? new Date(at.getTime() + LIMITS.lockoutMs) : null;
  await R.saveThrottle(id(ctx.db), {
    identifier,
    failures: lockedUntil ? 0 : failures,
    windowStartedAt: fresh || lockedUntil ? at : throttle.windowStartedAt,
    lockedUntil,
  });
}

async function startSession(ctx: IdentityContext, db: R.Db, account: AccountRow, options: { pending: boolean }): Promise<SessionGrant> {
  const { token, hash } = newSecretToken();
  const limits = account.kind === 'staff' ? LIMITS.staffSession : LIMITS.citizenSession;
  const lifetime = options.pending ? LIMITS.pendingSecondFactorMs : limits.absoluteMs;
  const session = await R.insertSession(db, {
    tokenHash: hash,
    accountId: account.id,
    expiresAt: new Date(now(ctx).getTime() + lifetime),
    pendingSecondFactor: options.pending,
    userAgent: ctx.client?.userAgent?.slice(0, 300) ?? null,
    ip: ctx.client?.ip ?? null,
  });
  return { token, sessionId: session.id, accountId: account.id, expiresAt: session.expiresAt };
}

async function completedSignIn(ctx: IdentityContext, tx: Transaction<IdentityTables>, account: AccountRow) {
  await R.updateAccount(tx, account.id, { lastSignInAt: now(ctx) });
  await recordAudit(tx, {
    actor: { kind: account.kind, id: account.id, name: account.name },
    action: 'identity.session.signed-in',
    subject: { type: 'account', id: account.id },
    requestId: ctx.requestId,
  });
}

/** The session a token belongs to while it waits for the second factor. */
async function pendingSession(ctx: IdentityContext, token: string) {
  const row = await R.findLiveSession(id(ctx.db), hashToken(token), now(ctx));
  if (!row?.pendingSecondFactor) throw E.SecondFactorRequired();
  const account = await R.findAccount(id(ctx.db), row.accountId);
  if (!account || account.status !== 'active') throw E.AccountDisabled();
  return { row, account };
}

/** Completes a staff sign-in with an authenticator code or a recovery code; returns a fresh full session. */
export async function completeSecondFactor(ctx: IdentityContext, input: { token: string; code: string }): Promise<SessionGrant> {
  const { row, account } = await pendingSession(ctx, input.token);
  if (!account.totpSecretCiphertext || !account.totpEnabledAt) throw E.SecondFactorRequired();
  const throttleKey = `totp:${account.id}`;
  const at = now(ctx);
  const throttle = await R.findThrottle(id(ctx.db), throttleKey);
  if (throttle?.lockedUntil && throttle.lockedUntil > at) {
    throw E.Locked({ minutes: Math.ceil((throttle.lockedUntil.getTime() - at.getTime()) / 60_000) });
  }
  const secret = ctx.keys.decrypt(account.totpSecretCiphertext, totpContext(account.id));
  const verdict = verifyTotp({ secret, code: input.code, lastUsedStep: account.totpLastStep, now: at });
  const result = await write(ctx, async (tx, db) => {
    let usedRecovery = false;
    if (verdict.ok) await R.updateAccount(db, account.id, { totpLastStep: verdict.step });
    else if (input.code.replace(/[\s-]/g, '').length > 6) {
      usedRecovery = await R.useRecoveryCode(db, account.id, hashRecoveryCode(input.code));
    }
    if (!verdict.ok && !usedRecovery) return undefined;
    await R.revokeSession(db, row.sessionId, 'second-factor-completed');
    const session = await startSession(ctx, db, account, { pending: false });
    await completedSignIn(ctx, tx, account);
    if (usedRecovery) {
      await recordAudit(tx, {
        actor: { kind: account.kind, id: account.id, name: account.name },
        action: 'identity.totp.recovery-code-used',
        subject: { type: 'account', id: account.id },
        requestId: ctx.requestId,
      });
    }
    return session;
  });
  if (!result) {
    await recordFailure(ctx, throttleKey, throttle, at);
    throw E.CodeInvalid({}, field('code', 'identity.error.IDENTITY_CODE_INVALID'));
  }
  await R.clearThrottle(id(ctx.db), throttleKey);
  return result;
}

const totpContext = (accountId: string) => `identity.account.totp:${accountId}`;
const nikContext = (accountId: string) => `identity.account.nik:${accountId}`;

/** Starts authenticator enrolment: a new secret, stored encrypted but not yet in force. */
export async function beginTotpEnrollment(ctx: IdentityContext, accountId: string): Promise<{ secret: string; accountName: string }> {
  return write(ctx, async (_tx, db) => {
    const account = await R.lockAccount(db, accountId);
    if (!account || account.kind !== 'staff') throw E.NotFound();
    const secret = newTotpSecret();
    await R.updateAccount(db, account.id, { totpSecretCiphertext: ctx.keys.encrypt(secret, totpContext(account.id)) });
    return { secret, accountName: account.email ?? account.name };
  });
}

/** The secret of an enrolment in progress, to show its QR code again after a mistyped code. */
export async function pendingTotpSecret(
  ctx: IdentityContext,
  accountId: string,
): Promise<{ secret: string; accountName: string } | undefined> {
  const account = await R.findAccount(id(ctx.db), accountId);
  if (!account?.totpSecretCiphertext || account.totpEnabledAt) return undefined;
  return { secret: ctx.keys.decrypt(account.totpSecretCiphertext, totpContext(account.id)), accountName: account.email ?? account.name };
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmTotpEnrollment(
  ctx: IdentityContext,
  input: { accountId: string; code: string },
): Promise<{ recoveryCodes: string[] }> {
  return write(ctx, async (tx, db) => {
    const account = await R.lockAccount(db, input.accountId);
    if (!account?.totpSecretCiphertext || account.totpEnabledAt) throw E.SecondFactorRequired();
    const secret = ctx.keys.decrypt(account.totpSecretCiphertext, totpContext(account.id));
    const verdict = verifyTotp({ secret, code: input.code, lastUsedStep: account.totpLastStep, now: now(ctx) });
    if (!verdict.ok) throw E.CodeInvalid({}, field('code', 'identity.error.IDENTITY_CODE_INVALID'));
    await R.updateAccount(db, account.id, { totpEnabledAt: now(ctx), totpLastStep: verdict.step });
    const recoveryCodes = newRecoveryCodes();
    await R.replaceRecoveryCodes(db, account.id, recoveryCodes.map(hashRecoveryCode));
    await recordAudit(tx, {
      actor: { kind: account.kind, id: account.id, name: account.name },
      action: 'identity.totp.enabled',
      subject: { type: 'account', id: account.id },
      requestId: ctx.requestId,
    });
    return { recoveryCodes };
  });
}

/** Enrolment during sign-in (TOTP required): confirm the code, then swap the pending session for a full one. */
export async function enrollDuringSignIn(ctx: IdentityContext, input: { token: string; code: string }) {
  const { row, account } = await pendingSession(ctx, input.token);
  const { recoveryCodes } = await confirmTotpEnrollment(ctx, { accountId: account.id, code: input.code });
  const session = await write(ctx, async (tx, db) => {
    await R.revokeSession(db, row.sessionId, 'second-factor-completed');
    const grant = await startSession(ctx, db, account, { pending: false });
    await completedSignIn(ctx, tx, account);
    return grant;
  });
  return { session, recoveryCodes };
}

export async function pendingSignIn(ctx: IdentityContext, token: string) {
  const { account } = await pendingSession(ctx, token);
  return { accountId: account.id, name: account.name, enrolled: !!account.totpEnabledAt };
}

// ---- sessions ------------------------------------------------------------------------------------

export async function signOut(ctx: IdentityContext, token: string) {
  const db = id(ctx.db);
  const row = await R.findLiveSession(db, hashToken(token), now(ctx));
  if (!row) return;
  await write(ctx, async (tx, tdb) => {
    await R.revokeSession(tdb, row.sessionId, 'signed-out');
    await recordAudit(tx, {
      actor: { kind: row.kind, id: row.accountId, name: row.name },
      action: 'identity.session.signed-out',
      subject: { type: 'account', id: row.accountId },
      requestId: ctx.requestId,
    });
  });
}

/** Ends every session of the signed-in person, including this one. */
export async function signOutEverywhere(ctx: IdentityContext): Promise<number> {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') return 0;
  return write(ctx, async (tx, db) => {
    const n = await R.revokeAccountSessions(db, actor.id, 'signed-out-everywhere');
    await recordAudit(tx, {
      actor: auditActor(ctx),
      action: 'identity.session.signed-out-everywhere',
      subject: { type: 'account', id: actor.id },
      after: { sessions: n },
      requestId: ctx.requestId,
    });
    return n;
  });
}

export async function revokeOwnSession(ctx: IdentityContext, sessionId: string) {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') throw E.NotFound();
  const sessions = await R.listLiveSessions(id(ctx.db), actor.id, now(ctx));
  if (!sessions.some((s) => s.id === sessionId)) throw E.NotFound();
  await write(ctx, async (tx, db) => {
    await R.revokeSession(db, sessionId, 'revoked-by-owner');
    await recordAudit(tx, {
      actor: auditActor(ctx),
      action: 'identity.session.revoked',
      subject: { type: 'session', id: sessionId },
      requestId: ctx.requestId,
    });
  });
}

export async function listOwnSessions(ctx: IdentityContext) {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') return [];
  return R.listLiveSessions(id(ctx.db), actor.id, now(ctx));
}

/**
 * Resolves a session cookie into an actor: anonymous when there is no live session. Idle sessions end
 * here; the last-seen time is written at most every five minutes, not on every request.
 */
export async function actorForToken(db: AnyDb, token: string | undefined, at = new Date()): Promise<Actor> {
  if (!token || !looksLikeToken(token)) return { kind: 'anonymous' };
  const idb = id(db);
  const row = await R.findLiveSession(idb, hashToken(token), at);
  if (!row || row.pendingSecondFactor || row.status !== 'active') return { kind: 'anonymous' };
  const limits = row.kind === 'staff' ? LIMITS.staffSession : LIMITS.citizenSession;
  if (at.getTime() - row.lastSeenAt.getTime() > limits.idleMs) {
    await R.revokeSession(idb, row.sessionId, 'idle');
    return { kind: 'anonymous' };
  }
  if (at.getTime() - row.lastSeenAt.getTime() > 5 * 60_000) await R.touchSession(idb, row.sessionId, at);
  if (row.kind === 'citizen') return { kind: 'citizen', id: row.accountId, name: row.name, sessionId: row.sessionId };
  return { kind: 'staff', id: row.accountId, name: row.name, sessionId: row.sessionId, grants: await grantsOf(idb, row.accountId) };
}

export async function grantsOf(db: R.Db, accountId: string): Promise<Grant[]> {
  const rows = await R.activeGrants(db, accountId);
  return rows.map((g) => ({
    role: g.role,
    scope: g.scopeKind === 'platform' ? { kind: 'platform' } : { kind: g.scopeKind, id: g.scopeId! },
    permissions: permissionsOf(g.role),
  }));
}

// ---- password reset and change -------------------------------------------------------------------

/** Mails (or texts) a reset link that works once, for an hour. Answers the same whether or not the account exists. */
export async function requestPasswordReset(ctx: IdentityContext, input: { identifier: string }): Promise<void> {
  const email = input.identifier.includes('@') ? normalizeEmail(input.identifier) : undefined;
  const phone = email ? undefined : normalizePhone(input.identifier);
  await write(
    ctx,
    async (tx, db) => {
      const account = email ? await R.findAccountByEmail(db, email) : phone ? await R.findAccountByPhone(db, phone) : undefined;
      if (!account || account.status !== 'active' || !account.passwordHash) return;
      const hourAgo = new Date(now(ctx).getTime() - 3_600_000);
      if ((await R.countRecentTokens(db, account.id, 'reset_password', hourAgo)) >= LIMITS.codesPerHour) return;
      await R.retireOpenTokens(db, account.id, 'reset_password');
      const { token, hash } = newSecretToken();
      await R.insertToken(db, {
        purpose: 'reset_password',
        accountId: account.id,
        tokenHash: hash,
        expiresAt: new Date(now(ctx).getTime() + LIMITS.resetPasswordMs),
      });
      const link = `${ctx.config.publicUrl}/akun/atur-ulang/${token}`;
      const minutes = LIMITS.resetPasswordMs / 60_000;
      if (email) {
        await queueMail(tx, {
          to: email,
          subject: text(ctx, 'mail.reset.subject'),
          text: text(ctx, 'mail.reset.body', { name: account.name, link, minutes }),
          tag: 'identity.reset-password',
        });
      } else {
        await ctx.sms.send({ to: account.phone!, text: text(ctx, 'sms.reset', { link, minutes }), tag: 'identity.reset-password' });
      }
    },
    !!email,
  );
}

/** Checks a reset link before showing its form, so an expired or used link is refused up front. */
export async function checkResetToken(ctx: IdentityContext, token: string): Promise<void> {
  if (!looksLikeToken(token)) throw E.TokenInvalid();
  const row = await id(ctx.db)
    .selectFrom('identity.token')
    .selectAll()
    .where('purpose', '=', 'reset_password')
    .where('tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw E.TokenInvalid();
  if (row.usedAt) throw E.TokenUsed();
  if (row.expiresAt <= now(ctx)) throw E.TokenExpired();
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(ctx: IdentityContext, input: { token: string; password: string }): Promise<void> {
  await checkResetToken(ctx, input.token);
  const account = await write(ctx, async (_tx, db) => {
    const row = await R.findTokenForUpdate(db, 'reset_password', hashToken(input.token));
    return row ? R.findAccount(db, row.accountId) : undefined;
  });
  if (!account) throw E.TokenInvalid();
  requireStrongPassword(input.password, { email: account.email, name: account.name });
  const passwordHash = await hashPassword(input.password);
  await write(ctx, async (tx, db) => {
    const row = await R.findTokenForUpdate(db, 'reset_password', hashToken(input.token));
    // Checked again under the row lock: two tabs posting the same link set the password once.
    if (!row) throw E.TokenInvalid();
    if (row.usedAt) throw E.TokenUsed();
    if (row.expiresAt <= now(ctx)) throw E.TokenExpired();
    await R.markTokenUsed(db, row.id);
    // Proof of the mailbox or phone is proof enough to verify it too. With both on the account the link may
    // have gone to either, and marking the other verified would vouch for an address nobody opened.
    const channel =
      account.email && account.phone
        ? {}
        : account.email
          ? { emailVerifiedAt: account.emailVerifiedAt ?? now(ctx) }
          : { phoneVerifiedAt: account.phoneVerifiedAt ?? now(ctx) };
    await R.updateAccount(db, account.id, { passwordHash, passwordChangedAt: now(ctx), ...channel });
    const ended = await R.revokeAccountSessions(db, account.id, 'password-reset');
    for (const identifier of [account.email, account.phone]) {
      if (identifier) await R.clearThrottle(db, identifier);
    }
    await recordAudit(tx, {
      actor: { kind: account.kind, id: account.id, name: account.name },
      action: 'identity.password.reset',
      subject: { type: 'account', id: account.id },
      after: { sessionsEnded: ended },
      requestId: ctx.requestId,
    });
  });
}

/** Changes the password of the signed-in person; their other sessions end. */
export async function changePassword(ctx: IdentityContext, input: { currentPassword: string; password: string }): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') throw E.NotFound();
  const account = await R.findAccount(id(ctx.db), actor.id);
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw E.PasswordWrong({}, field('currentPassword', 'identity.error.IDENTITY_PASSWORD_WRONG'));
  }
  requireStrongPassword(input.password, { email: account.email, name: account.name });
  const passwordHash = await hashPassword(input.password);
  await write(ctx, async (tx, db) => {
    await R.updateAccount(db, account.id, { passwordHash, passwordChangedAt: now(ctx) });
    await R.revokeAccountSessions(db, account.id, 'password-changed', actor.sessionId);
    await recordAudit(tx, {
      actor: auditActor(ctx),
      action: 'identity.password.changed',
      subject: { type: 'account', id: account.id },
      requestId: ctx.requestId,
    });
  });
}

// ---- profile and NIK -----------------------------------------------------------------------------

export interface Profile {
  id: string;
  kind: 'citizen' | 'staff';
  name: string;
  email: string | null;
  phone: string | null;
  locale: 'id' | 'en';
  /** Masked (3201**********01) unless the reader may see it whole. */
  nik: string | null;
  emailVerified: boolean;
  phoneVerified: boolean;
  totpEnabled: boolean;
  createdAt: Date;
}

function toProfile(ctx: IdentityContext, account: AccountRow, reveal: boolean): Profile {
  const nik = account.nikCiphertext ? ctx.keys.decrypt(account.nikCiphertext, nikContext(account.id)) : null;
  return {
    id: account.id,
    kind: account.kind,
    name: account.name,
    email: account.email,
    phone: account.phone,
    locale: account.locale,
    nik: nik === null ? null : reveal ? nik : maskNik(nik),
    emailVerified: !!account.emailVerifiedAt,
    phoneVerified: !!account.phoneVerifiedAt,
    totpEnabled: !!account.totpEnabledAt,
    createdAt: account.createdAt,
  };
}

/**
 * A citizen's own details for another module to act on their behalf (the application form is prefilled
 * with them, the contact of an application copied from them): the NIK in clear, since it goes back only
 * to that citizen or into an encrypted record. Undefined when the id is not an active citizen's.
 */
export async function citizenDetails(
  db: AnyDb,
  keys: KeyRing,
  accountId: string,
): Promise<{ id: string; name: string; email: string | null; phone: string | null; nik: string | null; locale: 'id' | 'en' } | undefined> {
  if (!isUuid(accountId)) return undefined;
  const account = await R.findAccount(id(db), accountId);
  if (!account || account.kind !== 'citizen' || account.status !== 'active') return undefined;
  const nik = account.nikCiphertext ? keys.decrypt(account.nikCiphertext, nikContext(account.id)) : null;
  return { id: account.id, name: account.name, email: account.email, phone: account.phone, nik, locale: account.locale };
}

/** The signed-in person's own profile; their own NIK is shown masked too, as on any shared screen. */
export async function ownProfile(ctx: IdentityContext): Promise<Profile> {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') throw E.NotFound();
  const account = await R.findAccount(id(ctx.db), actor.id);
  if (!account) throw E.NotFound();
  return toProfile(ctx, account, false);
}

export async function updateProfile(
  ctx: IdentityContext,
  input: { name: string; locale: 'id' | 'en'; nik?: string | undefined; version?: number | undefined },
): Promise<Profile> {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') throw E.NotFound();
  let nik: { plain: string; index: string } | undefined;
  if (input.nik) {
    const parsed = parseNik(input.nik);
    if (!parsed.ok) throw E.NikInvalid({}, field('nik', `identity.nik.${parsed.reason}`));
    if (!(await findRegionByCode(ctx.db, parsed.districtCode))) throw E.NikInvalid({}, field('nik', 'identity.nik.region'));
    nik = { plain: parsed.nik, index: ctx.keys.blindIndex(parsed.nik, 'identity.nik') };
  }
  return write(ctx, async (tx, db) => {
    const account = await R.lockAccount(db, actor.id);
    if (!account) throw E.NotFound();
    if (nik) {
      const holder = await R.findAccountByNikIndex(db, nik.index);
      if (holder && holder.id !== account.id) throw E.NikTaken({}, field('nik', 'identity.error.IDENTITY_NIK_TAKEN'));
    }
    // Whole NIKs go to the audit summary, which masks them itself (3201**********01); a pre-masked value
    // would be masked again into stars and tell an auditor nothing.
    const before = toProfile(ctx, account, true);
    const updated = await R.updateAccount(db, account.id, {
      name: input.name.trim(),
      locale: input.locale,
      ...(nik ? { nikCiphertext: ctx.keys.encrypt(nik.plain, nikContext(account.id)), nikIndex: nik.index } : {}),
    });
    const after = toProfile(ctx, updated, true);
    await recordAudit(tx, {
      actor: auditActor(ctx),
      action: 'identity.profile.updated',
      subject: { type: 'account', id: account.id },
      before: { name: before.name, locale: before.locale, nik: before.nik },
      after: { name: after.name, locale: after.locale, nik: after.nik },
      requestId: ctx.requestId,
    });
    return toProfile(ctx, updated, false);
  });
}

/** Removes the NIK from the profile. */
export async function removeNik(ctx: IdentityContext): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') throw E.NotFound();
  await write(ctx, async (tx, db) => {
    await R.updateAccount(db, actor.id, { nikCiphertext: null, nikIndex: null });
    await recordAudit(tx, {
      actor: auditActor(ctx),
      action: 'identity.profile.nik-removed',
      subject: { type: 'account', id: actor.id },
      requestId: ctx.requestId,
    });
  });
}

/** Where a staff member reads personal data from, as the citizen will see it: the scope of their grant. */
async function readerPlace(ctx: IdentityContext): Promise<{ name: string; tenant?: TenantPath }> {
  const scopes = scopesFor(ctx.actor, PERMISSIONS.personalDataRead);
  const scope = scopes.find((s) => s.kind === 'unit') ?? scopes.find((s) => s.kind !== 'platform') ?? scopes[0];
  if (!scope || scope.kind === 'platform') return { name: text(ctx, 'scope.platform') };
  const node = await scopeNode(ctx.db, scope.kind, scope.id!);
  return node ? { name: node.name, tenant: node.path } : { name: '—' };
}

/**
 * A staff member opens a citizen's profile with the NIK in full (to serve them at a counter or process an
 * application). Every such read is recorded, and the citizen sees it on their account page.
 */
export async function viewCitizenAsStaff(ctx: IdentityContext, citizenId: string, purpose: string): Promise<Profile> {
  const actor = ctx.actor;
  if (actor.kind !== 'staff' || scopesFor(actor, PERMISSIONS.personalDataRead).length === 0) throw E.NotFound();
  const place = await readerPlace(ctx);
  return write(ctx, async (tx, db) => {
    const account = await R.findAccount(db, citizenId);
    if (!account || account.kind !== 'citizen') throw E.NotFound();
    const profile = toProfile(ctx, account, true);
    await recordPersonalDataAccess(tx, {
      staff: { kind: 'staff', id: actor.id, name: actor.name, unitName: place.name },
      ...(place.tenant ? { tenant: place.tenant } : {}),
      subjectAccountId: account.id,
      fields: ['name', 'email', 'phone', ...(profile.nik ? ['nik'] : [])],
      // Officers often type the NIK they searched by into the purpose; the trail keeps it masked.
      purpose: purpose.replace(/\d(?:[ .-]?\d){15}/g, (nik) => maskNik(nik.replace(/\D/g, ''))),
      requestId: ctx.requestId,
    });
    return profile;
  });
}

/** Finds a citizen by NIK, email or phone for a counter officer; the search itself reveals only a name and a masked NIK. */
export async function findCitizen(ctx: IdentityContext, query: string) {
  const db = id(ctx.db);
  const digits = query.replace(/\s/g, '');
  let account: AccountRow | undefined;
  if (/^\d{16}$/.test(digits)) account = await R.findAccountByNikIndex(db, ctx.keys.blindIndex(digits, 'identity.nik'));
  else if (query.includes('@')) account = await R.findAccountByEmail(db, normalizeEmail(query));
  else {
    const phone = normalizePhone(query);
    if (phone) account = await R.findAccountByPhone(db, phone);
  }
  if (!account || account.kind !== 'citizen') return undefined;
  return toProfile(ctx, account, false);
}

// ---- staff: invitations and grants ---------------------------------------------------------------

export interface GrantTarget {
  role: string;
  scopeKind: GrantScopeKind;
  scopeId?: string | null | undefined;
}

/** Checks that the actor may hand out this role at this node, and that the node exists. */
async function checkGrantable(
  ctx: IdentityContext,
  target: GrantTarget,
): Promise<{ role: Role; scopeId: string | null; scopeName: string }> {
  if (!isRole(target.role)) throw E.RoleScopeInvalid({}, field('role', 'identity.error.IDENTITY_ROLE_SCOPE_INVALID'));
  const role = target.role;
  if (!(ROLES[role].scopes as readonly string[]).includes(target.scopeKind)) {
    throw E.RoleScopeInvalid({}, field('scopeKind', 'identity.error.IDENTITY_ROLE_SCOPE_INVALID'));
  }
  const mine = scopesFor(ctx.actor, PERMISSIONS.staffManage);
  if (target.scopeKind === 'platform') {
    if (!mine.some((s) => s.kind === 'platform')) throw E.ScopeInvalid({}, field('scopeId', 'identity.error.IDENTITY_SCOPE_INVALID'));
    return { role, scopeId: null, scopeName: text(ctx, 'scope.platform') };
  }
  const node = target.scopeId ? await scopeNode(ctx.db, target.scopeKind, target.scopeId) : undefined;
  // An unknown node and one outside the actor's scopes read the same.
  if (!node?.active || !mine.some((s) => scopeCovers(s, node.path))) {
    throw E.ScopeInvalid({}, field('scopeId', 'identity.error.IDENTITY_SCOPE_INVALID'));
  }
  return { role, scopeId: target.scopeId!, scopeName: node.name };
}

/** Invites a person to join as staff with one role at one node; the link works once, for seven days. */
export async function inviteStaff(
  ctx: IdentityContext,
  input: { email: string; name: string } & GrantTarget,
): Promise<{ invitationId: string }> {
  const actor = ctx.actor;
  if (actor.kind !== 'staff') throw E.NotFound();
  const email = normalizeEmail(input.email);
  const target = await checkGrantable(ctx, input);
  return write(
    ctx,
    async (tx, db) => {
      const existing = await R.findAccountByEmail(db, email);
      if (existing?.kind === 'citizen') throw E.EmailIsCitizen({}, field('email', 'identity.error.IDENTITY_EMAIL_IS_CITIZEN'));
      if (await R.findOpenInvitation(db, email, target.role, input.scopeKind, target.scopeId, now(ctx))) {
        throw E.InvitationPending({}, field('email', 'identity.error.IDENTITY_INVITATION_PENDING'));
      }
      const { token, hash } = newSecretToken();
      const invitation = await R.insertInvitation(db, {
        email,
        name: input.name.trim(),
        role: target.role,
        scopeKind: input.scopeKind,
        scopeId: target.scopeId,
        tokenHash: hash,
        invitedBy: actor.id,
        expiresAt: new Date(now(ctx).getTime() + LIMITS.invitationMs),
      });
      const link = `${ctx.config.publicUrl}/undangan/${token}`;
      await queueMail(tx, {
        to: email,
        subject: text(ctx, 'mail.invite.subject'),
        text: text(ctx, 'mail.invite.body', {
          name: invitation.name,
          inviter: actor.name,
          role: text(ctx, `role.${target.role}`),
          scope: target.scopeName,
          link,
          days: LIMITS.invitationMs / 86_400_000,
        }),
        tag: 'identity.invite-staff',
      });
      await recordAudit(tx, {
        actor: auditActor(ctx),
        action: 'identity.invitation.created',
        subject: { type: 'invitation', id: invitation.id },
        after: { email, role: target.role, scopeKind: input.scopeKind, scopeId: target.scopeId },
        requestId: ctx.requestId,
      });
      return { invitationId: invitation.id };
    },
    true,
  );
}

/** What an invitation link offers, checked before the form is shown. */
export async function describeInvitation(ctx: IdentityContext, token: string) {
  if (!looksLikeToken(token)) throw E.TokenInvalid();
  const inv = await R.findInvitationByToken(id(ctx.db), hashToken(token));
  if (!inv || inv.revokedAt) throw E.TokenInvalid();
  if (inv.acceptedAt) throw E.TokenUsed();
  if (inv.expiresAt <= now(ctx)) throw E.TokenExpired();
  const existing = await R.findAccountByEmail(id(ctx.db), inv.email);
  const scopeName =
    inv.scopeKind === 'platform' ? text(ctx, 'scope.platform') : ((await scopeNode(ctx.db, inv.scopeKind, inv.scopeId!))?.name ?? '');
  return { email: inv.email, name: inv.name, role: inv.role, scopeName, hasAccount: existing?.kind === 'staff' };
}

/**
 * Accepts an invitation: creates the staff account (the link proves the mailbox) or, for someone already
 * on staff, adds the role. Returns the account id; the person then signs in.
 */
export async function acceptInvitation(
  ctx: IdentityContext,
  input: { token: string; name?: string | undefined; password?: string | undefined },
) {
  const info = await describeInvitation(ctx, input.token);
  let passwordHash: string | undefined;
  if (!info.hasAccount) {
    if (!input.password) throw E.PasswordWeak({}, field('password', 'platform.validation.required'));
    requireStrongPassword(input.password, { email: info.email, name: input.name ?? info.name });
    passwordHash = await hashPassword(input.password);
  }
  return write(ctx, async (tx, db) => {
    const inv = await R.findInvitationForUpdate(db, hashToken(input.token));
    if (!inv || inv.revokedAt) throw E.TokenInvalid();
    if (inv.acceptedAt) throw E.TokenUsed();
    if (inv.expiresAt <= now(ctx)) throw E.TokenExpired();
    let account = await R.findAccountByEmail(db, inv.email);
    if (account && account.kind !== 'staff') throw E.EmailIsCitizen();
    account ??= await R.insertAccount(db, {
      kind: 'staff',
      email: inv.email,
      phone: null,
      name: (input.name ?? inv.name).trim(),
      passwordHash: passwordHash!,
      passwordChangedAt: now(ctx),
      emailVerifiedAt: now(ctx),
      locale: ctx.locale,
    });
    await R.insertGrant(db, {
      accountId: account.id,
      role: inv.role,
      scopeKind: inv.scopeKind,
      scopeId: inv.scopeId,
      grantedBy: inv.invitedBy,
    });
    await R.markInvitationAccepted(db, inv.id, account.id);
    await recordAudit(tx, {
      actor: { kind: 'staff', id: account.id, name: account.name },
      action: 'identity.invitation.accepted',
      subject: { type: 'invitation', id: inv.id },
      after: { accountId: account.id, role: inv.role, scopeKind: inv.scopeKind, scopeId: inv.scopeId },
      requestId: ctx.requestId,
    });
    return { accountId: account.id, email: account.email! };
  });
}

/** Staff inside the actor's scopes with the grants the actor can see. */
export async function listStaff(ctx: IdentityContext, filter: { q?: string | undefined }) {
  const scopes: Scope[] = scopesFor(ctx.actor, PERMISSIONS.staffManage);
  const agencyIds = scopes.filter((s) => s.kind === 'agency').map((s) => s.id!);
  const rows = await R.listStaffInScopes(id(ctx.db), scopes, await unitIdsOfAgencies(ctx.db, agencyIds), filter);
  const names = new Map<string, string>();
  for (const r of rows) {
    const key = `${r.scopeKind}:${r.scopeId ?? ''}`;
    if (!names.has(key)) {
      names.set(
        key,
        r.scopeKind === 'platform' ? text(ctx, 'scope.platform') : ((await scopeNode(ctx.db, r.scopeKind, r.scopeId!))?.name ?? '—'),
      );
    }
  }
  return rows.map((r) => ({ ...r, scopeName: names.get(`${r.scopeKind}:${r.scopeId ?? ''}`)! }));
}

/** Ends one role of a staff member. The last platform admin cannot be removed, or nobody could manage the platform. */
export async function revokeStaffGrant(ctx: IdentityContext, grantId: string): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'staff') throw E.NotFound();
  await write(ctx, async (tx, db) => {
    const grant = await R.findGrant(db, grantId);
    if (!grant || grant.revokedAt) throw E.GrantOutOfScope();
    const node = grant.scopeKind === 'platform' ? undefined : await scopeNode(db, grant.scopeKind, grant.scopeId!);
    const mine = scopesFor(actor, PERMISSIONS.staffManage);
    const covered =
      grant.scopeKind === 'platform' ? mine.some((s) => s.kind === 'platform') : !!node && mine.some((s) => scopeCovers(s, node.path));
    if (!covered) throw E.GrantOutOfScope();
    if (grant.role === 'platform_admin') {
      // Locks every live platform_admin grant: two admins removing each other at once must not both succeed.
      const admins = await db
        .selectFrom('identity.roleGrant')
        .select('id')
        .where('role', '=', 'platform_admin')
        .where('revokedAt', 'is', null)
        .forUpdate()
        .execute();
      if (!admins.some((a) => a.id !== grant.id)) throw E.LastPlatformAdmin();
    }
    await R.revokeGrant(db, grant.id, actor.id);
    await recordAudit(tx, {
      actor: auditActor(ctx),
      action: 'identity.grant.revoked',
      subject: { type: 'account', id: grant.accountId },
      before: { role: grant.role, scopeKind: grant.scopeKind, scopeId: grant.scopeId },
      requestId: ctx.requestId,
    });
  });
}

// ---- key rotation --------------------------------------------------------------------------------

/** Re-encrypts every NIK and TOTP secret still under an older data key. Idempotent; safe to rerun. */
export async function reencryptAccountSecrets(
  db: AnyDb,
  keys: KeyRing,
  onProgress?: (done: number, total: number) => void,
): Promise<{ scanned: number; rewritten: number }> {
  let after: string | undefined;
  let scanned = 0;
  let rewritten = 0;
  // Only for the progress bar: accounts given a NIK during the run may push `scanned` past it.
  const total = onProgress ? await R.countAccountsWithEncryptedFields(id(db)) : 0;
  for (;;) {
    const page = await R.accountsWithEncryptedFields(id(db), after, 200);
    if (page.length === 0) break;
    for (const row of page) {
      if (![row.nikCiphertext, row.totpSecretCiphertext].some((c) => c && keys.needsReencrypt(c))) continue;
      // Read again under the row lock: a NIK or secret saved since the page was read must not be
      // overwritten with the old value.
      const changed = await id(db)
        .transaction()
        .execute(async (tx) => {
          const fresh = await R.lockAccount(tx, row.id);
          const set: R.AccountChanges = {};
          if (fresh?.nikCiphertext && keys.needsReencrypt(fresh.nikCiphertext)) {
            set.nikCiphertext = keys.reencrypt(fresh.nikCiphertext, nikContext(row.id));
          }
          if (fresh?.totpSecretCiphertext && keys.needsReencrypt(fresh.totpSecretCiphertext)) {
            set.totpSecretCiphertext = keys.reencrypt(fresh.totpSecretCiphertext, totpContext(row.id));
          }
          if (Object.keys(set).length === 0) return false;
          await tx.updateTable('identity.account').set(set).where('id', '=', row.id).execute();
          return true;
        });
      if (changed) rewritten++;
    }
    scanned += page.length;
    after = page.at(-1)!.id;
    onProgress?.(scanned, Math.max(total, scanned));
  }
  return { scanned, rewritten };
}

// ---- demo and bootstrap --------------------------------------------------------------------------

/** Creates a verified account directly (demo seed, first platform admin from the CLI). */
export async function createVerifiedAccount(
  db: AnyDb,
  input: { kind: 'citizen' | 'staff'; email: string; name: string; password: string; grants?: GrantTarget[] },
): Promise<{ accountId: string; created: boolean }> {
  const email = normalizeEmail(input.email);
  const existing = await R.findAccountByEmail(id(db), email);
  if (existing) return { accountId: existing.id, created: false };
  const passwordHash = await hashPassword(input.password);
  return id(db)
    .transaction()
    .execute(async (tx) => {
      const account = await R.insertAccount(tx, {
        kind: input.kind,
        email,
        phone: null,
        name: input.name,
        passwordHash,
        passwordChangedAt: new Date(),
        emailVerifiedAt: new Date(),
      });
      for (const g of input.grants ?? []) {
        if (!isRole(g.role) || !(ROLES[g.role].scopes as readonly string[]).includes(g.scopeKind)) {
          throw new Error(`role ${g.role} cannot be held at ${g.scopeKind}`);
        }
        await R.insertGrant(tx, {
          accountId: account.id,
          role: g.role,
          scopeKind: g.scopeKind,
          scopeId: g.scopeId ?? null,
          grantedBy: null,
        });
      }
      await recordAudit(tx, {
        actor: { kind: 'system', id: 'seed', name: 'Satupintu' },
        action: 'identity.account.created',
        subject: { type: 'account', id: account.id },
        after: { kind: input.kind, email, grants: (input.grants ?? []).map((g) => `${g.role}@${g.scopeKind}`) },
      });
      return { accountId: account.id, created: true };
    });
}

/**
 * Opens a full session for an account that proved itself another way (OIDC). Staff never sign in this
 * way: their second factor is ours to check.
 */
export async function openSessionForAccount(ctx: IdentityContext, accountId: string, previousToken?: string): Promise<SessionGrant> {
  return write(ctx, async (tx, db) => {
    const account = await R.findAccount(db, accountId);
    if (!account || account.status !== 'active') throw E.AccountDisabled();
    if (account.kind !== 'citizen') throw E.SecondFactorRequired();
    if (previousToken) await R.revokeSessionByToken(db, hashToken(previousToken), 'rotated');
    const session = await startSession(ctx, db, account, { pending: false });
    await completedSignIn(ctx, tx, account);
    return session;
  });
}
