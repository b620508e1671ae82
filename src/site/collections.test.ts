import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  archiveStats,
  articleViews,
  calendarYears,
  catalogueYears,
  citation,
  groupByKeyword,
  groupByReporter,
  issueViews,
  monthGrid,
  pageViews,
  readingRoom,
  RelatedArticles,
  REPORTER_PAGE_MIN,
  slugify,
} from './collections.ts';
import { reporterUrl } from './structured-data.ts';
import { makeArchive, makeArticle, sample } from './fixtures.ts';

const reporter = (name: string) => ({ name, role: '记者', org: '吉林日报' });

describe('citation', () => {
  it('should format a newspaper article in GB/T 7714 form', () => {
    expect(citation(sample)).toBe('张伟国, 代黎黎. 在携手前行中共享机遇共赢发展[N]. 吉林日报, 2023-02-01(3).');
  });

  it('should leave out the authors when there is no byline', () => {
    expect(citation({ ...sample, byline: null, reporters: [] })).toBe('在携手前行中共享机遇共赢发展[N]. 吉林日报, 2023-02-01(3).');
  });

  it('should use the page id when the page number is unknown', () => {
    expect(citation({ ...sample, reporters: [], page: 'A1', pageNumber: null })).toBe('在携手前行中共享机遇共赢发展[N]. 吉林日报, 2023-02-01(A1).');
  });
});

describe('slugify', () => {
  it('should keep Chinese names as they are', () => {
    expect(slugify('张伟国')).toBe('张伟国');
  });

  it('should drop characters that break a path or a permalink', () => {
    expect(slugify('a/b?c#d%e&f<g>"\'h')).toBe('abcdefgh');
  });

  it('should never return an empty or dot-only segment', () => {
    expect(slugify('/')).toBe('_2f');
    expect(slugify('..')).toBe('_2e-2e');
  });
});

describe('groupByReporter', () => {
  const a1 = makeArticle({ paper: 'jlrb', date: '2024-05-02', page: '1', n: 1, reporters: [reporter('张三'), reporter('李四')] });
  const a2 = makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '1', n: 1, reporters: [reporter('张三')] });
  const a3 = makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '1', n: 2, reporters: [] });

  it('should list every article of each reporter, newest first, biggest group first', () => {
    const groups = groupByReporter([a1, a2, a3]);
    expect(groups.map((g) => [g.name, g.url, g.articles.map((a) => a.id)])).toEqual([
      ['张三', '/reporters/张三/', ['jlrb/2024-05-02/1/1', 'jlrb/2024-05-01/1/1']],
      ['李四', '/reporters/李四/', ['jlrb/2024-05-02/1/1']],
    ]);
  });

  it('should give a reporter named only in a dateline a group, and cite them', () => {
    const datelined = makeArticle({
      paper: 'jlrb',
      date: '2024-05-03',
      page: '2',
      n: 1,
      headline: '春耕',
      byline: null,
      dateline: '本报讯（记者 王小川）',
      reporters: [{ name: '王小川', role: '记者', org: '本报' }],
    });
    const groups = groupByReporter([datelined, a1]);
    expect(groups.find((g) => g.name === '王小川')).toMatchObject({ url: '/reporters/王小川/', articles: [datelined] });
    expect(citation(datelined)).toBe('王小川. 春耕[N]. 吉林日报, 2024-05-03(2).');
    const room = readingRoom(makeArchive([datelined]));
    expect(room.surnames.map((s) => [s.surname, s.reporters.map((g) => g.name)])).toEqual([['王', ['王小川']]]);
    expect(reporterUrl('王小川')).toBe('/reporters/姓/王/#王小川');
  });

  it('should give a page to reporters of REPORTER_PAGE_MIN articles and list the others, with their articles, on their surname\'s page', () => {
    const by = (name: string, n: number, date = '2024-05-03') =>
      makeArticle({ paper: 'jlrb', date, page: '1', n, byline: `记者 ${name}`, reporters: [{ name, role: '记者', org: null }] });
    const many = Array.from({ length: REPORTER_PAGE_MIN }, (_, i) => by('张伟', i + 1, `2024-05-0${i + 1}`));
    const archive = makeArchive([...many, by('张小', 5), by('欧阳明', 6), by('欧小', 7)]);
    const room = readingRoom(archive);
    expect(room.reporters.map((g) => [g.name, g.url])).toEqual([['张伟', '/reporters/张伟/']]);
    expect(room.surnames.map((s) => [s.surname, s.url, s.reporters.map((g) => [g.name, g.page])])).toEqual([
      ['欧', '/reporters/姓/欧/', [['欧小', null]]],
      ['欧阳', '/reporters/姓/欧阳/', [['欧阳明', null]]],
      ['张', '/reporters/姓/张/', [['张伟', '/reporters/张伟/'], ['张小', null]]], // by pinyin: wei, xiao
    ]);
    // Names link to their entry on the surname page, with a page of their own or not: the link does not change as articles are added.
    expect(['张伟', '张小', '欧阳明'].map(reporterUrl)).toEqual(['/reporters/姓/张/#张伟', '/reporters/姓/张/#张小', '/reporters/姓/欧阳/#欧阳明']);
  });

  it('should count a reporter named twice in one byline once', () => {
    const twice = { ...a2, reporters: [reporter('张三'), reporter('张三')] };
    expect(groupByReporter([twice])[0].articles).toHaveLength(1);
  });
});

describe('groupByKeyword', () => {
  it('should group articles under each keyword', () => {
    const a = makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '1', n: 1, keywords: ['冰雪', '旅游'] });
    const b = makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '1', n: 2, keywords: ['冰雪'] });
    expect(groupByKeyword([a, b]).map((g) => [g.name, g.url, g.articles.length])).toEqual([
      ['冰雪', '/keywords/冰雪/', 2],
      ['旅游', '/keywords/旅游/', 1],
    ]);
  });
});

describe('RelatedArticles', () => {
  it('should rank by shared keywords, then newer first, excluding the article itself', () => {
    const me = makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '1', n: 1, keywords: ['甲', '乙', '丙'] });
    const two = makeArticle({ paper: 'jlrb', date: '2024-04-01', page: '1', n: 1, keywords: ['甲', '乙'] });
    const oneOld = makeArticle({ paper: 'jlrb', date: '2024-03-01', page: '1', n: 1, keywords: ['丙'] });
    const oneNew = makeArticle({ paper: 'jlrb', date: '2024-06-01', page: '1', n: 1, keywords: ['甲'] });
    const none = makeArticle({ paper: 'jlrb', date: '2024-06-02', page: '1', n: 1, keywords: ['丁'] });
    const related = new RelatedArticles(groupByKeyword([none, oneNew, me, two, oneOld]));
    expect(related.of(me).map((a) => a.date)).toEqual(['2024-04-01', '2024-06-01', '2024-03-01']);
    expect(related.of(me, 1)).toHaveLength(1);
  });

  it('should pick the same articles as sorting every candidate', () => {
    const words = ['甲', '乙', '丙', '丁', '戊'];
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 1, max: 4 }), keywords: fc.subarray(words) }), { minLength: 1, maxLength: 30 }), (specs) => {
        const articles = specs.map((s, i) => makeArticle({ paper: 'jlrb', date: `2024-05-0${s.day}`, page: String(i + 1), n: 1, keywords: s.keywords }));
        const groups = new Map(groupByKeyword(articles).map((g) => [g.slug, g]));
        const related = new RelatedArticles([...groups.values()]);
        for (const me of articles) {
          // Reference: count shared keywords over every group, sort all, take five.
          const scores = new Map<typeof me, number>();
          for (const k of me.keywords) for (const other of groups.get(k)!.articles) if (other !== me) scores.set(other, (scores.get(other) ?? 0) + 1);
          const seen = [...scores.keys()];
          const expected = [...scores]
            .sort(([a, x], [b, y]) => y - x || (a.date !== b.date ? (a.date < b.date ? 1 : -1) : seen.indexOf(a) - seen.indexOf(b)))
            .slice(0, 5)
            .map(([a]) => a.id);
          expect(related.of(me).map((a) => a.id)).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('monthGrid', () => {
  it('should lay out May 2024 in weeks starting on Monday', () => {
    const weeks = monthGrid(2024, 5, new Map([['2024-05-01', '/jlrb/2024-05-01/']]));
    // 2024-05-01 is a Wednesday: two empty cells first.
    expect(weeks[0].slice(0, 3)).toEqual([null, null, { day: 1, date: '2024-05-01', url: '/jlrb/2024-05-01/' }]);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.flat().filter((d) => d?.url)).toHaveLength(1);
  });

  it('should handle a leap February', () => {
    expect(monthGrid(2024, 2, new Map()).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('calendarYears', () => {
  const archive = makeArchive([
    makeArticle({ paper: 'jlrb', date: '2024-05-02', page: '1' }),
    makeArticle({ paper: 'cswb', date: '2024-05-01', page: '1' }),
    makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '1' }),
    makeArticle({ paper: 'jlrb', date: '2023-12-30', page: '1' }),
  ]);

  it('should give one calendar per paper per year, newest year first', () => {
    const years = calendarYears(archive);
    expect(years.map((y) => [y.year, y.url, y.issues, y.papers.map((p) => p.paper)])).toEqual([
      [2024, '/calendar/2024/', 3, ['cswb', 'jlrb']],
      [2023, '/calendar/2023/', 1, ['jlrb']],
    ]);
  });

  it('should only have months with issues, and link the issue days', () => {
    const jlrb = calendarYears(archive)[0].papers[1];
    expect(jlrb.counts[4]).toBe(2);
    expect(jlrb.months.map((m) => [m.key, m.id, m.issues])).toEqual([['2024-05', 'jlrb-2024-05', 2]]);
    const linked = jlrb.months[0].weeks.flat().filter((d) => d?.url).map((d) => d!.url);
    expect(linked).toEqual(['/jlrb/2024-05-01/', '/jlrb/2024-05-02/']);
  });
});

describe('navigation', () => {
  const archive = makeArchive([
    makeArticle({ paper: 'jlrb', date: '2024-05-02', page: '1', n: 1 }),
    makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '1', n: 1 }),
    makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '1', n: 2 }),
    makeArticle({ paper: 'jlrb', date: '2024-05-01', page: '2', n: 1 }),
  ]);

  it('should link articles in reading order within an issue, across pages', () => {
    const views = articleViews(archive);
    const ids = (v: (typeof views)[number]) => [v.prev?.id ?? null, v.article.id, v.next?.id ?? null];
    expect(views.map(ids)).toEqual([
      [null, 'jlrb/2024-05-02/1/1', null],
      [null, 'jlrb/2024-05-01/1/1', 'jlrb/2024-05-01/1/2'],
      ['jlrb/2024-05-01/1/1', 'jlrb/2024-05-01/1/2', 'jlrb/2024-05-01/2/1'],
      ['jlrb/2024-05-01/1/2', 'jlrb/2024-05-01/2/1', null],
    ]);
  });

  it('should take related articles and keyword links from the article\'s paper and year only', () => {
    const kw = (paper: string, date: string, n: number) => makeArticle({ paper, date, page: '1', n, keywords: ['长春'] });
    const scoped = makeArchive([kw('jlrb', '2024-05-02', 1), kw('cswb', '2024-05-02', 1), kw('jlrb', '2024-05-01', 1), kw('jlrb', '2024-05-01', 2), kw('jlrb', '2023-12-31', 1)]);
    const byId = new Map(articleViews(scoped).map((v) => [v.article.id, v]));
    expect(byId.get('jlrb/2024-05-02/1/1')!.related.map((a) => a.id)).toEqual(['jlrb/2024-05-01/1/1', 'jlrb/2024-05-01/1/2']);
    // Three articles of jlrb in 2024 have the keyword: linked there; elsewhere it is text, though the keyword page (5 articles) exists.
    expect(byId.get('jlrb/2024-05-02/1/1')!.keywords).toEqual([{ name: '长春', url: '/keywords/长春/' }]);
    expect(byId.get('cswb/2024-05-02/1/1')!.keywords).toEqual([{ name: '长春', url: null }]);
    expect(byId.get('jlrb/2023-12-31/1/1')!.related).toEqual([]);
    expect(readingRoom(scoped).keywords.map((g) => g.articles.length)).toEqual([5]);
  });

  it('should link pages within an issue', () => {
    expect(pageViews(archive).map((v) => [v.prev?.page ?? null, v.page.url, v.next?.page ?? null])).toEqual([
      [null, '/jlrb/2024-05-02/1/', null],
      [null, '/jlrb/2024-05-01/1/', '2'],
      ['1', '/jlrb/2024-05-01/2/', null],
    ]);
  });

  it('should link an issue to the older and newer issue of its paper', () => {
    expect(issueViews(archive).map((v) => [v.prev?.date ?? null, v.issue.date, v.next?.date ?? null, v.articles])).toEqual([
      ['2024-05-01', '2024-05-02', null, 1],
      [null, '2024-05-01', '2024-05-02', 3],
    ]);
  });

  it('should count the archive and give its span', () => {
    expect(archiveStats(archive)).toEqual({ first: '2024-05-01', last: '2024-05-02', issues: 2, pages: 3, articles: 4, papers: 1 });
    expect(archiveStats(makeArchive([]))).toEqual({ first: null, last: null, issues: 0, pages: 0, articles: 0, papers: 0 });
  });

  it('should cut the data catalogue by year, newest first, articles in archive order', () => {
    const two = makeArchive([makeArticle({ paper: 'jlrb', date: '2024-01-02', page: '1', n: 1 }), makeArticle({ paper: 'jlrb', date: '2023-12-31', page: '1', n: 1 }), makeArticle({ paper: 'cswb', date: '2024-01-01', page: '1', n: 1 })]);
    const parts = catalogueYears(articleViews(two));
    expect(parts.map((p) => [p.year, p.url, p.articles.map((v) => v.article.id)])).toEqual([
      [2024, '/data/articles/2024.json', ['jlrb/2024-01-02/1/1', 'cswb/2024-01-01/1/1']],
      [2023, '/data/articles/2023.json', ['jlrb/2023-12-31/1/1']],
    ]);
  });

  it('should put it all together in readingRoom', () => {
    expect(Object.keys(readingRoom(archive)).sort()).toEqual(['articles', 'calendar', 'catalogue', 'issues', 'keywords', 'pages', 'reporters', 'sitemaps', 'stats', 'surnames']);
  });
});
