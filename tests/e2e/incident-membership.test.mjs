// Incidents that grow with the problem (#20): Promote, Add to incident from a case page and
// a group card, a grown group offered to its open incident instead of a second one, removal
// logged on both timelines; the case's details for engineering; and the case page and Groups
// in Korean and Chinese with no English left, axe at zero.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { useServedApp, withApp, loadDemo, createCase, screenshot, storedDesk } from './harness.mjs';
import { englishLeft } from './english-left.mjs';

const app = useServedApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAYMENTS = /declined.*PAY-502|PAY-502.*declined/;
const stored = async (page) => {
  await page.waitForTimeout(300);
  return JSON.parse(await storedDesk(page));
};
const group = (page, name) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name }) });

async function openGroups(page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
}

async function openCase(page, id) {
  await page.evaluate((hash) => { location.hash = hash; }, `#/case/${id}`);
  await page.locator('#case-title').waitFor();
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('a grown group goes into its open incident, a case is added and removed from its page, never a second incident', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await openGroups(page);
  await group(page, PAYMENTS).getByRole('button', { name: 'Promote to incident' }).click();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();

  // The group card now names the incident holding its cases, with no second Promote.
  await openGroups(page);
  const payments = group(page, PAYMENTS);
  await assert.doesNotReject(payments.getByText('INC-1 holds 8 of these 8 cases').waitFor());
  assert.equal(await payments.getByRole('button', { name: 'Promote to incident' }).count(), 0);
  assert.equal(await payments.getByRole('link', { name: 'INC-1' }).getAttribute('href'), '#/incident/INC-1');

  // The problem grows: a new report joins the group.
  await page.getByRole('link', { name: 'Inbox' }).first().click();
  await createCase(page, {
    title: 'Card payment declined at checkout, error PAY-502 again for every card',
    customer: 'Lindqvist Outfitters',
    description: 'Checkout payment declined with PAY-502 since this morning.',
  });
  await openGroups(page);
  // Regrouping may split the outage's reports differently; the new report's group is the one.
  const grown = group(page, PAYMENTS).filter({ hasText: 'Lindqvist Outfitters' });
  const holds = grown.getByText(/^INC-1 holds \d+ of these \d+ cases$/);
  await assert.doesNotReject(holds.waitFor());
  const [held, size] = (await holds.innerText()).match(/\d+/g).slice(1).map(Number);
  assert.ok(held < size, await holds.innerText());
  assert.equal(await grown.getByRole('button', { name: 'Promote to incident' }).count(), 0);
  await grown.getByRole('button', { name: 'Add the new cases to INC-1' }).click();
  const added = size - held;
  await assert.doesNotReject(grown.getByRole('status').getByText(added === 1 ? 'Added 1 case to INC-1.' : `Added ${added} cases to INC-1.`).waitFor());
  await assert.doesNotReject(grown.getByText(`INC-1 holds ${size} of these ${size} cases`).waitFor());
  assert.equal(await grown.getByRole('button', { name: /Add the new cases/ }).count(), 0);
  let desk = await stored(page);
  assert.equal(desk.data.incidents.length, 1, 'no second incident');
  assert.equal(desk.data.incidents[0].cases.length, 8 + added);
  const grew = desk.data.cases.find((c) => c.customer === 'Lindqvist Outfitters');
  assert.ok(desk.data.incidents[0].cases.includes(grew.id));
  await screenshot(page, 'groups-held-by-incident');

  // Another case, from its own page: Add to incident lists the open incidents, most recent first.
  const typo = desk.data.cases.find((c) => c.title.startsWith('Typo on FAQ page'));
  await openCase(page, typo.id);
  const incidents = page.getByRole('region', { name: 'Incidents' });
  await assert.doesNotReject(incidents.getByText('Not part of an incident.').waitFor());
  assert.deepEqual(await incidents.getByLabel('Add to incident').locator('option').allInnerTexts(), [`INC-1 · ${desk.data.incidents[0].title}`]);
  await incidents.getByRole('button', { name: 'Add', exact: true }).click();
  await assert.doesNotReject(incidents.getByRole('link', { name: /INC-1/ }).waitFor());
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await assert.doesNotReject(timeline.getByText(/^Linked to incident INC-1 “/).waitFor());
  assert.equal((await stored(page)).data.incidents[0].cases.length, 9 + added);

  // Removed again: logged on the case's timeline and the incident's.
  await incidents.getByRole('button', { name: 'Remove from INC-1' }).click();
  await assert.doesNotReject(timeline.getByText(/^Removed from incident INC-1 “/).waitFor());
  await assert.doesNotReject(incidents.getByText('Not part of an incident.').waitFor());
  desk = await stored(page);
  assert.equal(desk.data.incidents[0].cases.length, 8 + added);
  assert.ok(desk.data.incidents[0].timeline.some((e) => e.event === 'case_removed' && e.case === typo.id));
  const logged = desk.data.cases.find((c) => c.id === typo.id).timeline.map((e) => e.event);
  assert.deepEqual(logged.slice(-2), ['incident_linked', 'incident_unlinked']);

  // A group not in an incident can join an open one from its card.
  await openGroups(page);
  const auth = group(page, /AUTH-1103/).first();
  await auth.getByLabel('Add to incident').selectOption('INC-1');
  await auth.getByRole('button', { name: 'Add', exact: true }).click();
  await assert.doesNotReject(auth.getByText(/^INC-1 holds \d+ of these \d+ cases$/).waitFor());
  assert.equal((await stored(page)).data.incidents.length, 1);
}));

test('details for engineering are saved and shown after a reload', () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  const desk = await stored(page);
  const id = desk.data.cases.find((c) => c.title.startsWith('Invoice PDF')).id;
  await openCase(page, id);
  const details = page.locator('details.engineering');
  assert.equal(await details.getAttribute('open'), null, 'closed while empty');
  await details.getByText('Details for engineering').click();
  await page.getByLabel('Steps to reproduce').fill('1. Open an order with 30 lines\n2. Download the invoice PDF');
  await page.getByLabel('Expected result').fill('Totals on page 2');
  await page.getByLabel('App version').fill('5.2.0');
  await page.getByLabel('Browser').fill('Chrome 131');
  await page.getByLabel('Order or account ids').fill('QB-58812');
  await page.getByLabel('Already tried').click();
  await assert.doesNotReject(details.getByText('5 of 8 filled').waitFor());
  await page.getByLabel('Already tried').fill('Cleared the cache');
  await page.getByLabel('Steps to reproduce').click();
  await assert.doesNotReject(page.getByRole('region', { name: 'Timeline' }).getByText('Browser changed from (empty) to “Chrome 131”').waitFor());
  await screenshot(page, 'case-engineering');

  await page.reload();
  await page.locator('#case-title').waitFor();
  assert.notEqual(await page.locator('details.engineering').getAttribute('open'), null, 'open when something is filled in');
  assert.equal(await page.getByLabel('Steps to reproduce').inputValue(), '1. Open an order with 30 lines\n2. Download the invoice PDF');
  assert.equal(await page.getByLabel('Order or account ids').inputValue(), 'QB-58812');
  assert.equal(await page.getByLabel('Already tried').inputValue(), 'Cleared the cache');
  const saved = (await stored(page)).data.cases.find((c) => c.id === id).engineering;
  assert.deepEqual(saved, {
    steps: '1. Open an order with 30 lines\n2. Download the invoice PDF',
    expected: 'Totals on page 2',
    app_version: '5.2.0',
    browser: 'Chrome 131',
    ids: 'QB-58812',
    tried: 'Cleared the cache',
  });
}));

for (const [language, code, groups] of [['한국어', 'ko', '그룹'], ['繁體中文', 'zh-TW', '群組']]) {
  test(`in ${language} a case page and Groups show no English, and axe finds nothing`, () => withApp(app, async ({ page }) => {
    await loadDemo(page);
    await openGroups(page);
    await group(page, PAYMENTS).getByRole('button', { name: 'Promote to incident' }).click();
    await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
    await page.locator('header').getByLabel('Language').selectOption({ label: language });
    await page.waitForFunction((code) => document.documentElement.lang === code, code);

    const desk = await stored(page);
    // A case with a merge notice, an incident, a note, a pinned priority and a rating.
    await openCase(page, 'demo-01');
    await page.locator('#note-text').fill('고객사 IT 담당자와 통화');
    await page.locator('.actions-panel button.primary').click();
    await page.locator('#priority-pin').selectOption('P2');
    await page.locator('#satisfaction-rating').selectOption('good');
    await page.locator('details.engineering summary').click();
    await page.locator('#case-title').waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await englishLeft(page, { attributes: true }), [], `case page in ${language}`);
    assert.deepEqual(await axeViolations(page), [], `axe on the case page in ${language}`);
    for (const [width, height] of [[1366, 768], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `case-${code}-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 860 });

    const other = desk.data.cases.find((c) => c.title.startsWith('Typo on FAQ page'));
    await openCase(page, other.id);
    assert.deepEqual(await englishLeft(page, { attributes: true }), [], `a case in no incident in ${language}`);

    await page.evaluate(() => { location.hash = '#/groups'; });
    await page.getByRole('heading', { level: 1, name: groups }).waitFor();
    await page.locator('.groups > li').first().waitFor();
    assert.deepEqual(await englishLeft(page, { attributes: true }), [], `Groups in ${language}`);
    assert.deepEqual(await axeViolations(page), [], `axe on Groups in ${language}`);
    for (const [width, height] of [[1366, 768], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `groups-${code}-${width}`);
    }
  }));
}
