import type { Transaction } from 'kysely';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../../platform/config.js';
import { tablesOf } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/catalog.js';
import { recordAudit } from '../audit/index.js';
import * as E from './identity.errors.js';
import * as R from './identity.repository.js';
import { normalizeEmail, openSessionForAccount, type IdentityContext, type SessionGrant } from './identity.service.js';
import type { AccountRow, IdentityTables } from './identity.tables.js';

/**
 * Optional sign-in for citizens through an OpenID Connect provider (a regional SSO): the authorization
 * code flow with PKCE (S256), state and nonce. Staff never sign in this way; see
 * docs/decisions/0014-oidc-sign-in.md for the linking rule.
 */

export const OIDC_CALLBACK_PATH = '/masuk/oidc/callback';
const SCOPES = 'openid email profile';
/** Provider metadata is fetched again after a day, so a moved endpoint is picked up without a restart. */
const DISCOVERY_MAX_AGE_MS = 24 * 3_600_000;

/** Whether OIDC sign-in is configured (config.ts accepts all three settings or none). */
export function oidcEnabled(config: Config): boolean {
  return !!(config.OIDC_ISSUER_URL && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}

/** What the browser keeps, signed and httpOnly, between leaving for the provider and coming back. */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  /** A relative path on this site to land on afterwards. */
  next?: string | undefined;
}

const PendingSchema = z.object({
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  verifier: z.string().min(43).max(128),
  next: z.string().max(500).optional(),
});

/** The pending sign-in from the (already unsigned) cookie value, or undefined when it is missing or malformed. */
export function readPending(value: string | null | undefined): OidcPending | undefined {
  if (!value) return undefined;
  try {
    const parsed = PendingSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The claims we use, read defensively: providers differ in what they send and how. */
export interface OidcClaims {
  sub: string;
  email?: string | undefined;
  /** Only `true` when the provider says it checked the mailbox. */
  emailVerified: boolean;
  name?: string | undefined;
}

export type OidcOutcome = 'returning' | 'linked' | 'created';

export interface OidcSignInResult {
  grant: SessionGrant;
  accountId: string;
  outcome: OidcOutcome;
  next: string | undefined;
}

export interface OidcSignIn {
  /** The provider's issuer identifier once discovered, as it appears in ID tokens. */
  readonly issuerUrl: string;
  /**
   * Fetches (or returns the cached) provider metadata.
   * @throws IDENTITY_OIDC_FAILED when the provider cannot be reached or answers nonsense.
   */
  discover(): Promise<oidc.Configuration>;
  /**
   * Starts a sign-in: the provider URL to send the browser to and what to keep in the cookie.
   * @throws IDENTITY_OIDC_FAILED when the provider cannot be reached.
   */
  begin(input?: { next?: string | undefined; locale?: Locale | undefined }): Promise<{ url: string; pending: OidcPending }>;
  /**
   * Finishes a sign-in from the callback's query string: exchanges the code, reads the claims, finds,
   * links or creates the citizen account and opens a session.
   * @throws IDENTITY_OIDC_FAILED for a missing or mismatched state, a refused code, a staff account;
   *   IDENTITY_ACCOUNT_DISABLED for a disabled account.
   */
  complete(
    ctx: IdentityContext,
    input: { query: string; pending: OidcPending | undefined; previousToken?: string | undefined },
  ): Promise<OidcSignInResult>;
}

/** An error from openid-client or fetch as one line for the log; never shown to the person. */
function explain(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string; error?: string; error_description?: string; cause?: unknown };
  const parts = [`${e.name ?? 'Error'}: ${e.message ?? String(error)}`];
  if (e.code) parts.push(`code=${e.code}`);
  if (e.error) parts.push(`error=${e.error}${e.error_description ? ` (${e.error_description})` : ''}`);
  const cause = e.cause as { code?: string; message?: string } | undefined;
  if (cause && typeof cause === 'object' && (cause.message || cause.code)) parts.push(`cause=${cause.message ?? cause.code}`);
  return parts.join(' ');
}

/**
 * The provider as this process sees it. Discovery is lazy and cached: an unreachable provider never
 * stops the app from starting, it only makes the sign-in button lead to an error page until it answers.
 * A failed discovery is not retried for `retryAfterMs`, so a queue of clicks does not pile up requests.
 */
export function createOidcSignIn(
  config: Config,
  options: { log?: Logger | undefined; retryAfterMs?: number | undefined; timeoutSeconds?: number | undefined } = {},
): OidcSignIn {
  const { OIDC_ISSUER_URL: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = config;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error('OIDC sign-in is not configured (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)');
  }
  const issuerUrl = new URL(issuer);
  const redirectUri = `${config.publicUrl}${OIDC_CALLBACK_PATH}`;
  const retryAfterMs = options.retryAfterMs ?? 30_000;
  const insecure = issuerUrl.protocol === 'http:';

  // RFC 8414 makes client_secret_basic the default when the provider does not list its methods.
  const basic = oidc.ClientSecretBasic(clientSecret);
  const post = oidc.ClientSecretPost(clientSecret);
  const clientAuth: oidc.ClientAuth = (as, client, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    const method = !methods.includes('client_secret_basic') && methods.includes('client_secret_post') ? post : basic;
    method(as, client, body, headers);
  };

  let cached: { configuration: oidc.Configuration; at: number } | undefined;
  let inflight: Promise<oidc.Configuration> | undefined;
  let failure: { at: number; detail: string } | undefined;

  const fail = (detail: string) => E.OidcFailed({}, { detail: `OIDC provider ${issuerUrl.href}: ${detail}` });

  const fetchMetadata = async (): Promise<oidc.Configuration> => {
    // Plain HTTP is for a provider on the developer's machine or in tests, never for production.
    if (insecure && config.NODE_ENV === 'production') throw new Error('OIDC_ISSUER_URL must use https in production');
    return oidc.discovery(issuerUrl, clientId, undefined, clientAuth, {
      timeout: options.timeoutSeconds ?? 10,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  };

  function discover(): Promise<oidc.Configuration> {
    const at = Date.now();
    if (cached && at - cached.at < DISCOVERY_MAX_AGE_MS) return Promise.resolve(cached.configuration);
    if (inflight) return inflight;
    if (failure && at - failure.at < retryAfterMs) return Promise.reject(fail(`unreachable (${failure.detail})`));
    inflight = fetchMetadata()
      .then((configuration) => {
        cached = { configuration, at: Date.now() };
        failure = undefined;
        return configuration;
      })
      .catch((error: unknown) => {
        const detail = explain(error);
        failure = { at: Date.now(), detail };
        options.log?.warn(
          { issuer: issuerUrl.href, detail },
          'OIDC provider discovery failed; "sign in with" leads to an error page until the provider answers',
        );
        // Metadata a day old still works better than none while the provider is briefly away; asked again later.
        if (cached) {
          cached.at = Date.now() - DISCOVERY_MAX_AGE_MS + retryAfterMs;
          return cached.configuration;
        }
        throw fail(`discovery failed (${detail})`);
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  async function begin(input: { next?: string | undefined; locale?: Locale | undefined } = {}) {
    const configuration = await discover();
    const pending: OidcPending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      ...(input.next ? { next: input.next } : {}),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: SCOPES,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      ...(input.locale ? { ui_locales: input.locale } : {}),
    });
    return { url: url.href, pending };
  }

  async function claimsOf(configuration: oidc.Configuration, tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers) {
    const idToken = tokens.claims();
    if (!idToken) throw fail('the token response has no ID token');
    let source: Record<string, unknown> = idToken;
    // Some providers keep the email out of the ID token and answer it only at the userinfo endpoint.
    if (typeof idToken.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      source = { ...info, ...idToken };
    }
    return readClaims(idToken.sub, source);
  }

  async function complete(
    ctx: IdentityContext,
    input: { query: string; pending: OidcPending | undefined; previousToken?: string | undefined },
  ): Promise<OidcSignInResult> {
    const { pending } = input;
    if (!pending) throw fail('no pending sign-in: the cookie is missing, expired or was tampered with');
    const configuration = await discover();
    const currentUrl = new URL(redirectUri);
    currentUrl.search = input.query;
    let claims: OidcClaims;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = await claimsOf(configuration, tokens);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw fail(explain(error));
    }
    const { accountId, outcome } = await accountForOidcClaims(ctx, configuration.serverMetadata().issuer, claims);
    const grant = await openSessionForAccount(ctx, accountId, input.previousToken);
    return { grant, accountId, outcome, next: pending.next };
  }

  return { issuerUrl: issuerUrl.href, discover, begin, complete };
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The claims we use from an ID token (and userinfo); anything malformed counts as absent. */
export function readClaims(sub: string, source: Record<string, unknown>): OidcClaims {
  const rawEmail = typeof source.email === 'string' ? normalizeEmail(source.email) : '';
  const email = rawEmail.length >= 3 && rawEmail.length <= 254 && EMAIL.test(rawEmail) ? rawEmail : undefined;
  // Some providers send the boolean as a string.
  const emailVerified = !!email && (source.email_verified === true || source.email_verified === 'true');
  const fullName = [source.name, [source.given_name, source.family_name].filter((p) => typeof p === 'string').join(' ')]
    .map((v) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : ''))
    .find((v) => v !== '');
  return { sub, email, emailVerified, name: fullName ? fullName.slice(0, 120) : undefined };
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

/**
 * The citizen account for these claims, by the linking rule of ADR 0014: the account already linked to
 * (issuer, sub); else the citizen whose email the provider verified, now linked; else a new citizen.
 * Staff accounts are never linked or signed in: their second factor is ours to check.
 * @throws IDENTITY_OIDC_FAILED for a staff account or a citizen already linked to another subject;
 *   IDENTITY_ACCOUNT_DISABLED for a disabled account.
 */
export async function accountForOidcClaims(
  ctx: IdentityContext,
  issuer: string,
  claims: OidcClaims,
): Promise<{ accountId: string; outcome: OidcOutcome }> {
  const run = () =>
    tablesOf<IdentityTables>(ctx.db)
      .transaction()
      .execute((tx) => resolveAccount(ctx, tx, issuer, claims));
  try {
    return await run();
  } catch (error) {
    // Two callbacks for the same new person at once: the second finds what the first created.
    if (isUniqueViolation(error)) return run();
    throw error;
  }
}

async function resolveAccount(ctx: IdentityContext, tx: Transaction<IdentityTables>, issuer: string, claims: OidcClaims) {
  const at = ctx.now?.() ?? new Date();
  const refuse = (why: string) => E.OidcFailed({}, { detail: `${why} (issuer ${issuer}, subject ${claims.sub})` });
  const usable = (account: AccountRow) => {
    if (account.kind !== 'citizen') throw refuse('a staff account cannot sign in through OIDC');
    if (account.status !== 'active') throw E.AccountDisabled();
  };

  const linked = await R.findAccountByOidc(tx, issuer, claims.sub);
  if (linked) {
    usable(linked);
    return { accountId: linked.id, outcome: 'returning' as const };
  }

  const byEmail = claims.email && claims.emailVerified ? await R.findAccountByEmail(tx, claims.email) : undefined;
  if (byEmail) {
    usable(byEmail);
    if (byEmail.oidcSubject) throw refuse(`the account with this email is linked to another OIDC subject`);
    // Someone registered this address without ever opening its mail. If they proved a phone instead,
    // the account is theirs and not necessarily the mailbox owner's: refuse rather than merge.
    if (!byEmail.emailVerifiedAt && byEmail.phoneVerifiedAt) {
      throw refuse('the account with this unverified email has a verified phone of possibly someone else');
    }
    // Nobody proved this account until now, so a password set on it is nobody's: it goes, with its sessions.
    const unproven = !byEmail.emailVerifiedAt;
    const account = await R.updateAccount(tx, byEmail.id, {
      oidcIssuer: issuer,
      oidcSubject: claims.sub,
      emailVerifiedAt: byEmail.emailVerifiedAt ?? at,
      ...(unproven ? { passwordHash: null, passwordChangedAt: null } : {}),
    });
    if (unproven) await R.revokeAccountSessions(tx, account.id, 'oidc-linked');
    await recordAudit(tx, {
      actor: { kind: 'citizen', id: account.id, name: account.name },
      action: 'identity.account.oidc-linked',
      subject: { type: 'account', id: account.id },
      before: { emailVerified: !unproven, hasPassword: !!byEmail.passwordHash },
      after: { issuer, email: account.email, emailVerified: true, hasPassword: !!account.passwordHash },
      requestId: ctx.requestId,
    });
    return { accountId: account.id, outcome: 'linked' as const };
  }

  const email = claims.email && claims.emailVerified ? claims.email : null;
  const account = await R.insertAccount(tx, {
    kind: 'citizen',
    email,
    phone: null,
    name: claims.name ?? claims.email?.split('@')[0]?.slice(0, 120) ?? ctx.config.OIDC_LABEL,
    passwordHash: null,
    emailVerifiedAt: email ? at : null,
    oidcIssuer: issuer,
    oidcSubject: claims.sub,
    locale: ctx.locale,
  });
  await recordAudit(tx, {
    actor: { kind: 'citizen', id: account.id, name: account.name },
    action: 'identity.account.registered',
    subject: { type: 'account', id: account.id },
    after: { kind: 'citizen', via: 'oidc', issuer, email },
    requestId: ctx.requestId,
  });
  return { accountId: account.id, outcome: 'created' as const };
}
