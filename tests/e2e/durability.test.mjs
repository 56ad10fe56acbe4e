// What the page shows is what is kept: an import is saved before it says so, the page asks
// before it closes on unsaved work, a save cut off by a closing page lands whole or not at all
// and says so, and stored data that does not add up is shown, flagged and never written over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, withApp, createCase, readDownload, artifacts, storedDesk, inDatabase } from './harness.mjs';
import { zendeskCsv } from './synthetic.mjs';

const app = useServedApp();
const row = (page, title) => page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
const saveStatus = (page, text) => page.getByRole('status').filter({ hasText: new RegExp(`^${text}$`) });
const storedCount = async (page) => JSON.parse((await storedDesk(page)) ?? '{"data":{"cases":[]}}').data.cases.length;

async function importFile(page, name, text) {
  const file = join(artifacts, name);
  writeFileSync(file, text);
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  const review = page.getByRole('region', { name: 'Import review' });
  await review.getByRole('button', { name: 'Import cases' }).click({ timeout: 60_000 });
  return review;
}

test('an import says Imported only once it is stored, so a reload right after keeps it', () => withApp(app, async ({ page }) => {
  const review = await importFile(page, 'durable-3000.csv', zendeskCsv(3_000));
  await review.getByText(/^Imported: 3,?000 added/).waitFor({ timeout: 60_000 });
  await page.reload();
  await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
  assert.equal(await storedCount(page), 3_000);
  await page.getByLabel('Search').fill('Ticket 2998:');
  await assert.doesNotReject(page.getByRole('link', { name: 'Ticket 2998: checkout fails for card 88' }).waitFor());
}));

test('a full storage keeps the page asking before it closes, and one click downloads a backup', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Saved before the disk filled' });
  await saveStatus(page, 'Saved').waitFor();
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await createCase(page, { title: 'Only in this tab' });
  await assert.doesNotReject(page.getByText(/^Not saved\. /).waitFor());
  await saveStatus(page, 'Not saved').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  const backup = JSON.parse(await readDownload(download));
  assert.equal(backup.format, 'triage-desk-export');
  assert.deepEqual(backup.cases.map((c) => c.title).sort(), ['Only in this tab', 'Saved before the disk filled']);

  // Closing now would lose a case: the browser asks first, and staying keeps everything.
  const asked = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.type()); dialog.dismiss(); }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  assert.equal(page.isClosed(), false);

  await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await saveStatus(page, 'Saved').waitFor();
  let askedAgain = false;
  page.once('dialog', (dialog) => { askedAgain = true; dialog.accept(); });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  assert.equal(askedAgain, false, 'nothing unsaved, so no question');
}));

test('a big save cut off by the page closing lands whole or not at all, and the next load says so', { timeout: 180_000 }, () => withApp(app, async ({ page, open }) => {
  await createCase(page, { title: 'Here before the big import' });
  await saveStatus(page, 'Saved').waitFor();
  await page.evaluate(() => {
    window.puts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      window.puts += 1;
      return put.apply(this, args);
    };
  });
  await importFile(page, 'cut-off-20000.csv', zendeskCsv(20_000));
  await page.getByText(/^Saving 20,001 cases in this browser's storage/).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.puts > 5, null, { timeout: 60_000 });
  await page.close();

  const next = await open();
  const kept = await storedCount(next);
  assert.ok(kept === 1 || kept === 20_001, `the stored desk is as before or as after, never half: ${kept}`);
  if (kept === 1) {
    const banner = next.getByRole('alert', { name: 'A save did not finish' });
    await assert.doesNotReject(banner.waitFor({ timeout: 10_000 }));
    assert.match(await banner.innerText(), /it was writing the records of 20,001 cases .* are not in this browser's storage/);
    await next.getByRole('button', { name: 'Dismiss' }).click();
  }
  await assert.doesNotReject(row(next, 'Here before the big import').waitFor());
}));

test('a change not yet stored when the page goes away is kept and stored by the next load', () => withApp(app, async ({ page, open }) => {
  await createCase(page, { title: 'Stored before' });
  await saveStatus(page, 'Saved').waitFor();
  // The storage takes nothing; the person leaves anyway when the browser asks.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await createCase(page, { title: 'Typed just before leaving' });
  await saveStatus(page, 'Not saved').waitFor();
  page.once('dialog', (dialog) => dialog.accept());
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');

  const next = await open();
  await assert.doesNotReject(row(next, 'Typed just before leaving').waitFor());
  await saveStatus(next, 'Saved').waitFor();
  assert.equal(await storedCount(next), 2);
  assert.equal(await next.getByRole('alert', { name: 'A save did not finish' }).count(), 0);
  const rescues = () => next.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('triage-desk:rescue:')));
  assert.deepEqual(await rescues(), [], 'taken in, then removed');

  // An edit and a reload in the same moment (a script's reload asks nothing): the write is
  // cut off with the page, the edit is not.
  await row(next, 'Stored before').getByRole('link').click();
  await next.getByLabel('Title', { exact: true }).fill('Renamed as the page reloads');
  await next.evaluate(() => {
    document.activeElement.blur();
    location.reload();
  });
  await next.getByRole('heading', { name: 'Renamed as the page reloads' }).waitFor();
  await saveStatus(next, 'Saved').waitFor();
  assert.match(await storedDesk(next), /Renamed as the page reloads/);
  assert.deepEqual(await rescues(), []);
}));

/** Reopens `page` on a desk of `titles` after `damage` (see `chunkWork`) has run on its records;
 * returns the banner that explains the damage. */
async function damagedDesk(page, titles, damage) {
  for (const title of titles) await createCase(page, { title });
  await saveStatus(page, 'Saved').waitFor();
  await inDatabase(page, `(db) => (${chunkWork})(db, (store, keys, values) => { ${damage} })`);
  await page.reload();
  await page.getByRole('link', { name: 'Triage Desk' }).waitFor();
  const banner = page.getByRole('alert', { name: 'Stored data could not be read' });
  await banner.waitFor();
  return banner;
}

/** Damage done to the case records: `work(store, keys, values)` runs inside one read-write
 * transaction of the chunk store. */
const chunkWork = (db, work) =>
  new Promise((resolve, reject) => {
    const tx = db.transaction('chunks', 'readwrite');
    const store = tx.objectStore('chunks');
    const keys = store.getAllKeys();
    keys.onsuccess = () => {
      const values = store.getAll();
      values.onsuccess = () => work(store, keys.result, values.result);
    };
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error ?? new Error('the damage did not apply'));
  });

test('every case record gone is reported with its count, and nothing is saved over the desk', () => withApp(app, async ({ page }) => {
  const banner = await damagedDesk(page, ['One', 'Two', 'Three'], 'for (const key of keys) store.delete(key);');
  assert.match(await banner.innerText(), /3 cases were saved but only 0 could be read: 3 are missing\./);
  const before = await inDatabase(page, (db) => new Promise((resolve) => { db.transaction('meta').objectStore('meta').get('desk').onsuccess = (e) => resolve(e.target.result); }));
  await createCase(page, { title: 'Typed after the damage' });
  await page.waitForTimeout(300);
  await saveStatus(page, 'Not saved').waitFor();
  const after = await inDatabase(page, (db) => new Promise((resolve) => { db.transaction('meta').objectStore('meta').get('desk').onsuccess = (e) => resolve(e.target.result); }));
  assert.equal(after, before, 'the desk record is not written over until the user decides');
}));

test('a case stored twice loads once, and an unreadable record no longer hides the readable ones', async () => {
  await withApp(app, async ({ page }) => {
    const banner = await damagedDesk(page, ['Alpha', 'Beta'], `
      const [first] = values.filter((v) => JSON.parse(new TextDecoder().decode(v)).length > 0);
      const other = keys.find((key) => JSON.parse(new TextDecoder().decode(values[keys.indexOf(key)])).length === 0) ?? 1023;
      store.put(first, other);`);
    assert.match(await banner.innerText(), /1 case was stored twice and shown once/);
    assert.equal(await page.getByRole('link', { name: /^(Alpha|Beta)$/ }).count(), 2);
  });

  await withApp(app, async ({ page }) => {
    const banner = await damagedDesk(page, ['Readable one', 'Readable two', 'Readable three'], `
      const at = values.findIndex((v) => JSON.parse(new TextDecoder().decode(v)).length > 0);
      store.put(new TextEncoder().encode('[{"at":0,"case":{"id":'), keys[at]);`);
    assert.match(await banner.innerText(), /1 case record could not be read/);
    assert.match(await banner.innerText(), /Nothing was deleted: the data was copied to the backup/);
    assert.equal(await page.getByRole('link', { name: /^Readable / }).count(), 2, 'the two readable cases show');
    await page.getByRole('button', { name: 'Keep backup and continue' }).click();
    await saveStatus(page, 'Saved').waitFor();
    assert.equal(await storedCount(page), 2);
  });
});

test('far dates are refused on import, and one already stored does not freeze the page', () => withApp(app, async ({ page }) => {
  const header = 'Id,Subject,Description,Requester,Organization,Priority,Status,Created at,Updated at,Solved at,Via,Tags,Ticket type,Plan [list],Assignee';
  const rows = [
    '600,Far past,Dated year 1,Customer,Org,Normal,open,0001-01-01 09:00:00 +0000,0001-01-01 09:00:00 +0000,,Web Form,,incident,Pro,Mina',
    ...Array.from({ length: 20 }, (_, i) => `${500 + i},Far future ${i},Dated 9999,Customer,Org,Normal,open,9999-12-31 09:00:00 +0000,9999-12-31 09:00:00 +0000,,Web Form,,incident,Pro,Mina`),
    '601,An ordinary ticket,Dated 2026,Customer,Org,Normal,open,2026-11-02 09:00:00 +0000,2026-11-02 09:00:00 +0000,,Web Form,,incident,Pro,Mina',
  ];
  const file = join(artifacts, 'far-dates.csv');
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  const review = page.getByRole('region', { name: 'Import review' });
  await assert.doesNotReject(review.getByText('1 new cases will be added').waitFor());
  await assert.doesNotReject(review.getByText(/9999-12-31T09:00:00Z is more than a year from now/).first().waitFor());
  await assert.doesNotReject(review.getByText(/0001-01-01T09:00:00Z is before 1990/).first().waitFor());
  await review.getByRole('button', { name: 'Import cases' }).click();
  await review.getByText(/^Imported: 1 added/).waitFor();

  // A case from before these checks, stored with a far date: the page loads and answers input.
  await inDatabase(page, `(db) => new Promise((resolve) => {
    const tx = db.transaction('chunks', 'readwrite');
    const store = tx.objectStore('chunks');
    const all = store.getAll();
    const keys = store.getAllKeys();
    keys.onsuccess = () => {
      const at = all.result.findIndex((v) => JSON.parse(new TextDecoder().decode(v)).length > 0);
      const placed = JSON.parse(new TextDecoder().decode(all.result[at]));
      for (const entry of placed) {
        entry.case.created_at = '9999-12-31T09:00:00Z';
        entry.case.title = 'Stored with a far date';
      }
      store.put(new TextEncoder().encode(JSON.stringify(placed)), keys.result[at]);
    };
    tx.oncomplete = resolve;
  })`);
  await page.reload();
  await assert.doesNotReject(page.getByRole('link', { name: 'Stored with a far date' }).waitFor({ timeout: 10_000 }));
  await page.getByLabel('Search').fill('far date');
  await assert.doesNotReject(page.getByText(/^1 cases?$/).waitFor({ timeout: 5_000 }));
}));
