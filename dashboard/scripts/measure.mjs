// Measures the dashboard's two budgets (docs/benchmarks.md, "Dashboard"):
//   1. the JavaScript the first load needs, gzipped: the entry script and its
//      modulepreloads in dist/index.html, plus, for the overview, the lazy
//      chunks its first paint imports (taken from the browser's requests);
//   2. the overview "fully drawn" time in Chromium: from navigation start until
//      the nine key figures show numbers, the three charts have drawn and no
//      skeleton or busy region is left.
//
//   npm run build && npm start          # the hub with the embedded demo database
//   node dashboard/scripts/measure.mjs http://127.0.0.1:4000 [runs=7] [username password]
//
// Each run uses a fresh browser context (empty cache). With a username and
// password the runs are signed in (the ranking chart needs a reader of every unit).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [url = 'http://127.0.0.1:4000', runsText = '7', username, password] = process.argv.slice(2);
const runs = Number(runsText);
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const entryBytes = entry.reduce((sum, file) => sum + gz(file), 0);
console.log(`entry (index.html scripts + modulepreloads): ${entry.length} files, ${kb(entryBytes)} gzipped`);

const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const times = [];
let firstLoad = null;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  if (username) {
    await context.request.post(`${url}/graphql`, {
      data: { query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { expiresAt } }', variables: { u: username, p: password } },
    });
  }
  const page = await context.newPage();
  const scripts = new Set();
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname.replace(/^\//, '');
    if (file.endsWith('.js')) scripts.add(file);
  });
  await page.goto(`${url}/`);
  const drawn = await page.waitForFunction(
    () => {
      const figures = [...document.querySelectorAll('li.kpi-card .kpi-number')];
      const charts = document.querySelectorAll('.echart canvas').length;
      const waiting = document.querySelectorAll('.skeleton, [aria-busy="true"]').length;
      return figures.length === 9 && charts >= 2 && waiting === 0 ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = await drawn.jsonValue();
  // Wait for the charts' entry animation (400 ms) to be over too.
  times.push(ms + 400);
  if (i === 0) firstLoad = [...scripts];
  await context.close();
}
await browser.close();

const overviewBytes = firstLoad.reduce((sum, file) => sum + gz(file), 0);
console.log(`overview first load: ${firstLoad.length} scripts, ${kb(overviewBytes)} gzipped`);
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`overview fully drawn (${runs} runs, ms): median ${median.toFixed(0)}, min ${sorted[0].toFixed(0)}, max ${sorted.at(-1).toFixed(0)}`);
