/**
 * The load generator: a child process forked by bench/run.ts, one per target.
 *
 * Why a child process and not autocannon in the server's own process: autocannon is itself a busy
 * Node program (it parses every response), and on the same event loop it would steal time from the
 * server and be counted as the server's latency. Why not a worker thread: a worker gets its own event
 * loop, but it still shares the process with the server (the V8 platform's GC helper threads, the
 * process-wide CPU accounting we use to report server CPU, and a crash takes both down). A separate
 * process lets the OS put the load generator on the other core, keeps its garbage collection apart
 * from the server's, and lets bench/run.ts measure the server's CPU and event-loop use cleanly.
 *
 * Protocol (IPC): the parent sends one LoadRequest; the child runs a warm-up whose numbers are thrown
 * away, sends `{ type: 'measuring' }` just before the measured run (so the parent can start its CPU
 * and event-loop counters), then sends `{ type: 'result', ... }` and exits.
 */
import { createHistogram } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  /** Paths on url's server to request in turn (each connection cycles through them); without it, url alone. */
  paths?: string[];
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LatencySummary {
  /** Milliseconds, from a microsecond-resolution histogram (autocannon's own one has 1 ms buckets). */
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  /** autocannon's millisecond-bucket latencies, kept for comparison with its CLI output. */
  autocannonLatency: { p50: number; p99: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
  loadgenCpuPercent: number;
}

export type LoadMessage = { type: 'measuring' } | { type: 'result'; result: LoadResult } | { type: 'failed'; message: string };

function send(message: LoadMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, (err: Error | null) => (err ? reject(err) : resolve())));
}

function cannon(request: LoadRequest, seconds: number, onResponse?: (status: number, bytes: number, ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        headers: request.headers,
        connections: request.connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
        ...(request.paths ? { requests: request.paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
      },
      (err: unknown, result: autocannon.Result) =>
        err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(result),
    );
    if (onResponse) {
      instance.on('response', (_client: unknown, status: number, bytes: number, ms: number) => onResponse(status, bytes, ms));
    }
  });
}

async function run(request: LoadRequest): Promise<LoadResult> {
  if (request.warmupSeconds > 0) await cannon(request, request.warmupSeconds);

  await send({ type: 'measuring' });
  // Microseconds, 1 µs to 60 s, 3 significant figures.
  const histogram = createHistogram({ lowest: 1, highest: 60_000_000, figures: 3 });
  let responses = 0;
  let bytes = 0;
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  const result = await cannon(request, request.durationSeconds, (_status, resBytes, ms) => {
    histogram.record(Math.max(1, Math.round(ms * 1000)));
    responses++;
    bytes += resBytes;
  });
  const wallSeconds = Number(process.hrtime.bigint() - wallBefore) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);

  const ms = (us: number) => us / 1000;
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  const seconds = result.duration > 0 ? result.duration : wallSeconds;
  return {
    requests: result.requests.total,
    seconds,
    requestsPerSecond: result.requests.total / seconds,
    latency: {
      mean: ms(histogram.mean),
      p50: ms(histogram.percentile(50)),
      p90: ms(histogram.percentile(90)),
      p95: ms(histogram.percentile(95)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
    },
    autocannonLatency: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    bytesPerResponse: responses > 0 ? bytes / responses : 0,
    loadgenCpuPercent: ((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100,
  };
}

process.once('message', (request: LoadRequest) => {
  run(request)
    .then((result) => send({ type: 'result', result }))
    .catch((error: unknown) => send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
    .finally(() => process.exit(0));
});
