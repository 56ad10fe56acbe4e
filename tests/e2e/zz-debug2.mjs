import { serveDist, launch, openApp, artifacts } from './harness.mjs';
import { TEXTS } from './hostile.mjs';
import { writeFileSync, readFileSync } from 'node:fs';
const server = await serveDist(); const browser = await launch();
const { page, errors } = await openApp(browser, server.url);
const which = process.argv[2];
if (which === 'settings') {
  await page.getByRole('link', { name: 'Settings' }).click();
  const text = TEXTS.find((t) => t.startsWith('Supercal'));
  for (const sel of ['Display name']) { await page.getByLabel(sel).fill(text); await page.getByLabel(sel).press('Tab'); }
  for (const what of ['name', 'zone', 'mon', 'holidays']) {
    await page.locator(`#sla-calendar-0-${what}`).fill(text); await page.locator(`#sla-calendar-0-${what}`).press('Tab');
    await page.waitForTimeout(300);
    console.log(what, await page.evaluate(() => document.documentElement.scrollWidth));
  }
  console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 8).map((e) => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))));
} else {
  await page.getByLabel('Import', { exact: true }).setInputFiles(process.argv[3]);
  const review = page.getByRole('region', { name: 'Import review' });
  await review.getByRole('button', { name: 'Import cases' }).click();
  await review.getByText(/^Imported: /).waitFor();
  await page.locator('summary', { hasText: 'Export CSV' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (all cases)' }).click()]);
  const path = '/tmp/h4-export.csv'; writeFileSync(path, readFileSync(await download.path()));
  await page.getByLabel('Import', { exact: true }).setInputFiles(path);
  await page.waitForTimeout(3000);
  console.log(await review.innerText());
}
console.log(errors.slice(0, 5));
await browser.close(); await server.close();
