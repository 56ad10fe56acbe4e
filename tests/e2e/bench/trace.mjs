// The renderer main thread's tasks while something runs, from a Chromium trace: thread CPU
// time per top-level task, so time taken by other processes on a busy machine does not count.

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
