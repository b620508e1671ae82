import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Eleventy, { HtmlBasePlugin } from '@11ty/eleventy';
import { prefixUrls } from './prefix-urls.ts';

/** A page with every kind of URL the templates write, and text and data that look like URLs. */
const PAGE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<link rel="stylesheet" href="/css/site.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<!-- <a href="/in-a-comment/"> -->
<script type="application/ld+json">{"url":"/jlrb/","x":"<a href=\\"/not-markup/\\">"}</script>
<style>a[href="/styled/"] { color: red }</style>
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<form class="site-search" action="/search/" method="get" role="search"><input type="search" aria-label="检索全文" data-search-form></form>
<a href="/">首页</a> <a href='/calendar/'>往期</a> <a href=/keywords/长春/>长春</a>
<a href="https://example.org/x/">外链</a> <a href="//cdn.example.org/y">cdn</a> <a href="mailto:a@example.org">信</a> <a href="page/2/">相对</a> <a href="?q=1">问</a>
<a data-note="a > b" title='"/quoted/"' href="/search/?q=%E9%95%BF%E6%98%A5&amp;sort=date">检索</a>
<img src="/jlrb/2023-02-01/3.jpg" srcset="/jlrb/a.jpg 1x, /jlrb/b.jpg 2x, https://example.org/c.jpg 3x" alt="版面">
<ol class="search-results" data-index="/search-index/" data-base="/"></ol>
<p>OCR 文字里的 href="/text/" 与 /pages/0/articles/0 照录，<code>/code/</code></p>
<pre class="raw"><span id="L1">src=&quot;/raw/&quot; &lt;a href="/escaped/"&gt;</span></pre>
<script src="/js/copy.js" defer></script><SCRIPT SRC="/js/upper.js"></SCRIPT>
</body>
</html>
`;

describe('prefixUrls', () => {
  it('should put the base path in front of every site-relative URL of a URL attribute', () => {
    const html = prefixUrls(PAGE, '/archive/');
    for (const attr of [
      'href="/archive/css/site.css"',
      'action="/archive/search/"',
      '<a href="/archive/">首页</a>',
      "href='/archive/calendar/'",
      'href=/archive/keywords/长春/>',
      'href="/archive/search/?q=%E9%95%BF%E6%98%A5&amp;sort=date"',
      'src="/archive/jlrb/2023-02-01/3.jpg"',
      'srcset="/archive/jlrb/a.jpg 1x, /archive/jlrb/b.jpg 2x, https://example.org/c.jpg 3x"',
      '<script src="/archive/js/copy.js" defer>',
      '<SCRIPT SRC="/archive/js/upper.js">',
    ]) {
      expect(html).toContain(attr);
    }
  });

  it('should leave other URLs, other attributes, text, comments, scripts and styles as they are', () => {
    const html = prefixUrls(PAGE, '/archive/');
    for (const kept of [
      'href="#main"',
      'href="https://example.org/x/"',
      'href="//cdn.example.org/y"',
      'href="mailto:a@example.org"',
      'href="page/2/"',
      'href="?q=1"',
      `data-note="a > b" title='"/quoted/"'`,
      'data-index="/search-index/" data-base="/"',
      'OCR 文字里的 href="/text/" 与 /pages/0/articles/0 照录，<code>/code/</code>',
      '<span id="L1">src=&quot;/raw/&quot; &lt;a href="/escaped/"&gt;</span>',
      '<!-- <a href="/in-a-comment/"> -->',
      '{"url":"/jlrb/","x":"<a href=\\"/not-markup/\\">"}',
      'a[href="/styled/"]',
    ]) {
      expect(html).toContain(kept);
    }
    expect(prefixUrls(PAGE, '/')).toBe(PAGE);
  });

  it("should rewrite what Eleventy's HtmlBasePlugin rewrites, to the same URLs", async () => {
    // Markup as the templates write it: posthtml quotes every value with " and reads tag names as written.
    const page = PAGE.replace(` <a href='/calendar/'>往期</a> <a href=/keywords/长春/>长春</a>`, '')
      .replace(` title='"/quoted/"'`, '')
      .replace('<SCRIPT SRC="/js/upper.js"></SCRIPT>', '');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prefix-urls-'));
    try {
      fs.writeFileSync(path.join(dir, 'index.html'), page);
      const elev = new Eleventy(dir, path.join(dir, '_out'), {
        quietMode: true,
        pathPrefix: '/archive/',
        config: (c: { addPlugin(p: unknown): void; setTemplateFormats(f: string[]): void }) => {
          c.addPlugin(HtmlBasePlugin);
          c.setTemplateFormats(['html']);
        },
      });
      const [out] = await elev.toJSON();
      // The plugin's posthtml writes an empty attribute as `x=""`; the page is otherwise its own.
      const plugin = out.content.replace(/ (defer|data-search-form)=""/g, ' $1');
      expect(prefixUrls(page, '/archive/')).toBe(plugin);
      expect(plugin).not.toBe(page);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
