import { describe, expect, it } from 'vitest';
import { articleRecord, catalogueEntry, jsonWithList, newsArticleLd, pageRecord, safeJson } from './structured-data.ts';
import { absoluteUrl, cnDate, excerpt, headlineText, pageLabel, prefixedPath, weekday } from './filters.ts';
import { makeArchive, makeArticle, sample } from './fixtures.ts';

/** An article with a dateline, a caption first and its reporter from the dateline only. */
const datelined = makeArticle({
  paper: 'jlrb',
  date: '2024-03-05',
  page: '2',
  dateline: '新华社长春3月4日电（记者 金津秀）',
  byline: null,
  reporters: [{ name: '金津秀', role: '记者', org: '新华社' }],
  paragraphs: ['图为长春街景。新华社记者 金津秀 摄', '小标题', '正文第一段。', '正文第二段。'],
  kinds: ['caption', 'heading', 'text', 'text'],
});

const absolute = (url: string) => absoluteUrl(url, 'https://example.org/', '/archive/');

describe('safeJson', () => {
  it('should not let a headline close the script element', () => {
    const json = safeJson({ headline: '</script><script>alert(1)</script>&' });
    expect(json).not.toContain('<');
    expect(json).not.toContain('&');
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script>&');
  });
});

describe('jsonWithList', () => {
  it('should write the head on the first line and each item of the list on a line of its own', () => {
    const items = [{ id: 'a', text: '第一行\n第二行' }, { id: 'b</script>' }];
    const json = jsonWithList({ year: 2024, count: 2 }, 'articles', items.map((i) => safeJson(i)));
    expect(json.split('\n')).toEqual(['{"year":2024,"count":2,"articles":[', '{"id":"a","text":"第一行\\n第二行"},', '{"id":"b\\u003c/script\\u003e"}', ']}']);
    expect(JSON.parse(json)).toEqual({ year: 2024, count: 2, articles: items });
  });

  it('should stay valid JSON with an empty head or an empty list', () => {
    expect(JSON.parse(jsonWithList({}, 'pages', [safeJson({ n: 1 })]))).toEqual({ pages: [{ n: 1 }] });
    expect(jsonWithList({ url: '/x/' }, 'articles', [])).toBe('{"url":"/x/","articles":[]}');
  });
});

describe('newsArticleLd', () => {
  it('should describe the article with absolute URLs under the base path', () => {
    const ld = newsArticleLd(sample, absolute);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: '在携手前行中共享机遇共赢发展',
      url: 'https://example.org/archive/jlrb/2023-02-01/3/1/',
      datePublished: '2023-02-01T00:00:00+08:00',
      publisher: { '@type': 'Organization', name: '吉林日报' },
      printSection: '要闻',
    });
    expect((ld.author as Array<{ name: string }>).map((a) => a.name)).toEqual(['张伟国', '代黎黎']);
  });

  it('should give the dateline and the dateline reporter as author', () => {
    const ld = newsArticleLd({ ...datelined, dateline: '新华社\u202E长春3月4日电（记者 金津秀）' }, absolute);
    expect(ld.dateline).toBe('新华社长春3月4日电（记者 金津秀）');
    expect(ld.author).toEqual([{ '@type': 'Person', name: '金津秀', url: `https://example.org/archive/reporters/${encodeURIComponent('姓')}/${encodeURIComponent('金')}/#${encodeURIComponent('金津秀')}` }]);
    // The description is the page's <meta name="description">; JSON-LD does not repeat it.
    expect(ld).not.toHaveProperty('description');
    expect(ld).not.toHaveProperty('mainEntityOfPage');
    // <html lang> gives the language; isAccessibleForFree is for paywalled pages.
    expect(ld).not.toHaveProperty('inLanguage');
    expect(ld).not.toHaveProperty('isAccessibleForFree');
    expect(newsArticleLd(sample, absolute)).not.toHaveProperty('dateline');
  });

  it('should strip bidi controls from the headline', () => {
    expect(newsArticleLd({ ...sample, headline: '标\u202E题' }, absolute).headline).toBe('标题');
  });
});

describe('articleRecord and catalogueEntry', () => {
  it('should carry the structured fields and citation', () => {
    const r = articleRecord(sample, absolute);
    expect(r.citation).toBe('张伟国, 代黎黎. 在携手前行中共享机遇共赢发展[N]. 吉林日报, 2023-02-01(3).');
    expect(r.paragraphs).toEqual(sample.paragraphs);
    const view = { article: sample, jsonPointer: '/pages/0/articles/0' };
    expect(Object.keys(catalogueEntry(view, absolute))).toEqual(['id', 'url', 'json', 'jsonPointer', 'n', 'headline', 'date', 'paper', 'paperName', 'page', 'byline', 'dateline', 'reporters', 'keywords']);
    // The JSON of the issue, and where the article is in it.
    expect(catalogueEntry(view, absolute)).toMatchObject({ json: 'https://example.org/archive/jlrb/2023-02-01/index.json', jsonPointer: '/pages/0/articles/0', n: 1 });
  });

  it('should carry the dateline, the kinds and the caption indexes', () => {
    const r = articleRecord(datelined, absolute);
    expect(r).toMatchObject({ byline: null, dateline: '新华社长春3月4日电（记者 金津秀）', kinds: ['caption', 'heading', 'text', 'text'], captions: [0] });
    expect(Object.keys(r).indexOf('dateline')).toBe(Object.keys(r).indexOf('byline') + 1);
    expect(articleRecord(sample, absolute)).toMatchObject({ dateline: null, captions: [] });
    expect(catalogueEntry({ article: datelined, jsonPointer: '/pages/0/articles/0' }, absolute).dateline).toBe('新华社长春3月4日电（记者 金津秀）');
  });
});

describe('pageRecord', () => {
  it('should hold the page and every article of it, in reading order, as articleRecord gives it', () => {
    const second = makeArticle({ paper: 'jlrb', date: '2024-03-05', page: '2', n: 2, headline: '第二篇' });
    const page = makeArchive([datelined, second]).issues[0].pages[0];
    page.furniture = [{ text: '第2版 要闻', line: 2 }];
    page.meta = { dateEstimated: true };
    const r = pageRecord(page, absolute);
    expect(r).toMatchObject({ url: 'https://example.org/archive/jlrb/2024-03-05/2/', paper: 'jlrb', date: '2024-03-05', page: '2', dateEstimated: true, pageEstimated: false, furniture: [{ text: '第2版 要闻', line: 2 }], unplaced: [] });
    expect(r.articles).toEqual([articleRecord(datelined, absolute), articleRecord(second, absolute)]);
    expect((r.articles as Array<{ n: number }>).map((a) => a.n)).toEqual([1, 2]);
  });
});

describe('filters', () => {
  it('should write dates and pages the Chinese way', () => {
    expect(cnDate('2024-05-01')).toBe('2024年5月1日');
    expect(weekday('2024-05-01')).toBe('星期三');
    expect(pageLabel({ page: '3', pageNumber: 3 })).toBe('第3版');
    expect(pageLabel({ page: 'A1', pageNumber: null })).toBe('A1版');
  });

  it('should name untitled articles and cut excerpts', () => {
    expect(headlineText({ headline: '', untitled: true })).toBe('（无标题）');
    expect(excerpt({ paragraphs: ['小标题', '一二三四五'], kinds: ['heading', 'text'] }, 3)).toBe('一二三…');
  });

  it('should leave photo captions out of excerpts', () => {
    expect(excerpt({ paragraphs: ['图为现场。本报记者 张三 摄', '一二三', '图为', '四五'], kinds: ['caption', 'text', 'caption', 'text'] })).toBe('一二三四五');
  });

  it('should cut an excerpt at the same place when it joins only the paragraphs it needs', () => {
    const paragraphs = ['一二 ', ' 三四', '\u202E五六七', '八九十'];
    const kinds = paragraphs.map(() => 'text' as const);
    const whole = (n: number) => {
      const chars = [...paragraphs.join('').replace(/\u202E/g, '').replace(/\s+/g, ' ').trim()];
      return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
    };
    for (let n = 1; n <= 14; n++) expect(excerpt({ paragraphs, kinds }, n), String(n)).toBe(whole(n));
  });

  it('should join URLs with the site URL and base path, percent-encoding Chinese', () => {
    expect(absoluteUrl('/reporters/张三/', 'https://example.org/', '/')).toBe('https://example.org/reporters/%E5%BC%A0%E4%B8%89/');
    expect(absoluteUrl('/feed.xml', 'https://example.org', 'archive')).toBe('https://example.org/archive/feed.xml');
    expect(absoluteUrl('/', 'https://example.org/sub/', '/x/')).toBe('https://example.org/sub/x/');
    expect(prefixedPath('/a/', '/x/')).toBe('/x/a/');
    expect(prefixedPath('/a/', '/')).toBe('/a/');
  });
});
