/**
 * Small hand-made archives for the site tests.
 */
import type { Archive, ArchiveArticle, ArchiveIssue, ArchivePage } from '../types.ts';

/** An article with defaults; override any field. */
export function makeArticle(fields: Partial<ArchiveArticle> & Pick<ArchiveArticle, 'paper' | 'date' | 'page'>): ArchiveArticle {
  const n = fields.n ?? 1;
  const base = `/${fields.paper}/${fields.date}/${fields.page}/`;
  return {
    kicker: null,
    headline: `标题${n}`,
    subhead: null,
    byline: null,
    dateline: null,
    reporters: [],
    paragraphs: ['正文。'],
    kinds: ['text'],
    truncated: [],
    corrections: [],
    line: 1,
    id: `${fields.paper}/${fields.date}/${fields.page}/${n}`,
    url: `${base}${n}/`,
    paperName: fields.paper === 'jlrb' ? '吉林日报' : '城市晚报',
    pageNumber: Number(fields.page),
    section: null,
    n,
    keywords: [],
    source: `articles/${fields.paper}/${fields.date}/${fields.page}.txt`,
    ...fields,
  };
}

/** Assemble pages and issues (newest first) around articles. */
export function makeArchive(articles: ArchiveArticle[]): Archive {
  const pages = new Map<string, ArchivePage>();
  for (const a of articles) {
    const key = `${a.paper}/${a.date}/${a.page}`;
    let p = pages.get(key);
    if (!p) {
      const url = `/${key}/`;
      p = { paper: a.paper, paperName: a.paperName, date: a.date, page: a.page, pageNumber: a.pageNumber, section: a.section, url, rawText: '', source: a.source, meta: {}, articles: [], unplaced: [], furniture: [] };
      pages.set(key, p);
    }
    p.articles.push(a);
  }
  const issues = new Map<string, ArchiveIssue>();
  for (const p of pages.values()) {
    const key = `${p.paper}/${p.date}`;
    let i = issues.get(key);
    if (!i) {
      i = { paper: p.paper, paperName: p.paperName, date: p.date, url: `/${key}/`, pages: [] };
      issues.set(key, i);
    }
    i.pages.push(p);
  }
  const sorted = [...issues.values()].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.paper < b.paper ? -1 : 1));
  for (const i of sorted) i.pages.sort((a, b) => (a.pageNumber ?? 0) - (b.pageNumber ?? 0));
  const papers = [...new Map(articles.map((a) => [a.paper, a.paperName]))].map(([id, name]) => ({ id, name })).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { papers, issues: sorted, articles: sorted.flatMap((i) => i.pages.flatMap((p) => p.articles)), problems: [], skipped: [], stats: { scans: pages.size, charsRead: 0, charsPlaced: 0 } };
}

/** The bundled sample article (吉林日报 2023-02-01, page 3). */
export const sample = makeArticle({
  paper: 'jlrb',
  date: '2023-02-01',
  page: '3',
  headline: '在携手前行中共享机遇共赢发展',
  subhead: '延边州推动与长春市对接合作综述',
  byline: '吉林日报记者 张伟国 代黎黎',
  reporters: [
    { name: '张伟国', role: '记者', org: '吉林日报' },
    { name: '代黎黎', role: '记者', org: '吉林日报' },
  ],
  keywords: ['延边', '长春', '合作'],
  section: '要闻',
});

/**
 * Every entry of a built data catalogue: the index `/data/articles.json`,
 * then each year's file it lists, newest year first.
 *
 * @param read The text at a site-relative URL.
 */
export function catalogueEntries(read: (url: string) => string): Array<Record<string, unknown>> {
  const index = JSON.parse(read('/data/articles.json')) as { years: Array<{ url: string }> };
  return index.years.flatMap((y) => (JSON.parse(read(new URL(y.url, 'http://x').pathname)) as { articles: Array<Record<string, unknown>> }).articles);
}
