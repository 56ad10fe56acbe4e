// Installable and offline, in headless Chromium against the release build served from a
// sub-path: no installability errors, a reload with the network gone opens the desk with its
// cases, and a new deployment shows a notice and switches only when the user clicks Reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist, createCase } from './harness.mjs';

/**
 * dist/ as a static host serves it; `server.nextDeployment()` makes the worker it serves from
 * then on a different version, as a new build would.
 */
async function serve() {
  let deployment = 0;
  const server = await serveDist({
    rewrite: (name, body) =>
      name === 'sw.js' && deployment > 0
        ? String(body).replace(/"version":"([0-9a-f]+)"/, `"version":"$1-next${deployment}"`)
        : body,
  });
  return { ...server, nextDeployment: () => deployment++ };
}

let server;
let profile;
before(async () => {
  server = await serve();
  profile = await mkdtemp(join(tmpdir(), 'triage-offline-'));
});
after(async () => {
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

/** A browser with a profile on disk: Chromium reports an incognito window as not installable. */
async function launchProfile(name) {
  return chromium.launchPersistentContext(join(profile, name), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    viewport: { width: 1280, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Opens the app in `context`, collecting page errors, and waits until it is up. */
async function open(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(`${message.text()} ${message.location().url}`));
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
  return { page, errors };
}

/** Waits until the service worker is active, and returns the names of the caches. */
const workerReady = (page) => page.evaluate(async () => (await navigator.serviceWorker.ready, caches.keys()));

test('the app is installable: a manifest with icons, under the sub-path', { timeout: 60_000 }, async () => {
  const context = await launchProfile('install');
  try {
    const { page, errors } = await open(context);
    await workerReady(page);
    const cdp = await context.newCDPSession(page);
    const { url, errors: manifestErrors, data } = await cdp.send('Page.getAppManifest', {});
    const parsed = JSON.parse(data);
    assert.equal(url, `${server.url}manifest.webmanifest`);
    assert.deepEqual(manifestErrors, []);
    assert.equal(parsed.name, 'Triage Desk');
    assert.equal(parsed.display, 'standalone');
    assert.deepEqual(parsed.icons.map((icon) => [icon.sizes, icon.purpose ?? 'any']), [
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ]);
    for (const icon of parsed.icons) {
      const response = await page.request.get(new URL(icon.src, url).href);
      assert.equal(response.headers()['content-type'], 'image/png', icon.src);
    }
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const colours = await page.evaluate(() => [...document.querySelectorAll('meta[name="theme-color"]')].map((m) => m.media));
    assert.deepEqual(colours, ['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with the network gone, a reload opens the desk with all its cases', { timeout: 120_000 }, async () => {
  const context = await launchProfile('offline');
  try {
    const { page, errors } = await open(context);
    await createCase(page, { title: 'Refund stuck in pending', customer: 'Blue Harbor' });
    await createCase(page, { title: 'Export button greyed out', customer: 'Kite Labs' });
    await page.getByText('Saved', { exact: true }).waitFor();
    const cases = await page.getByText(/^\d+ cases$/).innerText();
    const caches = await workerReady(page);
    assert.equal(caches.length, 1, 'one cache: this version');
    assert.ok(caches[0].startsWith(`triage-desk ${server.url} `), caches[0]);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: 'Refund stuck in pending' }).waitFor();
    assert.equal(await page.getByText(/^\d+ cases$/).innerText(), cases);
    // A case's page, opened offline.
    await page.getByRole('link', { name: 'Refund stuck in pending' }).click();
    await page.getByRole('heading', { name: 'Refund stuck in pending' }).waitFor();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker answered');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a new deployment shows a notice and switches only on Reload', { timeout: 120_000 }, async () => {
  const context = await launchProfile('update');
  try {
    const { page, errors } = await open(context);
    const [first] = await workerReady(page);
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Half-typed');
    assert.equal(await page.getByRole('status').filter({ hasText: 'A new version is ready' }).count(), 0, 'no notice for the first install');

    server.nextDeployment();
    // The next visit: the browser checks the worker, finds a new one and installs it beside
    // the running one.
    const next = await context.newPage();
    await next.goto(server.url);
    const notice = next.getByRole('status').filter({ hasText: 'A new version is ready' });
    await notice.waitFor();
    // The earlier tab is told too, and its half-typed title is still there.
    await page.getByRole('status').filter({ hasText: 'A new version is ready' }).waitFor();
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Half-typed');
    const both = await next.evaluate(() => caches.keys());
    assert.equal(both.length, 2, 'the new version waits beside the old one');
    assert.ok(both.includes(first));

    await Promise.all([next.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await next.getByRole('link', { name: 'Triage Desk' }).waitFor();
    const [current] = await next.evaluate(() => caches.keys());
    assert.match(current, /-next1$/, 'the new version runs the page and the old cache is gone');
    assert.equal(await next.getByRole('status').filter({ hasText: 'A new version is ready' }).count(), 0);
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Half-typed', 'the other tab was not reloaded');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
