/**
 * End-to-end support: the real app in this process on 127.0.0.1 (a random port, a fresh migrated
 * PGlite data directory), driven by Debian's system Chromium through playwright-core.
 *
 * Every page a test lands on must pass axe (WCAG 2.0, 2.1 and 2.2, levels A and AA): `visit()`
 * navigates and audits, `audit()` audits a page reached by a click or a form post, and each page
 * records every document it loads so that `afterEach` fails a test that left one unaudited.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/app.js';
import { seedDemo } from '../../src/main.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import type { App } from '../../src/platform/http/server.js';
import { migrate } from '../../src/platform/db/migrator.js';
import { createLogger } from '../../src/platform/log.js';
import { createMailTransport, MailDelivery } from '../../src/platform/mail/mail.js';
import { ROOT_DIR } from '../../src/platform/paths.js';
import { startJobs, type Jobs } from '../../src/worker.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from './smtp.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT_DIR, 'artifacts', 'screenshots');

/**
 * WCAG 2.0, 2.1 and 2.2 at A and AA. There is no `wcag22a` tag: axe has no automated rule for 2.2's new
 * level-A criteria (consistent help, redundant entry); its 2.2 rule (target size) is tagged wcag22aa.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface RunningApp {
  baseUrl: string;
  app: App;
  database: Database;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Runs every module's demo seed after migrating, as `serve` does on a fresh demo database. */
  demo?: boolean;
  /** The SMS sender handed to buildApp (identity logs the text when none is given). */
  sms?: Parameters<typeof buildApp>[0]['sms'];
  /**
   * Runs the worker in the same process too (as `serve` with ROLE=all does): jobs, the outbox dispatcher
   * and the event subscribers, polling often, so that mail sent by a subscriber arrives within seconds.
   */
  worker?: boolean;
}

/**
 * Starts the web app the way `serve` does (migrate, optionally seed the demo, buildApp with a mail
 * delivery, listen), on its own throwaway database. Mail goes to `SMTP_URL` when the env sets it.
 */
export async function startApp(env: NodeJS.ProcessEnv = {}, options: StartOptions = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'satupintu-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    LOG_PRETTY: 'false',
    ...env,
  });
  const logger = createLogger(config);
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const mail = new MailDelivery({ database, transport: createMailTransport(config, logger), from: config.MAIL_FROM, log: logger });
  let jobs: Jobs | undefined;
  try {
    await migrate(database);
    if (options.demo) await seedDemo({ database, log: logger });
    if (options.worker) {
      jobs = await startJobs({
        database,
        log: logger,
        work: true,
        mail,
        pollingIntervalSeconds: 0.5,
        dispatchIntervalMs: 250,
        stopTimeoutMs: 2000,
      });
    }
    const app = await buildApp({ config, database, logger, mail, ...(options.sms ? { sms: options.sms } : {}) });
    await app.listen({ host: config.HOST, port: config.PORT });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error(`unexpected listen address ${String(address)}`);
    return {
      baseUrl: `http://127.0.0.1:${address.port}`,
      app,
      database,
      async close() {
        await jobs?.stop();
        await app.close();
        await mail.stop();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await mail.stop().catch(() => {});
    await database.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Debian's chromium package, never a downloaded browser; the flags keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Tracking which documents a page loaded, and whether each was audited.

interface Tracked {
  /** The options the page's context was made with (viewport, locale, JavaScript on or off). */
  options: BrowserContextOptions;
  /** Documents loaded (main-frame navigation responses that are not redirects) and not yet audited. */
  pending: string[];
  /** The response that delivered the current document. */
  document: Response | undefined;
  /** Console errors since the last audit: CSP violations, failed loads, script errors. */
  consoleErrors: string[];
}

const tracked = new WeakMap<Page, Tracked>();
const screenshotsByTest = new Map<string, number>();
const openContexts = new Set<BrowserContext>();

function track(page: Page, options: BrowserContextOptions = {}): Tracked {
  let state = tracked.get(page);
  if (state) return state;
  const created: Tracked = { options, pending: [], document: undefined, consoleErrors: [] };
  page.on('response', (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || response.frame() !== page.mainFrame()) return;
    if (response.status() >= 300 && response.status() < 400) return;
    created.document = response;
    created.pending.push(`${request.method()} ${new URL(response.url()).pathname}${new URL(response.url()).search} → ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') created.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => created.consoleErrors.push(`uncaught: ${error.message}`));
  state = created;
  tracked.set(page, state);
  return state;
}

// ---------------------------------------------------------------------------------------------
// axe

interface AxeNode {
  target: string;
  html: string;
  summary: string;
}
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
export interface AxeReport {
  url: string;
  violations: AxeFinding[];
  incomplete: number;
  passes: number;
}

/** Every audit made in this test file, for the summary printed after the file's tests. */
export const auditLog: AxeReport[] = [];

async function runAxe(page: Page): Promise<AxeReport> {
  // The pages send `Content-Security-Policy: script-src 'self'`, so a <script> tag with axe's source
  // (page.addScriptTag) is refused, and bypassCSP: true would switch off the very policy whose
  // violations audit() watches for. page.evaluate goes through the DevTools protocol
  // (Runtime.evaluate), which CSP does not govern, so axe runs on the page exactly as served.
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (tags: string[]) => {
    const w = window as unknown as { axe: typeof axe };
    const results = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      url: location.pathname + location.search,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary ?? '' })),
      })),
      incomplete: results.incomplete.length,
      passes: results.passes.length,
    };
  }, AXE_TAGS);
}

/**
 * With JavaScript disabled Chromium also stops timers, even in DevTools-evaluated code, and axe
 * schedules its work with setTimeout, so axe.run() would never settle. For such a page, axe audits a
 * twin: a JavaScript-enabled tab with the same viewport and locale that receives the very bytes and
 * headers (CSP included) the server sent for the current document, while its stylesheet and images
 * load from the real server. The pages audited this way carry no scripts, so the twin renders the
 * same document the visitor without JavaScript sees.
 */
async function runAxeInTwin(page: Page, state: Tracked): Promise<AxeReport> {
  const response = state.document;
  if (!response) throw new Error('audit() needs a page that was loaded by navigation');
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser');
  const body = await response.body();
  const headers = Object.fromEntries(
    Object.entries(await response.allHeaders()).filter(
      ([name]) => !['content-encoding', 'content-length', 'transfer-encoding', 'set-cookie'].includes(name),
    ),
  );
  const { javaScriptEnabled: _off, ...options } = state.options;
  const twin = await browser.newContext({ ...options, javaScriptEnabled: true });
  try {
    const twinPage = await twin.newPage();
    const url = response.url();
    await twinPage.route(
      (candidate) => candidate.href === url,
      (route) => route.fulfill({ status: response.status(), headers, body }),
    );
    await twinPage.goto(url, { waitUntil: 'load' });
    return await runAxe(twinPage);
  } finally {
    await twin.close();
  }
}

export function formatViolations(violations: AxeFinding[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      at ${n.target}\n         ${n.html}\n         ${n.summary.replace(/\n/g, '\n         ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n      ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

function currentTestSlug(): string {
  const name = expect.getState().currentTestName ?? 'outside-a-test';
  return (
    name
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, ' ')
      .trim()
      .replace(/[\s_]+/g, '-')
      .replace(/-+/g, '-')
      .toLowerCase()
      .slice(0, 150) || 'page'
  );
}

export interface AuditOptions {
  /** Console errors that are expected here, e.g. the browser's note that a 404 page answered 404. */
  allowConsole?: RegExp[];
}

/**
 * Audits the page as it is now: axe must find nothing serious or critical, the console must be free
 * of errors (a CSP refusal shows up there), and a full-page screenshot goes to artifacts/screenshots.
 */
export async function audit(page: Page, options: AuditOptions = {}): Promise<AxeReport> {
  const state = track(page);
  await page.waitForLoadState('load');
  const slug = currentTestSlug();
  // Counted per test, not per page, so that a test with two browsers keeps every screenshot.
  const shot = (screenshotsByTest.get(slug) ?? 0) + 1;
  screenshotsByTest.set(slug, shot);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${slug}${shot > 1 ? `-${shot}` : ''}.png`);
  await page.screenshot({ path: file, fullPage: true });

  // Chromium logs "Failed to load resource: ... status of 4xx" for a document that is itself an error page.
  const documentStatus = state.document?.status() ?? 200;
  const allowed = [...(options.allowConsole ?? [])];
  if (documentStatus >= 400) {
    allowed.push(new RegExp(`^Failed to load resource: the server responded with a status of ${documentStatus}\\b`));
  }
  const consoleErrors = state.consoleErrors.filter((text) => !allowed.some((re) => re.test(text)));
  state.consoleErrors = [];
  // A page without its stylesheet would be audited as unstyled HTML; say so plainly instead.
  const unstyled = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'))
      .filter((l) => !l.sheet)
      .map((l) => l.href),
  );
  if (unstyled.length > 0) {
    throw new Error(
      `The stylesheet did not load on ${page.url()}: ${unstyled.join(', ')}` +
        (consoleErrors.length ? `\nConsole:\n${consoleErrors.map((e) => `  - ${e}`).join('\n')}` : ''),
    );
  }

  const report = state.options.javaScriptEnabled === false ? await runAxeInTwin(page, state) : await runAxe(page);
  auditLog.push(report);
  state.pending = [];

  const failing = report.violations.filter((v) => FAILING_IMPACTS.has(v.impact));
  const minor = report.violations.filter((v) => !FAILING_IMPACTS.has(v.impact));
  if (minor.length > 0) {
    console.warn(`axe: ${minor.length} moderate or minor finding(s) on ${report.url} (not failing):\n${formatViolations(minor)}`);
  }
  if (failing.length > 0) {
    throw new Error(
      `axe found ${failing.length} serious or critical WCAG A/AA violation(s) on ${report.url} (screenshot ${file}):\n${formatViolations(failing)}`,
    );
  }
  if (consoleErrors.length > 0) {
    throw new Error(`The browser console reported errors on ${report.url}:\n${consoleErrors.map((e) => `  - ${e}`).join('\n')}`);
  }
  return report;
}

export interface VisitOptions extends AuditOptions {
  /** The HTTP status the page must answer with; 200 unless told. */
  status?: number;
}

/** Navigates to `path`, checks the status, and audits the page it lands on. */
export async function visit(page: Page, path: string, options: VisitOptions = {}): Promise<Response> {
  track(page);
  const response = await page.goto(path, { waitUntil: 'load' });
  if (!response) throw new Error(`navigating to ${path} produced no response`);
  const expected = options.status ?? 200;
  if (response.status() !== expected) {
    throw new Error(`GET ${path} answered ${response.status()}, expected ${expected}`);
  }
  await audit(page, options);
  return response;
}

/** Throws when the page loaded a document that no `visit()` or `audit()` looked at. */
export function assertAllAudited(page: Page): void {
  const state = tracked.get(page);
  if (state && state.pending.length > 0) {
    throw new Error(
      `Every page must be audited with axe; these were loaded but not audited:\n${state.pending.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Per-file fixture

export interface E2E {
  readonly baseUrl: string;
  readonly browser: Browser;
  /** The app's database, for arranging what a test needs (e.g. createVerifiedAccount). */
  readonly database: Database;
  /** The SMTP server the app mails to; only with `useE2E({ smtp: true })`. */
  readonly smtp: TestSmtpServer;
  /** A fresh browser context (own cookies) and page on the app; closed and checked after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

export interface UseE2EOptions extends StartOptions {
  /** Configuration for the app, e.g. `{ STAFF_TOTP_REQUIRED: 'true' }`. */
  env?: NodeJS.ProcessEnv;
  /** Starts a real SMTP server (test/support/smtp.ts) first and points the app's SMTP_URL at it. */
  smtp?: boolean;
}

/**
 * Declares the app and the browser for one spec file: both start once before its tests and stop
 * after them. Each test opens its own context, so cookies (language, CSRF, flash) never leak.
 */
export function useE2E(options: UseE2EOptions = {}): E2E {
  const { env = {}, smtp: withSmtp = false, ...start } = options;
  let running: RunningApp | undefined;
  let browser: Browser | undefined;
  let smtp: TestSmtpServer | undefined;
  const pages = new Set<Page>();

  beforeAll(async () => {
    if (withSmtp) smtp = await startSmtpServer();
    [running, browser] = await Promise.all([startApp({ ...env, ...(smtp ? { SMTP_URL: smtp.url } : {}) }, start), launchBrowser()]);
  });

  afterEach(async () => {
    const unaudited: string[] = [];
    for (const page of pages) {
      try {
        assertAllAudited(page);
      } catch (error) {
        unaudited.push((error as Error).message);
      }
    }
    pages.clear();
    for (const context of openContexts) await context.close();
    openContexts.clear();
    if (unaudited.length > 0) throw new Error(unaudited.join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await smtp?.close();
    if (auditLog.length > 0) {
      const lines = auditLog.map(
        (r) =>
          `  ${r.url}: ${r.violations.length === 0 ? 'no violations' : `${r.violations.length} finding(s)`}, ${r.passes} rules passed, ${r.incomplete} need review`,
      );
      console.log(`axe (${AXE_TAGS.join(', ')}):\n${lines.join('\n')}`);
    }
  });

  return {
    get baseUrl() {
      if (!running) throw new Error('the app starts in beforeAll');
      return running.baseUrl;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get database() {
      if (!running) throw new Error('the app starts in beforeAll');
      return running.database;
    },
    get smtp() {
      if (!smtp) throw new Error('the SMTP server runs only with useE2E({ smtp: true })');
      return smtp;
    },
    async newPage(options = {}) {
      if (!browser || !running) throw new Error('the app and browser start in beforeAll');
      // An Indonesian visitor's browser unless a test says otherwise (Chromium itself asks for en-US).
      const context = await browser.newContext({ baseURL: running.baseUrl, locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
      openContexts.add(context);
      const page = await context.newPage();
      track(page, { baseURL: running.baseUrl, locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
      pages.add(page);
      return page;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Journeys several specs share

/**
 * The path of the link in a mail that starts with `prefix`, e.g. `/akun/verifikasi/`. Mails carry the
 * app's PUBLIC_URL, which in these tests is not where the app listens; the browser's baseURL is.
 */
export function pathInMail(mail: ReceivedMail, prefix: string): string {
  const match = new RegExp(`https?://\\S+?(${prefix.replace(/[/]/g, '\\/')}[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${prefix} link in the mail "${mail.subject}":\n${mail.text}`);
  return match[1]!;
}

/**
 * Does `act` (a click, a key press) and waits for the document it leads to, a redirect after a post
 * included, audits it, and checks that the browser landed on `pathname`. Unlike waitForURL this also
 * waits when a form posts back to the page it is on; a refused form fails with its error summary.
 */
export async function follow(page: Page, act: () => Promise<unknown>, pathname: string): Promise<void> {
  const arrived = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await act().catch((error: unknown) => {
    arrived.catch(() => {});
    throw error;
  });
  await arrived;
  await audit(page);
  const errors = page.locator('.govuk-error-summary');
  const refusal = (await errors.count()) > 0 ? await errors.textContent() : '';
  expect(new URL(page.url()).pathname, `landed elsewhere${refusal ? `, refused with: ${refusal}` : ''}`).toBe(pathname);
}

/** Fills the sign-in form on the current page (or opens /masuk first), submits it and follows to `landing`. */
export async function signIn(page: Page, identifier: string, password: string, landing: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/masuk') await visit(page, '/masuk');
  const form = page.locator('main form[action="/masuk"]');
  await form.locator('input[name="identifier"]').fill(identifier);
  await form.locator('input[name="password"]').fill(password);
  await follow(page, () => form.locator('button[type="submit"]').click(), landing);
}
