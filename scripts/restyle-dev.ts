/**
 * Style robustness: print every answered dev page again in each OCR style
 * (wrapped, hardwrap, charspace; clean text, half-width punctuation, the
 * page furniture on top, datelines at the start of the first paragraph) and
 * score the parser on each printing against the same answers. A rule that
 * only works in the style of the page it was written on shows up here.
 * Then 60 new pages, each of four to seven articles drawn from all answers
 * (seeded), in a random style and width: boundaries between articles that
 * never stood next to each other.
 *
 * Usage: npm run score:restyle [-- --quiet]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parsePage } from '../src/parse/parse-page.ts';
import { toJsonOutput } from '../src/cli/parse-command.ts';
import { printPage, rng, type PrintStyle } from './synth-archive.ts';

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

// New pages from answers that never stood together.
{
  const r = rng(10);
  const pool = stems.flatMap((stem) => {
    const answer = JSON.parse(fs.readFileSync(path.join(corpus, `${stem}.gold.json`), 'utf8'));
    // Answers of both generations side by side: every dateline goes back into its paragraph, where the
    // first generation keeps it, and the scorer compares it there.
    return (answer.articles as Array<{ dateline?: string | null; paragraphs: string[]; captions?: number[] }>).map(({ dateline, ...a }) => {
      const at = a.captions?.length ? a.paragraphs.findIndex((_, i) => !a.captions!.includes(i)) : 0;
      return { ...a, paragraphs: a.paragraphs.map((p, i) => (i === at && dateline ? dateline + p : p)) };
    });
  });
  const furnitures = stems.map((stem) => JSON.parse(fs.readFileSync(path.join(corpus, `${stem}.gold.json`), 'utf8')).furniture ?? []);
  const gold = path.join(tmp, 'mixed', 'gold');
  const pred = path.join(tmp, 'mixed', 'pred');
  fs.mkdirSync(gold, { recursive: true });
  fs.mkdirSync(pred, { recursive: true });
  for (let n = 0; n < 60; n++) {
    const articles = Array.from({ length: r.int(4, 7) }, () => r.pick(pool));
    const style = r.pick(['wrapped', 'hardwrap', 'charspace'] as const);
    const furniture = r.pick(furnitures);
    const text = printPage(articles as never, style, r.pick(widths[style]), furniture);
    const stem = `mixed-${String(n).padStart(2, '0')}`;
    fs.writeFileSync(path.join(gold, `${stem}.gold.json`), JSON.stringify({ source: `${stem}.txt`, style, furniture, articles }));
    fs.writeFileSync(path.join(gold, `${stem}.txt`), text);
    fs.writeFileSync(path.join(pred, `${stem}.json`), JSON.stringify(toJsonOutput(parsePage(text))));
  }
  console.log('# mixed');
  const res = spawnSync(process.execPath, [scorer, gold, pred, '--quiet'], { encoding: 'utf8' });
  process.stdout.write(res.stdout.trim().split('\n').pop() + '\n');
}
