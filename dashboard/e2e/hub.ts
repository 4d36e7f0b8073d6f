/**
 * What the browser tests share: finding Chromium, starting the real hub (the
 * built API with a fresh embedded database holding the demo data, serving the
 * built dashboard) and stopping it, asking its GraphQL API directly, running a
 * page, and `browserSuite`, the setup and teardown every suite repeats.
 *
 * Without Chromium (`which chromium`) the tests are skipped with a message,
 * except in CI (CI=true), where a missing browser fails them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
export const API_MAIN = path.resolve(here, '../../api/dist/main.js');
export const DASHBOARD_DIST = path.resolve(here, '../dist');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
// Generous: a fresh demo installation loads ~70,000 rows and the demo workflows first, and CI runs test files side by side.
export const HUB_START_TIMEOUT = 180_000;

function findChromium(): string | null {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const CHROMIUM = findChromium();
export const IN_CI = process.env.CI === 'true';

/** True when the browser tests of `testName` are to be skipped (no Chromium, not in CI); says so once. */
export function skipBrowserTests(testName: string): boolean {
  const skip = !CHROMIUM && !IN_CI;
  if (skip) {
    console.warn(
      `[${testName}] SKIPPED: no Chromium found (\`which chromium\` failed). ` +
        'Install chromium to run the browser tests; with CI=true a missing Chromium fails them instead.',
    );
  }
  return skip;
}

/** Fails when the browser tests cannot run: no Chromium (in CI) or nothing built. */
export function assertCanRun(): string {
  if (!CHROMIUM) {
    throw new Error('No Chromium found (`which chromium` failed) and CI=true: the browser tests must run in CI.');
  }
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the api first (npm run build).`);
  if (!existsSync(path.join(DASHBOARD_DIST, 'index.html'))) {
    throw new Error(`${DASHBOARD_DIST}/index.html is missing: build the dashboard first (npm run build).`);
  }
  return CHROMIUM;
}

// ---------- the hub ----------

export interface Hub {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** Everything the hub printed, stdout and stderr. */
  output: string[];
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startHub(): Promise<Hub> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pufa-e2e-data-'));
  const port = await freePort();
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUFA_DATA_DIR: dataDir,
      PUFA_DASHBOARD_DIR: DASHBOARD_DIST,
      NODE_ENV: 'production',
      // Always the embedded database with demo data, whatever the caller's shell has set.
      DATABASE_URL: '',
      PUFA_DEMO: '',
      // The session tests sign in many times within a minute from one address.
      PUFA_SIGNIN_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const hub: Hub = { url: '', child, dataDir, output: [] };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => hub.output.push(chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => hub.output.push(chunk));

  hub.url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`The hub did not say "is running" within ${HUB_START_TIMEOUT / 1000} s:\n${hub.output.join('')}`));
    }, HUB_START_TIMEOUT);
    const onData = () => {
      const match = /is running: dashboard (http:\/\/\S+?)\/?\s/.exec(hub.output.join(''));
      if (match) {
        cleanup();
        resolve(match[1]!);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`The hub exited (code ${code}) before it was running:\n${hub.output.join('')}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  }).catch(async (error: unknown) => {
    await stopHub(hub);
    throw error;
  });
  return hub;
}

export async function stopHub(hub: Hub): Promise<void> {
  const { child } = hub;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await rm(hub.dataDir, { recursive: true, force: true });
}

// ---------- demo accounts ----------

export interface DemoAccount {
  username: string;
  role: string;
  password: string;
  for: string;
}

/**
 * The demo accounts a fresh demo installation prints once, as a console.table:
 *   │ 4 │ 'reporter' │ 'AGENCY_REPORTER' │ 'DabZE9J-L3VQ8Wxx' │ '市司法局' │
 * (columns (index), username, role, password, for).
 */
export function parseDemoAccounts(output: string): Map<string, DemoAccount> {
  const accounts = new Map<string, DemoAccount>();
  let columns: string[] | null = null;
  for (const line of output.split('\n')) {
    if (!line.includes('│')) continue;
    const cells = line
      .split('│')
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/^'(.*)'$/, '$1'));
    if (cells[0] === '(index)') {
      columns = cells;
      continue;
    }
    if (!columns || !/^\d+$/.test(cells[0] ?? '')) continue;
    const row = Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? '']));
    if (row.username && row.password) {
      accounts.set(row.username, { username: row.username, role: row.role ?? '', password: row.password, for: row.for ?? '' });
    }
  }
  return accounts;
}

// ---------- the API, directly ----------

export async function graphql<T>(
  hub: Hub,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Signs in through the API (not the browser); the bearer token for `graphql`'s headers. */
export async function apiSignIn(hub: Hub, account: DemoAccount): Promise<{ authorization: string }> {
  const data = await graphql<{ signIn: { token: string } }>(
    hub,
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }',
    { u: account.username, p: account.password },
  );
  return { authorization: `Bearer ${data.signIn.token}` };
}

export interface PageOptions {
  /** Sign in as this demo account first (a session cookie in the page's context). */
  signIn?: string;
  /** Console errors the test expects (e.g. a refused request's 404). */
  allowedErrors?: RegExp[];
  /** More settings for the page's browser context (e.g. `acceptDownloads`, `timezoneId`), over 1366×900 and zh-CN. */
  context?: BrowserContextOptions;
}

let failureShots: string | undefined;

/**
 * Runs `body` on a fresh page (1366×900, zh-CN), failing on any console or page error; a failure
 * leaves a full-page screenshot in a temporary folder and names it in the log.
 */
export async function runOnPage(
  env: { browser: Browser; hub: Hub; accounts: Map<string, DemoAccount>; testName: string },
  name: string,
  body: (page: Page, context: BrowserContext) => Promise<void>,
  options: PageOptions = {},
): Promise<void> {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', ...options.context });
  if (options.signIn) {
    const { password } = env.accounts.get(options.signIn)!;
    const response = await context.request.post(`${env.hub.url}/graphql`, {
      data: {
        query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { expiresAt } }',
        variables: { u: options.signIn, p: password },
      },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !(options.allowedErrors ?? []).some((re) => re.test(message.text()))) {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  try {
    await body(page, context);
    expect(consoleErrors, 'console errors').toEqual([]);
  } catch (error) {
    failureShots ??= await mkdtemp(path.join(os.tmpdir(), 'pufa-e2e-shots-'));
    const file = path.join(failureShots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`[${env.testName}] "${name}" failed; screenshot: ${file}; URL: ${page.url()}`);
    throw error;
  } finally {
    await context.close();
  }
}

// ---------- one browser suite ----------

/** PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the pages along the way (see `BrowserSuite.shot`). */
export const SHOTS = process.env.PUFA_E2E_SCREENSHOTS || null;
/**
 * The shared setup's hook: the hub's start, sign-ins and Chromium's launch. A file's own setup
 * after it gets as long again, as generous as when both were one hook.
 */
export const SETUP_TIMEOUT = HUB_START_TIMEOUT + 30_000;

export interface BrowserSuite {
  readonly hub: Hub;
  readonly browser: Browser;
  /** The demo accounts the hub printed, by username. */
  readonly accounts: Map<string, DemoAccount>;
  /** How long the hub took to start and Chromium to launch, in ms. */
  readonly startup: { hub: number; browser: number };
  /** The demo account named `username`; throws when the hub printed none. */
  account(username: string): DemoAccount;
  /** The headers of an account named in `signIn`, signed in through the API, for `graphql`. */
  auth(username: string): { authorization: string };
  /** `runOnPage` on this suite's hub and browser. */
  onPage(name: string, body: (page: Page, context: BrowserContext) => Promise<void>, options?: PageOptions): Promise<void>;
  /** With PUFA_E2E_SCREENSHOTS set, keeps a screenshot of the page as `<name>.png` once its animations have ended. */
  shot(page: Page, name: string, options?: { settleMs?: number; fullPage?: boolean }): Promise<void>;
}

/**
 * Registers the hooks a browser suite shares: before all, a hub with the demo data, its accounts
 * (those in `signIn` also signed in through the API) and Chromium; after all, both closed. Call it
 * first in the `describe`: a file's own `beforeAll` registered after it runs after it, with all of
 * this there. Everything throws when read before that, rather than handing on an `undefined`.
 */
export function browserSuite(testName: string, options: { signIn?: string[] } = {}): BrowserSuite {
  let hub: Hub | undefined;
  let browser: Browser | undefined;
  let accounts: Map<string, DemoAccount> | undefined;
  const tokens = new Map<string, { authorization: string }>();
  const startup = { hub: 0, browser: 0 };

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(`[${testName}] the suite's ${what} is not there: read it in a test or a hook after browserSuite(), and see whether its beforeAll failed.`);
    }
    return value;
  };

  const suite: BrowserSuite = {
    get hub() {
      return ready(hub, 'hub');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get accounts() {
      return ready(accounts, 'demo accounts');
    },
    startup,
    account(username) {
      const found = suite.accounts.get(username);
      if (!found) throw new Error(`[${testName}] no demo account "${username}"; the hub printed: ${[...suite.accounts.keys()].join(', ')}.`);
      return found;
    },
    auth(username) {
      const headers = tokens.get(username);
      if (!headers) throw new Error(`[${testName}] "${username}" is not signed in: name it in browserSuite's signIn.`);
      return headers;
    },
    onPage(name, body, pageOptions) {
      return runOnPage({ browser: suite.browser, hub: suite.hub, accounts: suite.accounts, testName }, name, body, pageOptions);
    },
    async shot(page, name, { settleMs = 800, fullPage = true } = {}) {
      if (!SHOTS) return;
      await page.waitForTimeout(settleMs);
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
    },
  };

  beforeAll(async () => {
    const executablePath = assertCanRun();
    let started = performance.now();
    hub = await startHub();
    startup.hub = performance.now() - started;
    accounts = parseDemoAccounts(hub.output.join(''));
    for (const username of options.signIn ?? []) tokens.set(username, await apiSignIn(hub, suite.account(username)));
    started = performance.now();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    startup.browser = performance.now() - started;
    if (SHOTS) await mkdir(SHOTS, { recursive: true });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (hub) await stopHub(hub);
  }, 30_000);

  return suite;
}
