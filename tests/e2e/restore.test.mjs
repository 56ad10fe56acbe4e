// Backups that restore everything: Export JSON then Import into an empty desk brings back the
// incidents, merges and not-duplicate pairs with the cases, and the "Download unreadable data"
// file of a damaged store imports back every case it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, withApp, loadDemo, readDownload, artifacts, clearStorage, createCase, inDatabase, openDataMenu } from './harness.mjs';

const app = useServedApp();
const nav = (page, name) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
const group = (page, name) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name }) });
const saved = (page) => page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();

async function exportJson(page) {
  await openDataMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  return readDownload(download);
}

async function importText(page, name, text) {
  const file = join(artifacts, name);
  writeFileSync(file, text);
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  const review = page.getByRole('region', { name: 'Import review' });
  await review.getByRole('button', { name: 'Import cases' }).click();
  await review.getByText(/^Imported: /).waitFor();
  return review;
}

test('Export JSON, clear the site, Import: incidents, merges and not-duplicate pairs come back', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await nav(page, 'Groups');
  await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
  const payments = group(page, /declined.*PAY-502|PAY-502.*declined/);
  await payments.getByRole('button', { name: 'Not a duplicate: PAY-502 payment declined at checkout for all cards' }).click();
  const auth = group(page, /AUTH-1103/).filter({ hasText: 'Meridian Pet Supply' });
  await auth.getByRole('radio', { name: /Primary: Staff can't log in/ }).check();
  await auth.getByRole('button', { name: 'Merge into primary' }).click();
  await auth.waitFor({ state: 'detached' });
  await group(page, /declined.*PAY-502|PAY-502.*declined/).getByRole('button', { name: 'Promote to incident' }).click();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
  await page.getByLabel('Update', { exact: true }).fill('Card processor certificate expired; renewing.');
  await page.getByRole('button', { name: 'Add update' }).click();
  await page.getByText('Update: Card processor certificate expired; renewing.').waitFor();
  // The header says Saving… from the click on; wait for the write to commit before the site
  // is cleared under it (else the page rightly asks before the reload, and stays).
  await page.waitForTimeout(300);
  await saved(page);

  const first = JSON.parse(await exportJson(page));
  assert.equal(first.incidents.length, 1);
  assert.equal(first.merges.length, 1);
  assert.ok(first.not_duplicate_pairs.length >= 1);

  await clearStorage(page);
  await page.goto(app.server.url);
  await page.reload();
  await page.getByRole('heading', { name: 'Your inbox is empty' }).waitFor();
  const review = await importText(page, 'round-trip.json', JSON.stringify(first));
  await review.getByRole('button', { name: 'Close' }).click();
  const second = JSON.parse(await exportJson(page));
  for (const key of ['incidents', 'merges', 'not_duplicate_pairs', 'undone_merges']) {
    assert.deepEqual(second[key], first[key], `${key} come back as they were`);
  }
  assert.deepEqual(second.cases.map((c) => c.id), first.cases.map((c) => c.id));

  await page.reload();
  await nav(page, 'Incidents');
  await page.getByRole('row').filter({ hasText: 'INC-1' }).getByRole('link').first().click();
  await assert.doesNotReject(page.getByText('Update: Card processor certificate expired; renewing.').waitFor());
  await page.goto(`${app.server.url}#/case/${first.merges[0].primary}`);
  await assert.doesNotReject(page.getByRole('button', { name: 'Unmerge' }).waitFor());
}));

test('the unreadable-data download imports back every case it holds', () => withApp(app, async ({ page }) => {
  for (const title of ['Kept through the damage', 'Also kept']) await createCase(page, { title });
  await saved(page);
  await inDatabase(page, (db) => new Promise((resolve) => {
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put('{"layout_version":3,"revision":', 'desk');
    tx.oncomplete = resolve;
  }));
  await page.reload();
  await page.getByRole('alert', { name: 'Stored data could not be read' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download unreadable data' }).click()]);
  const dump = await readDownload(download);

  await clearStorage(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Your inbox is empty' }).waitFor();
  await importText(page, 'unreadable.json', dump);
  await page.getByRole('region', { name: 'Import review' }).getByRole('button', { name: 'Close' }).click();
  for (const title of ['Kept through the damage', 'Also kept']) {
    await assert.doesNotReject(page.getByRole('link', { name: title }).waitFor());
  }
}));
