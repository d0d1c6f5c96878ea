/**
 * `satupintu staff create-admin` and `satupintu keys reencrypt` as real processes, as an operator runs
 * them on a fresh install and during a DATA_KEYS rotation.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../src/platform/access/access.js';
import { KeyRing } from '../src/platform/crypto/keyring.js';
import { openDatabase } from '../src/platform/db/database.js';
import { ROOT_DIR } from '../src/platform/paths.js';
import { actorForToken, createVerifiedAccount, signIn, updateProfile } from '../src/modules/identity/identity.service.js';
import { importRegions } from '../src/modules/organizations/index.js';
import { RecordingSmsSender } from '../src/modules/identity/index.js';
import { testConfig } from './support/app.js';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'satupintu-identity-cli-'));
  dirs.push(dir);
  return join(dir, 'data');
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const STRONG = 'kopi tubruk di teras rumah nenek';
const b64 = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const K1 = `k1:${b64(1)}`;
const K2 = `k2:${b64(2)}`;
const INDEX = b64(9);

/** Runs `satupintu` as a real process with `input` on its stdin (a pipe, not a terminal). */
function satupintu(args: string[], env: Record<string, string>, input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: ROOT_DIR, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

/** Opens the PGlite data directory between two commands (PGlite is one process at a time). */
async function withDatabase<T>(dir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

describe('satupintu staff create-admin', () => {
  const create = (env: Record<string, string>, input: string, extra: string[] = ['--password-stdin']) =>
    satupintu(['staff', 'create-admin', '--email', 'Ratna@Pemda.go.id', '--name', 'Ratna Sari Dewi', ...extra], env, input);

  it('creates a platform admin on a fresh install from a password on stdin, who can then sign in', { timeout: 120_000 }, async () => {
    const env = { DATA_DIR: dataDir(), PUBLIC_URL: 'https://layanan.example.go.id', STAFF_TOTP_REQUIRED: 'true' };
    const created = await create(env, `${STRONG}\n`);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(
      'Created platform admin Ratna Sari Dewi <ratna@pemda.go.id>. Sign in at https://layanan.example.go.id/masuk; the first sign-in sets up an authenticator app.',
    );

    await withDatabase(env.DATA_DIR, async (db) => {
      const config = testConfig();
      const ctx = { db, config, keys: new KeyRing(config), sms: new RecordingSmsSender(), actor: ANONYMOUS, locale: 'id' as const };
      const session = await signIn(ctx, { identifier: 'ratna@pemda.go.id', password: STRONG });
      expect(await actorForToken(db, session.token)).toMatchObject({
        kind: 'staff',
        name: 'Ratna Sari Dewi',
        grants: [{ role: 'platform_admin', scope: { kind: 'platform' } }],
      });
    });

    // Piped without the flag works the same; the address is taken now.
    const again = await create(env, `${STRONG}\n`, []);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('satupintu: an account with ratna@pemda.go.id already exists; nothing was changed\n');
  });

  it('refuses a weak password with the reasons, and creates nothing', { timeout: 120_000 }, async () => {
    const env = { DATA_DIR: dataDir() };
    const weak = await create(env, 'ratna123\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('the password is too weak');
    expect(weak.stderr).toContain('The password must be at least 10 characters');
    expect(weak.stderr).toContain('Do not use your name or email address in the password');
    expect(existsSync(env.DATA_DIR)).toBe(false);

    const empty = await create(env, '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no password on stdin');
  });

  it('treats a missing or malformed option as a usage error, and explains itself with --help', async () => {
    const env = { DATA_DIR: dataDir() };
    const noName = await satupintu(['staff', 'create-admin', '--email', 'a@b.go.id'], env, `${STRONG}\n`);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("required option '--name <name>' not specified");
    const badEmail = await satupintu(['staff', 'create-admin', '--email', 'ratna', '--name', 'Ratna'], env, `${STRONG}\n`);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('--email: "ratna" is not an email address');

    const help = await satupintu(['staff', 'create-admin', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: satupintu staff create-admin');
    expect(help.stdout).toContain('--password-stdin');
  });
});

describe('satupintu keys reencrypt', () => {
  it('moves every stored NIK to the first key of DATA_KEYS; a second run finds nothing to do', { timeout: 180_000 }, async () => {
    const dir = dataDir();
    const before = { DATA_DIR: dir, DATA_KEYS: K1, DATA_INDEX_KEY: INDEX };
    expect((await satupintu(['migrate'], before)).code).toBe(0);
    await withDatabase(dir, async (db) => {
      const config = testConfig({ DATA_KEYS: K1, DATA_INDEX_KEY: INDEX });
      await importRegions(
        { db },
        [
          { code: '51', name: 'BALI', parentCode: null },
          { code: '51.03', name: 'KABUPATEN BADUNG', parentCode: '51' },
          { code: '51.03.02', name: 'Mengwi', parentCode: '51.03' },
        ],
        { sourceVersion: 'test@1' },
      );
      for (const [email, nik] of [
        ['ayu@contoh.id', '5103024506900001'],
        ['wayan@contoh.id', '5103021203850002'],
      ] as const) {
        const { accountId } = await createVerifiedAccount(db, { kind: 'citizen', email, name: 'Warga', password: STRONG });
        const actor = { kind: 'citizen' as const, id: accountId, name: 'Warga', sessionId: 'cli-test' };
        await updateProfile(
          { db, config, keys: new KeyRing(config), sms: new RecordingSmsSender(), actor, locale: 'id' },
          { name: 'Warga', locale: 'id', nik },
        );
      }
    });

    // The old key left out too early: the command stops and names the key it lacks.
    const early = await satupintu(['keys', 'reencrypt'], { ...before, DATA_KEYS: K2 });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('unknown_key (key id "k1")');

    const rotating = { ...before, DATA_KEYS: `${K2},${K1}` };
    const first = await satupintu(['keys', 'reencrypt'], rotating);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Scanned 2 account(s) with encrypted data; re-encrypted 2 under key "k2".');
    expect(first.stdout).toContain('Nothing is stored under "k1" any more: it can be removed from DATA_KEYS.');

    const second = await satupintu(['keys', 'reencrypt'], rotating);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Scanned 2 account(s) with encrypted data; re-encrypted 0 under key "k2".');

    const stored = await withDatabase(dir, (db) =>
      sql<{ nik: string }>`select nik_ciphertext as nik from identity.account where nik_ciphertext is not null`.execute(db),
    );
    expect(stored.rows.map((r) => r.nik.split('.')[1])).toEqual(['k2', 'k2']);
  });

  it('exits 78 when DATA_KEYS is malformed, before touching the database', async () => {
    const result = await satupintu(['keys', 'reencrypt'], { DATA_DIR: dataDir(), DATA_KEYS: 'k2:too-short' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('DATA_KEYS: entry 1 (key id "k2"): the key must be base64 of 32 random bytes');
  });
});
