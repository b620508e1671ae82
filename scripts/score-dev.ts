/**
 * Score the parser on a folder of scans with answers (default ../shared/corpus/dev,
 * else the copy in src/parse/fixtures): writes `archive parse --json` output for
 * each scan to a temp folder and runs the team's scorer (scripts/eval/score.mjs).
 *
 * Usage: npm run score [-- CORPUS_DIR] [--part A|B|C | --except A|B|C] [--min boundary_f1=0.97 …]
 *
 * `--part` scores one of the fixed parts of the dev set (DEV_PARTS below), `--except` all
 * but one: rules are written on some parts and measured on the part held out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseScan } from '../src/parse/parse-page.ts';
import { toJsonOutput } from '../src/cli/parse-command.ts';
import { DEV_PARTS } from './dev-parts.ts';
import { correctionReport, formatReport } from './correction-report.ts';

const args = process.argv.slice(2);
const fallback = fs.existsSync('../shared/corpus/dev') ? '../shared/corpus/dev' : 'src/parse/fixtures';
const corpus = args[0] && !args[0].startsWith('--') ? args.shift()! : fallback;
let stems: Set<string> | null = null;
for (const flag of ['--part', '--except']) {
  const at = args.indexOf(flag);
  if (at < 0) continue;
  const name = args[at + 1];
  if (!DEV_PARTS[name]) {
    console.error(`${flag} takes one of ${Object.keys(DEV_PARTS).join(', ')}, not ${name ?? 'nothing'}`);
    process.exit(2);
  }
  args.splice(at, 2);
  const all = fs.readdirSync(corpus).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length));
  stems = new Set(flag === '--part' ? DEV_PARTS[name] : all.filter((s) => !DEV_PARTS[name].includes(s)));
}
const scorer = path.resolve('scripts/eval/score.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-score-'));
const out = path.join(tmp, 'pred');
const gold = path.join(tmp, 'gold');
fs.mkdirSync(out);
fs.mkdirSync(gold);
for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
  const stem = f.replace(/\.txt$/, '');
  if (stems && !stems.has(stem)) continue;
  fs.copyFileSync(path.join(corpus, `${stem}.gold.json`), path.join(gold, `${stem}.gold.json`));
  const page = parseScan(fs.readFileSync(path.join(corpus, f)));
  fs.writeFileSync(path.join(out, `${stem}.json`), JSON.stringify(toJsonOutput(page), null, 1));
}
console.error(`predictions in ${out}`);
const r = spawnSync(process.execPath, [scorer, gold, out, ...args], { stdio: 'inherit' });
// The look-alike corrector on the same pages (#13).
const scored = fs.readdirSync(gold).map((f) => f.slice(0, -'.gold.json'.length)).sort();
console.log(formatReport(correctionReport(corpus, scored)));
process.exit(r.status ?? 1);
