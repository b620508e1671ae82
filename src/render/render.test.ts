import { describe, expect, it } from 'vitest';
import { renderArticleBody, renderMarkdown } from './render.ts';
import { processor } from './processor.ts';
import { TRUNCATION_MARK } from './plugins/rehype-truncation-marks.ts';

/** Body with only text paragraphs. */
function body(paragraphs: string[], truncated: number[] = []) {
  return renderArticleBody({ paragraphs, kinds: paragraphs.map(() => 'text' as const), truncated });
}

describe('renderArticleBody', () => {
  it('should render a script tag in OCR text as literal text', () => {
    const html = body(['<script>alert(1)</script>']);
    expect(html).not.toContain('<script');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('should not parse Markdown emphasis, headings or links in OCR text', () => {
    const html = body(['**x**', '# h', '[x](javascript:alert(1))']);
    expect(html).toBe('<p id="p1">**x**</p>\n<p id="p2"># h</p>\n<p id="p3">[x](javascript:alert(1))</p>');
    expect(html).not.toContain('<a');
    expect(html).not.toContain('<strong');
  });

  it('should keep template syntax literal', () => {
    expect(body(['{{ 7*7 }} {% raw %}'])).toBe('<p id="p1">{{ 7*7 }} {% raw %}</p>');
  });

  it('should escape ampersands and strip bidi controls', () => {
    expect(body(['A&B \u202Eevil\u2066'])).toBe('<p id="p1">A&#x26;B evil</p>');
  });

  it('should give paragraphs 1-based ids p1, p2, …', () => {
    expect(body(['甲', '乙', '丙'])).toBe('<p id="p1">甲</p>\n<p id="p2">乙</p>\n<p id="p3">丙</p>');
  });

  it('should mark truncated paragraphs with a class and a titled marker', () => {
    const html = body(['甲', '乙'], [1]);
    expect(html).toContain('<p id="p1">甲</p>');
    expect(html).toMatch(/<p id="p2" class="truncated">乙<span class="truncation-mark" title="[^"]+">（未完）<\/span><\/p>/);
    expect(TRUNCATION_MARK).toBe('（未完）');
  });

  it('should render heading paragraphs as h2 and group list items into one dash list', () => {
    const html = renderArticleBody({
      paragraphs: ['导语。', '一、小标题', '——第一项；', '——第二项。', '结语。'],
      kinds: ['text', 'heading', 'list-item', 'list-item', 'text'],
      truncated: [],
    });
    expect(html).toBe(
      '<p id="p1">导语。</p>\n<h2 id="p2">一、小标题</h2>\n<ul class="dash-list">\n<li id="p3">——第一项；</li>\n<li id="p4">——第二项。</li>\n</ul>\n<p id="p5">结语。</p>',
    );
  });

  it('should mark a truncated list item', () => {
    const html = renderArticleBody({ paragraphs: ['——甲'], kinds: ['list-item'], truncated: [0] });
    expect(html).toContain('<li id="p1" class="truncated">——甲<span class="truncation-mark"');
  });

  it('should render an empty body as an empty string', () => {
    expect(body([])).toBe('');
  });
});

describe('renderMarkdown', () => {
  it('should render Markdown pages through the same processor', () => {
    expect(renderMarkdown('# 关于\n\n正文 *强调*')).toBe('<h1>关于</h1>\n<p>正文 <em>强调</em></p>');
  });

  it('should drop raw HTML from Markdown pages', () => {
    expect(renderMarkdown('a <script>alert(1)</script> b')).not.toContain('<script');
  });
});

describe('processor', () => {
  it('should be frozen', () => {
    expect(() => processor.use(() => {})).toThrow(/frozen/);
  });
});
