/**
 * The article page, page view, reporter page and JSON of a hand-made archive
 * with a dateline, a photo caption and page furniture, rendered in memory
 * (Eleventy `toJSON()`, no files written). The parser does not fill these
 * fields yet, so the archive is made by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import configure from './eleventy-config.ts';
import { setArchive } from './archive-source.ts';
import { catalogueEntries, makeArchive, makeArticle } from './fixtures.ts';
import type { Archive } from '../types.ts';

const TEMPLATES = path.join(import.meta.dirname, '../../templates');

/** 本报讯 article whose only reporter is named in the dateline, with a caption before the text. */
const datelined = makeArticle({
  paper: 'jlrb',
  date: '2024-03-05',
  page: '2',
  n: 1,
  headline: '全省春耕备耕有序推进',
  dateline: '本报讯（记者 王小川）',
  byline: null,
  reporters: [{ name: '王小川', role: '记者', org: '本报' }],
  paragraphs: ['图为农民在田间检修农机。本报记者 王小川 摄', '今年以来，全省春耕备耕有序推进。', '各地抓紧检修农机具。'],
  kinds: ['caption', 'text', 'text'],
  keywords: ['春耕'],
  section: '要闻',
});
const other = makeArticle({ paper: 'jlrb', date: '2024-03-05', page: '2', n: 2, headline: '冰雪旅游持续升温', byline: '本报记者 李铁', reporters: [{ name: '李铁', role: '记者', org: '本报' }], section: '要闻' });
const plain = makeArticle({ paper: 'jlrb', date: '2024-03-05', page: '3', n: 1, headline: '第三版文章', keywords: ['春耕'] });

const FURNITURE = [
  { text: '吉林日报 2024年3月5日 星期二', line: 1 },
  { text: '第2版 要闻', line: 2 },
  { text: '责任编辑：赵明 校对：周立', line: 40 },
];

/** The hand-made archive: one page with furniture, two articles. */
function archive(): Archive {
  const a = makeArchive([datelined, other, plain]);
  a.issues[0].pages[0].furniture = FURNITURE;
  return a;
}

let pages: Map<string, string>;

beforeAll(async () => {
  setArchive(archive());
  const elev = new Eleventy(TEMPLATES, '/tmp/views-test-unused', { quietMode: true, config: configure });
  pages = new Map((await elev.toJSON()).map((p) => [decodeURIComponent(p.url), p.content]));
}, 60_000);

/** The HTML (or JSON) rendered at a site URL. */
function at(url: string): string {
  const content = pages.get(url);
  expect(content, `nothing rendered at ${url}`).toBeDefined();
  return content!;
}

describe('the article page', () => {
  it('should run the dateline in at the start of the first text paragraph', () => {
    expect(at('/jlrb/2024-03-05/2/1/')).toContain('<p id="p2"><span class="dateline">本报讯（记者 王小川）</span>今年以来，全省春耕备耕有序推进。</p>');
  });

  it('should show the caption as a labelled figure caption with its paragraph id', () => {
    expect(at('/jlrb/2024-03-05/2/1/')).toContain('<figure class="photo-caption" id="p1">\n<figcaption><span class="photo-caption__label">图片说明</span>图为农民在田间检修农机。本报记者 王小川 摄</figcaption>\n</figure>');
  });

  it('should credit and link the reporter named only in the dateline', () => {
    expect(at('/jlrb/2024-03-05/2/1/')).toMatch(/<p class="byline">本报记者 <a href="\/reporters\/姓\/王\/#王小川">王小川<\/a><\/p>/);
  });

  it('should list a related article of the same paper with its date and page, not the paper name again', () => {
    const related = /<section class="related"[\s\S]*?<\/section>/.exec(at('/jlrb/2024-03-05/2/1/'))?.[0] ?? '';
    expect(related).toContain('<li><a href="/jlrb/2024-03-05/3/1/">第三版文章</a> <span class="meta"><time>2024-03-05</time> · 第3版</span></li>');
    expect(related).not.toContain('吉林日报');
  });

  it('should leave the caption out of the description and give the dateline in JSON-LD', () => {
    const html = at('/jlrb/2024-03-05/2/1/');
    expect(html).toContain('<meta name="description" content="今年以来，全省春耕备耕有序推进。各地抓紧检修农机具。">');
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(ld.dateline).toBe('本报讯（记者 王小川）');
    expect(ld.author).toEqual([expect.objectContaining({ name: '王小川' })]);
  });
});

describe('the page view', () => {
  it('should list the furniture lines as printed, in order, each linked to its OCR line', () => {
    const html = at('/jlrb/2024-03-05/2/');
    const box = /<section class="furniture"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(box).toContain('<h2 id="furniture-h">版面信息</h2>');
    const lines = [...box.matchAll(/<li><span class="furniture__text">([^<]*)<\/span> <a class="furniture__line meta" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(lines).toEqual([
      ['吉林日报 2024年3月5日 星期二', '#L1'],
      ['第2版 要闻', '#L2'],
      ['责任编辑：赵明 校对：周立', '#L40'],
    ]);
  });

  it('should show the section', () => {
    expect(at('/jlrb/2024-03-05/2/')).toContain('<h1>第2版<span class="section">要闻</span></h1>');
  });

  it('should have no furniture box on a page without furniture', () => {
    expect(at('/jlrb/2024-03-05/3/')).not.toContain('class="furniture"');
  });

  it('should list the article with its dateline before the excerpt, and without the caption', () => {
    expect(at('/jlrb/2024-03-05/2/')).toContain('<p class="excerpt"><span class="dateline">本报讯（记者 王小川）</span>今年以来，全省春耕备耕有序推进。各地抓紧检修农机具。</p>');
  });
});

describe('the reporter pages', () => {
  it('should list a reporter named only in a dateline, with the article, on the surname page', () => {
    const html = at('/reporters/姓/王/');
    expect(html).toContain('<h1>姓王的记者</h1>');
    const entry = /<section class="surname-entry" id="王小川"[\s\S]*?<\/section>/.exec(html)?.[0];
    expect(entry).toContain('href="/jlrb/2024-03-05/2/1/"');
    expect(at('/reporters/')).toContain('<a href="/reporters/姓/王/">王</a>');
    // One or two articles make no page of their own.
    expect(pages.has('/reporters/王小川/')).toBe(false);
    expect(pages.has('/reporters/姓/王/')).toBe(true);
  });
});

describe('the JSON files', () => {
  it('should write one JSON file per issue, holding its pages and their articles, and none per page or article', () => {
    expect(pages.has('/jlrb/2024-03-05/2/1/index.json')).toBe(false);
    expect(pages.has('/jlrb/2024-03-05/2/index.json')).toBe(false);
    const json = JSON.parse(at('/jlrb/2024-03-05/index.json'));
    expect(json).toMatchObject({ paper: 'jlrb', date: '2024-03-05', paperName: '吉林日报' });
    expect(json.pages.map((p: { page: string }) => p.page)).toEqual(['2', '3']);
    expect(json.pages[0]).toMatchObject({ page: '2', section: '要闻', furniture: FURNITURE });
    expect(json.pages[0].articles.map((a: { id: string; n: number }) => [a.id, a.n])).toEqual([
      ['jlrb/2024-03-05/2/1', 1],
      ['jlrb/2024-03-05/2/2', 2],
    ]);
  });

  it('should point from the catalogue and the article page to the article in the issue JSON', () => {
    const json = JSON.parse(at('/jlrb/2024-03-05/index.json'));
    const entry = catalogueEntries(at).find((a) => a.id === 'jlrb/2024-03-05/3/1') as { jsonPointer: string };
    expect(entry).toMatchObject({ json: '/jlrb/2024-03-05/index.json', jsonPointer: '/pages/1/articles/0' });
    const [, i, n] = /^\/pages\/(\d+)\/articles\/(\d+)$/.exec(entry.jsonPointer)!;
    expect(json.pages[Number(i)].articles[Number(n)].id).toBe('jlrb/2024-03-05/3/1');
    expect(at('/jlrb/2024-03-05/3/1/')).toContain('<a href="/jlrb/2024-03-05/index.json">本期 JSON</a>（本文在 <code>/pages/1/articles/0</code>）');
  });

  it('should give the dateline, the paragraph kinds and the caption indexes in the issue JSON', () => {
    const json = JSON.parse(at('/jlrb/2024-03-05/index.json')).pages[0].articles[0];
    expect(json).toMatchObject({ dateline: '本报讯（记者 王小川）', byline: null, kinds: ['caption', 'text', 'text'], captions: [0] });
    expect(json.paragraphs[1]).toBe('今年以来，全省春耕备耕有序推进。');
  });

  it('should give the catalogue as an index of years, each with its file, and the dateline in each entry', () => {
    expect(JSON.parse(at('/data/articles.json'))).toEqual({ count: 3, site: '/', years: [{ year: 2024, count: 3, url: '/data/articles/2024.json' }] });
    expect(JSON.parse(at('/data/articles/2024.json'))).toMatchObject({ year: 2024, count: 3 });
    expect(catalogueEntries(at).map((a) => [a.id, a.dateline])).toEqual([
      ['jlrb/2024-03-05/2/1', '本报讯（记者 王小川）'],
      ['jlrb/2024-03-05/2/2', null],
      ['jlrb/2024-03-05/3/1', null],
    ]);
  });
});
