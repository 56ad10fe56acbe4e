// Renders the install icons in pwa/ from style/icon.svg with headless Chromium and writes
// them as palette PNGs (a quarter of the bytes of the RGBA screenshots: they count in the
// download budget). Run by hand when the icon changes: `node scripts/icons.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
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

/** RGBA pixels of `source` drawn at `size` square. */
async function render(page, source, size) {
  const base64 = await page.evaluate(
    async ([source, size]) => {
      const image = new Image();
      image.src = `data:image/svg+xml,${encodeURIComponent(source)}`;
      await image.decode();
      const canvas = new OffscreenCanvas(size, size);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      const bytes = context.getImageData(0, 0, size, size).data;
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    [source, size],
  );
  return Buffer.from(base64, 'base64');
}

/** The 256 most common colours; any other (a few anti-aliased edge pixels) takes the nearest. */
function palette(rgba) {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  const counts = new Map();
  for (const pixel of pixels) counts.set(pixel, (counts.get(pixel) ?? 0) + 1);
  const chosen = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a)).slice(0, 256);
  const channels = (c) => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24];
  // Translucent colours first, so the transparency table can stop at the last of them.
  chosen.sort((a, b) => (a >>> 24 === 255) - (b >>> 24 === 255));
  const index = new Map(chosen.map((c, i) => [c, i]));
  const nearest = (c) => {
    const [r, g, b, a] = channels(c);
    let best = 0;
    let bestDistance = Infinity;
    chosen.forEach((p, i) => {
      const [pr, pg, pb, pa] = channels(p);
      const distance = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2 + (a - pa) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    });
    return best;
  };
  for (const c of counts.keys()) if (!index.has(c)) index.set(c, nearest(c));
  return { colours: chosen.map(channels), indices: Uint8Array.from(pixels, (c) => index.get(c)) };
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let crc = 0xffffffff;
  for (const byte of body) crc = CRC[(crc ^ byte) & 255] ^ (crc >>> 8);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, body.length + 4);
  return out;
}

function png(size, { colours, indices }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit palette indices
  const rows = Buffer.alloc(size * (size + 1));
  for (let y = 0; y < size; y++) rows.set(indices.subarray(y * size, (y + 1) * size), y * (size + 1) + 1);
  const translucent = colours.filter(([, , , a]) => a < 255).map(([, , , a]) => a);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(colours.flatMap(([r, g, b]) => [r, g, b]))),
    ...(translucent.length ? [chunk('tRNS', Buffer.from(translucent))] : []),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const [name, size, source] of [
    ['icon-192.png', 192, svg],
    ['icon-512.png', 512, svg],
    ['icon-maskable-512.png', 512, maskable],
  ]) {
    writeFileSync(join(root, 'pwa', name), png(size, palette(await render(page, source, size))));
  }
} finally {
  await browser.close();
}
