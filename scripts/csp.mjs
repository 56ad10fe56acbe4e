// Trunk post-build hook (see Trunk.toml): writes the page's Content-Security-Policy into the
// built index.html. The only inline script is the wasm loader trunk writes; it is allowed by
// its hash, computed here from the bytes trunk wrote, so any other inline script is refused.
// Run by hand on a finished build with `node scripts/csp.mjs dist`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');

if (html.includes('http-equiv="Content-Security-Policy"')) {
  throw new Error(`${file} already has a Content-Security-Policy`);
}
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs));
if (inline.length !== 1) {
  // `trunk serve` with live reload adds a second one, rewritten per request, so no hash fits it;
  // Trunk.toml turns live reload off.
  throw new Error(`expected trunk's one inline loader script in ${file}, found ${inline.length}`);
}
const hash = createHash('sha256').update(inline[0][2], 'utf8').digest('base64');

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
  // The app sets no inline style: positions and bar widths go through the CSS object model,
  // which this does not block.
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Before anything that loads: a policy in a meta element covers only what comes after it.
const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) throw new Error(`no <meta charset="utf-8"> in ${file} to put the policy after`);
writeFileSync(file, html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`));
