import type { FastifyReply, FastifyRequest } from 'fastify';
import { decideAccess } from '../access/access.js';
import { lookupMessage } from '../i18n/catalog.js';
import type { PageContext } from '../views/context.js';

/** Builds what a page needs from the request. Takes the flash, so call it once per rendered page. */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const locale = request.locale;
  const nav = (request.server.deps.nav ?? []).filter((item) => decideAccess(request.actor, item.access) === 'allow');
  return {
    locale,
    t: (key, params) => lookupMessage(key, locale, params) ?? key,
    csrfToken: reply.generateCsrf(),
    actor: request.actor,
    path: request.url,
    flash: reply.takeFlash(),
    nav,
    assets: request.server.assets,
    requestId: request.id,
  };
}
