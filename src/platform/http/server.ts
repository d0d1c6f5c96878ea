import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import FindMyWay from 'find-my-way';
import type { Logger } from 'pino';
import { ANONYMOUS, coversSubject, decideAccess, isAccess, type Actor, type SubjectResolver } from '../access/access.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError, errorKey, type FieldError } from '../errors.js';
import { DEFAULT_LOCALE, isLocale, lookupMessage, type Locale } from '../i18n/catalog.js';
import '../i18n/messages.js';
import { PUBLIC_DIR } from '../paths.js';
import { renderDocument } from '../views/render.js';
import type { NavItem, PageContext } from '../views/context.js';
import { ErrorPage } from '../views/error-page.js';
import { pageContext } from './page.js';
import * as E from './errors.js';
import type { FlashMessage } from './types.js';
import { issuesToFieldErrors, type IssueLike } from './validation.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger, ZodTypeProvider>;

export interface ServerDeps {
  config: Config;
  database: Database;
  logger: Logger;
  nav?: NavItem[];
  /** Identity resolves the session into an actor; until it is registered everyone is anonymous. */
  resolveActor?: (request: FastifyRequest, reply: FastifyReply) => Promise<Actor>;
  /** Resolvers for access subjects (`scope: { subject: key }`), contributed by the modules. */
  subjects?: Readonly<Record<string, SubjectResolver>>;
  /** Sends queued mail; the web process kicks it after a transaction that queued mail commits. */
  mail?: { kick(): Promise<void> };
  /** Text messages to phones; without it, a development sender that logs them. */
  sms?: { send(message: { to: string; text: string; tag: string }): Promise<void> };
  /** Where a browser asking for a page it must sign in for is sent (with `?next=`); without it, a 401 page. */
  signInPath?: string;
}

export interface RouteRecord {
  method: string;
  url: string;
  access: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: ServerDeps;
    routeTable: RouteRecord[];
    assets: { css: string; logo: string; favicon: string; script(name: string): string | undefined };
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function readManifest() {
  const file = join(PUBLIC_DIR, 'manifest.json');
  if (!existsSync(file)) throw new Error(`Assets are not built (${file} is missing); run "npm run build:assets"`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return {
    css: `/assets/${manifest['satupintu.css']}`,
    logo: '/assets/logo.svg',
    favicon: '/assets/favicon.svg',
    script: (name: string) => (manifest[name] ? `/assets/${manifest[name]}` : undefined),
  };
}

function negotiateLocale(request: FastifyRequest): Locale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(query)) return query;
  const fromCookie = request.cookies.lang;
  if (isLocale(fromCookie)) return fromCookie;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    const ranked = header
      .split(',')
      .map((part) => {
        const [tag = '', q = 'q=1'] = part.trim().split(';');
        // The primary subtag only ("en-GB" → "en"), and q=0 means "not this one" (RFC 9110 §12.4.2).
        return { lang: tag.trim().split('-')[0]!.toLowerCase(), q: Number(q.split('=')[1] ?? 1) };
      })
      .filter((r) => r.q > 0)
      .sort((a, b) => b.q - a.q);
    const best = ranked.find((r) => isLocale(r.lang));
    if (best && isLocale(best.lang)) return best.lang;
  }
  return DEFAULT_LOCALE;
}

/** HTML only for clients that ask for it (browsers always do); API routes, probes and scripts get JSON. */
function wantsJson(request: FastifyRequest): boolean {
  if (request.isApi) return true;
  return !(request.headers.accept ?? '').includes('text/html');
}

/** The part of the request a validation error is about, so an issue can tell "missing" from "wrong type". */
function validatedInput(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The media type as sent, without parameters and bounded, for the 415 message. */
function mediaType(request: FastifyRequest): string {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().slice(0, 100);
  return type || '-';
}

/**
 * A lost or refused database connection is an outage, not a bug: 503 with Retry-After tells clients
 * and load balancers to come back. SQLSTATE class 08 (connection exception), 57P01-57P03 (server
 * shutting down or starting), socket errors, and a closed PGlite or pool.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return (
    /^08/.test(code) ||
    /^57P0[123]$/.test(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
    /PGlite is closed|Cannot use a pool after calling end|Connection terminated|driver has already been destroyed/i.test(message)
  );
}

/** Maps anything thrown into the one error model. Only a bug becomes a 500. */
function toAppError(error: unknown, request: FastifyRequest, config: Config): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const input = validatedInput(request, context);
    // zod leaves the offending value out of its issues; without it every type error would read "required".
    const issues = error.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      return { ...(v.params as object), code: v.keyword, path, message: v.message, input: valueAt(input, path) };
    }) as IssueLike[];
    const fields = issuesToFieldErrors(issues).map((f) =>
      context && context !== 'body' && f.path ? { ...f, path: `${context}.${f.path}` } : f,
    );
    return E.ValidationFailed({}, { fields });
  }
  const e = error as { code?: string; statusCode?: number; message?: string };
  switch (e.code ?? '') {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return E.MalformedBody();
    case 'FST_REQ_FILE_TOO_LARGE':
      return E.BodyTooLarge({ limit: `${Math.round(config.UPLOAD_LIMIT_BYTES / 1024)} KB` });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return E.BodyTooLarge({ limit: `${Math.round(config.BODY_LIMIT_BYTES / 1024)} KB` });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return E.UnsupportedMediaType({ type: mediaType(request) });
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return E.CsrfInvalid();
    default:
      break;
  }
  if (e.statusCode === 413) return E.BodyTooLarge({ limit: `${Math.round(config.BODY_LIMIT_BYTES / 1024)} KB` });
  if (e.statusCode === 415) return E.UnsupportedMediaType({ type: mediaType(request) });
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return E.BadRequest({}, { detail: `${e.code ?? ''} ${e.message ?? ''}` });
  if (isDatabaseUnavailable(error)) return E.Unavailable({}, { detail: e.message ?? 'database unavailable' });
  return E.Internal();
}

/** Builds the Fastify instance with every platform concern; modules register their routes afterwards. */
export async function createServer(deps: ServerDeps): Promise<App> {
  const { config } = deps;
  const cspDirectives: Record<string, string[]> = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    ...(config.NODE_ENV === 'production' ? { upgradeInsecureRequests: [] } : {}),
  };
  // Helmet's hooks never run for a request refused before routing, so those answers set the same headers themselves.
  const bareSecurityHeaders = {
    'content-security-policy': Object.entries(cspDirectives)
      .map(([name, values]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...values].join(' '))
      .join(';'),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // A URL Fastify cannot decode fails before any hook runs; answer it in the same shape as every other error.
    frameworkErrors: (error, request, reply) => {
      request.actor = ANONYMOUS;
      request.isApi = request.url.startsWith('/api/');
      request.cookies ??= app.parseCookie(request.headers.cookie ?? '');
      request.locale = negotiateLocale(request);
      reply.headers({ ...bareSecurityHeaders, 'x-request-id': request.id });
      void answerError(E.BadRequest({}, { detail: `${error.code} ${error.message}` }), request, reply, { routed: false });
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Bodies are JSON, urlencoded forms or multipart. Fastify's built-in text/plain parser would let a
  // cross-site <form enctype="text/plain"> reach a handler; without it such a post is a 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorate('assets', readManifest());

  // Every route declares who may call it; a route without a declaration stops the boot.
  const routeTable: RouteRecord[] = [];
  const router = FindMyWay({ ignoreTrailingSlash: true });
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!isAccess(access)) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no access (config.access)`);
    }
    if (typeof access === 'object' && typeof access.scope === 'object' && !deps.subjects?.[access.scope.subject]) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} names the access subject "${access.scope.subject}" but no module resolves it`,
      );
    }
    for (const method of methods) {
      routeTable.push({ method, url: route.url, access });
      router.on(method as 'GET', route.url, () => {});
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives },
    strictTransportSecurity: config.NODE_ENV === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Matches frame-ancestors 'none' for browsers that only read X-Frame-Options.
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'sp_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.NODE_ENV === 'production' },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const query = req.query as Record<string, unknown> | undefined;
      const token = body?._csrf ?? req.headers['x-csrf-token'] ?? query?._csrf;
      return typeof token === 'string' ? token : undefined;
    },
  });
  await app.register(formbody, { bodyLimit: config.BODY_LIMIT_BYTES });
  await app.register(multipart, {
    limits: { fileSize: config.UPLOAD_LIMIT_BYTES, files: 20, fields: 200, fieldSize: 100_000, parts: 220 },
    throwFileSizeLimit: true,
  });
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW,
    allowList: (req) => req.url.startsWith('/assets/') || req.url === '/healthz' || req.url === '/readyz',
    // Seconds, not the plugin's English "1 minute", so the message reads right in both languages.
    errorResponseBuilder: (_req, context) => E.RateLimited({ seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, serve: false, preCompressed: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Satupintu API',
        version: '1',
        description:
          'Public-service delivery API. Errors are `{"error":{"code","message","fields"?},"requestId"}`; messages follow Accept-Language (id or en).',
      },
      servers: [{ url: config.publicUrl }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      return input.url.startsWith('/api/') && !input.url.startsWith('/api/openapi') && !input.url.startsWith('/api/docs')
        ? out
        : { ...out, schema: { ...out.schema, hide: true } };
    },
  });

  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('isApi', false);

  app.decorateReply('html', function (this: FastifyReply, document: string, status = 200) {
    return this.status(status).type('text/html; charset=utf-8').send(document);
  });
  app.decorateReply('seeOther', function (this: FastifyReply, location: string) {
    return this.redirect(location, 303);
  });
  app.decorateReply('flash', function (this: FastifyReply, message: FlashMessage) {
    this.setCookie('sp_flash', JSON.stringify(message), { signed: true, httpOnly: true, sameSite: 'lax', path: '/', maxAge: 300 });
  });
  app.decorateReply('takeFlash', function (this: FastifyReply) {
    const raw = this.request.cookies.sp_flash;
    if (!raw) return undefined;
    this.clearCookie('sp_flash', { path: '/' });
    const unsigned = this.request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return undefined;
    try {
      return JSON.parse(unsigned.value) as FlashMessage;
    } catch {
      return undefined;
    }
  });

  // Requests that passed the same-origin checks of preValidation; only their forms are shown again
  // with what was typed. A refused CSRF token must not hand back the sender's values with a fresh token.
  const formChecked = new WeakSet<FastifyRequest>();

  /** 405 with Allow when the path exists for other methods, 404 otherwise. */
  const unrouted = (request: FastifyRequest): AppError => {
    const path = request.url.split('?')[0] ?? '/';
    // A route for this very method that found nothing (a missing asset) is a 404, not a 405.
    if (router.find(request.method as (typeof METHODS)[number], path)) return E.NotFound();
    const allowed = METHODS.filter((m) => m !== request.method && router.find(m, path));
    if (allowed.length > 0) {
      return Object.assign(E.MethodNotAllowed({ method: request.method }), { allow: allowed.join(', ') });
    }
    return E.NotFound();
  };

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    request.isApi = request.url.startsWith('/api/');
    request.locale = negotiateLocale(request);
    reply.header('x-request-id', request.id);
    reply.header('vary', 'Accept-Language, Cookie');
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    if (isLocale(lang) && lang !== request.cookies.lang) {
      reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', maxAge: 31_536_000, httpOnly: true });
    }
    // No route: answer 404/405 now, before the body is read, so a bad body cannot turn it into a 400 or 413.
    if (request.is404) throw unrouted(request);
    const access = request.routeOptions.config?.access;
    if (!access) return;
    // Resolved on public routes too: the navigation and the header follow the signed-in person.
    request.actor = deps.resolveActor ? await deps.resolveActor(request, reply) : ANONYMOUS;
    if (access === 'public') return;
    const decision = decideAccess(request.actor, access);
    if (decision === 'unauthenticated') throw E.Unauthenticated();
    if (decision === 'forbidden') throw E.Forbidden();
  });

  // Every body but JSON carries a CSRF token: a cross-site form can send any other type, but JSON needs a
  // CORS preflight, which we never grant. Anything the browser marks cross-site is refused outright.
  app.addHook('preValidation', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    if (request.headers['sec-fetch-site'] === 'cross-site') throw E.CrossSiteRefused();
    const type = request.headers['content-type'];
    if (type !== undefined && !JSON_TYPE.test(type)) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve()));
      }).catch(() => {
        throw E.CsrfInvalid();
      });
      const body = request.body as Record<string, unknown> | undefined;
      if (body && typeof body === 'object') delete body._csrf;
    }
    formChecked.add(request);
  });

  // A permission at a subject: the record the request names must lie inside a scope where the actor holds
  // the permission. Checked here, before the body is validated, so no handler can forget it and no
  // validation message reveals anything about another tenant's record. Unknown and foreign look the same (404).
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    if (typeof access !== 'object' || typeof access.scope !== 'object') return;
    const key = access.scope.subject;
    const value = [request.params, request.body, request.query]
      .map((source) => (source && typeof source === 'object' ? (source as Record<string, unknown>)[key] : undefined))
      .find((v) => v !== undefined && v !== '');
    if (value === undefined) throw E.ValidationFailed({}, { fields: [{ path: key, key: 'platform.validation.required' }] });
    const path = typeof value === 'string' ? await deps.subjects![key]!(deps.database.db, value) : undefined;
    if (!path || !coversSubject(request.actor, access.permission, path)) {
      // Not the form again: re-rendering it would show the very record the caller may not see.
      formChecked.delete(request);
      throw E.NotFound();
    }
  });

  app.setNotFoundHandler(async (request) => {
    throw unrouted(request);
  });

  app.setErrorHandler((error, request, reply) => answerError(error, request, reply));

  /**
   * The one error handler: JSON for API clients, the form again for a refused form, otherwise a friendly
   * page. `routed: false` is for requests refused before routing, whose reply has no plugin decorations.
   */
  async function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply, { routed = true } = {}) {
    const appError = toAppError(error, request, config);
    const locale = request.locale ?? DEFAULT_LOCALE;
    if (appError.status >= 500) {
      request.log.error({ err: error, requestId: request.id }, 'request failed');
    } else {
      request.log.info({ code: appError.code, detail: appError.message }, 'request refused');
    }
    const allow = (appError as AppError & { allow?: string }).allow;
    if (allow) reply.header('allow', allow);
    if (appError.status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    if (appError.status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', '5');
    const message = lookupMessage(errorKey(appError), locale, appError.params) ?? appError.code;
    const fields = appError.fields.map((f) => ({ path: f.path, message: lookupMessage(f.key, locale, f.params) ?? f.key }));

    if (wantsJson(request)) {
      return reply
        .status(appError.status)
        .type('application/json; charset=utf-8')
        .send({ error: { code: appError.code, message, ...(fields.length ? { fields } : {}) }, requestId: request.id });
    }
    if (appError.status === 401 && routed && deps.signInPath && request.method === 'GET') {
      return reply.redirect(`${deps.signInPath}?next=${encodeURIComponent(request.url)}`, 303);
    }
    const html = (document: string) => reply.status(appError.status).type('text/html; charset=utf-8').send(document);
    if (!routed) {
      const ctx: PageContext = {
        locale,
        t: (key, params) => lookupMessage(key, locale, params) ?? key,
        csrfToken: '',
        actor: ANONYMOUS,
        path: '/',
        flash: undefined,
        nav: (deps.nav ?? []).filter((item) => item.access === 'public'),
        assets: app.assets,
        requestId: request.id,
      };
      return html(renderDocument(ErrorPage({ ctx, status: appError.status, message })));
    }
    const rerender = request.routeOptions.config?.rerender;
    if (rerender && appError.status < 500 && formChecked.has(request)) {
      const errors: FieldError[] = appError.fields.length
        ? appError.fields
        : [{ path: '', key: errorKey(appError), params: appError.params }];
      const values = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
      delete values._csrf;
      return html(await rerender(request, reply, { values, errors }));
    }
    return html(renderDocument(ErrorPage({ ctx: pageContext(request, reply), status: appError.status, message })));
  }

  app.get('/assets/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    // Hashed names never change, so they can be cached for a year.
    const immutable = /-[0-9a-f]{10}\./.test(name);
    return reply.sendFile(name, { immutable, maxAge: immutable ? 31_536_000_000 : 3_600_000 });
  });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    try {
      await Promise.race([
        deps.database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out')), 2000).unref()),
      ]);
      return { status: 'ready', database: deps.database.kind };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      reply.header('retry-after', '5');
      throw E.Unavailable();
    }
  });

  return app;
}
