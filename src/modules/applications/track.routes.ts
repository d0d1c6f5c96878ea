import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationFailed, NotFound, RateLimited } from '../../platform/http/errors.js';
import { pageContext } from '../../platform/http/page.js';
import type { App } from '../../platform/http/server.js';
import type { Rerender } from '../../platform/http/types.js';
import { lookupMessage } from '../../platform/i18n/catalog.js';
import { renderDocument } from '../../platform/views/render.js';
import { ApplicationNotFound } from './apply.errors.js';
// The status words and the not-found error's text are the applying pages' own.
import './apply.messages.js';
import { hashStream, StreamTooLarge, trackApplication, verifyOutput, type TrackingView, type VerificationView } from './track.js';
import { tk } from './track.messages.js';
import { eventKey, TRACK_PATHS, TrackPage, TrackResultPage, VerifyPage, VerifyResultPage } from './track.pages.js';

/**
 * Public tracking (/lacak, /api/v1/track/:trackingNumber) and verification (/verifikasi, /api/v1/verify/:code):
 * no sign-in, no JavaScript, no personal data.
 *
 * Guessing is hopeless (32^9 numbers, and a check character), but each address may still only miss so
 * often: after MISS_LIMIT lookups that found nothing within the window it gets 429 until the window ends.
 * Lookups that find something count only against the platform's general rate limit, so an office
 * checking its own applications is never slowed down.
 */

const MISS_LIMIT = 30;
const ANSWER_TTL_MS = 5_000;
const MAX_ANSWERS = 10_000;
const MISS_WINDOW_MS = 10 * 60_000;

/** Misses per client address in the current window (per process, like the platform's rate limit). */
export class MissCounter {
  readonly #misses = new Map<string, { count: number; until: number }>();
  constructor(
    readonly limit = MISS_LIMIT,
    readonly windowMs = MISS_WINDOW_MS,
  ) {}

  /** @throws RateLimited (HTTP_RATE_LIMITED) when `key` has missed `limit` times in the window. */
  check(key: string, now = Date.now()): void {
    const entry = this.#misses.get(key);
    if (entry && entry.until > now && entry.count >= this.limit) {
      throw RateLimited({ seconds: Math.max(1, Math.ceil((entry.until - now) / 1000)) });
    }
  }

  miss(key: string, now = Date.now()): void {
    const entry = this.#misses.get(key);
    if (!entry || entry.until <= now) {
      // Forget expired windows now and then, so the map stays as large as the addresses missing right now.
      if (this.#misses.size > 10_000) for (const [k, e] of this.#misses) if (e.until <= now) this.#misses.delete(k);
      this.#misses.set(key, { count: 1, until: now + this.windowMs });
    } else {
      entry.count++;
    }
  }
}

// ---- API shapes ----------------------------------------------------------------------------------------

const TrackingParams = z.object({ trackingNumber: z.string().max(40).describe('As printed (7K3QP-M2XW9) or without the dash') });
const VerifyParams = z.object({ code: z.string().max(40).describe('As printed (7K3Q-PM2X-W9A4) or without dashes') });
const LookupQuery = z.object({
  nomor: z.string().max(200).optional().catch(undefined),
  kode: z.string().max(200).optional().catch(undefined),
});

const ApiTracking = z.object({
  trackingNumber: z.string(),
  formatted: z.string(),
  service: z.object({ name: z.string() }),
  unit: z.object({ name: z.string(), agency: z.string() }),
  status: z.string().describe('submitted, in_process, awaiting_citizen, rejected, completed or withdrawn'),
  statusText: z.string().describe("The status in plain words, in the request's language"),
  submittedAt: z.string(),
  currentStep: z.string().nullable(),
  clock: z.object({
    state: z.enum(['running', 'paused', 'overdue', 'stopped']),
    dueAt: z.string().nullable(),
    workingDaysLeft: z.number().int().nullable().describe('0 on the due day, negative when overdue; null when paused or stopped'),
    timeZone: z.string(),
  }),
  needed: z.array(z.object({ requirementKey: z.string(), requirement: z.string(), note: z.string() })),
  timeline: z.array(
    z.object({ at: z.string(), kind: z.string(), text: z.string(), step: z.string().nullable(), note: z.string().nullable() }),
  ),
  decidedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  rejection: z.object({ reason: z.string(), legalBasis: z.string().nullable() }).nullable(),
});

const ApiVerification = z.object({
  verificationCode: z.string(),
  formatted: z.string(),
  authentic: z.boolean().describe('Issued through Satupintu and not revoked'),
  revokedAt: z.string().nullable(),
  productName: z.string(),
  service: z.object({ name: z.string() }),
  issuer: z.object({ unit: z.string(), agency: z.string() }),
  issuedAt: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentTracking(view: TrackingView, t: (key: string) => string): z.infer<typeof ApiTracking> {
  return {
    trackingNumber: view.trackingNumber,
    formatted: view.formatted,
    service: { name: view.serviceName },
    unit: { name: view.unitName, agency: view.agencyName },
    status: view.status,
    statusText: t(`applications.apply.status.${view.status}`),
    submittedAt: view.submittedAt.toISOString(),
    currentStep: view.currentStep,
    clock: { ...view.clock, dueAt: iso(view.clock.dueAt) },
    needed: view.needed,
    timeline: view.timeline.map((e) => ({ at: e.at.toISOString(), kind: e.kind, text: t(eventKey(e.kind)), step: e.step, note: e.note })),
    decidedAt: iso(view.decidedAt),
    completedAt: iso(view.completedAt),
    rejection: view.rejection,
  };
}

function presentVerification(view: VerificationView): z.infer<typeof ApiVerification> {
  return {
    verificationCode: view.verificationCode,
    formatted: view.formatted,
    authentic: view.revokedAt === null,
    revokedAt: iso(view.revokedAt),
    productName: view.productName,
    service: { name: view.serviceName },
    issuer: { unit: view.unitName, agency: view.agencyName },
    issuedAt: view.issuedAt.toISOString(),
    sha256: view.sha256,
    sizeBytes: view.sizeBytes,
    mediaType: view.mediaType,
  };
}

// ---- routes --------------------------------------------------------------------------------------------

export async function trackRoutes(app: App) {
  const { database, config } = app.deps;
  // Read per request: the app is also built without a database (route table checks).
  const misses = new MissCounter();
  // The JSON answer per number and language, kept a few seconds: integrators poll it, and a change shows
  // after at most ANSWER_TTL_MS (on this process; each keeps its own).
  const answers = new Map<string, { at: number; body: string }>();
  const page = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply);
  const t = (request: FastifyRequest) => (key: string) => lookupMessage(key, request.locale) ?? key;

  /** Looks up with the miss limit: a lookup that finds nothing counts against the caller's address. */
  async function lookup<T>(request: FastifyRequest, find: () => Promise<T | undefined>): Promise<T | undefined> {
    misses.check(request.ip);
    const found = await find();
    if (!found) misses.miss(request.ip);
    return found;
  }

  app.get(TRACK_PATHS.track, { config: { access: 'public' }, schema: { querystring: LookupQuery } }, async (request, reply) => {
    const typed = request.query.nomor;
    reply.header('cache-control', 'private, no-store');
    if (typed === undefined) return reply.html(renderDocument(TrackPage({ ctx: page(request, reply) })));
    const value = typed.trim().slice(0, 40);
    if (!value) return reply.html(renderDocument(TrackPage({ ctx: page(request, reply), problem: 'required' })), 400);
    const view = await lookup(request, () => trackApplication(database.db, value));
    if (!view) return reply.html(renderDocument(TrackPage({ ctx: page(request, reply), value, problem: 'notFound' })), 404);
    return reply.html(renderDocument(TrackResultPage({ ctx: page(request, reply), view })));
  });

  app.get(
    '/api/v1/track/:trackingNumber',
    {
      config: { access: 'public' },
      schema: {
        tags: ['applications'],
        summary: 'Where an application stands, by its tracking number (no personal data)',
        params: TrackingParams,
        response: { 200: ApiTracking },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
      const key = `${request.locale}:${request.params.trackingNumber}`;
      const now = Date.now();
      const kept = answers.get(key);
      if (kept && now - kept.at < ANSWER_TTL_MS) return (reply as FastifyReply).send(kept.body);
      const view = await lookup(request, () => trackApplication(database.db, request.params.trackingNumber));
      if (!view) throw ApplicationNotFound();
      // Serialised once here (the schema above documents it) and sent as text, also from memory.
      const body = JSON.stringify(presentTracking(view, t(request)));
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(key, { at: now, body });
      return (reply as FastifyReply).send(body);
    },
  );

  // ---- verification ----------------------------------------------------------------------------------

  app.get(TRACK_PATHS.verify, { config: { access: 'public' }, schema: { querystring: LookupQuery } }, async (request, reply) => {
    const typed = request.query.kode;
    if (typed === undefined) return reply.html(renderDocument(VerifyPage({ ctx: page(request, reply) })));
    const value = typed.trim().slice(0, 40);
    if (!value) return reply.html(renderDocument(VerifyPage({ ctx: page(request, reply), problem: 'required' })), 400);
    const view = await lookup(request, () => verifyOutput(database.db, value));
    if (!view) return reply.html(renderDocument(VerifyPage({ ctx: page(request, reply), value, problem: 'notFound' })), 404);
    return reply.seeOther(TRACK_PATHS.verification(view.verificationCode));
  });

  app.get(TRACK_PATHS.verification(':code'), { config: { access: 'public' }, schema: { params: VerifyParams } }, async (request, reply) => {
    const view = await lookup(request, () => verifyOutput(database.db, request.params.code));
    if (!view) {
      const value = request.params.code.slice(0, 40);
      return reply.html(renderDocument(VerifyPage({ ctx: page(request, reply), value, problem: 'notFound' })), 404);
    }
    return reply.html(renderDocument(VerifyResultPage({ ctx: page(request, reply), view })));
  });

  const compareForm: Rerender = async (request, reply, form) => {
    const view = await verifyOutput(database.db, (request.params as { code: string }).code);
    if (!view) throw NotFound();
    return renderDocument(VerifyResultPage({ ctx: page(request, reply), view, form }));
  };
  const limit = config.UPLOAD_LIMIT_BYTES;
  const limitText = `${Math.floor(limit / 1024 / 1024)} MB`;
  const fileError = (key: string, status: 'required' | 'tooLarge') =>
    ValidationFailed({}, { fields: [{ path: 'berkas', key, ...(status === 'tooLarge' ? { params: { limit: limitText } } : {}) }] });

  app.post(
    TRACK_PATHS.verification(':code'),
    { config: { access: 'public', rerender: compareForm }, schema: { params: VerifyParams } },
    async (request, reply) => {
      const view = await lookup(request, () => verifyOutput(database.db, request.params.code));
      if (!view) throw NotFound();
      if (!request.isMultipart()) throw fileError(tk('verify.compare.required'), 'required');
      let hashed: { sha256: string; bytes: number } | undefined;
      try {
        for await (const part of request.parts({ limits: { fileSize: limit, files: 1 } })) {
          if (part.type !== 'file') continue;
          const result = await hashStream(part.file, limit);
          // The multipart reader stops at its own limit and marks the stream truncated instead of failing it.
          if (part.file.truncated) throw new StreamTooLarge();
          if (part.fieldname === 'berkas' && result.bytes > 0) hashed = result;
        }
      } catch (error) {
        if (error instanceof StreamTooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw fileError(tk('verify.compare.tooLarge'), 'tooLarge');
        }
        throw error;
      }
      if (!hashed) throw fileError(tk('verify.compare.required'), 'required');
      const comparison = { matches: hashed.sha256 === view.sha256, sha256: hashed.sha256 };
      return reply.html(renderDocument(VerifyResultPage({ ctx: page(request, reply), view, comparison })));
    },
  );

  app.get(
    '/api/v1/verify/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['applications'],
        summary: 'Whether an issued document is authentic, by its verification code (no personal data)',
        params: VerifyParams,
        response: { 200: ApiVerification },
      },
    },
    async (request, reply) => {
      const view = await lookup(request, () => verifyOutput(database.db, request.params.code));
      if (!view) throw NotFound();
      reply.header('cache-control', 'no-store');
      return presentVerification(view);
    },
  );
}
