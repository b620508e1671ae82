/**
 * #14 Page images in Chromium: a page given as ALTO with an image shows the
 * image with each article's zone outlined and clickable; an article shows
 * its clipping; a search hit is marked on the image of the page and of the
 * clipping; hOCR works the same; a text file with an image and no positions
 * shows the image without zones. The image zooms and pans with the keyboard
 * and buttons; the views validate and pass axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { build, type BuildResult } from '../build.ts';
import { serveStatic } from '../serve/static-server.ts';
import { launchChromium } from '../util/chromium.ts';
import { writeFixturePages } from '../images/fixture-archive.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const DAY = 'jlrb/2024-01-01';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let site: string;
let result: BuildResult;
const errors: string[] = [];

beforeAll(async () => {
  const input = fs.mkdtempSync(path.join(os.tmpdir(), 'img-in-'));
  writeFixturePages(input);
  site = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'img-out-')), 'site');
  result = await build({ input, output: site, root: ROOT, cache: fs.mkdtempSync(path.join(os.tmpdir(), 'img-cache-')) });
  server = await serveStatic(site, { port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.server.close();
});

async function open(url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + url);
  return page;
}

describe('page images', () => {
  it('should build every page with its image and no problem', () => {
    expect(result.archive.problems).toEqual([]);
    for (const n of [1, 2, 3, 4]) expect(fs.existsSync(path.join(site, DAY, String(n), 'page.jpg'))).toBe(true);
  });

  for (const [n, kind] of [
    [1, 'ALTO'],
    [2, 'hOCR'],
    [3, 'a text file with ALTO beside it'],
  ] as const) {
    it(`should outline every article of a page given as ${kind}, and open the article on a click`, async () => {
      const articles = result.archive.issues[0].pages[n - 1].articles;
      const page = await open(`${DAY}/${n}/`);
      const zones = page.locator('.page-image__marks a');
      expect(await zones.count()).toBe(articles.length);
      expect(await zones.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(articles.map((a) => a.url));
      // Each zone lies over the image and has a size.
      const img = (await page.locator('.page-image__img').boundingBox())!;
      for (let i = 0; i < articles.length; i++) {
        const box = (await zones.nth(i).boundingBox())!;
        expect(box.width * box.height).toBeGreaterThan(400);
        expect(box.x).toBeGreaterThanOrEqual(img.x - 1);
        expect(box.y + box.height).toBeLessThanOrEqual(img.y + img.height + 1);
      }
      // Click the middle of the last article's first rectangle.
      const last = articles[articles.length - 1];
      const [x, y, w, h] = last.zone!.rects[0];
      const scan = result.archive.issues[0].pages[n - 1].scan!;
      await page.mouse.click(img.x + ((x + w / 2) * img.width) / scan.width, img.y + ((y + h / 2) * img.height) / scan.height);
      await page.waitForURL(`**${last.url}`);
      expect(await page.locator('h1').textContent()).toContain(last.headline.slice(0, 6));
      await page.close();
    });
  }

  it('should show the clipping on the article page, with the search hit marked', async () => {
    const page = await open(`${DAY}/1/2/?q=${encodeURIComponent('医药')}`);
    const pieces = page.locator('.clipping .clipping__piece');
    expect(await pieces.count()).toBeGreaterThan(0);
    expect((await pieces.first().boundingBox())!.height).toBeGreaterThan(100);
    await expect.poll(() => page.locator('.clipping rect.hit').count()).toBeGreaterThan(3);
    // The first hit lies inside the clipping's first piece.
    const piece = (await pieces.first().boundingBox())!;
    const hit = (await page.locator('.clipping__piece').first().locator('rect.hit').first().boundingBox())!;
    expect(hit.x).toBeGreaterThanOrEqual(piece.x);
    expect(hit.x + hit.width).toBeLessThanOrEqual(piece.x + piece.width + 1);
    await page.close();
  });

  it('should mark a search hit on the page image where the word is printed', async () => {
    // 东北亚 is printed in the third article only: every hit lies in its zone.
    const [, , third, ...others] = result.archive.issues[0].pages[0].articles;
    expect(third.paragraphs.join('')).toContain('东北亚');
    expect(others.concat(result.archive.issues[0].pages[0].articles.slice(0, 2)).some((a) => a.paragraphs.join('').includes('东北亚'))).toBe(false);
    const page = await open(`${DAY}/1/?q=${encodeURIComponent('东北亚')}`);
    const hits = page.locator('.page-image rect.hit');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    const zone = (await page.locator('.page-image__marks a').nth(2).boundingBox())!;
    for (const box of await hits.evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.x).toBeGreaterThanOrEqual(zone.x - 1);
      expect(box.y).toBeGreaterThanOrEqual(zone.y - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(zone.y + zone.height + 1);
    }
    await page.close();
  });

  it('should show an image without zones for a text file with an image beside it', async () => {
    const page = await open(`${DAY}/4/`);
    expect(await page.locator('.page-image__img').isVisible()).toBe(true);
    expect(await page.locator('.page-image__marks').count()).toBe(0);
    expect(await page.locator('.page-image a[href$="scan.png"]').count()).toBe(1);
    await page.close();
  });

  it('should zoom and pan with the keyboard and the buttons', async () => {
    const page = await open(`${DAY}/1/`);
    const view = page.locator('.page-image__view');
    await view.focus();
    await page.keyboard.press('+');
    expect(Number(await view.getAttribute('data-zoom'))).toBeGreaterThan(1);
    const before = await page.locator('.page-image__stage').evaluate((s) => s.style.transform);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.page-image__stage').evaluate((s) => s.style.transform)).not.toBe(before);
    await page.keyboard.press('0');
    expect(Number(await view.getAttribute('data-zoom'))).toBe(1);
    await page.getByRole('button', { name: '放大' }).click();
    expect(Number(await view.getAttribute('data-zoom'))).toBeGreaterThan(1);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('should validate the page views and the article page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
    for (const rel of [`${DAY}/1/`, `${DAY}/2/`, `${DAY}/4/`, `${DAY}/1/2/`]) {
      const file = path.join(site, rel, 'index.html');
      const report = await validator.validateString(fs.readFileSync(file, 'utf8'), file);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${rel} ${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });

  for (const width of [1280, 375]) {
    it(`should have no serious accessibility violation at ${width}px`, async () => {
      for (const rel of [`${DAY}/1/?q=${encodeURIComponent('医药')}`, `${DAY}/1/2/?q=${encodeURIComponent('医药')}`]) {
        const page = await open(rel, width);
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical').map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, rel).toEqual([]);
        await page.close();
      }
    });
  }
});
