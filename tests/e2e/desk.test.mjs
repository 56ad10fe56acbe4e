// The case desk as a support lead uses it, in headless Chromium against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, withApp, screenshot, createCase, readDownload, root, artifacts, storedDesk, clearStorage, caseRows, inDatabase as inDatabaseOf, openDataMenu } from './harness.mjs';

const app = useServedApp();

const DESK_KEY = 'triage-desk';
const stored = storedDesk;
const row = (page, title) => page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });

test('the empty inbox offers demo cases and loads a realistic queue', () => withApp(app, async ({ page }) => {
  await assert.doesNotReject(page.getByRole('heading', { name: 'Your inbox is empty' }).waitFor());
  await screenshot(page, 'empty-state');
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  const listed = Number((await page.getByText(/^\d+ cases$/).innerText()).split(' ')[0]);
  assert.ok(listed >= 30, `open demo cases listed: ${listed}`);
  assert.equal(await page.getByRole('grid', { name: 'Inbox' }).getAttribute('aria-rowcount'), String(listed + 1));
  await assert.doesNotReject(page.getByRole('link', { name: /PAY-502/ }).first().waitFor());
  await screenshot(page, 'inbox-demo');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'inbox-phone');
}));

test('a new case needs a title, is saved, and survives a reload', () => withApp(app, async ({ page }) => {
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await assert.doesNotReject(page.getByText('Title is required.').waitFor());
  assert.equal(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid'), 'true');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Load demo cases' }).waitFor();

  await createCase(page, {
    title: 'Checkout returns 502 for saved cards',
    description: 'Since 09:10 every saved-card payment fails.',
    customer: 'Northwind Retail',
    tier: 'Enterprise',
    surface: 'Website',
    category: 'Payments',
    customersAffected: 120,
    urgency: 'High',
  });
  const created = row(page, 'Checkout returns 502 for saved cards');
  await assert.doesNotReject(created.waitFor());
  assert.match(await created.innerText(), /Northwind Retail[\s\S]*Enterprise[\s\S]*Website[\s\S]*New/);

  await page.reload();
  await assert.doesNotReject(row(page, 'Checkout returns 502 for saved cards').waitFor());
  const envelope = JSON.parse(await stored(page));
  assert.equal(envelope.schema_version, 2);
  assert.ok(envelope.revision >= 1);
  assert.equal(envelope.data.cases[0].customers_affected, 120);
  assert.equal(envelope.data.cases[0].external_id, '');
}));

test('a case is edited in place, changes status, logs contact, and keeps a timeline', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Login loop on the app', customer: 'Blue Harbor', category: 'Login' });
  await page.getByRole('link', { name: 'Login loop on the app' }).click();
  await page.getByRole('heading', { name: 'Login loop on the app' }).waitFor();

  await page.getByLabel('Title', { exact: true }).fill('Login loop on the iOS app');
  await page.getByLabel('Title', { exact: true }).press('Tab');
  await page.getByLabel('Tier').selectOption({ label: 'Premium' });
  await page.getByLabel('Customers affected').fill('35');
  await page.getByLabel('Customers affected').press('Tab');
  const timeline = page.getByRole('region', { name: 'Timeline' }).or(page.locator('section[aria-labelledby="timeline-heading"]'));
  await assert.doesNotReject(timeline.getByText('Title changed from “Login loop on the app” to “Login loop on the iOS app”').waitFor());
  await assert.doesNotReject(timeline.getByText('Tier changed from “Standard” to “Premium”').waitFor());

  await page.getByLabel('Title', { exact: true }).fill('');
  await page.getByLabel('Title', { exact: true }).press('Tab');
  await assert.doesNotReject(page.getByText('Title is required.').waitFor());
  // Any change to the case puts the stored title back, and the message about the refused one goes.
  await page.getByLabel('Customer', { exact: true }).fill('Blue Harbor Ltd');
  await page.getByLabel('Customer', { exact: true }).press('Tab');
  await page.getByText('Title is required.').waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Login loop on the iOS app');
  assert.equal(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid'), 'false');

  await page.getByLabel('Note', { exact: true }).fill('Asked for the device model.');
  await page.getByRole('button', { name: 'Log customer contact' }).click();
  await assert.doesNotReject(timeline.getByText('Customer contact: Asked for the device model.').waitFor());
  await assert.doesNotReject(page.getByText(/first response \d{4}-/).waitFor());

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Resolved' });
  await assert.doesNotReject(timeline.getByText('Status changed from New to Resolved').waitFor());
  await assert.doesNotReject(page.getByText(/resolved \d{4}-/).waitFor());
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await assert.doesNotReject(timeline.getByText('Reopened: Resolved to In progress; resolution time cleared').waitFor());
  await screenshot(page, 'case-page');

  await page.reload();
  await page.getByRole('heading', { name: 'Login loop on the iOS app' }).waitFor();
  const envelope = JSON.parse(await stored(page));
  const saved = envelope.data.cases[0];
  assert.equal(saved.tier, 'premium');
  assert.equal(saved.customers_affected, 35);
  assert.equal(saved.customer, 'Blue Harbor Ltd');
  assert.equal(saved.status, 'in_progress');
  assert.equal(saved.resolved_at, null);
  assert.ok(saved.first_response_at);
  assert.deepEqual(
    saved.timeline.map((entry) => entry.event),
    ['created', 'field_changed', 'field_changed', 'field_changed', 'field_changed', 'note', 'status_changed', 'reopened'],
  );

  await page.getByRole('link', { name: 'Inbox' }).first().click();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Resolved and closed' });
  assert.equal(await caseRows(page).count(), 0);
}));

test('an edit keeps a half-written note and the keyboard focus where they were', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Refund stuck in review', customer: 'Kestrel Foods', category: 'Billing' });
  await page.getByRole('link', { name: 'Refund stuck in review' }).click();
  await page.getByRole('heading', { name: 'Refund stuck in review' }).waitFor();
  const timeline = page.locator('section[aria-labelledby="timeline-heading"]');

  const note = page.getByLabel('Note', { exact: true });
  await note.fill('Customer will send the invoice number');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Waiting on customer' });
  await timeline.getByText('Status changed from New to Waiting on customer').waitFor();
  assert.equal(await note.inputValue(), 'Customer will send the invoice number');

  await page.getByLabel('Customer', { exact: true }).fill('Kestrel Foods Ltd');
  await page.getByLabel('Customer', { exact: true }).press('Tab');
  const next = await page.evaluate(() => document.activeElement.id);
  await timeline.getByText('Customer changed from “Kestrel Foods” to “Kestrel Foods Ltd”').waitFor();
  assert.ok(next, 'Tab moved to a field');
  assert.equal(await page.evaluate(() => document.activeElement.isConnected && document.activeElement.id), next);
}));

test('export, clear storage, import gives back the same data', () => withApp(app, async ({ page }) => {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await createCase(page, { title: '환불 요청 처리 지연 <b>bold</b>', customer: '한빛상사', tier: 'Premium' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Display name').fill('Mina Park');
  await page.getByLabel('Display name').press('Tab');

  const exportOnce = async () => {
    await openDataMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    return JSON.parse(await readDownload(download));
  };
  const before = await exportOnce();
  assert.equal(before.format, 'triage-desk-export');
  assert.ok(before.cases.length >= 40);

  await clearStorage(page);
  await page.goto(app.server.url);
  await page.reload();
  await page.getByRole('button', { name: 'Load demo cases' }).waitFor();

  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, 'export.json');
  writeFileSync(file, JSON.stringify(before));
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  const review = page.getByRole('region', { name: 'Import review' });
  await assert.doesNotReject(review.getByText(`${before.cases.length} new cases will be added`).waitFor());
  await page.getByRole('button', { name: 'Import cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();

  const after = await exportOnce();
  delete before.exported_at;
  delete after.exported_at;
  assert.deepEqual(after, before);
}));

test('a malformed import file gets a message and changes nothing', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Keep me' });
  const before = await stored(page);
  const file = join(artifacts, 'broken.json');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(file, '{"format":"triage-desk-export","cases":[');
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  await assert.doesNotReject(page.getByText(/This file cannot be imported: The JSON is broken at line 1, column \d+/).waitFor());
  assert.equal(await stored(page), before);
  await page.getByRole('button', { name: 'Close' }).click();
  await assert.doesNotReject(row(page, 'Keep me').waitFor());
}));

test('corrupt storage is backed up, explained, downloadable, and never overwritten', () => withApp(app, async ({ page }) => {
  const garbage = '{"schema_version":2,"revision":3,"data":{"cases":[{"id":"x"';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [DESK_KEY, garbage]);
  await page.reload();
  const banner = page.getByRole('alert', { name: 'Stored data could not be read' });
  await assert.doesNotReject(banner.waitFor());
  assert.match(await banner.innerText(), /Nothing was deleted: the data was copied to the backup/);
  await screenshot(page, 'corrupt-banner');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('triage-desk:backup:')).map((key) => localStorage.getItem(key)),
  );
  assert.deepEqual(backups, [garbage]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download unreadable data' }).click()]);
  assert.equal(await readDownload(download), garbage);

  await createCase(page, { title: 'New work after the corruption' });
  const backupsAfter = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('triage-desk:backup:')).length);
  assert.equal(backupsAfter, 1, 'the backup stays until the user discards it');
}));

// The desk record broken, gone while case records remain, or not text: each is kept aside.
const DAMAGES = [
  { what: 'a broken desk record', put: '{"layout_version":1,"schema_version":2,"revision":', kept: '{"layout_version":1,"schema_version":2,"revision":' },
  { what: 'case records without the desk record', put: null, kept: '' },
  { what: 'a desk record that is a number', put: 42, kept: '42' },
  { what: 'a desk record in bytes', put: { bytes: '{"layout_version":3,"revision":' }, kept: '{"layout_version":3,"revision":' },
];
for (const damage of DAMAGES) test(`unreadable records in the database (${damage.what}) are copied aside in the database, explained, and never overwritten`, () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Case before the damage' });
  await page.waitForFunction(() => performance.getEntriesByName('triage-desk:save').length > 0);
  const inDatabase = (work, arg) => inDatabaseOf(page, work, arg);
  await inDatabase(
    (db, raw) =>
      new Promise((resolve) => {
        const tx = db.transaction('meta', 'readwrite');
        if (raw === null) tx.objectStore('meta').delete('desk');
        else tx.objectStore('meta').put(raw.bytes ? new TextEncoder().encode(raw.bytes) : raw, 'desk');
        tx.oncomplete = resolve;
      }),
    damage.put,
  );
  const backups = () =>
    inDatabase(
      (db) =>
        new Promise((resolve) => {
          const request = db.transaction('backups').objectStore('backups').getAll();
          request.onsuccess = () => resolve(request.result);
        }),
    );
  await page.reload();
  const banner = page.getByRole('alert', { name: 'Stored data could not be read' });
  await assert.doesNotReject(banner.waitFor());
  assert.match(await banner.innerText(), /Nothing was deleted: the data was copied to the backup/);
  const [backup] = await backups();
  assert.equal(JSON.parse(backup).meta, damage.kept);
  assert.match(backup, /Case before the damage/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download unreadable data' }).click()]);
  assert.equal(await readDownload(download), backup);
  // The case records are readable, so the desk shows them; nothing is written over the
  // damaged records until the user decides.
  await assert.doesNotReject(row(page, 'Case before the damage').waitFor());
  await createCase(page, { title: 'New work after the damage' });
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('status').filter({ hasText: /^Not saved$/ }).count(), 1);
  await page.getByRole('button', { name: 'Keep backup and continue' }).click();
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  assert.deepEqual(
    JSON.parse(await stored(page)).data.cases.map((c) => c.title).sort(),
    ['Case before the damage', 'New work after the damage'],
  );
  assert.equal((await backups()).length, 1, 'the backup stays until the user discards it');
}));

test('a full storage shows a lasting message, keeps the data in memory, and export still works', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Saved before the disk filled' });
  // The database refuses every write the way Chromium does when the origin's quota is used up.
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await createCase(page, { title: 'Typed while storage was full' });
  const alert = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await assert.doesNotReject(alert.waitFor());
  assert.match(await alert.innerText(), /storage for this page is full/);
  await assert.doesNotReject(row(page, 'Typed while storage was full').waitFor());
  await screenshot(page, 'storage-full');

  await openDataMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(await readDownload(download));
  assert.deepEqual(exported.cases.map((c) => c.title).sort(), ['Saved before the disk filled', 'Typed while storage was full']);

  await page.evaluate(() => {
    IDBObjectStore.prototype.put = window.realPut;
  });
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await alert.waitFor({ state: 'detached' });
  await page.reload();
  await assert.doesNotReject(row(page, 'Typed while storage was full').waitFor());
}));

// Storage that refuses every access, as a browser with site data turned off does.
const storageOff = (context) =>
  context.addInitScript(() => {
    for (const name of ['localStorage', 'indexedDB']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });

test('storage turned off still lets the user work and export', () => withApp(app, { setup: storageOff }, async ({ page }) => {
  await createCase(page, { title: 'Working without storage' });
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'does not allow storage' }).waitFor());
  await assert.doesNotReject(row(page, 'Working without storage').waitFor());
}));

test('a change in one tab shows up in the other, and simultaneous work merges', () => withApp(app, async ({ page: first, open }) => {
  const second = await open();
  await createCase(first, { title: 'Raised in the first tab' });
  await assert.doesNotReject(row(second, 'Raised in the first tab').waitFor());

  await first.getByRole('link', { name: 'Raised in the first tab' }).click();
  await first.getByLabel('Customer', { exact: true }).fill('Contoso');
  await first.getByLabel('Customer', { exact: true }).press('Tab');
  await assert.doesNotReject(row(second, 'Raised in the first tab').getByText('Contoso').waitFor());

  // The second tab writes while the first holds an older revision: nothing may be lost.
  await createCase(second, { title: 'Raised in the second tab' });
  await first.getByLabel('Note', { exact: true }).fill('Internal follow-up from tab one');
  await first.getByRole('button', { name: 'Add internal note' }).click();
  await first.getByRole('link', { name: 'Inbox' }).first().click();
  await assert.doesNotReject(row(first, 'Raised in the second tab').waitFor());
  await second.reload();
  await assert.doesNotReject(row(second, 'Raised in the first tab').waitFor());
  const envelope = JSON.parse(await stored(second));
  const firstCase = envelope.data.cases.find((c) => c.title === 'Raised in the first tab');
  assert.ok(firstCase.timeline.some((e) => e.text === 'Internal follow-up from tab one'));
  assert.equal(envelope.data.cases.length, 2);
}));

test('hostile HTML in a case is shown as text', () => withApp(app, async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const hostile = '<img src=x onerror="alert(1)">Pay button broken';
  await createCase(page, { title: hostile, description: '<script>alert(2)</script>' });
  await assert.doesNotReject(page.getByRole('link', { name: hostile }).waitFor());
  await page.getByRole('link', { name: hostile }).click();
  await page.getByLabel('Description').waitFor();
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(dialogs, 0);
}));

test('a schema 1 store from the prototype is migrated on load', () => withApp(app, async ({ page }) => {
  const v1 = readFileSync(join(root, 'tests', 'fixtures', 'storage-v1.json'), 'utf8');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [DESK_KEY, v1]);
  await page.reload();
  await assert.doesNotReject(row(page, 'Checkout spinner never stops').waitFor());
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All' });
  await assert.doesNotReject(row(page, '앱 로그인 후 바로 종료됨').waitFor());
  // The earlier key goes only once the database holds its cases.
  await page.waitForFunction((key) => localStorage.getItem(key) === null, DESK_KEY);
  assert.equal(JSON.parse(await stored(page)).data.cases.length, 3);
  await page.reload();
  await assert.doesNotReject(row(page, 'Checkout spinner never stops').waitFor());
}));
