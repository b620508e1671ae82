/**
 * The built site, checked with real parsers and a real browser: every
 * internal link and asset resolves (also under a base path), the HTML
 * validates, JSON and JSON-LD parse, the feed is Atom; in Chromium a reader
 * walks home → calendar → issue → page → article → reporter at desktop and
 * phone widths with no console error, no request to another host and no
 * serious accessibility violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { build } from '../build.ts';
import { serveStatic } from '../serve/static-server.ts';
import { launchChromium } from '../util/chromium.ts';
import { listFiles } from '../util/files.ts';
import { catalogueEntries } from './fixtures.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'src/parse/fixtures');
const require = createRequire(import.meta.url);

/** Two papers, three dates, several pages in every OCR style. */
function fixtureInput(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-in-'));
  const put = (rel: string, src: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, src), path.join(dir, rel));
  };
  fs.mkdirSync(path.join(dir, 'jlrb'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'jlrb/paper.json'), '{"name": "吉林日报"}');
  put('jlrb/2023-02-01/3.txt', 'seed-page.txt');
  put('jlrb/2024-05-02/1.txt', 'dev-01.txt');
  put('jlrb/2024-05-02/2.txt', 'dev-04.txt');
  fs.mkdirSync(path.join(dir, 'cswb'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cswb/paper.json'), '{"name": "城市晚报"}');
  put('cswb/2024-05-03/1.txt', 'dev-07.txt');
  put('cswb/2024-05-03/2.txt', 'dev-13.txt');
  return dir;
}


/** Internal URLs (href/src) in a built HTML file. */
function links(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) out.push(m[1].replace(/&amp;/g, '&'));
  return out.filter((u) => !/^(https?:|mailto:|data:|#|javascript:)/.test(u));
}

/** The file a site URL resolves to, or null. */
function resolve(site: string, basePath: string, fromFile: string, url: string): string | null {
  const clean = decodeURIComponent(url.split('#')[0].split('?')[0]);
  if (!clean) return fromFile;
  let rel: string;
  if (clean.startsWith('/')) {
    if (!clean.startsWith(basePath)) return null;
    rel = clean.slice(basePath.length);
  } else rel = path.relative(site, path.resolve(path.dirname(fromFile), clean));
  const file = path.join(site, rel);
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  if (fs.existsSync(path.join(file, 'index.html'))) return path.join(file, 'index.html');
  return null;
}

const sites: Record<string, string> = {};

beforeAll(async () => {
  const input = fixtureInput();
  for (const basePath of ['/', '/archive-sub/']) {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'site-out-')), 'site');
    const result = await build({ input, output, basePath, root: ROOT });
    expect(result.exitCode).toBe(0);
    sites[basePath] = output;
  }
});

describe('the built site', () => {
  for (const basePath of ['/', '/archive-sub/']) {
    it(`should resolve every internal link and asset (base path ${basePath})`, () => {
      const site = sites[basePath];
      const broken: string[] = [];
      for (const file of listFiles(site).filter((f) => f.endsWith('.html'))) {
        for (const url of links(fs.readFileSync(file, 'utf8'))) {
          if (!resolve(site, basePath, file, url)) broken.push(`${path.relative(site, file)} → ${url}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it('should have every page reachable by links from the home page', () => {
    const site = sites['/'];
    const seen = new Set<string>();
    const queue = [path.join(site, 'index.html')];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file) || !file.endsWith('.html')) continue;
      seen.add(file);
      for (const url of links(fs.readFileSync(file, 'utf8'))) {
        const target = resolve(site, '/', file, url);
        if (target && !seen.has(target)) queue.push(target);
      }
    }
    const unreachable = listFiles(site)
      .filter((f) => f.endsWith('.html') && !seen.has(f) && !f.endsWith('404.html'))
      .map((f) => path.relative(site, f));
    expect(unreachable).toEqual([]);
  });

  it('should produce valid HTML on every page', async () => {
    // Validity and accessibility rules, not formatting style.
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
    const failures: string[] = [];
    for (const file of listFiles(sites['/']).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(fs.readFileSync(file, 'utf8'), file);
      for (const r of report.results) for (const m of r.messages) failures.push(`${path.relative(sites['/'], file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('should write one JSON file per issue, with its pages and articles, and no file per page, article or raw view', () => {
    const site = sites['/'];
    const files = listFiles(site).map((f) => path.relative(site, f).split(path.sep).join('/'));
    const ARTICLE = /^[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/\d+\/index\.html$/;
    // JSON only per issue: none per page or article, no raw view.
    expect(files.filter((f) => /\/raw\//.test(f) || (f.endsWith('.json') && !/^[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/index\.json$/.test(f) && !f.startsWith('data/') && !f.startsWith('search-index/') && f !== 'build-report.json'))).toEqual([]);
    const articles = files.filter((f) => ARTICLE.test(f));
    expect(articles.length).toBeGreaterThan(5);
    for (const f of articles) {
      const issue = f.replace(/[^/]+\/\d+\/index\.html$/, '');
      const json = JSON.parse(fs.readFileSync(path.join(site, issue, 'index.json'), 'utf8'));
      const [, pageId, n] = /([^/]+)\/(\d+)\/index\.html$/.exec(f)!;
      const i = json.pages.findIndex((p: { page: string }) => p.page === pageId);
      expect(json.pages[i].articles[Number(n) - 1], f).toMatchObject({ url: `/${f.replace(/index\.html$/, '')}`, n: Number(n) });
      // The article page names the file and its place in it.
      expect(fs.readFileSync(path.join(site, f), 'utf8')).toContain(`<a href="/${issue}index.json">本期 JSON</a>（本文在 <code>/pages/${i}/articles/${Number(n) - 1}</code>）`);
    }
  });

  it('should give keyword pages only to keywords of three articles or more, and link only those', () => {
    const site = sites['/'];
    const catalogue = catalogueEntries((url) => fs.readFileSync(path.join(site, url), 'utf8')) as Array<{ keywords: string[] }>;
    const counts = new Map<string, number>();
    for (const a of catalogue) for (const k of new Set(a.keywords)) counts.set(k, (counts.get(k) ?? 0) + 1);
    const pages = fs.readdirSync(path.join(site, 'keywords')).filter((d) => fs.statSync(path.join(site, 'keywords', d)).isDirectory());
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((k) => (counts.get(k) ?? 0) < 3)).toEqual([]);
    expect([...counts].filter(([k, n]) => n >= 3 && !pages.includes(k)).map(([k]) => k)).toEqual([]);
    // Article pages show the other keywords as text.
    const index = fs.readFileSync(path.join(site, 'keywords/index.html'), 'utf8');
    expect([...index.matchAll(/<li><a href="\/keywords\/([^/]+)\/">/g)].map((m) => m[1]).sort()).toEqual([...pages].sort());
    const unlinked = [...counts].find(([, n]) => n < 3)?.[0];
    if (unlinked) {
      const article = listFiles(site).find((f) => /\/\d+\/index\.html$/.test(f) && fs.readFileSync(f, 'utf8').includes(`<li><span>${unlinked}</span></li>`));
      expect(article, unlinked).toBeDefined();
    }
  });

  it('should write JSON files and JSON-LD that parse', () => {
    const site = sites['/'];
    const jsonFiles = listFiles(site).filter((f) => f.endsWith('.json'));
    expect(jsonFiles.length).toBeGreaterThan(1);
    for (const f of jsonFiles) expect(() => JSON.parse(fs.readFileSync(f, 'utf8')), f).not.toThrow();
    let ld = 0;
    for (const f of listFiles(site).filter((f) => f.endsWith('.html'))) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        const data = JSON.parse(m[1]);
        expect(data['@context']).toBe('https://schema.org');
        ld++;
      }
    }
    expect(ld).toBeGreaterThan(0);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(sites['/'], { port: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    server?.server.close();
  });

  it('should parse the feed as Atom', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const feed = fs.readFileSync(path.join(sites['/'], 'feed.xml'), 'utf8');
    const result = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.namespaceURI, entries: doc.getElementsByTagName('entry').length };
    }, feed);
    expect(result).toMatchObject({ error: null, root: 'http://www.w3.org/2005/Atom' });
    expect(result.entries).toBeGreaterThan(0);
    await page.close();
  });

  it('should open the OCR text of a page view at a line a link points to', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const view = 'jlrb/2023-02-01/3/';
    const open = () => page.locator('details#raw').evaluate((d) => (d as HTMLDetailsElement).open);
    await page.goto(`${server.url}${view}`);
    expect(await open()).toBe(false);
    // The page's "OCR 原文" link opens the section.
    await page.locator('main a[href="#raw"]').first().click();
    await expect.poll(open).toBe(true);
    // An address with a line, opened afresh, shows the line, numbered.
    await page.goto(`${server.url}${view}#L5`);
    await expect.poll(open).toBe(true);
    expect(await page.locator('#L5').isVisible()).toBe(true);
    expect(await page.locator('#L5').evaluate((e) => getComputedStyle(e, '::before').content)).toBe('counter(line)');
    await checkPage(page, 'page view with its OCR text open');
    // And a link to a line followed on the page (as the furniture and unplaced lines link), with the section closed.
    await page.locator('details#raw').evaluate((d) => ((d as HTMLDetailsElement).open = false));
    const line = await page.locator('pre.raw > span').evaluateAll((spans) => spans.filter((e) => e.textContent!.trim()).at(-1)!.id);
    await page.evaluate((id) => (location.hash = `#${id}`), line);
    await expect.poll(open).toBe(true);
    expect(await page.locator(`#${line}`).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('should send an address of an earlier build (raw view, article or page JSON, keyword, reporter) on from the 404 page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}404.html`);
    const moved = async (from: string) => {
      // Note: the script navigates away as soon as it runs, so it is added without waiting for it
      // (page.addScriptTag waits, and fails when the navigation wins the race).
      await page.evaluate((to) => {
        history.replaceState(null, '', to);
        const script = document.createElement('script');
        script.src = '/js/moved.js';
        document.head.append(script);
      }, from);
      await page.waitForURL((u) => u.pathname + u.search + u.hash !== from);
      return decodeURIComponent(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash);
    };
    expect(await moved('/jlrb/2023-02-01/3/raw/#L7')).toBe('/jlrb/2023-02-01/3/#L7');
    await page.goto(`${server.url}404.html`);
    expect(await moved('/jlrb/2023-02-01/3/raw/')).toBe('/jlrb/2023-02-01/3/#raw');
    await page.goto(`${server.url}404.html`);
    expect(await moved('/jlrb/2023-02-01/3/2/index.json')).toBe('/jlrb/2023-02-01/index.json');
    await page.goto(`${server.url}404.html`);
    expect(await moved('/jlrb/2023-02-01/3/index.json')).toBe('/jlrb/2023-02-01/index.json');
    await page.goto(`${server.url}404.html`);
    expect(await moved(`/reporters/${encodeURIComponent('欧阳明')}/`)).toBe('/reporters/姓/欧阳/#欧阳明');
    await page.goto(`${server.url}404.html`);
    expect(await moved(`/reporters/${encodeURIComponent('张伟')}/`)).toBe('/reporters/姓/张/#张伟');
    await page.goto(`${server.url}404.html`);
    expect(await moved(`/keywords/${encodeURIComponent('长春')}/`)).toBe('/search/?q=长春');
    await page.close();
  });

  for (const width of [1280, 375]) {
    it(`should walk home → calendar → issue → page → article → reporter and back at ${width}px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url.replace(/\/$/, ''))) problems.push(`request to another host: ${r.url()}`);
      });
      const shots = process.env.SCREENSHOTS;
      /** Follow the first link in <main> whose path matches `pattern`. */
      const step = async (name: string, pattern: RegExp) => {
        const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        const href = hrefs.find((h) => pattern.test(h));
        expect(href, `${name}: no link matching ${pattern} on ${page.url()}`).toBeDefined();
        await page.locator(`main a[href="${href}"]`).first().click();
        await page.waitForURL((u) => decodeURIComponent(u.pathname + u.hash) === decodeURIComponent(href!));
        await checkPage(page, name);
        if (shots) await page.screenshot({ path: path.join(shots, `${width}-${name}.png`), fullPage: true });
        return href!;
      };
      await page.goto(server.url);
      await checkPage(page, 'home');
      if (shots) await page.screenshot({ path: path.join(shots, `${width}-home.png`), fullPage: true });
      await page.locator('a[href="/calendar/"]').first().click();
      await page.waitForURL((u) => u.pathname === '/calendar/');
      await checkPage(page, 'calendar');
      if (shots) await page.screenshot({ path: path.join(shots, `${width}-calendar.png`), fullPage: true });
      // The calendar may list years first; a year page has the month grids.
      const ISSUE = /^\/[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/$/;
      const onCalendar = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      if (!onCalendar.some((h) => ISSUE.test(h))) await step('calendar-year', /^\/calendar\/\d{4}\/$/);
      await step('issue', ISSUE);
      await step('page', /^\/[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/\w+\/$/);
      const articleHref = await step('article', /^\/[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/\w+\/\d+\/$/);
      // A reporter of a few articles links to their entry on the surname's page.
      await step('reporter', /^\/reporters\/([^/]+\/|姓\/[^/]+\/#.+)$/);
      await page.goBack();
      expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(decodeURIComponent(articleHref));
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  async function checkPage(page: Page, name: string) {
    expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical').map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations, `${name}: serious or critical axe violations`).toEqual([]);
  }
});
