// First and repeat visit to a usable inbox at 1,000 cases, in headless Chromium on the
// release build, with the network throttled to 1.6 Mbps down, 750 kbps up and 150 ms round
// trip. The first visit has nothing cached (no worker, empty HTTP cache; the cases are in
// IndexedDB); the repeat visits are answered by the service worker, online and offline.
// Served with brotli and long-lived caching for hashed names, as a static host would.
// A measurement, never part of the pass/fail suite: `node tests/e2e/bench/visit-timing.mjs`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SUB_PATH, serveDist, launch, artifacts, importThroughReview } from '../harness.mjs';
import { exportFile, numberedCases } from '../synthetic.mjs';

const CASES = 1_000;
const RUNS = 5;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
/** Every URL the server was asked for, to show what a visit took from the network. */
const requests = [];

/**
 * Milliseconds from navigation start until the inbox's first case row is painted, and on the
 * way: the page's HTML and the wasm received, the stored desk read (`triage-desk:load`).
 */
async function visit(context, url, { cold = false, throttle = true } = {}) {
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Also keeps the renderer's memory cache out of a first visit.
    if (cold) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
  }
  await page.goto(url, { waitUntil: 'commit' });
  const usable = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const check = () => (document.querySelector('[role="grid"] [role="row"] [role="gridcell"]') ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
      }),
  );
  const result = await page.evaluate(() => ({
    html: performance.getEntriesByType('navigation')[0].responseEnd,
    wasm: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'))?.responseEnd,
    read: performance.getEntriesByName('triage-desk:load')[0]?.duration,
    // Set only when a service worker answered the navigation.
    worker: performance.getEntriesByType('navigation')[0].workerStart > 0,
  }));
  await page.close();
  return { usable, ...result };
}

async function runs(label, work) {
  const results = [];
  requests.length = 0;
  for (let run = 0; run < RUNS; run++) results.push(await work());
  const fetched = [...new Set(requests.map((r) => r.slice(SUB_PATH.length) || 'index.html'))].join(', ');
  const median = (key) => Math.round(results.map((r) => r[key]).sort((a, b) => a - b)[RUNS >> 1]);
  const usable = results.map((r) => r.usable).sort((a, b) => a - b);
  const through = results.every((r) => r.worker) ? 'service worker' : results.some((r) => r.worker) ? 'mixed' : 'network';
  console.log(
    `${label.padEnd(30)} usable ${median('usable')} ms (${Math.round(usable[0])}-${Math.round(usable.at(-1))}); ` +
      `html ${median('html')}, wasm ${median('wasm')}, desk read ${median('read')} ms; ${through}; server asked for: ${fetched || 'nothing'}`,
  );
}

const server = await serveDist({ brotli: true, onRequest: (url) => requests.push(url) });
const { url } = server;
const browser = await launch();
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `cases-${CASES}.json`);
  writeFileSync(file, exportFile(numberedCases(CASES)));
  await importThroughReview(page, file);
  await page.getByText(`${CASES.toLocaleString('en')} cases`, { exact: true }).waitFor({ timeout: 120_000 });
  await page.getByText('Saved', { exact: true }).waitFor();
  // No page of the app stays open: a worker that controls one outlives its unregistering.
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  const origin = new URL(url).origin;

  console.log(`visits to a usable inbox at ${CASES} cases, 1.6 Mbps / 150 ms (${RUNS} runs each)`);
  await runs('first visit (nothing cached)', async () => {
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' });
    await cdp.send('Network.clearBrowserCache');
    return visit(context, url, { cold: true });
  });
  // The last first visit installed the worker again; let it finish.
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if ((await caches.keys()).length !== 1) throw new Error('the worker has no cache');
  });
  await page.goto('about:blank');
  await runs('repeat visit, online', () => visit(context, url));
  await context.setOffline(true);
  // Playwright's offline and a page's own throttling do not combine; offline needs none.
  await runs('repeat visit, offline', () => visit(context, url, { throttle: false }));
  await context.close();
} finally {
  await browser.close();
  server.close();
}
