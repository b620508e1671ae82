import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ANALYSIS, AnalysisHeads, articlesFrom, BodyGoneError, bodyRef, portableArticles, withBody, type Analysis } from './analysis-heads.ts';
import { BuildCache } from './build-cache.ts';
import { runIndexJob, runIndexJobInWorker, type IndexJob } from '../search/index/index-job.ts';
import type { ArchiveArticle } from '../types.ts';

const head = (headline: string, untitled?: boolean) => ({
  kicker: null,
  headline,
  subhead: null,
  byline: '吉林日报记者 张伟',
  dateline: null,
  reporters: [{ name: '张伟', org: '吉林日报', role: '记者' }],
  line: 3,
  ...(untitled === undefined ? {} : { untitled }),
});

describe('withBody', () => {
  it('should read the body only when a field of it is asked for, and each article its own', () => {
    const reads: string[] = [];
    const body = (p: string) => () => {
      reads.push(p);
      return { corrections: [], paragraphs: [p], kinds: ['text' as const], truncated: [] };
    };
    const a = withBody(head('甲'), body('一段'), { id: 'a/1' });
    const b = withBody(head('乙', true), body('二段'), { id: 'b/1' });
    expect([a.headline, a.id, b.untitled]).toEqual(['甲', 'a/1', true]);
    expect(reads).toEqual([]);
    expect(b.paragraphs).toEqual(['二段']);
    expect(a.paragraphs).toEqual(['一段']);
    expect(reads).toEqual(['二段', '一段']);
  });

  it('should show spreading, JSON and structured clone a whole article, fields in order, without the function that reads the body', () => {
    const article = withBody(head('甲', false), () => ({ corrections: [], paragraphs: ['一段'], kinds: ['text' as const], truncated: [0] }), { id: 'a/1', n: 1 });
    const order = ['kicker', 'headline', 'subhead', 'byline', 'dateline', 'reporters', 'corrections', 'paragraphs', 'kinds', 'truncated', 'line', 'untitled', 'id', 'n'];
    expect(Object.keys(article)).toEqual(order);
    expect(Object.keys(JSON.parse(JSON.stringify(article)))).toEqual(order);
    const whole = { ...head('甲', false), corrections: [], paragraphs: ['一段'], kinds: ['text'], truncated: [0], id: 'a/1', n: 1 };
    for (const copy of [{ ...article }, structuredClone(article), JSON.parse(JSON.stringify(article))]) {
      expect(copy).toEqual(whole);
      expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    }
  });

  it("should make articles V8 keeps in fast mode, in one shape (an object literal with getters of its own is a dictionary: 2.1 KB an article, not 0.35)", () => {
    // V8's own answer, from a process with its natives syntax on (vitest's has it off).
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shape-')), 'shape.mjs');
    fs.writeFileSync(
      script,
      `const { withBody } = await import(${JSON.stringify(path.join(import.meta.dirname, 'analysis-heads.ts'))});
       const fast = new Function('o', 'return %HasFastProperties(o)');
       const same = new Function('a', 'b', 'return %HaveSameMap(a, b)');
       const head = { kicker: null, headline: '甲', subhead: null, byline: null, dateline: null, reporters: [], line: 1 };
       const [a, b] = [1, 2].map((n) => withBody(head, () => ({ corrections: [], paragraphs: [], kinds: [], truncated: [] }), { id: 'a/' + n, n }));
       console.log(JSON.stringify({ fast: fast(a), same: same(a, b) }));`,
    );
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { cwd: path.join(import.meta.dirname, '../..'), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ fast: true, same: true });
  });
});

/** An analysis of one article, `text` its one paragraph. */
const analysisOf = (text: string): Analysis => ({
  style: 'clean',
  articles: [{ ...head('标题'), corrections: [], paragraphs: [text], kinds: ['text'], truncated: [] }],
  unplaced: [],
  furniture: [],
  section: null,
  keywords: [[]],
  read: text.length,
  placed: text.length,
});

/** A cache with `n` analyses stored and kept as heads; their keys. */
function cached(n: number) {
  const cache = new BuildCache(fs.mkdtempSync(path.join(os.tmpdir(), 'heads-')));
  const heads = new AnalysisHeads(cache, 'input', 'v1');
  const keys = Array.from({ length: n }, (_, i) => `k${i}`);
  keys.forEach((key, i) => {
    const analysis = analysisOf(`第${i}段正文`);
    cache.set(ANALYSIS, key, analysis);
    heads.keep(key, analysis);
  });
  return { cache, heads, keys };
}

/** The article of an analysis as the archive has it (collect.ts): its own fields, its body the analysis's. */
function archived<T extends object>(analysis: Analysis, own: T) {
  const a = analysis.articles[0];
  return withBody(a, () => a, own, bodyRef(a));
}

describe('AnalysisHeads.lazy', () => {
  it('should read a body again once its analysis is no longer one of the recent: the bodies are not all held', () => {
    const { cache, heads, keys } = cached(300);
    const reads = new Map<string, number>();
    const articles = keys.map((key) =>
      heads.lazy(key, () => {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return cache.get<Analysis>(ANALYSIS, key)!;
      }).articles[0],
    );
    expect(articles.map((a) => a.paragraphs[0])).toEqual(keys.map((_, i) => `第${i}段正文`));
    // The last one read is still held; the first was let go, and is read again.
    expect([articles[299].kinds, articles[0].kinds]).toEqual([['text'], ['text']]);
    expect([reads.get('k299'), reads.get('k0')]).toEqual([1, 2]);
  });
});

describe('portableArticles', () => {
  it('should post articles made from heads without their bodies, which the other side reads from the cache', () => {
    const { cache, heads, keys } = cached(3);
    const articles = keys.map((key, i) => archived(heads.lazy(key, () => cache.get<Analysis>(ANALYSIS, key)!), { id: `a/${i}` }));
    const posted = structuredClone(portableArticles(articles, cache.dir));
    expect(JSON.stringify(posted)).not.toContain('段正文');
    const got = articlesFrom(posted);
    expect(got.map((a) => ({ ...a }))).toEqual(articles.map((a) => ({ ...a })));
    expect(got[2].paragraphs).toEqual(['第2段正文']);
    // Told the fields the other side reads, the heads posted hold only those; the bodies are read as before.
    const trimmed = portableArticles(articles, cache.dir, ['id', 'headline', 'paragraphs']);
    expect(trimmed.items.map((item) => 'head' in item && Object.keys(item.head).sort())).toEqual(articles.map(() => ['headline', 'id']));
    const some = articlesFrom<(typeof articles)[number]>(structuredClone(trimmed));
    expect(some.map((a) => [a.id, a.headline, a.paragraphs, a.subhead])).toEqual(articles.map((a) => [a.id, a.headline, a.paragraphs, undefined]));
  });

  it('should post whole the articles with no body in the cache (no cache, or not made from a head)', () => {
    const { cache, heads } = cached(1);
    const lazy = heads.lazy('k0', () => cache.get<Analysis>(ANALYSIS, 'k0')!).articles[0];
    const plain = { ...head('乙'), corrections: [], paragraphs: ['乙段'], kinds: ['text' as const], truncated: [] };
    expect(JSON.stringify(portableArticles([lazy], null))).toContain('第0段正文');
    expect(JSON.stringify(portableArticles([plain], cache.dir))).toContain('乙段');
  });

  it('should fail with BodyGoneError on the other side when a body left the cache, and the index job then runs on this thread', async () => {
    const { cache, heads } = cached(2);
    const articles: ArchiveArticle[] = ['k0', 'k1'].map((key, i) =>
      archived(heads.lazy(key, () => analysisOf(`第${i}段正文`)), {
        id: `jlrb/2024-01-0${i + 1}/1/1`,
        url: `/jlrb/2024-01-0${i + 1}/1/1/`,
        paper: 'jlrb',
        paperName: '吉林日报',
        date: `2024-01-0${i + 1}`,
        page: '1',
        pageNumber: 1,
        section: null,
        n: 1,
        keywords: [],
        source: `articles/jlrb/2024-01-0${i + 1}/1.txt`,
      }) as unknown as ArchiveArticle,
    );
    fs.rmSync(path.join(cache.dir!, ANALYSIS), { recursive: true });
    expect(() => articlesFrom<ArchiveArticle>(portableArticles(articles, cache.dir))[0].paragraphs).toThrow(BodyGoneError);
    const job = (dir: string): IndexJob => ({ articles, cacheDir: cache.dir, words: undefined, previous: null, existing: null, from: null, dir });
    const onWorker = await runIndexJobInWorker(job(fs.mkdtempSync(path.join(os.tmpdir(), 'idx-'))));
    const here = await runIndexJob(job(fs.mkdtempSync(path.join(os.tmpdir(), 'idx-'))));
    expect(onWorker.indexed).toBe(2);
    expect([...onWorker.contents]).toEqual([...here.contents]);
  });
});
