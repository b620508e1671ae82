/**
 * Scan text is data, never markup. A scan full of HTML, scripts, event
 * handlers, javascript: URLs, Markdown, template syntax, `</script>` and
 * bidi controls is built, and every view is checked in Chromium: no script
 * runs, no element appears that the templates did not make, and the hostile
 * strings show up literally. Feeds, JSON and JSON-LD are checked as data.
 *
 * The parser's answer is given a hostile dateline (naming a reporter who is
 * in no byline), photo caption, page furniture, section and corrections
 * (scan readings `<` and an `<img onerror>`) on top of what it finds, so those fields go through the real build whatever the parser makes
 * of the scan; the pages showing them are also validated and checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { build } from '../build.ts';
import { serveStatic } from '../serve/static-server.ts';
import { launchChromium } from '../util/chromium.ts';
import { catalogueEntries } from './fixtures.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

const EXTRA = vi.hoisted(() => ({
  dateline: '本报讯（记者 王小川<img src=x onerror="window.__pwned=7">）{{ 7*7 }}\u202e倒',
  caption: '图为<script>window.__pwned=8</script>现场<a href="javascript:window.__pwned=9">图</a> 本报记者 王小川 摄',
  furniture: ['吉林日报<iframe src="http://evil.example/"></iframe> 2024年5月3日 星期五', '第1版 要闻<svg onload="window.__pwned=10"></svg>', '责任编辑：{% raw %}<style>body{display:none}</style>'],
  section: '要闻<b onmouseover="window.__pwned=11">版</b>',
  // Scan readings of corrected characters: a bare '<' in the headline, markup in the first paragraph.
  headlineFrom: '<',
  paragraphFrom: '<img src=x onerror="window.__pwned=12">\u202e&amp;',
}));

// The parser's real answer plus the hostile dateline, caption, furniture and section.
vi.mock('../parse/parse-page.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../parse/parse-page.ts')>();
  return {
    ...real,
    parsePage: (text: string) => {
      const page = real.parsePage(text);
      const [first, ...rest] = page.articles;
      const article = {
        ...first,
        dateline: EXTRA.dateline,
        reporters: [{ name: '王小川', role: '记者', org: '本报' }, ...first.reporters.filter((r) => r.name !== '王小川')],
        paragraphs: [...first.paragraphs, EXTRA.caption],
        kinds: [...first.kinds, 'caption' as const],
        corrections: [
          { field: 'headline' as const, at: 0, from: EXTRA.headlineFrom, to: Array.from(first.headline)[0], evidence: 'dictionary' as const },
          { field: 'paragraph' as const, paragraph: 0, at: 1, from: EXTRA.paragraphFrom, to: Array.from(first.paragraphs[0])[1], evidence: 'page' as const },
        ],
      };
      return { ...page, articles: [article, ...rest], furniture: EXTRA.furniture.map((text, i) => ({ text, line: i + 1 })), section: EXTRA.section };
    },
  };
});

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
  // Note: no cache (the answer is not the parser's own) and parsing on this thread, where the mock is.
  const result = await build({ input, output: site, root: ROOT, cache: null, workers: 0 });
  expect(result.archive.articles).toHaveLength(1);
  expect(result.archive.articles[0].dateline).toBe(EXTRA.dateline);
  server = await serveStatic(site, { port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.server.close();
});

const VIEWS = [
  '',
  'jlrb/2024-05-03/',
  'jlrb/2024-05-03/1/',
  // The page view with its OCR text open.
  'jlrb/2024-05-03/1/#raw',
  'jlrb/2024-05-03/1/#L1',
  'jlrb/2024-05-03/1/1/',
  'jlrb/2024-05-03/1/1/?q=%E6%A0%87%E9%A2%98',
  `jlrb/2024-05-03/1/1/?q=${encodeURIComponent('王小川')}`,
  'reporters/李铁/',
  'reporters/王小川/',
  `search/?q=${encodeURIComponent('正文')}`,
  `search/?q=${encodeURIComponent('王小川<img')}`,
  // Only the scan reading of a corrected character has this.
  `search/?q=${encodeURIComponent('"__pwned=12"')}`,
  `jlrb/2024-05-03/1/1/?q=${encodeURIComponent('"__pwned=12"')}`,
];

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

  it('should show the hostile dateline, caption, furniture and section literally', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}jlrb/2024-05-03/1/1/`);
    // Bidi controls are dropped, the rest is shown as printed.
    expect(await page.locator('.article__body .dateline').textContent()).toBe(EXTRA.dateline.replace('\u202e', ''));
    expect(await page.locator('.article__body .dateline').evaluate((e) => e.children.length)).toBe(0);
    expect(await page.locator('.article__body figure.photo-caption figcaption').textContent()).toBe(`图片说明${EXTRA.caption}`);
    await page.goto(`${server.url}jlrb/2024-05-03/1/`);
    expect(await page.locator('.furniture__text').allTextContents()).toEqual(EXTRA.furniture);
    expect(await page.locator('h1 .section').textContent()).toBe(EXTRA.section);
    expect(await page.locator('.excerpt .dateline').textContent()).toBe(EXTRA.dateline.replace('\u202e', ''));
    expect(await page.title()).toContain(EXTRA.section);
    await page.close();
  });

  it('should show the scan readings of corrected characters literally, in notes, and list them in the JSON', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}jlrb/2024-05-03/1/1/`);
    const notes = await page.locator('main .ocr-fix__note').allTextContents();
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^扫描原文：<（/);
    expect(notes[1]).toContain(`扫描原文：${EXTRA.paragraphFrom.replace('\u202e', '')}（`);
    expect(await page.locator('h1 .ocr-fix').evaluate((e) => [e.children.length, e.getAttribute('data-original')])).toEqual([1, '<']);
    expect(await page.locator('main .ocr-fix__note *').count()).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(site, 'jlrb/2024-05-03/index.json'), 'utf8')).pages[0].articles[0];
    expect(json.corrections.map((c: { from: string }) => c.from)).toEqual([EXTRA.headlineFrom, EXTRA.paragraphFrom]);
    await page.close();
  });

  it('should find the article by a scan reading only, and mark the corrected character for it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('"__pwned=12"')}`);
    await expect.poll(() => page.locator('[data-search-results]').getAttribute('data-search-state')).toBe('done');
    expect(await page.locator('[data-result]').count()).toBe(1);
    await page.goto(`${server.url}jlrb/2024-05-03/1/1/?q=${encodeURIComponent('"__pwned=12"')}`);
    await expect.poll(() => page.locator('#p1 .ocr-fix mark.search-hit').count()).toBe(1);
    expect(await page.locator('.ocr-fix__note mark').count()).toBe(0);
    await page.close();
  });

  it('should find the article by its dateline and highlight it there', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('"王小川<img"')}`);
    await expect.poll(() => page.locator('[data-search-results]').getAttribute('data-search-state')).toBe('done');
    expect(await page.locator('.search-result a').first().getAttribute('href')).toMatch(/\/jlrb\/2024-05-03\/1\/1\//);
    await page.goto(`${server.url}jlrb/2024-05-03/1/1/?q=${encodeURIComponent('王小川<img')}`);
    await expect.poll(() => page.locator('.article__body .dateline mark.search-hit').count()).toBe(1);
    expect(await page.locator('.article__body .dateline mark.search-hit').textContent()).toBe('王小川<img');
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
    const pageJson = JSON.parse(fs.readFileSync(path.join(site, 'jlrb/2024-05-03/index.json'), 'utf8')).pages[0];
    expect(pageJson.furniture.map((f: { text: string }) => f.text)).toEqual(EXTRA.furniture);
    const json = pageJson.articles[0];
    expect(JSON.stringify(json)).toContain('<script>window.__pwned=1</script>');
    const html = fs.readFileSync(path.join(site, 'jlrb/2024-05-03/1/1/index.html'), 'utf8');
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    expect(ld).not.toBeNull();
    expect(ld![1]).not.toMatch(/<\/script/i);
    expect(JSON.parse(ld![1]).headline).toContain('</script>');
    expect(JSON.parse(ld![1]).dateline).toBe(EXTRA.dateline.replace('\u202e', ''));
    expect(json.dateline).toBe(EXTRA.dateline);
    expect(json.kinds[json.kinds.length - 1]).toBe('caption');
    const catalogue = catalogueEntries((url) => fs.readFileSync(path.join(site, url), 'utf8'));
    expect(catalogue[0].dateline).toBe(EXTRA.dateline);
    expect(catalogue[0].reporters).toContain('王小川');
  });
});

describe('pages with a dateline, a caption and furniture', () => {
  for (const view of ['jlrb/2024-05-03/1/1/', 'jlrb/2024-05-03/1/']) {
    it(`should validate on /${view}`, async () => {
      const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
      const file = path.join(site, view, 'index.html');
      const report = await validator.validateString(fs.readFileSync(file, 'utf8'), file);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    });

    for (const width of [1280, 375]) {
      it(`should have no serious accessibility violation on /${view} at ${width}px`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(server.url + view);
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical').map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations).toEqual([]);
        // Nothing sticks out sideways on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await context.close();
      });
    }
  }
});
