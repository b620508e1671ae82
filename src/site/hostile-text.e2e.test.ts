/**
 * Scan text is data, never markup. A scan full of HTML, scripts, event
 * handlers, javascript: URLs, Markdown, template syntax, `</script>` and
 * bidi controls is built, and every view is checked in Chromium: no script
 * runs, no element appears that the templates did not make, and the hostile
 * strings show up literally. Feeds, JSON and JSON-LD are checked as data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from '../build.ts';
import { serveStatic } from '../serve/static-server.ts';
import { launchChromium } from '../util/chromium.ts';

const ROOT = path.join(import.meta.dirname, '../..');

const HEADLINE = '标题<script>window.__pwned=1</script>{{ 7*7 }}';
const SCAN = [
  HEADLINE,
  '',
  '正文<img src=x onerror="window.__pwned=2">和<a href="javascript:window.__pwned=3">链接</a>。',
  '',
  '**加粗** # 标题 [点我](javascript:window.__pwned=4) ![图](http://evil.example/x.png) {% raw %}{{ site }}{% endraw %}。',
  '',
  '</script><script>window.__pwned=5</script>结尾\u202e倒序\u202c文字<iframe src="http://evil.example/"></iframe>。',
  '',
  '<svg onload="window.__pwned=6"></svg><style>body{display:none}</style>段落。',
  '',
  '本报记者 李铁',
  '',
].join('\n');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let site: string;

beforeAll(async () => {
  const input = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-in-'));
  fs.mkdirSync(path.join(input, 'jlrb/2024-05-03'), { recursive: true });
  fs.writeFileSync(path.join(input, 'jlrb/paper.json'), '{"name": "吉林日报"}');
  fs.writeFileSync(path.join(input, 'jlrb/2024-05-03/1.txt'), SCAN);
  site = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-out-')), 'site');
  const result = await build({ input, output: site, root: ROOT });
  expect(result.archive.articles).toHaveLength(1);
  server = await serveStatic(site, { port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.server.close();
});

const VIEWS = ['', 'jlrb/2024-05-03/', 'jlrb/2024-05-03/1/', 'jlrb/2024-05-03/1/raw/', 'jlrb/2024-05-03/1/1/', 'jlrb/2024-05-03/1/1/?q=%E6%A0%87%E9%A2%98', 'reporters/李铁/', `search/?q=${encodeURIComponent('正文')}`];

describe('hostile scan text', () => {
  for (const view of VIEWS) {
    it(`should stay text on /${view}`, async () => {
      const page = await browser.newPage();
      const events: string[] = [];
      page.on('dialog', (d) => {
        events.push(`dialog ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url.replace(/\/$/, ''))) events.push(`request ${r.url()}`);
      });
      await page.goto(server.url + view);
      if (view.startsWith('search/')) await expect.poll(() => page.locator('[data-search-results]').getAttribute('data-search-state')).toBe('done');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // No element the templates did not make.
      expect(await page.locator('main img, main iframe, main svg, main style, main script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
      expect(await page.locator('main [onerror], main [onload], main a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator('body').isVisible()).toBe(true);
      expect(events).toEqual([]);
      await page.close();
    });
  }

  it('should show the hostile strings literally on the article page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}jlrb/2024-05-03/1/1/`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('{{ 7*7 }}');
    expect(text).toContain('**加粗**');
    // Brackets next to Chinese text are made full-width, but the link stays text.
    expect(text).toMatch(/\[点我\][(（]javascript:window\.__pwned=4[)）]/);
    expect(await page.title()).toContain('<script>');
    await page.close();
  });

  it('should keep feeds, JSON and JSON-LD as data', async () => {
    const feed = fs.readFileSync(path.join(site, 'feed.xml'), 'utf8');
    expect(feed).not.toMatch(/<script>/);
    const page = await browser.newPage();
    await page.goto(server.url);
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, title: doc.querySelector('entry > title')?.textContent ?? null };
    }, feed);
    expect(parsed.error).toBeNull();
    expect(parsed.title).toContain('<script>');
    await page.close();
    const json = JSON.parse(fs.readFileSync(path.join(site, 'jlrb/2024-05-03/1/1/index.json'), 'utf8'));
    expect(JSON.stringify(json)).toContain('<script>window.__pwned=1</script>');
    const html = fs.readFileSync(path.join(site, 'jlrb/2024-05-03/1/1/index.html'), 'utf8');
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    expect(ld).not.toBeNull();
    expect(ld![1]).not.toMatch(/<\/script/i);
    expect(JSON.parse(ld![1]).headline).toContain('</script>');
  });
});
