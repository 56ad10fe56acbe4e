// Shared setup for the browser tests: serves the release build from a sub-path, the way a
// static host would, and drives Debian's Chromium through playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

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
};

export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not under the sub-path');
      return;
    }
    let file = normalize(join(dist, path.slice(SUB_PATH.length) || 'index.html'));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (file.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
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

/** A fresh browser profile (empty storage) with a page open on the app. */
export async function openApp(browser, url, { context: existing } = {}) {
  const context = existing ?? (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(url);
  await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
  return { context, page, errors };
}

export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
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
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}

export async function readDownload(download) {
  return readFile(await download.path(), 'utf8');
}

/** A Zendesk-like export of `rows` tickets. */
export function zendeskCsv(rows) {
  const header = 'Id,Subject,Description,Requester,Organization,Priority,Status,Created at,Updated at,Solved at,Via,Tags,Ticket type,Plan [list],Assignee';
  const priorities = ['Low', 'Normal', 'High', 'Urgent'];
  const statuses = ['new', 'open', 'pending', 'solved'];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const solved = statuses[i % 4] === 'solved' ? `2021-10-${day} 18:00:00 +0000` : '';
    lines.push(
      [
        100000 + i,
        `Ticket ${i}: checkout fails for card ${i % 97}`,
        `"Customer reports an error, ""code ${i % 13}"".\nSteps attached."`,
        `Customer ${i % 500}`,
        `Org ${i % 80}`,
        priorities[i % 4],
        statuses[i % 4],
        `2021-10-${day} 09:00:00 +0000`,
        `2021-10-${day} 12:00:00 +0000`,
        solved,
        'Web Form',
        'checkout payments',
        'incident',
        'Pro',
        'Mina',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
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
    const placed = chunks.flatMap((chunk) => JSON.parse(chunk));
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
