import { describe, expect, it } from 'vitest';
import { articleRecord, catalogueEntry, newsArticleLd, safeJson } from './structured-data.ts';
import { absoluteUrl, cnDate, excerpt, headlineText, pageLabel, prefixedPath, weekday } from './filters.ts';
import { sample } from './fixtures.ts';

const absolute = (url: string) => absoluteUrl(url, 'https://example.org/', '/archive/');

describe('safeJson', () => {
  it('should not let a headline close the script element', () => {
    const json = safeJson({ headline: '</script><script>alert(1)</script>&' });
    expect(json).not.toContain('<');
    expect(json).not.toContain('&');
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script>&');
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

  it('should strip bidi controls from the headline', () => {
    expect(newsArticleLd({ ...sample, headline: '标\u202E题' }, absolute).headline).toBe('标题');
  });
});

describe('articleRecord and catalogueEntry', () => {
  it('should carry the structured fields and citation', () => {
    const r = articleRecord(sample, absolute);
    expect(r.citation).toBe('张伟国, 代黎黎. 在携手前行中共享机遇共赢发展[N]. 吉林日报, 2023-02-01(3).');
    expect(r.paragraphs).toEqual(sample.paragraphs);
    expect(Object.keys(catalogueEntry(sample, absolute))).toEqual(['id', 'url', 'json', 'headline', 'date', 'paper', 'paperName', 'page', 'byline', 'reporters', 'keywords']);
    expect(catalogueEntry(sample, absolute).json).toBe('https://example.org/archive/jlrb/2023-02-01/3/1/index.json');
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

  it('should join URLs with the site URL and base path, percent-encoding Chinese', () => {
    expect(absoluteUrl('/reporters/张三/', 'https://example.org/', '/')).toBe('https://example.org/reporters/%E5%BC%A0%E4%B8%89/');
    expect(absoluteUrl('/feed.xml', 'https://example.org', 'archive')).toBe('https://example.org/archive/feed.xml');
    expect(absoluteUrl('/', 'https://example.org/sub/', '/x/')).toBe('https://example.org/sub/x/');
    expect(prefixedPath('/a/', '/x/')).toBe('/x/a/');
    expect(prefixedPath('/a/', '/')).toBe('/a/');
  });
});
