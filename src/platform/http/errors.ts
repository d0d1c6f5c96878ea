import { defineError } from '../errors.js';

export const NotFound = defineError('HTTP_NOT_FOUND', 404);
export const MethodNotAllowed = defineError('HTTP_METHOD_NOT_ALLOWED', 405);
export const ValidationFailed = defineError('HTTP_VALIDATION', 422);
export const MalformedBody = defineError('HTTP_MALFORMED_BODY', 400);
export const BodyTooLarge = defineError('HTTP_BODY_TOO_LARGE', 413);
export const UnsupportedMediaType = defineError('HTTP_UNSUPPORTED_MEDIA_TYPE', 415);
export const CsrfInvalid = defineError('HTTP_CSRF', 403);
export const CrossSiteRefused = defineError('HTTP_CROSS_SITE', 403);
export const RateLimited = defineError('HTTP_RATE_LIMITED', 429);
export const Unauthenticated = defineError('HTTP_UNAUTHENTICATED', 401);
export const Forbidden = defineError('HTTP_FORBIDDEN', 403);
export const Unavailable = defineError('HTTP_UNAVAILABLE', 503);
export const Internal = defineError('HTTP_INTERNAL', 500);
export const BadRequest = defineError('HTTP_BAD_REQUEST', 400);
