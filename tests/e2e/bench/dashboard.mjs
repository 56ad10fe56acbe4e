// The dashboard at 1,000, 10,000 and 50,000 cases in headless Chromium on the release build:
// from opening it to the figures on screen and the page free again, and the longest task
// while the period changes (budget: 200 ms to compute, no task over 50 ms on a change). A
// measurement, not a test: `node tests/e2e/bench/dashboard.mjs` after a release build.
import { serveDist, launch, artifacts, importThroughReview } from '../harness.mjs';
import { exportFile, syntheticCases } from '../synthetic.mjs';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = (process.env.DASHBOARD_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.DASHBOARD_RUNS ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Long tasks seen by the page, from the first byte.
const HOOKS = () => {
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
    type: 'longtask',
    buffered: true,
  });
};

/** Ms from clicking `name` until a headline figure shows and the main thread is free. */
function untilFigures(page, click) {
  return page.evaluate(
    (click) =>
      new Promise((resolve) => {
        const start = performance.now();
        const done = () => setTimeout(() => resolve(performance.now() - start));
        const observer = new MutationObserver(() => {
          if (document.querySelector('.kpi-value')) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        document.querySelector(click).click();
      }),
    click,
  );
}

const server = await serveDist();
const browser = await launch();
mkdirSync(artifacts, { recursive: true });
const rows = [];
try {
  for (const size of SIZES) {
    const file = join(artifacts, `dashboard-${size}.json`);
    writeFileSync(file, exportFile(syntheticCases(size)));
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(HOOKS);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
    await importThroughReview(page, file);
    const open = [];
    const change = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${server.url}#/`);
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      open.push(await untilFigures(page, 'a[href="#/dashboard"]'));
      await page.evaluate(() => (window.longTasks = []));
      for (const label of ['Last 90 days', 'Last 7 days', 'This quarter']) {
        await page.getByLabel('Period', { exact: true }).selectOption({ label });
        await page.waitForTimeout(300);
      }
      change.push(await page.evaluate(() => Math.max(0, ...window.longTasks)));
    }
    rows.push({ size, open: median(open), change: median(change) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('| cases | open the dashboard to figures (ms) | longest task while changing the period (ms) |');
console.log('|---|---|---|');
for (const row of rows) console.log(`| ${row.size.toLocaleString('en')} | ${row.open.toFixed(0)} | ${row.change.toFixed(0)} |`);
