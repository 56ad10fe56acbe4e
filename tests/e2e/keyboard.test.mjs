// The keyboard: the command palette (Ctrl+K), the shortcut sheet (?), single keys and `g`
// sequences, where the focus lands, and keys that must do nothing (in fields, while an input
// method composes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useServedApp, withApp, loadDemo, readDownload, screenshot } from './harness.mjs';

const app = useServedApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const palette = (page) => page.getByRole('dialog', { name: 'Command palette' });
const hash = (page) => new URL(page.url()).hash || '#/';
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || el?.getAttribute('aria-rowindex') || el?.tagName;
  });

/** Waits until the palette's first option reads `pattern` (cases follow typing after a pause). */
const firstOption = (page, pattern) =>
  page.waitForFunction((source) => new RegExp(source).test(document.querySelector('dialog[open] [role="option"]')?.innerText ?? ''), pattern.source);

/** Opens the palette with Ctrl+K, types `text` and runs the first match with Enter. */
async function runCommand(page, text) {
  await page.keyboard.press('Control+k');
  const box = palette(page).getByRole('combobox');
  await box.waitFor();
  await box.fill(text);
  await page.keyboard.press('Enter');
  await palette(page).waitFor({ state: 'hidden' });
}

/** Presses keys one after another with the focus on the page itself, not a field. */
async function keys(page, ...pressed) {
  await page.evaluate(() => document.activeElement?.blur());
  for (const key of pressed) await page.keyboard.press(key);
}

test('Ctrl+K opens the palette; a case is found by title and opened with Enter; Esc gives the focus back', () =>
  withApp(app, async ({ page }) => {
    await loadDemo(page);
    const search = page.getByLabel('Search', { exact: true });
    await search.focus();
    await page.keyboard.press('Control+k');
    const dialog = palette(page);
    await dialog.waitFor();
    const box = dialog.getByRole('combobox');
    assert.equal(await focused(page), 'INPUT');
    assert.ok(await box.evaluate((el) => el === document.activeElement), 'the search box has the focus');
    assert.equal(await box.getAttribute('aria-controls'), 'palette-list');
    // Esc closes and the focus goes back to the inbox search where it was.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focused(page), 'inbox-search');

    await page.keyboard.press('Control+k');
    await box.fill('iOS crashes launch');
    await firstOption(page, /iOS app crashes on launch after updating to 5\.2\.0/);
    const first = dialog.getByRole('option').first();
    assert.equal(await box.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.locator('#case-title', { hasText: 'iOS app crashes on launch' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'case-title');

    // By id, and arrows move the active option.
    await page.keyboard.press('Control+k');
    await box.fill('demo-04');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/case/demo-04');
  }));

test('every navigation entry reaches its screen, and the focus lands on it', () =>
  withApp(app, async ({ page }) => {
    await loadDemo(page);
    for (const [entry, heading, wanted] of [
      ['Go to Groups', 'Groups', '#/groups'],
      ['Go to Incidents', 'Incidents', '#/incidents'],
      ['Go to Dashboard', 'Dashboard', '#/dashboard'],
      ['Go to Settings', 'Settings', '#/settings'],
      ['New case', 'New case', '#/new'],
      ['Go to Inbox', 'Inbox', '#/'],
    ]) {
      await runCommand(page, entry);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.equal(hash(page), wanted);
    }
    // Back in the inbox, the list's selected row has the focus.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'row');
  }));

test('Export JSON, Import, the what-if clock and Load demo cases run from the palette', () =>
  withApp(app, async ({ page }) => {
    await runCommand(page, 'load demo');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), runCommand(page, 'export json')]);
    assert.match(download.suggestedFilename(), /^triage-desk-.*\.json$/);
    assert.ok(JSON.parse(await readDownload(download)).cases.length > 5);
    const [csv] = await Promise.all([page.waitForEvent('download'), runCommand(page, 'export csv all')]);
    assert.match(csv.suggestedFilename(), /^triage-desk-all-.*\.csv$/);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), runCommand(page, 'import')]);
    assert.ok(chooser, 'the file picker opened');
    await runCommand(page, 'what-if');
    await page.waitForFunction(() => document.activeElement?.id === 'what-if-panel-button');
    assert.equal(await page.locator('#what-if-panel-button').getAttribute('aria-expanded'), 'true');
  }));

test('Language switches from the palette, which then matches Korean names', () =>
  withApp(app, async ({ page }) => {
    await loadDemo(page);
    await runCommand(page, 'language 한국어');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: '명령 팔레트' });
    const box = dialog.getByRole('combobox', { name: '명령, 화면 또는 문의를 입력하세요' });
    await box.fill('설정');
    assert.match(await dialog.getByRole('option').first().innerText(), /^설정으로 이동/);
    await box.fill('결제 오류');
    await firstOption(page, /결제/);
    // What an input method sends while composing does not run anything.
    await box.fill('대시보드');
    await box.dispatchEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true });
    assert.ok(await dialog.isVisible(), 'the Enter that ends a composition runs nothing');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/dashboard');
    await screenshot(page, 'keyboard-after-ko');
  }));

test('recently used commands come first when the palette opens again, also after a reload', () =>
  withApp(app, async ({ page }) => {
    await loadDemo(page);
    await runCommand(page, 'go to incidents');
    await runCommand(page, 'iOS crashes launch');
    await page.locator('#case-title').waitFor();
    const firstTwo = async () => {
      await page.keyboard.press('Control+k');
      const options = palette(page).getByRole('option');
      await options.first().waitFor();
      const texts = [await options.nth(0).innerText(), await options.nth(1).innerText()];
      await page.keyboard.press('Escape');
      return texts;
    };
    let [first, second] = await firstTwo();
    assert.match(first, /iOS app crashes on launch/);
    assert.match(second, /Go to Incidents/);
    await page.reload();
    await page.locator('#case-title').waitFor();
    [first, second] = await firstTwo();
    assert.match(first, /iOS app crashes on launch/);
    assert.match(second, /Go to Incidents/);
  }));

test('? shows the shortcut sheet; Esc closes it and gives the focus back', () =>
  withApp(app, async ({ page }) => {
    await loadDemo(page);
    await page.getByRole('link', { name: 'Triage Desk' }).focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    for (const text of ['Go to a screen', 'The case list', 'An open case', 'Go to Groups', 'Resolve this case']) {
      assert.ok(await sheet.getByText(text, { exact: true }).isVisible(), text);
    }
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    assert.ok(await page.getByRole('link', { name: 'Triage Desk' }).evaluate((el) => el === document.activeElement));
  }));

test('g sequences, c, / and j k Enter move around; e resolves and p pins the open case', () =>
  withApp(app, async ({ page }) => {
    await loadDemo(page);
    for (const [second, wanted, heading] of [
      ['g', '#/groups', 'groups-heading'],
      ['n', '#/incidents', 'incidents-heading'],
      ['d', '#/dashboard', 'dashboard-heading'],
      ['s', '#/settings', 'settings-heading'],
    ]) {
      await keys(page, 'g', second);
      await page.waitForFunction((wanted) => location.hash === wanted, wanted);
      await page.waitForFunction((id) => document.activeElement?.id === id, heading);
    }
    await keys(page, 'g', 'i');
    await page.waitForFunction(() => location.hash === '#/');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '2');
    await keys(page, 'c');
    await page.waitForFunction(() => document.activeElement?.id === 'field-title');
    assert.equal(await page.locator('#field-title').inputValue(), '', 'the c was not typed into the title');
    await keys(page, '/');
    await page.waitForFunction(() => document.activeElement?.id === 'inbox-search');
    assert.equal(await page.locator('#inbox-search').inputValue(), '');

    // j steps into the list, then j and k move and Enter opens.
    await keys(page, 'j');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '2');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '3');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/case/'));
    await page.locator('#case-title').waitFor();

    await keys(page, 'e');
    await page.waitForFunction(() => document.activeElement?.id === 'field-status');
    assert.equal(await page.locator('#field-status').inputValue(), 'resolved');

    await keys(page, 'p');
    const pin = page.getByRole('dialog', { name: 'Pin priority…' });
    await pin.waitFor();
    await pin.getByRole('combobox').fill('p1');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'priority-pin');
    assert.equal(await page.locator('#priority-pin').inputValue(), 'P1');

    // Esc goes back to the inbox, a row selected (the resolved case has left the open ones).
    await keys(page, 'Escape');
    await page.waitForFunction(() => location.hash === '#/');
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'row');
  }));

test('no single key fires in a text field, a select or while an input method composes', () =>
  withApp(app, async ({ page }) => {
    await loadDemo(page);
    const search = page.locator('#inbox-search');
    await search.focus();
    await page.keyboard.type('cg?e');
    assert.equal(await search.inputValue(), 'cg?e');
    assert.equal(hash(page), '#/');
    assert.ok(!(await page.getByRole('dialog').isVisible().catch(() => false)));
    await search.fill('');
    await page.locator('#filter-status').focus();
    await page.keyboard.press('c');
    assert.equal(hash(page), '#/');

    const dispatch = (init) =>
      page.evaluate((init) => {
        document.activeElement?.blur();
        const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
        if (init.keyCode) Object.defineProperty(event, 'keyCode', { get: () => init.keyCode });
        document.body.dispatchEvent(event);
        return event.defaultPrevented;
      }, init);
    assert.equal(await dispatch({ key: 'c', isComposing: true }), false);
    assert.equal(await dispatch({ key: 'c', keyCode: 229 }), false);
    assert.equal(await dispatch({ key: '?', keyCode: 229 }), false);
    assert.equal(await dispatch({ key: 'k', ctrlKey: true, isComposing: true }), false);
    await page.waitForTimeout(200);
    assert.equal(hash(page), '#/');
    assert.equal(await page.locator('dialog[open]').count(), 0);
    // The same key without an input method acts.
    assert.equal(await dispatch({ key: 'c' }), true);
    await page.waitForFunction(() => location.hash === '#/new');
  }));

test('axe finds nothing with the palette or the sheet open', () =>
  withApp(app, async ({ page }) => {
    await loadDemo(page);
    await page.keyboard.press('Control+k');
    await palette(page).getByRole('option').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await palette(page).getByRole('combobox').fill('pay');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    await keys(page, '?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  }));
