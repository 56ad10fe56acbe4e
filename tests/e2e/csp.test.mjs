// The page's Content-Security-Policy, written by the build (scripts/csp.mjs), and a walk
// through every screen under it without one violation, in headless Chromium against the
// release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { useServedApp, withApp, createCase, readDownload, root, openDataMenu } from './harness.mjs';
import { guarded, CANARY } from './hostile.mjs';

const app = useServedApp();

/** The policy's directives as a map from name to its list of sources. */
const directives = (policy) =>
  new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...sources]) => [name, sources]));

test('the built page carries a policy: own origin only, the loader script by its hash', () => {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(meta, 'dist/index.html has the policy in a meta element');
  assert.ok(html.indexOf(meta[0]) < html.search(/<(script|link)\b/), 'the policy comes before anything that loads');
  const policy = directives(meta[1]);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
  assert.equal(inline.length, 1, 'one inline script: the loader');
  const hash = createHash('sha256').update(inline[0][2]).digest('base64');
  assert.deepEqual(policy.get('default-src'), ["'self'"]);
  assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'", `'sha256-${hash}'`]);
  assert.deepEqual(policy.get('style-src'), ["'self'"]);
  assert.deepEqual(policy.get('img-src'), ["'self'"]);
  assert.deepEqual(policy.get('connect-src'), ["'self'"]);
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  assert.deepEqual(policy.get('base-uri'), ["'none'"]);
  assert.deepEqual(policy.get('form-action'), ["'none'"]);
  assert.doesNotMatch(meta[1], /https?:|\*|unsafe-inline|'unsafe-eval'/, 'no remote origin, no inline or eval');
});

// The walk must be free of errors; the inline script and style put in at its end are refused
// on purpose, and the browser reports each refusal as a console error.
const REFUSED = /Content Security Policy directive/;

test('every screen works under the policy, with no violation', { timeout: 120_000 }, () => withApp(app, { ...guarded(app.server.url), allow: REFUSED }, async ({ page: desk, prepared: seen, errors }) => {
  const policy = await desk.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  assert.match(policy ?? '', /object-src 'none'/);

  // Inbox, empty and with the demo queue; the rows are placed through CSS variables.
  await desk.getByRole('heading', { name: 'Your inbox is empty' }).waitFor();
  await desk.getByRole('button', { name: 'Load demo cases' }).click();
  await desk.getByRole('heading', { name: 'Inbox' }).waitFor();
  const row = desk.locator('[role="row"][aria-rowindex="3"]');
  assert.equal(await row.evaluate((el) => getComputedStyle(el).getPropertyValue('--pos').trim()), '1');
  await desk.mouse.wheel(0, 3000);

  // New case and its page: an edit, a contact note, the SLA bars.
  await createCase(desk, { title: 'Checkout button does nothing', customer: 'Blue Harbor', tier: 'Enterprise' });
  await desk.getByRole('link', { name: 'Checkout button does nothing' }).click();
  await desk.getByRole('heading', { name: 'Checkout button does nothing' }).waitFor();
  await desk.getByLabel('Customer', { exact: true }).fill('Blue Harbor Ltd');
  await desk.getByLabel('Customer', { exact: true }).press('Tab');
  await desk.getByLabel('Note', { exact: true }).fill('Asked for a screenshot.');
  await desk.getByRole('button', { name: 'Log customer contact' }).click();
  await desk.getByText('Customer contact: Asked for a screenshot.').waitFor();
  const bar = desk.locator('.sla-bar > span').first();
  assert.match(await bar.evaluate((el) => el.style.width), /^\d+(\.\d)?%$/, 'the SLA bar has its width');

  // Groups, an incident from one, the incidents list.
  await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Groups' }).click();
  await desk.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
  await desk.getByRole('button', { name: 'Promote to incident' }).first().click();
  await desk.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
  await desk.getByLabel('Update', { exact: true }).fill('Looking into it.');
  await desk.getByRole('button', { name: 'Add update' }).click();
  await desk.getByText('Update: Looking into it.').waitFor();
  await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Incidents' }).click();
  await desk.getByRole('row').filter({ hasText: 'INC-1' }).waitFor();

  // Settings: name, a calendar, the rules editor.
  await desk.getByRole('link', { name: 'Settings' }).click();
  await desk.getByLabel('Display name').fill('Mina');
  await desk.getByLabel('Display name').press('Tab');
  await desk.getByRole('button', { name: 'Add calendar' }).click();
  await desk.getByLabel('Calendar 3 name').waitFor();
  await desk.getByLabel('Tier weight', { exact: true }).fill('30');

  // Import: a pasted row, then a file.
  await desk.getByRole('link', { name: 'Inbox' }).first().click();
  await openDataMenu(desk);
  await desk.getByRole('button', { name: 'Quick add' }).click();
  await desk.getByLabel('Paste cases').fill('Invoice PDF is blank\tSince Monday');
  await desk.getByRole('button', { name: 'Preview' }).click();
  const review = desk.getByRole('region', { name: 'Import review' });
  await review.getByRole('button', { name: 'Import cases' }).click();
  await review.getByText('Imported: 1 added, 0 updated, 0 unchanged.').waitFor();
  await desk.getByLabel('Import', { exact: true }).setInputFiles(join(root, 'tests', 'fixtures', 'import', 'zendesk.csv'));
  await review.getByRole('button', { name: 'Import cases' }).click();
  await review.getByText(/^Imported: /).waitFor();

  // Export: both downloads go through blob: URLs.
  await openDataMenu(desk);
  const [json] = await Promise.all([desk.waitForEvent('download'), desk.getByRole('button', { name: 'Export JSON' }).click()]);
  assert.equal(JSON.parse(await readDownload(json)).format, 'triage-desk-export');
  await desk.locator('summary', { hasText: 'Export CSV' }).click();
  const [csv] = await Promise.all([desk.waitForEvent('download'), desk.getByRole('button', { name: 'Export CSV (all cases)' }).click()]);
  assert.match(await readDownload(csv), /^\uFEFFid,external_id,title/);

  assert.deepEqual(await desk.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.violations, []);
  assert.deepEqual(seen.requests, [], 'nothing is fetched from elsewhere');
  assert.deepEqual(errors, []);

  // The policy is enforced: an inline script or style put into the page is refused, and reported.
  await desk.evaluate((canary) => {
    const script = document.createElement('script');
    script.textContent = `window.${canary} = 1`;
    document.body.append(script);
    document.body.setAttribute('style', 'display: none');
  }, CANARY);
  await desk.waitForFunction(() => window.__violations.length >= 2);
  assert.equal(await desk.evaluate((canary) => window[canary], CANARY), undefined);
  const reported = (await desk.evaluate(() => window.__violations)).join('\n');
  assert.match(reported, /^script-src-elem/m);
  assert.match(reported, /^style-src-attr/m);
}));
