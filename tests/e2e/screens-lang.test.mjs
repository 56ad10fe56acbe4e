// The main screens in Korean and Traditional Chinese, as an agent in Seoul or Taipei sees them
// with the demo queue: screenshots at a laptop and a phone size, nothing cut, axe-core finding
// nothing, and no English left in the desk's own words. The laptop pictures of the inbox, a
// case and Settings are the ones docs/ shows for each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { useServedApp, withApp, artifacts, root, settle } from './harness.mjs';

const app = useServedApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(artifacts, 'screens');

const LANGS = [
  { code: 'ko', name: '한국어', label: '언어' },
  { code: 'zh-TW', name: '繁體中文', label: '語言' },
];
const SIZES = [
  { width: 1366, height: 768, scheme: 'light' },
  { width: 390, height: 844, scheme: 'dark' },
];

async function go(page, hash) {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, hash);
  await page.locator('h1').first().waitFor();
  await settle(page);
  await page.waitForTimeout(150);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Badges, buttons and table cells whose content is wider than their box. */
const overflowing = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.status, .tier, .priority, .sla-timer, [role="gridcell"], td, th, .tool-button, button')]
      .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className || el.tagName}: "${el.innerText.slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`),
  );

test('inbox, a case, Groups, an incident, Settings and the dashboard in Korean and Chinese', () =>
  withApp(app, async ({ page, errors }) => {
    await page.getByRole('button', { name: 'Load demo cases' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const caseHref = await page.getByRole('grid', { name: 'Inbox' }).getByRole('row').nth(1).getByRole('link').getAttribute('href');
    await go(page, '#/groups');
    await page.getByRole('button', { name: 'Promote to incident' }).first().click();
    await page.waitForURL(/#\/incident\//);
    const screens = [
      ['inbox', '#/'],
      ['case', caseHref],
      ['groups', '#/groups'],
      ['incident', new URL(page.url()).hash],
      ['settings', '#/settings'],
      ['dashboard', '#/dashboard'],
    ];

    mkdirSync(shots, { recursive: true });
    const problems = [];
    let label = 'Language';
    for (const lang of LANGS) {
      await page.getByRole('combobox', { name: label }).first().selectOption({ label: lang.name });
      await page.waitForFunction((code) => document.documentElement.lang === code, lang.code);
      label = lang.label;
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: size.scheme });
        for (const [name, hash] of screens) {
          await go(page, hash);
          const shot = `${name}-${size.width}x${size.height}-${size.scheme}-${lang.code}`;
          await page.screenshot({ path: join(shots, `${shot}.png`) });
          for (const cut of await overflowing(page)) problems.push(`${shot}: ${cut}`);
          if (size.width === 1366) {
            for (const violation of await axeViolations(page)) problems.push(`${shot}: axe ${violation}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);

    const docs = join(root, 'docs', 'screenshots');
    for (const lang of LANGS) {
      for (const name of ['inbox', 'case', 'settings']) {
        const shot = `${name}-1366x768-light-${lang.code}.png`;
        copyFileSync(join(shots, shot), join(docs, shot));
      }
    }
  }));
