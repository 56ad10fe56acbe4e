// First and repeat visit to a usable inbox at 1,000 cases, in headless Chromium on the
// release build, with the network throttled to 1.6 Mbps down, 750 kbps up and 150 ms round
// trip. The first visit has nothing cached (no worker, empty HTTP cache; the cases are in
// IndexedDB); the repeat visits are answered by the service worker, online and offline.
// Served with brotli and long-lived caching for hashed names, as a static host would.
// A measurement, never part of the pass/fail suite: `node tests/e2e/bench/visit-timing.mjs`.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, join } from 'node:path';
import { root, SUB_PATH, launch, openApp, artifacts, exportJson, importThroughReview } from '../harness.mjs';

const CASES = 1_000;
const RUNS = 5;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

function serve() {
  const dist = join(root, 'dist');
  const files = new Map(
    readdirSync(dist).map((name) => {
      const raw = readFileSync(join(dist, name));
      const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      return [name, { raw, br }];
    }),
  );
  const server = createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(SUB_PATH.length) || 'index.html';
    const file = files.get(name);
    if (!file) return res.writeHead(404).end();
    const brotli = /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && !name.endsWith('.png');
    res.writeHead(200, {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      'cache-control': /-[0-9a-f]{16}[._]/.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(brotli && { 'content-encoding': 'br' }),
    });
    res.end(brotli ? file.br : file.raw);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}${SUB_PATH}` })));
}

/** Milliseconds from navigation start until the inbox's first case row is painted. */
async function visit(context, url, { cold = false } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Also keeps the renderer's memory cache out of a first visit.
  if (cold) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const check = () => (document.querySelector('[role="grid"] [role="row"] [role="gridcell"]') ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
      }),
  );
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  await page.close();
  return { ms, controlled };
}

async function runs(label, work) {
  const results = [];
  for (let run = 0; run < RUNS; run++) results.push(await work());
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const through = results.every((r) => r.controlled) ? 'service worker' : results.some((r) => r.controlled) ? 'mixed' : 'network';
  console.log(`${label.padEnd(34)} median ${Math.round(times[RUNS >> 1])} ms  (min ${Math.round(times[0])}, max ${Math.round(times.at(-1))}; ${through})`);
}

const { server, url } = await serve();
const browser = await launch();
try {
  const { context, page } = await openApp(browser, url);
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `cases-${CASES}.json`);
  writeFileSync(file, exportJson(CASES));
  await importThroughReview(page, file);
  await page.getByText(`${CASES} cases`, { exact: true }).waitFor({ timeout: 120_000 });
  await page.getByText('Saved', { exact: true }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);

  console.log(`visits to a usable inbox at ${CASES} cases, 1.6 Mbps / 150 ms (${RUNS} runs each)`);
  await runs('first visit (nothing cached)', async () => {
    await page.evaluate(async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
      for (const name of await caches.keys()) await caches.delete(name);
    });
    await cdp.send('Network.clearBrowserCache');
    return visit(context, url, { cold: true });
  });
  // The last first visit installed the worker again; let it finish.
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await runs('repeat visit, online', () => visit(context, url));
  await context.setOffline(true);
  await runs('repeat visit, offline', () => visit(context, url));
  await context.close();
} finally {
  await browser.close();
  server.close();
}
