import { describe, expect, it } from 'vitest';
import { renderArticleBody, renderMarkdown } from './render.ts';
import { processor } from './processor.ts';
import { TRUNCATION_MARK } from './plugins/rehype-truncation-marks.ts';
import { CAPTION_LABEL } from './plugins/remark-article-captions.ts';

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

  it('should run the dateline in at the start of the first paragraph, keeping its id p1', () => {
    const html = renderArticleBody({ dateline: '本报讯（记者 张伟国）', paragraphs: ['今年以来。', '第二段。'], kinds: ['text', 'text'], truncated: [] });
    expect(html).toBe('<p id="p1"><span class="dateline">本报讯（记者 张伟国）</span>今年以来。</p>\n<p id="p2">第二段。</p>');
  });

  it('should set a dateline without a closing bracket off from the text', () => {
    const html = renderArticleBody({ dateline: '新华社长春3月9日电', paragraphs: ['正文。'], kinds: ['text'], truncated: [] });
    expect(html).toBe('<p id="p1"><span class="dateline dateline--gap">新华社长春3月9日电</span>正文。</p>');
  });

  it('should put the dateline in the first paragraph that is not a caption', () => {
    const html = renderArticleBody({ dateline: '本报讯', paragraphs: ['图为现场。', '正文。'], kinds: ['caption', 'text'], truncated: [] });
    expect(html).toContain('<p id="p2"><span class="dateline dateline--gap">本报讯</span>正文。</p>');
    expect(html.indexOf('photo-caption')).toBeLessThan(html.indexOf('dateline'));
  });

  it('should give the dateline a paragraph of its own before a heading or in an empty body', () => {
    expect(renderArticleBody({ dateline: '本报讯', paragraphs: ['一、小标题', '正文。'], kinds: ['heading', 'text'], truncated: [] })).toBe(
      '<p class="dateline-only"><span class="dateline dateline--gap">本报讯</span></p>\n<h2 id="p1">一、小标题</h2>\n<p id="p2">正文。</p>',
    );
    expect(renderArticleBody({ dateline: '本报讯', paragraphs: [], kinds: [], truncated: [] })).toBe('<p class="dateline-only"><span class="dateline dateline--gap">本报讯</span></p>');
  });

  it('should keep a truncation mark at the end of a paragraph that starts with the dateline', () => {
    const html = renderArticleBody({ dateline: '本报讯（记者 李铁）', paragraphs: ['正文'], kinds: ['text'], truncated: [0] });
    expect(html).toMatch(/^<p id="p1" class="truncated"><span class="dateline">本报讯（记者 李铁）<\/span>正文<span class="truncation-mark"/);
  });

  it('should escape markup in the dateline and strip its bidi controls', () => {
    const html = renderArticleBody({ dateline: '本报讯<script>alert(1)</script>\u202E{{ 7*7 }}', paragraphs: ['正文。'], kinds: ['text'], truncated: [] });
    expect(html).not.toContain('<script');
    expect(html).toContain('<span class="dateline dateline--gap">本报讯&#x3C;script>alert(1)&#x3C;/script>{{ 7*7 }}</span>');
  });

  it('should render a caption as a labelled figcaption in a figure carrying the paragraph id', () => {
    const html = renderArticleBody({ paragraphs: ['正文。', '图为现场。本报记者 张三 摄'], kinds: ['text', 'caption'], truncated: [] });
    expect(html).toBe(
      `<p id="p1">正文。</p>\n<figure class="photo-caption" id="p2">\n<figcaption><span class="photo-caption__label">${CAPTION_LABEL}</span>图为现场。本报记者 张三 摄</figcaption>\n</figure>`,
    );
  });

  it('should put the truncation mark of a caption inside its figcaption', () => {
    const html = renderArticleBody({ paragraphs: ['图为'], kinds: ['caption'], truncated: [0] });
    expect(html).toMatch(/<figure class="photo-caption" id="p1">\n<figcaption class="truncated"><span class="photo-caption__label">图片说明<\/span>图为<span class="truncation-mark" title="[^"]+">（未完）<\/span><\/figcaption>\n<\/figure>/);
  });

  it('should escape markup in a caption', () => {
    const html = renderArticleBody({ paragraphs: ['图为<img src=x onerror=alert(1)>**x**'], kinds: ['caption'], truncated: [] });
    expect(html).not.toContain('<img');
    expect(html).toContain('图为&#x3C;img src=x onerror=alert(1)>**x**</figcaption>');
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
