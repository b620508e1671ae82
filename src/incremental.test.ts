/**
 * Adding and fixing scans: an incremental build gives exactly the site a full
 * build gives, re-renders only what changed, leaves unchanged files alone,
 * and never trusts a damaged cache.
 */
import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { build } from './build.ts';
import { addScans } from './cli/add-command.ts';
import { SearchEngine } from './search/engine/search-engine.ts';
import { fileLoader } from './search/file-loader.ts';
import { listFiles } from './util/files.ts';

const ROOT = path.join(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'src/parse/fixtures');


/** File → content hash, and file → mtime, of a built site. */
function snapshot(site: string) {
  const hashes: Record<string, string> = {};
  const mtimes: Record<string, number> = {};
  for (const f of listFiles(site)) {
    const rel = path.relative(site, f);
    hashes[rel] = createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    mtimes[rel] = fs.statSync(f).mtimeMs;
  }
  return { hashes, mtimes };
}

function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incr-'));
  const input = path.join(dir, 'articles');
  const put = (rel: string, src: string) => {
    fs.mkdirSync(path.dirname(path.join(input, rel)), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, src), path.join(input, rel));
  };
  fs.mkdirSync(path.join(input, 'jlrb'), { recursive: true });
  fs.writeFileSync(path.join(input, 'jlrb/paper.json'), '{"name": "吉林日报"}');
  put('jlrb/2024-05-01/1.txt', 'dev-01.txt');
  put('jlrb/2024-05-01/2.txt', 'dev-02.txt');
  put('jlrb/2024-05-02/1.txt', 'dev-05.txt');
  // Enough pages that one more is a small change (the search index keeps its first segment).
  for (const [i, f] of ['dev-03.txt', 'dev-04.txt', 'dev-06.txt', 'dev-08.txt', 'dev-10.txt'].entries()) put(`jlrb/2024-04-2${i}/1.txt`, f);
  return { dir, input, output: path.join(dir, '_site'), cache: path.join(dir, '.cache') };
}

/** The site's files with the hash of each, search index included. */
function pages(site: string) {
  return snapshot(site).hashes;
}

const QUERIES = ['长春', '吉林日报记者', '珲春 出口', '合作', '春', '"推动产业"', '项目建设', '已更正', '春节联欢'];

/** What the site's search answers: result URLs and scores for a fixed set of queries. */
async function answers(site: string) {
  const engine = new SearchEngine(fileLoader(path.join(site, 'search-index')));
  const out: Record<string, string[]> = {};
  for (const q of QUERIES) {
    const r = await engine.search(q);
    out[q] = await Promise.all(r.hits.map(async (h) => `${(await engine.fragment(h.doc)).url} ${h.score.toFixed(6)}`));
  }
  return out;
}

/**
 * Check that an incrementally built site equals, byte for byte, a full
 * build of the same input; with `searchDelta`, but for the search index,
 * whose second segment then answers every query as the full build's does.
 */
async function expectSameAsFullBuild(site: string, input: string, searchDelta = false) {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'incr-full-')), '_site');
  await build({ input, output, root: ROOT, cache: null });
  const outside = (files: Record<string, string>) => (searchDelta ? Object.fromEntries(Object.entries(files).filter(([f]) => !f.startsWith('search-index/'))) : files);
  const [got, want] = [outside(pages(site)), outside(pages(output))];
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  expect(got).toEqual(want);
  expect(await answers(site)).toEqual(await answers(output));
}

describe('incremental builds', () => {
  it('should give the same site as a full build after adding a page, and rewrite only what changed', async () => {
    const w = workspace();
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    const before = snapshot(w.output);
    await new Promise((r) => setTimeout(r, 20));
    const { code } = addScans([path.join(FIXTURES, 'dev-07.txt')], { input: w.input, paper: 'jlrb', date: '2024-05-03', page: '1', replace: false });
    expect(code).toBe(0);
    const result = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(result.summary).toMatch(/incremental: \d+ of \d+ units re-rendered/);
    const after = snapshot(w.output);
    await expectSameAsFullBuild(w.output, w.input);
    // An article page on an untouched old page was not rewritten.
    const untouched = Object.keys(before.hashes).filter((f) => f.startsWith('jlrb/2024-05-01/2/') && before.hashes[f] === after.hashes[f]);
    expect(untouched.length).toBeGreaterThan(0);
    for (const f of untouched) expect(after.mtimes[f]).toBe(before.mtimes[f]);
    // The search index is one segment, as a full build writes it; fragments of old articles were not rewritten.
    const manifest = JSON.parse(fs.readFileSync(path.join(w.output, 'search-index/manifest.json'), 'utf8'));
    expect(manifest.segments).toHaveLength(1);
    expect(after.mtimes['search-index/f/0.json']).toBe(before.mtimes['search-index/f/0.json']);
  });

  it('should leave after a first build a spare build folder of links to every file, so the next build links only what it changes', async () => {
    const w = workspace();
    // Several passes of the render, each linked into the spare as it is written.
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache, unitsPerPass: 40 });
    const builds = `${w.output}.builds`;
    const live = fs.realpathSync(w.output);
    const spare = fs.readdirSync(builds).filter((n) => n !== path.basename(live) && !n.endsWith('.json'));
    expect(spare).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(`${live}.changes.json`, 'utf8'))).toEqual({ base: spare[0], changed: [] });
    const inodes = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [path.relative(dir, f), fs.statSync(f).ino]));
    const files = inodes(live);
    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(inodes(path.join(builds, spare[0]))).toEqual(files);
    // The next build starts from that spare: the site it publishes is the full build's.
    addScans([path.join(FIXTURES, 'dev-07.txt')], { input: w.input, paper: 'jlrb', date: '2024-05-03', page: '1', replace: false });
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache, unitsPerPass: 40 });
    await expectSameAsFullBuild(w.output, w.input);
  });

  it('should write nothing when nothing changed (every byte and mtime as it was)', async () => {
    const w = workspace();
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    const before = snapshot(w.output);
    const target = fs.readlinkSync(w.output);
    await new Promise((r) => setTimeout(r, 20));
    const result = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(result.summary).toMatch(/no file changed.*incremental: nothing changed/);
    expect(result.files).toBe(0);
    expect(snapshot(w.output)).toEqual(before);
    expect(fs.readlinkSync(w.output)).toBe(target);
    // The spare build folder was not touched either.
    const spare = fs.readdirSync(`${w.output}.builds`).sort();
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(fs.readdirSync(`${w.output}.builds`).sort()).toEqual(spare);
  });

  it.each([false, true])('should equal a full build byte for byte after a sequence of add, edit, replace and delete (search index in a second segment: %s)', async (searchDelta) => {
    const w = workspace();
    const searchDeltaMost = searchDelta ? 10 : undefined;
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache, searchDeltaMost });
    const steps: Array<() => void> = [
      // Add a new issue and an old one (the old one moves the doc ids of every later article).
      () => addScans([path.join(FIXTURES, 'dev-07.txt')], { input: w.input, paper: 'jlrb', date: '2024-05-03', page: '1', replace: false }),
      () => addScans([path.join(FIXTURES, 'dev-11.txt')], { input: w.input, paper: 'jlrb', date: '2024-04-01', page: '2', replace: false }),
      // Edit one scan, replace another with a shorter one.
      () => {
        const scan = path.join(w.input, 'jlrb/2024-05-02/1.txt');
        fs.writeFileSync(scan, fs.readFileSync(scan, 'utf8').replace(/。/, '（已更正）。'));
        addScans([path.join(FIXTURES, 'dev-09.txt')], { input: w.input, paper: 'jlrb', date: '2024-05-01', page: '1', replace: true });
      },
      // Delete a scan and a whole issue.
      () => {
        fs.rmSync(path.join(w.input, 'jlrb/2024-05-01/2.txt'));
        fs.rmSync(path.join(w.input, 'jlrb/2024-04-21'), { recursive: true });
      },
    ];
    for (const step of steps) {
      step();
      const result = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache, searchDeltaMost });
      expect(result.summary).toMatch(/incremental/);
      await expectSameAsFullBuild(w.output, w.input, searchDelta);
      const manifest = JSON.parse(fs.readFileSync(path.join(w.output, 'search-index/manifest.json'), 'utf8'));
      expect(manifest.segments).toHaveLength(searchDelta ? 2 : 1);
    }
  });

  it('should read only the scans that changed since the last build, and see an edit that keeps the size', async () => {
    const w = workspace();
    // Note: the scans were written just now, and a scan changed so recently is read again by every build (scan/scan-memo.ts): let the clock say they settled.
    const settled = Date.now() + 60_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => settled);
    const reads = vi.spyOn(fs, 'readFileSync');
    try {
      await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
      const edited = path.join(w.input, 'jlrb/2024-05-01/2.txt');
      const text = fs.readFileSync(edited, 'utf8');
      const at = text.lastIndexOf('吉林');
      expect(at).toBeGreaterThan(0);
      fs.writeFileSync(edited, `${text.slice(0, at)}林吉${text.slice(at + 2)}`);
      reads.mockClear();
      await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
      const scansRead = reads.mock.calls.map(([f]) => String(f)).filter((f) => f.startsWith(w.input) && f.endsWith('.txt'));
      // Note: the changed scan is read again when its page view shows its text (a build does not hold every scan's text).
      expect([...new Set(scansRead)]).toEqual([edited]);
      expect(fs.readFileSync(path.join(w.output, 'jlrb/2024-05-01/2/index.html'), 'utf8')).toContain('林吉');
    } finally {
      reads.mockRestore();
      clock.mockRestore();
    }
    await expectSameAsFullBuild(w.output, w.input);
  });

  it('should refuse a second build of the same site while one runs, and take over the lock of a killed one', async () => {
    const w = workspace();
    const first = build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    await expect(build({ input: w.input, output: w.output, root: ROOT, cache: w.cache })).rejects.toThrow(/^another build \(pid \d+\) is writing .*; wait for it to finish/);
    await first;
    // A lock left by a process that is gone does not block.
    fs.writeFileSync(`${w.output}.lock`, JSON.stringify({ pid: 999_999, started: '1' }));
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(fs.existsSync(`${w.output}.lock`)).toBe(false);
  });

  it('should show an OCR fix in the site after editing a scan', async () => {
    const w = workspace();
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    const scan = path.join(w.input, 'jlrb/2024-05-02/1.txt');
    fs.writeFileSync(scan, fs.readFileSync(scan, 'utf8').replace('春风浩荡满眼新', '春风浩荡满眼新（已更正）'));
    const result = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(result.summary).toMatch(/incremental/);
    expect(fs.readFileSync(path.join(w.output, 'jlrb/2024-05-02/1/1/index.html'), 'utf8')).toContain('（已更正）');
    await expectSameAsFullBuild(w.output, w.input);
  });

  it('should remove the pages of a scan that was replaced by a shorter one', async () => {
    const w = workspace();
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(fs.existsSync(path.join(w.output, 'jlrb/2024-05-01/1/6/index.html'))).toBe(true);
    // dev-01 has 6 articles; dev-09, which replaces it, has 4.
    const refused = addScans([path.join(FIXTURES, 'dev-09.txt')], { input: w.input, paper: 'jlrb', date: '2024-05-01', page: '1', replace: false });
    expect(refused.code).toBe(1);
    const replaced = addScans([path.join(FIXTURES, 'dev-09.txt')], { input: w.input, paper: 'jlrb', date: '2024-05-01', page: '1', replace: true });
    expect(replaced.code).toBe(0);
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(fs.existsSync(path.join(w.output, 'jlrb/2024-05-01/1/6'))).toBe(false);
    await expectSameAsFullBuild(w.output, w.input);
  });

  it('should reuse the analysis of unchanged scans and redo it when the cache is damaged', async () => {
    const w = workspace();
    const first = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(first.archive.stats.cache).toMatchObject({ hits: 0, misses: 8 });
    const second = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(second.archive.stats.cache).toMatchObject({ hits: 8, misses: 0 });
    // Damage one entry (truncate it) and corrupt another's data.
    // (A rebuild reads an analysis whole when it renders one of its pages: --full renders every page.)
    const entries = listFiles(path.join(w.cache, 'analysis'));
    expect(entries).toHaveLength(8);
    fs.writeFileSync(entries[0], fs.readFileSync(entries[0], 'utf8').slice(0, 100));
    fs.writeFileSync(entries[1], fs.readFileSync(entries[1], 'utf8').replace('吉林', '假的'));
    const third = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache, full: true });
    expect(third.archive.stats.cache).toMatchObject({ hits: 6, misses: 2, corrupt: 2 });
    await expectSameAsFullBuild(w.output, w.input);
    // The heads of the analyses (one entry, cache/analysis-heads.ts) damaged: every analysis is read whole.
    const [heads] = listFiles(path.join(w.cache, 'heads'));
    const sound = fs.readFileSync(heads, 'utf8');
    expect(sound).toContain('吉林');
    fs.writeFileSync(heads, sound.replace(/吉林/g, '假的'));
    const fourth = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache, full: true });
    expect(fourth.archive.stats.cache).toMatchObject({ hits: 8, misses: 0, corrupt: 0 });
    await expectSameAsFullBuild(w.output, w.input);
  });

  it('should index the words cached with each scan as a fresh analysis gives them, on this thread and on a worker', async () => {
    const w = workspace();
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(listFiles(path.join(w.cache, 'words'))).toHaveLength(8);
    for (const indexOnWorker of [false, true]) {
      const output = path.join(w.dir, `_full-${indexOnWorker}`);
      // Every analysis from the cache, every article indexed: the words of each come from the cache.
      const again = await build({ input: w.input, output, root: ROOT, cache: w.cache, full: true, indexOnWorker });
      expect(again.archive.stats.cache).toMatchObject({ hits: 8, misses: 0 });
      await expectSameAsFullBuild(output, w.input);
    }
  });

  it('should render everything again when the render state is damaged', async () => {
    const w = workspace();
    await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    const [state] = listFiles(path.join(w.cache, 'render'));
    fs.writeFileSync(state, '{"units": {}');
    const result = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(result.summary).not.toMatch(/incremental/);
    await expectSameAsFullBuild(w.output, w.input);
    // Sound JSON that is not what was written: one signature changed.
    const saved = fs.readFileSync(state, 'utf8');
    fs.writeFileSync(state, saved.replace(/("a:[^"]+":")[0-9a-f]/, '$1z'));
    fs.appendFileSync(path.join(w.input, 'jlrb/2024-05-01/1.txt'), '\n补记一段。\n');
    const edited = await build({ input: w.input, output: w.output, root: ROOT, cache: w.cache });
    expect(edited.summary).not.toMatch(/incremental/);
  });
});

describe('archive add', () => {
  it('should refuse bad ids and dates with a clear message and add nothing', () => {
    const w = workspace();
    const r = addScans([path.join(FIXTURES, 'dev-07.txt')], { input: w.input, paper: '../x', date: '2023-02-30', page: '1', replace: false });
    expect(r).toEqual({ code: 1, added: [] });
    expect(fs.existsSync(path.join(w.dir, 'x'))).toBe(false);
  });

  it('should refuse a file that is not a scan and still add the good ones', () => {
    const w = workspace();
    const bad = path.join(w.dir, 'empty.txt');
    fs.writeFileSync(bad, '');
    const r = addScans([path.join(FIXTURES, 'dev-07.txt'), bad], { input: w.input, paper: 'cswb', date: '2024-05-04', page: '1', paperName: '城市晚报', replace: false });
    expect(r.code).toBe(1);
    expect(r.added).toEqual([`${path.join(w.input, 'cswb/2024-05-04/1.txt')} (6 articles)`]);
    expect(JSON.parse(fs.readFileSync(path.join(w.input, 'cswb/paper.json'), 'utf8'))).toEqual({ name: '城市晚报' });
    expect(fs.existsSync(path.join(w.input, 'cswb/2024-05-04/2.txt'))).toBe(false);
  });

  it('should add a folder laid out like articles/', () => {
    const w = workspace();
    const src = path.join(w.dir, 'incoming');
    fs.mkdirSync(path.join(src, 'cswb/2024-06-01'), { recursive: true });
    fs.writeFileSync(path.join(src, 'cswb/paper.json'), '{"name": "城市晚报"}');
    fs.copyFileSync(path.join(FIXTURES, 'dev-13.txt'), path.join(src, 'cswb/2024-06-01/4.txt'));
    fs.writeFileSync(path.join(src, 'cswb/2024-06-01/4.json'), '{"section": "体育"}');
    const r = addScans([src], { input: w.input, replace: false });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(w.input, 'cswb/2024-06-01/4.json'), 'utf8')).toContain('体育');
    expect(fs.existsSync(path.join(w.input, 'cswb/paper.json'))).toBe(true);
  });
});
