import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import * as E from './identity.errors.js';
import { createOidcSignIn, oidcEnabled, readPending } from './identity.oidc.js';
import { NextQuery, safeNext } from './identity.schemas.js';
import type { IdentityContext, SessionGrant } from './identity.service.js';

/** Holds state, nonce and the PKCE verifier for ten minutes; sent back only to the OIDC paths. */
export const OIDC_COOKIE = 'sp_oidc';
const COOKIE_PATH = '/masuk/oidc';
/** A callback costs a token request at the provider; this bounds what one address can make us send. */
const CALLBACK_RATE = { max: 20, timeWindow: '1 minute' };

// Bounded, not interpreted: openid-client checks the authorization response itself, from the raw query.
const CallbackQuery = z.looseObject({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
  iss: z.string().max(2048).optional(),
});

export interface OidcRouteDeps {
  context(request: FastifyRequest, reply: FastifyReply): IdentityContext;
  setSessionCookie(reply: FastifyReply, grant: SessionGrant): void;
  previousToken(request: FastifyRequest): string | undefined;
}

/** `GET /masuk/oidc` sends the browser to the provider; `GET /masuk/oidc/callback` signs the citizen in. */
export async function oidcRoutes(app: App, deps: OidcRouteDeps) {
  const { config } = app.deps;
  const sso = oidcEnabled(config) ? createOidcSignIn(config, { log: app.log }) : undefined;
  const secure = config.NODE_ENV === 'production';
  // Discovered once the server is ready, so an unreachable provider shows up in the boot log, not as a failed boot.
  if (sso) {
    app.addHook('onReady', async () => {
      sso.discover().catch(() => {});
    });
  }

  app.get('/masuk/oidc', { config: { access: 'public' }, schema: { querystring: NextQuery } }, async (request, reply) => {
    if (!sso) throw E.OidcDisabled();
    const { url, pending } = await sso.begin({ next: safeNext(request.query.next), locale: request.locale });
    reply.setCookie(OIDC_COOKIE, JSON.stringify(pending), {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 600,
      path: COOKIE_PATH,
      secure,
    });
    return reply.seeOther(url);
  });

  app.get(
    '/masuk/oidc/callback',
    { config: { access: 'public', rateLimit: CALLBACK_RATE }, schema: { querystring: CallbackQuery } },
    async (request, reply) => {
      if (!sso) throw E.OidcDisabled();
      const raw = request.cookies[OIDC_COOKIE];
      // One use: whatever happens next, this state cannot be replayed.
      if (raw) reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      const pending = readPending(unsigned?.valid ? unsigned.value : undefined);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const result = await sso.complete(deps.context(request, reply), { query, pending, previousToken: deps.previousToken(request) });
      deps.setSessionCookie(reply, result.grant);
      return reply.seeOther(safeNext(result.next) ?? '/akun');
    },
  );
}
