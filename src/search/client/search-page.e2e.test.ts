/**
 * The search page in Chromium: typing shows results with the matches marked,
 * the query goes into the URL, a result leads to the article with the
 * matches highlighted, the back button returns to the results, and any
 * string as a query answers without error, hang or injection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../build.ts';
import { serveStatic } from '../../serve/static-server.ts';
import { launchChromium } from '../../util/chromium.ts';

const ROOT = path.join(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'src/parse/fixtures');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
const errors: string[] = [];

beforeAll(async () => {
  const input = fs.mkdtempSync(path.join(os.tmpdir(), 'search-site-'));
  fs.mkdirSync(path.join(input, 'jlrb/2023-02-01'), { recursive: true });
  fs.writeFileSync(path.join(input, 'jlrb/paper.json'), '{"name": "吉林日报"}');
  fs.copyFileSync(path.join(FIXTURES, 'seed-page.txt'), path.join(input, 'jlrb/2023-02-01/3.txt'));
  fs.mkdirSync(path.join(input, 'cswb/2024-05-03'), { recursive: true });
  fs.writeFileSync(path.join(input, 'cswb/paper.json'), '{"name": "城市晚报"}');
  fs.copyFileSync(path.join(FIXTURES, 'dev-07.txt'), path.join(input, 'cswb/2024-05-03/1.txt'));
  // A hostile page: its text must stay text in snippets and highlights.
  fs.writeFileSync(path.join(input, 'cswb/2024-05-03/2.txt'), '长春测试标题<img src=x onerror=alert(1)>\n\n长春<script>window.__pwned=1</script>的内容,长春[链接](javascript:alert(1))。\n\n本报记者 李铁\n');
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'search-out-')), 'site');
  const base = '/sub/';
  const result = await build({ input, output, basePath: base, root: ROOT });
  expect(result.exitCode).toBe(0);
  server = await serveStatic(output, { port: 0, basePath: base });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.server.close();
});

async function open(): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}

const results = (page: Page) => page.locator('[data-search-results]');
const done = (page: Page) => expect.poll(() => results(page).getAttribute('data-search-state')).toBe('done');

describe('search page', () => {
  it('should show results as the reader types, with matches marked and the query in the URL', async () => {
    const page = await open();
    await page.goto(`${server.url}search/`);
    await page.locator('input[name="q"]').pressSequentially('珲春', { delay: 30 });
    await expect.poll(() => page.locator('[data-result]').count()).toBeGreaterThan(0);
    await done(page);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/找到 \d+ 篇文章/);
    const marks = await page.locator('.search-snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === '珲春')).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('珲春');
    await page.close();
  });

  it('should follow a result to the article, highlight the matches there, and come back with the back button', async () => {
    const page = await open();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('长春 合作')}`);
    await done(page);
    const first = page.locator('[data-result]').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/sub\/jlrb\/2023-02-01\/3\/\d+\/\?q=/);
    expect(await page.locator('h1').textContent()).toContain(title!.trim());
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    await page.goBack();
    await done(page);
    expect(await page.locator('input[name="q"]').inputValue()).toBe('长春 合作');
    expect(await page.locator('[data-result]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('should apply the paper filter from the URL', async () => {
    const page = await open();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('长春')}&paper=cswb`);
    await done(page);
    const metas = await page.locator('.search-meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((m) => m.startsWith('城市晚报'))).toBe(true);
    await page.close();
  });

  it('should keep scan text as text in results and highlights', async () => {
    const page = await open();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('长春')}&paper=cswb`);
    await done(page);
    expect(await page.locator('[data-search-results] img, [data-search-results] script').count()).toBe(0);
    const link = page.locator('[data-result]', { hasText: '长春测试标题' });
    expect(await link.textContent()).toContain('<img src=x onerror=alert(1)>');
    await link.click();
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img, main script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
    await page.close();
  });

  it('should answer any string without error or hang', async () => {
    const page = await open();
    await page.goto(`${server.url}search/`);
    for (const q of ['，。！', '😀😀', '.*+?^${}()|[]\\', '"长春', '"', '<b>长春</b>', '长'.repeat(300), '春节联欢']) {
      await page.locator('input[name="q"]').fill(q);
      await page.locator('input[name="q"]').press('Enter');
      await done(page);
      expect(await page.locator('[data-search-status]').textContent()).not.toMatch(/出错/);
    }
    expect(await page.locator('[data-search-results] b').count()).toBe(0);
    await page.close();
  });

  it('should have logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
