// The inbox and everything around it in Korean and Traditional Chinese: no English left on the
// demo queue with every panel open, on New case with its errors, in the header and its Data
// menu; and an import's row reason in Korean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { useServedApp, withApp, screenshot, artifacts } from './harness.mjs';
import { englishLeft } from './english-left.mjs';

const app = useServedApp();

const NAMES = {
  ko: {
    inbox: '문의함', loadDemo: '데모 문의 불러오기', whatIf: '가상 시각', plusHour: '+1시간',
    alerts: '위반 알림', newCase: '새 문의', save: '저장', customersAffected: '영향받은 고객 수',
    titleRequired: '제목을 입력하세요.',
  },
  'zh-TW': {
    inbox: '收件匣', loadDemo: '載入示範案件', whatIf: '模擬時間', plusHour: '+1 小時',
    alerts: '逾期通知', newCase: '新增案件', save: '儲存', customersAffected: '受影響客戶數',
    titleRequired: '請輸入標題。',
  },
};

/** Fails with every English text found, naming where the test was; `allow` as englishLeft's. */
async function assertNoEnglish(page, where, allow = []) {
  const left = await englishLeft(page, { attributes: true, allow });
  assert.deepEqual(left, [], `English left ${where}`);
}

for (const [lang, names] of Object.entries(NAMES)) {
  test(`in ${lang}, the inbox, its panels, the header, the Data menu and New case leave no English`, () =>
    withApp(app, async ({ page }) => {
      await page.locator('#header-language').selectOption(lang);
      await page.getByRole('heading', { name: names.inbox }).waitFor().catch(() => {});
      await assertNoEnglish(page, 'on the empty inbox');

      await page.getByRole('button', { name: names.loadDemo }).click();
      await page.getByRole('heading', { name: names.inbox }).waitFor();
      // The demo queue's planted surge shows its banner; the group's title is case text.
      await page.locator('.banner.surge').first().waitFor();
      await page.locator('[role="grid"] [role="timer"]').first().waitFor();
      await assertNoEnglish(page, 'on the inbox with the surge banner');

      // An SLA explanation, opened from the keyboard.
      await page.locator('[role="grid"] [role="timer"]').first().focus();
      await page.locator('.sla-tip:not([hidden])').first().waitFor();
      await assertNoEnglish(page, 'with an SLA explanation open');
      await screenshot(page, `i18n-inbox-sla-${lang}`);

      await page.getByRole('button', { name: names.alerts }).click();
      await page.locator('#alerts-panel').waitFor();
      await assertNoEnglish(page, 'with the breach alerts panel open');

      await page.getByRole('button', { name: names.whatIf }).click();
      await page.getByRole('button', { name: names.plusHour }).click();
      await page.locator('.banner.what-if').waitFor();
      await assertNoEnglish(page, 'with the what-if clock on and its panel open');
      await screenshot(page, `i18n-inbox-${lang}`);
      await page.keyboard.press('Escape');

      await page.locator('details.data-menu > summary').click();
      await page.locator('details.data-menu[open] .menu-items').first().waitFor();
      await assertNoEnglish(page, 'with the Data menu open');
      await page.locator('details.data-menu > summary').click();

      await page.getByRole('button', { name: names.newCase }).click();
      await page.getByLabel(names.customersAffected).fill('0');
      await page.getByRole('button', { name: names.save, exact: true }).click();
      await page.getByText(names.titleRequired).waitFor();
      await assertNoEnglish(page, 'on New case with its errors');
      await screenshot(page, `i18n-new-case-${lang}`);
    }));
}

test('the import review gives a bad row its reason in Korean', () =>
  withApp(app, async ({ page }) => {
    await page.locator('#header-language').selectOption('ko');
    await mkdir(artifacts, { recursive: true });
    const file = join(artifacts, 'i18n-bad-row.csv');
    await writeFile(
      file,
      'title,customer,created_at\nCheckout fails,Acme,2026-03-02T09:00:00Z\nLogin broken,Globex,2026-03-02T10:00:00Z,extra\n',
    );
    await page.locator('details.data-menu > summary').click();
    await page.locator('details.data-menu input[type="file"]').setInputFiles(file);
    const reason = page.locator('.import-errors li').first();
    await reason.waitFor();
    assert.match(await reason.innerText(), /3.*셀이 4개로, 머리글의 3개와 다릅니다/);
    // The file's column names are its own words, named in the mapping's labels.
    await assertNoEnglish(page, 'in the import review', [/^(title|customer|created_at)$/]);
    await screenshot(page, 'i18n-import-review-ko');
  }));

test('englishLeft finds English, and passes over case text', () =>
  withApp(app, async ({ page }) => {
    await page.getByRole('button', { name: 'Load demo cases' }).click();
    await page.locator('[role="grid"] [role="timer"]').first().waitFor();
    const words = (await englishLeft(page)).map((found) => found.word);
    assert.ok(words.includes('Inbox') && words.includes('Search'), `found ${words.slice(0, 20)}`);
    const title = await page.locator('[role="grid"] .title-cell a').first().innerText();
    assert.ok(!(await englishLeft(page)).some((found) => found.text === title), 'case titles are passed over');
  }));
