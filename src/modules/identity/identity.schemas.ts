import { z } from 'zod';
import { optionalText } from '../../platform/schemas.js';
import { ROLE_NAMES } from './identity.roles.js';

/** Passwords are checked for strength by the service; here only bounded so nobody posts a megabyte. */
const password = z.string().min(1).max(1000);
const code = z.string().trim().min(1).max(20);
/** A relative path on this site to return to after signing in; anything else is dropped. */
export const safeNext = (value: string | undefined) =>
  value && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && !value.startsWith('/masuk') ? value : undefined;

export const SignUpBody = z.object({
  name: z.string().trim().min(1).max(120),
  email: optionalText(254).pipe(z.email().optional()),
  phone: optionalText(30),
  password,
});

export const SignInBody = z.object({
  identifier: z.string().trim().min(1).max(254),
  password,
  next: optionalText(500),
});
export const NextQuery = z.object({ next: optionalText(500), lang: z.string().optional() });

export const IdentifierBody = z.object({ identifier: z.string().trim().min(1).max(254) });
export const VerifyPhoneBody = z.object({ phone: z.string().trim().min(1).max(30), code });
export const PhoneQuery = z.object({ telepon: optionalText(30), lang: z.string().optional() });
export const CodeBody = z.object({ code });
export const TokenParams = z.strictObject({ token: z.string().min(1).max(200) });
export const ResetBody = z.object({ password });

export const ProfileBody = z.object({
  name: z.string().trim().min(1).max(120),
  locale: z.enum(['id', 'en']),
  nik: optionalText(40),
});
export const ChangePasswordBody = z.object({ currentPassword: password, password });
export const SessionBody = z.object({ sessionId: z.uuid() });

/** The scope picker posts `kind:id` (or `platform`), one value per option. */
export const InviteBody = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLE_NAMES as [string, ...string[]]),
  scope: z.string().regex(/^(platform|(agency|unit|mall):[0-9a-f-]{36})$/i),
});
export const AcceptBody = z.object({ name: optionalText(120), password: optionalText(1000) });
export const StaffQuery = z.object({ q: optionalText(100), lang: z.string().optional() });
export const GrantParams = z.strictObject({ grantId: z.uuid() });
export const CitizenQuery = z.object({ q: optionalText(254), lang: z.string().optional() });
export const CitizenParams = z.strictObject({ citizenId: z.uuid() });
export const CitizenOpenQuery = z.object({ purpose: z.string().trim().min(3).max(200), lang: z.string().optional() });

export const Me = z.object({
  id: z.uuid(),
  kind: z.enum(['citizen', 'staff']),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(['id', 'en']),
  nik: z.string().nullable().describe('Masked, e.g. 3201**********01'),
  emailVerified: z.boolean(),
  phoneVerified: z.boolean(),
  totpEnabled: z.boolean(),
  grants: z.array(z.object({ role: z.string(), scopeKind: z.string(), scopeId: z.string().nullable() })),
});
