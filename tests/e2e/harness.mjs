// Shared setup for the browser tests: serves the release build from a sub-path, the way a
// static host would, and drives Debian's Chromium through playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
const dist = join(root, 'dist');
export const artifacts = join(here, 'artifacts');
export const SUB_PATH = '/triage-desk/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ under the sub-path as a static host would: hashed names cached for a year, the
 * rest revalidated. Options: `brotli` answers clients that accept it with brotli bodies (as a
 * host's precompression does); `rewrite(name, body)` may change a file on its way out (the
 * offline test's next deployment); `onRequest(url)` sees every request (what a visit fetched).
 */
export async function serveDist({ brotli = false, rewrite, onRequest } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    onRequest?.(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const name = path.slice(SUB_PATH.length) || 'index.html';
    const file = normalize(join(dist, name));
    if (!path.startsWith(SUB_PATH) || !file.startsWith(dist)) return res.writeHead(404).end();
    let body;
    try {
      body = await readFile(file);
    } catch {
      return res.writeHead(404).end('not found');
    }
    if (rewrite) body = Buffer.from(rewrite(name, body));
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': /-[0-9a-f]{16}[._]/.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (brotli && !name.endsWith('.png') && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${name}:${body.length}`;
      if (!compressed.has(key)) {
        compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      body = compressed.get(key);
      headers['content-encoding'] = 'br';
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Serves the release build and starts Chromium once for the test file that calls it. */
export function useServedApp() {
  const app = {};
  before(async () => {
    app.server = await serveDist();
    app.browser = await launch();
    await mkdir(artifacts, { recursive: true });
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** A page of `context` on `url`, its console and page errors pushed onto `errors`. */
async function openPage(context, url, errors, prepare) {
  const page = await context.newPage();
  const prepared = prepare?.(page);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(url);
  await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
  return { page, prepared };
}

/**
 * The browser tests' fixture: runs `body` on a fresh browser profile (empty storage) with a page
 * open on the app, fails the test on any console error or page error of the profile's pages that
 * `allow` does not match, and closes the profile in `finally`, whether the test passed or not.
 *
 * `app` is what `useServedApp()` returned. Options (all optional):
 * - `allow`: a RegExp for the errors this test provokes on purpose; no other test gets it.
 * - `setup(context)`: runs before the first page opens (init scripts).
 * - `prepare(page)`: gets the first page before it loads, to listen from the first request on.
 * `body` gets `{ context, page, prepared, errors, open }`: `prepared` is what `prepare` returned;
 * `errors` is every error seen so far (allowed or not), for a check part-way through; `open(path)`
 * opens another page of the profile on the app (`path` after the app's URL, e.g. a `#/case/…`
 * route), watched the same way. Returns what `body` returned.
 */
export async function withApp(app, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const { allow, setup, prepare } = options;
  const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } });
  try {
    await setup?.(context);
    const errors = [];
    const open = async (path = '') => (await openPage(context, `${app.server.url}${path}`, errors)).page;
    const { page, prepared } = await openPage(context, app.server.url, errors, prepare);
    const result = await body({ context, page, prepared, errors, open });
    assert.deepEqual(errors.filter((error) => !allow?.test(error)), [], 'no console error or page error');
    return result;
  } finally {
    await context.close();
  }
}

export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Loads the demo queue into an empty inbox. */
export async function loadDemo(page) {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}

/** Fills in and saves the New case form. */
export async function createCase(page, fields) {
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.description) await page.getByLabel('Description').fill(fields.description);
  if (fields.customer) await page.getByLabel('Customer', { exact: true }).fill(fields.customer);
  if (fields.tier) await page.getByLabel('Tier').selectOption({ label: fields.tier });
  if (fields.surface) await page.getByLabel('Surface').selectOption({ label: fields.surface });
  if (fields.category) await page.getByLabel('Category').fill(fields.category);
  if (fields.customersAffected) await page.getByLabel('Customers affected').fill(String(fields.customersAffected));
  if (fields.urgency) await page.getByLabel('Urgency').selectOption({ label: fields.urgency });
  await page.getByRole('button', { name: 'Save' }).click();
  // Save opens the new case; Back returns to the inbox with its row selected.
  await page.locator('#case-title').waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}

export async function readDownload(download) {
  return readFile(await download.path(), 'utf8');
}

/**
 * The desk as the page stored it in IndexedDB (meta record plus case chunks), in the shape of
 * the earlier single-key envelope, as JSON text; null when nothing is stored.
 */
export async function storedDesk(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('triage-desk');
      // Looking must not create the database the app has not made yet.
      open.onupgradeneeded = () => open.transaction.abort();
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(null);
      open.onblocked = () => reject(new Error('blocked'));
    });
    if (!db) return null;
    const tx = db.transaction(['meta', 'chunks']);
    const get = (request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const [meta, chunks] = await Promise.all([get(tx.objectStore('meta').get('desk')), get(tx.objectStore('chunks').getAll())]);
    db.close();
    if (meta === undefined) return null;
    const { schema_version, revision, settings, not_duplicates, merges, incidents } = JSON.parse(meta);
    // Records are UTF-8 bytes since layout 3; earlier layouts stored strings.
    const placed = chunks.flatMap((chunk) => JSON.parse(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)));
    placed.sort((a, b) => a.at - b.at || (a.case.id < b.case.id ? -1 : 1));
    const data = { cases: placed.map((p) => p.case), settings, not_duplicates, merges, incidents };
    return JSON.stringify({ schema_version, revision, data });
  });
}

/** Removes everything the app stored (database and local storage), as "clear site data" does. */
export async function clearStorage(page) {
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase('triage-desk');
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
    });
  });
}

/** The inbox's case rows now in the page (the list builds only those near the screen). */
export const caseRows = (page) =>
  page.getByRole('grid', { name: 'Inbox' }).getByRole('row').filter({ has: page.getByRole('gridcell') });

/**
 * Waits until the page has painted twice, so a scroll has been answered with rows. Bounded: a
 * headless page that stops producing frames would otherwise hold the evaluation (which has no
 * timeout) and the whole run forever, as one CI run did in `screens.test.mjs`.
 */
export const settle = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(resolve));
        setTimeout(resolve, 1000);
      }),
  );

/**
 * Every row of the inbox in order, read by scrolling the page from top to bottom:
 * `{ index, text, badge, score }` with `index` the row's `aria-rowindex`.
 */
export async function allCaseRows(page) {
  const rows = new Map();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (;;) {
    await settle(page);
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll('[role="grid"] [role="row"]:has([role="gridcell"])')].map((row) => ({
        index: Number(row.getAttribute('aria-rowindex')),
        text: row.innerText,
        badge: row.querySelector('.priority [aria-hidden="true"]')?.innerText ?? '',
        score: Number(row.querySelector('.score')?.innerText),
      })),
    );
    for (const row of seen) rows.set(row.index, row);
    const atEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY === before;
    });
    if (atEnd) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return [...rows.values()].sort((a, b) => a.index - b.index);
}

/** Imports a file through the Import file input and confirms the review; waits for the inbox. */
export async function importThroughReview(page, file) {
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  const review = page.getByRole('region', { name: 'Import review' });
  await review.getByRole('button', { name: 'Import cases' }).click({ timeout: 120_000 });
  await review.getByText(/^Imported: /).waitFor({ timeout: 120_000 });
}

/** Runs `work(db, arg)` in the page against the app's database, as damage or a test would.
 * The call is put together here as one expression: the page's Content-Security-Policy forbids
 * `eval` and `new Function` inside it (the browser's own evaluation is not bound by it). */
export function inDatabase(page, work, arg) {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open('triage-desk');
      open.onsuccess = () => resolve(open.result);
    });
    const result = await (${work.toString()})(db, ${JSON.stringify(arg ?? null)});
    db.close();
    return result;
  })()`);
}

/** Opens the header's Data menu (Export JSON, Export CSV, Import, Quick add) unless it is open. */
export async function openDataMenu(page) {
  const menu = page.locator('details.data-menu');
  if (!(await menu.evaluate((details) => details.open))) await menu.locator('summary', { hasText: 'Data' }).click();
}
