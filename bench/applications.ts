/**
 * `npm run bench -- --suite applications [--db postgres]`: applications submitted per second (each with two
 * 20 KB uploads) and the public tracking read, each as a ratio to `/healthz` measured before and after in
 * the same run. The issue's goal: the JSON tracking read keeps at least half the health route's throughput.
 *
 * The tracking read is loaded like every other target (bench/load.ts, a separate process, autocannon),
 * rotating over the tracking numbers of the applications submitted beforehand. A submission is five
 * requests of one citizen (start a draft, save the answers, upload two documents as multipart, submit), so
 * it is driven from this process by `connections` citizens in a loop, each signed in through the
 * `x-bench-citizen` header (the bench's actor resolver, as the tests' is); the client's own work shares the
 * app's event loop, which makes the submission rate a little pessimistic.
 */
import { createHistogram, performance } from 'node:perf_hooks';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { birthAnswers, buildApplyFixture, FILES, submittedApplication } from '../src/modules/applications/applications.test-support.js';
import { ANONYMOUS, type Actor } from '../src/platform/access/access.js';
import { loadConfig } from '../src/platform/config.js';
import { databaseOptionsFromConfig, openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { createLogger } from '../src/platform/log.js';
import { createPgliteDir, createScratchPostgres } from './database.js';
import type { Measurement, Target } from './run.js';

export interface ApplicationsSuiteOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  db: 'pglite' | 'postgres';
  serverUrl: string;
  /** Applications submitted before measuring, whose numbers the tracking read rotates over. */
  tracked: number;
}

export interface SuiteHelpers {
  measure: (target: Target) => Promise<Measurement>;
  table: (rows: string[][]) => string;
  onCleanup: (step: () => Promise<unknown>) => void;
}

/** A real PDF header and trailer padded to 20 KB with a PDF comment: accepted by content as application/pdf. */
const PDF_20KB = Buffer.concat([FILES.pdf, Buffer.from(`%${'x'.repeat(20 * 1024 - FILES.pdf.length - 2)}\n`)]);

function multipart(file: Buffer, name: string) {
  const boundary = `----satupintu-bench-${Math.random().toString(36).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

export async function runApplicationsSuite(options: ApplicationsSuiteOptions, helpers: SuiteHelpers): Promise<void> {
  const benchDb = options.db === 'postgres' ? await createScratchPostgres(options.serverUrl) : createPgliteDir();
  helpers.onCleanup(() => benchDb.remove());
  console.log(`Satupintu bench, applications suite: ${benchDb.label}`);
  const config = loadConfig({
    ...benchDb.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    LOG_PRETTY: 'false',
    SEED_DEMO: 'false',
    RATE_LIMIT_MAX: '1000000000',
  });
  const database = await openDatabase(databaseOptionsFromConfig(config));
  helpers.onCleanup(() => database.close());
  await migrate(database);

  const t = performance.now();
  const fx = await buildApplyFixture(database.db);
  const numbers: string[] = [];
  for (let i = 0; i < options.tracked; i++) numbers.push((await submittedApplication(fx)).trackingNumber!);
  console.log(`seeded: a published service and ${options.tracked} submitted applications in ${Math.round(performance.now() - t)} ms`);

  // One citizen per concurrent submitter: starting an application resumes the citizen's own draft.
  const citizens = new Map<string, Actor>();
  const resolveActor = async (request: FastifyRequest) => citizens.get(String(request.headers['x-bench-citizen'])) ?? ANONYMOUS;
  const app = await buildApp({ config, database, logger: createLogger(config), resolveActor });
  await app.listen({ host: '127.0.0.1', port: 0 });
  helpers.onCleanup(() => app.close());
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // ---- submissions -----------------------------------------------------------------------------------
  const csrfPage = await fetch(`${base}/masuk`, { headers: { accept: 'text/html' } });
  const token = /name="_csrf" value="([^"]+)"/.exec(await csrfPage.text())![1]!;
  const cookie = csrfPage.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const submitOne = async (citizen: string) => {
    const headers = { 'x-bench-citizen': citizen, accept: 'application/json', cookie };
    const json = (body: unknown) => ({ ...headers, 'content-type': 'application/json', body: JSON.stringify(body) });
    const call = async (method: string, path: string, init: { body?: BodyInit; 'content-type'?: string } & Record<string, unknown>) => {
      const { body, ...rest } = init;
      const response = await fetch(`${base}${path}`, { method, headers: rest as Record<string, string>, ...(body ? { body } : {}) });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as { id: string; version: number; trackingNumber?: string };
    };
    const draft = await call('POST', '/api/v1/applications', json({ serviceId: fx.service.id }));
    const saved = await call('PATCH', `/api/v1/applications/${draft.id}`, json({ version: draft.version, answers: birthAnswers() }));
    for (const key of ['surat_lahir', 'kk']) {
      const upload = multipart(PDF_20KB, `${key}.pdf`);
      await call('POST', `/api/v1/applications/${draft.id}/documents/${key}`, {
        ...headers,
        'x-csrf-token': token,
        'content-type': upload.type,
        body: upload.body,
      });
    }
    const submitted = await call('POST', `/api/v1/applications/${draft.id}/submit`, {
      ...json({}),
      'idempotency-key': `bench-${draft.id}-${saved.version}`,
    });
    if (!submitted.trackingNumber) throw new Error('submitted without a tracking number');
  };
  async function submissions(seconds: number) {
    const histogram = createHistogram();
    let count = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: options.connections }, async (_, i) => {
        const citizen = `c${i}`;
        if (!citizens.has(citizen)) {
          const id = await newCitizen(i);
          citizens.set(citizen, { kind: 'citizen', id, name: `Warga Bench ${i}`, sessionId: `bench-${id}` });
        }
        while (performance.now() < until) {
          const started = performance.now();
          await submitOne(citizen);
          histogram.record(Math.max(1, Math.round((performance.now() - started) * 1000)));
          count++;
        }
      }),
    );
    return { perSecond: count / seconds, count, p50: histogram.percentile(50) / 1000, p99: histogram.percentile(99) / 1000 };
  }
  /** A citizen account of its own per submitter (the fixture's accounts are real rows). */
  async function newCitizen(i: number): Promise<string> {
    const { rows } = await sql<{ id: string }>`
      insert into identity.account (kind, email, name, email_verified_at)
      values ('citizen', ${`bench.${i}.${Date.now()}@contoh.test`}, ${`Warga Bench ${i}`}, now()) returning id`.execute(database.db);
    return rows[0]!.id;
  }

  // ---- the tracking read and the baseline ------------------------------------------------------------
  const healthz: Target = { name: '/healthz', description: 'app, JSON, no database', url: `${base}/healthz`, headers: {} };
  const track: Target = {
    name: '/api/v1/track/:trackingNumber',
    description: `app, JSON tracking read rotating over ${numbers.length} submitted applications`,
    url: `${base}/api/v1/track/${numbers[0]}`,
    paths: numbers.map((n) => `/api/v1/track/${n}`),
    headers: { accept: 'application/json', 'accept-language': 'id' },
  };
  const check = await fetch(track.url, { headers: track.headers });
  if (check.status !== 200) throw new Error(`preflight ${track.url}: ${check.status} ${(await check.text()).slice(0, 300)}`);

  const progress = (name: string) =>
    process.stdout.write(`  ${name.padEnd(34)} ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s ... `);
  console.log('measuring:');
  progress('/healthz (before)');
  const before = await helpers.measure(healthz);
  console.log(`${Math.round(before.requestsPerSecond)} req/s`);
  progress(track.name);
  const tracked = await helpers.measure(track);
  console.log(`${Math.round(tracked.requestsPerSecond)} req/s`);
  progress('submissions (5 requests each)');
  await submissions(options.warmupSeconds);
  const submitted = await submissions(options.durationSeconds);
  console.log(`${submitted.perSecond.toFixed(1)} applications/s`);
  progress('/healthz (after)');
  const after = await helpers.measure(healthz);
  console.log(`${Math.round(after.requestsPerSecond)} req/s`);

  const baseRps = (before.requestsPerSecond + after.requestsPerSecond) / 2;
  const baseP99 = (before.latency.p99 + after.latency.p99) / 2;
  const drift = ((after.requestsPerSecond - before.requestsPerSecond) / before.requestsPerSecond) * 100;
  const row = (name: string, rps: number, p50: number, p99: number, errors: string) => [
    name,
    rps >= 100 ? String(Math.round(rps)) : rps.toFixed(1),
    `${(rps / baseRps).toFixed(3)}×`,
    p50.toFixed(2),
    p99.toFixed(2),
    `${(p99 / baseP99).toFixed(2)}×`,
    errors,
  ];
  console.log('');
  console.log(
    helpers.table([
      ['target', 'per s', 'rate/healthz', 'p50 ms', 'p99 ms', 'p99/healthz', 'errors/non-2xx'],
      row('/healthz (before)', before.requestsPerSecond, before.latency.p50, before.latency.p99, `${before.errors}/${before.non2xx}`),
      row('/healthz (after)', after.requestsPerSecond, after.latency.p50, after.latency.p99, `${after.errors}/${after.non2xx}`),
      row(track.name, tracked.requestsPerSecond, tracked.latency.p50, tracked.latency.p99, `${tracked.errors}/${tracked.non2xx}`),
      row('applications submitted (5 req each)', submitted.perSecond, submitted.p50, submitted.p99, '0/0'),
    ]),
  );
  console.log(`\nbaseline drift ${drift >= 0 ? '+' : ''}${drift.toFixed(1)}%; ${submitted.count} applications submitted while measuring`);
  const ratio = tracked.requestsPerSecond / baseRps;
  console.log(`goal (tracking read ≥ 0.5 × /healthz): ${ratio >= 0.5 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)`);
}
