// The dashboard and the executive report, as a support director uses them: import cases with
// known times, read the period's figures, export them, and print the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, withApp, importThroughReview, readDownload, artifacts } from './harness.mjs';
import { exportFile, syntheticCases } from './synthetic.mjs';

const app = useServedApp();

// This app's CSV columns with known times (UTC). The desk's days are read in Asia/Taipei
// (UTC+8, the default business calendar), so 2 to 8 March runs from 1 March 16:00 UTC to
// 8 March 16:00 UTC.
const HEADER = 'id,external_id,title,description,customer,tier,surface,category,customers_affected,urgency,status,created_at,updated_at,first_response_at,resolved_at';
const ROWS = [
  // First response 30 min, resolved after 240 min.
  'k1,,Refund stuck,,Acme,Standard,Website,Payments,1,Medium,Resolved,2026-03-03T01:00:00Z,2026-03-03T05:00:00Z,2026-03-03T01:30:00Z,2026-03-03T05:00:00Z',
  // First response 120 min, resolved after 1,440 min.
  'k2,,Card declined,,Globex,Standard,Website,Payments,1,Medium,Resolved,2026-03-04T01:00:00Z,2026-03-05T01:00:00Z,2026-03-04T03:00:00Z,2026-03-05T01:00:00Z',
  // First response 60 min, still open at the end of the period (3 days 15 h).
  'k3,,Login loop,,Initech,Standard,App,Login,1,Medium,In progress,2026-03-05T01:00:00Z,2026-03-05T02:00:00Z,2026-03-05T02:00:00Z,',
  // Opened before the period and never answered: old backlog.
  'k4,,Export empty,,Umbrella,Standard,Website,Reports,1,Medium,New,2026-02-20T01:00:00Z,2026-02-20T01:00:00Z,,',
  // After the period.
  'k5,,Late report,,Hooli,Standard,Website,Reports,1,Medium,New,2026-03-10T01:00:00Z,2026-03-10T01:00:00Z,,',
];

// What the figures must be for 2 to 8 March, worked out by hand from the rows above.
const EXPECTED = {
  cases_created: '3',
  cases_resolved: '2',
  first_response_median_minutes: '60',
  first_response_p90_minutes: '120',
  resolution_median_minutes: '840',
  resolution_p90_minutes: '1440',
  backlog_open: '2',
  backlog_older_than_72h: '2',
  reopen_percent: '0',
  one_touch_percent: '100',
  csat_percent: '',
  incidents: '0',
};

async function importKnownCases(page) {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, 'kpi-cases.csv');
  writeFileSync(file, [HEADER, ...ROWS].join('\r\n') + '\r\n');
  await importThroughReview(page, file);
}

async function chooseDays(page, from, to) {
  await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Choose days' });
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
}

test('the dashboard computes the known figures of a period and exports them', () =>
  withApp(app, async ({ page }) => {
    await importKnownCases(page);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await chooseDays(page, '2026-03-02', '2026-03-08');
    const cases = page.locator('.kpi', { hasText: 'Cases created' });
    await assert.doesNotReject(cases.getByText('3', { exact: true }).waitFor());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export metrics' }).click(),
    ]);
    const lines = (await readDownload(download)).trim().split(/\r?\n/);
    assert.equal(lines[0], 'metric,value,period_from,period_to');
    const rows = Object.fromEntries(lines.slice(1).map((line) => line.split(',')).map(([k, v, from, to]) => [k, { v, from, to }]));
    for (const [key, value] of Object.entries(EXPECTED)) {
      assert.equal(rows[key]?.v, value, key);
    }
    assert.equal(rows.cases_created.from, '2026-03-01T16:00:00Z');
    assert.equal(rows.cases_created.to, '2026-03-08T16:00:00Z');
    assert.ok('sla_achievement_percent' in rows);
    // Every chart has its numbers as a table too.
    const charts = page.getByRole('figure');
    assert.ok((await charts.count()) >= 7);
    const volume = page.getByRole('figure', { name: 'Cases created and resolved per day' });
    await volume.getByText('Show as a table').click();
    await assert.doesNotReject(volume.getByRole('table').getByRole('rowheader', { name: 'Mar 3' }).waitFor());
    // A From day after the To day says so instead of showing nothing.
    await page.getByLabel('From', { exact: true }).fill('2026-03-09');
    await page.getByRole('alert').filter({ hasText: 'To day on or after the From day' }).waitFor();
  }));

test('the report has every section, prefills recommendations, prints to A4 and downloads as Markdown', () =>
  withApp(app, async ({ page }) => {
    await importKnownCases(page);
    await page.goto(`${app.server.url}#/dashboard`);
    await chooseDays(page, '2026-03-02', '2026-03-08');
    await page.getByRole('link', { name: 'Report' }).click();
    for (const name of ['Support report', 'Headline figures', 'Customer pain points', 'Incidents', 'Bottlenecks', 'Trends', 'Recommendations']) {
      await page.getByRole('heading', { name, exact: true }).waitFor();
    }
    await page.getByText('2 Mar 2026 to 8 Mar 2026').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = await readDownload(download);
    assert.match(markdown, /^# Support report: 2 Mar 2026 to 8 Mar 2026/);
    assert.match(markdown, /\| Cases created \| 3 \| /);
    assert.match(markdown, /## Recommendations/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false, 'no buttons on paper');
    await page.screenshot({ path: join(artifacts, 'report-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(artifacts, 'report.pdf'), pdf);
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
  }));

// This app's own export with an incident of known impact and a merge of duplicates, all in
// 2 to 8 March (Asia/Taipei): the report must list the incident's impact and reach, and the
// merged duplicates as the period's largest group.
function caseOf(id, title, customer, customersAffected, at, status = 'new') {
  return {
    id, external_id: '', title, description: '', customer, tier: 'standard', surface: 'website',
    category: 'Payments', customers_affected: customersAffected, urgency: 'medium', status,
    created_at: at, updated_at: at, first_response_at: null, resolved_at: null,
    timeline: [{ at, author: 'Mina', event: 'created' }],
  };
}

function deskWithIncident() {
  const cases = [
    caseOf('r1', 'Checkout down for Acme', 'Acme', 30, '2026-03-03T01:00:00Z'),
    caseOf('r2', 'Checkout down for Globex', 'Globex', 20, '2026-03-03T02:00:00Z'),
    caseOf('r3', 'Refund emails missing', 'Initech', 100, '2026-03-04T01:00:00Z'),
    caseOf('r4', 'No refund email received', 'Umbrella', 150, '2026-03-04T02:00:00Z', 'closed'),
    caseOf('r5', 'Where is my refund email', 'Hooli', 200, '2026-03-04T03:00:00Z', 'closed'),
  ];
  const merged = cases.slice(3).map((c) => ({ ...c, status: 'new' }));
  for (const c of cases.slice(3)) c.timeline.push({ at: '2026-03-05T00:00:00Z', author: 'Mina', event: 'merged_into', primary: 'r3' });
  const incident = {
    id: 'INC-1', title: 'Checkout outage', status: 'resolved', created_at: '2026-03-03T03:00:00Z',
    updated_at: '2026-03-06T00:00:00Z', cases: ['r1', 'r2'], impact: 'major',
    timeline: [
      { at: '2026-03-03T03:00:00Z', author: 'Mina', event: 'promoted', group_id: 'g-r1', cases: ['r1', 'r2'] },
      { at: '2026-03-03T05:30:00Z', author: 'Mina', event: 'status_changed', from: 'investigating', to: 'resolved' },
    ],
  };
  const merges = [{ primary: 'r3', at: '2026-03-05T00:00:00Z', author: 'Mina', before: merged }];
  const file = JSON.parse(exportFile(cases));
  return JSON.stringify({ ...file, incidents: [incident], merges });
}

test('the report lists incidents with their impact and the period\'s largest duplicate groups', () =>
  withApp(app, async ({ page }) => {
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, 'kpi-incident.json');
    writeFileSync(file, deskWithIncident());
    await importThroughReview(page, file);
    await page.goto(`${app.server.url}#/dashboard`);
    await chooseDays(page, '2026-03-02', '2026-03-08');
    const groups = page.getByRole('figure', { name: 'Largest duplicate groups by customers affected' });
    await groups.getByText('Show as a table').click();
    await groups.getByRole('table').getByRole('row', { name: /Refund emails/ }).getByRole('cell', { name: '450' }).waitFor();
    await page.getByRole('link', { name: 'Report' }).click();
    const incidents = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Impact' }) });
    const row = incidents.getByRole('row', { name: /INC-1 Checkout outage/ });
    for (const cell of ['Major', '2 h 30 m', '2', '50']) {
      await row.getByRole('cell', { name: cell, exact: true }).waitFor();
    }
    await page.getByText('Duplicate group: Refund emails missing').waitFor();
    await page.getByText(/3 cases, 450 customers affected/).first().waitFor();
    // Last year's March has neither.
    await chooseDays(page, '2025-03-02', '2025-03-08');
    await page.getByRole('heading', { name: 'Incidents', exact: true }).waitFor();
    await page.getByText('None in this period.').waitFor();
    assert.equal(await page.getByText('Duplicate group: Refund emails missing').count(), 0);
  }));

test('changing the period keeps the page answering while the figures are worked out', () =>
  withApp(app, async ({ page }) => {
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, 'kpi-50000.json');
    writeFileSync(file, exportFile(syntheticCases(50000)));
    await importThroughReview(page, file);
    await page.goto(`${app.server.url}#/dashboard`);
    await page.locator('.kpi-value').first().waitFor({ timeout: 60_000 });
    await chooseDays(page, '2026-11-01', '2026-11-30');
    const updating = page.getByRole('status').filter({ hasText: 'Updating the figures' });
    await updating.waitFor({ state: 'hidden', timeout: 60_000 });
    // Each key handled in the From field notes whether newer figures were still on their way.
    const from = page.getByLabel('From', { exact: true });
    await from.evaluate((input) => {
      window.keysSeen = [];
      input.addEventListener('keydown', () => window.keysSeen.push(document.querySelector('.kpi-state').textContent));
    });
    // Keys go to the field one after another right after the change is made (sent alongside
    // it, they can all land before it), until the new figures are in: about 100 ms of work at
    // 50,000 cases, between two slices of which the first few keys are handled.
    await from.fill('2026-11-02');
    for (let sent = 0; sent < 10 || (await updating.isVisible()); sent++) await page.keyboard.press('Shift');
    // The figures of the new period arrive and the page is whole.
    await updating.waitFor({ state: 'hidden', timeout: 60_000 });
    const seen = await page.evaluate(() => window.keysSeen);
    assert.ok(seen.some((text) => text.includes('Updating')), `keys handled while computing: ${JSON.stringify(seen)}`);
    await page.getByRole('button', { name: 'Export metrics' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Export metrics' }).isEnabled(), true);
  }));
