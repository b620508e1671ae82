/**
 * #13 Corrected OCR characters in Chromium, on the bundled real page (the
 * parser corrects 具市 → 县市 in paragraph 4 of its first article): the
 * article page marks the character, the scan's reading shows on hover, on
 * keyboard focus and on a tap at 375 px (and goes away again), the page
 * validates and passes axe with the note open; the search page finds the
 * article by 县市 and by 具市, with the corrected text in the snippet; the
 * article highlights either form; the raw OCR view shows the scan as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from '../build.ts';
import { serveStatic } from '../serve/static-server.ts';
import { launchChromium } from '../util/chromium.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const ARTICLE = 'jlrb/2023-02-01/3/1/';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let site: string;
const errors: string[] = [];

beforeAll(async () => {
  const input = fs.mkdtempSync(path.join(os.tmpdir(), 'fix-in-'));
  fs.mkdirSync(path.join(input, 'jlrb/2023-02-01'), { recursive: true });
  fs.writeFileSync(path.join(input, 'jlrb/paper.json'), '{"name": "吉林日报"}');
  fs.copyFileSync(path.join(ROOT, 'src/parse/fixtures/seed-page.txt'), path.join(input, 'jlrb/2023-02-01/3.txt'));
  site = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fix-out-')), 'site');
  const result = await build({ input, output: site, root: ROOT });
  expect(result.exitCode).toBe(0);
  const first = result.archive.articles.find((a) => a.url === `/${ARTICLE}`)!;
  expect(first.corrections).toContainEqual(expect.objectContaining({ field: 'paragraph', paragraph: 3, from: '具', to: '县' }));
  server = await serveStatic(site, { port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.server.close();
});

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + url);
  return page;
}

/** The mark of 县 in paragraph 4 and its note. */
const fixIn = (page: Page) => {
  const mark = page.locator('#p4 .ocr-fix').first();
  return { mark, note: mark.locator('.ocr-fix__note') };
};

describe('a corrected character on the article page', () => {
  it('should be marked in the text, its note hidden until hover, and shown while hovered', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, ARTICLE);
    const { mark, note } = fixIn(page);
    expect(await mark.evaluate((e) => e.firstChild?.textContent)).toBe('县');
    expect(await page.locator('#p4').innerText()).toContain('向县市延伸');
    expect(await note.isVisible()).toBe(false);
    expect(await mark.evaluate((e) => getComputedStyle(e).textDecorationStyle)).toBe('dotted');
    await mark.hover();
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/^扫描原文：具（/);
    await page.mouse.move(5, 5);
    await expect.poll(() => note.isVisible()).toBe(false);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('should show the note to the keyboard on focus, describe the mark with it, and hide it on Escape', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, ARTICLE);
    const { mark, note } = fixIn(page);
    for (let i = 0; i < 60 && !(await mark.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await mark.evaluate((e) => e === document.activeElement)).toBe(true);
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await mark.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    await page.keyboard.press('Escape');
    await expect.poll(() => note.isVisible()).toBe(false);
    await context.close();
  });

  it('should show the note on a tap at 375 px, inside the screen, and hide it on a second tap or a tap elsewhere', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await open(context, ARTICLE);
    const { mark, note } = fixIn(page);
    await mark.scrollIntoViewIfNeeded();
    await mark.tap();
    await expect.poll(() => note.isVisible()).toBe(true);
    const box = (await note.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await mark.tap();
    await expect.poll(() => note.isVisible()).toBe(false);
    await mark.tap();
    await expect.poll(() => note.isVisible()).toBe(true);
    await page.locator('#p2').tap();
    await expect.poll(() => note.isVisible()).toBe(false);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('should validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
    const file = path.join(site, ARTICLE, 'index.html');
    const report = await validator.validateString(fs.readFileSync(file, 'utf8'), file);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });

  for (const width of [1280, 375]) {
    it(`should have no serious accessibility violation with the note open at ${width}px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, hasTouch: width < 600 });
      const page = await open(context, ARTICLE);
      const { mark, note } = fixIn(page);
      await mark.click();
      await expect.poll(() => note.isVisible()).toBe(true);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical').map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  it('should list the corrections in the issue JSON', () => {
    const issue = JSON.parse(fs.readFileSync(path.join(site, path.dirname(path.dirname(ARTICLE)), 'index.json'), 'utf8'));
    const json = issue.pages.flatMap((p: { articles: unknown[] }) => p.articles).find((a: { url: string }) => a.url === `/${ARTICLE}`);
    expect(json.corrections).toContainEqual({ field: 'paragraph', paragraph: 3, at: 22, from: '具', to: '县', evidence: 'dictionary' });
    expect([...json.paragraphs[3]][22]).toBe('县');
  });

  it('should highlight a search for either form on the corrected text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const q of ['县市', '具市', '"向具市延伸"']) {
      const page = await open(context, `${ARTICLE}?q=${encodeURIComponent(q)}`);
      await expect.poll(() => page.locator('#p4 mark.search-hit').count(), { message: q }).toBeGreaterThan(0);
      expect((await page.locator('#p4 mark.search-hit').allTextContents()).join(''), q).toBe(q.startsWith('"') ? '向县市延伸' : '县市');
      // The note is never marked, and the mark still shows it.
      expect(await page.locator('.ocr-fix__note mark').count()).toBe(0);
      await fixIn(page).mark.hover();
      await expect.poll(() => fixIn(page).note.isVisible()).toBe(true);
      await page.close();
    }
    await context.close();
  });
});

describe('the OCR text of the page view', () => {
  it('should show the scan as it was, uncorrected and unmarked', async () => {
    const html = fs.readFileSync(path.join(site, 'jlrb/2023-02-01/3/index.html'), 'utf8');
    const raw = /<pre class="raw"[\s\S]*?<\/pre>/.exec(html)?.[0] ?? '';
    expect(raw).toContain('向具市延伸');
    expect(raw).not.toContain('ocr-fix');
  });
});

describe('the search page', () => {
  for (const q of ['县市', '具市']) {
    it(`should find the article for ${q}, with the corrected text in the snippet`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
      const page = await open(context, `search/?q=${encodeURIComponent(q)}`);
      await expect.poll(() => page.locator('[data-search-results]').getAttribute('data-search-state')).toBe('done');
      const hrefs = await page.locator('[data-result]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(hrefs.some((h) => h?.startsWith(`/${ARTICLE}?q=`))).toBe(true);
      const result = page.locator('.search-result', { has: page.locator(`a[href^="/${ARTICLE}?"]`) });
      expect(await result.locator('.search-snippet').textContent()).not.toContain('具市');
      await context.close();
      expect(errors).toEqual([]);
    });
  }
});
