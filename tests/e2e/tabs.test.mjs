// Two tabs on one case (issue #22), in headless Chromium against the release build: pages of
// one browser context share IndexedDB and the BroadcastChannel, as two tabs of one profile do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withApp, createCase, storedDesk, screenshot } from './harness.mjs';

const app = useServedApp();

/** Polls `check` until it returns something truthy; fails with `what` and the last result. */
async function until(what, check, timeout = 8000) {
  const end = Date.now() + timeout;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > end) assert.fail(`${what} (last seen: ${JSON.stringify(found)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const storedCase = async (page, id) => JSON.parse(await storedDesk(page))?.data.cases.find((c) => c.id === id);

/** Another page of the profile (`open` of the fixture) on case `id`. */
async function openCase(open, id) {
  const page = await open(`#/case/${encodeURIComponent(id)}`);
  await page.getByLabel('Title', { exact: true }).waitFor();
  return page;
}

/** One case, open in tabs A (the fixture's page) and B of one browser profile. */
async function twoTabsOnCase({ page: a, open }, title) {
  await createCase(a, { title, description: 'As reported', customer: 'Initial customer', category: 'Initial' });
  await a.getByRole('link', { name: title }).click();
  await a.getByLabel('Title', { exact: true }).waitFor();
  const id = decodeURIComponent(new URL(a.url()).hash.slice('#/case/'.length));
  const b = await openCase(open, id);
  return { a, b, id };
}

const control = (page, label) => page.getByLabel(label, { exact: true });

/** Waits until `page`'s control for `label` shows `value`. */
const shows = (page, label, value) =>
  page.waitForFunction(([id, value]) => document.getElementById(id)?.value === value, [`field-${label.toLowerCase()}`, value]);

const changed = (c, field, to) => c.timeline.some((e) => e.event === 'field_changed' && e.field === field && e.to === to);

test('a draft in one tab survives another tab saving a different field of the case', () => withApp(app, async (tabs) => {
  const { a, b, id } = await twoTabsOnCase(tabs, 'Draft survives another tab');
  let round = 0;
  for (const label of ['Title', 'Description', 'Category']) {
    for (const delay of [50, 500, 3000]) {
      round += 1;
      const typed = `draft-B ${round} plus more`;
      const customer = `Customer from A ${round}`;
      await control(b, label).click();
      await b.keyboard.press('Control+A');
      await b.keyboard.type(`draft-B ${round}`);
      await control(a, 'Customer').fill(customer);
      await control(a, 'Customer').press('Tab');
      await shows(b, 'Customer', customer);
      await b.waitForTimeout(delay);
      await b.keyboard.type(' plus more');
      assert.equal(await control(b, label).inputValue(), typed, `${label}, ${delay} ms: B's text while typing`);
      await b.keyboard.press('Tab');
      assert.equal(await control(b, label).inputValue(), typed, `${label}, ${delay} ms: B's text once left`);
      const key = label.toLowerCase();
      await until(`${label}, ${delay} ms: stored with both changes`, async () => {
        const c = await storedCase(b, id);
        return c?.customer === customer && c[key] === typed;
      });
      const third = await openCase(tabs.open, id);
      await shows(third, label, typed);
      assert.equal(await control(third, 'Customer').inputValue(), customer);
      await third.close();
    }
  }
}));

test('both tabs edit the title: the second sees the other value and chooses Keep mine or Take theirs', () => withApp(app, async (tabs) => {
  const { a, b, id } = await twoTabsOnCase(tabs, 'Title edited twice');
  const prompt = b.getByRole('group', { name: 'Title changed in another tab' });

  // Keep mine, by keyboard: leaving the field keeps the prompt and saves nothing yet.
  await control(b, 'Title').fill("B's title");
  await control(a, 'Title').fill("A's title");
  await control(a, 'Title').press('Tab');
  await assert.doesNotReject(prompt.getByText("Changed in another tab to \u201cA's title\u201d.").waitFor());
  assert.equal(await control(b, 'Title').inputValue(), "B's title", 'the draft is not replaced');
  await screenshot(b, 'changed-in-another-tab');
  await b.keyboard.press('Tab');
  assert.equal(await b.evaluate(() => document.activeElement?.textContent), 'Keep mine');
  assert.equal((await storedCase(b, id)).title, "A's title", 'leaving the field saved nothing over theirs');
  await b.keyboard.press('Enter');
  await assert.doesNotReject(prompt.waitFor({ state: 'detached' }));
  assert.equal(await b.evaluate(() => document.activeElement?.id), 'field-title', 'focus goes back to the field');
  await until("B's title stored", async () => (await storedCase(b, id))?.title === "B's title");
  await shows(a, 'Title', "B's title");
  const kept = await storedCase(b, id);
  assert.ok(changed(kept, 'title', "A's title") && changed(kept, 'title', "B's title"), 'both changes are on the timeline');

  // Take theirs, by mouse.
  await control(b, 'Title').fill('B again');
  await control(a, 'Title').fill('A again');
  await control(a, 'Title').press('Tab');
  await assert.doesNotReject(prompt.getByText('Changed in another tab to \u201cA again\u201d.').waitFor());
  await prompt.getByRole('button', { name: 'Take theirs' }).click();
  await assert.doesNotReject(prompt.waitFor({ state: 'detached' }));
  assert.equal(await control(b, 'Title').inputValue(), 'A again');
  await b.keyboard.press('Tab');
  await b.waitForTimeout(500);
  assert.equal((await storedCase(b, id)).title, 'A again');
  assert.equal(await control(a, 'Title').inputValue(), 'A again');
  assert.ok(!changed(await storedCase(b, id), 'title', 'B again'), 'the discarded draft was never saved');
}));

test('two tabs leaving different fields in the same moment both keep their change', () => withApp(app, async (tabs) => {
  const { a, b, id } = await twoTabsOnCase(tabs, 'Simultaneous edits');
  for (let round = 1; round <= 10; round++) {
    const [customer, category] = [`Customer ${round}`, `Category ${round}`];
    await control(a, 'Customer').fill(customer);
    await control(b, 'Category').fill(category);
    await Promise.all([control(a, 'Customer').blur(), control(b, 'Category').blur()]);
    const c = await until(`round ${round}: both stored`, async () => {
      const c = await storedCase(a, id);
      return c?.customer === customer && c.category === category && c;
    });
    assert.ok(changed(c, 'customer', customer) && changed(c, 'category', category), `round ${round}: both on the timeline`);
    await shows(a, 'Category', category);
    await shows(b, 'Customer', customer);
  }
  const timeline = b.getByRole('region', { name: 'Timeline' });
  await assert.doesNotReject(timeline.getByText('Customer changed from \u201cCustomer 9\u201d to \u201cCustomer 10\u201d').waitFor());
  await assert.doesNotReject(timeline.getByText('Category changed from \u201cCategory 9\u201d to \u201cCategory 10\u201d').waitFor());
}));
