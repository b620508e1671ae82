/**
 * Build benchmark: `npm run bench -- --pages N`.
 *
 * Makes a synthetic archive of N pages from the fixture pages, then measures a
 * cold build (empty cache), a rebuild after adding one page (a new issue), a
 * rebuild after editing one old page and a rebuild with no change, each as
 * its own process. Reports peak RSS (of the build and the processes it
 * starts), time per page for each stage of the
 * cold build, output and index size, and the seconds each rebuild spent
 * publishing (making the spare build folder the new site and switching to
 * it: what atomic builds cost; the first rebuild after a cold build links
 * every file into the spare folder). The spare is brought up to date beside
 * the render, so `publish` is the wait for it that is left, plus linking in
 * the build's own changes and switching.
 * The last line is one JSON object:
 * {"pages", "articles", "cold_s", "add_one_s", "edit_one_s", "noop_s", "publish_s": {"add", "edit", "noop"}, "peak_rss_mb", "peak_rss_mb_each": {"cold", "add", "edit", "noop"}, "per_page_ms": {stage: ms}, "output_mb", "index_mb"}
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { synthArchive } from './synth-archive.ts';
import { dirBytes } from '../src/util/files.ts';

const ROOT = path.join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { pages: { type: 'string' }, keep: { type: 'boolean' } } });
const pages = Number(values.pages ?? 500);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
const input = path.join(work, 'articles');
const output = path.join(work, '_site');
const log = (...a: unknown[]) => console.error('[bench]', ...a);

interface Report {
  timings: Array<{ stage: string; ms: number; calls: number }>;
  maxRssKb: number;
  pages: number;
  articles: number;
}

/** Size of a memory page (Linux on x86-64 and most arm64). */
const PAGE_KB = 4;

/**
 * Resident memory of a process and all its descendants, in KB, from /proc
 * (Linux): a build analyzes scans in child processes, whose memory the
 * build's own peak RSS does not count. Pages the processes share (node's
 * own code) count once for each: the figure errs high.
 */
function treeRssKb(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command (which may hold spaces), in parentheses: state, ppid, … rss (in pages) is the 24th field.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE_KB);
    } catch {
      // The process ended meanwhile.
    }
  }
  let kb = 0;
  for (const [pid, pages] of rss) {
    let p: number | undefined = pid;
    while (p && p !== root) p = parent.get(p);
    if (p === root) kb += pages;
  }
  return kb;
}
/** Run `archive build` in its own process; returns wall seconds, its report and the peak RSS of it and its children (sampled every 100 ms). */
async function runBuild(label: string): Promise<{ seconds: number; report: Report; treeRssKb: number }> {
  const reportFile = path.join(work, `${label}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/archive.js'), 'build', '--input', input, '--output', output], {
    cwd: work,
    env: { ...process.env, ARCHIVE_REPORT: reportFile, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 100);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const summary = stdout.trim().split('\n').pop();
  log(`${label}: ${seconds.toFixed(1)} s — ${summary}`);
  if (status !== 0 && status !== 1) throw new Error(`build failed (${status}): ${stderr.slice(-2000)}`);
  const report: Report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const treeRss = Math.max(peak, report.maxRssKb);
  log(`${label} stages (s): ${report.timings.map((t) => `${t.stage} ${(t.ms / 1000).toFixed(1)}`).join(', ')}; peak RSS ${mb(treeRss)} MB with its children (${mb(report.maxRssKb)} MB the build's own process)`);
  return { seconds, report, treeRssKb: treeRss };
}
const mb = (kb: number) => Math.round(kb / 1024);

log(`synthetic archive of ${pages} pages in ${work}`);
// Keep one page back: it is the page "added" later, on a new, newest date.
const made = synthArchive({ pages: pages + 1, out: input, seed: 7 });
const dates = fs.readdirSync(path.join(input, 'jlrb')).filter((d) => /^\d{4}-/.test(d)).sort();
const lastDate = fs.readdirSync(path.join(input, 'cswb')).filter((d) => /^\d{4}-/.test(d)).sort().pop()!;
const lastDir = path.join(input, 'cswb', lastDate);
const held = fs.readdirSync(lastDir).sort((a, b) => parseInt(b) - parseInt(a))[0];
const heldText = fs.readFileSync(path.join(lastDir, held));
fs.rmSync(path.join(lastDir, held));
if (!fs.readdirSync(lastDir).length) fs.rmSync(lastDir, { recursive: true });
log(`${made.pages - 1} pages, about ${made.articles} articles`);

const cold = await runBuild('cold');
// Add one page: a new issue after the newest one.
const newDay = new Date(Date.parse(`${dates[dates.length - 1]}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
fs.mkdirSync(path.join(input, 'jlrb', newDay), { recursive: true });
fs.writeFileSync(path.join(input, 'jlrb', newDay, '1.txt'), heldText);
const add = await runBuild('add-one');
// Edit one page: fix a word in an old scan.
const oldPage = path.join(input, 'jlrb', dates[Math.floor(dates.length / 3)], '2.txt');
fs.writeFileSync(oldPage, fs.readFileSync(oldPage, 'utf8').replace(/([。])/, '（更正）$1'));
const edit = await runBuild('edit-one');
const noop = await runBuild('no-op');
const publish = (r: { report: Report }) => Math.round((r.report.timings.find((t) => t.stage === 'publish')?.ms ?? 0) / 100) / 10;

const per: Record<string, number> = {};
for (const t of cold.report.timings) per[t.stage] = Math.round((t.ms / cold.report.pages) * 100) / 100;
const result = {
  pages: cold.report.pages,
  articles: cold.report.articles,
  cold_s: Math.round(cold.seconds * 10) / 10,
  add_one_s: Math.round(add.seconds * 10) / 10,
  edit_one_s: Math.round(edit.seconds * 10) / 10,
  noop_s: Math.round(noop.seconds * 10) / 10,
  publish_s: { add: publish(add), edit: publish(edit), noop: publish(noop) },
  peak_rss_mb: mb(Math.max(cold.treeRssKb, add.treeRssKb, edit.treeRssKb, noop.treeRssKb)),
  peak_rss_mb_each: { cold: mb(cold.treeRssKb), add: mb(add.treeRssKb), edit: mb(edit.treeRssKb), noop: mb(noop.treeRssKb) },
  per_page_ms: per,
  output_mb: Math.round(dirBytes(output) / 1e5) / 10,
  index_mb: Math.round(dirBytes(path.join(output, 'search-index')) / 1e5) / 10,
};
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify(result));
