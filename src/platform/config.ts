import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

// The bearer token travels with every request, so only https leaves the machine; plain http is for a local shim.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const textHttpUrl = z.string().refine((v) => {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}, 'must be an https:// URL (plain http:// only for localhost or 127.0.0.1, e.g. a shim on the same machine)');

/** An encryption key for data at rest (see platform/crypto/keyring.ts); its id is written into every token. */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

// The id ends up between the dots of a token, so it may not contain one.
export const DATA_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Standard or URL-safe base64 of exactly 32 bytes; Buffer.from alone would skip stray characters silently. */
function key32(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const key = Buffer.from(text, 'base64');
  return key.length === 32 ? key : undefined;
}

const KEY_HINT = 'base64 of 32 random bytes, e.g. from `openssl rand -base64 32`';

// Problems name the entry by position (and by id once the id is well formed), never by its key.
const dataKeys = z.string().transform((text, ctx): DataKey[] => {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const keys: DataKey[] = [];
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon).trim();
    const key = colon < 0 ? undefined : key32(entry.slice(colon + 1).trim());
    if (!DATA_KEY_ID.test(id)) {
      ctx.addIssue({ code: 'custom', message: `entry ${i + 1} must be keyId:key, the id of letters, digits, - or _ (at most 32)` });
    } else if (!key) {
      ctx.addIssue({ code: 'custom', message: `entry ${i + 1} (key id "${id}"): the key must be ${KEY_HINT}` });
    } else if (keys.some((k) => k.id === id)) {
      ctx.addIssue({ code: 'custom', message: `entry ${i + 1}: key id "${id}" appears twice` });
    } else {
      keys.push({ id, key });
    }
  });
  if (entries.length === 0) ctx.addIssue({ code: 'custom', message: 'needs at least one keyId:key entry' });
  return keys;
});

const dataIndexKey = z.string().transform((text, ctx) => {
  const key = key32(text.trim());
  if (!key) ctx.addIssue({ code: 'custom', message: `must be ${KEY_HINT}` });
  return key ?? Buffer.alloc(0);
});

/**
 * Every setting Satupintu reads from the environment. Defaults give the embedded demo:
 * PGlite in ./data, web and worker in one process, demo data seeded, mail logged.
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // The first key encrypts; the others only decrypt, until the re-encryption has moved every value off them.
  DATA_KEYS: dataKeys.optional(),
  // Blind indexes (HMAC lookups) are not re-keyed by DATA_KEYS rotation: changing this key means recomputing every index.
  DATA_INDEX_KEY: dataIndexKey.optional(),
  TRUST_PROXY: bool.default(false),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_WINDOW: z
    .string()
    .regex(/^\d+ ?(second|minute|hour)s?$/, 'like "1 minute"')
    .default('1 minute'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10_485_760),
  DEFAULT_TIME_ZONE: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).default('Asia/Jakarta'),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Satupintu <no-reply@satupintu.localhost>'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Staff must use an authenticator app (TOTP). Defaults to on in production, off in the demo. */
  STAFF_TOTP_REQUIRED: bool.optional(),
  /** Optional OpenID Connect sign-in for citizens (e.g. a regional SSO); off unless all three are set. */
  OIDC_ISSUER_URL: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).max(60).default('SSO'),
  /** Where uploaded files live (platform/files): a folder (FILES_DIR, default DATA_DIR/files) or an S3-compatible bucket. */
  FILES_BACKEND: z.enum(['local', 's3']).default('local'),
  FILES_DIR: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addresses (endpoint/bucket/key), which MinIO and most S3-compatible servers expect. */
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** How often a published service standard is due for its periodic review (domain.md §1.2: yearly). */
  STANDARDS_REVIEW_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
  /** Who sends SMS/WhatsApp (platform/text): `log` writes them to the log (development); `http` posts them to a JSON gateway. */
  TEXT_SENDER: z.enum(['log', 'http']).default('log'),
  /** For `http`: the gateway's address (https, or http on localhost only), its bearer token, timeout and sender name. */
  TEXT_HTTP_URL: textHttpUrl.optional(),
  TEXT_HTTP_TOKEN: z.string().trim().min(1).optional(),
  TEXT_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  TEXT_HTTP_SENDER_ID: z.string().trim().min(1).max(32).optional(),
  /** Applications tell citizens by SMS or by WhatsApp, besides email. */
  TEXT_CHANNEL: z.enum(['sms', 'whatsapp']).default('sms'),
  /** The unit is warned this many hours before an application's legal due instant (applications.watch-deadlines). */
  APPLICATIONS_WARN_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** An overdue application is escalated to the unit's admins after this many hours (0: as soon as it is overdue). */
  APPLICATIONS_ESCALATE_AFTER_HOURS: z.coerce.number().int().min(0).max(720).default(0),
});

const SECRET_KEYS = new Set([
  'SESSION_SECRET',
  'DATA_KEYS',
  'DATA_INDEX_KEY',
  'DATABASE_URL',
  'SMTP_URL',
  'OIDC_CLIENT_SECRET',
  'S3_SECRET_ACCESS_KEY',
  // Some gateways take their key in the query string.
  'TEXT_HTTP_URL',
  'TEXT_HTTP_TOKEN',
]);

/**
 * Rules that depend on more than one setting. Checked apart from the schema so that they are reported
 * together with every other problem: zod skips an object's refinements once one of its fields fails.
 */
function crossFieldProblems(input: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (input.NODE_ENV === 'production') {
    if (!input.SESSION_SECRET) problems.push('SESSION_SECRET: is required in production');
    if (!input.DATA_KEYS) problems.push('DATA_KEYS: is required in production (keyId:key, the key base64 of 32 bytes)');
    if (!input.DATA_INDEX_KEY) problems.push('DATA_INDEX_KEY: is required in production (base64 of 32 bytes)');
    if (!input.DATABASE_URL) problems.push('DATABASE_URL: is required in production (PGlite is for demos and single-mall pilots)');
  }
  const oidc = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const setOidc = oidc.filter((k) => input[k]);
  if (setOidc.length > 0 && setOidc.length < oidc.length) {
    problems.push(`${oidc.filter((k) => !input[k]).join(', ')}: required when ${setOidc.join(', ')} is set (OIDC sign-in needs all three)`);
  }
  if (input.FILES_BACKEND === 's3' && !input.S3_BUCKET) problems.push('S3_BUCKET: is required when FILES_BACKEND is s3');
  if (!!input.S3_ACCESS_KEY_ID !== !!input.S3_SECRET_ACCESS_KEY) {
    problems.push('S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither (neither: the SDK finds credentials itself)');
  }
  if (input.TEXT_SENDER === 'http') {
    if (!input.TEXT_HTTP_URL) problems.push("TEXT_HTTP_URL: is required when TEXT_SENDER is http (the gateway's https:// address)");
    if (!input.TEXT_HTTP_TOKEN) problems.push('TEXT_HTTP_TOKEN: is required when TEXT_SENDER is http (sent as Authorization: Bearer …)');
  }
  return problems;
}

export type Config = Readonly<
  z.infer<typeof ConfigSchema> & {
    seedDemo: boolean;
    sessionSecret: string;
    /** The first encrypts; all decrypt. */
    dataKeys: readonly DataKey[];
    dataIndexKey: Buffer;
    publicUrl: string;
    logPretty: boolean;
    staffTotpRequired: boolean;
    /** FILES_DIR, or `files` under DATA_DIR. */
    filesDir: string;
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// A fixed demo secret is fine outside production: loadConfig refuses to start production without one.
const DEMO_SECRET = 'satupintu-demo-secret-not-for-production-use-0000';
// Derived from the fixed demo secret, so demo data stays readable whatever SESSION_SECRET a developer sets.
const demoKey = (purpose: string) => Buffer.from(hkdfSync('sha256', DEMO_SECRET, 'satupintu-demo', purpose, 32));

/** Parses the environment once; throws ConfigError naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(ConfigSchema.shape);
  const input = Object.fromEntries(known.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const parsed = ConfigSchema.safeParse(input);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues).map((i) => {
      const key = i.path.join('.') || '(environment)';
      const name = typeof i.path[0] === 'string' ? i.path[0] : undefined;
      // Secrets and URLs with passwords end up in logs when echoed; name them without their value.
      const value = name && !SECRET_KEYS.has(name) ? input[name] : undefined;
      return `${key}: ${i.message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`;
    }),
    ...crossFieldProblems(input),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const c = parsed.data;
  return Object.freeze({
    ...c,
    seedDemo: c.SEED_DEMO ?? !c.DATABASE_URL,
    sessionSecret: c.SESSION_SECRET ?? DEMO_SECRET,
    dataKeys: c.DATA_KEYS ?? [{ id: 'demo', key: demoKey('data-key') }],
    dataIndexKey: c.DATA_INDEX_KEY ?? demoKey('data-index-key'),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    logPretty: c.LOG_PRETTY ?? (process.stdout.isTTY === true && c.NODE_ENV !== 'production'),
    staffTotpRequired: c.STAFF_TOTP_REQUIRED ?? c.NODE_ENV === 'production',
    filesDir: c.FILES_DIR ?? join(c.DATA_DIR, 'files'),
  });
}
