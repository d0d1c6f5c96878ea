import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'satupintu-regions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function satupintu(args: string[]) {
  let stdout = '';
  const io: CliIo = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: () => true },
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', DATA_DIR: dir },
  };
  return { code: await runCli(args, io), stdout };
}

describe('satupintu regions import', () => {
  it('imports provinces, regencies and districts, then finds nothing to change on a second run', async () => {
    const first = await satupintu(['regions', 'import']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Regions from idn-area-data@[\d.]+: 7829 added, 0 updated, 0 unchanged\./);
    const second = await satupintu(['regions', 'import']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(': 0 added, 0 updated, 7829 unchanged.');
  }, 60_000);
});
