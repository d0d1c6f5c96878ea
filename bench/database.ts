/**
 * The database a bench run talks to, made for the run and removed after it: PGlite in a temporary
 * data directory, or a scratch database `sp_bench_<random>` on a PostgreSQL server (never an existing
 * database), and the feedback rows the JSON read counts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { submitFeedback } from '../src/modules/portal/index.js';
import type { Database } from '../src/platform/db/database.js';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  kind: 'pglite' | 'postgres';
  /** Environment for loadConfig(): DATA_DIR for PGlite, DATABASE_URL for the scratch database. */
  env: Record<string, string>;
  /** Shown in the report; never contains a password. */
  label: string;
  /** Removes the data directory or drops the scratch database. Safe to call twice. */
  remove(): Promise<void>;
}

export function createPgliteDir(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'sp-bench-pglite-'));
  let removed = false;
  return {
    kind: 'pglite',
    env: { DATA_DIR: dir },
    label: `PGlite, data dir ${dir}`,
    async remove() {
      if (removed) return;
      removed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const withoutPassword = (url: URL) => {
  const copy = new URL(url);
  if (copy.password) copy.password = '***';
  return copy.toString();
};

/** Creates `sp_bench_<random>` on the server named by `serverUrl` (its own database is only used to connect). */
export async function createScratchPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `sp_bench_${randomBytes(5).toString('hex')}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl, application_name: 'satupintu-bench-admin' });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  // The name is generated above from hex digits, so interpolating it is safe.
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let removed = false;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    label: `PostgreSQL scratch database ${withoutPassword(url)}`,
    async remove() {
      if (removed) return;
      removed = true;
      // FORCE (PostgreSQL 13+) ends any connection a crashed run left behind.
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export async function serverVersion(database: Database): Promise<string> {
  const row = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db);
  return row.rows[0]?.v ?? 'unknown';
}

// A small deterministic generator, so every run seeds the same texts.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const KINDS = ['barrier', 'barrier', 'barrier', 'content', 'content', 'suggestion', 'other'] as const;
const PAGES = ['/', '/aksesibilitas', '/layanan/ktp', '/layanan/akta-kelahiran', '/antrean', '/layanan/izin-usaha'];
const SENTENCES = [
  'Tombol kirim tidak bisa dijangkau dengan keyboard saja.',
  'Pembaca layar tidak membacakan label pada kolom tanggal lahir.',
  'Kontras teks abu-abu di halaman antrean terlalu rendah.',
  'Informasi persyaratan berbeda dengan yang disampaikan petugas loket.',
  'Mohon tambahkan versi bahasa daerah untuk pengumuman jam layanan.',
  'The error message disappears before I can read it.',
  'Video tutorial tidak memiliki teks terjemahan.',
  'Halaman terlalu berat dibuka di ponsel dengan sinyal lemah.',
  'Please add the fee for each service next to its name.',
  'Formulir kehilangan isian saat saya kembali ke langkah sebelumnya.',
];

/**
 * Seeds `rows` feedback reports through the real service (each one a transaction with its outbox
 * event), then spreads them over half a year and over the handling statuses as staff would, and
 * vacuums, so the JSON read sees a settled table (PGlite has no autovacuum).
 */
export async function seedFeedback(database: Database, rows: number): Promise<void> {
  const random = mulberry32(20_261_122);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const inputs = Array.from({ length: rows }, (_, i) => {
    const sentences = 1 + Math.floor(random() * 4);
    return {
      kind: pick(KINDS),
      pageUrl: random() < 0.7 ? `https://satupintu.example.go.id${pick(PAGES)}` : undefined,
      message: Array.from({ length: sentences }, () => pick(SENTENCES)).join(' '),
      contactEmail: random() < 0.3 ? `warga${i}@example.id` : undefined,
      locale: random() < 0.85 ? ('id' as const) : ('en' as const),
    };
  });
  // PGlite runs one statement at a time anyway; a server takes a few writers at once.
  const writers = database.kind === 'postgres' ? 8 : 1;
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < inputs.length) {
        const { locale, ...input } = inputs[next++]!;
        await submitFeedback({ db: database.db, locale, requestId: `bench-seed-${next}` }, input);
      }
    }),
  );
  await sql`update portal.feedback set
      status = case when random() < 0.55 then 'resolved' when random() < 0.6 then 'acknowledged' else 'new' end,
      created_at = now() - random() * interval '180 days'`.execute(database.db);
  await sql`vacuum analyze portal.feedback`.execute(database.db);
  await sql`vacuum analyze platform.outbox`.execute(database.db);
}
