// The command palette at 1,000, 10,000 and 50,000 cases in headless Chromium on the release
// build (budget: no task over 50 ms while typing). A measurement, not a test:
// `node tests/e2e/bench/palette.mjs` after a release build. For each desk, the title of one
// case far down the desk is typed into the palette, a key every KEY_GAPS ms (a quick typist,
// whose pauses are too short for the cases to be searched, and a slow one, who pauses after
// every key long enough for a search to start and be overtaken by the next key):
//   longest: the longest main-thread task while typing and until the cases are shown, as
//            thread CPU time from a Chromium trace (so other processes' load does not count);
//   shown:   from the last key until that case is the first option (wall time).
// Each is the median of RUNS runs, with the range.
import { serveDist, launch, artifacts, importThroughReview } from '../harness.mjs';
import { exportFile, syntheticCases } from '../synthetic.mjs';
import { mainThreadTasks, spread, load, printTable } from './measure.mjs';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = (process.env.PALETTE_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.PALETTE_RUNS ?? 3);
const KEY_GAPS = [60, 170];

const server = await serveDist();
const browser = await launch();
mkdirSync(artifacts, { recursive: true });
const rows = [];
try {
  for (const size of SIZES) {
    const cases = syntheticCases(size);
    const file = join(artifacts, `palette-${size}.json`);
    writeFileSync(file, exportFile(cases));
    // A case near the end, so every case before it is scored; Latin, so keys type it.
    const wanted = cases.slice(Math.floor(size * 0.8)).find((c) => /^[a-z ]{12,}$/.test(c.title)).title.slice(0, 24);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
    await importThroughReview(page, file);
    await page.reload();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor({ timeout: 120_000 });
    // Loading and the first grouping run in slices for a few seconds after the inbox shows.
    await page.waitForTimeout(Math.max(2_000, size / 5));
    for (const gap of KEY_GAPS) {
      const row = { size, gap, load: load(), longest: [], shown: [] };
      for (let run = 0; run < RUNS; run++) {
        await page.keyboard.press('Control+k');
        const dialog = page.getByRole('dialog', { name: 'Command palette' });
        await dialog.getByRole('combobox').waitFor();
        const { result: shown, tasks } = await mainThreadTasks(browser, page, async () => {
          for (const key of wanted) {
            await page.keyboard.type(key);
            await page.waitForTimeout(gap);
          }
          const last = Date.now() - gap;
          await dialog.getByRole('option').first().filter({ hasText: wanted }).waitFor({ timeout: 30_000 });
          return Date.now() - last;
        });
        row.longest.push(Math.max(...tasks));
        row.shown.push(shown);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
      }
      rows.push(row);
      console.error(JSON.stringify(row));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
printTable(['cases', 'key every', 'longest task (CPU)', 'last key to case shown', 'load average'], rows, (row) => [
  row.size.toLocaleString('en'),
  `${row.gap} ms`,
  spread(row.longest),
  spread(row.shown),
  row.load,
]);
