// SLA timers as a lead watches them: live countdowns, stops and pauses, the what-if clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, withApp, screenshot, createCase, storedDesk, caseRows } from './harness.mjs';

const app = useServedApp();

const row = (page, title) => page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
const timer = (scope, target) => scope.getByRole('timer', { name: new RegExp(`^${target}:`) }).first();
const label = (locator) => locator.getAttribute('aria-label');
/** Seconds left in "First response: On track, 29 m 58 s left". */
const secondsLeft = (text) => {
  const match = text.match(/(\d+) m (\d+) s left/);
  assert.ok(match, `a countdown with seconds: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

test('a new Enterprise case counts down its first response, and the what-if clock shows the breach', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Payments API times out', customer: 'Northwind', tier: 'Enterprise' });
  const cell = row(page, 'Payments API times out');
  const first = timer(cell, 'First response');
  await first.waitFor();
  const before = await label(first);
  assert.match(before, /^First response: On track, \d+ m \d+ s left$/);
  await page.waitForTimeout(2500);
  const later = await label(first);
  assert.ok(secondsLeft(later) < secondsLeft(before), `${later} after ${before}`);
  assert.ok(secondsLeft(before) <= 30 * 60);

  // Every running target shows at once, not only the nearest.
  assert.match(await label(timer(cell, 'Resolution')), /^Resolution: On track, (8 h|7 h 59 m) left$/);

  // Hover explains the deadline.
  await first.hover();
  const tip = page.getByRole('tooltip');
  await assert.doesNotReject(tip.getByText(/^First response: 30 m of business time on "24x7"/).waitFor());
  // Times on the calendar's wall clock as the locale writes them ("Sat, Dec 5, 18:33"), with
  // its offset (the 24x7 calendar is on UTC).
  await assert.doesNotReject(tip.getByText(/^Deadline \w{3}, \w{3} \d{1,2}, \d\d:\d\d UTC\.$/).waitFor());
  const describedBy = await first.getAttribute('aria-describedby');
  assert.equal(await tip.getAttribute('id'), describedBy);

  const storedBefore = await storedDesk(page);
  await page.getByRole('button', { name: 'What-if clock' }).click();
  await page.getByRole('button', { name: '+1 h' }).click();
  await assert.doesNotReject(page.getByText(/What-if clock:/).waitFor());
  await assert.doesNotReject(page.getByRole('button', { name: 'Back to now' }).first().waitFor());
  assert.match(await label(first), /^First response: Breached (29|30) m ago$/);
  // Only breached cases when filtered by SLA state, nothing stored changed.
  await page.getByLabel('SLA', { exact: true }).selectOption({ label: 'Breached' });
  assert.equal(await caseRows(page).count(), 1);
  await page.getByLabel('Sort by').selectOption({ label: 'SLA time left' });
  await screenshot(page, 'sla-inbox');
  assert.equal(await storedDesk(page), storedBefore);

  await page.getByRole('button', { name: 'Back to now' }).first().click();
  await assert.doesNotReject(page.getByText(/What-if clock:/).waitFor({ state: 'detached' }));
  await assert.doesNotReject(page.getByText('No cases match these filters.').waitFor());
  await page.getByLabel('SLA', { exact: true }).selectOption({ label: 'Any' });
  assert.match(await label(first), /^First response: On track/);
}));

test('logging a contact meets the first response; waiting on customer pauses resolution', () => withApp(app, async ({ page }) => {
  await createCase(page, { title: 'Invoices show the wrong VAT', customer: 'Blue Harbor', tier: 'Enterprise' });
  await page.getByRole('link', { name: 'Invoices show the wrong VAT' }).click();
  const panel = page.getByRole('region', { name: 'SLA' });
  await timer(panel, 'First response').waitFor();
  assert.match(await label(timer(panel, 'Next update')), /^Next update: Not started/);

  await page.getByRole('button', { name: 'Log customer contact' }).click();
  await assert.doesNotReject(panel.getByRole('timer', { name: 'First response: Met', exact: true }).waitFor());
  await assert.doesNotReject(panel.getByRole('timer', { name: /^Next update: On track, (2 h|1 h 59 m) left$/ }).waitFor());

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Waiting on customer' });
  await assert.doesNotReject(panel.getByRole('timer', { name: /^Resolution: Paused, (8 h|7 h 59 m) left$/ }).waitFor());
  const paused = await label(timer(panel, 'Resolution'));
  await page.waitForTimeout(1500);
  assert.equal(await label(timer(panel, 'Resolution')), paused);
  await timer(panel, 'Resolution').focus();
  await assert.doesNotReject(page.getByRole('tooltip').getByText(/^Paused since .*: Waiting on customer\.$/).waitFor());
  await screenshot(page, 'sla-case');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await assert.doesNotReject(timeline.getByText(/SLA paused \(Next update, Resolution\): waiting on the customer$/).waitFor());
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await assert.doesNotReject(timeline.getByText(/to In progress; SLA resumed$/).waitFor());
}));

test('Settings > SLA validates time zones and edits targets', () => withApp(app, async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'SLA', exact: true }).waitFor();
  const zone = page.getByLabel('Business hours time zone');
  await zone.fill('Mars/Olympus');
  await zone.press('Tab');
  await assert.doesNotReject(page.getByText('"Mars/Olympus" is not a time zone this browser knows').waitFor());
  assert.equal(await zone.getAttribute('aria-invalid'), 'true');
  // Every zone the browser knows works, not only a compiled-in list.
  await zone.fill('Asia/Kathmandu');
  await zone.press('Tab');
  await assert.doesNotReject(page.getByText('is not a time zone this browser knows').waitFor({ state: 'detached' }));
  await zone.fill('Europe/Berlin');
  await zone.press('Tab');
  // The field suggests the zones the browser knows.
  assert.equal(await zone.getAttribute('list'), 'time-zones');
  for (const name of ['Asia/Seoul', 'Europe/Berlin', 'UTC']) {
    assert.equal(await page.locator(`#time-zones option[value="${name}"]`).count(), 1, name);
  }

  await page.getByLabel('Enterprise First response amount').fill('45');
  await page.getByLabel('Enterprise First response amount').press('Tab');
  await page.getByLabel('Free Resolution unit').selectOption({ label: 'no target' });
  await page.getByLabel('Business hours Monday hours').fill('08:00-12:00, 13:00-17:00');
  await page.getByLabel('Business hours Monday hours').press('Tab');
  await assert.doesNotReject(page.getByRole('heading', { name: 'SLA compliance report' }).waitFor());
  const settings = JSON.parse(await storedDesk(page)).data.settings.sla;
  assert.deepEqual(settings.policies.enterprise.first_response, { amount: 45, unit: 'minutes' });
  assert.equal(settings.policies.free.resolution, null);
  const business = settings.calendars.find((c) => c.name === 'Business hours');
  assert.equal(business.time_zone, 'Europe/Berlin');
  await screenshot(page, 'sla-settings');
  // A second team's calendar: added, renamed, and protected while a tier uses it.
  await page.getByRole('button', { name: 'Add calendar' }).click();
  await page.getByLabel('Calendar 3 name').fill('Seoul office');
  await page.getByLabel('Calendar 3 name').press('Tab');
  await assert.doesNotReject(page.getByRole('group', { name: 'Seoul office' }).waitFor());
  await page.getByRole('button', { name: 'Remove Business hours' }).click();
  await assert.doesNotReject(page.getByText('Premium, Standard, Free still use this calendar; pick another for them first.').waitFor());
  await page.getByRole('button', { name: 'Remove Seoul office' }).click();
  await assert.doesNotReject(page.getByRole('group', { name: 'Seoul office' }).waitFor({ state: 'detached' }));
}));
