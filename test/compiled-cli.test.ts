/**
 * The package compiles to JavaScript (scripts/compile.ts) and bin/archive.js
 * runs the compiled CLI while it is current, the TypeScript sources otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from '../src/build.ts';
import { parseScan } from '../src/parse/parse-page.ts';
import { toJsonOutput } from '../src/cli/parse-command.ts';
import { listFiles } from '../src/util/files.ts';
import { synthArchive } from '../scripts/synth-archive.ts';

const ROOT = path.join(import.meta.dirname, '..');
const SCAN = path.join(ROOT, 'articles/jlrb/2023-02-01/3.txt');
const node = (args: string[], cwd: string) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });

/** File → bytes of every file of a site. */
function siteFiles(site: string): Map<string, string> {
  return new Map(listFiles(site).map((f) => [path.relative(site, f), fs.readFileSync(f, 'latin1')]));
}

describe('the compiled package', () => {
  // Compiled into a folder of its own beside dist/, from the sources as they are, so dist/ is left alone.
  const out = path.join(ROOT, `dist.test-${process.pid}`);
  const cli = path.join(out, 'cli.js');
  let work: string;

  beforeAll(() => {
    const tsx = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs');
    const r = node([tsx, path.join(ROOT, 'scripts/compile.ts'), '--out-dir', out], ROOT);
    expect(r.stderr).toContain('compile: src/');
    expect(r.status).toBe(0);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'compiled-'));
  }, 120_000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('should hold no TypeScript, and the files the code reads beside it', () => {
    const files = listFiles(out).map((f) => path.relative(out, f));
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['cli.js', 'parse/analyze-worker.js', 'search/index/index-worker.js', 'enrich/userdict.utf8', 'search/client/bundled/search-page.js', 'search/client/bundled/highlight.js', 'compiled.json']));
  });

  it('should parse a scan as the sources do', () => {
    const r = node([cli, 'parse', SCAN, '--json'], work);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(toJsonOutput(parseScan(fs.readFileSync(SCAN))))));
  });

  it('should build, on worker threads, the site a build from the sources makes, byte for byte, and search it', async () => {
    // 20 pages: enough for the parsing to go to worker threads.
    const input = path.join(work, 'articles');
    synthArchive({ pages: 20, out: input, seed: 3 });
    const r = node([cli, 'build', '--input', input, '--output', path.join(work, 'compiled')], work);
    expect(r.status, r.stderr).toBe(0);
    await build({ input, output: path.join(work, 'sources'), root: work, cache: null });
    const compiled = siteFiles(path.join(work, 'compiled'));
    const sources = siteFiles(path.join(work, 'sources'));
    expect([...compiled.keys()].sort()).toEqual([...sources.keys()].sort());
    const differ = [...compiled.keys()].filter((f) => compiled.get(f) !== sources.get(f));
    expect(differ).toEqual([]);
    const search = node([cli, 'search', '长春', '--site', path.join(work, 'compiled'), '--json'], work);
    expect(search.status).toBe(0);
    expect(JSON.parse(search.stdout).total).toBeGreaterThan(0);
  }, 120_000);
});

describe('bin/archive.js', () => {
  // A package of its own: the real launcher, a dist/cli.js and a src/cli.ts that say which ran.
  let pkg: string;
  const run = () => node([path.join(pkg, 'bin/archive.js')], pkg).stdout.trim();
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
    fs.writeFileSync(path.join(pkg, file), text);
  };
  const age = (file: string, seconds: number) => {
    const t = new Date(Date.now() + seconds * 1000);
    fs.utimesSync(path.join(pkg, file), t, t);
  };

  beforeAll(() => {
    pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
    write('package.json', JSON.stringify({ type: 'module' }));
    write('bin/archive.js', fs.readFileSync(path.join(ROOT, 'bin/archive.js'), 'utf8'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    write('src/cli.ts', "const ran: string = 'sources';\nconsole.log(ran);\n");
    write('src/cli.test.ts', '');
    write('src/parse/fixtures/page.txt', '');
    write('dist/cli.js', "console.log('compiled');\n");
    for (const f of ['src/cli.ts', 'src/cli.test.ts', 'src/parse/fixtures/page.txt']) age(f, -60);
    write('dist/compiled.json', JSON.stringify({ started: Date.now() - 30_000 }));
  });

  it('should run dist/ when no source changed after the compile started', () => {
    expect(run()).toBe('compiled');
  });

  it('should still run dist/ after a test or a fixture changed', () => {
    age('src/cli.test.ts', 0);
    age('src/parse/fixtures/page.txt', 0);
    expect(run()).toBe('compiled');
  });

  it('should run the sources when a source changed after the compile started', () => {
    age('src/cli.ts', 0);
    expect(run()).toBe('sources');
    age('src/cli.ts', -60);
  });

  it('should run the sources when there is no compiled CLI', () => {
    fs.rmSync(path.join(pkg, 'dist/compiled.json'));
    expect(run()).toBe('sources');
  });
});
