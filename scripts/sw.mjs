// Trunk post-build step (run after scripts/csp.mjs by scripts/post-build.mjs): writes the
// service worker into the build with the list of files it precaches and a version made from
// their contents, since trunk's hashed names change with every build that changes a file.
// Run by hand on a finished build with `node scripts/sw.mjs dist`.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const WORKER = 'sw.js';
// Everything, the install icons included: the browser fetches them for the manifest offline too.
const files = readdirSync(dir)
  .filter((file) => file !== WORKER && statSync(join(dir, file)).isFile())
  .sort();
if (!files.includes('index.html')) throw new Error(`no index.html in ${dir}`);

const hash = createHash('sha256');
for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(dir, file)));
const shell = { version: hash.digest('hex').slice(0, 16), files };

const template = readFileSync(join(import.meta.dirname, '..', 'pwa', WORKER), 'utf8');
const placeholder = 'const SHELL = null;';
if (!template.includes(placeholder)) throw new Error(`pwa/${WORKER} lost its line \`${placeholder}\``);
// Comment lines are for readers of pwa/, not for every visitor's download.
const worker = template.replace(/^\s*\/\/.*\n/gm, '').replace(placeholder, `const SHELL = ${JSON.stringify(shell)};`);
writeFileSync(join(dir, WORKER), worker);
