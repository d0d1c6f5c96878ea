/** `satupintu audit verify`: exit 0 on an intact chain, 1 naming the first broken link. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/cli.js';
import { recordAudit } from '../src/modules/audit/index.js';
import { openDatabase } from '../src/platform/db/database.js';

const dir = mkdtempSync(join(tmpdir(), 'satupintu-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
  };
  return { code: await runCli(args, io), stdout, stderr };
}

describe('satupintu audit verify', () => {
  it('exits 0 on an intact chain and 1 naming the event that was altered', async () => {
    const env = { DATA_DIR: join(dir, 'data') };
    expect((await cli(['migrate'], env)).code).toBe(0);

    const database = await openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR });
    for (let i = 1; i <= 3; i++) {
      await database.db.transaction().execute((tx) =>
        recordAudit(tx, {
          actor: { kind: 'system', id: 'cli-test', name: 'test' },
          action: 'portal.feedback.acknowledged',
          subject: { type: 'feedback', id: `f${i}` },
        }),
      );
    }
    await database.close();

    const intact = await cli(['audit', 'verify'], env);
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toContain('Audit chain intact: 3 event(s) verified.');

    const tamper = await openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR });
    await sql`update audit.event set subject_id = 'f-forged' where seq = 2`.execute(tamper.db);
    await tamper.close();

    const broken = await cli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Audit chain broken at event 2: hash-mismatch');
  });
});
