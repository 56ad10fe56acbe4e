// The triage score as an escalation manager meets it, in headless Chromium on the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withApp, loadDemo, screenshot, createCase, caseRows, allCaseRows } from './harness.mjs';

const app = useServedApp();

/** The top row of the inbox (scrolling up to it: the page keeps its scroll across screens). */
async function firstRow(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return caseRows(page).and(page.locator('[aria-rowindex="2"]'));
}

test('the demo inbox is sorted by score and the most urgent case is on top', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  // Scores count each case's duplicate group, formed shortly after the cases arrive; the surge
  // banner shows once it is, so the list is read after the scores have settled.
  await page.getByRole('alert').filter({ hasText: 'Surge' }).waitFor();
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'score');
  const top = await (await firstRow(page)).innerText();
  // A many-customer payment or login outage on an Enterprise account, not a cosmetic issue.
  assert.match(top, /PAY-502|AUTH-1103/);
  assert.match(top, /Enterprise/);
  assert.match(top, /P1/);
  // The list builds only the rows near the screen: read all of them by scrolling through.
  const rows = await allCaseRows(page);
  const listed = Number((await page.getByText(/^\d+ cases$/).innerText()).split(' ')[0]);
  assert.deepEqual(rows.map((row) => row.index), Array.from({ length: listed }, (_, i) => i + 2), 'every row, once');
  assert.ok(rows.every((row) => /^P[1-4]/.test(row.badge)), 'every row has a priority badge with text');
  const scores = rows.map((row) => row.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'rows are in score order');
  // The last row may be a small Standard-tier report of a known outage, never a big one.
  assert.doesNotMatch(rows.at(-1).text, /Enterprise|Premium|P1|P2/);
  await screenshot(page, 'triage-inbox');

  await page.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
  assert.match(await (await firstRow(page)).innerText(), /dark mode/i);
}));

test('why this score: every factor with its points, summing to the score, keywords marked', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await (await firstRow(page)).getByRole('link').click();
  const why = page.getByRole('region', { name: 'Why this score' });
  await why.waitFor();
  // Read in one go: the SLA factor moves with the clock, so two reads can straddle a tick.
  await why.getByLabel(/^Score \d+ of 100$/).waitFor();
  const [points, total, shown] = await why.evaluate((region) => [
    [...region.querySelectorAll('tbody td.points')].map((cell) => Number(cell.innerText)),
    Number(region.querySelector('tfoot td.points').innerText),
    [...region.querySelectorAll('[aria-label]')].find((e) => /^Score \d+ of 100$/.test(e.getAttribute('aria-label'))).innerText,
  ]);
  assert.equal(points.length, 7);
  assert.equal(points.reduce((a, b) => a + b, 0), total);
  assert.match(shown, new RegExp(`^${total}`));
  const marked = await why.locator('mark').allInnerTexts();
  assert.ok(marked.some((word) => /payment|checkout|declined|log ?in|sso|error/i.test(word)), `marked: ${marked}`);
  await screenshot(page, 'triage-case');
}));

test('a pinned priority shows beside the computed one and is logged', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  const title = await (await firstRow(page)).getByRole('link').innerText();
  await (await firstRow(page)).getByRole('link').click();
  const why = page.getByRole('region', { name: 'Why this score' });
  await why.getByLabel('Pinned priority').selectOption({ label: 'Pin P3' });
  await assert.doesNotReject(why.getByText('computed P1', { exact: true }).waitFor());
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await assert.doesNotReject(timeline.getByText('Priority pinned to P3').waitFor());
  await page.getByRole('link', { name: 'Inbox' }).first().click();
  await assert.doesNotReject(page.getByText('Priority P3, pinned by hand; computed P1').first().waitFor({ state: 'attached' }));
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByLabel('Pinned priority').selectOption({ value: '' });
  await assert.doesNotReject(timeline.getByText('Priority pin removed (was P3)').waitFor());
}));

test('editing the weights previews the new top ten, and saving reorders the inbox', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  const titleOf = async (locator) => (await locator.locator('.top-title').innerText()).trim();
  const defaultTop = await (await firstRow(page)).getByRole('link').innerText();
  await page.getByRole('link', { name: 'Settings' }).click();
  const preview = page.getByRole('complementary', { name: 'Top ten with these rules' });
  assert.equal(await titleOf(preview.locator('li').first()), defaultTop);
  // Only the cue words count now: cases written in distress climb, the quiet outage drops.
  for (const factor of ['Impact x urgency', 'Tier', 'Customers affected', 'Time pressure', 'Risk keywords', 'Similar reports']) {
    await page.getByLabel(`${factor} weight`, { exact: true }).fill('0');
  }
  await page.getByLabel('Distress cues weight', { exact: true }).fill('50');
  await assert.doesNotReject(preview.locator('.moved.up, .moved.down').first().waitFor());
  const newTop = await titleOf(preview.locator('li').first());
  assert.notEqual(newTop, defaultTop);
  await screenshot(page, 'triage-rules');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await page.getByRole('link', { name: 'Inbox' }).first().click();
  assert.equal(await (await firstRow(page)).getByRole('link').innerText(), newTop);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await page.getByRole('link', { name: 'Inbox' }).first().click();
  assert.equal(await (await firstRow(page)).getByRole('link').innerText(), defaultTop);
}));

test('a malformed rule gets a message next to the field and cannot be saved', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const english = page.getByLabel('Risk keywords, English');
  const words = await english.inputValue();
  const firstWord = words.split('\n')[0];
  await english.fill(`${words}\n\n${firstWord}`);
  const message = page.locator(`#${await english.getAttribute('aria-describedby')}`);
  assert.match(await message.innerText(), /is empty; type a word or remove it/);
  assert.match(await message.innerText(), new RegExp(`"${firstWord.replace('*', '\\*')}" is already entry 1 of this list`));
  assert.equal(await english.getAttribute('aria-invalid'), 'true');
  assert.ok(await page.getByRole('button', { name: 'Save rules' }).isDisabled());

  await page.getByLabel('Tier weight', { exact: true }).fill('90');
  assert.match(await page.locator('#weight-tier-message').innerText(), /Tier weight is 90; use 0 to 50/);
  await page.getByRole('button', { name: 'Discard changes' }).click();
  assert.equal(await english.inputValue(), words);
}));

test('full-width text matches the risk keywords, folded by the browser\'s NFKC', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'ＣＨＥＣＫＯＵＴ ｂｒｏｋｅｎ：ｐａｙｍｅｎｔｓ ｆａｉｌ' });
  await page.getByRole('link', { name: /ＣＨＥＣＫＯＵＴ/ }).click();
  const why = page.getByRole('region', { name: 'Why this score' });
  await why.waitFor();
  // Marked as written, though matched in NFKC lower case.
  const marked = await why.locator('mark').allInnerTexts();
  assert.ok(marked.includes('ＣＨＥＣＫＯＵＴ'), `marked: ${marked}`);
  assert.ok(marked.includes('ｐａｙｍｅｎｔｓ'), `marked: ${marked}`);
}));
