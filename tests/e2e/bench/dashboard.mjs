// The dashboard at 1,000, 10,000 and 50,000 cases in headless Chromium on the release build
// (budget: 200 ms to compute the dashboard, no task over 50 ms on a change of period). A
// measurement, not a test: `node tests/e2e/bench/dashboard.mjs` after a release build.
//   open:    from clicking Dashboard on a freshly loaded page (nothing worked out yet) until
//            the figures are on screen and no newer ones are on their way;
//   change:  from choosing another period until its figures are on screen (the median over
//            Last 90 days, Last 7 days and This quarter);
//   longest: the longest the page went without a turn of its event loop while opening and
//            changing, read from a 0 ms timer that re-arms itself (about a task's length).
// Each is the median of DASHBOARD_RUNS runs (each on a reloaded page).
import { serveDist, launch, artifacts, importThroughReview } from '../harness.mjs';
import { exportFile, syntheticCases } from '../synthetic.mjs';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = (process.env.DASHBOARD_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.DASHBOARD_RUNS ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Long tasks seen by the page, and a timer that notes the longest gap between its turns.
const HOOKS = () => {
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
    type: 'longtask',
    buffered: true,
  });
  window.longestGap = 0;
  window.ticks = 0;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    window.longestGap = Math.max(window.longestGap, now - last);
    window.ticks++;
    last = now;
    setTimeout(tick, 0);
  };
  window.watchGaps = () => {
    window.longestGap = 0;
    last = performance.now();
  };
  setTimeout(tick, 0);
};

/** Runs `act` in the page, then resolves with the ms until figures show and none are pending. */
function untilFigures(page, act) {
  return page.evaluate(
    (act) =>
      new Promise((resolve) => {
        const start = performance.now();
        window.watchGaps();
        if (act.click) document.querySelector(act.click).click();
        if (act.period) {
          const select = document.getElementById('kpi-period');
          select.value = act.period;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
        const check = () => {
          const pending = document.querySelector('.kpi-state')?.textContent.includes('Updating');
          if (!document.querySelector('.kpi-value') || pending) return void setTimeout(check, 0);
          resolve(performance.now() - start);
        };
        setTimeout(check, 0);
      }),
    act,
  );
}

/** Waits until the page is idle for a second: loading and the first grouping, which run in
 * slices, are over (an idle page turns its event loop about every 4 ms). */
async function settle(page) {
  for (let i = 0; i < 120; i++) {
    await page.evaluate(() => (window.ticks = 0));
    await page.waitForTimeout(1000);
    if ((await page.evaluate(() => window.ticks)) > 100) return;
  }
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
    const longest = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${server.url}#/`);
      await page.reload();
      await page.getByRole('heading', { name: 'Inbox' }).waitFor({ timeout: 120_000 });
      await settle(page);
      open.push(await untilFigures(page, { click: 'a[href="#/dashboard"]' }));
      let gap = await page.evaluate(() => window.longestGap);
      for (const period of ['90d', '7d', 'quarter']) {
        await page.waitForTimeout(300);
        change.push(await untilFigures(page, { period }));
        gap = Math.max(gap, await page.evaluate(() => window.longestGap));
      }
      longest.push(gap);
    }
    rows.push({ size, open: median(open), change: median(change), longest: median(longest) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('| cases | open the dashboard (ms) | change the period (ms) | longest task (ms) |');
console.log('|---|---|---|---|');
for (const row of rows) {
  const cells = [row.open, row.change, row.longest].map((ms) => ms.toFixed(0));
  console.log(`| ${row.size.toLocaleString('en')} | ${cells.join(' | ')} |`);
}
