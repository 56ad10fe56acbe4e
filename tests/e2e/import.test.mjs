// Importing other helpdesks' exports, pasted rows and this app's own CSV, and exporting CSV,
// in headless Chromium against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, withApp, screenshot, createCase, readDownload, root, artifacts, storedDesk, caseRows, settle, openDataMenu } from './harness.mjs';
import { exportFile, numberedCases, zendeskCsv } from './synthetic.mjs';

const app = useServedApp();

const fixture = (name) => join(root, 'tests', 'fixtures', 'import', name);
const stored = storedDesk;
const storedCount = async (page) => JSON.parse((await stored(page)) ?? '{"data":{"cases":[]}}').data.cases.length;
// Saving runs in the background after the change is on screen: wait (up to 10 s) for the
// count to arrive, then return what is stored.
async function caseCount(page, expected) {
  for (let tries = 0; tries < 100 && expected !== undefined && (await storedCount(page)) !== expected; tries++) {
    await page.waitForTimeout(100);
  }
  return storedCount(page);
}
const review = (page) => page.getByRole('region', { name: 'Import review' });
const importFile = (page, file) => page.getByLabel('Import', { exact: true }).setInputFiles(file);

async function exportCsv(page, which) {
  await openDataMenu(page);
  await page.locator('summary', { hasText: 'Export CSV' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Export CSV (${which})` }).click(),
  ]);
  const path = await download.path();
  return { bytes: readFileSync(path), name: download.suggestedFilename() };
}

test('a Zendesk CSV is previewed, imported, and importing it again doubles nothing', () => withApp(app, async ({ page }) => {
  await importFile(page, fixture('zendesk.csv'));
  const panel = review(page);
  await assert.doesNotReject(panel.getByText('Zendesk tickets (CSV)').waitFor());
  await assert.doesNotReject(panel.getByText('4 new cases will be added, 0 cases already here will be updated').waitFor());
  await assert.doesNotReject(panel.getByRole('table', { name: 'First rows' }).getByText('결제 오류가 발생합니다').waitFor());
  assert.equal(await stored(page), null, 'nothing is stored before confirm');
  await screenshot(page, 'import-preview');

  // Editing the mapping previews again: without a title column, new rows cannot be made.
  await panel.getByLabel('Use column Subject as').selectOption({ label: 'Ignore' });
  await assert.doesNotReject(panel.getByText('0 new cases will be added').waitFor());
  await assert.doesNotReject(panel.getByText(/has no title/).first().waitFor());
  await panel.getByLabel('Use column Subject as').selectOption({ label: 'Title' });
  await assert.doesNotReject(panel.getByText('4 new cases will be added').waitFor());

  await panel.getByRole('button', { name: 'Import cases' }).click();
  await assert.doesNotReject(panel.getByText('Imported: 4 added, 0 updated, 0 unchanged.').waitFor());
  await assert.doesNotReject(page.getByRole('link', { name: 'Checkout fails with card error' }).waitFor());
  assert.equal(await caseCount(page, 4), 4);

  await importFile(page, fixture('zendesk.csv'));
  await assert.doesNotReject(panel.getByText(/^0 new cases will be added, 0 cases already here will be updated, 4 are unchanged/).waitFor());
  await panel.getByRole('button', { name: 'Import cases' }).click();
  await assert.doesNotReject(panel.getByText('Imported: 0 added, 0 updated, 4 unchanged.').waitFor());
  assert.equal(await caseCount(page, 4), 4);
}));

test('CSV export (all cases and this view) re-imports with nothing to add and matches the JSON export', () => withApp(app, async ({ page, errors }) => {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await createCase(page, { title: '=HYPERLINK("http://x") 환불 요청', customer: '한빛상사' });
  const all = await exportCsv(page, 'all cases');
  assert.match(all.name, /^triage-desk-all-.*\.csv$/);
  assert.deepEqual([...all.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a byte order mark');
  const text = all.bytes.toString('utf8').slice(1);
  assert.ok(text.startsWith('id,external_id,title,description,customer,tier,surface,category,customers_affected,urgency,status,created_at,updated_at,first_response_at,resolved_at'));
  assert.ok(text.includes(`"'=HYPERLINK(""http://x"") 환불 요청"`), 'formula cells are neutralised');

  await openDataMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const json = JSON.parse(await readDownload(download));
  const csvIds = text.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]);
  for (const item of json.cases) assert.ok(csvIds.includes(item.id), `case ${item.id} is in the CSV`);

  const view = await exportCsv(page, 'this view');
  const viewRows = view.bytes.toString('utf8').split('\r\n').slice(1).filter(Boolean).length;
  // The whole filtered view, not only the page of rows on screen.
  const inView = Number((await page.getByText(/^\d+ cases?$/).innerText()).split(' ')[0]);
  assert.equal(viewRows, inView, 'the view export has every case in the view');
  assert.ok(viewRows < json.cases.length, 'the default view hides closed cases');
  // In the inbox's own order (by triage score), not the order cases were stored in.
  const viewIds = view.bytes.toString('utf8').split('\r\n').slice(1, 6).map((line) => line.split(',')[0]);
  // Back from the new case left its row selected further down: read the list from its top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  const listed = await caseRows(page).evaluateAll((rows) =>
    rows.slice(0, 5).map((row) => decodeURIComponent(row.querySelector('a').getAttribute('href').split('/case/')[1])),
  );
  assert.deepEqual(viewIds, listed);

  const file = join(artifacts, 'export-all.csv');
  writeFileSync(file, all.bytes);
  const count = json.cases.length;
  await importFile(page, file);
  const panel = review(page);
  await assert.doesNotReject(panel.getByText('Triage Desk export (CSV)').waitFor());
  await assert.doesNotReject(panel.getByText(`0 new cases will be added, 0 cases already here will be updated, ${json.cases.length} are unchanged, and 0 rows have errors.`).waitFor());
  await panel.getByRole('button', { name: 'Import cases' }).click();
  assert.equal(await caseCount(page, count), count);
}));

test('unreadable files show the reason and change nothing', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Keep me' });
  const before = await stored(page);
  const panel = review(page);

  await importFile(page, fixture('utf16.csv'));
  await assert.doesNotReject(panel.getByText(/This file cannot be imported: The file is UTF-16 .* save it as "CSV UTF-8"/).waitFor());
  await screenshot(page, 'import-utf16');
  await panel.getByRole('button', { name: 'Close' }).click();

  await importFile(page, fixture('cp949.csv'));
  await assert.doesNotReject(panel.getByText(/Korean text in CP949/).waitFor());

  const binary = join(artifacts, 'picture.png');
  writeFileSync(binary, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 0)]));
  await importFile(page, binary);
  await assert.doesNotReject(panel.getByText(/This file cannot be imported: This is .*import a CSV or JSON export instead/).waitFor());

  // Row errors: the good rows can still be imported, the bad ones are listed by line.
  await importFile(page, fixture('generic.csv'));
  await assert.doesNotReject(panel.getByText(/Line 3: has 12 cells where the header has 11/).waitFor());
  await screenshot(page, 'import-row-errors');
  assert.equal(await stored(page), before);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await stored(page), before);
  await assert.doesNotReject(page.getByRole('link', { name: 'Keep me' }).waitFor());
}));

test('empty, BOM-only, deeply nested, NaN, trailing-garbage, lone-surrogate and newer-schema files are refused and change nothing', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Keep me' });
  const before = await stored(page);
  const panel = review(page);
  const valid = exportFile(numberedCases(1));
  const refused = [
    ['empty.csv', '', /The file is empty\./],
    ['bom-only.csv', '\uFEFF', /The file is empty\./],
    ['deep.json', '['.repeat(100_000) + ']'.repeat(100_000), /The JSON is broken at line 1, column 1\d\d: recursion limit exceeded/],
    ['nan.json', valid.replace('"customers_affected":1', '"customers_affected":NaN'), /The JSON is broken at line 1, column \d+: expected value/],
    ['trailing.json', `${valid} and then some`, /The JSON is broken at line 1, column \d+: trailing characters/],
    // A lone surrogate as the bytes UTF-8 never holds (as a JSON escape: below).
    ['surrogate-bytes.json', Buffer.from(valid.replace('Customer 0', '\xed\xa0\x80'), 'latin1'), /The file is not UTF-8 text from line 1 \(byte \d+\) on/],
    ['newer.json', valid.replace('"schema_version":2', '"schema_version":99'), /written by a newer version of Triage Desk \(schema 99; this page reads up to 2\)/],
  ];
  for (const [name, text, message] of refused) {
    const file = join(artifacts, name);
    writeFileSync(file, text);
    await importFile(page, file);
    await assert.doesNotReject(panel.getByText(message).waitFor(), name);
    assert.match(await panel.innerText(), /This file cannot be imported: /, name);
    assert.equal(await panel.getByRole('button', { name: 'Import cases' }).count(), 0, `${name}: nothing to confirm`);
    await panel.getByRole('button', { name: 'Close' }).click();
    assert.equal(await stored(page), before, `${name} changed nothing`);
  }
  // A lone surrogate escape spoils only its own case: the review names the item and field.
  const file = join(artifacts, 'surrogate.json');
  writeFileSync(file, valid.replace('Customer 0', '\\ud800'));
  await importFile(page, file);
  await assert.doesNotReject(panel.getByText('Item 1: customer: "\\ud800" is not text').waitFor());
  await assert.doesNotReject(panel.getByText(/^0 new cases will be added/).waitFor());
  await panel.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await stored(page), before, 'surrogate.json changed nothing');
  await assert.doesNotReject(page.getByRole('link', { name: 'Keep me' }).waitFor());
}));

test('quick add of three pasted lines, plain and tabbed mixed, creates three cases', () => withApp(app, async ({ page }) => {
  await openDataMenu(page);
  await page.getByRole('button', { name: 'Quick add' }).click();
  await page.getByLabel('Paste cases').fill('Login page times out\tSafari users only\nRefund not received\nInvoice PDF is blank\tSince Monday');
  await screenshot(page, 'quick-add');
  await page.getByRole('button', { name: 'Preview' }).click();
  const panel = review(page);
  await assert.doesNotReject(panel.getByText('Pasted rows', { exact: true }).waitFor());
  await assert.doesNotReject(panel.getByText('3 new cases will be added').waitFor());
  assert.equal(await stored(page), null);
  await panel.getByRole('button', { name: 'Import cases' }).click();
  for (const title of ['Login page times out', 'Refund not received', 'Invoice PDF is blank']) {
    await assert.doesNotReject(page.getByRole('link', { name: title }).waitFor());
  }
  assert.equal(await caseCount(page, 3), 3);
}));

test('dropping a file on the page opens the preview', () => withApp(app, async ({ page }) => {
  const content = readFileSync(fixture('jira.csv'), 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'jira.csv', { type: 'text/csv' }));
    return data;
  }, content);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await assert.doesNotReject(page.getByText('Drop a CSV or JSON file to import it').waitFor());
  await screenshot(page, 'import-drop-hint');
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await assert.doesNotReject(review(page).getByText('Jira issues (CSV)').waitFor());
  assert.equal(await page.getByText('Drop a CSV or JSON file to import it').count(), 0);
}));

test('a 20 MB file shows a progress bar while it is read, and Cancel stops it and changes nothing', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Keep me' });
  const before = await stored(page);
  const file = join(artifacts, 'zendesk-20mb.csv');
  const rows = 85_000; // about 20 MB
  const text = zendeskCsv(rows);
  writeFileSync(file, text);
  const panel = review(page);

  await importFile(page, file);
  await assert.doesNotReject(panel.getByRole('progressbar', { name: 'Reading the file' }).waitFor());
  await screenshot(page, 'import-progress');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await assert.doesNotReject(panel.waitFor({ state: 'detached' }));
  await page.waitForTimeout(300);
  assert.equal(await panel.count(), 0, 'a cancelled import does not come back');
  assert.equal(await stored(page), before);

}));

test('a 30,000-row file is checked and imported with progress bars; Cancel during the import writes nothing', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Keep me' });
  const before = await stored(page);
  const rows = 30_000;
  const file = join(artifacts, 'zendesk-30000.csv');
  writeFileSync(file, zendeskCsv(rows));
  const panel = review(page);

  await importFile(page, file);
  await assert.doesNotReject(panel.getByRole('progressbar', { name: 'Checking rows against your cases' }).waitFor({ timeout: 60_000 }));
  await assert.doesNotReject(panel.getByText(`${rows} new cases will be added`).waitFor({ timeout: 60_000 }));
  // The import runs for well under a second here, too short for a round trip from the test;
  // the page itself presses Cancel as soon as the import's progress bar shows.
  const cancelled = page.evaluate(
    () =>
      new Promise((resolve) => {
        new MutationObserver((_, observer) => {
          const bar = document.querySelector('progress[aria-label="Importing cases"]');
          if (!bar) return;
          observer.disconnect();
          bar.closest('section').querySelector('button').click();
          resolve(Number(bar.value));
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await panel.getByRole('button', { name: 'Import cases' }).click();
  assert.ok((await cancelled) < rows, 'cancelled before the last step');
  await assert.doesNotReject(panel.waitFor({ state: 'detached' }));
  assert.equal(await stored(page), before, 'a cancelled import writes nothing');
  assert.equal(await page.getByRole('link', { name: /^Ticket \d+: checkout fails/ }).count(), 0);

  await importFile(page, file);
  await panel.getByRole('button', { name: 'Import cases' }).click({ timeout: 60_000 });
  await assert.doesNotReject(panel.getByText(`Imported: ${rows} added, 0 updated, 0 unchanged.`).waitFor({ timeout: 60_000 }));
}));
