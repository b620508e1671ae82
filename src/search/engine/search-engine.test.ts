import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectArchive } from '../../collect.ts';
import { buildIndex } from '../index/segments.ts';
import { writeIndex } from '../index/write-index.ts';
import { SearchEngine, coverOffsets } from './search-engine.ts';
import { fileLoader } from '../file-loader.ts';
import { makeSnippet } from './snippet.ts';
import { parseQuery, canonicalize } from '../tokenize.ts';
import { articleFields } from '../fields.ts';
import { extractKeywords } from '../../enrich/keywords.ts';
import type { Archive } from '../../types.ts';

const FIXTURES = path.join(import.meta.dirname, '../../parse/fixtures');
let archive: Archive;
let dir: string;
let texts: string[];
/** Articles in doc id order (oldest first). */
let articles: Archive['articles'];

/** A fresh engine reading the index folder (a new engine has an empty cache). */
function engine() {
  const files: string[] = [];
  const e = new SearchEngine(async (f) => {
    files.push(f);
    return new Uint8Array(fs.readFileSync(path.join(dir, f)));
  });
  return Object.assign(e, { files });
}

beforeAll(async () => {
  const input = fs.mkdtempSync(path.join(os.tmpdir(), 'search-in-'));
  const pages = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
  pages.forEach((f, i) => {
    const paper = i % 2 ? 'cswb' : 'jlrb';
    const day = path.join(input, paper, `2024-0${1 + (i % 3)}-1${i % 7}`);
    fs.mkdirSync(day, { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, f), path.join(day, `${1 + (i % 4)}${i}.txt`));
  });
  fs.writeFileSync(path.join(input, 'jlrb/paper.json'), '{"name":"吉林日报"}');
  fs.writeFileSync(path.join(input, 'cswb/paper.json'), '{"name":"城市晚报"}');
  archive = await collectArchive({ input, root: input, cache: null });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-idx-'));
  // A small budget so the fixture index spreads over many shards.
  articles = [...archive.articles].reverse();
  await writeIndex(buildIndex(articles), dir, { shardBytes: 4096 });
  texts = articles.map((a) => canonicalize(articleFields(a).join('')));
});

/** Truth: the articles whose canonical text contains every term. */
function truth(query: string): number[] {
  const terms = parseQuery(query).map((t) => t.units.join(''));
  return texts.flatMap((t, i) => (terms.every((x) => t.includes(x)) ? [i] : []));
}

describe('SearchEngine', () => {
  it('should find every jieba keyword of every article through the query path (tokenizer parity)', async () => {
    const e = engine();
    for (const [i, a] of articles.entries()) {
      for (const kw of extractKeywords([a.headline, ...a.paragraphs].join('\n'), 8)) {
        const r = await e.search(kw);
        expect(r.hits.map((h) => h.doc), `${kw} in ${a.id}`).toContain(i);
      }
    }
  });

  it('should read the directory of a shard and then only the postings of the terms asked for, or the whole shard from a host that ignores ranges', async () => {
    const requests: Array<{ file: string; start?: number; end?: number }> = [];
    const ranged = new SearchEngine(async (file, range) => {
      requests.push({ file, ...range });
      return fileLoader(dir)(file, range);
    });
    const whole = new SearchEngine(async (file) => new Uint8Array(fs.readFileSync(path.join(dir, file))));
    const queries = ['长春市', '春', '吉林日报记者', '合作 协议'];
    for (const q of queries) {
      const [a, b] = [await ranged.search(q), await whole.search(q)];
      expect(a.hits).toEqual(b.hits);
      expect(a.hits.map((h) => h.doc).sort((x, y) => x - y)).toEqual(truth(q));
    }
    const shardReads = requests.filter((r) => r.file.startsWith('s/'));
    // Every shard read is a range: its directory once, then terms' postings, never the whole file.
    expect(shardReads.length).toBeGreaterThan(0);
    for (const r of shardReads) {
      const size = fs.statSync(path.join(dir, r.file)).size;
      expect(r.start).toBeDefined();
      expect(r.end! - r.start!).toBeLessThan(size);
    }
    const directories = shardReads.filter((r) => r.start === 0);
    expect(new Set(directories.map((r) => r.file)).size).toBe(directories.length);
  });

  it('should return exactly the articles that contain substrings, phrases and digit–Han strings', async () => {
    const e = engine();
    const queries = ['长春市', '24年', 'U14', 'u14男', '5000MW', '合作协议', '吉林日报记者', '关于开展2024年度', '春', '"六城联动"'];
    for (const a of articles.slice(0, 20)) {
      const body = texts[articles.indexOf(a)];
      queries.push(body.slice(10, 13), body.slice(40, 48));
    }
    for (const q of queries) {
      const r = await e.search(q);
      expect(r.hits.map((h) => h.doc).sort((x, y) => x - y), q).toEqual(truth(q));
    }
  });

  it('should require every space-separated term', async () => {
    const r = await engine().search('珲春 出口');
    expect(r.hits.map((h) => h.doc).sort((x, y) => x - y)).toEqual(truth('珲春 出口'));
    expect(r.total).toBeGreaterThan(0);
  });

  it('should find nothing for a word that occurs nowhere, even when its characters do', async () => {
    expect((await engine().search('春节联欢')).total).toBe(0);
  });

  it('should download only the shards its terms live in', async () => {
    const e = engine();
    await e.search('珲春');
    const shards = e.files.filter((f) => f.startsWith('s/'));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.segments[0].length).toBeGreaterThan(20);
    // bigram 珲春, the whole-word lookup, and where the articles' scan readings begin: at most three shards.
    expect(shards.length).toBeLessThanOrEqual(3);
    const again = e.files.length;
    await e.search('珲春');
    expect(e.files.length).toBe(again);
  });

  it('should rank headline matches first and break ties newest first', async () => {
    const r = await engine().search('珲春');
    const first = articles[r.hits[0].doc];
    expect(first.headline).toContain('珲春');
    const ties = r.hits.filter((h, i) => i > 0 && h.score === r.hits[i - 1].score);
    for (const t of ties) {
      const prev = r.hits[r.hits.indexOf(t) - 1];
      expect(t.date <= prev.date).toBe(true);
      if (t.date === prev.date) expect(t.doc).toBeLessThan(prev.doc);
    }
  });

  it('should sort by date and filter by paper, date range and page', async () => {
    const e = engine();
    const byDate = await e.search('长春', { sort: 'date' });
    const dates = byDate.hits.map((h) => h.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const jl = await e.search('长春', { filters: { paper: 'jlrb' } });
    expect(jl.hits.every((h) => articles[h.doc].paper === 'jlrb')).toBe(true);
    expect(jl.total).toBeLessThan(byDate.total);
    const feb = await e.search('长春', { filters: { from: '2024-02', to: '2024-02' } });
    expect(feb.hits.every((h) => h.date.startsWith('2024-02'))).toBe(true);
    const page = articles[byDate.hits[0].doc].pageNumber!;
    const onPage = await e.search('长春', { filters: { page } });
    expect(onPage.hits.every((h) => articles[h.doc].pageNumber === page)).toBe(true);
    expect((await e.search('长春', { filters: { paper: 'nope' } })).total).toBe(0);
  });

  it('should answer any string without error: long, punctuation, emoji, regex characters, unpaired quotes', async () => {
    const e = engine();
    for (const q of ['', '   ', '，。！', '😀', '😀长春', '.*+?^${}()|[]\\', '"长春', '长春"', '"', '""', 'a'.repeat(5000), '长'.repeat(3000), '<script>alert(1)</script>']) {
      const r = await e.search(q);
      expect(r.total).toBe(r.hits.length);
    }
  });

  it('should refuse an index of another version with a clear message', async () => {
    const e = new SearchEngine(async (f) => (f === 'manifest.json' ? new TextEncoder().encode('{"version": 99, "shards": []}') : new Uint8Array()));
    await expect(e.search('长春')).rejects.toThrow(/search: the index has format version 99/);
  });
});

describe('coverOffsets', () => {
  it('should cover every unit of the term with bigrams', () => {
    expect(coverOffsets(2)).toEqual([0]);
    expect(coverOffsets(3)).toEqual([0, 1]);
    expect(coverOffsets(5)).toEqual([0, 2, 3]);
    expect(coverOffsets(6)).toEqual([0, 2, 4]);
  });
});

describe('makeSnippet', () => {
  it('should mark every occurrence of the terms in the window', () => {
    const s = makeSnippet({ kicker: null, headline: 'H', subhead: null, byline: null, paragraphs: ['今年，长春市与延边州坚持高位推动；长春U14男足出征。'] }, parseQuery('长春 u14'));
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['长春', '长春', 'U14']);
  });

  it('should show and mark a match in the dateline, which opens the body', () => {
    const s = makeSnippet({ kicker: null, headline: 'H', subhead: null, byline: null, dateline: '新华社长春3月9日电（金津秀、张祉璇）', paragraphs: ['连日来，东北气温持续回升。'] }, parseQuery('金津秀'));
    expect(s.text.startsWith('新华社长春3月9日电')).toBe(true);
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['金津秀']);
  });
});
