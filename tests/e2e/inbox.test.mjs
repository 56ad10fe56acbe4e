// The inbox as a virtual list: with thousands of cases only the rows near the screen are
// built, yet every case can be reached by scrolling, by keyboard and by search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, withApp, artifacts, caseRows, settle, importThroughReview } from './harness.mjs';
import { exportFile, numberedCases } from './synthetic.mjs';

const app = useServedApp();
const COUNT = 2000;

/** Imports `COUNT` numbered cases into the empty desk of `page`. */
async function importNumbered(page) {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `cases-${COUNT}.json`);
  writeFileSync(file, exportFile(numberedCases(COUNT)));
  await importThroughReview(page, file);
  await page.getByText(`${COUNT.toLocaleString('en')} cases`, { exact: true }).waitFor();
}

const grid = (page) => page.getByRole('grid', { name: 'Inbox' });
const focusedRow = (page) =>
  page.evaluate(() => {
    const row = document.activeElement;
    const box = row.getBoundingClientRect();
    return {
      role: row.getAttribute('role'),
      index: Number(row.getAttribute('aria-rowindex')),
      title: row.querySelector('a')?.innerText,
      inView: box.top >= 0 && box.bottom <= window.innerHeight + 0.5,
      box: [box.top, box.bottom, window.innerHeight, window.scrollY],
      tabStops: document.querySelectorAll('[role="grid"] [role="row"][tabindex="0"]').length,
    };
  });

test('thousands of cases: few rows built, the last one reachable, the count announced', () => withApp(app, async ({ page }) => {
  await importNumbered(page);
  await page.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
  assert.equal(await grid(page).getAttribute('aria-rowcount'), String(COUNT + 1));
  const built = await caseRows(page).count();
  assert.ok(built > 0 && built <= 40, `rows in the page: ${built}`);
  assert.match(await caseRows(page).first().innerText(), /Case 0: /);
  assert.equal(await caseRows(page).first().getAttribute('aria-rowindex'), '2');
  // The viewport only: a full-page picture of 2,000 rows would be 240,000 pixels tall.
  await page.screenshot({ path: join(artifacts, 'inbox-virtual-desktop.png') });

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await settle(page);
  const last = caseRows(page).filter({ hasText: `Case ${COUNT - 1}: ` });
  await assert.doesNotReject(last.waitFor());
  assert.equal(await last.getAttribute('aria-rowindex'), String(COUNT + 1));
  assert.ok(await last.isVisible());
  assert.ok((await caseRows(page).count()) <= 40, 'still a bounded number of rows at the end');
  await page.screenshot({ path: join(artifacts, 'inbox-virtual-end.png') });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  assert.ok((await caseRows(page).count()) <= 40);
  await page.screenshot({ path: join(artifacts, 'inbox-virtual-phone.png') });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await settle(page);
  await assert.doesNotReject(caseRows(page).filter({ hasText: `Case ${COUNT - 1}: ` }).waitFor());
  await page.screenshot({ path: join(artifacts, 'inbox-virtual-phone-end.png') });

  // A new order starts at its top, scrolled back into sight. The select is changed in the page
  // because Playwright would first scroll it (near the top) into view itself.
  await page.evaluate(() => {
    const sort = document.getElementById('inbox-sort');
    sort.value = 'newest';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(page);
  const top = grid(page).locator('[role="row"][aria-rowindex="2"]');
  await assert.doesNotReject(top.waitFor());
  const box = await top.boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  assert.ok(box && box.y >= -1 && box.y + box.height <= height + 1, `the first row is on screen: ${JSON.stringify(box)}`);
}));

test('the keyboard moves row by row, jumps to the ends, and Enter opens the case', () => withApp(app, async ({ page }) => {
  await importNumbered(page);
  await page.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
  // One tab stop for the whole list, right after the toolbar (filters, what-if clock, alerts).
  await page.getByRole('button', { name: 'Breach alerts' }).focus();
  await page.keyboard.press('Tab');
  let at = await focusedRow(page);
  assert.deepEqual([at.role, at.index, at.tabStops], ['row', 2, 1]);
  assert.match(at.title, /^Case 0: /);

  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.equal((await focusedRow(page)).index, 5);
  await page.keyboard.press('j');
  assert.equal((await focusedRow(page)).index, 6);
  await page.keyboard.press('k');
  assert.equal((await focusedRow(page)).index, 5);
  // Past the bottom of the screen the page scrolls to keep the focused row in view.
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
  at = await focusedRow(page);
  assert.equal(at.index, 25);
  assert.ok(at.inView, `the focused row is scrolled into view: ${at.box}`);
  assert.match(at.title, /^Case 23: /);

  await page.keyboard.press('End');
  at = await focusedRow(page);
  assert.deepEqual([at.index, at.inView, at.tabStops], [COUNT + 1, true, 1]);
  await page.screenshot({ path: join(artifacts, 'inbox-virtual-keyboard.png') });
  assert.match(at.title, new RegExp(`^Case ${COUNT - 1}: `));
  await page.keyboard.press('ArrowUp');
  assert.equal((await focusedRow(page)).index, COUNT);
  await page.keyboard.press('Home');
  at = await focusedRow(page);
  assert.deepEqual([at.index, at.inView], [2, true]);

  await page.keyboard.press('ArrowDown');
  const title = (await focusedRow(page)).title;
  await page.keyboard.press('Enter');
  await assert.doesNotReject(page.getByRole('heading', { name: title }).waitFor());
}));

test('search narrows thousands of cases and clearing it brings them back', () => withApp(app, async ({ page }) => {
  await importNumbered(page);
  const search = page.getByLabel('Search');
  await search.pressSequentially('ref1234x');
  await assert.doesNotReject(page.getByText('1 case', { exact: true }).waitFor());
  assert.equal(await caseRows(page).count(), 1);
  assert.match(await caseRows(page).first().innerText(), /Case 1234: /);
  assert.equal(await grid(page).getAttribute('aria-rowcount'), '2');

  await search.fill('결제');
  await assert.doesNotReject(page.getByText(`${(COUNT / 5).toLocaleString('en')} cases`, { exact: true }).waitFor());
  assert.match(await caseRows(page).first().innerText(), /결제/);
  await search.fill('');
  await assert.doesNotReject(page.getByText(`${COUNT.toLocaleString('en')} cases`, { exact: true }).waitFor());
}));
