// Hostile input proven inert: the payloads of hostile.mjs typed into every text field and
// imported through every format run nothing, fetch nothing, show as typed, and a 1 MB title
// does not break the layout. In headless Chromium against the release build, under its
// Content-Security-Policy (so a payload parsed as HTML would also show up as a violation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, withApp, createCase, readDownload, artifacts, storedDesk, screenshot, settle, openDataMenu } from './harness.mjs';
import { exportFile } from './synthetic.mjs';
import { PAYLOADS, TEXTS, SAMPLE, MEGABYTE, CANARY, INJECTED, guarded } from './hostile.mjs';

const app = useServedApp();

/** Nothing ran, nothing was fetched from elsewhere, nothing was parsed as HTML. */
async function assertInert(page, seen, where) {
  const state = await page.evaluate(
    ([canary, injected]) => ({
      canary: window[canary],
      polluted: Object.prototype.polluted,
      violations: window.__violations,
      injected: [...document.querySelectorAll(injected)].map((el) => el.outerHTML.slice(0, 80)),
    }),
    [CANARY, INJECTED],
  );
  assert.equal(state.canary, undefined, `${where}: the canary is not set`);
  assert.equal(state.polluted, undefined, `${where}: no prototype pollution`);
  assert.deepEqual(seen.dialogs, [], `${where}: no dialog`);
  assert.deepEqual(seen.requests, [], `${where}: no request leaves the app`);
  assert.deepEqual([...state.violations, ...seen.violations], [], `${where}: no policy violation`);
  assert.deepEqual(state.injected, [], `${where}: no element made from a payload`);
}

/** The page is no wider than the window. */
async function assertFits(page, where) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `${where}: the page is ${scroll} px wide in a ${inner} px window`);
}

/** What an `<input>` keeps of typed text (a line break becomes a space), as the app stores it (trimmed as Rust trims). */
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const rustTrim = (text) => text.replace(new RegExp(`^${SPACE}+|${SPACE}+$`, 'g'), '');
const asLine = (text) => rustTrim(text.replace(/\r?\n/g, ' '));

// Saving runs a moment after the change shows.
async function storedCases(page, count) {
  for (let tries = 0; tries < 100; tries++) {
    const desk = JSON.parse((await storedDesk(page)) ?? '{"data":{"cases":[]}}').data;
    if (desk.cases.length >= count) return desk.cases;
    await page.waitForTimeout(100);
  }
  assert.fail(`expected ${count} stored cases`);
}

const openCase = async (page, id) => {
  await page.evaluate((hash) => (location.hash = hash), `#/case/${encodeURIComponent(id)}`);
  await page.locator('#case-title').waitFor();
};
const timeline = (page) => page.locator('section[aria-labelledby="timeline-heading"]');

test('every payload typed into the New case form is kept and shown as typed, and runs nothing', { timeout: 120_000 }, () => withApp(app, guarded(app.server.url), async ({ page, prepared: seen }) => {
  for (const text of TEXTS) {
    await createCase(page, { title: text, description: text, customer: text, category: text });
  }
  await assertInert(page, seen, 'new case form');
  const cases = await storedCases(page, TEXTS.length);
  assert.deepEqual(
    cases.map((c) => [c.title, c.description, c.customer, c.category]),
    TEXTS.map((text) => [asLine(text), text, asLine(text), asLine(text)]),
    'kept as typed',
  );

  // Every title in the inbox, as text, read by scrolling (only rows near the screen are built).
  const listed = new Map();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let atEnd = false; !atEnd; ) {
    await settle(page);
    for (const [index, title] of await page.locator('[role="grid"] [role="row"]:has(a)').evaluateAll((rows) => rows.map((row) => [row.getAttribute('aria-rowindex'), row.querySelector('a').textContent]))) {
      listed.set(index, title);
    }
    atEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY === before;
    });
  }
  assert.deepEqual([...listed.values()].sort(), cases.map((c) => c.title).sort());
  await assertFits(page, 'inbox');

  // A sample read back on its case page, field by field.
  for (const text of SAMPLE) {
    const { id } = cases.find((c) => c.description === text);
    await openCase(page, id);
    assert.equal(await page.locator('#case-title').textContent(), asLine(text));
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), asLine(text));
    assert.equal(await page.getByLabel('Description').inputValue(), text);
    assert.equal(await page.getByLabel('Customer', { exact: true }).inputValue(), asLine(text));
    await assertFits(page, `case page of ${JSON.stringify(text.slice(0, 30))}`);
  }
  await assertInert(page, seen, 'case pages');
}));

test('in-place edits and notes on the case page keep hostile text as text', { timeout: 60_000 }, () => withApp(app, guarded(app.server.url), async ({ page, prepared: seen }) => {
  await createCase(page, { title: 'Plain case' });
  const [{ id }] = await storedCases(page, 1);
  await openCase(page, id);
  for (const text of SAMPLE) {
    for (const label of ['Title', 'Customer', 'Category']) {
      await page.getByLabel(label, { exact: true }).fill(text);
      await page.getByLabel(label, { exact: true }).press('Tab');
    }
    await page.getByLabel('Description').fill(text);
    await page.getByLabel('Description').press('Tab');
    await page.getByLabel('Note', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Add internal note' }).click();
    await page.getByLabel('Note', { exact: true }).and(page.locator(':placeholder-shown')).waitFor();
    assert.equal(await page.locator('#case-title').textContent(), asLine(text));
  }
  const shown = await timeline(page).textContent();
  for (const text of SAMPLE) assert.ok(shown.includes(rustTrim(text)), `the timeline shows ${JSON.stringify(text.slice(0, 40))}`);
  await assertInert(page, seen, 'case page edits and notes');
  await assertFits(page, 'case page after edits');
  const [stored] = await storedCases(page, 1);
  assert.equal(stored.title, asLine(SAMPLE.at(-1)));
}));

test('an incident named by hostile titles, and hostile updates, stay text', { timeout: 60_000 }, () => withApp(app, guarded(app.server.url), async ({ page, prepared: seen }) => {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  // Three cases with the same hostile title make a group, and the group names the incident.
  const title = `Zorblax refund <img src=x onerror=window.${CANARY}=1> stuck {{constructor.constructor('alert(1)')()}} \u202Ecod.exe`;
  for (const customer of ['Kestrel Foods', 'Blue Harbor', 'Quay Street Bakery']) await createCase(page, { title, customer });
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Groups' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'Zorblax' });
  assert.equal(await card.getByRole('heading', { level: 2 }).textContent(), title);
  await card.getByRole('button', { name: 'Promote to incident' }).click();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
  assert.equal(await page.locator('#incident-title').textContent(), `INC-1 ${title}`);
  for (const text of SAMPLE) {
    await page.getByLabel('Update', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByRole('button', { name: 'Add update' }).and(page.locator(':disabled')).waitFor();
  }
  const shown = await page.getByRole('region', { name: 'Timeline' }).textContent();
  for (const text of SAMPLE) assert.ok(shown.includes(rustTrim(text)), `the incident timeline shows ${JSON.stringify(text.slice(0, 40))}`);
  await assertFits(page, 'incident page');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Incidents' }).click();
  assert.ok((await page.getByRole('row').filter({ hasText: 'INC-1' }).textContent()).includes(title));
  await assertInert(page, seen, 'incident');
}));

test('settings, calendars and keywords take hostile text as text', { timeout: 60_000 }, () => withApp(app, guarded(app.server.url), async ({ page, prepared: seen }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const name = page.getByLabel('Display name');
  const calendar = page.locator('#sla-calendar-0-name');
  const checked = ['zone', 'mon', 'holidays'].map((what) => page.locator(`#sla-calendar-0-${what}`));
  for (const text of SAMPLE) {
    await name.fill(text);
    await name.press('Tab');
    await calendar.fill(text);
    await calendar.press('Tab');
    await page.locator('fieldset.calendar-editor legend').first().filter({ hasText: asLine(text).slice(0, 20) }).waitFor();
    assert.equal(await page.locator('fieldset.calendar-editor legend').first().textContent(), asLine(text));
    // Time zone, hours and holidays refuse the text and quote it back in their message.
    for (const field of checked) {
      await field.fill(text);
      await field.press('Tab');
      await page.locator(`#${await field.getAttribute('id')}-message`).filter({ hasText: /./ }).waitFor();
    }
    await assertFits(page, `settings with ${JSON.stringify(text.slice(0, 30))}`);
  }
  const zoneMessage = await page.locator('#sla-calendar-0-zone-message').textContent();
  assert.ok(zoneMessage.includes(asLine(SAMPLE.at(-1))), `the time zone message quotes the text: ${zoneMessage.slice(0, 80)}`);
  // Every short one-line payload as a risk keyword: the list shows each, and its messages quote them.
  const keywords = page.getByLabel('Risk keywords, English');
  await keywords.fill(TEXTS.filter((t) => !/[\r\n]/.test(t)).join('\n'));
  await page.locator('#keywords-risk-english-message').filter({ hasText: /./ }).waitFor();
  await assertFits(page, 'keyword messages');
  const saved = ['<script>alert(1)</script>', `{{constructor.constructor('alert(1)')()}}`, `javascript:window.${CANARY}=1`];
  await keywords.fill(saved.join('\n'));
  await page.getByRole('button', { name: 'Save rules' }).click();
  await page.getByRole('button', { name: 'Save rules' }).and(page.locator(':disabled')).waitFor();
  const settings = JSON.parse(await storedDesk(page)).data.settings;
  assert.equal(settings.display_name, asLine(SAMPLE.at(-1)));
  assert.equal(settings.sla.calendars[0].name, asLine(SAMPLE.at(-1)));
  // A case with those words: the score explanation marks them, as text.
  await page.getByRole('link', { name: 'Inbox' }).first().click();
  await createCase(page, { title: `Refund ${saved[0]}`, description: saved.slice(1).join(' ') });
  await page.getByRole('link', { name: `Refund ${saved[0]}` }).click();
  const why = page.getByRole('region', { name: 'Why this score' });
  await why.locator('mark').first().waitFor();
  assert.deepEqual(await why.locator('mark').allTextContents(), saved);
  assert.ok((await timeline(page).textContent()).includes(asLine(SAMPLE.at(-1))), 'the timeline names the author as typed');
  await screenshot(page, 'hostile-keywords');
  await assertInert(page, seen, 'settings');
}));

// Files of every import format with one payload per row.
const cell = (value) => `"${String(value).replace(/"/g, '""')}"`;
const csv = (header, rows) => [header, ...rows.map((row) => row.map(cell).join(','))].join('\r\n') + '\r\n';
// A text file cannot hold a NUL (the importer refuses it as binary); every other payload goes.
const TEXT_FILE = TEXTS.filter((text) => !text.includes('\0'));
const short = (text) => text.slice(0, 200);

function zendesk() {
  const header = 'Id,Subject,Description,Requester,Organization,Priority,Status,Created at,Updated at,Solved at,Via,Tags,Ticket type,Plan [list],Assignee';
  const at = '2021-10-01 09:00:00 +0000';
  return csv(header, TEXT_FILE.map((t, i) => [100000 + i, t, t, short(t), short(t), 'Normal', 'open', at, at, '', 'Web Form', short(t), 'incident', 'Pro', short(t)]));
}
function jira() {
  const header = 'Summary,Issue key,Issue id,Issue Type,Status,Priority,Reporter,Created,Updated,Resolved,Description,Labels,Labels,Custom field (Customers Affected)';
  const at = '01/Oct/21 9:00 AM';
  return csv(header, TEXT_FILE.map((t, i) => [t, `SUP-${1000 + i}`, 20000 + i, 'Bug', 'To Do', 'Medium', short(t), at, at, '', t, short(t), '', '3']));
}
function freshdesk() {
  const header = 'Ticket ID,Subject,Description,Status,Priority,Source,Type,Agent,Group,Created time,Resolved time,Closed time,Last update time,Full name,Email,Company Name,Tags';
  const at = '2021-09-30 17:20:00';
  return csv(header, TEXT_FILE.map((t, i) => [3000 + i, t, t, 'Open', 'Medium', 'Email', 'Incident', short(t), short(t), at, '', '', at, short(t), 'a@b.example', short(t), short(t)]));
}
function github() {
  return JSON.stringify(
    TEXTS.map((t, i) => ({
      number: 500 + i,
      title: t,
      body: t,
      user: { login: short(t) },
      labels: [{ name: short(t) }],
      state: 'open',
      created_at: '2021-09-30T09:20:00Z',
      html_url: i % 2 ? `javascript:window.${CANARY}=1` : `https://github.com/acme/shop/issues/${500 + i}`,
    })),
  );
}
/** A case of this app's export format with `text` in every text field. */
function ownCase(text, id) {
  const at = '2026-11-01T00:00:00Z';
  return {
    id,
    external_id: short(text),
    title: text,
    description: text,
    customer: short(text),
    tier: 'standard',
    surface: 'website',
    category: short(text),
    customers_affected: 1,
    urgency: 'medium',
    status: 'new',
    created_at: at,
    updated_at: at,
    first_response_at: null,
    resolved_at: null,
    timeline: [{ at, author: short(text), event: 'note', kind: 'internal', text }],
  };
}
const hostileExport = (cases) => exportFile(cases, short(TEXTS[0]));
// Hostile ids too: they end up in links and routes. (Ids with control characters or over 200
// characters are refused per item by the import, as their pages could never be opened.)
const hostileId = (t, i) => (i % 4 || /\p{Cc}/u.test(t) ? `h${i}` : `h${i}${t.slice(0, 100)}`);
const ownJson = (texts) => hostileExport(texts.map((t, i) => ownCase(t, hostileId(t, i))));

test('every import format takes the whole corpus as rows, shows it as text, and runs nothing', { timeout: 120_000 }, () => withApp(app, guarded(app.server.url), async ({ page, prepared: seen }) => {
  const review = page.getByRole('region', { name: 'Import review' });
  mkdirSync(artifacts, { recursive: true });
  let total = 0;
  const importRows = async (label, rows, start) => {
    await start();
    await review.getByText(`${rows} new cases will be added`).waitFor({ timeout: 30_000 });
    assert.equal(await review.getByRole('table', { name: 'First rows' }).count(), 1, `${label}: the preview shows rows`);
    await assertInert(page, seen, `${label} preview`);
    await review.getByRole('button', { name: 'Import cases' }).click();
    await review.getByText(`Imported: ${rows} added, 0 updated, 0 unchanged.`).waitFor({ timeout: 30_000 });
    total += rows;
    const cases = await storedCases(page, total);
    await assertInert(page, seen, label);
    return cases;
  };
  const file = (name, text) => {
    const path = join(artifacts, name);
    writeFileSync(path, text);
    return () => page.getByLabel('Import', { exact: true }).setInputFiles(path);
  };

  // This app's JSON, then its CSV export of the same cases, which must read back unchanged.
  // (Without the NUL: the CSV export writes it as it is, and the importer refuses a text file
  // holding one as binary.)
  let cases = await importRows('Triage Desk JSON', TEXT_FILE.length, file('hostile.json', ownJson(TEXT_FILE)));
  assert.deepEqual(cases.map((c) => c.title).sort(), [...TEXT_FILE].sort(), 'titles as in the file');
  await openDataMenu(page);
  await page.locator('summary', { hasText: 'Export CSV' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (all cases)' }).click()]);
  const exported = await readDownload(download);
  for (const formula of PAYLOADS.filter(([kind]) => kind === 'CSV formula').map(([, text]) => text)) {
    assert.ok(exported.includes(cell(`'${formula}`)) || exported.includes(`,'${formula},`), `the CSV export neutralises ${formula}`);
  }
  await file('hostile-export.csv', exported)();
  // The CSV (for spreadsheets) leaves out control characters other than tabs and line breaks,
  // so the cases holding them read back as updates; the JSON export keeps them.
  const withControls = TEXT_FILE.filter((t) => /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/.test(t)).length;
  assert.ok(withControls > 0);
  await review
    .getByText(`0 new cases will be added, ${withControls} cases already here will be updated, ${TEXT_FILE.length - withControls} are unchanged`)
    .waitFor();
  await review.getByRole('button', { name: 'Cancel' }).click();
  await assertInert(page, seen, 'Triage Desk CSV');
  const nul = TEXTS.filter((t) => t.includes('\0'));
  cases = await importRows('Triage Desk JSON with a NUL', nul.length, file('hostile-nul.json', hostileExport(nul.map((t, i) => ownCase(t, `nul${i}`)))));
  assert.deepEqual(cases.slice(-nul.length).map((c) => c.title), nul);

  for (const [label, name, text] of [
    ['Zendesk CSV', 'hostile-zendesk.csv', zendesk()],
    ['Jira CSV', 'hostile-jira.csv', jira()],
    ['Freshdesk CSV', 'hostile-freshdesk.csv', freshdesk()],
  ]) {
    cases = await importRows(label, TEXT_FILE.length, file(name, text));
    assert.deepEqual(cases.slice(-TEXT_FILE.length).map((c) => c.title).sort(), TEXT_FILE.map((t) => rustTrim(t)).sort(), `${label}: titles as in the file`);
  }
  cases = await importRows('GitHub JSON', TEXTS.length, file('hostile-github.json', github()));
  assert.deepEqual(cases.slice(-TEXTS.length).map((c) => c.title).sort(), TEXTS.map((t) => rustTrim(t)).sort(), 'GitHub: titles as in the file');

  const pasted = TEXT_FILE.filter((t) => !/[\r\n\t]/.test(t));
  await importRows('Quick add', pasted.length, async () => {
    await openDataMenu(page);
    await page.getByRole('button', { name: 'Quick add' }).click();
    await page.getByLabel('Paste cases').fill(pasted.join('\n'));
    await page.getByRole('button', { name: 'Preview' }).click();
  });

  // A NUL byte makes a file binary: refused whole, with the reason.
  await file('hostile-nul.csv', csv('Subject,Description', [[TEXTS.find((t) => t.includes('\0')), 'x']]))();
  await review.getByText(/This file cannot be imported: This is a binary file, not text/).waitFor();
  await review.getByRole('button', { name: 'Close' }).click();

  await page.setViewportSize({ width: 1280, height: 860 });
  await assertFits(page, 'inbox after imports');
  await assertInert(page, seen, 'imports');
}));

test('1 MB without a space: the title refuses it, and where it is kept the page keeps its width', { timeout: 60_000 }, () => withApp(app, guarded(app.server.url), async ({ page, prepared: seen }) => {
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Title', { exact: true }).fill(MEGABYTE);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`Title is ${MEGABYTE.length} characters; keep it under 300.`).waitFor();
  await assertFits(page, 'new case form');
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Customer and category have no limit, nor has this app's own JSON file.
  await createCase(page, { title: 'Huge customer', customer: MEGABYTE, category: MEGABYTE });
  const path = join(artifacts, 'hostile-megabyte.json');
  writeFileSync(path, hostileExport([ownCase(MEGABYTE, 'megabyte')]));
  await page.getByLabel('Import', { exact: true }).setInputFiles(path);
  const review = page.getByRole('region', { name: 'Import review' });
  await review.getByRole('button', { name: 'Import cases' }).click();
  await review.getByText('Imported: 1 added, 0 updated, 0 unchanged.').waitFor();
  await assertFits(page, 'import review');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 860 });
    await assertFits(page, `inbox at ${width} px`);
    for (const box of await page.locator('[role="grid"] [role="gridcell"]').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().right))) {
      assert.ok(box <= width, `every cell ends inside the window at ${width} px`);
    }
  }
  await screenshot(page, 'hostile-megabyte-inbox');
  for (const { id, title } of await storedCases(page, 2)) {
    await openCase(page, id);
    assert.equal(await page.locator('#case-title').textContent(), title);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 860 });
      await assertFits(page, `case page of ${id} at ${width} px`);
    }
  }
  // The window only: the whole page of a wrapped 1 MB title is too tall for one picture.
  await page.screenshot({ path: join(artifacts, 'hostile-megabyte-case.png') });
  await assertInert(page, seen, '1 MB text');
}));
