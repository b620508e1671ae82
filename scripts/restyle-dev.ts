/**
 * Style robustness: print every answered dev page again in each OCR style
 * (wrapped, hardwrap, charspace; clean text, half-width punctuation, the
 * page furniture on top, datelines at the start of the first paragraph) and
 * score the parser on each printing against the same answers. A rule that
 * only works in the style of the page it was written on shows up here.
 *
 * Usage: npm run score:restyle [-- --quiet]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parsePage } from '../src/parse/parse-page.ts';
import { toJsonOutput } from '../src/cli/parse-command.ts';
import { printPage, type PrintStyle } from './synth-archive.ts';

const corpus = fs.existsSync('../shared/corpus/dev') ? '../shared/corpus/dev' : 'src/parse/fixtures';
const scorer = path.resolve('scripts/eval/score.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-restyle-'));
const stems = fs.readdirSync(corpus).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
const widths: Record<PrintStyle, number[]> = { wrapped: [16, 17, 18, 19], hardwrap: [11, 12, 13, 14], charspace: [11, 12, 13, 14] };

for (const style of ['wrapped', 'hardwrap', 'charspace'] as const) {
  const gold = path.join(tmp, style, 'gold');
  const pred = path.join(tmp, style, 'pred');
  fs.mkdirSync(gold, { recursive: true });
  fs.mkdirSync(pred, { recursive: true });
  stems.forEach((stem, i) => {
    const answer = JSON.parse(fs.readFileSync(path.join(corpus, `${stem}.gold.json`), 'utf8'));
    const text = printPage(answer.articles, style, widths[style][i % 4], answer.furniture ?? []);
    fs.writeFileSync(path.join(gold, `${stem}.gold.json`), JSON.stringify(answer));
    fs.writeFileSync(path.join(gold, `${stem}.txt`), text);
    fs.writeFileSync(path.join(pred, `${stem}.json`), JSON.stringify(toJsonOutput(parsePage(text))));
  });
  console.log(`# ${style}`);
  const r = spawnSync(process.execPath, [scorer, gold, pred, '--quiet'], { encoding: 'utf8' });
  process.stdout.write(r.stdout.trim().split('\n').pop() + '\n');
}
