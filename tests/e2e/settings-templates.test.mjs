// Settings beyond the engines: a built-in template edited in Korean (an unknown placeholder is
// marked and blocks Save until fixed, the preview fills the rest, Reset puts it back), the update
// cadence, the recovery plan template, and a glossary concept that makes two reports in
// different languages similar; Export JSON then Import brings all of it back, and axe finds
// nothing on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { useServedApp, withApp, createCase, storedDesk, readDownload, artifacts, clearStorage, openDataMenu, screenshot } from './harness.mjs';

const app = useServedApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const settings = async (page) => JSON.parse(await storedDesk(page)).data.settings;
const saved = (page) => page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Waits until the stored settings satisfy `check`. */
async function storedUntil(page, check) {
  for (let tries = 0; tries < 50; tries++) {
    const now = await settings(page).catch(() => null);
    if (now && check(now)) return now;
    await page.waitForTimeout(100);
  }
  assert.fail('the settings were not stored as expected');
}

/** The similar cases the case page lists for `id`, by title. */
async function similarTitles(page, id) {
  await page.goto(`${app.server.url}#/case/${id}`);
  const panel = page.locator('section.similar');
  await panel.waitFor();
  await page.waitForTimeout(400);
  return panel.locator('.similar-item a').allInnerTexts();
}

test('Settings in Korean: template, cadence, plan and glossary, kept through export and import', { timeout: 120_000 }, () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Zorbix' });
  await createCase(page, { title: '조르빅스' });
  const cases = JSON.parse(await storedDesk(page)).data.cases;
  const english = cases.find((c) => c.title === 'Zorbix').id;
  assert.deepEqual(await similarTitles(page, english), [], 'nothing links the two yet');

  await page.goto(`${app.server.url}#/settings`);
  await page.locator('#settings-language').selectOption('ko');
  await page.getByRole('heading', { level: 1, name: '설정' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on Settings in Korean');

  // The section list reaches each section in one step.
  const sections = page.getByRole('navigation', { name: '이 페이지의 항목' });
  await sections.getByRole('link', { name: '상태 업데이트 템플릿' }).click();
  await assert.doesNotReject(page.locator('#settings-templates:focus').waitFor());

  // A built-in template, edited in Korean: a misspelt placeholder is marked and blocks Save.
  await page.locator('#template-filter-language').selectOption('ko');
  await page.locator('#template-filter-audience').selectOption('customers');
  await page.locator('#template-filter-stage').selectOption('investigating');
  await page.getByText('템플릿 1개').waitFor();
  await page.getByRole('button', { name: '고객: 조사 중(한국어)' }).click();
  const body = page.getByLabel('본문');
  const original = await body.inputValue();
  await body.fill(`${original}\n문의: {{incident.titel}}`);
  await page.getByText('{{incident.titel}}은(는) 자리 표시자가 아닙니다. {{incident.title}}을(를) 쓰려고 하셨나요?').waitFor();
  assert.equal(await body.getAttribute('aria-invalid'), 'true');
  const save = page.getByRole('button', { name: '템플릿 저장' });
  assert.ok(await save.isDisabled(), 'an unknown placeholder blocks saving');
  await page.getByRole('button', { name: '위치 보기' }).click();
  const selected = await body.evaluate((field) => field.value.slice(field.selectionStart, field.selectionEnd));
  assert.equal(selected, '{{incident.titel}}', 'Show selects the placeholder in the text');

  // Fixed, previewed on the sample incident, saved.
  await body.fill(`${original}\n문의: `);
  await body.press('End');
  await page.getByRole('button', { name: '{{incident.id}}' }).click();
  assert.match(await body.inputValue(), /문의: \{\{incident\.id\}\}$/, 'the placeholder goes where the cursor was');
  assert.equal(await body.getAttribute('aria-invalid'), 'false');
  const preview = page.locator('.template-preview');
  await preview.getByText('문의: INC-7').waitFor();
  assert.match(await preview.innerText(), /웹사이트 및 앱/, 'sample values in the template language');
  await save.click();
  let stored = await storedUntil(page, (s) => s.incidents?.templates?.saved?.length === 1);
  assert.equal(stored.incidents.templates.saved[0].id, 'builtin/customers/investigating/ko');
  await page.getByRole('button', { name: /고객: 조사 중\(한국어\) 편집됨/ }).waitFor();

  // Reset puts the built-in back; a copy of one's own stays.
  await page.getByRole('button', { name: '기본 문구로 재설정' }).click();
  assert.equal(await body.inputValue(), original);
  await storedUntil(page, (s) => !s.incidents.templates.saved?.length);
  await page.getByRole('button', { name: '이 템플릿으로 새로 만들기' }).click();
  stored = await storedUntil(page, (s) => s.incidents.templates.saved?.length === 1);
  const own = stored.incidents.templates.saved[0];
  assert.equal(own.id, 'custom-1');
  assert.equal(own.name, '고객: 조사 중(한국어)(사본)');

  // The update cadence.
  await sections.getByRole('link', { name: '장애 업데이트' }).click();
  const critical = page.getByLabel('심각: 업데이트 간격(분)');
  await critical.fill('0');
  await critical.blur();
  await page.getByText('1~1440 사이의 정수를 입력하세요.').waitFor();
  await critical.fill('20');
  await critical.blur();
  await storedUntil(page, (s) => s.incidents.cadence?.critical_minutes === 20);

  // The recovery plan template: add a step, make it required, move it up, remove another.
  await page.getByLabel('새 단계').fill('고객 보상 안내');
  await page.getByRole('button', { name: '단계 추가' }).click();
  const step = page.locator('.plan-step').last();
  await step.getByRole('checkbox', { name: '필수' }).check();
  await page.getByRole('button', { name: '“고객 보상 안내” 위로 이동' }).click();
  await page.getByRole('button', { name: '“사후 분석 일정 수립” 삭제' }).click();
  stored = await storedUntil(page, (s) => s.incidents.plan?.steps?.length === 8 && s.incidents.plan.steps.at(-1).label === '고객 보상 안내');
  assert.deepEqual(stored.incidents.plan.steps.at(-1), { label: '고객 보상 안내', required: true });
  assert.equal(stored.incidents.plan.steps.at(-2).label, 'Goodwill or credits decided');

  // The glossary: a malformed concept is refused with a message; a good one is added.
  await sections.getByRole('link', { name: '고객지원 용어집' }).click();
  await page.getByLabel('영어 단어').fill('zorbix app');
  await page.getByLabel('한국어 단어').fill('조르빅스');
  await page.getByLabel('중국어 번체 단어').fill('佐比克斯');
  await page.getByRole('button', { name: '개념 추가' }).click();
  await page.getByText('“zorbix app”은(는) 영어 한 단어가 아닙니다.', { exact: false }).waitFor();
  await page.getByLabel('영어 단어').fill('zorbix');
  await page.getByRole('button', { name: '개념 추가' }).click();
  await page.getByText(/편집한 용어집: 개념 \d+개/).waitFor();
  await page.getByLabel('개념 찾기').fill('조르빅스');
  await page.getByRole('button', { name: 'zorbix 편집' }).waitFor();
  stored = await storedUntil(page, (s) => s.glossary?.includes('zorbix | 조르빅스 | 佐比克斯'));
  await screenshot(page, 'settings-glossary-ko');
  assert.deepEqual(await axeViolations(page), [], 'axe on Settings with the editors in use');

  assert.deepEqual(await similarTitles(page, english), ['조르빅스'], 'the concept makes them similar');

  // Export, clear the site, import with the file's settings: all of it comes back.
  await page.goto(`${app.server.url}#/settings`);
  await page.locator('#settings-language').selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.waitForTimeout(300);
  await saved(page);
  const before = await settings(page);
  await openDataMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(await readDownload(download));
  for (const key of ['incidents', 'glossary']) assert.deepEqual(exported.settings[key], before[key], `${key} in the export`);

  await clearStorage(page);
  await page.goto(app.server.url);
  await page.reload();
  await page.getByRole('heading', { name: 'Your inbox is empty' }).waitFor();
  const file = join(artifacts, 'settings-round-trip.json');
  writeFileSync(file, JSON.stringify(exported));
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  const review = page.getByRole('region', { name: 'Import review' });
  await review.getByRole('checkbox', { name: /Also use the file's settings/ }).check();
  await review.getByRole('button', { name: 'Import cases' }).click();
  await review.getByText(/^Imported: /).waitFor();
  const after = await storedUntil(page, (s) => s.glossary !== undefined);
  for (const key of ['incidents', 'glossary']) assert.deepEqual(after[key], before[key], `${key} come back`);
  assert.deepEqual(await similarTitles(page, english), ['조르빅스'], 'grouping reads the imported glossary');
}));
