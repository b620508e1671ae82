import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleFields, scanReading, scanReadings, SCAN_READING_MARK, textFields } from './fields.ts';
import { buildIndex } from './index/segments.ts';
import { writeIndex } from './index/write-index.ts';
import { SearchEngine } from './engine/search-engine.ts';
import { makeSnippet } from './engine/snippet.ts';
import { parseQuery } from './tokenize.ts';
import { makeArticle } from '../site/fixtures.ts';

describe('articleFields', () => {
  it('should give the non-empty fields with the dateline right before the paragraphs', () => {
    expect(articleFields({ kicker: '引题', headline: '标题', subhead: null, byline: '本报记者 李铁', dateline: '本报讯（记者 王小川）', paragraphs: ['今年以来。', ' '] })).toEqual([
      '引题',
      '标题',
      '本报记者 李铁',
      '本报讯（记者 王小川）',
      '今年以来。',
    ]);
  });

  it('should give the same text whether the dateline is split off or still in paragraph 1', () => {
    const split = articleFields({ kicker: null, headline: '标题', subhead: null, byline: null, dateline: '本报讯（记者 王小川）', paragraphs: ['今年以来。'] });
    const inline = articleFields({ kicker: null, headline: '标题', subhead: null, byline: null, dateline: null, paragraphs: ['本报讯（记者 王小川）今年以来。'] });
    expect(split.join('')).toBe(inline.join(''));
  });

  it('should accept fields without a dateline (search fragments)', () => {
    expect(articleFields({ kicker: null, headline: '标题', subhead: null, byline: null, paragraphs: ['正文。'] })).toEqual(['标题', '正文。']);
  });
});

describe('searching the dateline', () => {
  it('should find an article by a name and a phrase printed only in its dateline', async () => {
    const withDateline = makeArticle({ paper: 'jlrb', date: '2024-03-05', page: '2', n: 1, headline: '春耕备耕', dateline: '新华社长春3月4日电（记者 金津秀）', paragraphs: ['今年全省春耕备耕有序推进。'] });
    const without = makeArticle({ paper: 'jlrb', date: '2024-03-05', page: '2', n: 2, headline: '冰雪旅游', paragraphs: ['长春冰雪旅游持续升温。'] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fields-idx-'));
    try {
      await writeIndex(buildIndex([withDateline, without]), dir);
      const engine = new SearchEngine(async (f) => new Uint8Array(fs.readFileSync(path.join(dir, f))));
      for (const q of ['金津秀', '新华社', '"3月4日电"', '"金津秀）今年"']) {
        const r = await engine.search(q);
        expect(r.hits.map((h) => h.doc), q).toEqual([0]);
      }
      expect((await engine.search('长春')).hits.map((h) => h.doc).sort()).toEqual([0, 1]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scanReadings', () => {
  const corrections = [
    { field: 'headline' as const, at: 2, from: '淀', to: '滨', evidence: 'page' as const },
    { field: 'paragraph' as const, paragraph: 1, at: 2, from: '具', to: '县', evidence: 'dictionary' as const },
    { field: 'paragraph' as const, paragraph: 1, at: 8, from: '讲', to: '进', evidence: 'dictionary' as const },
  ];
  const article = { kicker: null, headline: '黎海滨接受审查', subhead: null, byline: null, paragraphs: ['第一段。', '全省县市区共同推进。'], corrections };

  it('should put the scan reading back at each corrected place, field by field', () => {
    expect(scanReadings(article)).toEqual(['黎海淀接受审查', '全省具市区共同推讲。']);
    expect(scanReading('全省县市区', [{ ...corrections[1], from: '<b>' }])).toBe('全省<b>市区');
  });

  it('should put the readings after the text, each led by the mark, and leave the text fields as they were', () => {
    expect(textFields(article)).toEqual(['黎海滨接受审查', '第一段。', '全省县市区共同推进。']);
    expect(articleFields(article)).toEqual([...textFields(article), `${SCAN_READING_MARK}黎海淀接受审查`, `${SCAN_READING_MARK}全省具市区共同推讲。`]);
    expect(articleFields({ ...article, corrections: [] })).toEqual(textFields(article));
  });

  it('should skip a correction that does not fit its field', () => {
    expect(scanReadings({ ...article, corrections: [{ ...corrections[1], at: 3 }] })).toEqual([]);
  });
});

describe('searching corrected text', () => {
  const fixed = makeArticle({
    paper: 'jlrb',
    date: '2023-02-01',
    page: '3',
    n: 1,
    headline: '在携手前行中共享机遇',
    paragraphs: ['延边州与白山市合作。', '全省各县市区积极推进对口合作。'],
    corrections: [{ field: 'paragraph', paragraph: 1, at: 3, from: '具', to: '县', evidence: 'dictionary' }],
  });
  // The same text, printed so by the scan: no corrections.
  const printed = makeArticle({ ...fixed, n: 2, id: 'jlrb/2023-02-01/3/2', url: '/jlrb/2023-02-01/3/2/', corrections: [] });
  // An article that really prints 具市 (and no 县市).
  const really = makeArticle({ paper: 'jlrb', date: '2023-01-31', page: '1', n: 1, headline: '工具市场', paragraphs: ['农具市场销售红火。'] });
  const other = makeArticle({ paper: 'jlrb', date: '2023-01-30', page: '1', n: 1, headline: '冰雪旅游', paragraphs: ['长春冰雪旅游持续升温。'] });
  let dir: string;
  let engine: SearchEngine;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fields-fix-'));
    await writeIndex(buildIndex([other, really, fixed, printed]), dir);
    engine = new SearchEngine(async (f) => new Uint8Array(fs.readFileSync(path.join(dir, f))));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should find the article by the corrected form 县市', async () => {
    expect((await engine.search('县市')).hits.map((h) => h.doc).sort()).toEqual([2, 3]);
    expect((await engine.search('"各县市区积极"')).hits.map((h) => h.doc).sort()).toEqual([2, 3]);
  });

  it('should find the article by the form the scan has, 具市, below an article that prints it', async () => {
    const r = await engine.search('具市');
    expect(r.hits.map((h) => h.doc)).toEqual([1, 2]);
    expect((await engine.search('"各具市区积极"')).hits.map((h) => h.doc)).toEqual([2]);
    expect((await engine.search('具市 延边州')).hits.map((h) => h.doc)).toEqual([2]);
  });

  it('should not count the repeated text of a corrected field twice', async () => {
    for (const q of ['对口合作', '积极推进', '合作']) {
      const r = await engine.search(q);
      const score = (doc: number) => r.hits.find((h) => h.doc === doc)?.score;
      expect(score(2), q).toBeDefined();
      expect(score(2), q).toBe(score(3));
    }
  });

  it('should not match across from the text into a scan reading', async () => {
    // The last paragraph ends 对口合作。 and the reading after it starts 全省: never adjacent in the text.
    expect((await engine.search('"对口合作。全省"')).total).toBe(0);
    expect((await engine.search('"合作。全省"')).total).toBe(2);
  });

  it('should show the corrected text in the snippet and mark it for either form', async () => {
    for (const q of ['具市', '县市']) {
      const s = makeSnippet(fixed, parseQuery(q));
      expect(s.text).toContain('全省各县市区积极推进');
      expect(s.text).not.toContain('具');
      expect(s.marks.map(([a, b]) => s.text.slice(a, b)), q).toEqual(['县市']);
    }
    // A fragment without corrections still shows the corrected text.
    const { corrections, ...fragment } = fixed;
    expect(corrections).toHaveLength(1);
    expect(makeSnippet(fragment, parseQuery('具市')).text).not.toContain('具');
  });
});
