// What the browser benchmarks share: the renderer main thread's tasks while something runs
// (from a Chromium trace: thread CPU time per top-level task, so time taken by other processes
// on a busy machine does not count), medians with their range, the load, the table printed.
import { readFileSync } from 'node:fs';

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The median and the range, in whole milliseconds. */
export const spread = (values) =>
  `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
/** The machine's load averages over 1, 5 and 15 minutes. */
export const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ');

/** Prints a Markdown table: `header` names the columns, `cells(row)` gives a row's. */
export function printTable(header, rows, cells) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, at) => (at === header.length - 1 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) console.log(`| ${cells(row).join(' | ')} |`);
}

/** Traces the browser while `during()` runs; returns its result and the CPU ms of each
 * top-level task of the page's main thread. */
export async function mainThreadTasks(browser, page, during) {
  await browser.startTracing(page, { categories: ['toplevel'] });
  const result = await during();
  const { traceEvents } = JSON.parse(await browser.stopTracing());
  const main = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Nested tasks are part of their parent's time.
  const tasks = traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.tdur ?? e.dur) / 1000);
  return { result, tasks };
}
