import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../build.ts';
import { merge } from './merge.ts';
import { filesOf } from '../output/site-folder.ts';
import { SearchEngine, type SearchOptions } from '../search/engine/search-engine.ts';

const FIXTURES = path.join(import.meta.dirname, '../parse/fixtures');
const SITE_URL = 'https://example.org/archive/';
const BASE = '/archive/';

/**
 * Seven pages of two papers over two years: jlrb issues on both sides of a
 * new year (their issue pages link across shards), a cswb issue on a jlrb
 * date (search ties across shards), an empty scan and a stray file (problems).
 */
function fixtureInput(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shards-in-'));
  const put = (rel: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  };
  const scan = (name: string) => fs.readFileSync(path.join(FIXTURES, `${name}.txt`));
  put('jlrb/paper.json', '{"name": "吉林日报"}');
  put('jlrb/2023-02-01/3.txt', fs.readFileSync(path.join(FIXTURES, 'seed-page.txt')));
  put('jlrb/2023-12-31/1.txt', scan('dev-01'));
  put('jlrb/2023-12-31/2.txt', scan('dev-02'));
  put('jlrb/2024-01-02/1.txt', scan('dev-03'));
  put('jlrb/2024-05-02/1.txt', scan('dev-04'));
  put('cswb/paper.json', '{"name": "城市晚报"}');
  put('cswb/2024-05-02/1.txt', scan('dev-07'));
  put('cswb/2024-05-02/2.txt', '');
  put('notes.txt', 'not a scan');
  return dir;
}

const QUERIES: Array<[string, SearchOptions?]> = [
  ['长春'],
  ['吉林'],
  ['发展'],
  ['记者'],
  ['的'],
  ['"经济发展"'],
  ['吉林 合作'],
  ['中国', { sort: 'date' }],
  // Newest first, ties by doc id: both papers' articles of 2024-05-02 in one list.
  ['的', { sort: 'date' }],
  ['工作', { filters: { paper: 'cswb' } }],
  ['工作', { filters: { from: '2024', to: '2024-12' } }],
  ['建设', { filters: { page: 1 } }],
];

/** Every query's total and the URLs of its hits, in order. */
async function results(site: string): Promise<Array<{ total: number; urls: string[] }>> {
  const engine = new SearchEngine(async (file) => new Uint8Array(fs.readFileSync(path.join(site, 'search-index', file))));
  const out = [];
  for (const [q, options] of QUERIES) {
    const r = await engine.search(q, options);
    out.push({ total: r.total, urls: await Promise.all(r.hits.map(async (h) => (await engine.fragment(h.doc)).url)) });
  }
  return out;
}

describe('archive merge', () => {
  let input: string;
  let out: string;
  let whole: string;
  let shards: string[];
  let merged: string;
  let previousUrl: string | undefined;

  beforeAll(async () => {
    previousUrl = process.env.SITE_URL;
    process.env.SITE_URL = SITE_URL;
    input = fixtureInput();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'shards-out-'));
    whole = path.join(out, 'whole');
    merged = path.join(out, 'merged');
    const common = { input, root: input, cache: null, basePath: BASE, workers: 0 };
    await build({ ...common, output: whole });
    shards = [];
    for (const only of ['jlrb/2024', 'cswb', 'jlrb/2023']) {
      const output = path.join(out, 'shards', only.replace('/', '-'));
      await build({ ...common, output, only });
      shards.push(output);
    }
    await merge({ shards, output: merged, root: input, basePath: BASE });
  }, 120_000);

  afterAll(() => {
    if (previousUrl === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = previousUrl;
  });

  it('should build a shard of only its scans, with its pages, its search index and its summary', () => {
    const files = [...filesOf(fs.realpathSync(shards[0])).keys()];
    expect(files).toContain('jlrb/2024-05-02/1/1/index.html');
    expect(files).toContain('jlrb/2024-05-02/index.json');
    expect(files).toContain('shard.json');
    expect(files).toContain('search-index/manifest.json');
    expect(files.filter((f) => /^(jlrb|cswb)\/\d{4}-\d{2}-\d{2}\/index\.html$/.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith('jlrb/2023') || f.startsWith('cswb/'))).toBe(false);
    expect(files).not.toContain('index.html');
  });

  it('should give the files of a single build of the same input, byte for byte, search index aside', () => {
    const a = filesOf(fs.realpathSync(whole));
    const b = filesOf(fs.realpathSync(merged));
    const pages = (m: Map<string, string>) => [...m.keys()].filter((f) => !f.startsWith('search-index/')).sort();
    expect(pages(b)).toEqual(pages(a));
    expect(pages(a).length).toBeGreaterThan(60);
    const differ = pages(a).filter((f) => !fs.readFileSync(a.get(f)!).equals(fs.readFileSync(b.get(f)!)));
    expect(differ).toEqual([]);
  });

  it('should answer every query with the same articles in the same order as a single build', async () => {
    const single = await results(whole);
    expect(single.filter((r) => r.total > 1).length).toBeGreaterThan(6);
    expect(await results(merged)).toEqual(single);
  });

  it('should publish the merged site atomically, as a link to a complete build folder', () => {
    expect(fs.lstatSync(merged).isSymbolicLink()).toBe(true);
    expect(path.dirname(fs.realpathSync(merged))).toBe(fs.realpathSync(`${merged}.builds`));
  });

  it('should change no file when the same shards are merged again', async () => {
    const result = await merge({ shards, output: merged, root: input, basePath: BASE });
    expect(result.summary).toMatch(/^Merged 3 shards: 5 issues, 6 pages, \d+ articles .*no file changed/);
    expect(result.exitCode).toBe(1);
  });

  it('should refuse shards built for another base path, or holding the same scans', async () => {
    await expect(merge({ shards, output: path.join(out, 'm2'), root: input, basePath: '/' })).rejects.toThrow(/built with --base-path \/archive\/, the merge has \/: give the same to both/);
    const again = path.join(out, 'shards', 'jlrb');
    await build({ input, root: input, cache: null, basePath: BASE, workers: 0, output: again, only: 'jlrb' });
    await expect(merge({ shards: [...shards, again], output: path.join(out, 'm3'), root: input, basePath: BASE })).rejects.toThrow(/hold the same scans/);
  }, 60_000);
});
