/**
 * The `satupintu` command. Exit codes scripts can rely on: 0 ok, 1 runtime failure (or a broken audit chain), 2 usage error,
 * 78 invalid configuration (EX_CONFIG from sysexits.h).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { Command, CommanderError, Option } from 'commander';
import { runSeed, serve, runMigrations, type Progress, type ProgressFactory } from './main.js';
import { verifyAuditChain } from './modules/audit/index.js';
import { checkPasswordStrength, createVerifiedAccount, reencryptAccountSecrets } from './modules/identity/index.js';
import { importRegions, loadRegionSource } from './modules/organizations/index.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { KeyRing } from './platform/crypto/keyring.js';
import { databaseOptionsFromConfig, openDatabase } from './platform/db/database.js';
import { lookupMessage } from './platform/i18n/catalog.js';
import { createLogger } from './platform/log.js';
import { ROOT_DIR } from './platform/paths.js';

export const EXIT = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };
type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /** Where secrets are read from (a password); process.stdin when absent. */
  stdin?: Input;
}

/** Raised by an action for a usage mistake commander cannot see (e.g. `seed` without `--demo`). */
class UsageError extends Error {}

/** A bar on a terminal; plain lines when the output is a file or a pipe, so logs stay readable. */
export function progressFor(out: Output): ProgressFactory {
  if (out.isTTY) {
    return (title) => {
      let bar: cliProgress.SingleBar | undefined;
      return {
        update(done, total, label = '') {
          if (total === 0) return;
          if (!bar) {
            bar = new cliProgress.SingleBar(
              { format: `${title.padEnd(20)} [{bar}] {value}/{total} {label}`, stream: out as NodeJS.WritableStream, hideCursor: true },
              cliProgress.Presets.shades_classic,
            );
            bar.start(total, done, { label });
          } else {
            bar.update(done, { label });
          }
        },
        finish() {
          bar?.stop();
        },
      };
    };
  }
  return (title): Progress => {
    let last = '';
    return {
      // One line per new step label, and one at the end: enough to follow in a log without a line per item.
      update(done, total, label) {
        if (total === 0) return;
        const key = done === total ? 'end' : (label ?? '');
        if (key === last) return;
        last = key;
        out.write(`${title}: ${done}/${total}${done < total && label ? ` ${label}` : ''}\n`);
      },
      finish() {},
    };
  };
}

/** Reads a line typed on a terminal without echoing it. Ctrl-C cancels. */
function promptHidden(input: Input, out: Output, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const end = (outcome: () => void) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      out.write('\n');
      outcome();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return end(() => resolve(typed));
        if (ch === '\u0003') return end(() => reject(new Error('cancelled')));
        typed = ch === '\u007f' || ch === '\b' ? [...typed].slice(0, -1).join('') : typed + ch;
      }
    };
    out.write(question);
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
  });
}

/**
 * A password never comes from argv, where it would land in shell history and `ps`: on a terminal it is
 * typed twice without echo, otherwise (or with `--password-stdin`) it is the first line of stdin.
 */
async function readPassword(io: CliIo, fromStdin: boolean): Promise<string> {
  const input = io.stdin ?? process.stdin;
  if (!fromStdin && input.isTTY) {
    const password = await promptHidden(input, io.stderr, 'Password: ');
    if ((await promptHidden(input, io.stderr, 'Password again: ')) !== password) throw new UsageError('the two passwords differ');
    return password;
  }
  let text = '';
  for await (const chunk of input) text += String(chunk);
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new UsageError('no password on stdin (pipe it in, e.g. from a password manager)');
  return password;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

function buildProgram(io: CliIo, result: { code: number }): Command {
  const config = (overrides: Record<string, string> = {}): Config => loadConfig({ ...io.env, ...overrides });
  const progress = progressFor(io.stdout);
  // One-shot commands print their own summary; routine info logs would only repeat it.
  const quiet = (cfg: Config): Config => (io.env.LOG_LEVEL ? cfg : { ...cfg, LOG_LEVEL: 'warn' });

  const program = new Command('satupintu')
    .description('Satupintu: Indonesian public-service delivery, run by the published service standard')
    .version(readVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError('(run "satupintu --help" for usage)')
    .addHelpText(
      'after',
      `
Configuration comes from environment variables (see docs/ARCHITECTURE.md and src/platform/config.ts);
with none set, Satupintu runs the demo on embedded PGlite in ./data.

Exit codes: 0 ok, 1 runtime failure (or a broken audit chain), 2 usage error, 78 invalid configuration.`,
    );

  program
    .command('serve')
    .description('migrate, then start the web server and/or worker (ROLE: all, web or worker; the demo seeds itself)')
    .addOption(new Option('-r, --role <role>', 'which roles this process runs (overrides ROLE)').choices(['all', 'web', 'worker']))
    .action(async (options: { role?: string }) => {
      await serve(config(options.role ? { ROLE: options.role } : {}), { progress });
      result.code = EXIT.ok;
    });

  program
    .command('worker')
    .description('migrate, then run background jobs and deliver events (same as serve --role worker)')
    .action(async () => {
      await serve(config({ ROLE: 'worker' }), { progress });
      result.code = EXIT.ok;
    });

  program
    .command('migrate')
    .description('apply pending database migrations, all in one transaction')
    .action(async () => {
      const cfg = config();
      const database = await openDatabase(databaseOptionsFromConfig(cfg));
      try {
        const migrated = await runMigrations(database, createLogger(quiet(cfg)), progress);
        io.stdout.write(
          migrated.applied.length > 0
            ? `Applied ${migrated.applied.length} migration(s); ${migrated.alreadyApplied} were already applied.\n`
            : `Database is up to date (${migrated.alreadyApplied} migrations applied).\n`,
        );
      } finally {
        await database.close();
      }
      result.code = EXIT.ok;
    });

  const regions = program.command('regions').description('Kemendagri region codes (provinces to villages)');
  regions
    .command('import')
    .description('import regions from idn-area-data, down to districts (idempotent: unchanged rows are left alone)')
    .option('--villages', 'also import the ~84,000 villages (desa/kelurahan); takes longer')
    .action(async (options: { villages?: boolean }) => {
      const cfg = config();
      const database = await openDatabase(databaseOptionsFromConfig(cfg));
      try {
        await runMigrations(database, createLogger(quiet(cfg)), progress);
        const rows = await loadRegionSource({ villages: Boolean(options.villages) });
        const bar = progress('Importing regions');
        const imported = await importRegions({ db: database.db }, rows, { progress: (done, total) => bar.update(done, total) });
        bar.finish();
        io.stdout.write(
          `Regions from ${imported.sourceVersion}: ${imported.inserted} added, ${imported.updated} updated, ${imported.unchanged} unchanged.\n`,
        );
      } finally {
        await database.close();
      }
      result.code = EXIT.ok;
    });

  program
    .command('seed')
    .description('migrate, then load demo data through the services (idempotent: existing demo data is kept)')
    .option('--demo', 'load the demo data set')
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) throw new UsageError('nothing to seed: pass --demo to load the demo data set');
      const summary = await runSeed(quiet(config()), { progress });
      io.stdout.write(summary.created > 0 ? `Seeded ${summary.created} demo record(s).\n` : 'Demo data already present; nothing to do.\n');
      if (summary.logins.length === 0) io.stdout.write('Demo logins: none yet (accounts arrive with the identity module)\n');
      for (const login of summary.logins) io.stdout.write(`  ${login.role}: ${login.email} / ${login.password}\n`);
      result.code = EXIT.ok;
    });

  program
    .command('keys')
    .description('the keys that encrypt personal data at rest (DATA_KEYS)')
    .command('reencrypt')
    .description('re-encrypt stored personal data under the first key of DATA_KEYS, so older keys can be dropped (idempotent)')
    .action(async () => {
      const cfg = config();
      const keys = new KeyRing(cfg);
      const database = await openDatabase(databaseOptionsFromConfig(cfg));
      try {
        const bar = progress('keys reencrypt');
        const done = await reencryptAccountSecrets(database.db, keys, (scanned, total) => bar.update(scanned, total));
        bar.finish();
        io.stdout.write(
          `Scanned ${done.scanned} account(s) with encrypted data; re-encrypted ${done.rewritten} under key "${keys.currentKeyId}".\n`,
        );
        const older = cfg.dataKeys.slice(1).map((k) => `"${k.id}"`);
        if (older.length > 0) io.stdout.write(`Nothing is stored under ${older.join(', ')} any more: it can be removed from DATA_KEYS.\n`);
      } finally {
        await database.close();
      }
      result.code = EXIT.ok;
    });

  program
    .command('staff')
    .description('staff accounts')
    .command('create-admin')
    .description('create a platform admin, e.g. the first one of a fresh install; the password is read from stdin, never from argv')
    .requiredOption('--email <email>', 'their email address, which they sign in with')
    .requiredOption('--name <name>', 'their full name, as colleagues and the audit trail will show it')
    .option('--password-stdin', 'read the password from the first line of stdin even on a terminal (no prompt)')
    .addHelpText(
      'after',
      '\nExample: pass show satupintu/admin | satupintu staff create-admin --email a@b.go.id --name "Ratna Sari" --password-stdin',
    )
    .action(async (options: { email: string; name: string; passwordStdin?: boolean }) => {
      const email = options.email.trim().toLowerCase();
      const name = options.name.trim();
      if (!EMAIL.test(email) || email.length > 254) throw new UsageError(`--email: "${options.email}" is not an email address`);
      if (name.length === 0 || name.length > 120) throw new UsageError('--name: must be 1 to 120 characters');
      const cfg = config();
      const password = await readPassword(io, Boolean(options.passwordStdin));
      const verdict = checkPasswordStrength(password, { email, name });
      if (!verdict.ok) {
        const reasons = verdict.reasons.map((r) => `  - ${lookupMessage(`identity.password.${r}`, 'en') ?? r}`);
        throw new UsageError(`the password is too weak:\n${reasons.join('\n')}`);
      }
      const database = await openDatabase(databaseOptionsFromConfig(cfg));
      try {
        await runMigrations(database, createLogger(quiet(cfg)), progress);
        const admin = await createVerifiedAccount(database.db, {
          kind: 'staff',
          email,
          name,
          password,
          grants: [{ role: 'platform_admin', scopeKind: 'platform' }],
        });
        if (!admin.created) {
          io.stderr.write(`satupintu: an account with ${email} already exists; nothing was changed\n`);
          result.code = EXIT.failure;
          return;
        }
        const totp = cfg.staffTotpRequired ? '; the first sign-in sets up an authenticator app' : '';
        io.stdout.write(`Created platform admin ${name} <${email}>. Sign in at ${cfg.publicUrl}/masuk${totp}.\n`);
      } finally {
        await database.close();
      }
      result.code = EXIT.ok;
    });

  program
    .command('audit')
    .description('audit trail tools')
    .command('verify')
    .description('walk the hash-chained audit trail and name the first broken link (exit 1 when broken)')
    .action(async () => {
      const database = await openDatabase(databaseOptionsFromConfig(config()));
      try {
        const bar = progress('audit verify');
        const verdict = await verifyAuditChain(database.db, { onProgress: (done, total) => bar.update(done, total) });
        bar.finish();
        if (verdict.ok) {
          io.stdout.write(`Audit chain intact: ${verdict.checked} event(s) verified.\n`);
          result.code = EXIT.ok;
        } else {
          io.stdout.write(
            `Audit chain broken at event ${verdict.seq}: ${verdict.reason} (${verdict.detail}); ${verdict.checked} event(s) before it verified.\n`,
          );
          result.code = EXIT.failure;
        }
      } finally {
        await database.close();
      }
    });

  return program;
}

/** Runs one command line and resolves to its exit code. `serve` and `worker` resolve once started. */
export async function runCli(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const result = { code: EXIT.ok as number };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.config;
    }
    io.stderr.write(`satupintu: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.LOG_LEVEL === 'debug' || io.env.LOG_LEVEL === 'trace') io.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.failure;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const code = await runCli(process.argv.slice(2));
  // serve/worker keep running on their own; one-shot commands end here with their code.
  process.exitCode = code;
}
