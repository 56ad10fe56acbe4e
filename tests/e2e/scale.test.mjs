// Fifty thousand cases in the browser's database: they survive a reload intact, the earlier
// single-key layout moves over by itself, and a write that fails half-way loses nothing.
// Headless Chromium against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, withApp, screenshot, createCase, readDownload, artifacts, storedDesk, openDataMenu } from './harness.mjs';
import { exportFile, syntheticCases, idDigest } from './synthetic.mjs';

const app = useServedApp();
const row = (page, title) => page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });

/** Waits until the page has committed a save (the store's performance measure appears). */
const saved = (page) => page.waitForFunction(() => performance.getEntriesByName('triage-desk:save').length > 0, null, { timeout: 60_000 });
const forgetSaves = (page) => page.evaluate(() => performance.clearMeasures('triage-desk:save'));

async function exportJson(page) {
  await openDataMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  return JSON.parse(await readDownload(download));
}

test('50,000 cases are saved, survive a reload intact, and Settings says how much more fits', { timeout: 180_000 }, () => withApp(app, async ({ page }) => {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, 'scale-50000.json');
  const text = exportFile(syntheticCases(50_000));
  writeFileSync(file, text);
  const expected = idDigest(JSON.parse(text).cases);

  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  const review = page.getByRole('region', { name: 'Import review' });
  await review.getByRole('button', { name: 'Import cases' }).click({ timeout: 60_000 });
  await review.getByText(/^Imported: 50,?000 added/).waitFor({ timeout: 60_000 });
  // "Imported" shows only once the write holding the cases has committed: a reload right
  // after it finds every case.
  await page.reload();
  await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
  await page.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
  const exported = await exportJson(page);
  assert.deepEqual(idDigest(exported.cases), expected);
  assert.equal(exported.cases[12_345].description, JSON.parse(text).cases[12_345].description);

  await page.getByRole('link', { name: 'Settings' }).click();
  await assert.doesNotReject(page.getByText('50,000 cases are kept in this browser.').waitFor());
  const usage = page.getByText(/^Using .* of the .* this browser allows this page; room for about [\d,]+ more cases\.$/);
  await assert.doesNotReject(usage.waitFor());
  await screenshot(page, 'settings-storage-50k');
}));

test('the earlier single-key layout moves into the database and the old key goes', () => withApp(app, async ({ page }) => {
  const cases = syntheticCases(3);
  cases[0].title = 'Migrated from the earlier layout';
  const envelope = { schema_version: 2, revision: 41, saved_at: '2026-11-20T10:00:00Z', data: { cases, settings: { display_name: 'Dana' } } };
  await page.evaluate((raw) => localStorage.setItem('triage-desk', raw), JSON.stringify(envelope));
  await page.reload();
  await assert.doesNotReject(row(page, 'Migrated from the earlier layout').waitFor());
  await page.waitForFunction(() => localStorage.getItem('triage-desk') === null);
  const stored = JSON.parse(await storedDesk(page));
  assert.equal(stored.revision, 42, 'the migration is the next revision after the old one');
  assert.deepEqual(stored.data.cases.map((c) => c.id), cases.map((c) => c.id));
  assert.equal(stored.data.settings.display_name, 'Dana');

  await page.reload();
  await assert.doesNotReject(row(page, 'Migrated from the earlier layout').waitFor());
}));

for (const earlier of [
  { layout: 1, records: 256, what: '256 text records' },
  { layout: 2, records: 1024, what: '1,024 text records' },
]) {
  test(`records of database layout ${earlier.layout} (${earlier.what}) are rewritten in the current one`, () => withApp(app, async ({ page }) => {
    const titles = [`Filed under layout ${earlier.layout}`, 'Also filed under it', '결제 오류 付款失敗'];
    for (const title of titles) await createCase(page, { title });
    await saved(page);
    // Refile every case the way that layout did: JSON text records, by FNV-1a of the id, in a
    // database of the version older builds open.
    const layout = await page.evaluate(async ({ layout, records: count }) => {
      const db = await new Promise((resolve) => { indexedDB.open('triage-desk').onsuccess = (e) => resolve(e.target.result); });
      const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
      const tx = db.transaction(['meta', 'chunks']);
      const [meta, chunks] = await Promise.all([done(tx.objectStore('meta').get('desk')), done(tx.objectStore('chunks').getAll())]);
      const fnv = (id) => [...new TextEncoder().encode(id)].reduce((hash, byte) => Math.imul(hash ^ byte, 0x01000193) >>> 0, 0x811c9dc5);
      const records = new Map();
      for (const placed of chunks.flatMap((chunk) => JSON.parse(new TextDecoder().decode(chunk)))) {
        const key = fnv(placed.case.id) % count;
        records.set(key, [...(records.get(key) ?? []), placed]);
      }
      db.close();
      // As an older build left it: a database of version 1 (the page's open connection
      // closes itself when asked to step aside).
      await done(indexedDB.deleteDatabase('triage-desk'));
      const older = await new Promise((resolve) => {
        const open = indexedDB.open('triage-desk', 1);
        open.onupgradeneeded = () => { for (const name of ['meta', 'chunks', 'backups']) open.result.createObjectStore(name); };
        open.onsuccess = () => resolve(open.result);
      });
      const write = older.transaction(['meta', 'chunks'], 'readwrite');
      for (const [key, placed] of records) write.objectStore('chunks').put(JSON.stringify(placed), key);
      const { case_count, ...old } = { ...JSON.parse(meta), layout_version: layout, chunk_count: count };
      write.objectStore('meta').put(JSON.stringify(old), 'desk');
      await new Promise((resolve) => { write.oncomplete = resolve; });
      older.close();
      return { current: JSON.parse(meta), bytes: chunks.every((chunk) => chunk instanceof Uint8Array) };
    }, earlier);
    assert.deepEqual([layout.current.layout_version, layout.current.chunk_count, layout.current.case_count, layout.bytes], [3, 1024, 3, true]);

    await page.reload();
    for (const title of titles) await assert.doesNotReject(row(page, title).waitFor());
    const records = () => page.evaluate(async () => {
      const db = await new Promise((resolve) => { indexedDB.open('triage-desk').onsuccess = (e) => resolve(e.target.result); });
      const done = (request) => new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
      const tx = db.transaction(['meta', 'chunks']);
      const [meta, keys, chunks] = await Promise.all([done(tx.objectStore('meta').get('desk')), done(tx.objectStore('chunks').getAllKeys()), done(tx.objectStore('chunks').getAll())]);
      db.close();
      return { meta: JSON.parse(meta), keys, bytes: chunks.every((chunk) => chunk instanceof Uint8Array) };
    });
    let rewritten = await records();
    for (let tries = 0; rewritten.meta.layout_version !== 3 && tries < 50; tries++) {
      await page.waitForTimeout(100);
      rewritten = await records();
    }
    assert.deepEqual([rewritten.meta.layout_version, rewritten.meta.chunk_count, rewritten.bytes], [3, 1024, true]);
    const stored = JSON.parse(await storedDesk(page));
    assert.deepEqual(stored.data.cases.map((c) => c.title).sort(), [...titles].sort(), 'every case once, none twice');
    assert.ok(rewritten.keys.every((key) => key < 1024));
  }));
}

test('a write that fails half-way loses nothing: the edit stays on screen and is stored after a reload, the stored data stays whole', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Stored before the fault', customer: 'Northwind' });
  await createCase(page, { title: 'Another stored case' });
  await page.waitForFunction(() => performance.getEntriesByName('triage-desk:save').length > 0);
  const before = await storedDesk(page);

  // The case records are written, then the index record fails: the transaction must undo both.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (key === 'desk') throw new DOMException('The disk went away.', 'UnknownError');
      return put.call(this, value, key);
    };
  });
  await page.getByRole('link', { name: 'Stored before the fault' }).click();
  await page.getByLabel('Customer', { exact: true }).fill('Contoso');
  await page.getByLabel('Customer', { exact: true }).press('Tab');
  const alert = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await assert.doesNotReject(alert.waitFor());
  assert.match(await alert.innerText(), /UnknownError/);
  assert.equal(await page.getByLabel('Customer', { exact: true }).inputValue(), 'Contoso', 'the edit is still on screen');
  await screenshot(page, 'write-failed');
  assert.equal(await storedDesk(page), before, 'nothing of the failed write landed');

  // Leaving does not lose it either: the page kept it aside as it went, and the next load
  // stores it (the fault was in that page only).
  await page.reload();
  await page.getByRole('heading', { name: 'Stored before the fault' }).waitFor();
  assert.equal(await page.getByLabel('Customer', { exact: true }).inputValue(), 'Contoso');
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  assert.match(await storedDesk(page), /Contoso/);
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Not saved.' }).count(), 0);
}));
