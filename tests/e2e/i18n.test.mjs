// The desk in English, Korean and Traditional Chinese, and keys typed through an input method.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withApp, screenshot, openDataMenu } from './harness.mjs';

const app = useServedApp();

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

test('the Language select switches the converted texts and <html lang>, and the choice is kept', () =>
  withApp(app, async ({ context, page, errors }) => {
  assert.equal(await htmlLang(page), 'en');
  await page.goto(`${app.server.url}#/incidents`);
  await page.getByRole('heading', { name: 'Incidents' }).waitFor();
  await openDataMenu(page);
  assert.ok(await page.getByRole('button', { name: 'Quick add' }).isVisible());

  await page.getByLabel('Language').selectOption({ label: '한국어' });
  await assert.doesNotReject(page.getByRole('heading', { name: '장애' }).waitFor());
  assert.equal(await htmlLang(page), 'ko');
  assert.ok(await page.getByRole('button', { name: '빠른 추가' }).isVisible());
  assert.ok(await page.getByRole('button', { name: 'JSON 내보내기' }).isVisible());
  await page.getByRole('button', { name: '빠른 추가' }).click();
  await assert.doesNotReject(page.getByRole('region', { name: '빠른 추가' }).getByLabel('문의 붙여넣기').waitFor());
  await screenshot(page, 'i18n-incidents-ko');

  await page.getByLabel('언어').selectOption({ label: '繁體中文' });
  await assert.doesNotReject(page.getByRole('heading', { name: '事件' }).waitFor());
  assert.equal(await htmlLang(page), 'zh-TW');
  assert.ok(await page.getByRole('region', { name: '快速新增' }).getByLabel('貼上案件').isVisible());
  await screenshot(page, 'i18n-incidents-zh-TW');

  // Kept with the settings: a reload speaks the chosen language, and Settings offers it too.
  await page.reload();
  await page.getByRole('heading', { name: '事件' }).waitFor();
  assert.equal(await htmlLang(page), 'zh-TW');
  await page.goto(`${app.server.url}#/settings`);
  const choices = page.getByLabel('語言');
  await choices.nth(1).waitFor();
  assert.equal(await choices.count(), 2, 'one select in the header, one in Settings');
  await choices.nth(1).selectOption({ label: 'English' });
  await page.goto(`${app.server.url}#/incidents`);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Incidents' }).waitFor());
  assert.equal(await htmlLang(page), 'en');
  }));

test('a first visit from a Korean browser starts in Korean', async () => {
  const context = await app.browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(`${app.server.url}#/incidents`);
  await assert.doesNotReject(page.getByRole('heading', { name: '장애' }).waitFor());
  assert.equal(await htmlLang(page), 'ko');
  assert.equal(await page.getByLabel('언어').inputValue(), 'ko');
  await context.close();
});

test('keys that belong to an input method composing text trigger nothing', () =>
  withApp(app, async ({ context, page, errors }) => {
  await page.getByRole('button', { name: 'Load demo cases' }).click();
  const first = page.locator('[role="grid"] [role="row"][aria-rowindex="2"]');
  await first.focus();
  const key = (init) =>
    page.evaluate((init) => {
      // keyCode is read-only in the constructor's dictionary; WebKit's Hangul keys carry 229.
      const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
      if (init.keyCode) Object.defineProperty(event, 'keyCode', { get: () => init.keyCode });
      document.activeElement.dispatchEvent(event);
      return event.defaultPrevented;
    }, init);
  const row = () => page.evaluate(() => document.activeElement.getAttribute('aria-rowindex'));
  assert.equal(await key({ key: 'j', keyCode: 229 }), false);
  assert.equal(await key({ key: 'ArrowDown', isComposing: true }), false);
  assert.equal(await key({ key: 'Enter', keyCode: 229 }), false);
  await page.waitForTimeout(200);
  assert.equal(await row(), '2');
  assert.ok(!new URL(page.url()).hash.startsWith('#/case'), 'Enter while composing opened no case');
  // The same key without an input method still moves.
  assert.equal(await key({ key: 'j' }), true);
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-rowindex') === '3');

  // The Enter that ends a composition in the New case form does not save it.
  await page.getByRole('button', { name: 'New case' }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('결제 오류');
  await title.focus();
  assert.equal(await key({ key: 'Enter', isComposing: true }), true);
  await page.waitForTimeout(200);
  assert.ok(await page.getByRole('button', { name: 'Save' }).isVisible(), 'the form is still open');
  }));
