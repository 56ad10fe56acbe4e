// A case's history on its page, in headless Chromium against the release build: the created
// date corrected by hand, and a merge undone on the record (issue #15) rather than erased.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withApp, createCase, storedDesk, screenshot } from './harness.mjs';

const app = useServedApp();

// Saves commit a moment after the click; read once the store has settled.
const stored = async (page) => {
  await page.waitForTimeout(300);
  return JSON.parse(await storedDesk(page));
};

test('the created date is shown and corrected on the case page, with the change on the timeline', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Reported by phone last week' });
  await page.getByRole('link', { name: 'Reported by phone last week' }).click();
  const created = page.getByLabel('Created', { exact: true });
  const opened = (await stored(page)).data.cases[0].created_at;
  const local = await page.evaluate((at) => {
    const d = new Date(at);
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
  }, opened);
  assert.equal(await created.inputValue(), local, 'the stored time, in local time');

  await created.fill('2026-11-20T08:30');
  await created.blur();
  const expected = await page.evaluate(() => new Date('2026-11-20T08:30').toISOString());
  await assert.doesNotReject(page.getByRole('region', { name: 'Timeline' }).getByText(/^Created changed from \d{4}-\d\d-\d\d \d\d:\d\d to 2026-11-20 08:30$/).waitFor());
  assert.equal(Date.parse((await stored(page)).data.cases[0].created_at), Date.parse(expected));
  await assert.doesNotReject(page.getByText(/opened \d+ days ago/).waitFor());

  await created.fill('2099-01-01T10:00');
  await created.blur();
  await assert.doesNotReject(page.locator('#field-created-message').getByText('Created must be between 1 Jan 1990 and now.').waitFor());
  assert.equal(await created.getAttribute('aria-invalid'), 'true');
  assert.equal(Date.parse((await stored(page)).data.cases[0].created_at), Date.parse(expected), 'a future date is refused');
  await screenshot(page, 'case-created-refused');
}));

test('unmerge keeps the merge on both timelines and logs the unmerge beside it', () => withApp(app, async ({ page }) => {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  const before = await stored(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
  const primaryTitle = "Staff can't log in after SSO change - error AUTH-1103";
  const duplicateTitle = 'AUTH-1103 error when signing in with company SSO';
  const auth = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: /AUTH-1103/ }) })
    .filter({ hasText: 'Meridian Pet Supply' });
  await auth.getByRole('radio', { name: `Primary: ${primaryTitle}` }).check();
  await auth.getByRole('button', { name: 'Merge into primary' }).click();
  // Across languages the group may hold more than the English pair: the message names them all.
  const said = (verb, link) => page.getByRole('status').filter({ hasText: new RegExp(`^${verb}`) }).filter({ hasText: duplicateTitle }).filter({ hasText: `${link} “${primaryTitle}”` });
  await assert.doesNotReject(said('Merged', 'into').first().waitFor());
  await page.getByRole('button', { name: `Unmerge ${primaryTitle}` }).click();
  await assert.doesNotReject(said('Unmerged', 'from').first().waitFor());

  const after = await stored(page);
  const find = (desk, title) => desk.data.cases.find((c) => c.title === title);
  assert.equal(find(after, duplicateTitle).status, find(before, duplicateTitle).status, 'the duplicate is open again');
  const timelineOf = async (title) => {
    await page.goto(`${app.server.url}#/case/${encodeURIComponent(find(after, title).id)}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Case created').waitFor();
    return timeline.innerText();
  };
  // Newest first: the unmerge sits above the merge it undid.
  const duplicate = await timelineOf(duplicateTitle);
  const closed = duplicate.indexOf(`Closed as a duplicate of \u201c${primaryTitle}\u201d`);
  const statusClosed = duplicate.search(/Status changed from [^\n]+ to Closed/);
  const unmerged = duplicate.indexOf(`Unmerged from \u201c${primaryTitle}\u201d`);
  const reopened = duplicate.search(/Reopened: Closed to /);
  assert.ok(closed >= 0 && statusClosed >= 0, `the merge stays on the duplicate's timeline:\n${duplicate}`);
  assert.ok(unmerged >= 0 && reopened >= 0, `the unmerge is logged on the duplicate:\n${duplicate}`);
  assert.ok(unmerged < closed && reopened < statusClosed, `newest first:\n${duplicate}`);
  await screenshot(page, 'unmerged-duplicate');

  const primary = await timelineOf(primaryTitle);
  // The group spans languages, so the merge may hold more duplicates than this one.
  const lineWith = (pattern) => primary.split('\n').findIndex((line) => pattern.test(line) && line.includes(`\u201c${duplicateTitle}\u201d`));
  const merged = lineWith(/^Merged duplicates into this case: /);
  const unmergedDuplicates = lineWith(/^Unmerged \d+ duplicates?: /);
  assert.ok(merged >= 0 && unmergedDuplicates >= 0 && unmergedDuplicates < merged, `the primary's timeline:\n${primary}`);
  assert.equal(after.data.merges, undefined, 'no merge is standing');
}));
