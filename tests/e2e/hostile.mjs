// Hostile text for the browser tests: XSS and injection payloads that must stay inert text
// wherever a user can type or import them. Every payload that could run script sets the
// canary `window.__pwned` (or opens a dialog), so a run that executes any of them is caught.

/** The canary the page must never set. */
export const CANARY = '__pwned';
const RUN = `window.${CANARY}=1`;

/** `[class, payload]` pairs; the class names the kind of attack for the report. */
export const PAYLOADS = [
  // Script elements, plain and broken out of the attribute or element they might land in.
  ['script', `<script>${RUN};alert(1)</script>`],
  ['script', `<SCRIPT SRC=data:text/javascript,${RUN}></SCRIPT>`],
  ['script', `"><script>${RUN}</script>`],
  ['script', `'><script>alert(1)</script>`],
  ['script', `</textarea><script>${RUN}</script>`],
  ['script', `</title><script>${RUN}</script>`],
  ['script', `<scr<script>ipt>${RUN}</scr</script>ipt>`],
  ['script', `<script type="module">${RUN}</script>`],
  ['script', `<template><script>${RUN}</script></template>`],
  ['script', `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`],
  ['script', `<!--<img src="--><img src=x onerror=${RUN}//">`],
  // Event-handler attributes.
  ['event handler', `<img src=x onerror=${RUN};alert(1)>`],
  ['event handler', `<img src="x" onerror="alert(1)">Pay button broken`],
  ['event handler', `<svg onload=${RUN}>`],
  ['event handler', `<svg/onload=alert(1)>`],
  ['event handler', `<body onload=${RUN}>`],
  ['event handler', `<details open ontoggle=${RUN}>`],
  ['event handler', `<input autofocus onfocus=${RUN}>`],
  ['event handler', `<video><source onerror=${RUN}></video>`],
  ['event handler', `<audio src=x onerror=alert(1)>`],
  ['event handler', `<marquee onstart=${RUN}>scroll</marquee>`],
  ['event handler', `<div onmouseover="${RUN}">hover me</div>`],
  ['event handler', `" onmouseover="${RUN}" x="`],
  ['event handler', `' autofocus onfocus='${RUN}`],
  ['event handler', `<a href=# onclick=${RUN}>click</a>`],
  // javascript: and data: URLs.
  ['javascript: URL', `javascript:${RUN}`],
  ['javascript: URL', 'JaVaScRiPt:alert(1)'],
  ['javascript: URL', `<a href="javascript:${RUN}">open</a>`],
  ['javascript: URL', 'java\tscript:alert(1)'],
  ['javascript: URL', `<iframe src="javascript:top.${CANARY}=1"></iframe>`],
  ['javascript: URL', `<form action="javascript:${RUN}"><button>go</button></form>`],
  ['javascript: URL', `data:text/html,<script>${RUN}</script>`],
  ['javascript: URL', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
  // SVG with script.
  ['SVG', `<svg><script>${RUN}</script></svg>`],
  ['SVG', `<svg><animate onbegin=${RUN} attributeName=x dur=1s>`],
  ['SVG', '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>'],
  ['SVG', `<svg><foreignObject><iframe srcdoc="<script>parent.${CANARY}=1</script>"></iframe></foreignObject></svg>`],
  // Frames and plugins.
  ['iframe srcdoc', `<iframe srcdoc="<script>parent.${CANARY}=1</script>"></iframe>`],
  ['iframe srcdoc', `<iframe srcdoc="&lt;img src=x onerror=parent.${CANARY}=1&gt;"></iframe>`],
  ['iframe srcdoc', '<object data="javascript:alert(1)"></object>'],
  ['iframe srcdoc', `<embed src="data:text/html,<script>${RUN}</script>">`],
  // CSS.
  ['CSS', '<style>body{display:none}</style>'],
  ['CSS', "<style>@import 'http://evil.example/x.css';</style>"],
  ['CSS', `<div style="width:expression(${RUN})">x</div>`],
  ['CSS', `<div style="background:url(javascript:${RUN})">x</div>`],
  ['CSS', `</style><script>${RUN}</script>`],
  ['CSS', '<link rel=stylesheet href=http://evil.example/x.css>'],
  ['CSS', '*{background:url(//evil.example/t)}'],
  ['meta and base', `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`],
  ['meta and base', '<base href="//evil.example/">'],
  // Text direction and invisible characters.
  ['bidi override', 'Invoice \u202Efdp.exe'],
  ['bidi override', '\u2066isolate\u2069 \u202Bembed\u202C \u200Fmark'],
  ['null byte', `null\u0000byte<script>${RUN}</script>`],
  ['zero-width', 'pay\u200Bment\u200C fails\u200D\uFEFF'],
  ['control characters', '\u0007bell \u001b[31mred\u001b[0m'],
  ['line separators', 'line\u2028separator\u2029paragraph'],
  // Template and markdown injection.
  ['template', `{{constructor.constructor('${RUN}')()}}`],
  ['template', `\${${RUN}}`],
  ['template', '${alert(1)}'],
  ['template', '{{7*7}} #{7*7} <%= 7*7 %>'],
  ['template', `[click](javascript:${RUN})`],
  ['template', `![x](x" onerror="${RUN})`],
  ['template', `&lt;script&gt;${RUN}&lt;/script&gt;`],
  ['template', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  // Spreadsheet formulas.
  ['CSV formula', '=HYPERLINK("http://evil.example","click")'],
  ['CSV formula', "+cmd|' /C calc'!A0"],
  ['CSV formula', "@SUM(1+1)*cmd|' /C calc'!A0"],
  ['CSV formula', "-2+3+cmd|' /C calc'!A0"],
  ['CSV formula', '=1+1'],
  // Breaking out of JSON, CSV and SQL quoting.
  ['quote breaking', '"}],"cases":[{"id":"x"}],"x":"'],
  ['quote breaking', `\\"; ${RUN}; //`],
  ['quote breaking', 'a,"b"",c\nd'],
  ['quote breaking', "'; DROP TABLE cases; --"],
  ['quote breaking', '{"__proto__":{"polluted":1}}'],
  // Long words (a title takes up to 300 characters) and combining marks.
  ['long word', 'Supercalifragilistic'.repeat(14)],
  ['combining marks', 'Z\u0334\u0321\u032aa\u0337l\u0336g\u0338o\u0335'],
];

/** The payload strings alone. */
export const TEXTS = PAYLOADS.map(([, text]) => text);

/** A smaller set, one or two of each class, for fields filled one at a time. */
export const SAMPLE = [...new Map(PAYLOADS.map(([kind, text]) => [kind, text])).values()];

/** A string of about 1 MB with no spaces, the worst case for wrapping; longer than any field allows. */
export const MEGABYTE = `Huge${'x'.repeat(1_000_000)}`;

/**
 * Watches `page` for anything a payload could do: dialogs, requests leaving the app's origin,
 * policy violations, script-capable elements in the document. Call before `goto`.
 */
export function guard(page, origin) {
  const seen = { dialogs: [], requests: [], violations: [] };
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:')) seen.requests.push(url);
  });
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && seen.violations.push(message.text()));
  return seen;
}

/** Runs in the page before its scripts: records policy violations the page reports. */
export function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    window.__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
  );
}

/** `withApp` options for a guarded page of the app at `url`: policy violations are recorded from
 * the first script on, and the test gets what `guard` sees as `prepared`. */
export const guarded = (url) => ({
  setup: (context) => context.addInitScript(recordViolations),
  prepare: (page) => guard(page, new URL(url).origin),
});

/** Elements and attributes that could only come from a payload parsed as HTML. */
export const INJECTED =
  'body script, body style, body iframe, body object, body embed, body base, body meta, body link, img[src="x"], ' +
  'form[action], math, marquee, video, audio, details[open][ontoggle], ' +
  '[onerror], [onload], [onclick], [onmouseover], [onfocus], [ontoggle], [onbegin], [onstart]';
