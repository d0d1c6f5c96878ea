/**
 * `npm run bench`: how much of bare Fastify's throughput Satupintu keeps on its hot paths.
 *
 * Starts the app (all plugins, on a freshly migrated and seeded database made for this run) and a
 * bare Fastify hello-world in this process, then loads each target from a separate load-generator
 * process (bench/load.ts explains why a process) for a fixed time after a warm-up. The hello-world is
 * measured before and after the targets; ratios use the mean of the two, and the drift between them
 * says how steady the machine was. Only 127.0.0.1 is ever loaded, for a bounded time.
 *
 *   npm run bench -- [--duration 10] [--warmup 3] [--connections 10] [--db pglite|postgres] [--rows 5000]
 *   npm run bench -- --suite catalog [--services 100000] [--reload] [--drop]   (bench/catalog.ts)
 *   npm run bench -- --suite applications [--db pglite|postgres] [--tracked 500]   (bench/applications.ts)
 *
 * PostgreSQL: DATABASE_URL (or --db postgres, which uses postgres://postgres@127.0.0.1:5432/test)
 * names the server; the bench creates a scratch database sp_bench_<random> there and drops it after.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { databaseOptionsFromConfig, openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { createLogger } from '../src/platform/log.js';
import { ROOT_DIR } from '../src/platform/paths.js';
import {
  createPgliteDir,
  createScratchPostgres,
  DEFAULT_POSTGRES_URL,
  seedFeedback,
  serverVersion,
  type BenchDatabase,
} from './database.js';
import { startHelloWorld } from './hello.js';
import type { LoadMessage, LoadRequest, LoadResult } from './load.js';

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `Usage: npm run bench -- [options]
  --duration S      measured seconds per target (default 10, 1..120)
  --warmup S        warm-up seconds per target, not measured (default 3, 0..30)
  --connections N   concurrent connections (default 10, 1..200)
  --db KIND         pglite (default; temporary data dir) or postgres (scratch database on
                    DATABASE_URL's server, or ${DEFAULT_POSTGRES_URL})
  --rows N          feedback rows to seed (default 5000, 0..100000)
  --accept-encoding E   send Accept-Encoding: E with the home page, e.g. "br, gzip" as browsers do
                    (default: none, so the page is measured uncompressed)
  --suite S         default (the hot paths above) or catalog (search API and service page on
                    100,000 services in the database satupintu_bench on the PostgreSQL server; kept between runs)
  --services N      catalog suite: generated services (default 100000, 1000..102400)
  --reload          catalog suite: load the bench database afresh even if it already holds this catalog
  --drop            catalog suite: drop the bench database at the end
  --suite applications   applications submitted per second (two 20 KB uploads each) and the JSON
                    tracking read, against /healthz (bench/applications.ts)
  --tracked N       applications suite: applications submitted before measuring (default 500, 10..5000)`;

function intOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

function parseFlags() {
  try {
    return parseArgs({
      options: {
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        db: { type: 'string' },
        rows: { type: 'string' },
        'accept-encoding': { type: 'string' },
        suite: { type: 'string' },
        services: { type: 'string' },
        reload: { type: 'boolean' },
        drop: { type: 'boolean' },
        tracked: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const flags = parseFlags();
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
if (flags.db !== undefined && flags.db !== 'pglite' && flags.db !== 'postgres') {
  console.error(`--db must be pglite or postgres (got ${JSON.stringify(flags.db)})\n\n${USAGE}`);
  process.exit(2);
}
if (flags.suite !== undefined && !['default', 'catalog', 'applications'].includes(flags.suite)) {
  console.error(`--suite must be default, catalog or applications (got ${JSON.stringify(flags.suite)})\n\n${USAGE}`);
  process.exit(2);
}
if (flags.suite === 'catalog' && flags.db === 'pglite') {
  console.error(`the catalog suite runs on PostgreSQL only (100,000 services)\n\n${USAGE}`);
  process.exit(2);
}
const envDatabaseUrl = process.env.DATABASE_URL || undefined;
const options = {
  durationSeconds: intOption(flags.duration, 'duration', 10, 1, 120),
  warmupSeconds: intOption(flags.warmup, 'warmup', 3, 0, 30),
  connections: intOption(flags.connections, 'connections', 10, 1, 200),
  rows: intOption(flags.rows, 'rows', 5000, 0, 100_000),
  db: flags.db ?? (envDatabaseUrl ? 'postgres' : 'pglite'),
  acceptEncoding: flags['accept-encoding'] || undefined,
  suite: flags.suite ?? 'default',
};

// ---------------------------------------------------------------------------------------------
// Cleanup, also on Ctrl-C, so a scratch database or temporary directory never outlives the run

const cleanups: (() => Promise<unknown>)[] = [];
let currentChild: ChildProcess | undefined;

let cleaning: Promise<void> | undefined;

// Ctrl-C reaches the load generator too, so the run fails while the signal handler cleans up: both
// must wait for the same cleanup, or the process exits before the scratch database is dropped.
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    currentChild?.kill('SIGKILL');
    while (cleanups.length > 0) {
      const step = cleanups.pop()!;
      await step().catch((error: unknown) => console.error('cleanup step failed:', error));
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping and cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// One measurement: fork the load generator, count the server's CPU and event-loop use meanwhile

export interface Target {
  name: string;
  description: string;
  url: string;
  /** Paths on url's server requested in turn (bench/load.ts); without it, url alone. */
  paths?: string[];
  headers: Record<string, string>;
  /** Overrides --connections for this target. */
  connections?: number;
}

export interface Measurement extends LoadResult {
  target: string;
  url: string;
  headers: Record<string, string>;
  /** Of one core; this process holds the app, the hello-world and (for PGlite) the database engine. */
  serverCpuPercent: number;
  /** Share of the server's main thread spent busy (1 = saturated). */
  serverEventLoopUtilization: number;
  /** Linux only: CPU the whole machine used, as % of one core, and what is left after server and load generator. */
  machineCpuPercent?: number;
  otherCpuPercent?: number;
}

/** Busy and total jiffies of all CPUs from /proc/stat; undefined off Linux. */
function machineCpu(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return undefined;
  }
}

const LOAD_SCRIPT = fileURLToPath(new URL('./load.ts', import.meta.url));

function measure(target: Target): Promise<Measurement> {
  const request: LoadRequest = {
    url: target.url,
    ...(target.paths ? { paths: target.paths } : {}),
    headers: target.headers,
    connections: target.connections ?? options.connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
  };
  return new Promise((resolve, reject) => {
    // process.execArgv carries tsx's loader, so the child can run load.ts as well.
    const child = fork(LOAD_SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    currentChild = child;
    const limitMs = (options.warmupSeconds + options.durationSeconds + 30) * 1000;
    const killer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load generator for ${target.name} ran past ${limitMs / 1000} s; killed`));
    }, limitMs);
    let start:
      | {
          cpu: NodeJS.CpuUsage;
          elu: ReturnType<typeof performance.eventLoopUtilization>;
          wall: bigint;
          machine: ReturnType<typeof machineCpu>;
        }
      | undefined;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killer);
      currentChild = undefined;
      fn();
    };
    child.on('message', (message: LoadMessage) => {
      if (message.type === 'measuring') {
        start = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), wall: process.hrtime.bigint(), machine: machineCpu() };
      } else if (message.type === 'result') {
        const wallSeconds = Number(process.hrtime.bigint() - start!.wall) / 1e9;
        const cpu = process.cpuUsage(start!.cpu);
        const elu = performance.eventLoopUtilization(start!.elu);
        const serverCpuPercent = ((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100;
        const machineEnd = machineCpu();
        const machineCpuPercent =
          start!.machine && machineEnd && machineEnd.total > start!.machine.total
            ? ((machineEnd.busy - start!.machine.busy) / (machineEnd.total - start!.machine.total)) * cpus().length * 100
            : undefined;
        finish(() =>
          resolve({
            target: target.name,
            url: target.url,
            headers: target.headers,
            ...message.result,
            serverCpuPercent,
            serverEventLoopUtilization: elu.utilization,
            ...(machineCpuPercent === undefined
              ? {}
              : {
                  machineCpuPercent,
                  otherCpuPercent: Math.max(0, machineCpuPercent - serverCpuPercent - message.result.loadgenCpuPercent),
                }),
          }),
        );
      } else {
        finish(() => reject(new Error(`load generator failed on ${target.name}:\n${message.message}`)));
      }
    });
    child.on('error', (error) => finish(() => reject(error)));
    child.on('exit', (code, signal) => finish(() => reject(new Error(`load generator exited early (code ${code}, signal ${signal})`))));
    child.send(request);
  });
}

// ---------------------------------------------------------------------------------------------
// Reporting

const mean = (a: number, b: number) => (a + b) / 2;
const fixed = (n: number, digits: number) => n.toFixed(digits);
const ratio = (n: number) => `${n.toFixed(2)}×`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function urlOf(app: Pick<FastifyInstance, 'server'>, path: string): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server is not listening on TCP');
  return `http://127.0.0.1:${address.port}${path}`;
}

/** One request per target before loading it: a target that answers wrongly would measure nothing useful. */
async function preflight(target: Target, check: (response: Response, body: string) => string | undefined) {
  const response = await fetch(target.url, { headers: { ...target.headers, 'accept-encoding': 'identity' } });
  const body = await response.text();
  const problem = response.status !== 200 ? `status ${response.status}` : check(response, body);
  if (problem) throw new Error(`preflight ${target.name} (${target.url}): ${problem}\n${body.slice(0, 500)}`);
  return { status: response.status, contentType: response.headers.get('content-type'), bytes: Buffer.byteLength(body) };
}

// ---------------------------------------------------------------------------------------------
// The run

async function main() {
  const startedAt = new Date();
  const loadavgAtStart = loadavg();
  const perTarget = options.warmupSeconds + options.durationSeconds;
  console.log(
    `Satupintu bench: ${options.db}, ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured per target, ` +
      `5 runs (about ${5 * perTarget + 5} s of load)`,
  );
  // Other work on the machine shows up as noise and as baseline drift; say how busy it was.
  console.log(`load average at start: ${loadavgAtStart.map((n) => n.toFixed(2)).join(' ')} (${cpus().length} CPUs)`);

  let benchDb: BenchDatabase;
  if (options.db === 'postgres') {
    benchDb = await createScratchPostgres(localServer());
  } else {
    benchDb = createPgliteDir();
  }
  cleanups.push(() => benchDb.remove());
  console.log(`database: ${benchDb.label}`);

  const config = loadConfig({
    ...benchDb.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    LOG_PRETTY: 'false',
    SEED_DEMO: 'false',
    // The rate limit stays registered (its bookkeeping is part of every request) but never trips.
    RATE_LIMIT_MAX: '1000000000',
  });
  const database: Database = await openDatabase(databaseOptionsFromConfig(config));
  cleanups.push(() => database.close());

  let t = performance.now();
  const migrated = await migrate(database);
  console.log(`migrated: ${migrated.applied.length} migrations in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  await seedFeedback(database, options.rows);
  console.log(`seeded: ${options.rows} feedback reports via submitFeedback() in ${Math.round(performance.now() - t)} ms`);
  const dbVersion = await serverVersion(database);

  const app = await buildApp({ config, database, logger: createLogger(config) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => app.close());
  const hello = await startHelloWorld();
  cleanups.push(() => hello.close());
  if (hello.version !== app.version) throw new Error(`baseline Fastify ${hello.version} differs from the app's ${app.version}`);

  const baseline: Target = {
    name: 'hello-world',
    description: 'bare Fastify, one JSON route, no plugins',
    url: urlOf(hello, '/'),
    headers: {},
  };
  const targets: Target[] = [
    { name: '/healthz', description: 'app, JSON, no database', url: urlOf(app, '/healthz'), headers: {} },
    {
      name: `/ (home, id${options.acceptEncoding ? `, ${options.acceptEncoding.split(',')[0]!.trim()}` : ''})`,
      description: `app, server-rendered HTML page, Accept-Language: id, ${options.acceptEncoding ? `Accept-Encoding: ${options.acceptEncoding}` : 'uncompressed'}, no cookies (a first visit: gets a new CSRF cookie)`,
      url: urlOf(app, '/'),
      headers: {
        'accept-language': 'id',
        accept: 'text/html',
        ...(options.acceptEncoding ? { 'accept-encoding': options.acceptEncoding } : {}),
      },
    },
    {
      name: '/api/v1/feedback/stats',
      description: 'app, JSON read: group-by count over portal.feedback',
      url: urlOf(app, '/api/v1/feedback/stats'),
      headers: { accept: 'application/json' },
    },
  ];

  const preflights = {
    [baseline.name]: await preflight(baseline, (_r, body) => (body.includes('world') ? undefined : 'unexpected body')),
    [targets[0]!.name]: await preflight(targets[0]!, (_r, body) => (body.includes('ok') ? undefined : 'unexpected body')),
    [targets[1]!.name]: await preflight(targets[1]!, (r, body) =>
      !r.headers.get('content-type')?.startsWith('text/html')
        ? 'not HTML'
        : !body.includes('lang="id"')
          ? 'not the Indonesian page'
          : undefined,
    ),
    [targets[2]!.name]: await preflight(targets[2]!, (_r, body) => {
      const total = (JSON.parse(body) as { total?: number }).total;
      return total === options.rows ? undefined : `total is ${total}, seeded ${options.rows}`;
    }),
  };

  const progress = (name: string) =>
    process.stdout.write(`  ${name.padEnd(34)} ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s ... `);
  const done = (m: Measurement) => console.log(`${Math.round(m.requestsPerSecond)} req/s`);

  console.log('measuring:');
  progress(`${baseline.name} (before)`);
  const before = await measure(baseline);
  done(before);
  const measured: Measurement[] = [];
  for (const target of targets) {
    progress(target.name);
    const m = await measure(target);
    done(m);
    measured.push(m);
  }
  progress(`${baseline.name} (after)`);
  const after = await measure(baseline);
  done(after);

  const base = {
    requestsPerSecond: mean(before.requestsPerSecond, after.requestsPerSecond),
    p50: mean(before.latency.p50, after.latency.p50),
    p99: mean(before.latency.p99, after.latency.p99),
  };
  const driftPercent = ((after.requestsPerSecond - before.requestsPerSecond) / before.requestsPerSecond) * 100;
  const ratiosOf = (m: Measurement) => ({
    requestsPerSecond: m.requestsPerSecond / base.requestsPerSecond,
    p50: m.latency.p50 / base.p50,
    p99: m.latency.p99 / base.p99,
  });

  const header = [
    'target',
    'req/s',
    'rps/base',
    'p50 ms',
    'p50/base',
    'p99 ms',
    'p99/base',
    'errors',
    'non-2xx',
    'resp B',
    'srv CPU',
    'srv ELU',
    'gen CPU',
    'other CPU',
  ];
  const row = (
    label: string,
    m: Pick<Measurement, 'requestsPerSecond' | 'latency' | 'errors' | 'non2xx' | 'bytesPerResponse'> & Partial<Measurement>,
    r?: ReturnType<typeof ratiosOf>,
  ) => [
    label,
    fixed(m.requestsPerSecond, 0),
    r ? ratio(r.requestsPerSecond) : '',
    fixed(m.latency.p50, 2),
    r ? ratio(r.p50) : '',
    fixed(m.latency.p99, 2),
    r ? ratio(r.p99) : '',
    String(m.errors),
    String(m.non2xx),
    fixed(m.bytesPerResponse, 0),
    m.serverCpuPercent === undefined ? '' : `${fixed(m.serverCpuPercent, 0)}%`,
    m.serverEventLoopUtilization === undefined ? '' : fixed(m.serverEventLoopUtilization, 2),
    m.loadgenCpuPercent === undefined ? '' : `${fixed(m.loadgenCpuPercent, 0)}%`,
    m.otherCpuPercent === undefined ? '' : `${fixed(m.otherCpuPercent, 0)}%`,
  ];
  const baseRow = {
    requestsPerSecond: base.requestsPerSecond,
    latency: { mean: 0, p50: base.p50, p90: 0, p95: 0, p99: base.p99, max: 0 },
    errors: before.errors + after.errors,
    non2xx: before.non2xx + after.non2xx,
    bytesPerResponse: mean(before.bytesPerResponse, after.bytesPerResponse),
  };

  const finishedAt = new Date();
  console.log(
    `\n${benchDb.kind === 'pglite' ? `PGlite (PostgreSQL ${dbVersion}, in process)` : `PostgreSQL ${dbVersion} server`}, ` +
      `${options.rows} feedback rows; Node ${process.version}, Fastify ${app.version}, ${cpus().length} CPUs; ` +
      `${options.connections} connections, ${options.durationSeconds} s per target after ${options.warmupSeconds} s warm-up\n`,
  );
  console.log(
    table([
      header,
      row('hello-world (before)', before),
      row('hello-world (after)', after),
      row('hello-world (mean = base)', baseRow),
      ...measured.map((m) => row(m.target, m, ratiosOf(m))),
    ]),
  );
  console.log(
    `\nBaseline = mean of the hello-world runs before and after the targets; it drifted ${driftPercent >= 0 ? '+' : ''}${fixed(driftPercent, 1)}% ` +
      `between them${Math.abs(driftPercent) > 10 ? ' (more than 10%: the machine was noisy, treat ratios with care)' : ''}.`,
  );
  console.log(
    'rps/base = share of bare-Fastify throughput kept (1.00× = as fast as hello-world); p50/base, p99/base = times slower than hello-world.\n' +
      'Latencies from a microsecond histogram in the load generator; srv CPU is this process (the app, plus the PGlite engine with --db pglite) as % of one core; ' +
      'srv ELU is how busy its event loop was (1.00 = saturated); gen CPU is the load generator; other CPU is the rest of the machine\n' +
      '(a PostgreSQL server counts here, and so does anything else running: high values there mean noisy numbers); resp B = mean response size with headers.',
  );
  const loadgenMax = Math.max(before.loadgenCpuPercent, after.loadgenCpuPercent, ...measured.map((m) => m.loadgenCpuPercent));
  for (const [when, m] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (m.serverEventLoopUtilization >= 0.85) continue;
    const why =
      m.loadgenCpuPercent >= 90
        ? `the load generator used ${fixed(m.loadgenCpuPercent, 0)}% of a core and limited it, so the ratios overstate how much of bare Fastify the app keeps`
        : (m.otherCpuPercent ?? 0) >= 15
          ? `other work on the machine used ${fixed(m.otherCpuPercent!, 0)}% of a core meanwhile, so this baseline is low`
          : 'neither the load generator nor other work explains it';
    console.log(
      `Note: hello-world (${when}) kept the server's event loop only ${fixed(m.serverEventLoopUtilization * 100, 0)}% busy: ${why}.`,
    );
  }

  const outDir = join(ROOT_DIR, 'artifacts', 'bench');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    options,
    database: { kind: benchDb.kind, label: benchDb.label, version: dbVersion, seededFeedbackRows: options.rows },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      totalMemoryBytes: totalmem(),
      loadavgAtStart,
      loadavgAtEnd: loadavg(),
      platform: process.platform,
    },
    versions: { node: process.version, fastify: app.version },
    method:
      'Servers in the bench process; autocannon in a forked child process; warm-up discarded; ratios against the mean of hello-world before and after.',
    preflight: preflights,
    baseline: { before, after, mean: base, driftPercent },
    targets: measured.map((m) => ({ ...m, description: targets.find((x) => x.name === m.target)?.description, ratios: ratiosOf(m) })),
    loadgenCpuPercentMax: loadgenMax,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten: ${file}`);
}

function localServer(): string {
  const server = envDatabaseUrl ?? DEFAULT_POSTGRES_URL;
  const host = new URL(server).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`the bench only loads local servers; DATABASE_URL points at ${host}`);
  }
  return server;
}

async function catalogSuite() {
  const { runCatalogSuite } = await import('./catalog.js');
  await runCatalogSuite(
    {
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      services: intOption(flags.services, 'services', 100_000, 1000, 102_400),
      reload: flags.reload ?? false,
      drop: flags.drop ?? false,
      serverUrl: localServer(),
    },
    { measure, table, onCleanup: (step) => cleanups.push(step) },
  );
}

async function applicationsSuite() {
  const { runApplicationsSuite } = await import('./applications.js');
  await runApplicationsSuite(
    {
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      db: options.db === 'postgres' ? 'postgres' : 'pglite',
      serverUrl: options.db === 'postgres' ? localServer() : DEFAULT_POSTGRES_URL,
      tracked: intOption(flags.tracked, 'tracked', 500, 10, 5000),
    },
    { measure, table, onCleanup: (step) => cleanups.push(step) },
  );
}

try {
  await (options.suite === 'catalog' ? catalogSuite() : options.suite === 'applications' ? applicationsSuite() : main());
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
// Everything is closed; exit explicitly so a stray handle can never keep the command waiting.
process.exit(process.exitCode ?? 0);
