/**
 * Screenshots of built pages at desktop and phone width, to look at what a reader sees.
 * Usage: npx tsx scripts/screenshots.ts _site /search/?q=长春 /jlrb/2023-02-01/3/1/   (PNGs in /tmp/shots)
 * A site built with `--base-path /repo/`: BASE=/repo/ npx tsx scripts/screenshots.ts _site /repo/search/?q=长春
 * Each shot is taken once the page has made no request for 500 ms (its search results, images).
 */
import fs from 'node:fs';
import { serveStatic } from '../src/serve/static-server.ts';
import { launchChromium } from '../src/util/chromium.ts';
const [dir, ...paths] = process.argv.slice(2);
fs.mkdirSync('/tmp/shots', { recursive: true });
const { server, url } = await serveStatic(dir, { port: 0, basePath: process.env.BASE ?? '/' });
const browser = await launchChromium();
for (const w of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  for (const [i, p] of paths.entries()) {
    await page.goto(new URL(p, url).href, { waitUntil: 'networkidle' });
    const name = `/tmp/shots/${w}-${i}${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: name, fullPage: w === 375 ? false : true });
    console.log(name);
  }
  await page.close();
}
await browser.close(); server.close();
