// The dashboard at 1,000, 10,000 and 50,000 cases in headless Chromium on the release build
// (budget: 200 ms to compute the dashboard, no task over 50 ms on a change of period). A
// measurement, not a test: `node tests/e2e/bench/dashboard.mjs` after a release build.
//   open:    from clicking Dashboard on a freshly loaded page (nothing worked out yet) until
//            the figures are on screen and no newer ones are on their way (wall time);
//   change:  from choosing another period until its figures are on screen (wall time, the
//            median over Last 90 days, Last 7 days and This quarter);
//   CPU:     the main thread's CPU time (thread time from a Chromium trace, so time taken by
//            other processes on a busy machine does not count) summed over every task from the
//            click or the change until 300 ms after the figures show: the slices, working out
//            the figures, drawing the charts and the page's own rendering;
//   longest: the longest task of a change, as thread CPU time from the trace, as wall time
//            from long-task entries (0 when none reached 50 ms), and as the longest the page
//            went without a turn of its event loop (a 0 ms timer that re-arms itself).
// Each is the median of DASHBOARD_RUNS runs (each on a reloaded page), with the range; the
// load average is read before each size.
import { serveDist, launch, artifacts, importThroughReview } from '../harness.mjs';
import { exportFile, syntheticCases } from '../synthetic.mjs';
import { mainThreadTasks, median, spread, load, printTable } from './measure.mjs';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = (process.env.DASHBOARD_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.DASHBOARD_RUNS ?? 3);

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

/** Runs `act` as `untilFigures` does, tracing the browser meanwhile and 300 ms after; returns
 * the wall time, the main thread's summed task CPU time, its longest task's CPU time, the
 * longest long-task entry and the longest gap between turns of the event loop, in ms. */
async function traced(browser, page, act) {
  await page.evaluate(() => (window.longTasks = []));
  const { result: wall, tasks } = await mainThreadTasks(browser, page, async () => {
    const wall = await untilFigures(page, act);
    await page.waitForTimeout(300);
    return wall;
  });
  const gap = await page.evaluate(() => window.longestGap);
  const cpu = tasks.reduce((sum, ms) => sum + ms, 0);
  const longTask = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
  return { wall, cpu, longestCpu: Math.max(0, ...tasks), longTask, gap };
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
    const row = { size, load: load(), open: [], openCpu: [], change: [], changeCpu: [], longestCpu: [], longTask: [], gap: [] };
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${server.url}#/`);
      await page.reload();
      await page.getByRole('heading', { name: 'Inbox' }).waitFor({ timeout: 120_000 });
      await settle(page);
      const open = await traced(browser, page, { click: 'a[href="#/dashboard"]' });
      row.open.push(open.wall);
      row.openCpu.push(open.cpu);
      let [longestCpu, longTask, gap] = [0, 0, 0];
      const changes = [];
      for (const period of ['90d', '7d', 'quarter']) {
        await page.waitForTimeout(300);
        const change = await traced(browser, page, { period });
        changes.push(change);
        longestCpu = Math.max(longestCpu, change.longestCpu);
        longTask = Math.max(longTask, change.longTask);
        gap = Math.max(gap, change.gap);
      }
      row.change.push(median(changes.map((c) => c.wall)));
      row.changeCpu.push(median(changes.map((c) => c.cpu)));
      row.longestCpu.push(longestCpu);
      row.longTask.push(longTask);
      row.gap.push(gap);
    }
    rows.push(row);
    console.error(JSON.stringify(row));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
printTable(
  ['cases', 'open (wall)', 'open (CPU)', 'change (wall)', 'change (CPU)', 'longest task (CPU)', 'long-task entry', 'longest gap', 'load average'],
  rows,
  (row) => [
    row.size.toLocaleString('en'),
    ...['open', 'openCpu', 'change', 'changeCpu', 'longestCpu', 'longTask', 'gap'].map((key) => spread(row[key])),
    row.load,
  ],
);
