import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleFields } from './fields.ts';
import { buildIndex } from './index/segments.ts';
import { writeIndex } from './index/write-index.ts';
import { SearchEngine } from './engine/search-engine.ts';
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
