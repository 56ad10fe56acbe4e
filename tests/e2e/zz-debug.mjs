import { serveDist, launch, openApp, createCase } from './harness.mjs';
import { TEXTS, MEGABYTE } from './hostile.mjs';
const server = await serveDist(); const browser = await launch();
const { page, errors } = await openApp(browser, server.url);
const which = process.argv[2];
if (which === 'form') {
  for (const [i, text] of TEXTS.entries()) {
    const t0 = Date.now();
    try { await createCase(page, { title: text, description: text, customer: text, category: text }); }
    catch (e) { console.log('FAILED at', i, JSON.stringify(text.slice(0, 60)), e.message.split('\n')[0]); await page.screenshot({ path: '/tmp/h4-fail.png' }); break; }
    if (Date.now() - t0 > 500) console.log(i, Date.now() - t0);
  }
} else {
  await page.getByRole('button', { name: 'New case' }).click();
  let t0 = Date.now();
  await page.getByLabel('Title', { exact: true }).fill(MEGABYTE); console.log('title fill', Date.now() - t0); t0 = Date.now();
  await page.screenshot({ path: '/tmp/h4-mega.png' });
  console.log(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]));
  await page.getByLabel('Title', { exact: true }).fill('Huge customer'); console.log('title2 fill', Date.now() - t0); t0 = Date.now();
  await page.getByLabel('Customer', { exact: true }).fill(MEGABYTE); console.log('cust fill', Date.now() - t0); t0 = Date.now();
  await page.getByLabel('Category').fill(MEGABYTE); console.log('cat fill', Date.now() - t0); t0 = Date.now();
  await page.getByRole('button', { name: 'Save' }).click(); console.log('save click', Date.now() - t0); t0 = Date.now();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor({ timeout: 120000 }); console.log('inbox', Date.now() - t0);
  console.log(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]));
  await page.screenshot({ path: '/tmp/h4-mega2.png' });
  t0 = Date.now(); await page.getByRole('link', { name: 'Huge customer' }).click(); await page.locator('#case-title').waitFor(); console.log('case', Date.now() - t0);
  console.log(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]));
  await page.screenshot({ path: '/tmp/h4-mega3.png' });
}
console.log(errors.slice(0, 5));
await browser.close(); await server.close();
