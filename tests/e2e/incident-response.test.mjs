// Incident response as an escalation manager runs it, in headless Chromium against the release
// build: impact and the update countdown, status updates from templates in each language, the
// recovery plan and resolving with a reason, customer outreach that counts on the cases' SLA,
// the engineering hand-off in each format (on the incident and on a case), the postmortem draft
// printed on A4, and axe finding nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useServedApp, withApp, loadDemo, readDownload } from './harness.mjs';

const app = useServedApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAYMENTS = /declined.*PAY-502|PAY-502.*declined/;
const SHOTS = process.env.INCIDENT_SHOTS ?? '/tmp/c1';

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  // A phone's long page also in screen-high pieces, to be looked at one by one.
  const { width } = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, n = 1; width < 500 && y < height; y += 1400, n += 1) {
    const clip = { x: 0, y, width, height: Math.min(1400, height - y) };
    await page.screenshot({ path: `${SHOTS}/${name}-${n}.png`, fullPage: true, clip });
  }
}

/** Promotes the PAY-502 group of the demo queue and opens INC-1 (with its recovery plan). */
async function promotePayments(page, { plan = true } = {}) {
  await loadDemo(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Groups' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: PAYMENTS }) });
  await card.getByRole('button', { name: 'Promote to incident' }).click();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
  if (!plan) return;
  // An incident promoted without a plan (before plans existed) starts one from the template.
  const start = page.getByRole('button', { name: 'Start the plan from the template' });
  await page.waitForTimeout(300);
  if (await start.isVisible()) await start.click();
  await page.getByRole('checkbox', { name: /^Scope confirmed \(required\)/ }).waitFor();
}

const grant = (context) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });

test('impact starts the countdown; updates are composed, checked and posted in English, Korean and Chinese', { timeout: 240_000 }, () => withApp(app, { setup: grant }, async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await promotePayments(page, { plan: false });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  assert.match(await page.locator('.case-meta').innerText(), /No update owed/);
  await page.getByLabel('Impact', { exact: true }).selectOption({ label: 'Critical' });
  await assert.doesNotReject(page.getByRole('timer', { name: /^Next update: On track, due in (30|29) min$/ }).waitFor());
  await assert.doesNotReject(timeline.getByText('Impact changed from “None” to “Critical”').waitFor());
  await page.getByLabel('Workaround', { exact: true }).fill('Pay by PayPal or bank transfer meanwhile.');
  await page.getByLabel('Workaround', { exact: true }).press('Tab');

  // English, preselected for the Investigating stage and the page's language.
  const compose = page.getByRole('region', { name: 'Compose update' });
  const subject = compose.getByLabel('Subject', { exact: true });
  const body = compose.getByRole('textbox', { name: /^Message \(/ });
  assert.equal(await compose.getByLabel('Audience').inputValue(), 'customers');
  assert.match(await compose.getByLabel('Template').inputValue(), /^builtin\/customers\/investigating\/en$/);
  const preview = compose.getByRole('region', { name: 'Update preview' });
  await assert.doesNotReject(preview.getByText(/Pay by PayPal or bank transfer meanwhile\./).waitFor());
  assert.doesNotMatch(await preview.innerText(), /\{\{/);

  // A misspelt placeholder is marked, explained, selectable, and blocks posting.
  const written = await body.inputValue();
  await body.fill(`${written}\nRef: {{incident.titel}}`);
  const problem = compose.getByRole('button', { name: '{{incident.titel}} is not a placeholder. Did you mean {{incident.title}}?' });
  await assert.doesNotReject(problem.waitFor());
  assert.equal(await compose.getByRole('button', { name: 'Post update' }).isDisabled(), true);
  assert.equal(await body.getAttribute('aria-invalid'), 'true');
  assert.equal(await preview.locator('mark').innerText(), '{{incident.titel}}');
  await problem.click();
  const selected = await page.evaluate(() => {
    const field = document.activeElement;
    return field.value.slice(field.selectionStart, field.selectionEnd);
  });
  assert.equal(selected, '{{incident.titel}}');
  await shot(page, 'compose-problem');
  await body.fill(written);

  await compose.getByRole('button', { name: 'Post update' }).click();
  await assert.doesNotReject(compose.getByText('Update posted to Customers; the countdown restarted.').waitFor());
  await assert.doesNotReject(timeline.getByText(/^Update posted to Customers: “/).first().waitFor());

  // Copy puts rich text and plain text on the clipboard; Copy Markdown the Markdown.
  await compose.getByRole('button', { name: 'Copy', exact: true }).click();
  await assert.doesNotReject(compose.getByText('Copied as rich and plain text.').waitFor());
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { types: item.types, plain: await (await item.getType('text/plain')).text() };
  });
  assert.deepEqual([...copied.types].sort(), ['text/html', 'text/plain']);
  assert.match(copied.plain, /PayPal/);
  await compose.getByRole('button', { name: 'Copy Markdown' }).click();
  await assert.doesNotReject(compose.getByText('Copied as Markdown.').waitFor());
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^\*\*/);

  // Korean: the Korean template for the stage, times in Seoul.
  await compose.getByLabel('Message language').selectOption({ label: '한국어' });
  await assert.doesNotReject(page.waitForFunction(() => /[\uac00-\ud7a3]/.test(document.querySelector('#compose-subject').value)));
  assert.match(await preview.innerText(), /UTC\+9/);
  await compose.getByRole('button', { name: 'Post update' }).click();
  await assert.doesNotReject(timeline.getByText(/^Update posted to Customers: “.*[\uac00-\ud7a3]/).waitFor());

  // Traditional Chinese, with the page itself in Chinese: the message language follows it.
  await page.locator('#header-language').selectOption({ label: '繁體中文' });
  // Reloads only once the choice is stored, as the header says. (A script's choice gives the page
  // no user activation, so Chromium skips the "changes may not be saved" prompt and the reload
  // would cut the write off.)
  await page.getByRole('status').filter({ hasText: /^已儲存$/ }).waitFor();
  await page.reload();
  const composeZh = page.getByRole('region', { name: '撰寫進度更新' });
  await assert.doesNotReject(composeZh.waitFor());
  assert.equal(await composeZh.getByLabel('訊息語言').inputValue(), 'zh-TW');
  assert.match(await composeZh.getByRole('region', { name: '更新預覽' }).innerText(), /UTC\+8/);
  await composeZh.getByRole('button', { name: '發布更新' }).click();
  await assert.doesNotReject(page.getByRole('region', { name: '時間軸' }).getByText(/^已向客戶發布更新：「【調查中】/).waitFor());
  await shot(page, 'incident-zh');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('#header-language').selectOption({ label: 'English' });

  // The Incidents list shows impact and the countdown; the what-if clock an overdue update.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: 'What-if clock' }).click();
  await page.getByRole('button', { name: '+1 h' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Incidents' }).click();
  const row = page.getByRole('row').filter({ hasText: 'INC-1' });
  await assert.doesNotReject(row.getByRole('timer', { name: /^Next update: Overdue, (30|31) min late$/ }).waitFor());
  assert.match(await row.innerText(), /Critical/);
  assert.equal(await row.locator('.sla-breached').count(), 1);
  await shot(page, 'incidents-overdue');
  assert.deepEqual(await axeViolations(page), []);
}));

test('the plan, outreach that meets first responses, the hand-off in each format, resolving with a reason and the postmortem', { timeout: 240_000 }, () => withApp(app, async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await promotePayments(page);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const plan = page.getByRole('region', { name: 'Recovery plan' });

  // Tick with who and when; reorder and remove with buttons; add a required step.
  await plan.getByRole('checkbox', { name: /^Scope confirmed \(required\)/ }).check();
  await assert.doesNotReject(plan.getByText(/^Done by .+ · /).waitFor());
  await assert.doesNotReject(timeline.getByText('Plan step done: “Scope confirmed”').waitFor());
  await plan.getByRole('button', { name: 'Move “Fix deployed” up' }).click();
  const labels = () => plan.locator('.step-label').allInnerTexts();
  await assert.doesNotReject(page.waitForFunction(() =>
    [...document.querySelectorAll('.step-label')].map((l) => l.innerText).findIndex((t) => t.startsWith('Fix deployed')) === 2));
  assert.match((await labels())[3], /^Workaround published/);
  await plan.getByLabel('New step').fill('Status page updated');
  await plan.getByRole('checkbox', { name: 'Required', exact: true }).check();
  await plan.getByRole('button', { name: 'Add step' }).click();
  await assert.doesNotReject(plan.getByRole('checkbox', { name: /^Status page updated \(required\)/ }).waitFor());
  await plan.getByRole('button', { name: 'Remove “Status page updated”' }).click();
  await assert.doesNotReject(timeline.getByText('Plan step removed: “Status page updated”').waitFor());

  // Outreach: Enterprise first; Log contact notes the customer's open cases.
  const outreach = page.getByRole('region', { name: 'Affected customers' });
  await assert.doesNotReject(outreach.getByText('Not contacted yet: 8').waitFor());
  const first = outreach.getByRole('row').nth(1);
  assert.match(await first.innerText(), /^Harborline Home Goods\s+Enterprise/);
  await outreach.getByRole('button', { name: 'Log contact with Harborline Home Goods' }).click();
  await assert.doesNotReject(outreach.getByText('Not contacted yet: 7').waitFor());
  assert.equal(await outreach.getByLabel('Outreach to Harborline Home Goods').inputValue(), 'contacted');
  await outreach.getByLabel('Only customers not contacted yet').check();
  assert.equal(await outreach.getByRole('row').count(), 8);
  await outreach.getByLabel('Only customers not contacted yet').uncheck();
  await assert.doesNotReject(timeline.getByText(/^Outreach to Harborline Home Goods: Contacted/).waitFor());

  // Screens of the working incident page: laptop and phone, light and dark.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, `incident-1366-${scheme}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, `incident-390-${scheme}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling on a phone');
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1366, height: 768 });
  assert.deepEqual(await axeViolations(page), []);

  // The hand-off in each format, downloaded and checked.
  const handoff = page.locator('details.handoff');
  await handoff.locator('summary').click();
  await handoff.getByLabel('What engineering is asked to do').fill('Find why card payments are declined and share the fix plan');
  await handoff.getByLabel('What engineering is asked to do').press('Tab');
  const formats = [
    ['Markdown (GitHub, GitLab)', /^# \\\[Payments\\\] .*\n\n## Summary\n\n- \*\*Incident:\*\* INC-1 \(Investigating/, /\.md$/],
    ['Jira wiki markup', /^h1\. \\\[Payments\\\] .*\n\nh2\. Summary\n\n\* \*Incident:\* INC\\-1/, /\.jira\.txt$/],
    ['Plain text', /^\[Payments\] .*\n=+\n\nSummary\n-+\n\nIncident: INC-1/, /\d\.txt$/],
  ];
  for (const [label, content, name] of formats) {
    await handoff.getByLabel(label).check();
    const [download] = await Promise.all([page.waitForEvent('download'), handoff.getByRole('button', { name: 'Download' }).click()]);
    assert.match(download.suggestedFilename(), name);
    const text = await readDownload(download);
    assert.match(text, content, label);
    assert.match(text, /Harborline Home Goods/);
    assert.match(text, /Find why card payments are declined and share the fix plan/);
  }

  // The contact counted on the customer's case: its first response is met.
  await page.goto(`${app.server.url}#/case/demo-01`);
  const sla = page.getByRole('region', { name: 'SLA' });
  await assert.doesNotReject(sla.getByRole('timer', { name: 'First response: Met', exact: true }).waitFor());
  await assert.doesNotReject(page.getByText(/\(incident INC-1\)/).first().waitFor());
  // The case's own hand-off.
  const caseHandoff = page.locator('details.handoff');
  await caseHandoff.locator('summary').click();
  await caseHandoff.getByLabel('Plain text').check();
  const [caseFile] = await Promise.all([page.waitForEvent('download'), caseHandoff.getByRole('button', { name: 'Download' }).click()]);
  assert.match(caseFile.suggestedFilename(), /^demo-01-handoff-.*\.txt$/);
  assert.match(await readDownload(caseFile), /^\[Payments\] Payment declined at checkout with error PAY-502\n/);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();

  // Resolving with required steps open asks why, in a dialog, and logs it.
  await plan.getByRole('button', { name: 'Resolve incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve with required steps open?' });
  await assert.doesNotReject(dialog.waitFor());
  assert.match(await dialog.innerText(), /Frontline agents briefed/);
  assert.equal(await dialog.getByRole('button', { name: 'Resolve anyway' }).isDisabled(), true);
  await dialog.getByLabel('Reason').fill('Processor fixed it; we brief agents tomorrow.');
  await dialog.getByRole('button', { name: 'Resolve anyway' }).click();
  await assert.doesNotReject(dialog.waitFor({ state: 'hidden' }));
  await assert.doesNotReject(timeline.getByText(/^Resolved with required steps open \(.*Frontline agents briefed.*\): “Processor fixed it/).waitFor());
  assert.equal(await page.getByLabel('Incident status').inputValue(), 'resolved');

  // The postmortem draft: editable, downloadable as Markdown, printable on A4.
  const postmortem = page.getByRole('region', { name: 'Postmortem draft' });
  const draft = postmortem.getByLabel('Draft (Markdown)');
  assert.match(await draft.inputValue(), /^# Postmortem: INC-1 /);
  await draft.fill(`${await draft.inputValue()}\n\nOwner of the follow-up: Mina`);
  const [file] = await Promise.all([page.waitForEvent('download'), postmortem.getByRole('button', { name: 'Download Markdown' }).click()]);
  assert.match(file.suggestedFilename(), /^INC-1-postmortem-.*\.md$/);
  const markdown = await readDownload(file);
  assert.match(markdown, /## Impact\n\n\| Measure \| Value \|/);
  assert.match(markdown, /Owner of the follow-up: Mina$/);
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  assert.equal(await page.getByRole('region', { name: 'Compose update' }).isVisible(), false);
  assert.equal(await postmortem.locator('.postmortem-print').isVisible(), true);
  await shot(page, 'postmortem-print-a4');
  await page.emulateMedia({ media: 'screen' });
}));
