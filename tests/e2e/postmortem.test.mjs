// The postmortem draft as a stored field of the incident, in headless Chromium against the release
// build: an edit survives a reload and travels in the JSON export, a draft an earlier build kept in
// the tab's session is adopted once, "Compile again" asks before replacing an edited draft, and
// the print is the Markdown rendered (tables, headings), not the Markdown itself. Also: a Korean
// desk's new recovery plan, its template pickers and its postmortem draft speak Korean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useServedApp, withApp, loadDemo, readDownload, openDataMenu, storedDesk } from './harness.mjs';

const app = useServedApp();
const PAYMENTS = /declined.*PAY-502|PAY-502.*declined/;
const SHOTS = process.env.POSTMORTEM_SHOTS ?? '/tmp/a';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** The stored INC-1, once `check` holds for it. */
async function storedIncident(page, check) {
  for (let tries = 0; tries < 60; tries++) {
    const desk = JSON.parse((await storedDesk(page)) ?? 'null');
    const incident = desk?.data.incidents?.[0];
    if (incident && check(incident)) return incident;
    await page.waitForTimeout(100);
  }
  assert.fail('INC-1 was not stored as expected');
}

/** Promotes the PAY-502 group (names in `words`' language) and resolves INC-1 with a reason. */
async function promoteAndResolve(page, words) {
  await page.goto(`${app.server.url}#/groups`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: PAYMENTS }) });
  await card.getByRole('button', { name: words.promote }).click();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
  await page.getByRole('region', { name: words.plan }).getByRole('button', { name: words.resolve }).click();
  const dialog = page.getByRole('dialog', { name: words.dialog });
  await dialog.getByLabel(words.reason).fill('Processor fixed it.');
  await dialog.getByRole('button', { name: words.anyway }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const ENGLISH = {
  promote: 'Promote to incident', plan: 'Recovery plan', resolve: 'Resolve incident',
  dialog: 'Resolve with required steps open?', reason: 'Reason', anyway: 'Resolve anyway',
};

test('the edited postmortem is stored, survives a reload, is exported and prints as a document', { timeout: 240_000 }, () => withApp(app, async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await loadDemo(page);
  await promoteAndResolve(page, ENGLISH);
  const postmortem = page.getByRole('region', { name: 'Postmortem draft' });
  const draft = postmortem.getByLabel('Draft (Markdown)', { exact: true });
  const compiled = await draft.inputValue();
  assert.match(compiled, /^# Postmortem: INC-1 /);

  // Typed and left alone for a moment: saved without leaving the field.
  await draft.click();
  await draft.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nOwner: **Mina** <img src=x onerror=alert(1)>');
  const saved = await storedIncident(page, (i) => i.postmortem?.text.endsWith('onerror=alert(1)>'));
  assert.ok(saved.postmortem.text.startsWith('# Postmortem: INC-1 '));
  assert.equal(saved.timeline.filter((e) => e.event === 'postmortem_edited').length, 1);
  await page.keyboard.type(' more');
  await storedIncident(page, (i) => i.postmortem?.text.endsWith(' more'));
  assert.equal((await storedIncident(page, () => true)).timeline.filter((e) => e.event === 'postmortem_edited').length, 1,
    'one timeline entry per editing session');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
  assert.match(await draft.inputValue(), /Owner: \*\*Mina\*\* <img src=x onerror=alert\(1\)> more$/);
  await page.getByRole('region', { name: 'Timeline' }).getByText('Postmortem draft edited').waitFor();

  await openDataMenu(page);
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = JSON.parse(await readDownload(exported));
  assert.match(file.incidents[0].postmortem.text, /Owner: \*\*Mina\*\*/);

  // The print: headings and tables, no Markdown line left, the typed tag as text.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  const print = postmortem.locator('.postmortem-print');
  assert.equal(await print.isVisible(), true);
  assert.ok(await print.locator('table').count() >= 3);
  assert.match(await print.locator('h1').innerText(), /^Postmortem: INC-1 \S/);
  assert.equal(await print.locator('img, script').count(), 0);
  const lines = (await print.innerText()).split('\n');
  assert.deepEqual(lines.filter((line) => /^\s*(\||#)/.test(line)), []);
  assert.ok(lines.some((line) => line.includes('Owner: Mina <img src=x onerror=alert(1)> more')));
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/postmortem-print.png`, fullPage: true });
  await page.pdf({ path: `${SHOTS}/postmortem.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1366, height: 768 });

  // "Compile again" asks before replacing the edited draft.
  await postmortem.getByRole('button', { name: 'Compile again from the incident' }).click();
  const ask = postmortem.getByRole('group', { name: /Replace the edited draft/ });
  await ask.waitFor();
  await page.screenshot({ path: `${SHOTS}/postmortem-confirm.png` });
  assert.deepEqual(await axeViolations(page), []);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  assert.match(await draft.inputValue(), / more$/);
  await postmortem.getByRole('button', { name: 'Compile again from the incident' }).click();
  await ask.getByRole('button', { name: 'Replace draft' }).click();
  await storedIncident(page, (i) => !i.postmortem.text.includes('Owner:'));
  assert.doesNotMatch(await draft.inputValue(), /Owner:/);
  assert.equal(await ask.count(), 0);
}));

test('another tab\'s edit of the postmortem asks, rather than replaces, while the field has focus', { timeout: 240_000 }, () => withApp(app, async ({ page, open }) => {
  await loadDemo(page);
  await promoteAndResolve(page, ENGLISH);
  const other = await open('#/incident/INC-1');
  const theirs = other.getByRole('region', { name: 'Postmortem draft' }).getByLabel('Draft (Markdown)', { exact: true });
  await theirs.click();
  const draft = page.getByRole('region', { name: 'Postmortem draft' }).getByLabel('Draft (Markdown)', { exact: true });
  await draft.fill(`${await draft.inputValue()}\nFrom the first tab`);
  await draft.press('Tab');
  const prompt = other.getByRole('group', { name: 'Draft (Markdown) changed in another tab' });
  await prompt.waitFor();
  assert.doesNotMatch(await theirs.inputValue(), /From the first tab/, 'not replaced under the cursor');
  await prompt.getByRole('button', { name: 'Take theirs' }).click();
  assert.match(await theirs.inputValue(), /From the first tab$/);
  await other.close();
}));

test('a draft an earlier build kept in the tab session is adopted once into the incident', { timeout: 240_000 }, () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await promoteAndResolve(page, ENGLISH);
  await page.evaluate(() => sessionStorage.setItem('triage-desk:postmortem:INC-1', '# Kept in the session\n\nWritten before the upgrade.'));
  await page.reload();
  const draft = page.getByRole('region', { name: 'Postmortem draft' }).getByLabel('Draft (Markdown)', { exact: true });
  await draft.waitFor();
  assert.equal(await draft.inputValue(), '# Kept in the session\n\nWritten before the upgrade.');
  await storedIncident(page, (i) => i.postmortem?.text === '# Kept in the session\n\nWritten before the upgrade.');
}));

test('a Korean desk starts its recovery plan in Korean and names the built-in templates in Korean', { timeout: 240_000 }, () => withApp(app, async ({ page }) => {
  await loadDemo(page);
  await page.getByLabel('Language').first().selectOption({ label: '한국어' });
  await page.goto(`${app.server.url}#/groups`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: PAYMENTS }) });
  await card.getByRole('button', { name: '장애로 전환' }).click();
  await page.getByRole('heading', { level: 1, name: /INC-1/ }).waitFor();
  const plan = page.getByRole('region', { name: '복구 계획' });
  await plan.getByRole('checkbox', { name: /^영향 범위 확인/ }).waitFor();
  assert.match(await plan.innerText(), /상담원 공유 완료[\s\S]*사후 분석 일정 수립/);
  assert.doesNotMatch(await plan.innerText(), /Scope confirmed|Postmortem scheduled/);
  const picker = page.locator('#compose-template');
  assert.match(await picker.locator('option:checked').innerText(), /^고객: 조사 중\(한국어\)$/);
  await page.screenshot({ path: `${SHOTS}/plan-ko.png`, fullPage: true });
  const incident = await storedIncident(page, (i) => i.plan?.length === 8);
  assert.equal(incident.plan[0].label, '영향 범위 확인');

  // Resolved, its postmortem draft has Korean headings and labels and prints as tables.
  await plan.getByRole('button', { name: '장애 해결 처리' }).click();
  const dialog = page.getByRole('dialog', { name: '필수 단계가 남아 있는데 해결 처리할까요?' });
  await dialog.getByLabel('사유').fill('결제 대행사 조치 완료');
  await dialog.getByRole('button', { name: '그래도 해결 처리' }).click();
  const postmortem = page.getByRole('region', { name: '사후 분석 보고서 초안' });
  const compiled = await postmortem.getByLabel('초안 (Markdown)', { exact: true }).inputValue();
  assert.match(compiled, /^# 사후 분석 보고서: INC-1 /);
  for (const heading of ['## 영향 범위', '| 항목 | 내용 |', '## 타임라인', '## 발생 경위', '## 잘된 점', '## 후속 조치', '| 조치 사항 | 담당자 | 기한 |']) {
    assert.ok(compiled.includes(heading), `${heading} in ${compiled}`);
  }
  assert.doesNotMatch(compiled, /Postmortem|Measure|Duration|What happened|Action items|To be written|Status changed/);
  await page.emulateMedia({ media: 'print' });
  const print = postmortem.locator('.postmortem-print');
  assert.ok(await print.locator('table').count() >= 3);
  assert.match(await print.locator('h1').innerText(), /^사후 분석 보고서: INC-1 \S/);
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/postmortem-ko-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
}));
