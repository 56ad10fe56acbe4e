// Triage Desk at 1,000, 10,000 and 50,000 cases in headless Chromium on the release build:
// load to interactive, save one edit, sort by score, filter, the threshold slider's longest
// task, and wasm memory, with the machine it ran on. A measurement, not a test:
// `scripts/bench-scale.sh` runs it.
//
// Each figure is the median of a few runs, read in the page (performance.now() from navigation
// start; the store's own `triage-desk:save` / `triage-desk:load` measures), so Playwright's
// polling adds nothing. "Until updated" means: the list changed and the page's main thread was
// free again (the next macrotask ran), i.e. the user could type the next key.
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, artifacts, importThroughReview } from '../harness.mjs';
import { exportFile, syntheticCases } from '../synthetic.mjs';

const SIZES = (process.env.SCALE_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.SCALE_RUNS ?? 3);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Recorded in every page from the first byte: when inbox rows first appear and the main thread
// is next free, and the wasm memory (Trunk hands the module's exports to this event).
const HOOKS = () => {
  addEventListener('TrunkApplicationStarted', (event) => {
    window.benchMemory = event.detail.wasm.memory;
    window.benchStarted = performance.now();
  });
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('main tbody tr, main [role="row"]').length > 1) {
      observer.disconnect();
      const seen = performance.now();
      setTimeout(() => {
        window.benchInteractive = { seen, free: performance.now() };
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

/** Runs `act` in the page and resolves with ms until `target` changes and the thread is free. */
async function untilUpdated(page, selector, act) {
  return page.evaluate(
    ([selector, act]) =>
      new Promise((resolve) => {
        const target = document.querySelector(selector);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          setTimeout(() => resolve(performance.now() - start));
        });
        observer.observe(target, { childList: true, subtree: true, characterData: true });
        // eslint-disable-next-line no-new-func
        new Function(act)();
        setTimeout(() => {
          observer.disconnect();
          resolve(NaN);
        }, 10_000);
      }),
    [selector, act],
  );
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length || cpus().length;
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  return `${model}, ${cores} cores; ${chromium}; node ${process.version}`;
}

/** How many cases the database's case records hold. */
const storedCaseCount = (page) =>
  page.evaluate(async () => {
    const db = await new Promise((resolve) => { indexedDB.open('triage-desk').onsuccess = (e) => resolve(e.target.result); });
    const chunks = await new Promise((resolve) => { db.transaction('chunks').objectStore('chunks').getAll().onsuccess = (e) => resolve(e.target.result); });
    db.close();
    return chunks.reduce((sum, chunk) => sum + JSON.parse(new TextDecoder().decode(chunk)).length, 0);
  });

async function measure(browser, url, size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(HOOKS);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `bench-scale-${size}.json`);
  writeFileSync(file, exportFile(syntheticCases(size)));
  await importThroughReview(page, file);

  const loads = [];
  const reads = [];
  for (let run = 0; run < RUNS; run++) {
    await page.reload();
    await page.waitForFunction(() => window.benchInteractive, null, { timeout: 60_000 });
    loads.push(await page.evaluate(() => window.benchInteractive.free));
    // The reload came right after "Imported": every case must be there.
    if (run === 0) {
      const kept = await storedCaseCount(page);
      if (kept !== size) throw new Error(`a reload right after the import kept ${kept} of ${size} cases`);
    }
    // From the wasm module running to the stored desk read and decoded.
    reads.push(await page.evaluate(() => (performance.getEntriesByName('triage-desk:load')[0]?.duration ?? NaN) - window.benchStarted));
  }

  // Sort: away from score order and back; the way back ranks every case by score again.
  const sorts = [];
  for (let run = 0; run < RUNS; run++) {
    await page.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
    await page.waitForTimeout(200);
    const select = `const s = document.getElementById('inbox-sort'); s.value = 'score'; s.dispatchEvent(new Event('change', { bubbles: true }));`;
    sorts.push(await untilUpdated(page, '#main', select));
  }

  // Filter: one keystroke's worth of input in the search box, then clearing it again.
  const filters = [];
  for (const word of ['refund', 'checkout', '결제', 'invoice', 'login'].slice(0, RUNS)) {
    const type = `const box = document.getElementById('inbox-search'); box.value = ${JSON.stringify(word)}; box.dispatchEvent(new Event('input', { bubbles: true }));`;
    filters.push(await untilUpdated(page, '#main', type));
    const clear = `const box = document.getElementById('inbox-search'); box.value = ''; box.dispatchEvent(new Event('input', { bubbles: true }));`;
    await untilUpdated(page, '#main', clear);
  }

  // Save one edit: change a case's customer on its page, time the store's write to commit.
  await page.locator('main tbody tr a, main [role="row"] a').first().click();
  const saves = [];
  const writes = [];
  for (let run = 0; run < RUNS; run++) {
    // A person's edits are seconds apart: each edit starts once the page has settled from the last.
    await page.waitForTimeout(500);
    await page.evaluate(() => performance.clearMeasures());
    const customer = page.getByLabel('Customer', { exact: true });
    await customer.fill(`Bench customer ${run}`);
    await customer.press('Tab');
    await page.waitForFunction(() => performance.getEntriesByName('triage-desk:save').length > 0, null, { timeout: 30_000 });
    saves.push(await page.evaluate(() => performance.getEntriesByName('triage-desk:save')[0].duration));
    writes.push(await page.evaluate(() => performance.getEntriesByName('triage-desk:write')[0].duration));
  }

  // Threshold slider: moved (not released, so nothing is saved) until the live count shows
  // the groups at the new threshold; the longest task meanwhile is how long the page froze.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByText(/groups? at this setting$/).waitFor({ timeout: 60_000 });
  const sliders = [];
  for (let run = 0; run < RUNS; run++) {
    const value = run % 2 === 0 ? '0.3' : '0.8';
    sliders.push(await page.evaluate((value) => new Promise((resolve) => {
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const count = document.getElementById('threshold-count');
      const before = count.textContent;
      const slider = document.getElementById('similarity-threshold');
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const poll = setInterval(() => {
        if (count.textContent !== before) {
          clearInterval(poll);
          setTimeout(() => {
            observer.disconnect();
            resolve(longest);
          }, 100);
        }
      }, 20);
    }), value));
  }

  const memory = await page.evaluate(() => window.benchMemory?.buffer.byteLength ?? NaN);
  await context.close();
  return { size, load: median(loads), read: median(reads), save: median(saves), write: median(writes), sort: median(sorts), filter: median(filters), slider: median(sliders), memory };
}

const server = await serveDist();
const browser = await launch();
const rows = [];
try {
  for (const size of SIZES) rows.push(await measure(browser, server.url, size));
} finally {
  await browser.close();
  await server.close();
}

const ms = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const mb = (bytes) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`);
console.log(`\nmachine: ${machine()}`);
console.log(`median of ${RUNS} runs; release build; page load to first rows and main thread free\n`);
console.log('| cases | load to interactive (of which: read and decode storage) | save one edit: change to committed (the write itself) | sort by score | filter (type in search) | threshold slider: longest task | wasm memory |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.size.toLocaleString('en')} | ${ms(r.load)} (${ms(r.read)}) | ${ms(r.save)} (${ms(r.write)}) | ${ms(r.sort)} | ${ms(r.filter)} | ${ms(r.slider)} | ${mb(r.memory)} |`);
}
writeFileSync(join(artifacts, 'bench-scale.json'), JSON.stringify({ machine: machine(), runs: RUNS, rows }, null, 2));
