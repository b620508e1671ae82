import { describe, expect, it } from 'vitest';
import { renderArticleBody, renderTitleField } from './render.ts';
import { NOTE_LABEL } from './corrections.ts';
import type { Correction } from '../types.ts';

const fix = (paragraph: number | undefined, at: number, from: string, to: string, field: Correction['field'] = 'paragraph'): Correction => ({
  field,
  ...(paragraph === undefined ? {} : { paragraph }),
  at,
  from,
  to,
  evidence: 'dictionary',
});

/** The `span.ocr-fix` markup for a correction numbered `n` (1-based in the article's list). */
const mark = (n: number, to: string, from: string, why = '据词频校正') =>
  `<span class="ocr-fix" tabindex="0" aria-describedby="ocr-fix-${n}" data-original="${from}">${to}<span class="ocr-fix__note" id="ocr-fix-${n}" role="tooltip">${NOTE_LABEL}${from}（${why}）</span></span>`;

describe('renderArticleBody with corrections', () => {
  it('should mark a corrected character with the scan reading in a note', () => {
    const html = renderArticleBody({ paragraphs: ['全省县市区。'], kinds: ['text'], truncated: [], corrections: [fix(0, 2, '具', '县')] });
    expect(html).toBe(`<p id="p1">全省${mark(1, '县', '具')}市区。</p>`);
  });

  it('should number the marks by their place in the article and find them in every kind of paragraph', () => {
    const html = renderArticleBody({
      dateline: '本报讯（记者 王小川）',
      paragraphs: ['一进来。', '二、小标题入', '——第三项讲', '图为现场人', '末段已经'],
      kinds: ['text', 'heading', 'list-item', 'caption', 'text'],
      truncated: [4],
      corrections: [fix(0, 1, '讲', '进'), fix(1, 5, '人', '入'), fix(2, 5, '进', '讲'), fix(3, 4, '入', '人'), fix(4, 2, '己', '已')],
    });
    expect(html).toContain(`<p id="p1"><span class="dateline">本报讯（记者 王小川）</span>一${mark(1, '进', '讲')}来。</p>`);
    expect(html).toContain(`<h2 id="p2">二、小标题${mark(2, '入', '人')}</h2>`);
    expect(html).toContain(`<li id="p3">——第三项${mark(3, '讲', '进')}</li>`);
    expect(html).toContain(`<figcaption><span class="photo-caption__label">图片说明</span>图为现场${mark(4, '人', '入')}</figcaption>`);
    expect(html).toContain(`<p id="p5" class="truncated">末段${mark(5, '已', '己')}经<span class="truncation-mark"`);
  });

  it('should count positions in code points', () => {
    const html = renderArticleBody({ paragraphs: ['𠀀𠀀县'], kinds: ['text'], truncated: [], corrections: [fix(0, 2, '具', '县')] });
    expect(html).toBe(`<p id="p1">𠀀𠀀${mark(1, '县', '具')}</p>`);
  });

  it('should leave a correction that does not fit the text unmarked, and the text whole', () => {
    const html = renderArticleBody({ paragraphs: ['全省县市区。'], kinds: ['text'], truncated: [], corrections: [fix(0, 3, '具', '县'), fix(0, 99, '具', '县'), fix(1, 0, '具', '县')] });
    expect(html).toBe('<p id="p1">全省县市区。</p>');
  });

  it('should keep a hostile scan reading as text, escaped, without bidi controls', () => {
    const html = renderArticleBody({ paragraphs: ['甲乙'], kinds: ['text'], truncated: [], corrections: [fix(0, 0, '<img src=x onerror="alert(1)">\u202e&', '甲')] });
    // In a quoted attribute `<` is text; `"` and `&` are written as references.
    expect(html.replace(/ data-original="[^"]*"/, '')).not.toContain('<img');
    expect(html).not.toContain('\u202e');
    expect(html).toContain('data-original="<img src=x onerror=&#x22;alert(1)&#x22;>&#x26;"');
    expect(html).toContain(`${NOTE_LABEL}&#x3C;img src=x onerror="alert(1)">&#x26;（`);
  });

  it('should say when the page itself decided a correction', () => {
    const html = renderArticleBody({ paragraphs: ['黎海滨'], kinds: ['text'], truncated: [], corrections: [{ ...fix(0, 2, '淀', '滨'), evidence: 'page' }] });
    expect(html).toContain('（据本版他处写法校正）');
  });
});

describe('renderTitleField', () => {
  const article = { kicker: ' 引题具市 ', headline: '黎海滨<b>接受\u202e审查', subhead: '副题', untitled: false, corrections: [fix(undefined, 3, '具', '县', 'kicker'), { ...fix(undefined, 2, '淀', '滨', 'headline'), evidence: 'page' as const }] };

  it('should mark corrected characters of the headline and escape the rest, as plainText cleans it', () => {
    expect(renderTitleField(article, 'headline')).toBe(`黎海${mark(2, '滨', '淀', '据本版他处写法校正')}&#x3C;b>接受审查`);
  });

  it('should trim the kicker and ignore corrections whose character is not there', () => {
    // The kicker's correction says 县 at 3, where the text has 市: left unmarked.
    expect(renderTitleField(article, 'kicker')).toBe('引题具市');
    expect(renderTitleField({ ...article, kicker: '引题具县' }, 'kicker')).toBe(`引题具${mark(1, '县', '具')}`);
  });

  it('should give a field without corrections as plain text and an empty headline as 无标题', () => {
    expect(renderTitleField(article, 'subhead')).toBe('副题');
    expect(renderTitleField({ ...article, headline: '', untitled: true }, 'headline')).toBe('（无标题）');
    expect(renderTitleField({ kicker: null, headline: '标题', subhead: null }, 'kicker')).toBe('');
  });
});
