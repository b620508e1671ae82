import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { build, normalizeBasePath } from './build.ts';
import { collectArchive } from './collect.ts';
import { listFiles } from './util/files.ts';


const ROOT = path.join(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'src/parse/fixtures');

/** An input folder with two papers, a good page, an empty and a binary scan. */
function fixtureInput(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-in-'));
  const put = (rel: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  };
  put('jlrb/paper.json', '{"name": "吉林日报"}');
  put('jlrb/2023-02-01/3.txt', fs.readFileSync(path.join(FIXTURES, 'seed-page.txt')));
  put('jlrb/2023-02-01/4.txt', fs.readFileSync(path.join(FIXTURES, 'dev-04.txt')));
  put('cswb/paper.json', '{"name": "城市晚报"}');
  put('cswb/2024-05-02/1.txt', fs.readFileSync(path.join(FIXTURES, 'dev-07.txt')));
  put('cswb/2024-05-02/2.txt', '');
  put('cswb/2024-05-02/3.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  // The same scan again under another name.
  put('cswb/2024-05-02/4.txt', fs.readFileSync(path.join(FIXTURES, 'dev-07.txt')));
  return dir;
}

describe('collectArchive', () => {
  it('should skip bad scans with a problem naming each file and keep the rest', async () => {
    const input = fixtureInput();
    const archive = await collectArchive({ input, root: input, cache: null });
    expect(archive.skipped).toEqual(['cswb/2024-05-02/2.txt', 'cswb/2024-05-02/3.txt', 'cswb/2024-05-02/4.txt']);
    expect(archive.problems.map((p) => `${p.file}: ${p.ruleId}: ${p.message}`)).toEqual([
      'cswb/2024-05-02/2.txt: decode: empty file: skipped',
      'cswb/2024-05-02/3.txt: decode: binary file (NUL byte at offset 4): skipped',
      'cswb/2024-05-02/4.txt: duplicate: same text as cswb/2024-05-02/1.txt: skipped as a duplicate',
    ]);
    expect(archive.stats.charsPlaced).toBe(archive.stats.charsRead);
    expect(archive.issues.map((i) => i.url)).toEqual(['/cswb/2024-05-02/', '/jlrb/2023-02-01/']);
    expect(archive.articles[0].url).toBe('/cswb/2024-05-02/1/1/');
    expect(archive.articles.find((a) => a.id === 'jlrb/2023-02-01/3/1')?.keywords.length).toBeGreaterThanOrEqual(5);
  });

  it('should say when scans go to be analyzed (the build loads the renderer then), and not when every scan is cached', async () => {
    const input = fixtureInput();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-cache-'));
    let calls = 0;
    const collect = () => collectArchive({ input, root: input, cache, workers: 0, whileAnalyzing: () => calls++ });
    const first = await collect();
    expect(calls).toBe(1);
    const again = await collect();
    expect(calls).toBe(1);
    expect(again.stats.cache?.misses).toBe(0);
    fs.appendFileSync(path.join(input, 'jlrb/2023-02-01/4.txt'), '\n新增一段文字。\n');
    await collect();
    expect(calls).toBe(2);
    expect(again.articles.map((a) => a.headline)).toEqual(first.articles.map((a) => a.headline));
  });
});

describe('build', () => {
  it('should build the site, report skipped scans and exit 1', async () => {
    const input = fixtureInput();
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-out-')), 'site');
    const result = await build({ input, output, root: ROOT });
    expect(result.exitCode).toBe(1);
    expect(result.summary).toMatch(/^Built 2 issues, 3 pages, \d+ articles .*skipped 3 scans/);
    expect(fs.existsSync(path.join(output, 'jlrb/2023-02-01/3/1/index.html'))).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(output, 'build-report.json'), 'utf8'));
    expect(report).toMatchObject({ scans: 6, built: 3, skipped: result.archive.skipped });
    expect(report.charactersPlaced).toBe(report.charactersRead);
  });

  it('should give byte-identical output for the same input, with the index built inline or on a worker', async () => {
    const input = fixtureInput();
    const trees = [];
    for (const indexOnWorker of [false, true]) {
      const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-det-')), 'site');
      await build({ input, output, root: ROOT, indexOnWorker });
      trees.push(Object.fromEntries(listFiles(output).map((f) => [path.relative(output, f), createHash('sha256').update(fs.readFileSync(f)).digest('hex')])));
    }
    expect(Object.keys(trees[0]).length).toBeGreaterThan(50);
    expect(trees[1]).toEqual(trees[0]);
  });

  it('should give the same site when Eleventy renders it in several passes', async () => {
    const input = fixtureInput();
    const trees = [];
    for (const unitsPerPass of [undefined, 7]) {
      const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-passes-')), 'site');
      const result = await build({ input, output, root: ROOT, unitsPerPass, cache: null });
      trees.push(Object.fromEntries(listFiles(output).map((f) => [path.relative(output, f), createHash('sha256').update(fs.readFileSync(f)).digest('hex')])));
      expect(result.files).toBe(listFiles(output).length);
    }
    expect(Object.keys(trees[1]).sort()).toEqual(Object.keys(trees[0]).sort());
    expect(trees[1]).toEqual(trees[0]);
  });

  it('should fail on warnings with --strict', async () => {
    const input = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-strict-'));
    fs.mkdirSync(path.join(input, 'jlrb/2023-02-01'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'seed-page.txt'), path.join(input, 'jlrb/2023-02-01/3.txt'));
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-out-')), 'site');
    // No paper.json: a warning.
    expect((await build({ input, output, root: ROOT })).exitCode).toBe(0);
    expect((await build({ input, output, root: ROOT, strict: true })).exitCode).toBe(1);
  });

  it('should clean up what a killed build left behind', async () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-out-')), 'site');
    fs.mkdirSync(`${output}.tmp-999999`, { recursive: true });
    await build({ input: fixtureInput(), output, root: ROOT });
    expect(fs.existsSync(`${output}.tmp-999999`)).toBe(false);
  });

  it('should leave the previous site untouched when rendering fails', async () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-out-')), 'site');
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, 'index.html'), 'previous');
    const brokenTemplates = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-templates-'));
    fs.writeFileSync(path.join(brokenTemplates, 'index.njk'), '{% if %}broken{% endif %}');
    await expect(build({ input: fixtureInput(), output, root: ROOT, templates: brokenTemplates, cache: null })).rejects.toThrow(/previous .* untouched/);
    expect(fs.readFileSync(path.join(output, 'index.html'), 'utf8')).toBe('previous');
  });
});

describe('normalizeBasePath', () => {
  it('should give /x/y/ form and refuse dot segments', () => {
    expect(normalizeBasePath(undefined)).toBe('/');
    expect(normalizeBasePath('repo')).toBe('/repo/');
    expect(normalizeBasePath('/a/b')).toBe('/a/b/');
    expect(() => normalizeBasePath('/../x/')).toThrow(/must not contain/);
  });
});

describe('archive parse', () => {
  it('should print JSON with articles, paragraphs in reading order and unplaced text', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/archive.js'), 'parse', path.join(FIXTURES, 'seed-page.txt'), '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.articles).toHaveLength(6);
    expect(out.articles[0]).toMatchObject({ headline: '在携手前行中共享机遇共赢发展', subhead: '延边州推动与长春市对接合作综述', byline: '吉林日报记者 张伟国 代黎黎' });
    expect(Array.isArray(out.articles[0].paragraphs)).toBe(true);
    expect(out.unplaced).toEqual([]);
  });

  it('should name the file in a one-line error for a file it cannot decode', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bad-')), 'empty.txt');
    fs.writeFileSync(bad, '');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/archive.js'), 'parse', bad], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${bad}: error: empty file`);
  });
});
