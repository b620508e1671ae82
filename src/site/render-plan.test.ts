import { describe, expect, it } from 'vitest';
import { planRender, Summaries, unitSignatures, type Origins } from './render-plan.ts';
import { readingRoom } from './collections.ts';
import { makeArchive, makeArticle } from './fixtures.ts';
import type { Archive, ArchiveArticle } from '../types.ts';

/** Two pages of one issue and an older issue; the first article has a reporter and a keyword. */
function archive(change: (a: ArchiveArticle) => void = () => {}, furniture: Archive['issues'][number]['pages'][number]['furniture'] = []): Archive {
  const first = makeArticle({
    paper: 'jlrb',
    date: '2024-03-05',
    page: '2',
    n: 1,
    dateline: '本报讯（记者 王小川）',
    reporters: [{ name: '王小川', role: '记者', org: '本报' }],
    paragraphs: ['图为现场。', '正文第一段。'],
    kinds: ['caption', 'text'],
    keywords: ['春耕'],
  });
  change(first);
  const a = makeArchive([first, makeArticle({ paper: 'jlrb', date: '2024-03-05', page: '3', n: 1 }), makeArticle({ paper: 'jlrb', date: '2024-03-04', page: '1', n: 1 })]);
  a.issues[0].pages[0].furniture = furniture;
  return a;
}

/** Units re-rendered when the archive goes from `before` to `after`. */
function changed(before: Archive, after: Archive): string[] {
  return planRender(unitSignatures(readingRoom(before)), unitSignatures(readingRoom(after))).changed.sort();
}

/** Origins as a build gives them: a key that changes whenever what the analysis made of the scan changes (here, all of it). */
function originsOf(a: Archive, summaries: Summaries): Origins {
  const pages = a.issues.flatMap((i) => i.pages);
  return {
    articles: new Map(a.articles.map((x) => { const { zone, ...made } = x; return [x.id, JSON.stringify(made)]; })),
    pages: new Map(pages.map((p) => { const { scan, articles, ...made } = p; return [p.url, JSON.stringify(made)]; })),
    summaries,
  };
}

/** `changed`, with origins and the summaries the first build kept, as incremental builds sign units. */
function changedFromOrigins(before: Archive, after: Archive): string[] {
  const kept = new Summaries();
  const first = unitSignatures(readingRoom(before), originsOf(before, kept));
  return planRender(first, unitSignatures(readingRoom(after), originsOf(after, new Summaries(kept.toJSON())))).changed.sort();
}

describe('unitSignatures', () => {
  it('should re-render nothing when nothing changed', () => {
    expect(changed(archive(), archive())).toEqual([]);
  });

  it('should re-render every year page when a year is added, since each lists all years', () => {
    const before = archive();
    const after = makeArchive([...before.articles, makeArticle({ paper: 'jlrb', date: '2019-06-01', page: '1', n: 1 })]);
    const units = changed(before, after);
    expect(units).toContain('y:2024');
    expect(units).toContain('y:2019');
    // The sitemap's file of the new year, and the site's (which lists the year's calendar page); not that of 2024.
    expect(units).toContain('m:2019');
    expect(units).toContain('m:site');
    expect(units).not.toContain('m:2024');
  });

  it('should re-render the article and the page that lists it when its dateline changes', () => {
    const units = changed(archive(), archive((a) => (a.dateline = '本报讯（记者 王小川 李铁）')));
    expect(units).toContain('a:jlrb/2024-03-05/2/1');
    expect(units).toContain('p:/jlrb/2024-03-05/2/');
    expect(units).not.toContain('a:jlrb/2024-03-04/1/1');
    expect(units).not.toContain('p:/jlrb/2024-03-04/1/');
  });

  it('should re-render the article and its page when a paragraph becomes a caption', () => {
    const units = changed(archive(), archive((a) => (a.kinds = ['text', 'text'])));
    expect(units).toContain('a:jlrb/2024-03-05/2/1');
    // The page view's excerpt leaves captions out, so it changes too.
    expect(units).toContain('p:/jlrb/2024-03-05/2/');
  });

  it('should re-render the article when a caption after the excerpt changes kind (its body changes)', () => {
    const units = changed(
      archive((a) => ((a.paragraphs = ['正文。', '图为现场。']), (a.kinds = ['text', 'caption']))),
      archive((a) => ((a.paragraphs = ['正文。', '图为现场。']), (a.kinds = ['text', 'text']))),
    );
    expect(units).toContain('a:jlrb/2024-03-05/2/1');
  });

  it('should re-render the article, its page and its issue (whose JSON lists them) when its corrections change, even with the same text', () => {
    const fixed = (a: ArchiveArticle) => {
      a.paragraphs = ['图为现场。', '全省县市区。'];
      a.corrections = [{ field: 'paragraph', paragraph: 1, at: 2, from: '具', to: '县', evidence: 'dictionary' }];
    };
    const asScanned = (a: ArchiveArticle) => (a.paragraphs = ['图为现场。', '全省县市区。']);
    expect(changed(archive(asScanned), archive(fixed)).sort()).toEqual(['a:jlrb/2024-03-05/2/1', 'j:/jlrb/2024-03-05/', 'p:/jlrb/2024-03-05/2/']);
    const elsewhere = (a: ArchiveArticle) => {
      fixed(a);
      a.corrections = [{ ...a.corrections[0], at: 3, from: '巿', to: '市' }];
    };
    expect(changed(archive(fixed), archive(elsewhere)).sort()).toEqual(['a:jlrb/2024-03-05/2/1', 'j:/jlrb/2024-03-05/', 'p:/jlrb/2024-03-05/2/']);
  });

  it('should re-render the page and its issue (whose JSON holds it), and only them, when its furniture changes', () => {
    const units = changed(archive(), archive(undefined, [{ text: '第2版 要闻', line: 1 }]));
    expect(units.sort()).toEqual(['j:/jlrb/2024-03-05/', 'p:/jlrb/2024-03-05/2/']);
  });

  it("should re-render the year's data catalogue when an entry of it changes, and not for text it leaves out", () => {
    expect(changed(archive(), archive((a) => (a.headline = '新的标题')))).toContain('c:2024');
    expect(changed(archive(), archive((a) => (a.paragraphs = ['别的正文。'])))).not.toContain('c:2024');
  });

  it('should re-render the page when its section changes', () => {
    const before = archive();
    const after = archive();
    after.issues[0].pages[0].section = '要闻';
    const units = changed(before, after);
    expect(units).toContain('p:/jlrb/2024-03-05/2/');
    expect(units).toContain('i:/jlrb/2024-03-05/');
  });

  it('should re-render the same units from origins and the summaries of the last build as from the whole data', () => {
    const edits: Array<(a: ArchiveArticle) => void> = [
      () => {},
      (a) => (a.dateline = '本报讯（记者 王小川 李铁）'),
      (a) => (a.kinds = ['text', 'text']),
      (a) => (a.headline = '新的标题'),
      (a) => (a.paragraphs = ['别的正文。', '正文第一段。']),
      (a) => (a.corrections = [{ field: 'paragraph', paragraph: 1, at: 2, from: '具', to: '县', evidence: 'dictionary' }]),
      (a) => (a.keywords = ['春耕', '播种']),
    ];
    for (const edit of edits) expect(changedFromOrigins(archive(), archive(edit))).toEqual(changed(archive(), archive(edit)));
    const moved = archive();
    moved.issues[0].pages[0].section = '要闻';
    expect(changedFromOrigins(archive(), moved)).toEqual(changed(archive(), moved));
  });

  it('should re-render an article and its page when its zone on the page image changes, its origin the same', () => {
    const units = changedFromOrigins(archive(), archive((a) => (a.zone = { rects: [[1, 2, 3, 4]], lines: [0] })));
    expect(units).toContain('a:jlrb/2024-03-05/2/1');
    expect(units).toContain('p:/jlrb/2024-03-05/2/');
  });

  it('should give a reporter named in a dateline a unit, and re-render it when the dateline changes', () => {
    const sigs = unitSignatures(readingRoom(archive()));
    // One article: listed on the surname page, which re-renders when the article changes.
    expect(sigs.has('s:王')).toBe(true);
    expect(sigs.has('r:王小川')).toBe(false);
    expect(changed(archive(), archive((a) => (a.dateline = '本报讯（记者 王小川）电')))).toContain('s:王');
  });
});
