// Duplicate groups, similar cases and incidents, in headless Chromium against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withApp, loadDemo, screenshot, readDownload, storedDesk, openDataMenu } from './harness.mjs';

const app = useServedApp();

// Saves commit a moment after the click; read once the store has settled.
const stored = async (page) => {
  await page.waitForTimeout(300);
  return JSON.parse(await storedDesk(page));
};

async function openGroups(page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
}

/** The card of the group whose heading matches `name`. */
const group = (page, name) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name }) });

const HOSTILE = 'Checkout payment declined with PAY-502 <img src=x onerror="window.pwned=1">';
const PAYMENTS = /declined.*PAY-502|PAY-502.*declined/;
const PAYMENT_TITLES = [
  'Payment declined at checkout with error PAY-502',
  'Card payment declined at checkout, error PAY-502',
  'PAY-502 payment declined at checkout for all cards',
];

test('the planted near-duplicates show up as groups, and the inbox warns of the PAY-502 surge', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  const surge = page.getByRole('alert').filter({ hasText: 'Surge' });
  await assert.doesNotReject(surge.waitFor());
  // The outage's recent reports in all three languages count, not only the English ones.
  assert.match(await surge.innerText(), /4 similar cases in the last 30 minutes/);
  await surge.getByRole('link', { name: 'Open the group' }).click();
  await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();

  const payments = group(page, PAYMENTS);
  await assert.doesNotReject(payments.waitFor());
  for (const title of PAYMENT_TITLES) {
    await assert.doesNotReject(payments.getByRole('link', { name: title }).waitFor());
  }
  assert.match(await payments.innerText(), /8 cases · 8 customers · Enterprise, Premium, Standard · Website, App/);
  // Korean and Chinese reports group with the other languages' reports of the same problem.
  await assert.doesNotReject(group(page, /5\.2\.0/).filter({ hasText: '하늘꽃집' }).waitFor());
  await assert.doesNotReject(group(page, /已送達/).filter({ hasText: '青禾選物' }).waitFor());
  const headings = await page.locator('.groups > li h2').allInnerTexts();
  assert.ok(headings.length >= 4, `groups: ${headings.join(' | ')}`);
  assert.match(headings[0], PAYMENTS, 'the biggest group comes first');
  await screenshot(page, 'groups');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'groups-phone');
}));

test('typing a new case lists similar cases; Link records the link on both cases', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Title', { exact: true }).fill(HOSTILE);
  const similar = page.getByRole('region', { name: 'Similar cases' });
  const match = similar.getByRole('link', { name: PAYMENT_TITLES[0] });
  await assert.doesNotReject(match.waitFor());
  assert.match(await similar.innerText(), /\d+ %/);
  assert.ok((await similar.locator('mark').count()) >= 3, 'shared words are highlighted');
  await similar.getByRole('button', { name: `Link ${PAYMENT_TITLES[0]}` }).click();
  assert.equal(await similar.getByRole('button', { name: `Link ${PAYMENT_TITLES[0]}` }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Save' }).click();
  // Save opens the new case; Back returns to the inbox.
  await page.getByRole('heading', { level: 1, name: HOSTILE }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();

  const desk = await stored(page);
  const created = desk.data.cases.find((c) => c.title === HOSTILE);
  assert.deepEqual(created.timeline.filter((e) => e.event === 'linked').map((e) => e.case), ['demo-01']);
  const primary = desk.data.cases.find((c) => c.id === 'demo-01');
  assert.deepEqual(primary.timeline.filter((e) => e.event === 'linked').map((e) => e.case), [created.id]);

  // The inbox builds only the rows near the screen: search for the case to open it.
  await page.getByLabel('Search').fill(PAYMENT_TITLES[1]);
  await page.getByRole('link', { name: PAYMENT_TITLES[1] }).click();
  const onCase = page.getByRole('region', { name: 'Similar cases' });
  await assert.doesNotReject(onCase.getByRole('link', { name: PAYMENT_TITLES[2] }).waitFor());
  // Hostile HTML in a similar case's title is shown as text, never run.
  await assert.doesNotReject(onCase.getByText('<img src=x onerror="window.pwned=1">', { exact: false }).waitFor());
  assert.equal(await onCase.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await screenshot(page, 'case-similar');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'case-similar-phone');
}));

test('a group promoted to an incident is listed, with its blast radius, status changes and timeline', () => withApp(app, async ({ page, open }) => {
  await loadDemo(page);
  await openGroups(page);
  await group(page, PAYMENTS).getByRole('button', { name: 'Promote to incident' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /INC-1/ });
  await assert.doesNotReject(heading.waitFor());
  const radius = page.getByRole('region', { name: 'Blast radius' });
  assert.match(await radius.innerText(), /Cases\s*8\s*Customers\s*8\s*Tiers\s*3\s*Surfaces\s*2/);
  assert.match(await radius.innerText(), /Harborline Home Goods/);
  // An update half written while the status changes is kept.
  await page.getByLabel('Update', { exact: true }).fill('Card processor certificate expired; renewing.');
  await page.getByLabel('Incident status', { exact: true }).selectOption({ label: 'Identified' });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await assert.doesNotReject(timeline.getByText('Status changed from Investigating to Identified').waitFor());
  assert.equal(await page.getByLabel('Update', { exact: true }).inputValue(), 'Card processor certificate expired; renewing.');
  await page.getByRole('button', { name: 'Add update' }).click();
  await assert.doesNotReject(timeline.getByText('Update: Card processor certificate expired; renewing.').waitFor());
  await assert.doesNotReject(timeline.getByText('Promoted from a group of 8 similar cases').waitFor());
  await screenshot(page, 'incident');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'incident-phone');
  await page.setViewportSize({ width: 1280, height: 860 });

  // A linked case edited in another tab shows in the blast radius and the linked cases at once.
  const linked = page.getByRole('region', { name: 'Linked cases' });
  const href = await linked.getByRole('link', { name: PAYMENT_TITLES[2] }).getAttribute('href');
  const other = await open(href);
  await other.getByLabel('Customer', { exact: true }).fill('Quay Street Bakery');
  await other.getByLabel('Customer', { exact: true }).press('Tab');
  await assert.doesNotReject(radius.getByText(/Affected customers: .*Quay Street Bakery/).waitFor());
  await assert.doesNotReject(linked.getByText('Quay Street Bakery').waitFor());
  await other.close();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Incidents' }).click();
  const row = page.getByRole('row').filter({ hasText: 'INC-1' });
  await assert.doesNotReject(row.waitFor());
  assert.match(await row.innerText(), /Identified\s*None\s*No update owed\s*8\s*8/);
  await screenshot(page, 'incidents');
  // The linked cases note the incident on their own timelines.
  await page.goto(`${app.server.url}#/case/demo-01`);
  await assert.doesNotReject(page.getByText(/Linked to incident INC-1/).waitFor());
}));

test('Not a duplicate takes a member out of its group for good', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await openGroups(page);
  const payments = group(page, PAYMENTS);
  await payments.getByRole('button', { name: `Not a duplicate: ${PAYMENT_TITLES[2]}` }).click();
  await assert.doesNotReject(
    page.locator('.groups').getByRole('link', { name: PAYMENT_TITLES[2] }).waitFor({ state: 'detached' }),
  );
  assert.match(await group(page, PAYMENTS).innerText(), /7 cases/);
  await page.reload();
  await group(page, PAYMENTS).waitFor();
  assert.equal(await page.locator('.groups').getByRole('link', { name: PAYMENT_TITLES[2] }).count(), 0);
  const desk = await stored(page);
  // One pair with each of the 7 other members of the outage's group.
  assert.equal(desk.data.not_duplicates.length, 7);
}));

test('merge closes the duplicates into the primary, and unmerge restores them with both acts on record', () => withApp(app, async ({ page, open }) => {
  await loadDemo(page);
  const before = await stored(page);
  await openGroups(page);
  const auth = group(page, /AUTH-1103/).filter({ hasText: 'Meridian Pet Supply' });
  await auth.getByRole('radio', { name: /Primary: Staff can't log in/ }).check();
  await auth.getByRole('button', { name: 'Merge into primary' }).click();
  // The message names the cases merged and the one kept, in the list of merged cases.
  // Across languages the group may hold more than the English pair, so both names are looked for.
  const mergedText = /^Merged (?=.*AUTH-1103 error when signing in with company SSO)(?=.*into “Staff can't log in after SSO change - error AUTH-1103”)/;
  await assert.doesNotReject(page.getByRole('status').filter({ hasText: mergedText }).waitFor());
  await assert.doesNotReject(page.getByRole('region', { name: 'Merged cases' }).getByText(mergedText).waitFor());
  await assert.doesNotReject(auth.waitFor({ state: 'detached' }), 'a merged group is no longer listed');
  const merged = await stored(page);
  const duplicate = merged.data.cases.find((c) => c.title === 'AUTH-1103 error when signing in with company SSO');
  assert.equal(duplicate.status, 'closed');

  // A second tab that saw the merge, open on the duplicate.
  const other = await open(`#/case/${duplicate.id}`);
  await assert.doesNotReject(other.locator('.banner').getByText('Closed as a duplicate of').waitFor());

  await page.goto(`${app.server.url}#/case/${duplicate.id}`);
  await assert.doesNotReject(page.locator('.banner').getByText('Closed as a duplicate of').waitFor());
  await assert.doesNotReject(page.getByRole('region', { name: 'Timeline' }).getByText(/Closed as a duplicate of “Staff/).waitFor());
  await page.getByRole('link', { name: "Staff can't log in after SSO change - error AUTH-1103" }).first().click();
  await page.getByRole('button', { name: 'Unmerge' }).click();
  await assert.doesNotReject(page.getByText('Merged duplicates:').waitFor({ state: 'detached' }));
  const after = await stored(page);
  const fields = ({ timeline, updated_at, ...rest }) => rest;
  assert.deepEqual(after.data.cases.map(fields), before.data.cases.map(fields), 'every case back field for field');
  after.data.cases.forEach((c, i) => {
    const earlier = before.data.cases[i].timeline;
    assert.deepEqual(c.timeline.slice(0, earlier.length), earlier, 'history only grows');
  });
  assert.equal(after.data.merges, undefined);

  // The other tab takes the unmerge in, and its own later save does not bring the merge back.
  await assert.doesNotReject(other.locator('.banner').getByText('Closed as a duplicate of').waitFor({ state: 'detached' }));
  await assert.doesNotReject(other.getByRole('region', { name: 'Timeline' }).getByText(/Unmerged from “Staff/).waitFor());
  await other.getByLabel('Note', { exact: true }).fill('Seen from the second tab');
  await other.getByRole('button', { name: 'Add internal note' }).click();
  await assert.doesNotReject(other.getByRole('region', { name: 'Timeline' }).getByText('Seen from the second tab').waitFor());
  await page.reload();
  const later = await stored(page);
  assert.equal(later.data.merges, undefined, 'no merge came back');
  const back = later.data.cases.find((c) => c.id === duplicate.id);
  const was = before.data.cases.find((c) => c.id === duplicate.id);
  assert.equal(back.status, was.status);
  assert.ok(back.timeline.some((e) => e.text === 'Seen from the second tab'));
  assert.ok(['merged_into', 'unmerged'].every((event) => back.timeline.some((e) => e.event === event)));
  await other.close();
  await openGroups(page);
  await assert.doesNotReject(auth.waitFor());
}));

test('the strictness slider counts groups live, and the export carries group ids and incidents', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const count = page.locator('#threshold-count');
  await assert.doesNotReject(page.getByText(/^\d+ groups? at this setting$/).waitFor());
  const atDefault = Number((await count.innerText()).split(' ')[0]);
  assert.ok(atDefault >= 4, `${atDefault} groups at the default`);
  await page.getByLabel('Grouping strictness').fill('0.9');
  await assert.doesNotReject(page.getByText(/^Stricter: /).waitFor());
  await page.waitForFunction((n) => {
    const shown = document.getElementById('threshold-count').textContent;
    return /groups? at this setting$/.test(shown) && Number(shown.split(' ')[0]) < n;
  }, atDefault);
  await page.getByLabel('Grouping strictness').fill('0.5');
  await assert.doesNotReject(page.getByText(`${atDefault} groups at this setting`).waitFor());
  await page.getByLabel('Surge alert: similar cases').fill('4');
  await page.getByLabel('Surge alert: similar cases').blur();
  assert.equal((await stored(page)).data.settings.grouping.surge_count, 4);
  await screenshot(page, 'grouping-settings');

  await openGroups(page);
  await group(page, /已送達/).getByRole('button', { name: 'Promote to incident' }).click();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
  await openDataMenu(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const file = JSON.parse(await readDownload(download));
  const byId = Object.fromEntries(file.cases.map((c) => [c.id, c]));
  assert.ok('group_id' in byId['demo-01'] && 'external_id' in byId['demo-01']);
  assert.equal(typeof byId['demo-01'].group_id, 'string');
  const sameGroup = file.cases.filter((c) => c.group_id === byId['demo-01'].group_id).map((c) => c.title);
  // The PAY-502 outage's reports in English, Korean and Chinese: one group of 8.
  assert.equal(sameGroup.length, 8, sameGroup.join(' | '));
  for (const title of PAYMENT_TITLES) assert.ok(sameGroup.includes(title), title);
  assert.ok(file.cases.some((c) => c.group_id === null), 'cases in no group have null');
  assert.equal(file.incidents[0].id, 'INC-1');
  assert.deepEqual(file.not_duplicate_pairs, []);
}));
