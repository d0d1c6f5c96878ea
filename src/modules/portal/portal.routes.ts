import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/server.js';
import { pageContext } from '../../platform/http/page.js';
import type { FormState } from '../../platform/http/types.js';
import { renderDocument } from '../../platform/views/render.js';
import { emptyForm } from '../../platform/views/forms.js';
import { AccessibilityPage, HomePage } from './portal.pages.js';
import { FeedbackBody, FeedbackCreated, FeedbackStats } from './portal.schemas.js';
import { feedbackStats, submitFeedback } from './portal.service.js';

const renderAccessibility = (request: FastifyRequest, reply: FastifyReply, form: FormState) =>
  renderDocument(AccessibilityPage({ ctx: pageContext(request, reply), form }));

export async function portalRoutes(app: App) {
  const { database } = app.deps;
  const serviceCtx = (request: FastifyRequest) => ({ db: database.db, locale: request.locale, requestId: request.id });

  app.get('/', { config: { access: 'public' } }, async (request, reply) =>
    reply.html(renderDocument(HomePage({ ctx: pageContext(request, reply), now: new Date() }))),
  );

  app.get('/aksesibilitas', { config: { access: 'public' } }, async (request, reply) =>
    reply.html(renderAccessibility(request, reply, emptyForm({ kind: 'barrier' }))),
  );

  app.post(
    '/aksesibilitas',
    { config: { access: 'public', rerender: renderAccessibility }, schema: { body: FeedbackBody } },
    async (request, reply) => {
      await submitFeedback(serviceCtx(request), request.body);
      reply.flash({ type: 'success', key: 'portal.feedback.thanks' });
      return reply.seeOther('/aksesibilitas');
    },
  );

  app.post(
    '/api/v1/feedback',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Report an accessibility barrier or other feedback',
        tags: ['portal'],
        body: FeedbackBody,
        response: { 201: FeedbackCreated },
      },
    },
    async (request, reply) => {
      const created = await submitFeedback(serviceCtx(request), request.body);
      return reply.status(201).send({ id: created.id, createdAt: created.createdAt.toISOString() });
    },
  );

  app.get(
    '/api/v1/feedback/stats',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Counts of feedback reports by kind and handling status',
        tags: ['portal'],
        response: { 200: FeedbackStats },
      },
    },
    async () => feedbackStats({ db: database.db }),
  );
}
