// The screens as a new user sees them with the demo queue: screenshots of every main screen at a
// laptop, a desktop and a phone size, light and dark, and the geometry the layout promises
// (a dozen inbox rows on a laptop, the case's actions above the fold, the first case on a
// phone's first screen, no badge or table cell cut), with axe-core finding nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { useServedApp, withApp, artifacts, root, settle as painted } from './harness.mjs';

const app = useServedApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];
const SCHEMES = ['light', 'dark'];
const shots = join(artifacts, 'screens');

/** Two painted frames and a moment for the virtual list to measure after a resize. */
const settle = async (page) => {
  await painted(page);
  await page.waitForTimeout(150);
};

async function go(page, hash, heading) {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, hash);
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** axe-core's violations on the page as it is (injected by evaluation: the page's CSP forbids inline scripts). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

/** Badges and table cells whose content is wider than their box (cut or spilling). */
const overflowing = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.status, .tier, .priority, .sla-timer, [role="gridcell"], td, th, .case-id, .tool-button')]
      .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className || el.tagName}: "${el.innerText.slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`),
  );

/** Inbox rows wholly between the sticky top bar (if any) and the bottom of the window. */
const rowsFullyVisible = (page) =>
  page.evaluate(() => {
    const bar = document.querySelector('.topbar').getBoundingClientRect();
    const top = getComputedStyle(document.querySelector('.topbar')).position === 'sticky' ? Math.max(0, bar.bottom) : 0;
    const rows = [...document.querySelectorAll('[role="grid"] [role="row"]:has([role="gridcell"])')];
    return rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= top - 0.5 && box.bottom <= window.innerHeight + 0.5;
    }).length;
  });

test('every screen at laptop, desktop and phone size, light and dark: geometry, overflow and axe', { timeout: 300_000 }, () =>
  withApp(app, async ({ context, page, errors }) => {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'Surge' }).waitFor();

  // The case with the highest score, and an incident promoted from the biggest group.
  const caseHref = await page.getByRole('grid', { name: 'Inbox' }).getByRole('row').nth(1).getByRole('link').getAttribute('href');
  const caseTitle = await page.getByRole('grid', { name: 'Inbox' }).getByRole('row').nth(1).getByRole('link').innerText();
  await go(page, '#/groups', 'Groups');
  await page.getByRole('button', { name: 'Promote to incident' }).first().click();
  await page.waitForURL(/#\/incident\//);
  const incidentHash = new URL(page.url()).hash;
  const incidentHeading = await page.getByRole('heading', { level: 1 }).innerText();
  // The heading is the incident's id and title; the tab shows the title.
  const incidentTitle = incidentHeading.replace(/^\S+\s+/, '');

  const screens = [
    { name: 'inbox', hash: '#/', heading: 'Inbox', title: 'Inbox' },
    { name: 'case', hash: caseHref, heading: caseTitle, title: caseTitle },
    { name: 'groups', hash: '#/groups', heading: 'Groups', title: 'Groups' },
    { name: 'incident', hash: incidentHash, heading: incidentHeading, title: incidentTitle },
    { name: 'settings', hash: '#/settings', heading: 'Settings', title: 'Settings' },
  ];
  mkdirSync(shots, { recursive: true });
  const measured = {};
  const problems = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const screen of screens) {
        await go(page, screen.hash, screen.heading);
        await settle(page);
        const label = `${screen.name}-${size.width}x${size.height}-${scheme}`;
        await page.screenshot({ path: join(shots, `${label}.png`) });
        const title = await page.title();
        if (title !== `${screen.title} · Triage Desk`) problems.push(`${label}: tab title "${title}"`);
        for (const cut of await overflowing(page)) problems.push(`${label}: ${cut}`);
        for (const violation of await axeViolations(page)) problems.push(`${label}: axe ${violation}`);

        if (screen.name === 'inbox' && size.width === 1366) {
          assert.ok(await page.getByRole('alert').filter({ hasText: 'Surge' }).isVisible(), 'the surge banner shows');
          measured[`inbox rows fully visible at 1366x768 (${scheme})`] = await rowsFullyVisible(page);
        }
        if (screen.name === 'inbox' && size.width !== 1920) {
          // One row on a laptop, two compact rows on a phone.
          measured[`header height at ${size.width} (${scheme})`] = Math.round(await page.locator('.topbar').evaluate((bar) => bar.getBoundingClientRect().height));
        }
        if (screen.name === 'inbox' && size.width === 390) {
          const first = await page.locator('[role="grid"] [role="row"][aria-rowindex="2"]').boundingBox();
          measured[`first case card bottom at 390x844 (${scheme})`] = Math.round(first.y + first.height);
        }
        if (screen.name === 'case' && size.width === 1366) {
          const bottoms = {};
          for (const [name, locator] of [
            ['Status', page.getByLabel('Status', { exact: true })],
            ['Log customer contact', page.getByRole('button', { name: 'Log customer contact' })],
            ['Add internal note', page.getByRole('button', { name: 'Add internal note' })],
            ['Resolve', page.getByRole('button', { name: 'Resolve', exact: true })],
          ]) {
            const box = await locator.boundingBox();
            bottoms[name] = Math.round(box.y + box.height);
          }
          measured[`case actions bottom at 1366x768 (${scheme})`] = bottoms;
        }
      }
    }
  }
  console.log(JSON.stringify(measured, null, 2));

  for (const scheme of SCHEMES) {
    assert.ok(measured[`inbox rows fully visible at 1366x768 (${scheme})`] >= 12, JSON.stringify(measured));
    assert.ok(measured[`first case card bottom at 390x844 (${scheme})`] <= 844, JSON.stringify(measured));
    assert.ok(measured[`header height at 1366 (${scheme})`] <= 60, JSON.stringify(measured));
    assert.ok(measured[`header height at 390 (${scheme})`] <= 100, JSON.stringify(measured));
    for (const bottom of Object.values(measured[`case actions bottom at 1366x768 (${scheme})`])) {
      assert.ok(bottom <= 768, JSON.stringify(measured));
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);

  // The laptop pictures are the README's.
  const docs = join(root, 'docs', 'screenshots');
  mkdirSync(docs, { recursive: true });
  for (const scheme of SCHEMES) {
    for (const screen of screens) {
      copyFileSync(join(shots, `${screen.name}-1366x768-${scheme}.png`), join(docs, `${screen.name}-1366x768-${scheme}.png`));
    }
  }
  }));

test('a new case opens after Save and Back selects its row; ids copy; the what-if clock moves the ages', () =>
  withApp(app, async ({ context, page, errors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  const title = 'Refunds stuck in review since Friday';
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.equal(await page.title(), `${title} · Triage Desk`);

  const id = await page.locator('.case-id code').first().innerText();
  await page.getByRole('button', { name: `Copy case id ${id}` }).click();
  await page.getByRole('status').filter({ hasText: `Copied the case id ${id}.` }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), id);

  // Back returns to the inbox (not to the form) with the new case's row selected.
  await page.goBack();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'row');
  assert.match(await page.evaluate(() => document.activeElement.innerText), new RegExp(title));
  // Enter opens it again, and Escape comes back to the same row.
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.waitForFunction((title) => document.activeElement?.innerText.includes(title), title);

  // The what-if clock moves the Age column and the button says how far ahead it is (searched
  // for, as four hours on can reorder the list and leave the row unbuilt).
  await page.getByLabel('Search', { exact: true }).fill(title);
  const age = page.getByRole('row').filter({ hasText: title }).locator('.cell-age');
  assert.match(await age.innerText(), /^(just now|1 m)$/);
  await page.getByRole('button', { name: 'What-if clock' }).click();
  await page.getByRole('button', { name: '+4 h' }).click();
  await assert.doesNotReject(page.getByRole('button', { name: 'What-if: 4 h ahead' }).waitFor());
  await page.screenshot({ path: join(shots, 'what-if-open.png') });
  // Ages read the 30-second clock moved ahead, so a case made seconds ago may be 3 h 59 m old.
  assert.match(await age.innerText(), /^[34] h$/);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('button', { name: '+4 h' }).isVisible(), false, 'Escape closes the panel');
  }));

test('Unmerge on a case page names the cases put back, where the button was', () =>
  withApp(app, async ({ page }) => {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await go(page, '#/groups', 'Groups');
  const auth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: /AUTH-1103/ }) }).filter({ hasText: 'Meridian Pet Supply' });
  await auth.getByRole('radio', { name: /Primary: Staff can't log in/ }).check();
  await auth.getByRole('button', { name: 'Merge into primary' }).click();
  const primary = "Staff can't log in after SSO change - error AUTH-1103";
  await page.getByRole('region', { name: 'Merged cases' }).getByRole('link', { name: primary }).click();
  await page.getByRole('heading', { level: 1, name: primary }).waitFor();
  const unmerge = page.getByRole('button', { name: 'Unmerge', exact: true });
  const buttonAt = await unmerge.boundingBox();
  await unmerge.click();
  const said = page.getByRole('status').filter({ hasText: /^Unmerged \d+ cases from “Staff can't log in.*“AUTH-1103 error when signing in with company SSO”/ });
  await assert.doesNotReject(said.waitFor());
  assert.ok(await said.evaluate((el) => el === document.activeElement), 'the message is focused, so it is read out');
  const saidAt = await said.boundingBox();
  assert.ok(Math.abs(saidAt.y - buttonAt.y) < 120, `next to where Unmerge was: ${saidAt.y} vs ${buttonAt.y}`);
  assert.equal(await page.getByText('Merged duplicates:').count(), 0);
  }));

test('a dismissed surge stays dismissed after a reload of the tab; a new surge shows', () =>
  withApp(app, async ({ page }) => {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  const surges = page.getByRole('alert').filter({ hasText: 'Surge' });
  await surges.first().waitFor();
  const before = await surges.count();
  await surges.first().getByRole('button', { name: 'Dismiss this surge alert' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.banner.surge').length === n, before - 1);
  await page.reload();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.getByRole('grid', { name: 'Inbox' }).getByRole('row').nth(1).waitFor();
  await settle(page);
  assert.equal(await surges.count(), before - 1, 'the dismissal survives the reload');
  // Another group's surge is not covered by that dismissal.
  await page.evaluate(() => sessionStorage.setItem('triage-desk.dismissed-surges', 'some-other-group\t4'));
  await page.reload();
  await surges.first().waitFor();
  await settle(page);
  assert.equal(await surges.count(), before);
  }));
