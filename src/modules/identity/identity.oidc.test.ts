/**
 * OIDC sign-in against a real provider on 127.0.0.1 (test/support/oidc-provider.ts): the service from
 * discovery to session, then the two routes on a bare platform server, both on every test database.
 */
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/access/access.js';
import type { Config } from '../../platform/config.js';
import { KeyRing } from '../../platform/crypto/keyring.js';
import { tablesOf, type Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { createServer, type App } from '../../platform/http/server.js';
import { collectCookies, cookieHeader, expectErrorPage, expectJsonError, NO_DATABASE, testConfig } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import { startOidcProvider, type OidcUser, type TestOidcProvider } from '../../../test/support/oidc-provider.js';
import './identity.messages.js';
import { createOidcSignIn, oidcEnabled, readPending, type OidcPending, type OidcSignIn } from './identity.oidc.js';
import { OIDC_COOKIE, oidcRoutes } from './identity.oidc.routes.js';
import * as R from './identity.repository.js';
import { createVerifiedAccount, type IdentityContext, type SessionGrant } from './identity.service.js';
import type { IdentityTables } from './identity.tables.js';
import { hashToken } from './identity.tokens.js';
import { RecordingSmsSender } from './sms.js';

const PUBLIC_URL = 'http://satupintu.test';
const CALLBACK = `${PUBLIC_URL}/masuk/oidc/callback`;
const log = pino({ level: 'silent' });

const oidcSettings = (provider: TestOidcProvider, overrides: Record<string, string> = {}) =>
  testConfig({
    PUBLIC_URL,
    OIDC_ISSUER_URL: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_LABEL: 'SSO Kota',
    ...overrides,
  });

const identityContext = (database: Database, config: Config): IdentityContext => ({
  db: database.db,
  config,
  keys: new KeyRing(config),
  sms: new RecordingSmsSender(),
  actor: ANONYMOUS,
  locale: 'id',
  requestId: 'test-oidc',
});

const tables = (database: Database) => tablesOf<IdentityTables>(database.db);

async function rejectsWith(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Follows the provider's redirect the way a browser would, and answers where it sends the browser back to. */
async function visitProvider(url: string): Promise<URL> {
  const answer = await fetch(url, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

/** An account registered and verified our own way, with a password. */
const existingAccount = (database: Database, kind: 'citizen' | 'staff', email: string, name: string) =>
  createVerifiedAccount(database.db, { kind, email, name, password: 'kopi tubruk di teras rumah nenek' });

async function counts(database: Database) {
  const { rows } = await sql<{ accounts: number; sessions: number; events: number }>`
    select (select count(*)::int from identity.account) as accounts,
           (select count(*)::int from identity.session) as sessions,
           (select count(*)::int from audit.event) as events`.execute(database.db);
  return rows[0]!;
}

async function auditActions(database: Database, accountId: string) {
  const { rows } = await sql<{ action: string }>`
    select action from audit.event where subject_id = ${accountId} order by seq`.execute(database.db);
  return rows.map((r) => r.action);
}

describe('oidcEnabled', () => {
  it('is off unless the issuer, client id and secret are all set', async () => {
    expect(oidcEnabled(testConfig())).toBe(false);
    const provider = await startOidcProvider();
    try {
      expect(oidcEnabled(oidcSettings(provider))).toBe(true);
      expect(() => createOidcSignIn(testConfig())).toThrow(/not configured/);
    } finally {
      await provider.close();
    }
  });
});

describe('readPending', () => {
  it('accepts only the shape it wrote', () => {
    const pending = { state: 's'.repeat(43), nonce: 'n'.repeat(43), verifier: 'v'.repeat(43), next: '/akun' };
    expect(readPending(JSON.stringify(pending))).toEqual(pending);
    expect(readPending(undefined)).toBeUndefined();
    expect(readPending('not json')).toBeUndefined();
    expect(readPending(JSON.stringify({ ...pending, verifier: 'short' }))).toBeUndefined();
  });
});

eachDatabase('OIDC sign-in: the service', (db) => {
  let provider: TestOidcProvider;
  let config: Config;
  let sso: OidcSignIn;
  let ctx: IdentityContext;

  beforeEach(async () => {
    provider = await startOidcProvider();
    config = oidcSettings(provider);
    sso = createOidcSignIn(config, { log });
    ctx = identityContext(db(), config);
  });
  afterEach(async () => {
    await provider?.close();
  });

  /** The whole round trip as a browser makes it; `tamper` changes what the cookie held before the callback. */
  async function signInAs(user: OidcUser, options: { next?: string; tamper?: (p: OidcPending) => OidcPending | undefined } = {}) {
    provider.setUser(user);
    const { url, pending } = await sso.begin({ next: options.next, locale: 'id' });
    const back = await visitProvider(url);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    return sso.complete(ctx, { query: back.search.slice(1), pending: options.tamper ? options.tamper(pending) : pending });
  }

  it('asks the provider for a code with PKCE S256, state, nonce and the openid email profile scopes', async () => {
    const { url, pending } = await sso.begin({ next: '/akun', locale: 'en' });
    const params = new URL(url).searchParams;
    expect(url.startsWith(`${provider.issuer}/authorize?`)).toBe(true);
    expect(Object.fromEntries(params)).toMatchObject({
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge_method: 'S256',
      ui_locales: 'en',
    });
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('code_challenge')).not.toBe(pending.verifier);
    expect(pending.next).toBe('/akun');
  });

  it('creates a citizen with the verified email, no password and a session, and audits both', async () => {
    const result = await signInAs(
      { sub: 'abc-1', email: 'Sari@Contoh.ID', email_verified: true, name: 'Sari Wulandari' },
      { next: '/akun' },
    );
    expect(result.outcome).toBe('created');
    expect(result.next).toBe('/akun');
    const account = await R.findAccount(tables(db()), result.accountId);
    expect(account).toMatchObject({
      kind: 'citizen',
      email: 'sari@contoh.id',
      name: 'Sari Wulandari',
      passwordHash: null,
      oidcIssuer: provider.issuer,
      oidcSubject: 'abc-1',
      locale: 'id',
    });
    expect(account!.emailVerifiedAt).toBeInstanceOf(Date);
    const session = await R.findLiveSession(tables(db()), hashToken(result.grant.token), new Date());
    expect(session).toMatchObject({ accountId: result.accountId, pendingSecondFactor: false, kind: 'citizen' });
    expect(await auditActions(db(), result.accountId)).toEqual(['identity.account.registered', 'identity.session.signed-in']);
    expect(provider.tokenRequests).toEqual([{ authMethod: 'client_secret_basic', grantType: 'authorization_code' }]);
  });

  it('finds a returning citizen by issuer and subject, whatever the provider now says about the email', async () => {
    const first = await signInAs({ sub: 'abc-2', email: 'budi@contoh.id', email_verified: true, name: 'Budi' });
    const again = await signInAs({ sub: 'abc-2', email: 'budi.baru@contoh.id', email_verified: true, name: 'Budi Baru' });
    expect(again.outcome).toBe('returning');
    expect(again.accountId).toBe(first.accountId);
    expect(again.grant.token).not.toBe(first.grant.token);
    expect(await R.findAccount(tables(db()), first.accountId)).toMatchObject({ email: 'budi@contoh.id', name: 'Budi' });
    expect((await counts(db())).accounts).toBe(1);
  });

  it('links an existing citizen whose email the provider verified, keeping their password', async () => {
    const { accountId } = await existingAccount(db(), 'citizen', 'wayan@contoh.id', 'Wayan');
    const before = await R.findAccount(tables(db()), accountId);
    const result = await signInAs({ sub: 'abc-3', email: 'WAYAN@contoh.id', email_verified: true, name: 'I Wayan' });
    expect(result).toMatchObject({ outcome: 'linked', accountId });
    const after = await R.findAccount(tables(db()), accountId);
    expect(after).toMatchObject({ oidcIssuer: provider.issuer, oidcSubject: 'abc-3', name: 'Wayan', passwordHash: before!.passwordHash });
    expect(after!.emailVerifiedAt).toEqual(before!.emailVerifiedAt);
    expect(await auditActions(db(), accountId)).toEqual([
      'identity.account.created',
      'identity.account.oidc-linked',
      'identity.session.signed-in',
    ]);
  });

  it('links a citizen who never verified the email, marking it verified and dropping the password nobody proved', async () => {
    const planted = await R.insertAccount(tables(db()), {
      kind: 'citizen',
      email: 'ketut@contoh.id',
      phone: null,
      name: 'Ketut',
      passwordHash: 'argon2id-hash-set-by-whoever-registered',
    });
    const result = await signInAs({ sub: 'abc-4', email: 'ketut@contoh.id', email_verified: true });
    expect(result).toMatchObject({ outcome: 'linked', accountId: planted.id });
    const after = await R.findAccount(tables(db()), planted.id);
    expect(after).toMatchObject({ oidcSubject: 'abc-4', passwordHash: null });
    expect(after!.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it('refuses to merge into an unverified-email account that proved a phone instead', async () => {
    await R.insertAccount(tables(db()), {
      kind: 'citizen',
      email: 'made@contoh.id',
      phone: '+6281234567890',
      phoneVerifiedAt: new Date(),
      name: 'Made',
      passwordHash: 'hash',
    });
    const before = await counts(db());
    await rejectsWith(signInAs({ sub: 'abc-5', email: 'made@contoh.id', email_verified: true }), 'IDENTITY_OIDC_FAILED');
    expect(await counts(db())).toEqual(before);
  });

  it('does not link by an email the provider has not verified: a new citizen without an email instead', async () => {
    const { accountId } = await existingAccount(db(), 'citizen', 'nyoman@contoh.id', 'Nyoman');
    const result = await signInAs({ sub: 'abc-6', email: 'nyoman@contoh.id', email_verified: false, name: 'Bukan Nyoman' });
    expect(result.outcome).toBe('created');
    expect(result.accountId).not.toBe(accountId);
    expect(await R.findAccount(tables(db()), result.accountId)).toMatchObject({ email: null, emailVerifiedAt: null, name: 'Bukan Nyoman' });
    expect(await R.findAccount(tables(db()), accountId)).toMatchObject({ oidcIssuer: null, oidcSubject: null });
  });

  it('names a new citizen after the email when the provider sends no name', async () => {
    const result = await signInAs({ sub: 'abc-7', email: 'putu.ayu@contoh.id', email_verified: true });
    expect(await R.findAccount(tables(db()), result.accountId)).toMatchObject({ name: 'putu.ayu' });
  });

  it('refuses a staff account found by its verified email, and writes nothing', async () => {
    const { accountId } = await existingAccount(db(), 'staff', 'petugas@contoh.id', 'Petugas');
    const before = await counts(db());
    await rejectsWith(signInAs({ sub: 'abc-8', email: 'petugas@contoh.id', email_verified: true }), 'IDENTITY_OIDC_FAILED');
    expect(await counts(db())).toEqual(before);
    expect(await R.findAccount(tables(db()), accountId)).toMatchObject({ oidcSubject: null });
  });

  it('refuses a disabled citizen', async () => {
    const first = await signInAs({ sub: 'abc-9', email: 'nonaktif@contoh.id', email_verified: true });
    await R.updateAccount(tables(db()), first.accountId, { status: 'disabled' });
    await rejectsWith(signInAs({ sub: 'abc-9' }), 'IDENTITY_ACCOUNT_DISABLED');
  });

  it('refuses a callback whose state is not the one in the cookie, or with no cookie at all', async () => {
    const before = await counts(db());
    await rejectsWith(signInAs({ sub: 'abc-10' }, { tamper: (p) => ({ ...p, state: `${p.state}x` }) }), 'IDENTITY_OIDC_FAILED');
    await rejectsWith(signInAs({ sub: 'abc-10' }, { tamper: () => undefined }), 'IDENTITY_OIDC_FAILED');
    expect(provider.tokenRequests).toEqual([]);
    expect(await counts(db())).toEqual(before);
  });

  it('refuses a nonce that does not match the ID token', async () => {
    await rejectsWith(signInAs({ sub: 'abc-11' }, { tamper: (p) => ({ ...p, nonce: `${p.nonce}x` }) }), 'IDENTITY_OIDC_FAILED');
    expect((await counts(db())).accounts).toBe(0);
  });

  it('fails when the provider refuses the code for a PKCE verifier that does not match the challenge', async () => {
    const other = 'A'.repeat(43);
    await rejectsWith(signInAs({ sub: 'abc-12' }, { tamper: (p) => ({ ...p, verifier: other }) }), 'IDENTITY_OIDC_FAILED');
    expect(provider.tokenRequests).toEqual([
      { authMethod: 'client_secret_basic', grantType: 'authorization_code', error: 'invalid_grant' },
    ]);
    expect((await counts(db())).accounts).toBe(0);
  });

  it('fails when the person declines at the provider', async () => {
    provider.refuseNext('access_denied');
    await rejectsWith(signInAs({ sub: 'abc-13' }), 'IDENTITY_OIDC_FAILED');
    expect(provider.tokenRequests).toEqual([]);
  });

  it('fails when the provider is unreachable, and does not ask again at once', async () => {
    const closed = await startOidcProvider();
    await closed.close();
    const unreachable = createOidcSignIn(oidcSettings(closed), { log, timeoutSeconds: 2 });
    const error = await rejectsWith(unreachable.begin(), 'IDENTITY_OIDC_FAILED');
    expect(error.message).toMatch(/discovery failed/);
    expect((await rejectsWith(unreachable.begin(), 'IDENTITY_OIDC_FAILED')).message).toMatch(/unreachable/);
  });
});

eachDatabase('OIDC sign-in: provider variations', (db) => {
  const providers: TestOidcProvider[] = [];
  afterEach(async () => {
    await Promise.all(providers.splice(0).map((p) => p.close()));
  });

  async function roundTrip(provider: TestOidcProvider, user: OidcUser) {
    providers.push(provider);
    const config = oidcSettings(provider);
    const sso = createOidcSignIn(config, { log });
    provider.setUser(user);
    const { url, pending } = await sso.begin();
    const back = await visitProvider(url);
    return sso.complete(identityContext(db(), config), { query: back.search.slice(1), pending });
  }

  it('reads the email from userinfo when the ID token leaves it out', async () => {
    const provider = await startOidcProvider({ claimsOnlyFromUserinfo: true });
    const result = await roundTrip(provider, { sub: 'u-1', email: 'info@contoh.id', email_verified: true, name: 'Dari Userinfo' });
    expect(await R.findAccount(tables(db()), result.accountId)).toMatchObject({ email: 'info@contoh.id', name: 'Dari Userinfo' });
  });

  it('authenticates with client_secret_post when that is all the provider accepts', async () => {
    const provider = await startOidcProvider({ authMethods: ['client_secret_post'] });
    await roundTrip(provider, { sub: 'u-2', email: 'post@contoh.id', email_verified: true });
    expect(provider.tokenRequests).toEqual([{ authMethod: 'client_secret_post', grantType: 'authorization_code' }]);
  });
});

/** The two routes on a bare platform server, with the dependencies identity's routes hand them. */
async function oidcApp(database: Database, config: Config): Promise<App> {
  const app = await createServer({ config, database, logger: log });
  await oidcRoutes(app, {
    context: (request) => ({ ...identityContext(database, config), locale: request.locale, requestId: request.id }),
    setSessionCookie: (reply, grant: SessionGrant) => {
      reply.setCookie('sp_session', grant.token, { path: '/', httpOnly: true, sameSite: 'lax', expires: grant.expiresAt });
    },
    previousToken: (request) => request.cookies.sp_session,
  });
  await app.ready();
  return app;
}

eachDatabase('OIDC sign-in: the routes', (db) => {
  let provider: TestOidcProvider;
  let app: App | undefined;
  beforeEach(async () => {
    provider = await startOidcProvider();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await provider?.close();
  });

  const html = { accept: 'text/html' };

  async function leave(next?: string) {
    const response = await app!.inject({
      method: 'GET',
      url: `/masuk/oidc${next ? `?next=${encodeURIComponent(next)}` : ''}`,
      headers: html,
    });
    expect(response.statusCode).toBe(303);
    return { response, cookies: collectCookies(response), back: await visitProvider(response.headers.location as string) };
  }

  it('sends the browser to the provider with a ten-minute signed cookie, and signs the citizen in on the way back', async () => {
    app = await oidcApp(db(), oidcSettings(provider));
    provider.setUser({ sub: 'r-1', email: 'rute@contoh.id', email_verified: true, name: 'Rute' });
    const { response, cookies, back } = await leave('/akun/profil');
    expect(response.headers.location).toMatch(new RegExp(`^${provider.issuer}/authorize\\?`));
    const set = response.cookies.find((c) => c.name === OIDC_COOKIE)!;
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', maxAge: 600, path: '/masuk/oidc' });
    expect(set.value).not.toContain(new URL(response.headers.location as string).searchParams.get('code_challenge'));

    const callback = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { ...html, cookie: cookieHeader(cookies) },
    });
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/akun/profil');
    const after = collectCookies(callback, cookies);
    expect(after[OIDC_COOKIE]).toBeUndefined();
    expect(after.sp_session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const account = await R.findAccountByOidc(tables(db()), provider.issuer, 'r-1');
    expect(account).toMatchObject({ email: 'rute@contoh.id', kind: 'citizen' });

    // Replayed, even with the old cookie, the callback is refused: the provider spent the code.
    const replay = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { ...html, cookie: cookieHeader(cookies) },
    });
    expectErrorPage(replay, 400, 'IDENTITY_OIDC_FAILED');
  });

  it('lands on /akun when next is not a path on this site', async () => {
    app = await oidcApp(db(), oidcSettings(provider));
    const { cookies, back } = await leave('//jahat.example/akun');
    const callback = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { ...html, cookie: cookieHeader(cookies) },
    });
    expect(callback.headers.location).toBe('/akun');
  });

  it('shows the error page for a callback without the cookie or with a forged one', async () => {
    app = await oidcApp(db(), oidcSettings(provider));
    const { cookies, back } = await leave();
    const url = `${back.pathname}${back.search}`;
    expectErrorPage(await app.inject({ method: 'GET', url, headers: html }), 400, 'IDENTITY_OIDC_FAILED');
    expect(cookies[OIDC_COOKIE]).toBeDefined();
    // What an attacker can know (the state is in the URL), without our signature.
    const forged = JSON.stringify({ state: back.searchParams.get('state'), nonce: 'n'.repeat(43), verifier: 'v'.repeat(43) });
    const response = await app.inject({ method: 'GET', url, headers: { ...html, cookie: `${OIDC_COOKIE}=${encodeURIComponent(forged)}` } });
    expectErrorPage(response, 400, 'IDENTITY_OIDC_FAILED', 'id');
    expect((await counts(db())).accounts).toBe(0);
  });

  it('shows the error page in English when a staff member tries it', async () => {
    await existingAccount(db(), 'staff', 'staf@contoh.id', 'Staf');
    app = await oidcApp(db(), oidcSettings(provider));
    provider.setUser({ sub: 'r-2', email: 'staf@contoh.id', email_verified: true });
    const { cookies, back } = await leave();
    const response = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { ...html, 'accept-language': 'en', cookie: cookieHeader(cookies) },
    });
    expectErrorPage(response, 400, 'IDENTITY_OIDC_FAILED', 'en');
    expect(collectCookies(response, cookies).sp_session).toBeUndefined();
  });

  it('boots with an unreachable provider; the sign-in button then leads to the error page', async () => {
    const closed = await startOidcProvider();
    await closed.close();
    app = await oidcApp(db(), oidcSettings(closed));
    expectErrorPage(await app.inject({ method: 'GET', url: '/masuk/oidc', headers: html }), 400, 'IDENTITY_OIDC_FAILED');
  });

  it('limits callbacks to twenty a minute per address', async () => {
    app = await oidcApp(db(), oidcSettings(provider));
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await app.inject({ method: 'GET', url: '/masuk/oidc/callback?code=x&state=y' })).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe('OIDC sign-in when not configured', () => {
  it('answers 404 on both routes', async () => {
    const app = await oidcApp(NO_DATABASE, testConfig());
    try {
      for (const url of ['/masuk/oidc', '/masuk/oidc/callback?code=x&state=y']) {
        expectJsonError(await app.inject({ method: 'GET', url }), 404, 'IDENTITY_OIDC_DISABLED');
        expectErrorPage(await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } }), 404, 'IDENTITY_OIDC_DISABLED');
      }
    } finally {
      await app.close();
    }
  });
});
