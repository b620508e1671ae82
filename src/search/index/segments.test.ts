/**
 * After any sequence of additions, edits and removals, an index with a
 * second segment answers every query as a full build's does, and an index
 * cut whole again from the previous build's postings is byte for byte the
 * index a full build writes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ArchiveArticle } from '../../types.ts';
import { runIndexJob, type IndexJobResult } from './index-job.ts';
import { listFiles } from '../../util/files.ts';
import { SearchEngine } from '../engine/search-engine.ts';
import { fileLoader } from '../file-loader.ts';
import { writeIndex, type SegmentTerms } from './write-index.ts';
import { packFragments } from './fragment-packs.ts';

const TEXTS = ['长春市推动产业合作', '吉林日报记者报道珲春出口', '冰雪经济新增长极', '项目建设春风浩荡满眼新', '合作共赢发展机遇', 'ABC 2024 年 春节联欢'];

/** A small article; `v` varies its text. */
function article(date: string, page: number, n: number, v: number): ArchiveArticle {
  const text = (i: number) => TEXTS[(v + i) % TEXTS.length] + String(v % 7);
  return {
    id: `jlrb/${date}/${page}/${n}`,
    url: `/jlrb/${date}/${page}/${n}/`,
    paper: 'jlrb',
    paperName: '吉林日报',
    date,
    page: String(page),
    pageNumber: page,
    section: null,
    kicker: v % 3 ? null : text(1),
    headline: text(0),
    subhead: null,
    byline: null,
    dateline: null,
    reporters: [],
    paragraphs: [text(2), text(3) + text(4)],
    kinds: ['text', 'text'],
    truncated: [],
    corrections: [],
    line: 1,
    n,
    keywords: [],
    source: `jlrb/${date}/${page}.txt`,
  };
}

/** Words per article id, as the analysis gives them (so no jieba is needed). */
const wordsOf = (as: ArchiveArticle[]) => new Map(as.map((a) => [a.id, { [a.headline.slice(0, 2)]: 1 }]));

type Written = { dir: string; result: IndexJobResult; tree: Record<string, string> };

/**
 * Index the articles, after `previous` when given (as a build does: files
 * the previous index has with the same content are not written again, and
 * the site keeps them).
 */
async function index(articles: ArchiveArticle[], previous: Written | null, shardBytes?: number, deltaMost = 0, runArticles?: number): Promise<Written> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segments-'));
  const job = { articles, words: wordsOf(articles), previous: previous?.result.state ?? null, existing: previous?.result.contents ?? null, from: previous?.dir ?? null, dir, shardBytes, deltaMost, runArticles };
  const result = await runIndexJob(job);
  // The index as the site holds it: the files written, and those kept from the previous build.
  const tree: Record<string, string> = {};
  for (const rel of [...result.contents.keys()].sort()) {
    const file = [dir, previous?.dir].map((d) => d && path.join(d, rel)).find((f) => f && fs.existsSync(f))!;
    tree[rel] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  expect(listFiles(dir).length).toBe(result.written);
  // Later builds read the previous index from one folder: put the kept files beside the written ones.
  for (const rel of result.contents.keys()) if (!fs.existsSync(path.join(dir, rel))) fs.copyFileSync(path.join(previous!.dir, rel), path.join(dir, rel));
  return { dir, result, tree };
}

const QUERIES = ['长春', '春', '冰雪经济', 'abc 2024', '共赢 发展', '满眼新1'];

/** Every query's results, by relevance and by date, as URL and score, with filters too. */
async function answers(dir: string) {
  const engine = new SearchEngine(fileLoader(dir));
  const out: string[] = [];
  const urls = new Map<number, Promise<string>>();
  const url = (doc: number) => urls.get(doc) ?? urls.set(doc, engine.fragment(doc).then((f) => f.url)).get(doc)!;
  for (const q of QUERIES) {
    for (const options of [{}, { sort: 'date' as const }, { filters: { from: '2024-01-03', to: '2024-01-07' } }]) {
      const r = await engine.search(q, options);
      out.push(`${q} ${JSON.stringify(options)}: ${r.total}`);
      for (const h of r.hits) out.push(`${await url(h.doc)} ${h.score.toFixed(9)}`);
    }
  }
  return out;
}

describe('planIndex', () => {
  it('should answer as a full build does with a second segment, and be a full build byte for byte when cut whole again', async () => {
    const key = fc.record({ day: fc.integer({ min: 1, max: 9 }), page: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }) });
    const step = fc.array(fc.record({ at: key, v: fc.integer({ min: 0, max: 40 }), remove: fc.boolean() }), { maxLength: 6 });
    let seconds = 0;
    let cuts = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: key, v: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 20 }),
        fc.array(step, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(undefined, 60, 300),
        fc.constantFrom(0.5, 1, 100),
        async (start, steps, shardBytes, deltaMost) => {
          const state = new Map<string, [number, number, number, number]>();
          const idOf = (k: { day: number; page: number; n: number }) => `${k.day}/${k.page}/${k.n}`;
          for (const s of start) state.set(idOf(s.at), [s.at.day, s.at.page, s.at.n, s.v]);
          const articles = () => [...state.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).map(([d, p, n, v]) => article(`2024-01-0${d}`, p, n, v));
          let last = await index(articles(), null, shardBytes, deltaMost);
          for (const changes of steps) {
            for (const c of changes) {
              if (c.remove) state.delete(idOf(c.at));
              else state.set(idOf(c.at), [c.at.day, c.at.page, c.at.n, c.v]);
            }
            const now = await index(articles(), last, shardBytes, deltaMost);
            const full = await index(articles(), null, shardBytes);
            expect(await answers(now.dir)).toEqual(await answers(full.dir));
            // Cut whole: one segment, no deleted doc.
            const whole = now.result.state.base === now.result.state.count && now.result.state.count === state.size;
            if (whole) {
              expect(now.tree).toEqual(full.tree);
              expect(now.result.state).toEqual(full.result.state);
              cuts++;
            } else {
              seconds++;
            }
            last = now;
          }
        },
      ),
      { numRuns: 60 },
    );
    // Both ways were taken, many times. Note: 30 runs gave 10–22 whole cuts,
    // so a floor of 10 failed now and then; 60 runs keep it far below.
    expect(Math.min(seconds, cuts)).toBeGreaterThan(10);
  });

  it('should patch the previous index into exactly the index a full build writes, with one shard or many', async () => {
    // An archive is a sorted list of (date, page, n, text variant); each step edits, adds or removes some.
    const key = fc.record({ day: fc.integer({ min: 1, max: 9 }), page: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }) });
    const step = fc.array(fc.record({ at: key, v: fc.integer({ min: 0, max: 40 }), remove: fc.boolean() }), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: key, v: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 20 }), fc.array(step, { minLength: 1, maxLength: 3 }), fc.constantFrom(undefined, 60, 200, 1000), async (start, steps, shardBytes) => {
        const state = new Map<string, [number, number, number, number]>();
        const idOf = (k: { day: number; page: number; n: number }) => `${k.day}/${k.page}/${k.n}`;
        for (const s of start) state.set(idOf(s.at), [s.at.day, s.at.page, s.at.n, s.v]);
        const articles = () => [...state.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).map(([d, p, n, v]) => article(`2024-01-0${d}`, p, n, v));
        let last = await index(articles(), null, shardBytes);
        for (const changes of steps) {
          for (const c of changes) {
            if (c.remove) state.delete(idOf(c.at));
            else state.set(idOf(c.at), [c.at.day, c.at.page, c.at.n, c.v]);
          }
          const patched = await index(articles(), last, shardBytes);
          const full = await index(articles(), null, shardBytes);
          expect(patched.tree).toEqual(full.tree);
          expect(patched.result.state).toEqual(full.result.state);
          last = patched;
        }
      }),
      { numRuns: 80 },
    );
  });

  it('should write the same index, byte for byte, when the terms are collected in runs', async () => {
    const runsLeft = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('archive-terms-')).length;
    const before = runsLeft();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 9 }), page: fc.integer({ min: 1, max: 3 }), v: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom(undefined, 60, 300),
        async (drawn, runArticles, shardBytes) => {
          const as = drawn.map((d, i) => article(`2024-01-0${d.day}`, d.page, i + 1, d.v)).sort((a, b) => a.date.localeCompare(b.date) || a.pageNumber! - b.pageNumber! || a.n - b.n);
          const once = await index(as, null, shardBytes);
          const inRuns = await index(as, null, shardBytes, 0, runArticles);
          expect(inRuns.tree).toEqual(once.tree);
          expect(inRuns.result.state).toEqual(once.result.state);
        },
      ),
      { numRuns: 60 },
    );
    // The runs' files are removed once the shards are cut.
    expect(runsLeft()).toBe(before);
  });

  it('should not leave the runs behind when an article cannot be read after its terms were collected', async () => {
    const runsLeft = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('archive-terms-')).length;
    const before = runsLeft();
    // Once every article's terms are collected, the bodies fail (as when their cache entries went meanwhile): the fragments cannot be made.
    let gone = false;
    const as = Array.from({ length: 4 }, (_, i) => {
      const a = article(`2024-01-0${i + 1}`, 1, 1, i);
      const paragraphs = a.paragraphs;
      return Object.defineProperty(a, 'paragraphs', {
        get: () => {
          if (gone) throw new Error('body gone');
          return paragraphs;
        },
      });
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segments-'));
    const job = { articles: as, words: wordsOf(as), previous: null, existing: null, from: null, dir, runArticles: 1 };
    await expect(runIndexJob(job, (done, total) => (gone = done === total))).rejects.toThrow('body gone');
    expect(runsLeft()).toBe(before);
  });

  it('should patch, not collect everything, when one article of many changed', async () => {
    const as = Array.from({ length: 20 }, (_, i) => article(`2024-01-${String(10 + i)}`, 1, 1, i));
    const first = await index(as, null);
    as[5] = article(as[5].date, 1, 1, 99);
    const second = await index(as, first);
    expect(second.result).toMatchObject({ full: false, indexed: 1 });
    // Nothing changed: the shards are kept, not cut again.
    const third = await index(as, second);
    expect(third.result).toMatchObject({ full: false, indexed: 0, written: 0 });
    // A damaged shard of the previous build is not trusted.
    as[6] = article(as[6].date, 1, 1, 98);
    const shard = path.join(second.dir, second.result.manifest.segments[0][0].file);
    fs.writeFileSync(shard, 'x');
    expect((await index(as, second)).result).toMatchObject({ full: true });
  });
});

describe('writeIndex with patched terms', () => {
  /** Postings bytes of a given length (a count and filler; the cut only looks at lengths). */
  const bytes = (n: number) => new Uint8Array(n).fill(1);
  const write = async (terms: SegmentTerms, existing?: Map<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patched-'));
    return { dir, written: await writeIndex({ segments: [terms], docs: [], fragments: packFragments([]), papers: [] }, dir, { shardBytes: 50, existing }) };
  };

  it('should cut a clean shard again when the first term of the next one changed (it may now fit)', async () => {
    const old = new Map([['ba', bytes(20)], ['bb', bytes(20)], ['bc', bytes(30)], ['bd', bytes(1)]]);
    const before = await write(old);
    const shards = before.written.manifest.segments[0];
    expect(shards.map((s) => [s.from, s.to])).toEqual([['ba', 'bb'], ['bc', 'bd']]);
    // "bc" is gone: a full build puts "bd" into the first shard.
    const now = new Map([...old].filter(([k]) => k !== 'bc'));
    const full = await write(now);
    const inShard = (i: number) => [...now].filter(([k]) => k >= shards[i].from && (i + 1 >= shards.length || k < shards[i + 1].from));
    const patched = await write(
      { shards, dirty: [false, true], entries: inShard, firstLength: (i) => old.get(shards[i].from)!.length },
      before.written.contents,
    );
    expect(patched.written.manifest.segments).toEqual(full.written.manifest.segments);
    // Untouched shards are kept, not written again.
    const kept = await write({ shards, dirty: [false, false], entries: inShard, firstLength: (i) => old.get(shards[i].from)!.length }, before.written.contents);
    expect(kept.written.manifest.segments).toEqual(before.written.manifest.segments);
    expect(kept.written.written).toBe(0);
  });
});
