/**
 * Score the parser on a folder of scans with answers (default ../shared/corpus/dev):
 * writes `archive parse --json` output for each scan to a temp folder and runs
 * the scorer (scripts/eval/score.mjs) on it.
 * Usage: npm run score [-- CORPUS_DIR] [--min boundary_f1=0.97 …]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseScan } from '../src/parse/parse-page.ts';
import { toJsonOutput } from '../src/cli/parse-command.ts';

const args = process.argv.slice(2);
const fallback = fs.existsSync('../shared/corpus/dev') ? '../shared/corpus/dev' : 'src/parse/fixtures';
const corpus = args[0] && !args[0].startsWith('--') ? args.shift()! : fallback;
const scorer = path.resolve('scripts/eval/score.mjs');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-score-'));
for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
  const page = parseScan(fs.readFileSync(path.join(corpus, f)));
  fs.writeFileSync(path.join(out, f.replace(/\.txt$/, '.json')), JSON.stringify(toJsonOutput(page), null, 1));
}
console.error(`predictions in ${out}`);
const r = spawnSync(process.execPath, [scorer, corpus, out, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
