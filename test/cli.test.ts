import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/cli.js';
import { serve } from '../src/main.js';
import { loadConfig } from '../src/platform/config.js';
import { ROOT_DIR } from '../src/platform/paths.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'satupintu-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Only what the command needs: a developer's own DATABASE_URL or ROLE must not leak into the test.
const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn' });

/** Runs `satupintu` as a real process, as a script would, and reports its exit code. */
function satupintu(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: ROOT_DIR, env: { ...baseEnv(), ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs a command line in this process, capturing what it prints. */
async function inProcess(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    env: { ...baseEnv(), ...env },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('satupintu (process exit codes)', () => {
  it('exits 78 and names every problem when the configuration is invalid', async () => {
    const result = await satupintu(['migrate'], { PORT: 'eighty', LOG_LEVEL: 'loud', DATA_DIR: tempDir() });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT:.*"eighty"/);
    expect(result.stderr).toContain('LOG_LEVEL');
  });

  it('exits 2 on an unknown command', async () => {
    const result = await satupintu(['launch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'launch'");
  });

  it('migrates a fresh data directory and exits 0; a second run finds nothing to do', async () => {
    const env = { DATA_DIR: join(tempDir(), 'data') };
    const first = await satupintu(['migrate'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    const second = await inProcess(['migrate'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Database is up to date');
  });
});

describe('satupintu (commands)', () => {
  it('prints the package version', async () => {
    const result = await inProcess(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  it.each([[[]], [['serve']], [['worker']], [['migrate']], [['seed']]])('shows help for %j with --help and exits 0', async (command) => {
    const result = await inProcess([...command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: satupintu');
  });

  it('treats usage mistakes as exit code 2', async () => {
    expect((await inProcess([])).code).toBe(2);
    expect((await inProcess(['migrate', '--fast'])).code).toBe(2);
    expect((await inProcess(['serve', '--role', 'everything'])).code).toBe(2);
    const seed = await inProcess(['seed']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--demo');
  });

  it('exits 1 on a runtime failure', async () => {
    // A data directory that is a file cannot be opened.
    const file = join(tempDir(), 'not-a-dir');
    await import('node:fs').then((fs) => fs.writeFileSync(file, 'x'));
    const result = await inProcess(['migrate'], { DATA_DIR: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^satupintu: /);
  });

  it('seeds the demo once; a second run keeps the data and says so', async () => {
    const env = { DATA_DIR: join(tempDir(), 'data') };
    const first = await inProcess(['seed', '--demo'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Seeded [1-9]\d* demo record/);
    const second = await inProcess(['seed', '--demo'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Demo data already present');
  });
});

describe('serve', () => {
  it('seeds the demo on first start, reuses it on the second, and prints the URL and logins', async () => {
    const env = { ...baseEnv(), DATA_DIR: join(tempDir(), 'data'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    const banners: string[] = [];
    for (let start = 0; start < 2; start++) {
      const running = await serve(loadConfig(env), { handleSignals: false, print: (text) => void banners.push(text) });
      try {
        expect(running.url).toMatch(/^http:\/\/localhost:\d+$/);
        const page = await fetch(`http://127.0.0.1:${new URL(running.url!).port}/`);
        expect(page.status).toBe(200);
      } finally {
        await running.stop();
      }
    }
    expect(banners[0]).toMatch(/Demo data\s+seeded \(\d+ records\)/);
    expect(banners[1]).toMatch(/Demo data\s+already seeded, reused/);
    for (const banner of banners) {
      expect(banner).toContain('Open        http://localhost:');
      // One login per role, the same on the second start, with the password to type.
      for (const role of [
        'platform_admin',
        'mall_manager',
        'agency_admin',
        'unit_admin',
        'counter_officer',
        'processor',
        'complaint_handler',
        'evaluator',
        'auditor',
        'citizen',
      ]) {
        expect(banner).toMatch(new RegExp(`\\n\\s+${role}\\s+\\S+@\\S+\\s+pelayanan-prima-2026\\n`));
      }
    }
  });
});
