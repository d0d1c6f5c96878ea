/**
 * A small but real OpenID Connect provider on 127.0.0.1 for sign-in tests: discovery, JWKS, an
 * authorization endpoint that approves the configured user at once, a token endpoint that checks the
 * client secret (basic or post) and the PKCE verifier, userinfo, and ID tokens signed RS256 with jose.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/** What the provider says about the person who signs in; `sub` is required, everything else optional. */
export type OidcUser = { sub: string; email?: string; email_verified?: boolean; name?: string } & Record<string, unknown>;

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

export interface OidcProviderOptions {
  clientId?: string;
  clientSecret?: string;
  /** Who is signed in at the provider; change it per test with `setUser`. */
  user?: OidcUser;
  /** Advertised and accepted; default both, basic first. */
  authMethods?: ClientAuthMethod[];
  /** Keep every claim but `sub` out of the ID token, so a client must ask the userinfo endpoint. */
  claimsOnlyFromUserinfo?: boolean;
}

export interface TokenRequest {
  authMethod: ClientAuthMethod | 'none';
  grantType: string | null;
  /** The error the provider answered with, or undefined when it issued tokens. */
  error?: string;
}

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`, ready for OIDC_ISSUER_URL. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Every authorization request's parameters, in order. */
  authorizations: URLSearchParams[];
  tokenRequests: TokenRequest[];
  setUser(user: OidcUser): void;
  /** The next authorization is answered with `?error=<error>` instead of a code (e.g. `access_denied`). */
  refuseNext(error: string): void;
  close(): Promise<void>;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  user: OidcUser;
  expiresAt: number;
  used: boolean;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'satupintu-test';
  const clientSecret = options.clientSecret ?? 'rahasia-klien-uji-0123456789';
  const authMethods = options.authMethods ?? ['client_secret_basic', 'client_secret_post'];
  let user: OidcUser = options.user ?? { sub: 'warga-1', email: 'warga@contoh.id', email_verified: true, name: 'Warga Uji' };
  let refusal: string | undefined;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = b64url(randomBytes(8));
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  const accessTokens = new Map<string, OidcUser>();
  const authorizations: URLSearchParams[] = [];
  const tokenRequests: TokenRequest[] = [];
  let issuer = '';

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  function authorize(url: URL, res: ServerResponse) {
    const p = url.searchParams;
    authorizations.push(new URLSearchParams(p));
    const redirectUri = p.get('redirect_uri');
    // Errors about the client or the redirect are shown to the person, never sent to an unchecked URI.
    if (p.get('client_id') !== clientId || !redirectUri) return json(res, 400, { error: 'invalid_request' });
    const back = new URL(redirectUri);
    const state = p.get('state');
    if (state !== null) back.searchParams.set('state', state);
    const fail = (error: string) => {
      back.searchParams.set('error', error);
      res.writeHead(302, { location: back.href }).end();
    };
    if (refusal) {
      const error = refusal;
      refusal = undefined;
      return fail(error);
    }
    if (p.get('response_type') !== 'code') return fail('unsupported_response_type');
    if (!(p.get('scope') ?? '').split(' ').includes('openid')) return fail('invalid_scope');
    const challenge = p.get('code_challenge');
    if (!challenge || p.get('code_challenge_method') !== 'S256') return fail('invalid_request');
    const code = b64url(randomBytes(24));
    codes.set(code, {
      clientId,
      redirectUri,
      challenge,
      nonce: p.get('nonce'),
      user: { ...user },
      expiresAt: Date.now() + 60_000,
      used: false,
    });
    back.searchParams.set('code', code);
    res.writeHead(302, { location: back.href }).end();
  }

  /** RFC 6749 §2.3.1: the id and secret are form-urlencoded before they are joined and base64-encoded. */
  function clientOf(req: IncomingMessage, form: URLSearchParams): { method: TokenRequest['authMethod']; id?: string; secret?: string } {
    const header = req.headers.authorization;
    if (header?.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const unescape = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
      return { method: 'client_secret_basic', id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
    }
    if (form.has('client_secret')) {
      return { method: 'client_secret_post', id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
    }
    return { method: 'none' };
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const client = clientOf(req, form);
    const record: TokenRequest = { authMethod: client.method, grantType: form.get('grant_type') };
    tokenRequests.push(record);
    const refuse = (status: number, error: string) => {
      record.error = error;
      json(res, status, { error });
    };
    if (client.method === 'none' || !authMethods.includes(client.method) || client.id !== clientId || client.secret !== clientSecret) {
      return refuse(401, 'invalid_client');
    }
    if (form.get('grant_type') !== 'authorization_code') return refuse(400, 'unsupported_grant_type');
    const code = codes.get(form.get('code') ?? '');
    if (!code || code.used || code.expiresAt < Date.now() || code.redirectUri !== form.get('redirect_uri')) {
      return refuse(400, 'invalid_grant');
    }
    // A code is spent by the first attempt, right or wrong, as RFC 6749 §4.1.2 asks.
    code.used = true;
    const verifier = form.get('code_verifier') ?? '';
    if (b64url(createHash('sha256').update(verifier).digest()) !== code.challenge) return refuse(400, 'invalid_grant');
    const { sub, ...claims } = code.user;
    const now = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = { ...(options.claimsOnlyFromUserinfo ? {} : claims), ...(code.nonce ? { nonce: code.nonce } : {}) };
    const idToken = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(issuer)
      .setSubject(sub)
      .setAudience(code.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);
    const accessToken = b64url(randomBytes(24));
    accessTokens.set(accessToken, code.user);
    json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 300, id_token: idToken, scope: 'openid email profile' });
  }

  function userinfo(req: IncomingMessage, res: ServerResponse) {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const who = bearer ? accessTokens.get(bearer) : undefined;
    if (!who) {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
      return;
    }
    json(res, 200, who);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = `${req.method} ${url.pathname}`;
    const done = (error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: 'server_error', error_description: String(error) });
    };
    switch (route) {
      case 'GET /.well-known/openid-configuration':
        return json(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid', 'email', 'profile'],
          claims_supported: ['sub', 'email', 'email_verified', 'name'],
          token_endpoint_auth_methods_supported: authMethods,
          code_challenge_methods_supported: ['S256'],
        });
      case 'GET /jwks':
        return json(res, 200, { keys: [jwk] });
      case 'GET /authorize':
        return authorize(url, res);
      case 'POST /token':
        return void token(req, res).catch(done);
      case 'GET /userinfo':
        return userinfo(req, res);
      default:
        return json(res, 404, { error: 'not_found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    authorizations,
    tokenRequests,
    setUser(next) {
      user = next;
    },
    refuseNext(error) {
      refusal = error;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
