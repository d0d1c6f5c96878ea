import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access, Actor } from '../access/access.js';
import type { FieldError } from '../errors.js';
import type { Locale } from '../i18n/catalog.js';

export interface FormState {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/** Renders a form page again with what was typed and the errors, for the one error handler to call. */
export type Rerender = (request: FastifyRequest, reply: FastifyReply, state: FormState) => string | Promise<string>;

export interface FlashMessage {
  type: 'success' | 'info';
  key: string;
  params?: Record<string, string | number>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route. */
    access?: Access;
    /** For HTML form posts: how to show the form again when validation or the service refuses it. */
    rerender?: Rerender;
  }
  interface FastifyRequest {
    locale: Locale;
    actor: Actor;
    isApi: boolean;
  }
  interface FastifyReply {
    flash(message: FlashMessage): void;
    takeFlash(): FlashMessage | undefined;
    /** Sends a full HTML document with status (default 200). */
    html(document: string, status?: number): FastifyReply;
    /** Redirect after a successful form post (303 so the browser follows with GET). */
    seeOther(location: string): FastifyReply;
  }
}
