/**
 * CLI start benchmark: `npm run bench:cli [-- --runs 7]`.
 *
 * Builds the bundled archive into a scratch folder, then times three
 * commands, each as its own process the way a user runs them
 * (`node bin/archive.js …`): `archive --help`, `archive parse` of the bundled
 * scan and `archive search 长春` on the built site. Prints the median and
 * the range of the runs; the last line is one JSON object:
 * {"runs", "help_s", "parse_s", "search_s"} (medians).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const ROOT = path.join(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'bin/archive.js');
const SCAN = path.join(ROOT, 'articles/jlrb/2023-02-01/3.txt');
const { values } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Number(values.runs ?? 7);
const log = (...a: unknown[]) => console.error('[bench:cli]', ...a);

/** Run the CLI once; returns wall seconds (throws when the command fails). */
function run(args: string[], cwd: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`archive ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return seconds;
}

/** Time a command `runs` times after one warm-up run (which fills the file cache); returns the median. */
function timeCommand(label: string, args: string[], cwd: string): number {
  run(args, cwd);
  const times = Array.from({ length: runs }, () => run(args, cwd)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  log(`${label.padEnd(8)} median ${median.toFixed(3)} s (${times[0].toFixed(3)}–${times[times.length - 1].toFixed(3)} s, ${runs} runs)`);
  return median;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cli-'));
try {
  const site = path.join(work, '_site');
  run(['build', '--input', path.join(ROOT, 'articles'), '--output', site], work);
  const help = timeCommand('--help', ['--help'], work);
  const parse = timeCommand('parse', ['parse', SCAN], work);
  const search = timeCommand('search', ['search', '长春', '--site', site], work);
  console.log(JSON.stringify({ runs, help_s: round(help), parse_s: round(parse), search_s: round(search) }));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}
