import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to refuse this environment');
}

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64url');
const INDEX_KEY = Buffer.alloc(32, 3).toString('base64');

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://satupintu:rahasia@db.internal:5432/satupintu',
  SESSION_SECRET: 's'.repeat(48),
  DATA_KEYS: `k2026:${KEY_A}`,
  DATA_INDEX_KEY: INDEX_KEY,
};

describe('loadConfig', () => {
  it('gives the embedded demo with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      ROLE: 'all',
      DATA_DIR: './data',
      DEFAULT_TIME_ZONE: 'Asia/Jakarta',
      seedDemo: true,
      publicUrl: 'http://localhost:3000',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(typeof config.logPretty).toBe('boolean');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses numbers, booleans and lists from their text', () => {
    const config = loadConfig({
      PORT: '8080',
      TRUST_PROXY: 'yes',
      SEED_DEMO: '0',
      LOG_PRETTY: 'false',
      RATE_LIMIT_MAX: '50',
      PUBLIC_URL: 'https://layanan.example.go.id/',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      TRUST_PROXY: true,
      seedDemo: false,
      logPretty: false,
      RATE_LIMIT_MAX: 50,
      publicUrl: 'https://layanan.example.go.id',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('does not seed demo data by default when a database server is configured', () => {
    expect(loadConfig({ DATABASE_URL: PRODUCTION.DATABASE_URL }).seedDemo).toBe(false);
  });

  it('throws one ConfigError naming every wrong value', () => {
    const problems = problemsOf({
      PORT: 'delapan',
      LOG_LEVEL: 'loud',
      ROLE: 'cron',
      DATABASE_URL: 'mysql://x@y/z',
      RATE_LIMIT_WINDOW: 'sebentar',
      DEFAULT_TIME_ZONE: 'Asia/Singapore',
    });
    const keys = problems.map((p) => p.split(':')[0]).sort();
    expect(keys).toEqual(['DATABASE_URL', 'DEFAULT_TIME_ZONE', 'LOG_LEVEL', 'PORT', 'RATE_LIMIT_WINDOW', 'ROLE']);
  });

  it('reports the production rules together with the other problems', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: 'delapan' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'DATA_INDEX_KEY', 'DATA_KEYS', 'PORT', 'SESSION_SECRET']);
  });

  it('refuses production without SESSION_SECRET', () => {
    const { SESSION_SECRET: _omitted, ...env } = PRODUCTION;
    expect(problemsOf(env).map((p) => p.split(':')[0])).toEqual(['SESSION_SECRET']);
  });

  it('refuses production without DATABASE_URL (PGlite is for demos)', () => {
    const { DATABASE_URL: _omitted, ...env } = PRODUCTION;
    expect(problemsOf(env).map((p) => p.split(':')[0])).toEqual(['DATABASE_URL']);
  });

  it('refuses production without DATA_KEYS or DATA_INDEX_KEY', () => {
    const { DATA_KEYS: _keys, DATA_INDEX_KEY: _index, ...env } = PRODUCTION;
    expect(problemsOf(env).map((p) => p.split(':')[0])).toEqual(['DATA_KEYS', 'DATA_INDEX_KEY']);
  });

  it('accepts production with all of them', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({ NODE_ENV: 'production', seedDemo: false, logPretty: false });
  });

  it('never echoes a secret or a database password in its problems', () => {
    const problems = problemsOf({
      SESSION_SECRET: 'pendek-rahasia',
      DATABASE_URL: 'mysql://root:sandi-rahasia@db/x',
      SMTP_URL: 'http://u:sandi-smtp@mail',
    });
    expect(problems).toHaveLength(3);
    const text = problems.join('\n');
    for (const secret of ['pendek-rahasia', 'sandi-rahasia', 'sandi-smtp']) expect(text).not.toContain(secret);
  });

  it('derives fixed demo data keys outside production when none are set', () => {
    const config = loadConfig({});
    expect(config.dataKeys.map((k) => k.id)).toEqual(['demo']);
    expect(config.dataKeys[0]!.key).toHaveLength(32);
    expect(config.dataIndexKey).toHaveLength(32);
    expect(config.dataIndexKey.equals(config.dataKeys[0]!.key)).toBe(false);
    // Fixed, so demo data encrypted in one run is readable in the next, whatever SESSION_SECRET says.
    const again = loadConfig({ SESSION_SECRET: 'x'.repeat(40) });
    expect(again.dataKeys[0]!.key.equals(config.dataKeys[0]!.key)).toBe(true);
    expect(again.dataIndexKey.equals(config.dataIndexKey)).toBe(true);
  });

  it('parses DATA_KEYS in order, the first being the current key, in base64 or base64url', () => {
    const config = loadConfig({ DATA_KEYS: ` k2026:${KEY_B} , k2025:${KEY_A},`, DATA_INDEX_KEY: INDEX_KEY });
    expect(config.dataKeys.map((k) => k.id)).toEqual(['k2026', 'k2025']);
    expect(config.dataKeys[0]!.key.equals(Buffer.alloc(32, 2))).toBe(true);
    expect(config.dataKeys[1]!.key.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(config.dataIndexKey.equals(Buffer.alloc(32, 3))).toBe(true);
  });

  it('names a wrong data key by variable and entry without echoing it', () => {
    const short = Buffer.alloc(16, 9).toString('base64');
    const problems = problemsOf({
      DATA_KEYS: `${KEY_A},k1:${short},k2:${KEY_B},k2:${KEY_A},bad.id:${KEY_B}`,
      DATA_INDEX_KEY: short,
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['DATA_KEYS', 'DATA_KEYS', 'DATA_KEYS', 'DATA_KEYS', 'DATA_INDEX_KEY']);
    expect(problems[0]).toContain('entry 1 ');
    expect(problems[1]).toContain('entry 2 (key id "k1")');
    expect(problems[2]).toContain('"k2" appears twice');
    expect(problems[3]).toContain('entry 5 ');
    const text = problems.join('\n');
    for (const secret of [KEY_A, KEY_B, short]) expect(text).not.toContain(secret);
  });

  it('refuses a DATA_KEYS with no entry', () => {
    expect(problemsOf({ DATA_KEYS: ' , ' })).toEqual(['DATA_KEYS: needs at least one keyId:key entry']);
  });

  describe('TEXT_SENDER=http', () => {
    const TOKEN = 'tok-rahasia-9f2c1d7e5b';

    it('takes the gateway address, token, timeout (10 s by default) and sender id', () => {
      expect(
        loadConfig({ TEXT_SENDER: 'http', TEXT_HTTP_URL: 'https://sms.example.co.id/v1/messages', TEXT_HTTP_TOKEN: TOKEN }),
      ).toMatchObject({
        TEXT_SENDER: 'http',
        TEXT_HTTP_URL: 'https://sms.example.co.id/v1/messages',
        TEXT_HTTP_TOKEN: TOKEN,
        TEXT_HTTP_TIMEOUT_MS: 10_000,
      });
      const config = loadConfig({
        TEXT_SENDER: 'http',
        TEXT_HTTP_URL: 'http://127.0.0.1:8089/send',
        TEXT_HTTP_TOKEN: TOKEN,
        TEXT_HTTP_TIMEOUT_MS: '2500',
        TEXT_HTTP_SENDER_ID: 'SATUPINTU',
      });
      expect(config).toMatchObject({ TEXT_HTTP_TIMEOUT_MS: 2500, TEXT_HTTP_SENDER_ID: 'SATUPINTU' });
      expect(loadConfig({ TEXT_SENDER: 'http', TEXT_HTTP_URL: 'http://localhost/send', TEXT_HTTP_TOKEN: TOKEN }).TEXT_HTTP_URL).toBe(
        'http://localhost/send',
      );
    });

    it('refuses it without a gateway address or token, naming both', () => {
      expect(problemsOf({ TEXT_SENDER: 'http' })).toEqual([
        "TEXT_HTTP_URL: is required when TEXT_SENDER is http (the gateway's https:// address)",
        'TEXT_HTTP_TOKEN: is required when TEXT_SENDER is http (sent as Authorization: Bearer …)',
      ]);
    });

    it('refuses a plain-http address off this machine, or no URL at all, without echoing it or the token', () => {
      for (const url of ['http://sms.example.co.id/v1/messages?key=rahasia-di-url', 'sms.example.co.id', 'ftp://localhost/x']) {
        const problems = problemsOf({ TEXT_SENDER: 'http', TEXT_HTTP_URL: url, TEXT_HTTP_TOKEN: TOKEN });
        expect(problems).toEqual([
          'TEXT_HTTP_URL: must be an https:// URL (plain http:// only for localhost or 127.0.0.1, e.g. a shim on the same machine)',
        ]);
      }
    });

    it('refuses an unknown sender and a timeout out of range', () => {
      const problems = problemsOf({ TEXT_SENDER: 'twilio', TEXT_HTTP_TIMEOUT_MS: '5' });
      expect(problems.map((p) => p.split(':')[0])).toEqual(['TEXT_SENDER', 'TEXT_HTTP_TIMEOUT_MS']);
    });
  });

  it('shows the offending value of an ordinary setting', () => {
    expect(problemsOf({ PORT: 'delapan' })[0]).toContain('"delapan"');
  });
});
