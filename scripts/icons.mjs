// Renders the install icons in pwa/ from style/icon.svg with headless Chromium.
//   node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'style', 'icon.svg'), 'utf8');
// Maskable: the tile fills the square and the glyph shrinks into the central safe circle
// (radius 40%), since the launcher cuts the shape itself.
const maskable = svg
  .replace('viewBox="0 0 64 64"', 'viewBox="-6 -6 76 76"')
  .replace('<rect width="64" height="64" rx="14"', '<rect x="-6" y="-6" width="76" height="76"');
if (maskable === svg) throw new Error('style/icon.svg changed shape: update the maskable rewrite');

const icons = [
  ['icon-192.png', 192, svg],
  ['icon-512.png', 512, svg],
  ['icon-maskable-512.png', 512, maskable],
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  for (const [name, size, source] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
    const file = join(root, 'pwa', name);
    await page.screenshot({ path: file, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
