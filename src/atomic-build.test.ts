/**
 * #11 A build killed with SIGKILL at any moment leaves the site folder a
 * consistent site, the previous build or the new one, every link and search
 * file in place; the next build completes it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { build } from './build.ts';
import { lockSite } from './output/site-folder.ts';
import { listFiles } from './util/files.ts';
import { synthArchive } from '../scripts/synth-archive.ts';

const ROOT = path.join(import.meta.dirname, '..');
// Note: bin/archive.js runs the CLI in its own process (compiled, or the sources under tsx), so a kill hits the build itself.
const NODE_ARGS = [path.join(ROOT, 'bin/archive.js')];

/** File → content hash of a site. */
function snapshot(site: string): Record<string, string> {
  return Object.fromEntries(listFiles(site).map((f) => [path.relative(site, f), createHash('sha256').update(fs.readFileSync(f)).digest('hex')]));
}

/** Problems that make a site inconsistent: internal links and assets that do not resolve, search files the manifest names that are missing. */
function brokenParts(site: string): string[] {
  const broken: string[] = [];
  const exists = (url: string) => {
    const rel = decodeURI(url.split(/[?#]/)[0]).replace(/^\//, '');
    const file = path.join(site, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
    return fs.existsSync(file);
  };
  for (const f of listFiles(site).filter((x) => x.endsWith('.html'))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/\b(?:href|src)="(\/[^"]*)"/g)) if (!exists(m[1])) broken.push(`${path.relative(site, f)} → ${m[1]}`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(site, 'search-index/manifest.json'), 'utf8'));
  const named = [manifest.docsFile, ...manifest.segments.flat().map((s: { file: string }) => s.file), ...manifest.fragments.map((p: { file: string }) => p.file)];
  for (const file of named) if (!fs.existsSync(path.join(site, 'search-index', file))) broken.push(`manifest → ${file}`);
  return broken;
}

/** Run `archive build` in a child process; with `killAt`, it kills itself at that point, with `killAfter` the test kills it after so many ms. */
function runCli(w: Workspace, options: { killAt?: string; killAfter?: number; onStart?: (pid: number) => void } = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_ARGS, 'build', '--input', w.input, '--output', w.output], {
      cwd: w.dir,
      env: { ...process.env, CI: '1', ...(options.killAt ? { ARCHIVE_KILL_AT: options.killAt } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    options.onStart?.(child.pid!);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = options.killAfter === undefined ? null : setTimeout(() => child.kill('SIGKILL'), options.killAfter);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

interface Workspace {
  dir: string;
  input: string;
  output: string;
}

let w: Workspace;
let before: Record<string, string>;
let after: Record<string, string>;
/** Puts the input back as it was before the rebuild. */
let revert: () => void;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
  w = { dir, input: path.join(dir, 'articles'), output: path.join(dir, '_site') };
  // Large enough that a kill lands in the middle of rendering and syncing.
  synthArchive({ pages: 20, out: w.input, seed: 3 });
  await build({ input: w.input, output: w.output, root: dir });
  before = snapshot(w.output);
  // The rebuild: edit a page, add an issue, delete a page.
  const days = fs.readdirSync(path.join(w.input, 'jlrb')).filter((d) => /^\d{4}-/.test(d)).sort();
  const edited = path.join(w.input, 'jlrb', days[0], '1.txt');
  const deleted = path.join(w.input, 'cswb', days[0], '3.txt');
  const [editedText, deletedText] = [fs.readFileSync(edited), fs.readFileSync(deleted)];
  revert = () => {
    fs.writeFileSync(edited, editedText);
    fs.writeFileSync(deleted, deletedText);
    fs.rmSync(path.join(w.input, 'jlrb/2030-01-01'), { recursive: true });
  };
  fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace(/。/, '（更正）。'));
  fs.mkdirSync(path.join(w.input, 'jlrb/2030-01-01'), { recursive: true });
  fs.writeFileSync(path.join(w.input, 'jlrb/2030-01-01/1.txt'), fs.readFileSync(path.join(w.input, 'jlrb', days[1], '2.txt'), 'utf8').replace(/。/, '（新）。'));
  fs.rmSync(deleted);
  // What the rebuild must give: a full build of the new input, elsewhere.
  const full = path.join(dir, 'full');
  await build({ input: w.input, output: full, root: dir, cache: null });
  after = snapshot(full);
  expect(Object.keys(after).length).toBeGreaterThan(300);
  expect(brokenParts(w.output)).toEqual([]);
  expect(brokenParts(full)).toEqual([]);
}, 120_000);

/** The site must be the old build or the new one, entire, and consistent. */
function expectConsistent(label: string) {
  const now = snapshot(w.output);
  const which = JSON.stringify(now) === JSON.stringify(before) ? 'old' : JSON.stringify(now) === JSON.stringify(after) ? 'new' : 'mixed';
  const differs = (other: Record<string, string>) =>
    [...new Set([...Object.keys(now), ...Object.keys(other)])].filter((k) => now[k] !== other[k]).slice(0, 5).join(', ');
  expect(which, `${label}: differs from the old site in ${differs(before)}; from the new in ${differs(after)}`).not.toBe('mixed');
  expect(brokenParts(w.output), label).toEqual([]);
  return which;
}

describe('#11 a killed build', () => {
  it('should leave the old site or the new one, whole, at every moment, and the next build completes it', async () => {
    // Killed at named moments of the rebuild (the CLI sends itself SIGKILL there).
    const seen: Record<string, string> = {};
    for (const at of ['parsed', 'index', 'render:30', 'sync:40', 'published']) {
      const r = await runCli(w, { killAt: at });
      expect(r.signal, `${at}: ${r.stderr}`).toBe('SIGKILL');
      seen[at] = expectConsistent(at);
    }
    expect(seen).toEqual({ parsed: 'old', index: 'old', 'render:30': 'old', 'sync:40': 'old', published: 'new' });
    // Killed from outside at moments of the clock.
    for (const ms of [1500]) {
      await runCli(w, { killAfter: ms });
      expectConsistent(`${ms} ms`);
    }
    // The next build completes it: the site is the full build of the new input.
    const done = await runCli(w);
    expect(done.code, done.stderr).toBeLessThanOrEqual(1);
    expect(snapshot(w.output)).toEqual(after);
    expect(fs.readdirSync(w.dir).filter((n) => /\.(tmp|link)-/.test(n))).toEqual([]);

    // Back to the first input, killed while the spare folder is brought up to date from the record of the last build's changes.
    revert();
    [before, after] = [after, before];
    const killed = await runCli(w, { killAt: 'sync:5' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(expectConsistent('sync:5 (from the record)')).toBe('old');
    await runCli(w);
    expect(snapshot(w.output)).toEqual(after);
  }, 120_000);

  it('should refuse a second build while one runs, with one line naming the other', () => {
    const lock = lockSite(w.output);
    try {
      const second = spawnSync(process.execPath, [...NODE_ARGS, 'build', '--input', w.input, '--output', w.output, '--site-url', 'https://example.org/'], { cwd: w.dir, encoding: 'utf8' });
      expect(second.status).toBe(1);
      expect(second.stderr.trim()).toBe(`archive: another build (pid ${process.pid}) is writing _site; wait for it to finish (or stop it) and run this one again`);
    } finally {
      lock.release();
    }
  });
});
